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
        "competitive_quality: 8.5, risk: 7.0",
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
        &edit(sample_text(), "version: 4,", "version: 7,"),
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
    let text = edit(sample_text(), "version: 4,", "");
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

// Hostile files: refused quickly, with short and honest messages.

/// The message's `file:line:col: ` prefix must be followed by at most a short text.
fn assert_short(message: &str) {
    assert!(
        message.chars().count() < 600,
        "a message of {} characters: {}…",
        message.chars().count(),
        message.chars().take(300).collect::<String>()
    );
}

#[test]
fn a_file_of_only_one_letter_is_refused_with_a_short_excerpt_and_no_truncation_guess() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "x.pbsm.ron", "x".repeat(2_000_000));
    let message = refused(&path);
    assert_short(&message);
    assert_position(&message, &path, 1, 1);
    assert!(
        message.contains(&format!("{}…", "x".repeat(80))),
        "quotes an excerpt of 80 characters: {message}"
    );
    assert!(!message.contains(&"x".repeat(81)), "{message}");
    assert!(!message.contains("truncated"), "{message}");
}

#[test]
fn huge_tokens_anywhere_give_short_messages() {
    let sample = sample_text();
    let long = |c: &str| c.repeat(300_000);
    let cases = [
        // An unknown field with a huge name.
        edit(
            sample,
            "day_rate_eur: 520.0,",
            &format!("day_rate_eur: 520.0, {}: 1,", long("f")),
        ),
        // An unknown enum variant.
        edit(
            sample,
            "block: ValueProposition",
            &format!("block: V{}", long("v")),
        ),
        // A huge text where a number belongs.
        edit(
            sample,
            "day_rate_eur: 520.0",
            &format!("day_rate_eur: \"{}\"", long("a")),
        ),
        // A huge date.
        edit(
            sample,
            "baseline_date: \"2026-03-31\"",
            &format!("baseline_date: \"2026-03-31{}\"", long("9")),
        ),
        // A huge identifier where a text belongs, running to the end of the file.
        format!("(version: 2, name: {}", long("n")),
        // A huge name that is not an identifier.
        format!("(version: 2, {}: 1)", long("a-b")),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (n, text) in cases.iter().enumerate() {
        let path = write(dir.path(), &format!("huge-{n}.pbsm.ron"), text);
        let message = refused(&path);
        assert_short(&message);
        position(&message, &path);
        assert!(
            !message.contains("invalid identifier"),
            "case {n}: {message}"
        );
    }
}

#[test]
fn deep_nesting_is_refused_with_a_message_for_people_not_programmers() {
    let dir = tempfile::tempdir().unwrap();
    // No version before the nesting: the loader reads the whole file for one, and the
    // recursion limit stops it early in the brackets.
    let text = format!("(name: {}", "[".repeat(2_000_000));
    let path = write(dir.path(), "deep.pbsm.ron", &text);
    let message = refused(&path);
    assert_short(&message);
    let (line, col) = position(&message, &path);
    assert!(line == 1 && (8..8 + 64).contains(&col), "{message}");
    assert!(message.contains("nest too deeply"), "{message}");
    assert!(!message.contains("serde_stacker"), "{message}");
}

#[test]
fn truncated_is_said_only_when_the_file_really_ends_early() {
    let dir = tempfile::tempdir().unwrap();
    // Cut after a comma, with trailing whitespace and a comment: really truncated.
    let cut = "(\n  version: 2,\n  name: \"A\",   \n  // more to come\n";
    let path = write(dir.path(), "cut.pbsm.ron", cut);
    let message = refused(&path);
    assert!(message.contains("truncated"), "{message}");
    // Ends inside a block comment: truncated too.
    let path = write(dir.path(), "comment.pbsm.ron", "(version: 2, /* the rest");
    let message = refused(&path);
    assert!(message.contains("truncated"), "{message}");
    // A wrong token that happens to run to the end of the file: not truncated.
    let garbage = "(\n  version: 2,\n  name: \"A\",\n  summary: garbage_garbage_garbage";
    let path = write(dir.path(), "garbage.pbsm.ron", garbage);
    let message = refused(&path);
    assert_eq!(position(&message, &path).0, 4, "{message}");
    assert!(!message.contains("truncated"), "{message}");
    // Only whitespace and comments: says so.
    let path = write(
        dir.path(),
        "blank.pbsm.ron",
        " \n\t// nothing\n/* here */\n",
    );
    let message = refused(&path);
    assert!(message.contains("no project"), "{message}");
}

#[test]
fn a_file_over_the_limit_is_refused_with_its_size_in_human_units() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pbsm.ron");
    let file = std::fs::File::create(&path).unwrap();
    // 70.2 MB in units of 1,048,576 bytes, like the limit of 64 MB.
    file.set_len(73_610_035).unwrap();
    assert_eq!(
        refused(&path),
        format!(
            "{}: the file is 70.2 MB; a project file is at most 64 MB",
            path.display()
        )
    );
    // Just over the limit: the exact count, so the two sizes do not read alike.
    file.set_len(io::project_file::MAX_FILE_BYTES + 1).unwrap();
    let message = refused(&path);
    assert!(
        message.contains("the file is 64.0 MB (67108865 bytes); a project file is at most 64 MB"),
        "{message}"
    );
}

