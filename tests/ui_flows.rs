#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The workbench driven as a user would: click, type, press shortcuts, and check what changed
//! in the project. No GPU needed (no snapshots here; see tests/snapshots.rs).

mod common;

use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::plots::alternatives_map::last_geometry;
use pbsm::app::workbench::Dialog;
use pbsm::model::{AlternativeId, ItemKind, ItemRef};

#[test]
fn the_workbench_opens_with_the_first_sample_and_every_pane_can_be_visited() {
    let mut h = sample();
    assert_eq!(
        h.state().project.name,
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
        h.state().project.foundation.company,
        "Backhaus Lindner GmbH & Co"
    );

    open_pane(&mut h, PaneKind::Potential);
    let before = h.state().project.potential.usage_formats[0].competitive_quality;
    slider(&h, "Competitive quality").increment_accesskit();
    h.run();
    assert_eq!(
        h.state().project.potential.usage_formats[0].competitive_quality,
        before + 0.5
    );

    open_pane(&mut h, PaneKind::Benefit);
    let before = h.state().project.benefits[0].relevance;
    slider(&h, "Social media relevance").decrement_accesskit();
    h.run();
    assert_eq!(h.state().project.benefits[0].relevance, before - 0.5);

    open_pane(&mut h, PaneKind::Competition);
    click(&mut h, "Competitors");
    h.get_by_label("What they do, why they matter").click();
    h.run();
    h.key_press_modifiers(Modifiers::CTRL, Key::End);
    h.get_by_label("What they do, why they matter")
        .type_text(" Opened a second app.");
    h.run();
    let description = &h.state().project.competition.competitors[0].description;
    assert!(
        description.ends_with("since 2024. Opened a second app."),
        "{description}"
    );
    // The strength matrix: our own strength in the first arena.
    click(&mut h, "Where we stand");
    let first_arena = h.state().project.arenas()[0];
    let arena_name = h.state().project.arena_name(first_arena);
    let before = pbsm::model::competition::score_in(
        &h.state().project.competition.our_strength,
        first_arena,
    )
    .unwrap();
    assert_ne!(before, 7.5);
    h.get_by_label(&format!("Our strength in Format: {arena_name}"))
        .set_value_accesskit(7.5);
    h.run();
    let after = pbsm::model::competition::score_in(
        &h.state().project.competition.our_strength,
        first_arena,
    )
    .unwrap();
    assert_eq!(after, 7.5);

    open_pane(&mut h, PaneKind::Options);
    field(&h, "Option").click();
    field(&h, "Option").type_text(" (pilot)");
    h.run();
    assert_eq!(
        h.state().project.options[0].name,
        "Sourdough club community (pilot)"
    );

    open_pane(&mut h, PaneKind::Alternatives);
    let before = h.state().project.alternatives[0].risk;
    slider(&h, "Risk").increment_accesskit();
    h.run();
    assert_eq!(h.state().project.alternatives[0].risk, before + 0.5);

    open_pane(&mut h, PaneKind::Management);
    field(&h, "Unit").click();
    field(&h, "Unit").type_text(" (club)");
    h.run();
    assert_eq!(h.state().project.management.kpis[0].unit, "members (club)");
    let n = h.state().project.management.kpis[0].actuals.len();
    h.get_by_label("➕ Add actual").scroll_to_me();
    h.run();
    click(&mut h, "➕ Add actual");
    let kpi = &h.state().project.management.kpis[0];
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
fn adding_and_removing_an_alternative_changes_the_map() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    let map_x = 1280.0 * 0.6;
    assert!(
        !texts_right_of(&h, map_x)
            .iter()
            .any(|t| t == "Alternative 4")
    );

    click(&mut h, "➕ Add alternative");
    assert_eq!(h.state().project.alternatives.len(), 4);
    assert_eq!(
        h.state().selection.get(ItemKind::Alternative),
        Some(ItemRef::Alternative(AlternativeId(4)))
    );
    assert!(
        texts_right_of(&h, map_x)
            .iter()
            .any(|t| t == "Alternative 4"),
        "the new bubble is labelled on the map"
    );
    let geometry = last_geometry(&h.ctx).unwrap();
    assert_eq!(geometry.bubbles.len(), 4);
    assert_eq!(geometry.selected, Some(AlternativeId(4)));

    click(&mut h, "🗑 Remove alternative");
    assert_eq!(h.state().project.alternatives.len(), 3);
    assert!(
        !texts_right_of(&h, map_x)
            .iter()
            .any(|t| t == "Alternative 4")
    );
    assert_eq!(last_geometry(&h.ctx).unwrap().bubbles.len(), 3);

    // Removal is one undo step; undo brings it back onto the map.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project.alternatives.len(), 4);
    assert_eq!(last_geometry(&h.ctx).unwrap().bubbles.len(), 4);
}

