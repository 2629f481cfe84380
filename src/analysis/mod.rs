//! Numbers derived from a project: pure functions, no UI, deterministic.

pub mod ahp;
pub mod assumptions;
pub mod check;
pub mod competition;
pub mod consistency;
pub mod decision;
pub mod goals;
pub mod kpi;
pub mod rng;
pub mod robustness;
pub mod room;
pub mod sensitivity;
pub mod steering;
pub mod suggest;
pub mod summary;
pub mod trace;
pub mod voting;

pub use summary::Analysis;
