//! Reading and writing `.pbsm.ron` project files.
//!
//! Loading refuses anything that is not a valid project of a version this build understands,
//! with the file, line and column and what was expected. Saving writes a temporary file beside
//! the target and renames it over the target, so a failed save never leaves a half-written file.
//!
//! Hostile files are refused quickly and with short messages: a file over
//! [`MAX_FILE_BYTES`] is not read at all, messages quote at most [`EXCERPT_CHARS`] characters of
//! the offending text, and an invalid project lists at most [`LISTED_FINDINGS`] problems.

use super::ron_scan;
use crate::model::{CURRENT_VERSION, Finding, Project, validate};
use serde::Deserialize;
use std::fmt;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The extension of project files.
pub const EXTENSION: &str = "pbsm.ron";

/// Files larger than this are refused before parsing: no real project comes near it.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How deeply values may nest. A project nests about seven levels; more means a broken file.
const RECURSION_LIMIT: usize = 64;

/// The most characters of the file's text an error message quotes.
pub const EXCERPT_CHARS: usize = 80;

/// The most characters of a parse error message (its quotes shortened first).
const MAX_MESSAGE_CHARS: usize = 400;

/// The most problems an invalid project's message lists (the rest are counted).
pub const LISTED_FINDINGS: usize = 20;

/// Where a problem is: the file (or another source name), line and column, both from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file or source name.
    pub source: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.source, self.line, self.col)
    }
}

/// A validation finding and where its value stands in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedFinding {
    /// What is wrong, with which item.
    pub finding: Finding,
    /// Where the offending value starts; `None` when the file does not hold it (a field left
    /// out for its default).
    pub at: Option<Location>,
}

/// Why a project file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{source_name}: cannot read the file: {error}")]
    Io {
        /// The file.
        source_name: String,
        /// The system's reason.
        error: std::io::Error,
    },
    /// The file is far larger than any project.
    #[error(
        "{source_name}: the file is {}; a project file is at most {}",
        file_size(*.bytes),
        human_bytes(MAX_FILE_BYTES)
    )]
    TooLarge {
        /// The file.
        source_name: String,
        /// Its size.
        bytes: u64,
    },
    /// The file is not text.
    #[error("{at}: expected UTF-8 text, found a byte sequence that is not")]
    NotText {
        /// Where the first bad byte is.
        at: Location,
    },
    /// The text is not a well-formed project.
    #[error("{at}: {message}")]
    Syntax {
        /// Where the parser stopped.
        at: Location,
        /// What was expected.
        message: String,
    },
    /// The file was written by a newer workbench.
    #[error(
        "{source_name}: the file has format version {found}, but this workbench reads versions up to {CURRENT_VERSION}; open it with a newer pbsm workbench"
    )]
    NewerVersion {
        /// The file.
        source_name: String,
        /// The version in the file.
        found: u32,
    },
    /// The file's version is not one this build knows.
    #[error(
        "{source_name}: the file has format version {found}, expected a version from 1 to {CURRENT_VERSION}"
    )]
    UnknownVersion {
        /// The file.
        source_name: String,
        /// The version in the file.
        found: u32,
    },
    /// The file parses, but the project is inconsistent.
    #[error("{source_name}: the project is not valid:\n{}", list(.source_name, .findings))]
    Invalid {
        /// The file.
        source_name: String,
        /// What is wrong, one finding per item, each with where its value is in the file.
        findings: Vec<LocatedFinding>,
    },
}

/// The findings, one a line as `file:line:col: item: message`, at most [`LISTED_FINDINGS`].
fn list(source_name: &str, findings: &[LocatedFinding]) -> String {
    let mut lines: Vec<String> = findings
        .iter()
        .take(LISTED_FINDINGS)
        .map(|f| match &f.at {
            Some(at) => format!("  - {at}: {}", f.finding),
            None => format!("  - {source_name}: {}", f.finding),
        })
        .collect();
    if findings.len() > LISTED_FINDINGS {
        lines.push(format!(
            "  … and {} more problems",
            findings.len() - LISTED_FINDINGS
        ));
    }
    lines.join("\n")
}

