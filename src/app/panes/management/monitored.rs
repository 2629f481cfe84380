//! Monitored assumptions, prerequisites and framework conditions, and their KPI triggers.

use crate::analysis::assumptions;
use crate::app::panes::{alternative_items, master_detail, option_items};
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, Col, cell_text, form};
use crate::model::{AssumptionStatus, ItemKind, ItemRef, Project, Trigger};
use egui::RichText;

pub(super) fn assumptions_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
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
            Col::text("Assumption, prerequisite or condition"),
            Col::short("Kind"),
            Col::short("Status"),
            Col::short("Reviewed"),
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
                    AssumptionStatus::NotReviewed | AssumptionStatus::AtRisk => 0,
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
                f.text("Reviewed by", &mut a.owner);
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
                f.custom("Review every", |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.add(
                            egui::DragValue::new(&mut a.review_interval_days)
                                .range(1..=730)
                                .suffix(" days"),
                        )
                        .on_hover_text("How often the assumption is reviewed: a review later than this is a finding of the check");
                        super::next_review_label(ui, a.next_review(), env.today);
                    });
                });
                f.area("What was seen", &mut a.note);
                f.custom("KPI trigger", |ui| trigger_ui(ui, a, &kpis, env.today));
                f.custom("Alternatives relying on it", |ui| {
                    if alternatives.is_empty() {
                        widgets::empty_hint(ui, "No alternatives yet (pane 6).");
                    }
                    for (id, name) in &alternatives {
                        let mut on = a.alternatives.contains(id);
                        if ui.checkbox(&mut on, name).changed() {
                            a.set_relied_on_by(*id, on);
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
                                    a.set_relied_on_by_option(*id, on);
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
    today: crate::model::Date,
) {
    let mut watched = a.trigger.is_some();
    if ui.checkbox(&mut watched, "Watch a KPI").changed() {
        a.trigger = match (watched, kpis.first()) {
            (true, Some((kpi, _))) => Some(Trigger::watching(*kpi)),
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
            t.by = dated.then_some(today);
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
