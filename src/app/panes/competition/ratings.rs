//! The competition pane's ratings over time: when our strength and each competitor's were
//! rated, re-rating them, and how positions moved since an earlier rating.

use crate::analysis::competition::{
    Move, Position, earlier_rating_dates, moves, option_moves, point_text,
};
use crate::app::command::Command;
use crate::app::state::PaneEnv;
use crate::app::widgets;
use crate::model::competition::{CompetitorRating, Ratings, Side};
use crate::model::{Date, Project};
use egui::RichText;

/// A rating date in words: the date, or "undated".
pub(super) fn rated_text(rated: Option<Date>) -> String {
    rated.map_or_else(|| "undated".to_owned(), |d| d.to_string())
}

/// The earlier ratings' dates, newest first ("2026-03-01, undated").
pub(super) fn earlier_text(history: &[CompetitorRating]) -> String {
    let dates: Vec<String> = history.iter().rev().map(|r| rated_text(r.date)).collect();
    dates.join(", ")
}

const RERATE_HOVER: &str = "Keep the current rating as an earlier one, with its date, and date the strengths today; then edit what changed. Re-rating again the same day keeps editing today's rating.";

/// The button that re-rates a side (through a command, so it is one undo step), named for
/// screen readers and tests by whose strength it re-rates ("Re-rate our strength").
pub(super) fn rerate_button(ui: &mut egui::Ui, side: Side, name: &str, env: &mut PaneEnv<'_>) {
    if ui
        .button("Re-rate")
        .accessible_name(name)
        .on_hover_text(RERATE_HOVER)
        .clicked()
    {
        env.send(Command::Rerate(side));
    }
}

/// A side's rating date and earlier ratings in one line, with its Re-rate button first.
fn side_row(
    ui: &mut egui::Ui,
    side: Side,
    who: &str,
    kind: &str,
    ratings: &Ratings<'_>,
    env: &mut PaneEnv<'_>,
) {
    ui.horizontal_wrapped(|ui| {
        let name = match side {
            Side::Us => "Re-rate our strength".to_owned(),
            Side::Competitor(_) => format!("Re-rate {who}"),
        };
        rerate_button(ui, side, &name, env);
        ui.label(RichText::new(who).strong());
        if !kind.is_empty() {
            ui.label(RichText::new(kind).weak());
        }
        ui.label(format!("· rated {}", rated_text(ratings.rated)));
        if !ratings.history.is_empty() {
            ui.label(RichText::new(format!("· earlier: {}", earlier_text(ratings.history))).weak());
        }
    });
}

/// Draws the section.
pub(super) fn ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    egui::ScrollArea::vertical()
        .id_salt("competition_ratings")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label("Re-rate every few months: “Re-rate” keeps the current rating as an earlier one and dates the strengths today; then edit what changed under “Where we stand”.");
            ui.add_space(4.0);
            let c = &project.competition;
            side_row(ui, Side::Us, "Our strength", "", &c.our_ratings(), env);
            for competitor in &c.competitors {
                let kind = match competitor.kind {
                    crate::model::CompetitorKind::Performance => "performance",
                    crate::model::CompetitorKind::Attention => "attention",
                };
                side_row(
                    ui,
                    Side::Competitor(competitor.id),
                    &competitor.name,
                    kind,
                    &competitor.ratings(),
                    env,
                );
            }
            ui.add_space(8.0);
            moves_ui(ui, project, env);
        });
}

/// "How positions moved since <date>": the moves and the options they move.
fn moves_ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    let points = earlier_rating_dates(project);
    let Some(&last) = points.last() else {
        ui.strong("How positions moved");
        widgets::empty_hint(
            ui,
            "Nothing re-rated yet: press “Re-rate” beside a competitor or our strength when you rate it anew, then edit what changed; the positions that moved show here.",
        );
        return;
    };
    // The point chosen earlier, while it is still an earlier rating date; else the last.
    let mut since = env
        .sections
        .competition_since
        .filter(|p| points.contains(p))
        .unwrap_or(last);
    ui.horizontal_wrapped(|ui| {
        ui.strong("How positions moved since");
        egui::ComboBox::from_id_salt("competition_since")
            .selected_text(point_text(since))
            .show_ui(ui, |ui| {
                for point in points.iter().rev() {
                    let text = if *point == last {
                        format!("{} (the last re-rating)", point_text(*point))
                    } else {
                        point_text(*point)
                    };
                    ui.selectable_value(&mut since, *point, text);
                }
            })
            .response
            .accessible_name("Compare with the ratings of")
            .on_hover_text("Each side's rating in force on that date against the current ratings");
    });
    env.sections.competition_since = (since != last).then_some(since);
    let found = moves(project, since);
    if found.is_empty() {
        widgets::empty_hint(
            ui,
            &format!("No position moved since {}.", point_text(since)),
        );
    }
    for m in &found {
        move_row(ui, project, m);
    }
    ui.add_space(6.0);
    ui.strong("Options whose suggested position changed");
    let options = option_moves(project, since);
    if options.is_empty() {
        widgets::empty_hint(ui, "None.");
    }
    for o in &options {
        ui.add(egui::Label::new(format!("• {}", o.describe(project))).wrap());
    }
}

/// Behind < level < ahead; not rated below all.
fn rank(position: Option<Position>) -> i8 {
    match position {
        None => -2,
        Some(Position::Behind) => -1,
        Some(Position::Level) => 0,
        Some(Position::Ahead) => 1,
    }
}

/// One move in words, marked as ground gained (green) or lost (red).
fn move_row(ui: &mut egui::Ui, project: &Project, m: &Move) {
    let (mark, level, hover) = if m.before.is_none() || m.now.is_none() {
        ("●", 0, "Compared now or then only")
    } else if rank(m.now) > rank(m.before) {
        ("▲", 1, "Ground gained")
    } else {
        ("▼", -1, "Ground lost")
    };
    ui.horizontal_top(|ui| {
        ui.label(RichText::new(mark).color(widgets::signal_color(ui, level)))
            .on_hover_text(hover);
        ui.add(egui::Label::new(m.describe(project)).wrap());
    });
}
