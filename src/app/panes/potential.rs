//! Pane 2: the social media performance potential.

use super::{master_detail, module_items, name_or_dash, topic_items, usage_format_items};
use crate::app::command::Command;
use crate::app::state::{PaneEnv, PotentialSection};
use crate::app::widgets::Rating;
use crate::app::widgets::{
    self, Col, cell_text, form, list_toolbar, pane_header, rating_text, section_tabs,
};
use crate::model::{ItemKind, ItemRef, Project};

const GUIDANCE: &str = "What can social media do for this company? Judge each usage format (audience, community, \
social network) by its performance, prerequisites, risks and competitive quality: how well a position built on it \
holds against competitors. Then rate the change potential per module and name the user benefits: the user's benefit is the engine.";

/// Draws the performance potential pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, env, "2 · Social media performance potential", GUIDANCE);
    super::why_note(ui, project, crate::model::MethodStep::Potential);
    section_tabs(
        ui,
        &mut env.sections.potential,
        &[
            (PotentialSection::UsageFormats, "Usage formats"),
            (PotentialSection::ImpactFormats, "Impact formats"),
            (PotentialSection::ChangePotential, "Change potential"),
            (PotentialSection::UserBenefits, "User benefits"),
        ],
    );
    match env.sections.potential {
        PotentialSection::UsageFormats => usage_formats_ui(ui, project, env),
        PotentialSection::ImpactFormats => impact_formats_ui(ui, project, env),
        PotentialSection::ChangePotential => change_potential_ui(ui, project, env),
        PotentialSection::UserBenefits => user_benefits_ui(ui, project, env),
    }
}

fn usage_formats_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    master_detail(
        ui,
        env,
        ItemKind::UsageFormat,
        &mut project.potential.usage_formats,
        |u| ItemRef::UsageFormat(u.id),
        vec![
            Col::name("Usage format"),
            Col::short("Format"),
            Col::short("Competitive quality"),
        ],
        |u, row| {
            cell_text(row, &u.name);
            cell_text(row, u.kind.to_string());
            cell_text(row, rating_text(u.competitive_quality));
        },
        |ui, u, _env| {
            form(ui, ("usage_format", u.id), |f| {
                f.text("Name", &mut u.name);
                f.choice("Format", &mut u.kind);
                f.area("Performance", &mut u.performance);
                f.area("Prerequisites", &mut u.prerequisites);
                f.area("Criteria", &mut u.criteria);
                f.area("Risks", &mut u.risks);
                f.score(
                    "Competitive quality",
                    &mut u.competitive_quality,
                    Rating::UsageFormatQuality,
                );
            });
        },
    );
}

