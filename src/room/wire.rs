//! The JSON the phones and the room server exchange: the question as the page shows it, and
//! the answer as the page sends it, parsed and checked into a [`model::Answer`].
//!
//! Items travel as short keys: `A3` for alternative 3, `O7` for option 7, `C2` for criterion
//! 2. An answer is one JSON object with one field, the round's kind:
//!
//! ```json
//! {"dots": {"A1": 2, "A3": 1}}
//! {"points": {"A1": 60, "A2": 40}}
//! {"ranking": ["A2", "A1", "A3"]}
//! {"scale": {"A1": 4, "A2": null}}
//! {"placing": {"A1": {"quality": 6.5, "risk": 3}}}
//! {"pairwise": [{"first": "C1", "second": "C2", "judgment": 3}]}
//! ```
//!
//! A pairwise `judgment` is a whole number: 1 means both matter equally, 2 to 9 that the first
//! matters that many times more, -2 to -9 that the second does.
//!
//! [`parse_answer`] is the one door for what a phone sends: anything malformed, unknown or out
//! of range comes back as a [`WireError`] whose text the phone shows, and nothing else is
//! stored. It is fuzzed (`fuzz/fuzz_targets/answer.rs`).

use crate::model::decision::Judgment;
use crate::model::room::{
    Answer, AnswerError, PLACING_MAX, POINTS_BUDGET, Placement, Question, Rating, SCALE_MAX, Share,
};
use crate::model::{AlternativeId, Choice, CriterionId, Dots, OptionId, RoundKind, VoteTarget};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The largest answer body accepted, in bytes (an answer on 100 items is under 3 KiB).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The key of an alternative or option (`A3`, `O7`).
pub fn target_key(target: VoteTarget) -> String {
    match target {
        VoteTarget::Alternative(id) => format!("A{}", id.0),
        VoteTarget::Option(id) => format!("O{}", id.0),
    }
}

/// The key of a criterion (`C2`).
pub fn criterion_key(id: CriterionId) -> String {
    format!("C{}", id.0)
}

/// The number of a key written as the server writes it: no sign, no leading zero (`A03` is not
/// `A3`: two spellings of one item would let an answer name it twice, and its order would
/// depend on the spelling; found by the `answer` fuzz target).
fn key_number(key: &str, prefix: char) -> Option<u32> {
    let digits = key.strip_prefix(prefix)?;
    if digits.is_empty()
        || digits.len() > 9
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || (digits.len() > 1 && digits.starts_with('0'))
    {
        return None;
    }
    digits.parse().ok()
}

/// The alternative or option a key names, if it is well formed.
pub fn parse_target(key: &str) -> Option<VoteTarget> {
    key_number(key, 'A')
        .map(|n| VoteTarget::Alternative(AlternativeId(n)))
        .or_else(|| key_number(key, 'O').map(|n| VoteTarget::Option(OptionId(n))))
}

/// The criterion a key names, if it is well formed.
pub fn parse_criterion(key: &str) -> Option<CriterionId> {
    key_number(key, 'C').map(CriterionId)
}

/// The wire name of a round kind.
pub fn kind_key(kind: RoundKind) -> &'static str {
    match kind {
        RoundKind::Dots => "dots",
        RoundKind::Points => "points",
        RoundKind::Ranking => "ranking",
        RoundKind::Scale => "scale",
        RoundKind::Placing => "placing",
        RoundKind::Pairwise => "pairwise",
    }
}

/// One item as the page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireItem {
    /// Its key (`A3`, `O7`, `C2`).
    pub key: String,
    /// Its name.
    pub name: String,
}

/// The question as the page gets it (`GET …/api/round`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireQuestion {
    /// The question put to the room.
    pub question: String,
    /// The kind's wire name (`points`).
    pub kind: String,
    /// The kind's label for people ("100 points").
    pub kind_label: String,
    /// How to answer, in a sentence.
    pub how: String,
    /// The alternatives or options (empty for pairwise rounds).
    pub items: Vec<WireItem>,
    /// The criteria (pairwise rounds only).
    pub criteria: Vec<WireItem>,
    /// Dots each participant holds.
    pub dots_each: u32,
    /// Points each participant shares.
    pub budget: u32,
    /// The top of the 1-to-N scale.
    pub scale_max: u8,
    /// The top of the placing axes (from 0).
    pub placing_max: f64,
    /// Whether participants give their names.
    pub named: bool,
}

