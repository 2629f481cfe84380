//! KPI health: how a KPI's latest actual compares with the value expected at that date on the
//! straight line from baseline to target.

use crate::model::{Actual, Date, HealthThresholds, Kpi, KpiDirection};

/// A KPI's health.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Health {
    /// At least the on-track share of the expected value.
    OnTrack,
    /// Between the behind and the on-track share.
    Behind,
    /// Below the behind share.
    AtRisk,
    /// No actuals yet.
    NoData,
}

impl Health {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnTrack => "On track",
            Self::Behind => "Behind",
            Self::AtRisk => "At risk",
            Self::NoData => "No data",
        }
    }

    /// 1 good, 0 neutral, −1 bad (for colours).
    pub fn level(self) -> i8 {
        match self {
            Self::OnTrack => 1,
            Self::Behind | Self::NoData => 0,
            Self::AtRisk => -1,
        }
    }
}

/// The health of a KPI and the numbers behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KpiHealth {
    /// The verdict.
    pub health: Health,
    /// The latest actual, if any.
    pub latest: Option<Actual>,
    /// The value expected at the latest actual's date.
    pub expected: Option<f64>,
    /// Performance as a share of the expected value (above 1: better than expected).
    pub ratio: Option<f64>,
}

/// The value the straight line from baseline to target gives at `date` (the target itself after
/// the target date, the baseline before the baseline date).
pub fn expected_at(kpi: &Kpi, date: Date) -> f64 {
    let start = kpi.baseline_date.days_since_epoch();
    let end = kpi.target_date.days_since_epoch();
    let t = date.days_since_epoch();
    if end <= start {
        return kpi.target;
    }
    #[allow(clippy::cast_precision_loss)]
    let share = ((t - start) as f64 / (end - start) as f64).clamp(0.0, 1.0);
    kpi.baseline + (kpi.target - kpi.baseline) * share
}

/// Performance as a share of the expected value, from the direction of the KPI: actual ÷
/// expected where more is better, expected ÷ actual where less is better. Where those are not
/// meaningful (zero or negative values), the share of the expected progress from the baseline.
pub fn performance_ratio(kpi: &Kpi, actual: f64, expected: f64) -> f64 {
    let progress = || {
        let planned = expected - kpi.baseline;
        if planned.abs() < f64::EPSILON {
            // Nothing expected yet: on track unless it moved the wrong way.
            let moved = match kpi.direction {
                KpiDirection::HigherIsBetter => actual - kpi.baseline,
                KpiDirection::LowerIsBetter => kpi.baseline - actual,
            };
            if moved >= 0.0 { 1.0 } else { 0.0 }
        } else {
            (actual - kpi.baseline) / planned
        }
    };
    match kpi.direction {
        KpiDirection::HigherIsBetter if expected > 0.0 && actual >= 0.0 => actual / expected,
        KpiDirection::LowerIsBetter if expected > 0.0 && actual > 0.0 => expected / actual,
        _ => progress(),
    }
}

