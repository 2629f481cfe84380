//! The project checks itself: scores in range, finite numbers, unique ids, no dangling links.
//!
//! Every finding carries the path to the offending value in the project (`alternatives[3].risk`),
//! so that the loader can say where in the file that value stands.

use super::competition::{Arena, ArenaScore};
use super::ids::{
    AlternativeId, AssumptionId, BenefitId, HasId, KpiId, ModuleId, OptionId, TopicId,
    UsageFormatId, UserBenefitId,
};
use super::project::Project;
use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;

/// One step on the way from the project to a value: a field of a struct, or an element of a
/// list or tuple (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathSegment {
    /// A field, by its name in the file.
    Field(&'static str),
    /// An element of a list or a tuple, from 0.
    Index(usize),
}

/// Where a value is in the project, as in the file: `alternatives[3].risk`,
/// `management.kpis[0].actuals[2][1]`. `Some(…)` is passed through (a path to an optional
/// field leads to the value inside).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValuePath(Vec<PathSegment>);

impl ValuePath {
    /// The project itself.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// The steps, from the project on.
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// The field `name` of the value here.
    #[must_use]
    pub fn field(&self, name: &'static str) -> Self {
        self.then(PathSegment::Field(name))
    }

    /// Element `index` (from 0) of the list or tuple here.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        self.then(PathSegment::Index(index))
    }

    fn then(&self, segment: PathSegment) -> Self {
        let mut segments = Vec::with_capacity(self.0.len() + 1);
        segments.extend_from_slice(&self.0);
        segments.push(segment);
        Self(segments)
    }
}

impl From<&[PathSegment]> for ValuePath {
    fn from(segments: &[PathSegment]) -> Self {
        Self(segments.to_vec())
    }
}

impl fmt::Display for ValuePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if n == 0 => f.write_str(name)?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// One problem found in a project, naming the item it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The item, e.g. `alternative 2 "Community first"`.
    pub item: String,
    /// What is wrong.
    pub message: String,
    /// The offending value (for a problem of a whole list, e.g. a weight sum, the list).
    pub path: ValuePath,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.message)
    }
}

/// A number as messages print it: compact, never hundreds of digits. Ordinary values print as
/// they are (`7.5`, `12`, `0.25`); very large and very small ones in exponent form (`3e300`,
/// `1e-7`); `NaN`, `inf` and `-inf` by name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub f64);

impl Num {
    /// A computed value (a sum) without the noise of binary fractions: `0.9`, not
    /// `0.8999999999999999` (nine significant digits).
    pub fn rounded(value: f64) -> Self {
        if !value.is_finite() || value == 0.0 {
            return Self(value);
        }
        Self(format!("{value:.8e}").parse().unwrap_or(value))
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        let magnitude = value.abs();
        if value.is_finite() && value != 0.0 && !(1e-4..1e9).contains(&magnitude) {
            write!(f, "{value:e}")
        } else {
            write!(f, "{value}")
        }
    }
}

/// How far the criteria's weights may sum away from 1 (rounding in a hand-edited file).
pub const WEIGHT_SUM_TOLERANCE: f64 = 1e-3;

/// The most Monte Carlo draws a project may ask for.
pub const MAX_DRAWS: u32 = 1_000_000;

/// The lowest and highest score on pbsm's 0–10 scales.
pub const SCORE_RANGE: std::ops::RangeInclusive<f64> = 0.0..=10.0;

struct Checker {
    findings: Vec<Finding>,
}

/// The ids of the project's items, for checking references in constant time (a large project
/// has thousands of references into thousands of items).
struct Known {
    modules: HashSet<ModuleId>,
    topics: HashSet<TopicId>,
    usage_formats: HashSet<UsageFormatId>,
    user_benefits: HashSet<UserBenefitId>,
    benefits: HashSet<BenefitId>,
    options: HashSet<OptionId>,
    alternatives: HashSet<AlternativeId>,
    kpis: HashSet<KpiId>,
    assumptions: HashSet<AssumptionId>,
}