/// Line and column (from 1, columns in characters) of the byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The position of `needle` in `text`, found after `anchor` (which must occur once),
/// as `file:line:col`.
fn where_is(path: &Path, text: &str, anchor: &str, needle: &str) -> String {
    assert_eq!(text.matches(anchor).count(), 1, "`{anchor}` occurs once");
    let from = text.find(anchor).unwrap();
    let offset = from + text[from..].find(needle).unwrap();
    let (line, col) = line_col(text, offset);
    format!("{}:{line}:{col}", path.display())
}

#[test]
fn validation_findings_name_the_line_and_column_of_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        &edit(
            &edit(
                &edit(
                    sample_text(),
                    "competitive_quality: 8.5, risk: 7.0",
                    "competitive_quality: 12.0, risk: NaN",
                ),
                "(option: 9, priority: Medium)",
                "(option: 99, priority: Medium)",
            ),
            "(id: 2, name: \"Reach and recruit",
            "(id: 1, name: \"Reach and recruit",
        ),
        "(id: 2, name: \"Risk\", direction: Cost, weight: 0.2,",
        "(id: 2, name: \"Risk\", direction: Cost, weight: 0.25,",
    );
    let path = write(dir.path(), "invalid.pbsm.ron", &text);
    let message = refused(&path);
    let alternative = "alternative 1 \"Community first: the sourdough club\"";
    let expected = [
        format!(
            "{}: {alternative}: competitive quality is 12, expected a number from 0 to 10",
            where_is(&path, &text, "competitive_quality: 12.0, risk: NaN", "12.0")
        ),
        format!(
            "{}: {alternative}: risk is NaN, expected a number from 0 to 10",
            where_is(&path, &text, "competitive_quality: 12.0, risk: NaN", "NaN")
        ),
        format!(
            "{}: alternative 1: the id 1 is used by more than one alternative",
            where_is(&path, &text, "(id: 1, name: \"Reach and recruit", "1,")
        ),
        format!(
            "{}: decision: the criteria's weights sum to 1.05, expected 1",
            where_is(
                &path,
                &text,
                "criteria: [\n      (id: 1, name: \"Competitive",
                "["
            )
        ),
    ];
    for line in &expected {
        assert!(
            message.contains(line.as_str()),
            "expected `{line}` in\n{message}"
        );
    }
    let dangling = where_is(&path, &text, "(option: 99, priority: Medium)", "99");
    assert!(
        message
            .lines()
            .any(|l| l.starts_with(&format!("  - {dangling}: alternative "))
                && l.ends_with("refers to option 99, which does not exist")),
        "{message}"
    );
}

