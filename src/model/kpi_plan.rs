//! A KPI's plan: the planned path from the baseline through its milestones to the target, and
//! the cadence at which it is measured.
//!
//! - **Planned path.** The baseline on the baseline date, each milestone on its date, the target
//!   on the target date, joined by straight lines. Before the baseline date the plan is the
//!   baseline, from the target date on it is the target. Milestones that are not strictly
//!   between the two dates or whose value is not a finite number are left out (validation
//!   reports them); of two milestones on one day the first in the list counts.
//! - **Cadence.** A KPI is measured monthly, quarterly or yearly. The next measurement is due
//!   at the end of the month 1, 3 or 12 months after the latest actual (after the baseline date
//!   while there is none), and is overdue once that day has passed.

use super::choice::choice_enum;
use super::date::Date;
use super::management::{Actual, Kpi};
use serde::{Deserialize, Serialize};

choice_enum! {
    /// How often a KPI is measured: a KPI is judged only at its measurements, and a measurement
    /// is due a cadence after the last one.
    Cadence {
        /// Measured at the end of every month (followers, bookings, sales).
        Monthly => "Monthly",
        /// Measured at the end of every quarter (reports, panels).
        Quarterly => "Quarterly",
        /// Measured once a year (surveys, annual figures).
        Yearly => "Yearly",
    } default Monthly
}

impl Cadence {
    /// The months from one measurement to the next: 1, 3 or 12.
    pub fn months(self) -> i32 {
        match self {
            Self::Monthly => 1,
            Self::Quarterly => 3,
            Self::Yearly => 12,
        }
    }

    /// Whether this is the default (monthly), which a project file leaves out.
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    pub(crate) fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// A point the planned path passes through between baseline and target: "1,300 members by
/// 2026-09-30".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// When the value is planned.
    pub date: Date,
    /// The value planned on that date, in the KPI's unit.
    pub value: f64,
}

impl Kpi {
    /// Whether a milestone takes part in the planned path: strictly between the baseline and
    /// the target date, with a finite value.
    fn on_path(&self, m: &Milestone) -> bool {
        self.baseline_date < m.date && m.date < self.target_date && m.value.is_finite()
    }

