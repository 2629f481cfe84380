//! Unit tests of the project's validation.

use super::*;

#[test]
fn numbers_print_compactly() {
    let shown = |v: f64| Num(v).to_string();
    assert_eq!(shown(7.5), "7.5");
    assert_eq!(shown(12.0), "12");
    assert_eq!(shown(0.0), "0");
    assert_eq!(shown(0.25), "0.25");
    assert_eq!(shown(-1.0), "-1");
    assert_eq!(shown(520.0), "520");
    assert_eq!(shown(2_500_000.0), "2500000");
    assert_eq!(shown(3e300), "3e300");
    assert_eq!(shown(-3e300), "-3e300");
    assert_eq!(shown(1e-7), "1e-7");
    assert_eq!(shown(1.5e-9), "1.5e-9");
    assert_eq!(shown(f64::MAX), "1.7976931348623157e308");
    assert_eq!(shown(f64::NAN), "NaN");
    assert_eq!(shown(f64::INFINITY), "inf");
    assert_eq!(shown(f64::NEG_INFINITY), "-inf");
    assert_eq!(Num::rounded(0.1 + 0.2).to_string(), "0.3");
    assert_eq!(Num::rounded(0.3 + 0.3 + 0.3).to_string(), "0.9");
    assert_eq!(Num::rounded(1.05).to_string(), "1.05");
    assert_eq!(Num::rounded(f64::NAN).to_string(), "NaN");
}

#[test]
fn paths_read_like_the_file() {
    let path = ValuePath::root()
        .field("management")
        .field("kpis")
        .index(2)
        .field("actuals")
        .index(5)
        .index(1);
    assert_eq!(path.to_string(), "management.kpis[2].actuals[5][1]");
    assert_eq!(ValuePath::root().to_string(), "");
    assert_eq!(path.segments().len(), 6);
}

#[test]
fn findings_carry_the_path_of_their_value() {
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    p.alternatives[2].risk = Score::new(f64::NAN);
    p.decision.criteria[0].weight += 0.5;
    let paths: Vec<String> = validate(&p).iter().map(|f| f.path.to_string()).collect();
    assert!(
        paths.contains(&"decision.criteria".to_owned())
            && paths.contains(&"alternatives[2].risk".to_owned()),
        "{paths:?}"
    );
}

#[test]
fn health_thresholds_out_of_order_are_found() {
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    p.management.health.behind = p.management.health.on_track + 0.1;
    let findings = validate(&p);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].path.to_string(), "management.health");
    assert!(
        findings[0]
            .message
            .ends_with("expected 0 < behind ≤ on track ≤ 2"),
        "{}",
        findings[0].message
    );
}

#[test]
fn a_range_must_hold_the_value_its_criterion_measures() {
    use crate::model::{CriterionMeasure, ScoreRange};
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    let resources = p
        .decision
        .criteria
        .iter()
        .find(|c| c.measure == CriterionMeasure::Resources)
        .map(|c| c.id)
        .unwrap();
    let a = &mut p.alternatives[1];
    let likely = a.resources_eur(p.day_rate_eur);
    a.ranges.retain(|r| r.criterion != resources);
    a.ranges.push(ScoreRange {
        criterion: resources,
        low: likely * 0.5,
        high: likely * 2.0,
    });
    assert!(validate(&p).is_empty(), "{:?}", validate(&p));
    let a = &mut p.alternatives[1];
    a.ranges.last_mut().unwrap().high = likely * 0.9;
    let findings = validate(&p);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(findings[0].path.to_string().ends_with(".high"));
}

