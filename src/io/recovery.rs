//! Recovery of unsaved work: each open window writes its project to a recovery file of its own
//! in the user's state folder (never over the user's own file), and a window that starts later
//! offers back the work of windows that crashed.
//!
//! Every window holds a numbered **slot**: `recovery-N.pbsm.ron` with a lock on
//! `recovery-N.lock` for as long as the window lives (the operating system drops the lock when
//! the process ends, however it ends, including `kill -9`). At start a window
//! - offers the recovery files whose lock it can take: their windows are gone (orphans), while
//!   the files of windows still running stay locked and are never offered or touched;
//! - takes the lowest free slot for itself;
//! - adopts the single `recovery.pbsm.ron` of workbenches before slots (once: it is moved into a
//!   slot and offered like an orphan).

use super::project_file::{self, LoadError, SaveError};
use crate::model::{Date, Project};
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The recovery file of workbenches before per-window slots; adopted once at start.
pub const LEGACY_FILE_NAME: &str = "recovery.pbsm.ron";

/// At most this many slots are looked at (windows open at once, plus crashed ones).
pub const MAX_SLOTS: u32 = 64;

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

/// The recovery file of slot `number` in `dir`.
pub fn slot_file(dir: &Path, number: u32) -> PathBuf {
    dir.join(format!("recovery-{number}.pbsm.ron"))
}

/// The room journal of slot `number` in `dir` (a room answered from phones, see
/// `room::journal`).
pub fn room_journal_file(dir: &Path, number: u32) -> PathBuf {
    dir.join(format!("recovery-{number}.room.jsonl"))
}

fn lock_file(dir: &Path, number: u32) -> PathBuf {
    dir.join(format!("recovery-{number}.lock"))
}

/// The slot number of a recovery file name (`recovery-7.pbsm.ron` → 7).
fn slot_number(file_name: &str) -> Option<u32> {
    let digits = file_name
        .strip_prefix("recovery-")?
        .strip_suffix(".pbsm.ron")?;
    number_of(digits)
}

/// The slot number of a room journal's name (`recovery-7.room.jsonl` → 7).
fn journal_number(file_name: &str) -> Option<u32> {
    let digits = file_name
        .strip_prefix("recovery-")?
        .strip_suffix(".room.jsonl")?;
    number_of(digits)
}

fn number_of(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=MAX_SLOTS).contains(n))
}

/// A recovery slot held by this process: its lock lasts as long as the value.
#[derive(Debug)]
pub struct Slot {
    dir: PathBuf,
    number: u32,
    /// Held, never read: dropping it releases the lock.
    _lock: File,
}

/// Why no slot could be had.
#[derive(Debug, thiserror::Error)]
pub enum SlotError {
    /// The folder cannot be created or read, or a lock file cannot be opened.
    #[error("{path}: {error}")]
    Io {
        /// The file or folder.
        path: String,
        /// The system's reason.
        error: io::Error,
    },
    /// Every slot is held by a running window.
    #[error("{dir}: all {MAX_SLOTS} recovery slots are in use by running workbenches")]
    Full {
        /// The folder.
        dir: String,
    },
}

fn io_error(path: &Path, error: io::Error) -> SlotError {
    SlotError::Io {
        path: path.display().to_string(),
        error,
    }
}

/// Takes the lock of slot `number` if nobody holds it. `Ok(None)`: a running window has it.
fn try_lock(dir: &Path, number: u32) -> Result<Option<Slot>, SlotError> {
    let path = lock_file(dir, number);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| io_error(&path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(Slot {
            dir: dir.to_path_buf(),
            number,
            _lock: file,
        })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(io_error(&path, e)),
    }
}

impl Slot {
    /// The slot's number.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// The slot's recovery file.
    pub fn path(&self) -> PathBuf {
        slot_file(&self.dir, self.number)
    }

    /// Writes the recovery file (atomically), remembering the project's own file, if any.
    pub fn write(&self, project: &Project, original: Option<&Path>) -> Result<(), SaveError> {
        fs::create_dir_all(&self.dir).map_err(|error| SaveError {
            path: self.dir.display().to_string(),
            error,
        })?;
        let original = original.map_or_else(String::new, |p| p.display().to_string());
        let text = format!(
            "{ORIGINAL_MARK}{original}\n{}",
            project_file::to_string(project)
        );
        project_file::write_atomic(&self.path(), &text)
    }