#[test]
fn clicking_a_bubble_selects_the_alternative_and_the_other_way_round() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Foundation);
    let geometry = last_geometry(&h.ctx).unwrap();
    let (id, centre, _) = geometry
        .bubbles
        .iter()
        .find(|(id, ..)| *id == AlternativeId(3))
        .copied()
        .unwrap();
    h.hover_at(centre);
    h.run();
    h.drag_at(centre);
    h.drop_at(centre);
    h.run();
    assert_eq!(
        h.state().selection.get(ItemKind::Alternative),
        Some(ItemRef::Alternative(id))
    );
    // The alternatives pane came to the front with that alternative open.
    h.get_by_label("6 · Strategy alternatives");
    assert_eq!(
        h.get_by_label("Name").value().as_deref(),
        Some("Service and freshness: pre-order and less waste")
    );
    assert_eq!(last_geometry(&h.ctx).unwrap().selected, Some(id));

    // Selecting in the pane's list shows on the map.
    h.get_by_label("Reach and recruit: craft content").click();
    h.run();
    assert_eq!(
        h.state().selection.get(ItemKind::Alternative),
        Some(ItemRef::Alternative(AlternativeId(2)))
    );
    assert_eq!(
        last_geometry(&h.ctx).unwrap().selected,
        Some(AlternativeId(2))
    );
}

#[test]
fn undo_and_redo_by_shortcut_and_menu() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    let before = h.state().project.clone();
    slider(&h, "Risk").increment_accesskit();
    h.run();
    slider(&h, "Competitive quality").increment_accesskit();
    h.run();
    let edited = h.state().project.clone();
    assert_ne!(before, edited);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project, before);
    assert!(!h.state().is_dirty(), "back at the opened state");

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().project.alternatives[0].risk,
        edited.alternatives[0].risk
    );
    click(&mut h, "Edit");
    menu_item(&mut h, "Redo");
    assert_eq!(h.state().project, edited);
    click(&mut h, "Edit");
    menu_item(&mut h, "Undo");
    assert_ne!(h.state().project, edited);
}

#[test]
fn a_typed_word_is_one_undo_step() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Foundation);
    field(&h, "Industry").click();
    h.run();
    type_slowly(&mut h, "Industry", " and catering");
    assert_eq!(
        h.state().project.foundation.industry,
        "Artisan bakery chain, retail and café and catering"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().project.foundation.industry,
        "Artisan bakery chain, retail and café and "
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().project.foundation.industry,
        "Artisan bakery chain, retail and café "
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().project.foundation.industry,
        "Artisan bakery chain, retail and café"
    );
}

#[test]
fn replacing_an_edited_project_asks_first() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    let edited = h.state().project.clone();

    // Cancel keeps everything.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Unsaved changes");
    click(&mut h, "Cancel");
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().project, edited);

    // Opening a sample from the menu asks too; "Don’t save" goes ahead.
    click(&mut h, "File");
    click(&mut h, "Open sample");
    click(&mut h, pbsm::io::SAMPLES[1].title);
    assert!(matches!(h.state().dialog, Some(Dialog::Unsaved { .. })));
    click(&mut h, "Don’t save");
    assert_eq!(
        h.state().project.name,
        "Kessler Anlagenbau: engineers through social media 2026-2028"
    );
    assert!(!h.state().is_dirty());

    // An unedited project is replaced without asking.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().project.name, "Untitled strategy");
}

#[test]
fn quitting_with_unsaved_changes_asks_and_save_writes_the_file_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bakery.pbsm.ron");
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    click(&mut h, "File");
    menu_item(&mut h, "Quit");
    h.get_by_label("Unsaved changes");
    assert!(
        !h.state().is_quitting(),
        "the window stays open while the question is open"
    );
    click(&mut h, "Save");
    // A sample has no file yet: the path prompt comes first.
    h.get_by_label("Save the project");
    let field = h.get_by_label("File path");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Save")
        .click();
    h.run();
    assert!(path.exists(), "saved before quitting");
    assert!(h.state().is_quitting());
    assert_eq!(pbsm::io::load(&path).unwrap(), h.state().project);
    assert!(!h.state().is_dirty());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = sample();
    let close = |h: &mut Harness<'_, Workbench>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.run();
    };
    // Unchanged: the window may close.
    close(&mut h);
    assert!(h.state().dialog.is_none());
    // Changed: the close is held back and the question asked.
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    close(&mut h);
    h.get_by_label("Unsaved changes");
    assert!(!h.state().is_quitting());
    click(&mut h, "Don’t save");
    assert!(h.state().is_quitting());
}

