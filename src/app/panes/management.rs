//! Pane 7: strategy management: KPIs, monitored assumptions, measures, adaptation log.

use super::{alternative_items, master_detail, name_or_dash, option_items};
use crate::analysis::{assumptions, kpi};
use crate::app::command::Command;
use crate::app::plots::kpi_chart;
use crate::app::state::{ManagementSection, PaneEnv};
use crate::app::widgets::{self, Col, cell_text, form, list_toolbar, pane_header, section_tabs};
use crate::format::trim_number;
use crate::model::AssumptionStatus;
use crate::model::{Actual, ItemKind, ItemRef, Kpi, Project};
use egui::RichText;

const GUIDANCE: &str = "A decided strategy must be steered: implement it in quality and quantity, integrate the \
benefits into business processes, watch results through KPIs, and watch the assumptions, prerequisites and framework \
conditions: a broken assumption is a trigger to adapt the strategy, and the log records why.";

/// Draws the strategy management pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, "7 · Strategy management", GUIDANCE);
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
        ManagementSection::Kpis => kpis_ui(ui, project, env),
        ManagementSection::Assumptions => assumptions_ui(ui, project, env),
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
                assumptions::Warning::Kpi { id, ratio } => {
                    let Some(k) = project.management.kpis.iter().find(|k| k.id == *id) else {
                        continue;
                    };
                    let text = RichText::new(format!(
                        "KPI at risk: {} at {:.0} % of plan",
                        k.name,
                        ratio * 100.0
                    ))
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

/// Traffic lights for all KPIs, and the thresholds to edit.
fn health_overview(ui: &mut egui::Ui, project: &mut Project) {
    let thresholds = project.management.health;
    let counts = project
        .management
        .kpis
        .iter()
        .fold([0usize; 4], |mut acc, k| {
            let i = match kpi::health(k, thresholds).health {
                kpi::Health::OnTrack => 0,
                kpi::Health::Behind => 1,
                kpi::Health::AtRisk => 2,
                kpi::Health::NoData => 3,
            };
            acc[i] += 1;
            acc
        });
    ui.horizontal_wrapped(|ui| {
        for (count, health) in counts.iter().zip([
            kpi::Health::OnTrack,
            kpi::Health::Behind,
            kpi::Health::AtRisk,
            kpi::Health::NoData,
        ]) {
            if *count > 0 {
                ui.label(
                    RichText::new(format!("● {count} {}", health.label().to_lowercase()))
                        .color(widgets::signal_color(ui, health.level()))
                        .strong(),
                );
                ui.add_space(8.0);
            }
        }
        ui.label(
            RichText::new(
                "Health compares the latest actual with the straight line from baseline to target.",
            )
            .weak(),
        );
    });
    egui::CollapsingHeader::new("Health thresholds").show(ui, |ui| {
        let h = &mut project.management.health;
        ui.horizontal(|ui| {
            let label = ui.label("On track from");
            let mut on_track = h.on_track * 100.0;
            if ui
                .add(
                    egui::DragValue::new(&mut on_track)
                        .range(1.0..=200.0)
                        .suffix(" %"),
                )
                .labelled_by(label.id)
                .changed()
            {
                h.on_track = on_track / 100.0;
                h.behind = h.behind.min(h.on_track);
            }
            let label = ui.label("behind from");
            let mut behind = h.behind * 100.0;
            if ui
                .add(
                    egui::DragValue::new(&mut behind)
                        .range(1.0..=200.0)
                        .suffix(" %"),
                )
                .labelled_by(label.id)
                .changed()
            {
                h.behind = (behind / 100.0).min(h.on_track);
            }
            ui.label("of the expected value; below: at risk.");
        });
    });
}

fn latest_text(kpi: &Kpi) -> String {
    crate::format::latest_actual(kpi.latest())
}

fn kpis_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let alternatives = alternative_items(project);
    let options = option_items(project);
    let today = env.today;
    let thresholds = project.management.health;
    health_overview(ui, project);
    master_detail(
        ui,
        env,
        ItemKind::Kpi,
        &mut project.management.kpis,
        |k| ItemRef::Kpi(k.id),
        vec![
            Col::fill("KPI"),
            Col::width("Unit", 85.0),
            Col::width("Baseline", 65.0),
            Col::width("Target", 60.0),
            Col::width("By", 85.0),
            Col::width("Latest", 125.0),
            Col::width("Health", 115.0),
        ],
        |k, row| {
            cell_text(row, &k.name);
            cell_text(row, &k.unit);
            cell_text(row, trim_number(k.baseline));
            cell_text(row, trim_number(k.target));
            cell_text(row, k.target_date.to_string());
            cell_text(row, latest_text(k));
            let h = kpi::health(k, thresholds);
            row.col(|ui| {
                let text = match h.ratio {
                    Some(r) => format!("● {} {:.0} %", h.health.label(), r * 100.0),
                    None => format!("○ {}", h.health.label()),
                };
                ui.label(
                    RichText::new(text)
                        .color(widgets::signal_color(ui, h.health.level()))
                        .strong(),
                );
            });
        },
        |ui, k, env| {
            form(ui, ("kpi", k.id), |f| {
                f.text("Name", &mut k.name);
                f.text("Unit", &mut k.unit);
                f.choice("Direction", &mut k.direction);
                f.number("Baseline", &mut k.baseline);
                f.date("Baseline date", &mut k.baseline_date);
                f.number("Target", &mut k.target);
                f.date("Target date", &mut k.target_date);
                f.reference("Measures alternative", &mut k.alternative, &alternatives);
                f.reference("Measures option", &mut k.option, &options);
            });
            ui.add_space(6.0);
            let h = kpi::health(k, thresholds);
            if let (Some(expected), Some(ratio)) = (h.expected, h.ratio) {
                ui.label(format!(
                    "{}: {:.0} % of the {} expected on {} (on track from {:.0} %, at risk below {:.0} %).",
                    h.health.label(),
                    ratio * 100.0,
                    trim_number((expected * 100.0).round() / 100.0),
                    h.latest.map_or_else(String::new, |a| a.0.to_string()),
                    thresholds.on_track * 100.0,
                    thresholds.behind * 100.0,
                ));
            }
            let rect = kpi_chart::ui(ui, k, &h, today);
            super::decision::export_button(ui, env, "kpi", rect);
            ui.add_space(6.0);
            actuals_ui(ui, k, today);
        },
    );
}

