//! KPIs: health at a glance, the thresholds, each KPI with its chart and actuals.

use crate::analysis::kpi;
use crate::app::panes::{alternative_items, benefit_items, master_detail, option_items};
use crate::app::plots::kpi_chart;
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, Col, cell_text, form};
use crate::format::trim_number;
use crate::model::{HealthThresholds, ItemKind, ItemRef, Kpi, Project};
use egui::RichText;

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
            if let Some(share) = share_edit(ui, "On track from", h.on_track) {
                h.set_on_track(share);
            }
            if let Some(share) = share_edit(ui, "behind from", h.behind) {
                h.set_behind(share);
            }
            ui.label("of the expected value; below: at risk.");
        });
    });
}

/// A labelled share of the expected value, edited in per cent; the new share if it changed.
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

pub(super) fn kpis_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let alternatives = alternative_items(project);
    let options = option_items(project);
    let benefits = benefit_items(project);
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
                f.reference_whole("Corporate benefit", &mut k.benefit, &benefits)
                    .on_hover_text("The corporate benefit whose realisation this KPI measures");
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
            crate::app::panes::decision::export_button(ui, env, "kpi", rect);
            ui.add_space(6.0);
            actuals_ui(ui, k, today);
        },
    );
}

fn actuals_ui(ui: &mut egui::Ui, k: &mut Kpi, today: crate::model::Date) {
    ui.horizontal(|ui| {
        ui.strong(format!("Actuals ({})", k.actuals.len()));
        if ui.button("➕ Add actual").clicked() {
            k.actuals.push(k.next_actual(today));
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
