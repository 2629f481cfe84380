//! pbsm workbench: a desktop tool for developing social media strategies with the
//! potential-based strategy model (pbsm).
//!
//! - [`model`]: the project data, one module per pbsm component (no UI).
//! - [`analysis`]: numbers derived from a project (no UI).
//! - [`io`]: project files and the embedded sample case studies (no UI).
//! - [`report`]: the decision memo (HTML, Markdown) and the analysis as the command line prints it
//!   (no UI).
//! - [`format`]: money, numbers, labels and colours as the window and the memo show them (no UI).
//! - [`cli`]: the command line.
//! - [`app`]: the egui workbench window.

/// Appends formatted text to a `String`. Writing into a `String` cannot fail, so unlike
/// `write!` there is no `Result` to handle (or to drop with `let _`).
macro_rules! push {
    ($s:expr, $($arg:tt)*) => {
        $s.push_str(&format!($($arg)*))
    };
}

/// [`push!`] with a line break after the text.
macro_rules! pushln {
    ($s:expr) => {
        $s.push('\n')
    };
    ($s:expr, $($arg:tt)*) => {{
        $s.push_str(&format!($($arg)*));
        $s.push('\n');
    }};
}

pub mod analysis;
pub mod app;
pub mod cli;
pub mod format;
pub mod io;
pub mod model;
pub mod report;
pub mod room;
