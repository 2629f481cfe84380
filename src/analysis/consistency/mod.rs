//! Consistency findings: places where the project contradicts itself or the method's rules,
//! whatever is filled in. Each finding names the rule it applies, in plain words, and the item
//! to open. (The completeness check is [`super::check`].)
//!
//! A large project can have thousands of findings, of which a pane shows a few: [`findings`]
//! only finds them (cheap enough for every edit), and [`Messages`] words the ones shown.

use super::assumptions::effective_status;
use super::decision::Evaluation;
use super::steering::{self, RecordGap, Resource};
use super::suggest;
use crate::format::trim_number;
use crate::model::{
    AlternativeId, AlternativeStatus, Assumption, AssumptionId, AssumptionStatus, BenefitId,
    Choice, Date, ItemRef, Kpi, KpiDirection, KpiId, MeasureStatus, OptionId, PotentialDecision,
    Project, Suggested,
};
use std::collections::HashSet;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look: the project may be right, but it reads oddly.
    Warning,
    /// The project contradicts itself or the method: a decision built on it is not sound.
    Problem,
}

impl Severity {
    /// A word for people and machines ("warning", "problem").
    pub fn label(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Problem => "problem",
        }
    }
}

/// The kinds of consistency finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An option's competitive assessment contradicts the competition matrix, with no reason
    /// kept.
    AssessmentContradictsMatrix,
    /// Another value differs from what the earlier steps suggest, with no reason kept.
    DiffersFromSuggestion,
    /// A dominated alternative is marked decision-ready or chosen.
    DominatedStillReady,
    /// An alternative over the budget is marked decision-ready or chosen.
    OverBudgetStillReady,
    /// An assumption's KPI trigger fired while its reviewed status still says it holds.
    FiredTriggerStillHolds,
    /// An implementation measure is past its due date and not done.
    OverdueMeasure,
    /// A KPI's target does not improve on its baseline in the KPI's direction, or is due
    /// before the baseline was measured.
    KpiTargetContradictsGoal,
    /// An assumption was last reviewed longer ago than its review interval.
    AssumptionReviewOverdue,
    /// A potential set aside is what an option of the chosen alternative builds on.
    SetAsidePotentialUsed,
    /// No KPI measures a goal.
    GoalWithoutKpi,
    /// A corporate benefit serves no goal.
    BenefitWithoutGoal,
    /// A KPI measures neither a goal nor a corporate benefit.
    KpiWithoutGoalOrBenefit,
    /// A corporate benefit of the chosen alternative has no business process with an owner.
    BenefitWithoutProcessOwner,
    /// A process change of the integration register is past its date and not integrated.
    ProcessChangeOverdue,
    /// A measure uses money or effort faster than it progresses.
    SpendAheadOfProgress,
    /// A measure is due outside the strategy period.
    MeasureOutsidePeriod,
    /// A monitored risk was last reviewed longer ago than its interval.
    RiskReviewOverdue,
    /// A usage format of the chosen alternative has named risks nobody watches.
    RiskNotMonitored,
    /// An alternative is chosen but the decision record is missing, names another, or lacks
    /// who or why.
    DecisionNotRecorded,
    /// An alternative that was not chosen has no reason in the decision record.
    RejectionWithoutReason,
}

