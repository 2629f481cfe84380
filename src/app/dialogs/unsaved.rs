//! "Unsaved changes": asked before a command replaces a project with unsaved changes or closes
//! the window.

use super::{Outcome, dismissed};
use crate::app::command::Command;
use egui::{Id, RichText};

/// The question about unsaved changes, and the command waiting for the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Unsaved {
    /// What to do after saving or discarding.
    pub then: Command,
}

impl Unsaved {
    /// Draws the dialog for the project named `project_name`.
    pub fn ui(&self, ctx: &egui::Context, project_name: &str) -> Option<Outcome> {
        let what = match self.then {
            Command::Quit => "before closing",
            _ => "before continuing",
        };
        let mut outcome = None;
        let response = egui::Modal::new(Id::unique("unsaved_dialog")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading("Unsaved changes");
            ui.label(format!(
                "Save the changes to “{project_name}” {what}? Otherwise they are lost."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Save").strong()).clicked() {
                    outcome = Some(Outcome::SaveThen(self.then.clone()));
                }
                if ui.button("Don’t save").clicked() {
                    outcome = Some(Outcome::DiscardThen(self.then.clone()));
                }
                if ui.button("Cancel").clicked() {
                    outcome = Some(Outcome::Close);
                }
            });
        });
        outcome.or_else(|| dismissed(&response))
    }
}
