//! Autosave of unsaved work into this window's recovery slot, and the unsaved work of crashed
//! windows offered back (see [`crate::io::recovery`]).

use super::Workbench;
use crate::app::dialogs::{Dialog, Recover};
use crate::app::history::Revision;
use crate::io;
use std::path::{Path, PathBuf};

/// Autosave unsaved work every this many seconds.
pub const AUTOSAVE_INTERVAL_S: f64 = 30.0;

impl Workbench {
    /// Writes unsaved work to this window's recovery file every [`AUTOSAVE_INTERVAL_S`]
    /// seconds. A failure (full disk, read-only folder) is said once, stays visible in the
    /// status bar while it lasts, and the next interval tries again; the project stays open.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if self.allow_close || self.recovery_dir.is_none() {
            // Quitting: the user chose what happens to the work (saved, or discarded).
            return;
        }
        let now = ctx.input(|i| i.time);
        if !self.is_dirty() {
            if self.room.is_some() {
                // The copy written when the room opened stays while it is open: a crash must
                // bring the round back, saved project or not.
                return;
            }
            if self.last_autosave_s.take().is_some() {
                // Clean again (undone back to the saved state): the copy aside is not unsaved
                // work any more, and must not be offered as a crashed window's.
                self.clear_recovery();
            }
            self.autosave_problem = None;
            return;
        }
        let due = self
            .last_autosave_s
            .is_none_or(|last| now - last >= self.autosave_interval_s);
        if due {
            self.last_autosave_s = Some(now);
            if self.recovery.is_none()
                && let Some(dir) = self.recovery_dir.clone()
            {
                // No slot could be had at start (a full or read-only folder): try again.
                self.claim_slot(&dir);
            }
            let Some(slot) = &self.recovery else {
                return;
            };
            match slot.write(&self.project, self.path.as_deref()) {
                Ok(()) => {
                    if self.autosave_problem.take().is_some() {
                        self.status = "Autosave works again".to_owned();
                    }
                }
                Err(e) => {
                    if self.autosave_problem.is_none() {
                        self.status = format!(
                            "Autosave failed, retrying every {:.0} s: {e}",
                            self.autosave_interval_s
                        );
                    }
                    self.autosave_problem = Some(e.to_string());
                }
            }
        }
        // Come back when the next autosave is due, even if nobody touches the window.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            self.autosave_interval_s.max(1.0),
        ));
    }

    /// Why autosave is failing, while it is.
    pub fn autosave_problem(&self) -> Option<&str> {
        self.autosave_problem.as_deref()
    }

    /// Autosaves unsaved work to a slot of its own in `dir` from now on, and offers back the
    /// unsaved work of windows that crashed (windows still running keep theirs). Called once
    /// at start. If no slot can be had, autosave stays off and the status bar says why.
    pub fn start_recovery(&mut self, dir: &Path) {
        self.recovery_dir = Some(dir.to_path_buf());
        self.claim_slot(dir);
    }

    /// Takes a recovery slot in `dir`, and the crashed windows' work found there.
    fn claim_slot(&mut self, dir: &Path) {
        match io::recovery::claim(dir) {
            Ok(claim) => {
                if !claim.problems.is_empty() {
                    self.status = format!(
                        "Some unsaved work may not be offered back: {}",
                        claim.problems.join("; ")
                    );
                }
                self.recovery = Some(claim.slot);
                self.orphans = claim.orphans;
                if !self.orphans.is_empty() && self.dialog.is_none() {
                    self.dialog = Some(Dialog::Recover(Recover));
                }
            }
            Err(e) => {
                let message = format!("no recovery file can be written: {e}");
                if self.autosave_problem.is_none() {
                    self.status = format!(
                        "Unsaved work cannot be kept aside (tried again every {:.0} s): {message}",
                        self.autosave_interval_s
                    );
                }
                self.autosave_problem = Some(message);
            }
        }
    }

    /// This window's recovery file, if autosave is on.
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.recovery.as_ref().map(io::recovery::Slot::path)
    }

    /// The unsaved work of crashed windows still on offer: project name (or why the file
    /// cannot be read) and slot number.
    pub fn orphans(&self) -> Vec<(String, u32)> {
        self.orphans
            .iter()
            .map(|o| {
                let what = match &o.work {
                    Ok(r) => r.project.name.clone(),
                    Err(e) => e.to_string(),
                };
                (what, o.slot.number())
            })
            .collect()
    }

    /// Removes this window's recovery file (its work was saved or deliberately discarded).
    /// If that fails, the status line says so: the next start would offer the work again.
    pub(super) fn clear_recovery(&mut self) {
        if let Some(slot) = &self.recovery
            && let Err(e) = slot.clear()
        {
            self.status = format!(
                "The recovery copy could not be removed, so the next start may offer this work again: {e}"
            );
        }
    }

    /// Restores the unsaved work of a crashed window's slot into this window, which then
    /// autosaves into that slot (its own empty one is given up).
    pub(super) fn restore_orphan(&mut self, number: u32) {
        let Some(index) = self.orphans.iter().position(|o| o.slot.number() == number) else {
            return;
        };
        if let Err(e) = &self.orphans[index].work {
            let message = e.to_string();
            self.error("The unsaved work cannot be read", message);
            return;
        }
        let orphan = self.orphans.remove(index);
        if let Ok(work) = orphan.work {
            self.replace_project(work.project, work.original, None);
            // Restored work is unsaved until the user saves it.
            self.saved_revision = Revision::MAX;
            self.recovery = Some(orphan.slot);
            self.status = "Unsaved work restored: save it to keep it".to_owned();
            // A round the phones were answering when the window went down comes back open.
            self.resume_room();
        }
    }

    /// Writes the recovery file now, whatever the interval (a room opened or closed: a crash
    /// from here on must find the round). Returns whether the work is safe: written, or no
    /// autosave in this workbench (tests).
    pub(super) fn write_recovery_now(&mut self) -> bool {
        let Some(slot) = &self.recovery else {
            return self.recovery_dir.is_none();
        };
        match slot.write(&self.project, self.path.as_deref()) {
            Ok(()) => {
                // Remembered as written, so that a clean project clears it again later.
                self.last_autosave_s.get_or_insert(0.0);
                true
            }
            Err(e) => {
                self.status = format!("Autosave failed: {e}");
                self.autosave_problem = Some(e.to_string());
                false
            }
        }
    }

    /// Deletes the recovery file of a crashed window's slot.
    pub(super) fn discard_orphan(&mut self, number: u32) {
        let Some(index) = self.orphans.iter().position(|o| o.slot.number() == number) else {
            return;
        };
        let orphan = self.orphans.remove(index);
        // Its room's answers go with it: the round they belong to is discarded.
        let journal = orphan.slot.room_journal();
        if journal.exists()
            && let Err(e) = crate::room::journal::remove(&journal)
        {
            self.status = format!(
                "The discarded work's room journal stays at {}: {e}",
                journal.display()
            );
        }
        if let Err(e) = orphan.slot.clear() {
            self.error(
                "The unsaved work was not discarded",
                format!("{e}\n\nThe next start will offer it again."),
            );
        }
    }
}
