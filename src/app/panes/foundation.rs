//! Pane 1: the foundation, i.e. the company, its business model, goals and social media affinity.

use crate::app::command::Command;
use crate::app::panes::{benefit_items, kpi_items, selected_index};
use crate::app::state::{FoundationSection, PaneEnv};
use crate::app::widgets::Rating;
use crate::app::widgets::{self, Col, form, list_toolbar, pane_header, section_tabs};
use crate::model::{BenefitId, Goal, ItemKind, ItemRef, KpiId, Project};
use egui::RichText;

const GUIDANCE: &str = "Start from the business, not from the platforms. Split the business model into modules, \
state the company goals and the social media goals, and judge how far social media can influence the market \
and each topic (social media affinity, 0 = not at all, 10 = decisively). Everything later is traced back to this.";

/// Draws the foundation pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(
        ui,
        env,
        "1 · Foundation: business model and goals",
        GUIDANCE,
    );
    super::why_note(ui, project, crate::model::MethodStep::Foundation);
    section_tabs(
        ui,
        &mut env.sections.foundation,
        &[
            (FoundationSection::Company, "Company and goals"),
            (FoundationSection::Modules, "Business model modules"),
            (FoundationSection::Topics, "Topics and affinity"),
        ],
    );
    match env.sections.foundation {
        FoundationSection::Company => company_ui(ui, project, env),
        FoundationSection::Modules => modules_ui(ui, project, env),
        FoundationSection::Topics => topics_ui(ui, project, env),
    }
}

fn company_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    egui::ScrollArea::vertical()
        .id_salt("company")
        .show(ui, |ui| {
            form(ui, "company_form", |f| {
                f.text("Project name", &mut project.name);
                f.area("Summary", &mut project.summary);
                let fd = &mut project.foundation;
                f.text("Company", &mut fd.company);
                f.text("Industry", &mut fd.industry);
                f.area("The business", &mut fd.description);
                f.score(
                    "Market affinity",
                    &mut fd.market_affinity,
                    Rating::MarketAffinity,
                );
                f.area("Why this affinity", &mut fd.market_affinity_note);
                f.amount(
                    "Day rate for effort",
                    &mut project.day_rate_eur,
                    "EUR",
                    10.0,
                );
            });
            ui.add_space(8.0);
            goals_ui(ui, project, env);
        });
}

/// The goals, and for the selected goal the benefits that serve it and the KPIs that measure it.
fn goals_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.heading("Goals");
    let count = project.foundation.goals.len();
    let (add, _) = list_toolbar(ui, "goal", count, None);
    if add {
        env.send(Command::Add(ItemKind::Goal));
    }
    if count == 0 {
        widgets::empty_hint(
            ui,
            "No goals yet. Company goals say what the business must achieve; social media goals what social media contributes.",
        );
        return;
    }
    let selected = selected_index(env, ItemKind::Goal, &project.foundation.goals, |g, s| {
        ItemRef::Goal(g.id) == s
    });
    let benefits = benefit_items(project);
    let kpis = kpi_items(project);
    let goals = &mut project.foundation.goals;
    let mut remove = None;
    let mut select = None;
    let clicked = widgets::list_table(
        ui,
        "goals",
        vec![
            Col::width("Kind", 210.0),
            Col::text("Goal"),
            Col::width("Links", 140.0),
            Col::width("", 36.0),
        ],
        count,
        selected,
        f32::INFINITY,
        |i, row| {
            let goal = &mut goals[i];
            row.col(|ui| {
                widgets::choice_combo(ui, ("goal kind", goal.id), &mut goal.kind)
                    .accessible_name(format!("Kind of goal {}", goal.id));
            });
            row.col(|ui| {
                let response = widgets::cell_edit(ui, &mut goal.text, "A goal that can be checked")
                    .accessible_name(format!("Goal {}", goal.id));
                if response.gained_focus() {
                    select = Some(goal.id);
                }
            });
            row.col(|ui| {
                if ui
                    .selectable_label(selected == Some(i), links_summary(goal))
                    .on_hover_text("Show and edit the benefits that serve this goal and the KPIs that measure it")
                    .accessible_name(format!("Links of goal {}", goal.id))
                    .clicked()
                {
                    select = Some(goal.id);
                }
            });
            row.col(|ui| {
                if ui
                    .small_button("🗑")
                    .on_hover_text("Remove this goal")
                    .clicked()
                {
                    remove = Some(goal.id);
                }
            });
        },
    );
    if let Some(i) = clicked {
        select = goals.get(i).map(|g| g.id);
    }
    if let Some(id) = select
        && selected.and_then(|i| goals.get(i)).map(|g| g.id) != Some(id)
    {
        env.send(Command::Select(ItemRef::Goal(id)));
    }
    if let Some(id) = remove {
        env.send(Command::Remove(ItemRef::Goal(id)));
    }
    ui.add_space(6.0);
    match selected.and_then(|i| goals.get_mut(i)) {
        Some(goal) => goal_links_ui(ui, goal, &benefits, &kpis),
        None => widgets::empty_hint(
            ui,
            "Select a goal (its row or its links) to link it to the corporate benefits that serve it and the KPIs that measure it.",
        ),
    }
}

/// "2 benefits, 1 KPI".
fn links_summary(goal: &Goal) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        0 => format!("no {one}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    format!(
        "{}, {}",
        count(goal.benefits.len(), "benefit", "benefits"),
        count(goal.kpis.len(), "KPI", "KPIs")
    )
}

