#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The method's panes driven as a user would: each pane's values, the ranking and its weights,
//! management, traceability, the strategy check, follow-up strategies, copying from a sample.
//! Click, type, and check what changed in the project (no GPU; see tests/snapshots.rs).

mod common;

use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::model::{AlternativeId, ItemKind, ItemRef, Score};

#[test]
fn the_workbench_opens_with_the_first_sample_and_every_pane_can_be_visited() {
    let mut h = sample();
    assert_eq!(
        h.state().project().name,
        "Backhaus Lindner: social media strategy 2026/27"
    );
    assert!(!h.state().is_dirty());
    let headers = [
        (
            PaneKind::Foundation,
            "1 · Foundation: business model and goals",
        ),
        (
            PaneKind::Potential,
            "2 · Social media performance potential",
        ),
        (PaneKind::Benefit, "3 · Corporate benefit"),
        (PaneKind::Competition, "4 · Competitive situation"),
        (PaneKind::Options, "5 · Options for action"),
        (PaneKind::Alternatives, "6 · Strategy alternatives"),
        (PaneKind::Management, "7 · Strategy management"),
        (PaneKind::Map, "Alternatives map: quality, risk, resources"),
    ];
    for (pane, header) in headers {
        open_pane(&mut h, pane);
        h.get_by_label(header);
    }
    // The View menu brings a pane to the front too.
    click(&mut h, "View");
    click(&mut h, PaneKind::Benefit.title());
    h.get_by_label("3 · Corporate benefit");
    // Visiting changes nothing.
    assert!(!h.state().is_dirty());
}

#[test]
fn editing_a_value_in_each_pane_changes_the_project() {
    let mut h = sample();

    open_pane(&mut h, PaneKind::Foundation);
    field(&h, "Company").click();
    field(&h, "Company").type_text(" & Co");
    h.run();
    assert_eq!(
        h.state().project().foundation.company,
        "Backhaus Lindner GmbH & Co"
    );

    open_pane(&mut h, PaneKind::Potential);
    let before = h.state().project().potential.usage_formats[0].competitive_quality;
    slider(&h, "Competitive quality").increment_accesskit();
    h.run();
    assert_eq!(
        h.state().project().potential.usage_formats[0].competitive_quality,
        Score::new(before.or(0.0) + 0.5)
    );

    open_pane(&mut h, PaneKind::Benefit);
    let before = h.state().project().benefits[0].relevance;
    slider(&h, "Social media relevance").decrement_accesskit();
    h.run();
    assert_eq!(
        h.state().project().benefits[0].relevance,
        Score::new(before.or(0.0) - 0.5)
    );

    open_pane(&mut h, PaneKind::Competition);
    click(&mut h, "Competitors");
    h.get_by_label("What they do, why they matter").click();
    h.run();
    h.key_press_modifiers(Modifiers::CTRL, Key::End);
    h.get_by_label("What they do, why they matter")
        .type_text(" Opened a second app.");
    h.run();
    let description = &h.state().project().competition.competitors[0].description;
    assert!(
        description.ends_with("(re-rated 2026-10-15). Opened a second app."),
        "{description}"
    );
    // The strength matrix: our own strength in the first arena.
    click(&mut h, "Where we stand");
    let first_arena = h.state().project().arenas()[0];
    let arena_name = h.state().project().arena_name(first_arena);
    let before = pbsm::model::competition::score_in(
        &h.state().project().competition.our_strength,
        first_arena,
    )
    .unwrap();
    assert_ne!(before, 7.5);
    h.get_by_label(&format!("Our strength in Format: {arena_name}"))
        .set_value_accesskit(7.5);
    h.run();
    let after = pbsm::model::competition::score_in(
        &h.state().project().competition.our_strength,
        first_arena,
    )
    .unwrap();
    assert_eq!(after, 7.5);

    open_pane(&mut h, PaneKind::Options);
    field(&h, "Option").click();
    field(&h, "Option").type_text(" (pilot)");
    h.run();
    assert_eq!(
        h.state().project().options[0].name,
        "Sourdough club community (pilot)"
    );

    open_pane(&mut h, PaneKind::Alternatives);
    let before = h.state().project().alternatives[0].risk;
    slider(&h, "Risk").increment_accesskit();
    h.run();
    assert_eq!(
        h.state().project().alternatives[0].risk,
        Score::new(before.or(0.0) + 0.5)
    );

    open_pane(&mut h, PaneKind::Management);
    // At this window size the KPI's chart fills the detail below the list: its form is
    // further down, scrolled to as a person would.
    field(&h, "Unit").scroll_to_me();
    h.run();
    field(&h, "Unit").click();
    field(&h, "Unit").type_text(" (club)");
    h.run();
    assert_eq!(
        h.state().project().management.kpis[0].unit,
        "members (club)"
    );
    let n = h.state().project().management.kpis[0].actuals.len();
    h.get_by_label("➕ Add actual").scroll_to_me();
    h.run();
    click(&mut h, "➕ Add actual");
    let kpi = &h.state().project().management.kpis[0];
    assert_eq!(kpi.actuals.len(), n + 1);
    assert_eq!(
        kpi.actuals[n].0.to_string(),
        "2026-11-30",
        "the month after the latest actual"
    );

    assert!(h.state().is_dirty());
    assert!(h.state().window_title().starts_with("● "));
}

