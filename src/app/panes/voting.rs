//! Dot voting: the room's view of the options or alternatives, beside the weighted analysis.

use crate::analysis::voting::{RoomVsAnalysis, compare};
use crate::app::command::Command;
use crate::app::plots::alternatives_map::status_color;
use crate::app::state::{PaneEnv, Sections};
use crate::app::widgets::{self, form, pane_header};
use crate::model::voting::{MAX_DOTS_EACH, latest, tally_order};
use crate::model::{Choice, Project, VoteSubject, VoteTarget, VotingRound};
use egui::{Color32, RichText};

const GUIDANCE: &str = "Each participant gets a few dots (three is common) and puts them on the alternatives or \
options they would pursue, several on one if they feel strongly. Click a cell to place a dot, right-click (or \
Shift+click) to take one off. The tally shows where the room leans; it does not replace the weighted analysis, it \
tests it: where the room and the ranking disagree, ask what the criteria miss. The dots on alternatives appear on \
the map.";

/// The fill of the dot badges on the map: dark enough for white numbers in both themes.
pub const BADGE_COLOR: Color32 = Color32::from_rgb(110, 50, 190);

/// The colour of dots in the ballots: light on dark, dark on light.
pub fn dot_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(190, 150, 255)
    } else {
        Color32::from_rgb(110, 50, 190)
    }
}

/// The index of the round the pane shows: the chosen one if it still exists, else the latest.
pub fn current_round(project: &Project, sections: &Sections) -> Option<usize> {
    sections
        .voting_round
        .and_then(|id| project.votes.iter().position(|r| r.id == id))
        .or_else(|| {
            project
                .votes
                .iter()
                .enumerate()
                .max_by_key(|(i, r)| (r.date, *i))
                .map(|(i, _)| i)
        })
}

/// The round whose dots the map shows: the pane's round if it votes on alternatives, else
/// the latest round on alternatives.
pub fn round_on_map<'p>(project: &'p Project, sections: &Sections) -> Option<&'p VotingRound> {
    current_round(project, sections)
        .map(|i| &project.votes[i])
        .filter(|r| r.subject == VoteSubject::Alternatives)
        .or_else(|| latest(&project.votes, VoteSubject::Alternatives))
}

fn round_title(round: &VotingRound) -> String {
    format!(
        "{} · {} ({})",
        round.date,
        round.question,
        round.subject.label().to_lowercase()
    )
}