impl WireQuestion {
    /// The wire form of a question.
    pub fn of(question: &Question) -> Self {
        let how = match question.kind {
            RoundKind::Dots => format!(
                "Put your {} dots on what you would pursue; several on one if you feel strongly.",
                question.dots_each
            ),
            RoundKind::Points => format!(
                "Share {POINTS_BUDGET} points over the items: more points, more weight."
            ),
            RoundKind::Ranking => "Put every item in order, best first.".to_owned(),
            RoundKind::Scale => {
                format!("Rate each item from 1 (low) to {SCALE_MAX} (high), or skip it.")
            }
            RoundKind::Placing => "Place each alternative: competitive quality (0 weak, 10 strong) and risk (0 low, 10 high).".to_owned(),
            RoundKind::Pairwise => "For each pair of criteria, say which matters more and how much (1 equal, 9 far more).".to_owned(),
        };
        Self {
            question: question.text.clone(),
            kind: kind_key(question.kind).to_owned(),
            kind_label: question.kind.label().to_owned(),
            how,
            items: question
                .items
                .iter()
                .map(|(t, name)| WireItem {
                    key: target_key(*t),
                    name: name.clone(),
                })
                .collect(),
            criteria: question
                .criteria
                .iter()
                .map(|(c, name)| WireItem {
                    key: criterion_key(*c),
                    name: name.clone(),
                })
                .collect(),
            dots_each: question.dots_each,
            budget: POINTS_BUDGET,
            scale_max: SCALE_MAX,
            placing_max: PLACING_MAX,
            named: question.named,
        }
    }
}

/// Why what a phone sent is refused: the text is shown on the phone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    /// Not JSON, or not the shape of an answer.
    #[error("the answer could not be read: {0}")]
    Malformed(String),
    /// Read, but not acceptable for the round.
    #[error("{0}")]
    Refused(#[from] AnswerError),
}

fn malformed(text: impl Into<String>) -> WireError {
    WireError::Malformed(text.into())
}

fn whole(value: &Value, what: &str) -> Result<u32, WireError> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| malformed(format!("{what} must be a whole number from 0")))
}

fn number(value: &Value, what: &str) -> Result<f64, WireError> {
    value
        .as_f64()
        .ok_or_else(|| malformed(format!("{what} must be a number")))
}

fn target(key: &str) -> Result<VoteTarget, WireError> {
    parse_target(key).ok_or_else(|| malformed(format!("\"{}\" is not an item key", clip(key))))
}

fn criterion(key: &str) -> Result<CriterionId, WireError> {
    parse_criterion(key)
        .ok_or_else(|| malformed(format!("\"{}\" is not a criterion key", clip(key))))
}

/// A key as an error message may quote it: at most 20 characters.
fn clip(key: &str) -> String {
    let mut out: String = key.chars().take(20).collect();
    if key.chars().count() > 20 {
        out.push('…');
    }
    out
}

fn object<'v>(
    value: &'v Value,
    what: &str,
) -> Result<&'v serde_json::Map<String, Value>, WireError> {
    value
        .as_object()
        .ok_or_else(|| malformed(format!("{what} must be an object of item keys")))
}

/// Reads an answer's JSON value (as the page sends it, `{"points": {...}}`) into an answer,
/// without checking it against a round.
pub fn answer_from_value(value: &Value) -> Result<Answer, WireError> {
    let fields = value
        .as_object()
        .ok_or_else(|| malformed("an answer is an object such as {\"points\": {…}}"))?;
    if fields.len() != 1 {
        return Err(malformed(
            "an answer has exactly one field, the round's kind",
        ));
    }
    let Some((kind, body)) = fields.iter().next() else {
        return Err(malformed("an empty answer"));
    };
    Ok(match kind.as_str() {
        "dots" => Answer::Dots(
            object(body, "dots")?
                .iter()
                .map(|(k, v)| {
                    Ok(Dots {
                        on: target(k)?,
                        count: whole(v, "a number of dots")?,
                    })
                })
                .collect::<Result<_, WireError>>()?,
        ),
        "points" => Answer::Points(
            object(body, "points")?
                .iter()
                .map(|(k, v)| {
                    Ok(Share {
                        on: target(k)?,
                        points: whole(v, "points")?,
                    })
                })
                .collect::<Result<_, WireError>>()?,
        ),
        "ranking" => Answer::Ranking(
            body.as_array()
                .ok_or_else(|| malformed("a ranking is a list of item keys, best first"))?
                .iter()
                .map(|v| {
                    target(
                        v.as_str()
                            .ok_or_else(|| malformed("a ranking lists item keys"))?,
                    )
                })
                .collect::<Result<_, WireError>>()?,
        ),
        "scale" => Answer::Scale(
            object(body, "scale")?
                .iter()
                .map(|(k, v)| {
                    let value = if v.is_null() {
                        None
                    } else {
                        let n = whole(v, "a rating")?;
                        Some(u8::try_from(n).unwrap_or(u8::MAX))
                    };
                    Ok(Rating {
                        on: target(k)?,
                        value,
                    })
                })
                .collect::<Result<_, WireError>>()?,
        ),
        "placing" => Answer::Placing(
            object(body, "placing")?
                .iter()
                .map(|(k, v)| {
                    let VoteTarget::Alternative(alternative) = target(k)? else {
                        return Err(malformed("only alternatives are placed"));
                    };
                    let place = v
                        .as_object()
                        .ok_or_else(|| malformed("a placing is {\"quality\": …, \"risk\": …}"))?;
                    if place.len() != 2 {
                        return Err(malformed(
                            "a placing has a quality and a risk, nothing else",
                        ));
                    }
                    let axis = |name: &str| {
                        place
                            .get(name)
                            .ok_or_else(|| malformed(format!("a placing needs its {name}")))
                            .and_then(|v| number(v, name))
                    };
                    Ok(Placement {
                        alternative,
                        quality: axis("quality")?,
                        risk: axis("risk")?,
                    })
                })
                .collect::<Result<_, WireError>>()?,
        ),
        "pairwise" => Answer::Pairwise(
            body.as_array()
                .ok_or_else(|| malformed("pairwise judgments are a list"))?
                .iter()
                .map(judgment)
                .collect::<Result<_, WireError>>()?,
        ),
        other => {
            let known: Vec<&str> = RoundKind::ALL.iter().map(|k| kind_key(*k)).collect();
            return Err(malformed(format!(
                "\"{}\" is not a kind of answer (expected one of {})",
                clip(other),
                known.join(", ")
            )));
        }
    })
}

