//! Pane 3: the corporate benefit per business-model module.

use super::{master_detail, module_items, name_or_dash};
use crate::app::state::PaneEnv;
use crate::app::widgets::Rating;
use crate::app::widgets::{Col, cell_text, form, pane_header, rating_text};
use crate::model::{ItemKind, ItemRef, Project};

const GUIDANCE: &str = "Per module of the business model: which benefits can social media bring, how relevant is \
social media for them (0–10), what kind of change do they mean, and which opportunities and risks follow for the \
business model? A benefit that no module needs is not a benefit.";

/// Draws the corporate benefit pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, env, "3 · Corporate benefit", GUIDANCE);
    super::why_note(ui, project, crate::model::MethodStep::Benefit);
    let modules = module_items(project);
    let realised_by: Vec<(crate::model::BenefitId, usize)> = project
        .benefits
        .iter()
        .map(|b| (b.id, project.options_realising(b.id)))
        .collect();
    master_detail(
        ui,
        env,
        ItemKind::Benefit,
        &mut project.benefits,
        |b| ItemRef::Benefit(b.id),
        vec![
            Col::name("Module"),
            Col::name("Benefit"),
            Col::short("Relevance"),
            Col::short("Change"),
            Col::short("Options"),
        ],
        |b, row| {
            cell_text(row, name_or_dash(&modules, Some(b.module)));
            cell_text(row, &b.name);
            cell_text(row, rating_text(b.relevance));
            cell_text(row, b.change_potential.to_string());
            let n = realised_by
                .iter()
                .find(|(id, _)| *id == b.id)
                .map_or(0, |(_, n)| *n);
            cell_text(row, n.to_string());
        },
        |ui, b, _env| {
            form(ui, ("benefit", b.id), |f| {
                let mut module = Some(b.module);
                if f.reference("Module", &mut module, &modules).changed()
                    && let Some(m) = module
                {
                    b.module = m;
                }
                f.text("Benefit", &mut b.name);
                f.area("What the company gains", &mut b.description);
                f.score(
                    "Social media relevance",
                    &mut b.relevance,
                    Rating::BenefitRelevance,
                );
                f.choice("Change potential", &mut b.change_potential);
                f.area("Opportunities", &mut b.opportunities);
                f.area("Risks", &mut b.risks);
            });
        },
    );
}