/// The health of a KPI at its latest actual.
pub fn health(kpi: &Kpi, thresholds: HealthThresholds) -> KpiHealth {
    let Some(latest) = kpi.latest() else {
        return KpiHealth {
            health: Health::NoData,
            latest: None,
            expected: None,
            ratio: None,
        };
    };
    let expected = expected_at(kpi, latest.0);
    let ratio = performance_ratio(kpi, latest.1, expected);
    let health = if ratio >= thresholds.on_track {
        Health::OnTrack
    } else if ratio >= thresholds.behind {
        Health::Behind
    } else {
        Health::AtRisk
    };
    KpiHealth {
        health,
        latest: Some(latest),
        expected: Some(expected),
        ratio: Some(ratio),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KpiId;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn kpi(direction: KpiDirection, baseline: f64, target: f64, actuals: &[(&str, f64)]) -> Kpi {
        Kpi {
            id: KpiId(1),
            name: "k".into(),
            unit: String::new(),
            direction,
            baseline,
            baseline_date: date("2026-03-31"),
            target,
            target_date: date("2027-03-31"),
            actuals: actuals.iter().map(|(d, v)| Actual(date(d), *v)).collect(),
            alternative: None,
            option: None,
            benefit: None,
        }
    }

    #[test]
    fn worked_by_hand_on_the_bakery_kpis() {
        let t = HealthThresholds::default();
        // Club members: 80 → 2,500 over 365 days; on 2026-10-31 (214 days) expected
        // 80 + 2,420 × 214/365 = 1,498.85; actual 1,450 is 96.7 %: on track.
        let k = kpi(
            KpiDirection::HigherIsBetter,
            80.0,
            2500.0,
            &[("2026-09-30", 1240.0), ("2026-10-31", 1450.0)],
        );
        let h = health(&k, t);
        assert!((h.expected.unwrap() - 1_498.849_315).abs() < 1e-3);
        assert!((h.ratio.unwrap() - 0.967_409).abs() < 1e-5);
        assert_eq!(h.health, Health::OnTrack);
        // Course bookings: 0 → 120; expected 70.36, actual 55 is 78 %: at risk.
        let k = kpi(
            KpiDirection::HigherIsBetter,
            0.0,
            120.0,
            &[("2026-10-31", 55.0)],
        );
        assert_eq!(health(&k, t).health, Health::AtRisk);
        // Unsold goods, lower is better: 9.5 → 7; expected 9.5 − 2.5 × 214/365 = 8.03425,
        // actual 8.5: expected ÷ actual = 94.5 %: behind.
        let k = kpi(
            KpiDirection::LowerIsBetter,
            9.5,
            7.0,
            &[("2026-10-31", 8.5)],
        );
        let h = health(&k, t);
        assert!((h.ratio.unwrap() - 0.945_205).abs() < 1e-5, "{:?}", h.ratio);
        assert_eq!(h.health, Health::Behind);
    }

    #[test]
    fn lower_is_better_beating_the_plan_is_on_track() {
        let k = kpi(
            KpiDirection::LowerIsBetter,
            147.0,
            90.0,
            &[("2026-09-30", 100.0)],
        );
        let h = health(&k, HealthThresholds::default());
        assert!(h.ratio.unwrap() > 1.0);
        assert_eq!(h.health, Health::OnTrack);
    }

    #[test]
    fn missing_actuals_and_edges() {
        let t = HealthThresholds::default();
        assert_eq!(
            health(&kpi(KpiDirection::HigherIsBetter, 0.0, 10.0, &[]), t).health,
            Health::NoData
        );
        // The latest actual counts, whatever the order in the list.
        let k = kpi(
            KpiDirection::HigherIsBetter,
            0.0,
            100.0,
            &[("2026-10-31", 60.0), ("2026-04-30", 1.0)],
        );
        assert_eq!(health(&k, t).latest.unwrap().1, 60.0);
        // After the target date the target is expected.
        let k = kpi(
            KpiDirection::HigherIsBetter,
            0.0,
            100.0,
            &[("2027-06-30", 90.0)],
        );
        assert_eq!(health(&k, t).expected, Some(100.0));
        assert_eq!(health(&k, t).health, Health::Behind);
        // On the baseline date the baseline is expected: 20 % the wrong way (10 ÷ 12 = 83 %)
        // is at risk, staying put is on track.
        let k = kpi(
            KpiDirection::LowerIsBetter,
            10.0,
            5.0,
            &[("2026-03-31", 12.0)],
        );
        assert_eq!(health(&k, t).health, Health::AtRisk);
        let k = kpi(
            KpiDirection::LowerIsBetter,
            10.0,
            5.0,
            &[("2026-03-31", 10.0)],
        );
        assert_eq!(health(&k, t).health, Health::OnTrack);
    }

    #[test]
    fn negative_values_use_the_share_of_planned_progress() {
        // Net sentiment from −20 to +20. On 2026-09-30 (183 of 365 days) the line expects
        // −20 + 40 × 183/365 = 0.0548. An actual of −10 has made (−10 + 20) ÷ (0.0548 + 20)
        // = 49.9 % of the planned progress: at risk. (Actual ÷ expected would be meaningless.)
        let k = kpi(
            KpiDirection::HigherIsBetter,
            -20.0,
            20.0,
            &[("2026-09-30", -10.0)],
        );
        let h = health(&k, HealthThresholds::default());
        assert!((h.expected.unwrap() - 0.054_795).abs() < 1e-5);
        assert!((h.ratio.unwrap() - 0.498_634).abs() < 1e-5, "{:?}", h.ratio);
        assert_eq!(h.health, Health::AtRisk);
    }

    #[test]
    fn thresholds_are_editable() {
        let k = kpi(
            KpiDirection::HigherIsBetter,
            0.0,
            120.0,
            &[("2026-10-31", 55.0)],
        );
        let lenient = HealthThresholds {
            on_track: 0.75,
            behind: 0.5,
        };
        assert_eq!(health(&k, lenient).health, Health::OnTrack);
    }
}
