//! The decision memo: one self-contained HTML file (opens offline, prints on A4, charts as
//! embedded SVG) or a Markdown file, with everything a decision needs: summary, alternatives with
//! scores and ranks, the map, rank acceptability, sensitivity, KPIs with health, assumptions,
//! traceability and the strategy check.
//!
//! The HTML is written well-formed (every element closed, everything escaped) so it also parses
//! as XML.

use crate::analysis::assumptions::{self, effective_status};
use crate::analysis::check::{self, Coverage};
use crate::analysis::decision::{Evaluation, NORMALIZATION_NOTE, evaluate};
use crate::analysis::kpi::{self, Health};
use crate::analysis::robustness::{self, Robustness};
use crate::analysis::sensitivity::{self, CloseCall, RankReversal};
use crate::analysis::trace;
use crate::model::{AlternativeId, AssumptionStatus, Choice, Date, Project};

/// An alternative's row of the memo's table, as plain text cells: its raw values (EUR for
/// resources), and who dominates it.
fn alternative_cells(
    m: &Memo<'_>,
    a: &crate::analysis::decision::AlternativeResult,
) -> (Vec<String>, String) {
    let values = a
        .raw
        .iter()
        .zip(&m.project.decision.criteria)
        .map(|(raw, c)| {
            if c.measure.is_score() {
                format!("{raw:.1}")
            } else {
                eur(*raw)
            }
        })
        .collect();
    let dominated: Vec<String> = a.dominated_by.iter().map(|id| m.name(*id)).collect();
    let dominated = if dominated.is_empty() {
        "—".to_owned()
    } else {
        dominated.join(", ")
    };
    (values, dominated)
}

/// Everything the memo shows, computed once.
struct Memo<'a> {
    project: &'a Project,
    today: Date,
    evaluation: Evaluation,
    robustness: Robustness,
    thresholds: Vec<RankReversal>,
    close_call: Option<CloseCall>,
    check: Option<check::StrategyCheck>,
}

/// A voting round as the memo shows it, in HTML or Markdown alike.
struct VoteTally<'a> {
    round: &'a crate::model::VotingRound,
    /// "21 of 21 dots placed by 7 participants (3 each), on strategy alternatives."
    summary: String,
    /// Item name, dots, share of the dots placed, the analysis' rank ("—" for options).
    rows: Vec<(String, u32, String, String)>,
}

impl<'a> Memo<'a> {
    /// The memo's numbers; `robustness` is the Monte Carlo result if the caller has one for
    /// this project already (the window has), else it is run here.
    fn new(project: &'a Project, today: Date, robustness: Option<Robustness>) -> Self {
        Self {
            project,
            today,
            evaluation: evaluate(project),
            robustness: robustness.unwrap_or_else(|| robustness::for_project(project)),
            thresholds: sensitivity::thresholds(project),
            close_call: sensitivity::close_call(project),
            check: check::focus(project).and_then(|id| check::check(project, id)),
        }
    }

