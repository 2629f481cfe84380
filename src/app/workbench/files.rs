//! Asking for a file path: the system's file dialog on a thread of its own, and the path
//! prompt beside it (or in its place where there is none); then acting on the chosen path.

use super::{Workbench, file_stem_for};
use crate::app::command::Command;
use crate::app::dialogs::{Dialog, PathPrompt, PathPurpose};
use crate::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

impl Workbench {
    /// Asks for a path: the path prompt, and a system file dialog beside it where there is one.
    pub(super) fn ask_for_path(&mut self, purpose: PathPurpose, then: Option<Command>) {
        let suggested = self.path.as_ref().map_or_else(
            || {
                let name = file_stem_for(&self.project.name);
                std::env::current_dir()
                    .map(|d| d.join(&name))
                    .unwrap_or_else(|_| PathBuf::from(&name))
            },
            Clone::clone,
        );
        let text = match purpose {
            PathPurpose::Save => suggested.display().to_string(),
            PathPurpose::CsvExport | PathPurpose::CsvImport => suggested
                .with_file_name(format!(
                    "{}-scores.csv",
                    file_stem_for(&self.project.name).trim_end_matches(".pbsm.ron")
                ))
                .display()
                .to_string(),
            PathPurpose::Svg => suggested
                .with_file_name(format!(
                    "{}.svg",
                    self.pending_png
                        .as_ref()
                        .map_or("chart", |(name, _)| name.as_str())
                ))
                .display()
                .to_string(),
            PathPurpose::Png => suggested
                .with_file_name(format!(
                    "{}.png",
                    self.pending_png
                        .as_ref()
                        .map_or("plot", |(name, _)| name.as_str())
                ))
                .display()
                .to_string(),
            PathPurpose::Report => suggested
                .with_file_name(format!(
                    "{}-memo.html",
                    file_stem_for(&self.project.name).trim_end_matches(".pbsm.ron")
                ))
                .display()
                .to_string(),
            PathPurpose::Open => suggested
                .parent()
                .map(|d| format!("{}{}", d.display(), std::path::MAIN_SEPARATOR))
                .unwrap_or_default(),
        };
        let note = if self.native_dialogs {
            self.spawn_file_dialog(purpose, &suggested);
            "A system file dialog is open. You can also type the path here.".to_owned()
        } else {
            String::new()
        };
        self.dialog = Some(Dialog::Path(PathPrompt {
            purpose,
            text,
            note,
            then,
        }));
    }

    /// Opens a system file dialog on a thread of its own; its answer arrives in a later frame.
    fn spawn_file_dialog(&mut self, purpose: PathPurpose, suggested: &Path) {
        let (tx, rx) = mpsc::channel();
        let dir = suggested.parent().map(Path::to_path_buf);
        let name = suggested
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The dialog blocks its thread, not the window; the answer is picked up in a later frame.
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new().add_filter("pbsm project", &["ron"]);
            if let Some(dir) = dir {
                dialog = dialog.set_directory(dir);
            }
            let chosen = match purpose {
                PathPurpose::Open => dialog.pick_file(),
                PathPurpose::Save => dialog.set_file_name(name).save_file(),
                PathPurpose::CsvExport => rfd::FileDialog::new()
                    .add_filter("CSV", &["csv"])
                    .set_file_name("scores.csv")
                    .save_file(),
                PathPurpose::CsvImport => rfd::FileDialog::new()
                    .add_filter("CSV", &["csv"])
                    .pick_file(),
                PathPurpose::Png => rfd::FileDialog::new()
                    .add_filter("PNG image", &["png"])
                    .set_file_name(name)
                    .save_file(),
                PathPurpose::Svg => rfd::FileDialog::new()
                    .add_filter("SVG image", &["svg"])
                    .set_file_name(name)
                    .save_file(),
                PathPurpose::Report => rfd::FileDialog::new()
                    .add_filter("Decision memo (HTML)", &["html"])
                    .add_filter("Decision memo (Markdown)", &["md"])
                    .set_file_name("decision-memo.html")
                    .save_file(),
            };
            if tx.send(chosen).is_err() {
                // The window closed meanwhile; nobody needs the answer.
            }
        });
        self.file_dialog = Some((purpose, rx));
    }

    /// Takes the system file dialog's answer once it is there.
    pub(super) fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some((purpose, rx)) = &self.file_dialog else {
            return;
        };
        let purpose = *purpose;
        match rx.try_recv() {
            Ok(chosen) => {
                self.file_dialog = None;
                match chosen {
                    Some(path) => {
                        let then = match &self.dialog {
                            Some(Dialog::Path(prompt)) => prompt.then.clone(),
                            _ => None,
                        };
                        self.dialog = None;
                        self.finish_path(purpose, path, then);
                    }
                    None => {
                        if let Some(Dialog::Path(prompt)) = &mut self.dialog {
                            prompt.note = "No file was chosen in a system dialog (or none is available here). Type the path, or cancel.".to_owned();
                        }
                    }
                }
            }
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(200))
            }
            Err(mpsc::TryRecvError::Disconnected) => self.file_dialog = None,
        }
    }

    /// Acts on a chosen path.
    pub(super) fn finish_path(
        &mut self,
        purpose: PathPurpose,
        path: PathBuf,
        then: Option<Command>,
    ) {
        match purpose {
            PathPurpose::Report => self.apply_unchecked(Command::ExportReportTo(path)),
            PathPurpose::CsvExport => self.apply_unchecked(Command::ExportCsvTo(path)),
            PathPurpose::CsvImport => self.apply_unchecked(Command::ImportCsvFrom(path)),
            PathPurpose::Png | PathPurpose::Svg => {
                if let Some((_, bytes)) = self.pending_png.take() {
                    match io::project_file::write_atomic_bytes(&path, &bytes) {
                        Ok(()) => self.status = format!("Plot written to {}", path.display()),
                        Err(e) => self.error("The image was not written", e.to_string()),
                    }
                }
            }
            // The path prompt for opening is reached only through `Command::Open`, which asked
            // about unsaved changes already; if the project changed since (keys typed into a
            // field behind the prompt), the door asks again.
            PathPurpose::Open => {
                if self.unchanged_since_cleared() {
                    self.apply_unchecked(Command::OpenPath(path));
                } else {
                    self.request(Command::OpenPath(path));
                }
            }
            PathPurpose::Save => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    // Saved: the door lets it through without asking again.
                    self.request(then);
                }
            }
        }
    }
}
