//! The workbench window: menu, panes, dialogs, and the loop that applies commands and records
//! undo steps.

use super::agenda;
use super::command::{Command, commands_from_shortcuts};
use super::history::{History, Revision};
use super::layout::{self, Behavior, PaneKind};
use super::state::{PaneEnv, Sections, Selection};
use super::theme::{self, ThemeChoice, ZOOM_RANGE};
use crate::io::{self, SAMPLES};
use crate::model::{Date, ItemKind, ItemRef, Project, add_item, remove_item};
use egui::{Id, Key, RichText};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Settings remembered between runs through eframe's storage (never in a project file).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light, dark or system theme.
    pub theme: ThemeChoice,
    /// Zoom factor.
    pub zoom: f32,
    /// Zoom factor in presentation mode.
    pub presentation_zoom: f32,
    /// Minutes per agenda step in presentation mode (0: no timer).
    pub step_minutes: u32,
    /// The arrangement of the panes.
    pub layout: egui_tiles::Tree<PaneKind>,
    /// Recently opened or saved project files, newest first.
    pub recent: Vec<PathBuf>,
}

/// The default zoom in presentation mode: readable from the back of a room.
pub const PRESENTATION_ZOOM: f32 = 1.5;

/// A remembered zoom within [`ZOOM_RANGE`]; `default` if it is not a number at all.
fn usable_zoom(zoom: f32, default: f32) -> f32 {
    if zoom.is_finite() {
        zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end())
    } else {
        default
    }
}

/// How many recent files are remembered.
pub const RECENT_FILES: usize = 8;

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            zoom: 1.0,
            presentation_zoom: PRESENTATION_ZOOM,
            step_minutes: 0,
            layout: layout::default_tree(),
            recent: Vec::new(),
        }
    }
}

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
    /// Write the scores as CSV.
    CsvExport,
    /// Read scores from CSV.
    CsvImport,
}

/// A modal dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The project has unsaved changes and `then` would replace it or close the window.
    Unsaved {
        /// What to do after saving or discarding.
        then: Command,
    },
    /// Ask for a file path (shown while a system file dialog is open, and in its place where
    /// there is none).
    Path {
        /// Open or save.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
        /// A note on the system dialog.
        note: String,
        /// What to do after a successful save.
        then: Option<Command>,
    },
    /// The command palette: every command, filtered as the user types.
    Palette {
        /// What was typed.
        query: String,
        /// The highlighted entry among the matches.
        selected: usize,
    },
    /// Copy options from a sample: choose them, then confirm they transfer.
    CopyFromSample {
        /// Index in [`SAMPLES`].
        sample: usize,
        /// The sample's options chosen.
        selected: Vec<crate::model::OptionId>,
        /// The transferability checklist: affinity, competitors, business model.
        checks: [bool; 3],
    },
    /// Unsaved work from a crash was found: restore it?
    Recover {
        /// The work as last autosaved.
        project: Box<Project>,
        /// Its own file, if it had one.
        original: Option<PathBuf>,
        /// When it was autosaved.
        saved_at: String,
    },
    /// Something went wrong; nothing was changed.
    Error {
        /// What failed.
        title: String,
        /// Why, with file, line and column where there are any.
        message: String,
    },
}

/// The workbench: the open project, its file, its history, and the state of the window.
pub struct Workbench {
    /// The open project.
    pub project: Project,
    /// The project's file, if it has one.
    pub path: Option<PathBuf>,
    /// The sample the project came from, if it has not been saved to a file yet.
    pub sample: Option<usize>,
    /// Undo and redo.
    pub history: History,
    saved_revision: Revision,
    uncommitted: bool,
    gesture_focus: Option<Id>,
    /// The selected item of each kind.
    pub selection: Selection,
    /// Which section each multi-section pane shows.
    pub sections: Sections,
    /// Theme, zoom and layout.
    pub settings: Settings,
    /// The open dialog, if any.
    pub dialog: Option<Dialog>,
    /// The last status message.
    pub status: String,
    /// Whether to use the system's file dialogs (off in tests and where there are none).
    pub native_dialogs: bool,
    file_dialog: Option<(PathPurpose, mpsc::Receiver<Option<PathBuf>>)>,
    pending: Vec<Command>,
    applied_style: Option<(ThemeChoice, f32, bool)>,
    /// In presentation mode: full screen, larger, high contrast, no editing chrome.
    pub presenting: bool,
    /// The workshop agenda's current step (an index into `agenda::STEPS`).
    pub agenda_step: usize,
    /// When the current agenda step began (egui time), for its timer.
    step_started_s: Option<f64>,
    allow_close: bool,
    pending_viewport_close: bool,
    /// Today's date for new dated items.
    pub today: Date,
    /// Numbers derived from the project, cached.
    pub derived: super::derived::Derived,
    /// A plot to export: asked for in a command, taken when the next frame is drawn.
    screenshot_request: Option<(String, egui::Rect)>,
    /// Full screen on or off, to be sent to the window.
    fullscreen_request: Option<bool>,
    /// The screenshot on its way: plot name, area, scale, and where it arrives.
    screenshot: Option<(
        String,
        egui::Rect,
        f32,
        mpsc::Receiver<std::sync::Arc<egui::ColorImage>>,
    )>,
    /// An exported plot as PNG bytes, waiting for a file name.
    pub pending_png: Option<(String, Vec<u8>)>,
    /// Where unsaved work is autosaved (`None`: no autosave, as in tests that do not ask).
    pub recovery_dir: Option<PathBuf>,
    /// Seconds between autosaves of unsaved work.
    pub autosave_interval_s: f64,
    last_autosave_s: Option<f64>,
}

/// Autosave unsaved work every this many seconds.
pub const AUTOSAVE_INTERVAL_S: f64 = 30.0;

impl Default for Workbench {
    fn default() -> Self {
        Self::new(Settings::default())
    }
}

