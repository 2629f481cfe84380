//! Pane 4: the competitive situation.

mod ratings;

use super::master_detail;
use crate::analysis::competition::{Position, position};
use crate::app::state::{CompetitionSection, PaneEnv};
use crate::app::widgets::Rating;
use crate::app::widgets::{self, Col, cell_text, form, pane_header, section_tabs};
use crate::model::competition::{score_in, set_score_in};
use crate::model::{Arena, ArenaScore, ItemKind, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "Two kinds of competitor: performance competitors offer something similar; attention \
competitors fight for the same users' attention, often from another industry. Rate their strength per usage format, \
topic and user benefit (0–10) beside ours: the user benefit is what competes, and a position needs performance \
above theirs, not just knowledge of them.";

/// Draws the competition pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, env, "4 · Competitive situation", GUIDANCE);
    super::why_note(ui, project, crate::model::MethodStep::Competition);
    let arenas: Vec<(Arena, String)> = project
        .arenas()
        .into_iter()
        .map(|a| {
            let prefix = match a {
                Arena::UsageFormat(_) => "Format",
                Arena::Topic(_) => "Topic",
                Arena::UserBenefit(_) => "User benefit",
            };
            (a, format!("{prefix}: {}", project.arena_name(a)))
        })
        .collect();
    section_tabs(
        ui,
        &mut env.sections.competition,
        &[
            (CompetitionSection::Matrix, "Where we stand"),
            (CompetitionSection::Competitors, "Competitors"),
            (CompetitionSection::Ratings, "Ratings over time"),
        ],
    );
    match env.sections.competition {
        CompetitionSection::Matrix => {
            ui.label("Strength per arena, 0–10: our own and each competitor's. Drag or type a number; right-click to clear it.");
            moved_note(ui, project, env);
            matrix_ui(ui, project, &arenas);
            return;
        }
        CompetitionSection::Ratings => {
            ratings::ui(ui, project, env);
            return;
        }
        CompetitionSection::Competitors => {}
    }
    master_detail(
        ui,
        env,
        ItemKind::Competitor,
        &mut project.competition.competitors,
        |c| ItemRef::Competitor(c.id),
        vec![
            Col::name("Competitor"),
            Col::short("Kind"),
            Col::short("Arenas rated"),
            Col::short("Rated"),
        ],
        |c, row| {
            cell_text(row, &c.name);
            cell_text(row, c.kind.to_string());
            cell_text(row, c.strength.len().to_string());
            cell_text(row, ratings::rated_text(c.rated));
        },
        |ui, c, env| {
            form(ui, ("competitor", c.id), |f| {
                f.text("Name", &mut c.name);
                f.choice("Kind", &mut c.kind);
                f.area("What they do, why they matter", &mut c.description);
            });
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("Rated {}", ratings::rated_text(c.rated)));
                if !c.history.is_empty() {
                    let earlier = ratings::earlier_text(&c.history);
                    ui.label(RichText::new(format!("· earlier: {earlier}")).weak());
                }
                let name = format!("Re-rate {}", c.name);
                ratings::rerate_button(ui, crate::model::Side::Competitor(c.id), &name, env);
            });
            ui.strong("Strength per arena (0–10; empty = not rated)");
            egui::Grid::new(("competitor_arenas", c.id))
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for (arena, name) in &arenas {
                        ui.label(name);
                        score_cell(
                            ui,
                            &mut c.strength,
                            *arena,
                            &format!("{} in {name}", c.name),
                        );
                        ui.end_row();
                    }
                });
        },
    );
}

