#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Goals linked to the corporate benefits that serve them and the KPIs that measure them,
//! driven as a user would: tick a benefit for a goal and see the goals × alternatives grid and
//! the suggested goal contribution follow; tie a KPI to a benefit; open a goal from the check.

mod common;

use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{By, NodeT, Queryable};
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::model::{AlternativeId, BenefitId, GoalId, ItemKind, ItemRef, LinkStrength};

/// The bakery's goal “Cut unsold goods …” and its benefit “Less unsold goods”.
const UNSOLD_GOAL: GoalId = GoalId(3);
const LESS_UNSOLD: BenefitId = BenefitId(4);

/// The bakery sample as it was before its goals were linked: no goal names the benefits that
/// serve it or the KPIs that measure it, and no KPI names a benefit. (The shipped sample is
/// fully linked; `tests/samples.rs` checks that.)
fn unlinked_bakery() -> Workbench {
    let mut p = pbsm::io::SAMPLES[0].load().unwrap();
    for g in &mut p.foundation.goals {
        g.benefits.clear();
        g.kpis.clear();
    }
    for k in &mut p.management.kpis {
        k.benefit = None;
    }
    Workbench::with_project(p, pbsm::app::workbench::Settings::default())
}

#[test]
fn ticking_a_benefit_for_a_goal_fills_the_grid_and_suggests_a_goal_contribution() {
    let mut h = harness(unlinked_bakery());
    // Before: no goal is linked, so there is nothing to suggest from.
    open_pane(&mut h, PaneKind::Alternatives);
    h.get_by_label_contains("No suggestion yet: link the goals");
    assert!(!h.state().derived().goals.linked);

    // Pane 1: select the goal by its links, tick the benefit that serves it.
    open_pane(&mut h, PaneKind::Foundation);
    // The goals are below the company's form: scroll down to them.
    h.get_by_label("➕ Add goal").scroll_to_me();
    h.run();
    h.get_by_label("Links of goal 3").click();
    h.run();
    assert_eq!(
        h.state().selection().get(ItemKind::Goal),
        Some(ItemRef::Goal(UNSOLD_GOAL))
    );
    h.get_by_label_contains("Links of the goal “Cut unsold goods");
    let tick = "Less unsold goods serves this goal";
    h.get_by_label(tick).scroll_to_me();
    h.run();
    h.get_by_label(tick).click();
    h.run();
    let goal = |h: &egui_kittest::Harness<'_, Workbench>| {
        h.state()
            .project()
            .foundation
            .goals
            .iter()
            .find(|g| g.id == UNSOLD_GOAL)
            .unwrap()
            .clone()
    };
    assert_eq!(
        goal(&h).served_by(LESS_UNSOLD),
        Some(LinkStrength::Medium),
        "a new link is of medium strength"
    );
    assert!(h.state().is_dirty());
    // The goal's row sums its links up.
    h.get_by_label("➕ Add goal").scroll_to_me();
    h.run();
    assert!(texts_right_of(&h, 0.0).contains(&"1 benefit, no KPI".to_owned()));
    // How strongly: strong.
    let combo = "How strongly Less unsold goods serves this goal";
    h.get_by_label(combo).scroll_to_me();
    h.run();
    h.get_by_label(combo).click();
    h.run();
    h.get_by_label("Strong").click();
    h.run();
    assert_eq!(goal(&h).served_by(LESS_UNSOLD), Some(LinkStrength::Strong));

    // The matrix follows: “Service and freshness” bundles two high-priority options realising
    // the benefit (10 × 1 × 1 = 10), “Community first” the subscription at medium priority
    // (10 × 1 × 0.75 = 7.5), “Reach and recruit” none.
    let m = h.state().derived().goals.clone();
    assert!(m.linked);
    let value = |a| m.cell(UNSOLD_GOAL, AlternativeId(a)).unwrap().value;
    assert_eq!((value(1), value(2), value(3)), (7.5, 0.0, 10.0));

    // Pane 6: the suggestion under the slider of the first alternative: 7.5 over five goals
    // is 1.5.
    open_pane(&mut h, PaneKind::Alternatives);
    let line = h.get_by_label(
        "Suggested: 1.5 — serves 1 of 5 goals; strongest: “Cut unsold goods from 9.5 % to 7 % of production by 2027-03” through “Club members' weekly bread subscription” → “Less unsold goods” (strong, medium priority)",
    );
    // It wraps inside the pane instead of running past it.
    let right = field(&h, "Name").rect().right();
    assert!(line.rect().right() <= right + 1.0, "{:?}", line.rect());
    assert!(
        h.query_by_label_contains("No suggestion yet").is_none(),
        "the hint is gone"
    );

    // The grid: open it, hover the strongest cell for its reason.
    h.get_by_label("Goals × alternatives").click();
    h.run();
    // The four other goals.
    assert_eq!(h.query_all_by_label("served by no alternative").count(), 4);
    h.get_by_label("10.0").hover();
    h.run();
    h.get_by_label(
        "“Service and freshness: pre-order and less waste” serves “Cut unsold goods from 9.5 % to 7 % of production by 2027-03” most strongly through its option “Fresh-bake alerts and pre-orders”, which realises “Less unsold goods”: 10 × 1 (strong link) × 1 (high priority) = 10.0",
    );
    h.get_by_label("7.5");

    // Unticking takes it back: nothing links, nothing to suggest.
    open_pane(&mut h, PaneKind::Foundation);
    h.get_by_label(tick).scroll_to_me();
    h.run();
    h.get_by_label(tick).click();
    h.run();
    assert_eq!(goal(&h).served_by(LESS_UNSOLD), None);
    assert!(!h.state().derived().goals.linked);
}

