//! Strategy versions: when a follow-up strategy starts, the state of the decision and its
//! steering (alternatives, criteria and weights, KPIs) is kept as a named version.

use super::alternatives::{Alternative, AlternativeStatus};
use super::choice::Choice;
use super::date::Date;
use super::decision::Criterion;
use super::management::{Adaptation, Assumption, Kpi};
use super::project::Project;
use super::steering::{DecisionRecord, Integration, MonitoredRisk};
use crate::format::{rating_number as rating, trim_number as number};
use serde::{Deserialize, Serialize};

/// A kept state of the strategy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyVersion {
    /// Its name ("Strategy 2026/27").
    pub name: String,
    /// When it was kept.
    pub date: Date,
    /// The alternatives as they were.
    pub alternatives: Vec<Alternative>,
    /// The criteria and weights as they were.
    pub criteria: Vec<Criterion>,
    /// The KPIs as they were.
    pub kpis: Vec<Kpi>,
    /// Why the follow-up strategy started (format version 3, like the fields below).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The monitored assumptions as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<Assumption>,
    /// The integration register as it was.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub integrations: Vec<Integration>,
    /// The monitored risks as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<MonitoredRisk>,
    /// The decision record as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionRecord>,
}

impl Project {
    /// Keeps the current state as a version named `name` and starts the follow-up strategy
    /// for `reason`: the alternatives that were not rejected go back to draft (the follow-up is
    /// decided anew), the decision record moves into the version, and the adaptation log
    /// records it with the reason.
    pub fn start_follow_up(&mut self, name: &str, reason: &str, today: Date) {
        self.versions.push(StrategyVersion {
            name: name.to_owned(),
            date: today,
            alternatives: self.alternatives.clone(),
            criteria: self.decision.criteria.clone(),
            kpis: self.management.kpis.clone(),
            reason: reason.trim().to_owned(),
            assumptions: self.management.assumptions.clone(),
            integrations: self.management.integrations.clone(),
            risks: self.management.risks.clone(),
            decision: self.management.decision.take(),
        });
        for a in &mut self.alternatives {
            if a.status != AlternativeStatus::Rejected {
                a.status = AlternativeStatus::Draft;
            }
        }
        self.management.adaptations.push(Adaptation {
            date: today,
            decision: format!(
                "Follow-up strategy started; the previous state is kept as version \"{name}\"."
            ),
            reason: reason.trim().to_owned(),
            cause: None,
        });
    }
}

/// One difference between a version and the current state.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// An alternative that is new.
    AlternativeAdded(String),
    /// An alternative that is gone.
    AlternativeRemoved(String),
    /// A value of an alternative that changed: (alternative, what, before, now).
    AlternativeChanged(String, &'static str, String, String),
    /// A criterion that is new.
    CriterionAdded(String),
    /// A criterion that is gone.
    CriterionRemoved(String),
    /// A weight that changed: (criterion, before, now).
    WeightChanged(String, f64, f64),
    /// A KPI that is new.
    KpiAdded(String),
    /// A KPI that is gone.
    KpiRemoved(String),
    /// A KPI value that changed: (KPI, what, before, now).
    KpiChanged(String, &'static str, String, String),
    /// An assumption that is new.
    AssumptionAdded(String),
    /// An assumption that is gone.
    AssumptionRemoved(String),
    /// An assumption's status that changed: (assumption, before, now).
    AssumptionChanged(String, String, String),
    /// An entry of the integration register that is new.
    IntegrationAdded(String),
    /// An entry of the integration register that is gone.
    IntegrationRemoved(String),
    /// A register entry's status that changed: (process, before, now).
    IntegrationChanged(String, String, String),
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::AlternativeAdded(n) => write!(f, "New alternative “{n}”"),
            Self::AlternativeRemoved(n) => write!(f, "Alternative “{n}” removed"),
            Self::AlternativeChanged(n, what, a, b) => write!(f, "“{n}”: {what} {a} → {b}"),
            Self::CriterionAdded(n) => write!(f, "New criterion “{n}”"),
            Self::CriterionRemoved(n) => write!(f, "Criterion “{n}” removed"),
            Self::WeightChanged(n, a, b) => write!(f, "Weight of {n}: {a:.2} → {b:.2}"),
            Self::KpiAdded(n) => write!(f, "New KPI “{n}”"),
            Self::KpiRemoved(n) => write!(f, "KPI “{n}” removed"),
            Self::KpiChanged(n, what, a, b) => write!(f, "KPI “{n}”: {what} {a} → {b}"),
            Self::AssumptionAdded(n) => write!(f, "New assumption “{n}”"),
            Self::AssumptionRemoved(n) => write!(f, "Assumption “{n}” removed"),
            Self::AssumptionChanged(n, a, b) => write!(f, "Assumption “{n}”: {a} → {b}"),
            Self::IntegrationAdded(n) => write!(f, "New process integration “{n}”"),
            Self::IntegrationRemoved(n) => write!(f, "Process integration “{n}” removed"),
            Self::IntegrationChanged(n, a, b) => {
                write!(f, "Process integration “{n}”: {a} → {b}")
            }
        }
    }
}