#[test]
fn hovering_a_bubble_shows_its_numbers() {
    let mut h = sample();
    let geometry = last_geometry(&h.ctx).unwrap();
    let (_, centre, _) = geometry
        .bubbles
        .iter()
        .find(|(id, ..)| *id == AlternativeId(1))
        .copied()
        .unwrap();
    h.hover_at(centre);
    h.run();
    // The tooltip: the alternative's resources (budget 85,000 + 420 days x 520) and risk.
    h.get_by_label("EUR 303,400");
    h.get_by_label("Click to open it; drag to move it");
}

#[test]
fn save_as_then_reopen_and_a_bad_file_leaves_the_project_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine");
    let mut h = sample();
    open_pane(&mut h, PaneKind::Options);
    field(&h, "Option").click();
    field(&h, "Option").type_text("!");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    enter_path(&mut h, &path);
    let saved = dir.path().join("mine.pbsm.ron");
    assert_eq!(
        h.state().path.as_deref(),
        Some(saved.as_path()),
        "the extension is added"
    );
    assert!(!h.state().is_dirty());
    assert!(
        h.state().window_title().starts_with("Backhaus Lindner"),
        "{}",
        h.state().window_title()
    );
    assert!(h.state().window_title().contains("mine.pbsm.ron"));
    assert_eq!(
        pbsm::io::load(&saved).unwrap().options[0].name,
        "Sourdough club community!"
    );

    // A broken file: the error names the position, the open project stays as it was.
    let bad = dir.path().join("bad.pbsm.ron");
    std::fs::write(&bad, "(\n  version: 1,\n  name: [],\n)").unwrap();
    let before = h.state().project.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    enter_path(&mut h, &bad);
    h.get_by_label("The file was not opened");
    h.get_by_label_contains(&format!("{}:3:", bad.display()));
    assert_eq!(h.state().project, before);
    assert_eq!(h.state().path.as_deref(), Some(saved.as_path()));
    click(&mut h, "OK");
    assert!(h.state().dialog.is_none());
}

#[test]
fn dragging_a_bubble_changes_its_scores_and_the_ranking_and_undoes_in_one_step() {
    let mut h = sample();
    let before = h.state().project.clone();
    assert_eq!(
        h.state().derived.evaluation.winner().unwrap().id,
        AlternativeId(1)
    );
    let geometry = last_geometry(&h.ctx).unwrap();
    let (_, start, _) = geometry
        .bubbles
        .iter()
        .find(|(id, ..)| *id == AlternativeId(3))
        .copied()
        .unwrap();
    // Drag "Service and freshness" right (more competitive quality) and down (less risk).
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    for step in 1..=10 {
        h.hover_at(start + egui::vec2(25.0 * step as f32, 20.0 * step as f32));
        h.run();
    }
    let end = start + egui::vec2(250.0, 200.0);
    h.drop_at(end);
    h.run();
    let moved = h
        .state()
        .project
        .alternative(AlternativeId(3))
        .unwrap()
        .clone();
    let original = before.alternative(AlternativeId(3)).unwrap();
    assert!(
        moved.competitive_quality > original.competitive_quality + 2.0,
        "{}",
        moved.competitive_quality
    );
    assert!(moved.risk < original.risk - 2.0, "{}", moved.risk);
    assert_eq!(moved.budget_eur, original.budget_eur);
    assert_eq!(
        h.state().derived.evaluation.winner().unwrap().id,
        AlternativeId(3),
        "the ranking follows the drag"
    );
    assert_eq!(
        h.state().selection.get(ItemKind::Alternative),
        Some(ItemRef::Alternative(AlternativeId(3)))
    );
    assert!(
        pbsm::model::validate(&h.state().project).is_empty(),
        "ranges widened with the drag"
    );

    // The whole drag is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project, before);
    assert_eq!(
        h.state().derived.evaluation.winner().unwrap().id,
        AlternativeId(1)
    );
}

#[test]
fn changing_a_weight_changes_the_ranking() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Decision);
    click(&mut h, "Criteria and weights");
    assert_eq!(
        h.state().derived.evaluation.winner().unwrap().id,
        AlternativeId(1)
    );
    // Almost all weight on low risk: the low-risk alternative wins.
    h.get_by_label("Weight of Risk").set_value_accesskit(0.9);
    h.run();
    let weights: f64 = h
        .state()
        .project
        .decision
        .criteria
        .iter()
        .map(|c| c.weight)
        .sum();
    assert!(
        (weights - 1.0).abs() < 1e-9,
        "weights still sum to 1: {weights}"
    );
    let risk = h.state().project.decision.criteria[1].weight;
    assert!((risk - 0.9).abs() < 1e-9, "{risk}");
    assert_eq!(
        h.state().derived.evaluation.winner().unwrap().name,
        "Reach and recruit: craft content"
    );
    click(&mut h, "Ranking");
    let first_row = h.state().derived.evaluation.ranked()[0].name.clone();
    assert_eq!(first_row, "Reach and recruit: craft content");
    // Applying a stored scenario brings another ranking.
    click(&mut h, "Criteria and weights");
    h.get_all_by_label("Apply").next().unwrap().click();
    h.run();
    assert_eq!(
        h.state().project.decision.criteria[0].weight,
        0.45,
        "the 'Position first' scenario"
    );
    assert_eq!(
        h.state().derived.evaluation.winner().unwrap().id,
        AlternativeId(1)
    );
}

