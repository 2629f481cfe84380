//! The memo's charts as SVG: the alternatives map, rank acceptability and the sensitivity of
//! the winner.

use super::{Memo, escape};
use crate::format::{label_lines, rank_rgb, status_rgb};

/// A label as SVG text: long names on two lines (see [`label_lines`]).
fn svg_label(x: f64, y: f64, size: f64, anchor: &str, text: &str) -> String {
    let mut s = format!(
        r##"<text x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{anchor}" fill="#222">"##
    );
    for (i, line) in label_lines(text).iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { size * 1.15 };
        push!(
            s,
            r#"<tspan x="{x:.1}" dy="{dy:.1}">{}</tspan>"#,
            escape(line)
        );
    }
    s.push_str("</text>");
    s
}

/// Where a map is drawn: the picture's size in SVG units and what it carries.
struct MapFrame<'t> {
    /// Width and height of the view box.
    w: f64,
    h: f64,
    /// A title across the top (a slide has one; the memo's section heading is its title).
    title: Option<&'t str>,
    /// Scales every text: a slide is read from the back of a room.
    text: f64,
}

/// The alternatives map as SVG for the memo: competitive quality across, risk up, bubble area
/// = resources, with its legend.
pub(super) fn map_svg(m: &Memo<'_>) -> String {
    map_chart(
        m.project,
        &m.analysis.evaluation,
        &MapFrame {
            w: 760.0,
            h: 440.0,
            title: None,
            text: 1.0,
        },
    )
}

