#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Bad project files are refused with the file, line and column and what was expected; saving
//! is atomic.

use pbsm::io::{self, LoadError, SAMPLES};
use std::path::{Path, PathBuf};

fn sample_text() -> &'static str {
    SAMPLES[0].text
}

/// The sample's text with the first `from` replaced by `to`; fails if the sample no longer
/// contains `from` (so a test cannot quietly go on testing the unchanged sample).
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the text no longer contains `{from}`");
    text.replacen(from, to, 1)
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Loads a file that must be refused; returns the message.
fn refused(path: &Path) -> String {
    match io::load(path) {
        Ok(_) => panic!("{} was accepted", path.display()),
        Err(e) => e.to_string(),
    }
}

/// Asserts the message starts with `file:line:col:`, with the line and column given.
fn assert_position(message: &str, path: &Path, line: usize, col: usize) {
    let prefix = format!("{}:{line}:{col}: ", path.display());
    assert!(
        message.starts_with(&prefix),
        "expected `{prefix}…`, got `{message}`"
    );
}

fn position(message: &str, path: &Path) -> (usize, usize) {
    let rest = message
        .strip_prefix(&format!("{}:", path.display()))
        .unwrap_or_else(|| panic!("no position in `{message}`"));
    let mut parts = rest.splitn(3, ':');
    let line = parts
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no line in `{message}`"));
    let col = parts
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no column in `{message}`"));
    (line, col)
}

#[test]
fn malformed_text_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.pbsm.ron",
        "(\n  version: 1,\n  name: \"x\" oops\n)",
    );
    let message = refused(&path);
    assert_position(&message, &path, 3, 13);
    assert!(message.contains("xpected"), "{message}");
}

#[test]
fn truncated_file_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_text();
    let cut = &text[..text.len() / 2];
    let path = write(dir.path(), "cut.pbsm.ron", cut);
    let message = refused(&path);
    let (line, _) = position(&message, &path);
    assert!(line >= cut.lines().count() - 1, "{message}");
    assert!(message.contains("truncated"), "{message}");
}

#[test]
fn a_file_cut_inside_a_text_points_at_the_unclosed_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "(\n  version: 1,\n  name: \"Half a na";
    let path = write(dir.path(), "cut-string.pbsm.ron", text);
    let message = refused(&path);
    assert_position(&message, &path, 3, 9);
    assert!(
        message.contains("never closed") && message.contains("truncated"),
        "{message}"
    );
}

#[test]
fn wrong_type_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        sample_text(),
        "day_rate_eur: 520.0",
        "day_rate_eur: \"a lot\"",
    );
    let path = write(dir.path(), "type.pbsm.ron", &text);
    let message = refused(&path);
    let line = text
        .lines()
        .position(|l| l.contains("day_rate_eur"))
        .unwrap()
        + 1;
    assert_eq!(position(&message, &path).0, line, "{message}");
    assert!(message.contains("xpected"), "{message}");
}

#[test]
fn unknown_field_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        sample_text(),
        "day_rate_eur: 520.0,",
        "day_rate_eur: 520.0,\n  colour: \"red\",",
    );
    let path = write(dir.path(), "unknown.pbsm.ron", &text);
    let message = refused(&path);
    let line = text.lines().position(|l| l.contains("colour")).unwrap() + 1;
    assert_eq!(position(&message, &path).0, line, "{message}");
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn duplicate_field_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        sample_text(),
        "day_rate_eur: 520.0,",
        "day_rate_eur: 520.0,\n  day_rate_eur: 600.0,",
    );
    let path = write(dir.path(), "dup.pbsm.ron", &text);
    let message = refused(&path);
    assert!(
        message.contains("duplicate field") && message.contains("day_rate_eur"),
        "{message}"
    );
    position(&message, &path);
}

#[test]
fn out_of_range_and_nan_scores_are_refused_naming_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        sample_text(),
        "competitive_quality: 8.0, risk: 6.0",
        "competitive_quality: 12.0, risk: NaN",
    );
    let path = write(dir.path(), "range.pbsm.ron", &text);
    let message = refused(&path);
    assert!(
        message.contains("alternative 1 \"Community first: the sourdough club\""),
        "{message}"
    );
    assert!(message.contains("competitive quality is 12"), "{message}");
    assert!(message.contains("risk is NaN"), "{message}");
}

#[test]
fn dangling_references_and_duplicate_ids_are_refused_naming_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        &edit(
            sample_text(),
            "(option: 9, priority: Medium)",
            "(option: 99, priority: Medium)",
        ),
        "(id: 2, name: \"Reach and recruit",
        "(id: 1, name: \"Reach and recruit",
    );
    let path = write(dir.path(), "refs.pbsm.ron", &text);
    let message = refused(&path);
    assert!(
        message.contains("refers to option 99, which does not exist"),
        "{message}"
    );
    assert!(
        message.contains("the id 1 is used by more than one alternative"),
        "{message}"
    );
}

