//! Acting on what the user chose in the open dialog (the dialogs themselves draw in
//! [`crate::app::dialogs`]).

use super::Workbench;
use crate::app::dialogs::{Dialog, Outcome, PathPurpose};

impl Workbench {
    /// Draws the open dialog and acts on the user's choice.
    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) {
        let project_name = &self.project.name;
        let outcome = match &mut self.dialog {
            None => return,
            Some(Dialog::Unsaved(d)) => d.ui(ctx, project_name),
            Some(Dialog::Path(d)) => d.ui(ctx),
            Some(Dialog::Palette(d)) => d.ui(ctx, &self.settings.recent),
            Some(Dialog::CopyFromSample(d)) => d.ui(ctx),
            Some(Dialog::Recover(d)) => d.ui(ctx, &self.orphans),
            Some(Dialog::Error(d)) => d.ui(ctx),
        };
        if let Some(outcome) = outcome {
            self.act_on(outcome);
        }
    }

    /// Closes the dialog and does what the user chose. A dialog opened on the way (an error,
    /// a path prompt) takes its place.
    fn act_on(&mut self, outcome: Outcome) {
        if !matches!(outcome, Outcome::DiscardRecovered(_)) {
            self.dialog = None;
            // A system file dialog still open belongs to the prompt that just closed: its
            // answer is not wanted any more.
            self.file_dialog = None;
        }
        match outcome {
            Outcome::Close => {}
            Outcome::Run(command) => self.request(command),
            Outcome::SaveThen(then) => match self.path.clone() {
                Some(path) => {
                    if self.save_to(&path) {
                        // Saved: the door lets it through without asking again.
                        self.request(then);
                    }
                }
                None => self.ask_for_path(PathPurpose::Save, Some(then)),
            },
            Outcome::DiscardThen(then) => self.apply_unchecked(then),
            Outcome::PathChosen {
                purpose,
                path,
                then,
            } => self.finish_path(purpose, path, then),
            Outcome::DiscardRecovered(number) => {
                self.discard_orphan(number);
                if self.orphans.is_empty() && matches!(self.dialog, Some(Dialog::Recover(_))) {
                    self.dialog = None;
                }
            }
            Outcome::RecoverLater => {
                // The locks go with the slots: the next start (or another window starting
                // now) offers the files again.
                self.orphans.clear();
            }
        }
    }
}
