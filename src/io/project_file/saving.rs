//! Writing project files: the text of a project, and atomic saves that never leave a
//! half-written file.

use super::SaveError;
use crate::model::{CURRENT_VERSION, Project};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The project as the text of a project file: a comment line, then pretty-printed RON.
pub fn to_string(project: &Project) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .depth_limit(4)
        .separate_tuple_members(false);
    // A project has only plain data; serialising it cannot fail except through a bug in a
    // serde derive, and then an empty document is refused by the loader rather than silently
    // replacing a file (see `save`).
    let body = ron::ser::to_string_pretty(project, config).unwrap_or_default();
    format!(
        "// pbsm workbench project (potential-based strategy model), format version {CURRENT_VERSION}\n{body}\n"
    )
}

/// Saves a project atomically: writes a temporary file in the same folder, flushes it to disk,
/// then renames it over `path`. On any error the old file is untouched and the temporary file
/// is removed.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    save_with(project, path, |file, bytes| file.write_all(bytes))
}

/// [`save`] with the writing of the bytes supplied, so tests can make it fail half-way (a full
/// disk) and check that nothing is lost.
fn save_with(
    project: &Project,
    path: &Path,
    write: impl FnOnce(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let text = to_string(project);
    if text.lines().count() < 2 {
        return Err(SaveError {
            path: path.display().to_string(),
            error: std::io::Error::other("the project could not be written as text"),
        });
    }
    write_atomic_with(path, text.as_bytes(), write)
}

/// Writes any text file atomically (temporary file in the same folder, flushed, renamed over
/// `path`): a failure leaves the old file as it was and no temporary file behind.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), SaveError> {
    write_atomic_bytes(path, text.as_bytes())
}

/// Writes any file atomically, like [`write_atomic`].
pub fn write_atomic_bytes(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, |file, bytes| file.write_all(bytes))
}

fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let temp = temporary_path(path);
    write_then_rename(bytes, &temp, path, write).map_err(|error| {
        // The temporary file may not even exist; if it does and stays, say so too.
        let error = match fs::remove_file(&temp) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => std::io::Error::new(
                error.kind(),
                format!(
                    "{error}; the temporary file {} could not be removed either: {e}",
                    temp.display()
                ),
            ),
            _ => error,
        };
        SaveError {
            path: path.display().to_string(),
            error,
        }
    })
}

/// A temporary file older than this was left by a save that was killed or crashed.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes temporary files of `path` that a killed or crashed save left behind, once they are
/// [`STALE_AFTER`] old (a fresh one may belong to a save in progress in another window).
/// Returns what could not be removed or looked at, for the caller to tell the user.
pub fn remove_stale_temporaries(path: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return problems;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(format!("{}: {e}", dir.display()));
            return problems;
        }
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_ours = file_name.starts_with(&prefix)
            && file_name.ends_with(".tmp")
            && file_name[prefix.len()..file_name.len() - 4]
                .chars()
                .all(|c| c.is_ascii_digit());
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if is_ours
            && stale
            && let Err(e) = fs::remove_file(entry.path())
            && e.kind() != std::io::ErrorKind::NotFound
        {
            problems.push(format!("{}: {e}", entry.path().display()));
        }
    }
    problems
}

/// The temporary file used while saving `path`: hidden, in the same folder (so the rename
/// stays on one file system), unique per process.
pub fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn write_then_rename(
    bytes: &[u8],
    temp: &Path,
    path: &Path,
    write: impl FnOnce(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut file = fs::File::create(temp)?;
    write(&mut file, bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)?;
    // Make the rename itself durable where the platform allows syncing a folder (some file
    // systems cannot, and say so with "unsupported" or "invalid input": nothing to tell).
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let synced = fs::File::open(dir).and_then(|d| d.sync_all());
        if let Err(e) = synced
            && !matches!(
                e.kind(),
                std::io::ErrorKind::Unsupported | std::io::ErrorKind::InvalidInput
            )
        {
            return Err(std::io::Error::new(
                e.kind(),
                format!(
                    "the file was written, but its folder could not be flushed to disk ({e}); save again to be sure it survives a power cut"
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        crate::io::SAMPLES[0].load().unwrap()
    }

    #[test]
    fn a_save_that_fails_half_way_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.pbsm.ron");
        save(&sample(), &path).unwrap();
        let before = fs::read(&path).unwrap();
        let mut changed = sample();
        changed.name = "Changed".into();
        let err = save_with(&changed, &path, |file, bytes| {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(std::io::Error::other("No space left on device"))
        })
        .unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains(&path.display().to_string()) && message.contains("No space left"),
            "{message}"
        );
        assert_eq!(fs::read(&path).unwrap(), before, "the old file is intact");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }

    #[test]
    fn old_temporaries_of_killed_saves_are_removed_but_not_fresh_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.pbsm.ron");
        let stale = dir.path().join(".p.pbsm.ron.4242.tmp");
        let fresh = dir.path().join(".p.pbsm.ron.4343.tmp");
        let other = dir.path().join(".q.pbsm.ron.4242.tmp");
        for file in [&stale, &fresh, &other] {
            fs::write(file, "half a proj").unwrap();
        }
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for file in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
        save(&sample(), &path).unwrap();
        assert!(stale.exists(), "saving alone leaves them to the caller");
        assert!(remove_stale_temporaries(&path).is_empty());
        assert!(!stale.exists(), "left by a killed save long ago");
        assert!(fresh.exists(), "may be another window saving right now");
        assert!(other.exists(), "belongs to another file");
    }

    #[test]
    fn a_save_whose_rename_fails_removes_its_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should go: writing works, the rename cannot.
        let path = dir.path().join("taken.pbsm.ron");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "keep").unwrap();
        assert!(save(&sample(), &path).is_err());
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "keep");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }
}
