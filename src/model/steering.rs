//! pbsm step 8, the parts of strategy management beyond KPIs and assumptions (format version 3):
//! the strategy period, the integration of corporate benefits into business processes, the
//! monitored risks of the chosen alternative, and the record of the decision itself.

use super::choice::choice_enum;
use super::date::Date;
use super::ids::{
    AlternativeId, BenefitId, IntegrationId, KpiId, OptionId, RiskId, UsageFormatId, impl_has_id,
};
use serde::{Deserialize, Serialize};

/// The period the strategy runs for: its budget and effort are meant for this period, its
/// measures fall within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

impl Period {
    /// Whether `date` lies within the period (both ends included).
    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// The share of the period passed on `date`, 0 before it and 1 after it.
    pub fn share_passed(self, date: Date) -> f64 {
        let (start, end) = (self.start.days_since_epoch(), self.end.days_since_epoch());
        if end <= start {
            return if date >= self.end { 1.0 } else { 0.0 };
        }
        #[allow(clippy::cast_precision_loss)]
        let share = (date.days_since_epoch() - start) as f64 / (end - start) as f64;
        share.clamp(0.0, 1.0)
    }
}

choice_enum! {
    /// The functional areas of a company that take up social media benefits.
    FunctionalArea {
        /// Sales.
        Sales => "Sales",
        /// Marketing and communication.
        Marketing => "Marketing and communication",
        /// Customer service.
        Service => "Customer service",
        /// Product and service development.
        Development => "Product development",
        /// Production and operations.
        Production => "Production and operations",
        /// Purchasing and procurement.
        Procurement => "Procurement",
        /// Human resources.
        HumanResources => "Human resources",
        /// Finance and controlling.
        Finance => "Finance and controlling",
        /// Management.
        Management => "Management",
        /// Any other area (name the process).
        Other => "Other",
    } default Marketing
}

choice_enum! {
    /// How far a business process has taken up a benefit.
    IntegrationStatus {
        /// The change is planned, not started.
        Planned => "Planned",
        /// The process is being changed.
        InProgress => "In progress",
        /// The process works the new way.
        Integrated => "Integrated",
        /// Stuck.
        Blocked => "Blocked",
    } default Planned
}

/// One entry of the integration register: a corporate benefit that a business process must take
/// up for the company to get it (sales uses the community's leads, HR the employer profile, ...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integration {
    /// Stable id.
    pub id: IntegrationId,
    /// The corporate benefit taken up.
    pub benefit: Option<BenefitId>,
    /// The functional area of the process.
    pub area: FunctionalArea,
    /// The business process ("Lead qualification", "Recruiting of apprentices").
    pub process: String,
    /// Who in the process answers for the change.
    pub owner: String,
    /// What the process must change.
    pub change: String,
    /// The result the area is to deliver from it.
    pub expected_result: String,
    /// The KPI that shows the result, if one does.
    pub kpi: Option<KpiId>,
    /// When the change is to be in place, if a date was set.
    pub due: Option<Date>,
    /// How far it is.
    pub status: IntegrationStatus,
}

impl Integration {
    /// Whether someone answers for the change (a name, not blanks).
    pub fn has_owner(&self) -> bool {
        !self.owner.trim().is_empty()
    }

    /// Whether the change is past its due date on `today` and not integrated.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status != IntegrationStatus::Integrated && self.due.is_some_and(|d| d < today)
    }
}

choice_enum! {
    /// The state of a monitored risk.
    RiskStatus {
        /// Not reviewed yet.
        NotReviewed => "Not reviewed yet",
        /// Under control: the precautions work.
        Controlled => "Under control",
        /// Rising: signs that it may happen.
        Rising => "Rising",
        /// It happened: act on it.
        Occurred => "Occurred",
    } default NotReviewed
}

impl RiskStatus {
    /// Whether the status calls for attention (rising or occurred).
    pub fn is_trouble(self) -> bool {
        matches!(self, Self::Rising | Self::Occurred)
    }
}

/// Where a monitored risk comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RiskSource {
    /// The risks named for a usage format (step 2).
    UsageFormat(UsageFormatId),
    /// An option for action.
    Option(OptionId),
    /// The competition: a competitor's move.
    Competition,
    /// Anything else.
    Other,
}

