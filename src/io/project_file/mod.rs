//! Reading and writing `.pbsm.ron` project files.
//!
//! Loading refuses anything that is not a valid project of a version this build understands,
//! with the file, line and column and what was expected. Saving writes a temporary file beside
//! the target and renames it over the target, so a failed save never leaves a half-written file.
//!
//! Hostile files are refused quickly and with short messages: a file over
//! [`MAX_FILE_BYTES`] is not read at all, messages quote at most [`EXCERPT_CHARS`] characters of
//! the offending text, and an invalid project lists at most [`LISTED_FINDINGS`] problems.

mod messages;
mod saving;

pub use saving::{
    remove_stale_temporaries, save, temporary_path, to_string, write_atomic, write_atomic_bytes,
};

use super::ron_scan;
use crate::model::{CURRENT_VERSION, Finding, Project, validate};
use messages::syntax_error;
use serde::Deserialize;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;

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