/// Draws the voting pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, env, "Voting", GUIDANCE);
    let current = current_round(project, env.sections);
    if let Some(view) = env.room {
        crate::app::room::panel(ui, view, env.presenting, env.commands);
        ui.add_space(4.0);
    } else {
        let shown = current.map(|i| (project.votes[i].id, project.votes[i].kind));
        crate::app::room::opener(ui, env.room_choices, env.interfaces, shown, env.commands);
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(i) = current {
            let label = ui.label("Round");
            egui::ComboBox::from_id_salt("voting_round")
                .selected_text(round_title(&project.votes[i]))
                .width((ui.available_width() - 12.0).clamp(160.0, 480.0))
                // A long question wraps on the button rather than being cut short.
                .wrap()
                .show_ui(ui, |ui| {
                    for round in &project.votes {
                        if ui
                            .selectable_label(round.id == project.votes[i].id, round_title(round))
                            .clicked()
                        {
                            env.sections.voting_round = Some(round.id);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        }
        for subject in VoteSubject::ALL {
            let text = match subject {
                VoteSubject::Alternatives => "➕ New round on alternatives",
                VoteSubject::Options => "➕ New round on options",
            };
            if ui
                .button(text)
                .on_hover_text("Dated today, with the participants of the last round")
                .clicked()
            {
                env.send(Command::NewVotingRound(*subject));
            }
        }
    });
    let Some(index) = current else {
        widgets::empty_hint(
            ui,
            "No voting yet. Start a round when the room has the alternatives (or options) in front of it.",
        );
        return;
    };
    if project.votes[index].kind != crate::model::RoundKind::Dots {
        answered_from_phones(ui, project, index, env);
        return;
    }
    let targets = project.votes[index].targets(project);
    let ranks: Vec<Option<usize>> = targets
        .iter()
        .map(|(target, _)| match target {
            VoteTarget::Alternative(id) => env.derived.evaluation.alternative(*id).map(|r| r.rank),
            VoteTarget::Option(_) => None,
        })
        .collect();
    let colors: Vec<Color32> = {
        let dark = ui.visuals().dark_mode;
        targets
            .iter()
            .map(|(target, _)| match target {
                VoteTarget::Alternative(id) => project
                    .alternative(*id)
                    .map_or(dot_color(dark), |a| status_color(a.status, dark)),
                VoteTarget::Option(_) => dot_color(dark),
            })
            .collect()
    };
    let round = &mut project.votes[index];
    egui::ScrollArea::vertical()
        .id_salt("voting_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.label(RichText::new(&round.question).heading().strong());
            ui.label(
                RichText::new(format!(
                    "{} · {} dots each · {} participant(s)",
                    round.date,
                    round.dots_each,
                    round.ballots.len()
                ))
                .weak(),
            );
            ui.add_space(4.0);
            if targets.is_empty() {
                let what = match round.subject {
                    VoteSubject::Alternatives => "No alternatives to vote on yet (pane 6).",
                    VoteSubject::Options => "No options to vote on yet (pane 5).",
                };
                widgets::empty_hint(ui, what);
            } else {
                ballot_tools(ui, round);
                let tallies = round.counts(&targets);
                ballots(ui, round, &targets, &tallies);
                ui.add_space(10.0);
                tally(ui, round, &targets, &tallies, &ranks, &colors);
            }
            ui.add_space(10.0);
            round_section(ui, round, "dots", env);
        });
}

/// A round of another kind than dots: its answers come from phones; they stay hidden while
/// the room is open and not revealed.
fn answered_from_phones(
    ui: &mut egui::Ui,
    project: &mut Project,
    index: usize,
    env: &mut PaneEnv<'_>,
) {
    egui::ScrollArea::vertical()
        .id_salt("voting_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let round = &project.votes[index];
            ui.add_space(4.0);
            ui.label(RichText::new(&round.question).heading().strong());
            ui.label(
                RichText::new(format!(
                    "{} · {} · answered from phones",
                    round.date,
                    round.kind.label()
                ))
                .weak(),
            );
            ui.add_space(4.0);
            let hidden = env.room.is_some_and(|v| {
                v.round == round.id && v.progress.phase == crate::room::state::Phase::Open
            });
            if hidden {
                widgets::empty_hint(
                    ui,
                    "The answers are hidden until you reveal them: nobody, you included, sees them before, so the first answers do not anchor the rest.",
                );
            } else {
                let round = round.clone();
                super::room_results::show(ui, &round, project, env);
            }
            ui.add_space(10.0);
            let round = &mut project.votes[index];
            round_section(ui, round, "answers", env);
        });
}

/// The round's own fields and its delete button; `what` it holds ("dots", "answers").
fn round_section(ui: &mut egui::Ui, round: &mut VotingRound, what: &str, env: &mut PaneEnv<'_>) {
    egui::CollapsingHeader::new(RichText::new("The round").strong())
        .id_salt("voting_details")
        .default_open(true)
        .show(ui, |ui| {
            details(ui, round);
            if ui
                .button("🗑 Delete this round")
                .on_hover_text(format!(
                    "Delete the round and its {what} (Edit → Undo brings it back)"
                ))
                .clicked()
            {
                env.send(Command::RemoveVotingRound(round.id));
            }
        });
}

