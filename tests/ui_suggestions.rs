#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Suggestions beside the user's values, driven as a user would: accept one, or keep your own
//! value with a reason; a broken assumption raises an alternative's suggested risk visibly.

mod common;

use common::*;
use egui_kittest::kittest::Queryable;
use pbsm::analysis::consistency::{Kind, Messages, findings};
use pbsm::analysis::decision::evaluate;
use pbsm::app::layout::PaneKind;
use pbsm::model::{
    Arena, ArenaScore, AssumptionStatus, CompetitiveAssessment, Date, Score, Suggested, TopicId,
};

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn matrix_findings(h: &egui_kittest::Harness<'_, pbsm::app::Workbench>) -> usize {
    let p = h.state().project();
    let messages = Messages::new(p, today());
    findings(p, &evaluate(p), today())
        .iter()
        .filter(|f| {
            f.kind == Kind::AssessmentContradictsMatrix
                && messages.of(f).contains("Sourdough club community")
        })
        .count()
}

#[test]
fn an_option_position_is_suggested_and_the_user_keeps_theirs_with_a_reason_or_accepts() {
    let mut h = sample();
    // The matrix as a strategist might rate it: our strength in home baking 5, a performance
    // competitor's 8. The first option is typed as leading.
    {
        let p = h.state_mut().project_mut();
        let arena = Arena::Topic(TopicId(1));
        p.competition.our_strength = vec![ArenaScore { arena, score: 5.0 }];
        p.competition.competitors[0]
            .strength
            .push(ArenaScore { arena, score: 8.0 });
        p.options[0].assessment = CompetitiveAssessment::Leading;
    }
    open_pane(&mut h, PaneKind::Options);
    h.get_by_label_contains(
        "Suggested: Weaker position — performance competitors: behind (weakest: Home baking and sourdough 5 vs 8)",
    );
    let differs = |h: &egui_kittest::Harness<'_, pbsm::app::Workbench>| {
        h.query_all_by_label("differs from the suggestion: accept it or say why yours stands")
            .count()
    };
    let differing = differs(&h);
    assert!(differing >= 1);
    // The sample keeps the club's relevance against its suggestion, with a reason.
    let kept = |h: &egui_kittest::Harness<'_, pbsm::app::Workbench>| {
        h.query_all_by_label("kept against the suggestion").count()
    };
    let kept_before = kept(&h);
    assert_eq!(
        matrix_findings(&h),
        1,
        "a contradiction without a reason is a finding"
    );

    // Keep it, with a reason: kept with the value, and the finding goes.
    let reason = "Their rating predates our club launch.";
    field(&h, "Why your competitive assessment stands:").scroll_to_me();
    h.run();
    field(&h, "Why your competitive assessment stands:").click();
    h.run();
    type_slowly(&mut h, "Why your competitive assessment stands:", reason);
    let o = &h.state().project().options[0];
    assert_eq!(
        o.assessment,
        CompetitiveAssessment::Leading,
        "never overwritten silently"
    );
    assert_eq!(
        pbsm::model::judgement::reason_for(&o.overrides, Suggested::Position),
        Some(reason)
    );
    assert_eq!(kept(&h), kept_before + 1);
    assert_eq!(differs(&h), differing - 1);
    assert_eq!(matrix_findings(&h), 0);

    // Accept it: the value becomes the suggestion and the reason goes.
    click(&mut h, "Accept Weaker position");
    let o = &h.state().project().options[0];
    assert_eq!(o.assessment, CompetitiveAssessment::Weaker);
    assert!(o.overrides.iter().all(|r| r.of != Suggested::Position));
    assert_eq!(kept(&h), kept_before);
    assert_eq!(differs(&h), differing - 1);
}

#[test]
fn a_broken_assumption_raises_the_suggested_risk_and_accepting_takes_it() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    let before = {
        let p = h.state().project();
        pbsm::analysis::suggest::alternative_risk(p, &p.alternatives[0], today())
            .unwrap()
            .value
    };
    // A framework condition the chosen alternative relies on, and that held, breaks (the
    // sample's first assumption is broken already).
    let text = {
        let p = h.state_mut().project_mut();
        let a = &mut p.management.assumptions[1];
        assert!(a.alternatives.contains(&p.alternatives[0].id));
        assert_eq!(a.status, AssumptionStatus::Holds);
        a.status = AssumptionStatus::Broken;
        a.text.clone()
    };
    h.run();
    let after = {
        let p = h.state().project();
        pbsm::analysis::suggest::alternative_risk(p, &p.alternatives[0], today()).unwrap()
    };
    // Holds weighed 0.5, broken 3.5: the suggestion rises by 3 (rounded to half points).
    assert!(after.value > before, "{before} → {}", after.value);
    let wanted = format!("broken “{text}” +3.5");
    h.get_by_label_contains(&wanted).scroll_to_me();
    h.run();
    click(&mut h, &format!("Accept {:.1}", after.value));
    assert_eq!(
        h.state().project().alternatives[0].risk,
        Score::new(after.value)
    );
}