/// Which corporate benefits serve a goal (and how strongly) and which KPIs measure it.
fn goal_links_ui(
    ui: &mut egui::Ui,
    goal: &mut Goal,
    benefits: &[(BenefitId, String)],
    kpis: &[(KpiId, String)],
) {
    let name = if goal.text.trim().is_empty() {
        format!("goal {}", goal.id)
    } else {
        goal.text.trim().to_owned()
    };
    ui.label(RichText::new(format!("Links of the goal “{name}”")).strong());
    ui.columns(2, |columns| {
        let [left, right] = columns else {
            return;
        };
        left.label(RichText::new("Served by these corporate benefits").strong());
        if benefits.is_empty() {
            widgets::empty_hint(
                left,
                "No corporate benefits yet: add them in pane 3, Corporate benefit.",
            );
        }
        for (id, benefit) in benefits {
            let mut on = goal.served_by(*id).is_some();
            if left
                .checkbox(&mut on, benefit)
                .accessible_name(format!("{benefit} serves this goal"))
                .changed()
            {
                goal.set_served_by(*id, on);
            }
            if let Some(mut strength) = goal.served_by(*id) {
                left.horizontal(|ui| {
                    ui.add_space(24.0);
                    let label = ui.label("how strongly");
                    if widgets::choice_combo(ui, ("goal benefit", goal.id, *id), &mut strength)
                        .labelled_by(label.id)
                        .accessible_name(format!("How strongly {benefit} serves this goal"))
                        .changed()
                    {
                        goal.set_strength(*id, strength);
                    }
                });
            }
        }
        right.label(RichText::new("Measured by these KPIs").strong());
        if kpis.is_empty() {
            widgets::empty_hint(
                right,
                "No KPIs yet: add them in pane 7, Strategy management.",
            );
        }
        for (id, kpi) in kpis {
            let mut on = goal.measured_by(*id);
            if right
                .checkbox(&mut on, kpi)
                .accessible_name(format!("{kpi} measures this goal"))
                .changed()
            {
                goal.set_measured_by(*id, on);
            }
        }
    });
}

fn modules_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("The business model split into modules; the nine blocks of the business model canvas are a good start. Benefits and change potential are judged per module.");
    let count = project.foundation.modules.len();
    let (add, _) = list_toolbar(ui, "module", count, None);
    if add {
        env.send(Command::Add(ItemKind::Module));
    }
    let owned: Vec<usize> = project
        .foundation
        .modules
        .iter()
        .map(|m| project.items_owned_by_module(m.id))
        .collect();
    let modules = &mut project.foundation.modules;
    let mut remove = None;
    let height = ui.available_height() - 8.0;
    widgets::list_table(
        ui,
        "modules",
        vec![
            Col::name("Module"),
            Col::width("Canvas block", 200.0),
            Col::text("What it does here"),
            Col::width("", 36.0),
        ],
        count,
        None,
        height,
        |i, row| {
            let m = &mut modules[i];
            row.col(|ui| {
                widgets::cell_edit(ui, &mut m.name, "")
                    .accessible_name(format!("Name of module {}", m.id));
            });
            row.col(|ui| {
                widgets::choice_combo(ui, ("block", m.id), &mut m.block)
                    .accessible_name(format!("Canvas block of module {}", m.id));
            });
            row.col(|ui| {
                widgets::cell_edit(ui, &mut m.description, "")
                    .accessible_name(format!("Description of module {}", m.id));
            });
            row.col(|ui| {
                let hint = match owned[i] {
                    0 => "Remove this module".to_owned(),
                    n => format!("Remove this module and the {n} potentials and benefits that belong to it (undo brings them back)"),
                };
                if ui.small_button("🗑").on_hover_text(hint).clicked() {
                    remove = Some(m.id);
                }
            });
        },
    );
    if let Some(id) = remove {
        env.send(Command::Remove(ItemRef::Module(id)));
    }
}

fn topics_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("Topics are what users care about in this market. Their social media affinity says where social media can make a difference.");
    let topics = &mut project.foundation.topics;
    let (add, _) = list_toolbar(ui, "topic", topics.len(), None);
    if add {
        env.send(Command::Add(ItemKind::Topic));
    }
    let mut remove = None;
    let height = ui.available_height() - 8.0;
    let count = topics.len();
    widgets::list_table(
        ui,
        "topics",
        vec![
            Col::name("Topic"),
            Col::width("Affinity (0–10)", 230.0),
            Col::text("Why"),
            Col::width("", 36.0),
        ],
        count,
        None,
        height,
        |i, row| {
            let t = &mut topics[i];
            row.col(|ui| {
                widgets::cell_edit(ui, &mut t.name, "")
                    .accessible_name(format!("Name of topic {}", t.id));
            });
            row.col(|ui| {
                widgets::score_slider(ui, &mut t.affinity, Rating::TopicAffinity)
                    .accessible_name(format!("Affinity of topic {}", t.name));
            });
            row.col(|ui| {
                widgets::cell_edit(ui, &mut t.note, "")
                    .accessible_name(format!("Why topic {} has this affinity", t.id));
            });
            row.col(|ui| {
                if ui
                    .small_button("🗑")
                    .on_hover_text("Remove this topic")
                    .clicked()
                {
                    remove = Some(t.id);
                }
            });
        },
    );
    if let Some(id) = remove {
        env.send(Command::Remove(ItemRef::Topic(id)));
    }
}