#[test]
fn links_of_goals_and_kpis_to_unknown_items_are_found_with_their_path() {
    use crate::model::{BenefitId, KpiId, LinkStrength};
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    let (b, k) = (p.benefits[0].id, p.management.kpis[0].id);
    // The sample's goal 2 links benefit 3 and KPI 3; a known and an unknown link follow them.
    let g = &mut p.foundation.goals[1];
    g.set_served_by(b, true);
    g.set_strength(BenefitId(99), LinkStrength::Weak);
    g.set_measured_by(k, true);
    g.set_measured_by(KpiId(98), true);
    p.management.kpis[2].benefit = Some(BenefitId(97));
    let found: Vec<(String, String)> = validate(&p)
        .iter()
        .map(|f| (f.path.to_string(), f.message.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "foundation.goals[1].benefits[2].benefit".to_owned(),
                "refers to benefit 99, which does not exist".to_owned()
            ),
            (
                "foundation.goals[1].kpis[2]".to_owned(),
                "refers to KPI 98, which does not exist".to_owned()
            ),
            (
                "management.kpis[2].benefit".to_owned(),
                "refers to benefit 97, which does not exist".to_owned()
            ),
        ]
    );
    // A benefit listed twice (with two strengths) is ambiguous. The sample's goal 1 links four
    // benefits, benefit 1 among them; a fifth link repeats it.
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    let b = p.benefits[0].id;
    let g = &mut p.foundation.goals[0];
    g.set_served_by(b, true);
    g.benefits.push(crate::model::GoalBenefit {
        benefit: b,
        strength: LinkStrength::Strong,
    });
    let found = validate(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].path.to_string(),
        "foundation.goals[0].benefits[4].benefit"
    );
    assert!(found[0].message.contains("more than once"));
}

#[test]
fn reasons_and_notes_are_one_per_value_and_step() {
    use crate::model::judgement::{MethodStep, StepNote};
    use crate::model::{Override, Suggested};
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    assert!(validate(&p).is_empty());
    let reason = |of| Override {
        of,
        reason: "Because.".into(),
    };
    p.options[0].overrides = vec![reason(Suggested::Relevance), reason(Suggested::Relevance)];
    p.options[1].overrides = vec![reason(Suggested::Risk)];
    p.alternatives[0].overrides = vec![reason(Suggested::Position)];
    p.reasoning.push(StepNote {
        step: MethodStep::Foundation,
        text: "Again.".into(),
    });
    let kpi = p.foundation.goals[0].kpis[0];
    p.foundation.goals[0].kpis.push(kpi);
    let found: Vec<(String, String)> = validate(&p)
        .iter()
        .map(|f| (f.path.to_string(), f.message.clone()))
        .collect();
    let has = |path: &str, message: &str| found.iter().any(|(p, m)| p == path && m == message);
    assert!(
        has(
            "options[0].overrides[1].of",
            "keeps two reasons for social media relevance, expected one"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            "options[1].overrides[0].of",
            "keeps a reason for risk, which it has no suggestion for"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            "alternatives[0].overrides[0].of",
            "keeps a reason for competitive assessment, which it has no suggestion for"
        ),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|(p, m)| p.starts_with("reasoning[")
            && m == "has two notes on step 1 Foundation, expected one"),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(p, m)| p.starts_with("foundation.goals[0].kpis[") && m.starts_with("lists KPI")),
        "{found:#?}"
    );
    assert_eq!(found.len(), 5, "{found:#?}");
}