#[test]
fn a_close_call_shows_a_banner() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Decision);
    assert!(h.query_by_label("⚠ Close call").is_none());
    // Bring the runner-up close to the winner.
    h.state_mut().project.alternatives[2].competitive_quality = 8.0;
    h.state_mut().project.alternatives[2].ranges.clear();
    h.run();
    h.get_by_label("⚠ Close call");
}

#[test]
fn viewing_panes_never_changes_values_that_are_off_the_slider_steps() {
    let mut app = Workbench::with_sample(0);
    // Values a hand-edited file may hold: off the 0.5 steps and with more decimals than shown.
    app.project.alternatives[0].risk = 6.23;
    app.project.alternatives[0].competitive_quality = 7.77;
    app.project.foundation.market_affinity = 4.44;
    app.project.decision.criteria[0].weight = 0.3125;
    app.project.decision.criteria[1].weight = 0.1875;
    app.project.options[0].relevance = 8.8;
    app.project.competition.our_strength[0].score = 4.44;
    app.project.management.kpis[0].baseline = 80.123_456;
    app.project.alternatives[0].budget_eur = 85_000.555;
    app.project.fit_ranges();
    let expected = app.project.clone();
    let mut h = harness(app);
    for pane in PaneKind::ALL {
        open_pane(&mut h, pane);
    }
    open_pane(&mut h, PaneKind::Decision);
    click(&mut h, "Criteria and weights");
    click(&mut h, "Robustness");
    let p = &h.state().project;
    let seen = (
        p.alternatives[0].risk,
        p.alternatives[0].competitive_quality,
        p.foundation.market_affinity,
        p.decision.criteria[0].weight,
        p.decision.criteria[1].weight,
        p.options[0].relevance,
    );
    assert_eq!(seen, (6.23, 7.77, 4.44, 0.3125, 0.1875, 8.8));
    assert!(*p == expected, "looking at the panes changed the project");
}

#[test]
fn a_fired_trigger_puts_an_assumption_at_risk_warns_and_marks_the_map() {
    let mut app = Workbench::with_sample(1);
    app.today = pbsm::model::Date::new(2026, 11, 23).unwrap();
    let mut h = harness(app);
    assert_eq!(
        h.state().project.management.assumptions[2].status,
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
        h.state().selection.get(ItemKind::Assumption),
        Some(ItemRef::Assumption(pbsm::model::AssumptionId(3)))
    );
    assert_eq!(
        h.state().sections.management,
        pbsm::app::state::ManagementSection::Assumptions
    );
    h.get_by_label("At risk ⚡");
    // The reviewed status is untouched: the trigger's verdict is derived, not stored.
    assert_eq!(
        h.state().project.management.assumptions[2].status,
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
        h.state().selection.last(),
        Some(ItemRef::Benefit(pbsm::model::BenefitId(2)))
    );
    // "Open" takes us to the benefit in its pane.
    click(&mut h, "Open");
    h.get_by_label("3 · Corporate benefit");
    assert_eq!(
        h.state().selection.get(ItemKind::Benefit),
        Some(ItemRef::Benefit(pbsm::model::BenefitId(2)))
    );
}

#[test]
fn loose_ends_are_listed_and_open_their_item() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Trace);
    click(&mut h, "Loose ends");
    // The decision-ready alternative has no KPI yet.
    h.get_all_by_label("alternative “Service and freshness: pre-order and less waste”")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("6 · Strategy alternatives");
    assert_eq!(
        h.state().selection.get(ItemKind::Alternative),
        Some(ItemRef::Alternative(AlternativeId(3)))
    );
}

#[test]
fn the_strategy_check_shows_gaps_and_a_statement_closes_one() {
    let mut app = Workbench::with_sample(0);
    app.project.alternatives[0]
        .statements
        .retain(|s| s.component != pbsm::model::Component::Reach);
    let mut h = harness(app);
    h.get_by_label(PaneKind::Check.tab_title()).click();
    h.run();
    assert!(h.query_by_label("100 / 100").is_none());
    h.get_by_label("nothing said yet: state it for the alternative");
    let field = h.get_by_label("Statement on Reach");
    field.click();
    h.run();
    h.get_by_label("Statement on Reach")
        .type_text("2,500 members by 2027-03.");
    h.run();
    let reach = h.state().project.alternatives[0].statement(pbsm::model::Component::Reach);
    assert_eq!(reach, Some("2,500 members by 2027-03."));
    h.get_by_label("100 / 100");
}

