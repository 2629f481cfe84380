//! The suggestions on a small project worked by hand.

use super::*;
use crate::model::{
    AdvantageNature, ArenaScore, AssumptionId, BenefitId, BundledOption, CompetitorId, Durability,
    ItemKind, ModuleId, PotentialId, PotentialType, TopicId, Trigger, TriggerCondition,
    UsageFormatId, UserBenefitId, add_item,
};

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn add(p: &mut Project, kind: ItemKind, times: usize) {
    for _ in 0..times {
        add_item(p, kind, today()).unwrap();
    }
}

fn score(arena: Arena, score: f64) -> ArenaScore {
    ArenaScore { arena, score }
}

/// Topic 1 (affinity 8), user benefit 1 (strength 7), usage formats 1 (community, quality 9,
/// risks named) and 2 (audience, quality 4, no risks named); a performance competitor and an
/// attention competitor; options 1 and 2 bundled by alternative 1 (high, low).
fn project() -> Project {
    let mut p = Project::new("worked by hand");
    p.foundation.market_affinity = Score::new(6.0);
    add(&mut p, ItemKind::Topic, 1);
    p.foundation.topics[0].affinity = Score::new(8.0);
    add(&mut p, ItemKind::UserBenefit, 1);
    p.potential.user_benefits[0].strength = Score::new(7.0);
    p.potential.user_benefits[0].topic = Some(TopicId(1));
    add(&mut p, ItemKind::UsageFormat, 2);
    p.potential.usage_formats[0].competitive_quality = Score::new(9.0);
    p.potential.usage_formats[0].risks = "Slow start".into();
    p.potential.usage_formats[1].competitive_quality = Score::new(4.0);
    add(&mut p, ItemKind::Competitor, 2);
    let (t1, f1, u1) = (
        Arena::Topic(TopicId(1)),
        Arena::UsageFormat(UsageFormatId(1)),
        Arena::UserBenefit(UserBenefitId(1)),
    );
    p.competition.our_strength = vec![score(t1, 7.0), score(f1, 7.0), score(u1, 7.0)];
    p.competition.competitors[0].kind = CompetitorKind::Performance;
    p.competition.competitors[0].strength = vec![score(t1, 6.0), score(f1, 5.0), score(u1, 6.5)];
    p.competition.competitors[1].kind = CompetitorKind::Attention;
    p.competition.competitors[1].strength = vec![score(t1, 8.0)];
    add(&mut p, ItemKind::Option, 2);
    let o1 = &mut p.options[0];
    o1.topic = Some(TopicId(1));
    o1.user_benefit = Some(UserBenefitId(1));
    o1.usage_format = Some(UsageFormatId(1));
    o1.assessment = CompetitiveAssessment::Parity;
    let o2 = &mut p.options[1];
    o2.usage_format = Some(UsageFormatId(2));
    o2.assessment = CompetitiveAssessment::Leading;
    add(&mut p, ItemKind::Alternative, 2);
    p.alternatives[0].options = vec![
        BundledOption {
            option: OptionId(1),
            priority: Priority::High,
        },
        BundledOption {
            option: OptionId(2),
            priority: Priority::Low,
        },
    ];
    p
}

#[test]
fn a_position_is_the_weakest_arena_against_the_weaker_kind() {
    let p = project();
    let standings = Standings::of(&p);
    let s = option_position(&p, &standings, &p.options[0]).unwrap();
    // Performance: topic 7 vs 6 ahead, format 7 vs 5 ahead, user benefit 7 vs 6.5 level (not
    // more than half a point above): level. Attention: topic 7 vs 8 behind.
    assert_eq!(s.performance, Some(Position::Level));
    assert_eq!(s.attention, Some(Position::Behind));
    assert_eq!(s.suggestion.value, CompetitiveAssessment::Weaker);
    assert_eq!(
        s.suggestion.reason,
        "performance competitors: level (weakest: User benefit 1 7 vs 6.5); attention competitors: behind (weakest: Topic 1 7 vs 8)"
    );
    assert_eq!(
        s.suggestion.inputs,
        vec![
            ItemRef::Topic(TopicId(1)),
            ItemRef::UsageFormat(UsageFormatId(1)),
            ItemRef::UserBenefit(UserBenefitId(1))
        ]
    );
    // Without the attention competitor's rating, the performance position decides: parity.
    let mut q = p.clone();
    q.competition.competitors[1].strength.clear();
    let s = option_position(&q, &Standings::of(&q), &q.options[0]).unwrap();
    assert_eq!(s.attention, None);
    assert_eq!(s.suggestion.value, CompetitiveAssessment::Parity);
    assert!(
        s.suggestion
            .reason
            .ends_with("attention competitors: not rated")
    );
    // Option 2's format is rated by nobody: no suggestion.
    assert_eq!(option_position(&p, &standings, &p.options[1]), None);
}

