//! The method's chain as the memo documents it (issue 11 part 7; what pbsm's strategy check
//! asks to be documented): the reasoning per step, the potential used and set aside, the
//! corporate benefits and the goals they serve, the competitive situation of the options, the
//! goal links per alternative, and the consistency findings. Built once as tables, written
//! as HTML or Markdown.

use super::Memo;
use crate::analysis::competition::{Position, Standings};
use crate::analysis::consistency;
use crate::analysis::suggest;
use crate::format::score_text;
use crate::model::judgement::{note_for, reason_for};
use crate::model::{Choice, MethodStep, PotentialDecision, Suggested};

/// One table of the chain.
pub(super) struct Table {
    /// Its heading.
    pub title: &'static str,
    /// The strategist's reasoning for the step, if written.
    pub why: Option<String>,
    /// A sentence before the table (what it shows, or that it is empty).
    pub note: String,
    /// Column headings.
    pub header: Vec<&'static str>,
    /// Rows of cells, as text.
    pub rows: Vec<Vec<String>>,
}

fn position_text(position: Option<Position>) -> String {
    match position {
        Some(Position::Ahead) => "ahead".to_owned(),
        Some(Position::Level) => "level".to_owned(),
        Some(Position::Behind) => "behind".to_owned(),
        None => "not rated".to_owned(),
    }
}

