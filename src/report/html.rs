//! The memo as one self-contained HTML document: well-formed (every element closed, everything
//! escaped) so it also parses as XML, with the charts as embedded SVG.

use super::rounds::RoundTable;
use super::{KPI_HEALTH_NOTE, Memo, VoteTally, kpi_verdict, next_measurement, reviewed, svg};
use crate::analysis::assumptions::effective_status;
use crate::analysis::check::{self, Coverage};
use crate::analysis::decision::NORMALIZATION_NOTE;
use crate::analysis::kpi::Health;
use crate::analysis::trace;
use crate::format::{eur, latest_actual, trim_number};
use crate::model::{AssumptionStatus, Choice};

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
        Health::Behind | Health::Overdue => "warn",
        Health::AtRisk => "bad",
        Health::NotMeasuredYet => "note",
    }
}

fn assumption_class(s: AssumptionStatus) -> &'static str {
    match s {
        AssumptionStatus::Holds => "good",
        AssumptionStatus::NotReviewed | AssumptionStatus::AtRisk => "warn",
        AssumptionStatus::Broken => "bad",
    }
}

/// The memo as one self-contained HTML document.
pub(super) fn html(m: &Memo<'_>) -> String {
    let (p, analysis, today) = (m.project, m.analysis, m.today);
    let e = &analysis.evaluation;
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
        let (values, dominated) = m.alternative_cells(a);
        for text in values {
            push!(h, "<td class=\"num\">{text}</td>");
        }
        push!(h, "<td>{}</td></tr>", escape(&dominated));
    }
    push!(h, "</table>");
    if let Some(note) = analysis.evaluation.not_assessed_note() {
        push!(h, "<p class=\"note\">{}</p>", escape(&note));
    }
    push!(
        h,
        "<p class=\"note\">{} Column headers give each criterion's weight.</p>",
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
        svg::map_svg(m),
        eur(p.day_rate_eur)
    );
    push!(
        h,
        "<section id=\"robustness\"><h2>Rank acceptability</h2>{}<p class=\"note\">Share of {} Monte Carlo draws (seed {}) in which each alternative took each rank, with uncertain scores drawn from their ranges.</p></section>",
        svg::acceptability_svg(m),
        m.draws(),
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
    h.push_str(&svg::tornado_svg(m));
    h.push_str("<table><tr><th>Criterion</th><th class=\"num\">Weight</th><th class=\"num\">Stays first</th><th>Leader below</th><th>Leader above</th></tr>");
    for t in &analysis.sensitivity {
        push!(
            h,
            "<tr><td>{}</td><td class=\"num\">{:.2}</td><td class=\"num\">{:.2} – {:.2}</td><td>{}</td><td>{}</td></tr>",
            escape(m.criterion_name(t.criterion)),
            t.weight,
            t.winner_stays_from,
            t.winner_stays_to,
            escape(&m.name_or_dash(t.next_leader_below)),
            escape(&m.name_or_dash(t.next_leader_above))
        );
    }
    h.push_str("</table></section>");
    // Dot voting, when the room voted.
    let votes = m.votes();
    let rounds = m.room_rounds();
    if !votes.is_empty() || !rounds.is_empty() {
        h.push_str("<section id=\"votes\"><h2>Votes in the room</h2>");
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
        for RoundTable {
            round,
            lines,
            tables,
        } in rounds
        {
            push!(h, "<h3>{} · {}</h3>", round.date, escape(&round.question));
            for line in lines {
                push!(h, "<p>{}</p>", escape(&line));
            }
            for (header, rows) in tables {
                h.push_str("<table><tr>");
                for (i, cell) in header.iter().enumerate() {
                    let class = if i == 0 { "" } else { " class=\"num\"" };
                    push!(h, "<th{class}>{}</th>", escape(cell));
                }
                h.push_str("</tr>");
                for row in rows {
                    h.push_str("<tr>");
                    for (i, cell) in row.iter().enumerate() {
                        let class = if i == 0 { "" } else { " class=\"num\"" };
                        push!(h, "<td{class}>{}</td>", escape(cell));
                    }
                    h.push_str("</tr>");
                }
                h.push_str("</table>");
            }
            if !round.note.is_empty() {
                push!(h, "<p class=\"note\">{}</p>", escape(&round.note));
            }
        }
        h.push_str("</section>");
    }
    // KPIs.
    h.push_str("<section id=\"kpis\"><h2>KPIs</h2><table><tr><th>KPI</th><th>Unit</th><th class=\"num\">Baseline</th><th class=\"num\">Target</th><th>By</th><th class=\"num\">Latest</th><th class=\"num\">Planned then</th><th>Health</th><th>Next measurement</th></tr>");
    for (k, hl) in m.kpis() {
        let planned = hl.planned_value.map_or_else(
            || "—".to_owned(),
            |v| crate::analysis::kpi::value_text(k, v),
        );
        // The unit in its own column: "Sourdough club members members" read as a typo.
        push!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"{}\">{}</td><td>{}</td></tr>",
            escape(&k.name),
            escape(&k.unit),
            trim_number(k.baseline),
            trim_number(k.target),
            k.target_date,
            escape(&latest_actual(hl.latest)),
            escape(&planned),
            health_class(hl.health),
            escape(&kpi_verdict(&hl)),
            escape(&next_measurement(k, today))
        );
    }
    push!(
        h,
        "</table><p class=\"note\">{}</p></section>",
        escape(KPI_HEALTH_NOTE)
    );
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
            reviewed(a.last_review)
        );
    }
    h.push_str("</table></section>");
    // Traceability.
    for t in m.chain() {
        push!(h, "<section><h2>{}</h2>", escape(t.title));
        if let Some(why) = &t.why {
            push!(h, "<p><em>Why, in this case:</em> {}</p>", escape(why));
        }
        push!(h, "<p class=\"note\">{}</p>", escape(&t.note));
        if !t.rows.is_empty() {
            h.push_str("<table><tr>");
            for head in &t.header {
                push!(h, "<th>{}</th>", escape(head));
            }
            h.push_str("</tr>");
            for row in &t.rows {
                h.push_str("<tr>");
                for cell in row {
                    push!(h, "<td>{}</td>", escape(cell));
                }
                h.push_str("</tr>");
            }
            h.push_str("</table>");
        }
        h.push_str("</section>");
    }
    h.push_str("<section id=\"traceability\"><h2>Traceability</h2>");
    if let Some(c) = &analysis.check
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
    match &analysis.check {
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