impl Kind {
    /// A stable name for automation (`check --json`).
    pub fn code(self) -> &'static str {
        match self {
            Self::AssessmentContradictsMatrix => "assessment-contradicts-matrix",
            Self::DiffersFromSuggestion => "differs-from-suggestion",
            Self::DominatedStillReady => "dominated-still-ready",
            Self::OverBudgetStillReady => "over-budget-still-ready",
            Self::FiredTriggerStillHolds => "fired-trigger-still-holds",
            Self::OverdueMeasure => "overdue-measure",
            Self::KpiTargetContradictsGoal => "kpi-target-contradicts-goal",
            Self::AssumptionReviewOverdue => "assumption-review-overdue",
            Self::SetAsidePotentialUsed => "set-aside-potential-used",
            Self::GoalWithoutKpi => "goal-without-kpi",
            Self::BenefitWithoutGoal => "benefit-without-goal",
            Self::KpiWithoutGoalOrBenefit => "kpi-without-goal-or-benefit",
            Self::BenefitWithoutProcessOwner => "benefit-without-process-owner",
            Self::ProcessChangeOverdue => "process-change-overdue",
            Self::SpendAheadOfProgress => "spend-ahead-of-progress",
            Self::MeasureOutsidePeriod => "measure-outside-period",
            Self::RiskReviewOverdue => "risk-review-overdue",
            Self::RiskNotMonitored => "risk-not-monitored",
            Self::DecisionNotRecorded => "decision-not-recorded",
            Self::RejectionWithoutReason => "rejection-without-reason",
        }
    }

    /// The method's rule the finding applies, in plain words.
    pub fn rule(self) -> &'static str {
        match self {
            Self::AssessmentContradictsMatrix => {
                "An option's competitive position follows from the competition: a leading position needs performance above the strongest performance and attention competitor in its topic, usage format and user benefit; catching up is parity, not an advantage. Keep another assessment only with a reason."
            }
            Self::DiffersFromSuggestion => {
                "Each step of the method builds on the one before: a value that departs from what the earlier steps suggest needs a reason, so the decision stays traceable."
            }
            Self::DominatedStillReady => {
                "An alternative that another beats or equals on every criterion is no real choice: it should not be put before management as decision-ready."
            }
            Self::OverBudgetStillReady => {
                "A decision-ready alternative fits the resources the company can give: one over the budget needs more budget or a smaller bundle first."
            }
            Self::FiredTriggerStillHolds => {
                "A broken assumption is a trigger to adapt the strategy: when its KPI trigger fires, review the assumption and record the adaptation."
            }
            Self::OverdueMeasure => {
                "Strategy management steers the implementation: a measure past its due date is done, rescheduled or dropped, not left open."
            }
            Self::KpiTargetContradictsGoal => {
                "A KPI measures progress towards a goal: its target lies beyond its baseline in the direction that is better, and is due after the baseline was measured."
            }
            Self::AssumptionReviewOverdue => {
                "Strategy management monitors assumptions, prerequisites and framework conditions: each is reviewed within its interval, or its status says nothing."
            }
            Self::SetAsidePotentialUsed => {
                "The strategy check asks for the potential used and the potential deliberately not used: an option of the chosen strategy cannot build on a potential set aside."
            }
            Self::GoalWithoutKpi => {
                "A goal is stated so that it can be checked: at least one KPI measures whether it is reached, or strategy management cannot tell."
            }
            Self::BenefitWithoutGoal => {
                "A corporate benefit is pursued for the goals it serves: a benefit that serves no company or social media goal either lacks its link or is not worth pursuing."
            }
            Self::KpiWithoutGoalOrBenefit => {
                "A KPI steers the strategy: it measures a goal or the realisation of a corporate benefit, otherwise nobody can say what its value means for the business."
            }
            Self::BenefitWithoutProcessOwner => {
                "Strategy management integrates the social media benefits into business processes: each benefit the chosen strategy is to realise needs a process that takes it up and an owner there."
            }
            Self::ProcessChangeOverdue => {
                "A benefit pays only once its business process works the new way: a process change past its date is done, rescheduled or escalated."
            }
            Self::SpendAheadOfProgress => {
                "Strategy management steers the implementation in quality and quantity: money or effort used faster than the measure progresses is a warning before the budget runs out."
            }
            Self::MeasureOutsidePeriod => {
                "The budget and effort are meant for the strategy period: a measure due outside it belongs to another period or needs the period changed."
            }
            Self::RiskReviewOverdue => {
                "Strategy management monitors the strategy's risks like its assumptions: each is reviewed within its interval."
            }
            Self::RiskNotMonitored => {
                "The strategy check asks for the competitive risks and how they are handled: a usage format of the chosen strategy with named risks needs a monitored risk."
            }
            Self::DecisionNotRecorded => {
                "Every decision is documented and traceable: who decided, when, for which alternative and why."
            }
            Self::RejectionWithoutReason => {
                "A traceable decision says why each other alternative was not chosen, so that a follow-up strategy can revisit it."
            }
        }
    }
}

