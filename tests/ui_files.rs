#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Editing and files as a user meets them: undo steps, the unsaved-changes question, save,
//! open, drop, recent files, CSV, the decision memo, the command palette.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::workbench::Dialog;

#[test]
fn undo_and_redo_by_shortcut_and_menu() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    let before = h.state().project().clone();
    slider(&h, "Risk").increment_accesskit();
    h.run();
    slider(&h, "Competitive quality").increment_accesskit();
    h.run();
    let edited = h.state().project().clone();
    assert_ne!(before, edited);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(*h.state().project(), before);
    assert!(!h.state().is_dirty(), "back at the opened state");

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().project().alternatives[0].risk,
        edited.alternatives[0].risk
    );
    click(&mut h, "Edit");
    menu_item(&mut h, "Redo");
    assert_eq!(*h.state().project(), edited);
    click(&mut h, "Edit");
    menu_item(&mut h, "Undo");
    assert_ne!(*h.state().project(), edited);
}

#[test]
fn a_typed_word_is_one_undo_step() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Foundation);
    field(&h, "Industry").click();
    h.run();
    type_slowly(&mut h, "Industry", " and catering");
    assert_eq!(
        h.state().project().foundation.industry,
        "Artisan bakery chain, retail and café and catering"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().project().foundation.industry,
        "Artisan bakery chain, retail and café and "
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().project().foundation.industry,
        "Artisan bakery chain, retail and café "
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().project().foundation.industry,
        "Artisan bakery chain, retail and café"
    );
}

#[test]
fn replacing_an_edited_project_asks_first() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    let edited = h.state().project().clone();

    // Cancel keeps everything.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Unsaved changes");
    click(&mut h, "Cancel");
    assert!(h.state().dialog().is_none());
    assert_eq!(*h.state().project(), edited);

    // Opening a sample from the menu asks too; "Don’t save" goes ahead.
    click(&mut h, "File");
    click(&mut h, "Open sample");
    click(&mut h, pbsm::io::SAMPLES[1].title);
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved(_))));
    click(&mut h, "Don’t save");
    assert_eq!(
        h.state().project().name,
        "Kessler Anlagenbau: engineers through social media 2026-2028"
    );
    assert!(!h.state().is_dirty());

    // An unedited project is replaced without asking.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(h.state().project().name, "Untitled strategy");
}

#[test]
fn quitting_with_unsaved_changes_asks_and_save_writes_the_file_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bakery.pbsm.ron");
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    click(&mut h, "File");
    menu_item(&mut h, "Quit");
    h.get_by_label("Unsaved changes");
    assert!(
        !h.state().is_quitting(),
        "the window stays open while the question is open"
    );
    click(&mut h, "Save");
    // A sample has no file yet: the path prompt comes first.
    h.get_by_label("Save the project");
    let field = h.get_by_label("File path");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Save")
        .click();
    h.run();
    assert!(path.exists(), "saved before quitting");
    assert!(h.state().is_quitting());
    assert_eq!(pbsm::io::load(&path).unwrap(), *h.state().project());
    assert!(!h.state().is_dirty());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = sample();
    let close = |h: &mut Harness<'_, Workbench>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.run();
    };
    // Unchanged: the window may close.
    close(&mut h);
    assert!(h.state().dialog().is_none());
    // Changed: the close is held back and the question asked.
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    close(&mut h);
    h.get_by_label("Unsaved changes");
    assert!(!h.state().is_quitting());
    click(&mut h, "Don’t save");
    assert!(h.state().is_quitting());
}

