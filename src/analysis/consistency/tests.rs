use super::*;
use crate::analysis::decision::evaluate;
use crate::io::SAMPLES;
use crate::model::Score;
use crate::model::{
    Arena, ArenaScore, BenefitId, CompetitiveAssessment, Competitor, CompetitorId, CompetitorKind,
    GoalId, KpiId, LinkStrength, MeasureStatus, OptionId, TopicId, add_item,
};

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn found(p: &Project, today: Date) -> Vec<Finding> {
    findings(p, &evaluate(p), today)
}

/// A finding with its message.
#[derive(Debug)]
struct Said {
    item: ItemRef,
    severity: Severity,
    message: String,
}

/// The findings of a kind today, worded.
fn of_kind(p: &Project, kind: Kind) -> Vec<Said> {
    let messages = Messages::new(p, today());
    found(p, today())
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| Said {
            item: f.item,
            severity: f.severity,
            message: messages.of(&f),
        })
        .collect()
}

/// A project with one topic, one option on it, our strength 7 there, and a performance and an
/// attention competitor with the given strengths.
fn arena(performance: f64, attention: f64, assessment: CompetitiveAssessment) -> Project {
    let mut p = Project::new("arena");
    let topic = TopicId(1);
    let arena = Arena::Topic(topic);
    p.competition
        .our_strength
        .push(ArenaScore { arena, score: 7.0 });
    for (i, (kind, score)) in [
        (CompetitorKind::Performance, performance),
        (CompetitorKind::Attention, attention),
    ]
    .into_iter()
    .enumerate()
    {
        p.competition.competitors.push(Competitor {
            id: CompetitorId(u32::try_from(i).unwrap() + 1),
            name: format!("{kind:?}"),
            kind,
            description: String::new(),
            strength: vec![ArenaScore { arena, score }],
            rated: None,
            history: Vec::new(),
        });
    }
    let ItemRef::Option(id) = add_item(&mut p, crate::model::ItemKind::Option, today()).unwrap()
    else {
        unreachable!()
    };
    let o = p.options.iter_mut().find(|o| o.id == id).unwrap();
    o.topic = Some(topic);
    o.usage_format = None;
    o.assessment = assessment;
    p
}

#[test]
fn an_assessment_is_judged_against_each_kind_of_competitor() {
    use CompetitiveAssessment::{Leading, Parity, Weaker};
    let messages = |p: &Project| -> Vec<String> {
        of_kind(p, Kind::AssessmentContradictsMatrix)
            .into_iter()
            .map(|f| f.message)
            .collect()
    };
    // Ours 7: ahead of a performance competitor at 5, behind an attention competitor at 8:
    // the weaker position counts.
    let m = messages(&arena(5.0, 8.0, Leading));
    assert_eq!(
        m,
        [
            "Option “Option 1” is assessed as leading position, but the competition matrix suggests weaker position (performance competitors: ahead (weakest: topic 1 7 vs 5); attention competitors: behind (weakest: topic 1 7 vs 8))."
        ]
    );
    assert!(messages(&arena(5.0, 8.0, Weaker)).is_empty());
    // Within half a point is level: catching up is parity, not a lead.
    assert!(messages(&arena(5.0, 7.3, Leading))[0].contains("suggests parity with competitors"));
    assert!(messages(&arena(5.0, 7.3, Parity)).is_empty());
    // Ahead of both: a lead, and neither parity nor weaker.
    assert!(messages(&arena(5.0, 6.0, Leading)).is_empty());
    assert_eq!(messages(&arena(5.0, 6.0, Parity)).len(), 1);
    assert_eq!(messages(&arena(5.0, 6.0, Weaker)).len(), 1);
    // A reason kept settles it.
    let mut kept = arena(5.0, 6.0, Parity);
    crate::model::judgement::reason_mut(&mut kept.options[0].overrides, Suggested::Position)
        .push_str("The attention rating predates their relaunch.");
    assert!(messages(&kept).is_empty());
    // Nothing rated: nothing to contradict; not assessed: nothing to contradict either.
    let mut unrated = arena(5.0, 8.0, Leading);
    unrated.competition.our_strength.clear();
    assert!(messages(&unrated).is_empty());
    assert!(messages(&arena(5.0, 8.0, CompetitiveAssessment::NotAssessed)).is_empty());
}

