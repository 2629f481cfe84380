//! Strategy management in the memo: the decision record, the integration of benefits into
//! business processes, the implementation in quality and quantity, and the audit of what is
//! due.

use super::Memo;
use super::chain::Table;
use crate::analysis::steering;
use crate::format::{group_thousands, trim_number};
use crate::model::{AlternativeStatus, MethodStep};

impl Memo<'_> {
    /// The strategy management tables, in the order of the method's tasks.
    pub(super) fn management_tables(&self) -> Vec<Table> {
        let p = self.project;
        let why = || {
            crate::model::judgement::note_for(&p.reasoning, MethodStep::Management)
                .map(str::to_owned)
        };
        let name = |id| {
            p.alternative(id)
                .map_or_else(|| "(removed)".to_owned(), |a| a.name.clone())
        };
        let mut tables = Vec::new();

        let (note, rows) = match &p.management.decision {
            None => ("No decision recorded yet.".to_owned(), Vec::new()),
            Some(r) => {
                let chosen = r
                    .alternative
                    .map_or_else(|| "no alternative".to_owned(), name);
                let mut rows = vec![vec![chosen.clone(), "Chosen".to_owned(), r.reason.clone()]];
                rows.extend(
                    p.alternatives
                        .iter()
                        .filter(|a| Some(a.id) != r.alternative)
                        .map(|a| {
                            vec![
                                a.name.clone(),
                                "Not chosen".to_owned(),
                                r.rejection(a.id).unwrap_or("no reason recorded").to_owned(),
                            ]
                        }),
                );
                (
                    format!(
                        "Decided by {} on {} for “{chosen}”.",
                        if r.decided_by.trim().is_empty() {
                            "(not recorded)"
                        } else {
                            r.decided_by.as_str()
                        },
                        r.date
                    ),
                    rows,
                )
            }
        };
        tables.push(Table {
            title: "Decision record",
            why: None,
            note,
            header: vec!["Alternative", "Decision", "Why"],
            rows,
        });

        let kpi_name = |id| {
            p.management
                .kpis
                .iter()
                .find(|k| k.id == id)
                .map_or_else(|| "—".to_owned(), |k| k.name.clone())
        };
        tables.push(Table {
            title: "Integration of benefits into business processes",
            why: why(),
            note: if p.management.integrations.is_empty() {
                "No business process takes up a benefit yet.".to_owned()
            } else {
                "Each corporate benefit, the functional area and process that take it up, its owner, what changes, and the result expected.".to_owned()
            },
            header: vec![
                "Benefit",
                "Area: process",
                "Owner",
                "Change",
                "Expected result (KPI)",
                "Status",
            ],
            rows: steering::by_area(p)
                .into_iter()
                .flat_map(|(area, entries)| {
                    entries.into_iter().filter_map(move |e| {
                        let crate::model::ItemRef::Integration(id) = e.item else {
                            return None;
                        };
                        let i = p.management.integrations.iter().find(|i| i.id == id)?;
                        Some(vec![
                            e.benefit,
                            format!("{area}: {}", e.process),
                            e.owner,
                            i.change.clone(),
                            format!(
                                "{} ({})",
                                e.result,
                                i.kpi.map_or_else(|| "no KPI".to_owned(), kpi_name)
                            ),
                            e.status,
                        ])
                    })
                })
                .collect(),
        });

        let period = p.management.period.map_or_else(
            || "No strategy period set.".to_owned(),
            |r| {
                format!(
                    "Strategy period {} to {}, {:.0} % passed on {}.",
                    r.start,
                    r.end,
                    r.share_passed(self.today) * 100.0,
                    self.today
                )
            },
        );
        tables.push(Table {
            title: "Implementation in quality and quantity",
            why: None,
            note: period,
            header: vec![
                "Alternative",
                "Measures done",
                "Progress",
                "Effort (days)",
                "Money (EUR)",
                "Quality",
            ],
            rows: p
                .alternatives
                .iter()
                .filter(|a| a.status != AlternativeStatus::Rejected)
                .filter_map(|a| {
                    let i = steering::implementation(p, a.id, self.today)?;
                    Some(vec![
                        a.name.clone(),
                        format!("{} of {} ({} overdue)", i.done, i.measures, i.overdue),
                        i.progress.map_or_else(
                            || "unknown".to_owned(),
                            |x| format!("{:.0} %", x * 100.0),
                        ),
                        format!("{} of {}", trim_number(i.days.1), trim_number(i.days.0)),
                        format!(
                            "{} of {}",
                            group_thousands(i.eur.1),
                            group_thousands(i.eur.0)
                        ),
                        i.quality.map_or_else(
                            || "not rated".to_owned(),
                            |q| format!("{q:.1} ({} rated, {} short)", i.rated, i.short),
                        ),
                    ])
                })
                .collect(),
        });

        tables.push(Table {
            title: "Monitored risks",
            why: None,
            note: if p.management.risks.is_empty() {
                "No risk is monitored.".to_owned()
            } else {
                "The strategy's risks, watched like its assumptions.".to_owned()
            },
            header: vec![
                "Risk",
                "Status",
                "Precaution",
                "Owner",
                "Last review",
                "Seen",
            ],
            rows: p
                .management
                .risks
                .iter()
                .map(|r| {
                    vec![
                        r.text.clone(),
                        r.status.to_string(),
                        r.precaution.clone(),
                        r.owner.clone(),
                        r.last_review
                            .map_or_else(|| "never".to_owned(), |d| d.to_string()),
                        r.note.clone(),
                    ]
                })
                .collect(),
        });

        let due = steering::audit(p, self.today);
        tables.push(Table {
            title: "Audit: what is due",
            why: None,
            note: if due.is_empty() {
                format!("Nothing is due on {}.", self.today)
            } else {
                format!(
                    "{} things due on {}, the longest due first.",
                    due.len(),
                    self.today
                )
            },
            header: vec!["Since", "What"],
            rows: due
                .iter()
                .map(|d| {
                    vec![
                        d.since.map_or_else(|| "now".to_owned(), |s| s.to_string()),
                        steering::due_words(p, d),
                    ]
                })
                .collect(),
        });
        tables
    }
}
