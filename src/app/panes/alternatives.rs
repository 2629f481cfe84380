//! Pane 6: decision-ready strategy alternatives.

use super::master_detail;
use super::suggested;
use crate::analysis::competition::{Position, Standings};
use crate::analysis::goals::{self, GoalMatrix, Suggestion};
use crate::analysis::suggest;
use crate::app::state::PaneEnv;
use crate::app::widgets::Rating;
use crate::app::widgets::{self, Col, cell_text, eur, form, pane_header, rating_text};
use crate::model::{Alternative, CompetitiveAssessment, ItemKind, ItemRef, Project, Suggested};
use egui::RichText;

const GUIDANCE: &str = "Bundle options into alternatives that set different priorities (about three should reach the \
decision). Evaluate each on competitive quality, risk (with its assumptions and prerequisites) and resources, and \
on its contribution to the goals. The workbench prepares the decision; management makes it.";

/// Draws the alternatives pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, env, "6 · Strategy alternatives", GUIDANCE);
    super::why_note(ui, project, crate::model::MethodStep::Alternatives);
    let derived = env.derived;
    goal_matrix_ui(ui, project, &derived.goals);
    let linked = derived.goals.linked;
    let rate = project.day_rate_eur;
    let progress: Vec<(crate::model::AlternativeId, Option<(usize, usize)>)> = project
        .alternatives
        .iter()
        .map(|a| (a.id, crate::analysis::assumptions::progress(project, a.id)))
        .collect();
    // The suggestions for the alternative being edited, and where its advantage lies.
    let suggestions = match env.selected(ItemKind::Alternative) {
        Some(ItemRef::Alternative(id)) => project.alternative(id).map(|a| {
            (
                a.id,
                suggest::alternative_quality(project, a),
                suggest::alternative_risk(project, a, env.today),
                advantage(project, a),
                derived
                    .goals
                    .suggestion(project, id)
                    .map(|s| suggest::Suggestion {
                        value: s.value,
                        reason: s.reason,
                        inputs: s.inputs,
                    }),
            )
        }),
        _ => None,
    };
    let options = &project.options;
    let assumptions = &project.management.assumptions;
    master_detail(
        ui,
        env,
        ItemKind::Alternative,
        &mut project.alternatives,
        |a| ItemRef::Alternative(a.id),
        vec![
            Col::name("Alternative"),
            Col::short("Status"),
            Col::short("Quality"),
            Col::short("Risk"),
            Col::short("Resources"),
            Col::short("Options"),
        ],
        |a, row| {
            cell_text(row, &a.name);
            cell_text(row, a.status.to_string());
            cell_text(row, rating_text(a.competitive_quality));
            cell_text(row, rating_text(a.risk));
            cell_text(row, eur(a.resources_eur(rate)));
            cell_text(row, a.options.len().to_string());
        },
        |ui, a, _env| {
            form(ui, ("alternative", a.id), |f| {
                f.text("Name", &mut a.name);
                f.area("The idea", &mut a.description);
                f.choice("Status", &mut a.status);
                let (quality, risk, advantage, goals) = match &suggestions {
                    Some((id, quality, risk, advantage, goals)) if *id == a.id => (
                        quality.as_ref(),
                        risk.as_ref(),
                        Some(advantage.as_str()),
                        goals.as_ref(),
                    ),
                    _ => (None, None, None, None),
                };
                if let Some(advantage) = advantage {
                    f.custom("Advantage created", |ui| {
                        ui.add(egui::Label::new(advantage).wrap());
                    });
                }
                f.choice("How long it lasts", &mut a.rubric.durability);
                f.choice("Structural or temporary", &mut a.rubric.nature);
                f.score(
                    "Competitive quality",
                    &mut a.competitive_quality,
                    Rating::AlternativeQuality,
                );
                suggested::score_row(
                    f,
                    &mut a.competitive_quality,
                    quality,
                    &mut a.overrides,
                    Suggested::CompetitiveQuality,
                );
                f.score("Risk", &mut a.risk, Rating::AlternativeRisk);
                suggested::score_row(f, &mut a.risk, risk, &mut a.overrides, Suggested::Risk);
                f.score(
                    "Goal contribution",
                    &mut a.goal_contribution,
                    Rating::GoalContribution,
                );
                suggested::score_row(
                    f,
                    &mut a.goal_contribution,
                    goals,
                    &mut a.overrides,
                    Suggested::GoalContribution,
                );
                if advantage.is_some() && goals.is_none() && !linked {
                    f.custom("", |ui| suggestion_line(ui, None, linked));
                }
                f.score(
                    "Strategic quality",
                    &mut a.strategic_quality,
                    Rating::StrategicQuality,
                );
                f.amount("Budget", &mut a.budget_eur, "EUR", 500.0);
                f.amount("Effort", &mut a.effort_person_days, "person-days", 1.0);
                f.value(
                    "Resources",
                    format!(
                        "{}  (budget + effort × {} per day)",
                        eur(a.resources_eur(rate)),
                        eur(rate)
                    ),
                );
            });
            if let Some((_, Some((done, total)))) = progress.iter().find(|(id, _)| *id == a.id) {
                ui.horizontal(|ui| {
                    ui.label("Implementation");
                    #[allow(clippy::cast_precision_loss)]
                    let share = *done as f32 / (*total).max(1) as f32;
                    ui.add(
                        egui::ProgressBar::new(share)
                            .desired_width(220.0)
                            .text(format!("{done} of {total} measures done")),
                    );
                });
            }
            ui.add_space(6.0);
            ui.strong(format!(
                "Options in this alternative ({} of {})",
                a.options.len(),
                options.len()
            ));
            if options.is_empty() {
                widgets::empty_hint(ui, "No options for action yet (pane 5).");
            } else {
                bundle_ui(ui, a, options);
            }
            ui.add_space(6.0);
            ui.strong("Assumptions and prerequisites it relies on");
            let relied: Vec<_> = assumptions
                .iter()
                .filter(|s| s.alternatives.contains(&a.id))
                .collect();
            if relied.is_empty() {
                widgets::empty_hint(
                    ui,
                    "None linked yet: link monitored assumptions to this alternative in pane 7.",
                );
            }
            for s in relied {
                ui.horizontal_wrapped(|ui| {
                    let level = match s.status {
                        crate::model::AssumptionStatus::Holds => 1,
                        crate::model::AssumptionStatus::NotReviewed
                        | crate::model::AssumptionStatus::AtRisk => 0,
                        crate::model::AssumptionStatus::Broken => -1,
                    };
                    ui.label(
                        RichText::new(s.status.to_string())
                            .color(widgets::signal_color(ui, level))
                            .strong(),
                    );
                    ui.label(RichText::new(format!("{}:", s.kind)).weak());
                    ui.label(&s.text);
                });
            }
        },
    );
}