impl Known {
    fn of(p: &Project) -> Self {
        fn ids<T: HasId>(items: &[T]) -> HashSet<T::Id>
        where
            T::Id: Hash + Eq,
        {
            items.iter().map(HasId::id).collect()
        }
        Self {
            modules: ids(&p.foundation.modules),
            topics: ids(&p.foundation.topics),
            usage_formats: ids(&p.potential.usage_formats),
            user_benefits: ids(&p.potential.user_benefits),
            benefits: ids(&p.benefits),
            options: ids(&p.options),
            alternatives: ids(&p.alternatives),
            kpis: ids(&p.management.kpis),
            assumptions: ids(&p.management.assumptions),
        }
    }
}

impl Checker {
    fn add(&mut self, item: &str, path: ValuePath, message: String) {
        self.findings.push(Finding {
            item: item.to_owned(),
            message,
            path,
        });
    }

    fn score(&mut self, item: &str, at: &ValuePath, field: &'static str, label: &str, value: f64) {
        if !value.is_finite() || !SCORE_RANGE.contains(&value) {
            self.add(
                item,
                at.field(field),
                format!("{label} is {}, expected a number from 0 to 10", Num(value)),
            );
        }
    }

    fn non_negative(&mut self, item: &str, at: ValuePath, label: &str, value: f64) {
        if !value.is_finite() || value < 0.0 {
            self.add(
                item,
                at,
                format!("{label} is {}, expected a number of 0 or more", Num(value)),
            );
        }
    }

    fn finite(&mut self, item: &str, at: ValuePath, label: &str, value: f64) {
        if !value.is_finite() {
            self.add(
                item,
                at,
                format!("{label} is {}, expected a finite number", Num(value)),
            );
        }
    }

    /// Each id once in `items`, the list at `at`.
    fn unique_ids<T: HasId>(&mut self, kind: &str, at: &ValuePath, items: &[T])
    where
        T::Id: Hash + fmt::Display,
    {
        let mut seen = HashSet::new();
        for (n, item) in items.iter().enumerate() {
            if !seen.insert(item.id()) {
                self.add(
                    &format!("{kind} {}", item.id()),
                    at.index(n).field("id"),
                    format!("the id {} is used by more than one {kind}", item.id()),
                );
            }
        }
    }

    /// The reference at `at` to `what` `target` leads to an existing item.
    fn link<Id: PartialEq + fmt::Display>(
        &mut self,
        item: &str,
        at: ValuePath,
        what: &str,
        target: Id,
        exists: impl Fn(&Id) -> bool,
    ) {
        if !exists(&target) {
            self.add(
                item,
                at,
                format!("refers to {what} {target}, which does not exist"),
            );
        }
    }

    /// Strengths per arena, the list at `at`.
    fn arenas(&mut self, item: &str, at: &ValuePath, known: &Known, scores: &[ArenaScore]) {
        let mut seen = HashSet::new();
        for (n, entry) in scores.iter().enumerate() {
            let here = at.index(n);
            let (what, exists) = match entry.arena {
                Arena::UsageFormat(id) => (
                    format!("usage format {id}"),
                    known.usage_formats.contains(&id),
                ),
                Arena::Topic(id) => (format!("topic {id}"), known.topics.contains(&id)),
            };
            if !exists {
                self.add(
                    item,
                    here.field("arena"),
                    format!("rates {what}, which does not exist"),
                );
            }
            if !seen.insert(entry.arena) {
                self.add(
                    item,
                    here.field("arena"),
                    format!("rates {what} more than once"),
                );
            }
            self.score(
                item,
                &here,
                "score",
                &format!("the strength for {what}"),
                entry.score,
            );
        }
    }
}

fn named(kind: &str, id: impl fmt::Display, name: &str) -> String {
    if name.trim().is_empty() {
        format!("{kind} {id}")
    } else {
        format!("{kind} {id} \"{name}\"")
    }
}

