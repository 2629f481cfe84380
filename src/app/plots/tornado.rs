//! The tornado chart of the sensitivity analysis: per criterion, the band of weights over which
//! today's winner stays first, with the current weight marked.

use crate::app::widgets;
use egui::{FontId, Rect, RichText, Sense, Stroke, pos2, vec2};

/// One bar of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The criterion.
    pub label: String,
    /// Its current weight.
    pub weight: f64,
    /// The lowest weight at which the winner stays first.
    pub from: f64,
    /// The highest.
    pub to: f64,
    /// Who leads below the band.
    pub below: Option<String>,
    /// Who leads above it.
    pub above: Option<String>,
}

/// Draws the chart, narrowest band on top (the tornado's shape). The criterion names take the
/// width the longest needs (at most two fifths of the chart) and wrap beyond it.
pub fn ui(ui: &mut egui::Ui, rows: &[Row]) -> Rect {
    let mut rows: Vec<&Row> = rows.iter().collect();
    rows.sort_by(|a, b| (a.to - a.from).total_cmp(&(b.to - b.from)));
    let font = FontId::proportional(13.5);
    let visuals = ui.visuals().clone();
    let width = ui.available_width().max(320.0);
    let wrap_at = (width * 0.4).max(100.0);
    let labels: Vec<_> = rows
        .iter()
        .map(|r| {
            ui.fonts_mut(|f| f.layout(r.label.clone(), font.clone(), visuals.text_color(), wrap_at))
        })
        .collect();
    let label_width = labels.iter().map(|g| g.size().x).fold(60.0_f32, f32::max) + 14.0;
    let heights: Vec<f32> = labels
        .iter()
        .map(|g| (g.size().y + 10.0).max(30.0))
        .collect();
    let height = heights.iter().sum::<f32>() + 26.0;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let track = Rect::from_min_max(
        pos2(rect.left() + label_width, rect.top()),
        pos2(rect.right() - 10.0, rect.bottom() - 22.0),
    );
    let x = |w: f64| track.left() + track.width() * (w.clamp(0.0, 1.0) as f32);
    let good = widgets::signal_color(ui, 1);
    let bad = widgets::signal_color(ui, -1);
    let mut top = track.top();
    for ((row, label), h) in rows.iter().zip(labels).zip(&heights) {
        let y = top + h / 2.0;
        top += h;
        painter.galley(
            pos2(rect.left(), y - label.size().y / 2.0),
            label,
            visuals.text_color(),
        );
        let full = Rect::from_min_max(pos2(track.left(), y - 8.0), pos2(track.right(), y + 8.0));
        painter.rect_filled(full, 3.0, bad.gamma_multiply(0.25));
        let band = Rect::from_min_max(pos2(x(row.from), y - 8.0), pos2(x(row.to), y + 8.0));
        painter.rect_filled(band, 3.0, good.gamma_multiply(0.7));
        painter.line_segment(
            [pos2(x(row.weight), y - 12.0), pos2(x(row.weight), y + 12.0)],
            Stroke::new(3.0, visuals.strong_text_color()),
        );
    }
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let galley = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                format!("{tick:.2}"),
                FontId::proportional(12.0),
                visuals.weak_text_color(),
            )
        });
        // Centred under its tick, but kept inside the chart at the ends.
        let left =
            (x(tick) - galley.size().x / 2.0).clamp(rect.left(), rect.right() - galley.size().x);
        painter.galley(
            pos2(left, rect.bottom() - 10.0 - galley.size().y / 2.0),
            galley,
            visuals.weak_text_color(),
        );
    }
    ui.label(
        RichText::new(
            "Green: the winner stays first. Red: another alternative leads. Line: today's weight.",
        )
        .weak(),
    );
    rect
}