/// Which options the alternative bundles, and with which priority.
fn bundle_ui(
    ui: &mut egui::Ui,
    a: &mut crate::model::Alternative,
    options: &[crate::model::ActionOption],
) {
    let mut toggled = None;
    let mut new_priority = None;
    // Eight whole rows at most; more scroll (a row cut in half reads as the last one).
    let row = widgets::ROW_HEIGHT + ui.spacing().item_spacing.y;
    #[allow(clippy::cast_precision_loss)]
    let height = row * options.len().clamp(1, 8) as f32;
    egui_extras::TableBuilder::new(ui)
        .id_salt(("bundle", a.id))
        .striped(true)
        .max_scroll_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, true])
        .column(egui_extras::Column::exact(34.0))
        .column(egui_extras::Column::remainder().at_least(160.0).clip(true))
        .column(egui_extras::Column::exact(130.0))
        .body(|body| {
            body.rows(widgets::ROW_HEIGHT, options.len(), |mut row| {
                let index = row.index();
                let o = &options[index];
                let bundled = a.options.iter().find(|b| b.option == o.id).copied();
                row.col(|ui| {
                    let mut on = bundled.is_some();
                    if ui
                        .checkbox(&mut on, "")
                        .accessible_name(format!("Bundle {}", o.name))
                        .changed()
                    {
                        toggled = Some((index, on));
                    }
                });
                row.col(|ui| {
                    // A long name is elided; egui shows it whole on hover.
                    ui.add(egui::Label::new(&o.name).truncate());
                });
                row.col(|ui| {
                    if let Some(mut b) = bundled
                        && widgets::choice_combo(
                            ui,
                            ("bundle priority", a.id, o.id),
                            &mut b.priority,
                        )
                        .accessible_name(format!("Priority of {} in this alternative", o.name))
                        .changed()
                    {
                        new_priority = Some(b);
                    }
                });
            });
        });
    if let Some((i, on)) = toggled {
        a.set_bundled(&options[i], on);
    }
    if let Some(changed) = new_priority {
        a.set_bundle_priority(changed.option, changed.priority);
    }
}

