//! Numbers derived from a project: pure functions, no UI, deterministic.

pub mod ahp;
pub mod competition;
pub mod decision;
