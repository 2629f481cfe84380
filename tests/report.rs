#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The decision memo: every section for every sample, well-formed HTML with embedded SVG,
//! Markdown, and the command line.

use pbsm::analysis::{Analysis, robustness};
use pbsm::io::SAMPLES;
use pbsm::model::{Date, Project};
use pbsm::report::{self, Format};

const SECTIONS: [&str; 10] = [
    "summary",
    "alternatives",
    "map",
    "robustness",
    "sensitivity",
    "votes",
    "kpis",
    "assumptions",
    "traceability",
    "check",
];

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// The memo of a project in a format, with the project's own analysis and Monte Carlo run.
fn memo_of(format: Format, p: &Project) -> String {
    let analysis = Analysis::of(p);
    report::memo(format, p, &analysis, &robustness::for_project(p), today())
}

fn html_of(p: &Project) -> String {
    memo_of(Format::Html, p)
}

fn markdown_of(p: &Project) -> String {
    memo_of(Format::Markdown, p)
}

#[test]
fn every_sample_memo_has_every_section_and_parses_as_xml() {
    for sample in SAMPLES {
        let p = sample.load().unwrap();
        let html = html_of(&p);
        let body = html.trim_start_matches("<!DOCTYPE html>\n");
        let doc = roxmltree::Document::parse(body)
            .unwrap_or_else(|e| panic!("{}: {e}", sample.file_name));
        let ids: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("section"))
            .filter_map(|n| n.attribute("id"))
            .collect();
        assert_eq!(ids, SECTIONS, "{}", sample.file_name);
        // Charts are embedded, nothing is loaded from elsewhere.
        let svgs = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "svg")
            .count();
        assert_eq!(svgs, 3, "map, rank acceptability, sensitivity");
        assert!(
            !html.contains("src=\"http") && !html.contains("href=\"http"),
            "self-contained"
        );
        assert!(html.contains("@page{size:A4"), "prints on A4");
        // Content, not just headings: every alternative and every KPI appears.
        for a in &p.alternatives {
            assert!(html.contains(&report::escape(&a.name)), "{}", a.name);
        }
        for k in &p.management.kpis {
            assert!(html.contains(&report::escape(&k.name)), "{}", k.name);
        }
        assert!(
            html.contains("/ 100</strong>"),
            "the strategy check's score"
        );
        for round in &p.votes {
            assert!(
                html.contains(&report::escape(&round.question)),
                "{}",
                round.question
            );
        }
    }
}

#[test]
fn the_memo_shows_each_vote_and_leaves_the_section_out_without_votes() {
    let mut p = SAMPLES[0].load().unwrap();
    let html = html_of(&p);
    // The bakery's vote on alternatives: the club first with 11 of 21 dots, rank 1.
    assert!(
        html.contains("21 of 21 dots placed by 7 participants (3 each), on strategy alternatives"),
        "{html}"
    );
    assert!(html.contains(
        "<tr><td>Community first: the sourdough club</td><td class=\"num\">11</td><td class=\"num\">52 %</td><td class=\"num\">1</td></tr>"
    ));
    let md = markdown_of(&p);
    assert!(md.contains("## Votes in the room"));
    assert!(md.contains("| Community first: the sourdough club | 11 | 52 % | 1 |"));
    p.votes.clear();
    assert!(!html_of(&p).contains("id=\"votes\""));
    assert!(!markdown_of(&p).contains("Votes in the room"));
}