    /// Why the milestone at `index` takes no part in the planned path, if it does not: "not
    /// between the baseline and the target date", "not a number", "a second milestone on its
    /// day".
    pub fn milestone_left_out(&self, index: usize) -> Option<&'static str> {
        let m = self.milestones.get(index)?;
        if m.date <= self.baseline_date || m.date >= self.target_date {
            Some("not between the baseline and the target date")
        } else if !m.value.is_finite() {
            Some("not a number")
        } else if self.milestones[..index]
            .iter()
            .any(|earlier| earlier.date == m.date && self.on_path(earlier))
        {
            Some("a second milestone on its day")
        } else {
            None
        }
    }

    /// The points of the planned path in date order: the baseline, the milestones that take
    /// part (see the module doc), the target.
    pub fn planned_path(&self) -> Vec<(Date, f64)> {
        let mut milestones: Vec<Milestone> = self
            .milestones
            .iter()
            .filter(|m| self.on_path(m))
            .copied()
            .collect();
        // A stable sort keeps the first of two milestones on one day first.
        milestones.sort_by_key(|m| m.date);
        milestones.dedup_by_key(|m| m.date);
        std::iter::once((self.baseline_date, self.baseline))
            .chain(milestones.iter().map(|m| (m.date, m.value)))
            .chain(std::iter::once((self.target_date, self.target)))
            .collect()
    }

    /// The value the planned path gives on `date`: the baseline before the baseline date, the
    /// target from the target date on (and always for a target due on or before the baseline
    /// date), in between linear between the neighbouring points.
    pub fn planned_at(&self, date: Date) -> f64 {
        if self.target_date <= self.baseline_date || date >= self.target_date {
            return self.target;
        }
        if date <= self.baseline_date {
            return self.baseline;
        }
        // The last point on or before `date` and the first after it, without sorting (this
        // runs for every KPI on every edit).
        let mut before = (self.baseline_date, self.baseline);
        let mut after = (self.target_date, self.target);
        for m in self.milestones.iter().filter(|m| self.on_path(m)) {
            if m.date <= date && m.date > before.0 {
                before = (m.date, m.value);
            } else if m.date > date && m.date < after.0 {
                after = (m.date, m.value);
            }
        }
        let span = after.0.days_since_epoch() - before.0.days_since_epoch();
        let done = date.days_since_epoch() - before.0.days_since_epoch();
        #[allow(clippy::cast_precision_loss)] // day counts are far below 2^52
        let share = done as f64 / span as f64;
        before.1 + (after.1 - before.1) * share
    }

    /// The day the next measurement is due: the end of the month a cadence after the latest
    /// actual, or after the baseline date while there is none.
    pub fn measurement_due(&self) -> Date {
        let from = self.latest().map_or(self.baseline_date, |a| a.0);
        from.end_of_month_after(self.cadence.months())
    }

    /// The actual to add next, to be typed over: on the day the next measurement is due, with
    /// the latest value (the baseline while there is none).
    pub fn next_actual(&self) -> Actual {
        let value = self.latest().map_or(self.baseline, |a| a.1);
        Actual(self.measurement_due(), value)
    }

    /// Adds a milestone that leaves the planned path as it is, to be typed over: in the middle
    /// of the longest stretch between two points of the path (at the end of that month if it
    /// still lies inside the stretch), with the value the path has there. The milestones stay
    /// in date order. Returns its index, or `None` when no stretch has a day between its ends.
    pub fn add_milestone(&mut self) -> Option<usize> {
        let path = self.planned_path();
        let (start, end) = path
            .windows(2)
            .map(|w| (w[0].0, w[1].0))
            .filter(|(a, b)| b.days_since_epoch() - a.days_since_epoch() >= 2)
            .max_by_key(|(a, b)| {
                // The first of equally long stretches.
                (
                    b.days_since_epoch() - a.days_since_epoch(),
                    std::cmp::Reverse(*a),
                )
            })?;
        let middle = start.add_days((end.days_since_epoch() - start.days_since_epoch()) / 2);
        let month_end = middle.end_of_month_after(0);
        let date = if month_end < end { month_end } else { middle };
        let value = self.planned_at(date);
        let index = self.milestones.partition_point(|m| m.date <= date);
        self.milestones.insert(index, Milestone { date, value });
        Some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{KpiDirection, KpiId};

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    /// The bakery's club members: 80 on 2026-03-31, 2,500 by 2027-03-31 (365 days).
    fn members() -> Kpi {
        Kpi {
            id: KpiId(1),
            name: "Sourdough club members".into(),
            unit: "members".into(),
            direction: KpiDirection::HigherIsBetter,
            baseline: 80.0,
            baseline_date: date("2026-03-31"),
            target: 2500.0,
            target_date: date("2027-03-31"),
            actuals: Vec::new(),
            alternative: None,
            option: None,
            benefit: None,
            cadence: Cadence::Monthly,
            milestones: Vec::new(),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn without_milestones_the_path_is_the_straight_line() {
        let k = members();
        assert_eq!(
            k.planned_path(),
            vec![(date("2026-03-31"), 80.0), (date("2027-03-31"), 2500.0)]
        );
        // 2026-10-31 is 214 of 365 days in: 80 + 2,420 × 214/365 = 1,498.849…
        assert!(close(
            k.planned_at(date("2026-10-31")),
            80.0 + 2420.0 * 214.0 / 365.0
        ));
        assert_eq!(k.planned_at(date("2026-03-31")), 80.0);
        assert_eq!(
            k.planned_at(date("2026-01-15")),
            80.0,
            "before: the baseline"
        );
        assert_eq!(k.planned_at(date("2027-03-31")), 2500.0);
        assert_eq!(
            k.planned_at(date("2027-06-30")),
            2500.0,
            "after: the target"
        );
    }

    #[test]
    fn the_path_runs_through_the_milestones_by_date() {
        let mut k = members();
        // A slow start: 300 by 2026-06-30 (91 days in), 1,500 by 2026-12-31 (275 days in),
        // listed out of order.
        k.milestones = vec![
            Milestone {
                date: date("2026-12-31"),
                value: 1500.0,
            },
            Milestone {
                date: date("2026-06-30"),
                value: 300.0,
            },
        ];
        assert_eq!(
            k.planned_path(),
            vec![
                (date("2026-03-31"), 80.0),
                (date("2026-06-30"), 300.0),
                (date("2026-12-31"), 1500.0),
                (date("2027-03-31"), 2500.0),
            ]
        );
        // 2026-04-30: 30 of the 91 days to the first milestone: 80 + 220 × 30/91 = 152.527…
        assert!(close(
            k.planned_at(date("2026-04-30")),
            80.0 + 220.0 * 30.0 / 91.0
        ));
        // On a milestone's date: its value.
        assert_eq!(k.planned_at(date("2026-06-30")), 300.0);
        // 2026-10-31: 123 of the 184 days from 06-30 to 12-31: 300 + 1,200 × 123/184 = 1,102.17…
        assert!(close(
            k.planned_at(date("2026-10-31")),
            300.0 + 1200.0 * 123.0 / 184.0
        ));
        // 2027-01-31: 31 of the 90 days to the target: 1,500 + 1,000 × 31/90 = 1,844.44…
        assert!(close(
            k.planned_at(date("2027-01-31")),
            1500.0 + 1000.0 * 31.0 / 90.0
        ));
    }

    #[test]
    fn milestones_off_the_path_are_left_out() {
        let mut k = members();
        let m = |d: &str, value| Milestone {
            date: date(d),
            value,
        };
        k.milestones = vec![
            m("2026-03-31", 900.0), // on the baseline date
            m("2027-03-31", 900.0), // on the target date
            m("2027-05-31", 900.0), // after the target
            m("2026-08-31", f64::NAN),
            m("2026-09-30", 1000.0),
            m("2026-09-30", 2000.0), // the second on one day
        ];
        assert_eq!(
            k.planned_path(),
            vec![
                (date("2026-03-31"), 80.0),
                (date("2026-09-30"), 1000.0),
                (date("2027-03-31"), 2500.0),
            ]
        );
        assert_eq!(k.planned_at(date("2026-09-30")), 1000.0);
        let why: Vec<_> = (0..=6).map(|i| k.milestone_left_out(i)).collect();
        assert_eq!(
            why,
            [
                Some("not between the baseline and the target date"),
                Some("not between the baseline and the target date"),
                Some("not between the baseline and the target date"),
                Some("not a number"),
                None,
                Some("a second milestone on its day"),
                None, // there is no seventh
            ]
        );
        // 2026-10-31: 31 of the 182 days from 09-30 to the target: 1,000 + 1,500 × 31/182.
        assert!(close(
            k.planned_at(date("2026-10-31")),
            1000.0 + 1500.0 * 31.0 / 182.0
        ));
        // A target due before its baseline (validation reports it) is planned from the start.
        k.target_date = date("2026-01-31");
        assert_eq!(k.planned_at(date("2026-10-31")), 2500.0);
        assert_eq!(k.planned_path().len(), 2);
    }

    #[test]
    fn a_measurement_is_due_a_cadence_after_the_last() {
        let mut k = members();
        // None yet: a cadence after the baseline date (2026-03-31).
        assert_eq!(k.measurement_due(), date("2026-04-30"));
        k.cadence = Cadence::Quarterly;
        assert_eq!(k.measurement_due(), date("2026-06-30"));
        k.cadence = Cadence::Yearly;
        assert_eq!(k.measurement_due(), date("2027-03-31"));
        // After the latest actual, whatever the order of the list; month ends stay month
        // ends (01-31 + 1 month is 02-28, 2028-02-29 in a leap year) and years turn.
        k.actuals = vec![
            Actual(date("2027-01-31"), 2000.0),
            Actual(date("2026-11-30"), 1600.0),
        ];
        k.cadence = Cadence::Monthly;
        assert_eq!(k.measurement_due(), date("2027-02-28"));
        k.cadence = Cadence::Quarterly;
        assert_eq!(k.measurement_due(), date("2027-04-30"));
        k.cadence = Cadence::Yearly;
        assert_eq!(k.measurement_due(), date("2028-01-31"));
        k.actuals = vec![Actual(date("2027-12-31"), 2600.0)];
        k.cadence = Cadence::Monthly;
        assert_eq!(k.measurement_due(), date("2028-01-31"));
        k.actuals = vec![Actual(date("2028-01-31"), 2600.0)];
        assert_eq!(k.measurement_due(), date("2028-02-29"));
        k.cadence = Cadence::Quarterly;
        // A measurement in the middle of the month: due at the end of the month 3 later.
        k.actuals = vec![Actual(date("2026-11-15"), 1600.0)];
        assert_eq!(k.measurement_due(), date("2027-02-28"));
    }

    #[test]
    fn the_next_actual_is_due_with_the_latest_value() {
        let mut k = members();
        assert_eq!(k.next_actual(), Actual(date("2026-04-30"), 80.0));
        k.actuals = vec![
            Actual(date("2026-05-31"), 490.0),
            Actual(date("2026-04-30"), 260.0),
        ];
        assert_eq!(k.next_actual(), Actual(date("2026-06-30"), 490.0));
        k.cadence = Cadence::Quarterly;
        assert_eq!(k.next_actual(), Actual(date("2026-08-31"), 490.0));
        k.cadence = Cadence::Yearly;
        assert_eq!(k.next_actual(), Actual(date("2027-05-31"), 490.0));
    }

    #[test]
    fn a_new_milestone_halves_the_longest_stretch_and_keeps_the_path() {
        let mut k = members();
        // 365 days: the middle is 182 days on, 2026-09-29; the month ends the day after.
        // 80 + 2,420 × 183/365 = 1,293.315…
        assert_eq!(k.add_milestone(), Some(0));
        assert_eq!(k.milestones[0].date, date("2026-09-30"));
        assert!(close(k.milestones[0].value, 80.0 + 2420.0 * 183.0 / 365.0));
        // Now 183 days before and 182 after: the first stretch is longer. Its middle,
        // 2026-06-30 (91 days on), is a month end already.
        assert_eq!(k.add_milestone(), Some(0));
        assert_eq!(k.milestones[0].date, date("2026-06-30"));
        assert!(close(k.milestones[0].value, 80.0 + 2420.0 * 91.0 / 365.0));
        // 91, 92 and 182 days: the last stretch; its middle is 2026-12-30, month end 12-31.
        assert_eq!(k.add_milestone(), Some(2));
        assert_eq!(k.milestones[2].date, date("2026-12-31"));
        // The path is the same straight line.
        assert!(close(
            k.planned_at(date("2026-10-31")),
            80.0 + 2420.0 * 214.0 / 365.0
        ));
        // When the month end is the stretch's end, the middle day itself.
        let mut k = members();
        k.baseline_date = date("2026-03-01");
        k.target_date = date("2026-03-31");
        assert_eq!(k.add_milestone(), Some(0));
        assert_eq!(k.milestones[0].date, date("2026-03-16"));
        // No day left between two points: nothing added.
        let mut k = members();
        k.target_date = date("2026-04-01");
        assert_eq!(k.add_milestone(), None);
        assert!(k.milestones.is_empty());
    }

    #[test]
    fn cadence_and_milestones_are_left_out_of_the_file_until_set() {
        let k = members();
        let text = ron::to_string(&k).unwrap();
        assert!(
            !text.contains("cadence") && !text.contains("milestones"),
            "{text}"
        );
        let mut k = k;
        k.cadence = Cadence::Yearly;
        k.milestones.push(Milestone {
            date: date("2026-09-30"),
            value: 1300.0,
        });
        let text = ron::to_string(&k).unwrap();
        assert!(
            text.contains("cadence:Yearly")
                && text.contains("milestones:[(date:\"2026-09-30\",value:1300.0)]"),
            "{text}"
        );
        assert_eq!(ron::from_str::<Kpi>(&text).unwrap(), k);
    }
}