/// Checks a project; an empty list means it is valid.
pub fn validate(project: &Project) -> Vec<Finding> {
    let mut c = Checker {
        findings: Vec::new(),
    };
    let known = &Known::of(project);
    let p = project;
    let f = &p.foundation;
    let root = ValuePath::root();

    c.non_negative(
        "project",
        root.field("day_rate_eur"),
        "the day rate",
        p.day_rate_eur,
    );
    let fp = root.field("foundation");
    c.score(
        "foundation",
        &fp,
        "market_affinity",
        "the market's social media affinity",
        f.market_affinity,
    );

    c.unique_ids("module", &fp.field("modules"), &f.modules);
    c.unique_ids("goal", &fp.field("goals"), &f.goals);
    let topics = fp.field("topics");
    c.unique_ids("topic", &topics, &f.topics);
    for (n, t) in f.topics.iter().enumerate() {
        let item = named("topic", t.id, &t.name);
        c.score(&item, &topics.index(n), "affinity", "affinity", t.affinity);
    }

    let pot = &p.potential;
    let pp = root.field("potential");
    let usage_formats = pp.field("usage_formats");
    let impact_formats = pp.field("impact_formats");
    let module_potentials = pp.field("module_potentials");
    let user_benefits = pp.field("user_benefits");
    c.unique_ids("usage format", &usage_formats, &pot.usage_formats);
    c.unique_ids("impact format", &impact_formats, &pot.impact_formats);
    c.unique_ids("potential", &module_potentials, &pot.module_potentials);
    c.unique_ids("user benefit", &user_benefits, &pot.user_benefits);
    for (n, u) in pot.usage_formats.iter().enumerate() {
        let item = named("usage format", u.id, &u.name);
        let at = usage_formats.index(n);
        c.score(
            &item,
            &at,
            "competitive_quality",
            "competitive quality",
            u.competitive_quality,
        );
    }
    for (n, i) in pot.impact_formats.iter().enumerate() {
        let item = format!("impact format {}", i.id);
        c.score(
            &item,
            &impact_formats.index(n),
            "relevance",
            "relevance",
            i.relevance,
        );
    }
    for (n, m) in pot.module_potentials.iter().enumerate() {
        let item = format!("potential {}", m.id);
        let at = module_potentials.index(n);
        c.score(&item, &at, "strength", "strength", m.strength);
        if let Some(module) = m.module {
            c.link(&item, at.field("module"), "module", module, |id| {
                known.modules.contains(id)
            });
        }
    }
    for (n, u) in pot.user_benefits.iter().enumerate() {
        let item = named("user benefit", u.id, &u.name);
        let at = user_benefits.index(n);
        c.score(&item, &at, "strength", "strength", u.strength);
        if let Some(topic) = u.topic {
            c.link(&item, at.field("topic"), "topic", topic, |id| {
                known.topics.contains(id)
            });
        }
    }

    let benefits = root.field("benefits");
    c.unique_ids("benefit", &benefits, &p.benefits);
    for (n, b) in p.benefits.iter().enumerate() {
        let item = named("benefit", b.id, &b.name);
        let at = benefits.index(n);
        c.score(&item, &at, "relevance", "relevance", b.relevance);
        c.link(&item, at.field("module"), "module", b.module, |id| {
            known.modules.contains(id)
        });
    }

    let cp = root.field("competition");
    let competitors = cp.field("competitors");
    c.unique_ids("competitor", &competitors, &p.competition.competitors);
    c.arenas(
        "our position",
        &cp.field("our_strength"),
        known,
        &p.competition.our_strength,
    );
    for (n, comp) in p.competition.competitors.iter().enumerate() {
        c.arenas(
            &named("competitor", comp.id, &comp.name),
            &competitors.index(n).field("strength"),
            known,
            &comp.strength,
        );
    }

    let options = root.field("options");
    c.unique_ids("option", &options, &p.options);
    for (n, o) in p.options.iter().enumerate() {
        let item = named("option", o.id, &o.name);
        let at = options.index(n);
        c.score(&item, &at, "relevance", "relevance", o.relevance);
        if let Some(topic) = o.topic {
            c.link(&item, at.field("topic"), "topic", topic, |id| {
                known.topics.contains(id)
            });
        }
        if let Some(ub) = o.user_benefit {
            c.link(&item, at.field("user_benefit"), "user benefit", ub, |id| {
                known.user_benefits.contains(id)
            });
        }
        if let Some(uf) = o.usage_format {
            c.link(&item, at.field("usage_format"), "usage format", uf, |id| {
                known.usage_formats.contains(id)
            });
        }
        for (k, b) in o.benefits.iter().enumerate() {
            c.link(&item, at.field("benefits").index(k), "benefit", *b, |id| {
                known.benefits.contains(id)
            });
        }
    }

    decision(&mut c, p);
    alternatives(&mut c, p, known);
    management(&mut c, p, known);
    votes(&mut c, p, known);
    c.findings
}

