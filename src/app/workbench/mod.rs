//! The workbench window: one [`Workbench`] struct, its `impl` split by concern, in the shape of
//! the Rerun viewer's `app/`:
//!
//! - `commands.rs`: the one door for commands ([`Workbench::request`]) and what each does;
//! - `document.rs`: the open project, its file, title, dirty state, saving;
//! - `files.rs`: asking for paths (system file dialogs and the path prompt);
//! - `background.rs`: work in the background (opening a file, writing the memo);
//! - `autosave.rs`: autosave into a recovery slot, and restoring a crashed window's work;
//! - `frame.rs`: one frame: input, panes, dialogs, undo steps;
//! - `chrome.rs`: menu, status bar, presentation bar, agenda;
//! - `dialogs.rs`: acting on what the user chose in a dialog ([`crate::app::dialogs`]);
//! - `plot_export.rs`: a plot's picture as PNG;
//! - `settings.rs`: what is remembered between runs;
//! - `native.rs`: the eframe window.
//!
//! Fields are private: tests, benches and the window reach the workbench through its methods.
//! Opening, saving, undo and structural changes go through [`Workbench::request`], which keeps
//! the project, its history, its file and the selection in step; [`Workbench::project_mut`]
//! allows only what a pane's widget does (field edits, recorded by undo when the gesture ends).

mod autosave;
mod background;
mod chrome;
mod commands;
mod dialogs;
mod document;
mod files;
mod frame;
mod native;
mod plot_export;
mod room;
mod settings;
#[cfg(test)]
mod tests;

pub use super::dialogs::{Dialog, MAX_MESSAGE_CHARS, PathPurpose};
pub use autosave::AUTOSAVE_INTERVAL_S;
pub use document::{file_stem_for, with_extension};
pub use native::run_native;
pub use settings::{PRESENTATION_ZOOM, RECENT_FILES, Settings};

use super::derived::Derived;
use super::gestures::Gestures;
use super::history::{History, Revision};
use super::jobs::Job;
use super::state::{Sections, Selection};
use super::theme::ThemeChoice;
use crate::io;
use crate::model::{Date, Project};
use std::path::PathBuf;
use std::sync::mpsc;

