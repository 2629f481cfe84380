//! Project files: loading with clear errors, atomic saving, the embedded samples.

pub mod migrate;
pub mod project_file;
pub mod recovery;
pub mod ron_scan;
pub mod samples;
pub mod scores_csv;

pub use project_file::{LoadError, Loaded, SaveError, load, load_reporting, save};
pub use samples::{SAMPLES, Sample};