/// One consistency finding; [`Messages`] says what was found, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What kind of contradiction.
    pub kind: Kind,
    /// How serious it is.
    pub severity: Severity,
    /// The item to open to fix it.
    pub item: ItemRef,
    /// What the message needs beyond the kind and the item.
    detail: Detail,
}

/// What a finding's message needs beyond its kind and item (which name the rest).
#[derive(Clone, Debug, PartialEq)]
enum Detail {
    /// Nothing more.
    None,
    /// Which value of the item differs from its suggestion.
    Differs(Suggested),
    /// The alternatives that dominate the item.
    DominatedBy(Vec<AlternativeId>),
    /// The status the assumption's fired trigger gives it.
    Fired(AssumptionStatus),
    /// The resource a measure uses ahead of its progress, the share used and the progress.
    Ahead(Resource, f64, f64),
    /// What the decision record lacks.
    Record(RecordGap),
    /// The option of the chosen alternative, and the benefit it realises, that build on the
    /// potential set aside.
    SetAside {
        option: OptionId,
        alternative: AlternativeId,
        benefit: BenefitId,
    },
}

impl Finding {
    fn new(kind: Kind, severity: Severity, item: ItemRef, detail: Detail) -> Self {
        Self {
            kind,
            severity,
            item,
            detail,
        }
    }
}

/// Words findings: what was found, naming the items. Built for the project and the day the
/// findings were computed for; what the explanations share is built once, on first need.
pub struct Messages<'p> {
    project: &'p Project,
    explainer: suggest::Explainer<'p>,
}

impl<'p> Messages<'p> {
    /// Messages for findings of `project` on `today`.
    pub fn new(project: &'p Project, today: Date) -> Self {
        Self {
            project,
            explainer: suggest::Explainer::new(project, today),
        }
    }

    /// Every finding's message, in order.
    pub fn all(project: &Project, today: Date, findings: &[Finding]) -> Vec<String> {
        let messages = Messages::new(project, today);
        findings.iter().map(|f| messages.of(f)).collect()
    }

    /// What was found, naming the items.
    pub fn of(&self, f: &Finding) -> String {
        self.words(f).unwrap_or_else(|| {
            let kind = f.item.kind().label();
            let mut chars = kind.chars();
            let first = chars.next().map(|c| c.to_uppercase().to_string());
            format!(
                "{}{} (no longer in the project).",
                first.unwrap_or_default(),
                chars.as_str()
            )
        })
    }