#[test]
fn a_score_off_its_suggestion_needs_a_reason() {
    let mut p = arena(5.0, 6.0, CompetitiveAssessment::Leading);
    add_item(&mut p, crate::model::ItemKind::Alternative, today()).unwrap();
    p.alternatives[0].options.push(crate::model::BundledOption {
        option: p.options[0].id,
        priority: crate::model::Priority::High,
    });
    // One leading option without a usage format: quality 8 suggested.
    p.alternatives[0].competitive_quality = Score::new(5.0);
    let f = of_kind(&p, Kind::DiffersFromSuggestion);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].item, ItemRef::Alternative(p.alternatives[0].id));
    assert!(
        f[0].message.starts_with(
            "“Alternative 1”: competitive quality is 5.0, but the earlier steps suggest 8.0 (its options give 8 (1 leading"
        ),
        "{}",
        f[0].message
    );
    p.alternatives[0].competitive_quality = Score::new(8.0);
    assert!(of_kind(&p, Kind::DiffersFromSuggestion).is_empty());
}

#[test]
fn a_dominated_or_over_budget_alternative_is_no_decision_ready_choice() {
    let mut p = SAMPLES[0].load().unwrap();
    assert!(of_kind(&p, Kind::DominatedStillReady).is_empty());
    // Make the first alternative worse than the second on every criterion.
    let (first, second) = (p.alternatives[0].id, p.alternatives[1].id);
    let b = p.alternatives[1].clone();
    let a = &mut p.alternatives[0];
    a.competitive_quality = Score::new(b.competitive_quality.or(0.0) - 1.0);
    a.risk = Score::new(b.risk.or(0.0) + 1.0);
    a.budget_eur = b.budget_eur + 1_000.0;
    a.effort_person_days = b.effort_person_days + 1.0;
    a.goal_contribution = Score::new(b.goal_contribution.or(0.0) - 1.0);
    a.strategic_quality = Score::new(b.strategic_quality.or(0.0) - 1.0);
    a.ranges.clear();
    a.custom_scores.clear();
    a.status = AlternativeStatus::DecisionReady;
    let d = of_kind(&p, Kind::DominatedStillReady);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].item, ItemRef::Alternative(first));
    assert_eq!(d[0].severity, Severity::Problem);
    assert!(d[0].message.contains(&format!("dominated by “{}”", b.name)));
    assert!(!d.iter().any(|f| f.item == ItemRef::Alternative(second)));
    // A draft may be dominated: it is still being worked on.
    p.alternatives[0].status = AlternativeStatus::Draft;
    assert!(of_kind(&p, Kind::DominatedStillReady).is_empty());

    // A budget below every alternative: each decision-ready or chosen one is over it.
    p.decision.budget = Some(crate::model::Budget {
        eur: 1.0,
        person_days: 1.0,
    });
    let over = of_kind(&p, Kind::OverBudgetStillReady);
    let ready = p
        .alternatives
        .iter()
        .filter(|a| {
            matches!(
                a.status,
                AlternativeStatus::DecisionReady | AlternativeStatus::Chosen
            )
        })
        .count();
    assert_eq!(over.len(), ready);
    assert!(ready > 0);
}

#[test]
fn a_fired_trigger_on_an_assumption_that_still_holds_is_a_problem() {
    // The machine builder's sample: assumption 3 (challenge participants consider a rural
    // location) holds, watched by a trigger on KPI 1 (hires from social media and referral,
    // below 10 from 2026-10-31 on); its latest actual, 13, does not fire it.
    let mut p = SAMPLES[1].load().unwrap();
    assert!(of_kind(&p, Kind::FiredTriggerStillHolds).is_empty());
    // Hires stall at 9 in October: the trigger fires, the review still says "holds".
    let kpi = p
        .management
        .kpis
        .iter_mut()
        .find(|k| k.id == KpiId(1))
        .unwrap();
    kpi.actuals.last_mut().unwrap().1 = 9.0;
    let f = of_kind(&p, Kind::FiredTriggerStillHolds);
    assert_eq!(f.len(), 1);
    let ItemRef::Assumption(id) = f[0].item else {
        panic!("{:?}", f[0].item)
    };
    // Reviewed as at risk: consistent.
    let a = p
        .management
        .assumptions
        .iter_mut()
        .find(|a| a.id == id)
        .unwrap();
    a.status = AssumptionStatus::AtRisk;
    assert!(of_kind(&p, Kind::FiredTriggerStillHolds).is_empty());
}