#[test]
fn exporting_the_decision_memo_from_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memo.html");
    let mut h = sample();
    click(&mut h, "File");
    menu_item(&mut h, "Export decision memo…");
    h.get_by_label("Export the decision memo (.html or .md)");
    enter_path(&mut h, &path);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("Decision memo: Backhaus Lindner"));
    assert!(h.state().status.contains("Decision memo written"));
    assert!(!h.state().is_dirty(), "exporting changes nothing");
}

#[test]
fn implementation_progress_per_alternative() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Management);
    click(&mut h, "Measures");
    h.get_by_label("Community first: the sourdough club: 4 of 6 done");
    // Finishing a measure moves the progress.
    h.state_mut().project.management.measures[3].status = pbsm::model::MeasureStatus::Done;
    h.run();
    h.get_by_label("Community first: the sourdough club: 5 of 6 done");
}

#[test]
fn copying_options_from_a_sample_asks_for_the_transferability_checklist_first() {
    let mut h = harness(Workbench::with_sample(2));
    open_pane(&mut h, PaneKind::Options);
    let before = h.state().project.options.len();
    click(&mut h, "Copy from a sample…");
    h.get_by_label("Copy options from a sample case");
    // The bakery is the first sample; take its sourdough club option.
    h.get_by_role_and_label(Role::CheckBox, "Sourdough club community")
        .click();
    h.run();
    click(&mut h, "Copy 1 option");
    assert_eq!(
        h.state().project.options.len(),
        before,
        "nothing is copied before the checks"
    );
    for check in ["Social media affinity:", "Competitors:", "Business model:"] {
        h.get_by_label_contains(check).click();
        h.run();
    }
    click(&mut h, "Copy 1 option");
    assert_eq!(h.state().project.options.len(), before + 1);
    let copied = h.state().project.options.last().unwrap();
    assert_eq!(copied.name, "Sourdough club community");
    assert!(
        copied.benefits.is_empty(),
        "the bakery's benefits are not the tourism board's"
    );
    assert_eq!(
        copied.assessment,
        pbsm::model::CompetitiveAssessment::Parity
    );
    assert_eq!(
        h.state().selection.get(ItemKind::Option),
        Some(ItemRef::Option(copied.id))
    );
    // One undo step takes it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project.options.len(), before);
}

#[test]
fn starting_a_follow_up_strategy_and_comparing_with_it() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Management);
    click(&mut h, "Versions");
    click(&mut h, "Start follow-up strategy");
    assert_eq!(h.state().project.versions.len(), 1);
    assert_eq!(
        h.state().project.alternatives[0].status,
        pbsm::model::AlternativeStatus::Draft
    );
    h.get_by_label("• “Community first: the sourdough club”: status Chosen → Draft");
    // Change a weight; the comparison shows it.
    h.state_mut()
        .project
        .decision
        .set_weight(pbsm::model::CriterionId(2), 0.4);
    h.run();
    h.get_by_label("• Weight of Risk: 0.20 → 0.40");
    // Starting it is one undo step.
    h.state_mut()
        .project
        .decision
        .set_weight(pbsm::model::CriterionId(2), 0.2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().project.versions.is_empty());
    assert_eq!(
        h.state().project.alternatives[0].status,
        pbsm::model::AlternativeStatus::Chosen
    );
}

#[test]
fn exporting_the_map_as_png() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.png");
    let mut h = sample();
    h.get_by_label("PNG").click();
    h.step();
    h.step();
    // The window asked for a screenshot. kittest renders one where it has a GPU; without one we
    // hand it a plain 1280×800 image, as the integration would (the callback is one-shot).
    let callback = h
        .output()
        .viewport_output
        .values()
        .flat_map(|v| v.commands.iter())
        .find_map(|c| match c {
            egui::ViewportCommand::Screenshot(cb) => Some(cb.clone()),
            _ => None,
        });
    let callback = match callback {
        Some(cb) => cb,
        None => panic!("no screenshot was requested"),
    };
    let image = egui::ColorImage::new(
        [1280, 800],
        vec![egui::Color32::from_rgb(10, 120, 60); 1280 * 800],
    );
    callback.complete(std::sync::Arc::new(image));
    h.run();
    h.get_by_label("Export the plot as PNG");
    enter_path(&mut h, &path);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let map = last_geometry(&h.ctx).unwrap();
    assert!(!map.bubbles.is_empty());
    // The picture is the map's area, not the whole window.
    assert!(
        reader.info().width < 1280 && reader.info().width > 300,
        "{}",
        reader.info().width
    );
    assert!(
        reader.info().height < 800 && reader.info().height > 200,
        "{}",
        reader.info().height
    );
}

