//! KPIs: health at a glance, the thresholds, each KPI with its plan (cadence, milestones), its
//! health in words, its chart and actuals.

use crate::analysis::kpi;
use crate::app::panes::{alternative_items, benefit_items, master_detail, option_items};
use crate::app::plots::kpi_chart;
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, Col, cell_text, form};
use crate::format::{percent, trim_number};
use crate::model::{Choice, Date, HealthThresholds, ItemKind, ItemRef, Kpi, KpiDirection, Project};
use egui::RichText;

/// The health kinds in the order the overview counts them.
const HEALTHS: [kpi::Health; 5] = [
    kpi::Health::OnTrack,
    kpi::Health::Behind,
    kpi::Health::AtRisk,
    kpi::Health::Overdue,
    kpi::Health::NotMeasuredYet,
];

/// The colour of a health: green, amber, red, or weak text for no signal (not measured yet).
fn health_color(ui: &egui::Ui, health: kpi::Health) -> egui::Color32 {
    health.level().map_or_else(
        || ui.visuals().weak_text_color(),
        |level| widgets::signal_color(ui, level),
    )
}

/// Traffic lights for all KPIs, and the thresholds to edit.
fn health_overview(ui: &mut egui::Ui, project: &mut Project, today: Date) {
    let thresholds = project.management.health;
    let mut counts = [0usize; HEALTHS.len()];
    for k in &project.management.kpis {
        let health = kpi::health_on(k, thresholds, today).health;
        if let Some(i) = HEALTHS.iter().position(|h| *h == health) {
            counts[i] += 1;
        }
    }
    const HOW: &str = "Health compares the progress made from the baseline with the progress planned (baseline, milestones, target) at the date of the latest actual.";
    ui.horizontal_wrapped(|ui| {
        for (count, health) in counts.iter().zip(HEALTHS) {
            if *count > 0 {
                ui.label(
                    RichText::new(format!("● {count} {}", health.label().to_lowercase()))
                        .color(health_color(ui, health))
                        .strong(),
                )
                .on_hover_text(HOW);
                ui.add_space(8.0);
            }
        }
    });
    egui::CollapsingHeader::new("Health thresholds").show(ui, |ui| {
        ui.label(RichText::new(HOW).weak());
        let h = &mut project.management.health;
        ui.horizontal(|ui| {
            if let Some(share) = share_edit(ui, "On track from", h.on_track) {
                h.set_on_track(share);
            }
            if let Some(share) = share_edit(ui, "behind from", h.behind) {
                h.set_behind(share);
            }
            ui.label("of the planned progress; below: at risk.");
        });
    });
}

/// A labelled share of the planned progress, edited in per cent; the new share if it changed.
fn share_edit(ui: &mut egui::Ui, label: &str, share: f64) -> Option<f64> {
    let label = ui.label(label);
    let mut percent = share * 100.0;
    ui.add(
        egui::DragValue::new(&mut percent)
            .range(1.0..=HealthThresholds::MAX_SHARE * 100.0)
            .clamp_existing_to_range(false)
            .suffix(" %"),
    )
    .labelled_by(label.id)
    .changed()
    .then_some(percent / 100.0)
}

fn latest_text(kpi: &Kpi) -> String {
    crate::format::latest_actual(kpi.latest())
}

/// The health in the list: its label, and the share of the planned progress where there is one.
fn health_cell(ui: &mut egui::Ui, h: &kpi::KpiHealth) {
    let text = match (h.ratio, h.health.level()) {
        (Some(r), _) => format!("● {} {}", h.health.label(), percent(r, 0)),
        (None, Some(_)) => format!("● {}", h.health.label()),
        // No signal, no dot: the room goes to the words.
        (None, None) => h.health.label().to_owned(),
    };
    let mut text = RichText::new(text).color(health_color(ui, h.health));
    if h.health.level().is_some() {
        text = text.strong();
    }
    widgets::cell_label(ui, text).on_hover_text(h.words());
}

