//! The strategy check: consistency findings (where the project contradicts itself or the
//! method), completeness against the 14 components, and the method's check list.

use crate::analysis::check::{self, Coverage};
use crate::analysis::consistency::{Finding, Kind, Severity};
use crate::app::command::Command;
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, pane_header};
use crate::model::{AlternativeId, Choice, Component, ItemKind, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "A complete strategy says something about each of pbsm's 14 strategy components, seven \
core and seven others, and passes the method's check list: potential used and deliberately not used, assumptions, \
resources, risks from competitors' reactions. Write what the data cannot show in the fields below.";

/// Draws the check pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, env, "Strategy check: complete and traceable?", GUIDANCE);
    let alternatives: Vec<(AlternativeId, String)> = project
        .alternatives
        .iter()
        .map(|a| (a.id, a.name.clone()))
        .collect();
    let mut checked = match env.selected(ItemKind::Alternative) {
        Some(ItemRef::Alternative(id)) => Some(id),
        _ => check::focus(project),
    };
    ui.horizontal(|ui| {
        let label = ui.label("Check");
        if widgets::reference_combo(ui, "checked_alternative", &mut checked, &alternatives)
            .labelled_by(label.id)
            .changed()
            && let Some(id) = checked
        {
            env.selection.select(ItemRef::Alternative(id));
        }
    });
    let Some(result) = checked.and_then(|id| check::check(project, id)) else {
        widgets::empty_hint(ui, "No alternative to check yet.");
        return;
    };
    ui.horizontal(|ui| {
        let level = match result.score {
            90.. => 1,
            60..=89 => 0,
            _ => -1,
        };
        ui.label(
            RichText::new(format!("{} / 100", result.score))
                .size(26.0)
                .strong()
                .color(widgets::signal_color(ui, level)),
        );
        ui.add(egui::ProgressBar::new(result.score as f32 / 100.0).desired_width(200.0));
    });
    if let Some(warning) = &result.campaign_plan {
        widgets::warning_banner(ui, "A campaign plan, not a strategy", |ui| {
            ui.label(warning);
        });
    }
    let mut open = None;
    let id = result.alternative;
    egui::ScrollArea::vertical()
        .id_salt("check_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            consistency_ui(ui, env, &mut open);
            ui.add_space(8.0);
            ui.strong("The 14 strategy components");
            for c in &result.components {
                ui.horizontal_wrapped(|ui| {
                    let (mark, level) = match c.coverage {
                        Coverage::Covered => ("✔", 1),
                        Coverage::Partly => ("◐", 0),
                        Coverage::Missing => ("✖", -1),
                    };
                    ui.label(
                        RichText::new(mark)
                            .color(widgets::signal_color(ui, level))
                            .strong(),
                    );
                    ui.label(RichText::new(check::component_label(c.component)).strong());
                    ui.label(RichText::new(&c.note).weak());
                    if c.coverage != Coverage::Covered
                        && let Some(item) = c.item
                        && ui
                            .small_button("Open")
                            .on_hover_text("Open where to fix it")
                            .clicked()
                    {
                        open = Some(item);
                    }
                });
                if !c.component.is_core() {
                    statement_ui(ui, project, id, c.component);
                }
            }
            ui.add_space(8.0);
            ui.strong("Check list");
            for f in &result.checklist {
                ui.horizontal_wrapped(|ui| {
                    let (mark, level) = if f.ok { ("✔", 1) } else { ("✖", -1) };
                    ui.label(
                        RichText::new(mark)
                            .color(widgets::signal_color(ui, level))
                            .strong(),
                    );
                    ui.label(&f.text);
                    if !f.ok
                        && let Some(item) = f.item
                        && ui.small_button("Open").clicked()
                    {
                        open = Some(item);
                    }
                });
            }
        });
    if let Some(item) = open {
        env.send(Command::Select(item));
    }
}

