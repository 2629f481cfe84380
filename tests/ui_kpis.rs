#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A KPI's plan in the management pane, driven as a user would: its cadence sets when the next
//! measurement is due, milestones bend the planned path and so its health; undo takes each
//! step back.

mod common;

use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::analysis::kpi::Health;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::model::{Cadence, Date, Milestone};

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// The bakery on 2026-11-23, its KPIs in front, with room for the first KPI's form: the
/// "Why, in this case" note and the warnings folded, as a person would at this size.
fn bakery_kpis() -> Harness<'static, Workbench> {
    let mut app = Workbench::with_sample(0);
    app.set_today(date("2026-11-23"));
    let mut h = harness(app);
    open_pane(&mut h, PaneKind::Management);
    fold_why_note(&mut h);
    h.get_by_label("⚠ 5 warnings").click();
    h.run();
    h
}

/// Brings a widget into view and runs a frame.
fn show(h: &mut Harness<'_, Workbench>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
}

/// Whether some text on screen contains `part`.
fn shows(h: &Harness<'_, Workbench>, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}

const MILESTONE_DATE: &str = "Date of milestone 1 of Sourdough club members";
const MILESTONE_VALUE: &str = "Value of milestone 1 of Sourdough club members";

#[test]
fn cadence_and_a_milestone_change_the_due_date_and_the_health_and_undo_restores_them() {
    let mut h = bakery_kpis();
    let original = h.state().project().clone();
    // Club members, 80 → 2,500 by 2027-03-31, measured monthly, 1,450 on 2026-10-31: the
    // straight line plans 1,418.85 of progress by then, 1,370 were made.
    h.get_by_label("● On track 97 %");
    assert!(shows(
        &h,
        "made 1,370 of 1,419 planned (97 %) by 2026-10-31"
    ));
    assert!(shows(&h, "Next measurement due 2026-11-30 (monthly)"));

    // Measured once a year from now on: due a year after the latest measurement.
    let combo = h.get_by_role_and_label(Role::ComboBox, "Cadence");
    combo.scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Cadence").click();
    h.run();
    h.get_by_label("Yearly").click();
    h.run();
    assert_eq!(
        h.state().project().management.kpis[0].cadence,
        Cadence::Yearly
    );
    assert!(shows(&h, "Next measurement due 2027-10-31 (yearly)"));
    assert!(!shows(&h, "2026-11-30"));

    // A milestone: in the middle of the only stretch, at its month end, on the line
    // (80 + 2,420 × 183/365 = 1,293.32), so the health stays.
    show(&mut h, "➕ Add milestone");
    click(&mut h, "➕ Add milestone");
    let milestones = h.state().project().management.kpis[0].milestones.clone();
    assert_eq!(milestones.len(), 1);
    assert_eq!(milestones[0].date, date("2026-09-30"));
    assert!((milestones[0].value - (80.0 + 2420.0 * 183.0 / 365.0)).abs() < 1e-9);
    h.get_by_label("● On track 97 %");

    // 1,500 by 2026-09-30: a fast start. On 2026-10-31 the plan is 1,500 + 1,000 × 31/182 =
    // 1,670.33, 1,590.33 planned; 1,370 made is 86 %: behind.
    show(&mut h, MILESTONE_VALUE);
    h.get_by_label(MILESTONE_VALUE).set_value_accesskit(1500.0);
    h.run();
    assert_eq!(
        h.state().project().management.kpis[0].milestones,
        vec![Milestone {
            date: date("2026-09-30"),
            value: 1500.0
        }]
    );
    assert_eq!(h.state().derived().kpi_health[0].health, Health::Behind);
    h.get_by_label("● Behind 86 %");
    assert!(shows(
        &h,
        "made 1,370 of 1,590 planned (86 %) by 2026-10-31"
    ));

    // A month earlier: from 2026-08-31 to the target are 212 days, so on 2026-10-31 the plan
    // is 1,500 + 1,000 × 61/212 = 1,787.74, 1,707.74 planned; 1,370 made is 80 %: at risk.
    show(&mut h, MILESTONE_DATE);
    h.get_by_label(MILESTONE_DATE).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(MILESTONE_DATE).type_text("2026-08-31");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().project().management.kpis[0].milestones[0].date,
        date("2026-08-31")
    );
    h.get_by_label("● At risk 80 %");
    assert!(shows(
        &h,
        "made 1,370 of 1,708 planned (80 %) by 2026-10-31"
    ));
    // At risk, it joins the warnings.
    assert!(shows(
        &h,
        "KPI at risk: Sourdough club members made 1,370 of 1,708 planned (80 %)"
    ));

    // Undo takes each step back: the date, the value, the milestone, the cadence.
    let undo = |h: &mut Harness<'_, Workbench>| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    };
    undo(&mut h);
    assert_eq!(
        h.state().project().management.kpis[0].milestones[0].date,
        date("2026-09-30")
    );
    h.get_by_label("● Behind 86 %");
    undo(&mut h);
    assert!((h.state().project().management.kpis[0].milestones[0].value - 1500.0).abs() > 1.0);
    h.get_by_label("● On track 97 %");
    undo(&mut h);
    assert!(h.state().project().management.kpis[0].milestones.is_empty());
    assert_eq!(
        h.state().project().management.kpis[0].cadence,
        Cadence::Yearly
    );
    undo(&mut h);
    assert_eq!(*h.state().project(), original);
    assert!(shows(&h, "Next measurement due 2026-11-30 (monthly)"));
    h.get_by_label("● On track 97 %");
}