/// The health with its numbers in words, and when the next measurement is due.
fn health_sentence(
    ui: &mut egui::Ui,
    k: &Kpi,
    h: &kpi::KpiHealth,
    today: Date,
    thresholds: HealthThresholds,
) {
    let due = kpi::measurement_due(k);
    let overdue = kpi::measurement_overdue(k, today);
    let cadence = k.cadence.label().to_lowercase();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{}:", h.health.label()))
                .color(health_color(ui, h.health))
                .strong(),
        );
        match (h.latest, h.planned_value) {
            (Some(latest), Some(planned_value)) => {
                let downwards = if k.direction == KpiDirection::LowerIsBetter {
                    format!(" Lower is better: progress counts down from the baseline {}.", trim_number(k.baseline))
                } else {
                    String::new()
                };
                ui.label(format!(
                    "{} by {}, the latest actual (planned then: {}). On track from {}, at risk below {} of the planned progress.{downwards}",
                    h.words(),
                    latest.0,
                    kpi::value_text(k, planned_value),
                    percent(thresholds.on_track, 0),
                    percent(thresholds.behind, 0),
                ));
            }
            _ if overdue => {
                ui.label(format!("the first measurement was due {due} ({cadence})."));
            }
            _ => {
                ui.label(format!("the first measurement is due {due} ({cadence})."));
            }
        }
    });
    if h.latest.is_some() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("Next measurement due {due} ({cadence})"));
            if overdue {
                ui.label(
                    RichText::new("overdue")
                        .color(widgets::signal_color(ui, 0))
                        .strong(),
                );
            }
        });
    }
}

/// The latest actual in the list, marked and coloured when the next measurement is overdue;
/// its hover says when the next one is due.
fn latest_cell(ui: &mut egui::Ui, k: &Kpi, today: Date) {
    let due = kpi::measurement_due(k);
    let cadence = k.cadence.label().to_lowercase();
    let latest = latest_text(k);
    // Without an actual the health says "overdue" already.
    if k.latest().is_some() && kpi::measurement_overdue(k, today) {
        let text = RichText::new(format!("⚠ {latest}"))
            .color(widgets::signal_color(ui, 0))
            .strong();
        widgets::cell_label(ui, text).on_hover_text(format!(
            "The next measurement is overdue: due {due} ({cadence})"
        ));
    } else {
        widgets::cell_label(ui, latest)
            .on_hover_text(format!("The next measurement is due {due} ({cadence})"));
    }
}

pub(super) fn kpis_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let alternatives = alternative_items(project);
    let options = option_items(project);
    let benefits = benefit_items(project);
    let today = env.today;
    let thresholds = project.management.health;
    health_overview(ui, project, today);
    master_detail(
        ui,
        env,
        ItemKind::Kpi,
        &mut project.management.kpis,
        |k| ItemRef::Kpi(k.id),
        vec![
            Col::name("KPI"),
            Col::name("Unit"),
            Col::short("Baseline"),
            Col::short("Target"),
            Col::short("By"),
            Col::name("Latest"),
            Col::short("Health"),
        ],
        |k, row| {
            cell_text(row, &k.name);
            cell_text(row, &k.unit);
            cell_text(row, trim_number(k.baseline));
            cell_text(row, trim_number(k.target));
            cell_text(row, k.target_date.to_string());
            row.col(|ui| latest_cell(ui, k, today));
            let h = kpi::health_on(k, thresholds, today);
            row.col(|ui| health_cell(ui, &h));
        },
        |ui, k, env| {
            // How it goes first, so the chart is in view when the detail has little room.
            let h = kpi::health_on(k, thresholds, today);
            let rect = kpi_chart::ui(ui, k, &h, today);
            health_sentence(ui, k, &h, today, thresholds);
            crate::app::panes::decision::export_menu(
                ui,
                env,
                crate::app::command::SlideChart::Kpi(k.id),
                rect,
            );
            ui.add_space(6.0);
            form(ui, ("kpi", k.id), |f| {
                f.text("Name", &mut k.name);
                f.text("Unit", &mut k.unit);
                f.choice("Direction", &mut k.direction);
                f.number("Baseline", &mut k.baseline);
                f.date("Baseline date", &mut k.baseline_date);
                f.number("Target", &mut k.target);
                f.date("Target date", &mut k.target_date);
                f.choice("Cadence", &mut k.cadence);
                f.reference("Measures alternative", &mut k.alternative, &alternatives);
                f.reference("Measures option", &mut k.option, &options);
                f.reference_whole("Corporate benefit", &mut k.benefit, &benefits)
                    .on_hover_text("The corporate benefit whose realisation this KPI measures");
            });
            ui.add_space(6.0);
            milestones_ui(ui, k);
            ui.add_space(6.0);
            actuals_ui(ui, k);
        },
    );
}

