//! The error dialog: what failed and why; nothing was changed.

use super::{Outcome, dismissed};
use egui::{Id, RichText};

/// The most characters an error dialog shows: laying out megabytes of text would freeze
/// the window (a message quoting a hostile file, a CSV with thousands of bad rows).
pub const MAX_MESSAGE_CHARS: usize = 4_000;

/// Something went wrong; nothing was changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorDialog {
    /// What failed.
    pub title: String,
    /// Why, with file, line and column where there are any (at most [`MAX_MESSAGE_CHARS`]).
    pub message: String,
}

impl ErrorDialog {
    /// An error with its message cut to [`MAX_MESSAGE_CHARS`].
    pub fn new(title: &str, message: String) -> Self {
        Self {
            title: title.to_owned(),
            message: capped(message),
        }
    }

    /// Draws the dialog.
    pub fn ui(&self, ctx: &egui::Context) -> Option<Outcome> {
        let mut outcome = None;
        let response = egui::Modal::new(Id::unique("error_dialog")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(&self.title);
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    ui.label(RichText::new(&self.message).monospace());
                });
            ui.add_space(8.0);
            if ui.button("OK").clicked() {
                outcome = Some(Outcome::Close);
            }
        });
        outcome.or_else(|| dismissed(&response))
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_are_cut_and_say_how_much_is_left_out() {
        let short = ErrorDialog::new("t", "é".repeat(MAX_MESSAGE_CHARS));
        assert_eq!(short.message.chars().count(), MAX_MESSAGE_CHARS);
        let long = ErrorDialog::new("t", "é".repeat(MAX_MESSAGE_CHARS + 12));
        assert!(long.message.starts_with(&"é".repeat(MAX_MESSAGE_CHARS)));
        assert!(long.message.ends_with("… (12 more characters)"));
    }
}
