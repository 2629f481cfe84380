//! A 0–10 rating that may not be assessed yet (format version 3).
//!
//! New items start with their ratings not assessed, so that a default value never passes for a
//! judgement: the strategy check does not count it as done, and the analyses leave the item
//! out with a note saying so. In a file an assessed rating is a plain number (`strength: 7.0`),
//! one not assessed yet is `None` (`strength: None`); files of versions 1 and 2 only hold plain
//! numbers, which load as assessed.

use super::edit::ItemRef;
use super::management::AssumptionStatus;
use super::options::CompetitiveAssessment;
use super::project::Project;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A rating from 0 to 10, or not assessed yet.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score(Option<f64>);

impl Score {
    /// Not assessed yet.
    pub const NOT_ASSESSED: Self = Self(None);
    /// The lowest rating.
    pub const MIN: f64 = 0.0;
    /// The highest rating.
    pub const MAX: f64 = 10.0;

    /// An assessed rating.
    pub const fn new(value: f64) -> Self {
        Self(Some(value))
    }

    /// The rating, or `None` when it is not assessed yet.
    pub const fn get(self) -> Option<f64> {
        self.0
    }

    /// Whether the rating has been assessed.
    pub const fn is_assessed(self) -> bool {
        self.0.is_some()
    }

    /// Whether the rating is not assessed yet (for serde's `skip_serializing_if`).
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
    pub const fn is_not_assessed(&self) -> bool {
        self.0.is_none()
    }

    /// Whether the rating is assessed and at least `threshold`.
    pub fn at_least(self, threshold: f64) -> bool {
        self.0.is_some_and(|v| v >= threshold)
    }

    /// The rating for a view that needs a number (a slider's resting position, a sort key):
    /// `fallback` when it is not assessed. Never use it to compute a result.
    pub fn or(self, fallback: f64) -> f64 {
        self.0.unwrap_or(fallback)
    }

    /// Sets the rating (assessing it).
    pub fn set(&mut self, value: f64) {
        self.0 = Some(value);
    }

    /// Marks the rating as not assessed.
    pub fn clear(&mut self) {
        self.0 = None;
    }
}

impl From<f64> for Score {
    fn from(value: f64) -> Self {
        Self::new(value)
    }
}

impl fmt::Display for Score {
    /// "7.5", or "not assessed".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => write!(f, "{v:.1}"),
            None => f.write_str("not assessed"),
        }
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(v) => serializer.serialize_f64(v),
            None => serializer.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScoreVisitor)
    }
}

/// Reads a plain number (versions 1 and 2, and assessed ratings) or `None`; `Some(7.0)` is
/// accepted too, as a hand-edited file may say it that way.
struct ScoreVisitor;

