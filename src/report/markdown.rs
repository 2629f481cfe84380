//! The memo as Markdown.

use super::rounds::RoundTable;
use super::{KPI_HEALTH_NOTE, Memo, VoteTally, kpi_verdict, next_measurement, reviewed};
use crate::analysis::assumptions::effective_status;
use crate::analysis::check::{self, Coverage};
use crate::analysis::decision::NORMALIZATION_NOTE;
use crate::analysis::trace;
use crate::format::{latest_actual, percent, trim_number};
use crate::model::Choice;

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The memo as Markdown: tables; the charts are in the HTML memo.
pub(super) fn markdown(m: &Memo<'_>) -> String {
    let (p, analysis, robustness, today) = (m.project, m.analysis, m.robustness, m.today);
    let e = &analysis.evaluation;
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
        let (values, dominated) = m.alternative_cells(a);
        for text in values {
            push!(s, " {text} |");
        }
        pushln!(s, " {} |", md_escape(&dominated));
    }
    if let Some(note) = analysis.evaluation.not_assessed_note() {
        pushln!(s, "\n{}", md_escape(&note));
    }
    pushln!(s, "\n{NORMALIZATION_NOTE}\n");
    pushln!(s, "## Rank acceptability\n");
    pushln!(s, "{} draws, seed {}.\n", m.draws(), robustness.seed);
    for (id, acc) in robustness
        .alternatives
        .iter()
        .zip(&robustness.acceptability)
    {
        let shares: Vec<String> = acc
            .iter()
            .enumerate()
            .map(|(r, x)| format!("rank {} {}", r + 1, percent(*x, 0)))
            .collect();
        pushln!(s, "- {}: {}", md_escape(&m.name(*id)), shares.join(", "));
    }
    pushln!(
        s,
        "\n## Sensitivity\n\n| Criterion | Weight | Stays first | Leader below | Leader above |\n|---|---|---|---|---|"
    );
    for t in &analysis.sensitivity {
        pushln!(
            s,
            "| {} | {:.2} | {:.2} – {:.2} | {} | {} |",
            md_escape(m.criterion_name(t.criterion)),
            t.weight,
            t.winner_stays_from,
            t.winner_stays_to,
            md_escape(&m.name_or_dash(t.next_leader_below)),
            md_escape(&m.name_or_dash(t.next_leader_above))
        );
    }
    let votes = m.votes();
    let rounds = m.room_rounds();
    if !votes.is_empty() || !rounds.is_empty() {
        pushln!(s, "\n## Votes in the room");
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
        for RoundTable {
            round,
            lines,
            tables,
        } in rounds
        {
            pushln!(s, "\n### {} · {}\n", round.date, md_escape(&round.question));
            for line in lines {
                pushln!(s, "{}\n", md_escape(&line));
            }
            for (header, rows) in tables {
                let header: Vec<String> = header.iter().map(|c| md_escape(c)).collect();
                pushln!(s, "| {} |", header.join(" | "));
                pushln!(s, "|{}", "---|".repeat(header.len()));
                for row in rows {
                    let row: Vec<String> = row.iter().map(|c| md_escape(c)).collect();
                    pushln!(s, "| {} |", row.join(" | "));
                }
                pushln!(s);
            }
            if !round.note.is_empty() {
                pushln!(s, "{}", md_escape(&round.note));
            }
        }
    }
    pushln!(
        s,
        "\n## KPIs\n\n| KPI | Unit | Baseline | Target | By | Latest | Health | Next measurement |\n|---|---|---|---|---|---|---|---|"
    );
    for (k, hl) in m.kpis() {
        pushln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            md_escape(&k.name),
            md_escape(&k.unit),
            trim_number(k.baseline),
            trim_number(k.target),
            k.target_date,
            latest_actual(hl.latest),
            kpi_verdict(&hl),
            next_measurement(k, today)
        );
    }
    pushln!(s, "\n{}", md_escape(KPI_HEALTH_NOTE));
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
            reviewed(a.last_review)
        );
    }
    for t in m.chain() {
        pushln!(s, "\n## {}\n", t.title);
        if let Some(why) = &t.why {
            pushln!(s, "*Why, in this case:* {}\n", md_escape(why));
        }
        pushln!(s, "{}\n", md_escape(&t.note));
        if !t.rows.is_empty() {
            pushln!(s, "| {} |", t.header.join(" | "));
            pushln!(s, "|{}", "---|".repeat(t.header.len()));
            for row in &t.rows {
                let cells: Vec<String> = row.iter().map(|c| md_escape(c)).collect();
                pushln!(s, "| {} |", cells.join(" | "));
            }
        }
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
    if let Some(c) = &analysis.check {
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