/// Why a project could not be saved.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {path}: {error}")]
pub struct SaveError {
    /// The target file.
    pub path: String,
    /// The system's reason.
    pub error: std::io::Error,
}

/// A size in bytes for people: `512 bytes`, `3.4 KB`, `70.2 MB`, `1.5 GB` (units of 1024).
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else if value.fract() == 0.0 {
        format!("{value} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A refused file's size: in human units, with the exact count where those would read as the
/// limit itself ("64.0 MB" for a file a few bytes over).
fn file_size(bytes: u64) -> String {
    let human = human_bytes(bytes);
    let limit = human_bytes(MAX_FILE_BYTES);
    if human.trim_end_matches(" MB").trim_end_matches(".0") == limit.trim_end_matches(" MB") {
        format!("{human} ({bytes} bytes)")
    } else {
        human
    }
}

/// At most [`EXCERPT_CHARS`] characters of `text`, elided with "…" when longer.
pub fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// A message with every quoted part (between backticks or double quotes, escapes respected)
/// cut to an [`EXCERPT_CHARS`] excerpt, and the whole cut to [`MAX_MESSAGE_CHARS`]. A quote
/// that is never closed runs to the end.
fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS * 4));
    let mut chars = message.chars();
    let mut written = 0;
    while let Some(c) = chars.next() {
        if written >= MAX_MESSAGE_CHARS {
            out.push('…');
            break;
        }
        out.push(c);
        written += 1;
        if c != '`' && c != '"' {
            continue;
        }
        // Inside a quote: copy up to the excerpt's length, skip the rest to the closing quote.
        let mut kept = 0;
        let mut escaped = false;
        let mut closed = false;
        for inner in chars.by_ref() {
            if inner == c && !escaped {
                closed = true;
                break;
            }
            escaped = c == '"' && inner == '\\' && !escaped;
            kept += 1;
            if kept <= EXCERPT_CHARS {
                out.push(inner);
                written += 1;
            }
        }
        if kept > EXCERPT_CHARS {
            out.push('…');
        }
        if closed {
            out.push(c);
            written += 1;
        }
    }
    out
}

/// RON's error with the offending text it carries cut to excerpts, so that neither building
/// the message nor showing it costs more than a few hundred characters; and the identifiers
/// that were cut.
fn bounded(code: ron::Error) -> (ron::Error, Vec<String>) {
    use ron::Error as E;
    let mut cut = Vec::new();
    let mut ex = |s: String| {
        if s.chars().nth(EXCERPT_CHARS).is_some() {
            let short = excerpt(&s);
            cut.push(short.clone());
            short
        } else {
            s
        }
    };
    let short = |s: String| shorten_quotes(&s);
    let code = match code {
        E::Io(s) => E::Io(short(s)),
        E::Message(s) => E::Message(short(s)),
        E::ExpectedDifferentStructName { expected, found } => E::ExpectedDifferentStructName {
            expected,
            found: ex(found),
        },
        E::NoSuchExtension(s) => E::NoSuchExtension(ex(s)),
        E::InvalidValueForType { expected, found } => E::InvalidValueForType {
            expected: short(expected),
            found: short(found),
        },
        E::ExpectedDifferentLength { expected, found } => E::ExpectedDifferentLength {
            expected: short(expected),
            found,
        },
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => E::NoSuchEnumVariant {
            expected,
            found: ex(found),
            outer: outer.map(&mut ex),
        },
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => E::NoSuchStructField {
            expected,
            found: ex(found),
            outer: outer.map(&mut ex),
        },
        E::MissingStructField { field, outer } => E::MissingStructField {
            field,
            outer: outer.map(&mut ex),
        },
        E::DuplicateStructField { field, outer } => E::DuplicateStructField {
            field,
            outer: outer.map(&mut ex),
        },
        E::InvalidIdentifier(s) => E::InvalidIdentifier(ex(s)),
        E::SuggestRawIdentifier(s) => E::SuggestRawIdentifier(ex(s)),
        E::ExpectedStructName(s) => E::ExpectedStructName(ex(s)),
        other => other,
    };
    (code, cut)
}

