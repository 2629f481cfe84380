//! pbsm step 8: strategy management: KPIs, monitored assumptions, measures and adaptations.

use super::choice::choice_enum;
use super::date::Date;
use super::ids::{
    AlternativeId, AssumptionId, BenefitId, KpiId, MeasureId, OptionId, impl_has_id, set_link,
};
use super::kpi_plan::{Cadence, Milestone};
use super::score::Score;
use super::steering::{DecisionRecord, Integration, MonitoredRisk, Period};
use serde::{Deserialize, Serialize};

/// Everything needed to steer the strategy once it is decided.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Management {
    /// Key performance indicators.
    pub kpis: Vec<Kpi>,
    /// Assumptions, prerequisites and framework conditions under watch.
    pub assumptions: Vec<Assumption>,
    /// Implementation measures.
    pub measures: Vec<Measure>,
    /// The log of adaptations of the strategy.
    pub adaptations: Vec<Adaptation>,
    /// When a KPI counts as on track, behind or at risk.
    #[serde(default)]
    pub health: HealthThresholds,
    /// The period the strategy runs for (format version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The integration register: which business process takes up which corporate benefit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub integrations: Vec<Integration>,
    /// The risks of the strategy under watch.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<MonitoredRisk>,
    /// The record of the decision between the alternatives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionRecord>,
}

/// The shares of the planned progress at which a KPI is on track or behind (below: at risk):
/// the progress its latest actual made from the baseline, divided by the progress the planned
/// path foresaw at that date (see [`crate::analysis::kpi`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthThresholds {
    /// On track from this share of the planned progress (default 0.95).
    pub on_track: f64,
    /// Behind from this share, at risk below it (default 0.85).
    pub behind: f64,
}

impl Default for HealthThresholds {
    fn default() -> Self {
        Self {
            on_track: 0.95,
            behind: 0.85,
        }
    }
}

impl HealthThresholds {
    /// The highest share a threshold may have: twice the planned progress.
    pub const MAX_SHARE: f64 = 2.0;

    /// Whether the thresholds make sense: 0 < behind ≤ on track ≤ [`Self::MAX_SHARE`].
    pub fn is_valid(self) -> bool {
        self.behind.is_finite()
            && self.on_track.is_finite()
            && 0.0 < self.behind
            && self.behind <= self.on_track
            && self.on_track <= Self::MAX_SHARE
    }

    /// Sets the on-track share; the behind share follows it down if it was higher.
    pub fn set_on_track(&mut self, share: f64) {
        self.on_track = share;
        self.behind = self.behind.min(share);
    }

    /// Sets the behind share, at most the on-track share.
    pub fn set_behind(&mut self, share: f64) {
        self.behind = share.min(self.on_track);
    }
}

choice_enum! {
    /// Whether more or less of a KPI is better.
    KpiDirection {
        /// More is better (followers, leads).
        HigherIsBetter => "Higher is better",
        /// Less is better (cost per lead, response time).
        LowerIsBetter => "Lower is better",
    } default HigherIsBetter
}

/// A dated measurement of a KPI.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actual(pub Date, pub f64);

/// A key performance indicator with baseline, target and actuals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Stable id.
    pub id: KpiId,
    /// Name.
    pub name: String,
    /// Unit ("members", "EUR", "%").
    pub unit: String,
    /// Whether more or less is better.
    pub direction: KpiDirection,
    /// The value at the start.
    pub baseline: f64,
    /// When the baseline was measured.
    pub baseline_date: Date,
    /// The value to reach.
    pub target: f64,
    /// When to reach it.
    pub target_date: Date,
    /// Measurements, oldest first.
    pub actuals: Vec<Actual>,
    /// The alternative it measures, if any.
    pub alternative: Option<AlternativeId>,
    /// The option it measures, if any.
    pub option: Option<OptionId>,
    /// The corporate benefit whose realisation it measures, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit: Option<BenefitId>,
    /// How often it is measured (monthly unless set).
    #[serde(default, skip_serializing_if = "Cadence::is_default")]
    pub cadence: Cadence,
    /// Points the planned path passes through between baseline and target (none: the straight
    /// line); see [`Kpi::planned_at`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
}

choice_enum! {
    /// What kind of condition is watched.
    AssumptionKind {
        /// Something believed to be true.
        Assumption => "Assumption",
        /// Something that must be in place.
        Prerequisite => "Prerequisite",
        /// A condition outside the company's control.
        FrameworkCondition => "Framework condition",
    } default Assumption
}

choice_enum! {
    /// The state of a monitored assumption.
    AssumptionStatus {
        /// Not reviewed yet: nobody has checked whether it holds.
        NotReviewed => "Not reviewed yet",
        /// Still holds.
        Holds => "Holds",
        /// Signs that it may not hold.
        AtRisk => "At risk",
        /// No longer holds: a trigger to adapt the strategy.
        Broken => "Broken",
    } default NotReviewed
}

