//! How far each weight may move before the winner changes.

use super::{criterion_name, name_of};
use crate::app::plots::tornado;
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, Col, cell_text};
use crate::model::Project;

pub(super) fn sensitivity_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let Some(winner) = env.derived.evaluation.winner() else {
        return;
    };
    ui.label(format!(
        "How far may each weight move (the others keeping their proportions) before “{}” is no longer first? \
The green band is where it stays first; beyond its ends another alternative takes the lead.",
        winner.name
    ));
    let rows: Vec<tornado::Row> = env
        .derived
        .sensitivity
        .iter()
        .map(|t| tornado::Row {
            label: criterion_name(project, t.criterion),
            weight: t.weight,
            from: t.winner_stays_from,
            to: t.winner_stays_to,
            below: t.next_leader_below.map(|id| name_of(project, id)),
            above: t.next_leader_above.map(|id| name_of(project, id)),
        })
        .collect();
    let rect = tornado::ui(ui, &rows);
    super::export_menu(ui, env, crate::app::command::SlideChart::Sensitivity, rect);
    ui.add_space(6.0);
    let count = rows.len();
    widgets::list_table(
        ui,
        "thresholds",
        vec![
            Col::name("Criterion"),
            Col::short("Weight"),
            Col::short("Stays first from"),
            Col::short("to"),
            Col::name("Leader below"),
            Col::name("Leader above"),
        ],
        count,
        None,
        f32::INFINITY,
        |i, row| {
            let r = &rows[i];
            cell_text(row, &r.label);
            cell_text(row, format!("{:.2}", r.weight));
            cell_text(row, format!("{:.2}", r.from));
            cell_text(row, format!("{:.2}", r.to));
            cell_text(row, r.below.as_deref().unwrap_or("—"));
            cell_text(row, r.above.as_deref().unwrap_or("—"));
        },
    );
}