#[test]
fn a_milestone_off_the_plan_is_marked_and_can_be_removed() {
    let mut h = bakery_kpis();
    h.get_by_label("No milestones: the plan is the straight line from baseline to target.");
    show(&mut h, "➕ Add milestone");
    click(&mut h, "➕ Add milestone");
    show(&mut h, MILESTONE_VALUE);
    h.get_by_label(MILESTONE_VALUE).set_value_accesskit(1500.0);
    h.run();
    h.get_by_label("● Behind 86 %");
    // After the target date it takes no part in the plan, and says why.
    h.get_by_label(MILESTONE_DATE).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(MILESTONE_DATE).type_text("2027-04-30");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().project().management.kpis[0].milestones[0].date,
        date("2027-04-30")
    );
    h.get_by_label("⚠ left out of the plan: not between the baseline and the target date");
    h.get_by_label("● On track 97 %");
    // The file stays valid (and loadable): the plan leaves the milestone out.
    assert!(pbsm::model::validate(h.state().project()).is_empty());
    // Removed, the plan is the straight line again.
    click(&mut h, "Remove milestone 1 of Sourdough club members");
    assert!(h.state().project().management.kpis[0].milestones.is_empty());
    h.get_by_label("No milestones: the plan is the straight line from baseline to target.");
    assert!(pbsm::model::validate(h.state().project()).is_empty());
}

#[test]
fn a_kpi_measured_yearly_is_not_overdue_for_missing_months() {
    let mut app = Workbench::with_sample(0);
    app.set_today(date("2026-11-23"));
    // Course bookings without a measurement: monthly, the first was due 2026-04-30.
    app.project_mut().management.kpis[1].actuals.clear();
    let mut h = harness(app);
    open_pane(&mut h, PaneKind::Management);
    fold_why_note(&mut h);
    h.get_by_label_contains("warnings").click();
    h.run();
    h.get_by_label("● Overdue");
    h.get_by_label("Course bookings per month").click();
    h.run();
    assert!(shows(
        &h,
        "the first measurement was due 2026-04-30 (monthly)."
    ));
    // A yearly survey: the first result is due 2027-03-31, so nothing is missing yet.
    h.get_by_role_and_label(Role::ComboBox, "Cadence")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Cadence").click();
    h.run();
    h.get_by_label("Yearly").click();
    h.run();
    assert_eq!(
        h.state().project().management.kpis[1].cadence,
        Cadence::Yearly
    );
    assert!(h.query_by_label("● Overdue").is_none());
    h.get_by_label("Not measured yet");
    assert!(shows(
        &h,
        "the first measurement is due 2027-03-31 (yearly)."
    ));
    // Its first actual is added on that day, with the baseline to type over.
    show(&mut h, "➕ Add actual");
    click(&mut h, "➕ Add actual");
    assert_eq!(
        h.state().project().management.kpis[1].actuals,
        vec![pbsm::model::Actual(date("2027-03-31"), 0.0)]
    );
}