    fn words(&self, f: &Finding) -> Option<String> {
        let p = self.project;
        Some(match (&f.detail, f.item) {
            (Detail::Differs(of), item) => {
                let d = self.explainer.disagreement(item, *of)?;
                let name = &d.name;
                if *of == Suggested::Position {
                    format!(
                        "Option “{name}” is assessed as {}, but the competition matrix suggests {} ({}).",
                        d.yours.to_lowercase(),
                        d.suggested.to_lowercase(),
                        d.why
                    )
                } else {
                    format!(
                        "“{name}”: {} is {}, but the earlier steps suggest {} ({}); accept it or say why yours stands.",
                        of.label().to_lowercase(),
                        d.yours.to_lowercase(),
                        d.suggested.to_lowercase(),
                        d.why
                    )
                }
            }
            (Detail::None, ItemRef::Goal(id)) => format!(
                "No KPI measures the goal “{}”.",
                super::goals::goal_name(p, id)
            ),
            (Detail::None, ItemRef::Benefit(id)) => match f.kind {
                Kind::BenefitWithoutProcessOwner => format!(
                    "The chosen alternative realises “{}”, but no business process with an owner takes it up.",
                    p.benefit(id)?.name
                ),
                _ => format!(
                    "The corporate benefit “{}” serves no goal.",
                    p.benefit(id)?.name
                ),
            },
            (Detail::None, ItemRef::Kpi(id)) => {
                let k = p.management.kpis.iter().find(|k| k.id == id)?;
                match f.kind {
                    Kind::KpiTargetContradictsGoal => {
                        format!("KPI “{}”: {}.", k.name, kpi_target_problem(k)?)
                    }
                    _ => format!(
                        "The KPI “{}” measures neither a goal nor a corporate benefit.",
                        k.name
                    ),
                }
            }
            (Detail::DominatedBy(by), ItemRef::Alternative(id)) => {
                let a = p.alternative(id)?;
                let by: Vec<&str> = by
                    .iter()
                    .filter_map(|id| p.alternative(*id).map(|b| b.name.as_str()))
                    .collect();
                format!(
                    "“{}” is {} but dominated by {}.",
                    a.name,
                    a.status.label().to_lowercase(),
                    quoted(&by)
                )
            }
            (Detail::Record(gap), ItemRef::Alternative(id)) => {
                let a = p.alternative(id)?;
                match gap {
                    RecordGap::NotRecorded(_) => format!(
                        "“{}” is chosen, but the decision is not recorded (who decided, when, why).",
                        a.name
                    ),
                    RecordGap::OtherAlternative { recorded, .. } => format!(
                        "“{}” is chosen, but the decision record names {}.",
                        a.name,
                        recorded.and_then(|r| p.alternative(r)).map_or_else(
                            || "no alternative".to_owned(),
                            |r| format!("“{}”", r.name)
                        )
                    ),
                    RecordGap::WhoOrWhyMissing => format!(
                        "The decision for “{}” does not say who decided and why.",
                        a.name
                    ),
                    RecordGap::NoRejectionReason(_) => format!(
                        "The decision record does not say why “{}” was not chosen.",
                        a.name
                    ),
                }
            }
            (Detail::None, ItemRef::Alternative(id)) => {
                let a = p.alternative(id)?;
                format!(
                    "“{}” is {} but over the budget.",
                    a.name,
                    a.status.label().to_lowercase()
                )
            }
            (Detail::Fired(status), ItemRef::Assumption(id)) => format!(
                "The trigger of “{}” fired (it is {} by its KPI) but its review still says it holds.",
                assumption(p, id)?.text,
                status.label().to_lowercase()
            ),
            (Detail::None, ItemRef::Assumption(id)) => {
                let a = assumption(p, id)?;
                format!(
                    "“{}” was last reviewed on {}; with a review every {} days, the next was due on {}.",
                    a.text,
                    a.last_review?,
                    a.review_interval_days,
                    a.next_review()?
                )
            }
            (Detail::None, ItemRef::Measure(id)) => {
                let m = p.management.measures.iter().find(|m| m.id == id)?;
                match (f.kind, p.management.period) {
                    (Kind::MeasureOutsidePeriod, Some(period)) => format!(
                        "Measure “{}” is due on {}, outside the strategy period {} to {}.",
                        m.name, m.due, period.start, period.end
                    ),
                    _ => format!(
                        "Measure “{}” was due on {} and is {}.",
                        m.name,
                        m.due,
                        m.status.label().to_lowercase()
                    ),
                }
            }
            (Detail::Ahead(resource, used, progress), ItemRef::Measure(id)) => {
                let m = p.management.measures.iter().find(|m| m.id == id)?;
                let ahead = steering::Ahead {
                    resource: *resource,
                    used: *used,
                    progress: *progress,
                };
                format!("Measure “{}” {}.", m.name, steering::ahead_words(&ahead))
            }
            (Detail::None, ItemRef::Integration(id)) => {
                let i = p.management.integrations.iter().find(|i| i.id == id)?;
                format!(
                    "The change of “{}” ({}) was to be in place by {} and is {}.",
                    if i.process.trim().is_empty() {
                        "an unnamed process"
                    } else {
                        i.process.as_str()
                    },
                    i.area.label().to_lowercase(),
                    i.due?,
                    i.status.label().to_lowercase()
                )
            }
            (Detail::None, ItemRef::Risk(id)) => {
                let r = p.management.risks.iter().find(|r| r.id == id)?;
                format!(
                    "The risk “{}” was last reviewed on {}; with a review every {} days, the next was due on {}.",
                    r.text,
                    r.last_review?,
                    r.review_interval_days,
                    r.next_review()?
                )
            }
            (Detail::None, ItemRef::UsageFormat(id)) => {
                let u = p.potential.usage_format(id)?;
                format!(
                    "The chosen alternative uses “{}”, whose named risks ({}) no monitored risk watches.",
                    u.name,
                    u.risks.trim()
                )
            }
            (
                Detail::SetAside {
                    option,
                    alternative,
                    benefit,
                },
                _,
            ) => {
                let benefit = p.benefit(*benefit)?;
                format!(
                    "Option “{}” of the chosen “{}” realises “{}”, which builds on the {} potential set aside for its module.",
                    p.option(*option)?.name,
                    p.alternative(*alternative)?.name,
                    benefit.name,
                    benefit.change_potential.label().to_lowercase()
                )
            }
            _ => return None,
        })
    }
}