    /// Removes the recovery file (after a save, or when the user discards the changes).
    /// A slot without a file is fine; a file that cannot be removed is an error, since the
    /// next start would offer old work again.
    pub fn clear(&self) -> Result<(), SaveError> {
        let path = self.path();
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(SaveError {
                path: path.display().to_string(),
                error,
            }),
        }
    }

    /// The slot's room journal: the answers of a round the phones were answering in this
    /// window (`recovery-N.room.jsonl`).
    pub fn room_journal(&self) -> PathBuf {
        room_journal_file(&self.dir, self.number)
    }

    /// Whether the slot has a recovery file.
    pub fn has_file(&self) -> bool {
        self.path().exists()
    }

    /// The room journal, if the slot has one.
    fn found_journal(&self) -> Option<PathBuf> {
        Some(self.room_journal()).filter(|p| p.exists())
    }
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

/// The work of a window that is gone, with its slot locked by this process while it is
/// offered.
#[derive(Debug)]
pub struct Orphan {
    /// The slot (locked by us).
    pub slot: Slot,
    /// Its work, or why it cannot be read (the file is then left in place).
    pub work: Result<Recovered, LoadError>,
    /// The journal of a room the window served, if it left one.
    pub room_journal: Option<PathBuf>,
}

/// A slot of a window or a headless room that is gone and left only a room journal (no
/// recovery file), locked by this process while it is offered.
#[derive(Debug)]
pub struct RoomOrphan {
    /// The slot (locked by us).
    pub slot: Slot,
    /// Its room journal.
    pub journal: PathBuf,
}

/// What a window gets at start: a slot of its own and the orphans to offer.
#[derive(Debug)]
pub struct Claim {
    /// This window's slot (without a file).
    pub slot: Slot,
    /// Work of windows that crashed, lowest slot first.
    pub orphans: Vec<Orphan>,
    /// Slots passed over and files not adopted, with why, for the user to know.
    pub problems: Vec<String>,
    /// Slots that left only a room journal, lowest slot first.
    pub rooms: Vec<RoomOrphan>,
}

/// Reads a recovery file.
pub fn read(path: &Path) -> Result<Recovered, LoadError> {
    let modified = fs::metadata(path).ok().and_then(|m| m.modified().ok());
    let text = fs::read_to_string(path).map_err(|error| LoadError::Io {
        source_name: path.display().to_string(),
        error,
    })?;
    let project = project_file::from_str(&text, &path.display().to_string())?;
    let original = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix(ORIGINAL_MARK))
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    Ok(Recovered {
        project,
        original,
        saved_at: modified.map_or_else(|| "an unknown time".to_owned(), format_time),
    })
}

/// Claims a slot in `dir` for a new window and collects the orphaned slots to offer.
pub fn claim(dir: &Path) -> Result<Claim, SlotError> {
    fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let mut orphans = Vec::new();
    let mut numbers: Vec<u32> = fs::read_dir(dir)
        .map_err(|e| io_error(dir, e))?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            slot_number(&name).or_else(|| journal_number(&name))
        })
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut rooms = Vec::new();
    // A slot whose lock file cannot be opened (another user's, a damaged one) is passed over:
    // one bad slot must not turn autosave off. Its error is kept in case no slot works.
    let mut errors = Vec::new();
    let mut lock = |number| match try_lock(dir, number) {
        Ok(slot) => slot,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    for number in numbers {
        if let Some(slot) = lock(number) {
            // A slot with nothing in it (its window ended cleanly) is unlocked again.
            let _ = left_behind(slot, &mut orphans, &mut rooms);
        }
    }
    let mut own = None;
    for number in 1..=MAX_SLOTS {
        if orphans.iter().any(|o| o.slot.number == number)
            || rooms.iter().any(|o| o.slot.number == number)
        {
            continue;
        }
        if let Some(slot) = lock(number) {
            // A slot whose window ended between the look at the folder and now is offered
            // too; an empty one is ours.
            if let Some(empty) = left_behind(slot, &mut orphans, &mut rooms) {
                own = Some(empty);
                break;
            }
        }
    }
    let Some(slot) = own else {
        return Err(errors.pop().unwrap_or_else(|| SlotError::Full {
            dir: dir.display().to_string(),
        }));
    };
    let mut problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
    match adopt_legacy(dir, &slot, &orphans, &rooms) {
        Ok(Some(orphan)) => orphans.push(orphan),
        Ok(None) => {}
        // The old file stays where it is and is offered at the next start.
        Err(e) => problems.push(format!("the old recovery file was not taken over: {e}")),
    }
    orphans.sort_by_key(|o| o.slot.number);
    Ok(Claim {
        slot,
        orphans,
        problems,
        rooms,
    })
}