fn details(ui: &mut egui::Ui, round: &mut VotingRound) {
    form(ui, ("voting", round.id), |f| {
        f.text("Question", &mut round.question);
        f.date("Date", &mut round.date);
        f.value("Kind", round.kind.label());
        if round.kind.on_criteria() {
            f.value("Votes on", "Criteria");
        } else {
            f.value("Votes on", round.subject.label());
        }
        if round.kind != crate::model::RoundKind::Dots {
            f.area("What the room concluded", &mut round.note);
            return;
        }
        f.custom("Dots each", |ui| {
            let mut dots = round.dots_each;
            let response = ui
                .add(egui::DragValue::new(&mut dots).range(1..=MAX_DOTS_EACH).clamp_existing_to_range(false))
                .accessible_name("Dots each")
                .on_hover_text(
                    "Three is common; about a third of the items is a rule of thumb. Fewer dots take the last-placed ones back.",
                );
            if response.changed() {
                round.set_dots_each(dots);
            }
        });
        f.area("What the room concluded", &mut round.note);
    });
}

/// A cell's dots: one ● per dot, or a count when there are many.
fn dots_text(count: u32) -> String {
    match count {
        0 => String::new(),
        1..=5 => "●".repeat(count as usize),
        _ => format!("●×{count}"),
    }
}

/// The width of one item's column in the ballots, and the gap after it.
const COLUMN: f32 = 88.0;
const GAP: f32 = 6.0;
/// The height of a ballot row.
const ROW: f32 = 30.0;
/// The narrowest the participants' names get.
const NAME: f32 = 150.0;
/// The share of the pane's width the names may take at most, the rest being the items'.
const NAME_SHARE: f32 = 0.4;

/// The width of the participants' names: the longest name's, within [`NAME`] and
/// [`NAME_SHARE`] of the pane (a longer name scrolls inside its field; its hover shows it whole).
fn name_width(ui: &egui::Ui, round: &VotingRound) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let margin = ui.spacing().button_padding.x * 2.0 + 8.0;
    let longest = ui.fonts_mut(|f| {
        round
            .ballots
            .iter()
            .map(|b| {
                f.layout_no_wrap(b.participant.clone(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
            .fold(0.0_f32, f32::max)
    });
    (longest + margin).clamp(NAME, (ui.available_width() * NAME_SHARE).max(NAME))
}

/// The most header lines of an item's name; longer names end in "…" (the full name is on
/// hover). Eight lines of a column hold about a hundred characters.
const HEADER_ROWS: usize = 8;

/// The lines the items' names take as column headers: the longest name's (by characters, so a
/// round on thousands of options lays out a few names, not all), at least three.
fn header_rows(ui: &egui::Ui, targets: &[(VoteTarget, String)]) -> usize {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut by_length: Vec<&str> = targets.iter().map(|(_, n)| n.as_str()).collect();
    if by_length.len() > 5 {
        by_length.select_nth_unstable_by_key(4, |n| std::cmp::Reverse(n.chars().count()));
        by_length.truncate(5);
    }
    let rows = ui.fonts_mut(|f| {
        by_length
            .iter()
            .map(|n| {
                f.layout((*n).to_owned(), font.clone(), Color32::WHITE, COLUMN)
                    .rows
                    .len()
            })
            .max()
            .unwrap_or(1)
    });
    rows.clamp(3, HEADER_ROWS)
}

/// A cell of a ballot row: exactly `size`, content laid out by `layout`.
fn cell<R>(
    ui: &mut egui::Ui,
    size: egui::Vec2,
    layout: egui::Layout,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    // A child that does not allocate again: the space is already taken.
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout));
    add(&mut child)
}

fn centred() -> egui::Layout {
    egui::Layout::centered_and_justified(egui::Direction::TopDown)
}

/// An item's name as a column header: at most [`HEADER_ROWS`] centred lines.
fn header(ui: &mut egui::Ui, name: &str, height: f32) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().strong_text_color();
    let mut job = egui::text::LayoutJob::simple(name.to_owned(), font, color, COLUMN);
    job.wrap.max_rows = HEADER_ROWS;
    job.halign = egui::Align::Center;
    cell(
        ui,
        egui::vec2(COLUMN, height),
        egui::Layout::bottom_up(egui::Align::Center),
        |ui| ui.add(egui::Label::new(job)).on_hover_text(name),
    );
}

