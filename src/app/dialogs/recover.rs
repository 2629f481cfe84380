//! "Restore unsaved work?": the unsaved work of workbench windows that crashed.

use super::Outcome;
use crate::app::command::Command;
use crate::io::recovery::Orphan;
use egui::{Id, RichText};

/// The recovery dialog. It holds nothing itself: it lists the orphans the workbench keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recover;

impl Recover {
    /// Draws the dialog for the crashed windows' work. Esc or a click beside it does not
    /// dismiss it: the work stays on offer until someone chooses.
    pub fn ui(&self, ctx: &egui::Context, orphans: &[Orphan]) -> Option<Outcome> {
        let mut outcome = None;
        egui::Modal::new(Id::unique("recover_dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(if orphans.len() == 1 {
                "Restore unsaved work?".to_owned()
            } else {
                format!("Restore unsaved work of {} windows?", orphans.len())
            });
            ui.label(
                "A workbench window was closed with unsaved changes, by a crash or a power \
                 cut. Windows that are still open keep their own work and are not listed.",
            );
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for orphan in orphans {
                        ui.separator();
                        match &orphan.work {
                            Ok(work) => {
                                ui.label(
                                    RichText::new(format!("“{}”", work.project.name)).strong(),
                                );
                                ui.label(format!("Last autosaved {}", work.saved_at));
                                if let Some(path) = &work.original {
                                    ui.label(
                                        RichText::new(format!("Its file: {}", path.display()))
                                            .weak(),
                                    );
                                }
                            }
                            Err(e) => {
                                ui.label(
                                    RichText::new("Unsaved work that cannot be read").strong(),
                                );
                                ui.label(RichText::new(e.to_string()).monospace());
                            }
                        }
                        let number = orphan.slot.number();
                        ui.horizontal(|ui| {
                            if orphan.work.is_ok()
                                && ui.button(RichText::new("Restore").strong()).clicked()
                            {
                                outcome = Some(Outcome::Run(Command::RestoreRecovered(number)));
                            }
                            if ui.button("Discard it").clicked() {
                                outcome = Some(Outcome::DiscardRecovered(number));
                            }
                        });
                    }
                });
            ui.separator();
            if ui
                .button("Decide later")
                .on_hover_text("Nothing is deleted: the next start offers it again")
                .clicked()
            {
                outcome = Some(Outcome::RecoverLater);
            }
        });
        outcome
    }
}
