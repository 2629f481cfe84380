//! KPI health: the progress a KPI made from its baseline, judged against the progress its plan
//! foresaw by the date of its latest actual, and when the next measurement is due.
//!
//! # The rule
//!
//! - **The plan.** The planned path runs from the baseline through the KPI's milestones to the
//!   target, straight between the points ([`Kpi::planned_at`]): the baseline before the
//!   baseline date, the target from the target date on.
//! - **Progress** is counted from the baseline in the KPI's direction: actual − baseline where
//!   higher is better, baseline − actual where lower is better (negative: it moved the wrong
//!   way). The *planned progress* is the same for the planned value at the actual's date.
//! - **Share of the plan.** Progress made ÷ planned progress. On track from the on-track share
//!   of the planned progress (default 95 %), behind from the behind share (85 %), at risk
//!   below. The level itself is not compared with the planned level: a KPI planned to grow
//!   from 1,000 to 1,046.9 by a date that stands at 1,015 is at 97 % of the planned level but
//!   has made 32 % of the planned progress, and is at risk.
//! - **The wrong way.** A KPI that moved the wrong way while progress was planned has a
//!   negative share: at risk.
//! - **Nothing planned yet.** Where the plan foresees no progress at the actual's date (the
//!   actual is dated on or before the baseline date, the path starts flat or first dips, or
//!   the target does not improve on the baseline, which the consistency check reports), there
//!   is no share to take: the KPI is on track when the actual is at or better than the
//!   planned value, and at risk when it is worse.
//! - **After the target date** the target is planned: the whole progress from the baseline.
//! - **Cadence.** A KPI is judged at its latest measurement only, so a KPI measured once a year
//!   is never judged by monthly expectations. Its next measurement is due a cadence after the
//!   latest (see [`Kpi::measurement_due`]). Without any measurement a KPI is *not measured yet*
//!   until its first measurement is due, and *overdue* once that day has passed
//!   ([`health_on`]); neither is a judgement of its progress.

use crate::format::{group_thousands, group_thousands_decimals, percent};
use crate::model::{Actual, Date, HealthThresholds, Kpi, KpiDirection};

/// A KPI's health.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Health {
    /// At least the on-track share of the planned progress made.
    OnTrack,
    /// Between the behind and the on-track share.
    Behind,
    /// Below the behind share, or the wrong way.
    AtRisk,
    /// No actual yet, and the first measurement is not due yet (or today is not known).
    NotMeasuredYet,
    /// No actual yet, and the first measurement is overdue.
    Overdue,
}

impl Health {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnTrack => "On track",
            Self::Behind => "Behind",
            Self::AtRisk => "At risk",
            Self::NotMeasuredYet => "Not measured yet",
            Self::Overdue => "Overdue",
        }
    }

    /// For colours: 1 good, 0 a warning, −1 bad; `None` for no signal (not measured yet).
    pub fn level(self) -> Option<i8> {
        match self {
            Self::OnTrack => Some(1),
            Self::Behind | Self::Overdue => Some(0),
            Self::AtRisk => Some(-1),
            Self::NotMeasuredYet => None,
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
    /// The planned value at the latest actual's date.
    pub planned_value: Option<f64>,
    /// The progress the latest actual made from the baseline, in the KPI's direction (negative:
    /// the wrong way).
    pub made: Option<f64>,
    /// The progress planned from the baseline by the latest actual's date, in the KPI's
    /// direction.
    pub planned: Option<f64>,
    /// Progress made ÷ planned progress, where progress was planned (above 1: ahead of plan).
    pub ratio: Option<f64>,
    /// How the KPI's numbers are written.
    pub numbers: NumberKind,
}

/// How a KPI's numbers are written, by what its unit and its values say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumberKind {
    /// Things counted (members, bookings, applications): whole numbers ("1,499"), also where
    /// the planned path between two counts falls between them; one decimal where the numbers
    /// are small (below 20), so rounding does not hide the gap the verdict is about. A KPI is a count when its
    /// unit names no money or percentage and every number entered for it (baseline, target,
    /// milestones, actuals) is whole.
    Count,
    /// Money (the unit names a currency): thousands grouped, cents only where there are any
    /// and the amounts are small ("EUR 12,000" is "12,000", "7.2" stays "7.2").
    Money,
    /// A percentage (the unit starts with "%" or says "percent"): one decimal at most ("8.5").
    Percent,
    /// Anything else: as precise as the scale calls for ([`amount`]).
    #[default]
    Measure,
}

impl NumberKind {
    /// The kind of `kpi`'s numbers.
    pub fn of(kpi: &Kpi) -> Self {
        let unit = kpi.unit.to_lowercase();
        let unit = unit.trim();
        const CURRENCIES: [&str; 8] = ["eur", "€", "usd", "$", "gbp", "£", "chf", "dollar"];
        if unit.starts_with('%') || unit.contains("percent") {
            return Self::Percent;
        }
        if CURRENCIES.iter().any(|c| {
            unit.split(|ch: char| !ch.is_alphanumeric() && !"€$£".contains(ch))
                .any(|word| word == *c || word.trim_end_matches('s') == *c)
        }) {
            return Self::Money;
        }
        let whole = |v: f64| v.fract() == 0.0;
        let entered = [kpi.baseline, kpi.target]
            .into_iter()
            .chain(kpi.milestones.iter().map(|m| m.value))
            .chain(kpi.actuals.iter().map(|a| a.1));
        if entered.into_iter().all(whole) {
            Self::Count
        } else {
            Self::Measure
        }
    }

