//! The room's journal: every accepted join, answer, reveal and close, appended to a file as it
//! arrives (one JSON object per line, after a header line), so a crash of the workbench loses
//! no answer a phone was told is in. The window keeps it beside its recovery file
//! (`recovery-N.room.jsonl`); a restored window, or a restarted headless room, reads it back
//! and opens the same round with the same address, code and answers.

use super::state::Event;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The journal's first line: which round, with which secrets and where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The round's id.
    pub round: u32,
    /// The participants' token (in the join URL).
    pub token: String,
    /// The facilitator's token.
    pub host_token: String,
    /// The join code.
    pub join_code: String,
    /// The project file, if the project had one.
    pub file: Option<PathBuf>,
    /// The interface listened on.
    pub bind: std::net::IpAddr,
    /// The port listened on.
    pub port: u16,
    /// When the room opened, for people.
    pub started: String,
}

/// A journal read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Journal {
    /// Its header.
    pub header: Header,
    /// Its events, in order.
    pub events: Vec<Event>,
}

/// Why a journal cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The file cannot be read.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: String,
        /// The system's reason.
        error: io::Error,
    },
    /// The first line is not a journal header.
    #[error("{path}:1: not a room journal ({error})")]
    Header {
        /// The file.
        path: String,
        /// What is wrong.
        error: String,
    },
}

/// Reads a journal. A last line cut short (the workbench went down while writing it) is left
/// out: its answer was never confirmed to the phone. Other unreadable lines are skipped too.
pub fn read(path: &Path) -> Result<Journal, JournalError> {
    let text = fs::read_to_string(path).map_err(|error| JournalError::Io {
        path: path.display().to_string(),
        error,
    })?;
    let mut lines = text.lines();
    let header = serde_json::from_str(lines.next().unwrap_or_default()).map_err(|e| {
        JournalError::Header {
            path: path.display().to_string(),
            error: e.to_string(),
        }
    })?;
    let events = lines
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    Ok(Journal { header, events })
}

/// Removes a journal once its answers are in the project (a missing one is fine).
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// A journal open for appending.
#[derive(Debug)]
pub struct Writer {
    file: File,
    path: PathBuf,
}

impl Writer {
    /// Starts a journal with its header, or (resuming) appends to the one there is.
    pub fn open(path: &Path, header: &Header, resume: bool) -> io::Result<Self> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .truncate(false)
            .open(path)?;
        if !resume || file.metadata()?.len() == 0 {
            file.set_len(0)?;
            let mut line = serde_json::to_string(header).map_err(io::Error::other)?;
            line.push('\n');
            file.write_all(line.as_bytes())?;
            file.sync_data()?;
        } else {
            // A line cut short by a crash must not swallow the next one.
            let text = fs::read(path)?;
            if text.last().is_some_and(|b| *b != b'\n') {
                file.write_all(b"\n")?;
            }
        }
        Ok(Self {
            file,
            path: path.to_path_buf(),
        })
    }

    /// Appends one event as one line, written through to the disk before it returns.
    pub fn append(&mut self, event: &Event) -> io::Result<()> {
        self.write(event)?;
        self.file.sync_data()
    }

    /// Appends one event as one line, handed to the system (it survives the workbench being
    /// killed) but not yet synced to the disk (it may not survive the machine losing power):
    /// [`Self::syncer`] syncs many lines at once.
    pub fn write(&mut self, event: &Event) -> io::Result<()> {
        let mut line = serde_json::to_string(event).map_err(io::Error::other)?;
        line.push('\n');
        self.file.write_all(line.as_bytes())
    }

    /// A second handle on the file, to sync it without holding the writer: one sync covers
    /// every line written before it starts (group commit).
    pub fn syncer(&self) -> io::Result<File> {
        self.file.try_clone()
    }

    /// The journal's file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::room::state::ParticipantId;

    fn header() -> Header {
        Header {
            round: 3,
            token: "t".into(),
            host_token: "h".into(),
            join_code: "ABC234".into(),
            file: None,
            bind: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
            port: 4000,
            started: "2026-11-23 10:00 UTC".into(),
        }
    }

    #[test]
    fn events_come_back_and_a_cut_last_line_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("recovery-1.room.jsonl");
        let mut w = Writer::open(&path, &header(), false).unwrap();
        let joined = Event::Joined {
            id: ParticipantId("a".repeat(32)),
            name: "Anna".into(),
        };
        w.append(&joined).unwrap();
        w.append(&Event::Revealed).unwrap();
        drop(w);
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str("{\"answered\": {\"id\": \"aaa");
        fs::write(&path, &text).unwrap();
        let j = read(&path).unwrap();
        assert_eq!(j.header, header());
        assert_eq!(j.events, vec![joined.clone(), Event::Revealed]);
        // Resuming appends after the cut line, on a line of its own.
        let mut w = Writer::open(&path, &header(), true).unwrap();
        w.append(&Event::Closed).unwrap();
        assert_eq!(read(&path).unwrap().events.len(), 3);
        remove(&path).unwrap();
        remove(&path).unwrap();
    }

    #[test]
    fn a_broken_header_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.room.jsonl");
        fs::write(&path, "not json\n").unwrap();
        assert!(
            read(&path)
                .unwrap_err()
                .to_string()
                .contains(":1: not a room journal")
        );
    }
}
