#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The command line: `check` prints a summary for valid files and exits 2 for invalid ones.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pbsm-workbench"))
}

fn samples() -> Vec<std::path::PathBuf> {
    pbsm::io::SAMPLES
        .iter()
        .map(|s| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples")
                .join(s.file_name)
        })
        .collect()
}

#[test]
fn check_accepts_the_samples_with_a_summary_line_each() {
    let out = bin().arg("check").args(samples()).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), samples().len(), "{stdout}");
    assert!(
        stdout
            .lines()
            .all(|l| l.contains(": ok: ") && l.contains("alternatives")),
        "{stdout}"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn check_exits_2_with_the_position_on_stderr_for_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.pbsm.ron");
    std::fs::write(&bad, "(\n  version: 1,\n  name: 5,\n)").unwrap();
    let out = bin()
        .arg("check")
        .arg(&samples()[0])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("{}:3:", bad.display())),
        "{stderr}"
    );
    // The valid file is still reported.
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn check_exits_2_for_a_missing_file() {
    let out = bin()
        .args(["check", "/no/such/file.pbsm.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.pbsm.ron"));
}

#[test]
fn check_without_files_is_a_usage_error() {
    let out = bin().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .to_lowercase()
            .contains("usage")
    );
}