impl Workbench {
    /// A workbench with a new, empty project.
    pub fn new(settings: Settings) -> Self {
        let project = Project::default();
        let mut settings = settings;
        if !layout::complete(&mut settings.layout) {
            settings.layout = layout::default_tree();
        }
        // Remembered settings may be damaged or hand-edited: a zoom of 0, NaN or 1e30 would
        // make the window unusable (found by fuzzing, see fuzz/).
        settings.zoom = usable_zoom(settings.zoom, 1.0);
        settings.presentation_zoom = usable_zoom(settings.presentation_zoom, PRESENTATION_ZOOM);
        Self {
            history: History::new(&project),
            project,
            path: None,
            sample: None,
            saved_revision: 0,
            uncommitted: false,
            gesture_focus: None,
            selection: Selection::default(),
            sections: Sections::default(),
            settings,
            dialog: None,
            status: String::new(),
            native_dialogs: false,
            file_dialog: None,
            pending: Vec::new(),
            applied_style: None,
            presenting: false,
            agenda_step: 0,
            step_started_s: None,
            allow_close: false,
            pending_viewport_close: false,
            today: Date::today(),
            derived: super::derived::Derived::default(),
            screenshot_request: None,
            fullscreen_request: None,
            screenshot: None,
            pending_png: None,
            recovery_dir: None,
            autosave_interval_s: AUTOSAVE_INTERVAL_S,
            last_autosave_s: None,
        }
    }

    /// A workbench with a sample case open.
    pub fn with_sample(index: usize) -> Self {
        let mut app = Self::default();
        app.apply_now(Command::OpenSample(index));
        app
    }