fn matrix_ui(ui: &mut egui::Ui, project: &mut Project, arenas: &[(Arena, String)]) {
    if arenas.is_empty() {
        widgets::empty_hint(
            ui,
            "Add usage formats (pane 2) and topics (pane 1) to compare strengths.",
        );
        return;
    }
    let positions: Vec<Option<Position>> =
        arenas.iter().map(|(a, _)| position(project, *a)).collect();
    let height = (ui.available_height() - 100.0).max(120.0);
    let widths = matrix_widths(ui, project, arenas);
    let row_height =
        (ui_line_height(ui) * widths.arena_lines as f32 + 10.0).max(widgets::ROW_HEIGHT + 2.0);
    // Where the matrix must scroll, the bar says so.
    widgets::sideways(ui, "matrix_h", |ui| {
        let mut table = egui_extras::TableBuilder::new(ui)
            .id_salt("competition_matrix")
            .striped(true)
            .max_scroll_height(height)
            .auto_shrink([false, true])
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(egui_extras::Column::exact(widths.arena))
            .column(egui_extras::Column::exact(POSITION_WIDTH))
            .column(egui_extras::Column::exact(US_WIDTH));
        for w in &widths.competitors {
            table = table.column(egui_extras::Column::exact(*w));
        }
        let names: Vec<(String, String, String)> = project
            .competition
            .competitors
            .iter()
            .map(|c| {
                let kind = match c.kind {
                    crate::model::CompetitorKind::Performance => "performance",
                    crate::model::CompetitorKind::Attention => "attention",
                };
                (
                    c.name.clone(),
                    kind.to_owned(),
                    ratings::rated_text(c.rated),
                )
            })
            .collect();
        let our_rated = ratings::rated_text(project.competition.our_rated);
        table
            .header(HEADER_HEIGHT, |mut header| {
                header.col(|ui| {
                    ui.strong("Arena");
                });
                header.col(|ui| {
                    ui.strong("Position").on_hover_text(
                        "Our strength against the strongest competitor: ahead, level (within half a point) or behind",
                    );
                });
                header.col(|ui| {
                    ui.vertical(|ui| {
                        ui.strong("Us");
                        rated_label(ui, &our_rated);
                    });
                });
                for (name, kind, rated) in &names {
                    header.col(|ui| {
                        ui.vertical(|ui| {
                            ui.add(egui::Label::new(name_job(ui, name)).wrap())
                                .on_hover_text(name);
                            ui.label(RichText::new(kind).weak().small());
                            rated_label(ui, rated);
                        });
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, arenas.len(), |mut row| {
                    let (arena, name) = &arenas[row.index()];
                    let position = positions[row.index()];
                    row.col(|ui| {
                        ui.add(egui::Label::new(name.as_str()).wrap());
                    });
                    row.col(|ui| {
                        let (text, level) = match position {
                            Some(Position::Ahead) => ("ahead", 1),
                            Some(Position::Level) => ("level", 0),
                            Some(Position::Behind) => ("behind", -1),
                            None => ("—", 0),
                        };
                        let color = if position.is_some() {
                            widgets::signal_color(ui, level)
                        } else {
                            ui.visuals().weak_text_color()
                        };
                        ui.label(RichText::new(text).color(color).strong());
                    });
                    row.col(|ui| {
                        score_cell(ui, &mut project.competition.our_strength, *arena, &format!("Our strength in {name}"));
                    });
                    for c in &mut project.competition.competitors {
                        row.col(|ui| {
                            let label = format!("{} in {name}", c.name);
                            score_cell(ui, &mut c.strength, *arena, &label);
                        });
                    }
                });
            });
    });
    ui.add_space(6.0);
    ui.add(
        egui::TextEdit::multiline(&mut project.competition.summary)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text("What the comparison means for the strategy"),
    )
    .accessible_name("Competition summary");
}

/// The width of the matrix's position column.
const POSITION_WIDTH: f32 = 70.0;
/// The width of our own strengths' column.
const US_WIDTH: f32 = 60.0;

/// The matrix's column widths, fitted to the pane.
struct MatrixWidths {
    /// The arenas' names.
    arena: f32,
    /// How many lines the longest arena name takes at that width.
    arena_lines: usize,
    /// One per competitor.
    competitors: Vec<f32>,
}

fn ui_line_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body)
}