fn judgment(value: &Value) -> Result<Judgment, WireError> {
    let fields = value
        .as_object()
        .ok_or_else(|| malformed("a judgment is {\"first\", \"second\", \"judgment\"}"))?;
    if fields.len() != 3 {
        return Err(malformed(
            "a judgment has a first, a second and a judgment, nothing else",
        ));
    }
    let key = |name: &str| {
        fields
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| malformed(format!("a judgment needs its {name} criterion")))
            .and_then(criterion)
    };
    let a = key("first")?;
    let b = key("second")?;
    let n = fields
        .get("judgment")
        .and_then(Value::as_i64)
        .ok_or_else(|| malformed("a judgment is a whole number"))?;
    let value = match n {
        1..=9 => n as f64,
        -9..=-2 => 1.0 / (-n) as f64,
        _ => {
            return Err(malformed(format!(
                "a judgment of {n}: expected 1 to 9, or -2 to -9 when the second matters more"
            )));
        }
    };
    Ok(Judgment { a, b, value })
}

/// The wire form of an answer (what [`answer_from_value`] reads back).
pub fn answer_to_value(answer: &Answer) -> Value {
    let map = |pairs: Vec<(String, Value)>| Value::Object(pairs.into_iter().collect());
    let (kind, body) = match answer {
        Answer::Dots(d) => (
            "dots",
            map(d
                .iter()
                .map(|d| (target_key(d.on), Value::from(d.count)))
                .collect()),
        ),
        Answer::Points(s) => (
            "points",
            map(s
                .iter()
                .map(|s| (target_key(s.on), Value::from(s.points)))
                .collect()),
        ),
        Answer::Ranking(o) => (
            "ranking",
            Value::Array(o.iter().map(|t| Value::from(target_key(*t))).collect()),
        ),
        Answer::Scale(r) => (
            "scale",
            map(r
                .iter()
                .map(|r| (target_key(r.on), r.value.map_or(Value::Null, Value::from)))
                .collect()),
        ),
        Answer::Placing(p) => (
            "placing",
            map(p
                .iter()
                .map(|p| {
                    let mut place = BTreeMap::new();
                    place.insert("quality", Value::from(p.quality));
                    place.insert("risk", Value::from(p.risk));
                    (
                        target_key(VoteTarget::Alternative(p.alternative)),
                        serde_json::json!(place),
                    )
                })
                .collect()),
        ),
        Answer::Pairwise(j) => (
            "pairwise",
            Value::Array(
                j.iter()
                    .map(|j| {
                        let n = if j.value >= 1.0 {
                            j.value.round() as i64
                        } else {
                            -((1.0 / j.value).round() as i64)
                        };
                        serde_json::json!({
                            "first": criterion_key(j.a),
                            "second": criterion_key(j.b),
                            "judgment": n,
                        })
                    })
                    .collect(),
            ),
        ),
    };
    let mut out = serde_json::Map::new();
    out.insert(kind.to_owned(), body);
    Value::Object(out)
}

/// Reads what a phone sent as an answer (the JSON body) and checks it against the round's
/// question. The one door: every error names what is wrong in words for the phone.
pub fn parse_answer(body: &[u8], question: &Question) -> Result<Answer, WireError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(malformed(format!(
            "the answer is {} bytes, more than the {MAX_BODY_BYTES} allowed",
            body.len()
        )));
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| malformed(e.to_string()))?;
    let answer = answer_from_value(&value)?;
    question.check(&answer)?;
    Ok(answer)
}

#[cfg(test)]
mod tests;