/// The ballots: one row per participant, one column per item. The names stay in place while
/// the items scroll sideways, and only the columns in view are drawn, so a round on two
/// thousand options stays as quick as one on three alternatives.
fn ballots(
    ui: &mut egui::Ui,
    round: &mut VotingRound,
    targets: &[(VoteTarget, String)],
    tallies: &[u32],
) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let header_height =
        ui.fonts_mut(|f| f.row_height(&font)) * header_rows(ui, targets) as f32 + 4.0;
    let dot = dot_color(ui.visuals().dark_mode);
    let stripe = ui.visuals().faint_bg_color;
    let name = name_width(ui, round);
    // Each row as tall as its participant's name, which wraps in its field.
    let heights: Vec<f32> = round
        .ballots
        .iter()
        .map(|b| (widgets::line_edit_height(ui, &b.participant, name) + 4.0).max(ROW))
        .collect();
    let mut remove = None;
    // The whole block's height up front: a horizontal layout would otherwise give the scroll
    // area the height of one row and clip the ballots.
    let scroll_bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin + 4.0;
    let height =
        header_height + heights.iter().map(|h| h + 4.0).sum::<f32>() + (ROW + 4.0) + scroll_bar;
    let size = egui::vec2(ui.available_width(), height);
    ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Min), |ui| {
        ui.set_min_height(height);
        ui.spacing_mut().item_spacing = egui::vec2(0.0, 4.0);
        // The names, fixed.
        ui.vertical(|ui| {
            cell(
                ui,
                egui::vec2(name + 30.0, header_height),
                egui::Layout::bottom_up(egui::Align::Min),
                |ui| ui.strong("Participant"),
            );
            for (b, ballot) in round.ballots.iter_mut().enumerate() {
                let row_height = heights[b];
                ui.horizontal(|ui| {
                    if b % 2 == 1 {
                        let row = egui::Rect::from_min_size(
                            ui.cursor().min,
                            egui::vec2(name + 30.0, row_height),
                        );
                        ui.painter().rect_filled(row, 0.0, stripe);
                    }
                    cell(
                        ui,
                        egui::vec2(28.0, row_height),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                        if ui
                            .small_button("✖")
                            .on_hover_text("Remove this participant and their dots")
                            .clicked()
                        {
                            remove = Some(b);
                        }
                        },
                    );
                    ui.add_space(2.0);
                    ui.allocate_ui_with_layout(
                        egui::vec2(name, row_height),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            widgets::line_edit(ui, &mut ballot.participant, name)
                                .accessible_name(format!("Name of participant {}", b + 1));
                        },
                    );
                });
            }
            cell(
                ui,
                egui::vec2(name + 30.0, ROW),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| ui.strong("Tally"),
            );
        });
        ui.add_space(GAP);
        // The items, scrolling sideways; the column of dots left at the end.
        let step = COLUMN + GAP;
        let n = targets.len();
        let out = egui::ScrollArea::horizontal()
            .id_salt("ballots_scroll")
            .auto_shrink([false, true])
            .show_viewport(ui, |ui, viewport| {
                // The content inherits the row's left-to-right layout; rows go downwards.
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.spacing_mut().item_spacing = egui::vec2(0.0, 4.0);
                let first = ((viewport.min.x / step).floor().max(0.0) as usize).min(n);
                let last = (((viewport.max.x / step).ceil().max(0.0) as usize) + 1).min(n);
                let skip_before = first as f32 * step;
                let skip_after = (n - last) as f32 * step;
                let left_width = 56.0;
                ui.set_min_width(n as f32 * step + left_width);
                ui.horizontal(|ui| {
                    ui.add_space(skip_before);
                    for (_, name) in &targets[first..last] {
                        header(ui, name, header_height);
                        ui.add_space(GAP);
                    }
                    ui.add_space(skip_after);
                    cell(
                        ui,
                        egui::vec2(left_width, header_height),
                        egui::Layout::bottom_up(egui::Align::Center),
                        |ui| ui.strong("Left"),
                    );
                });
                for (b, &row_height) in heights.iter().enumerate() {
                    let left = round.dots_each.saturating_sub(round.ballots[b].used());
                    ui.horizontal(|ui| {
                        if b % 2 == 1 {
                            let row = egui::Rect::from_min_size(
                                ui.cursor().min + egui::vec2(skip_before, 0.0),
                                egui::vec2((last - first) as f32 * step + left_width, row_height),
                            );
                            ui.painter().rect_filled(row, 0.0, stripe);
                        }
                        ui.add_space(skip_before);
                        for (target, name) in &targets[first..last] {
                            let count = round.ballots[b].dots_on(*target);
                            let text = if count == 0 && left > 0 {
                                RichText::new("+").weak()
                            } else {
                                RichText::new(dots_text(count)).color(dot).size(18.0)
                            };
                            let who = &round.ballots[b].participant;
                            // Centred in a row made taller by a wrapped name.
                            let response = cell(
                                ui,
                                egui::vec2(COLUMN, row_height),
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    ui
                                    .add_sized(
                                        [COLUMN, ROW - 2.0],
                                        egui::Button::new(text).frame(count > 0 || left > 0),
                                    )
                                    .accessible_name(format!("{who} on {name}"))
                                    .on_hover_text(format!(
                                        "{who} → {name}: {count} dot(s). Click (or Space) adds one; right-click, Shift+click or Backspace takes one off."
                                    ))
                                },
                            );
                            let shift = ui.input(|i| i.modifiers.shift);
                            let take_back = response.secondary_clicked()
                                || (response.clicked() && shift)
                                || (response.has_focus()
                                    && ui.input(|i| {
                                        i.key_pressed(egui::Key::Backspace)
                                            || i.key_pressed(egui::Key::Delete)
                                    }));
                            if take_back {
                                round.remove_dot(b, *target);
                            } else if response.clicked() {
                                round.add_dot(b, *target);
                            }
                            ui.add_space(GAP);
                        }
                        ui.add_space(skip_after);
                        let (text, color) = if left == 0 {
                            ("✔".to_owned(), widgets::signal_color(ui, 1))
                        } else {
                            (left.to_string(), ui.visuals().text_color())
                        };
                        cell(ui, egui::vec2(left_width, row_height), centred(), |ui| {
                            ui.label(RichText::new(text).color(color).strong())
                                .on_hover_text(format!(
                                    "{left} of {} dots left",
                                    round.dots_each
                                ));
                        });
                    });
                }
                ui.horizontal(|ui| {
                    ui.add_space(skip_before);
                    for tally in &tallies[first..last] {
                        cell(ui, egui::vec2(COLUMN, ROW), centred(), |ui| {
                            ui.label(RichText::new(tally.to_string()).strong().size(18.0));
                        });
                        ui.add_space(GAP);
                    }
                    ui.add_space(skip_after + left_width);
                });
                });
            });
        widgets::note_sideways(ui, &out);
    });
    if let Some(b) = remove {
        round.ballots.remove(b);
    }
}