#[test]
fn a_measure_past_its_due_date_and_not_done_is_overdue() {
    let mut p = SAMPLES[0].load().unwrap();
    for m in &mut p.management.measures {
        m.status = MeasureStatus::Done;
    }
    assert!(of_kind(&p, Kind::OverdueMeasure).is_empty());
    let m = &mut p.management.measures[0];
    m.status = MeasureStatus::InProgress;
    m.due = Date::new(2026, 11, 22).unwrap();
    let id = m.id;
    let f = found(&p, today());
    assert!(
        f.iter()
            .any(|f| f.kind == Kind::OverdueMeasure && f.item == ItemRef::Measure(id))
    );
    // Due today is not overdue yet.
    assert!(
        !found(&p, Date::new(2026, 11, 22).unwrap())
            .iter()
            .any(|f| f.kind == Kind::OverdueMeasure)
    );
}

#[test]
fn the_chosen_strategy_cannot_build_on_a_potential_set_aside() {
    let mut p = SAMPLES[0].load().unwrap();
    assert!(of_kind(&p, Kind::SetAsidePotentialUsed).is_empty());
    // The first benefit an option of the chosen alternative realises, and its module's
    // potential of that type.
    let chosen = p
        .alternatives
        .iter()
        .find(|a| a.status == AlternativeStatus::Chosen)
        .unwrap();
    let option: OptionId = chosen.options[0].option;
    let benefit = p.option(option).unwrap().benefits[0];
    let b = p.benefit(benefit).unwrap().clone();
    let potential = p
        .potential
        .module_potentials
        .iter_mut()
        .find(|m| m.module == Some(b.module))
        .unwrap();
    potential.potential_type = b.change_potential;
    potential.decision = PotentialDecision::SetAside;
    let id = potential.id;
    let f = of_kind(&p, Kind::SetAsidePotentialUsed);
    assert!(!f.is_empty());
    assert!(f.iter().all(|f| f.item == ItemRef::Potential(id)));
    assert!(f[0].message.contains(&format!("realises “{}”", b.name)));
}

#[test]
fn problems_come_first_and_every_kind_names_its_rule() {
    let p = SAMPLES[1].load().unwrap();
    let f = found(&p, today());
    assert!(f.windows(2).all(|w| w[0].severity >= w[1].severity));
    for kind in [
        Kind::AssessmentContradictsMatrix,
        Kind::DiffersFromSuggestion,
        Kind::DominatedStillReady,
        Kind::OverBudgetStillReady,
        Kind::FiredTriggerStillHolds,
        Kind::OverdueMeasure,
        Kind::KpiTargetContradictsGoal,
        Kind::AssumptionReviewOverdue,
        Kind::SetAsidePotentialUsed,
        Kind::GoalWithoutKpi,
        Kind::BenefitWithoutGoal,
        Kind::KpiWithoutGoalOrBenefit,
    ] {
        assert!(kind.rule().ends_with('.'), "{kind:?}");
        assert!(!kind.code().contains(' '));
    }
}

#[test]
fn a_kpi_target_must_improve_on_its_baseline_after_it() {
    let mut p = SAMPLES[0].load().unwrap();
    for k in &mut p.management.kpis {
        // Make every KPI sound first: 100 → 200 (or 200 → 100), a year apart.
        (k.baseline, k.target) = match k.direction {
            crate::model::KpiDirection::HigherIsBetter => (100.0, 200.0),
            crate::model::KpiDirection::LowerIsBetter => (200.0, 100.0),
        };
        k.baseline_date = Date::new(2026, 1, 1).unwrap();
        k.target_date = Date::new(2027, 1, 1).unwrap();
    }
    assert!(of_kind(&p, Kind::KpiTargetContradictsGoal).is_empty());
    let k = &mut p.management.kpis[0];
    k.direction = crate::model::KpiDirection::LowerIsBetter;
    let name = k.name.clone();
    let f = of_kind(&p, Kind::KpiTargetContradictsGoal);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].message,
        format!(
            "KPI “{name}”: its target 200 does not improve on its baseline 100 (lower is better)."
        )
    );
    let k = &mut p.management.kpis[0];
    k.direction = crate::model::KpiDirection::HigherIsBetter;
    k.target_date = Date::new(2025, 12, 31).unwrap();
    let f = of_kind(&p, Kind::KpiTargetContradictsGoal);
    assert_eq!(
        f[0].message,
        format!(
            "KPI “{name}”: its target is due on 2025-12-31, not after its baseline of 2026-01-01."
        )
    );
}