#[test]
fn findings_inside_some_and_enum_variants_point_at_the_value_inside() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        &edit(sample_text(), "cause: Some(Kpi(2))", "cause: Some(Kpi(88))"),
        "arena: UsageFormat(4)",
        "arena: UsageFormat(44)",
    );
    let path = write(dir.path(), "some.pbsm.ron", &text);
    let message = refused(&path);
    let cause = where_is(&path, &text, "Some(Kpi(88))", "Kpi(88)");
    assert!(
        message
            .lines()
            .any(|l| l.starts_with(&format!("  - {cause}: adaptation "))
                && l.ends_with("refers to KPI 88, which does not exist")),
        "{message}"
    );
    let arena = where_is(&path, &text, "arena: UsageFormat(44)", "UsageFormat(44)");
    assert!(
        message
            .lines()
            .any(|l| l.starts_with(&format!("  - {arena}: "))
                && l.ends_with("rates usage format 44, which does not exist")),
        "{message}"
    );
}

#[test]
fn numbers_in_findings_are_compact() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        &edit(
            sample_text(),
            "competitive_quality: 8.5, risk: 7.0",
            "competitive_quality: 3e300, risk: -0.0000001",
        ),
        "day_rate_eur: 520.0",
        "day_rate_eur: -7.5",
    );
    let path = write(dir.path(), "numbers.pbsm.ron", &text);
    let message = refused(&path);
    for expected in [
        "competitive quality is 3e300,",
        "risk is -1e-7,",
        "the day rate is -7.5,",
    ] {
        assert!(message.contains(expected), "`{expected}` in\n{message}");
    }
    assert!(!message.contains("000000"), "{message}");
}

#[test]
fn an_invalid_project_lists_at_most_twenty_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = SAMPLES[0].load().unwrap();
    for n in 0..50 {
        let mut kpi = project.management.kpis[0].clone();
        kpi.id = pbsm::model::KpiId(1000 + n);
        kpi.baseline = f64::NAN;
        project.management.kpis.push(kpi);
    }
    let text = io::project_file::to_string(&project);
    let path = write(dir.path(), "many.pbsm.ron", &text);
    let message = refused(&path);
    assert_eq!(
        message.lines().filter(|l| l.starts_with("  - ")).count(),
        20
    );
    assert!(message.ends_with("  … and 30 more problems"), "{message}");
}

/// A value of the project as JSON, by a finding's path (`Some` is transparent in JSON too).
fn json_at<'v>(
    value: &'v serde_json::Value,
    path: &pbsm::model::validate::ValuePath,
) -> Option<&'v serde_json::Value> {
    use pbsm::model::validate::PathSegment;
    path.segments()
        .iter()
        .try_fold(value, |value, segment| match segment {
            PathSegment::Field(name) => value.get(*name),
            PathSegment::Index(index) => value.get(*index),
        })
}