#[test]
fn newer_version_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    // A future file may also have fields this build does not know: the version is what matters.
    let text = edit(
        &edit(sample_text(), "version: 2,", "version: 7,"),
        "day_rate_eur: 520.0,",
        "day_rate_eur: 520.0,\n  scenarios: [],",
    );
    let path = write(dir.path(), "future.pbsm.ron", &text);
    let message = refused(&path);
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("format version 7") && message.contains("newer"),
        "{message}"
    );
    let Err(LoadError::NewerVersion { found: 7, .. }) = io::load(&path) else {
        panic!("not a version error")
    };
}

#[test]
fn missing_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(sample_text(), "version: 2,", "");
    let path = write(dir.path(), "noversion.pbsm.ron", &text);
    let message = refused(&path);
    assert!(message.contains("version"), "{message}");
    position(&message, &path);
}

#[test]
fn deeply_nested_input_is_refused_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let text = format!(
        "(version: 1, name: {}{})",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let path = write(dir.path(), "deep.pbsm.ron", &text);
    let message = refused(&path);
    position(&message, &path);
}

#[test]
fn huge_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pbsm.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(io::project_file::MAX_FILE_BYTES + 1).unwrap();
    let message = refused(&path);
    assert!(message.contains("at most"), "{message}");
}

#[test]
fn binary_garbage_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"(\n  version: 1,\n  name: \"ab".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0x00]);
    let path = write(dir.path(), "binary.pbsm.ron", &bytes);
    let message = refused(&path);
    assert_position(&message, &path, 3, 12);
    assert!(message.contains("UTF-8"), "{message}");
}

#[test]
fn empty_and_missing_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.pbsm.ron", "");
    refused(&path);
    let missing = dir.path().join("missing.pbsm.ron");
    let message = refused(&missing);
    assert!(message.contains("cannot read"), "{message}");
}

#[test]
fn every_prefix_of_a_sample_is_refused_without_panicking() {
    // A crude fuzz over truncations: every cut must give an error, never a panic or a hang.
    let text = sample_text();
    let mut cut = 0;
    while cut < text.len() {
        if text.is_char_boundary(cut) {
            assert!(
                io::project_file::from_str(&text[..cut], "cut").is_err(),
                "prefix of {cut} bytes accepted"
            );
        }
        cut += 97;
    }
}

#[test]
fn save_replaces_the_file_atomically_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pbsm.ron");
    let mut project = SAMPLES[0].load().unwrap();
    io::save(&project, &path).unwrap();
    project.name = "Changed".into();
    io::save(&project, &path).unwrap();
    assert_eq!(io::load(&path).unwrap().name, "Changed");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "left behind: {names:?}");
}

#[test]
fn a_save_interrupted_before_the_rename_leaves_the_old_file_intact() {
    // Simulates a crash between writing the temporary file and renaming it: the target must
    // still hold the old, complete project, and the next save must succeed.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pbsm.ron");
    let project = SAMPLES[1].load().unwrap();
    io::save(&project, &path).unwrap();
    let temp = io::project_file::temporary_path(&path);
    let half = io::project_file::to_string(&SAMPLES[2].load().unwrap());
    std::fs::write(&temp, &half[..half.len() / 2]).unwrap();
    assert_eq!(io::load(&path).unwrap(), project);
    io::save(&SAMPLES[2].load().unwrap(), &path).unwrap();
    assert_eq!(io::load(&path).unwrap(), SAMPLES[2].load().unwrap());
    assert!(!temp.exists());
}

/// The environment variable that tells [`child_saves_until_killed`] where to save.
const KILL_TEST_FILE: &str = "PBSM_KILL_TEST_FILE";

/// The file the child creates once it has saved for the first time.
fn ready_marker(path: &Path) -> PathBuf {
    path.with_extension("ready")
}

/// Not a test of its own: the child process of
/// `a_process_killed_while_saving_leaves_the_old_or_the_new_file`. It saves two different
/// projects over the same file, one after the other, until it is killed.
#[test]
#[ignore = "runs only as the child process of the kill test"]
fn child_saves_until_killed() {
    let Some(path) = std::env::var_os(KILL_TEST_FILE).map(PathBuf::from) else {
        return;
    };
    // Large enough (about 1.5 MB) that a kill often lands inside the write. The texts are
    // made once (saving is `to_string` then `write_atomic`), so the child spends its time
    // writing and renaming, where a kill can do harm.
    let mut project =
        pbsm::model::stress::stress_project(pbsm::model::stress::StressSize::BENCHMARK);
    let texts: Vec<String> = (0..2)
        .map(|n| {
            project.name = format!("Saved {n}");
            io::project_file::to_string(&project)
        })
        .collect();
    io::project_file::write_atomic(&path, &texts[0]).unwrap();
    // Tell the parent that the saving has begun.
    std::fs::write(ready_marker(&path), "").unwrap();
    for n in 1usize.. {
        io::project_file::write_atomic(&path, &texts[n % 2]).unwrap();
    }
}

