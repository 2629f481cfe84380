//! "Copy options from a sample case": choose a sample's options, then confirm the
//! transferability checklist before they are copied.

use super::{Outcome, dismissed};
use crate::app::command::Command;
use crate::io::SAMPLES;
use crate::model::OptionId;
use egui::{Id, RichText};

/// The questions to answer before options transfer from a sample.
const CHECKS: [&str; 3] = [
    "Social media affinity: my market and these topics are as open to social media as in the sample.",
    "Competitors: I know my own performance and attention competitors; the sample's are not mine.",
    "Business model: my business model has modules and benefits these options can serve.",
];

/// The choice of a sample's options and the checklist so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CopyFromSample {
    /// Index in [`SAMPLES`].
    pub sample: usize,
    /// The sample's options chosen.
    pub selected: Vec<OptionId>,
    /// The transferability checklist: affinity, competitors, business model.
    pub checks: [bool; 3],
}

impl CopyFromSample {
    /// Whether the options can be copied: some are chosen and every check is confirmed.
    pub fn is_ready(&self) -> bool {
        !self.selected.is_empty() && self.checks.iter().all(|c| *c)
    }

    /// Draws the dialog.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let source = SAMPLES.get(self.sample).and_then(|s| s.load().ok());
        let mut outcome = None;
        let response = egui::Modal::new(Id::unique("copy_dialog")).show(ctx, |ui| {
            ui.set_width(600.0);
            ui.heading("Copy options from a sample case");
            ui.label(
                "A sample is a worked example of the method, not a best case to copy: what \
                 worked there may fail here. Copied options keep their content; their links to \
                 the sample's benefits are dropped, and their competitive assessment and \
                 relevance start as not assessed, to be judged against your own competitors and \
                 market.",
            );
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let label = ui.label("Sample");
                let mut choice = Some(self.sample);
                let items: Vec<(usize, String)> = SAMPLES
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (i, s.title.to_owned()))
                    .collect();
                if crate::app::widgets::reference_combo(ui, "copy_sample", &mut choice, &items)
                    .labelled_by(label.id)
                    .changed()
                    && let Some(c) = choice
                {
                    self.sample = c;
                    self.selected.clear();
                }
            });
            if let Some(source) = &source {
                // Eight whole rows; more scroll (a row cut in half reads as the last one).
                crate::app::widgets::rows_tall(
                    ui,
                    "copy_from_sample_options",
                    8,
                    crate::app::widgets::RowsOf::Controls,
                    |ui| {
                        for o in &source.options {
                            let mut on = self.selected.contains(&o.id);
                            if ui.checkbox(&mut on, &o.name).changed() {
                                if on {
                                    self.selected.push(o.id);
                                } else {
                                    self.selected.retain(|x| *x != o.id);
                                }
                            }
                        }
                    },
                );
            }
            ui.add_space(6.0);
            ui.strong("Before you copy, check that they transfer:");
            for (check, question) in self.checks.iter_mut().zip(CHECKS) {
                ui.checkbox(check, question);
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let n = self.selected.len();
                let label = format!("Copy {n} option{}", if n == 1 { "" } else { "s" });
                if ui
                    .add_enabled(
                        self.is_ready(),
                        egui::Button::new(RichText::new(label).strong()),
                    )
                    .on_disabled_hover_text("Choose options and confirm all three checks")
                    .clicked()
                {
                    outcome = Some(Outcome::Run(Command::CopyOptions {
                        sample: self.sample,
                        options: self.selected.clone(),
                    }));
                }
                if ui.button("Cancel").clicked() {
                    outcome = Some(Outcome::Close);
                }
            });
        });
        outcome.or_else(|| dismissed(&response))
    }
}