#[test]
fn an_assumption_reviewed_longer_ago_than_its_interval_is_overdue() {
    let mut p = SAMPLES[0].load().unwrap();
    for a in &mut p.management.assumptions {
        a.last_review = Some(Date::new(2026, 10, 1).unwrap());
    }
    // 2026-10-01 + 90 days = 2026-12-30: not due on 2026-11-23.
    assert!(of_kind(&p, Kind::AssumptionReviewOverdue).is_empty());
    p.management.assumptions[1].review_interval_days = 30;
    let f = of_kind(&p, Kind::AssumptionReviewOverdue);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].item,
        ItemRef::Assumption(p.management.assumptions[1].id)
    );
    assert!(
        f[0].message.ends_with("was last reviewed on 2026-10-01; with a review every 30 days, the next was due on 2026-10-31."),
        "{}",
        f[0].message
    );
    // Never reviewed: not overdue but not assessed (the strategy check counts it).
    p.management.assumptions[1].last_review = None;
    assert!(of_kind(&p, Kind::AssumptionReviewOverdue).is_empty());
}

#[test]
fn a_goal_needs_a_kpi_that_measures_it() {
    let mut p = unlinked();
    let f = of_kind(&p, Kind::GoalWithoutKpi);
    assert_eq!(
        f.iter().map(|f| f.item).collect::<Vec<_>>(),
        vec![ItemRef::Goal(GoalId(1)), ItemRef::Goal(GoalId(2))]
    );
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].message,
        "No KPI measures the goal “Grow club members”."
    );
    assert_eq!(f[1].message, "No KPI measures the goal “goal 2”.");
    p.foundation.goals[0].set_measured_by(KpiId(2), true);
    assert_eq!(
        items(&p, Kind::GoalWithoutKpi),
        vec![ItemRef::Goal(GoalId(2))]
    );
    // A link to a KPI that is gone (an invalid file) measures nothing.
    p.foundation.goals[1].set_measured_by(KpiId(9), true);
    assert_eq!(
        items(&p, Kind::GoalWithoutKpi),
        vec![ItemRef::Goal(GoalId(2))]
    );
}

#[test]
fn a_benefit_needs_a_goal_it_serves() {
    let mut p = unlinked();
    assert_eq!(
        items(&p, Kind::BenefitWithoutGoal),
        vec![
            ItemRef::Benefit(BenefitId(1)),
            ItemRef::Benefit(BenefitId(2))
        ]
    );
    let f = of_kind(&p, Kind::BenefitWithoutGoal);
    assert_eq!(
        f[0].message,
        "The corporate benefit “Benefit 1” serves no goal."
    );
    // A weak link is a link.
    p.foundation.goals[1].set_strength(BenefitId(2), LinkStrength::Weak);
    assert_eq!(
        items(&p, Kind::BenefitWithoutGoal),
        vec![ItemRef::Benefit(BenefitId(1))]
    );
}

#[test]
fn a_kpi_needs_a_goal_or_a_benefit_it_measures() {
    let mut p = unlinked();
    assert_eq!(
        items(&p, Kind::KpiWithoutGoalOrBenefit),
        vec![ItemRef::Kpi(KpiId(1)), ItemRef::Kpi(KpiId(2))]
    );
    assert_eq!(
        of_kind(&p, Kind::KpiWithoutGoalOrBenefit)[0].message,
        "The KPI “KPI 1” measures neither a goal nor a corporate benefit."
    );
    // Measuring a goal ties KPI 1; measuring a benefit ties KPI 2.
    p.foundation.goals[1].set_measured_by(KpiId(1), true);
    p.management.kpis[1].benefit = Some(BenefitId(1));
    assert!(items(&p, Kind::KpiWithoutGoalOrBenefit).is_empty());
    // A benefit that is gone (an invalid file) ties nothing.
    p.management.kpis[1].benefit = Some(BenefitId(9));
    assert_eq!(
        items(&p, Kind::KpiWithoutGoalOrBenefit),
        vec![ItemRef::Kpi(KpiId(2))]
    );
}