impl<'de> Visitor<'de> for ScoreVisitor {
    type Value = Score;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a rating from 0 to 10, or None when it is not assessed yet")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Score, E> {
        Ok(Score::new(v))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Score, E> {
        Ok(Score::new(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Score, E> {
        Ok(Score::new(v as f64))
    }

    fn visit_none<E: de::Error>(self) -> Result<Score, E> {
        Ok(Score::NOT_ASSESSED)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Score, E> {
        Ok(Score::NOT_ASSESSED)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Score, D::Error> {
        f64::deserialize(deserializer).map(Score::new)
    }
}

/// Something not assessed yet: the item it belongs to (`None` for the market as a whole) and
/// what of it ("affinity", "risk", "competitive assessment", "status").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pending {
    /// The item, or `None` for the foundation's market affinity.
    pub item: Option<ItemRef>,
    /// What is not assessed, in the words the panes use.
    pub what: &'static str,
}

/// Every rating, competitive assessment and assumption status of a project that is not
/// assessed yet, in the order of the method's steps.
pub fn pending(project: &Project) -> Vec<Pending> {
    let mut out = Vec::new();
    let mut add = |item: Option<ItemRef>, what: &'static str, assessed: bool| {
        if !assessed {
            out.push(Pending { item, what });
        }
    };
    let f = &project.foundation;
    add(None, "market affinity", f.market_affinity.is_assessed());
    for t in &f.topics {
        add(
            Some(ItemRef::Topic(t.id)),
            "affinity",
            t.affinity.is_assessed(),
        );
    }
    let pot = &project.potential;
    for u in &pot.usage_formats {
        let item = Some(ItemRef::UsageFormat(u.id));
        add(
            item,
            "competitive quality",
            u.competitive_quality.is_assessed(),
        );
    }
    for i in &pot.impact_formats {
        let item = Some(ItemRef::ImpactFormat(i.id));
        add(item, "relevance", i.relevance.is_assessed());
    }
    for m in &pot.module_potentials {
        add(
            Some(ItemRef::Potential(m.id)),
            "strength",
            m.strength.is_assessed(),
        );
    }
    for u in &pot.user_benefits {
        let item = Some(ItemRef::UserBenefit(u.id));
        add(item, "strength", u.strength.is_assessed());
    }
    for b in &project.benefits {
        add(
            Some(ItemRef::Benefit(b.id)),
            "relevance",
            b.relevance.is_assessed(),
        );
    }
    for o in &project.options {
        let item = Some(ItemRef::Option(o.id));
        add(item, "relevance", o.relevance.is_assessed());
        let assessed = o.assessment != CompetitiveAssessment::NotAssessed;
        add(item, "competitive assessment", assessed);
    }
    for a in &project.alternatives {
        let item = Some(ItemRef::Alternative(a.id));
        add(
            item,
            "competitive quality",
            a.competitive_quality.is_assessed(),
        );
        add(item, "risk", a.risk.is_assessed());
        add(item, "goal contribution", a.goal_contribution.is_assessed());
        add(item, "strategic quality", a.strategic_quality.is_assessed());
    }
    for a in &project.management.assumptions {
        let item = Some(ItemRef::Assumption(a.id));
        add(item, "status", a.status != AssumptionStatus::NotReviewed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        a: Score,
        b: Score,
    }

    #[test]
    fn a_score_is_a_plain_number_or_none_in_a_file() {
        let h = Holder {
            a: Score::new(7.5),
            b: Score::NOT_ASSESSED,
        };
        let text = ron::to_string(&h).unwrap();
        assert_eq!(text, "(a:7.5,b:None)");
        assert_eq!(ron::from_str::<Holder>(&text).unwrap(), h);
    }

    #[test]
    fn older_and_hand_written_forms_load() {
        let h: Holder = ron::from_str("(a: 7, b: Some(3.5))").unwrap();
        assert_eq!(h.a, Score::new(7.0));
        assert_eq!(h.b, Score::new(3.5));
        let h: Holder = ron::from_str("(a: 0.0, b: ())").unwrap();
        assert_eq!(h.a, Score::new(0.0));
        assert_eq!(h.b, Score::NOT_ASSESSED);
        let err = ron::from_str::<Holder>("(a: \"high\", b: 1)").unwrap_err();
        assert!(
            err.to_string()
                .contains("a rating from 0 to 10, or None when it is not assessed yet"),
            "{err}"
        );
    }

    #[test]
    fn a_score_says_whether_it_is_assessed() {
        let mut s = Score::default();
        assert!(!s.is_assessed());
        assert_eq!(s.to_string(), "not assessed");
        assert_eq!(s.or(5.0), 5.0);
        assert!(!s.at_least(0.0));
        s.set(6.0);
        assert_eq!(s.get(), Some(6.0));
        assert!(s.at_least(6.0) && !s.at_least(6.5));
        assert_eq!(s.to_string(), "6.0");
        s.clear();
        assert_eq!(s, Score::NOT_ASSESSED);
    }
}

#[cfg(test)]
mod pending_tests {
    use super::*;
    use crate::model::{AlternativeId, AssumptionId, Date, ItemKind, OptionId, add_item};

    #[test]
    fn new_items_are_pending_until_assessed() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        assert_eq!(pending(&p), Vec::new(), "the sample is fully assessed");
        let today = Date::new(2026, 11, 23).unwrap();
        let ItemRef::Option(o) = add_item(&mut p, ItemKind::Option, today).unwrap() else {
            panic!()
        };
        let ItemRef::Alternative(a) = add_item(&mut p, ItemKind::Alternative, today).unwrap()
        else {
            panic!()
        };
        let ItemRef::Assumption(s) = add_item(&mut p, ItemKind::Assumption, today).unwrap() else {
            panic!()
        };
        p.foundation.market_affinity.clear();
        let found: Vec<(Option<ItemRef>, &str)> =
            pending(&p).iter().map(|x| (x.item, x.what)).collect();
        assert_eq!(
            found,
            vec![
                (None, "market affinity"),
                (Some(ItemRef::Option(o)), "relevance"),
                (Some(ItemRef::Option(o)), "competitive assessment"),
                (Some(ItemRef::Alternative(a)), "competitive quality"),
                (Some(ItemRef::Alternative(a)), "risk"),
                (Some(ItemRef::Alternative(a)), "goal contribution"),
                (Some(ItemRef::Alternative(a)), "strategic quality"),
                (Some(ItemRef::Assumption(s)), "status"),
            ]
        );
        assert_eq!((o, a, s), (OptionId(10), AlternativeId(4), AssumptionId(7)));
    }
}