/// The workbench: the open project, its file, its history, and the state of the window.
pub struct Workbench {
    /// The open project.
    project: Project,
    /// The project's file, if it has one.
    path: Option<PathBuf>,
    /// The sample the project came from, if it has not been saved to a file yet.
    sample: Option<usize>,
    /// Undo and redo.
    history: History,
    /// The history's revision when the project was last saved or opened.
    saved_revision: Revision,
    /// Whether the project has edits not yet recorded as an undo step.
    uncommitted: bool,
    /// When edit gestures end (and so when undo steps are recorded).
    gestures: Gestures,
    /// The selected item of each kind.
    selection: Selection,
    /// Which section each multi-section pane shows.
    sections: Sections,
    /// Theme, zoom, layout and recent files.
    settings: Settings,
    /// The open dialog, if any.
    dialog: Option<Dialog>,
    /// Work running in the background, if any.
    job: Option<Job>,
    /// The project as it was when a command that replaces it was let through the door (asked,
    /// or nothing unsaved). If it changed before the replacement arrives (a file still being
    /// read, a path still being chosen), the door asks again.
    cleared_for_replace: Option<Box<Project>>,
    /// The last status message.
    status: String,
    /// Whether to use the system's file dialogs (off in tests and where there are none).
    native_dialogs: bool,
    /// A system file dialog on its thread, and where its answer arrives.
    file_dialog: Option<(PathPurpose, mpsc::Receiver<Option<PathBuf>>)>,
    /// Commands to apply at the end of the frame.
    pending: Vec<Command>,
    /// The theme, zoom and presentation mode the style was last set for.
    applied_style: Option<(ThemeChoice, f32, bool)>,
    /// The window's height in points last frame (the guidance folds on a short window).
    window_height: f32,
    /// Presenting a step that needs the whole width: the panes without the map beside them
    /// (see [`crate::app::agenda::Step::beside_map`]); `None` shows the remembered layout.
    presenting_tree: Option<egui_tiles::Tree<crate::app::layout::PaneKind>>,
    /// In presentation mode: full screen, larger, high contrast, no editing chrome.
    presenting: bool,
    /// The workshop agenda's current step (an index into `agenda::STEPS`).
    agenda_step: usize,
    /// When the current agenda step began (egui time), for its timer.
    step_started_s: Option<f64>,
    /// The user chose to quit and nothing holds the window open any more.
    allow_close: bool,
    /// Close the window at the end of this frame.
    pending_viewport_close: bool,
    /// Today's date for new dated items.
    today: Date,
    /// Numbers derived from the project, cached.
    derived: Derived,
    /// A plot to export: asked for in a command, taken when the next frame is drawn.
    screenshot_request: Option<(String, egui::Rect)>,
    /// Full screen on or off, to be sent to the window.
    fullscreen_request: Option<bool>,
    /// The screenshot on its way: plot name, area, scale, and where it arrives.
    screenshot: Option<plot_export::Screenshot>,
    /// An exported plot as PNG bytes, waiting for a file name.
    pending_png: Option<(String, Vec<u8>)>,
    /// This window's recovery slot, where unsaved work is autosaved (`None`: no autosave, as
    /// in tests that do not ask; see [`Self::start_recovery`]).
    recovery: Option<io::recovery::Slot>,
    /// Unsaved work of windows that crashed, offered in the recovery dialog.
    orphans: Vec<io::recovery::Orphan>,
    /// The folder of the recovery slots, once autosave was started.
    recovery_dir: Option<PathBuf>,
    /// Seconds between autosaves of unsaved work.
    autosave_interval_s: f64,
    /// When unsaved work was last autosaved (egui time).
    last_autosave_s: Option<f64>,
    /// Why the last autosave failed, while it keeps failing (shown in the status bar).
    autosave_problem: Option<String>,
    /// Whether the glossary window is open, and what was typed into its search field.
    glossary: (bool, String),
    /// Frames without input on which the project changed (debug builds): display code that
    /// edits. See `frame.rs`.
    idle_edits: u32,
    /// The room open for a round, if any: the phones answer it.
    room: Option<room::RoomSession>,
    /// What the facilitator picked for the next room.
    room_choices: crate::app::room::RoomChoices,
    /// The machine's addresses the phones may reach (looked up when first needed).
    interfaces: Vec<(String, std::net::IpAddr)>,
    /// The port the room listens on (0: any free one).
    room_port: u16,
    /// The window's context, for the room's server to ask for a repaint when answers arrive.
    ctx: Option<egui::Context>,
}

use super::command::Command;

impl Default for Workbench {
    fn default() -> Self {
        Self::new(Settings::default())
    }
}

impl Workbench {
    /// A workbench with a new, empty project.
    pub fn new(settings: Settings) -> Self {
        Self::with_project(Project::default(), settings)
    }

    /// A workbench with a project already in memory (as a test or a benchmark builds it), not
    /// saved to any file. Its undo history starts here.
    pub fn with_project(project: Project, settings: Settings) -> Self {
        let mut app = Self {
            history: History::new(&project),
            project,
            path: None,
            sample: None,
            saved_revision: 0,
            uncommitted: false,
            gestures: Gestures::default(),
            selection: Selection::default(),
            sections: Sections::default(),
            settings: settings.sanitised(),
            dialog: None,
            job: None,
            cleared_for_replace: None,
            status: String::new(),
            native_dialogs: false,
            file_dialog: None,
            pending: Vec::new(),
            applied_style: None,
            presenting: false,
            presenting_tree: None,
            window_height: settings::GUIDANCE_HEIGHT,
            agenda_step: 0,
            step_started_s: None,
            allow_close: false,
            pending_viewport_close: false,
            today: Date::today(),
            derived: Derived::default(),
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
            glossary: (false, String::new()),
            idle_edits: 0,
            room: None,
            room_choices: crate::app::room::RoomChoices::default(),
            interfaces: Vec::new(),
            room_port: 0,
            ctx: None,
        };
        app.select_first_items();
        app
    }