#[test]
fn the_command_palette_runs_what_is_typed() {
    let mut h = sample();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(matches!(
        h.state().dialog,
        Some(pbsm::app::workbench::Dialog::Palette { .. })
    ));
    h.get_by_label("Command").type_text("theme dark");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialog.is_none());
    assert_eq!(
        h.state().settings.theme,
        pbsm::app::theme::ThemeChoice::Dark
    );

    // Arrow keys choose among the matches: "show decision" then down to the next match.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Command").type_text("show 7");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("7 · Strategy management");
}

#[test]
fn a_dropped_file_opens_and_is_remembered_as_recent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tourism.pbsm.ron");
    pbsm::io::save(&pbsm::io::SAMPLES[2].load().unwrap(), &path).unwrap();
    let mut h = sample();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    assert_eq!(
        h.state().project.name,
        "Visit Marrenburg: destination strategy 2026-2028"
    );
    let canonical = std::fs::canonicalize(&path).unwrap();
    assert_eq!(h.state().settings.recent.first(), Some(&canonical));
    // Back to a sample, then reopen it from File > Open recent.
    h.state_mut()
        .request(pbsm::app::command::Command::OpenSample(0));
    h.run();
    click(&mut h, "File");
    click(&mut h, "Open recent");
    click(&mut h, &canonical.display().to_string());
    assert_eq!(
        h.state().project.name,
        "Visit Marrenburg: destination strategy 2026-2028"
    );
}

/// Types a path into the path field and confirms it.
#[test]
fn scores_go_out_to_csv_and_come_back_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("scores.csv");
    let mut h = sample();
    click(&mut h, "File");
    menu_item(&mut h, "Export scores as CSV…");
    enter_path(&mut h, &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Community first: the sourdough club,Chosen,8,6,85000,420,7.5,8"),
        "{text}"
    );

    // A spreadsheet user raises the risk of the first alternative.
    std::fs::write(&csv, text.replace("Chosen,8,6,", "Chosen,8,7.5,")).unwrap();
    click(&mut h, "File");
    menu_item(&mut h, "Import scores from CSV…");
    enter_path(&mut h, &csv);
    assert_eq!(h.state().project.alternatives[0].risk, 7.5);

    // A bad file: every problem is shown, nothing changes.
    let before = h.state().project.clone();
    std::fs::write(
        &csv,
        "alternative,risk\nCommunity first: the sourdough club,11\nX,abc\n",
    )
    .unwrap();
    click(&mut h, "File");
    menu_item(&mut h, "Import scores from CSV…");
    enter_path(&mut h, &csv);
    h.get_by_label("Nothing was imported");
    h.get_by_label_contains("line 2: risk is \"11\"");
    assert_eq!(h.state().project, before);
}

#[test]
fn presentation_mode_enters_with_f5_zooms_on_its_own_and_leaves_with_esc() {
    let mut h = projector();
    assert!(h.query_by_label("File").is_some());
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().presenting);
    assert!(h.query_by_label("File").is_none(), "the menu is hidden");
    assert!(h.query_by_label("Leave presentation").is_some());
    assert_eq!(h.ctx.zoom_factor(), 1.5, "larger by default");
    assert_eq!(
        h.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK
    );

    // Zoom while presenting changes the presentation's zoom, not the desk zoom.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert_eq!(h.state().settings.presentation_zoom, 1.6);
    assert_eq!(h.state().settings.zoom, 1.0);
    assert_eq!(h.ctx.zoom_factor(), 1.6);

    // The panes still work: the room can move values live.
    assert!(h.query_by_label("Saved").is_some(), "the save state shows");
    let risk = h.state().project.alternatives[0].risk;
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    assert_ne!(h.state().project.alternatives[0].risk, risk);
    assert!(
        h.query_by_label("● Modified").is_some(),
        "an edit shows as unsaved while presenting too"
    );

    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().presenting);
    assert!(h.query_by_label("File").is_some(), "the menu is back");
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    assert_ne!(
        h.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK
    );

    // The button leaves too, and the palette enters.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Command").type_text("presentation");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().presenting);
    click(&mut h, "Leave presentation");
    assert!(!h.state().presenting);
    click(&mut h, "View");
    menu_item(&mut h, "Presentation mode");
    assert!(h.state().presenting);
}