/// What changed from a version to the project's current state (matched by id).
pub fn compare(version: &StrategyVersion, project: &Project) -> Vec<Change> {
    let mut changes = Vec::new();
    for old in &version.alternatives {
        let Some(new) = project.alternative(old.id) else {
            changes.push(Change::AlternativeRemoved(old.name.clone()));
            continue;
        };
        let mut diff = |what: &'static str, a: String, b: String| {
            if a != b {
                changes.push(Change::AlternativeChanged(new.name.clone(), what, a, b));
            }
        };
        diff("name", old.name.clone(), new.name.clone());
        diff("status", old.status.to_string(), new.status.to_string());
        diff(
            "competitive quality",
            rating(old.competitive_quality),
            rating(new.competitive_quality),
        );
        diff("risk", rating(old.risk), rating(new.risk));
        diff(
            "budget (EUR)",
            number(old.budget_eur),
            number(new.budget_eur),
        );
        diff(
            "effort (person-days)",
            number(old.effort_person_days),
            number(new.effort_person_days),
        );
        diff(
            "goal contribution",
            rating(old.goal_contribution),
            rating(new.goal_contribution),
        );
        diff(
            "strategic quality",
            rating(old.strategic_quality),
            rating(new.strategic_quality),
        );
        diff(
            "options",
            old.options.len().to_string(),
            new.options.len().to_string(),
        );
    }
    for new in &project.alternatives {
        if !version.alternatives.iter().any(|a| a.id == new.id) {
            changes.push(Change::AlternativeAdded(new.name.clone()));
        }
    }
    for old in &version.criteria {
        match project.decision.criterion(old.id) {
            None => changes.push(Change::CriterionRemoved(old.name.clone())),
            Some(new) if (new.weight - old.weight).abs() > 1e-9 => {
                changes.push(Change::WeightChanged(
                    new.name.clone(),
                    old.weight,
                    new.weight,
                ));
            }
            Some(_) => {}
        }
    }
    for new in &project.decision.criteria {
        if !version.criteria.iter().any(|c| c.id == new.id) {
            changes.push(Change::CriterionAdded(new.name.clone()));
        }
    }
    for old in &version.kpis {
        let Some(new) = project.management.kpis.iter().find(|k| k.id == old.id) else {
            changes.push(Change::KpiRemoved(old.name.clone()));
            continue;
        };
        let mut diff = |what: &'static str, a: String, b: String| {
            if a != b {
                changes.push(Change::KpiChanged(new.name.clone(), what, a, b));
            }
        };
        diff("target", number(old.target), number(new.target));
        diff(
            "target date",
            old.target_date.to_string(),
            new.target_date.to_string(),
        );
        diff(
            "actuals",
            old.actuals.len().to_string(),
            new.actuals.len().to_string(),
        );
        diff(
            "cadence",
            old.cadence.label().to_lowercase(),
            new.cadence.label().to_lowercase(),
        );
        diff(
            "milestones",
            old.milestones.len().to_string(),
            new.milestones.len().to_string(),
        );
    }
    for new in &project.management.kpis {
        if !version.kpis.iter().any(|k| k.id == new.id) {
            changes.push(Change::KpiAdded(new.name.clone()));
        }
    }
    // Versions kept before they held assumptions and the register compare only what they
    // hold: an empty list there means "not kept", not "none".
    let m = &project.management;
    if !version.assumptions.is_empty() {
        for old in &version.assumptions {
            match m.assumptions.iter().find(|a| a.id == old.id) {
                None => changes.push(Change::AssumptionRemoved(old.text.clone())),
                Some(new) if new.status != old.status => changes.push(Change::AssumptionChanged(
                    new.text.clone(),
                    old.status.to_string(),
                    new.status.to_string(),
                )),
                Some(_) => {}
            }
        }
        for new in &m.assumptions {
            if !version.assumptions.iter().any(|a| a.id == new.id) {
                changes.push(Change::AssumptionAdded(new.text.clone()));
            }
        }
    }
    if !version.integrations.is_empty() {
        let name = |i: &Integration| format!("{}: {}", i.area, i.process);
        for old in &version.integrations {
            match m.integrations.iter().find(|i| i.id == old.id) {
                None => changes.push(Change::IntegrationRemoved(name(old))),
                Some(new) if new.status != old.status => {
                    changes.push(Change::IntegrationChanged(
                        name(new),
                        old.status.to_string(),
                        new.status.to_string(),
                    ));
                }
                Some(_) => {}
            }
        }
        for new in &m.integrations {
            if !version.integrations.iter().any(|i| i.id == new.id) {
                changes.push(Change::IntegrationAdded(name(new)));
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;
    use crate::model::{Actual, ItemKind, KpiId, add_item, validate};

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn starting_a_follow_up_keeps_the_version_and_reopens_the_decision() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        let log = p.management.adaptations.len();
        p.start_follow_up(
            "Strategy 2026/27",
            "The community grew slower than assumed",
            today(),
        );
        assert_eq!(p.versions.len(), 1);
        assert_eq!(
            p.versions[0].alternatives[0].status,
            AlternativeStatus::Chosen,
            "the version keeps the decision"
        );
        assert_eq!(p.alternatives[0].status, AlternativeStatus::Draft);
        assert_eq!(
            p.alternatives[1].status,
            AlternativeStatus::Rejected,
            "rejected stays rejected"
        );
        assert_eq!(p.management.adaptations.len(), log + 1);
        assert!(validate(&p).is_empty());
        // The version survives a save and load.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.pbsm.ron");
        crate::io::save(&p, &path).unwrap();
        assert_eq!(crate::io::load(&path).unwrap(), p);
    }

    #[test]
    fn comparing_shows_what_changed_in_alternatives_weights_and_kpis() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        p.start_follow_up("v1", "", today());
        let mut now = p.clone();
        now.alternatives[0].risk = Score::new(8.0);
        now.decision.set_weight(crate::model::CriterionId(1), 0.5);
        now.management.kpis[0].target = 3_000.0;
        now.management.kpis[0]
            .actuals
            .push(Actual(today(), 1_600.0));
        now.management.kpis[1].cadence = crate::model::Cadence::Quarterly;
        now.management.kpis[1].add_milestone();
        add_item(&mut now, ItemKind::Kpi, today()).unwrap();
        add_item(&mut now, ItemKind::Alternative, today()).unwrap();
        now.remove_kpi(KpiId(6));
        let changes = compare(&p.versions[0], &now);
        let text: Vec<String> = changes.iter().map(ToString::to_string).collect();
        let has = |s: &str| text.iter().any(|t| t == s);
        assert!(
            has("“Community first: the sourdough club”: risk 7 → 8"),
            "{text:#?}"
        );
        assert!(has("Weight of Competitive quality: 0.30 → 0.50"));
        assert!(has("KPI “Sourdough club members”: target 2500 → 3000"));
        assert!(has("KPI “Sourdough club members”: actuals 7 → 8"));
        assert!(has(
            "KPI “Course bookings per month”: cadence monthly → quarterly"
        ));
        assert!(has("KPI “Course bookings per month”: milestones 0 → 1"));
        assert!(has("New KPI “KPI 8”"));
        assert!(has("KPI “Cost per new club member” removed"));
        assert!(has("New alternative “Alternative 4”"));
        // Right after starting the follow-up only the reopened statuses differ.
        let right_after = compare(&p.versions[0], &p);
        assert!(!right_after.is_empty());
        assert!(
            right_after
                .iter()
                .all(|c| matches!(c, Change::AlternativeChanged(_, "status", _, _))),
            "{right_after:?}"
        );
    }
}