fn assumption(p: &Project, id: AssumptionId) -> Option<&Assumption> {
    p.management.assumptions.iter().find(|a| a.id == id)
}

/// Every consistency finding of a project on `today`, most serious first.
pub fn findings(project: &Project, evaluation: &Evaluation, today: Date) -> Vec<Finding> {
    let mut found = Vec::new();
    goal_links(project, &mut found);
    suggestions(project, today, &mut found);
    decision_ready(project, evaluation, &mut found);
    assumptions(project, today, &mut found);
    measures(project, today, &mut found);
    kpi_targets(project, &mut found);
    reviews(project, today, &mut found);
    kpis_without_goal_or_benefit(project, &mut found);
    set_aside_potentials(project, &mut found);
    management(project, today, &mut found);
    // Stable within a severity: the order of the method's steps.
    found.sort_by_key(|f| std::cmp::Reverse(f.severity));
    found
}

/// Goals no KPI measures (step 1), then corporate benefits that serve no goal (step 3).
fn goal_links(p: &Project, found: &mut Vec<Finding>) {
    let kpis: HashSet<KpiId> = p.management.kpis.iter().map(|k| k.id).collect();
    for g in &p.foundation.goals {
        if !g.kpis.iter().any(|k| kpis.contains(k)) {
            found.push(Finding::new(
                Kind::GoalWithoutKpi,
                Severity::Warning,
                ItemRef::Goal(g.id),
                Detail::None,
            ));
        }
    }
    let serving: HashSet<BenefitId> = p
        .foundation
        .goals
        .iter()
        .flat_map(|g| g.benefits.iter().map(|b| b.benefit))
        .collect();
    for b in p.benefits.iter().filter(|b| !serving.contains(&b.id)) {
        found.push(Finding::new(
            Kind::BenefitWithoutGoal,
            Severity::Warning,
            ItemRef::Benefit(b.id),
            Detail::None,
        ));
    }
}

/// KPIs that no goal lists and that measure no corporate benefit.
fn kpis_without_goal_or_benefit(p: &Project, found: &mut Vec<Finding>) {
    let measuring: HashSet<KpiId> = p
        .foundation
        .goals
        .iter()
        .flat_map(|g| g.kpis.iter().copied())
        .collect();
    for k in &p.management.kpis {
        let tied = measuring.contains(&k.id) || k.benefit.is_some_and(|b| p.benefit(b).is_some());
        if !tied {
            found.push(Finding::new(
                Kind::KpiWithoutGoalOrBenefit,
                Severity::Warning,
                ItemRef::Kpi(k.id),
                Detail::None,
            ));
        }
    }
}