/// Adding participants and starting over, above the ballots where the room can see it.
fn ballot_tools(ui: &mut egui::Ui, round: &mut VotingRound) {
    ui.horizontal(|ui| {
        let full = round.ballots.len() >= crate::model::voting::MAX_PARTICIPANTS;
        if ui
            .add_enabled(!full, egui::Button::new("➕ Add participant"))
            .on_hover_text("Numbered; type over the name if the room wants names")
            .clicked()
        {
            round.add_participant();
        }
        if ui
            .button("Clear all dots")
            .on_hover_text(
                "Start the vote again with the same participants (Edit → Undo brings the dots back)",
            )
            .clicked()
        {
            round.clear_dots();
        }
    });
}

/// The tally as bars, most dots first, with the analysis' rank beside alternatives, and what
/// the comparison says.
fn tally(
    ui: &mut egui::Ui,
    round: &VotingRound,
    targets: &[(VoteTarget, String)],
    tallies: &[u32],
    ranks: &[Option<usize>],
    colors: &[Color32],
) {
    let placed = round.total();
    let possible = round.dots_held();
    ui.heading("Tally");
    ui.label(format!(
        "{placed} of {possible} dots placed by {} participant(s)",
        round.ballots.len()
    ));
    let order = tally_order(tallies);
    let max = order.first().map_or(0, |i| tallies[*i]).max(1);
    // Each item's name whole (wrapping) above its bar; the bar gives way to the numbers.
    for i in &order {
        let name = &targets[*i].1;
        let dots = tallies[*i];
        ui.add(egui::Label::new(name).wrap());
        let percent = if placed > 0 {
            f64::from(dots) * 100.0 / f64::from(placed)
        } else {
            0.0
        };
        let mut text = format!("{dots} dot(s) · {percent:.0} %");
        if let Some(rank) = ranks[*i] {
            text.push_str(&format!(" · analysis rank {rank}"));
        }
        ui.horizontal_wrapped(|ui| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            let words = ui.fonts_mut(|f| {
                f.layout_no_wrap(text.clone(), font, Color32::WHITE)
                    .size()
                    .x
            });
            let width = (ui.available_width() - words - 2.0 * ui.spacing().item_spacing.x)
                .clamp(60.0, 260.0);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 22.0), egui::Sense::hover());
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
            let share = dots as f32 / max as f32;
            let bar = egui::Rect::from_min_size(
                rect.min,
                egui::vec2(rect.width() * share, rect.height()),
            );
            painter.rect_filled(bar, 4.0, colors[*i].gamma_multiply(0.8));
            ui.label(text);
        });
        ui.add_space(4.0);
    }
    let without = targets.len() - order.len();
    if without > 0 {
        ui.label(RichText::new(format!("{without} more without dots")).weak());
    }
    if let Some(verdict) = compare(tallies, ranks) {
        comparison(ui, targets, &verdict);
    }
}

