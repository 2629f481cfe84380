//! Work that may take longer than a frame (opening a large file, writing the decision memo)
//! runs on a thread of its own; the window shows what is going on and stays responsive.

use crate::io::{LoadError, Loaded, SaveError};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a finished job hands back to the window.
#[derive(Debug)]
pub enum Outcome {
    /// A project file was read (or why not).
    Opened {
        /// The file.
        path: PathBuf,
        /// The project, or why it was refused.
        result: Box<Result<Loaded, LoadError>>,
    },
    /// The decision memo was written (or why not).
    MemoWritten {
        /// The file.
        path: PathBuf,
        /// Whether it worked.
        result: Result<(), SaveError>,
    },
}

/// A job running in the background.
#[derive(Debug)]
pub struct Job {
    /// What it does, for people ("Opening plan.pbsm.ron (5.2 MB)").
    pub title: String,
    /// Whether the user may stop waiting for it (nothing is lost by cancelling).
    pub cancellable: bool,
    started: Instant,
    receiver: mpsc::Receiver<Outcome>,
}

/// The state of a job after a look at it.
#[derive(Debug)]
pub enum Poll {
    /// Still working.
    Running,
    /// Finished with this outcome.
    Done(Outcome),
    /// The thread stopped without an outcome (a bug: it panicked).
    Failed,
}

impl Job {
    /// Starts `work` on a thread of its own.
    pub fn spawn(
        title: String,
        cancellable: bool,
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            // A cancelled job's window no longer listens; its outcome is dropped on purpose.
            if sender.send(work()).is_err() {}
        });
        Self {
            title,
            cancellable,
            started: Instant::now(),
            receiver,
        }
    }

    /// Waits at most `timeout` for the outcome (a short wait spares a fast job's flicker).
    pub fn wait(&self, timeout: Duration) -> Poll {
        match self.receiver.recv_timeout(timeout) {
            Ok(outcome) => Poll::Done(outcome),
            Err(mpsc::RecvTimeoutError::Timeout) => Poll::Running,
            Err(mpsc::RecvTimeoutError::Disconnected) => Poll::Failed,
        }
    }

    /// Looks whether the job is done, without waiting.
    pub fn poll(&self) -> Poll {
        match self.receiver.try_recv() {
            Ok(outcome) => Poll::Done(outcome),
            Err(mpsc::TryRecvError::Empty) => Poll::Running,
            Err(mpsc::TryRecvError::Disconnected) => Poll::Failed,
        }
    }

    /// Seconds since the job started.
    pub fn elapsed_s(&self) -> f32 {
        self.started.elapsed().as_secs_f32()
    }
}

/// A file size for people: "812 bytes", "48.2 KB", "5.2 MB".
pub fn file_size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    if bytes < 1_000 {
        format!("{bytes} bytes")
    } else if bytes < 1_000_000 {
        format!("{:.1} KB", b / 1e3)
    } else {
        format!("{:.1} MB", b / 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_back_its_outcome_and_a_panicking_one_is_reported() {
        let job = Job::spawn("memo".to_owned(), false, || Outcome::MemoWritten {
            path: PathBuf::from("m.html"),
            result: Ok(()),
        });
        assert!(matches!(
            job.wait(Duration::from_secs(10)),
            Poll::Done(Outcome::MemoWritten { .. })
        ));
        #[allow(clippy::panic)]
        let job = Job::spawn("boom".to_owned(), false, || panic!("a bug"));
        assert!(matches!(job.wait(Duration::from_secs(10)), Poll::Failed));
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(file_size(812), "812 bytes");
        assert_eq!(file_size(48_200), "48.2 KB");
        assert_eq!(file_size(5_210_000), "5.2 MB");
    }
}
