//! The alternatives map: x = competitive quality, y = risk, bubble area = resources.

mod layout;
#[cfg(test)]
mod tests;
mod tooltip;

pub use layout::{bubble_radius, hit, place_labels, wrap_label};

use layout::label_font_size;

use crate::analysis::decision::Evaluation;
use crate::analysis::robustness::Robustness;
use crate::app::widgets;
use crate::model::decision::{CriterionMeasure, Direction};
use crate::model::{Alternative, AlternativeId, AlternativeStatus, Choice, Project};
use egui::{Align2, Color32, Stroke};
use egui_plot::{HLine, Plot, PlotPoint, Polygon, VLine};

/// The largest bubble radius, in points.
const MAX_RADIUS: f32 = 40.0;

/// What happened on the map this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapResponse {
    /// The alternative under the pointer.
    pub hovered: Option<AlternativeId>,
    /// The alternative clicked.
    pub clicked: Option<AlternativeId>,
    /// The alternative being dragged and by how much this frame, in axis units (x, y).
    pub dragged: Option<(AlternativeId, f64, f64)>,
    /// Where the map is on screen.
    pub rect: egui::Rect,
}

/// Where the map drew its bubbles in the last frame, in screen points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapGeometry {
    /// (alternative, centre, radius) per bubble.
    pub bubbles: Vec<(AlternativeId, egui::Pos2, f32)>,
    /// The alternative drawn as selected.
    pub selected: Option<AlternativeId>,
}

fn geometry_id() -> egui::Id {
    egui::Id::unique("alternatives_map_geometry")
}

/// The map's geometry from the last frame it was drawn in (for pointer work such as dragging,
/// and for tests that click a bubble).
pub fn last_geometry(ctx: &egui::Context) -> Option<MapGeometry> {
    ctx.data(|d| d.get_temp(geometry_id()))
}

/// The colour of an alternative's bubble, by status.
pub fn status_color(status: AlternativeStatus, dark: bool) -> Color32 {
    crate::format::status_rgb(status, dark).into()
}

/// What the map shows besides the project.
pub struct MapView<'a> {
    /// The alternative drawn as selected.
    pub selected: Option<AlternativeId>,
    /// The value on the horizontal axis.
    pub x: CriterionMeasure,
    /// The value on the vertical axis.
    pub y: CriterionMeasure,
    /// Totals, ranks, dominance and budget.
    pub evaluation: &'a Evaluation,
    /// Rank acceptability, if computed.
    pub robustness: Option<&'a Robustness>,
    /// Alternatives relying on an assumption that is at risk or broken, with the worst status.
    pub assumption_warnings: Vec<(AlternativeId, crate::model::AssumptionStatus)>,
    /// Dots from a voting round per alternative (shown as a badge), and the badge colour.
    pub dots: Vec<(AlternativeId, u32)>,
    /// The colour of the dots' badges.
    pub dot_color: Color32,
    /// Where the room placed the alternatives (a placing round answered from phones): drawn
    /// as a ring of the room's spread around its mean, tied to the bubble, when the axes are
    /// competitive quality and risk.
    pub room: Option<&'a crate::analysis::room::RoomPlacing>,
    /// The colour of the room's placing.
    pub room_color: Color32,
}

/// Where the room's placing of an alternative goes on a map with axes `x` and `y`: (mean,
/// spread) per axis, or `None` when the axes are not competitive quality and risk.
fn room_on_axes(
    placed: &crate::analysis::room::Placed,
    x: CriterionMeasure,
    y: CriterionMeasure,
) -> Option<((f64, f64), (f64, f64))> {
    let of = |axis: CriterionMeasure| match axis {
        CriterionMeasure::CompetitiveQuality => Some((placed.quality, placed.quality_spread)),
        CriterionMeasure::Risk => Some((placed.risk, placed.risk_spread)),
        _ => None,
    };
    Some((of(x)?, of(y)?)).filter(|_| x != y)
}

/// The axes a map can show.
pub const AXES: [CriterionMeasure; 5] = [
    CriterionMeasure::CompetitiveQuality,
    CriterionMeasure::Risk,
    CriterionMeasure::Resources,
    CriterionMeasure::GoalContribution,
    CriterionMeasure::StrategicQuality,
];

fn axis_bounds(project: &Project, measure: CriterionMeasure) -> (f64, f64) {
    if measure.is_score() {
        (-0.5, 10.5)
    } else {
        let max = project
            .alternatives
            .iter()
            .map(|a| a.value(measure, project.day_rate_eur).unwrap_or(0.0))
            .fold(0.0_f64, f64::max);
        (0.0, (max * 1.15).max(1.0))
    }
}

