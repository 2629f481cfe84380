//! Pane 7: strategy management: KPIs, monitored assumptions, measures, adaptation log.

mod kpis;
mod monitored;
pub mod steering;

use crate::analysis::assumptions;
use crate::app::command::Command;
use crate::app::state::{ManagementSection, PaneEnv};
use crate::app::widgets::{self, form, list_toolbar, pane_header, section_tabs};
use crate::format::trim_number;
use crate::model::AssumptionStatus;
use crate::model::{ItemKind, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "A decided strategy must be steered: implement it in quality and quantity, integrate the \
benefits into business processes, watch results through KPIs, and watch the assumptions, prerequisites and framework \
conditions: a broken assumption is a trigger to adapt the strategy, and the log records why.";

/// Draws the strategy management pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, env, "7 · Strategy management", GUIDANCE);
    super::why_note(ui, project, crate::model::MethodStep::Management);
    warnings_ui(ui, project, env);
    section_tabs(
        ui,
        &mut env.sections.management,
        &[
            (ManagementSection::Audit, "Audit"),
            (ManagementSection::Kpis, "KPIs"),
            (ManagementSection::Assumptions, "Assumptions"),
            (ManagementSection::Risks, "Risks"),
            (ManagementSection::Measures, "Measures"),
            (ManagementSection::Integration, "Integration"),
            (ManagementSection::Decision, "Decision"),
            (ManagementSection::Adaptations, "Log"),
            (ManagementSection::Versions, "Versions"),
        ],
    );
    match env.sections.management {
        ManagementSection::Audit => steering::audit_ui(ui, project, env),
        ManagementSection::Kpis => kpis::kpis_ui(ui, project, env),
        ManagementSection::Assumptions => monitored::assumptions_ui(ui, project, env),
        ManagementSection::Risks => steering::risks_ui(ui, project, env),
        ManagementSection::Measures => steering::measures_ui(ui, project, env),
        ManagementSection::Integration => steering::integration_ui(ui, project, env),
        ManagementSection::Decision => steering::decision_ui(ui, project, env),
        ManagementSection::Adaptations => adaptations_ui(ui, project, env),
        ManagementSection::Versions => versions_ui(ui, project, env),
    }
}

/// What needs attention: broken and at-risk assumptions (also those set by a trigger), KPIs at
/// risk. A click opens the item.
fn warnings_ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    let list = assumptions::warnings(project, env.today);
    if list.is_empty() {
        return;
    }
    let mut open = None;
    egui::CollapsingHeader::new(
        RichText::new(format!(
            "⚠ {} warning{}",
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        ))
        .color(ui.visuals().warn_fg_color)
        .strong(),
    )
    .default_open(true)
    .show(ui, |ui| {
        // At most three lines tall, so the section below keeps its room on a laptop; more
        // warnings scroll.
        widgets::rows_tall(ui, "warnings", 3, widgets::RowsOf::Text, |ui| {
            for w in &list {
                match w {
                    assumptions::Warning::Assumption {
                        id, status, fired, ..
                    } => {
                        let Some(a) = project.management.assumptions.iter().find(|a| a.id == *id)
                        else {
                            continue;
                        };
                        let why = fired.as_ref().map_or_else(String::new, |f| {
                            let kpi = project
                                .management
                                .kpis
                                .iter()
                                .find(|k| k.id == f.kpi)
                                .map_or("a KPI", |k| k.name.as_str());
                            format!(
                                " (trigger: {kpi} at {} on {})",
                                trim_number(f.value),
                                f.date
                            )
                        });
                        let level = if *status == AssumptionStatus::Broken {
                            -1
                        } else {
                            0
                        };
                        let text = RichText::new(format!("{}: {}{why}", status, a.text))
                            .color(widgets::signal_color(ui, level));
                        if ui.link(text).clicked() {
                            open = Some((ItemRef::Assumption(*id), ManagementSection::Assumptions));
                        }
                    }
                    assumptions::Warning::Kpi { id, health } => {
                        let Some(k) = project.management.kpis.iter().find(|k| k.id == *id) else {
                            continue;
                        };
                        let text =
                            RichText::new(format!("KPI at risk: {} {}", k.name, health.words()))
                                .color(widgets::signal_color(ui, -1));
                        if ui.link(text).clicked() {
                            open = Some((ItemRef::Kpi(*id), ManagementSection::Kpis));
                        }
                    }
                }
            }
        });
    });
    if let Some((item, section)) = open {
        env.sections.management = section;
        env.send(Command::Select(item));
    }
}

/// When a monitored item (an assumption, a risk) is next reviewed: overdue since, next by, or
/// never reviewed.
fn next_review_label(
    ui: &mut egui::Ui,
    next: Option<crate::model::Date>,
    today: crate::model::Date,
) {
    let (text, level) = match next {
        Some(next) if next < today => (format!("review overdue since {next}"), Some(-1)),
        Some(next) => (format!("next review by {next}"), None),
        None => ("never reviewed".to_owned(), Some(0)),
    };
    match level {
        Some(level) => ui.label(RichText::new(text).color(widgets::signal_color(ui, level))),
        None => ui.label(RichText::new(text).weak()),
    };
}