    /// The voting rounds, oldest first, each with its items by dots (most first; on rounds
    /// over many items only those with dots) and the analysis' rank of alternatives.
    fn votes(&self) -> Vec<VoteTally<'a>> {
        use crate::model::VoteTarget;
        let mut rounds: Vec<&crate::model::VotingRound> = self.project.votes.iter().collect();
        rounds.sort_by_key(|r| r.date);
        rounds
            .into_iter()
            .map(|round| {
                let targets = round.targets(self.project);
                let counts = round.counts(&targets);
                let rows: Vec<(String, u32, Option<usize>)> =
                    crate::model::voting::tally_order(&counts)
                        .into_iter()
                        .map(|i| {
                            let (target, name) = &targets[i];
                            let rank = match target {
                                VoteTarget::Alternative(id) => {
                                    self.evaluation.alternative(*id).map(|r| r.rank)
                                }
                                VoteTarget::Option(_) => None,
                            };
                            (name.clone(), counts[i], rank)
                        })
                        .collect();
                let placed = round.total();
                VoteTally {
                    round,
                    summary: format!(
                        "{placed} of {} dots placed by {} participants ({} each), on {}.",
                        round.dots_each * round.ballots.len() as u32,
                        round.ballots.len(),
                        round.dots_each,
                        round.subject.label().to_lowercase()
                    ),
                    rows: rows
                        .into_iter()
                        .map(|(name, dots, rank)| {
                            let share = f64::from(dots) * 100.0 / f64::from(placed.max(1));
                            let rank = rank.map_or_else(|| "—".to_owned(), |r| r.to_string());
                            (name, dots, format!("{share:.0} %"), rank)
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn name(&self, id: AlternativeId) -> String {
        self.project
            .alternative(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    }

    fn summary_lines(&self) -> Vec<String> {
        let p = self.project;
        let mut lines = Vec::new();
        if let Some(chosen) = p
            .alternatives
            .iter()
            .find(|a| a.status == crate::model::AlternativeStatus::Chosen)
        {
            lines.push(format!("Chosen alternative: {}.", chosen.name));
        }
        let ranked = self.evaluation.ranked();
        if let (Some(first), Some(second)) = (ranked.first(), ranked.get(1)) {
            lines.push(format!(
                "Ranked first with the current weights: {} (total {:.2}), ahead of {} ({:.2}).",
                first.name, first.total, second.name, second.total
            ));
        }
        if let Some(cc) = &self.close_call {
            if cc.is_close() {
                let mut l = format!(
                    "Close call: the lead is {:.1} % of the winner's total.",
                    cc.lead * 100.0
                );
                if let Some((a, k, d)) = cc.flip {
                    let criterion = p
                        .decision
                        .criterion(k)
                        .map_or("a criterion", |c| c.name.as_str());
                    push!(
                        l,
                        " Changing {}'s {} by {d:+} changes the winner.",
                        self.name(a),
                        criterion.to_lowercase()
                    );
                }
                lines.push(l);
            } else {
                lines.push(format!("The lead is {:.0} % of the winner's total; no one-point change of a score changes the winner.", cc.lead * 100.0));
            }
        }
        if let Some(winner) = self.evaluation.winner()
            && let Some(acc) = self.robustness.of(winner.id)
            && let Some(first) = acc.first()
        {
            lines.push(format!(
                "Under uncertainty ({} draws), {} ranks first in {:.0} % of the draws.",
                grouped(self.robustness.draws),
                winner.name,
                first * 100.0
            ));
        }
        let warnings = assumptions::warnings(p, self.today);
        if !warnings.is_empty() {
            lines.push(format!(
                "{} warning(s) from strategy management: see KPIs and assumptions.",
                warnings.len()
            ));
        }
        if let Some(c) = &self.check {
            lines.push(format!(
                "Strategy check of {}: {} / 100.",
                self.name(c.alternative),
                c.score
            ));
        }
        lines
    }
}

/// Escapes text for HTML and XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn grouped(value: u32) -> String {
    eur(f64::from(value)).trim_start_matches("EUR ").to_owned()
}

fn eur(value: f64) -> String {
    let rounded = format!("{:.0}", value.round().abs());
    let mut grouped = String::new();
    for (i, c) in rounded.chars().enumerate() {
        if i > 0 && (rounded.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("EUR {grouped}")
}

fn status_color(status: crate::model::AlternativeStatus) -> &'static str {
    match status {
        crate::model::AlternativeStatus::Chosen => "#1e8c46",
        crate::model::AlternativeStatus::DecisionReady => "#2864c8",
        crate::model::AlternativeStatus::Draft => "#c88214",
        crate::model::AlternativeStatus::Rejected => "#8c8c8c",
    }
}

/// A label as SVG text: long names on two lines (broken at the space nearest the middle).
fn svg_label(x: f64, y: f64, size: f64, anchor: &str, text: &str) -> String {
    let chars = text.chars().count();
    let lines: Vec<String> = if chars > 26 {
        let middle = chars / 2;
        let split = text
            .char_indices()
            .enumerate()
            .filter(|(_, (_, c))| *c == ' ')
            .min_by_key(|(n, _)| n.abs_diff(middle))
            .map(|(_, (byte, _))| byte);
        match split {
            Some(b) => vec![text[..b].to_owned(), text[b + 1..].to_owned()],
            None => vec![text.to_owned()],
        }
    } else {
        vec![text.to_owned()]
    };
    let mut s = format!(
        r##"<text x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{anchor}" fill="#222">"##
    );
    for (i, line) in lines.iter().enumerate() {
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

/// The height of a label from [`svg_label`], in lines.
fn label_lines(text: &str) -> f64 {
    if text.chars().count() > 26 && text.contains(' ') {
        2.0
    } else {
        1.0
    }
}

/// The alternatives map as SVG: competitive quality across, risk up, bubble area = resources.
fn map_svg(m: &Memo<'_>) -> String {
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
        let (cx, cy) = (x(a.competitive_quality), y(a.risk));
        let dominated = m.evaluation.alternative(a.id).is_some_and(|r| !r.pareto);
        let opacity = if dominated { 0.25 } else { 0.6 };
        let color = status_color(a.status);
        push!(
            s,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" fill="{color}" fill-opacity="{opacity}" stroke="{color}" stroke-width="1.5"/>"#
        );
        // Label above the bubble (two lines for long names), or below it if that spot is taken.
        let lines = label_lines(&a.name);
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
fn acceptability_svg(m: &Memo<'_>) -> String {
    let r = &m.robustness;
    let n = r.alternatives.len();
    let (w, row, label_w) = (640.0, 30.0, 230.0);
    let h = row * n as f64 + 30.0;
    let mut s = String::new();
    push!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="Rank acceptability">"#
    );
    let color = |rank: usize| {
        let t = if n > 1 {
            rank as f64 / (n - 1) as f64
        } else {
            0.0
        };
        let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
        format!(
            "#{:02x}{:02x}{:02x}",
            mix(30.0, 200.0),
            mix(140.0, 200.0),
            mix(70.0, 205.0)
        )
    };
    for (i, (id, shares)) in r.alternatives.iter().zip(&r.acceptability).enumerate() {
        let y = row * i as f64;
        let name = m.name(*id);
        let text_y = if label_lines(&name) > 1.0 {
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
fn tornado_svg(m: &Memo<'_>) -> String {
    let (w, row, label_w) = (640.0, 26.0, 190.0);
    let n = m.thresholds.len();
    let h = row * n as f64 + 24.0;
    let track = w - label_w - 20.0;
    let mut s = String::new();
    push!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="Sensitivity of the winner">"#
    );
    for (i, t) in m.thresholds.iter().enumerate() {
        let y = row * i as f64;
        let name = m
            .project
            .decision
            .criterion(t.criterion)
            .map_or("", |c| c.name.as_str());
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

const STYLE: &str = "body{font-family:'Segoe UI',Ubuntu,Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:178mm;margin:0 auto;padding:12mm 0;line-height:1.4;font-size:10.5pt}\
h1{font-size:20pt;margin:0 0 2mm}h2{font-size:14pt;border-bottom:1px solid #ccc;padding-bottom:1mm;margin-top:8mm;break-after:avoid-page}h3{font-size:11.5pt;margin:5mm 0 1mm;break-after:avoid-page}\
.meta{color:#666}table{border-collapse:collapse;width:100%;table-layout:fixed;margin:2mm 0;font-size:9pt;overflow-wrap:break-word;hyphens:auto}\
th,td{border:1px solid #ccc;padding:1mm 1.5mm;text-align:left;vertical-align:top}tr{break-inside:avoid-page}\
th{background:#f2f2f2}.num{text-align:right}.good{color:#157a3a;font-weight:bold}.warn{color:#9a6a00;font-weight:bold}.bad{color:#b3261e;font-weight:bold}\
.note{color:#555;font-size:9pt}svg{max-width:100%;height:auto;break-inside:avoid-page}\
@page{size:A4;margin:16mm}@media print{body{max-width:none;padding:0}}";

fn health_class(h: Health) -> &'static str {
    match h {
        Health::OnTrack => "good",
        Health::Behind | Health::NoData => "warn",
        Health::AtRisk => "bad",
    }
}

fn assumption_class(s: AssumptionStatus) -> &'static str {
    match s {
        AssumptionStatus::Holds => "good",
        AssumptionStatus::AtRisk => "warn",
        AssumptionStatus::Broken => "bad",
    }
}

/// The memo as one self-contained HTML document.
pub fn html(project: &Project, today: Date) -> String {
    html_with(project, today, None)
}

/// [`html`] with the Monte Carlo result computed already (see [`write_with`]).
pub fn html_with(project: &Project, today: Date, robustness: Option<Robustness>) -> String {
    let m = Memo::new(project, today, robustness);
    let p = project;
    let e = &m.evaluation;
    let mut h = String::new();
    let title = format!("Decision memo: {}", p.name);
    push!(
        h,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>{}</title><style>{STYLE}</style></head><body>",
        escape(&title)
    );
    push!(
        h,
        "<header><h1>{}</h1><p class=\"meta\">{} · {} · prepared with pbsm workbench on {today}</p></header>",
        escape(&title),
        escape(&p.foundation.company),
        escape(&p.foundation.industry)
    );
    // Summary.
    h.push_str("<section id=\"summary\"><h2>Summary</h2>");
    if !p.summary.trim().is_empty() {
        push!(h, "<p>{}</p>", escape(&p.summary));
    }
    h.push_str("<ul>");
    for line in m.summary_lines() {
        push!(h, "<li>{}</li>", escape(&line));
    }
    h.push_str("</ul><p class=\"note\">The workbench prepares the decision; management makes it.</p></section>");
    // Alternatives.
    h.push_str("<section id=\"alternatives\"><h2>Strategy alternatives</h2><table>");
    // Name and "dominated by" get room; the score columns share the rest.
    #[allow(clippy::cast_precision_loss)]
    let score_width = 46.0 / e.criteria.len().max(1) as f64;
    push!(
        h,
        "<colgroup><col style=\"width:6%\"/><col style=\"width:19%\"/><col style=\"width:10%\"/><col style=\"width:7%\"/>"
    );
    for _ in &e.criteria {
        push!(h, "<col style=\"width:{score_width:.1}%\"/>");
    }
    h.push_str("<col style=\"width:12%\"/></colgroup><tr><th>Rank</th><th>Alternative</th><th>Status</th><th class=\"num\">Total</th>");
    for c in &e.criteria {
        push!(
            h,
            "<th class=\"num\">{} ({:.2})</th>",
            escape(&c.name),
            c.weight
        );
    }
    h.push_str("<th>Dominated by</th></tr>");
    for a in e.ranked() {
        let status = p
            .alternative(a.id)
            .map_or(String::new(), |x| x.status.to_string());
        let over = if a.over_budget { " (over budget)" } else { "" };
        push!(
            h,
            "<tr><td class=\"num\">{}</td><td>{}{over}</td><td>{}</td><td class=\"num\">{:.3}</td>",
            a.rank,
            escape(&a.name),
            escape(&status),
            a.total
        );
        let (values, dominated) = alternative_cells(&m, a);
        for text in values {
            push!(h, "<td class=\"num\">{text}</td>");
        }
        push!(h, "<td>{}</td></tr>", escape(&dominated));
    }
    push!(
        h,
        "</table><p class=\"note\">{} Column headers give each criterion's weight.</p>",
        escape(NORMALIZATION_NOTE)
    );
    for a in &p.alternatives {
        push!(
            h,
            "<p><strong>{}</strong>: {}</p>",
            escape(&a.name),
            escape(&a.description)
        );
    }
    h.push_str("</section>");
    // Map and acceptability.
    push!(
        h,
        "<section id=\"map\"><h2>Alternatives map</h2>{}<p class=\"note\">Competitive quality across, risk up, bubble area = resources (budget + effort × {} per day). Faded: dominated. Green area: strong position at low risk.</p></section>",
        map_svg(&m),
        eur(p.day_rate_eur)
    );
    push!(
        h,
        "<section id=\"robustness\"><h2>Rank acceptability</h2>{}<p class=\"note\">Share of {} Monte Carlo draws (seed {}) in which each alternative took each rank, with uncertain scores drawn from their ranges.</p></section>",
        acceptability_svg(&m),
        grouped(m.robustness.draws),
        m.robustness.seed
    );
    // Sensitivity.
    h.push_str("<section id=\"sensitivity\"><h2>Sensitivity</h2>");
    if let Some(w) = e.winner() {
        push!(
            h,
            "<p>Weight range of each criterion over which {} stays first (the others keep their proportions).</p>",
            escape(&w.name)
        );
    }
    h.push_str(&tornado_svg(&m));
    h.push_str("<table><tr><th>Criterion</th><th class=\"num\">Weight</th><th class=\"num\">Stays first</th><th>Leader below</th><th>Leader above</th></tr>");
    for t in &m.thresholds {
        let name = p
            .decision
            .criterion(t.criterion)
            .map_or("", |c| c.name.as_str());
        push!(
            h,
            "<tr><td>{}</td><td class=\"num\">{:.2}</td><td class=\"num\">{:.2} – {:.2}</td><td>{}</td><td>{}</td></tr>",
            escape(name),
            t.weight,
            t.winner_stays_from,
            t.winner_stays_to,
            escape(
                &t.next_leader_below
                    .map_or_else(|| "—".to_owned(), |id| m.name(id))
            ),
            escape(
                &t.next_leader_above
                    .map_or_else(|| "—".to_owned(), |id| m.name(id))
            )
        );
    }
    h.push_str("</table></section>");
    // Dot voting, when the room voted.
    let votes = m.votes();
    if !votes.is_empty() {
        h.push_str("<section id=\"votes\"><h2>Dot voting</h2>");
        for VoteTally {
            round,
            summary,
            rows,
        } in votes
        {
            push!(
                h,
                "<h3>{} · {}</h3><p>{summary}</p><table><tr><th>Item</th><th class=\"num\">Dots</th><th class=\"num\">Share</th><th class=\"num\">Analysis rank</th></tr>",
                round.date,
                escape(&round.question),
            );
            for (name, dots, share, rank) in rows {
                push!(
                    h,
                    "<tr><td>{}</td><td class=\"num\">{dots}</td><td class=\"num\">{share}</td><td class=\"num\">{rank}</td></tr>",
                    escape(&name),
                );
            }
            h.push_str("</table>");
            if !round.note.is_empty() {
                push!(h, "<p class=\"note\">{}</p>", escape(&round.note));
            }
        }
        h.push_str("</section>");
    }
    // KPIs.
    h.push_str("<section id=\"kpis\"><h2>KPIs</h2><table><tr><th>KPI</th><th class=\"num\">Baseline</th><th class=\"num\">Target</th><th>By</th><th class=\"num\">Latest</th><th class=\"num\">Expected</th><th>Health</th></tr>");
    for k in &p.management.kpis {
        let hl = kpi::health(k, p.management.health);
        let latest = hl
            .latest
            .map_or_else(|| "—".to_owned(), |a| format!("{} ({})", trim(a.1), a.0));
        let expected = hl
            .expected
            .map_or_else(|| "—".to_owned(), |v| trim((v * 100.0).round() / 100.0));
        let verdict = match hl.ratio {
            Some(r) => format!("{} ({:.0} %)", hl.health.label(), r * 100.0),
            None => hl.health.label().to_owned(),
        };
        push!(
            h,
            "<tr><td>{} <span class=\"note\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"{}\">{}</td></tr>",
            escape(&k.name),
            escape(&k.unit),
            trim(k.baseline),
            trim(k.target),
            k.target_date,
            escape(&latest),
            escape(&expected),
            health_class(hl.health),
            escape(&verdict)
        );
    }
    h.push_str("</table></section>");
    // Assumptions.
    h.push_str("<section id=\"assumptions\"><h2>Assumptions and prerequisites</h2><table><tr><th>Assumption</th><th>Kind</th><th>Relied on by</th><th>Status</th><th>Reviewed</th></tr>");
    for a in &p.management.assumptions {
        let (status, fired) = effective_status(p, a, today);
        let by: Vec<String> = a.alternatives.iter().map(|id| m.name(*id)).collect();
        let trigger = if fired.is_some() {
            " (set by its KPI trigger)"
        } else {
            ""
        };
        push!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}{trigger}</td><td>{}</td></tr>",
            escape(&a.text),
            a.kind,
            escape(&by.join(", ")),
            assumption_class(status),
            status,
            a.last_review
                .map_or_else(|| "never".to_owned(), |d| d.to_string())
        );
    }
    h.push_str("</table></section>");
    // Traceability.
    h.push_str("<section id=\"traceability\"><h2>Traceability</h2>");
    if let Some(c) = &m.check
        && let Some(alt) = p.alternative(c.alternative)
    {
        push!(
            h,
            "<p>How {} traces back to the business model:</p><table><tr><th>Option</th><th>Benefits it realises</th><th>Modules</th></tr>",
            escape(&alt.name)
        );
        for b in &alt.options {
            let Some(o) = p.option(b.option) else {
                continue;
            };
            let benefits: Vec<&crate::model::Benefit> =
                o.benefits.iter().filter_map(|id| p.benefit(*id)).collect();
            let modules: Vec<String> = benefits
                .iter()
                .filter_map(|b| p.foundation.module(b.module).map(|m| m.name.clone()))
                .collect();
            let names: Vec<&str> = benefits.iter().map(|b| b.name.as_str()).collect();
            push!(
                h,
                "<tr><td>{} ({})</td><td>{}</td><td>{}</td></tr>",
                escape(&o.name),
                b.priority,
                escape(&names.join(", ")),
                escape(&modules.join(", "))
            );
        }
        h.push_str("</table>");
    }
    let orphans = trace::orphans(p);
    if orphans.is_empty() {
        h.push_str("<p>No loose ends.</p>");
    } else {
        h.push_str("<p>Loose ends:</p><ul>");
        for o in orphans {
            let item = o.item();
            push!(
                h,
                "<li>{} “{}”: {}</li>",
                item.kind().label(),
                escape(&trace::item_name(p, item)),
                o.explanation()
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>");
    // Strategy check.
    h.push_str("<section id=\"check\"><h2>Strategy check</h2>");
    match &m.check {
        Some(c) => {
            push!(
                h,
                "<p>{}: <strong>{} / 100</strong></p>",
                escape(&m.name(c.alternative)),
                c.score
            );
            if let Some(w) = &c.campaign_plan {
                push!(h, "<p class=\"bad\">{}</p>", escape(w));
            }
            h.push_str("<table><tr><th>Component</th><th>Coverage</th><th>Note</th></tr>");
            for comp in &c.components {
                let (text, class) = match comp.coverage {
                    Coverage::Covered => ("covered", "good"),
                    Coverage::Partly => ("partly", "warn"),
                    Coverage::Missing => ("missing", "bad"),
                };
                push!(
                    h,
                    "<tr><td>{}</td><td class=\"{class}\">{text}</td><td>{}</td></tr>",
                    escape(&check::component_label(comp.component)),
                    escape(&comp.note)
                );
            }
            h.push_str("</table><ul>");
            for f in &c.checklist {
                let mark = if f.ok { "✔" } else { "✖" };
                push!(h, "<li>{mark} {}</li>", escape(&f.text));
            }
            h.push_str("</ul>");
        }
        None => h.push_str("<p>No alternative to check.</p>"),
    }
    h.push_str("</section><footer><p class=\"note\">pbsm workbench, potential-based strategy model.</p></footer></body></html>\n");
    h
}

fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The memo as Markdown (tables; the charts are in the HTML memo).
pub fn markdown(project: &Project, today: Date) -> String {
    markdown_with(project, today, None)
}

/// [`markdown`] with the Monte Carlo result computed already (see [`write_with`]).
pub fn markdown_with(project: &Project, today: Date, robustness: Option<Robustness>) -> String {
    let m = Memo::new(project, today, robustness);
    let p = project;
    let e = &m.evaluation;
    let mut s = String::new();
    pushln!(s, "# Decision memo: {}\n", p.name);
    pushln!(
        s,
        "{} · {} · prepared with pbsm workbench on {today}\n",
        p.foundation.company,
        p.foundation.industry
    );
    pushln!(s, "## Summary\n");
    if !p.summary.trim().is_empty() {
        pushln!(s, "{}\n", p.summary);
    }
    for line in m.summary_lines() {
        pushln!(s, "- {line}");
    }
    pushln!(s, "\n## Strategy alternatives\n");
    push!(s, "| Rank | Alternative | Status | Total |");
    for c in &e.criteria {
        push!(s, " {} ({:.2}) |", md_escape(&c.name), c.weight);
    }
    pushln!(s, " Dominated by |");
    pushln!(s, "|{}", "---|".repeat(5 + e.criteria.len()));
    for a in e.ranked() {
        let status = p
            .alternative(a.id)
            .map_or(String::new(), |x| x.status.to_string());
        push!(
            s,
            "| {} | {}{} | {} | {:.3} |",
            a.rank,
            md_escape(&a.name),
            if a.over_budget { " (over budget)" } else { "" },
            status,
            a.total
        );
        let (values, dominated) = alternative_cells(&m, a);
        for text in values {
            push!(s, " {text} |");
        }
        pushln!(s, " {} |", md_escape(&dominated));
    }
    pushln!(s, "\n{NORMALIZATION_NOTE}\n");
    pushln!(s, "## Rank acceptability\n");
    pushln!(
        s,
        "{} draws, seed {}.\n",
        grouped(m.robustness.draws),
        m.robustness.seed
    );
    for (id, acc) in m
        .robustness
        .alternatives
        .iter()
        .zip(&m.robustness.acceptability)
    {
        let shares: Vec<String> = acc
            .iter()
            .enumerate()
            .map(|(r, x)| format!("rank {} {:.0} %", r + 1, x * 100.0))
            .collect();
        pushln!(s, "- {}: {}", md_escape(&m.name(*id)), shares.join(", "));
    }
    pushln!(
        s,
        "\n## Sensitivity\n\n| Criterion | Weight | Stays first | Leader below | Leader above |\n|---|---|---|---|---|"
    );
    for t in &m.thresholds {
        let name = p
            .decision
            .criterion(t.criterion)
            .map_or("", |c| c.name.as_str());
        pushln!(
            s,
            "| {} | {:.2} | {:.2} – {:.2} | {} | {} |",
            md_escape(name),
            t.weight,
            t.winner_stays_from,
            t.winner_stays_to,
            t.next_leader_below
                .map_or_else(|| "—".to_owned(), |id| md_escape(&m.name(id))),
            t.next_leader_above
                .map_or_else(|| "—".to_owned(), |id| md_escape(&m.name(id)))
        );
    }
    let votes = m.votes();
    if !votes.is_empty() {
        pushln!(s, "\n## Dot voting");
        for VoteTally {
            round,
            summary,
            rows,
        } in votes
        {
            pushln!(
                s,
                "\n### {} · {}\n\n{summary}\n\n| Item | Dots | Share | Analysis rank |\n|---|---|---|---|",
                round.date,
                md_escape(&round.question),
            );
            for (name, dots, share, rank) in rows {
                pushln!(s, "| {} | {dots} | {share} | {rank} |", md_escape(&name));
            }
            if !round.note.is_empty() {
                pushln!(s, "\n{}", md_escape(&round.note));
            }
        }
    }
    pushln!(
        s,
        "\n## KPIs\n\n| KPI | Baseline | Target | By | Latest | Health |\n|---|---|---|---|---|---|"
    );
    for k in &p.management.kpis {
        let hl = kpi::health(k, p.management.health);
        let latest = hl
            .latest
            .map_or_else(|| "—".to_owned(), |a| format!("{} ({})", trim(a.1), a.0));
        let verdict = match hl.ratio {
            Some(r) => format!("{} ({:.0} %)", hl.health.label(), r * 100.0),
            None => hl.health.label().to_owned(),
        };
        pushln!(
            s,
            "| {} ({}) | {} | {} | {} | {} | {} |",
            md_escape(&k.name),
            md_escape(&k.unit),
            trim(k.baseline),
            trim(k.target),
            k.target_date,
            latest,
            verdict
        );
    }
    pushln!(
        s,
        "\n## Assumptions and prerequisites\n\n| Assumption | Kind | Status | Reviewed |\n|---|---|---|---|"
    );
    for a in &p.management.assumptions {
        let (status, fired) = effective_status(p, a, today);
        pushln!(
            s,
            "| {} | {} | {}{} | {} |",
            md_escape(&a.text),
            a.kind,
            status,
            if fired.is_some() {
                " (KPI trigger)"
            } else {
                ""
            },
            a.last_review
                .map_or_else(|| "never".to_owned(), |d| d.to_string())
        );
    }
    pushln!(s, "\n## Traceability\n");
    let orphans = trace::orphans(p);
    if orphans.is_empty() {
        pushln!(s, "No loose ends.");
    }
    for o in orphans {
        let item = o.item();
        pushln!(
            s,
            "- {} “{}”: {}",
            item.kind().label(),
            md_escape(&trace::item_name(p, item)),
            o.explanation()
        );
    }
    pushln!(s, "\n## Strategy check\n");
    if let Some(c) = &m.check {
        pushln!(s, "{}: **{} / 100**\n", m.name(c.alternative), c.score);
        if let Some(w) = &c.campaign_plan {
            pushln!(s, "**{w}**\n");
        }
        for comp in &c.components {
            let mark = match comp.coverage {
                Coverage::Covered => "✔",
                Coverage::Partly => "◐",
                Coverage::Missing => "✖",
            };
            pushln!(
                s,
                "- {mark} {}: {}",
                check::component_label(comp.component),
                comp.note
            );
        }
        for f in &c.checklist {
            pushln!(s, "- {} {}", if f.ok { "✔" } else { "✖" }, f.text);
        }
    }
    s
}

/// The report format, from a file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// HTML with embedded SVG.
    Html,
    /// Markdown.
    Markdown,
}

impl Format {
    /// The format for a path: `.md` or `.markdown` is Markdown, anything else HTML.
    pub fn of(path: &std::path::Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => Self::Markdown,
            _ => Self::Html,
        }
    }
}

/// Writes the memo to a file (atomically), in the format its extension asks for.
pub fn write(
    project: &Project,
    path: &std::path::Path,
    today: Date,
) -> Result<(), super::SaveError> {
    write_with(project, path, today, None)
}

/// [`write`] with the Monte Carlo result for this project computed already (the window keeps
/// one), so the memo does not run up to a million draws again.
pub fn write_with(
    project: &Project,
    path: &std::path::Path,
    today: Date,
    robustness: Option<Robustness>,
) -> Result<(), super::SaveError> {
    let text = match Format::of(path) {
        Format::Html => html_with(project, today, robustness),
        Format::Markdown => markdown_with(project, today, robustness),
    };
    super::project_file::write_atomic(path, &text)
}