/// RON's message for `code`, from a lower-case letter (it reads as a continuation after the
/// position), with quotes shortened. An identifier cut to an excerpt is quoted like any
/// identifier, not called invalid for its "…".
fn ron_message(code: &ron::Error, cut: &[String]) -> String {
    let mut message = lowercase_first(&code.to_string());
    for identifier in cut {
        message = message.replace(
            &format!("{identifier:?}_[invalid identifier]"),
            &format!("`{identifier}`"),
        );
    }
    shorten_quotes(&message)
}

/// The `version: N` of the project in `text`, if the scanner finds it as a plain number.
fn scanned_version(text: &str) -> Option<u32> {
    let offset = ron_scan::root_field(text, "version")?;
    ron_scan::word_at(text, offset).parse().ok()
}

/// Only the version, read by RON where [`scanned_version`] cannot find it.
#[derive(Deserialize)]
#[serde(rename = "Project")]
struct VersionProbe {
    version: u32,
}

fn ron_options() -> ron::Options {
    let mut options = ron::Options::default();
    options.recursion_limit = Some(RECURSION_LIMIT);
    options
}

fn syntax_error(source_name: &str, text: &str, error: ron::error::SpannedError) -> LoadError {
    let ron::error::SpannedError { code, span } = error;
    let at = Location {
        source: source_name.to_owned(),
        line: span.start.line,
        col: span.start.col,
    };
    if ron_scan::only_trivia_from(text, 0) {
        return LoadError::Syntax {
            at,
            message:
                "the file holds no project, only whitespace and comments; is it empty or truncated?"
                    .to_owned(),
        };
    }
    let (code, cut) = bounded(code);
    // The file really ends early only if nothing but whitespace and comments follows the place
    // where the parser stopped, not when a long token merely runs to the end.
    let ends_early = matches!(code, ron::Error::Eof | ron::Error::UnclosedBlockComment)
        || ron_scan::only_trivia_from(
            text,
            ron_scan::offset_of(text, span.start.line, span.start.col),
        );
    let message = match code {
        ron::Error::ExpectedStringEnd => "a text starting here is never closed by a quote: is the file truncated, or a quote missing?"
            .to_owned(),
        ron::Error::ExceededRecursionLimit => {
            "values nest too deeply here; a project nests only about seven levels".to_owned()
        }
        code => {
            let message = ron_message(&code, &cut);
            if ends_early {
                format!(
                    "the file ends before the project is complete; is it truncated? ({message})"
                )
            } else {
                message
            }
        }
    };
    LoadError::Syntax { at, message }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A project as loaded, and whether it was upgraded from an older format version.
#[derive(Debug)]
pub struct Loaded {
    /// The project, at the current format version.
    pub project: Project,
    /// The file's format version if it was older than the current one.
    pub upgraded_from: Option<u32>,
    /// What the versions since the file's added, oldest first (empty for a current file).
    pub changes: Vec<&'static str>,
}

impl Loaded {
    /// A note for the user when the file was upgraded: from which version, and that saving
    /// writes the current one.
    pub fn upgrade_notice(&self) -> Option<String> {
        let from = self.upgraded_from?;
        Some(format!(
            "upgraded from format version {from} (since then: {}); saving writes version {CURRENT_VERSION}, which older workbenches cannot open",
            self.changes.join(", ")
        ))
    }
}

/// Parses and validates a project from text. `source_name` names it in messages.
pub fn from_str(text: &str, source_name: &str) -> Result<Project, LoadError> {
    parse(text, source_name).map(|loaded| loaded.project)
}

/// Parses, upgrades and validates a project from text, saying whether it was upgraded.
pub fn parse(text: &str, source_name: &str) -> Result<Loaded, LoadError> {
    let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            source_name: source_name.to_owned(),
            bytes,
        });
    }
    let options = ron_options();
    // The version is read first, so that a newer file gets a clear message instead of
    // complaints about fields (or syntax) this build does not know. Found by the scanner it
    // costs next to nothing; only where that fails does RON read the whole file for it.
    let version = match scanned_version(text) {
        Some(version) => version,
        None => {
            options
                .from_str::<VersionProbe>(text)
                .map_err(|e| syntax_error(source_name, text, e))?
                .version
        }
    };
    if version > CURRENT_VERSION {
        return Err(LoadError::NewerVersion {
            source_name: source_name.to_owned(),
            found: version,
        });
    }
    if version == 0 {
        return Err(LoadError::UnknownVersion {
            source_name: source_name.to_owned(),
            found: version,
        });
    }
    // Every version from 1 to CURRENT_VERSION parses into today's project (later fields have
    // defaults), then `migrate::upgrade` brings it forward step by step. A change that old text
    // cannot parse into needs its rewrite here, before parsing; each old version keeps a frozen
    // fixture in tests/fixtures (see `stored_files_of_every_older_version_open_upgraded`).
    let mut project: Project = options
        .from_str(text)
        .map_err(|e| syntax_error(source_name, text, e))?;
    let steps = super::migrate::upgrade(&mut project, version);
    let findings = validate(&project);
    if findings.is_empty() {
        Ok(Loaded {
            project,
            upgraded_from: (!steps.is_empty()).then_some(version),
            changes: steps.iter().map(|s| s.change).collect(),
        })
    } else {
        Err(LoadError::Invalid {
            source_name: source_name.to_owned(),
            findings: locate_findings(text, source_name, findings),
        })
    }
}

