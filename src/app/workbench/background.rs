//! Work in the background (opening a file, writing the memo): starting it, its progress dialog,
//! and its result.

use super::Workbench;
use crate::app::command::Command;
use crate::app::jobs::{Job, Outcome, Poll};
use egui::{Id, RichText};

impl Workbench {
    /// Runs a job in the background. A job that finishes within a few milliseconds (a small
    /// file) is taken at once, so the window does not flash a progress dialog.
    pub(super) fn start_job(&mut self, job: Job) {
        match job.wait(std::time::Duration::from_millis(15)) {
            Poll::Running => self.job = Some(job),
            Poll::Done(outcome) => self.finish_job(outcome),
            Poll::Failed => self.job_failed(&job.title),
        }
    }

    /// Takes the outcome of the job in the background once it is there.
    pub(super) fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        match job.poll() {
            Poll::Running => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
            Poll::Done(outcome) => {
                self.job = None;
                self.finish_job(outcome);
                ctx.request_repaint();
            }
            Poll::Failed => {
                let title = job.title.clone();
                self.job = None;
                self.job_failed(&title);
            }
        }
    }

    /// Says that a job stopped without a result (it panicked); nothing was changed.
    fn job_failed(&mut self, title: &str) {
        self.error(
            "Something went wrong",
            format!("{title}: the work stopped unexpectedly. Nothing was changed."),
        );
    }

    /// Acts on a job's result.
    fn finish_job(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Opened { path, result } => match *result {
                Ok(_) if !self.unchanged_since_cleared() => {
                    // Edited while the file was read: ask again, then read it anew.
                    self.status = "The project changed while the file was read".to_owned();
                    self.request(Command::OpenPath(path));
                }
                Ok(loaded) => {
                    self.status = match loaded.upgrade_notice() {
                        // The path is beside it in the status bar; the notice needs the room.
                        Some(notice) => format!("Opened; the file was {notice}"),
                        None => format!("Opened {}", path.display()),
                    };
                    self.settings.remember_recent(&path);
                    self.replace_project(loaded.project, Some(path), None);
                }
                Err(e) => self.error("The file was not opened", e.to_string()),
            },
            Outcome::MemoWritten { path, result } => match result {
                Ok(()) => self.status = format!("Decision memo written to {}", path.display()),
                Err(e) => self.error("The report was not written", e.to_string()),
            },
        }
    }

    /// Whether the project is as it was when a replacing command was let through the door.
    pub(super) fn unchanged_since_cleared(&self) -> bool {
        self.cleared_for_replace
            .as_deref()
            .is_none_or(|cleared| *cleared == self.project)
    }

    /// While a job runs: what it does, for how long, and (where nothing is lost) a way to stop
    /// waiting. Modal: nothing can be edited that the job's outcome would replace.
    pub(super) fn job_ui(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        // A modal takes the pointer, not the keyboard: a field behind it that had the focus
        // would go on taking keys, edits the job's outcome might replace.
        ctx.memory_mut(|m| {
            if let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
        });
        let mut cancel = false;
        egui::Modal::new(Id::unique("job_dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.horizontal(|ui| {
                ui.spinner();
                ui.heading(format!("{}…", job.title));
            });
            ui.label(RichText::new(format!("{:.0} s", job.elapsed_s().floor())).weak());
            if job.cancellable && ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        if cancel {
            self.job = None;
            self.status = "Cancelled: the open project is as it was".to_owned();
        }
    }
}
