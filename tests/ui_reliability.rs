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
        matches!(h.state().dialog(), Some(Dialog::Palette(_))),
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
    app.settings_mut().recent.push(recent.clone());
    app.start_recovery(state.path());
    app.set_autosave_interval(0.0);
    let mut h = harness(app);
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    h.run();
    let edited = h.state().project().clone();
    assert!(h.state().is_dirty());
    let recovery_files = || {
        std::fs::read_dir(state.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".pbsm.ron")
            })
            .count()
    };
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
            matches!(h.state().dialog(), Some(Dialog::Unsaved(_))),
            "“{query}” asks about the unsaved changes first"
        );
        click(&mut h, "Cancel");
        assert!(h.state().dialog().is_none(), "{query}");
        assert_eq!(
            *h.state().project(),
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
        h.state().project().name,
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
    let edited = h.state().project().clone();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    h.run();
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved(_))));
    click(&mut h, "Cancel");
    assert_eq!(*h.state().project(), edited);
}

/// A new project whose Industry field has the focus and is empty.
fn empty_industry() -> Harness<'static, Workbench> {
    let mut h = harness(Workbench::default());
    open_pane(&mut h, PaneKind::Foundation);
    assert_eq!(h.state().project().foundation.industry, "");
    field(&h, "Industry").click();
    h.run();
    h
}

fn undo(h: &mut Harness<'_, Workbench>) -> String {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.state().project().foundation.industry.clone()
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
    assert_eq!(h.state().project().foundation.industry, "Acme Bakery");
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
    assert_eq!(h.state().project().foundation.industry, "Acme Bakery");
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
    assert_eq!(h.state().status(), "Undone");
    field(&h, "Industry").click();
    h.run();
    h.event(egui::Event::Text("B".to_owned()));
    h.run();
    assert_eq!(h.state().project().foundation.industry, "B");
    assert_eq!(
        h.state().status(),
        "",
        "“Undone” no longer describes the screen"
    );

    // A command's own message stays until the edit after it.
    h.state_mut().send(Command::NewVotingRound(
        pbsm::model::VoteSubject::Alternatives,
    ));
    h.run();
    assert!(h.state().status().starts_with("New dot voting round"));
    h.run();
    assert!(h.state().status().starts_with("New dot voting round"));
}

// ---------------------------------------------------------------------------------------------
// Recovery: each window autosaves into a slot of its own; crashed windows' work is offered.

/// A workbench with the first sample whose recovery slots live in `dir`, autosaving at once.
fn window_in(dir: &std::path::Path) -> Harness<'static, Workbench> {
    let mut app = Workbench::with_sample(0);
    app.set_autosave_interval(0.0);
    app.start_recovery(dir);
    harness(app)
}

/// Renames the project in the Foundation pane, as a person would (one edit, autosaved).
fn rename(h: &mut Harness<'_, Workbench>, name: &str) {
    open_pane(h, PaneKind::Foundation);
    field(h, "Project name").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(h, "Project name").type_text(name);
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().project().name, name);
}

fn recovery_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".pbsm.ron"))
        .map(|p| pbsm::io::load(&p).unwrap().name)
        .collect();
    names.sort();
    names
}

#[test]
fn unsaved_work_is_autosaved_aside_and_offered_back_after_a_crash() {
    let state = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let own_file = files.path().join("bakery.pbsm.ron");

    let mut h = window_in(state.path());
    let recovery = h.state().recovery_file().unwrap();
    assert!(!recovery.exists(), "nothing unsaved, nothing autosaved");

    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    h.run();
    assert!(recovery.exists(), "unsaved work is written aside");
    assert_eq!(
        pbsm::io::load(&recovery).unwrap(),
        *h.state().project(),
        "the recovery file holds the edited project"
    );
    let edited = h.state().project().clone();

    // Saving clears the recovery file; it never touches the user's own file before that.
    assert!(!own_file.exists());
    h.state_mut().send(Command::SaveTo(own_file.clone()));
    h.run();
    assert!(own_file.exists());
    assert!(!recovery.exists(), "saved work needs no recovery");

    // Edit again, then "crash": drop the window without saving or quitting.
    slider(&h, "Risk").increment_accesskit();
    h.run();
    h.run();
    let unsaved = h.state().project().clone();
    assert_ne!(unsaved, edited);
    drop(h);
    assert_eq!(
        pbsm::io::load(&own_file).unwrap(),
        edited,
        "the user's own file is only written by saving"
    );

    // The next start offers the work back.
    let mut h = window_in(state.path());
    h.get_by_label("Restore unsaved work?");
    // Esc does not dismiss it: only a choice does.
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Restore unsaved work?");
    click(&mut h, "Restore");
    assert_eq!(*h.state().project(), unsaved);
    assert_eq!(h.state().path(), Some(own_file.as_path()));
    assert!(h.state().is_dirty(), "restored work is unsaved until saved");
    assert_eq!(
        h.state().recovery_file(),
        Some(recovery),
        "the window carries on in the crashed window's slot"
    );
}