impl Memo<'_> {
    /// The chain's tables, in the order of the method's steps.
    pub(super) fn chain(&self) -> Vec<Table> {
        let p = self.project;
        let why = |step| note_for(&p.reasoning, step).map(str::to_owned);
        let module = |id: Option<crate::model::ModuleId>| {
            id.and_then(|id| p.foundation.module(id)).map_or_else(
                || "Business model as a whole".to_owned(),
                |m| m.name.clone(),
            )
        };
        let mut tables = Vec::new();

        tables.push(Table {
            title: "Goals",
            why: why(MethodStep::Foundation),
            note:
                "Each goal with the corporate benefits that serve it and the KPIs that measure it."
                    .to_owned(),
            header: vec!["Goal", "Kind", "Served by", "Measured by"],
            rows: p
                .foundation
                .goals
                .iter()
                .map(|g| {
                    let benefits: Vec<String> = g
                        .benefits
                        .iter()
                        .filter_map(|l| {
                            p.benefit(l.benefit).map(|b| {
                                format!("{} ({})", b.name, l.strength.label().to_lowercase())
                            })
                        })
                        .collect();
                    let kpis: Vec<String> = g
                        .kpis
                        .iter()
                        .filter_map(|k| p.management.kpis.iter().find(|x| x.id == *k))
                        .map(|k| k.name.clone())
                        .collect();
                    vec![
                        g.text.clone(),
                        g.kind.label().to_owned(),
                        or_none(&benefits),
                        or_none(&kpis),
                    ]
                })
                .collect(),
        });

        let (used, rest): (Vec<_>, Vec<_>) = p
            .potential
            .module_potentials
            .iter()
            .partition(|m| m.decision == PotentialDecision::Use);
        tables.push(Table {
            title: "Potential used and set aside",
            why: why(MethodStep::Potential),
            note: format!(
                "{} potentials used, {} deliberately set aside, {} open.",
                used.len(),
                rest.iter()
                    .filter(|m| m.decision == PotentialDecision::SetAside)
                    .count(),
                rest.iter()
                    .filter(|m| m.decision == PotentialDecision::Open)
                    .count()
            ),
            header: vec!["Module", "Potential", "Strength", "Decision", "Why"],
            rows: used
                .iter()
                .chain(rest.iter())
                .map(|m| {
                    vec![
                        module(m.module),
                        m.potential_type.label().to_owned(),
                        rating(m.strength),
                        m.decision.label().to_owned(),
                        m.note.clone(),
                    ]
                })
                .collect(),
        });

        tables.push(Table {
            title: "Corporate benefits",
            why: why(MethodStep::Benefit),
            note: "Each benefit with its relevance, the goals it serves and the options that realise it.".to_owned(),
            header: vec!["Benefit", "Module", "Relevance", "Serves goals", "Options"],
            rows: p
                .benefits
                .iter()
                .map(|b| {
                    let goals: Vec<String> = p
                        .foundation
                        .goals
                        .iter()
                        .filter(|g| g.served_by(b.id).is_some())
                        .map(|g| g.text.clone())
                        .collect();
                    vec![
                        b.name.clone(),
                        module(Some(b.module)),
                        rating(b.relevance),
                        or_none(&goals),
                        p.options_realising(b.id).to_string(),
                    ]
                })
                .collect(),
        });

        let standings = Standings::of(p);
        let mut competition_note = format!(
            "{} performance and {} attention competitors. Each option's position against the strongest of each kind in its weakest rated arena (topic, usage format, user benefit); an assessment other than the matrix's carries its reason.",
            p.competition
                .competitors
                .iter()
                .filter(|c| c.kind == crate::model::CompetitorKind::Performance)
                .count(),
            p.competition
                .competitors
                .iter()
                .filter(|c| c.kind == crate::model::CompetitorKind::Attention)
                .count(),
        );
        if !p.competition.summary.trim().is_empty() {
            competition_note = format!("{} {competition_note}", p.competition.summary.trim());
        }
        tables.push(Table {
            title: "Competitive situation",
            why: why(MethodStep::Competition),
            note: competition_note,
            header: vec![
                "Option",
                "Assessment",
                "vs performance",
                "vs attention",
                "Reason kept",
            ],
            rows: p
                .options
                .iter()
                .map(|o| {
                    let s = suggest::option_position(p, &standings, o);
                    vec![
                        o.name.clone(),
                        o.assessment.label().to_owned(),
                        position_text(s.as_ref().and_then(|s| s.performance)),
                        position_text(s.as_ref().and_then(|s| s.attention)),
                        reason_for(&o.overrides, Suggested::Position)
                            .unwrap_or("—")
                            .to_owned(),
                    ]
                })
                .collect(),
        });

        if let Some(moved) = self.moves() {
            tables.push(moved);
        }

        let goals = &self.analysis.goals;
        let names: Vec<String> = goals.alternatives.iter().map(|id| self.name(*id)).collect();
        tables.push(Table {
            title: "Goal links per alternative",
            why: why(MethodStep::Alternatives),
            note: if goals.linked {
                format!(
                    "How strongly each alternative serves each goal, 0 to 10, through the benefits its options realise. Columns: {}.",
                    names.join("; ")
                )
            } else {
                "No goal is linked to a corporate benefit yet.".to_owned()
            },
            header: vec!["Goal", "Per alternative (in the order above)"],
            rows: goals
                .goals
                .iter()
                .zip(&goals.cells)
                .map(|(g, cells)| {
                    let values: Vec<String> = cells
                        .iter()
                        .map(|c| {
                            if c.via.is_some() {
                                score_text(c.value)
                            } else {
                                "—".to_owned()
                            }
                        })
                        .collect();
                    vec![
                        crate::analysis::goals::goal_name(p, *g),
                        values.join(" · "),
                    ]
                })
                .collect(),
        });

        tables.push(self.kept_reasons());

        tables.extend(self.management_tables());

        let found = consistency::findings(p, &self.analysis.evaluation, self.today);
        let messages = consistency::Messages::new(p, self.today);
        tables.push(Table {
            title: "Consistency findings",
            why: why(MethodStep::Decision),
            note: if found.is_empty() {
                "None: the steps agree with each other and with the method's rules.".to_owned()
            } else {
                format!(
                    "{} places where the project contradicts itself or the method, with the rule each applies.",
                    found.len()
                )
            },
            header: vec!["Severity", "Finding", "Rule"],
            rows: found
                .iter()
                .map(|f| {
                    vec![
                        f.severity.label().to_owned(),
                        messages.of(f),
                        f.kind.rule().to_owned(),
                    ]
                })
                .collect(),
        });
        tables
    }
}