/// Sorts a locked slot: its work (and room journal) into `orphans`, a room journal alone into
/// `rooms`; an empty slot comes back.
fn left_behind(slot: Slot, orphans: &mut Vec<Orphan>, rooms: &mut Vec<RoomOrphan>) -> Option<Slot> {
    if slot.has_file() {
        let work = read(&slot.path());
        let room_journal = slot.found_journal();
        orphans.push(Orphan {
            slot,
            work,
            room_journal,
        });
        None
    } else if let Some(journal) = slot.found_journal() {
        rooms.push(RoomOrphan { slot, journal });
        None
    } else {
        Some(slot)
    }
}

/// Moves the single recovery file of older workbenches into a free slot, to offer it.
fn adopt_legacy(
    dir: &Path,
    own: &Slot,
    orphans: &[Orphan],
    rooms: &[RoomOrphan],
) -> Result<Option<Orphan>, SlotError> {
    let legacy = dir.join(LEGACY_FILE_NAME);
    if !legacy.exists() {
        return Ok(None);
    }
    for number in 1..=MAX_SLOTS {
        if number == own.number
            || orphans.iter().any(|o| o.slot.number == number)
            || rooms.iter().any(|o| o.slot.number == number)
        {
            continue;
        }
        let Some(slot) = try_lock(dir, number)? else {
            continue;
        };
        if slot.has_file() {
            continue;
        }
        return match fs::rename(&legacy, slot.path()) {
            Ok(()) => {
                let work = read(&slot.path());
                Ok(Some(Orphan {
                    slot,
                    work,
                    room_journal: None,
                }))
            }
            // Another window starting at the same moment adopted it first.
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_error(&legacy, e)),
        };
    }
    Ok(None)
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

    fn edited(name: &str) -> Project {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        p.name = name.into();
        p
    }

    #[test]
    fn a_recovery_file_round_trips_with_its_original_path() {
        let dir = tempfile::tempdir().unwrap();
        let claim = claim(dir.path()).unwrap();
        assert!(claim.orphans.is_empty());
        let p = edited("Edited");
        claim
            .slot
            .write(&p, Some(Path::new("/home/x/plan.pbsm.ron")))
            .unwrap();
        let r = read(&claim.slot.path()).unwrap();
        assert_eq!(r.project, p);
        assert_eq!(
            r.original.as_deref(),
            Some(Path::new("/home/x/plan.pbsm.ron"))
        );
        assert!(r.saved_at.ends_with("UTC"));
        claim.slot.clear().unwrap();
        assert!(!claim.slot.has_file());
        claim.slot.clear().unwrap();
        claim.slot.write(&p, None).unwrap();
        assert_eq!(read(&claim.slot.path()).unwrap().original, None);
    }

    #[test]
    fn running_windows_keep_their_slots_and_only_crashed_ones_are_offered() {
        let dir = tempfile::tempdir().unwrap();
        let a = claim(dir.path()).unwrap();
        let b = claim(dir.path()).unwrap();
        assert_ne!(a.slot.number(), b.slot.number(), "each window its own slot");
        a.slot.write(&edited("A's work"), None).unwrap();
        b.slot.write(&edited("B's work"), None).unwrap();

        // A third window while both run: nothing to offer, a third slot.
        let c = claim(dir.path()).unwrap();
        assert!(c.orphans.is_empty(), "running windows' work is not offered");
        assert!(![a.slot.number(), b.slot.number()].contains(&c.slot.number()));
        drop(c);

        // A crashes (its lock goes with it); B runs on.
        let a_number = a.slot.number();
        drop(a);
        let d = claim(dir.path()).unwrap();
        assert_eq!(d.orphans.len(), 1);
        assert_eq!(d.orphans[0].slot.number(), a_number);
        assert_eq!(d.orphans[0].work.as_ref().unwrap().project.name, "A's work");
        // While D offers it, a fourth window does not offer it again.
        let e = claim(dir.path()).unwrap();
        assert!(e.orphans.is_empty());
        assert!(b.slot.has_file(), "B's work is untouched");
    }

    #[test]
    fn the_single_recovery_file_of_older_workbenches_is_adopted_once() {
        let dir = tempfile::tempdir().unwrap();
        let legacy = dir.path().join(LEGACY_FILE_NAME);
        fs::write(&legacy, project_file::to_string(&edited("Old work"))).unwrap();
        let first = claim(dir.path()).unwrap();
        assert!(!legacy.exists(), "moved into a slot");
        assert_eq!(first.orphans.len(), 1);
        assert_eq!(
            first.orphans[0].work.as_ref().unwrap().project.name,
            "Old work"
        );
        // Not decided: offered again by the next window, from its slot now.
        drop(first);
        let second = claim(dir.path()).unwrap();
        assert_eq!(second.orphans.len(), 1);
    }

    #[test]
    fn a_broken_recovery_file_is_offered_as_unreadable_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = slot_file(dir.path(), 3);
        fs::write(&path, "(version: 1, name: ").unwrap();
        let claim = claim(dir.path()).unwrap();
        assert_eq!(claim.orphans.len(), 1);
        assert!(claim.orphans[0].work.is_err());
        assert!(path.exists());
        assert_eq!(claim.slot.number(), 1, "the lowest free slot");
    }

    #[test]
    fn a_room_journal_comes_back_with_its_slot() {
        let dir = tempfile::tempdir().unwrap();
        let a = claim(dir.path()).unwrap();
        let b = claim(dir.path()).unwrap();
        assert_eq!(
            a.slot.room_journal(),
            room_journal_file(dir.path(), a.slot.number())
        );
        assert!(a.slot.room_journal().ends_with("recovery-1.room.jsonl"));
        a.slot.write(&edited("A"), None).unwrap();
        fs::write(a.slot.room_journal(), "{}\n").unwrap();
        fs::write(b.slot.room_journal(), "{}\n").unwrap();
        // While both run, neither is offered.
        let c = claim(dir.path()).unwrap();
        assert!(c.orphans.is_empty() && c.rooms.is_empty());
        drop(c);
        let (a_number, b_number) = (a.slot.number(), b.slot.number());
        drop(a);
        drop(b);
        let d = claim(dir.path()).unwrap();
        assert_eq!(d.orphans.len(), 1);
        assert_eq!(d.orphans[0].slot.number(), a_number);
        assert_eq!(
            d.orphans[0].room_journal.as_deref(),
            Some(room_journal_file(dir.path(), a_number).as_path())
        );
        assert_eq!(d.rooms.len(), 1, "a slot with only a journal");
        assert_eq!(d.rooms[0].slot.number(), b_number);
        assert_ne!(d.slot.number(), b_number);
    }

    #[test]
    fn only_slot_file_names_count() {
        assert_eq!(slot_number("recovery-7.pbsm.ron"), Some(7));
        for name in [
            "recovery-.pbsm.ron",
            "recovery-x.pbsm.ron",
            "recovery-0.pbsm.ron",
            "recovery-65.pbsm.ron",
            "recovery-1.lock",
            "recovery.pbsm.ron",
            ".recovery-1.pbsm.ron.77.tmp",
            "recovery-99999999999999999999.pbsm.ron",
        ] {
            assert_eq!(slot_number(name), None, "{name}");
        }
    }

    #[test]
    fn times_are_formatted_in_utc() {
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_795_423_500);
        assert_eq!(format_time(t), "2026-11-23 08:45 UTC");
    }
}