#[test]
fn two_windows_keep_their_own_work_and_a_quit_in_one_leaves_the_other() {
    let state = tempfile::tempdir().unwrap();
    let mut first = window_in(state.path());
    rename(&mut first, "First window's draft");
    // A second window while the first runs: nothing is offered, it gets its own slot.
    let mut second = window_in(state.path());
    assert!(
        second.state().dialog().is_none(),
        "the first window's work is not offered"
    );
    assert_ne!(
        first.state().recovery_file(),
        second.state().recovery_file()
    );
    rename(&mut second, "Second window's draft");
    assert_eq!(
        recovery_names(state.path()),
        ["First window's draft", "Second window's draft"]
    );

    // The second quits without saving: only its own work goes.
    second.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    second.run();
    click(&mut second, "Don’t save");
    assert!(second.state().is_quitting());
    drop(second);
    assert_eq!(recovery_names(state.path()), ["First window's draft"]);

    // The first crashes; a new window offers its work, and only that.
    drop(first);
    let mut third = window_in(state.path());
    assert_eq!(third.state().orphans().len(), 1);
    third.get_by_label("“First window's draft”");
    click(&mut third, "Restore");
    assert_eq!(third.state().project().name, "First window's draft");
}

#[test]
fn several_crashed_windows_are_offered_together_and_each_is_decided() {
    let state = tempfile::tempdir().unwrap();
    // Two windows open at once, then both crash (dropped without saving or quitting).
    let mut a = window_in(state.path());
    rename(&mut a, "Draft A");
    let mut b = window_in(state.path());
    rename(&mut b, "Draft B");
    drop(a);
    drop(b);
    let mut h = window_in(state.path());
    h.get_by_label("Restore unsaved work of 2 windows?");
    // Restore the first; the other stays on offer after the restore.
    h.get_all_by_label("Restore").next().unwrap().click();
    h.run();
    assert_eq!(h.state().project().name, "Draft A");
    h.get_by_label("“Draft B”");
    // Restoring the second asks about the first, which is now unsaved work of this window.
    click(&mut h, "Restore");
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved(_))));
    click(&mut h, "Cancel");
    assert_eq!(h.state().project().name, "Draft A", "Cancel keeps it");
    h.get_by_label("“Draft B”");
    click(&mut h, "Decide later");
    assert!(h.state().dialog().is_none());
    drop(h);
    // Decided later: the next start offers Draft B again; Draft A lives in the restored
    // window's slot, which autosaved it.
    assert_eq!(recovery_names(state.path()), ["Draft A", "Draft B"]);
}

#[test]
fn discarding_recovered_work_removes_it() {
    let state = tempfile::tempdir().unwrap();
    let mut h = window_in(state.path());
    rename(&mut h, "Recovered draft");
    drop(h);

    let mut h = window_in(state.path());
    let before = h.state().project().clone();
    h.get_by_label("Restore unsaved work?");
    click(&mut h, "Discard it");
    assert!(h.state().dialog().is_none());
    assert_eq!(*h.state().project(), before, "the open project stays");
    assert!(recovery_names(state.path()).is_empty());
    drop(h);
    let h = window_in(state.path());
    assert!(h.state().dialog().is_none(), "nothing is offered again");
}

#[test]
fn an_unreadable_recovery_file_is_reported_and_kept() {
    let state = tempfile::tempdir().unwrap();
    let recovery = pbsm::io::recovery::slot_file(state.path(), 2);
    std::fs::write(&recovery, "(name: \"half").unwrap();
    let mut h = window_in(state.path());
    h.get_by_label("Unsaved work that cannot be read");
    click(&mut h, "Decide later");
    assert!(recovery.exists(), "nothing is deleted that might be needed");
}