/// The alternatives map for a slide (16:9): a title, axes with their ticks and titles, the
/// bubbles with their names and a legend, on white, `width` × `height` pixels wide (the
/// drawing scales; the size is what a program that places it, or [`crate::report`]'s PNG
/// raster, sees first).
pub fn map_slide_svg(
    project: &crate::model::Project,
    evaluation: &crate::analysis::decision::Evaluation,
    width: u32,
    height: u32,
) -> String {
    let title = format!("{}: the strategy alternatives", project.name);
    let svg = map_chart(
        project,
        evaluation,
        &MapFrame {
            w: 960.0,
            h: 540.0,
            title: Some(&title),
            text: 1.3,
        },
    );
    svg.replacen(
        r#"width="100%""#,
        &format!(r#"width="{width}" height="{height}""#),
        1,
    )
}

/// The longest map title on one line.
const MAP_TITLE_CHARS: usize = 75;

/// The map in a frame: see [`map_svg`] and [`map_slide_svg`].
fn map_chart(
    p: &crate::model::Project,
    evaluation: &crate::analysis::decision::Evaluation,
    frame: &MapFrame<'_>,
) -> String {
    let (w, h, k) = (frame.w, frame.h, frame.text);
    let legend_w = 190.0 * k;
    // Below the title, one line or two (see [`title_svg`]).
    let top = match frame.title {
        Some(t) if t.chars().count() > MAP_TITLE_CHARS => 70.0 * k,
        Some(_) => 48.0 * k,
        None => 14.0,
    };
    let (left, bottom, right) = (50.0 * k, 40.0 * k, legend_w + 14.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let x = |v: f64| left + (v + 0.5) / 11.0 * plot_w;
    let y = |v: f64| top + plot_h - (v + 0.5) / 11.0 * plot_h;
    let rate = p.day_rate_eur;
    let max_res = p
        .alternatives
        .iter()
        .map(|a| a.resources_eur(rate))
        .fold(0.0_f64, f64::max);
    let mut s = String::new();
    push!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="Alternatives map">"#
    );
    push!(s, r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##);
    if let Some(title) = frame.title {
        s.push_str(&title_svg(left, 30.0 * k, 18.0 * k, title, MAP_TITLE_CHARS));
    }
    push!(
        s,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#e8f4ec"/>"##,
        x(5.0),
        y(5.0),
        x(10.5) - x(5.0),
        y(-0.5) - y(5.0)
    );
    let tick = 11.0 * k;
    for v in 0..=10 {
        let v = f64::from(v);
        push!(
            s,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#ddd"/>"##,
            x(v),
            y(-0.5),
            x(v),
            y(10.5)
        );
        push!(
            s,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#ddd"/>"##,
            x(-0.5),
            y(v),
            x(10.5),
            y(v)
        );
        push!(
            s,
            r##"<text x="{}" y="{}" font-size="{tick:.1}" text-anchor="middle" fill="#555">{v}</text>"##,
            x(v),
            h - bottom + 16.0 * k
        );
        push!(
            s,
            r##"<text x="{}" y="{}" font-size="{tick:.1}" text-anchor="end" fill="#555">{v}</text>"##,
            left - 6.0,
            y(v) + 4.0 * k
        );
    }
    let axis = 12.0 * k;
    // The axes' titles with an arrow drawn after them (a drawn arrow, not "→": the fonts a
    // PNG is drawn with may lack the glyph).
    let centre = left + plot_w / 2.0;
    let base = h - 6.0 * k;
    push!(
        s,
        r##"<text x="{centre:.1}" y="{base:.1}" font-size="{axis:.1}" text-anchor="middle" fill="#333">Competitive quality</text>"##
    );
    // Half the title's width, estimated from its length.
    #[allow(clippy::cast_precision_loss)]
    let end = centre + "Competitive quality".len() as f64 * axis * 0.25 + 2.0 * k;
    s.push_str(&arrow(end, base - axis * 0.33, false, 16.0 * k));
    let middle = top + plot_h / 2.0;
    let side = 14.0 * k;
    push!(
        s,
        r##"<text x="{side:.1}" y="{middle:.1}" font-size="{axis:.1}" text-anchor="middle" fill="#333" transform="rotate(-90 {side:.1} {middle:.1})">Risk</text>"##
    );
    #[allow(clippy::cast_precision_loss)]
    let end = middle - "Risk".len() as f64 * axis * 0.25 - 2.0 * k;
    s.push_str(&arrow(side - axis * 0.33, end, true, 16.0 * k));
    let mut order: Vec<_> = p.alternatives.iter().collect();
    order.sort_by(|a, b| b.resources_eur(rate).total_cmp(&a.resources_eur(rate)));
    let mut labels: Vec<(f64, f64, f64)> = Vec::new();
    let name_size = 11.5 * k;
    for a in order {
        let r = if max_res > 0.0 {
            34.0 * k * (a.resources_eur(rate) / max_res).sqrt()
        } else {
            8.0
        }
        .max(8.0);
        // Not on the map until both its axes are assessed (the memo lists it as not assessed).
        let (Some(quality), Some(risk)) = (a.competitive_quality.get(), a.risk.get()) else {
            continue;
        };
        let (cx, cy) = (x(quality), y(risk));
        let dominated = evaluation.alternative(a.id).is_some_and(|r| !r.pareto);
        let opacity = if dominated { 0.25 } else { 0.6 };
        let color = status_rgb(a.status, false).hex();
        push!(
            s,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" fill="{color}" fill-opacity="{opacity}" stroke="{color}" stroke-width="1.5"/>"#
        );
        // Label above the bubble (two lines for long names), or below it if that spot is taken.
        #[allow(clippy::cast_precision_loss)]
        let lines = label_lines(&a.name).len() as f64;
        let longest = if lines > 1.0 {
            a.name.chars().count() / 2 + 2
        } else {
            a.name.chars().count()
        };
        let width = longest as f64 * 6.2 * k;
        let line = 13.0 * k;
        let above = cy - r - 6.0 - (lines - 1.0) * line;
        let below = cy + r + line + 1.0;
        let clashes = |ly: f64| {
            labels.iter().any(|(lx, ly2, lw)| {
                (ly - ly2).abs() < (line + 1.0) * lines && (cx - lx).abs() < (width + lw) / 2.0
            })
        };
        let ly = if clashes(above) { below } else { above };
        labels.push((cx, ly, width));
        // Kept inside the plot; a label wider than the plot is centred on it.
        let (lo, hi) = (left + width / 2.0, w - right - width / 2.0);
        let anchor_x = if lo <= hi {
            cx.clamp(lo, hi)
        } else {
            left + plot_w / 2.0
        };
        s.push_str(&svg_label(anchor_x, ly, name_size, "middle", &a.name));
    }
    s.push_str(&map_legend(p, w - legend_w, top, k));
    s.push_str("</svg>");
    s
}

/// An arrow from (`x`, `y`), `length` long, pointing right (or up, for `up`).
fn arrow(x: f64, y: f64, up: bool, length: f64) -> String {
    let (ux, uy) = if up { (0.0, -1.0) } else { (1.0, 0.0) };
    let (tx, ty) = (x + ux * length, y + uy * length);
    let head = length * 0.35;
    // The head's two corners, back from the tip and to either side.
    let (bx, by) = (tx - ux * head, ty - uy * head);
    let (px, py) = (-uy * head * 0.6, ux * head * 0.6);
    format!(
        r##"<g class="axis-arrow" stroke="#333" fill="#333"><line x1="{x:.1}" y1="{y:.1}" x2="{bx:.1}" y2="{by:.1}" stroke-width="1.5"/><polygon points="{tx:.1},{ty:.1} {:.1},{:.1} {:.1},{:.1}"/></g>"##,
        bx + px,
        by + py,
        bx - px,
        by - py
    )
}

/// The map's legend, in a column from (`x`, `y`): the statuses' colours, what fading, the
/// bubble's size and the green corner mean.
fn map_legend(p: &crate::model::Project, x: f64, y: f64, k: f64) -> String {
    use crate::model::{AlternativeStatus, Choice};
    let size = 11.5 * k;
    let step = 20.0 * k;
    let mut s = String::new();
    let mut row = y + 12.0 * k;
    push!(
        s,
        r##"<text x="{x:.1}" y="{row:.1}" font-size="{size:.1}" font-weight="bold" fill="#222">Legend</text>"##
    );
    for status in AlternativeStatus::ALL {
        row += step;
        let color = status_rgb(*status, false).hex();
        push!(
            s,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{color}" fill-opacity="0.6" stroke="{color}" stroke-width="1.5"/>"#,
            x + 7.0 * k,
            row - 4.0 * k,
            6.0 * k
        );
        push!(
            s,
            r##"<text x="{:.1}" y="{row:.1}" font-size="{size:.1}" fill="#222">{}</text>"##,
            x + 20.0 * k,
            escape(status.label())
        );
    }
    let notes = [
        "Faded: dominated by another".to_owned(),
        format!(
            "Bubble area: resources (budget + effort × EUR {} a day)",
            crate::format::group_thousands(p.day_rate_eur)
        ),
        "Green: the strong corner (quality ≥ 5, risk ≤ 5)".to_owned(),
    ];
    row += step * 0.5;
    for note in notes {
        for line in wrap_words(&note, 26) {
            row += step * 0.8;
            push!(
                s,
                r##"<text x="{x:.1}" y="{row:.1}" font-size="{:.1}" fill="#555">{}</text>"##,
                size * 0.9,
                escape(&line)
            );
        }
        row += step * 0.3;
    }
    s
}

/// A slide's title from (`x`, `y`): one line, or two where it is longer than about `chars`
/// characters (the second line lower, so the first stays where a one-line title is).
fn title_svg(x: f64, y: f64, size: f64, text: &str, chars: usize) -> String {
    let lines = if text.chars().count() > chars {
        wrap_words(text, text.chars().count().div_ceil(2) + 4)
    } else {
        vec![text.to_owned()]
    };
    let mut s = format!(r##"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" fill="#222">"##);
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { size * 1.2 };
        push!(
            s,
            r#"<tspan x="{x:.1}" dy="{dy:.1}">{}</tspan>"#,
            escape(line)
        );
    }
    s.push_str("</text>");
    s
}

/// `text` in lines of at most about `chars` characters, broken between words.
fn wrap_words(text: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The frame of a chart of rows (bars, bands): the memo's, 640 wide and as tall as its rows,
/// or a slide's, 960 × 540 with a margin at either side, the title on top and larger texts.
struct RowsFrame {
    slide: bool,
    /// Scales texts and marks.
    k: f64,
    /// The whole width, and the margin at either side on a slide.
    full_w: f64,
    margin: f64,
    /// The width inside the margins.
    w: f64,
    /// Where the first row starts, how tall each is, the whole height.
    top: f64,
    row: f64,
    h: f64,
    /// How many rows (at least one, for the arithmetic).
    rows: f64,
}

impl RowsFrame {
    /// The frame of `rows` rows: `row` is (the memo's row height, the most a slide's row
    /// takes), `bottom` (the memo's room under the rows, a slide's).
    fn new(rows: usize, title: Option<&str>, row: (f64, f64), bottom: (f64, f64)) -> Self {
        #[allow(clippy::cast_precision_loss)]
        let rows = rows.max(1) as f64;
        let slide = title.is_some();
        let k = if slide { 1.3 } else { 1.0 };
        let (full_w, margin) = if slide { (960.0, 36.0) } else { (640.0, 0.0) };
        let top = if slide { 66.0 * k } else { 0.0 };
        let bottom = if slide { bottom.1 * k } else { bottom.0 };
        let row = if slide {
            ((540.0 - top - bottom) / rows).min(row.1 * k)
        } else {
            row.0
        };
        let h = if slide { 540.0 } else { row * rows + bottom };
        Self {
            slide,
            k,
            full_w,
            margin,
            w: full_w - 2.0 * margin,
            top,
            row,
            h,
            rows,
        }
    }

    /// The SVG's start: on a slide the white ground, the margin and the title.
    fn open(&self, label: &str, title: Option<&str>) -> String {
        let (full_w, h) = (self.full_w, self.h);
        let mut s = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {full_w} {h}" width="100%" role="img" aria-label="{label}">"#
        );
        if let Some(title) = title {
            push!(
                s,
                r##"<rect width="{full_w}" height="{h}" fill="#ffffff"/>"##
            );
            push!(s, r#"<g transform="translate({} 0)">"#, self.margin);
            s.push_str(&title_svg(0.0, 28.0 * self.k, 17.0 * self.k, title, 70));
        }
        s
    }

    /// The SVG's end.
    fn close(&self, s: &mut String) {
        if self.slide {
            s.push_str("</g>");
        }
        s.push_str("</svg>");
    }
}

/// Rank acceptability as stacked bars, for the memo.
pub(super) fn acceptability_svg(m: &Memo<'_>) -> String {
    let r = m.robustness;
    let names: Vec<String> = r.alternatives.iter().map(|id| m.name(*id)).collect();
    acceptability_chart(&names, &r.acceptability, None)
}

/// Rank acceptability for a slide (16:9, on white): a title, a bar per alternative split by
/// the share of draws in which it took each rank, the share axis and the ranks' legend,
/// `width` × `height` pixels wide.
pub fn acceptability_slide_svg(
    project: &crate::model::Project,
    robustness: &crate::analysis::robustness::Robustness,
    width: u32,
    height: u32,
) -> String {
    let names: Vec<String> = robustness
        .alternatives
        .iter()
        .map(|id| {
            project
                .alternative(*id)
                .map_or_else(|| id.to_string(), |a| a.name.clone())
        })
        .collect();
    let title = format!(
        "How often does each alternative take each rank? ({} draws of the uncertain scores)",
        crate::format::group_thousands(f64::from(robustness.draws))
    );
    acceptability_chart(&names, &robustness.acceptability, Some(&title)).replacen(
        r#"width="100%""#,
        &format!(r#"width="{width}" height="{height}""#),
        1,
    )
}

/// The bars as SVG: for the memo (`title` none: as tall as its rows), or for a slide (960 ×
/// 540 units with the title, an axis title and the legend, the texts larger).
fn acceptability_chart(names: &[String], shares: &[Vec<f64>], title: Option<&str>) -> String {
    let n = names.len();
    let f = RowsFrame::new(n, title, (30.0, 56.0), (30.0, 60.0));
    let (slide, k, w, top, row, rows) = (f.slide, f.k, f.w, f.top, f.row, f.rows);
    let label_w = if slide { 0.3 * w } else { 230.0 };
    let size = 11.0 * k;
    let bar = row - 8.0 * k;
    let mut s = f.open("Rank acceptability", title);
    let color = |rank: usize| rank_rgb(rank, n, false).hex();
    for (i, (name, shares)) in names.iter().zip(shares).enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + row * i as f64;
        let middle = y + row / 2.0;
        let text_y = if label_lines(name).len() > 1 {
            middle - 2.0 * k
        } else {
            middle + 4.0 * k
        };
        s.push_str(&svg_label(0.0, text_y, size, "start", name));
        let mut x = label_w;
        for (rank, share) in shares.iter().enumerate() {
            let width = (w - label_w - 10.0) * share;
            if width <= 0.0 {
                continue;
            }
            push!(
                s,
                r#"<rect x="{x:.1}" y="{:.1}" width="{width:.1}" height="{bar:.1}" fill="{}"/>"#,
                middle - bar / 2.0,
                color(rank)
            );
            if width > 34.0 * k {
                let fill = if rank == 0 { "#fff" } else { "#111" };
                push!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" text-anchor="middle" fill="{fill}">{:.0} %</text>"#,
                    x + width / 2.0,
                    middle + 4.0 * k,
                    share * 100.0
                );
            }
            x += width;
        }
    }
    let mut y = top + row * rows + 10.0 * k;
    if slide {
        push!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="{:.1}" text-anchor="middle" fill="#333">Share of the draws in which the alternative took each rank</text>"##,
            label_w + (w - label_w) / 2.0,
            y + 8.0 * k,
            12.0 * k
        );
        y += 22.0 * k;
    }
    let mut x = label_w;
    for rank in 0..n.min(6) {
        push!(
            s,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{size:.1}" height="{size:.1}" fill="{}"/>"#,
            color(rank)
        );
        push!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" fill="#333">rank {}</text>"##,
            x + size * 1.4,
            y + size * 0.9,
            rank + 1
        );
        x += 70.0 * k;
    }
    f.close(&mut s);
    s
}

