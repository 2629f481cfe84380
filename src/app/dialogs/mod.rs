//! The workbench's modal dialogs. Each is a small struct that draws itself and says what the
//! user chose as an [`Outcome`]; the workbench acts on it (see `workbench/dialogs.rs`). A
//! dialog never touches the project or the files itself.

mod copy_from_sample;
mod error;
mod palette;
mod path;
mod recover;
mod unsaved;

pub use copy_from_sample::CopyFromSample;
pub use error::{ErrorDialog, MAX_MESSAGE_CHARS};
pub use palette::Palette;
pub use path::{PathPrompt, PathPurpose};
pub use recover::Recover;
pub use unsaved::Unsaved;

use super::command::Command;
use std::path::PathBuf;

/// The open modal dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The project has unsaved changes and a command would replace it or close the window.
    Unsaved(Unsaved),
    /// Ask for a file path (shown while a system file dialog is open, and in its place where
    /// there is none).
    Path(PathPrompt),
    /// The command palette: every command, filtered as the user types.
    Palette(Palette),
    /// Copy options from a sample: choose them, then confirm they transfer.
    CopyFromSample(CopyFromSample),
    /// Unsaved work of windows that crashed was found: restore or discard each, or decide
    /// later.
    Recover(Recover),
    /// Something went wrong; nothing was changed.
    Error(ErrorDialog),
}

/// What the user chose in a dialog. Every outcome but [`Outcome::DiscardRecovered`] closes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Closed (Cancel, OK, Esc or a click beside it): nothing else happens.
    Close,
    /// Run this command, through the workbench's door like any other.
    Run(Command),
    /// Save the project first (asking for a file where it has none), then run the command.
    SaveThen(Command),
    /// "Don’t save": run the command, losing the unsaved changes (the one way past the door's
    /// question).
    DiscardThen(Command),
    /// A path was chosen in the path prompt.
    PathChosen {
        /// What the path is for.
        purpose: PathPurpose,
        /// The path as typed.
        path: PathBuf,
        /// What to run after a successful save.
        then: Option<Command>,
    },
    /// Delete the recovery file of this crashed window's slot (the dialog stays while other
    /// work is on offer).
    DiscardRecovered(u32),
    /// Leave the crashed windows' work for the next start.
    RecoverLater,
}

/// Whether the modal was dismissed with Esc or a click beside it.
fn dismissed<T>(response: &egui::ModalResponse<T>) -> Option<Outcome> {
    response.should_close().then_some(Outcome::Close)
}