/// Where an alternative's advantage lies, from its options: the topics of its leading options,
/// and against which kind of competitor they lead (pbsm unit 6.0: an advantage on which topics,
/// against whom).
fn advantage(project: &Project, alternative: &Alternative) -> String {
    let standings = Standings::of(project);
    let bundled: Vec<_> = alternative
        .options
        .iter()
        .filter_map(|b| project.option(b.option))
        .collect();
    let leading: Vec<_> = bundled
        .iter()
        .filter(|o| o.assessment == CompetitiveAssessment::Leading)
        .collect();
    if leading.is_empty() {
        return if bundled.is_empty() {
            "None yet: it bundles no option.".to_owned()
        } else {
            "None: no option of it is assessed as leading (parity is catching up, not an advantage).".to_owned()
        };
    }
    let mut topics: Vec<String> = Vec::new();
    for topic in leading
        .iter()
        .filter_map(|o| o.topic.and_then(|t| project.foundation.topic(t)))
    {
        let name = format!("“{}”", topic.name);
        if !topics.contains(&name) {
            topics.push(name);
        }
    }
    let ahead = |kind| {
        leading
            .iter()
            .filter(|o| {
                suggest::option_position(project, &standings, o).is_some_and(|p| {
                    let position = match kind {
                        crate::model::CompetitorKind::Performance => p.performance,
                        crate::model::CompetitorKind::Attention => p.attention,
                    };
                    position == Some(Position::Ahead)
                })
            })
            .count()
    };
    format!(
        "{} leading option{} on {}; per the competition matrix ahead of performance competitors in {} of them, of attention competitors in {}.",
        leading.len(),
        if leading.len() == 1 { "" } else { "s" },
        if topics.is_empty() {
            "no topic named".to_owned()
        } else {
            topics.join(", ")
        },
        ahead(crate::model::CompetitorKind::Performance),
        ahead(crate::model::CompetitorKind::Attention),
    )
}

/// The goal contribution the goal links suggest, read-only, under the slider.
fn suggestion_line(ui: &mut egui::Ui, suggestion: Option<&Suggestion>, linked: bool) {
    let text = match suggestion {
        Some(s) => format!(
            "Suggested from the goal links: {} — {}",
            widgets::score_text(s.value),
            s.reason
        ),
        None if !linked => "No suggestion yet: link the goals to the corporate benefits that serve them (pane 1, Foundation).".to_owned(),
        None => return,
    };
    ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
}

/// The share of a link as a fraction for people ("2/3").
fn share_text(strength: crate::model::LinkStrength) -> &'static str {
    match strength {
        crate::model::LinkStrength::Weak => "1/3",
        crate::model::LinkStrength::Medium => "2/3",
        crate::model::LinkStrength::Strong => "1",
    }
}