/// The milestones of the planned path: add, edit date and value, remove.
fn milestones_ui(ui: &mut egui::Ui, k: &mut Kpi) {
    ui.horizontal(|ui| {
        ui.strong(format!("Milestones ({})", k.milestones.len()));
        let add = ui
            .button("➕ Add milestone")
            .on_hover_text("A point the planned path passes through between baseline and target; added in the middle of the longest stretch, on the path, to be typed over");
        if add.clicked() {
            k.add_milestone();
        }
    });
    if k.milestones.is_empty() {
        widgets::empty_hint(
            ui,
            "No milestones: the plan is the straight line from baseline to target.",
        );
        return;
    }
    let mut remove = None;
    let name = k.name.clone();
    let left_out: Vec<Option<&'static str>> = (0..k.milestones.len())
        .map(|i| k.milestone_left_out(i))
        .collect();
    egui_extras::TableBuilder::new(ui)
        .id_salt(("milestones", k.id))
        .striped(true)
        .auto_shrink([false, true])
        .column(egui_extras::Column::exact(120.0))
        .column(egui_extras::Column::exact(140.0))
        .column(egui_extras::Column::exact(36.0))
        .column(egui_extras::Column::remainder())
        .header(widgets::ROW_HEIGHT, |mut h| {
            h.col(|ui| {
                ui.strong("Date");
            });
            h.col(|ui| {
                ui.strong("Planned value");
            });
            h.col(|_| {});
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(widgets::ROW_HEIGHT, k.milestones.len(), |mut row| {
                let i = row.index();
                let m = &mut k.milestones[i];
                row.col(|ui| {
                    widgets::date_edit(ui, ("milestone date", k.id, i), &mut m.date)
                        .accessible_name(format!("Date of milestone {} of {name}", i + 1));
                });
                row.col(|ui| {
                    let speed = widgets::number_speed(m.value);
                    ui.add(
                        egui::DragValue::new(&mut m.value)
                            .speed(speed)
                            .max_decimals(3),
                    )
                    .accessible_name(format!("Value of milestone {} of {name}", i + 1));
                });
                row.col(|ui| {
                    if ui
                        .small_button("🗑")
                        .on_hover_text("Remove this milestone")
                        .accessible_name(format!("Remove milestone {} of {name}", i + 1))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                row.col(|ui| {
                    if let Some(why) = left_out[i] {
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("⚠ left out of the plan: {why}"))
                                    .color(ui.visuals().warn_fg_color),
                            )
                            .truncate(),
                        );
                    }
                });
            });
        });
    if let Some(i) = remove {
        k.milestones.remove(i);
    }
}

fn actuals_ui(ui: &mut egui::Ui, k: &mut Kpi) {
    ui.horizontal(|ui| {
        ui.strong(format!("Actuals ({})", k.actuals.len()));
        if ui
            .button("➕ Add actual")
            .on_hover_text("A new row on the day the next measurement is due, with the latest value, to be typed over")
            .clicked()
        {
            k.actuals.push(k.next_actual());
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
