//! Interactive plots.

pub mod alternatives_map;