#[test]
fn save_as_then_reopen_and_a_bad_file_leaves_the_project_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine");
    let mut h = sample();
    open_pane(&mut h, PaneKind::Options);
    field(&h, "Option").click();
    field(&h, "Option").type_text("!");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    enter_path(&mut h, &path);
    let saved = dir.path().join("mine.pbsm.ron");
    assert_eq!(
        h.state().path(),
        Some(saved.as_path()),
        "the extension is added"
    );
    assert!(!h.state().is_dirty());
    assert!(
        h.state().window_title().starts_with("Backhaus Lindner"),
        "{}",
        h.state().window_title()
    );
    assert!(h.state().window_title().contains("mine.pbsm.ron"));
    assert_eq!(
        pbsm::io::load(&saved).unwrap().options[0].name,
        "Sourdough club community!"
    );

    // A broken file: the error names the position, the open project stays as it was.
    let bad = dir.path().join("bad.pbsm.ron");
    std::fs::write(&bad, "(\n  version: 1,\n  name: [],\n)").unwrap();
    let before = h.state().project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    enter_path(&mut h, &bad);
    h.get_by_label("The file was not opened");
    h.get_by_label_contains(&format!("{}:3:", bad.display()));
    assert_eq!(*h.state().project(), before);
    assert_eq!(h.state().path(), Some(saved.as_path()));
    click(&mut h, "OK");
    assert!(h.state().dialog().is_none());
}

#[test]
fn exporting_the_decision_memo_from_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memo.html");
    let mut h = sample();
    click(&mut h, "File");
    menu_item(&mut h, "Export decision memo…");
    h.get_by_label("Export the decision memo (.html or .md)");
    enter_path(&mut h, &path);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("Decision memo: Backhaus Lindner"));
    assert!(h.state().status().contains("Decision memo written"));
    assert!(!h.state().is_dirty(), "exporting changes nothing");
}

#[test]
fn the_command_palette_runs_what_is_typed() {
    let mut h = sample();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(pbsm::app::workbench::Dialog::Palette(_))
    ));
    h.get_by_label("Command").type_text("theme dark");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(
        h.state().settings().theme,
        pbsm::app::theme::ThemeChoice::Dark
    );

    // Arrow keys choose among the matches: "show decision" then down to the next match.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Command").type_text("show 7");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("7 · Strategy management");
}

#[test]
fn a_dropped_file_opens_and_is_remembered_as_recent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tourism.pbsm.ron");
    pbsm::io::save(&pbsm::io::SAMPLES[2].load().unwrap(), &path).unwrap();
    let mut h = sample();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    assert_eq!(
        h.state().project().name,
        "Visit Marrenburg: destination strategy 2026-2028"
    );
    let canonical = std::fs::canonicalize(&path).unwrap();
    assert_eq!(h.state().settings().recent.first(), Some(&canonical));
    // Back to a sample, then reopen it from File > Open recent.
    h.state_mut()
        .request(pbsm::app::command::Command::OpenSample(0));
    h.run();
    click(&mut h, "File");
    click(&mut h, "Open recent");
    click(&mut h, &canonical.display().to_string());
    assert_eq!(
        h.state().project().name,
        "Visit Marrenburg: destination strategy 2026-2028"
    );
}

#[test]
fn scores_go_out_to_csv_and_come_back_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("scores.csv");
    let mut h = sample();
    click(&mut h, "File");
    menu_item(&mut h, "Export scores as CSV…");
    enter_path(&mut h, &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Community first: the sourdough club,Chosen,8.5,7,97000,420,8,8"),
        "{text}"
    );

    // A spreadsheet user raises the risk of the first alternative.
    std::fs::write(&csv, text.replace("Chosen,8.5,7,", "Chosen,8.5,7.5,")).unwrap();
    click(&mut h, "File");
    menu_item(&mut h, "Import scores from CSV…");
    enter_path(&mut h, &csv);
    assert_eq!(
        h.state().project().alternatives[0].risk,
        pbsm::model::Score::new(7.5)
    );

    // A bad file: every problem is shown, nothing changes.
    let before = h.state().project().clone();
    std::fs::write(
        &csv,
        "alternative,risk\nCommunity first: the sourdough club,11\nX,abc\n",
    )
    .unwrap();
    click(&mut h, "File");
    menu_item(&mut h, "Import scores from CSV…");
    enter_path(&mut h, &csv);
    h.get_by_label("Nothing was imported");
    h.get_by_label_contains("line 2: risk is \"11\"");
    assert_eq!(*h.state().project(), before);
}

