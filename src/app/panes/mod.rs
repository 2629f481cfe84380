//! One pane per pbsm component. A pane reads the project and changes it in one of three ways:
//!
//! - **Plain field edits** go straight through `&mut` into the project: a name, a text, a
//!   score, an amount, a date, a choice, a reference, removing one actual or one participant.
//!   One thing follows such an edit: at the end of each frame with input the workbench widens
//!   the uncertainty ranges an edited value has left ([`crate::model::Project::fit_ranges`]).
//! - **Rules of the method**, anything more than setting one field (a default, a value that
//!   must follow another, an invariant), are named, unit-tested methods in [`crate::model`] or
//!   functions in [`crate::analysis`], and the pane only calls them: weights
//!   (`Decision::set_weight`, `set_weights`, `save_scenario`, `apply_saved_scenario`,
//!   `delete_scenario`, `scenario_weights`, `clear_judgments`, `ahp::set_judgment`), the default
//!   budget (`Budget::median_of`), an alternative's value for a measure (`Alternative::value`,
//!   `value_for`, `move_score`), own scores, uncertainty ranges and statements
//!   (`set_custom_score`, `set_uncertain`, `set_statement`), bundling (`set_bundled`,
//!   `set_bundle_priority`), links (`ActionOption::set_realises`, `Assumption::set_relied_on_by`,
//!   `Goal::set_served_by`, `set_strength`, `set_measured_by`),
//!   KPIs (`HealthThresholds::set_on_track`, `set_behind`, `Kpi::next_actual`, `add_milestone`,
//!   `Trigger::watching`), dot voting (`VotingRound::add_dot`, `set_dots_each`, `clear_dots`, …),
//!   arena scores (`competition::set_score_in`).
//! - **Structural changes** are sent as a [`super::command::Command`] that the workbench applies
//!   after the frame: adding and removing items (with everything that refers to them), selecting
//!   an item and showing its pane, starting or deleting a voting round, starting a follow-up
//!   strategy, copying from a sample, exporting a chart. (The check and trace panes change the
//!   selection directly where no other pane should open; the selection is not project data.)
//!
//! The first two change the project during the frame; the history records them as one undo
//! step when the edit gesture ends (see [`super::gestures`]). A command that changes the project
//! is one undo step of its own.

pub mod alternatives;
pub mod benefit;
pub mod check;
pub mod competition;
pub mod decision;
pub mod foundation;
pub mod management;
pub mod map;
pub mod options;
pub mod potential;
pub mod room_results;
pub mod suggested;
pub mod trace;
pub mod voting;

use super::layout::PaneKind;
use super::state::PaneEnv;
use crate::model::{
    AlternativeId, BenefitId, ItemKind, ItemRef, KpiId, ModuleId, OptionId, Project, TopicId,
    UsageFormatId, UserBenefitId,
};

/// Draws a pane.
pub fn ui(ui: &mut egui::Ui, pane: PaneKind, project: &mut Project, env: &mut PaneEnv<'_>) {
    match pane {
        PaneKind::Foundation => foundation::ui(ui, project, env),
        PaneKind::Potential => potential::ui(ui, project, env),
        PaneKind::Benefit => benefit::ui(ui, project, env),
        PaneKind::Competition => competition::ui(ui, project, env),
        PaneKind::Options => options::ui(ui, project, env),
        PaneKind::Alternatives => alternatives::ui(ui, project, env),
        PaneKind::Decision => decision::ui(ui, project, env),
        PaneKind::Management => management::ui(ui, project, env),
        PaneKind::Trace => trace::ui(ui, project, env),
        PaneKind::Check => check::ui(ui, project, env),
        PaneKind::Map => map::ui(ui, project, env),
        PaneKind::Voting => voting::ui(ui, project, env),
    }
}

/// Modules as (id, name) for reference combo boxes.
pub fn module_items(p: &Project) -> Vec<(ModuleId, String)> {
    p.foundation
        .modules
        .iter()
        .map(|m| (m.id, m.name.clone()))
        .collect()
}

/// Topics as (id, name).
pub fn topic_items(p: &Project) -> Vec<(TopicId, String)> {
    p.foundation
        .topics
        .iter()
        .map(|t| (t.id, t.name.clone()))
        .collect()
}

/// Usage formats as (id, name).
pub fn usage_format_items(p: &Project) -> Vec<(UsageFormatId, String)> {
    p.potential
        .usage_formats
        .iter()
        .map(|u| (u.id, u.name.clone()))
        .collect()
}

/// User benefits as (id, name).
pub fn user_benefit_items(p: &Project) -> Vec<(UserBenefitId, String)> {
    p.potential
        .user_benefits
        .iter()
        .map(|u| (u.id, u.name.clone()))
        .collect()
}

/// Corporate benefits as (id, name).
pub fn benefit_items(p: &Project) -> Vec<(BenefitId, String)> {
    p.benefits.iter().map(|b| (b.id, b.name.clone())).collect()
}

/// KPIs as (id, name).
pub fn kpi_items(p: &Project) -> Vec<(KpiId, String)> {
    p.management
        .kpis
        .iter()
        .map(|k| (k.id, k.name.clone()))
        .collect()
}

/// Options as (id, name).
pub fn option_items(p: &Project) -> Vec<(OptionId, String)> {
    p.options.iter().map(|o| (o.id, o.name.clone())).collect()
}