#[test]
fn an_impact_format_is_linked_to_the_usage_formats_it_works_through() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Potential);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Impact formats")
        .click();
    h.run();
    assert!(
        h.state().project().potential.impact_formats[0]
            .usage_formats
            .is_empty()
    );
    h.query_all_by_label("no format").next().unwrap().click();
    h.run();
    let club = h.state().project().potential.usage_formats[2].clone();
    h.get_by_label(&club.name).click();
    h.run();
    let p = h.state().project();
    assert_eq!(p.potential.impact_formats[0].usage_formats, vec![club.id]);
    // The options on that format now use it.
    let using = p.options_using_impact(p.potential.impact_formats[0].id);
    let expected: Vec<_> = p
        .options
        .iter()
        .filter(|o| o.usage_format == Some(club.id))
        .map(|o| o.id)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(using, expected);
    // Removing the usage format removes the link.
    let mut q = p.clone();
    q.remove_usage_format(club.id);
    assert!(q.potential.impact_formats[0].usage_formats.is_empty());
}

#[test]
fn the_reasoning_of_a_step_is_written_beside_it_and_kept() {
    use pbsm::model::MethodStep;
    use pbsm::model::judgement::note_for;
    let mut h = sample();
    open_pane(&mut h, PaneKind::Foundation);
    // The sample carries a note on every step: open under the header, and editable.
    let label = "Why, in this case: 1 Foundation";
    let before = note_for(&h.state().project().reasoning, MethodStep::Foundation)
        .unwrap()
        .to_owned();
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(" Revised.");
    h.run();
    let after = note_for(&h.state().project().reasoning, MethodStep::Foundation)
        .unwrap()
        .to_owned();
    // Typed where the click put the cursor.
    assert!(after.contains(" Revised."), "{after}");
    assert_eq!(after.replacen(" Revised.", "", 1), before);
    // Folding it hides the text, not the note; each pane has its own.
    fold_why_note(&mut h);
    assert!(h.query_by_label(label).is_none());
    assert!(note_for(&h.state().project().reasoning, MethodStep::Foundation).is_some());
    open_pane(&mut h, PaneKind::Options);
    let options = note_for(&h.state().project().reasoning, MethodStep::Options)
        .unwrap()
        .to_owned();
    assert_ne!(options, after);
    // An emptied note is gone from the project.
    let mut p = h.state().project().clone();
    pbsm::model::judgement::set_note(&mut p.reasoning, MethodStep::Options, String::new());
    assert!(note_for(&p.reasoning, MethodStep::Options).is_none());
}

#[test]
fn relevance_priority_and_quality_suggestions_are_accepted_from_the_forms() {
    use pbsm::analysis::suggest;
    let mut h = sample();
    // Put the first option's relevance and priority and the first alternative's quality off
    // their suggestions, without reasons.
    let (relevance, priority, quality) = {
        let p = h.state_mut().project_mut();
        p.options[0].overrides.clear();
        p.alternatives[0].overrides.clear();
        let relevance = suggest::option_relevance(p, &p.options[0]).unwrap().value;
        p.options[0].relevance = Score::new(if relevance > 5.0 { 1.0 } else { 9.5 });
        let priority = suggest::option_priority(p, &p.options[0]).unwrap().value;
        p.options[0].priority = if priority == pbsm::model::Priority::Low {
            pbsm::model::Priority::High
        } else {
            pbsm::model::Priority::Low
        };
        let quality = suggest::alternative_quality(p, &p.alternatives[0])
            .unwrap()
            .value;
        p.alternatives[0].competitive_quality = Score::new(if quality > 5.0 { 1.0 } else { 9.5 });
        (relevance, priority, quality)
    };
    open_pane(&mut h, PaneKind::Options);
    let accept = format!("Accept {relevance:.1}");
    h.get_by_label(&accept).scroll_to_me();
    h.run();
    click(&mut h, &accept);
    assert_eq!(
        h.state().project().options[0].relevance,
        Score::new(relevance)
    );
    // With the relevance accepted, the priority suggestion is computed from it.
    let priority_now = {
        let p = h.state().project();
        suggest::option_priority(p, &p.options[0]).unwrap().value
    };
    let _ = priority;
    let accept = format!("Accept {priority_now}");
    h.get_by_label(&accept).scroll_to_me();
    h.run();
    click(&mut h, &accept);
    assert_eq!(h.state().project().options[0].priority, priority_now);

    open_pane(&mut h, PaneKind::Alternatives);
    let accept = format!("Accept {quality:.1}");
    h.get_by_label(&accept).scroll_to_me();
    h.run();
    click(&mut h, &accept);
    assert_eq!(
        h.state().project().alternatives[0].competitive_quality,
        Score::new(quality)
    );
}