#[test]
fn the_recovery_file_of_an_older_workbench_is_offered_once() {
    let state = tempfile::tempdir().unwrap();
    let mut old = pbsm::io::SAMPLES[1].load().unwrap();
    old.name = "Draft from an older workbench".to_owned();
    std::fs::write(
        state.path().join(pbsm::io::recovery::LEGACY_FILE_NAME),
        pbsm::io::project_file::to_string(&old),
    )
    .unwrap();
    let mut h = window_in(state.path());
    h.get_by_label("“Draft from an older workbench”");
    click(&mut h, "Restore");
    assert_eq!(*h.state().project(), old);
    assert!(
        !state
            .path()
            .join(pbsm::io::recovery::LEGACY_FILE_NAME)
            .exists()
    );
    // Restored, it lives in this window's slot now: a second window offers nothing.
    let second = window_in(state.path());
    assert!(second.state().orphans().is_empty());
}

#[test]
fn a_failing_autosave_says_so_once_keeps_the_project_and_retries() {
    let state = tempfile::tempdir().unwrap();
    let mut h = window_in(state.path());
    let recovery = h.state().recovery_file().unwrap();
    // A folder where the recovery file should go: every write fails, as on a full disk.
    std::fs::create_dir(&recovery).unwrap();
    rename(&mut h, "Work that cannot be kept aside");
    let problem = h.state().autosave_problem().unwrap().to_owned();
    assert!(
        problem.contains(&recovery.display().to_string()),
        "{problem}"
    );
    assert!(
        h.state().status().starts_with("Autosave failed"),
        "said once: {}",
        h.state().status()
    );
    h.get_by_label_contains("Autosave is failing");
    // The next edit clears the message; the failure stays visible in the status bar while it
    // lasts, and the project stays open.
    field(&h, "Industry").click();
    h.run();
    field(&h, "Industry").type_text("x");
    h.run();
    h.run();
    assert!(!h.state().status().starts_with("Autosave failed"));
    h.get_by_label_contains("Autosave is failing");
    assert!(h.state().project().foundation.industry.ends_with('x'));

    // The disk has room again: the next autosave works and the warning goes.
    std::fs::remove_dir(&recovery).unwrap();
    field(&h, "Industry").type_text("y");
    h.run();
    h.run();
    assert!(h.state().autosave_problem().is_none());
    assert_eq!(pbsm::io::load(&recovery).unwrap(), *h.state().project());
    assert!(h.query_by_label_contains("Autosave is failing").is_none());
}

const CHILD_ENV: &str = "PBSM_RECOVERY_CHILD";

/// Not a test of its own: the child process of `a_window_killed_with_sigkill_...`. A window
/// that renames its project (unsaved), autosaves, says it is ready, and runs until killed.
#[test]
#[ignore = "runs only as the child process of the SIGKILL recovery test"]
fn child_window_runs_until_killed() {
    let Some(spec) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let spec = spec.to_string_lossy().into_owned();
    let (dir, name) = spec.split_once('|').unwrap();
    let dir = std::path::PathBuf::from(dir);
    let mut h = window_in(&dir);
    rename(&mut h, name);
    let slot = h.state().recovery_file().unwrap();
    assert_eq!(pbsm::io::load(&slot).unwrap().name, name);
    std::fs::write(dir.join(format!("{name}.ready")), "").unwrap();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
}

/// A child process that is killed when the test ends, however it ends.
struct Window(std::process::Child);

impl Window {
    fn kill_9(&mut self) {
        self.0.kill().unwrap();
        self.0.wait().unwrap();
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        if self.0.kill().is_ok() {
            self.0.wait().ok();
        }
    }
}