#[test]
fn the_agenda_walks_the_room_through_the_steps_with_a_timer() {
    let mut h = projector();
    h.key_press(Key::F5);
    h.run();
    h.run();
    h.get_by_label_contains("Step 1 of 8");
    h.get_by_label_contains("Which modules make up our business model");

    // Page Down (a presenter remote) and the button move on; each step shows its pane.
    h.key_press(Key::PageDown);
    h.run();
    h.run();
    h.get_by_label_contains("Step 2 of 8 · Social media performance potential");
    assert_eq!(h.state().agenda_step, 1);
    click(&mut h, "Next step ▶");
    h.run();
    h.get_by_label_contains("Step 3 of 8 · Corporate benefit");
    h.get_by_label("3 · Corporate benefit"); // the step's pane is in front
    h.key_press(Key::PageUp);
    h.run();
    h.run();
    assert_eq!(h.state().agenda_step, 1);

    // A timer per step: 10 minutes, counting down.
    h.state_mut().settings.step_minutes = 10;
    h.run();
    h.run();
    h.get_by_label("10:00");
    // The last step cannot go further.
    for _ in 0..10 {
        h.key_press(Key::PageDown);
        h.run();
    }
    assert_eq!(h.state().agenda_step, 7);
    h.get_by_label_contains("Step 8 of 8 · Strategy management");
}

// ---------------------------------------------------------------------------------------------
// Dot voting

use pbsm::model::{VoteSubject, VoteTarget};

const CLUB: VoteTarget = VoteTarget::Alternative(AlternativeId(1));
const REACH: VoteTarget = VoteTarget::Alternative(AlternativeId(2));

/// Clicks the ballot cell of a participant for an item (found by its accessible name), with
/// the primary or the secondary button.
fn click_cell(h: &mut Harness<'_, Workbench>, who: &str, item: &str, secondary: bool) {
    let label = format!("{who} on {item}");
    let node = h.get_by_label(&label);
    if secondary {
        node.click_secondary();
    } else {
        node.click();
    }
    h.run();
}

/// The round the voting pane shows (the newest one after "New round").
fn newest_round(h: &Harness<'_, Workbench>) -> pbsm::model::VotingRound {
    h.state().project.votes.last().unwrap().clone()
}

#[test]
fn a_new_voting_round_takes_dots_up_to_the_limit_and_each_click_can_be_undone() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Voting);
    let rounds = h.state().project.votes.len();
    menu_item(&mut h, "New round on alternatives");
    assert_eq!(h.state().project.votes.len(), rounds + 1);
    let round = newest_round(&h);
    assert_eq!(round.subject, VoteSubject::Alternatives);
    assert_eq!(round.date, h.state().today, "dated today");
    assert_eq!(round.total(), 0);
    // The same room votes again: the participants of the last round, without their dots.
    assert_eq!(
        round.ballots[0].participant,
        "Katrin Lindner, managing director"
    );
    assert_eq!(round.ballots.len(), 7);

    let katrin = "Katrin Lindner, managing director";
    let club = "Community first: the sourdough club";
    for _ in 0..4 {
        click_cell(&mut h, katrin, club, false);
    }
    let round = newest_round(&h);
    assert_eq!(
        round.ballots[0].dots_on(CLUB),
        3,
        "three dots each, no fourth"
    );
    click_cell(&mut h, katrin, club, true);
    click_cell(&mut h, katrin, "Reach and recruit: craft content", false);
    let round = newest_round(&h);
    assert_eq!(round.tally_of(CLUB), 2);
    assert_eq!(round.tally_of(REACH), 1);
    // The tally and the comparison with the analysis follow at once.
    h.get_by_label("2 dot(s) · 67 % · analysis rank 1");
    h.get_by_label_contains("is also first in the weighted analysis");

    // Each click is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(newest_round(&h).tally_of(REACH), 0);
    assert_eq!(newest_round(&h).tally_of(CLUB), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(newest_round(&h).tally_of(CLUB), 3);

    // Without a right mouse button: Shift+click, or Backspace on the focused cell.
    let label = format!("{katrin} on {club}");
    h.get_by_label(&label).click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(newest_round(&h).tally_of(CLUB), 2);
    h.get_by_label(&label).focus();
    h.run();
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(newest_round(&h).tally_of(CLUB), 1);
}

#[test]
fn the_room_disagreeing_with_the_analysis_is_pointed_out() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Voting);
    menu_item(&mut h, "New round on alternatives");
    for who in [
        "Katrin Lindner, managing director",
        "Jens Okafor, head baker",
    ] {
        for _ in 0..3 {
            click_cell(&mut h, who, "Reach and recruit: craft content", false);
        }
    }
    assert_eq!(newest_round(&h).tally_of(REACH), 6);
    h.get_by_label_contains("The room and the analysis disagree");
    h.get_by_label_contains("The room favours “Reach and recruit: craft content”");
}

