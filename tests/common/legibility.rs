//! What a person cannot read: text the frame elided ("Compe…") or drew partly outside the area
//! it is clipped to (cut at a pane's or column's edge). Found by walking the shapes of the last
//! frame, so it sees what was painted, not what the widgets meant to show.

use egui::epaint::Shape;
use egui::{FullOutput, Rect};

/// A text a person cannot read whole.
#[derive(Clone, Debug, PartialEq)]
pub struct CutText {
    /// The text as laid out (before eliding).
    pub text: String,
    /// Where it was painted.
    pub rect: Rect,
    /// The area it is clipped to.
    pub clip: Rect,
    /// Whether the layout cut it short with "…".
    pub elided: bool,
    /// Whether its left or right edge lies outside the clip area (a row half scrolled out at
    /// the top or bottom of a scroll area is normal and not counted).
    pub cut_sideways: bool,
}

/// Points of slack: anti-aliasing and rounding put glyph edges a fraction over the line.
const SLACK: f32 = 1.0;

fn walk(shape: &Shape, clip: Rect, out: &mut Vec<CutText>) {
    match shape {
        Shape::Vec(shapes) => {
            for s in shapes {
                walk(s, clip, out);
            }
        }
        Shape::Text(text) => {
            let galley = &text.galley;
            let painted = galley.rect.translate(text.pos.to_vec2());
            let content = galley.text().trim();
            if content.is_empty() || !painted.intersects(clip) {
                // Nothing to read, or wholly scrolled out of view.
                return;
            }
            let cut_sideways =
                painted.left() < clip.left() - SLACK || painted.right() > clip.right() + SLACK;
            if galley.elided || cut_sideways {
                out.push(CutText {
                    text: galley.job.text.clone(),
                    rect: painted,
                    clip,
                    elided: galley.elided,
                    cut_sideways,
                });
            }
        }
        _ => {}
    }
}

/// Every text of `output` that is elided or cut at the side of its clip area.
pub fn cut_texts(output: &FullOutput) -> Vec<CutText> {
    let mut out = Vec::new();
    for clipped in &output.shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}