fn spawn_window(dir: &std::path::Path, name: &str) -> Window {
    let ready = dir.join(format!("{name}.ready"));
    let child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "child_window_runs_until_killed",
            "--exact",
            "--ignored",
            "--quiet",
        ])
        .env(CHILD_ENV, format!("{}|{name}", dir.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !ready.exists() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "window {name} never got ready"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    Window(child)
}

#[test]
fn a_window_killed_with_sigkill_gets_its_work_back_and_a_running_one_keeps_its_own() {
    let state = tempfile::tempdir().unwrap();
    let mut alpha = spawn_window(state.path(), "Alpha");
    let mut beta = spawn_window(state.path(), "Beta");
    assert_eq!(recovery_names(state.path()), ["Alpha", "Beta"]);

    // kill -9 Alpha; Beta runs on.
    alpha.kill_9();
    let mut h = window_in(state.path());
    assert_eq!(
        h.state().orphans().len(),
        1,
        "only the killed window's work"
    );
    h.get_by_label("“Alpha”");
    click(&mut h, "Restore");
    assert_eq!(h.state().project().name, "Alpha");
    assert_eq!(
        recovery_names(state.path()),
        ["Alpha", "Beta"],
        "Beta's work untouched"
    );

    // Now Beta is killed too: a new window offers Beta's work (Alpha's is held by `h`).
    beta.kill_9();
    let mut fresh = window_in(state.path());
    assert_eq!(fresh.state().orphans().len(), 1);
    fresh.get_by_label("“Beta”");
    click(&mut fresh, "Restore");
    assert_eq!(fresh.state().project().name, "Beta");
}

// ---------------------------------------------------------------------------------------------
// No long work on the UI thread.

/// A named pipe: reading it blocks until someone writes, so a load is "slow" for as long as
/// the test wants.
fn slow_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("slow.pbsm.ron");
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    path
}

/// Writes a project into the pipe (from a thread: opening a pipe to write waits for a reader).
fn feed(path: &std::path::Path, text: String) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    std::thread::spawn(move || std::fs::write(path, text).unwrap())
}

/// The first sample opening a slow file, a few frames into reading it.
fn opening_slowly(dir: &std::path::Path) -> (std::path::PathBuf, Harness<'static, Workbench>) {
    let path = slow_file(dir);
    let mut h = sample();
    h.state_mut().send(Command::OpenPath(path.clone()));
    // Frames go on while the file is read: the window is not frozen.
    for _ in 0..5 {
        h.step();
    }
    assert!(h.state().is_busy());
    (path, h)
}

#[test]
fn a_slow_file_opens_in_the_background_with_progress_and_the_window_keeps_drawing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = opening_slowly(dir.path());
    let before = h.state().project().clone();
    h.get_by_label_contains("Opening");
    h.get_by_label("Cancel");
    // Shortcuts wait: nothing may replace the project under the load.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.step();
    assert_eq!(*h.state().project(), before);

    let mut tourism = pbsm::io::SAMPLES[2].load().unwrap();
    tourism.name = "Arrived through a slow pipe".to_owned();
    let writer = feed(&path, pbsm::io::project_file::to_string(&tourism));
    settle(&mut h);
    writer.join().unwrap();
    assert!(!h.state().is_busy());
    assert_eq!(*h.state().project(), tourism);
    assert_eq!(h.state().path(), Some(path.as_path()));
}

#[test]
fn waiting_for_a_slow_file_can_be_cancelled_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = opening_slowly(dir.path());
    let before = h.state().project().clone();
    h.get_by_label("Cancel").click();
    h.step();
    assert!(!h.state().is_busy());
    assert_eq!(*h.state().project(), before);
    // Let the reading thread finish.
    feed(&path, String::new()).join().unwrap();
}

#[test]
fn a_refused_slow_file_says_why_and_keeps_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = slow_file(dir.path());
    let mut h = sample();
    let before = h.state().project().clone();
    h.state_mut().send(Command::OpenPath(path.clone()));
    h.step();
    let writer = feed(&path, "(version: 2, name: \"cut off".to_owned());
    settle(&mut h);
    writer.join().unwrap();
    h.get_by_label("The file was not opened");
    assert_eq!(*h.state().project(), before);
}

#[test]
fn the_decision_memo_is_written_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let memo = dir.path().join("memo.html");
    let mut app = Workbench::with_sample(0);
    // Many draws, run in the background as in the window: the memo does not wait on the UI
    // thread for a run of its own.
    app.project_mut().decision.draws = 200_000;
    app.set_background_analysis(true);
    let mut h = harness(app);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    // Not `enter_path`: its `run` would wait for a spinner that repaints until the memo is
    // written.
    h.get_by_label("File path").click();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&memo.display().to_string());
    h.key_press(Key::Enter);
    h.step();
    settle(&mut h);
    let html = std::fs::read_to_string(&memo).unwrap();
    assert!(
        html.contains("Share of 200,000 Monte Carlo draws"),
        "the project's draws"
    );
    assert!(h.state().status().contains("Decision memo written"));
}