/// The axes an alternative has no value for yet (a score not assessed, resources not entered):
/// it is not on the map until it has both.
pub fn missing_axes(
    alternative: &Alternative,
    x: CriterionMeasure,
    y: CriterionMeasure,
    day_rate_eur: f64,
) -> Vec<&'static str> {
    let mut missing = Vec::new();
    for axis in [x, y] {
        if alternative.value(axis, day_rate_eur).is_none() && !missing.contains(&axis.label()) {
            missing.push(axis.label());
        }
    }
    missing
}

fn axis_label(measure: CriterionMeasure) -> String {
    format!("{} →", measure.label())
}

fn drag_id() -> egui::Id {
    egui::Id::unique("alternatives_map_drag")
}

/// Draws the map.
pub fn ui(ui: &mut egui::Ui, project: &Project, view: &MapView<'_>) -> MapResponse {
    let selected = view.selected;
    let dark = ui.visuals().dark_mode;
    let rate = project.day_rate_eur;
    let max_resources = project
        .alternatives
        .iter()
        .map(|a| a.resources_eur(rate))
        .fold(0.0_f64, f64::max);
    let max_radius =
        (ui.available_height().min(ui.available_width()) / 9.0).clamp(18.0, MAX_RADIUS);
    let text_color = ui.visuals().strong_text_color();
    let guide = ui.visuals().weak_text_color();
    let (x0, x1) = axis_bounds(project, view.x);
    let (y0, y1) = axis_bounds(project, view.y);
    // The "good" corner: high on benefit axes, low on cost axes.
    let x_good_high = view.x.usual_direction() == Direction::Benefit;
    let y_good_high = view.y.usual_direction() == Direction::Benefit;
    let (xm, ym) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let sweet_x = if x_good_high { (xm, x1) } else { (x0, xm) };
    let sweet_y = if y_good_high { (ym, y1) } else { (y0, ym) };
    let sweet = Color32::from_rgba_unmultiplied(60, 160, 90, if dark { 28 } else { 30 });

    let plot = Plot::new("alternatives_map")
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .default_x_bounds(x0, x1)
        .default_y_bounds(y0, y1 + (y1 - y0) * 0.03)
        .x_axis_label(axis_label(view.x))
        .y_axis_label(axis_label(view.y))
        .show_background(true);
    let response = plot.show(ui, |plot_ui| {
        plot_ui.set_plot_bounds_x(x0..=x1);
        plot_ui.set_plot_bounds_y(y0..=y1 + (y1 - y0) * 0.03);
        plot_ui.polygon(
            Polygon::new(
                "strong position",
                vec![
                    [sweet_x.0, sweet_y.0],
                    [sweet_x.1, sweet_y.0],
                    [sweet_x.1, sweet_y.1],
                    [sweet_x.0, sweet_y.1],
                ],
            )
            .fill_color(sweet)
            .stroke(Stroke::NONE)
            .allow_hover(false),
        );
        plot_ui.hline(
            HLine::new("middle y", ym)
                .color(guide)
                .width(0.5)
                .allow_hover(false),
        );
        plot_ui.vline(
            VLine::new("middle x", xm)
                .color(guide)
                .width(0.5)
                .allow_hover(false),
        );
    });

    // Results by alternative, looked up once per frame instead of searched per bubble.
    let results: std::collections::HashMap<
        AlternativeId,
        &crate::analysis::decision::AlternativeResult,
    > = view
        .evaluation
        .alternatives
        .iter()
        .map(|r| (r.id, r))
        .collect();
    let warnings: std::collections::HashMap<AlternativeId, crate::model::AssumptionStatus> =
        view.assumption_warnings.iter().copied().collect();
    let dots: std::collections::HashMap<AlternativeId, u32> =
        view.dots.iter().copied().filter(|(_, n)| *n > 0).collect();
    // Bubbles and labels are painted over the plot directly: one shape each instead of a plot
    // item each, which keeps a map of hundreds of alternatives fast.
    let transform = response.transform;
    let frame = *transform.frame();
    let painter = ui.painter_at(frame);
    // "the strong corner" in the good corner, a few points inside the frame: as a plot text
    // anchored at the corner's coordinates it ended exactly on the frame's edge, where the
    // frame's line covered its last letter.
    let inset = frame.shrink(6.0);
    let corner = Align2([
        if x_good_high {
            egui::Align::Max
        } else {
            egui::Align::Min
        },
        if y_good_high {
            egui::Align::Min
        } else {
            egui::Align::Max
        },
    ]);
    // On a backing of the plot's own colour, so the grid's lines do not run through it.
    let galley = painter.layout_no_wrap(
        "the strong corner".to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        guide,
    );
    let label = corner.anchor_size(corner.pos_in_rect(&inset), galley.size());
    painter.rect_filled(
        label.expand(2.0),
        2.0,
        ui.visuals().extreme_bg_color.gamma_multiply(0.85),
    );
    painter.galley(label.min, galley, guide);
    // An alternative is on the map once both its axes are assessed (the pane says which are not).
    let mut order: Vec<&Alternative> = project
        .alternatives
        .iter()
        .filter(|a| missing_axes(a, view.x, view.y, rate).is_empty())
        .collect();
    // Largest bubbles first, so small ones stay visible and clickable on top.
    order.sort_by(|a, b| b.resources_eur(rate).total_cmp(&a.resources_eur(rate)));
    let bubbles: Vec<(AlternativeId, egui::Pos2, f32)> = order
        .iter()
        .map(|a| {
            // Own scores are not map axes.
            let point = PlotPoint::new(
                a.value(view.x, rate).unwrap_or(0.0),
                a.value(view.y, rate).unwrap_or(0.0),
            );
            (
                a.id,
                transform.position_from_point(&point),
                bubble_radius(a.resources_eur(rate), max_resources, max_radius),
            )
        })
        .collect();

    // The Pareto frontier: the non-dominated alternatives, connected left to right.
    let mut frontier: Vec<egui::Pos2> = bubbles
        .iter()
        .filter(|(id, ..)| results.get(id).is_some_and(|r| r.pareto))
        .map(|(_, c, _)| *c)
        .collect();
    frontier.sort_by(|a, b| a.x.total_cmp(&b.x));
    if frontier.len() > 1 {
        let stroke = Stroke::new(2.0, guide.gamma_multiply(0.8));
        if frontier.len() <= 12 {
            painter.extend(egui::Shape::dashed_line(&frontier, stroke, 8.0, 5.0));
        } else {
            // Many points: one polyline instead of thousands of dashes.
            painter.add(egui::Shape::line(
                frontier,
                Stroke::new(1.5, guide.gamma_multiply(0.6)),
            ));
        }
    }
    let over_budget_color = widgets::signal_color(ui, -1);
    let mut badge_texts: std::collections::HashMap<u32, std::sync::Arc<egui::Galley>> =
        std::collections::HashMap::new();
    let mut badge_disc: Option<std::sync::Arc<egui::Galley>> = None;
    for (alt, (id, centre, radius)) in order.iter().zip(&bubbles) {
        let result = results.get(id);
        let dominated = result.is_some_and(|r| !r.pareto);
        let color = status_color(alt.status, dark);
        let fill = if dominated {
            color.gamma_multiply(0.2)
        } else {
            color.gamma_multiply(0.55)
        };
        let ring = if selected == Some(*id) {
            Stroke::new(3.0, text_color)
        } else if dominated {
            Stroke::new(1.0, color.gamma_multiply(0.5))
        } else {
            Stroke::new(1.5, color)
        };
        painter.circle(*centre, *radius, fill, ring);
        if result.is_some_and(|r| r.over_budget) {
            painter.circle_stroke(*centre, radius + 4.0, Stroke::new(2.0, over_budget_color));
        }
        if let Some(status) = warnings.get(id) {
            let level = if *status == crate::model::AssumptionStatus::Broken {
                -1
            } else {
                0
            };
            let at = *centre + egui::vec2(radius * 0.72, -radius * 0.72);
            painter.circle_filled(at, 9.0, ui.visuals().panel_fill);
            painter.text(
                at,
                Align2::CENTER_CENTER,
                "⚠",
                egui::FontId::proportional(14.0),
                widgets::signal_color(ui, level),
            );
        }
        if let Some(n) = dots.get(id) {
            // The room's dots: a badge on the upper left. The disc is a glyph, not a circle
            // shape: a map of 200 voted alternatives spent a millisecond per frame
            // tessellating the circles (see benches/frames.rs). Texts are laid out once per
            // frame per distinct count.
            let at = *centre + egui::vec2(-radius * 0.72, -radius * 0.72);
            let disc = badge_disc
                .get_or_insert_with(|| {
                    painter.layout_no_wrap(
                        "⏺".to_owned(),
                        egui::FontId::proportional(28.0),
                        view.dot_color,
                    )
                })
                .clone();
            painter.galley(at - disc.rect.center().to_vec2(), disc, view.dot_color);
            let galley = badge_texts
                .entry(*n)
                .or_insert_with(|| {
                    painter.layout_no_wrap(
                        n.to_string(),
                        egui::FontId::proportional(13.5),
                        Color32::WHITE,
                    )
                })
                .clone();
            painter.galley(at - galley.rect.center().to_vec2(), galley, Color32::WHITE);
        }
    }
    if let Some(room) = view.room {
        draw_room(&painter, &transform, room, &bubbles, view);
    }
    let galleys: Vec<_> = order
        .iter()
        .map(|alt| {
            let is_selected = selected == Some(alt.id);
            let dominated = view
                .evaluation
                .alternative(alt.id)
                .is_some_and(|r| !r.pareto);
            let color = if dominated { guide } else { text_color };
            let mut job = egui::text::LayoutJob::simple(
                wrap_label(&alt.name),
                egui::FontId::proportional(label_font_size(is_selected)),
                color,
                f32::INFINITY,
            );
            job.halign = egui::Align::Center;
            painter.layout_job(job)
        })
        .collect();
    let sizes: Vec<egui::Vec2> = galleys.iter().map(|g| g.size()).collect();
    let circles: Vec<(egui::Pos2, f32)> = bubbles.iter().map(|(_, c, r)| (*c, *r)).collect();
    let selected_index = order.iter().position(|a| Some(a.id) == selected);
    let rects = place_labels(&circles, &sizes, frame.shrink(2.0), selected_index);
    for (galley, rect) in galleys.into_iter().zip(rects) {
        if let Some(rect) = rect {
            let pos = rect.center() - galley.rect.center().to_vec2();
            painter.galley(pos, galley, text_color);
        }
    }

    let hovered = response.response.hover_pos().and_then(|p| hit(&bubbles, p));
    ui.ctx().data_mut(|d| {
        d.insert_temp(
            geometry_id(),
            MapGeometry {
                bubbles: bubbles.clone(),
                selected,
            },
        );
    });

    // Dragging a bubble moves the alternative on both axes; a press without movement selects.
    let mut dragged = None;
    if response.response.drag_started() {
        let grabbed = response
            .response
            .interact_pointer_pos()
            .and_then(|p| hit(&bubbles, p));
        ui.ctx().data_mut(|d| d.insert_temp(drag_id(), grabbed));
    }
    let grabbed: Option<AlternativeId> = ui.ctx().data(|d| d.get_temp(drag_id())).flatten();
    if let Some(id) = grabbed
        && response.response.dragged()
    {
        let delta = response.response.drag_delta();
        let [dx, dy] = transform.dvalue_dpos();
        if delta != egui::Vec2::ZERO {
            dragged = Some((id, f64::from(delta.x) * dx, f64::from(delta.y) * dy));
        }
    }
    if response.response.drag_stopped() {
        ui.ctx()
            .data_mut(|d| d.remove::<Option<AlternativeId>>(drag_id()));
    }
    let clicked = if response.response.clicked() {
        response
            .response
            .interact_pointer_pos()
            .and_then(|p| hit(&bubbles, p))
    } else {
        None
    };
    if let Some(alt) = hovered.and_then(|id| project.alternative(id))
        && grabbed.is_none()
    {
        response.response.clone().on_hover_ui_at_pointer(|ui| {
            tooltip::tooltip_ui(ui, project, alt, view);
        });
    }
    MapResponse {
        hovered,
        clicked,
        dragged,
        rect: response.response.rect,
    }
}

