//! Pane 7: strategy management: KPIs, monitored assumptions, measures, adaptation log.

mod kpis;
mod monitored;

use super::{master_detail, name_or_dash, option_items};
use crate::analysis::assumptions;
use crate::app::command::Command;
use crate::app::state::{ManagementSection, PaneEnv};
use crate::app::widgets::{self, Col, cell_text, form, list_toolbar, pane_header, section_tabs};
use crate::format::trim_number;
use crate::model::AssumptionStatus;
use crate::model::{ItemKind, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "A decided strategy must be steered: implement it in quality and quantity, integrate the \
benefits into business processes, watch results through KPIs, and watch the assumptions, prerequisites and framework \
conditions: a broken assumption is a trigger to adapt the strategy, and the log records why.";

/// Draws the strategy management pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, "7 · Strategy management", GUIDANCE);
    super::why_note(ui, project, crate::model::MethodStep::Management);
    warnings_ui(ui, project, env);
    section_tabs(
        ui,
        &mut env.sections.management,
        &[
            (ManagementSection::Kpis, "KPIs"),
            (ManagementSection::Assumptions, "Assumptions"),
            (ManagementSection::Measures, "Measures"),
            (ManagementSection::Adaptations, "Adaptation log"),
            (ManagementSection::Versions, "Versions"),
        ],
    );
    match env.sections.management {
        ManagementSection::Kpis => kpis::kpis_ui(ui, project, env),
        ManagementSection::Assumptions => monitored::assumptions_ui(ui, project, env),
        ManagementSection::Measures => measures_ui(ui, project, env),
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
        for w in list.iter().take(8) {
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
                    let text = RichText::new(format!("KPI at risk: {} {}", k.name, health.words()))
                        .color(widgets::signal_color(ui, -1));
                    if ui.link(text).clicked() {
                        open = Some((ItemRef::Kpi(*id), ManagementSection::Kpis));
                    }
                }
            }
        }
        if list.len() > 8 {
            ui.label(RichText::new(format!("… and {} more", list.len() - 8)).weak());
        }
    });
    if let Some((item, section)) = open {
        env.sections.management = section;
        env.send(Command::Select(item));
    }
}

fn measures_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let options = option_items(project);
    ui.horizontal_wrapped(|ui| {
        ui.label("Progress:");
        for a in project
            .alternatives
            .iter()
            .filter(|a| a.status != crate::model::AlternativeStatus::Rejected)
        {
            if let Some((done, total)) = assumptions::progress(project, a.id) {
                ui.label(RichText::new(format!("{}: {done} of {total} done", a.name)).strong());
                ui.add_space(8.0);
            }
        }
    });
    master_detail(
        ui,
        env,
        ItemKind::Measure,
        &mut project.management.measures,
        |m| ItemRef::Measure(m.id),
        vec![
            Col::fill("Measure"),
            Col::width("Option", 150.0),
            Col::width("Owner", 140.0),
            Col::width("Due", 95.0),
            Col::width("Status", 95.0),
        ],
        |m, row| {
            cell_text(row, &m.name);
            cell_text(row, name_or_dash(&options, m.option));
            cell_text(row, &m.owner);
            cell_text(row, m.due.to_string());
            cell_text(row, m.status.to_string());
        },
        |ui, m, _env| {
            form(ui, ("measure", m.id), |f| {
                f.text("Measure", &mut m.name);
                f.reference("Implements option", &mut m.option, &options);
                f.text("Owner", &mut m.owner);
                f.date("Due", &mut m.due);
                f.choice("Status", &mut m.status);
            });
        },
    );
}

/// Kept versions, the follow-up strategy, and what changed since a version.
fn versions_ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    ui.label("When the strategy has run its course or a broken assumption forces a new one, start the follow-up: the \
current alternatives, weights and KPIs are kept as a named version, the alternatives go back to draft, and the log records it. \
Compare any version with today's state.");
    let name_id = ui.make_persistent_id("follow_up_name");
    let mut name = ui
        .data(|d| d.get_temp::<String>(name_id))
        .unwrap_or_else(|| format!("{} (until {})", project.name, env.today));
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut name).desired_width(320.0))
            .accessible_name("Version name");
        if ui
            .add_enabled(
                !name.trim().is_empty(),
                egui::Button::new("Start follow-up strategy"),
            )
            .clicked()
        {
            env.send(Command::StartFollowUp(name.trim().to_owned()));
        }
    });
    ui.data_mut(|d| d.insert_temp(name_id, name));
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
        widgets::empty_hint(ui, "Nothing changed in alternatives, weights or KPIs.");
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
            }
        });
    if let Some(i) = remove {
        env.send(Command::Remove(ItemRef::Adaptation(i)));
    }
}