/// The decision's criteria, judgments, scenarios, budget and draws.
fn decision(c: &mut Checker, p: &Project) {
    let d = &p.decision;
    let dp = ValuePath::root().field("decision");
    let criteria = dp.field("criteria");
    c.unique_ids("criterion", &criteria, &d.criteria);
    let mut weight_sum = 0.0;
    for (n, cr) in d.criteria.iter().enumerate() {
        let item = named("criterion", cr.id, &cr.name);
        if !cr.weight.is_finite() || !(0.0..=1.0).contains(&cr.weight) {
            c.add(
                &item,
                criteria.index(n).field("weight"),
                format!(
                    "the weight is {}, expected a number from 0 to 1",
                    Num(cr.weight)
                ),
            );
        }
        weight_sum += cr.weight;
    }
    if !d.criteria.is_empty()
        && weight_sum.is_finite()
        && (weight_sum - 1.0).abs() > WEIGHT_SUM_TOLERANCE
    {
        c.add(
            "decision",
            criteria.clone(),
            format!(
                "the criteria's weights sum to {}, expected 1",
                Num::rounded(weight_sum)
            ),
        );
    }
    let judgments = dp.field("judgments");
    let mut pairs = HashSet::new();
    for (n, j) in d.judgments.iter().enumerate() {
        let item = format!("judgment {} vs {}", j.a, j.b);
        let at = judgments.index(n);
        c.link(&item, at.field("a"), "criterion", j.a, |id| {
            d.criterion(*id).is_some()
        });
        c.link(&item, at.field("b"), "criterion", j.b, |id| {
            d.criterion(*id).is_some()
        });
        if j.a == j.b {
            c.add(
                &item,
                at.field("b"),
                "compares a criterion with itself".to_owned(),
            );
        }
        if !pairs.insert((j.a.min(j.b), j.a.max(j.b))) {
            c.add(
                &item,
                at.clone(),
                "judges this pair more than once".to_owned(),
            );
        }
        if !j.value.is_finite() || !(1.0 / 9.0 - 1e-9..=9.0 + 1e-9).contains(&j.value) {
            c.add(
                &item,
                at.field("value"),
                format!(
                    "the value is {}, expected 1/9 to 9 on Saaty's scale",
                    Num(j.value)
                ),
            );
        }
    }
    let scenarios = dp.field("scenarios");
    for (n, s) in d.scenarios.iter().enumerate() {
        let item = format!("weight scenario \"{}\"", s.name);
        let weights = scenarios.index(n).field("weights");
        for (k, (id, w)) in s.weights.iter().enumerate() {
            let at = weights.index(k);
            c.link(&item, at.index(0), "criterion", *id, |x| {
                d.criterion(*x).is_some()
            });
            c.non_negative(
                &item,
                at.index(1),
                &format!("the weight of criterion {id}"),
                *w,
            );
        }
    }
    if let Some(b) = d.budget {
        let at = dp.field("budget");
        c.non_negative("budget", at.field("eur"), "the budget (EUR)", b.eur);
        c.non_negative(
            "budget",
            at.field("person_days"),
            "the effort (person-days)",
            b.person_days,
        );
    }
    if !(1..=MAX_DRAWS).contains(&d.draws) {
        c.add(
            "decision",
            dp.field("draws"),
            format!("{} Monte Carlo draws, expected 1 to {MAX_DRAWS}", d.draws),
        );
    }
}