/// An assumption, prerequisite or framework condition that the strategy relies on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    /// Stable id.
    pub id: AssumptionId,
    /// What is assumed.
    pub text: String,
    /// Assumption, prerequisite or framework condition.
    pub kind: AssumptionKind,
    /// The alternatives that rely on it.
    pub alternatives: Vec<AlternativeId>,
    /// The options that rely on it (and so every alternative that bundles them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionId>,
    /// Its state at the last review.
    pub status: AssumptionStatus,
    /// When it was last reviewed.
    pub last_review: Option<Date>,
    /// What was seen at the last review.
    #[serde(default)]
    pub note: String,
    /// A KPI condition that, when met, puts the assumption at risk or breaks it by itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Trigger>,
    /// How many days may pass between reviews (format version 3; default
    /// [`DEFAULT_REVIEW_INTERVAL_DAYS`]).
    #[serde(
        default = "default_review_interval",
        skip_serializing_if = "is_default_review_interval"
    )]
    pub review_interval_days: u32,
    /// Who reviews it (format version 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
}

/// The review interval of an assumption unless it says otherwise: a quarter.
pub const DEFAULT_REVIEW_INTERVAL_DAYS: u32 = 90;

fn default_review_interval() -> u32 {
    DEFAULT_REVIEW_INTERVAL_DAYS
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_default_review_interval(days: &u32) -> bool {
    *days == DEFAULT_REVIEW_INTERVAL_DAYS
}

choice_enum! {
    /// Which way a trigger watches its KPI.
    TriggerCondition {
        /// Fires when the KPI is below the threshold.
        Below => "falls below",
        /// Fires when the KPI is above the threshold.
        Above => "rises above",
    } default Below
}

/// A KPI condition that watches an assumption: "below 2,000 by 2027-03-31".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// The KPI watched.
    pub kpi: KpiId,
    /// Below or above.
    pub condition: TriggerCondition,
    /// The threshold, in the KPI's unit.
    pub threshold: f64,
    /// From this date on (if set): before it the condition does not count yet.
    pub by: Option<Date>,
    /// What the assumption becomes when the trigger fires (at risk or broken).
    pub effect: AssumptionStatus,
}

impl Trigger {
    /// A new trigger on a KPI, to be set up: below 0, from now on, then at risk.
    pub fn watching(kpi: KpiId) -> Self {
        Self {
            kpi,
            condition: TriggerCondition::Below,
            threshold: 0.0,
            by: None,
            effect: AssumptionStatus::AtRisk,
        }
    }
}

choice_enum! {
    /// The state of an implementation measure.
    MeasureStatus {
        /// Not started.
        Planned => "Planned",
        /// Under way.
        InProgress => "In progress",
        /// Finished.
        Done => "Done",
        /// Stuck.
        Blocked => "Blocked",
    } default Planned
}

/// A measure that implements an option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable id.
    pub id: MeasureId,
    /// What is done.
    pub name: String,
    /// The option it implements, if any.
    pub option: Option<OptionId>,
    /// Who is responsible.
    pub owner: String,
    /// When it is due.
    pub due: Date,
    /// Its state.
    pub status: MeasureStatus,
    /// The effort planned, in person-days (format version 3, like the fields below).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_days: Option<f64>,
    /// The effort spent so far, in person-days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_days: Option<f64>,
    /// The money planned, in EUR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_eur: Option<f64>,
    /// The money spent so far, in EUR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_eur: Option<f64>,
    /// How far it has come, in percent, while in progress (planned counts 0, done 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_percent: Option<f64>,
    /// How well it is done, 0–10 (not assessed until someone judges it).
    #[serde(default, skip_serializing_if = "Score::is_not_assessed")]
    pub quality: Score,
    /// What the quality rating rests on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quality_note: String,
}

impl Measure {
    /// A planned measure with nothing else known yet.
    pub fn new(id: MeasureId, name: String, due: Date) -> Self {
        Self {
            id,
            name,
            option: None,
            owner: String::new(),
            due,
            status: MeasureStatus::Planned,
            planned_days: None,
            actual_days: None,
            planned_eur: None,
            actual_eur: None,
            progress_percent: None,
            quality: Score::NOT_ASSESSED,
            quality_note: String::new(),
        }
    }

    /// How far it has come, as a share (0–1): done 1, planned 0 (a progress entered while it
    /// was under way no longer counts), in progress or blocked its entered progress; `None`
    /// when that is missing.
    pub fn progress(&self) -> Option<f64> {
        match self.status {
            MeasureStatus::Done => Some(1.0),
            MeasureStatus::Planned => Some(0.0),
            MeasureStatus::InProgress | MeasureStatus::Blocked => self
                .progress_percent
                .filter(|p| p.is_finite())
                .map(|p| (p / 100.0).clamp(0.0, 1.0)),
        }
    }
}