/// Where each finding's value stands in `text` (one pass over the text for all of them).
fn locate_findings(text: &str, source_name: &str, findings: Vec<Finding>) -> Vec<LocatedFinding> {
    let paths: Vec<&crate::model::validate::ValuePath> = findings.iter().map(|f| &f.path).collect();
    let offsets = ron_scan::locate_all(text, &paths);
    let found: Vec<usize> = offsets.iter().flatten().copied().collect();
    let mut positions = ron_scan::line_cols(text, &found).into_iter();
    findings
        .into_iter()
        .zip(offsets)
        .map(|(finding, offset)| {
            let at = offset
                .and_then(|_| positions.next())
                .map(|(line, col)| Location {
                    source: source_name.to_owned(),
                    line,
                    col,
                });
            LocatedFinding { finding, at }
        })
        .collect()
}

/// Parses and validates a project from bytes (which must be UTF-8).
pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Project, LoadError> {
    parse_bytes(bytes, source_name).map(|loaded| loaded.project)
}

fn parse_bytes(bytes: &[u8], source_name: &str) -> Result<Loaded, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        LoadError::NotText {
            at: Location {
                source: source_name.to_owned(),
                line,
                col,
            },
        }
    })?;
    parse(text, source_name)
}

/// Loads and validates a project file.
pub fn load(path: &Path) -> Result<Project, LoadError> {
    load_reporting(path).map(|loaded| loaded.project)
}

/// Loads and validates a project file, saying whether it was upgraded from an older version.
pub fn load_reporting(path: &Path) -> Result<Loaded, LoadError> {
    let source_name = path.display().to_string();
    let io = |error| LoadError::Io {
        source_name: source_name.clone(),
        error,
    };
    let bytes = fs::metadata(path).map_err(io)?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            source_name: source_name.clone(),
            bytes,
        });
    }
    // Read at most one byte past the limit: a pipe or a device reports no size, and a file
    // may grow after the look at its size.
    let mut data = Vec::new();
    fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut data))
        .map_err(io)?;
    if data.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            source_name: source_name.clone(),
            bytes: data.len() as u64,
        });
    }
    parse_bytes(&data, &source_name)
}

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
