#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The alternatives map driven as a user would: adding and removing bubbles, selecting,
//! hovering, dragging (one undo step), and exporting it as PNG.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use pbsm::app::layout::PaneKind;
use pbsm::app::plots::alternatives_map::last_geometry;
use pbsm::model::{AlternativeId, ItemKind, ItemRef, Score};

type Harness = egui_kittest::Harness<'static, pbsm::app::Workbench>;

#[test]
fn a_new_alternative_joins_the_map_and_the_ranking_once_it_is_assessed() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Alternatives);
    let map_x = 1280.0 * 0.6;
    let on_map = |h: &Harness| {
        texts_right_of(h, map_x)
            .iter()
            .any(|t| t == "Alternative 4")
    };
    assert!(!on_map(&h));

    click(&mut h, "➕ Add alternative");
    assert_eq!(h.state().project().alternatives.len(), 4);
    assert_eq!(
        h.state().selection().get(ItemKind::Alternative),
        Some(ItemRef::Alternative(AlternativeId(4)))
    );
    // Not assessed yet: no bubble at a made-up position, but a note that says why, and no rank.
    assert!(!on_map(&h), "a new alternative has no place on the map yet");
    assert_eq!(last_geometry(&h.ctx).unwrap().bubbles.len(), 3);
    h.get_by_label("Not on the map until assessed: “Alternative 4” (competitive quality, risk)");
    assert!(
        h.state()
            .derived()
            .evaluation
            .alternative(AlternativeId(4))
            .is_none()
    );
    let a = h.state().project().alternative(AlternativeId(4)).unwrap();
    assert!(!a.competitive_quality.is_assessed() && !a.risk.is_assessed());

    // Rating both axes puts it on the map; the slider starts from the middle of the scale.
    slider(&h, "Competitive quality").increment_accesskit();
    h.run();
    slider(&h, "Risk").decrement_accesskit();
    h.run();
    let a = h.state().project().alternative(AlternativeId(4)).unwrap();
    assert_eq!(a.competitive_quality, Score::new(5.5));
    assert_eq!(a.risk, Score::new(4.5));
    assert!(on_map(&h), "the new bubble is labelled on the map");
    let geometry = last_geometry(&h.ctx).unwrap();
    assert_eq!(geometry.bubbles.len(), 4);
    assert_eq!(geometry.selected, Some(AlternativeId(4)));
    assert!(
        h.query_by_label_contains("Not on the map until assessed")
            .is_none()
    );

    click(&mut h, "🗑 Remove alternative");
    assert_eq!(h.state().project().alternatives.len(), 3);
    assert!(!on_map(&h));
    assert_eq!(last_geometry(&h.ctx).unwrap().bubbles.len(), 3);

    // Removal is one undo step; undo brings it back onto the map.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project().alternatives.len(), 4);
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
        h.state().selection().get(ItemKind::Alternative),
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
        h.state().selection().get(ItemKind::Alternative),
        Some(ItemRef::Alternative(AlternativeId(2)))
    );
    assert_eq!(
        last_geometry(&h.ctx).unwrap().selected,
        Some(AlternativeId(2))
    );
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
    // The tooltip: the alternative's resources (budget 97,000 + 420 days x 520) and risk.
    h.get_by_label("EUR 315,400");
    h.get_by_label("Click to open it; drag to move it");
}

#[test]
fn dragging_a_bubble_changes_its_scores_and_the_ranking_and_undoes_in_one_step() {
    let mut h = sample();
    let before = h.state().project().clone();
    assert_eq!(
        h.state().derived().evaluation.winner().unwrap().id,
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
        .project()
        .alternative(AlternativeId(3))
        .unwrap()
        .clone();
    let original = before.alternative(AlternativeId(3)).unwrap();
    assert!(
        moved.competitive_quality.or(0.0) > original.competitive_quality.or(0.0) + 2.0,
        "{}",
        moved.competitive_quality
    );
    assert!(
        moved.risk.or(10.0) < original.risk.or(10.0) - 2.0,
        "{}",
        moved.risk
    );
    assert_eq!(moved.budget_eur, original.budget_eur);
    assert_eq!(
        h.state().derived().evaluation.winner().unwrap().id,
        AlternativeId(3),
        "the ranking follows the drag"
    );
    assert_eq!(
        h.state().selection().get(ItemKind::Alternative),
        Some(ItemRef::Alternative(AlternativeId(3)))
    );
    assert!(
        pbsm::model::validate(h.state().project()).is_empty(),
        "ranges widened with the drag"
    );

    // The whole drag is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(*h.state().project(), before);
    assert_eq!(
        h.state().derived().evaluation.winner().unwrap().id,
        AlternativeId(1)
    );
}

#[test]
fn exporting_the_map_as_png() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.png");
    let mut h = sample();
    // As on screen (the picture for a slide is in tests/plot_export.rs).
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("As on screen: PNG").click();
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