#[test]
fn relevance_is_the_mean_of_the_affinities_and_the_user_benefit() {
    let p = project();
    let s = option_relevance(&p, &p.options[0]).unwrap();
    // (6 + 8 + 7) / 3 = 7.
    assert_eq!(s.value, 7.0);
    assert_eq!(
        s.reason,
        "mean of market affinity 6, topic affinity 8, user benefit strength 7"
    );
    // Option 2 has only the market: 6.
    assert_eq!(option_relevance(&p, &p.options[1]).unwrap().value, 6.0);
    let mut q = p.clone();
    q.foundation.market_affinity = Score::NOT_ASSESSED;
    assert_eq!(option_relevance(&q, &q.options[1]), None);
}

#[test]
fn priority_bands_the_relevance_the_benefits_and_their_potentials() {
    let mut p = project();
    add(&mut p, ItemKind::Benefit, 2);
    p.benefits[0].relevance = Score::new(6.0);
    p.benefits[0].module = ModuleId(1);
    p.benefits[0].change_potential = PotentialType::Support;
    p.benefits[1].relevance = Score::new(9.0);
    p.benefits[1].module = ModuleId(2);
    p.benefits[1].change_potential = PotentialType::Change;
    add(&mut p, ItemKind::Potential, 3);
    let pots = &mut p.potential.module_potentials;
    (pots[0].module, pots[0].potential_type, pots[0].strength) =
        (Some(ModuleId(1)), PotentialType::Support, Score::new(5.0));
    // Module 2's change potential is not assessed; module 1's change potential is another type
    // than benefit 1's.
    (pots[1].module, pots[1].potential_type) = (Some(ModuleId(2)), PotentialType::Change);
    (pots[2].module, pots[2].potential_type, pots[2].strength) =
        (Some(ModuleId(1)), PotentialType::Change, Score::new(9.0));
    let o = &mut p.options[0];
    o.relevance = Score::new(8.0);
    o.benefits = vec![BenefitId(1), BenefitId(2)];
    // (8 + (6 + 9) / 2 + 5) / 3 = 6.83: medium (high from 7), shown rounded as 7.
    let s = option_priority(&p, &p.options[0]).unwrap();
    assert_eq!(s.value, Priority::Medium);
    assert_eq!(
        s.reason,
        "7 from relevance 8, benefit relevance 7.5, potential strength 5"
    );
    assert_eq!(
        s.inputs,
        vec![
            ItemRef::Benefit(BenefitId(1)),
            ItemRef::Benefit(BenefitId(2)),
            ItemRef::Potential(PotentialId(1)),
            ItemRef::Potential(PotentialId(2)),
        ]
    );
    p.options[0].relevance = Score::new(9.5);
    // (9.5 + 7.5 + 5) / 3 = 7.33: high.
    assert_eq!(
        option_priority(&p, &p.options[0]).unwrap().value,
        Priority::High
    );
    // Not assessed, the suggested relevance (7) stands in: (7 + 7.5 + 5) / 3 = 6.5.
    p.options[0].relevance = Score::NOT_ASSESSED;
    let s = option_priority(&p, &p.options[0]).unwrap();
    assert!(
        s.reason.starts_with("6.5 from relevance 7,"),
        "{}",
        s.reason
    );
    // Option 2 has only the market affinity behind its suggested relevance: 6, medium.
    assert_eq!(
        option_priority(&p, &p.options[1]).unwrap().value,
        Priority::Medium
    );
}