#[test]
fn a_csv_with_thousands_of_bad_rows_gives_a_readable_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("scores.csv");
    let mut text = String::from("alternative,risk\n");
    for n in 0..5_000 {
        text.push_str(&format!(
            "Alternative {n},not a number {}\n",
            "x".repeat(200)
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let mut h = sample();
    let before = h.state().project().clone();
    h.state_mut().send(Command::ImportCsvFrom(csv));
    h.run();
    let Some(Dialog::Error(pbsm::app::dialogs::ErrorDialog { message, .. })) = h.state().dialog()
    else {
        panic!("an error is shown");
    };
    assert!(
        message.chars().count() < pbsm::app::workbench::MAX_MESSAGE_CHARS + 100,
        "{} characters",
        message.len()
    );
    assert!(message.contains("more characters)"));
    assert_eq!(*h.state().project(), before);
}

#[test]
fn saving_removes_temporary_files_that_killed_saves_left_long_ago() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pbsm.ron");
    let stale = dir.path().join(".plan.pbsm.ron.4242.tmp");
    std::fs::write(&stale, "half a proj").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    let mut h = sample();
    h.state_mut().send(Command::SaveTo(path.clone()));
    h.run();
    assert!(path.exists());
    assert!(!stale.exists());
}

#[test]
fn a_word_then_a_drag_are_two_undo_steps() {
    let mut h = empty_industry();
    for c in "Acme".chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.run();
    // Straight from typing to a slider, without leaving the field first.
    open_pane(&mut h, PaneKind::Foundation);
    let before = h.state().project().foundation.market_affinity;
    slider(&h, "Market affinity").increment_accesskit();
    h.run();
    h.run();
    assert_ne!(h.state().project().foundation.market_affinity, before);
    undo(&mut h);
    assert_eq!(h.state().project().foundation.market_affinity, before);
    assert_eq!(
        h.state().project().foundation.industry,
        "Acme",
        "the word stays"
    );
    assert_eq!(undo(&mut h), "");
}

#[test]
fn work_undone_back_to_the_saved_state_is_not_offered_as_a_crash() {
    let state = tempfile::tempdir().unwrap();
    let mut h = window_in(state.path());
    let recovery = h.state().recovery_file().unwrap();
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    h.run();
    assert!(recovery.exists());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.run();
    assert!(!h.state().is_dirty());
    assert!(!recovery.exists(), "clean again: nothing to recover");
    drop(h);
    assert!(window_in(state.path()).state().orphans().is_empty());
}

#[test]
fn a_file_that_arrives_after_the_project_changed_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = slow_file(dir.path());
    let mut h = sample();
    h.state_mut().send(Command::OpenPath(path.clone()));
    for _ in 0..3 {
        h.step();
    }
    assert!(h.state().is_busy());
    // Something edits the project while the file is read (as keys typed into a field behind
    // the progress dialog once could).
    h.state_mut().project_mut().name = "Edited while reading".to_owned();
    let writer = feed(
        &path,
        pbsm::io::project_file::to_string(&pbsm::io::SAMPLES[2].load().unwrap()),
    );
    settle(&mut h);
    writer.join().unwrap();
    assert_eq!(h.state().project().name, "Edited while reading");
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved(_))));
}

#[test]
fn a_recovery_slot_whose_lock_cannot_be_opened_is_passed_over() {
    let state = tempfile::tempdir().unwrap();
    // Slot 1's lock file is a folder: it cannot be opened for writing.
    std::fs::create_dir(state.path().join("recovery-1.lock")).unwrap();
    let mut h = window_in(state.path());
    let recovery = h.state().recovery_file().unwrap();
    assert!(
        recovery.ends_with("recovery-2.pbsm.ron"),
        "{}",
        recovery.display()
    );
    rename(&mut h, "Still kept aside");
    assert_eq!(pbsm::io::load(&recovery).unwrap().name, "Still kept aside");
}
