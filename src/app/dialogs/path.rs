//! The path prompt: a file path typed by hand, shown beside a system file dialog and in its
//! place where there is none.

use super::{Outcome, dismissed};
use crate::app::command::Command;
use egui::{Id, Key, RichText};
use std::path::PathBuf;

/// What a path prompt is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a project file.
    Open,
    /// Save the project to a file.
    Save,
    /// Write the decision memo to a file.
    Report,
    /// Write an exported plot (PNG) to a file.
    Png,
    /// Write an exported chart (SVG) to a file.
    Svg,
    /// Write the scores as CSV.
    CsvExport,
    /// Read scores from CSV.
    CsvImport,
}

impl PathPurpose {
    /// The prompt's heading and its button.
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            Self::Open => ("Open a project", "Open"),
            Self::Save => ("Save the project", "Save"),
            Self::Report => ("Export the decision memo (.html or .md)", "Export"),
            Self::Png => ("Export the plot as PNG", "Export"),
            Self::Svg => ("Export the chart as SVG", "Export"),
            Self::CsvExport => ("Export the alternatives' scores as CSV", "Export"),
            Self::CsvImport => ("Import the alternatives' scores from CSV", "Import"),
        }
    }
}

/// A path prompt and what it has so far.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    /// Open, save, export or import.
    pub purpose: PathPurpose,
    /// The path typed so far.
    pub text: String,
    /// A note on the system dialog.
    pub note: String,
    /// What to do after a successful save.
    pub then: Option<Command>,
}

impl PathPrompt {
    /// Draws the prompt; the typed text stays in it between frames.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let (heading, action) = self.purpose.texts();
        let mut outcome = None;
        let response = egui::Modal::new(Id::unique("path_dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(heading);
            if !self.note.is_empty() {
                ui.label(RichText::new(self.note.as_str()).weak());
            }
            let label = ui.label("File path");
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            // The field has the keyboard from the start (Ctrl+O, then type); a button reached
            // with Tab keeps it. Not after Enter: that is the field giving it up to confirm.
            if !enter && ui.memory(|m| m.focused().is_none()) {
                edit.request_focus();
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let typed = !self.text.trim().is_empty();
                let ok = ui.add_enabled(typed, egui::Button::new(RichText::new(action).strong()));
                if (ok.clicked() || enter) && typed {
                    outcome = Some(Outcome::PathChosen {
                        purpose: self.purpose,
                        path: PathBuf::from(self.text.trim()),
                        then: self.then.clone(),
                    });
                }
                if ui.button("Cancel").clicked() {
                    outcome = Some(Outcome::Close);
                }
            });
        });
        outcome.or_else(|| dismissed(&response))
    }
}
