//! Rank acceptability as stacked bars: per alternative, the share of draws in which it took
//! each rank.

use egui::{Align2, Color32, FontId, Rect, Sense, pos2, vec2};

/// The colour of rank `r` (0-based) of `n`: the first a strong green, the last grey.
pub fn rank_color(r: usize, n: usize, dark: bool) -> Color32 {
    crate::format::rank_rgb(r, n, dark).into()
}

/// Draws the bars; `names` and `acceptability` are per alternative.
pub fn ui(ui: &mut egui::Ui, names: &[String], acceptability: &[Vec<f64>]) -> Rect {
    let n = names.len();
    let label_width = 230.0;
    let row_height = 28.0;
    let width = ui.available_width().max(label_width + 200.0);
    let height = row_height * n as f32 + 30.0;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let dark = ui.visuals().dark_mode;
    let text = ui.visuals().text_color();
    let left = rect.left() + label_width;
    let bar_width = rect.right() - 10.0 - left;
    for (i, (name, shares)) in names.iter().zip(acceptability).enumerate() {
        let y = rect.top() + row_height * i as f32;
        let galley = painter.layout(
            name.clone(),
            FontId::proportional(13.5),
            text,
            label_width - 10.0,
        );
        painter.galley(
            pos2(rect.left(), y + (row_height - galley.size().y) / 2.0),
            galley,
            text,
        );
        let mut x = left;
        for (r, share) in shares.iter().enumerate() {
            let w = bar_width * (*share as f32);
            if w <= 0.0 {
                continue;
            }
            let segment = Rect::from_min_size(pos2(x, y + 4.0), vec2(w, row_height - 8.0));
            let color = rank_color(r, n, dark);
            painter.rect_filled(segment, 0.0, color);
            if w > 38.0 {
                let label_color = if r == 0 || dark {
                    Color32::WHITE
                } else {
                    Color32::BLACK
                };
                painter.text(
                    segment.center(),
                    Align2::CENTER_CENTER,
                    format!("{:.0} %", share * 100.0),
                    FontId::proportional(12.5),
                    label_color,
                );
            }
            x += w;
        }
    }
    // Legend.
    let y = rect.top() + row_height * n as f32 + 14.0;
    let mut x = left;
    for r in 0..n.min(8) {
        painter.rect_filled(
            Rect::from_min_size(pos2(x, y - 6.0), vec2(12.0, 12.0)),
            2.0,
            rank_color(r, n, dark),
        );
        let label = painter.text(
            pos2(x + 16.0, y),
            Align2::LEFT_CENTER,
            rank_name(r + 1),
            FontId::proportional(12.5),
            text,
        );
        x = label.right() + 14.0;
    }
    rect
}

/// "1st", "2nd", "3rd", "4th" …
pub fn rank_name(rank: usize) -> String {
    let suffix = match (rank % 10, rank % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{rank}{suffix} rank")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_names() {
        assert_eq!(rank_name(1), "1st rank");
        assert_eq!(rank_name(2), "2nd rank");
        assert_eq!(rank_name(3), "3rd rank");
        assert_eq!(rank_name(11), "11th rank");
        assert_eq!(rank_name(22), "22nd rank");
    }
}
