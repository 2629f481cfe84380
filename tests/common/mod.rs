#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]
//! Helpers shared by the UI flow tests: harnesses at laptop and projector size, and the ways a
//! person reaches things (tabs, menus, fields, the palette, the path prompt).

pub mod legibility;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;

pub fn harness(app: Workbench) -> Harness<'static, Workbench> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut Workbench| app.ui_root(ui), app);
    harness.run();
    harness
}

pub fn sample() -> Harness<'static, Workbench> {
    harness(Workbench::with_sample(0))
}

/// The first sample at projector size (presentation mode needs the room).
pub fn projector() -> Harness<'static, Workbench> {
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(
            |ui, app: &mut Workbench| app.ui_root(ui),
            Workbench::with_sample(0),
        );
    harness.run();
    harness
}

/// Brings a pane to the front by clicking its tab.
pub fn open_pane(h: &mut Harness<'_, Workbench>, pane: PaneKind) {
    h.get_by_label(pane.tab_title()).click();
    h.run();
}

/// The slider with this label (table headers may carry the same text).
pub fn slider<'h>(h: &'h Harness<'_, Workbench>, label: &'h str) -> egui_kittest::Node<'h> {
    h.get_by_role_and_label(Role::Slider, label)
}

/// The names of the project's options for action, in order.
pub fn option_names(h: &Harness<'_, Workbench>) -> Vec<String> {
    h.state()
        .project()
        .options
        .iter()
        .map(|o| o.name.clone())
        .collect()
}

/// The text field with this label: a one-line field or one whose line wraps.
pub fn field<'h>(h: &'h Harness<'_, Workbench>, label: &'h str) -> egui_kittest::Node<'h> {
    h.get_by(move |node| {
        matches!(node.role(), Role::TextInput | Role::MultilineTextInput)
            && node.label().as_deref() == Some(label)
    })
}

/// Types like a person: one character per frame.
pub fn type_slowly(h: &mut Harness<'_, Workbench>, label: &str, text: &str) {
    for c in text.chars() {
        field(h, label).type_text(&c.to_string());
        h.run();
    }
}

pub fn click(h: &mut Harness<'_, Workbench>, label: &str) {
    h.get_by_label(label).click();
    // One frame, not `run`: a job started by it repaints until done, which `settle` waits for.
    h.step();
    settle(h);
}

/// Runs frames until the work in the background (opening a file, writing the memo) is done.
pub fn settle(h: &mut Harness<'_, Workbench>) {
    let started = std::time::Instant::now();
    while h.state().is_busy() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the background work did not finish"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
}

/// Clicks a menu item (whose accessible name also carries its shortcut, e.g. "Quit Ctrl+Q").
pub fn menu_item(h: &mut Harness<'_, Workbench>, label: &str) {
    h.get(
        egui_kittest::kittest::By::new()
            .role(Role::Button)
            .label_contains(label),
    )
    .click();
    // One frame, not `run`: a job started by it repaints until done, which `settle` waits for.
    h.step();
    settle(h);
}

/// Types a path into the path prompt that is open, replacing what is there, and confirms it.
pub fn enter_path(h: &mut Harness<'_, Workbench>, path: &std::path::Path) {
    h.get_by_label("File path").click();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.key_press(Key::Enter);
    // One frame, not `run`: a job started by it repaints until done, which `settle` waits for.
    h.step();
    settle(h);
}

/// All text drawn this frame whose position lies right of `min_x` (the map is on the right).
pub fn texts_right_of(h: &Harness<'_, Workbench>, min_x: f32) -> Vec<String> {
    h.output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::epaint::Shape::Text(text) if text.pos.x > min_x => {
                Some(text.galley.text().to_owned())
            }
            _ => None,
        })
        .collect()
}

#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Folds the "Why, in this case" note of the pane on screen, as a person does when the note
/// takes the room the pane's content needs at a small window size: a click on its heading.
pub fn fold_why_note(h: &mut Harness<'_, Workbench>) {
    h.get_by_label("Why, in this case").click();
    h.run();
}
