//! A QR code drawn with egui: dark modules on white with the quiet zone the standard asks for,
//! whatever the theme (phones' cameras read dark on light best).

use egui::{Color32, Rect, Sense, Vec2};

/// The modules around the code that must stay light (the standard's quiet zone).
const QUIET: usize = 4;

/// A QR code's modules, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side.
    width: usize,
    /// Row by row, `true` for dark.
    dark: Vec<bool>,
    /// What the code says (its accessible name and hover text).
    text: String,
}

impl QrMatrix {
    /// The code for `text` (a URL), with medium error correction; `None` if it does not fit
    /// in a QR code (thousands of characters).
    pub fn new(text: &str) -> Option<Self> {
        let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Some(Self {
            width: code.width(),
            dark,
            text: text.to_owned(),
        })
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at (column, row) is dark.
    pub fn is_dark(&self, column: usize, row: usize) -> bool {
        column < self.width && row < self.width && self.dark[row * self.width + column]
    }

    /// Draws the code as a square of `side` points (or less, to keep whole pixels per
    /// module), centred in the space given.
    pub fn show(&self, ui: &mut egui::Ui, side: f32) -> egui::Response {
        let modules = self.width + 2 * QUIET;
        let pixels = ui.ctx().pixels_per_point();
        // Whole physical pixels per module: blurred edges scan badly.
        let module = ((side * pixels / modules as f32).floor().max(1.0)) / pixels;
        let size = Vec2::splat(module * modules as f32);
        let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
        if ui.is_rect_visible(rect) {
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, 0.0, Color32::WHITE);
            for row in 0..self.width {
                let mut column = 0;
                while column < self.width {
                    if !self.is_dark(column, row) {
                        column += 1;
                        continue;
                    }
                    // One rectangle per run of dark modules: fewer shapes to paint.
                    let start = column;
                    while column < self.width && self.is_dark(column, row) {
                        column += 1;
                    }
                    let min = rect.min
                        + Vec2::new(
                            (start + QUIET) as f32 * module,
                            (row + QUIET) as f32 * module,
                        );
                    let run = Rect::from_min_size(
                        min,
                        Vec2::new((column - start) as f32 * module, module),
                    );
                    painter.rect_filled(run, 0.0, Color32::BLACK);
                }
            }
        }
        let text = self.text.clone();
        response.widget_info(move || {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Image,
                true,
                format!("QR code: {text}"),
            )
        });
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_url_fits_and_has_the_three_finder_patterns() {
        let url = "http://192.168.178.20:38417/r/0123456789abcdef0123456789abcdef/";
        let qr = QrMatrix::new(url).expect("fits");
        assert!(qr.width() >= 21 && qr.width() <= 45, "{}", qr.width());
        let w = qr.width();
        // Each finder pattern's corner is dark, and the module inside its white ring is light.
        for (c, r) in [(0, 0), (w - 7, 0), (0, w - 7)] {
            assert!(qr.is_dark(c, r));
            assert!(!qr.is_dark(c + 1, r + 1));
            assert!(qr.is_dark(c + 3, r + 3), "the centre block");
        }
        assert!(!qr.is_dark(w, 0), "outside");
        assert!(QrMatrix::new(&"x".repeat(5_000)).is_none());
    }
}
