//! Numbers derived from a project: pure functions, no UI, deterministic.

pub mod competition;
