//! Interactive plots and charts.

pub mod acceptability;
pub mod alternatives_map;
pub mod kpi_chart;
pub mod tornado;