#[test]
fn the_memo_shows_each_rounds_agreement_figures() {
    let mut p = SAMPLES[0].load().unwrap();
    let md = markdown_of(&p);
    // The bakery's ranking: rank sums 10, 16, 16 over 7 rankings of 3 items, mean 14,
    // S = 16 + 4 + 4 = 24, W = 12·24 / (7²·(3³ − 3)) = 12/49 ≈ 0.24, χ² = 7·2·W ≈ 3.4.
    assert!(
        md.contains("Kendall's W = 0.24 (7 rankings of 3 items; χ² = 3.4 with 2 degrees of freedom): weak agreement"),
        "{md}"
    );
    // Reach and recruit is the disputed one and comes first: ranks 3 3 3 1 1 3 2, mean 16/7,
    // population spread √(266/343) ≈ 0.88 of a largest possible 1.
    let reach = md
        .find("| Reach and recruit: craft content | 2.29 | 0.88 | 0.88 | 7 | 3 |")
        .expect("the disputed alternative's row");
    let club = md
        .find("| Community first: the sourdough club | 1.43 | 0.49 | 0.49 | 7 | 1 |")
        .expect("the club's row");
    assert!(reach < club, "disputed items first");
    // The pairwise round: the group's weights beside the agreed ones, the inconsistent
    // participant named with the CR.
    assert!(
        md.contains("| Competitive quality | 0.28 | 0.07 | 0.14 | 0.30 |"),
        "{md}"
    );
    assert!(
        md.contains("Inconsistent (CR above 0.10): 1 of 7: Lukas Brandt, social media trainee.")
    );
    assert!(md.contains("| 0.20 (inconsistent) |"));
    assert!(
        md.contains("Group weights from the geometric mean of 7 participants' judgments (AIJ)")
    );
    let html = html_of(&p);
    assert!(html.contains("Kendall&#39;s W = 0.24"));
    assert!(html.contains("<td>Lukas Brandt, social media trainee</td>"));
    // Names are escaped; anonymous rounds do not list them.
    let ranking = p
        .votes
        .iter_mut()
        .find(|r| r.kind == pbsm::model::room::RoundKind::Ranking)
        .unwrap();
    ranking.responses[0].participant = "Ann <&> \"Co\"".to_owned();
    let html = html_of(&p);
    roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
    assert!(html.contains("Ann &lt;&amp;&gt; &quot;Co&quot;"));
    let ranking = p
        .votes
        .iter_mut()
        .find(|r| r.kind == pbsm::model::room::RoundKind::Ranking)
        .unwrap();
    ranking.anonymous = true;
    let md = markdown_of(&p);
    assert!(md.contains("Ranking, answered anonymously by 7 participants."));
    assert!(!md.contains("Ann <&>"));
}

#[test]
fn the_memo_reports_what_the_analysis_found() {
    let mut p = SAMPLES[1].load().unwrap();
    // The machine builder's hires from social media and referral stall at 9 in October: the
    // trigger on assumption 3 fires. The memo shows it and the AHP-weighted ranking.
    let kpi = p
        .management
        .kpis
        .iter_mut()
        .find(|k| k.id == pbsm::model::KpiId(1))
        .unwrap();
    kpi.actuals.last_mut().unwrap().1 = 9.0;
    let html = html_of(&p);
    assert!(html.contains("(set by its KPI trigger)"));
    assert!(html.contains("Chosen alternative: Talent community: the robotics challenge."));
    let md = markdown_of(&p);
    for heading in [
        "# Decision memo:",
        "## Summary",
        "## Strategy alternatives",
        "## Rank acceptability",
        "## Sensitivity",
        "## KPIs",
        "## Assumptions and prerequisites",
        "## Traceability",
        "## Strategy check",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(md.contains("| Rank | Alternative |"));
}

#[test]
fn text_is_escaped() {
    let mut p = SAMPLES[0].load().unwrap();
    p.alternatives[0].name = "Club <b>first</b> & \"more\"".into();
    let html = html_of(&p);
    assert!(html.contains("Club &lt;b&gt;first&lt;/b&gt; &amp; &quot;more&quot;"));
    roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
}

#[test]
fn the_report_command_writes_html_or_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/tourism.pbsm.ron");
    for name in ["memo.html", "memo.md"] {
        let out = dir.path().join(name);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_pbsm-workbench"))
            .arg("report")
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(
            status.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let text = std::fs::read_to_string(&out).unwrap();
        if name.ends_with(".html") {
            assert!(text.starts_with("<!DOCTYPE html>"));
        } else {
            assert!(text.starts_with("# Decision memo: Visit Marrenburg"));
        }
    }
    let bad = dir.path().join("bad.pbsm.ron");
    std::fs::write(&bad, "(version: 1, name: [])").unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_pbsm-workbench"))
        .args(["report"])
        .arg(&bad)
        .args(["-o"])
        .arg(dir.path().join("x.html"))
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(2));
    assert!(!dir.path().join("x.html").exists());
}

#[test]
fn the_memo_shows_the_analysis_and_monte_carlo_result_it_is_given() {
    // The window hands over what it has computed; the memo must show that, not its own.
    let project = SAMPLES[0].load().unwrap();
    let given = robustness::Robustness {
        draws: 7,
        seed: 4242,
        alternatives: project.alternatives.iter().map(|a| a.id).collect(),
        acceptability: project
            .alternatives
            .iter()
            .map(|_| vec![1.0 / project.alternatives.len() as f64; project.alternatives.len()])
            .collect(),
    };
    let mut analysis = Analysis::of(&project);
    analysis.check.as_mut().unwrap().score = 17;
    analysis.evaluation.alternatives[0].total = 0.123_456;
    let html = report::memo(Format::Html, &project, &analysis, &given, today());
    assert!(
        html.contains("Share of 7 Monte Carlo draws (seed 4242)"),
        "{html}"
    );
    assert!(html.contains("<strong>17 / 100</strong>"), "{html}");
    assert!(html.contains("<td class=\"num\">0.123</td>"), "{html}");
    let markdown = report::memo(Format::Markdown, &project, &analysis, &given, today());
    assert!(markdown.contains("7 draws, seed 4242."), "{markdown}");
    assert!(markdown.contains("**17 / 100**"), "{markdown}");
    // The project's own analysis differs in both places.
    let own = html_of(&project);
    assert!(!own.contains("Share of 7 Monte Carlo draws") && !own.contains(">17 / 100<"));
}