    /// Whether the project has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.uncommitted || self.history.revision() != self.saved_revision
    }

    /// Whether the user asked to quit and nothing holds the window open any more.
    pub fn is_quitting(&self) -> bool {
        self.allow_close
    }

    /// The window title: project, file and a modified mark.
    pub fn window_title(&self) -> String {
        let file = match (&self.path, self.sample) {
            (Some(path), _) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            (None, Some(_)) => "sample, not saved".to_owned(),
            (None, None) => "not saved".to_owned(),
        };
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{} — {file} — pbsm workbench", self.project.name)
    }

    /// Queues a command to apply at the end of the frame.
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Applies a command now, first asking about unsaved changes where it would lose them.
    pub fn request(&mut self, command: Command) {
        if command.replaces_project() && self.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then: command });
        } else {
            self.apply_now(command);
        }
    }

    fn replace_project(&mut self, project: Project, path: Option<PathBuf>, sample: Option<usize>) {
        // Replacing unsaved work happens only after the user said so: the recovery file that
        // holds it goes too. (Replacing a saved project leaves a recovery file alone: at start
        // it still holds the work of a crashed session, to offer back.)
        if self.is_dirty()
            && let Some(dir) = &self.recovery_dir
        {
            io::recovery::clear(dir);
        }
        self.history = History::new(&project);
        self.saved_revision = self.history.revision();
        self.uncommitted = false;
        self.project = project;
        self.path = path;
        self.sample = sample;
        self.selection.clear_all();
        self.select_first_items();
    }

    /// Selects the first item of each list, so panes open with something to show.
    fn select_first_items(&mut self) {
        let p = &self.project;
        let firsts = [
            p.potential
                .usage_formats
                .first()
                .map(|x| ItemRef::UsageFormat(x.id)),
            p.potential
                .module_potentials
                .first()
                .map(|x| ItemRef::Potential(x.id)),
            p.potential
                .user_benefits
                .first()
                .map(|x| ItemRef::UserBenefit(x.id)),
            p.benefits.first().map(|x| ItemRef::Benefit(x.id)),
            p.competition
                .competitors
                .first()
                .map(|x| ItemRef::Competitor(x.id)),
            p.options.first().map(|x| ItemRef::Option(x.id)),
            p.alternatives.first().map(|x| ItemRef::Alternative(x.id)),
            p.management.kpis.first().map(|x| ItemRef::Kpi(x.id)),
            p.management
                .assumptions
                .first()
                .map(|x| ItemRef::Assumption(x.id)),
            p.management
                .measures
                .first()
                .map(|x| ItemRef::Measure(x.id)),
        ];
        for item in firsts.into_iter().flatten() {
            self.selection.select(item);
        }
    }

    fn error(&mut self, title: &str, message: String) {
        self.dialog = Some(Dialog::Error {
            title: title.to_owned(),
            message,
        });
    }

    /// Records pending edits as an undo step, so a command is a step of its own.
    fn commit(&mut self) {
        self.history.commit(&self.project);
        self.uncommitted = false;
    }

    /// Applies a command without asking.
    pub fn apply_now(&mut self, command: Command) {
        match command {
            Command::NewProject => {
                self.replace_project(Project::default(), None, None);
                self.status = "New project".to_owned();
            }
            Command::Open => self.ask_for_path(PathPurpose::Open, None),
            Command::Palette => {
                self.dialog = Some(Dialog::Palette {
                    query: String::new(),
                    selected: 0,
                });
            }
            Command::OpenPath(path) => match io::load_reporting(&path) {
                Ok(loaded) => {
                    self.status = match loaded.upgrade_notice() {
                        // The path is beside it in the status bar; the notice needs the room.
                        Some(notice) => format!("Opened; the file was {notice}"),
                        None => format!("Opened {}", path.display()),
                    };
                    self.remember_recent(&path);
                    self.replace_project(loaded.project, Some(path), None);
                }
                Err(e) => self.error("The file was not opened", e.to_string()),
            },
            Command::OpenSample(index) => match SAMPLES.get(index).map(io::Sample::load) {
                Some(Ok(project)) => {
                    self.status = format!("Sample case: {}", SAMPLES[index].title);
                    self.replace_project(project, None, Some(index));
                }
                Some(Err(e)) => self.error("The sample could not be opened", e.to_string()),
                None => self.error(
                    "No such sample",
                    format!("There is no sample number {index}."),
                ),
            },
            Command::Save => match self.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.ask_for_path(PathPurpose::Save, None),
            },
            Command::SaveAs => self.ask_for_path(PathPurpose::Save, None),
            Command::SaveTo(path) => {
                self.save_to(&path);
            }
            Command::ExportReport => self.ask_for_path(PathPurpose::Report, None),
            Command::ExportReportTo(path) => {
                self.commit();
                match io::report::write(&self.project, &path, self.today) {
                    Ok(()) => self.status = format!("Decision memo written to {}", path.display()),
                    Err(e) => self.error("The report was not written", e.to_string()),
                }
            }
            Command::Quit => {
                // Quitting without saving is a deliberate discard.
                if let Some(dir) = &self.recovery_dir {
                    io::recovery::clear(dir);
                }
                self.allow_close = true;
                self.pending_viewport_close = true;
            }
            Command::Undo => {
                if self.history.undo(&mut self.project) {
                    self.uncommitted = false;
                    self.selection.retain_existing(&self.project);
                    self.status = "Undone".to_owned();
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.project) {
                    self.uncommitted = false;
                    self.selection.retain_existing(&self.project);
                    self.status = "Redone".to_owned();
                }
            }
            Command::ShowPane(pane) => layout::show_pane(&mut self.settings.layout, pane),
            Command::ResetLayout => self.settings.layout = layout::default_tree(),
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::ZoomIn => self.set_zoom(self.zoom() + 0.1),
            Command::ZoomOut => self.set_zoom(self.zoom() - 0.1),
            Command::ZoomReset => self.set_zoom(if self.presenting {
                PRESENTATION_ZOOM
            } else {
                1.0
            }),
            Command::AgendaStep(step) => {
                self.agenda_step = step.min(agenda::STEPS.len() - 1);
                self.step_started_s = None;
                let pane = agenda::STEPS[self.agenda_step].pane;
                layout::show_pane(&mut self.settings.layout, pane);
            }
            Command::TogglePresentation => {
                self.presenting = !self.presenting;
                if self.presenting {
                    self.pending.push(Command::AgendaStep(self.agenda_step));
                }
                self.fullscreen_request = Some(self.presenting);
                self.status = if self.presenting {
                    "Presentation mode: Esc or F5 leaves".to_owned()
                } else {
                    "Presentation mode left".to_owned()
                };
            }
            Command::Add(kind) => {
                self.commit();
                match add_item(&mut self.project, kind, self.today) {
                    Ok(item) => {
                        self.selection.select(item);
                        self.commit();
                        self.status = format!("Added a {}", crate::model::Choice::label(kind));
                    }
                    Err(e) => self.error("Nothing was added", e.to_string()),
                }
            }
            Command::Remove(item) => {
                self.commit();
                remove_item(&mut self.project, item);
                self.commit();
                self.selection.retain_existing(&self.project);
                self.status = format!(
                    "Removed a {} (Edit → Undo brings it back)",
                    crate::model::Choice::label(item.kind())
                );
            }
            Command::ExportCsv => self.ask_for_path(PathPurpose::CsvExport, None),
            Command::ImportCsv => self.ask_for_path(PathPurpose::CsvImport, None),
            Command::ExportCsvTo(path) => match io::scores_csv::export(&self.project) {
                Ok(text) => match io::project_file::write_atomic(&path, &text) {
                    Ok(()) => self.status = format!("Scores written to {}", path.display()),
                    Err(e) => self.error("The scores were not written", e.to_string()),
                },
                Err(e) => self.error("The scores were not written", e.to_string()),
            },
            Command::ImportCsvFrom(path) => {
                let text = std::fs::read_to_string(&path);
                match text {
                    Err(e) => self.error(
                        "Nothing was imported",
                        format!("{}: cannot read the file: {e}", path.display()),
                    ),
                    Ok(text) => {
                        match io::scores_csv::import(
                            &self.project,
                            &text,
                            &path.display().to_string(),
                            self.today,
                        ) {
                            Ok(project) => {
                                self.commit();
                                self.project = project;
                                self.commit();
                                self.status = format!(
                                    "Scores imported from {} (Edit → Undo takes them back)",
                                    path.display()
                                );
                            }
                            Err(e) => self.error("Nothing was imported", e.to_string()),
                        }
                    }
                }
            }
            Command::ExportPlot { name, rect } => self.screenshot_request = Some((name, rect)),
            Command::NewVotingRound(subject) => {
                self.commit();
                let id = self.project.new_voting_round(subject, self.today);
                self.commit();
                self.sections.voting_round = Some(id);
                layout::show_pane(&mut self.settings.layout, PaneKind::Voting);
                self.status = format!(
                    "New dot voting round on {} (Edit → Undo takes it back)",
                    crate::model::Choice::label(subject).to_lowercase()
                );
            }
            Command::RemoveVotingRound(id) => {
                self.commit();
                self.project.votes.retain(|r| r.id != id);
                self.commit();
                self.status = "Voting round deleted (Edit → Undo brings it back)".to_owned();
            }
            Command::StartFollowUp(name) => {
                self.commit();
                self.project.start_follow_up(&name, self.today);
                self.commit();
                self.status = format!(
                    "Follow-up strategy started; “{name}” is kept as a version (Edit → Undo takes it back)"
                );
            }
            Command::CopyFromSample => {
                self.dialog = Some(Dialog::CopyFromSample {
                    sample: 0,
                    selected: Vec::new(),
                    checks: [false; 3],
                });
            }
            Command::CopyOptions { sample, options } => {
                match SAMPLES.get(sample).map(io::Sample::load) {
                    Some(Ok(source)) => {
                        self.commit();
                        let new =
                            crate::model::edit::copy_options(&mut self.project, &source, &options);
                        self.commit();
                        if let Some(first) = new.first() {
                            self.selection.select(ItemRef::Option(*first));
                            layout::show_pane(&mut self.settings.layout, PaneKind::Options);
                        }
                        self.status = format!(
                            "Copied {} option(s): link them to your benefits and assess them against your competitors",
                            new.len()
                        );
                    }
                    Some(Err(e)) => self.error("The sample could not be opened", e.to_string()),
                    None => self.error(
                        "No such sample",
                        format!("There is no sample number {sample}."),
                    ),
                }
            }
            Command::Select(item) => {
                self.selection.select(item);
                if let Some(pane) = pane_of(item.kind()) {
                    layout::show_pane(&mut self.settings.layout, pane);
                }
            }
        }
    }

    /// Puts a file at the top of the recent files.
    fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| *p != path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(RECENT_FILES);
    }

    /// The zoom in use: presentation mode has its own.
    pub fn zoom(&self) -> f32 {
        if self.presenting {
            self.settings.presentation_zoom
        } else {
            self.settings.zoom
        }
    }

    fn set_zoom(&mut self, zoom: f32) {
        // Round to whole percent so repeated steps land on 100 % again.
        let zoom = ((zoom * 100.0).round() / 100.0).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        if self.presenting {
            self.settings.presentation_zoom = zoom;
        } else {
            self.settings.zoom = zoom;
        }
    }

    /// Saves to a path (adding the `.pbsm.ron` extension where it has none). Returns whether
    /// it worked; on failure the old file is intact and an error dialog says why.
    fn save_to(&mut self, path: &Path) -> bool {
        let path = with_extension(path);
        self.commit();
        match io::save(&self.project, &path) {
            Ok(()) => {
                self.saved_revision = self.history.revision();
                self.status = format!("Saved to {}", path.display());
                self.remember_recent(&path);
                if let Some(dir) = &self.recovery_dir {
                    io::recovery::clear(dir);
                }
                self.path = Some(path);
                self.sample = None;
                true
            }
            Err(e) => {
                self.error(
                    "The project was not saved",
                    format!("{e}\n\nThe file on disk is unchanged."),
                );
                false
            }
        }
    }

    fn ask_for_path(&mut self, purpose: PathPurpose, then: Option<Command>) {
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
        self.dialog = Some(Dialog::Path {
            purpose,
            text,
            note,
            then,
        });
    }

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
                PathPurpose::Report => rfd::FileDialog::new()
                    .add_filter("Decision memo (HTML)", &["html"])
                    .add_filter("Decision memo (Markdown)", &["md"])
                    .set_file_name("decision-memo.html")
                    .save_file(),
            };
            // The window may have closed meanwhile; then nobody needs the answer.
            let _ = tx.send(chosen);
        });
        self.file_dialog = Some((purpose, rx));
    }

    fn poll_file_dialog(&mut self, ctx: &egui::Context) {
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
                            Some(Dialog::Path { then, .. }) => then.clone(),
                            _ => None,
                        };
                        self.dialog = None;
                        self.finish_path(purpose, path, then);
                    }
                    None => {
                        if let Some(Dialog::Path { note, .. }) = &mut self.dialog {
                            *note = "No file was chosen in a system dialog (or none is available here). Type the path, or cancel.".to_owned();
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

    fn finish_path(&mut self, purpose: PathPurpose, path: PathBuf, then: Option<Command>) {
        match purpose {
            PathPurpose::Report => self.apply_now(Command::ExportReportTo(path)),
            PathPurpose::CsvExport => self.apply_now(Command::ExportCsvTo(path)),
            PathPurpose::CsvImport => self.apply_now(Command::ImportCsvFrom(path)),
            PathPurpose::Png => {
                if let Some((_, bytes)) = self.pending_png.take() {
                    match io::project_file::write_atomic_bytes(&path, &bytes) {
                        Ok(()) => self.status = format!("Plot written to {}", path.display()),
                        Err(e) => self.error("The image was not written", e.to_string()),
                    }
                }
            }
            PathPurpose::Open => self.apply_now(Command::OpenPath(path)),
            PathPurpose::Save => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.apply_now(then);
                }
            }
        }
    }

    /// Draws the whole window into `ui` and applies what the user did. Usable without eframe
    /// (the UI tests call it directly).
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // The window's close button: with unsaved changes, keep the window and ask first.
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.dialog.is_none() {
                self.request(Command::Quit);
            }
        }
        self.apply_style(&ctx);
        if self.dialog.is_none() {
            self.pending.extend(commands_from_shortcuts(&ctx));
        }
        // A project file dropped on the window opens (asking first about unsaved changes).
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            self.pending.push(Command::OpenPath(path));
        }
        self.derived.update(&self.project);
        if self.derived.robustness.is_running() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        if let Some(on) = self.fullscreen_request.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        }
        if self.presenting {
            // Esc leaves, unless it is closing a dialog or leaving a text field.
            let esc = self.dialog.is_none()
                && ctx.memory(|m| m.focused().is_none())
                && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
            if esc {
                self.pending.push(Command::TogglePresentation);
            }
            // Presenter remotes send Page Up / Page Down.
            let step = ctx.input_mut(|i| {
                if i.consume_key(egui::Modifiers::NONE, egui::Key::PageDown) {
                    Some(self.agenda_step + 1)
                } else if i.consume_key(egui::Modifiers::NONE, egui::Key::PageUp) {
                    Some(self.agenda_step.saturating_sub(1))
                } else {
                    None
                }
            });
            if let Some(step) = step.filter(|s| *s < agenda::STEPS.len() && self.dialog.is_none()) {
                self.pending.push(Command::AgendaStep(step));
            }
            egui::Panel::top("presentation_bar").show(ui, |ui| self.presentation_bar_ui(ui));
            egui::Panel::top("agenda").show(ui, |ui| self.agenda_ui(ui));
        } else {
            egui::Panel::top("menu_bar").show(ui, |ui| self.menu_ui(ui));
            egui::Panel::bottom("status_bar").show(ui, |ui| self.status_ui(ui));
        }
        let mut commands = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(2.0))
            .show(ui, |ui| {
                let mut env = PaneEnv {
                    derived: &self.derived,
                    selection: &mut self.selection,
                    commands: &mut commands,
                    sections: &mut self.sections,
                    today: self.today,
                };
                let mut behavior = Behavior {
                    project: &mut self.project,
                    env: &mut env,
                };
                self.settings.layout.ui(&mut behavior, ui);
            });
        self.pending.extend(commands);
        self.dialog_ui(&ctx);
        self.poll_file_dialog(&ctx);
        self.poll_screenshot(&ctx);
        // An edited value may have left its uncertainty range; widen it (part of the same edit).
        self.project.fit_ranges();
        self.record_gestures(&ctx);
        self.autosave(&ctx);
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() {
            for command in pending {
                self.request(command);
            }
            ctx.request_repaint();
        }
        if self.pending_viewport_close {
            self.pending_viewport_close = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let title = self.window_title();
        if ctx
            .data(|d| d.get_temp::<String>(Id::unique("window_title")))
            .as_ref()
            != Some(&title)
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            ctx.data_mut(|d| d.insert_temp(Id::unique("window_title"), title));
        }
    }

    /// Writes unsaved work to the recovery file every [`AUTOSAVE_INTERVAL_S`] seconds.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(dir) = self.recovery_dir.clone() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if !self.is_dirty() {
            self.last_autosave_s = None;
            return;
        }
        let due = self
            .last_autosave_s
            .is_none_or(|last| now - last >= self.autosave_interval_s);
        if due {
            self.last_autosave_s = Some(now);
            if let Err(e) = io::recovery::write(&dir, &self.project, self.path.as_deref()) {
                self.status = format!("Autosave failed: {e}");
            }
        }
        // Come back when the next autosave is due, even if nobody touches the window.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            self.autosave_interval_s.max(1.0),
        ));
    }

    /// Offers to restore unsaved work found in the recovery folder (at start).
    pub fn offer_recovery(&mut self) {
        let Some(dir) = self.recovery_dir.clone() else {
            return;
        };
        match io::recovery::find(&dir) {
            None => {}
            Some(Ok(r)) => {
                self.dialog = Some(Dialog::Recover {
                    project: Box::new(r.project),
                    original: r.original,
                    saved_at: r.saved_at,
                });
            }
            Some(Err(e)) => self.error(
                "Unsaved work was found but cannot be read",
                format!("{e}\n\nThe recovery file is kept in {}.", dir.display()),
            ),
        }
    }

    /// Asks for a screenshot when a plot export is requested, and turns the screenshot into
    /// PNG bytes of the plot's area when it arrives.
    fn poll_screenshot(&mut self, ctx: &egui::Context) {
        if let Some((name, rect)) = self.screenshot_request.take() {
            let (tx, rx) = mpsc::channel();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                // The window may have closed meanwhile; then nobody needs it.
                let _ = tx.send(image);
                repaint.request_repaint();
            });
            self.screenshot = Some((name, rect, ctx.pixels_per_point(), rx));
            self.status = "Taking a picture of the plot…".to_owned();
            return;
        }
        let Some((_, _, _, rx)) = &self.screenshot else {
            return;
        };
        match rx.try_recv() {
            Ok(image) => {
                let Some((name, rect, ppp, _)) = self.screenshot.take() else {
                    return;
                };
                let png = super::export::crop(&image, rect, ppp)
                    .ok_or_else(|| "the plot is not on screen".to_owned())
                    .and_then(|img| super::export::encode_png(&img).map_err(|e| e.to_string()));
                match png {
                    Ok(bytes) => {
                        self.pending_png = Some((name, bytes));
                        self.ask_for_path(PathPurpose::Png, None);
                    }
                    Err(e) => self.error("The plot was not exported", e),
                }
            }
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50))
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                self.screenshot = None;
                self.error(
                    "The plot was not exported",
                    "The window could not take a picture of itself here.".to_owned(),
                );
            }
        }
    }

    /// The slim bar that replaces the menu in presentation mode.
    fn presentation_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.strong(&self.project.name);
            // The status bar is hidden while presenting: its save state and last message
            // (e.g. "Saved to …" after Ctrl+S) show here instead.
            ui.separator();
            self.save_state_ui(ui);
            if !self.status.is_empty() {
                ui.separator();
                ui.add(
                    egui::Label::new(RichText::new(&self.status).weak())
                        .truncate()
                        .selectable(false),
                );
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Leave presentation")
                    .on_hover_text("Esc or F5")
                    .clicked()
                {
                    self.pending.push(Command::TogglePresentation);
                }
                if ui.button("+").on_hover_text("Larger (Ctrl +)").clicked() {
                    self.pending.push(Command::ZoomIn);
                }
                ui.label(format!("{:.0} %", self.zoom() * 100.0));
                if ui.button("−").on_hover_text("Smaller (Ctrl −)").clicked() {
                    self.pending.push(Command::ZoomOut);
                }
            });
        });
    }

    /// The current agenda step: where the room is, what it discusses, and the step's timer.
    fn agenda_ui(&mut self, ui: &mut egui::Ui) {
        let index = self.agenda_step.min(agenda::STEPS.len() - 1);
        let step = &agenda::STEPS[index];
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(format!(
                "Step {} of {} · {}",
                index + 1,
                agenda::STEPS.len(),
                step.title
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let next = ui.add_enabled(
                    index + 1 < agenda::STEPS.len(),
                    egui::Button::new("Next step ▶"),
                );
                if next.on_hover_text("Page Down").clicked() {
                    self.pending.push(Command::AgendaStep(index + 1));
                }
                let previous = ui.add_enabled(index > 0, egui::Button::new("◀ Previous step"));
                if previous.on_hover_text("Page Up").clicked() {
                    self.pending
                        .push(Command::AgendaStep(index.saturating_sub(1)));
                }
                ui.add(
                    egui::DragValue::new(&mut self.settings.step_minutes)
                        .range(0..=120)
                        .suffix(" min"),
                )
                .on_hover_text("Minutes for each step; 0 turns the timer off");
                ui.label("Timer");
                if self.settings.step_minutes > 0 {
                    let now = ui.input(|i| i.time);
                    let started = *self.step_started_s.get_or_insert(now);
                    let remaining = f64::from(self.settings.step_minutes) * 60.0 - (now - started);
                    let text = RichText::new(agenda::timer_text(remaining))
                        .heading()
                        .strong();
                    ui.label(if remaining < 0.0 {
                        text.color(egui::Color32::from_rgb(255, 110, 90))
                    } else {
                        text
                    })
                    .on_hover_text("Time left in this step; + is time over");
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(250));
                }
            });
        });
        for question in step.questions {
            ui.label(RichText::new(format!("•  {question}")).size(17.0));
        }
        ui.add_space(4.0);
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        let wanted = (self.settings.theme, self.zoom(), self.presenting);
        if self.applied_style.is_none() {
            theme::install_fonts(ctx);
        }
        if self.applied_style != Some(wanted) {
            if self.presenting {
                theme::apply_high_contrast(ctx);
            } else {
                theme::apply(ctx, self.settings.theme);
            }
            ctx.set_zoom_factor(self.zoom());
            self.applied_style = Some(wanted);
        }
    }

    /// Records an undo step when an edit gesture ends: no button held (a drag is one step), and
    /// either no text field has focus, focus moved, or a word was finished.
    fn record_gestures(&mut self, ctx: &egui::Context) {
        let (has_events, pointer_down, word_done) = ctx.input(|i| {
            let word_done = i.events.iter().any(|e| match e {
                egui::Event::Text(t) => {
                    t.ends_with(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                }
                egui::Event::Key {
                    key, pressed: true, ..
                } => matches!(key, Key::Enter | Key::Tab),
                _ => false,
            });
            (!i.events.is_empty(), i.pointer.any_down(), word_done)
        });
        if !has_events {
            return;
        }
        self.uncommitted = self.history.has_uncommitted(&self.project);
        if !self.uncommitted || pointer_down {
            return;
        }
        let focus = ctx.memory(|m| m.focused());
        if focus.is_some() && focus == self.gesture_focus && !word_done {
            return;
        }
        self.commit();
        self.gesture_focus = focus;
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let item = |ui: &mut egui::Ui, label: &str, command: &Command, enabled: bool| -> bool {
            let mut button = egui::Button::new(label);
            if let Some(shortcut) = command.shortcut() {
                button = button.shortcut_text(ctx.format_shortcut(&shortcut));
            }
            ui.add_enabled(enabled, button).clicked()
        };
        let mut chosen = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for (label, command) in [("New", Command::NewProject), ("Open…", Command::Open)] {
                    if item(ui, label, &command, true) {
                        chosen = Some(command);
                    }
                }
                ui.add_enabled_ui(!self.settings.recent.is_empty(), |ui| {
                    ui.menu_button("Open recent", |ui| {
                        for path in &self.settings.recent {
                            if ui.button(path.display().to_string()).clicked() {
                                chosen = Some(Command::OpenPath(path.clone()));
                            }
                        }
                    });
                });
                ui.menu_button("Open sample", |ui| {
                    for (index, sample) in SAMPLES.iter().enumerate() {
                        if ui.button(sample.title).clicked() {
                            chosen = Some(Command::OpenSample(index));
                        }
                    }
                });
                ui.separator();
                for (label, command) in [
                    ("Save", Command::Save),
                    ("Save as…", Command::SaveAs),
                    ("Export decision memo…", Command::ExportReport),
                    ("Export scores as CSV…", Command::ExportCsv),
                    ("Import scores from CSV…", Command::ImportCsv),
                ] {
                    if item(ui, label, &command, true) {
                        chosen = Some(command);
                    }
                }
                ui.separator();
                if item(ui, "Quit", &Command::Quit, true) {
                    chosen = Some(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                if item(
                    ui,
                    "Undo",
                    &Command::Undo,
                    self.history.can_undo(&self.project),
                ) {
                    chosen = Some(Command::Undo);
                }
                if item(
                    ui,
                    "Redo",
                    &Command::Redo,
                    self.history.can_redo(&self.project),
                ) {
                    chosen = Some(Command::Redo);
                }
                ui.separator();
                for kind in [
                    ItemKind::Alternative,
                    ItemKind::Option,
                    ItemKind::Benefit,
                    ItemKind::Competitor,
                    ItemKind::Kpi,
                    ItemKind::Assumption,
                ] {
                    let label = format!("Add {}", crate::model::Choice::label(kind));
                    if ui.button(label).clicked() {
                        chosen = Some(Command::Add(kind));
                    }
                }
            });
            ui.menu_button("View", |ui| {
                for pane in PaneKind::ALL {
                    if ui.button(pane.title()).clicked() {
                        chosen = Some(Command::ShowPane(pane));
                    }
                }
                if ui.button("Reset layout").clicked() {
                    chosen = Some(Command::ResetLayout);
                }
                ui.separator();
                ui.menu_button("Theme", |ui| {
                    for theme in ThemeChoice::ALL {
                        if ui
                            .radio(self.settings.theme == theme, theme.label())
                            .clicked()
                        {
                            chosen = Some(Command::SetTheme(theme));
                        }
                    }
                });
                ui.label(RichText::new(format!("Zoom {:.0} %", self.settings.zoom * 100.0)).weak());
                for (label, command) in [
                    ("Zoom in", Command::ZoomIn),
                    ("Zoom out", Command::ZoomOut),
                    ("Actual size", Command::ZoomReset),
                ] {
                    if item(ui, label, &command, true) {
                        chosen = Some(command);
                    }
                }
                ui.separator();
                let present = Command::TogglePresentation;
                if item(ui, "Presentation mode", &present, true) {
                    chosen = Some(present);
                }
            });
        });
        if let Some(command) = chosen {
            self.pending.push(command);
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let file = match (&self.path, self.sample) {
                (Some(path), _) => path.display().to_string(),
                (None, Some(_)) => {
                    "Sample case, not saved yet: File → Save as… keeps your changes".to_owned()
                }
                (None, None) => "New project, not saved yet".to_owned(),
            };
            ui.label(RichText::new(file).weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.save_state_ui(ui);
                ui.separator();
                // Long messages (an upgraded file's path and notice) are cut to the room
                // left beside the file name; the whole text is on hover.
                ui.add(egui::Label::new(&self.status).truncate())
                    .on_hover_text(&self.status);
            });
        });
    }

    /// "● Modified" or "Saved": in the status bar, and in the presentation bar that replaces it.
    fn save_state_ui(&self, ui: &mut egui::Ui) {
        if self.is_dirty() {
            ui.label(RichText::new("● Modified").strong())
                .on_hover_text("Ctrl+S saves");
        } else {
            ui.label(RichText::new("Saved").weak());
        }
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let mut close = false;
        let mut next: Option<Command> = None;
        let mut path_done: Option<(PathPurpose, PathBuf, Option<Command>)> = None;
        match dialog {
            Dialog::Unsaved { ref then } => {
                let what = match then {
                    Command::Quit => "before closing",
                    _ => "before continuing",
                };
                let response = egui::Modal::new(Id::unique("unsaved_dialog")).show(ctx, |ui| {
                    ui.set_max_width(440.0);
                    ui.heading("Unsaved changes");
                    ui.label(format!(
                        "Save the changes to “{}” {what}? Otherwise they are lost.",
                        self.project.name
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(RichText::new("Save").strong()).clicked() {
                            match self.path.clone() {
                                Some(path) => {
                                    if self.save_to(&path) {
                                        next = Some(then.clone());
                                    } else {
                                        return;
                                    }
                                }
                                None => {
                                    self.ask_for_path(PathPurpose::Save, Some(then.clone()));
                                    return;
                                }
                            }
                            close = true;
                        }
                        if ui.button("Don’t save").clicked() {
                            next = Some(then.clone());
                            close = true;
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                });
                if response.should_close() {
                    close = true;
                }
            }
            Dialog::Path {
                purpose,
                ref text,
                ref note,
                ref then,
            } => {
                let mut text = text.clone();
                let (heading, action) = match purpose {
                    PathPurpose::Open => ("Open a project", "Open"),
                    PathPurpose::Save => ("Save the project", "Save"),
                    PathPurpose::Report => ("Export the decision memo (.html or .md)", "Export"),
                    PathPurpose::Png => ("Export the plot as PNG", "Export"),
                    PathPurpose::CsvExport => ("Export the alternatives' scores as CSV", "Export"),
                    PathPurpose::CsvImport => {
                        ("Import the alternatives' scores from CSV", "Import")
                    }
                };
                let response = egui::Modal::new(Id::unique("path_dialog")).show(ctx, |ui| {
                    ui.set_width(560.0);
                    ui.heading(heading);
                    if !note.is_empty() {
                        ui.label(RichText::new(note.as_str()).weak());
                    }
                    let label = ui.label("File path");
                    let edit = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(RichText::new(action).strong()),
                        );
                        if (ok.clicked() || enter) && !text.trim().is_empty() {
                            path_done = Some((purpose, PathBuf::from(text.trim()), then.clone()));
                            close = true;
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                });
                if response.should_close() {
                    close = true;
                }
                if !close && let Some(Dialog::Path { text: stored, .. }) = &mut self.dialog {
                    *stored = text;
                }
            }
            Dialog::Recover {
                ref project,
                ref original,
                ref saved_at,
            } => {
                egui::Modal::new(Id::unique("recover_dialog")).show(ctx, |ui| {
                    ui.set_max_width(480.0);
                    ui.heading("Restore unsaved work?");
                    ui.label(format!(
                        "The workbench was closed with unsaved changes to “{}”, last autosaved {saved_at}.",
                        project.name
                    ));
                    if let Some(path) = original {
                        ui.label(RichText::new(format!("Its file: {}", path.display())).weak());
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(RichText::new("Restore").strong()).clicked() {
                            let (project, original) = ((**project).clone(), original.clone());
                            self.replace_project(project, original, None);
                            // Restored work is unsaved until the user saves it.
                            self.saved_revision = Revision::MAX;
                            self.status = "Unsaved work restored: save it to keep it".to_owned();
                            close = true;
                        }
                        if ui.button("Discard it").clicked() {
                            if let Some(dir) = &self.recovery_dir {
                                io::recovery::clear(dir);
                            }
                            close = true;
                        }
                    });
                });
                // Esc or a click beside it does not dismiss this one: the next autosave would
                // overwrite the recovered work without anyone having chosen to discard it.
            }
            Dialog::Palette {
                ref query,
                selected,
            } => {
                let mut query = query.clone();
                let mut selected = selected;
                let entries = super::command::palette_entries(&self.settings.recent);
                let response = egui::Modal::new(Id::unique("palette_dialog")).show(ctx, |ui| {
                    ui.set_width(520.0);
                    let label = ui.label(RichText::new("Command").strong());
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(&mut query)
                                .desired_width(f32::INFINITY)
                                .hint_text("Type to search every command"),
                        )
                        .labelled_by(label.id);
                    edit.request_focus();
                    if edit.changed() {
                        selected = 0;
                    }
                    let matches = super::command::filter_entries(&entries, &query);
                    let (down, up, enter) = ui.input_mut(|i| {
                        (
                            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                            i.consume_key(egui::Modifiers::NONE, Key::Enter),
                        )
                    });
                    if down {
                        selected = (selected + 1).min(matches.len().saturating_sub(1));
                    }
                    if up {
                        selected = selected.saturating_sub(1);
                    }
                    egui::ScrollArea::vertical()
                        .max_height(320.0)
                        .show(ui, |ui| {
                            for (i, (label, command)) in matches.iter().enumerate() {
                                let shortcut = command.shortcut().map(|s| ctx.format_shortcut(&s));
                                let mut button =
                                    egui::Button::new(label.as_str()).selected(i == selected);
                                if let Some(shortcut) = shortcut {
                                    button = button.shortcut_text(shortcut);
                                }
                                let response = ui.add_sized([ui.available_width(), 24.0], button);
                                if i == selected {
                                    response.scroll_to_me(None);
                                }
                                if response.clicked() {
                                    next = Some(command.clone());
                                    close = true;
                                }
                            }
                            if matches.is_empty() {
                                ui.label(RichText::new("No command matches.").weak());
                            }
                        });
                    if enter && let Some((_, command)) = matches.get(selected) {
                        next = Some(command.clone());
                        close = true;
                    }
                });
                if response.should_close() {
                    close = true;
                }
                if !close
                    && let Some(Dialog::Palette {
                        query: q,
                        selected: s,
                    }) = &mut self.dialog
                {
                    *q = query;
                    *s = selected;
                }
            }
            Dialog::CopyFromSample {
                sample,
                ref selected,
                checks,
            } => {
                let (mut sample, mut selected, mut checks) = (sample, selected.clone(), checks);
                let source = SAMPLES.get(sample).and_then(|s| s.load().ok());
                let response = egui::Modal::new(Id::unique("copy_dialog")).show(ctx, |ui| {
                    ui.set_width(600.0);
                    ui.heading("Copy options from a sample case");
                    ui.label("A sample is a worked example of the method, not a best case to copy: what worked there may fail here. Copied options keep their content; their links to the sample's benefits are dropped and their competitive assessment is reset to parity, to be made against your own competitors.");
                    ui.add_space(4.0);
                    ui.horizontal(|ui| {
                        let label = ui.label("Sample");
                        let mut choice = Some(sample);
                        let items: Vec<(usize, String)> = SAMPLES
                            .iter()
                            .enumerate()
                            .map(|(i, s)| (i, s.title.to_owned()))
                            .collect();
                        if super::widgets::reference_combo(ui, "copy_sample", &mut choice, &items)
                            .labelled_by(label.id)
                            .changed()
                            && let Some(c) = choice
                        {
                            sample = c;
                            selected.clear();
                        }
                    });
                    if let Some(source) = &source {
                        egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
                            for o in &source.options {
                                let mut on = selected.contains(&o.id);
                                if ui.checkbox(&mut on, &o.name).changed() {
                                    if on {
                                        selected.push(o.id);
                                    } else {
                                        selected.retain(|x| *x != o.id);
                                    }
                                }
                            }
                        });
                    }
                    ui.add_space(6.0);
                    ui.strong("Before you copy, check that they transfer:");
                    let questions = [
                        "Social media affinity: my market and these topics are as open to social media as in the sample.",
                        "Competitors: I know my own performance and attention competitors; the sample's are not mine.",
                        "Business model: my business model has modules and benefits these options can serve.",
                    ];
                    for (check, question) in checks.iter_mut().zip(questions) {
                        ui.checkbox(check, question);
                    }
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        let ready = !selected.is_empty() && checks.iter().all(|c| *c);
                        let label = format!(
                            "Copy {} option{}",
                            selected.len(),
                            if selected.len() == 1 { "" } else { "s" }
                        );
                        if ui
                            .add_enabled(ready, egui::Button::new(RichText::new(label).strong()))
                            .on_disabled_hover_text("Choose options and confirm all three checks")
                            .clicked()
                        {
                            next = Some(Command::CopyOptions {
                                sample,
                                options: selected.clone(),
                            });
                            close = true;
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                });
                if response.should_close() {
                    close = true;
                }
                if !close
                    && let Some(Dialog::CopyFromSample {
                        sample: s,
                        selected: sel,
                        checks: c,
                    }) = &mut self.dialog
                {
                    *s = sample;
                    *sel = selected;
                    *c = checks;
                }
            }
            Dialog::Error {
                ref title,
                ref message,
            } => {
                let response = egui::Modal::new(Id::unique("error_dialog")).show(ctx, |ui| {
                    ui.set_max_width(640.0);
                    ui.heading(title);
                    egui::ScrollArea::vertical()
                        .max_height(300.0)
                        .show(ui, |ui| {
                            ui.label(RichText::new(message).monospace());
                        });
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                });
                if response.should_close() {
                    close = true;
                }
            }
        }
        // A dialog opened from inside this one (an error, a path prompt) replaces it and stays.
        let same_dialog = self
            .dialog
            .as_ref()
            .is_some_and(|d| std::mem::discriminant(d) == std::mem::discriminant(&dialog));
        if close && same_dialog {
            self.dialog = None;
            self.file_dialog = None;
        }
        if let Some((purpose, path, then)) = path_done {
            self.finish_path(purpose, path, then);
        }
        if let Some(command) = next {
            self.apply_now(command);
        }
    }
}