/// Why a cell has its value, for its hover.
fn cell_reason(
    project: &Project,
    goal: crate::model::GoalId,
    alternative: &str,
    cell: goals::Cell,
) -> String {
    let goal_name = goals::goal_name(project, goal);
    match cell.via {
        Some(via) => {
            let option = project
                .option(via.option)
                .map_or_else(|| format!("option {}", via.option), |o| o.name.clone());
            let benefit = project
                .benefit(via.benefit)
                .map_or_else(|| format!("benefit {}", via.benefit), |b| b.name.clone());
            format!(
                "“{alternative}” serves “{goal_name}” most strongly through its option “{option}”, which realises “{benefit}”: 10 × {} ({} link) × {} ({} priority) = {}",
                share_text(via.strength),
                via.strength.to_string().to_lowercase(),
                via.priority.bundle_weight(),
                via.priority.to_string().to_lowercase(),
                widgets::score_text(cell.value)
            )
        }
        None => format!(
            "“{alternative}” does not serve “{goal_name}”: none of its options realises a corporate benefit that serves this goal."
        ),
    }
}

/// Goals × alternatives: how strongly each alternative serves each goal (read-only).
fn goal_matrix_ui(ui: &mut egui::Ui, project: &Project, matrix: &GoalMatrix) {
    egui::CollapsingHeader::new("Goals × alternatives")
        .id_salt("goal_matrix")
        .show(ui, |ui| {
            if project.foundation.goals.is_empty() || project.alternatives.is_empty() {
                widgets::empty_hint(
                    ui,
                    "Needs goals (pane 1) and alternatives (here) to compare.",
                );
                return;
            }
            if !matrix.linked {
                widgets::empty_hint(
                    ui,
                    "No goal is linked to a corporate benefit yet: link them in pane 1, Foundation, to see which alternative serves which goal.",
                );
            }
            ui.label(
                RichText::new(
                    "How strongly each alternative serves each goal, 0 to 10: its strongest link through a corporate benefit one of its options realises (10 × the link's strength × the option's priority weight). Hover a cell for why.",
                )
                .weak(),
            );
            let alternative_name = |id| {
                project
                    .alternative(id)
                    .map_or_else(|| format!("alternative {id}"), |a| a.name.clone())
            };
            let names: Vec<String> = matrix
                .alternatives
                .iter()
                .map(|id| alternative_name(*id))
                .collect();
            egui::ScrollArea::both()
                .id_salt("goal_matrix_scroll")
                .max_height(280.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new("goal_matrix_grid")
                        .striped(true)
                        .spacing([12.0, 6.0])
                        .show(ui, |ui| {
                            ui.label("");
                            for name in &names {
                                wrapped(ui, 120.0, RichText::new(name).strong());
                            }
                            ui.end_row();
                            for (row, goal) in matrix.goals.iter().enumerate() {
                                ui.vertical(|ui| {
                                    ui.set_width(240.0);
                                    ui.add(
                                        egui::Label::new(goals::goal_name(project, *goal)).wrap(),
                                    );
                                    if !matrix.served.get(row).copied().unwrap_or(false) {
                                        ui.label(
                                            RichText::new("served by no alternative")
                                                .italics()
                                                .color(ui.visuals().warn_fg_color),
                                        );
                                    }
                                });
                                let cells = matrix.cells.get(row).map_or(&[][..], Vec::as_slice);
                                for (cell, name) in cells.iter().zip(&names) {
                                    let text = if cell.value > 0.0 {
                                        RichText::new(widgets::score_text(cell.value))
                                    } else {
                                        RichText::new("—").weak()
                                    };
                                    ui.label(text).on_hover_ui(|ui| {
                                        ui.set_max_width(420.0);
                                        ui.label(cell_reason(project, *goal, name, *cell));
                                    });
                                }
                                ui.end_row();
                            }
                        });
                });
        });
}

/// A label that wraps at `width`.
fn wrapped(ui: &mut egui::Ui, width: f32, text: RichText) {
    ui.vertical(|ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}