#[test]
fn the_memo_documents_the_chain_with_the_reasoning_of_each_step() {
    use pbsm::model::judgement::set_note;
    use pbsm::model::{GoalBenefit, LinkStrength, MethodStep, PotentialDecision};
    let mut p = SAMPLES[0].load().unwrap();
    set_note(
        &mut p.reasoning,
        MethodStep::Potential,
        "Catering <b>stays</b> out: the margin is too thin.".into(),
    );
    let set_aside = p
        .potential
        .module_potentials
        .iter()
        .position(|m| m.decision == PotentialDecision::SetAside)
        .unwrap();
    let set_aside_note = p.potential.module_potentials[set_aside].note.clone();
    let benefit = p.benefits[0].clone();
    p.foundation.goals[0].benefits = vec![GoalBenefit {
        benefit: benefit.id,
        strength: LinkStrength::Strong,
    }];
    p.foundation.goals[0].kpis = vec![p.management.kpis[0].id];
    let md = markdown_of(&p);
    for heading in [
        "## Goals",
        "## Potential used and set aside",
        "## Corporate benefits",
        "## Competitive situation",
        "## Goal links per alternative",
        "## Consistency findings",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(md.contains("*Why, in this case:* Catering <b>stays</b> out"));
    assert!(
        md.contains(&set_aside_note),
        "the potential set aside, with why"
    );
    assert!(md.contains("| Set aside |"));
    assert!(md.contains(&format!(
        "| {} | Company goal | {} (strong) | {} |",
        p.foundation.goals[0].text, benefit.name, p.management.kpis[0].name
    )));
    // The findings come with the rule each applies.
    let found =
        pbsm::analysis::consistency::findings(&p, &pbsm::analysis::decision::evaluate(&p), today());
    assert!(!found.is_empty());
    let message = pbsm::analysis::consistency::Messages::new(&p, today()).of(&found[0]);
    assert!(md.contains(&message), "{message}");
    assert!(md.contains(found[0].kind.rule()));
    // The HTML memo has the same chain, escaped.
    let html = html_of(&p);
    assert!(html.contains("<h2>Potential used and set aside</h2>"));
    assert!(html.contains("Catering &lt;b&gt;stays&lt;/b&gt; out"));
    assert!(html.contains("<h2>Consistency findings</h2>"));
}

#[test]
fn the_memo_lists_every_value_kept_against_its_suggestion_with_why() {
    let p = SAMPLES[0].load().unwrap();
    let kept: Vec<(String, String)> = p
        .options
        .iter()
        .flat_map(|o| {
            o.overrides
                .iter()
                .map(move |r| (o.name.clone(), r.reason.clone()))
        })
        .chain(p.alternatives.iter().flat_map(|a| {
            a.overrides
                .iter()
                .map(move |r| (a.name.clone(), r.reason.clone()))
        }))
        .collect();
    assert!(
        !kept.is_empty(),
        "the bakery keeps some values with reasons"
    );
    let md = markdown_of(&p);
    assert!(md.contains("## Values kept against the suggestion"));
    for (item, reason) in &kept {
        assert!(
            md.lines()
                .any(|l| l.contains(item.as_str()) && l.contains(reason.as_str())),
            "{item}: {reason}"
        );
    }
    let html = html_of(&p);
    assert!(html.contains("<h2>Values kept against the suggestion</h2>"));
}

#[test]
fn the_memo_keeps_the_decision_record_the_process_register_the_implementation_and_the_audit() {
    use pbsm::model::{
        DecisionRecord, FunctionalArea, Integration, IntegrationId, IntegrationStatus,
        MeasureStatus, Period, Rejection,
    };
    let mut p = SAMPLES[0].load().unwrap();
    let chosen = p
        .alternatives
        .iter()
        .find(|a| a.status == pbsm::model::AlternativeStatus::Chosen)
        .unwrap()
        .clone();
    let other = p
        .alternatives
        .iter()
        .find(|a| a.id != chosen.id)
        .unwrap()
        .clone();
    p.management.decision = Some(DecisionRecord {
        decided_by: "Anna Lindner (owner)".into(),
        date: Date::new(2026, 3, 20).unwrap(),
        alternative: Some(chosen.id),
        reason: "Only the club builds a lead".into(),
        rejected: vec![Rejection {
            alternative: other.id,
            reason: "Parity at best".into(),
        }],
    });
    let benefit = p.benefits[0].clone();
    p.management.integrations = vec![Integration {
        id: IntegrationId(1),
        benefit: Some(benefit.id),
        area: FunctionalArea::Sales,
        process: "Shop pre-orders".into(),
        owner: "Tobias Lindner".into(),
        change: "Shops take club pre-orders".into(),
        expected_result: "More regular visits".into(),
        kpi: None,
        due: Some(Date::new(2026, 11, 1).unwrap()),
        status: IntegrationStatus::InProgress,
    }];
    p.management.period = Some(Period {
        start: Date::new(2026, 4, 1).unwrap(),
        end: Date::new(2027, 3, 31).unwrap(),
    });
    p.management.measures[0].status = MeasureStatus::InProgress;
    p.management.measures[0].progress_percent = Some(50.0);
    let md = markdown_of(&p);
    assert!(md.contains("Decided by Anna Lindner (owner) on 2026-03-20"));
    assert!(md.contains(&format!(
        "| {} | Chosen | Only the club builds a lead |",
        chosen.name
    )));
    assert!(md.contains(&format!("| {} | Not chosen | Parity at best |", other.name)));
    assert!(md.contains(&format!(
        "| {} | Sales: Shop pre-orders | Tobias Lindner | Shops take club pre-orders | More regular visits (no KPI) | In progress |",
        benefit.name
    )));
    // 2026-11-23 is 236 of 364 days into the period: 65 %.
    assert!(md.contains("Strategy period 2026-04-01 to 2027-03-31, 65 % passed on 2026-11-23."));
    assert!(
        md.contains("| 2026-11-01 | Process change “Sales: Shop pre-orders” is overdue |"),
        "{md}"
    );
    let html = html_of(&p);
    assert!(html.contains("Integration of benefits into business processes"));
    assert!(html.contains("Audit: what is due"));
}

#[test]
fn the_memo_lists_how_positions_moved_since_the_last_re_rating() {
    use pbsm::model::{Arena, Side, TopicId, competition::set_score_in};
    let mut p = SAMPLES[0].load().unwrap();
    // The bakery as a file from before dated ratings: nothing rated, nothing re-rated.
    p.competition.our_rated = None;
    p.competition.our_history.clear();
    for c in &mut p.competition.competitors {
        c.rated = None;
        c.history.clear();
    }
    // Nothing re-rated: no section.
    assert!(!markdown_of(&p).contains("How positions moved"));
    let (march, september) = (
        Date::new(2026, 3, 1).unwrap(),
        Date::new(2026, 9, 30).unwrap(),
    );
    let kornkammer = p.competition.competitors[0].id;
    p.competition.rerate(Side::Competitor(kornkammer), march);
    p.competition
        .rerate(Side::Competitor(kornkammer), september);
    // Re-rated, nothing changed: the section says so.
    let md = markdown_of(&p);
    assert!(md.contains("## How positions moved"), "{md}");
    assert!(md.contains(
        "No position moved since the last re-rating: each side's rating in force on 2026-03-01 against the current ones."
    ));
    // Kornkammer rates 8 in home baking, where we stand at 8.5: ahead → level.
    set_score_in(
        &mut p.competition.competitors[0].strength,
        Arena::Topic(TopicId(1)),
        Some(8.0),
    );
    let moved = "Topic Home baking and sourdough, against performance competitors: ahead → level (Kornkammer (regional chain, 31 shops) 4 → 8, re-rated 2026-09-30)";
    let option = "Sourdough club community: suggested leading position → parity with competitors (assessed: leading position)";
    let md = markdown_of(&p);
    assert!(md.contains(&format!("| {moved} |")), "{md}");
    assert!(md.contains(&format!("| {option} |")), "{md}");
    let html = html_of(&p);
    assert!(html.contains("<h2>How positions moved</h2>"));
    assert!(html.contains(moved), "{html}");
    roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
}

#[test]
fn the_memo_writes_kpi_numbers_by_unit_and_the_unit_in_its_own_column() {
    let p = SAMPLES[0].load().unwrap();
    let html = html_of(&p);
    let md = markdown_of(&p);
    // "Sourdough club members members" read as a typo: the unit has its own column.
    assert!(
        !html.contains("members <span"),
        "the unit runs into the name"
    );
    assert!(html.contains("<td>Sourdough club members</td><td>members</td>"));
    assert!(md.contains("| Sourdough club members | members |"), "{md}");
    // Members are counted: the planned value between milestones is a whole number.
    assert!(
        html.contains("<td class=\"num\">1,499</td>"),
        "planned then"
    );
    assert!(!html.contains("1498.85"));
    // Course bookings: made 55 of 70 planned, not 70.36.
    assert!(html.contains("made 55 of 70 planned"), "bookings");
}