/// The strategy alternatives: scores, own scores, ranges, statements, bundled options.
fn alternatives(c: &mut Checker, p: &Project, known: &Known) {
    use super::decision::CriterionMeasure;
    let d = &p.decision;
    let alternatives = ValuePath::root().field("alternatives");
    c.unique_ids("alternative", &alternatives, &p.alternatives);
    for (n, a) in p.alternatives.iter().enumerate() {
        let item = named("alternative", a.id, &a.name);
        let at = alternatives.index(n);
        c.score(
            &item,
            &at,
            "competitive_quality",
            "competitive quality",
            a.competitive_quality,
        );
        c.score(&item, &at, "risk", "risk", a.risk);
        c.score(
            &item,
            &at,
            "goal_contribution",
            "goal contribution",
            a.goal_contribution,
        );
        c.score(
            &item,
            &at,
            "strategic_quality",
            "strategic quality",
            a.strategic_quality,
        );
        c.non_negative(
            &item,
            at.field("budget_eur"),
            "the budget (EUR)",
            a.budget_eur,
        );
        c.non_negative(
            &item,
            at.field("effort_person_days"),
            "the effort (person-days)",
            a.effort_person_days,
        );
        for (k, score) in a.custom_scores.iter().enumerate() {
            let here = at.field("custom_scores").index(k);
            match d.criterion(score.criterion) {
                Some(cr) if cr.measure == CriterionMeasure::Custom => {
                    c.score(
                        &item,
                        &here,
                        "score",
                        &format!("the score for {}", cr.name),
                        score.score,
                    );
                }
                Some(cr) => c.add(
                    &item,
                    here.field("criterion"),
                    format!(
                        "has an own score for {}, which measures something else",
                        cr.name
                    ),
                ),
                None => c.add(
                    &item,
                    here.field("criterion"),
                    format!(
                        "refers to criterion {}, which does not exist",
                        score.criterion
                    ),
                ),
            }
        }
        for (k, r) in a.ranges.iter().enumerate() {
            let here = at.field("ranges").index(k);
            let Some(cr) = d.criterion(r.criterion) else {
                c.add(
                    &item,
                    here.field("criterion"),
                    format!("refers to criterion {}, which does not exist", r.criterion),
                );
                continue;
            };
            let likely = match cr.measure {
                CriterionMeasure::CompetitiveQuality => Some(a.competitive_quality),
                CriterionMeasure::Risk => Some(a.risk),
                CriterionMeasure::Resources => Some(a.resources_eur(p.day_rate_eur)),
                CriterionMeasure::GoalContribution => Some(a.goal_contribution),
                CriterionMeasure::StrategicQuality => Some(a.strategic_quality),
                CriterionMeasure::Custom => a.custom_score(cr.id),
            };
            let low_ok = r.low.is_finite() && r.low >= 0.0;
            let high_ok = r.high.is_finite() && (!cr.measure.is_score() || r.high <= 10.0);
            match likely {
                Some(likely) if low_ok && high_ok && r.low <= likely && likely <= r.high => {}
                Some(likely) => c.add(
                    &item,
                    // The bound that is wrong: the low one if it is, else the high one.
                    here.field(if low_ok && r.low <= likely {
                        "high"
                    } else {
                        "low"
                    }),
                    format!(
                        "the range of {} is {} to {}, expected low ≤ {} ≤ high{}",
                        cr.name,
                        Num(r.low),
                        Num(r.high),
                        Num(likely),
                        if cr.measure.is_score() {
                            " within 0 to 10"
                        } else {
                            ", not negative"
                        }
                    ),
                ),
                None => c.add(
                    &item,
                    here.field("criterion"),
                    format!("has a range for {} but no score", cr.name),
                ),
            }
        }
        let mut stated = HashSet::new();
        for (k, st) in a.statements.iter().enumerate() {
            if !stated.insert(st.component) {
                c.add(
                    &item,
                    at.field("statements").index(k).field("component"),
                    format!("says more than once what it does about {}", st.component),
                );
            }
        }
        let mut seen = HashSet::new();
        for (k, b) in a.options.iter().enumerate() {
            let here = at.field("options").index(k).field("option");
            c.link(&item, here.clone(), "option", b.option, |id| {
                known.options.contains(id)
            });
            if !seen.insert(b.option) {
                c.add(
                    &item,
                    here,
                    format!("bundles option {} more than once", b.option),
                );
            }
        }
    }
}