#[test]
fn opening_an_older_file_says_it_was_upgraded() {
    let mut h = sample();
    let v1 = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1/machine-builder.pbsm.ron");
    h.state_mut()
        .send(pbsm::app::command::Command::OpenPath(v1));
    h.step();
    settle(&mut h);
    assert_eq!(h.state().project().alternatives.len(), 3);
    assert_eq!(h.state().project().version, pbsm::model::CURRENT_VERSION);
    h.get_by_label_contains(
        "upgraded from format version 1 (since then: dot voting, ratings and reviews that are not assessed yet, rounds the room answers from their phones)",
    );
}

#[test]
fn the_menu_and_the_palette_name_each_action_alike() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    use pbsm::app::command::{Command, palette_entries};
    let mut h = sample();
    let file = [
        Command::NewProject,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ExportReport,
        Command::ExportCsv,
        Command::ImportCsv,
        Command::CopyFromSample,
        Command::Quit,
    ];
    let edit = [Command::Undo, Command::Redo, Command::Palette];
    let palette = palette_entries(&[]);
    for (menu, commands) in [("File", &file[..]), ("Edit", &edit[..])] {
        click(&mut h, menu);
        for command in commands {
            let label = command.label();
            // The menu entry is the command's label (and its shortcut, where it has one).
            let names: Vec<String> = h
                .query_all(egui_kittest::kittest::By::new().role(Role::Button))
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            assert!(
                names
                    .iter()
                    .any(|name| *name == label || name.starts_with(&format!("{label} Ctrl"))),
                "{menu} menu has “{label}” for {command:?}: {names:?}"
            );
            if *command != Command::Palette {
                assert!(
                    palette.iter().any(|(l, c)| c == command && *l == label),
                    "the palette offers {command:?} as “{label}”"
                );
            }
        }
        h.key_press(Key::Escape);
        h.run();
    }
    assert_eq!(Command::NewProject.label(), "New project");
}

#[test]
fn a_version_2_file_opens_with_its_never_reviewed_assumption_shown_as_not_reviewed() {
    let mut h = sample();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2/bakery.pbsm.ron");
    // As version 2 wrote a new assumption: "holds", never reviewed.
    let text = std::fs::read_to_string(fixture).unwrap().replace(
        r#"status: Holds, last_review: Some("2026-10-15")"#,
        "status: Holds, last_review: None",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bakery-v2.pbsm.ron");
    std::fs::write(&path, text).unwrap();
    h.state_mut()
        .send(pbsm::app::command::Command::OpenPath(path));
    h.step();
    settle(&mut h);
    h.get_by_label_contains("upgraded from format version 2");
    open_pane(&mut h, PaneKind::Management);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Assumptions")
        .click();
    h.run();
    h.get_by_label_contains("Interest in home baking stays at least at the 2024 level")
        .click();
    h.run();
    // The list and the form both say so; the other statuses are as the file set them.
    assert!(h.query_all_by_label("Not reviewed yet").count() >= 1);
    assert!(h.query_all_by_label("At risk").count() >= 1);
    assert_eq!(
        h.state().project().management.assumptions[0].status,
        pbsm::model::AssumptionStatus::AtRisk
    );
    assert_eq!(
        h.state().project().management.assumptions[1].status,
        pbsm::model::AssumptionStatus::NotReviewed
    );
}

#[test]
fn the_path_prompt_takes_the_keyboard_at_once() {
    let mut h = sample();
    h.state_mut().use_native_dialogs(false);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Open a project");
    assert!(
        h.get_by_label("File path").is_focused(),
        "typing goes into the path"
    );
}

#[test]
fn the_palette_lines_up_every_entry_at_the_left_with_or_without_a_shortcut() {
    let mut h = sample();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    // "New project" has a shortcut (Ctrl+N), "Export scores as CSV…" has none.
    let left_of = |label: &str| {
        common::legibility::painted_texts(h.output())
            .into_iter()
            .find(|t| t.text == label)
            .unwrap_or_else(|| panic!("{label} is in the palette"))
            .rect
            .left()
    };
    let with = left_of("New project");
    let without = left_of("Export scores as CSV…");
    assert!(
        (with - without).abs() < 1.0,
        "with a shortcut at {with}, without at {without}"
    );
}