    /// A workbench with a sample case open.
    pub fn with_sample(index: usize) -> Self {
        let mut app = Self::default();
        app.apply_unchecked(Command::OpenSample(index));
        app
    }

    /// The open project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The open project, to edit as a pane's widget does: change fields, and the edit becomes an
    /// undo step when its gesture ends (see [`super::gestures`]), its uncertainty ranges widened
    /// around the new values. Adding or removing items, or replacing the project, goes through
    /// [`Self::request`]: only commands keep the selection and the file in step.
    pub fn project_mut(&mut self) -> &mut Project {
        &mut self.project
    }

    /// The project's file, if it has one.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The open dialog, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The last status message.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The selected item of each kind.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// Which section each multi-section pane shows.
    pub fn sections(&self) -> &Sections {
        &self.sections
    }

    /// Which section each multi-section pane shows, to switch one (as its tabs do).
    pub fn sections_mut(&mut self) -> &mut Sections {
        &mut self.sections
    }

    /// Theme, zoom, layout and recent files.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Theme, zoom, layout and recent files, to change (as the menu and the panes' layout do).
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    /// Numbers derived from the project (ranking, sensitivity, Monte Carlo, …).
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// Runs the Monte Carlo analysis on a background thread (the window does) or within the
    /// frame (tests, by default).
    pub fn set_background_analysis(&mut self, on: bool) {
        self.derived.background = on;
    }

    /// What the panes may know of the open room (address, code, how many answered), if one is
    /// open.
    pub fn room(&self) -> Option<crate::app::room::RoomView> {
        self.room_view()
    }

    /// The addresses the room may listen on, and the port (0: any free one). Tests choose
    /// loopback; the window offers the machine's interfaces.
    pub fn set_room_network(&mut self, bind: Option<std::net::IpAddr>, port: u16) {
        self.room_choices.bind = bind;
        self.room_port = port;
    }

    /// Whether the glossary window is open.
    pub fn is_glossary_open(&self) -> bool {
        self.glossary.0
    }

    /// Brings a pane to the front: in the remembered layout, and in the one on screen while
    /// presenting a step across the whole width.
    pub(super) fn show_pane(&mut self, pane: crate::app::layout::PaneKind) {
        crate::app::layout::show_pane(&mut self.settings.layout, pane);
        if let Some(tree) = &mut self.presenting_tree {
            crate::app::layout::show_pane(tree, pane);
        }
    }

    /// Whether presentation mode shows the step's pane across the whole width (the map not
    /// beside it).
    pub fn is_presenting_whole_width(&self) -> bool {
        self.presenting && self.presenting_tree.is_some()
    }

    /// Whether presentation mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presenting
    }

    /// The workshop agenda's current step (an index into `agenda::STEPS`).
    pub fn agenda_step(&self) -> usize {
        self.agenda_step
    }

    /// Today's date, used for new dated items.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Sets the date taken as today (tests and snapshots fix it).
    pub fn set_today(&mut self, today: Date) {
        self.today = today;
    }

    /// Sets the seconds between autosaves of unsaved work (tests make it 0).
    pub fn set_autosave_interval(&mut self, seconds: f64) {
        self.autosave_interval_s = seconds;
    }

    /// Uses the system's file dialogs beside the path prompt (the window does; tests do not).
    pub fn use_native_dialogs(&mut self, on: bool) {
        self.native_dialogs = on;
    }

    /// Whether the user asked to quit and nothing holds the window open any more.
    pub fn is_quitting(&self) -> bool {
        self.allow_close
    }

    /// Whether work is running in the background (opening a file, writing the memo).
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// How many frames without input changed the project (counted in debug builds; always 0
    /// in release builds). Display code must not edit: such a change would slip into the
    /// next undo step unseen.
    pub fn idle_edits(&self) -> u32 {
        self.idle_edits
    }
}