/// A risk of the strategy under watch, like an assumption: an owner, a review interval, the
/// status at the last review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoredRisk {
    /// Stable id.
    pub id: RiskId,
    /// What could go wrong.
    pub text: String,
    /// Where it comes from.
    pub source: RiskSource,
    /// What is done to prevent it or limit the damage.
    #[serde(default)]
    pub precaution: String,
    /// Who watches it.
    #[serde(default)]
    pub owner: String,
    /// Its state at the last review.
    pub status: RiskStatus,
    /// When it was last reviewed.
    pub last_review: Option<Date>,
    /// How many days may pass between reviews.
    pub review_interval_days: u32,
    /// What was seen at the last review.
    #[serde(default)]
    pub note: String,
}

impl MonitoredRisk {
    /// The day the next review is due; `None` when it was never reviewed (due now).
    pub fn next_review(&self) -> Option<Date> {
        self.last_review
            .map(|d| d.add_days(i64::from(self.review_interval_days)))
    }
}

/// Why an alternative was not chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    /// The alternative.
    pub alternative: AlternativeId,
    /// Why not, in the decider's words.
    pub reason: String,
}

/// The decision itself: who decided, when, for which alternative, why, and why not the others.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRecord {
    /// Who decided (a person or a board).
    pub decided_by: String,
    /// When.
    pub date: Date,
    /// The alternative decided on.
    pub alternative: Option<AlternativeId>,
    /// Why this one.
    pub reason: String,
    /// Why each other alternative was not chosen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

impl DecisionRecord {
    /// The reason kept for not choosing an alternative, if any (blank counts as none).
    pub fn rejection(&self, alternative: AlternativeId) -> Option<&str> {
        self.rejected
            .iter()
            .find(|r| r.alternative == alternative)
            .map(|r| r.reason.as_str())
            .filter(|r| !r.trim().is_empty())
    }

    /// The reason text for not choosing an alternative, to edit in place.
    pub fn rejection_mut(&mut self, alternative: AlternativeId) -> &mut String {
        let index = match self
            .rejected
            .iter()
            .position(|r| r.alternative == alternative)
        {
            Some(i) => i,
            None => {
                self.rejected.push(Rejection {
                    alternative,
                    reason: String::new(),
                });
                self.rejected.len() - 1
            }
        };
        &mut self.rejected[index].reason
    }
}

impl_has_id!(Integration => IntegrationId, MonitoredRisk => RiskId);

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn a_period_contains_both_ends_and_tells_how_much_has_passed() {
        let p = Period {
            start: date("2026-01-01"),
            end: date("2026-12-31"),
        };
        assert!(p.contains(date("2026-01-01")) && p.contains(date("2026-12-31")));
        assert!(!p.contains(date("2025-12-31")) && !p.contains(date("2027-01-01")));
        // 2026-07-02 is day 182 of 364 days between the ends: half.
        assert_eq!(p.share_passed(date("2026-07-02")), 0.5);
        assert_eq!(p.share_passed(date("2025-06-01")), 0.0);
        assert_eq!(p.share_passed(date("2027-06-01")), 1.0);
    }

    #[test]
    fn an_integration_is_overdue_after_its_date_until_integrated() {
        let mut i = Integration {
            id: IntegrationId(1),
            benefit: None,
            area: FunctionalArea::Sales,
            process: "Lead qualification".into(),
            owner: "  ".into(),
            change: String::new(),
            expected_result: String::new(),
            kpi: None,
            due: Some(date("2026-11-22")),
            status: IntegrationStatus::InProgress,
        };
        assert!(!i.has_owner());
        assert!(
            !i.is_overdue(date("2026-11-22")),
            "due today is not overdue"
        );
        assert!(i.is_overdue(date("2026-11-23")));
        i.status = IntegrationStatus::Integrated;
        assert!(!i.is_overdue(date("2026-11-23")));
        i.status = IntegrationStatus::Planned;
        i.due = None;
        assert!(!i.is_overdue(date("2030-01-01")), "no date, never overdue");
    }

    #[test]
    fn a_rejection_reason_is_kept_once_per_alternative() {
        let mut r = DecisionRecord {
            decided_by: "Board".into(),
            date: date("2026-10-01"),
            alternative: Some(AlternativeId(1)),
            reason: String::new(),
            rejected: Vec::new(),
        };
        assert_eq!(r.rejection(AlternativeId(2)), None);
        r.rejection_mut(AlternativeId(2)).push_str("Too expensive");
        r.rejection_mut(AlternativeId(2)).push_str(" for us");
        assert_eq!(r.rejected.len(), 1);
        assert_eq!(r.rejection(AlternativeId(2)), Some("Too expensive for us"));
        *r.rejection_mut(AlternativeId(3)) = "   ".into();
        assert_eq!(r.rejection(AlternativeId(3)), None, "blank is no reason");
    }
}
