//! pbsm workbench: a desktop tool for developing social media strategies with the
//! potential-based strategy model (pbsm).
//!
//! - [`model`]: the project data, one module per pbsm component (no UI).
//! - [`analysis`]: numbers derived from a project (no UI).
//! - [`io`]: project files and the embedded sample case studies (no UI).
//! - [`cli`]: the command line.
//! - [`app`]: the egui workbench window.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod io;
pub mod model;