/// Values that differ from what the earlier steps suggest, with no reason kept: an option's
/// assessment against the competition matrix ([`Kind::AssessmentContradictsMatrix`]), and the
/// other suggested values ([`Kind::DiffersFromSuggestion`]).
fn suggestions(p: &Project, today: Date, found: &mut Vec<Finding>) {
    for (item, of) in suggest::all(p, today).differing(p) {
        let kind = if of == Suggested::Position {
            Kind::AssessmentContradictsMatrix
        } else {
            Kind::DiffersFromSuggestion
        };
        found.push(Finding::new(
            kind,
            Severity::Warning,
            item,
            Detail::Differs(of),
        ));
    }
}

/// Dominated or over-budget alternatives still offered as decision-ready (or chosen).
fn decision_ready(p: &Project, e: &Evaluation, found: &mut Vec<Finding>) {
    for a in &p.alternatives {
        if !matches!(
            a.status,
            AlternativeStatus::DecisionReady | AlternativeStatus::Chosen
        ) {
            continue;
        }
        let Some(r) = e.alternative(a.id) else {
            continue;
        };
        let item = ItemRef::Alternative(a.id);
        if !r.dominated_by.is_empty() {
            found.push(Finding::new(
                Kind::DominatedStillReady,
                Severity::Problem,
                item,
                Detail::DominatedBy(r.dominated_by.clone()),
            ));
        }
        if r.over_budget {
            found.push(Finding::new(
                Kind::OverBudgetStillReady,
                Severity::Warning,
                item,
                Detail::None,
            ));
        }
    }
}

/// Assumptions whose trigger fired while their reviewed status still says they hold.
fn assumptions(p: &Project, today: Date, found: &mut Vec<Finding>) {
    for a in &p.management.assumptions {
        if a.status != AssumptionStatus::Holds || a.trigger.is_none() {
            continue;
        }
        let (status, fired) = effective_status(p, a, today);
        if status != AssumptionStatus::Holds && fired.is_some() {
            found.push(Finding::new(
                Kind::FiredTriggerStillHolds,
                Severity::Problem,
                ItemRef::Assumption(a.id),
                Detail::Fired(status),
            ));
        }
    }
}

/// Measures past their due date and not done.
fn measures(p: &Project, today: Date, found: &mut Vec<Finding>) {
    for m in &p.management.measures {
        if m.due < today && m.status != MeasureStatus::Done {
            found.push(Finding::new(
                Kind::OverdueMeasure,
                Severity::Warning,
                ItemRef::Measure(m.id),
                Detail::None,
            ));
        }
    }
}

/// KPIs whose target does not improve on the baseline, or is due before it.
fn kpi_targets(p: &Project, found: &mut Vec<Finding>) {
    for k in &p.management.kpis {
        if kpi_target_fault(k).is_some() {
            found.push(Finding::new(
                Kind::KpiTargetContradictsGoal,
                Severity::Warning,
                ItemRef::Kpi(k.id),
                Detail::None,
            ));
        }
    }
}

/// What is wrong with a KPI's target, if anything.
#[derive(Clone, Copy)]
enum KpiFault {
    /// The target does not improve on the baseline in the KPI's direction.
    NoImprovement,
    /// The target is due on or before the baseline's date.
    DueBeforeBaseline,
}

fn kpi_target_fault(k: &Kpi) -> Option<KpiFault> {
    let improves = match k.direction {
        KpiDirection::HigherIsBetter => k.target > k.baseline,
        KpiDirection::LowerIsBetter => k.target < k.baseline,
    };
    if !improves {
        Some(KpiFault::NoImprovement)
    } else if k.target_date <= k.baseline_date {
        Some(KpiFault::DueBeforeBaseline)
    } else {
        None
    }
}

/// A KPI's target problem in words ("its target 5 does not improve on its baseline 8 (…)").
fn kpi_target_problem(k: &Kpi) -> Option<String> {
    Some(match kpi_target_fault(k)? {
        KpiFault::NoImprovement => format!(
            "its target {} does not improve on its baseline {} ({})",
            trim_number(k.target),
            trim_number(k.baseline),
            k.direction.label().to_lowercase()
        ),
        KpiFault::DueBeforeBaseline => format!(
            "its target is due on {}, not after its baseline of {}",
            k.target_date, k.baseline_date
        ),
    })
}