#[test]
fn participants_can_be_added_renamed_and_removed() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Voting);
    menu_item(&mut h, "New round on options");
    assert_eq!(newest_round(&h).subject, VoteSubject::Options);
    click(&mut h, "➕ Add participant");
    assert_eq!(newest_round(&h).ballots[7].participant, "Participant 8");
    field(&h, "Name of participant 8").click();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(&h, "Name of participant 8").type_text("Guest from the guild");
    h.run();
    assert_eq!(
        newest_round(&h).ballots[7].participant,
        "Guest from the guild"
    );
    click_cell(
        &mut h,
        "Guest from the guild",
        "Sourdough club community",
        false,
    );
    assert_eq!(
        newest_round(&h).tally_of(VoteTarget::Option(pbsm::model::OptionId(1))),
        1
    );
    // The last participant's ✖ (the rows are in order), at the end of the row: with nine
    // options the ballots scroll sideways to it.
    let remove = || {
        egui_kittest::kittest::By::new()
            .role(Role::Button)
            .label("✖")
    };
    h.get_all(remove()).last().unwrap().scroll_to_me();
    h.run();
    h.get_all(remove()).last().unwrap().click();
    h.run();
    let round = newest_round(&h);
    assert_eq!(round.ballots.len(), 7);
    assert_eq!(round.total(), 0, "their dot went with them");
}

#[test]
fn a_vote_is_stored_in_the_file_and_its_tally_is_shown_on_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("voted.pbsm.ron");
    let mut h = sample();
    open_pane(&mut h, PaneKind::Voting);
    menu_item(&mut h, "New round on alternatives");
    let katrin = "Katrin Lindner, managing director";
    for _ in 0..3 {
        click_cell(&mut h, katrin, "Reach and recruit: craft content", false);
    }
    h.state_mut()
        .send(pbsm::app::command::Command::SaveTo(path.clone()));
    h.run();
    let saved = pbsm::io::load(&path).unwrap();
    assert_eq!(saved.votes, h.state().project.votes);
    assert_eq!(saved.votes.last().unwrap().date, h.state().today);

    // The map shows the shown round's tally on the bubbles: 3 on "Reach and recruit".
    open_pane(&mut h, PaneKind::Map);
    let geometry = last_geometry(&h.ctx).unwrap();
    let (_, centre, radius) = geometry
        .bubbles
        .iter()
        .find(|(id, ..)| *id == AlternativeId(2))
        .copied()
        .unwrap();
    let badge = centre + egui::vec2(-radius * 0.72, -radius * 0.72);
    let drawn_at_badge = |h: &Harness<'_, Workbench>, text: &str| {
        h.output()
            .shapes
            .iter()
            .any(|clipped| match &clipped.shape {
                egui::epaint::Shape::Text(t) => {
                    t.galley.text() == text
                        && (t.pos + t.galley.rect.center().to_vec2()).distance(badge) < 4.0
                }
                _ => false,
            })
    };
    assert!(
        drawn_at_badge(&h, "3"),
        "the badge shows the round's 3 dots"
    );
    // The dots can be hidden.
    h.get_by_label("dots").click();
    h.run();
    assert!(!drawn_at_badge(&h, "3"));
}

#[test]
fn opening_an_older_file_says_it_was_upgraded() {
    let mut h = sample();
    let v1 = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1/machine-builder.pbsm.ron");
    h.state_mut()
        .send(pbsm::app::command::Command::OpenPath(v1));
    h.run();
    settle(&mut h);
    assert_eq!(h.state().project.alternatives.len(), 3);
    assert_eq!(h.state().project.version, pbsm::model::CURRENT_VERSION);
    h.get_by_label_contains("upgraded from format version 1 (since then: dot voting)");
}

#[test]
fn warnings_keep_their_colour_in_the_high_contrast_presentation() {
    let mut h = projector();
    h.key_press(Key::F5);
    h.run();
    open_pane(&mut h, PaneKind::Management);
    let colour_of = |h: &Harness<'_, Workbench>, starts: &str| {
        h.output()
            .shapes
            .iter()
            .find_map(|clipped| match &clipped.shape {
                egui::epaint::Shape::Text(t) if t.galley.text().starts_with(starts) => t
                    .galley
                    .job
                    .sections
                    .first()
                    .map(|section| t.override_text_color.unwrap_or(section.format.color)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no text starting with {starts:?}"))
    };
    let warning = colour_of(&h, "KPI at risk:");
    let plain = colour_of(&h, "7 · Strategy management");
    assert_eq!(plain, egui::Color32::WHITE, "plain text is white");
    assert_ne!(warning, egui::Color32::WHITE, "a warning keeps its colour");
}