#[test]
fn every_kind_of_finding_is_located_at_its_value_in_the_saved_file() {
    use pbsm::model::*;
    let mut p = SAMPLES[0].load().unwrap();
    let nan = f64::NAN;
    p.day_rate_eur = -1.0;
    p.foundation.market_affinity = pbsm::model::Score::new(11.0);
    p.foundation.modules[1].id = p.foundation.modules[0].id;
    p.foundation.goals[1].id = p.foundation.goals[0].id;
    let goal = &mut p.foundation.goals[2];
    goal.set_strength(p.benefits[0].id, LinkStrength::Strong);
    goal.set_strength(BenefitId(99), LinkStrength::Weak);
    goal.benefits.push(goal.benefits[0]);
    goal.set_measured_by(KpiId(99), true);
    p.foundation.topics[1].id = p.foundation.topics[0].id;
    p.foundation.topics[2].affinity = pbsm::model::Score::new(nan);
    let pot = &mut p.potential;
    pot.usage_formats[1].id = pot.usage_formats[0].id;
    pot.usage_formats[2].competitive_quality = pbsm::model::Score::new(11.0);
    pot.impact_formats[1].id = pot.impact_formats[0].id;
    pot.impact_formats[2].relevance = pbsm::model::Score::new(-1.0);
    pot.module_potentials[1].id = pot.module_potentials[0].id;
    pot.module_potentials[2].strength = pbsm::model::Score::new(11.0);
    pot.module_potentials[2].module = Some(ModuleId(99));
    pot.user_benefits[1].id = pot.user_benefits[0].id;
    pot.user_benefits[2].strength = pbsm::model::Score::new(11.0);
    pot.user_benefits[2].topic = Some(TopicId(99));
    p.benefits[1].id = p.benefits[0].id;
    p.benefits[2].relevance = pbsm::model::Score::new(11.0);
    p.benefits[2].module = ModuleId(99);
    let ghost = ArenaScore {
        arena: Arena::Topic(TopicId(99)),
        score: 11.0,
    };
    p.competition.our_strength.extend([ghost, ghost]);
    p.competition.competitors[1].id = p.competition.competitors[0].id;
    p.competition.competitors[2].strength.push(ghost);
    p.options[1].id = p.options[0].id;
    let o = &mut p.options[2];
    o.relevance = pbsm::model::Score::new(11.0);
    o.topic = Some(TopicId(99));
    o.user_benefit = Some(UserBenefitId(99));
    o.usage_format = Some(UsageFormatId(99));
    o.benefits.push(BenefitId(99));
    let d = &mut p.decision;
    d.criteria[4].id = d.criteria[3].id;
    d.criteria[2].weight = 2.0;
    d.criteria.push(Criterion {
        id: CriterionId(50),
        name: "Own".into(),
        direction: Direction::Benefit,
        weight: 0.0,
        measure: CriterionMeasure::Custom,
    });
    let judgment = Judgment {
        a: CriterionId(98),
        b: CriterionId(98),
        value: 20.0,
    };
    d.judgments.extend([judgment, judgment]);
    d.scenarios.push(WeightScenario {
        name: "Odd".into(),
        weights: vec![(CriterionId(97), -1.0)],
    });
    d.budget = Some(Budget {
        eur: -1.0,
        person_days: nan,
    });
    d.draws = 0;
    p.alternatives[1].id = p.alternatives[0].id;
    let a = &mut p.alternatives[2];
    a.competitive_quality = pbsm::model::Score::new(11.0);
    a.risk = pbsm::model::Score::new(nan);
    a.goal_contribution = pbsm::model::Score::new(-1.0);
    a.strategic_quality = pbsm::model::Score::new(f64::INFINITY);
    a.budget_eur = -1.0;
    a.effort_person_days = nan;
    a.custom_scores = vec![
        CustomScore {
            criterion: CriterionId(50),
            score: 11.0,
        },
        CustomScore {
            criterion: CriterionId(3),
            score: 5.0,
        },
        CustomScore {
            criterion: CriterionId(96),
            score: 5.0,
        },
    ];
    a.ranges = vec![
        ScoreRange {
            criterion: CriterionId(95),
            low: 0.0,
            high: 1.0,
        },
        ScoreRange {
            criterion: CriterionId(3),
            low: -1.0,
            high: 1.0,
        },
        ScoreRange {
            criterion: CriterionId(2),
            low: 0.0,
            high: 0.5,
        },
    ];
    let statement = Statement {
        component: Component::UserBenefit,
        text: "twice".into(),
    };
    a.statements = vec![statement.clone(), statement];
    let bundled = BundledOption {
        option: OptionId(99),
        priority: Priority::default(),
    };
    a.options.extend([bundled, bundled]);
    let m = &mut p.management;
    m.health.behind = 3.0;
    m.kpis[1].id = m.kpis[0].id;
    let k = &mut m.kpis[2];
    k.baseline = nan;
    k.target = f64::INFINITY;
    k.target_date = k.baseline_date;
    k.actuals.push(Actual(k.baseline_date, nan));
    k.alternative = Some(AlternativeId(99));
    k.option = Some(OptionId(99));
    k.benefit = Some(BenefitId(99));
    m.assumptions[1].id = m.assumptions[0].id;
    m.assumptions[2].trigger = Some(Trigger {
        kpi: KpiId(99),
        condition: TriggerCondition::Below,
        threshold: nan,
        by: None,
        effect: AssumptionStatus::Holds,
    });
    m.assumptions[2].alternatives.push(AlternativeId(99));
    m.adaptations[0].cause = Some(Cause::Kpi(KpiId(99)));
    m.adaptations[1].cause = Some(Cause::Assumption(AssumptionId(99)));
    m.measures[1].id = m.measures[0].id;
    m.measures[2].option = Some(OptionId(99));
    // The bakery's dot round on alternatives (its pairwise and ranking rounds hold no ballots).
    let dots = p
        .votes
        .iter()
        .position(|r| {
            r.kind == pbsm::model::room::RoundKind::Dots
                && r.subject == pbsm::model::VoteSubject::Alternatives
        })
        .unwrap();
    p.votes[dots].id = p.votes[0].id;
    let round = &mut p.votes[0];
    round.dots_each = 0;
    round.ballots[0].dots = vec![
        Dots {
            on: VoteTarget::Alternative(AlternativeId(1)),
            count: 1,
        },
        Dots {
            on: VoteTarget::Option(OptionId(99)),
            count: 0,
        },
        Dots {
            on: VoteTarget::Option(OptionId(99)),
            count: 1,
        },
    ];
    let round = &mut p.votes[dots];
    while round.ballots.len() <= voting::MAX_PARTICIPANTS {
        let ballot = round.ballots[0].clone();
        round.ballots.push(ballot);
    }

    let findings = validate(&p);
    let text = io::project_file::to_string(&p);
    let json = serde_json::to_value(&p).unwrap();
    let mut kinds = std::collections::HashSet::new();
    for finding in &findings {
        let offset = io::ron_scan::locate(&text, &finding.path)
            .unwrap_or_else(|| panic!("{finding} at {} not found", finding.path));
        let value = json_at(&json, &finding.path)
            .unwrap_or_else(|| panic!("{finding}: no {} in the project", finding.path));
        // A number must be found as itself (non-finite ones are null in JSON).
        let token: String = text[offset..]
            .chars()
            .take_while(|c| !matches!(c, ',' | ')' | ']' | ' ' | '\n'))
            .collect();
        match value {
            serde_json::Value::Number(n) => {
                assert_eq!(
                    token.parse::<f64>().ok(),
                    n.as_f64(),
                    "{finding}: `{token}`"
                )
            }
            serde_json::Value::Null => assert!(
                ["NaN", "inf", "-inf"].contains(&token.as_str()),
                "{finding}: `{token}`"
            ),
            _ => {}
        }
        // Findings of one kind differ only in their numbers.
        kinds.insert(
            finding
                .message
                .split(|c: char| c.is_ascii_digit())
                .next()
                .unwrap()
                .to_owned(),
        );
    }
    assert!(findings.len() >= 70, "{} findings", findings.len());
    assert!(kinds.len() >= 30, "{} kinds: {kinds:?}", kinds.len());
}