/// The sensitivity bands as SVG, for the memo.
pub(super) fn tornado_svg(m: &Memo<'_>) -> String {
    let rows: Vec<Band<'_>> = m
        .analysis
        .sensitivity
        .iter()
        .map(|t| Band {
            name: m.criterion_name(t.criterion),
            weight: t.weight,
            from: t.winner_stays_from,
            to: t.winner_stays_to,
        })
        .collect();
    tornado_chart(&rows, None)
}

/// The sensitivity of the winner for a slide (16:9, on white): a title, the bands per
/// criterion, the weight axis with its title and a legend, `width` × `height` pixels wide.
pub fn sensitivity_slide_svg(
    project: &crate::model::Project,
    sensitivity: &[crate::analysis::sensitivity::RankReversal],
    winner: &str,
    width: u32,
    height: u32,
) -> String {
    let rows: Vec<Band<'_>> = sensitivity
        .iter()
        .map(|t| Band {
            name: project
                .decision
                .criterion(t.criterion)
                .map_or("", |c| c.name.as_str()),
            weight: t.weight,
            from: t.winner_stays_from,
            to: t.winner_stays_to,
        })
        .collect();
    let title = format!("How far may each weight move before “{winner}” is no longer first?");
    let svg = tornado_chart(&rows, Some(&title));
    svg.replacen(
        r#"width="100%""#,
        &format!(r#"width="{width}" height="{height}""#),
        1,
    )
}

/// One criterion's band: the weights over which the winner stays first.
struct Band<'n> {
    name: &'n str,
    weight: f64,
    from: f64,
    to: f64,
}