/// Alternatives as (id, name).
pub fn alternative_items(p: &Project) -> Vec<(AlternativeId, String)> {
    p.alternatives
        .iter()
        .map(|a| (a.id, a.name.clone()))
        .collect()
}

/// The position of the selected item of a kind in a list, using `matches` to compare.
pub fn selected_index<T>(
    env: &PaneEnv<'_>,
    kind: ItemKind,
    items: &[T],
    matches: impl Fn(&T, ItemRef) -> bool,
) -> Option<usize> {
    let selected = env.selected(kind)?;
    items.iter().position(|item| matches(item, selected))
}

/// The "name" of an optional reference for a table cell.
pub fn name_or_dash<Id: PartialEq + Copy>(items: &[(Id, String)], id: Option<Id>) -> String {
    id.and_then(|id| items.iter().find(|(i, _)| *i == id))
        .map_or_else(|| "—".to_owned(), |(_, n)| n.clone())
}

/// A list with an add/remove toolbar, a table in which a click selects an item, and a form for
/// the selected item below it.
#[allow(clippy::too_many_arguments)]
pub fn master_detail<T>(
    ui: &mut egui::Ui,
    env: &mut PaneEnv<'_>,
    kind: ItemKind,
    items: &mut [T],
    item_ref: impl Fn(&T) -> ItemRef,
    columns: Vec<super::widgets::Col>,
    mut cells: impl FnMut(&T, &mut egui_extras::TableRow<'_, '_>),
    detail: impl FnOnce(&mut egui::Ui, &mut T, &mut PaneEnv<'_>),
) {
    use super::command::Command;
    use crate::model::Choice;
    let noun = kind.label();
    let selected = selected_index(env, kind, items, |item, s| item_ref(item) == s);
    let (add, remove) =
        super::widgets::list_toolbar(ui, noun, items.len(), Some(selected.is_some()));
    if add {
        env.send(Command::Add(kind));
    }
    if remove && let Some(i) = selected {
        env.send(Command::Remove(item_ref(&items[i])));
    }
    if items.is_empty() {
        super::widgets::empty_hint(
            ui,
            &format!("No {noun} yet: add one with the button above."),
        );
        return;
    }
    let split = super::widgets::Split::new(ui, (noun, "split"));
    let top = ui.cursor().top();
    let clicked = super::widgets::list_table(
        ui,
        (noun, "table"),
        columns,
        items.len(),
        selected,
        split.list_height(),
        |i, row| cells(&items[i], row),
    );
    if let Some(i) = clicked {
        env.send(Command::Select(item_ref(&items[i])));
    }
    split.handle(ui, top);
    match selected {
        Some(i) => {
            egui::ScrollArea::vertical()
                .id_salt((noun, "detail"))
                .auto_shrink([false, false])
                .show(ui, |ui| detail(ui, &mut items[i], env));
        }
        None => super::widgets::empty_hint(
            ui,
            &format!("Select a {noun} in the list to see and edit it."),
        ),
    }
}

/// The strategist's reasoning for a step, under the pane's header: "Why, in this case". Open
/// when there is a note (the samples carry one per step, so a learner sees the reasoning, not
/// only the result); editable in place, kept in the project.
pub fn why_note(ui: &mut egui::Ui, project: &mut Project, step: crate::model::MethodStep) {
    use crate::model::judgement::note_for;
    let current = note_for(&project.reasoning, step)
        .unwrap_or_default()
        .to_owned();
    egui::CollapsingHeader::new(egui::RichText::new("Why, in this case").strong())
        .id_salt(("why_note", step))
        .default_open(!current.is_empty())
        .show(ui, |ui| {
            // At most three lines tall (and the field's margin above them), so the pane's own
            // content keeps its room at a laptop's size; a longer note scrolls rather than
            // showing part of a fourth line.
            let lines = ui.text_style_height(&egui::TextStyle::Body) * 3.0 + 6.0;
            egui::ScrollArea::vertical()
                .id_salt(("why_note_scroll", step))
                .max_height(lines)
                // egui's default minimum of 64 points would show part of a fourth line.
                .min_scrolled_height(lines)
                .show(ui, |ui| note_edit(ui, project, step, &current));
        });
}

/// The text of a step's note, edited in place.
fn note_edit(
    ui: &mut egui::Ui,
    project: &mut Project,
    step: crate::model::MethodStep,
    current: &str,
) {
    use crate::model::Choice;
    const HINT: &str =
        "Why this step came out as it did: what you weighed, what you left out, and why.";
    let mut text = current.to_owned();
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .hint_text(HINT)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .accessible_name(format!("Why, in this case: {}", step.label()));
    if response.changed() {
        crate::model::judgement::set_note(&mut project.reasoning, step, text);
    }
}

/// The entries of a chart's Export menu that draw it for a slide: PNG at each slide size, and
/// SVG.
pub fn slide_export_items(
    ui: &mut egui::Ui,
    env: &mut PaneEnv<'_>,
    chart: crate::app::command::SlideChart,
) {
    use crate::app::command::{Command, SlideImage};
    for (width, height, what) in crate::app::export::SLIDE_SIZES {
        if ui
            .button(format!("For a slide: PNG, {width} × {height} ({what})"))
            .clicked()
        {
            env.send(Command::ExportChart(
                chart,
                SlideImage::Png { width, height },
            ));
        }
    }
    if ui.button("For a slide: SVG (any size)").clicked() {
        env.send(Command::ExportChart(chart, SlideImage::Svg));
    }
}
