//! The workbench window: menu, panes, dialogs, and the loop that applies commands and records
//! undo steps.

use super::agenda;
use super::command::{Command, commands_from_shortcuts};
use super::history::{History, Revision};
use super::jobs::{self, Job, Outcome, Poll};
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
    /// Unsaved work of windows that crashed was found (the workbench's `orphans`): restore
    /// or discard each, or decide later.
    Recover,
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
    gestures: super::gestures::Gestures,
    /// The selected item of each kind.
    pub selection: Selection,
    /// Which section each multi-section pane shows.
    pub sections: Sections,
    /// Theme, zoom and layout.
    pub settings: Settings,
    /// The open dialog, if any.
    pub dialog: Option<Dialog>,
    /// Work running in the background, if any.
    job: Option<Job>,
    /// The project as it was when a command that replaces it was let through the door (asked,
    /// or nothing unsaved). If it changed before the replacement arrives (a file still being
    /// read, a path still being chosen), the door asks again.
    cleared_for_replace: Option<Box<Project>>,
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
    /// This window's recovery slot, where unsaved work is autosaved (`None`: no autosave, as
    /// in tests that do not ask; see [`Self::start_recovery`]).
    recovery: Option<io::recovery::Slot>,
    /// Unsaved work of windows that crashed, offered in the recovery dialog.
    orphans: Vec<io::recovery::Orphan>,
    /// The folder of the recovery slots, once autosave was started.
    recovery_dir: Option<PathBuf>,
    /// Seconds between autosaves of unsaved work.
    pub autosave_interval_s: f64,
    last_autosave_s: Option<f64>,
    /// Why the last autosave failed, while it keeps failing (shown in the status bar).
    autosave_problem: Option<String>,
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
            gestures: super::gestures::Gestures::default(),
            selection: Selection::default(),
            sections: Sections::default(),
            settings,
            dialog: None,
            job: None,
            cleared_for_replace: None,
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
            recovery: None,
            orphans: Vec::new(),
            recovery_dir: None,
            autosave_interval_s: AUTOSAVE_INTERVAL_S,
            last_autosave_s: None,
            autosave_problem: None,
        }
    }

    /// A workbench with a sample case open.
    pub fn with_sample(index: usize) -> Self {
        let mut app = Self::default();
        app.apply_unchecked(Command::OpenSample(index));
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

    /// The one door for commands: applies a command now, first asking about unsaved changes
    /// where it would lose them. Every entry point (menu, shortcut, palette, dropped file,
    /// agenda, panes, dialogs) ends here; only the unsaved-changes dialog, after the user chose
    /// "Don’t save", goes past the question (see [`Self::apply_unchecked`]).
    pub fn request(&mut self, command: Command) {
        // Edits of this very frame count too (the flag is otherwise updated at its end).
        self.uncommitted = self.history.has_uncommitted(&self.project);
        if command.replaces_project() && self.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then: command });
        } else {
            self.apply_unchecked(command);
        }
    }

    fn replace_project(&mut self, project: Project, path: Option<PathBuf>, sample: Option<usize>) {
        // Replacing unsaved work happens only after the user said so: the recovery file that
        // holds it goes too. (Replacing a saved project leaves a recovery file alone: at start
        // it still holds the work of a crashed session, to offer back.)
        if self.is_dirty() {
            self.clear_recovery();
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
            message: capped(message),
        });
    }

    /// Records pending edits as an undo step, so a command is a step of its own.
    fn commit(&mut self) {
        self.history.commit(&self.project);
        self.uncommitted = false;
    }

    /// Applies a command without asking about unsaved changes. Private on purpose: callers
    /// outside go through [`Self::request`] (or [`Self::send`]), which asks first.
    fn apply_unchecked(&mut self, command: Command) {
        match command {
            Command::NewProject => {
                self.replace_project(Project::default(), None, None);
                self.status = "New project".to_owned();
            }
            Command::Open => {
                self.cleared_for_replace = Some(Box::new(self.project.clone()));
                self.ask_for_path(PathPurpose::Open, None);
            }
            Command::Palette => {
                self.dialog = Some(Dialog::Palette {
                    query: String::new(),
                    selected: 0,
                });
            }
            Command::OpenPath(path) => {
                self.cleared_for_replace = Some(Box::new(self.project.clone()));
                let title = format!(
                    "Opening {}{}",
                    path.display(),
                    std::fs::metadata(&path).map_or_else(
                        |_| String::new(),
                        |m| format!(" ({})", jobs::file_size(m.len()))
                    )
                );
                let job_path = path.clone();
                self.start_job(Job::spawn(title, true, move || {
                    let result = Box::new(io::load_reporting(&job_path));
                    Outcome::Opened {
                        path: job_path,
                        result,
                    }
                }));
            }
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
                // The window's Monte Carlo result, when it is current, spares a second run;
                // either way the memo is written in the background.
                let robustness = self.derived.robustness.current_for(&self.project);
                let analysis = self.derived.current_for(&self.project).cloned();
                let project = self.project.clone();
                let today = self.today;
                let title = format!("Writing the decision memo to {}", path.display());
                self.start_job(Job::spawn(title, false, move || {
                    let analysis =
                        analysis.unwrap_or_else(|| crate::analysis::Analysis::of(&project));
                    let robustness = robustness
                        .unwrap_or_else(|| crate::analysis::robustness::for_project(&project));
                    let result =
                        crate::report::write(&project, &analysis, &robustness, &path, today);
                    Outcome::MemoWritten { path, result }
                }));
            }
            Command::Quit => {
                // Quitting without saving is a deliberate discard.
                self.clear_recovery();
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
            Command::RestoreRecovered(number) => self.restore_orphan(number),
            Command::Select(item) => {
                self.selection.select(item);
                if let Some(pane) = pane_of(item.kind()) {
                    layout::show_pane(&mut self.settings.layout, pane);
                }
            }
        }
    }

    /// Runs a job in the background. A job that finishes within a few milliseconds (a small
    /// file) is taken at once, so the window does not flash a progress dialog.
    fn start_job(&mut self, job: Job) {
        match job.wait(std::time::Duration::from_millis(15)) {
            Poll::Running => self.job = Some(job),
            Poll::Done(outcome) => self.finish_job(outcome),
            Poll::Failed => self.job_failed(&job.title),
        }
    }

    /// Takes the outcome of the job in the background once it is there.
    fn poll_job(&mut self, ctx: &egui::Context) {
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

    fn job_failed(&mut self, title: &str) {
        self.error(
            "Something went wrong",
            format!("{title}: the work stopped unexpectedly. Nothing was changed."),
        );
    }

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
                    self.remember_recent(&path);
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
    fn unchanged_since_cleared(&self) -> bool {
        self.cleared_for_replace
            .as_deref()
            .is_none_or(|cleared| *cleared == self.project)
    }

    /// Whether work is running in the background (opening a file, writing the memo).
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// While a job runs: what it does, for how long, and (where nothing is lost) a way to stop
    /// waiting. Modal: nothing can be edited that the job's outcome would replace.
    fn job_ui(&mut self, ctx: &egui::Context) {
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
                // Hidden temporary files that killed saves left beside it go now.
                let problems = io::project_file::remove_stale_temporaries(&path);
                if !problems.is_empty() {
                    self.status = format!(
                        "Saved to {}; an old temporary file could not be removed: {}",
                        path.display(),
                        problems.join("; ")
                    );
                }
                self.remember_recent(&path);
                self.clear_recovery();
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
            if tx.send(chosen).is_err() {
                // The window closed meanwhile; nobody needs the answer.
            }
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
            PathPurpose::Report => self.apply_unchecked(Command::ExportReportTo(path)),
            PathPurpose::CsvExport => self.apply_unchecked(Command::ExportCsvTo(path)),
            PathPurpose::CsvImport => self.apply_unchecked(Command::ImportCsvFrom(path)),
            PathPurpose::Png => {
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

    /// Draws the whole window into `ui` and applies what the user did. Usable without eframe
    /// (the UI tests call it directly).
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // Before any widget sees this frame's input: finish the previous edit gesture if the
        // focus moved, and hold back a second word typed in the same frame.
        if self
            .gestures
            .begin_frame(&ctx, &mut self.history, &self.project)
        {
            self.uncommitted = false;
        }
        // The window's close button: with unsaved changes, keep the window and ask first.
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if let Some(job) = &self.job {
                // Closing now would cut the memo off half-written (or drop the file being
                // read): the window stays until the job is done.
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.status = format!("{}: the window closes when this is done", job.title);
            } else if self.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                if self.dialog.is_none() {
                    self.request(Command::Quit);
                }
            }
        }
        self.apply_style(&ctx);
        if self.dialog.is_none() && self.job.is_none() {
            self.pending.extend(commands_from_shortcuts(&ctx));
            // A project file dropped on the window opens (asking first about unsaved changes).
            let dropped =
                ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
            if let Some(path) = dropped {
                self.pending.push(Command::OpenPath(path));
            }
        }
        self.derived.update(&self.project);
        if let Some(problem) = self.derived.robustness.take_failure() {
            self.status = problem;
        }
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
        self.poll_job(&ctx);
        if self.job.is_some() {
            self.job_ui(&ctx);
        } else {
            self.dialog_ui(&ctx);
        }
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
        // Unsaved work of crashed windows stays on offer until each piece is decided (a restore
        // that first asked about this window's own unsaved changes comes back here).
        if self.dialog.is_none() && !self.orphans.is_empty() {
            self.dialog = Some(Dialog::Recover);
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

    /// Writes unsaved work to this window's recovery file every [`AUTOSAVE_INTERVAL_S`]
    /// seconds. A failure (full disk, read-only folder) is said once, stays visible in the
    /// status bar while it lasts, and the next interval tries again; the project stays open.
    fn autosave(&mut self, ctx: &egui::Context) {
        if self.allow_close || self.recovery_dir.is_none() {
            // Quitting: the user chose what happens to the work (saved, or discarded).
            return;
        }
        let now = ctx.input(|i| i.time);
        if !self.is_dirty() {
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
                    self.dialog = Some(Dialog::Recover);
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
    fn clear_recovery(&mut self) {
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
    fn restore_orphan(&mut self, number: u32) {
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
        }
    }

    /// Deletes the recovery file of a crashed window's slot.
    fn discard_orphan(&mut self, number: u32) {
        let Some(index) = self.orphans.iter().position(|o| o.slot.number() == number) else {
            return;
        };
        let orphan = self.orphans.remove(index);
        if let Err(e) = orphan.slot.clear() {
            self.error(
                "The unsaved work was not discarded",
                format!("{e}\n\nThe next start will offer it again."),
            );
        }
    }

    /// Asks for a screenshot when a plot export is requested, and turns the screenshot into
    /// PNG bytes of the plot's area when it arrives.
    fn poll_screenshot(&mut self, ctx: &egui::Context) {
        if let Some((name, rect)) = self.screenshot_request.take() {
            let (tx, rx) = mpsc::channel();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if tx.send(image).is_err() {
                    // The window closed meanwhile; nobody needs the picture.
                }
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
            self.autosave_problem_ui(ui);
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

    /// Records an undo step when an edit gesture ends (see [`super::gestures`]). The first
    /// edit after a message ("Undone", "Saved to …") clears it: it no longer describes the
    /// project on screen.
    fn record_gestures(&mut self, ctx: &egui::Context) {
        let was_uncommitted = self.uncommitted;
        let revision = self.history.revision();
        self.uncommitted = self
            .gestures
            .end_frame(ctx, &mut self.history, &self.project);
        // An edit began this frame (a one-frame edit may be recorded at once).
        let edited = !was_uncommitted && (self.uncommitted || self.history.revision() != revision);
        if edited {
            self.status.clear();
        }
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
                self.autosave_problem_ui(ui);
                // Long messages (an upgraded file's path and notice) are cut to the room
                // left beside the file name; the whole text is on hover.
                ui.add(egui::Label::new(&self.status).truncate())
                    .on_hover_text(&self.status);
            });
        });
    }

    /// A warning that stays while autosave fails (full disk, read-only folder): unsaved work
    /// would not survive a crash.
    fn autosave_problem_ui(&self, ui: &mut egui::Ui) {
        if let Some(problem) = &self.autosave_problem {
            ui.label(
                RichText::new("⚠ Autosave is failing: save your work (Ctrl+S)")
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(problem);
        }
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
        // After "Don’t save": the one command that goes past the unsaved-changes question.
        let mut discard_then: Option<Command> = None;
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
                            discard_then = Some(then.clone());
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
            Dialog::Recover => {
                let mut restore = None;
                let mut discard = None;
                let mut later = false;
                /// One crashed window's work as the dialog lists it.
                struct Row {
                    number: u32,
                    /// Name, autosave time and own file; or why the file cannot be read.
                    work: Result<(String, String, Option<String>), String>,
                }
                let rows: Vec<Row> = self
                    .orphans
                    .iter()
                    .map(|o| Row {
                        number: o.slot.number(),
                        work: match &o.work {
                            Ok(r) => Ok((
                                r.project.name.clone(),
                                r.saved_at.clone(),
                                r.original.as_ref().map(|p| p.display().to_string()),
                            )),
                            Err(e) => Err(e.to_string()),
                        },
                    })
                    .collect();
                egui::Modal::new(Id::unique("recover_dialog")).show(ctx, |ui| {
                    ui.set_max_width(560.0);
                    ui.heading(if rows.len() == 1 {
                        "Restore unsaved work?".to_owned()
                    } else {
                        format!("Restore unsaved work of {} windows?", rows.len())
                    });
                    ui.label("A workbench window was closed with unsaved changes, by a crash or a power cut. Windows that are still open keep their own work and are not listed.");
                    ui.add_space(6.0);
                    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                        for Row { number, work } in &rows {
                            ui.separator();
                            match work {
                                Ok((name, saved_at, original)) => {
                                    ui.label(RichText::new(format!("“{name}”")).strong());
                                    ui.label(format!("Last autosaved {saved_at}"));
                                    if let Some(path) = original {
                                        ui.label(RichText::new(format!("Its file: {path}")).weak());
                                    }
                                }
                                Err(message) => {
                                    ui.label(RichText::new("Unsaved work that cannot be read").strong());
                                    ui.label(RichText::new(message).monospace());
                                }
                            }
                            ui.horizontal(|ui| {
                                if work.is_ok()
                                    && ui.button(RichText::new("Restore").strong()).clicked()
                                {
                                    restore = Some(*number);
                                }
                                if ui.button("Discard it").clicked() {
                                    discard = Some(*number);
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
                        later = true;
                    }
                });
                // Esc or a click beside it does not dismiss this one: the work stays on offer
                // until someone chooses.
                if let Some(number) = restore {
                    close = true;
                    next = Some(Command::RestoreRecovered(number));
                }
                if let Some(number) = discard {
                    self.discard_orphan(number);
                    close = self.orphans.is_empty();
                }
                if later {
                    // The locks go with the slots: the next start (or another window starting
                    // now) offers the files again.
                    self.orphans.clear();
                    close = true;
                }
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
            self.request(command);
        }
        if let Some(command) = discard_then {
            self.apply_unchecked(command);
        }
    }
}

/// The most characters an error dialog shows: laying out megabytes of text would freeze
/// the window (a message quoting a hostile file, a CSV with thousands of bad rows).
pub const MAX_MESSAGE_CHARS: usize = 4_000;

/// A message cut to [`MAX_MESSAGE_CHARS`], saying how much was left out.
fn capped(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        None => message,
        Some((cut, _)) => {
            let left_out = message[cut..].chars().count();
            format!("{}\n… ({left_out} more characters)", &message[..cut])
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
            app.apply_unchecked(match file {
                Some(path) => Command::OpenPath(path),
                None => Command::OpenSample(0),
            });
            // Unsaved work of windows that crashed is offered back (after an error about the
            // file to open, which stays first).
            app.start_recovery(&io::recovery::default_dir());
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