/// The pane that shows items of a kind.
fn pane_of(kind: ItemKind) -> Option<PaneKind> {
    Some(match kind {
        ItemKind::Module | ItemKind::Goal | ItemKind::Topic => PaneKind::Foundation,
        ItemKind::UsageFormat
        | ItemKind::ImpactFormat
        | ItemKind::Potential
        | ItemKind::UserBenefit => PaneKind::Potential,
        ItemKind::Benefit => PaneKind::Benefit,
        ItemKind::Competitor => PaneKind::Competition,
        ItemKind::Option => PaneKind::Options,
        ItemKind::Alternative => PaneKind::Alternatives,
        ItemKind::Kpi | ItemKind::Assumption | ItemKind::Measure | ItemKind::Adaptation => {
            PaneKind::Management
        }
        ItemKind::Criterion => PaneKind::Decision,
    })
}

/// The path with `.pbsm.ron` appended when it has no `.ron` extension.
pub fn with_extension(path: &Path) -> PathBuf {
    let has_ron = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().to_ascii_lowercase().ends_with(".ron"));
    if has_ron {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{}", io::project_file::EXTENSION));
        PathBuf::from(name)
    }
}

/// A file name for a project name: letters, digits and dashes, with the project extension.
pub fn file_stem_for(project_name: &str) -> String {
    let mut stem: String = project_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let stem = stem.trim_matches('-');
    let stem = if stem.is_empty() { "strategy" } else { stem };
    let stem: String = stem.chars().take(60).collect();
    format!("{stem}.{}", io::project_file::EXTENSION)
}