#[test]
fn a_newer_file_is_recognised_even_with_syntax_this_build_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "// written by a future workbench\n#![enable(implicit_some)]\nProject(version: 9, layers: <<new syntax>>)";
    let path = write(dir.path(), "future.pbsm.ron", text);
    let Err(LoadError::NewerVersion { found: 9, .. }) = io::load(&path) else {
        panic!("not a version error: {}", refused(&path))
    };
}

#[test]
fn goal_and_kpi_links_are_saved_loaded_and_checked() {
    use pbsm::model::{BenefitId, KpiId, LinkStrength};
    let mut p = SAMPLES[0].load().unwrap();
    // The sample links every goal to benefits and KPIs, and some KPIs to a benefit: the links
    // survive a save and load.
    assert!(
        p.foundation
            .goals
            .iter()
            .all(|g| !g.benefits.is_empty() && !g.kpis.is_empty())
    );
    assert!(p.management.kpis.iter().any(|k| k.benefit.is_some()));
    let text = io::project_file::to_string(&p);
    assert_eq!(io::project_file::from_str(&text, "links").unwrap(), p);
    // Without links, then with one goal linked: only that link is written.
    for g in &mut p.foundation.goals {
        g.benefits.clear();
        g.kpis.clear();
    }
    for k in &mut p.management.kpis {
        k.benefit = None;
    }
    let goal = &mut p.foundation.goals[2];
    goal.set_strength(BenefitId(4), LinkStrength::Strong);
    goal.set_measured_by(KpiId(4), true);
    p.management.kpis[3].benefit = Some(BenefitId(4));
    let text = io::project_file::to_string(&p);
    assert!(text.contains("(benefit: 4, strength: Strong)"), "{text}");
    assert_eq!(io::project_file::from_str(&text, "links").unwrap(), p);
    // Unlinked goals and KPIs write nothing new: the file reads as before.
    assert_eq!(text.matches("strength: Strong").count(), 1);

    // A link to a benefit that does not exist is refused at its place in the file.
    let dir = tempfile::tempdir().unwrap();
    let bad = text.replacen(
        "(benefit: 4, strength: Strong)",
        "(benefit: 44, strength: Strong)",
        1,
    );
    let path = write(dir.path(), "links.pbsm.ron", &bad);
    let message = refused(&path);
    assert!(
        message.contains("refers to benefit 44, which does not exist"),
        "{message}"
    );
    let offset = bad.find("benefit: 44").unwrap() + "benefit: ".len();
    let (line, col) = line_col(&bad, offset);
    let at = format!("{}:{line}:{col}: goal 3 \"Cut unsold goods", path.display());
    assert!(message.contains(&at), "expected `{at}` in `{message}`");
}