fn actuals_ui(ui: &mut egui::Ui, k: &mut Kpi, today: crate::model::Date) {
    ui.horizontal(|ui| {
        ui.strong(format!("Actuals ({})", k.actuals.len()));
        if ui.button("➕ Add actual").clicked() {
            // The next month end after the latest actual (or today), starting from its value.
            let (date, value) = match k.latest() {
                Some(Actual(date, value)) => (date.end_of_month_after(1), value),
                None => (today, k.baseline),
            };
            k.actuals.push(Actual(date, value));
        }
    });
    if k.actuals.is_empty() {
        widgets::empty_hint(ui, "No measurements yet.");
        return;
    }
    let mut remove = None;
    let name = k.name.clone();
    egui_extras::TableBuilder::new(ui)
        .id_salt(("actuals", k.id))
        .striped(true)
        .max_scroll_height(240.0)
        .auto_shrink([false, true])
        .column(egui_extras::Column::exact(120.0))
        .column(egui_extras::Column::exact(140.0))
        .column(egui_extras::Column::exact(36.0))
        .header(widgets::ROW_HEIGHT, |mut h| {
            h.col(|ui| {
                ui.strong("Date");
            });
            h.col(|ui| {
                ui.strong("Value");
            });
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(widgets::ROW_HEIGHT, k.actuals.len(), |mut row| {
                let i = row.index();
                let actual = &mut k.actuals[i];
                row.col(|ui| {
                    widgets::date_edit(ui, ("actual date", k.id, i), &mut actual.0)
                        .accessible_name(format!("Date of actual {} of {name}", i + 1));
                });
                row.col(|ui| {
                    let speed = widgets::number_speed(actual.1);
                    ui.add(
                        egui::DragValue::new(&mut actual.1)
                            .speed(speed)
                            .max_decimals(3),
                    )
                    .accessible_name(format!("Value of actual {} of {name}", i + 1));
                });
                row.col(|ui| {
                    if ui
                        .small_button("🗑")
                        .on_hover_text("Remove this actual")
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            });
        });
    if let Some(i) = remove {
        k.actuals.remove(i);
    }
}

fn assumptions_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let alternatives = alternative_items(project);
    let options = option_items(project);
    let kpis: Vec<(crate::model::KpiId, String)> = project
        .management
        .kpis
        .iter()
        .map(|k| (k.id, k.name.clone()))
        .collect();
    let effective: Vec<(crate::model::AssumptionId, AssumptionStatus, bool)> = project
        .management
        .assumptions
        .iter()
        .map(|a| {
            let (status, fired) = assumptions::effective_status(project, a, env.today);
            (a.id, status, fired.is_some())
        })
        .collect();
    master_detail(
        ui,
        env,
        ItemKind::Assumption,
        &mut project.management.assumptions,
        |a| ItemRef::Assumption(a.id),
        vec![
            Col::fill("Assumption, prerequisite or condition"),
            Col::width("Kind", 150.0),
            Col::width("Status", 80.0),
            Col::width("Reviewed", 95.0),
        ],
        |a, row| {
            cell_text(row, &a.text);
            cell_text(row, a.kind.to_string());
            row.col(|ui| {
                let (status, by_trigger) = effective
                    .iter()
                    .find(|(id, ..)| *id == a.id)
                    .map_or((a.status, false), |(_, s, f)| (*s, *f));
                let level = match status {
                    AssumptionStatus::Holds => 1,
                    AssumptionStatus::AtRisk => 0,
                    AssumptionStatus::Broken => -1,
                };
                let text = if by_trigger {
                    format!("{status} ⚡")
                } else {
                    status.to_string()
                };
                ui.label(
                    RichText::new(text)
                        .color(widgets::signal_color(ui, level))
                        .strong(),
                )
                .on_hover_text(if by_trigger {
                    "Set by its KPI trigger"
                } else {
                    "As reviewed"
                });
            });
            cell_text(
                row,
                a.last_review
                    .map_or_else(|| "never".to_owned(), |d| d.to_string()),
            );
        },
        |ui, a, env| {
            form(ui, ("assumption", a.id), |f| {
                f.area("What is assumed", &mut a.text);
                f.choice("Kind", &mut a.kind);
                f.choice("Status", &mut a.status);
                f.custom("Last review", |ui| {
                    ui.horizontal(|ui| match &mut a.last_review {
                        Some(date) => {
                            widgets::date_edit(ui, ("review", a.id), date)
                                .accessible_name("Last review");
                            if ui.small_button("Reviewed today").clicked() {
                                *date = env.today;
                            }
                        }
                        None => {
                            ui.label(RichText::new("never").weak());
                            if ui.small_button("Reviewed today").clicked() {
                                a.last_review = Some(env.today);
                            }
                        }
                    });
                });
                f.area("What was seen", &mut a.note);
                f.custom("KPI trigger", |ui| trigger_ui(ui, a, &kpis));
                f.custom("Alternatives relying on it", |ui| {
                    if alternatives.is_empty() {
                        widgets::empty_hint(ui, "No alternatives yet (pane 6).");
                    }
                    for (id, name) in &alternatives {
                        let mut on = a.alternatives.contains(id);
                        if ui.checkbox(&mut on, name).changed() {
                            if on {
                                a.alternatives.push(*id);
                            } else {
                                a.alternatives.retain(|x| x != id);
                            }
                        }
                    }
                });
                f.custom("Options relying on it", |ui| {
                    let header = format!("{} of {} options", a.options.len(), options.len());
                    egui::CollapsingHeader::new(header)
                        .id_salt(("assumption options", a.id))
                        .show(ui, |ui| {
                            for (id, name) in &options {
                                let mut on = a.options.contains(id);
                                if ui.checkbox(&mut on, name).changed() {
                                    if on {
                                        a.options.push(*id);
                                    } else {
                                        a.options.retain(|x| x != id);
                                    }
                                }
                            }
                        });
                });
            });
        },
    );
}

/// Watching a KPI: when it falls below (or rises above) a threshold, from a date on, the
/// assumption turns at risk or broken by itself.
fn trigger_ui(
    ui: &mut egui::Ui,
    a: &mut crate::model::Assumption,
    kpis: &[(crate::model::KpiId, String)],
) {
    let mut watched = a.trigger.is_some();
    if ui.checkbox(&mut watched, "Watch a KPI").changed() {
        a.trigger = match (watched, kpis.first()) {
            (true, Some((kpi, _))) => Some(crate::model::Trigger {
                kpi: *kpi,
                condition: crate::model::TriggerCondition::Below,
                threshold: 0.0,
                by: None,
                effect: AssumptionStatus::AtRisk,
            }),
            _ => None,
        };
    }
    if watched && kpis.is_empty() {
        widgets::empty_hint(ui, "Add a KPI first.");
    }
    let Some(t) = &mut a.trigger else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let mut kpi = Some(t.kpi);
        if widgets::reference_combo(ui, ("trigger kpi", a.id), &mut kpi, kpis)
            .accessible_name("Trigger KPI")
            .changed()
            && let Some(k) = kpi
        {
            t.kpi = k;
        }
        widgets::choice_combo(ui, ("trigger condition", a.id), &mut t.condition)
            .accessible_name("Trigger condition");
        let speed = widgets::number_speed(t.threshold);
        ui.add(
            egui::DragValue::new(&mut t.threshold)
                .speed(speed)
                .max_decimals(3),
        )
        .accessible_name("Trigger threshold");
    });
    ui.horizontal_wrapped(|ui| {
        let mut dated = t.by.is_some();
        if ui.checkbox(&mut dated, "from").changed() {
            t.by = dated.then(crate::model::Date::today);
        }
        if let Some(by) = &mut t.by {
            widgets::date_edit(ui, ("trigger by", a.id), by).accessible_name("Trigger date");
        }
        ui.label("then it is");
        let label = ui.label("");
        egui::ComboBox::from_id_salt(("trigger effect", a.id))
            .selected_text(t.effect.to_string())
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut t.effect,
                    AssumptionStatus::AtRisk,
                    AssumptionStatus::AtRisk.to_string(),
                );
                ui.selectable_value(
                    &mut t.effect,
                    AssumptionStatus::Broken,
                    AssumptionStatus::Broken.to_string(),
                );
            })
            .response
            .labelled_by(label.id)
            .accessible_name("Trigger effect");
    });
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
