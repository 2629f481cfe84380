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

/// The alternatives map as SVG: competitive quality across, risk up, bubble area = resources.
pub(super) fn map_svg(m: &Memo<'_>) -> String {
    let p = m.project;
    let (w, h, left, bottom, top, right) = (640.0, 440.0, 50.0, 40.0, 14.0, 14.0);
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
    push!(
        s,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#e8f4ec"/>"##,
        x(5.0),
        y(5.0),
        x(10.5) - x(5.0),
        y(-0.5) - y(5.0)
    );
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
            r##"<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#555">{v}</text>"##,
            x(v),
            h - bottom + 16.0
        );
        push!(
            s,
            r##"<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#555">{v}</text>"##,
            left - 6.0,
            y(v) + 4.0
        );
    }
    push!(
        s,
        r##"<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="#333">Competitive quality →</text>"##,
        left + plot_w / 2.0,
        h - 6.0
    );
    push!(
        s,
        r##"<text x="14" y="{}" font-size="12" text-anchor="middle" fill="#333" transform="rotate(-90 14 {})">Risk →</text>"##,
        top + plot_h / 2.0,
        top + plot_h / 2.0
    );
    let mut order: Vec<_> = p.alternatives.iter().collect();
    order.sort_by(|a, b| b.resources_eur(rate).total_cmp(&a.resources_eur(rate)));
    let mut labels: Vec<(f64, f64, f64)> = Vec::new();
    for a in order {
        let r = if max_res > 0.0 {
            34.0 * (a.resources_eur(rate) / max_res).sqrt()
        } else {
            8.0
        }
        .max(8.0);
        // Not on the map until both its axes are assessed (the memo lists it as not assessed).
        let (Some(quality), Some(risk)) = (a.competitive_quality.get(), a.risk.get()) else {
            continue;
        };
        let (cx, cy) = (x(quality), y(risk));
        let dominated = m
            .analysis
            .evaluation
            .alternative(a.id)
            .is_some_and(|r| !r.pareto);
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
        let width = longest as f64 * 6.2;
        let above = cy - r - 6.0 - (lines - 1.0) * 13.0;
        let below = cy + r + 14.0;
        let clashes = |ly: f64| {
            labels.iter().any(|(lx, ly2, lw)| {
                (ly - ly2).abs() < 14.0 * lines && (cx - lx).abs() < (width + lw) / 2.0
            })
        };
        let ly = if clashes(above) { below } else { above };
        labels.push((cx, ly, width));
        let anchor_x = cx.clamp(left + width / 2.0, w - right - width / 2.0);
        s.push_str(&svg_label(anchor_x, ly, 11.5, "middle", &a.name));
    }
    s.push_str("</svg>");
    s
}

/// Rank acceptability as stacked bars.
pub(super) fn acceptability_svg(m: &Memo<'_>) -> String {
    let r = m.robustness;
    let n = r.alternatives.len();
    let (w, row, label_w) = (640.0, 30.0, 230.0);
    let h = row * n as f64 + 30.0;
    let mut s = String::new();
    push!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="Rank acceptability">"#
    );
    let color = |rank: usize| rank_rgb(rank, n, false).hex();
    for (i, (id, shares)) in r.alternatives.iter().zip(&r.acceptability).enumerate() {
        let y = row * i as f64;
        let name = m.name(*id);
        let text_y = if label_lines(&name).len() > 1 {
            y + 11.0
        } else {
            y + 18.0
        };
        s.push_str(&svg_label(0.0, text_y, 11.0, "start", &name));
        let mut x = label_w;
        for (rank, share) in shares.iter().enumerate() {
            let width = (w - label_w - 10.0) * share;
            if width <= 0.0 {
                continue;
            }
            push!(
                s,
                r#"<rect x="{x:.1}" y="{:.1}" width="{width:.1}" height="{:.1}" fill="{}"/>"#,
                y + 4.0,
                row - 8.0,
                color(rank)
            );
            if width > 34.0 {
                let fill = if rank == 0 { "#fff" } else { "#111" };
                push!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="{fill}">{:.0} %</text>"#,
                    x + width / 2.0,
                    y + 17.0,
                    share * 100.0
                );
            }
            x += width;
        }
    }
    let mut x = label_w;
    for rank in 0..n.min(6) {
        let y = row * n as f64 + 10.0;
        push!(
            s,
            r#"<rect x="{x:.1}" y="{y:.1}" width="11" height="11" fill="{}"/>"#,
            color(rank)
        );
        push!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#333">rank {}</text>"##,
            x + 15.0,
            y + 10.0,
            rank + 1
        );
        x += 70.0;
    }
    s.push_str("</svg>");
    s
}

/// The sensitivity bands as SVG.
pub(super) fn tornado_svg(m: &Memo<'_>) -> String {
    let (w, row, label_w) = (640.0, 26.0, 190.0);
    let n = m.analysis.sensitivity.len();
    let h = row * n as f64 + 24.0;
    let track = w - label_w - 20.0;
    let mut s = String::new();
    push!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="Sensitivity of the winner">"#
    );
    for (i, t) in m.analysis.sensitivity.iter().enumerate() {
        let y = row * i as f64;
        let name = m.criterion_name(t.criterion);
        push!(
            s,
            r##"<text x="0" y="{:.1}" font-size="11.5" fill="#222">{}</text>"##,
            y + 17.0,
            escape(name)
        );
        push!(
            s,
            r##"<rect x="{label_w}" y="{:.1}" width="{track:.1}" height="14" fill="#f2d0cc"/>"##,
            y + 6.0
        );
        push!(
            s,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="14" fill="#7cc08f"/>"##,
            label_w + track * t.winner_stays_from,
            y + 6.0,
            track * (t.winner_stays_to - t.winner_stays_from)
        );
        let wx = label_w + track * t.weight;
        push!(
            s,
            r##"<line x1="{wx:.1}" y1="{:.1}" x2="{wx:.1}" y2="{:.1}" stroke="#111" stroke-width="3"/>"##,
            y + 2.0,
            y + 24.0
        );
    }
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        push!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="10.5" text-anchor="middle" fill="#555">{tick:.2}</text>"##,
            label_w + track * tick,
            h - 4.0
        );
    }
    s.push_str("</svg>");
    s
}
