//! Pane 5: options for action, derived in pbsm's fixed order.

use super::suggested;
use super::{master_detail, name_or_dash, topic_items, usage_format_items, user_benefit_items};
use crate::analysis::competition::Standings;
use crate::analysis::suggest;
use crate::app::state::PaneEnv;
use crate::app::widgets::Rating;
use crate::app::widgets::{self, Col, NOT_ASSESSED, cell_text, form, pane_header, rating_text};
use crate::model::{CompetitiveAssessment, ItemKind, ItemRef, Project, Suggested};
use egui::RichText;

const GUIDANCE: &str = "Derive each option in a fixed order: topic → user benefit → usage format → participation → \
motivation → channels. Channels come last, not first. State the performance the option requires, its priority and \
relevance, and assess it honestly against competitors: leading, parity or weaker. Catching up is not a strategy.";

/// Draws the options pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, env, "5 · Options for action", GUIDANCE);
    super::why_note(ui, project, crate::model::MethodStep::Options);
    if ui
        .button("Copy from a sample…")
        .on_hover_text("Take options from a worked example, after checking that they transfer")
        .clicked()
    {
        env.send(crate::app::command::Command::CopyFromSample);
    }
    // The suggestions for the option being edited (the earlier steps' view of it).
    let suggestions = match env.selected(ItemKind::Option) {
        Some(ItemRef::Option(id)) => project.option(id).map(|o| {
            let standings = Standings::of(project);
            (
                o.id,
                suggest::option_position(project, &standings, o).map(|p| p.suggestion),
                suggest::option_relevance(project, o),
                suggest::option_priority(project, o),
            )
        }),
        _ => None,
    };
    let topics = topic_items(project);
    let user_benefits = user_benefit_items(project);
    let usage_formats = usage_format_items(project);
    let benefits: Vec<(crate::model::BenefitId, String)> = project
        .benefits
        .iter()
        .map(|b| {
            let module = project
                .foundation
                .module(b.module)
                .map_or_else(String::new, |m| format!("{}: ", m.name));
            (b.id, format!("{module}{}", b.name))
        })
        .collect();
    master_detail(
        ui,
        env,
        ItemKind::Option,
        &mut project.options,
        |o| ItemRef::Option(o.id),
        vec![
            Col::name("Option"),
            Col::name("Topic"),
            Col::name("Usage format"),
            Col::short("Priority"),
            Col::short("Relevance"),
            Col::short("Assessment"),
        ],
        |o, row| {
            cell_text(row, &o.name);
            cell_text(row, name_or_dash(&topics, o.topic));
            cell_text(row, name_or_dash(&usage_formats, o.usage_format));
            cell_text(row, o.priority.to_string());
            cell_text(row, rating_text(o.relevance));
            row.col(|ui| {
                let level = match o.assessment {
                    CompetitiveAssessment::Leading => 1,
                    CompetitiveAssessment::NotAssessed | CompetitiveAssessment::Parity => 0,
                    CompetitiveAssessment::Weaker => -1,
                };
                let color = widgets::signal_color(ui, level);
                let short = match o.assessment {
                    CompetitiveAssessment::Leading => "Leading",
                    CompetitiveAssessment::Parity => "Parity",
                    CompetitiveAssessment::Weaker => "Weaker",
                    CompetitiveAssessment::NotAssessed => NOT_ASSESSED,
                };
                widgets::cell_label(ui, RichText::new(short).color(color));
            });
        },
        |ui, o, _env| {
            form(ui, ("option", o.id), |f| {
                f.text("Option", &mut o.name);
                f.reference("1 Topic", &mut o.topic, &topics);
                f.reference("2 User benefit", &mut o.user_benefit, &user_benefits);
                f.reference("3 Usage format", &mut o.usage_format, &usage_formats);
                f.area("4 Participation", &mut o.participation);
                f.area("5 Motivation", &mut o.motivation);
                f.custom("6 Channels", |ui| {
                    widgets::list_edit(ui, ("channels", o.id), &mut o.channels)
                        .accessible_name("6 Channels");
                });
                f.area("Required performance", &mut o.required_performance);
                let (position, relevance, priority) = match &suggestions {
                    Some((id, position, relevance, priority)) if *id == o.id => {
                        (position.as_ref(), relevance.as_ref(), priority.as_ref())
                    }
                    _ => (None, None, None),
                };
                f.score(
                    "Social media relevance",
                    &mut o.relevance,
                    Rating::OptionRelevance,
                );
                suggested::score_row(
                    f,
                    &mut o.relevance,
                    relevance,
                    &mut o.overrides,
                    Suggested::Relevance,
                );
                f.choice("Priority", &mut o.priority);
                let relevance_assessed = o.relevance.is_assessed();
                suggested::choice_row(
                    f,
                    &mut o.priority,
                    relevance_assessed,
                    priority,
                    &mut o.overrides,
                    Suggested::Priority,
                );
                f.choice("Competitive assessment", &mut o.assessment);
                let assessed = o.assessment != CompetitiveAssessment::NotAssessed;
                suggested::choice_row(
                    f,
                    &mut o.assessment,
                    assessed,
                    position,
                    &mut o.overrides,
                    Suggested::Position,
                );
                f.custom("Benefits it realises", |ui| {
                    if benefits.is_empty() {
                        widgets::empty_hint(ui, "No corporate benefits yet (pane 3).");
                    }
                    for (id, name) in &benefits {
                        let mut on = o.realises(*id);
                        if ui.checkbox(&mut on, name).changed() {
                            o.set_realises(*id, on);
                        }
                    }
                });
            });
        },
    );
}