#[test]
fn a_process_killed_while_saving_leaves_the_old_or_the_new_file() {
    // A real process, killed (SIGKILL on Unix) at varying moments while it saves over and over:
    // the file must always be one complete project, never a mix or a torn write. Kills that
    // land between writing the temporary file and the rename leave that temporary file behind;
    // the test goes on until it has seen at least one of those.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.pbsm.ron");
    let exe = std::env::current_exe().unwrap();
    let mut torn_writes_seen = 0;
    let mut rounds = 0;
    while rounds < 40 && (rounds < 4 || torn_writes_seen == 0) {
        rounds += 1;
        let ready = ready_marker(&path);
        let _ = std::fs::remove_file(&ready);
        let mut child = std::process::Command::new(&exe)
            .args([
                "child_saves_until_killed",
                "--exact",
                "--ignored",
                "--quiet",
            ])
            .env(KILL_TEST_FILE, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the first complete save, then let it run a varying while.
        let started = std::time::Instant::now();
        while !ready.exists() && started.elapsed() < std::time::Duration::from_secs(60) {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        std::thread::sleep(std::time::Duration::from_millis(20 + 13 * (rounds % 7)));
        child.kill().unwrap();
        child.wait().unwrap();
        let project = io::load(&path)
            .unwrap_or_else(|e| panic!("after a kill in round {rounds} the file is broken: {e}"));
        assert!(
            project.name == "Saved 0" || project.name == "Saved 1",
            "{}",
            project.name
        );
        let temporary: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p != &path && p != &ready)
            .collect();
        torn_writes_seen += temporary.len();
        for t in temporary {
            std::fs::remove_file(t).unwrap();
        }
    }
    assert!(
        torn_writes_seen > 0,
        "no kill landed inside a write in {rounds} rounds"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/p.pbsm.ron");
    let err = io::save(&SAMPLES[0].load().unwrap(), &path).unwrap_err();
    assert!(err.to_string().contains("no/such/folder"), "{err}");
}

/// The frozen files of older format versions, with the version each was written in. A format
/// change never edits these: it adds a step to `io::migrate` and a fixture of the new version.
const FIXTURES: &[(u32, &str)] = &[
    (1, "tests/fixtures/v1/machine-builder.pbsm.ron"),
    (2, "tests/fixtures/v2/bakery.pbsm.ron"),
];

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn stored_files_of_every_older_version_open_upgraded() {
    let current = pbsm::model::CURRENT_VERSION;
    for version in 1..=current {
        assert!(
            FIXTURES.iter().any(|(v, _)| *v == version),
            "format version {version} has no frozen fixture"
        );
    }
    for (version, path) in FIXTURES {
        let path = fixture(path);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&format!("version: {version},")),
            "{} is a version {version} file",
            path.display()
        );
        let loaded = io::load_reporting(&path).unwrap();
        assert_eq!(loaded.project.version, current);
        if *version < current {
            assert_eq!(loaded.upgraded_from, Some(*version));
            let notice = loaded.upgrade_notice().unwrap();
            assert!(
                notice.contains(&format!("from format version {version} (since then: "))
                    && notice.contains(&format!("writes version {current}")),
                "{notice}"
            );
        } else {
            assert_eq!(loaded.upgraded_from, None);
            assert_eq!(loaded.upgrade_notice(), None);
        }
        // Saved again, it is written in the current format and reads back unchanged.
        let again = io::project_file::to_string(&loaded.project);
        assert!(again.contains(&format!("version: {current},")));
        assert!(again.contains(&format!("format version {current}\n")));
        assert_eq!(
            io::project_file::from_str(&again, "again").unwrap(),
            loaded.project
        );
    }
}

#[test]
fn a_version_1_file_opens_with_its_content_and_no_votes() {
    let project = io::load(&fixture(FIXTURES[0].1)).unwrap();
    assert_eq!(project.alternatives.len(), 3);
    assert!(
        project
            .alternatives
            .iter()
            .any(|a| a.name == "Engineers recruit engineers")
    );
    assert!(project.votes.is_empty());
}

#[test]
fn the_version_2_fixture_keeps_its_votes() {
    let project = io::load(&fixture(FIXTURES[1].1)).unwrap();
    assert_eq!(project.votes.len(), 2);
    let round = &project.votes[1];
    assert_eq!(round.date.to_string(), "2026-03-17");
    assert_eq!(round.ballots.len(), 7);
    assert_eq!(
        round.tally_of(pbsm::model::VoteTarget::Alternative(
            pbsm::model::AlternativeId(1)
        )),
        11
    );
}