#[test]
fn changing_a_weight_changes_the_ranking() {
    let mut h = sample();
    // Without the room's pairwise round: its weights would add a paragraph above the
    // scenarios, which then sit under the status bar at this window size (tests/ui_room.rs
    // covers the room's weights).
    h.state_mut()
        .project_mut()
        .votes
        .retain(|r| r.kind != pbsm::model::RoundKind::Pairwise);
    h.run();
    open_pane(&mut h, PaneKind::Decision);
    click(&mut h, "Criteria and weights");
    assert_eq!(
        h.state().derived().evaluation.winner().unwrap().id,
        AlternativeId(1)
    );
    // Almost all weight on low risk: the low-risk alternative, service and freshness, wins.
    h.get_by_label("Weight of Risk").set_value_accesskit(0.9);
    h.run();
    let weights: f64 = h
        .state()
        .project()
        .decision
        .criteria
        .iter()
        .map(|c| c.weight)
        .sum();
    assert!(
        (weights - 1.0).abs() < 1e-9,
        "weights still sum to 1: {weights}"
    );
    let risk = h.state().project().decision.criteria[1].weight;
    assert!((risk - 0.9).abs() < 1e-9, "{risk}");
    assert_eq!(
        h.state().derived().evaluation.winner().unwrap().name,
        "Service and freshness: pre-order and less waste"
    );
    click(&mut h, "Ranking");
    let first_row = h.state().derived().evaluation.ranked()[0].name.clone();
    assert_eq!(first_row, "Service and freshness: pre-order and less waste");
    // Applying a stored scenario brings another ranking. At this window size the scenarios
    // sit at the bottom of the pane, below the sample's "Why, in this case" note: fold the
    // note, as a person would, so they are not behind the status bar.
    click(&mut h, "Criteria and weights");
    fold_why_note(&mut h);
    h.get_all_by_label("Apply").next().unwrap().click();
    h.run();
    assert_eq!(
        h.state().project().decision.criteria[0].weight,
        0.45,
        "the 'Position first' scenario"
    );
    assert_eq!(
        h.state().derived().evaluation.winner().unwrap().id,
        AlternativeId(1)
    );
}

#[test]
fn a_close_call_shows_a_banner() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Decision);
    assert!(h.query_by_label("⚠ Close call").is_none());
    // Bring the runner-up close to the winner.
    h.state_mut().project_mut().alternatives[2].competitive_quality = pbsm::model::Score::new(8.0);
    h.state_mut().project_mut().alternatives[2].ranges.clear();
    h.run();
    h.get_by_label("⚠ Close call");
}

#[test]
fn viewing_panes_never_changes_values_that_are_off_the_slider_steps() {
    let mut app = Workbench::with_sample(0);
    // Values a hand-edited file may hold: off the 0.5 steps and with more decimals than shown.
    app.project_mut().alternatives[0].risk = pbsm::model::Score::new(6.23);
    app.project_mut().alternatives[0].competitive_quality = pbsm::model::Score::new(7.77);
    app.project_mut().foundation.market_affinity = pbsm::model::Score::new(4.44);
    app.project_mut().decision.criteria[0].weight = 0.3125;
    app.project_mut().decision.criteria[1].weight = 0.1875;
    app.project_mut().options[0].relevance = pbsm::model::Score::new(8.8);
    app.project_mut().competition.our_strength[0].score = 4.44;
    app.project_mut().management.kpis[0].baseline = 80.123_456;
    app.project_mut().alternatives[0].budget_eur = 85_000.555;
    app.project_mut().fit_ranges();
    let expected = app.project_mut().clone();
    let mut h = harness(app);
    for pane in PaneKind::ALL {
        open_pane(&mut h, pane);
    }
    open_pane(&mut h, PaneKind::Decision);
    click(&mut h, "Criteria and weights");
    click(&mut h, "Robustness");
    let p = &h.state().project();
    let seen = (
        p.alternatives[0].risk.get(),
        p.alternatives[0].competitive_quality.get(),
        p.foundation.market_affinity.get(),
        p.decision.criteria[0].weight,
        p.decision.criteria[1].weight,
        p.options[0].relevance.get(),
    );
    assert_eq!(
        seen,
        (
            Some(6.23),
            Some(7.77),
            Some(4.44),
            0.3125,
            0.1875,
            Some(8.8)
        )
    );
    assert!(*p == &expected, "looking at the panes changed the project");
}