#[test]
fn quality_weighs_positions_formats_and_the_rubric() {
    let mut p = project();
    // Option 1: parity 5 with format quality 9 → 7, weight 3 (high); option 2: leading 8 with
    // format quality 4 → 6, weight 1 (low). (21 + 6) / 4 = 6.75, shown as 7.
    let s = alternative_quality(&p, &p.alternatives[0]).unwrap();
    assert_eq!(s.value, 7.0, "6.75 rounds to 7");
    assert_eq!(
        s.reason,
        "its options give 7 (1 leading, 1 parity, 0 weaker, with their usage formats' quality); rubric not answered"
    );
    p.alternatives[0].rubric.durability = Durability::Lasting;
    p.alternatives[0].rubric.nature = AdvantageNature::Structural;
    // 6.75 + 1 + 0.5 = 8.25 → 8.5.
    let s = alternative_quality(&p, &p.alternatives[0]).unwrap();
    assert_eq!(s.value, 8.5);
    assert!(
        s.reason
            .ends_with("; lasting (hard to copy) +1; structural (built in) +0.5"),
        "{}",
        s.reason
    );
    p.alternatives[0].rubric.durability = Durability::Months;
    p.alternatives[0].rubric.nature = AdvantageNature::Temporary;
    // 6.75 − 1 − 0.5 = 5.25 → 5.5.
    assert_eq!(
        alternative_quality(&p, &p.alternatives[0]).unwrap().value,
        5.5
    );
    // An option not assessed does not count; none assessed: no suggestion.
    p.options[1].assessment = CompetitiveAssessment::NotAssessed;
    // Option 1 alone: 7, minus 1.5 = 5.5.
    assert_eq!(
        alternative_quality(&p, &p.alternatives[0]).unwrap().value,
        5.5
    );
    p.options[0].assessment = CompetitiveAssessment::NotAssessed;
    assert_eq!(alternative_quality(&p, &p.alternatives[0]), None);
    assert_eq!(
        alternative_quality(&p, &p.alternatives[1]),
        None,
        "no options"
    );
}

#[test]
fn risk_adds_up_the_assumptions_relied_on_and_the_formats_risks() {
    let mut p = project();
    add(&mut p, ItemKind::Assumption, 4);
    let a = &mut p.management.assumptions;
    // 1: holds, relied on by both options of alternative 1.
    a[0].text = "Members bake".into();
    a[0].status = AssumptionStatus::Holds;
    a[0].options = vec![OptionId(1), OptionId(2)];
    // 2: broken, relied on by alternative 1 directly.
    a[1].text = "Bakers have time".into();
    a[1].status = AssumptionStatus::Broken;
    a[1].alternatives = vec![AlternativeId(1)];
    // 3: at risk, but only alternative 2 relies on it.
    a[2].status = AssumptionStatus::AtRisk;
    a[2].alternatives = vec![AlternativeId(2)];
    // 4: not reviewed, relied on by option 2.
    a[3].options = vec![OptionId(2)];
    // 1 + 0.5 × 1.25 + 3.5 + 1 + 0.5 (format 1 names risks) = 6.625 → 6.5.
    let s = alternative_risk(&p, &p.alternatives[0], today()).unwrap();
    assert_eq!(s.value, 6.5);
    assert_eq!(
        s.reason,
        "3 assumptions relied on, 1 usage formats with named risks (+0.5); broken “Bakers have time” +3.5"
    );
    assert_eq!(
        s.inputs,
        vec![
            ItemRef::Assumption(AssumptionId(1)),
            ItemRef::Assumption(AssumptionId(2)),
            ItemRef::Assumption(AssumptionId(4)),
            ItemRef::UsageFormat(UsageFormatId(1)),
        ]
    );
    // A fired trigger counts: assumption 1 at risk by its KPI: 1 + 2 × 1.25 + 3.5 + 1 + 0.5.
    add(&mut p, ItemKind::Kpi, 1);
    p.management.kpis[0]
        .actuals
        .push(crate::model::Actual(today(), 10.0));
    p.management.assumptions[0].trigger = Some(Trigger {
        threshold: 20.0,
        condition: TriggerCondition::Below,
        ..Trigger::watching(p.management.kpis[0].id)
    });
    assert_eq!(
        alternative_risk(&p, &p.alternatives[0], today())
            .unwrap()
            .value,
        8.5
    );
    // Alternative 2: no options, assumption 3 at risk: 1 + 2 = 3.
    assert_eq!(
        alternative_risk(&p, &p.alternatives[1], today())
            .unwrap()
            .value,
        3.0
    );
    p.management.assumptions.clear();
    assert_eq!(alternative_risk(&p, &p.alternatives[1], today()), None);
}

