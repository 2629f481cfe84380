//! The egui workbench window: everything that draws lives here; the data, the analysis and the
//! files live in [`crate::model`] and [`crate::io`].

pub mod agenda;
pub mod command;
pub mod derived;
pub mod dialogs;
pub mod export;
pub mod gestures;
pub mod help;
pub mod history;
pub mod icon;
pub mod jobs;
pub mod layout;
pub mod panes;
pub mod plots;
pub mod room;
pub mod state;
pub mod theme;
pub mod widgets;
pub mod workbench;

pub use workbench::{Workbench, run_native};
