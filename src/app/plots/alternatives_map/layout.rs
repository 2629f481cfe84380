//! Where things go on the map: bubble sizes, what the pointer hits, where labels fit.

use crate::model::AlternativeId;

/// The smallest bubble radius, in points: still easy to click.
pub(super) const MIN_RADIUS: f32 = 7.0;

/// A bubble's radius in points: its area is proportional to the alternative's resources,
/// relative to the largest on the map, never smaller than a clickable minimum.
pub fn bubble_radius(resources: f64, max_resources: f64, max_radius: f32) -> f32 {
    if max_resources.is_nan() || resources.is_nan() || max_resources <= 0.0 || resources <= 0.0 {
        return MIN_RADIUS;
    }
    let share = (resources / max_resources).clamp(0.0, 1.0);
    #[allow(clippy::cast_possible_truncation)]
    let radius = max_radius * (share.sqrt() as f32);
    radius.max(MIN_RADIUS)
}

/// The alternative whose bubble contains `pointer` (the one whose centre is nearest, relative
/// to its radius, where bubbles overlap). Bubbles are (id, centre, radius) in screen points.
pub fn hit(
    bubbles: &[(AlternativeId, egui::Pos2, f32)],
    pointer: egui::Pos2,
) -> Option<AlternativeId> {
    bubbles
        .iter()
        .map(|(id, centre, radius)| (*id, centre.distance(pointer) / radius.max(1.0)))
        .filter(|(_, relative)| *relative <= 1.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// Where to put each bubble's label, in screen points: above the bubble if that spot is free,
/// else below, shifted to one side, or beside it, whichever crosses no bubble and no label
/// placed before it and stays inside `area`. A label with no free spot is left out (`None`),
/// as maps do, unless it is `always`: that one takes the first spot. `bubbles` are
/// (centre, radius) in placing order, `sizes` the label sizes.
pub fn place_labels(
    bubbles: &[(egui::Pos2, f32)],
    sizes: &[egui::Vec2],
    area: egui::Rect,
    always: Option<usize>,
) -> Vec<Option<egui::Rect>> {
    const GAP: f32 = 3.0;
    let mut placed: Vec<egui::Rect> = Vec::with_capacity(bubbles.len());
    let mut result = vec![None; bubbles.len()];
    // The label that must be shown goes first, so the others make room for it.
    let order = always
        .into_iter()
        .chain((0..bubbles.len()).filter(|i| Some(*i) != always));
    for i in order {
        let (Some((c, r)), Some(s)) = (bubbles.get(i).copied(), sizes.get(i).copied()) else {
            continue;
        };
        let above = c.y - r - GAP - s.y / 2.0;
        let below = c.y + r + GAP + s.y / 2.0;
        // Centred first, then shifted so the label extends to one side of the bubble.
        let shift = (s.x / 2.0 - r).max(0.0);
        let candidates = [
            egui::Rect::from_center_size(egui::pos2(c.x, above), s),
            egui::Rect::from_center_size(egui::pos2(c.x, below), s),
            egui::Rect::from_center_size(egui::pos2(c.x - shift, above), s),
            egui::Rect::from_center_size(egui::pos2(c.x + shift, above), s),
            egui::Rect::from_center_size(egui::pos2(c.x - shift, below), s),
            egui::Rect::from_center_size(egui::pos2(c.x + shift, below), s),
            egui::Rect::from_center_size(egui::pos2(c.x + r + GAP + s.x / 2.0, c.y), s),
            egui::Rect::from_center_size(egui::pos2(c.x - r - GAP - s.x / 2.0, c.y), s),
        ];
        let is_free = |rect: &egui::Rect| -> bool {
            area.contains_rect(*rect)
                && !placed.iter().any(|p| p.intersects(*rect))
                && !bubbles.iter().any(|(centre, radius)| {
                    let nearest = rect.clamp(*centre);
                    nearest.distance(*centre) < radius - 0.5
                })
        };
        let spot = candidates
            .iter()
            .map(|rect| keep_inside(*rect, area))
            .find(|rect| is_free(rect))
            .or_else(|| (always == Some(i)).then(|| keep_inside(candidates[0], area)));
        if let Some(rect) = spot {
            placed.push(rect);
            result[i] = Some(rect);
        }
    }
    result
}

/// Moves a rectangle into `area` where it fits (it keeps its size).
fn keep_inside(rect: egui::Rect, area: egui::Rect) -> egui::Rect {
    let dx = if rect.left() < area.left() {
        area.left() - rect.left()
    } else if rect.right() > area.right() {
        (area.right() - rect.right()).max(area.left() - rect.left())
    } else {
        0.0
    };
    let dy = if rect.top() < area.top() {
        area.top() - rect.top()
    } else if rect.bottom() > area.bottom() {
        (area.bottom() - rect.bottom()).max(area.top() - rect.top())
    } else {
        0.0
    };
    rect.translate(egui::vec2(dx, dy))
}

/// A bubble label: long names are broken at the space nearest their middle, so labels stay
/// compact enough to fit between bubbles.
pub fn wrap_label(name: &str) -> String {
    crate::format::wrap_label(name)
}

pub(super) fn label_font_size(selected: bool) -> f32 {
    if selected { 15.5 } else { 14.5 }
}