impl Memo<'_> {
    /// How positions moved since the last re-rating, in the competition pane's words; `None`
    /// when nothing was re-rated yet.
    fn moves(&self) -> Option<Table> {
        use crate::analysis::competition::{earlier_rating_dates, moves, option_moves};
        let p = self.project;
        let since = *earlier_rating_dates(p).last()?;
        let moved = moves(p, since);
        let options = option_moves(p, since);
        let then = since.map_or_else(
            || "the undated ratings".to_owned(),
            |d| format!("each side's rating in force on {d}"),
        );
        let note = if moved.is_empty() {
            format!("No position moved since the last re-rating: {then} against the current ones.")
        } else {
            format!(
                "Since the last re-rating: {then} against the current ones, per arena and kind of competitor, with the re-ratings that moved each position; then the options whose suggested position changed."
            )
        };
        Some(Table {
            title: "How positions moved",
            why: None,
            note,
            header: vec!["Move"],
            rows: moved
                .iter()
                .map(|m| vec![m.describe(p)])
                .chain(options.iter().map(|o| vec![o.describe(p)]))
                .collect(),
        })
    }

    /// Every value the user keeps against its suggestion, with the suggestion and the reason;
    /// a reason for a value that follows its suggestion again is marked as such.
    fn kept_reasons(&self) -> Table {
        let p = self.project;
        let standings = Standings::of(p);
        let mut rows = Vec::new();
        let mut row =
            |item: &str, of: Suggested, yours: String, suggested: Option<String>, reason: &str| {
                let (suggested, now) = match suggested {
                    Some(s) if s == yours => (s, " (follows the suggestion now)"),
                    Some(s) => (s, ""),
                    None => ("none now".to_owned(), ""),
                };
                rows.push(vec![
                    item.to_owned(),
                    of.label().to_owned(),
                    format!("{yours}{now}"),
                    suggested,
                    reason.to_owned(),
                ]);
            };
        for o in &p.options {
            for r in o.overrides.iter().filter(|r| !r.reason.trim().is_empty()) {
                let (yours, suggested) = match r.of {
                    Suggested::Position => (
                        o.assessment.label().to_owned(),
                        suggest::option_position(p, &standings, o)
                            .map(|s| s.suggestion.value.label().to_owned()),
                    ),
                    Suggested::Priority => (
                        o.priority.label().to_owned(),
                        suggest::option_priority(p, o).map(|s| s.value.label().to_owned()),
                    ),
                    _ => (
                        rating(o.relevance),
                        suggest::option_relevance(p, o).map(|s| score_text(s.value)),
                    ),
                };
                row(&o.name, r.of, yours, suggested, &r.reason);
            }
        }
        for a in &p.alternatives {
            for r in a.overrides.iter().filter(|r| !r.reason.trim().is_empty()) {
                let (yours, suggested) = match r.of {
                    Suggested::Risk => (
                        rating(a.risk),
                        suggest::alternative_risk(p, a, self.today).map(|s| score_text(s.value)),
                    ),
                    Suggested::GoalContribution => (
                        rating(a.goal_contribution),
                        self.analysis.goals.suggested_value(a.id).map(score_text),
                    ),
                    _ => (
                        rating(a.competitive_quality),
                        suggest::alternative_quality(p, a).map(|s| score_text(s.value)),
                    ),
                };
                row(&a.name, r.of, yours, suggested, &r.reason);
            }
        }
        Table {
            title: "Values kept against the suggestion",
            why: None,
            note: if rows.is_empty() {
                "None: every value follows what the earlier steps suggest.".to_owned()
            } else {
                "Where the strategist keeps a value other than the one the earlier steps suggest, and why.".to_owned()
            },
            header: vec!["Item", "Value", "Kept", "Suggested", "Why"],
            rows,
        }
    }
}

fn rating(score: crate::model::Score) -> String {
    crate::format::rating_text(score)
}

fn or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join("; ")
    }
}