#[test]
fn strategy_management_values_are_checked_with_their_path() {
    use crate::model::{
        AlternativeId, BenefitId, DecisionRecord, Integration, IntegrationId, IntegrationStatus,
        Period, Rejection,
    };
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    let day = |d: &str| d.parse::<crate::model::Date>().unwrap();
    p.management.period = Some(Period {
        start: day("2027-01-01"),
        end: day("2026-01-01"),
    });
    p.management.measures[0].planned_eur = Some(-5.0);
    p.management.measures[0].progress_percent = Some(120.0);
    p.management.measures[0].quality = crate::model::Score::new(11.0);
    p.management.integrations = vec![Integration {
        id: IntegrationId(1),
        benefit: Some(BenefitId(99)),
        area: crate::model::FunctionalArea::Sales,
        process: String::new(),
        owner: String::new(),
        change: String::new(),
        expected_result: String::new(),
        kpi: None,
        due: None,
        status: IntegrationStatus::Planned,
    }];
    let decided = p.alternatives[0].id;
    p.management.decision = Some(DecisionRecord {
        decided_by: "Board".into(),
        date: day("2026-03-01"),
        alternative: Some(decided),
        reason: String::new(),
        rejected: vec![
            Rejection {
                alternative: AlternativeId(77),
                reason: "x".into(),
            },
            Rejection {
                alternative: decided,
                reason: "y".into(),
            },
        ],
    });
    let found: Vec<(String, String)> = validate(&p)
        .iter()
        .map(|f| (f.path.to_string(), f.message.clone()))
        .collect();
    let expect = |path: &str, message: &str| {
        assert!(
            found.contains(&(path.to_owned(), message.to_owned())),
            "{path}: {message} not in {found:#?}"
        );
    };
    expect(
        "management.measures[0].planned_eur",
        "the planned money is -5, expected a number of 0 or more",
    );
    expect(
        "management.measures[0].progress_percent",
        "the progress is 120, expected a percentage from 0 to 100",
    );
    expect(
        "management.measures[0].quality",
        "the quality is 11, expected a number from 0 to 10",
    );
    expect(
        "management.period.end",
        "the period ends on 2026-01-01, before it starts on 2027-01-01",
    );
    expect(
        "management.integrations[0].benefit",
        "refers to benefit 99, which does not exist",
    );
    expect(
        "management.decision.rejected[0].alternative",
        "refers to alternative 77, which does not exist",
    );
    assert_eq!(found.len(), 6, "{found:#?}");
}

#[test]
fn milestones_need_a_number_and_off_plan_ones_are_left_out_not_refused() {
    use crate::model::Milestone;
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    let date = |t: &str| t.parse::<crate::model::Date>().unwrap();
    let m = |d: &str, value| Milestone {
        date: date(d),
        value,
    };
    // The sample's KPI 3 runs from 2026-03-31 to 2027-03-31.
    let k = &mut p.management.kpis[2];
    k.milestones = vec![m("2026-09-30", 9.0), m("2026-12-31", 12.0)];
    assert!(validate(&p).is_empty(), "{:?}", validate(&p));
    let k = &mut p.management.kpis[2];
    let name = k.name.clone();
    k.milestones = vec![
        m("2026-09-30", 9.0),
        m("2026-03-31", 5.0),
        m("2027-04-30", 16.0),
        m("2026-12-31", f64::INFINITY),
        m("2026-09-30", 10.0),
    ];
    let found: Vec<(String, String)> = validate(&p)
        .iter()
        .map(|f| (f.path.to_string(), f.to_string()))
        .collect();
    let item = format!("KPI 3 \"{name}\"");
    // Milestones off the plan (on the baseline date, after the target, a second on a day)
    // are left out of the planned path, not refused: moving a date in the pane makes them,
    // and a file must stay loadable. Only a value that is no number is refused.
    assert_eq!(
        found,
        vec![(
            "management.kpis[2].milestones[3].value".to_owned(),
            format!("{item}: the milestone of 2026-12-31 is inf, expected a finite number")
        )]
    );
    let k = &p.management.kpis[2];
    assert_eq!(
        [1, 2, 4].map(|i| k.milestone_left_out(i)),
        [
            Some("not between the baseline and the target date"),
            Some("not between the baseline and the target date"),
            Some("a second milestone on its day")
        ]
    );
}