/// The machine builder's sample with its hires from social media and referral stalled at 9 in
/// October: the trigger on assumption 3 ("Challenge participants consider working in a rural
/// location", below 10 from 2026-10-31 on) fires while its last review says it holds.
fn machine_builder_with_stalled_hires() -> Workbench {
    let mut p = pbsm::io::SAMPLES[1].load().unwrap();
    let kpi = p
        .management
        .kpis
        .iter_mut()
        .find(|k| k.id == pbsm::model::KpiId(1))
        .unwrap();
    kpi.actuals.last_mut().unwrap().1 = 9.0;
    Workbench::with_project(p, pbsm::app::workbench::Settings::default())
}

#[test]
fn a_fired_trigger_puts_an_assumption_at_risk_warns_and_marks_the_map() {
    let mut app = machine_builder_with_stalled_hires();
    app.set_today(pbsm::model::Date::new(2026, 11, 23).unwrap());
    let mut h = harness(app);
    assert_eq!(
        h.state().project().management.assumptions[2].status,
        pbsm::model::AssumptionStatus::Holds,
        "the last review said it holds"
    );
    // The map marks the alternatives that rely on it.
    assert!(texts_right_of(&h, 1280.0 * 0.6).iter().any(|t| t == "⚠"));
    open_pane(&mut h, PaneKind::Management);
    h.get_by_label_contains("Challenge participants consider working in a rural location")
        .click();
    h.run();
    assert_eq!(
        h.state().selection().get(ItemKind::Assumption),
        Some(ItemRef::Assumption(pbsm::model::AssumptionId(3)))
    );
    assert_eq!(
        h.state().sections().management,
        pbsm::app::state::ManagementSection::Assumptions
    );
    h.get_by_label("At risk ⚡");
    // The reviewed status is untouched: the trigger's verdict is derived, not stored.
    assert_eq!(
        h.state().project().management.assumptions[2].status,
        pbsm::model::AssumptionStatus::Holds
    );
    assert!(!h.state().is_dirty());
}

#[test]
fn following_a_traceability_link() {
    let mut h = sample();
    // Select the KPI "Course bookings per month" in the management pane.
    open_pane(&mut h, PaneKind::Management);
    h.get_by_label("Course bookings per month").click();
    h.run();
    open_pane(&mut h, PaneKind::Trace);
    // Its chain reaches the option, the benefit and the module behind it.
    h.get_by_label("Baking courses booked in the club");
    h.get_by_label("Counter sales and catering");
    // Follow the chain to the benefit: the chain re-centres on it.
    h.get_by_label("Course and kit revenue").click();
    h.run();
    assert_eq!(
        h.state().selection().last(),
        Some(ItemRef::Benefit(pbsm::model::BenefitId(2)))
    );
    // "Open" takes us to the benefit in its pane.
    click(&mut h, "Open");
    h.get_by_label("3 · Corporate benefit");
    assert_eq!(
        h.state().selection().get(ItemKind::Benefit),
        Some(ItemRef::Benefit(pbsm::model::BenefitId(2)))
    );
}

#[test]
fn loose_ends_are_listed_and_open_their_item() {
    // The sample's chain has no loose end. Without the apprentice channel, which a KPI
    // measures, no KPI measures the decision-ready "Service and freshness" any more.
    let mut app = Workbench::with_sample(0);
    app.project_mut().alternatives[2]
        .options
        .retain(|b| b.option != pbsm::model::OptionId(5));
    let mut h = harness(app);
    open_pane(&mut h, PaneKind::Trace);
    click(&mut h, "Loose ends");
    // The decision-ready alternative has no KPI.
    h.get_all_by_label("alternative “Service and freshness: pre-order and less waste”")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("6 · Strategy alternatives");
    assert_eq!(
        h.state().selection().get(ItemKind::Alternative),
        Some(ItemRef::Alternative(AlternativeId(3)))
    );
}