/// Where the project contradicts itself or the method, whatever is filled in: each finding
/// with the rule it applies (on hover) and the item to open.
fn consistency_ui(ui: &mut egui::Ui, env: &PaneEnv<'_>, open: &mut Option<ItemRef>) {
    let findings = env.derived.findings();
    ui.strong(if findings.is_empty() {
        "Consistency: nothing contradicts itself".to_owned()
    } else {
        format!("Consistency: {} finding(s)", findings.len())
    });
    // Grouped by kind, in the order they come (problems first). A kind with many findings
    // folds away and shows its first ones: a project can have thousands, and a list of
    // thousands helps nobody (the memo and `check --json` list them all).
    let mut kinds: Vec<Kind> = Vec::new();
    for f in findings {
        if !kinds.contains(&f.kind) {
            kinds.push(f.kind);
        }
    }
    for kind in kinds {
        let of_kind: Vec<usize> = findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == kind)
            .map(|(i, _)| i)
            .collect();
        let rows = |ui: &mut egui::Ui, shown: &[usize], open: &mut Option<ItemRef>| {
            let messages = env.derived.finding_messages(shown);
            for (&i, message) in shown.iter().zip(&messages) {
                finding_row(ui, &findings[i], message, open);
            }
        };
        if of_kind.len() <= FINDINGS_SHOWN_OPEN {
            rows(ui, &of_kind, open);
            continue;
        }
        egui::CollapsingHeader::new(format!(
            "{} ({})",
            kind_title(kind),
            widgets::group_thousands(of_kind.len() as f64)
        ))
        .id_salt(("findings", kind.code()))
        .show(ui, |ui| {
            rows(
                ui,
                &of_kind[..of_kind.len().min(FINDINGS_SHOWN_FOLDED)],
                open,
            );
            if of_kind.len() > FINDINGS_SHOWN_FOLDED {
                ui.label(
                    RichText::new(format!(
                        "… and {} more: the decision memo and `check --json` list them all.",
                        of_kind.len() - FINDINGS_SHOWN_FOLDED
                    ))
                    .weak(),
                );
            }
        })
        .header_response
        .on_hover_text(format!("The method's rule: {}", kind.rule()));
    }
}

/// Findings of a kind shown as they are, without folding.
const FINDINGS_SHOWN_OPEN: usize = 5;
/// Findings of a kind shown when its group is unfolded.
const FINDINGS_SHOWN_FOLDED: usize = 100;

/// A kind of finding as a heading ("Differs from suggestion").
fn kind_title(kind: Kind) -> String {
    let words = kind.code().replace('-', " ").replace("kpi", "KPI");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// One finding: its severity, its message (the rule on hover), and a button to open its item.
fn finding_row(ui: &mut egui::Ui, f: &Finding, message: &str, open: &mut Option<ItemRef>) {
    ui.horizontal_wrapped(|ui| {
        let (mark, level) = match f.severity {
            Severity::Problem => ("✖", -1),
            Severity::Warning => ("⚠", 0),
        };
        ui.label(
            RichText::new(mark)
                .color(widgets::signal_color(ui, level))
                .strong(),
        )
        .on_hover_text(f.severity.label());
        ui.label(message)
            .on_hover_text(format!("The method's rule: {}", f.kind.rule()));
        if ui
            .small_button("Open")
            .on_hover_text("Open where to fix it")
            .clicked()
        {
            *open = Some(f.item);
        }
    });
}

/// A one-line field for what the alternative says about a component.
fn statement_ui(ui: &mut egui::Ui, project: &mut Project, id: AlternativeId, component: Component) {
    let Some(alt) = project.alternative_mut(id) else {
        return;
    };
    let mut text = alt
        .statements
        .iter()
        .find(|s| s.component == component)
        .map(|s| s.text.clone())
        .unwrap_or_default();
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(1)
                .desired_width(f32::INFINITY)
                .hint_text(format!(
                    "What the strategy says about {}",
                    component.label().to_lowercase()
                )),
        )
        .accessible_name(format!("Statement on {}", component.label()));
    if response.changed() {
        alt.set_statement(component, text);
    }
    ui.add_space(2.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_of_finding_reads_as_a_heading() {
        assert_eq!(
            kind_title(Kind::DiffersFromSuggestion),
            "Differs from suggestion"
        );
        assert_eq!(kind_title(Kind::GoalWithoutKpi), "Goal without KPI");
        assert_eq!(
            kind_title(Kind::KpiTargetContradictsGoal),
            "KPI target contradicts goal"
        );
    }
}