#[test]
fn earlier_ratings_are_checked_like_the_current_ones_and_dated_in_order() {
    use crate::model::competition::{CompetitorRating, Side};
    use crate::model::{Date, TopicId};
    let date = |m, d| Date::new(2026, m, d).unwrap();
    let mut p = crate::io::SAMPLES[0].load().unwrap();
    // The bakery as a file from before dated ratings holds it (the sample re-rated one).
    p.competition.our_rated = None;
    p.competition.our_history.clear();
    for c in &mut p.competition.competitors {
        c.rated = None;
        c.history.clear();
    }
    let first = p.competition.competitors[0].id;
    p.competition.rerate(Side::Competitor(first), date(3, 1));
    p.competition.rerate(Side::Competitor(first), date(9, 30));
    p.competition.rerate(Side::Us, date(9, 30));
    assert!(validate(&p).is_empty(), "{:?}", validate(&p));
    let ratings = |p: &Project| {
        validate(p)
            .iter()
            .map(|f| format!("{} | {} | {}", f.path, f.item, f.message))
            .collect::<Vec<_>>()
    };

    // An undated rating, one of March, current since September: a rating of October kept
    // as earlier is after the current one; one of February after March is out of order.
    let mut q = p.clone();
    let c = &mut q.competition.competitors[0];
    assert_eq!(c.history[0].date, None);
    c.history.push(CompetitorRating {
        date: Some(date(2, 1)),
        strength: Vec::new(),
    });
    c.history.push(CompetitorRating {
        date: Some(date(10, 1)),
        strength: Vec::new(),
    });
    let name = "competitor 1 \"Kornkammer (regional chain, 31 shops)\"";
    assert_eq!(
        ratings(&q),
        [
            format!(
                "competition.competitors[0].history[2].date | {name} | keeps the rating of 2026-02-01 after the rating of 2026-03-01, expected the earlier ratings oldest first"
            ),
            format!(
                "competition.competitors[0].history[3].date | {name} | keeps the rating of 2026-10-01 as an earlier rating, but it is not before the current rating of 2026-09-30"
            ),
        ]
    );

    // Two of the same day; one on the day of the current rating.
    let mut q = p.clone();
    let c = &mut q.competition.competitors[0];
    let march = c.history[1].clone();
    c.history.push(march);
    c.history.push(CompetitorRating {
        date: Some(date(9, 30)),
        strength: Vec::new(),
    });
    assert_eq!(
        ratings(&q),
        [
            format!(
                "competition.competitors[0].history[2].date | {name} | keeps the rating of 2026-03-01 twice, expected one earlier rating a day"
            ),
            format!(
                "competition.competitors[0].history[3].date | {name} | keeps the rating of 2026-09-30 as an earlier rating, but it is not before the current rating of 2026-09-30"
            ),
        ]
    );

    // Earlier strengths: finite, 0 to 10, in arenas that exist, each once.
    let mut q = p.clone();
    let earlier = &mut q.competition.our_history[0].strength;
    earlier[0].score = f64::NAN;
    earlier[1].score = 11.0;
    earlier[2].arena = crate::model::Arena::Topic(TopicId(99));
    let arena = earlier[3].arena;
    earlier[4].arena = arena;
    let found = ratings(&q);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(
        found[0].starts_with(
            "competition.our_history[0].strength[0].score | our position, the undated rating | the strength for usage format 1 is NaN, expected a number from 0 to 10"
        ),
        "{found:?}"
    );
    assert!(
        found[1].ends_with("is 11, expected a number from 0 to 10"),
        "{found:?}"
    );
    assert!(
        found[2].starts_with("competition.our_history[0].strength[2].arena")
            && found[2].ends_with("rates topic 99, which does not exist"),
        "{found:?}"
    );
    assert!(
        found[3].starts_with("competition.our_history[0].strength[4].arena")
            && found[3].ends_with("more than once"),
        "{found:?}"
    );

    // Earlier ratings with an undated current one, as a hand-edited file may have them.
    let mut q = p.clone();
    q.competition.our_rated = None;
    assert_eq!(
        ratings(&q),
        [
            "competition.our_history[0] | our position | keeps the undated rating as an earlier rating, but it is not before the current rating, which is undated"
        ]
    );
}