/// The bands as SVG: for the memo (`title` none: as tall as its rows), or for a slide (960 ×
/// 540 units with the title, an axis title and a legend, the texts larger).
fn tornado_chart(rows: &[Band<'_>], title: Option<&str>) -> String {
    let f = RowsFrame::new(rows.len(), title, (26.0, 48.0), (24.0, 64.0));
    let (slide, k, w, top, row, n) = (f.slide, f.k, f.w, f.top, f.row, f.rows);
    let label_w = if slide { 0.32 * w } else { 190.0 };
    let track = w - label_w - 20.0 * k;
    let bar = 14.0 * k;
    let mut s = f.open("Sensitivity of the winner", title);
    for (i, t) in rows.iter().enumerate() {
        let y = top + row * i as f64;
        let middle = y + row / 2.0;
        s.push_str(&svg_label(0.0, middle + 4.0 * k, 11.5 * k, "start", t.name));
        push!(
            s,
            r##"<rect x="{label_w:.1}" y="{:.1}" width="{track:.1}" height="{bar:.1}" fill="#f2d0cc"/>"##,
            middle - bar / 2.0
        );
        push!(
            s,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{bar:.1}" fill="#7cc08f"/>"##,
            label_w + track * t.from,
            middle - bar / 2.0,
            track * (t.to - t.from)
        );
        let wx = label_w + track * t.weight;
        push!(
            s,
            r##"<line x1="{wx:.1}" y1="{:.1}" x2="{wx:.1}" y2="{:.1}" stroke="#111" stroke-width="3"/>"##,
            middle - bar / 2.0 - 4.0 * k,
            middle + bar / 2.0 + 4.0 * k
        );
    }
    let ticks_y = top + row * n + 16.0 * k;
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        push!(
            s,
            r##"<text x="{:.1}" y="{ticks_y:.1}" font-size="{:.1}" text-anchor="middle" fill="#555">{tick:.2}</text>"##,
            label_w + track * tick,
            10.5 * k
        );
    }
    if slide {
        push!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="{:.1}" text-anchor="middle" fill="#333">Weight of the criterion (the others keep their proportions)</text>"##,
            label_w + track / 2.0,
            ticks_y + 20.0 * k,
            12.0 * k
        );
        let y = ticks_y + 40.0 * k;
        let size = 11.0 * k;
        let mut x = 0.0;
        for (fill, text) in [
            ("#7cc08f", "the winner stays first"),
            ("#f2d0cc", "another alternative leads"),
            ("#111111", "today's weight"),
        ] {
            push!(
                s,
                r#"<rect x="{x:.1}" y="{:.1}" width="{size:.1}" height="{size:.1}" fill="{fill}"/>"#,
                y - size
            );
            push!(
                s,
                r##"<text x="{:.1}" y="{y:.1}" font-size="{size:.1}" fill="#333">{text}</text>"##,
                x + size * 1.4
            );
            x += size * 1.4 + text.len() as f64 * size * 0.52 + 24.0 * k;
        }
    }
    f.close(&mut s);
    s
}

