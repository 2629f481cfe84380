//! Recovery of unsaved work: the open project is written to a recovery file in the user's state
//! folder (never over the user's own file), and offered back after a crash.

use super::project_file::{self, LoadError, SaveError};
use crate::model::{Date, Project};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The recovery file's name inside the recovery folder.
pub const FILE_NAME: &str = "recovery.pbsm.ron";

const ORIGINAL_MARK: &str = "// original file: ";

/// The default folder for recovery files: `$XDG_STATE_HOME/pbsm-workbench`, else
/// `~/.local/state/pbsm-workbench`, else the temporary folder.
pub fn default_dir() -> PathBuf {
    std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("state")))
        .unwrap_or_else(std::env::temp_dir)
        .join("pbsm-workbench")
}

/// Writes the recovery file (atomically), remembering the project's own file, if any.
pub fn write(dir: &Path, project: &Project, original: Option<&Path>) -> Result<(), SaveError> {
    std::fs::create_dir_all(dir).map_err(|error| SaveError {
        path: dir.display().to_string(),
        error,
    })?;
    let original = original.map_or_else(String::new, |p| p.display().to_string());
    let text = format!(
        "{ORIGINAL_MARK}{original}\n{}",
        project_file::to_string(project)
    );
    project_file::write_atomic(&dir.join(FILE_NAME), &text)
}

/// A recovery file found at start.
#[derive(Debug)]
pub struct Recovered {
    /// The project as it was last autosaved.
    pub project: Project,
    /// The project's own file, if it had one.
    pub original: Option<PathBuf>,
    /// When it was written, for people ("2026-11-23 14:05 UTC").
    pub saved_at: String,
}

/// The recovery file in `dir`, if there is one. A recovery file that cannot be read is an error
/// (it is left in place so nothing is lost).
pub fn find(dir: &Path) -> Option<Result<Recovered, LoadError>> {
    let path = dir.join(FILE_NAME);
    let modified = std::fs::metadata(&path).ok()?.modified().ok();
    Some(project_file::load(&path).map(|project| {
        let original = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| t.lines().next().map(str::to_owned))
            .and_then(|line| line.strip_prefix(ORIGINAL_MARK).map(str::to_owned))
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
        Recovered {
            project,
            original,
            saved_at: modified.map_or_else(|| "an unknown time".to_owned(), format_time),
        }
    }))
}

/// Removes the recovery file (after a save, or when the user discards the changes).
pub fn clear(dir: &Path) {
    // Nothing to do when there is none.
    let _ = std::fs::remove_file(dir.join(FILE_NAME));
}

/// A time as "YYYY-MM-DD HH:MM UTC".
pub fn format_time(time: SystemTime) -> String {
    let seconds = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let date = Date::from_days_since_epoch(days).map_or_else(|| "?".to_owned(), |d| d.to_string());
    let rest = seconds % 86_400;
    format!("{date} {:02}:{:02} UTC", rest / 3_600, rest % 3_600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_file_round_trips_with_its_original_path() {
        let dir = tempfile::tempdir().unwrap();
        assert!(find(dir.path()).is_none());
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        p.name = "Edited".into();
        write(dir.path(), &p, Some(Path::new("/home/x/plan.pbsm.ron"))).unwrap();
        let r = find(dir.path()).unwrap().unwrap();
        assert_eq!(r.project, p);
        assert_eq!(
            r.original.as_deref(),
            Some(Path::new("/home/x/plan.pbsm.ron"))
        );
        assert!(r.saved_at.ends_with("UTC"));
        clear(dir.path());
        assert!(find(dir.path()).is_none());
        write(dir.path(), &p, None).unwrap();
        assert_eq!(find(dir.path()).unwrap().unwrap().original, None);
    }

    #[test]
    fn a_broken_recovery_file_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "(version: 1, name: ").unwrap();
        assert!(find(dir.path()).unwrap().is_err());
        assert!(dir.path().join(FILE_NAME).exists());
    }

    #[test]
    fn times_are_formatted_in_utc() {
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_795_423_500);
        assert_eq!(format_time(t), "2026-11-23 08:45 UTC");
    }
}