#[test]
fn a_file_cut_inside_a_field_name_is_called_truncated() {
    let dir = tempfile::tempdir().unwrap();
    // Cut inside "name" of the second field: the parser reads "na" and wants a colon.
    let path = write(dir.path(), "cut-name.pbsm.ron", "(\n  version: 3,\n  na");
    let message = refused(&path);
    assert_position(&message, &path, 3, 3);
    assert!(message.contains("truncated"), "{message}");
}

#[test]
fn dated_ratings_round_trip_and_a_misdated_one_is_refused_at_its_place() {
    use pbsm::model::{Date, Side};
    let mut p = SAMPLES[0].load().unwrap();
    // The bakery as a file from before dated ratings holds it (the sample re-rated one).
    p.competition.our_rated = None;
    p.competition.our_history.clear();
    for c in &mut p.competition.competitors {
        c.rated = None;
        c.history.clear();
    }
    // A file without dated ratings is written without them (as files were before).
    let plain = io::project_file::to_string(&p);
    assert!(!plain.contains("rated:") && !plain.contains("history:"));
    let kornkammer = p.competition.competitors[0].id;
    p.competition
        .rerate(Side::Competitor(kornkammer), Date::new(2026, 3, 1).unwrap());
    p.competition.rerate(
        Side::Competitor(kornkammer),
        Date::new(2026, 9, 30).unwrap(),
    );
    p.competition
        .rerate(Side::Us, Date::new(2026, 9, 30).unwrap());
    let text = io::project_file::to_string(&p);
    assert!(text.contains("rated: Some(\"2026-09-30\")"), "{text}");
    assert!(text.contains("our_rated: Some(\"2026-09-30\")"), "{text}");
    assert!(
        text.contains("(date: Some(\"2026-03-01\"), strength: ["),
        "{text}"
    );
    assert_eq!(io::project_file::from_str(&text, "dated").unwrap(), p);

    // An earlier rating dated after the current one.
    let dir = tempfile::tempdir().unwrap();
    let text = edit(
        &text,
        "(date: Some(\"2026-03-01\")",
        "(date: Some(\"2026-10-01\")",
    );
    let path = write(dir.path(), "misdated.pbsm.ron", &text);
    let message = refused(&path);
    assert!(
        message.contains(
            "keeps the rating of 2026-10-01 as an earlier rating, but it is not before the current rating of 2026-09-30"
        ),
        "{message}"
    );
    let place = where_is(
        &path,
        &text,
        "(date: Some(\"2026-10-01\")",
        "\"2026-10-01\"",
    );
    assert!(message.contains(&place), "expected {place} in {message}");
}