/// Column widths that show every name whole: each competitor's column as narrow as its name
/// allows in three lines (at least a score's width), the arenas' names on one line where the
/// pane has room, else wrapped onto two (or three). Where even that does not fit, the matrix
/// scrolls sideways.
fn matrix_widths(ui: &egui::Ui, project: &Project, arenas: &[(Arena, String)]) -> MatrixWidths {
    let spacing = ui.spacing().item_spacing.x;
    let lines_at = |text: &str, font: egui::FontId, width: f32| {
        ui.fonts_mut(|f| {
            f.layout(text.to_owned(), font, egui::Color32::WHITE, width)
                .rows
                .len()
        })
    };
    let header_font = egui::FontId::proportional(12.5);
    let competitors: Vec<f32> = project
        .competition
        .competitors
        .iter()
        .map(|c| {
            (0..)
                .map(|step| 84.0 + 8.0 * step as f32)
                .find(|w| *w >= 240.0 || lines_at(&c.name, header_font.clone(), *w - 4.0) <= 3)
                .unwrap_or(240.0)
        })
        .collect();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let arena_natural = arenas
        .iter()
        .map(|(_, name)| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(name.clone(), body.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
        })
        .fold(60.0_f32, f32::max)
        + 8.0;
    let others = POSITION_WIDTH
        + US_WIDTH
        + competitors.iter().sum::<f32>()
        + spacing * (2 + competitors.len()) as f32;
    let room = ui.available_width() - others - 4.0;
    let arena = arena_natural.min(room.max(150.0));
    let arena_lines = arenas
        .iter()
        .map(|(_, name)| lines_at(name, body.clone(), arena - 8.0))
        .max()
        .unwrap_or(1)
        .max(1);
    MatrixWidths {
        arena,
        arena_lines,
        competitors,
    }
}

/// The matrix header's height: a competitor's name in up to three lines, its kind and its
/// rating date.
const HEADER_HEIGHT: f32 = 84.0;

/// A competitor's name in a matrix header: up to three lines, then "…" (the full name shows on
/// hover and in the competitors' list).
fn name_job(ui: &egui::Ui, name: &str) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::single_section(
        name.to_owned(),
        egui::TextFormat::simple(
            egui::FontId::proportional(12.5),
            ui.visuals().strong_text_color(),
        ),
    );
    job.wrap = egui::text::TextWrapping {
        max_width: ui.available_width(),
        max_rows: 3,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    job
}

/// A rating date ("2026-09-30", "undated") under a matrix column's heading.
fn rated_label(ui: &mut egui::Ui, rated: &str) {
    ui.label(RichText::new(rated).weak().small())
        .on_hover_text("When these strengths were rated (“Ratings over time” re-rates them)");
}

/// One line over the matrix when positions moved since the last re-rating, leading to them.
fn moved_note(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    let Some(&since) = crate::analysis::competition::earlier_rating_dates(project).last() else {
        return;
    };
    let moved = crate::analysis::competition::moves(project, since).len();
    if moved == 0 {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{moved} {} since {}:",
            if moved == 1 {
                "position moved"
            } else {
                "positions moved"
            },
            crate::analysis::competition::point_text(since)
        ));
        if ui.link("how positions moved").clicked() {
            env.sections.competition = CompetitionSection::Ratings;
            env.sections.competition_since = None;
        }
    });
}

/// A rated arena as a drag value (right-click to clear); an unrated one as a "rate" button.
fn score_cell(ui: &mut egui::Ui, scores: &mut Vec<ArenaScore>, arena: Arena, label: &str) {
    match score_in(scores, arena) {
        Some(mut score) => {
            let response = widgets::score_field(ui, &mut score)
                .accessible_name(label)
                .on_hover_text(format!(
                    "{}\n\nDrag or type 0–10; right-click to clear.",
                    Rating::ArenaStrength.hover_text()
                ));
            if response.changed() {
                set_score_in(scores, arena, Some(score));
            }
            response.context_menu(|ui| {
                if ui.button("Clear rating").clicked() {
                    set_score_in(scores, arena, None);
                    ui.close();
                }
            });
        }
        None => {
            if ui
                .add(egui::Button::new(RichText::new("rate").weak().small()).small())
                .accessible_name(format!("Rate {label}"))
                .on_hover_text("Not rated yet: click to rate")
                .clicked()
            {
                set_score_in(scores, arena, Some(5.0));
            }
        }
    }
}
