//! The alternatives' scores as CSV, for people who work in spreadsheets.
//!
//! Columns: the alternative's name, its status, the five built-in scores and measures, and one
//! column per own-score criterion. Import matches rows to alternatives by name (a new name adds
//! an alternative), and changes nothing unless every row is valid: each problem is reported
//! with its line number.

use crate::model::decision::CriterionMeasure;
use crate::model::{
    AlternativeStatus, Choice, CustomScore, Date, ItemKind, ItemRef, Project, Score, add_item,
    validate,
};

const FIXED: [&str; 8] = [
    "alternative",
    "status",
    "competitive_quality",
    "risk",
    "budget_eur",
    "effort_person_days",
    "goal_contribution",
    "strategic_quality",
];

/// The scores as CSV text.
pub fn export(project: &Project) -> Result<String, csv::Error> {
    let own: Vec<_> = project
        .decision
        .criteria
        .iter()
        .filter(|c| c.measure == CriterionMeasure::Custom)
        .collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = FIXED.iter().map(|s| (*s).to_owned()).collect();
    header.extend(own.iter().map(|c| c.name.clone()));
    writer.write_record(&header)?;
    for a in &project.alternatives {
        let mut row = vec![
            a.name.clone(),
            a.status.label().to_owned(),
            rating(a.competitive_quality),
            rating(a.risk),
            a.budget_eur.to_string(),
            a.effort_person_days.to_string(),
            rating(a.goal_contribution),
            rating(a.strategic_quality),
        ];
        row.extend(own.iter().map(|c| {
            a.custom_score(c.id)
                .map_or_else(String::new, |s| s.to_string())
        }));
        writer.write_record(&row)?;
    }
    writer.flush()?;
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A rating as a cell: the number, or empty when it is not assessed yet (an empty cell leaves
/// a value as it is on import).
fn rating(score: Score) -> String {
    score.get().map_or_else(String::new, |v| v.to_string())
}

/// Why an import was refused: one line per problem, each with its line number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: nothing was imported:\n{}", .problems.join("\n"))]
pub struct ImportError {
    /// The file or source.
    pub source_name: String,
    /// "line 3: risk is 12, expected a number from 0 to 10", …
    pub problems: Vec<String>,
}

/// Parsed values of one row.
struct Row {
    line: u64,
    name: String,
    status: Option<AlternativeStatus>,
    values: [Option<f64>; 6],
    own: Vec<(crate::model::CriterionId, Option<f64>)>,
}

/// Applies CSV text to a copy of the project and returns it, or every problem found.
pub fn import(
    project: &Project,
    text: &str,
    source_name: &str,
    today: Date,
) -> Result<Project, ImportError> {
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
        Err(e) => {
            return Err(ImportError {
                source_name: source_name.to_owned(),
                problems: vec![format!("line 1: cannot read the header: {e}")],
            });
        }
    };
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(name_column) = column("alternative") else {
        return Err(ImportError {
            source_name: source_name.to_owned(),
            problems: vec!["line 1: expected a column named \"alternative\"".to_owned()],
        });
    };
    for h in &header {
        let known =
            FIXED.iter().any(|f| f.eq_ignore_ascii_case(h))
                || project.decision.criteria.iter().any(|c| {
                    c.measure == CriterionMeasure::Custom && c.name.eq_ignore_ascii_case(h)
                });
        if !known {
            problems.push(format!("line 1: unknown column \"{h}\""));
        }
    }
    let own_columns: Vec<(crate::model::CriterionId, usize)> = project
        .decision
        .criteria
        .iter()
        .filter(|c| c.measure == CriterionMeasure::Custom)
        .filter_map(|c| column(&c.name).map(|i| (c.id, i)))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                problems.push(format!("line {line}: cannot read the row: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let cell = |i: usize| record.get(i).map(str::trim).unwrap_or("");
        let name = cell(name_column).to_owned();
        if name.is_empty() {
            problems.push(format!("line {line}: the alternative's name is empty"));
            continue;
        }
        let number = |field: &str, max: Option<f64>, problems: &mut Vec<String>| -> Option<f64> {
            let i = column(field)?;
            let text = cell(i);
            if text.is_empty() {
                return None;
            }
            match text.replace(',', "").parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 && max.is_none_or(|m| v <= m) => Some(v),
                _ => {
                    let expected = match max {
                        Some(m) => format!("a number from 0 to {m}"),
                        None => "a number of 0 or more".to_owned(),
                    };
                    problems.push(format!(
                        "line {line}: {field} is \"{text}\", expected {expected}"
                    ));
                    None
                }
            }
        };
        let values = [
            number("competitive_quality", Some(10.0), &mut problems),
            number("risk", Some(10.0), &mut problems),
            number("budget_eur", None, &mut problems),
            number("effort_person_days", None, &mut problems),
            number("goal_contribution", Some(10.0), &mut problems),
            number("strategic_quality", Some(10.0), &mut problems),
        ];
        let status = match column("status").map(cell) {
            None | Some("") => None,
            Some(text) => {
                let found = AlternativeStatus::ALL
                    .iter()
                    .copied()
                    .find(|s| s.label().eq_ignore_ascii_case(text));
                if found.is_none() {
                    let labels: Vec<&str> =
                        AlternativeStatus::ALL.iter().map(|s| s.label()).collect();
                    problems.push(format!(
                        "line {line}: status is \"{text}\", expected one of {}",
                        labels.join(", ")
                    ));
                }
                found
            }
        };
        let own = own_columns
            .iter()
            .map(|(id, i)| {
                let text = cell(*i);
                let value = if text.is_empty() {
                    None
                } else {
                    match text.parse::<f64>() {
                        Ok(v) if (0.0..=10.0).contains(&v) => Some(v),
                        _ => {
                            problems.push(format!(
                                "line {line}: {} is \"{text}\", expected a number from 0 to 10",
                                header[*i]
                            ));
                            None
                        }
                    }
                };
                (*id, value)
            })
            .collect();
        rows.push(Row {
            line,
            name,
            status,
            values,
            own,
        });
    }
    let mut seen = std::collections::HashSet::new();
    for row in &rows {
        if !seen.insert(row.name.to_lowercase()) {
            problems.push(format!(
                "line {}: \"{}\" appears more than once",
                row.line, row.name
            ));
        }
    }
    if !problems.is_empty() {
        return Err(ImportError {
            source_name: source_name.to_owned(),
            problems,
        });
    }
    let mut result = project.clone();
    for row in rows {
        let id = match result
            .alternatives
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(&row.name))
        {
            Some(a) => a.id,
            None => match add_item(&mut result, ItemKind::Alternative, today) {
                Ok(ItemRef::Alternative(id)) => id,
                _ => continue,
            },
        };
        let Some(a) = result.alternative_mut(id) else {
            continue;
        };
        a.name = row.name;
        if let Some(s) = row.status {
            a.status = s;
        }
        let [quality, risk, budget, effort, goals, strategic] = row.values;
        for (target, value) in [
            (&mut a.competitive_quality, quality),
            (&mut a.risk, risk),
            (&mut a.goal_contribution, goals),
            (&mut a.strategic_quality, strategic),
        ] {
            if let Some(v) = value {
                target.set(v);
            }
        }
        for (target, value) in [
            (&mut a.budget_eur, budget),
            (&mut a.effort_person_days, effort),
        ] {
            if let Some(v) = value {
                *target = v;
            }
        }
        for (criterion, value) in row.own {
            if let Some(score) = value {
                match a
                    .custom_scores
                    .iter_mut()
                    .find(|s| s.criterion == criterion)
                {
                    Some(s) => s.score = score,
                    None => a.custom_scores.push(CustomScore { criterion, score }),
                }
            }
        }
    }
    result.fit_ranges();
    let findings = validate(&result);
    if findings.is_empty() {
        Ok(result)
    } else {
        Err(ImportError {
            source_name: source_name.to_owned(),
            problems: findings.iter().map(ToString::to_string).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn export_then_import_changes_nothing() {
        for sample in crate::io::SAMPLES {
            let p = sample.load().unwrap();
            let text = export(&p).unwrap();
            assert!(text.starts_with("alternative,status,competitive_quality"));
            let back = import(&p, &text, "scores.csv", today()).unwrap();
            assert_eq!(back, p, "{}", sample.file_name);
        }
    }

    #[test]
    fn import_updates_by_name_and_adds_new_rows() {
        let p = crate::io::SAMPLES[0].load().unwrap();
        let text = "alternative,risk,budget_eur,status\n\"Reach and recruit: craft content\",3.5,\"50,000\",Draft\nPaid ads only,2,30000,\n";
        let back = import(&p, text, "s.csv", today()).unwrap();
        let reach = back
            .alternatives
            .iter()
            .find(|a| a.name.starts_with("Reach"))
            .unwrap();
        assert_eq!(reach.risk, Score::new(3.5));
        assert_eq!(reach.budget_eur, 50_000.0);
        assert_eq!(reach.status, AlternativeStatus::Draft);
        assert_eq!(
            reach.competitive_quality,
            Score::new(2.5),
            "columns not given stay as they were"
        );
        let new = back
            .alternatives
            .iter()
            .find(|a| a.name == "Paid ads only")
            .unwrap();
        assert_eq!(new.budget_eur, 30_000.0);
        assert_eq!(back.alternatives.len(), 4);
    }

    #[test]
    fn a_bad_csv_names_every_bad_row_and_changes_nothing() {
        let p = crate::io::SAMPLES[0].load().unwrap();
        let text = "alternative,risk,status,colour\nA,12,Draft,red\n,3,,\nB,x,Maybe,\nA,1,,\n";
        let err = import(&p, text, "bad.csv", today()).unwrap_err();
        let all = err.problems.join("\n");
        assert!(all.contains("line 1: unknown column \"colour\""), "{all}");
        assert!(
            all.contains("line 2: risk is \"12\", expected a number from 0 to 10"),
            "{all}"
        );
        assert!(
            all.contains("line 3: the alternative's name is empty"),
            "{all}"
        );
        assert!(all.contains("line 4: risk is \"x\""), "{all}");
        assert!(all.contains("line 4: status is \"Maybe\""), "{all}");
        assert!(
            all.contains("line 5: \"A\" appears more than once"),
            "{all}"
        );
        assert!(err.to_string().starts_with("bad.csv: nothing was imported"));
        let err = import(&p, "name,risk\nx,1\n", "nohead.csv", today()).unwrap_err();
        assert!(err.problems[0].contains("expected a column named \"alternative\""));
    }
}
