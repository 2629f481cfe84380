#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every kind of consistency finding, driven as a user meets it: the bakery sample (which has
//! none) is given one contradiction, the check pane shows the finding, and its "Open" button
//! selects the item to fix.

mod common;

use common::*;
use egui_kittest::kittest::Queryable;
use pbsm::analysis::consistency::{Kind, Messages, findings};
use pbsm::analysis::decision::evaluate;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::io::SAMPLES;
use pbsm::model::{
    AlternativeStatus, AssumptionStatus, Budget, CompetitiveAssessment, Date, MeasureStatus,
    PotentialDecision, Project, Score, Suggested, Trigger, TriggerCondition,
};

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn bakery() -> Project {
    let p = SAMPLES[0].load().unwrap();
    assert!(findings(&p, &evaluate(&p), today()).is_empty());
    p
}

/// Opens the project, finds the first finding of `kind` in the check pane and opens its item.
fn open_finding(p: Project, kind: Kind) {
    let expected = findings(&p, &evaluate(&p), today())
        .into_iter()
        .find(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} finding"));
    let expected_message = Messages::new(&p, today()).of(&expected);
    let mut app = Workbench::with_project(p, pbsm::app::workbench::Settings::default());
    app.set_today(today());
    let mut h = harness(app);
    open_pane(&mut h, PaneKind::Check);
    let message = h.get_by_label(&expected_message).rect();
    // The row's button follows its message (on its last line, or below it when the message
    // fills the line): the first "Open" from the message's top down.
    let open = h
        .query_all_by_label("Open")
        .filter(|b| b.rect().center().y >= message.top() - 4.0)
        .min_by(|a, b| a.rect().center().y.total_cmp(&b.rect().center().y))
        .unwrap_or_else(|| panic!("no Open button beside {kind:?}"));
    open.click();
    h.run();
    assert_eq!(
        h.state().selection().get(expected.item.kind()),
        Some(expected.item),
        "{kind:?}"
    );
}

#[test]
fn an_assessment_against_the_matrix_opens_its_option() {
    let mut p = bakery();
    let o = &mut p.options[0];
    o.assessment = if o.assessment == CompetitiveAssessment::Weaker {
        CompetitiveAssessment::Leading
    } else {
        CompetitiveAssessment::Weaker
    };
    o.overrides.retain(|r| r.of != Suggested::Position);
    open_finding(p, Kind::AssessmentContradictsMatrix);
}

#[test]
fn a_value_off_its_suggestion_opens_its_alternative() {
    let mut p = bakery();
    let a = &mut p.alternatives[0];
    a.risk = Score::new(if a.risk.or(5.0) > 5.0 { 0.5 } else { 9.5 });
    a.overrides.retain(|r| r.of != Suggested::Risk);
    open_finding(p, Kind::DiffersFromSuggestion);
}

#[test]
fn an_over_budget_choice_opens_its_alternative() {
    let mut p = bakery();
    p.decision.budget = Some(Budget {
        eur: 1.0,
        person_days: 1.0,
    });
    open_finding(p, Kind::OverBudgetStillReady);
}

#[test]
fn a_dominated_ready_alternative_opens_it() {
    let mut p = bakery();
    // The third alternative becomes a copy of the chosen one that costs more.
    let best = p.alternatives[0].clone();
    let c = &mut p.alternatives[2];
    c.competitive_quality = best.competitive_quality;
    c.risk = best.risk;
    c.goal_contribution = best.goal_contribution;
    c.strategic_quality = best.strategic_quality;
    c.custom_scores = best.custom_scores.clone();
    c.budget_eur = best.budget_eur + 10_000.0;
    c.effort_person_days = best.effort_person_days;
    c.status = AlternativeStatus::DecisionReady;
    c.overrides = best.overrides.clone();
    open_finding(p, Kind::DominatedStillReady);
}

#[test]
fn a_fired_trigger_on_an_assumption_that_holds_opens_it() {
    let mut p = bakery();
    let kpi = p.management.kpis[0].clone();
    let latest = kpi.latest().unwrap().1;
    let a = p
        .management
        .assumptions
        .iter_mut()
        .find(|a| a.status == AssumptionStatus::Holds)
        .unwrap();
    a.trigger = Some(Trigger {
        condition: TriggerCondition::Below,
        threshold: latest + 1.0,
        ..Trigger::watching(kpi.id)
    });
    open_finding(p, Kind::FiredTriggerStillHolds);
}

#[test]
fn an_overdue_measure_opens_it() {
    let mut p = bakery();
    let m = &mut p.management.measures[0];
    m.due = Date::new(2026, 10, 1).unwrap();
    m.status = MeasureStatus::InProgress;
    open_finding(p, Kind::OverdueMeasure);
}

#[test]
fn a_kpi_target_against_its_goal_opens_the_kpi() {
    let mut p = bakery();
    let k = &mut p.management.kpis[0];
    k.target = k.baseline;
    open_finding(p, Kind::KpiTargetContradictsGoal);
}

#[test]
fn an_overdue_review_opens_the_assumption() {
    let mut p = bakery();
    let a = &mut p.management.assumptions[1];
    a.last_review = Some(Date::new(2026, 1, 5).unwrap());
    a.review_interval_days = 30;
    open_finding(p, Kind::AssumptionReviewOverdue);
}

#[test]
fn a_set_aside_potential_the_choice_builds_on_opens_the_potential() {
    let mut p = bakery();
    let chosen = p
        .alternatives
        .iter()
        .find(|a| a.status == AlternativeStatus::Chosen)
        .unwrap()
        .clone();
    let option = p.option(chosen.options[0].option).unwrap().clone();
    let benefit = p.benefit(option.benefits[0]).unwrap().clone();
    let potential = p
        .potential
        .module_potentials
        .iter_mut()
        .find(|m| m.module == Some(benefit.module) && m.potential_type == benefit.change_potential)
        .unwrap();
    potential.decision = PotentialDecision::SetAside;
    open_finding(p, Kind::SetAsidePotentialUsed);
}

#[test]
fn a_goal_without_kpi_opens_the_goal() {
    let mut p = bakery();
    p.foundation.goals[0].kpis.clear();
    open_finding(p, Kind::GoalWithoutKpi);
}

#[test]
fn a_benefit_without_goal_opens_the_benefit() {
    let mut p = bakery();
    let b = p.benefits[0].id;
    for g in &mut p.foundation.goals {
        g.set_served_by(b, false);
    }
    open_finding(p, Kind::BenefitWithoutGoal);
}

#[test]
fn a_kpi_without_goal_or_benefit_opens_the_kpi() {
    let mut p = bakery();
    let k = p.management.kpis[0].id;
    for g in &mut p.foundation.goals {
        g.set_measured_by(k, false);
    }
    p.management.kpis[0].benefit = None;
    open_finding(p, Kind::KpiWithoutGoalOrBenefit);
}