impl eframe::App for Workbench {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// Opens the workbench window with a project file, or the first sample when there is none.
/// A file that cannot be opened leaves a new project open and shows why.
pub fn run_native(file: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("pbsm workbench")
            .with_app_id("pbsm-workbench")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([900.0, 600.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "pbsm workbench",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
                .unwrap_or_default();
            let mut app = Workbench::new(settings);
            app.native_dialogs = true;
            app.derived.background = true;
            app.recovery_dir = Some(io::recovery::default_dir());
            app.apply_now(match file {
                Some(path) => Command::OpenPath(path),
                None => Command::OpenSample(0),
            });
            // Unsaved work of a session that crashed: offer it back (an error about the file
            // to open stays first).
            if app.dialog.is_none() {
                app.offer_recovery();
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_eframe_storage_with_a_rearranged_layout() {
        let mut settings = Settings {
            theme: ThemeChoice::Dark,
            zoom: 1.5,
            ..Settings::default()
        };
        settings.layout =
            egui_tiles::Tree::new_vertical(Id::unique("custom"), PaneKind::ALL.to_vec());
        // eframe stores values as RON.
        let text = ron::to_string(&settings).unwrap();
        let back: Settings = ron::from_str(&text).unwrap();
        assert_eq!(back.theme, ThemeChoice::Dark);
        assert_eq!(back.zoom, 1.5);
        assert!(
            back.layout == settings.layout,
            "the arrangement of the panes is kept"
        );
        let app = Workbench::new(back);
        assert!(
            app.settings.layout == settings.layout,
            "a complete layout is used as it is"
        );
    }

    #[test]
    fn a_remembered_layout_that_lacks_a_pane_gets_it_beside_the_map() {
        // A layout from a build before dot voting, with the user's arrangement.
        let mut old = layout::default_tree();
        let voting = old.tiles.find_pane(&PaneKind::Voting).unwrap();
        old.remove_recursively(voting);
        let map = old.tiles.find_pane(&PaneKind::Map).unwrap();
        let map_group = old.tiles.parent_of(map).unwrap();
        let old_steps = old
            .tiles
            .parent_of(old.tiles.find_pane(&PaneKind::Foundation).unwrap());
        assert!(!layout::is_complete(&old));
        let app = Workbench::new(Settings {
            layout: old,
            ..Settings::default()
        });
        let tree = &app.settings.layout;
        assert!(layout::is_complete(tree));
        let parent = |kind: PaneKind| tree.tiles.parent_of(tree.tiles.find_pane(&kind).unwrap());
        assert_eq!(parent(PaneKind::Voting), Some(map_group));
        assert_eq!(
            parent(PaneKind::Foundation),
            old_steps,
            "the rest is kept as it was"
        );
    }

    #[test]
    fn a_remembered_layout_with_a_pane_twice_is_replaced() {
        let settings = Settings {
            layout: egui_tiles::Tree::new_tabs(
                Id::unique("old"),
                vec![PaneKind::Foundation, PaneKind::Foundation],
            ),
            ..Settings::default()
        };
        let app = Workbench::new(settings);
        assert!(layout::is_complete(&app.settings.layout));
    }

    #[test]
    fn a_remembered_layout_with_one_pane_gets_the_others_as_tabs() {
        let settings = Settings {
            layout: egui_tiles::Tree::new_tabs(Id::unique("old"), vec![PaneKind::Foundation]),
            ..Settings::default()
        };
        let app = Workbench::new(settings);
        assert!(layout::is_complete(&app.settings.layout));
    }

    #[test]
    fn paths_get_the_project_extension_and_names_become_file_names() {
        assert_eq!(
            with_extension(Path::new("/a/plan")),
            PathBuf::from("/a/plan.pbsm.ron")
        );
        assert_eq!(
            with_extension(Path::new("/a/plan.pbsm.ron")),
            PathBuf::from("/a/plan.pbsm.ron")
        );
        assert_eq!(
            with_extension(Path::new("plan.RON")),
            PathBuf::from("plan.RON")
        );
        assert_eq!(
            file_stem_for("Backhaus Lindner: 2026/27"),
            "backhaus-lindner-2026-27.pbsm.ron"
        );
        assert_eq!(file_stem_for("???"), "strategy.pbsm.ron");
    }
}