/// Reviewed assumptions whose last review is longer ago than their interval (never reviewed is
/// "not assessed yet", which the strategy check counts).
fn reviews(p: &Project, today: Date, found: &mut Vec<Finding>) {
    for a in &p.management.assumptions {
        if let Some(next) = a.next_review()
            && next < today
        {
            found.push(Finding::new(
                Kind::AssumptionReviewOverdue,
                Severity::Warning,
                ItemRef::Assumption(a.id),
                Detail::None,
            ));
        }
    }
}

/// Options of the chosen alternative realising a benefit whose module's potential of that type
/// was set aside.
fn set_aside_potentials(p: &Project, found: &mut Vec<Finding>) {
    let Some(chosen) = p
        .alternatives
        .iter()
        .find(|a| a.status == AlternativeStatus::Chosen)
    else {
        return;
    };
    for bundled in &chosen.options {
        let Some(option) = p.option(bundled.option) else {
            continue;
        };
        for benefit in option.benefits.iter().filter_map(|b| p.benefit(*b)) {
            let set_aside = p.potential.module_potentials.iter().find(|m| {
                m.module == Some(benefit.module)
                    && m.potential_type == benefit.change_potential
                    && m.decision == PotentialDecision::SetAside
            });
            if let Some(potential) = set_aside {
                found.push(Finding::new(
                    Kind::SetAsidePotentialUsed,
                    Severity::Problem,
                    ItemRef::Potential(potential.id),
                    Detail::SetAside {
                        option: option.id,
                        alternative: chosen.id,
                        benefit: benefit.id,
                    },
                ));
            }
        }
    }
}

/// Strategy management: the integration register, the measures against their progress and the
/// period, the monitored risks and the decision record.
fn management(p: &Project, today: Date, found: &mut Vec<Finding>) {
    let warn = |kind, item, detail| Finding::new(kind, Severity::Warning, item, detail);
    for b in steering::benefits_without_owner(p) {
        found.push(warn(
            Kind::BenefitWithoutProcessOwner,
            ItemRef::Benefit(b),
            Detail::None,
        ));
    }
    for i in &p.management.integrations {
        if i.is_overdue(today) {
            found.push(warn(
                Kind::ProcessChangeOverdue,
                ItemRef::Integration(i.id),
                Detail::None,
            ));
        }
    }
    for m in &p.management.measures {
        for a in steering::running_ahead(m) {
            found.push(warn(
                Kind::SpendAheadOfProgress,
                ItemRef::Measure(m.id),
                Detail::Ahead(a.resource, a.used, a.progress),
            ));
        }
        if let Some(period) = p.management.period
            && !period.contains(m.due)
        {
            found.push(warn(
                Kind::MeasureOutsidePeriod,
                ItemRef::Measure(m.id),
                Detail::None,
            ));
        }
    }
    for r in &p.management.risks {
        if r.next_review().is_some_and(|next| next < today) {
            found.push(warn(
                Kind::RiskReviewOverdue,
                ItemRef::Risk(r.id),
                Detail::None,
            ));
        }
    }
    for u in steering::unmonitored_risks(p) {
        found.push(warn(
            Kind::RiskNotMonitored,
            ItemRef::UsageFormat(u),
            Detail::None,
        ));
    }
    for gap in steering::record_gaps(p) {
        let (kind, item) = match gap {
            RecordGap::NotRecorded(a) | RecordGap::OtherAlternative { chosen: a, .. } => {
                (Kind::DecisionNotRecorded, ItemRef::Alternative(a))
            }
            RecordGap::WhoOrWhyMissing => {
                let Some(a) = steering::chosen(p) else {
                    continue;
                };
                (Kind::DecisionNotRecorded, ItemRef::Alternative(a.id))
            }
            RecordGap::NoRejectionReason(a) => {
                (Kind::RejectionWithoutReason, ItemRef::Alternative(a))
            }
        };
        found.push(warn(kind, item, Detail::Record(gap)));
    }
}

/// Names in quotes, joined by commas.
fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