/// Kept versions, the follow-up strategy, and what changed since a version.
fn versions_ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    ui.label("When the strategy has run its course or a broken assumption forces a new one, start the follow-up: the \
current alternatives, weights, KPIs, assumptions, risks, process integration and decision record are kept as a named version, \
the alternatives go back to draft, and the log records it with the reason. Compare any version with today's state.");
    let name_id = ui.make_persistent_id("follow_up_name");
    let mut name = ui
        .data(|d| d.get_temp::<String>(name_id))
        .unwrap_or_else(|| {
            // A second version on one day gets a number rather than the same name.
            let base = format!("{} (until {})", project.name, env.today);
            let taken = |n: &str| project.versions.iter().any(|v| v.name == n);
            (1..)
                .map(|k| {
                    if k == 1 {
                        base.clone()
                    } else {
                        format!("{base} ({k})")
                    }
                })
                .find(|n| !taken(n))
                .unwrap_or(base)
        });
    let reason_id = ui.make_persistent_id("follow_up_reason");
    let mut reason = ui
        .data(|d| d.get_temp::<String>(reason_id))
        .unwrap_or_default();
    form(ui, "follow-up", |f| {
        f.text("Version name", &mut name);
        f.area("Why a follow-up", &mut reason);
    });
    let ready = !name.trim().is_empty() && !reason.trim().is_empty();
    if ui
        .add_enabled(ready, egui::Button::new("Start follow-up strategy"))
        .on_disabled_hover_text(
            "Name the version and say why the follow-up starts: the log keeps the reason",
        )
        .clicked()
    {
        env.send(Command::StartFollowUp {
            name: name.trim().to_owned(),
            reason: reason.trim().to_owned(),
        });
        // The next follow-up starts with a fresh name and reason.
        ui.data_mut(|d| {
            d.remove::<String>(name_id);
            d.remove::<String>(reason_id);
        });
    } else {
        ui.data_mut(|d| {
            d.insert_temp(name_id, name);
            d.insert_temp(reason_id, reason);
        });
    }
    if project.versions.is_empty() {
        widgets::empty_hint(ui, "No version kept yet.");
        return;
    }
    let chosen_id = ui.make_persistent_id("compared_version");
    let mut chosen = ui
        .data(|d| d.get_temp::<usize>(chosen_id))
        .unwrap_or(project.versions.len() - 1);
    chosen = chosen.min(project.versions.len() - 1);
    ui.add_space(6.0);
    ui.strong("Kept versions");
    for (i, v) in project.versions.iter().enumerate() {
        ui.radio_value(&mut chosen, i, format!("{} ({})", v.name, v.date));
    }
    ui.data_mut(|d| d.insert_temp(chosen_id, chosen));
    let version = &project.versions[chosen];
    let changes = crate::model::versions::compare(version, project);
    ui.add_space(6.0);
    ui.strong(format!("Since “{}”", version.name));
    if changes.is_empty() {
        widgets::empty_hint(
            ui,
            "Nothing changed in alternatives, weights, KPIs, assumptions or process integration.",
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("changes")
        .max_height(260.0)
        .show(ui, |ui| {
            for change in changes {
                ui.label(format!("• {change}"));
            }
        });
}

fn adaptations_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("Every adaptation of the strategy, with the date and the reason: what triggered it, what was decided.");
    let causes: Vec<(crate::model::Cause, String)> = project
        .management
        .kpis
        .iter()
        .map(|k| (crate::model::Cause::Kpi(k.id), format!("KPI: {}", k.name)))
        .chain(project.management.assumptions.iter().map(|a| {
            (
                crate::model::Cause::Assumption(a.id),
                format!("Assumption: {}", a.text),
            )
        }))
        .collect();
    let log = &mut project.management.adaptations;
    let (add, _) = list_toolbar(ui, "log entry", log.len(), None);
    if add {
        env.send(Command::Add(ItemKind::Adaptation));
    }
    let mut remove = None;
    egui::ScrollArea::vertical()
        .id_salt("adaptations")
        .show(ui, |ui| {
            for (i, entry) in log.iter_mut().enumerate() {
                // Each entry's fields under their own id (the same labels repeat).
                ui.push_id(("adaptation", i), |ui| {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        form(ui, ("adaptation", i), |f| {
                            f.date("Date", &mut entry.date);
                            f.area("Decision", &mut entry.decision);
                            f.area("Reason", &mut entry.reason);
                            f.reference("Caused by", &mut entry.cause, &causes);
                        });
                        if ui.small_button("🗑 Remove entry").clicked() {
                            remove = Some(i);
                        }
                    });
                });
            }
        });
    if let Some(i) = remove {
        env.send(Command::Remove(ItemRef::Adaptation(i)));
    }
}
