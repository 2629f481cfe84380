//! Help on the method where it is used: rubrics for every 0–10 rating, the meaning of every
//! choice (its doc comment, [`crate::model::Choice::help`]), and the glossary of pbsm's terms,
//! shown on hover beside the terms and in the glossary window (Help menu).

pub mod glossary;
pub mod rubrics;

use egui::RichText;

/// The glossary window: search field and terms. Not modal: it stays open beside the panes.
/// `query` is what was typed; the window closes when `open` turns false.
pub fn glossary_ui(ctx: &egui::Context, open: &mut bool, query: &mut String) {
    // At the top right, below the menu bar, where it covers the map rather than the form
    // being filled in.
    let area = ctx.content_rect();
    egui::Window::new("Glossary of pbsm terms")
        .open(open)
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(egui::pos2(area.right() - 24.0, area.top() + 72.0))
        .default_size([520.0, 560.0])
        .vscroll(false)
        .show(ctx, |ui| {
            let label = ui.label("Find");
            ui.add(
                egui::TextEdit::singleline(query)
                    .desired_width(f32::INFINITY)
                    .hint_text("A word of a term or of its meaning"),
            )
            .labelled_by(label.id);
            ui.separator();
            let found = glossary::search(query);
            egui::ScrollArea::vertical().show(ui, |ui| {
                if found.is_empty() {
                    ui.label(RichText::new("No term matches.").weak());
                }
                for entry in found {
                    ui.label(RichText::new(entry.term).strong());
                    ui.label(entry.meaning);
                    ui.add_space(6.0);
                }
            });
        });
}

/// A term's meaning as hover text, if the words name a glossary term.
pub fn term_hover(words: &str) -> Option<String> {
    glossary::lookup(words).map(|e| format!("{}: {}", e.term, e.meaning))
}
