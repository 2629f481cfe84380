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

/// A text painted in the frame, where, and the area it is clipped to.
#[derive(Clone, Debug, PartialEq)]
pub struct PaintedText {
    /// The text as laid out (before eliding).
    pub text: String,
    /// Where it was painted.
    pub rect: Rect,
    /// The area it is clipped to.
    pub clip: Rect,
    /// Whether the layout cut it short with "…".
    pub elided: bool,
}

fn walk(shape: &Shape, clip: Rect, out: &mut Vec<PaintedText>) {
    match shape {
        Shape::Vec(shapes) => {
            for s in shapes {
                walk(s, clip, out);
            }
        }
        Shape::Text(text) => {
            let galley = &text.galley;
            let painted = galley.rect.translate(text.pos.to_vec2());
            // Nothing to read, or wholly scrolled out of view.
            if !galley.text().trim().is_empty() && painted.intersects(clip) {
                out.push(PaintedText {
                    text: galley.job.text.clone(),
                    rect: painted,
                    clip,
                    elided: galley.elided,
                });
            }
        }
        _ => {}
    }
}

/// Every text of `output` a person can see at least part of.
pub fn painted_texts(output: &FullOutput) -> Vec<PaintedText> {
    let mut out = Vec::new();
    for clipped in &output.shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}

/// Every text of `output` that is elided or cut at the side of its clip area.
pub fn cut_texts(output: &FullOutput) -> Vec<CutText> {
    painted_texts(output)
        .into_iter()
        .filter_map(|t| {
            let cut_sideways =
                t.rect.left() < t.clip.left() - SLACK || t.rect.right() > t.clip.right() + SLACK;
            (t.elided || cut_sideways).then_some(CutText {
                text: t.text,
                rect: t.rect,
                clip: t.clip,
                elided: t.elided,
                cut_sideways,
            })
        })
        .collect()
}

/// The cuts a person cannot undo: `cut` without the texts cut only at the left or right edge
/// of an area that scrolls sideways with its bar shown (`sideways`, from
/// `pbsm::app::widgets::sideways_views`), where scrolling shows them whole.
pub fn beyond_reach(cut: Vec<CutText>, sideways: &[Rect]) -> Vec<CutText> {
    // A scroll area clips a few points outside its viewport (egui's clip margin).
    const MARGIN: f32 = 4.0;
    cut.into_iter()
        .filter(|c| {
            let scrolled = !c.elided
                && sideways.iter().any(|v| {
                    // Sideways, the area clips at its own edges; up and down, at its parent's.
                    let (x, y) = (v.expand(MARGIN).x_range(), v.y_range());
                    x.contains(c.clip.left())
                        && x.contains(c.clip.right())
                        && y.intersects(c.rect.y_range())
                        && c.rect.width() <= v.width()
                        && (c.rect.left() < v.left() - SLACK || c.rect.right() > v.right() + SLACK)
                });
            !scrolled
        })
        .collect()
}