/// An entry of the adaptation log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adaptation {
    /// When it was decided.
    pub date: Date,
    /// What was decided.
    pub decision: String,
    /// Why.
    pub reason: String,
    /// The KPI or assumption that caused it, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
}

/// What caused an adaptation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// A KPI's development.
    Kpi(KpiId),
    /// An assumption at risk or broken (by review or by its trigger).
    Assumption(AssumptionId),
}

impl_has_id!(Kpi => KpiId, Assumption => AssumptionId, Measure => MeasureId);

impl Kpi {
    /// The latest actual, if any.
    pub fn latest(&self) -> Option<Actual> {
        self.actuals.iter().max_by_key(|a| a.0).copied()
    }
}

impl AssumptionStatus {
    /// Whether the status calls for attention: at risk or broken (not reviewed yet is a gap
    /// for the strategy check, not a warning sign).
    pub fn is_trouble(self) -> bool {
        matches!(self, Self::AtRisk | Self::Broken)
    }
}

impl Assumption {
    /// An assumption not reviewed yet, relied on by nothing yet, reviewed quarterly.
    pub fn new(id: AssumptionId, text: String) -> Self {
        Self {
            id,
            text,
            kind: AssumptionKind::Assumption,
            alternatives: Vec::new(),
            options: Vec::new(),
            status: AssumptionStatus::NotReviewed,
            last_review: None,
            note: String::new(),
            trigger: None,
            review_interval_days: DEFAULT_REVIEW_INTERVAL_DAYS,
            owner: String::new(),
        }
    }

    /// The day the next review is due: the last review plus the interval; `None` when it was
    /// never reviewed (it is due now).
    pub fn next_review(&self) -> Option<Date> {
        self.last_review
            .map(|d| d.add_days(i64::from(self.review_interval_days)))
    }

    /// Records that an alternative relies on the assumption, or no longer does.
    pub fn set_relied_on_by(&mut self, alternative: AlternativeId, relies: bool) {
        set_link(&mut self.alternatives, alternative, relies);
    }

    /// Records that an option relies on the assumption, or no longer does.
    pub fn set_relied_on_by_option(&mut self, option: OptionId, relies: bool) {
        set_link(&mut self.options, option, relies);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_thresholds_keep_behind_at_most_on_track() {
        let mut h = HealthThresholds::default();
        assert!(h.is_valid());
        h.set_on_track(0.8);
        assert_eq!((h.on_track, h.behind), (0.8, 0.8), "behind follows down");
        h.set_on_track(1.1);
        assert_eq!((h.on_track, h.behind), (1.1, 0.8), "but not up");
        h.set_behind(1.5);
        assert_eq!(h.behind, 1.1, "behind stops at on track");
        h.set_behind(0.5);
        assert_eq!(h.behind, 0.5);
        assert!(h.is_valid());
        for (on_track, behind) in [(0.9, 0.95), (2.5, 0.5), (0.9, 0.0), (f64::NAN, 0.5)] {
            assert!(
                !HealthThresholds { on_track, behind }.is_valid(),
                "{on_track} {behind}"
            );
        }
        assert!(
            HealthThresholds {
                on_track: HealthThresholds::MAX_SHARE,
                behind: 0.01
            }
            .is_valid()
        );
    }

    #[test]
    fn a_new_trigger_warns_below_zero() {
        let t = Trigger::watching(KpiId(4));
        assert_eq!(t.kpi, KpiId(4));
        assert_eq!(t.condition, TriggerCondition::Below);
        assert_eq!(t.threshold, 0.0);
        assert_eq!(t.by, None);
        assert_eq!(t.effect, AssumptionStatus::AtRisk);
    }

    #[test]
    fn links_to_an_assumption_are_kept_once() {
        let mut a = Assumption {
            id: AssumptionId(1),
            text: "Bakers have time to post".into(),
            kind: AssumptionKind::Prerequisite,
            alternatives: Vec::new(),
            options: Vec::new(),
            status: AssumptionStatus::Holds,
            last_review: None,
            note: String::new(),
            trigger: None,
            review_interval_days: DEFAULT_REVIEW_INTERVAL_DAYS,
            owner: String::new(),
        };
        a.set_relied_on_by(AlternativeId(2), true);
        a.set_relied_on_by(AlternativeId(2), true);
        a.set_relied_on_by(AlternativeId(3), true);
        a.set_relied_on_by_option(OptionId(5), true);
        assert_eq!(a.alternatives, vec![AlternativeId(2), AlternativeId(3)]);
        a.set_relied_on_by(AlternativeId(2), false);
        a.set_relied_on_by_option(OptionId(5), false);
        assert_eq!(a.alternatives, vec![AlternativeId(3)]);
        assert!(a.options.is_empty());
    }
}