fn impact_formats_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("How social media takes effect here: network effects, information, social context, communication, user benefit. Link each to the usage formats it works through; the options on those formats use it.");
    let formats = usage_format_items(project);
    let using: Vec<Vec<String>> = project
        .potential
        .impact_formats
        .iter()
        .map(|i| {
            project
                .options_using_impact(i.id)
                .iter()
                .filter_map(|o| project.option(*o).map(|o| o.name.clone()))
                .collect()
        })
        .collect();
    let items = &mut project.potential.impact_formats;
    let (add, _) = list_toolbar(ui, "impact format", items.len(), None);
    if add {
        env.send(Command::Add(ItemKind::ImpactFormat));
    }
    let mut remove = None;
    let height = ui.available_height() - 8.0;
    let count = items.len();
    widgets::list_table(
        ui,
        "impact_formats",
        vec![
            Col::width("Impact", 190.0),
            Col::width("Relevance (0–10)", 230.0),
            Col::text("How it works in this market"),
            Col::width("Works through", 150.0),
            Col::width("", 36.0),
        ],
        count,
        None,
        height,
        |i, row| {
            let item = &mut items[i];
            row.col(|ui| {
                widgets::choice_combo(ui, ("impact", item.id), &mut item.kind)
                    .accessible_name(format!("Kind of impact format {}", item.id));
            });
            row.col(|ui| {
                widgets::score_slider(ui, &mut item.relevance, Rating::ImpactRelevance)
                    .accessible_name(format!("Relevance of impact format {}", item.id));
            });
            row.col(|ui| {
                widgets::cell_edit(ui, &mut item.description, "")
                    .accessible_name(format!("Description of impact format {}", item.id));
            });
            row.col(|ui| {
                let options = &using[i];
                let summary = match item.usage_formats.len() {
                    0 => "no format".to_owned(),
                    1 => format!("1 format, {} options", options.len()),
                    n => format!("{n} formats, {} options", options.len()),
                };
                ui.menu_button(summary, |ui| {
                    if formats.is_empty() {
                        widgets::empty_hint(ui, "No usage formats yet (section Usage formats).");
                    }
                    for (id, name) in &formats {
                        let mut on = item.works_through(*id);
                        if ui.checkbox(&mut on, name).changed() {
                            item.set_works_through(*id, on);
                        }
                    }
                })
                .response
                .on_hover_text(if options.is_empty() {
                    "No option uses it yet: link it to the usage formats it works through."
                        .to_owned()
                } else {
                    format!("Used by the options {}", options.join("; "))
                });
            });
            row.col(|ui| {
                if ui
                    .small_button("🗑")
                    .on_hover_text("Remove this impact format")
                    .clicked()
                {
                    remove = Some(item.id);
                }
            });
        },
    );
    if let Some(id) = remove {
        env.send(Command::Remove(ItemRef::ImpactFormat(id)));
    }
}

fn change_potential_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("Per module (or for the business model as a whole): does social media support it, change it, threaten it (destruction) or enable a new one (creation)? Decide which potential the strategy uses and which it deliberately sets aside.");
    let modules = module_items(project);
    master_detail(
        ui,
        env,
        ItemKind::Potential,
        &mut project.potential.module_potentials,
        |m| ItemRef::Potential(m.id),
        vec![
            Col::name("Module"),
            Col::short("Potential"),
            Col::short("Strength"),
            Col::short("Decision"),
            Col::text("Note"),
        ],
        |m, row| {
            let module = match m.module {
                None => "Business model as a whole".to_owned(),
                some => name_or_dash(&modules, some),
            };
            cell_text(row, module);
            cell_text(row, m.potential_type.to_string());
            cell_text(row, rating_text(m.strength));
            cell_text(row, m.decision.to_string());
            cell_text(row, &m.note);
        },
        |ui, m, _env| {
            form(ui, ("potential", m.id), |f| {
                f.reference("Module (— = whole model)", &mut m.module, &modules);
                f.choice("Potential type", &mut m.potential_type);
                f.score("Strength", &mut m.strength, Rating::PotentialStrength);
                f.choice("Decision", &mut m.decision);
                f.area("What it is, and why used or set aside", &mut m.note);
            });
        },
    );
}

fn user_benefits_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("The benefit the user gets, not the product benefit and not the company benefit. It competes with the user benefit that competitors offer.");
    let topics = topic_items(project);
    master_detail(
        ui,
        env,
        ItemKind::UserBenefit,
        &mut project.potential.user_benefits,
        |u| ItemRef::UserBenefit(u.id),
        vec![
            Col::name("User benefit"),
            Col::name("Topic"),
            Col::short("Strength"),
        ],
        |u, row| {
            cell_text(row, &u.name);
            cell_text(row, name_or_dash(&topics, u.topic));
            cell_text(row, rating_text(u.strength));
        },
        |ui, u, _env| {
            form(ui, ("user_benefit", u.id), |f| {
                f.text("Name", &mut u.name);
                f.area("What the user gets", &mut u.description);
                f.reference("Topic", &mut u.topic, &topics);
                f.score(
                    "Strength vs competitors' offer",
                    &mut u.strength,
                    Rating::UserBenefitStrength,
                );
            });
        },
    );
}
