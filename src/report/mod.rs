//! The decision memo: one self-contained HTML file (opens offline, prints on A4, charts as
//! embedded SVG) or a Markdown file, with everything a decision needs: summary, alternatives with
//! scores and ranks, the map, rank acceptability, sensitivity, KPIs with health, assumptions,
//! the method's chain (reasoning per step, potentials, benefits, competition, goal links,
//! consistency findings), traceability and the strategy check. Also the decision analysis as the `analyse` command
//! prints it ([`analysis_text`], [`analysis_json`]).
//!
//! The memo shows an [`Analysis`] and a Monte Carlo result computed by the caller (the window
//! has both already); it computes only what depends on the date it is written on.

mod chain;
mod check;
mod html;
mod markdown;
mod rounds;
mod steering;
mod svg;
pub use svg::{acceptability_slide_svg, kpi_slide_svg, map_slide_svg, sensitivity_slide_svg};
mod text;

pub use check::{check_json, invalid_json};
pub use html::escape;
pub use text::{analysis_json, analysis_text};

use crate::analysis::Analysis;
use crate::analysis::assumptions;
use crate::analysis::decision::AlternativeResult;
use crate::analysis::kpi::KpiHealth;
use crate::analysis::robustness::Robustness;
use crate::format::{eur, group_thousands, percent, score_text};
use crate::io::SaveError;
use crate::model::{AlternativeId, Choice, Date, Kpi, Project, VoteTarget, VotingRound};

/// What the memo shows: the project, its analysis and Monte Carlo result, and the date.
struct Memo<'a> {
    project: &'a Project,
    analysis: &'a Analysis,
    robustness: &'a Robustness,
    today: Date,
}

/// A voting round as the memo shows it, in HTML or Markdown alike.
struct VoteTally<'a> {
    round: &'a VotingRound,
    /// "21 of 21 dots placed by 7 participants (3 each), on strategy alternatives."
    summary: String,
    /// Item name, dots, share of the dots placed, the analysis' rank ("—" for options).
    rows: Vec<(String, u32, String, String)>,
}

impl<'a> Memo<'a> {
    /// The dot voting rounds, oldest first, each with its items by dots (most first; on rounds
    /// over many items only those with dots) and the analysis' rank of alternatives.
    fn votes(&self) -> Vec<VoteTally<'a>> {
        let mut rounds: Vec<&VotingRound> = self
            .project
            .votes
            .iter()
            .filter(|r| r.kind == crate::model::room::RoundKind::Dots)
            .collect();
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
                                    self.analysis.evaluation.alternative(*id).map(|r| r.rank)
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

    /// "—" for none, else the alternative's name.
    fn name_or_dash(&self, id: Option<AlternativeId>) -> String {
        id.map_or_else(|| "—".to_owned(), |id| self.name(id))
    }

    /// The name of a criterion of the project ("" if there is none with this id).
    fn criterion_name(&self, id: crate::model::CriterionId) -> &'a str {
        self.project
            .decision
            .criterion(id)
            .map_or("", |c| c.name.as_str())
    }

    /// The KPIs, each with its health on the memo's date (a first measurement overdue).
    fn kpis(&self) -> impl Iterator<Item = (&'a Kpi, KpiHealth)> {
        let today = self.today;
        self.project
            .management
            .kpis
            .iter()
            .zip(&self.analysis.kpi_health)
            .map(move |(k, h)| (k, h.as_of(k, today)))
    }

    /// The number of Monte Carlo draws, grouped in thousands.
    fn draws(&self) -> String {
        group_thousands(f64::from(self.robustness.draws))
    }

    fn summary_lines(&self) -> Vec<String> {
        let p = self.project;
        let evaluation = &self.analysis.evaluation;
        let mut lines = Vec::new();
        if let Some(chosen) = p
            .alternatives
            .iter()
            .find(|a| a.status == crate::model::AlternativeStatus::Chosen)
        {
            lines.push(format!("Chosen alternative: {}.", chosen.name));
        }
        let ranked = evaluation.ranked();
        if let (Some(first), Some(second)) = (ranked.first(), ranked.get(1)) {
            lines.push(format!(
                "Ranked first with the current weights: {} (total {:.2}), ahead of {} ({:.2}).",
                first.name, first.total, second.name, second.total
            ));
        }
        if let Some(cc) = &self.analysis.close_call {
            if cc.is_close() {
                let mut l = format!(
                    "Close call: the lead is {} of the winner's total.",
                    percent(cc.lead, 1)
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
                lines.push(format!("The lead is {} of the winner's total; no one-point change of a score changes the winner.", percent(cc.lead, 0)));
            }
        }
        if let Some(winner) = evaluation.winner()
            && let Some(acc) = self.robustness.of(winner.id)
            && let Some(first) = acc.first()
        {
            lines.push(format!(
                "Under uncertainty ({} draws), {} ranks first in {} of the draws.",
                self.draws(),
                winner.name,
                percent(*first, 0)
            ));
        }
        let warnings = assumptions::warnings(p, self.today);
        if !warnings.is_empty() {
            lines.push(format!(
                "{} warning(s) from strategy management: see KPIs and assumptions.",
                warnings.len()
            ));
        }
        if let Some(c) = &self.analysis.check {
            lines.push(format!(
                "Strategy check of {}: {} / 100.",
                self.name(c.alternative),
                c.score
            ));
        }
        lines
    }

    /// An alternative's row of the memo's table, as plain text cells: its raw values (EUR for
    /// resources), and who dominates it.
    fn alternative_cells(&self, a: &AlternativeResult) -> (Vec<String>, String) {
        let values = a
            .raw
            .iter()
            .zip(&self.project.decision.criteria)
            .map(|(raw, c)| {
                if c.measure.is_score() {
                    score_text(*raw)
                } else {
                    eur(*raw)
                }
            })
            .collect();
        let dominated: Vec<String> = a.dominated_by.iter().map(|id| self.name(*id)).collect();
        let dominated = if dominated.is_empty() {
            "—".to_owned()
        } else {
            dominated.join(", ")
        };
        (values, dominated)
    }
}