#[test]
fn the_strategy_check_shows_gaps_and_a_statement_closes_one() {
    let mut app = Workbench::with_sample(0);
    app.project_mut().alternatives[0]
        .statements
        .retain(|s| s.component != pbsm::model::Component::Reach);
    let mut h = harness(app);
    h.get_by_label(PaneKind::Check.tab_title()).click();
    h.run();
    assert!(h.query_by_label("100 / 100").is_none());
    h.get_by_label("nothing said yet: state it for the alternative");
    // Below the consistency findings: scroll to it first, as a person would.
    h.get_by_label("Statement on Reach").scroll_to_me();
    h.run();
    h.get_by_label("Statement on Reach").click();
    h.run();
    h.get_by_label("Statement on Reach")
        .type_text("2,500 members by 2027-03.");
    h.run();
    let reach = h.state().project().alternatives[0].statement(pbsm::model::Component::Reach);
    assert_eq!(reach, Some("2,500 members by 2027-03."));
    h.get_by_label("100 / 100");
}

#[test]
fn implementation_progress_per_alternative() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Management);
    click(&mut h, "Measures");
    // Folded, the header tells the chosen alternative's count; unfolded, every alternative's.
    h.get_by_label_contains(
        "Implementation in quality and quantity: chosen alternative 5 of 7 done",
    );
    h.get_by_label_contains("Implementation in quality and quantity")
        .click();
    h.run();
    h.get_by_label("Community first: the sourdough club:");
    // The header and the chosen alternative's line.
    let line_starts = |h: &egui_kittest::Harness<'_, Workbench>, start: &str| {
        h.query_all_by_label_contains(start).count()
    };
    assert_eq!(line_starts(&h, "5 of 7 done, "), 2);
    // Finishing a measure (the subscription handling in the till system) moves the progress.
    h.state_mut().project_mut().management.measures[4].status = pbsm::model::MeasureStatus::Done;
    h.run();
    assert_eq!(line_starts(&h, "6 of 7 done, "), 2);
}

#[test]
fn copying_options_from_a_sample_asks_for_the_transferability_checklist_first() {
    let mut h = harness(Workbench::with_sample(2));
    open_pane(&mut h, PaneKind::Options);
    let before = h.state().project().options.len();
    click(&mut h, "Copy from a sample…");
    h.get_by_label("Copy options from a sample case");
    // The bakery is the first sample; take its sourdough club option.
    h.get_by_role_and_label(Role::CheckBox, "Sourdough club community")
        .click();
    h.run();
    click(&mut h, "Copy 1 option");
    assert_eq!(
        h.state().project().options.len(),
        before,
        "nothing is copied before the checks"
    );
    for check in ["Social media affinity:", "Competitors:", "Business model:"] {
        h.get_by_label_contains(check).click();
        h.run();
    }
    click(&mut h, "Copy 1 option");
    assert_eq!(h.state().project().options.len(), before + 1);
    let copied = h.state().project().options.last().unwrap();
    assert_eq!(copied.name, "Sourdough club community");
    assert!(
        copied.benefits.is_empty(),
        "the bakery's benefits are not the tourism board's"
    );
    assert_eq!(
        copied.assessment,
        pbsm::model::CompetitiveAssessment::NotAssessed,
        "its position against the tourism board's competitors is not known yet"
    );
    assert_eq!(copied.relevance, Score::NOT_ASSESSED);
    assert_eq!(
        h.state().selection().get(ItemKind::Option),
        Some(ItemRef::Option(copied.id))
    );
    // One undo step takes it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project().options.len(), before);
}