    /// A number of this kind, at the precision `scale` (the largest number it is shown with)
    /// calls for.
    pub fn text(self, value: f64, scale: f64) -> String {
        match self {
            // Whole from a scale of 20 on; below, one decimal keeps "made 6 of 6.4 planned"
            // from reading "made 6 of 6" beside a verdict of "behind".
            Self::Count if scale >= 20.0 => group_thousands(value),
            Self::Count => group_thousands_decimals((value * 10.0).round() / 10.0),
            Self::Percent => {
                let tenths = (value * 10.0).round() / 10.0;
                group_thousands_decimals(tenths)
            }
            Self::Money | Self::Measure => amount(value, scale),
        }
    }
}

/// A KPI's value as its kind of number calls for ("1,499" planned members, "1.47" percentage
/// points), for the window, the memo and the command line alike.
pub fn value_text(kpi: &Kpi, value: f64) -> String {
    let scale = kpi.baseline.abs().max(kpi.target.abs()).max(value.abs());
    NumberKind::of(kpi).text(value, scale)
}

/// The progress a value makes from the KPI's baseline, in the KPI's direction: value −
/// baseline where higher is better, baseline − value where lower is better.
pub fn progress(kpi: &Kpi, value: f64) -> f64 {
    match kpi.direction {
        KpiDirection::HigherIsBetter => value - kpi.baseline,
        KpiDirection::LowerIsBetter => kpi.baseline - value,
    }
}

/// What counts as no progress at all: a billionth of the KPI's scale (rounding in the path).
fn negligible(kpi: &Kpi) -> f64 {
    1e-9 * kpi.baseline.abs().max(kpi.target.abs()).max(1.0)
}

/// The health of a KPI at its latest actual (not measured yet without one).
pub fn health(kpi: &Kpi, thresholds: HealthThresholds) -> KpiHealth {
    let Some(latest) = kpi.latest() else {
        return KpiHealth {
            health: Health::NotMeasuredYet,
            latest: None,
            planned_value: None,
            made: None,
            planned: None,
            ratio: None,
            numbers: NumberKind::of(kpi),
        };
    };
    let planned_value = kpi.planned_at(latest.0);
    let planned = progress(kpi, planned_value);
    let made = progress(kpi, latest.1);
    let tolerance = negligible(kpi);
    let (health, ratio) = if planned > tolerance {
        let ratio = made / planned;
        let health = if ratio >= thresholds.on_track {
            Health::OnTrack
        } else if ratio >= thresholds.behind {
            Health::Behind
        } else {
            Health::AtRisk
        };
        (health, Some(ratio))
    } else if made >= planned - tolerance {
        (Health::OnTrack, None)
    } else {
        (Health::AtRisk, None)
    };
    KpiHealth {
        health,
        latest: Some(latest),
        planned_value: Some(planned_value),
        made: Some(made),
        planned: Some(planned),
        ratio,
        numbers: NumberKind::of(kpi),
    }
}

/// The health of a KPI on `today`: [`health`], and for a KPI without an actual whether its
/// first measurement is overdue.
pub fn health_on(kpi: &Kpi, thresholds: HealthThresholds, today: Date) -> KpiHealth {
    health(kpi, thresholds).as_of(kpi, today)
}

/// The day the KPI's next measurement is due: the end of the month a cadence (1, 3 or 12
/// months) after its latest actual, or after its baseline date while it has none.
pub fn measurement_due(kpi: &Kpi) -> Date {
    kpi.measurement_due()
}

/// Whether the KPI's next measurement is overdue on `today`: its due day has passed.
pub fn measurement_overdue(kpi: &Kpi, today: Date) -> bool {
    today > measurement_due(kpi)
}

/// A number of a KPI at the precision its scale calls for: whole above 100 ("1,419"), up to
/// two decimals below ("1.47").
fn amount(value: f64, scale: f64) -> String {
    if scale >= 100.0 {
        group_thousands(value)
    } else {
        group_thousands_decimals(value)
    }
}

impl KpiHealth {
    /// This health on `today`: a KPI without an actual whose first measurement is overdue is
    /// [`Health::Overdue`]; anything else stays as it is.
    #[must_use]
    pub fn as_of(self, kpi: &Kpi, today: Date) -> Self {
        if self.health == Health::NotMeasuredYet && measurement_overdue(kpi, today) {
            Self {
                health: Health::Overdue,
                ..self
            }
        } else {
            self
        }
    }

    /// The numbers behind the verdict in words: "made 1,370 of 1,419 planned (97 %)", "moved
    /// 20 the wrong way, 1,419 planned", "no progress planned yet; held the baseline", "not
    /// measured yet".
    pub fn words(&self) -> String {
        let (Some(made), Some(planned)) = (self.made, self.planned) else {
            return match self.health {
                Health::Overdue => "first measurement overdue".to_owned(),
                _ => "not measured yet".to_owned(),
            };
        };
        let scale = made.abs().max(planned.abs());
        let n = |v: f64| self.numbers.text(v, scale);
        let moved = if made < 0.0 {
            format!("moved {} the wrong way", n(-made))
        } else if n(made) == n(0.0) {
            "held the baseline".to_owned()
        } else {
            format!("made {}", n(made))
        };
        match self.ratio {
            Some(ratio) if made >= 0.0 => {
                format!(
                    "made {} of {} planned ({})",
                    n(made),
                    n(planned),
                    percent(ratio, 0)
                )
            }
            Some(_) => format!("{moved}, {} planned", n(planned)),
            None if planned < 0.0 => {
                format!(
                    "the plan allows {} the wrong way by then; {moved}",
                    n(-planned)
                )
            }
            None => format!("no progress planned yet; {moved}"),
        }
    }
}

#[cfg(test)]
mod tests;
