//! Every user action is a [`Command`]: the menu, the keyboard shortcuts and the panes' buttons
//! all emit one, and the app applies it after the frame. One home per action.

use super::layout::PaneKind;
use super::theme::ThemeChoice;
use crate::model::{ItemKind, ItemRef};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// An action on the app or the project.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start a new, empty project.
    NewProject,
    /// Ask for a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open the sample case with this index in [`crate::io::SAMPLES`].
    OpenSample(usize),
    /// Save to the project's file (asks for one if it has none).
    Save,
    /// Ask for a file and save to it.
    SaveAs,
    /// Save to this file.
    SaveTo(PathBuf),
    /// Ask for a file and write the decision memo to it (HTML, or Markdown for .md).
    ExportReport,
    /// Write the decision memo to this file.
    ExportReportTo(PathBuf),
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Bring a pane to the front.
    ShowPane(PaneKind),
    /// Put the panes back into the default arrangement.
    ResetLayout,
    /// Light, dark or follow the system.
    SetTheme(ThemeChoice),
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Add a new item of a kind and select it.
    Add(ItemKind),
    /// Remove an item and every reference to it.
    Remove(ItemRef),
    /// Select an item (in its pane and on the map).
    Select(ItemRef),
    /// Export the plot drawn in this screen rectangle (points) as a PNG file.
    ExportPlot {
        /// A file name suggestion ("alternatives-map").
        name: String,
        /// Where the plot is on screen.
        rect: egui::Rect,
    },
    /// Keep the current state as a version with this name and start the follow-up strategy.
    StartFollowUp(String),
    /// Offer to copy options from a sample case, with the transferability checklist first.
    CopyFromSample,
    /// Copy these options of this sample (after the checklist).
    CopyOptions {
        /// Index in [`crate::io::SAMPLES`].
        sample: usize,
        /// The sample's options to copy.
        options: Vec<crate::model::OptionId>,
    },
}

/// Ctrl on Linux and Windows, Cmd on macOS.
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// The keyboard shortcuts, most specific first (Ctrl+Shift+S before Ctrl+S).
pub const SHORTCUTS: &[(KeyboardShortcut, Command)] = &[
    (KeyboardShortcut::new(CMD_SHIFT, Key::S), Command::SaveAs),
    (KeyboardShortcut::new(CMD_SHIFT, Key::Z), Command::Redo),
    (KeyboardShortcut::new(CMD, Key::N), Command::NewProject),
    (KeyboardShortcut::new(CMD, Key::O), Command::Open),
    (KeyboardShortcut::new(CMD, Key::S), Command::Save),
    (KeyboardShortcut::new(CMD, Key::Z), Command::Undo),
    (KeyboardShortcut::new(CMD, Key::Y), Command::Redo),
    (KeyboardShortcut::new(CMD, Key::Q), Command::Quit),
    (KeyboardShortcut::new(CMD, Key::E), Command::ExportReport),
    (KeyboardShortcut::new(CMD, Key::Plus), Command::ZoomIn),
    (KeyboardShortcut::new(CMD, Key::Equals), Command::ZoomIn),
    (KeyboardShortcut::new(CMD, Key::Minus), Command::ZoomOut),
    (KeyboardShortcut::new(CMD, Key::Num0), Command::ZoomReset),
];

impl Command {
    /// The first shortcut for this command, if it has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        SHORTCUTS
            .iter()
            .find(|(_, command)| command == self)
            .map(|(shortcut, _)| *shortcut)
    }

    /// Whether the command replaces the open project (and so must ask about unsaved changes).
    pub fn replaces_project(&self) -> bool {
        matches!(
            self,
            Self::NewProject | Self::Open | Self::OpenPath(_) | Self::OpenSample(_) | Self::Quit
        )
    }
}

/// Takes the pressed shortcuts out of this frame's input and returns their commands.
pub fn commands_from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    ctx.input_mut(|input| {
        SHORTCUTS
            .iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, command)| command.clone())
            .collect()
    })
}