/// Strategy management: KPI health, KPIs, assumptions, adaptations, measures.
fn management(c: &mut Checker, p: &Project, known: &Known) {
    use super::management::{AssumptionStatus, Cause};
    let m = &p.management;
    let mp = ValuePath::root().field("management");
    let h = m.health;
    if !(h.behind.is_finite()
        && h.on_track.is_finite()
        && 0.0 < h.behind
        && h.behind <= h.on_track
        && h.on_track <= 2.0)
    {
        c.add(
            "KPI health",
            mp.field("health"),
            format!(
                "the thresholds are {} (on track) and {} (behind), expected 0 < behind ≤ on track ≤ 2",
                Num(h.on_track),
                Num(h.behind)
            ),
        );
    }
    let kpis = mp.field("kpis");
    c.unique_ids("KPI", &kpis, &m.kpis);
    for (n, k) in m.kpis.iter().enumerate() {
        let item = named("KPI", k.id, &k.name);
        let at = kpis.index(n);
        c.finite(&item, at.field("baseline"), "the baseline", k.baseline);
        c.finite(&item, at.field("target"), "the target", k.target);
        if k.target_date <= k.baseline_date {
            c.add(
                &item,
                at.field("target_date"),
                format!(
                    "the target date {} is not after the baseline date {}",
                    k.target_date, k.baseline_date
                ),
            );
        }
        for (j, actual) in k.actuals.iter().enumerate() {
            c.finite(
                &item,
                at.field("actuals").index(j).index(1),
                &format!("the actual of {}", actual.0),
                actual.1,
            );
        }
        if let Some(alt) = k.alternative {
            c.link(&item, at.field("alternative"), "alternative", alt, |id| {
                known.alternatives.contains(id)
            });
        }
        if let Some(opt) = k.option {
            c.link(&item, at.field("option"), "option", opt, |id| {
                known.options.contains(id)
            });
        }
    }
    let assumptions = mp.field("assumptions");
    c.unique_ids("assumption", &assumptions, &m.assumptions);
    for (n, a) in m.assumptions.iter().enumerate() {
        let item = format!("assumption {}", a.id);
        let at = assumptions.index(n);
        if let Some(t) = a.trigger {
            let trigger = at.field("trigger");
            c.link(&item, trigger.field("kpi"), "KPI", t.kpi, |id| {
                known.kpis.contains(id)
            });
            c.finite(
                &item,
                trigger.field("threshold"),
                "the trigger's threshold",
                t.threshold,
            );
            if t.effect == AssumptionStatus::Holds {
                c.add(
                    &item,
                    trigger.field("effect"),
                    "the trigger's effect is \"holds\", expected at risk or broken".to_owned(),
                );
            }
        }
        for (k, alt) in a.alternatives.iter().enumerate() {
            c.link(
                &item,
                at.field("alternatives").index(k),
                "alternative",
                *alt,
                |id| known.alternatives.contains(id),
            );
        }
    }
    let adaptations = mp.field("adaptations");
    for (i, a) in m.adaptations.iter().enumerate() {
        let item = format!("adaptation {} of {}", i + 1, a.date);
        let cause = adaptations.index(i).field("cause");
        match a.cause {
            Some(Cause::Kpi(id)) => c.link(&item, cause, "KPI", id, |x| known.kpis.contains(x)),
            Some(Cause::Assumption(id)) => {
                c.link(&item, cause, "assumption", id, |x| {
                    known.assumptions.contains(x)
                });
            }
            None => {}
        }
    }
    let measures = mp.field("measures");
    c.unique_ids("measure", &measures, &m.measures);
    for (n, measure) in m.measures.iter().enumerate() {
        if let Some(opt) = measure.option {
            let item = named("measure", measure.id, &measure.name);
            c.link(
                &item,
                measures.index(n).field("option"),
                "option",
                opt,
                |id| known.options.contains(id),
            );
        }
    }
}