#[test]
fn a_fully_linked_project_has_no_link_findings() {
    let mut p = unlinked();
    for (g, (b, k)) in p.foundation.goals.iter_mut().zip([(1, 1), (2, 2)]) {
        g.set_served_by(BenefitId(b), true);
        g.set_measured_by(KpiId(k), true);
    }
    for kind in [
        Kind::GoalWithoutKpi,
        Kind::BenefitWithoutGoal,
        Kind::KpiWithoutGoalOrBenefit,
    ] {
        assert!(of_kind(&p, kind).is_empty(), "{kind:?}");
    }
    // The stress project ties every goal to a KPI and every KPI to a benefit; half its
    // hundred benefits serve no goal.
    let stress = crate::model::stress::stress_project(crate::model::stress::StressSize::scaled(20));
    assert!(of_kind(&stress, Kind::GoalWithoutKpi).is_empty());
    assert!(of_kind(&stress, Kind::KpiWithoutGoalOrBenefit).is_empty());
    let loose = of_kind(&stress, Kind::BenefitWithoutGoal).len();
    assert!((40..=60).contains(&loose), "{loose}");
}

/// Two goals, two benefits and two KPIs, none linked yet.
fn unlinked() -> Project {
    let mut p = Project::new("links");
    for kind in [
        crate::model::ItemKind::Goal,
        crate::model::ItemKind::Goal,
        crate::model::ItemKind::Benefit,
        crate::model::ItemKind::Benefit,
        crate::model::ItemKind::Kpi,
        crate::model::ItemKind::Kpi,
    ] {
        add_item(&mut p, kind, today()).unwrap();
    }
    p.foundation.goals[0].text = "Grow club members.".into();
    p
}

fn items(p: &Project, kind: Kind) -> Vec<ItemRef> {
    of_kind(p, kind).into_iter().map(|f| f.item).collect()
}

#[test]
fn a_finding_whose_item_is_gone_says_so_instead_of_naming_another() {
    let mut p = SAMPLES[0].load().unwrap();
    p.management.measures[0].due = Date::new(2026, 11, 1).unwrap();
    p.management.measures[0].status = MeasureStatus::Planned;
    let f = found(&p, today());
    let overdue = f.iter().find(|f| f.kind == Kind::OverdueMeasure).unwrap();
    p.management.measures.remove(0);
    assert_eq!(
        Messages::new(&p, today()).of(overdue),
        "Measure (no longer in the project)."
    );
}

#[test]
fn strategy_management_findings_name_what_is_wrong() {
    use crate::model::{DecisionRecord, Period};
    let mut p = SAMPLES[0].load().unwrap();
    p.management.integrations.clear();
    p.management.decision = Some(DecisionRecord {
        decided_by: String::new(),
        date: today(),
        alternative: p
            .alternatives
            .iter()
            .find(|a| a.status == AlternativeStatus::Chosen)
            .map(|a| a.id),
        reason: "Builds the lead".into(),
        rejected: Vec::new(),
    });
    p.management.period = Some(Period {
        start: Date::new(2026, 4, 1).unwrap(),
        end: Date::new(2027, 3, 31).unwrap(),
    });
    let m = &mut p.management.measures[0];
    m.name = "Launch".into();
    m.status = MeasureStatus::InProgress;
    m.progress_percent = Some(40.0);
    m.planned_eur = Some(5_000.0);
    m.actual_eur = Some(4_000.0);
    m.due = Date::new(2027, 6, 30).unwrap();
    let benefit = p.benefits[0].name.clone();
    let first = |kind| {
        of_kind(&p, kind)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no {kind:?}"))
            .message
    };
    assert_eq!(
        first(Kind::SpendAheadOfProgress),
        "Measure “Launch” has used 80 % of its planned money at 40 % progress."
    );
    assert_eq!(
        first(Kind::MeasureOutsidePeriod),
        "Measure “Launch” is due on 2027-06-30, outside the strategy period 2026-04-01 to 2027-03-31."
    );
    assert!(
        of_kind(&p, Kind::BenefitWithoutProcessOwner)
            .iter()
            .any(|f| f.message
                == format!("The chosen alternative realises “{benefit}”, but no business process with an owner takes it up.")),
        "{:?}",
        of_kind(&p, Kind::BenefitWithoutProcessOwner)
    );
    assert!(first(Kind::DecisionNotRecorded).ends_with("does not say who decided and why."));
    assert!(
        first(Kind::RejectionWithoutReason).starts_with("The decision record does not say why “")
    );
}