/// What the room's favourite says about the analysis' first place.
fn comparison(ui: &mut egui::Ui, targets: &[(VoteTarget, String)], verdict: &RoomVsAnalysis) {
    let names = |list: &[usize]| {
        let mut names: Vec<String> = list
            .iter()
            .take(3)
            .map(|i| format!("“{}”", targets[*i].1))
            .collect();
        if list.len() > 3 {
            names.push(format!("{} more", list.len() - 3));
        }
        names.join(" and ")
    };
    ui.add_space(6.0);
    match verdict {
        RoomVsAnalysis::Agree { favourite } => {
            ui.label(
                RichText::new(format!(
                    "✔ The room's favourite, {}, is also first in the weighted analysis.",
                    names(&[*favourite])
                ))
                .color(widgets::signal_color(ui, 1)),
            );
        }
        RoomVsAnalysis::Split { favourites, first } => {
            ui.label(format!(
                "The room is split between {}; the weighted analysis ranks “{}” first.",
                names(favourites),
                targets[*first].1
            ));
        }
        RoomVsAnalysis::Disagree { favourites, first } => {
            widgets::warning_banner(ui, "The room and the analysis disagree", |ui| {
                ui.label(format!(
                    "The room favours {}, the weighted analysis ranks “{}” first. Ask what the room sees that \
                     the criteria miss, or whether the weights say what the company wants.",
                    names(favourites),
                    targets[*first].1
                ));
            });
        }
    }
}
