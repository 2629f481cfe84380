//! Unit tests of the map's layout.

use super::layout::MIN_RADIUS;
use super::{bubble_radius, hit, place_labels, wrap_label};
use crate::model::AlternativeId;

#[test]
fn bubble_area_is_proportional_to_resources() {
    let big = bubble_radius(400.0, 400.0, 40.0);
    let quarter = bubble_radius(100.0, 400.0, 40.0);
    assert!((big - 40.0).abs() < 1e-4);
    assert!(
        (quarter - 20.0).abs() < 1e-4,
        "a quarter of the area is half the radius"
    );
    assert_eq!(bubble_radius(0.0, 400.0, 40.0), MIN_RADIUS);
    assert_eq!(bubble_radius(1.0, 0.0, 40.0), MIN_RADIUS);
    assert_eq!(bubble_radius(f64::NAN, 10.0, 40.0), MIN_RADIUS);
}

#[test]
fn labels_avoid_other_bubbles_and_stay_inside() {
    let area = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(400.0, 300.0));
    // A big bubble right above a small one: the small one's label must not go above it.
    let bubbles = [
        (egui::pos2(200.0, 100.0), 40.0),
        (egui::pos2(200.0, 160.0), 10.0),
    ];
    let sizes = [egui::vec2(120.0, 16.0), egui::vec2(120.0, 16.0)];
    let rects: Vec<_> = place_labels(&bubbles, &sizes, area, None)
        .into_iter()
        .map(Option::unwrap)
        .collect();
    for (i, rect) in rects.iter().enumerate() {
        assert!(area.contains_rect(*rect), "label {i} leaves the plot");
        for (centre, radius) in &bubbles {
            assert!(
                rect.clamp(*centre).distance(*centre) >= radius - 1.0,
                "label {i} crosses a bubble"
            );
        }
    }
    assert!(!rects[0].intersects(rects[1]));
    // Near the right edge, a label is moved inwards rather than cut off.
    let edge = place_labels(
        &[(egui::pos2(390.0, 150.0), 8.0)],
        &[egui::vec2(200.0, 16.0)],
        area,
        None,
    );
    assert!(area.contains_rect(edge[0].unwrap()));
}

#[test]
fn a_label_squeezed_between_bubbles_moves_sideways() {
    // The bakery sample's crowded corner: above and below are taken, left is free.
    let area = egui::Rect::from_min_max(egui::pos2(825.0, 230.0), egui::pos2(1258.0, 715.0));
    let bubbles = [
        (egui::pos2(1160.0, 436.0), 48.0),
        (egui::pos2(1060.0, 522.0), 45.0),
        (egui::pos2(1001.0, 587.0), 36.0),
    ];
    // Two-line labels, as `wrap_label` makes them.
    let sizes = [
        egui::vec2(130.0, 36.0),
        egui::vec2(170.0, 36.0),
        egui::vec2(120.0, 36.0),
    ];
    let rects = place_labels(&bubbles, &sizes, area, None);
    for (i, rect) in rects.iter().enumerate() {
        let rect = rect.unwrap_or_else(|| panic!("label {i} left out"));
        for (j, (centre, radius)) in bubbles.iter().enumerate() {
            let distance = rect.clamp(*centre).distance(*centre);
            assert!(distance >= radius - 1.0, "label {i} crosses bubble {j}");
        }
    }
}

#[test]
fn a_label_with_no_free_spot_is_left_out_unless_it_must_show() {
    // Two bubbles on the same spot near the bottom: only the spot above is free, once.
    let area = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(100.0, 60.0));
    let bubbles = [
        (egui::pos2(50.0, 40.0), 10.0),
        (egui::pos2(50.0, 40.0), 10.0),
    ];
    let sizes = [egui::vec2(90.0, 30.0), egui::vec2(90.0, 30.0)];
    let rects = place_labels(&bubbles, &sizes, area, None);
    assert!(rects[0].is_some());
    assert!(rects[1].is_none());
    let rects = place_labels(&bubbles, &sizes, area, Some(1));
    assert!(
        rects[1].is_some(),
        "the selected alternative keeps its label"
    );
    assert!(rects[0].is_none());
}

#[test]
fn long_labels_break_near_the_middle() {
    assert_eq!(wrap_label("Paid reach"), "Paid reach");
    assert_eq!(
        wrap_label("Service and freshness: pre-order and less waste"),
        "Service and freshness:\npre-order and less waste"
    );
    assert_eq!(
        wrap_label("Averyveryverylongnamewithoutanyspaces"),
        "Averyveryverylongnamewithoutanyspaces"
    );
}

#[test]
fn hit_takes_the_bubble_under_the_pointer() {
    let a = AlternativeId(1);
    let b = AlternativeId(2);
    let bubbles = [
        (a, egui::pos2(0.0, 0.0), 10.0),
        (b, egui::pos2(15.0, 0.0), 10.0),
    ];
    assert_eq!(hit(&bubbles, egui::pos2(2.0, 0.0)), Some(a));
    assert_eq!(hit(&bubbles, egui::pos2(13.0, 0.0)), Some(b));
    assert_eq!(hit(&bubbles, egui::pos2(0.0, 30.0)), None);
}