#[test]
fn a_kpi_is_tied_to_the_corporate_benefit_it_measures() {
    let mut h = harness(unlinked_bakery());
    open_pane(&mut h, PaneKind::Management);
    // The first KPI, “Sourdough club members”, is selected.
    assert_eq!(h.state().project().management.kpis[0].benefit, None);
    // At this window size the sample's "Why, in this case" note and the warnings leave the
    // KPI's form no room below the list: fold the note, as a person would.
    fold_why_note(&mut h);
    let combo = h.get_by_role_and_label(Role::ComboBox, "Corporate benefit");
    combo.scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Corporate benefit")
        .click();
    h.run();
    h.get_by_label("More visits from regulars").click();
    h.run();
    assert_eq!(
        h.state().project().management.kpis[0].benefit,
        Some(BenefitId(1))
    );
    // The combo shows the whole name.
    assert_eq!(
        h.get_by_role_and_label(Role::ComboBox, "Corporate benefit")
            .value()
            .as_deref(),
        Some("More visits from regulars")
    );
    // The KPI is no longer a loose end for the check (the other KPIs still are; more than
    // five findings of a kind fold into a group, unfolded here).
    open_pane(&mut h, PaneKind::Check);
    if let Some(group) = h.query_by_label_contains("KPI without goal or benefit (") {
        group.click();
        h.run();
    }
    assert!(
        h.query_by_label(
            "The KPI “Sourdough club members” measures neither a goal nor a corporate benefit."
        )
        .is_none()
    );
    h.get_by_label(
        "The KPI “Course bookings per month” measures neither a goal nor a corporate benefit.",
    );
    // Undo unties it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().project().management.kpis[0].benefit, None);
}

#[test]
fn the_check_finds_a_goal_without_kpi_and_opens_it() {
    let mut h = harness(unlinked_bakery());
    // Another section of pane 1 is showing: opening the goal brings its list back.
    open_pane(&mut h, PaneKind::Foundation);
    click(&mut h, "Topics and affinity");
    open_pane(&mut h, PaneKind::Check);
    let message = "No KPI measures the goal “Fill every apprentice place from 2027 on”.";
    h.get_by_label(message).scroll_to_me();
    h.run();
    h.get_by_label(message).hover();
    h.run();
    h.get_by_label_contains("The method's rule: A goal is stated so that it can be checked");
    // The "Open" beside the message (the next one after it in the pane).
    let open = {
        // A label's text is its value, a button's its label.
        let name = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
            if n.role() == Role::Label {
                n.value()
            } else {
                n.label()
            }
        };
        let nodes: Vec<_> = h
            .query_all(By::new().predicate(
                move |n| matches!(name(n).as_deref(), Some(l) if l == message || l == "Open"),
            ))
            .collect();
        let at = nodes
            .iter()
            .position(|n| name(&n.accesskit_node()).as_deref() == Some(message))
            .unwrap();
        nodes[at + 1].rect()
    };
    h.get_all_by_label("Open")
        .find(|n| n.rect() == open)
        .unwrap()
        .click();
    h.run();
    assert_eq!(
        h.state().selection().get(ItemKind::Goal),
        Some(ItemRef::Goal(GoalId(2)))
    );
    h.get_by_label("1 · Foundation: business model and goals");
    h.get_by_label("Links of the goal “Fill every apprentice place from 2027 on.”");
    // Measuring it with a KPI settles the finding.
    let tick = "Apprentice applications via social media measures this goal";
    h.get_by_label(tick).scroll_to_me();
    h.run();
    h.get_by_label(tick).click();
    h.run();
    // The check pane is still on screen beside pane 1 (its tab, not its "Check" label).
    h.get_by_role_and_label(Role::Button, PaneKind::Check.tab_title())
        .click();
    h.run();
    assert!(h.query_by_label(message).is_none());
    h.get_by_label_contains("No KPI measures the goal “Keep revenue per shop");
}
