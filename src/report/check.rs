//! The JSON document `check --json` prints per file: its validity, the strategy check's score
//! and gaps, and the consistency findings, for automation.

use crate::analysis::Analysis;
use crate::analysis::consistency::{Finding, Messages};
use crate::model::{Choice, Date, ItemRef, Project};
use serde_json::{Value, json};

/// An item as `{"kind": "option", "id": 3}`.
fn item_json(item: ItemRef) -> Value {
    json!({ "kind": item.kind().label(), "id": item.number() })
}

/// A valid file's document: its name, the strategy check and the consistency findings.
pub fn check_json(
    file: &str,
    project: &Project,
    analysis: &Analysis,
    findings: &[Finding],
    today: Date,
) -> Value {
    let messages = Messages::new(project, today);
    let strategy_check = analysis.check.as_ref().map(|c| {
        json!({
            "alternative": project.alternative(c.alternative).map(|a| a.name.clone()),
            "score": c.score,
            "gaps": c.gaps(),
        })
    });
    let findings: Vec<Value> = findings
        .iter()
        .map(|f| {
            json!({
                "kind": f.kind.code(),
                "severity": f.severity.label(),
                "item": item_json(f.item),
                "message": messages.of(f),
                "rule": f.kind.rule(),
            })
        })
        .collect();
    json!({
        "file": file,
        "valid": true,
        "project": project.name,
        "strategy_check": strategy_check,
        "findings": findings,
    })
}

/// An invalid file's document: its name and why it was refused.
pub fn invalid_json(file: &str, error: &str) -> Value {
    json!({ "file": file, "valid": false, "error": error })
}
