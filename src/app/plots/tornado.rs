//! The tornado chart of the sensitivity analysis: per criterion, the band of weights over which
//! today's winner stays first, with the current weight marked.

use crate::app::widgets;
use egui::{Align2, FontId, Rect, RichText, Sense, Stroke, pos2, vec2};

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

/// Draws the chart, narrowest band on top (the tornado's shape).
pub fn ui(ui: &mut egui::Ui, rows: &[Row]) -> Rect {
    let mut rows: Vec<&Row> = rows.iter().collect();
    rows.sort_by(|a, b| (a.to - a.from).total_cmp(&(b.to - b.from)));
    let label_width = 190.0;
    let row_height = 30.0;
    let width = ui.available_width().max(label_width + 200.0);
    let height = row_height * rows.len() as f32 + 26.0;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let track = Rect::from_min_max(
        pos2(rect.left() + label_width, rect.top()),
        pos2(rect.right() - 10.0, rect.bottom() - 22.0),
    );
    let x = |w: f64| track.left() + track.width() * (w.clamp(0.0, 1.0) as f32);
    let good = widgets::signal_color(ui, 1);
    let bad = widgets::signal_color(ui, -1);
    let font = FontId::proportional(13.5);
    for (i, row) in rows.iter().enumerate() {
        let y = track.top() + row_height * i as f32 + row_height / 2.0;
        painter.text(
            pos2(rect.left(), y),
            Align2::LEFT_CENTER,
            &row.label,
            font.clone(),
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
        painter.text(
            pos2(x(tick), rect.bottom() - 10.0),
            Align2::CENTER_CENTER,
            format!("{tick:.2}"),
            FontId::proportional(12.0),
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