#[test]
fn starting_a_follow_up_strategy_and_comparing_with_it() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Management);
    click(&mut h, "Versions");
    // Without a reason the follow-up does not start: the log keeps why.
    click(&mut h, "Start follow-up strategy");
    assert!(h.state().project().versions.is_empty());
    h.get_by_label("Why a follow-up").click();
    h.run();
    h.get_by_label("Why a follow-up")
        .type_text("The club outgrew the bakers' spare time.");
    h.run();
    click(&mut h, "Start follow-up strategy");
    assert_eq!(h.state().project().versions.len(), 1);
    let version = &h.state().project().versions[0];
    assert_eq!(version.reason, "The club outgrew the bakers' spare time.");
    assert_eq!(
        version.assumptions,
        h.state().project().management.assumptions,
        "the version keeps the assumptions"
    );
    let log = h.state().project().management.adaptations.last().unwrap();
    assert_eq!(log.reason, "The club outgrew the bakers' spare time.");
    assert_eq!(
        h.state().project().alternatives[0].status,
        pbsm::model::AlternativeStatus::Draft
    );
    h.get_by_label("• “Community first: the sourdough club”: status Chosen → Draft");
    // Change a weight; the comparison shows it.
    h.state_mut()
        .project_mut()
        .decision
        .set_weight(pbsm::model::CriterionId(2), 0.4);
    h.run();
    h.get_by_label("• Weight of Risk: 0.20 → 0.40");
    // Starting it is one undo step.
    h.state_mut()
        .project_mut()
        .decision
        .set_weight(pbsm::model::CriterionId(2), 0.2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().project().versions.is_empty());
    assert_eq!(
        h.state().project().alternatives[0].status,
        pbsm::model::AlternativeStatus::Chosen
    );
}

#[test]
fn an_arrow_key_in_an_amount_keeps_the_resources_range_around_the_value() {
    use pbsm::model::{CriterionMeasure, ScoreRange, validate};
    let mut app = Workbench::with_sample(0);
    let p = app.project_mut();
    let rate = p.day_rate_eur;
    let resources = p
        .decision
        .criteria
        .iter()
        .find(|c| c.measure == CriterionMeasure::Resources)
        .unwrap()
        .id;
    let a = &mut p.alternatives[0];
    let likely = a.resources_eur(rate);
    a.ranges.push(ScoreRange {
        criterion: resources,
        low: likely * 0.9,
        high: likely,
    });
    assert!(validate(app.project()).is_empty());
    let mut h = harness(app);
    open_pane(&mut h, PaneKind::Alternatives);
    h.get_by_role_and_label(Role::SpinButton, "Budget")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::SpinButton, "Budget").click();
    h.run();
    // A person's press; the release comes in a later frame. The field takes the key out of
    // the frame's input, so the frame looks as if nothing happened once the panes are drawn.
    h.key_down(Key::ArrowUp);
    h.step();
    h.run();
    let p = h.state().project();
    assert!(p.alternatives[0].budget_eur > 85_000.0);
    assert!(
        validate(p).is_empty(),
        "the budget left its range: {:?}",
        validate(p)
    );
}

#[test]
fn an_edit_made_as_a_widget_makes_it_is_widened_before_it_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bakery.pbsm.ron");
    let mut h = sample();
    // The sample's range of this risk is 4.5 to 8.
    h.state_mut().project_mut().alternatives[0].risk = pbsm::model::Score::new(3.0);
    h.state_mut()
        .request(pbsm::app::command::Command::SaveTo(path.clone()));
    h.run();
    let saved = pbsm::io::load(&path).map_err(|e| e.to_string());
    assert_eq!(saved.map(|p| p.alternatives[0].risk), Ok(Score::new(3.0)));
}

#[test]
fn the_method_is_explained_where_it_is_used() {
    let mut h = sample();
    // Help → Glossary: every term, searchable; F1 opens and closes it too.
    click(&mut h, "Help");
    menu_item(&mut h, "Glossary of pbsm terms");
    assert!(h.state().is_glossary_open());
    h.get_by_label_contains("People, Objectives, Strategy, Technology");
    h.get_by_label("Find").click();
    h.run();
    h.get_by_label("Find").type_text("attention");
    h.run();
    h.get_by_label_contains("Anyone competing for the same users' attention");
    assert!(
        h.query_by_label_contains("People, Objectives, Strategy, Technology")
            .is_none(),
        "the search filters the terms"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::F1);
    h.run();
    assert!(!h.state().is_glossary_open());

    // A rating's rubric on its slider, a term's meaning on its label and section tab.
    open_pane(&mut h, PaneKind::Foundation);
    slider(&h, "Market affinity").hover();
    h.run();
    h.get_by_label_contains("2 — Purchases follow tenders");
    h.get_by_role_and_label(Role::Label, "Market affinity")
        .hover();
    h.run();
    h.get_by_label_contains("Social media affinity: How far social media can influence");
    open_pane(&mut h, PaneKind::Potential);
    h.get_by_label("Impact formats").hover();
    h.run();
    h.get_by_label_contains("Impact format: How social media has its effect");
    // A choice says what the chosen value means.
    open_pane(&mut h, PaneKind::Alternatives);
    h.get_by_role_and_label(Role::ComboBox, "Status").hover();
    h.run();
    h.get_by_label_contains("Chosen by management.");
}