/// The room's placing: for each placed alternative on the map, a dashed tie from its bubble to
/// the room's mean, a ring whose half-axes are the room's spread on each axis (a ring of the
/// smallest size when everyone agreed), and a diamond at the mean.
fn draw_room(
    painter: &egui::Painter,
    transform: &egui_plot::PlotTransform,
    room: &crate::analysis::room::RoomPlacing,
    bubbles: &[(AlternativeId, egui::Pos2, f32)],
    view: &MapView<'_>,
) {
    let color = view.room_color;
    let [sx, sy] = transform.dpos_dvalue();
    for placed in &room.placed {
        let Some(((x, x_spread), (y, y_spread))) = room_on_axes(placed, view.x, view.y) else {
            return;
        };
        let Some((_, bubble, _)) = bubbles.iter().find(|(id, ..)| *id == placed.alternative) else {
            continue;
        };
        let at = transform.position_from_point(&PlotPoint::new(x, y));
        painter.extend(egui::Shape::dashed_line(
            &[*bubble, at],
            Stroke::new(1.5, color.gamma_multiply(0.8)),
            5.0,
            4.0,
        ));
        #[allow(clippy::cast_possible_truncation)]
        let radius = egui::vec2(
            ((x_spread * sx.abs()) as f32).max(6.0),
            ((y_spread * sy.abs()) as f32).max(6.0),
        );
        painter.add(egui::Shape::ellipse_filled(
            at,
            radius,
            color.gamma_multiply(0.12),
        ));
        painter.add(egui::Shape::ellipse_stroke(
            at,
            radius,
            Stroke::new(1.5, color),
        ));
        let d = 6.0;
        painter.add(egui::Shape::convex_polygon(
            vec![
                at + egui::vec2(0.0, -d),
                at + egui::vec2(d, 0.0),
                at + egui::vec2(0.0, d),
                at + egui::vec2(-d, 0.0),
            ],
            color,
            Stroke::new(1.0, Color32::WHITE),
        ));
    }
}