/// Dot voting: dots only on existing items of the round's subject, no more than each
/// participant holds.
fn votes(c: &mut Checker, p: &Project, known: &Known) {
    use super::voting::{MAX_DOTS_EACH, MAX_PARTICIPANTS, VoteTarget};
    let rounds = ValuePath::root().field("votes");
    c.unique_ids("voting round", &rounds, &p.votes);
    for (r, round) in p.votes.iter().enumerate() {
        let item = format!("voting round {} of {}", round.id, round.date);
        let at = rounds.index(r);
        if !(1..=MAX_DOTS_EACH).contains(&round.dots_each) {
            c.add(
                &item,
                at.field("dots_each"),
                format!(
                    "{} dots each, expected 1 to {MAX_DOTS_EACH}",
                    round.dots_each
                ),
            );
        }
        if round.ballots.len() > MAX_PARTICIPANTS {
            c.add(
                &item,
                at.field("ballots"),
                format!(
                    "{} participants, expected at most {MAX_PARTICIPANTS}",
                    round.ballots.len()
                ),
            );
        }
        // Names are free text, like every name in a project: the UI lets people type over
        // them, so an empty or repeated name must not make the project unloadable.
        for (n, ballot) in round.ballots.iter().enumerate() {
            let who = format!("{item}, participant {} \"{}\"", n + 1, ballot.participant);
            let dots_at = at.field("ballots").index(n).field("dots");
            if ballot.used() > round.dots_each {
                c.add(
                    &who,
                    dots_at.clone(),
                    format!(
                        "placed {} dots, but each participant holds {}",
                        ballot.used(),
                        round.dots_each
                    ),
                );
            }
            let mut seen = HashSet::new();
            for (k, dots) in ballot.dots.iter().enumerate() {
                let here = dots_at.index(k);
                let (what, exists) = match dots.on {
                    VoteTarget::Alternative(id) => (
                        format!("alternative {id}"),
                        known.alternatives.contains(&id),
                    ),
                    VoteTarget::Option(id) => (format!("option {id}"), known.options.contains(&id)),
                };
                if dots.on.subject() != round.subject {
                    c.add(
                        &who,
                        here.field("on"),
                        format!(
                            "put dots on {what}, but the round votes on {}",
                            round.subject.to_string().to_lowercase()
                        ),
                    );
                } else if !exists {
                    c.add(
                        &who,
                        here.field("on"),
                        format!("put dots on {what}, which does not exist"),
                    );
                }
                if dots.count == 0 {
                    c.add(
                        &who,
                        here.field("count"),
                        format!("lists {what} with no dots"),
                    );
                }
                if !seen.insert(dots.on) {
                    c.add(
                        &who,
                        here.field("on"),
                        format!("lists {what} more than once"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_compactly() {
        let shown = |v: f64| Num(v).to_string();
        assert_eq!(shown(7.5), "7.5");
        assert_eq!(shown(12.0), "12");
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(0.25), "0.25");
        assert_eq!(shown(-1.0), "-1");
        assert_eq!(shown(520.0), "520");
        assert_eq!(shown(2_500_000.0), "2500000");
        assert_eq!(shown(3e300), "3e300");
        assert_eq!(shown(-3e300), "-3e300");
        assert_eq!(shown(1e-7), "1e-7");
        assert_eq!(shown(1.5e-9), "1.5e-9");
        assert_eq!(shown(f64::MAX), "1.7976931348623157e308");
        assert_eq!(shown(f64::NAN), "NaN");
        assert_eq!(shown(f64::INFINITY), "inf");
        assert_eq!(shown(f64::NEG_INFINITY), "-inf");
        assert_eq!(Num::rounded(0.1 + 0.2).to_string(), "0.3");
        assert_eq!(Num::rounded(0.3 + 0.3 + 0.3).to_string(), "0.9");
        assert_eq!(Num::rounded(1.05).to_string(), "1.05");
        assert_eq!(Num::rounded(f64::NAN).to_string(), "NaN");
    }

    #[test]
    fn paths_read_like_the_file() {
        let path = ValuePath::root()
            .field("management")
            .field("kpis")
            .index(2)
            .field("actuals")
            .index(5)
            .index(1);
        assert_eq!(path.to_string(), "management.kpis[2].actuals[5][1]");
        assert_eq!(ValuePath::root().to_string(), "");
        assert_eq!(path.segments().len(), 6);
    }

    #[test]
    fn findings_carry_the_path_of_their_value() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        p.alternatives[2].risk = f64::NAN;
        p.decision.criteria[0].weight += 0.5;
        let paths: Vec<String> = validate(&p).iter().map(|f| f.path.to_string()).collect();
        assert!(
            paths.contains(&"decision.criteria".to_owned())
                && paths.contains(&"alternatives[2].risk".to_owned()),
            "{paths:?}"
        );
    }
}
