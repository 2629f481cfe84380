#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Strategy management as a person drives it: the integration register (a benefit of the
//! chosen alternative taken up by a business process with an owner) and the decision record
//! (who decided, why, and why not the others), each checked in the project, in the findings,
//! and undone.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::analysis::consistency::{Kind, findings};
use pbsm::analysis::decision::evaluate;
use pbsm::analysis::steering;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::io::SAMPLES;
use pbsm::model::{AlternativeStatus, Date, Project};

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// The bakery with its register and decision record emptied, at laptop size, on pane 7.
fn bakery_without(clear: impl FnOnce(&mut Project)) -> Harness<'static, Workbench> {
    let mut p = SAMPLES[0].load().unwrap();
    clear(&mut p);
    let mut app = Workbench::with_project(p, pbsm::app::workbench::Settings::default());
    app.set_today(today());
    let mut h = harness(app);
    open_pane(&mut h, PaneKind::Management);
    fold_why_note(&mut h);
    h
}

fn kinds(h: &Harness<'_, Workbench>) -> Vec<Kind> {
    let p = h.state().project();
    findings(p, &evaluate(p), today())
        .into_iter()
        .map(|f| f.kind)
        .collect()
}

fn undo_until(h: &mut Harness<'_, Workbench>, done: impl Fn(&Project) -> bool) {
    for _ in 0..40 {
        if done(h.state().project()) {
            return;
        }
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    panic!("undo did not get back");
}

#[test]
fn a_benefit_of_the_chosen_alternative_is_taken_up_by_a_process_with_an_owner() {
    let mut h = bakery_without(|p| p.management.integrations.clear());
    let missing = steering::benefits_without_owner(h.state().project());
    assert!(missing.len() >= 2);
    let benefit = h.state().project().benefit(missing[0]).unwrap().clone();
    let owner_findings = |h: &Harness<'_, Workbench>| {
        kinds(h)
            .into_iter()
            .filter(|k| *k == Kind::BenefitWithoutProcessOwner)
            .count()
    };
    assert_eq!(owner_findings(&h), missing.len());
    click(&mut h, "Integration");
    click(&mut h, &format!("Take up “{}”", benefit.name));
    let entries = &h.state().project().management.integrations;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].benefit, Some(benefit.id));
    // Name the process and its owner in the form.
    for (label, text) in [
        ("Business process", "Weekend pre-orders in the shops"),
        ("Process owner", "Tobias Lindner (sales)"),
    ] {
        let f = field(&h, label);
        f.scroll_to_me();
        h.run();
        field(&h, label).click();
        h.run();
        field(&h, label).type_text(text);
        h.run();
    }
    let entry = &h.state().project().management.integrations[0];
    assert_eq!(entry.process, "Weekend pre-orders in the shops");
    assert_eq!(entry.owner, "Tobias Lindner (sales)");
    // The benefit is taken up: no finding, no button for it any more.
    assert_eq!(owner_findings(&h), missing.len() - 1);
    assert!(
        h.query_by_label(&format!("Take up “{}”", benefit.name))
            .is_none()
    );
    // The view per functional area lists it under its area.
    click(&mut h, "Benefits per functional area");
    h.get_by_label("Marketing and communication");
    h.get_by_label(&format!(
        "• {}: Weekend pre-orders in the shops (owner Tobias Lindner (sales); planned)",
        benefit.name
    ));
    undo_until(&mut h, |p| p.management.integrations.is_empty());
    assert_eq!(owner_findings(&h), missing.len());
}

#[test]
fn the_decision_is_recorded_with_who_why_and_why_not_the_others() {
    let mut h = bakery_without(|p| p.management.decision = None);
    let chosen = h
        .state()
        .project()
        .alternatives
        .iter()
        .find(|a| a.status == AlternativeStatus::Chosen)
        .unwrap()
        .id;
    assert!(kinds(&h).contains(&Kind::DecisionNotRecorded));
    click(&mut h, "Decision");
    h.get_by_label("⚠ An alternative is chosen, but the decision is not recorded.");
    click(&mut h, "Record the decision");
    let record = h.state().project().management.decision.clone().unwrap();
    assert_eq!(record.alternative, Some(chosen));
    assert_eq!(record.date, today());
    field(&h, "Decided by").click();
    h.run();
    field(&h, "Decided by").type_text("Anna Lindner (owner)");
    h.run();
    h.get_by_label("Why this one").click();
    h.run();
    h.get_by_label("Why this one")
        .type_text("Only the club builds a lead the creators cannot copy.");
    h.run();
    let others: Vec<String> = h
        .state()
        .project()
        .alternatives
        .iter()
        .filter(|a| a.id != chosen)
        .map(|a| a.name.clone())
        .collect();
    assert!(kinds(&h).contains(&Kind::RejectionWithoutReason));
    for name in &others {
        let label = format!("Why not “{name}”");
        h.get_by_label(&label).scroll_to_me();
        h.run();
        h.get_by_label(&label).click();
        h.run();
        h.get_by_label(&label)
            .type_text("Weaker on competitive quality.");
        h.run();
    }
    let record = h.state().project().management.decision.clone().unwrap();
    assert_eq!(record.decided_by, "Anna Lindner (owner)");
    assert_eq!(
        record.reason,
        "Only the club builds a lead the creators cannot copy."
    );
    assert_eq!(record.rejected.len(), others.len());
    assert!(steering::record_gaps(h.state().project()).is_empty());
    let left = kinds(&h);
    assert!(
        !left.contains(&Kind::DecisionNotRecorded) && !left.contains(&Kind::RejectionWithoutReason),
        "{left:?}"
    );
    undo_until(&mut h, |p| p.management.decision.is_none());
}

#[test]
fn looking_at_the_record_changes_nothing_and_changing_the_decision_back_keeps_every_reason() {
    use egui::accesskit::Role;
    let mut h = bakery_without(|_| {});
    let before = h.state().project().clone();
    click(&mut h, "Decision");
    h.run();
    assert_eq!(h.state().project(), &before, "looking edits nothing");
    let record = before.management.decision.clone().unwrap();
    let decided = record.alternative.unwrap();
    let other = before
        .alternatives
        .iter()
        .find(|a| a.id != decided)
        .unwrap()
        .clone();
    let decided_name = before.alternative(decided).unwrap().name.clone();
    let pick = |h: &mut Harness<'_, Workbench>, name: &str| {
        h.get_by_role_and_label(Role::ComboBox, "Alternative decided on")
            .click();
        h.run();
        h.get_by_role_and_label(Role::Button, name).click();
        h.run();
    };
    pick(&mut h, &other.name);
    let now = h.state().project().management.decision.clone().unwrap();
    assert_eq!(now.alternative, Some(other.id));
    // The reason against the alternative now decided on is kept, only not asked for.
    assert_eq!(now.rejected, record.rejected);
    h.get_by_label(&format!("Why not “{decided_name}”"));
    pick(&mut h, &decided_name);
    assert_eq!(h.state().project().management.decision, Some(record));
}
