//! The command palette (Ctrl+K): every command, filtered by the words typed.

use super::{Outcome, dismissed};
use crate::app::command::{filter_entries, palette_entries};
use egui::{Id, Key, RichText};
use std::path::PathBuf;

/// The palette: what was typed and which match is highlighted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Palette {
    /// What was typed.
    pub query: String,
    /// The highlighted entry among the matches.
    pub selected: usize,
}

impl Palette {
    /// Draws the palette, offering the recent files too. Arrow keys move the highlight,
    /// Enter runs it.
    pub fn ui(&mut self, ctx: &egui::Context, recent: &[PathBuf]) -> Option<Outcome> {
        let entries = palette_entries(recent);
        let mut outcome = None;
        let response = egui::Modal::new(Id::unique("palette_dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            let label = ui.label(RichText::new("Command").strong());
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .desired_width(f32::INFINITY)
                        .hint_text("Type to search every command"),
                )
                .labelled_by(label.id);
            edit.request_focus();
            if edit.changed() {
                self.selected = 0;
            }
            let matches = filter_entries(&entries, &self.query);
            let (down, up, enter) = ui.input_mut(|i| {
                (
                    i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                    i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                    i.consume_key(egui::Modifiers::NONE, Key::Enter),
                )
            });
            if down {
                self.selected = (self.selected + 1).min(matches.len().saturating_sub(1));
            }
            if up {
                self.selected = self.selected.saturating_sub(1);
            }
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for (i, (label, command)) in matches.iter().enumerate() {
                        let mut button =
                            egui::Button::new(label.as_str()).selected(i == self.selected);
                        // Every label at the left, the shortcut (if any) at the right.
                        button = match command.shortcut() {
                            Some(shortcut) => button.shortcut_text(ctx.format_shortcut(&shortcut)),
                            None => button.right_text(""),
                        };
                        let response = ui.add_sized([ui.available_width(), 24.0], button);
                        if i == self.selected {
                            response.scroll_to_me(None);
                        }
                        if response.clicked() {
                            outcome = Some(Outcome::Run(command.clone()));
                        }
                    }
                    if matches.is_empty() {
                        ui.label(RichText::new("No command matches.").weak());
                    }
                });
            if enter && let Some((_, command)) = matches.get(self.selected) {
                outcome = Some(Outcome::Run(command.clone()));
            }
        });
        outcome.or_else(|| dismissed(&response))
    }
}