/// A KPI's chart for a slide (16:9, on white): a title with the health in words, the planned
/// path through the milestones to the target, the actuals in the health's colour, today, the
/// time and value axes with their ticks, and a legend; `width` × `height` pixels wide.
pub fn kpi_slide_svg(
    kpi: &crate::model::Kpi,
    health: &crate::analysis::kpi::KpiHealth,
    today: crate::model::Date,
    width: u32,
    height: u32,
) -> String {
    #[allow(clippy::cast_precision_loss)]
    let day = |d: crate::model::Date| d.days_since_epoch() as f64;
    let k = 1.3;
    let (w, h, margin) = (960.0, 540.0, 36.0);
    let (left, right, top, bottom) = (
        margin + 60.0 * k,
        w - margin - 150.0 * k,
        70.0 * k,
        h - 50.0 * k,
    );
    let path = kpi.planned_path();
    let mut days: Vec<f64> = path.iter().map(|(d, _)| day(*d)).collect();
    days.extend(kpi.actuals.iter().map(|a| day(a.0)));
    days.push(day(today));
    let mut values: Vec<f64> = path.iter().map(|(_, v)| *v).collect();
    values.extend(kpi.actuals.iter().map(|a| a.1));
    let (d0, d1) = (
        days.iter().copied().fold(f64::INFINITY, f64::min),
        days.iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max)
            .max(days[0] + 1.0),
    );
    let (lo, hi) = nice_range(
        values.iter().copied().fold(f64::INFINITY, f64::min),
        values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let x = |d: f64| left + (d - d0) / (d1 - d0) * (right - left);
    let y = |v: f64| bottom - (v - lo) / (hi - lo) * (bottom - top);
    let level = health.health.level();
    let actual_color = level.map_or_else(
        || "#777777".to_owned(),
        |l| crate::format::signal_rgb(l, false).hex(),
    );
    let mut s = String::new();
    push!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{width}" height="{height}" role="img" aria-label="KPI chart">"#
    );
    push!(s, r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##);
    let unit = if kpi.unit.is_empty() {
        String::new()
    } else {
        format!(" ({})", kpi.unit)
    };
    let title = format!(
        "{}{unit}: {}, {}",
        kpi.name,
        health.health.label().to_lowercase(),
        health.words()
    );
    s.push_str(&title_svg(margin, 28.0 * k, 17.0 * k, &title, 70));
    // The value axis: five steps, gridlines, numbers as the KPI's unit calls for.
    let tick = 11.0 * k;
    for i in 0..=5 {
        let v = lo + (hi - lo) * f64::from(i) / 5.0;
        push!(
            s,
            r##"<line x1="{left:.1}" y1="{0:.1}" x2="{right:.1}" y2="{0:.1}" stroke="#e2e2e2"/>"##,
            y(v)
        );
        push!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="{tick:.1}" text-anchor="end" fill="#555">{}</text>"##,
            left - 8.0,
            y(v) + 4.0 * k,
            escape(&crate::analysis::kpi::value_text(kpi, v))
        );
    }
    // The time axis: the first of each month, labelled every few months.
    let months = ((d1 - d0) / 30.4).ceil().max(1.0);
    let every = (months / 6.0).ceil().max(1.0) as i32;
    let mut month = crate::model::Date::from_days_since_epoch(d0 as i64)
        .unwrap_or(today)
        .end_of_month_after(0)
        .add_days(1);
    let mut n = 0;
    // At most a century of months (dates end at 9999-12-31, where the next month is no later).
    while day(month) <= d1 && n < 1200 {
        let mx = x(day(month));
        push!(
            s,
            r##"<line x1="{mx:.1}" y1="{top:.1}" x2="{mx:.1}" y2="{bottom:.1}" stroke="#f0f0f0"/>"##
        );
        if n % every == 0 {
            push!(
                s,
                r##"<text x="{mx:.1}" y="{:.1}" font-size="{tick:.1}" text-anchor="middle" fill="#555">{}-{:02}</text>"##,
                bottom + 18.0 * k,
                month.year(),
                month.month()
            );
        }
        n += 1;
        let next = month.end_of_month_after(0).add_days(1);
        if next <= month {
            break;
        }
        month = next;
    }
    push!(
        s,
        r##"<line x1="{left:.1}" y1="{bottom:.1}" x2="{right:.1}" y2="{bottom:.1}" stroke="#888"/>"##
    );
    // Today.
    let tx = x(day(today));
    push!(
        s,
        r##"<line x1="{tx:.1}" y1="{top:.1}" x2="{tx:.1}" y2="{bottom:.1}" stroke="#888" stroke-dasharray="3 4"/>"##
    );
    // The planned path, the target, the actuals.
    let points = |list: &[(f64, f64)]| {
        list.iter()
            .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(*v)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let planned: Vec<(f64, f64)> = path.iter().map(|(d, v)| (day(*d), *v)).collect();
    push!(
        s,
        r##"<polyline points="{}" fill="none" stroke="#888" stroke-width="2" stroke-dasharray="8 6"/>"##,
        points(&planned)
    );
    push!(
        s,
        r##"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="#555" stroke-width="2"/>"##,
        x(day(kpi.target_date)),
        y(kpi.target),
        7.0 * k
    );
    let mut actuals: Vec<(f64, f64)> = kpi.actuals.iter().map(|a| (day(a.0), a.1)).collect();
    actuals.sort_by(|a, b| a.0.total_cmp(&b.0));
    push!(
        s,
        r#"<polyline points="{}" fill="none" stroke="{actual_color}" stroke-width="3"/>"#,
        points(&actuals)
    );
    for (d, v) in &actuals {
        push!(
            s,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{actual_color}"/>"#,
            x(*d),
            y(*v),
            4.5 * k
        );
    }
    // The legend, at the right.
    let lx = right + 24.0 * k;
    let mut ly = top + 10.0 * k;
    let size = 11.5 * k;
    let legend = [
        (format!(r#"<circle cx="{{x}}" cy="{{y}}" r="{:.1}" fill="{actual_color}"/>"#, 5.0 * k), "Actuals"),
        (r##"<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="#888" stroke-width="2" stroke-dasharray="6 4"/>"##.to_owned(), "Planned path"),
        (format!(r##"<circle cx="{{x}}" cy="{{y}}" r="{:.1}" fill="none" stroke="#555" stroke-width="2"/>"##, 6.0 * k), "Target"),
        (r##"<line x1="{x}" y1="{y0}" x2="{x}" y2="{y1}" stroke="#888" stroke-dasharray="3 4"/>"##.to_owned(), "Today"),
    ];
    for (mark, text) in legend {
        let (cx, cy) = (lx + 8.0 * k, ly - 4.0 * k);
        s.push_str(
            &mark
                .replace("{x}", &format!("{cx:.1}"))
                .replace("{y}", &format!("{cy:.1}"))
                .replace("{x0}", &format!("{:.1}", cx - 10.0 * k))
                .replace("{x1}", &format!("{:.1}", cx + 10.0 * k))
                .replace("{y0}", &format!("{:.1}", cy - 8.0 * k))
                .replace("{y1}", &format!("{:.1}", cy + 8.0 * k)),
        );
        push!(
            s,
            r##"<text x="{:.1}" y="{ly:.1}" font-size="{size:.1}" fill="#222">{text}</text>"##,
            lx + 24.0 * k
        );
        ly += 24.0 * k;
    }
    s.push_str("</svg>");
    s
}

/// A value range that starts and ends on round numbers around `lo`..`hi` (with room when
/// they are equal), for five ticks.
fn nice_range(lo: f64, hi: f64) -> (f64, f64) {
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let (lo, hi) = if (hi - lo).abs() < f64::EPSILON {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    // The smallest round step whose five steps, from a multiple of it, cover lo..hi.
    let steps = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0];
    for m in steps {
        let step = m * magnitude;
        let start = (lo / step).floor() * step;
        if start + 5.0 * step >= hi - 1e-9 {
            return (start, start + 5.0 * step);
        }
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::nice_range;

    #[test]
    fn value_ranges_are_round_and_cover_the_values() {
        assert_eq!(nice_range(80.0, 2500.0), (0.0, 2500.0));
        assert_eq!(nice_range(130.0, 2600.0), (0.0, 5000.0));
        assert_eq!(nice_range(7.0, 9.5), (7.0, 9.5));
        assert_eq!(nice_range(4.0, 4.0), (3.0, 5.5));
        for (lo, hi) in [(0.3, 0.71), (-12.0, 40.0), (884.0, 890.0), (1e6, 1.2e6)] {
            let (a, b) = nice_range(lo, hi);
            assert!(a <= lo && b >= hi, "{lo}..{hi} in {a}..{b}");
        }
    }
}