/// A KPI's verdict: its health and the progress behind it ("On track: made 1,370 of 1,419
/// planned (97 %)"), or only the health without a measurement ("Not measured yet").
fn kpi_verdict(health: &KpiHealth) -> String {
    if health.latest.is_some() {
        format!("{}: {}", health.health.label(), health.words())
    } else {
        health.health.label().to_owned()
    }
}

/// How the memo's KPI table judges health, under the table.
const KPI_HEALTH_NOTE: &str = "Health compares the progress each KPI made from its baseline with the progress its plan (baseline, milestones, target) foresaw at the date of its latest measurement.";

/// When a KPI's next measurement is due, with its cadence ("2026-11-30 (monthly)"), and
/// "overdue" once the day has passed.
fn next_measurement(kpi: &Kpi, today: Date) -> String {
    let due = crate::analysis::kpi::measurement_due(kpi);
    let cadence = kpi.cadence.label().to_lowercase();
    if crate::analysis::kpi::measurement_overdue(kpi, today) {
        format!("{due} ({cadence}), overdue")
    } else {
        format!("{due} ({cadence})")
    }
}

/// When an assumption was last reviewed, or "never".
fn reviewed(date: Option<Date>) -> String {
    date.map_or_else(|| "never".to_owned(), |d| d.to_string())
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

/// The memo of `project` in `format`. `analysis` and `robustness` are the project's (see
/// [`Analysis::of`] and [`crate::analysis::robustness::for_project`]); `today` dates the memo and
/// the assumptions' status.
pub fn memo(
    format: Format,
    project: &Project,
    analysis: &Analysis,
    robustness: &Robustness,
    today: Date,
) -> String {
    let m = Memo {
        project,
        analysis,
        robustness,
        today,
    };
    match format {
        Format::Html => html::html(&m),
        Format::Markdown => markdown::markdown(&m),
    }
}

/// Writes the [`memo`] to a file (atomically), in the format its extension asks for.
pub fn write(
    project: &Project,
    analysis: &Analysis,
    robustness: &Robustness,
    path: &std::path::Path,
    today: Date,
) -> Result<(), SaveError> {
    let text = memo(Format::of(path), project, analysis, robustness, today);
    crate::io::project_file::write_atomic(path, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(Format::of("memo.md".as_ref()), Format::Markdown);
        assert_eq!(Format::of("memo.MARKDOWN".as_ref()), Format::Markdown);
        assert_eq!(Format::of("memo.html".as_ref()), Format::Html);
        assert_eq!(Format::of("memo".as_ref()), Format::Html);
    }

    #[test]
    fn a_verdict_gives_the_performance_where_known() {
        use crate::analysis::kpi::Health;
        let mut h = KpiHealth {
            health: Health::Behind,
            latest: Some(crate::model::Actual("2026-10-31".parse().unwrap(), 10.0)),
            planned_value: Some(10.449),
            made: Some(6.0),
            planned: Some(6.449),
            ratio: Some(6.0 / 6.449),
            numbers: crate::analysis::kpi::NumberKind::Measure,
        };
        assert_eq!(kpi_verdict(&h), "Behind: made 6 of 6.45 planned (93 %)");
        h = KpiHealth {
            health: Health::NotMeasuredYet,
            latest: None,
            planned_value: None,
            made: None,
            planned: None,
            ratio: None,
            numbers: crate::analysis::kpi::NumberKind::Measure,
        };
        assert_eq!(kpi_verdict(&h), "Not measured yet");
        h.health = Health::Overdue;
        assert_eq!(kpi_verdict(&h), "Overdue");
        assert_eq!(reviewed(None), "never");
    }
}