#[test]
fn the_check_lists_consistency_findings_and_opens_their_item() {
    // A KPI trigger fired while its assumption still "holds".
    let mut h = harness(machine_builder_with_stalled_hires());
    h.state_mut()
        .set_today(pbsm::model::Date::new(2026, 11, 23).unwrap());
    open_pane(&mut h, PaneKind::Check);
    h.get_by_label_contains("Consistency: ");
    let message = h.get_by_label_contains("but its review still says it holds");
    message.hover();
    h.run();
    h.get_by_label_contains("The method's rule: A broken assumption is a trigger");
    // Problems come first: the first "Open" of the pane is the fired trigger's.
    h.query_all_by_label("Open").next().unwrap().click();
    h.run();
    let Some(ItemRef::Assumption(id)) = h.state().selection().get(ItemKind::Assumption) else {
        panic!("the assumption is selected");
    };
    let text = &h
        .state()
        .project()
        .management
        .assumptions
        .iter()
        .find(|a| a.id == id)
        .unwrap()
        .text;
    assert!(text.contains("rural location"), "{text}");
    // Reviewing it as at risk settles the finding.
    let a = h
        .state_mut()
        .project_mut()
        .management
        .assumptions
        .iter_mut()
        .find(|a| a.id == id)
        .unwrap();
    a.status = pbsm::model::AssumptionStatus::AtRisk;
    h.run();
    h.get_by_label_contains("Consistency: ");
    assert!(
        h.query_by_label_contains("but its review still says it holds")
            .is_none()
    );
}

#[test]
fn a_rating_can_be_marked_not_assessed_and_the_ranking_then_leaves_it_out() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    let name = h.state().project().alternatives[0].name.clone();
    let before = h.state().project().alternatives[0].risk;
    assert!(before.is_assessed());

    let not_assessed_shown = |h: &egui_kittest::Harness<'_, Workbench>| {
        h.query_all_by(|n| n.value().as_deref() == Some("not assessed"))
            .next()
            .is_some()
    };
    assert!(!not_assessed_shown(&h));
    // Right-click: mark the first alternative's risk as not assessed yet. (The right-click
    // itself does not move the value, as egui's slider would.)
    slider(&h, "Risk").scroll_to_me();
    h.run();
    slider(&h, "Risk").click_secondary();
    h.run();
    assert_eq!(h.state().project().alternatives[0].risk, before);
    click(&mut h, "Mark as not assessed yet");
    assert_eq!(
        h.state().project().alternatives[0].risk,
        Score::NOT_ASSESSED
    );
    // The slider's number box reads "not assessed" instead of a made-up number.
    assert!(not_assessed_shown(&h));

    // The ranking leaves it out and says what it lacks; the check does not count it as done.
    open_pane(&mut h, PaneKind::Decision);
    h.get_by_label(&format!(
        "Not ranked until assessed: “{name}” (lacks risk)."
    ));
    assert!(
        h.state()
            .derived()
            .evaluation
            .alternative(AlternativeId(1))
            .is_none()
    );
    let check = h.state().derived().check.clone().unwrap();
    assert!(
        check.checklist.iter().any(|f| !f.ok
            && f.text
                .starts_with("1 judgements it rests on are not assessed yet (first: risk of")),
        "{:#?}",
        check.checklist
    );

    // A click on the slider rates it again, where it was clicked (the middle: 5).
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").scroll_to_me();
    h.run();
    slider(&h, "Risk").click();
    h.run();
    assert_eq!(h.state().project().alternatives[0].risk, Score::new(5.0));
    assert!(
        h.state()
            .derived()
            .evaluation
            .alternative(AlternativeId(1))
            .is_some()
    );

    // Both steps undo.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().project().alternatives[0].risk,
        Score::NOT_ASSESSED
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().project().alternatives[0].risk, before);
}

#[test]
fn the_map_legend_explains_the_warning_badge_when_a_bubble_has_one() {
    // The bakery: the club relies on an assumption that broke in November.
    let mut h = sample();
    open_pane(&mut h, PaneKind::Map);
    h.run();
    h.get_by_label_contains("assumption at risk");
    // Every assumption holding: no badge, no legend entry.
    for a in &mut h.state_mut().project_mut().management.assumptions {
        a.status = pbsm::model::AssumptionStatus::Holds;
    }
    h.run();
    assert!(h.query_by_label_contains("assumption at risk").is_none());
}