#[test]
fn a_value_off_its_suggestion_is_a_disagreement_until_a_reason_is_kept() {
    let mut p = project();
    p.options[1].assessment = CompetitiveAssessment::Leading;
    p.alternatives[0].competitive_quality = Score::new(6.0);
    let all_now = |p: &Project| all(p, today()).disagreements(p);
    let found = all_now(&p);
    let kinds: Vec<(ItemRef, Suggested)> = found.iter().map(|d| (d.item, d.of)).collect();
    assert_eq!(
        kinds,
        vec![
            // Option 1: parity, the matrix says weaker.
            (ItemRef::Option(OptionId(1)), Suggested::Position),
            // Alternative 1: 6 against 7 (more than half a point off).
            (
                ItemRef::Alternative(AlternativeId(1)),
                Suggested::CompetitiveQuality
            ),
        ]
    );
    assert_eq!(found[0].yours, "Parity with competitors");
    assert_eq!(found[0].suggested, "Weaker position");
    assert_eq!(
        (found[1].yours.as_str(), found[1].suggested.as_str()),
        ("6.0", "7.0")
    );
    // Within half a point follows; a kept reason settles the other.
    p.alternatives[0].competitive_quality = Score::new(6.5);
    crate::model::judgement::reason_mut(&mut p.options[0].overrides, Suggested::Position)
        .push_str("The attention competitor's rating is a year old.");
    assert_eq!(all_now(&p), Vec::new());
    // Option 1's priority (medium, as new options start) is compared once its relevance is
    // assessed: 7 (as suggested) with no benefits suggests high.
    p.options[0].relevance = Score::new(7.0);
    let found = all_now(&p);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (
            found[0].of,
            found[0].yours.as_str(),
            found[0].suggested.as_str()
        ),
        (Suggested::Priority, "Medium", "High")
    );
    p.options[0].relevance = Score::NOT_ASSESSED;
    // Not assessed is pending, not a disagreement.
    p.options[0].assessment = CompetitiveAssessment::NotAssessed;
    p.alternatives[0].competitive_quality = Score::NOT_ASSESSED;
    assert_eq!(all_now(&p), Vec::new());
    assert_eq!(
        Agreement::of_score(Score::NOT_ASSESSED, 5.0, None),
        Agreement::NotAssessed
    );
    assert_eq!(
        Agreement::of_score(Score::new(3.0), 5.0, Some("why")),
        Agreement::Kept("why".into())
    );
    // The competitor ids used above exist.
    assert!(
        p.competition
            .competitors
            .iter()
            .any(|c| c.id == CompetitorId(2))
    );
}

#[test]
fn a_goal_contribution_off_the_goal_links_is_a_disagreement() {
    let mut p = project();
    add(&mut p, ItemKind::Benefit, 1);
    add(&mut p, ItemKind::Goal, 2);
    let benefit = p.benefits[0].id;
    p.options[0].benefits = vec![benefit];
    // Goal 1 is served strongly through option 1 (high priority in alternative 1): 10 × 1 × 1
    // = 10; goal 2 by nothing: 0. The mean is 5.
    p.foundation.goals[0].benefits = vec![crate::model::GoalBenefit {
        benefit,
        strength: crate::model::LinkStrength::Strong,
    }];
    let s = all(&p, today());
    assert_eq!(s.alternatives[0].goals.as_ref().unwrap().value, 5.0);
    p.alternatives[0].goal_contribution = Score::new(8.0);
    let found = all(&p, today()).disagreements(&p);
    let goals: Vec<_> = found
        .iter()
        .filter(|d| d.of == Suggested::GoalContribution)
        .collect();
    assert_eq!(goals.len(), 1);
    assert_eq!(
        (goals[0].yours.as_str(), goals[0].suggested.as_str()),
        ("8.0", "5.0")
    );
    assert!(
        goals[0].why.starts_with("serves 1 of 2 goals"),
        "{}",
        goals[0].why
    );
    p.alternatives[0].goal_contribution = Score::new(5.5);
    assert!(
        all(&p, today())
            .disagreements(&p)
            .iter()
            .all(|d| d.of != Suggested::GoalContribution)
    );
}
