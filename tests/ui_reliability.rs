#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Nothing lost, nothing frozen: the workbench driven as a hostile user would, through every
//! entry point, checking that no work is lost and the window never waits for long work.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::command::Command;
use pbsm::app::layout::PaneKind;
use pbsm::app::workbench::Dialog;

/// Runs a command from the palette: Ctrl+K, type, Enter.
fn from_palette(h: &mut Harness<'_, Workbench>, query: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::Palette { .. })),
        "the palette opens"
    );
    h.get_by_label("Command").type_text(query);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn every_command_that_replaces_the_project_asks_first_from_the_palette() {
    let state = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let recent = files.path().join("tourism.pbsm.ron");
    pbsm::io::save(&pbsm::io::SAMPLES[2].load().unwrap(), &recent).unwrap();

    let mut app = Workbench::with_sample(0);
    app.settings.recent.push(recent.clone());
    app.recovery_dir = Some(state.path().to_path_buf());
    app.autosave_interval_s = 0.0;
    let mut h = harness(app);
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    h.run();
    let edited = h.state().project.clone();
    assert!(h.state().is_dirty());
    let recovery_files = || std::fs::read_dir(state.path()).unwrap().count();
    assert!(recovery_files() > 0, "the edit is autosaved aside");

    for query in [
        "quit",
        "new project",
        "open…",
        "open sample bakery",
        "open recent tourism",
    ] {
        from_palette(&mut h, query);
        assert!(
            matches!(h.state().dialog, Some(Dialog::Unsaved { .. })),
            "“{query}” asks about the unsaved changes first"
        );
        click(&mut h, "Cancel");
        assert!(h.state().dialog.is_none(), "{query}");
        assert_eq!(
            h.state().project,
            edited,
            "“{query}”: Cancel keeps the work"
        );
        assert!(h.state().is_dirty(), "{query}");
        assert!(!h.state().is_quitting(), "{query}");
        assert!(
            recovery_files() > 0,
            "“{query}”: the autosaved work is kept"
        );
    }

    // "Don’t save" then goes ahead.
    from_palette(&mut h, "open recent tourism");
    click(&mut h, "Don’t save");
    assert_eq!(
        h.state().project.name,
        "Visit Marrenburg: destination strategy 2026-2028"
    );
}

#[test]
fn a_dropped_file_asks_first_too() {
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("tourism.pbsm.ron");
    pbsm::io::save(&pbsm::io::SAMPLES[2].load().unwrap(), &path).unwrap();
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    let edited = h.state().project.clone();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Unsaved { .. })));
    click(&mut h, "Cancel");
    assert_eq!(h.state().project, edited);
}

/// A new project whose Industry field has the focus and is empty.
fn empty_industry() -> Harness<'static, Workbench> {
    let mut h = harness(Workbench::default());
    open_pane(&mut h, PaneKind::Foundation);
    assert_eq!(h.state().project.foundation.industry, "");
    field(&h, "Industry").click();
    h.run();
    h
}

fn undo(h: &mut Harness<'_, Workbench>) -> String {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.state().project.foundation.industry.clone()
}

#[test]
fn a_typed_word_is_one_undo_step_from_its_first_letter() {
    // One character per frame: a person typing at an ordinary pace.
    let mut h = empty_industry();
    for c in "Acme Bakery".chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.run();
    assert_eq!(h.state().project.foundation.industry, "Acme Bakery");
    assert_eq!(undo(&mut h), "Acme ");
    assert_eq!(undo(&mut h), "", "the first letter is part of its word");
}

#[test]
fn fast_typing_keeps_words_whole() {
    // Several characters arrive in one frame, a word boundary among them.
    let mut h = empty_industry();
    for frame in [
        &["A", "c"][..],
        &["m", "e", " ", "B"],
        &["a", "k", "e"],
        &["r", "y"],
    ] {
        for c in frame {
            h.event(egui::Event::Text((*c).to_owned()));
        }
        h.step();
    }
    h.run();
    assert_eq!(h.state().project.foundation.industry, "Acme Bakery");
    assert_eq!(undo(&mut h), "Acme ");
    assert_eq!(undo(&mut h), "");
}

#[test]
fn a_message_clears_when_the_next_edit_happens() {
    let mut h = empty_industry();
    for c in "Acme ".chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.run();
    undo(&mut h);
    assert_eq!(h.state().status, "Undone");
    field(&h, "Industry").click();
    h.run();
    h.event(egui::Event::Text("B".to_owned()));
    h.run();
    assert_eq!(h.state().project.foundation.industry, "B");
    assert_eq!(
        h.state().status,
        "",
        "“Undone” no longer describes the screen"
    );

    // A command's own message stays until the edit after it.
    h.state_mut().send(Command::NewVotingRound(
        pbsm::model::VoteSubject::Alternatives,
    ));
    h.run();
    assert!(h.state().status.starts_with("New dot voting round"));
    h.run();
    assert!(h.state().status.starts_with("New dot voting round"));
}
