//! The project checks itself: scores in range, finite numbers, unique ids, no dangling links.

use super::competition::{Arena, ArenaScore};
use super::ids::HasId;
use super::project::Project;
use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;

/// One problem found in a project, naming the item it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The item, e.g. `alternative 2 "Community first"`.
    pub item: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.message)
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

impl Checker {
    fn add(&mut self, item: &str, message: String) {
        self.findings.push(Finding {
            item: item.to_owned(),
            message,
        });
    }

    fn score(&mut self, item: &str, field: &str, value: f64) {
        if !value.is_finite() || !SCORE_RANGE.contains(&value) {
            self.add(
                item,
                format!("{field} is {value}, expected a number from 0 to 10"),
            );
        }
    }

    fn non_negative(&mut self, item: &str, field: &str, value: f64) {
        if !value.is_finite() || value < 0.0 {
            self.add(
                item,
                format!("{field} is {value}, expected a number of 0 or more"),
            );
        }
    }

    fn finite(&mut self, item: &str, field: &str, value: f64) {
        if !value.is_finite() {
            self.add(
                item,
                format!("{field} is {value}, expected a finite number"),
            );
        }
    }

    fn unique_ids<T: HasId>(&mut self, kind: &str, items: &[T])
    where
        T::Id: Hash + fmt::Display,
    {
        let mut seen = HashSet::new();
        for item in items {
            if !seen.insert(item.id()) {
                self.add(
                    &format!("{kind} {}", item.id()),
                    format!("the id {} is used by more than one {kind}", item.id()),
                );
            }
        }
    }

    fn link<Id: PartialEq + fmt::Display>(
        &mut self,
        item: &str,
        what: &str,
        target: Id,
        exists: impl Fn(&Id) -> bool,
    ) {
        if !exists(&target) {
            self.add(
                item,
                format!("refers to {what} {target}, which does not exist"),
            );
        }
    }

    fn arenas(&mut self, item: &str, project: &Project, scores: &[ArenaScore]) {
        let mut seen = HashSet::new();
        for entry in scores {
            let (what, exists) = match entry.arena {
                Arena::UsageFormat(id) => (
                    format!("usage format {id}"),
                    project.potential.usage_format(id).is_some(),
                ),
                Arena::Topic(id) => (
                    format!("topic {id}"),
                    project.foundation.topic(id).is_some(),
                ),
            };
            if !exists {
                self.add(item, format!("rates {what}, which does not exist"));
            }
            if !seen.insert(entry.arena) {
                self.add(item, format!("rates {what} more than once"));
            }
            self.score(item, &format!("the strength for {what}"), entry.score);
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
    let p = project;
    let f = &p.foundation;

    c.non_negative("project", "the day rate", p.day_rate_eur);
    c.score(
        "foundation",
        "the market's social media affinity",
        f.market_affinity,
    );

    c.unique_ids("module", &f.modules);
    c.unique_ids("goal", &f.goals);
    c.unique_ids("topic", &f.topics);
    for t in &f.topics {
        c.score(&named("topic", t.id, &t.name), "affinity", t.affinity);
    }

    let pot = &p.potential;
    c.unique_ids("usage format", &pot.usage_formats);
    c.unique_ids("impact format", &pot.impact_formats);
    c.unique_ids("potential", &pot.module_potentials);
    c.unique_ids("user benefit", &pot.user_benefits);
    for u in &pot.usage_formats {
        let item = named("usage format", u.id, &u.name);
        c.score(&item, "competitive quality", u.competitive_quality);
    }
    for i in &pot.impact_formats {
        c.score(&format!("impact format {}", i.id), "relevance", i.relevance);
    }
    for m in &pot.module_potentials {
        let item = format!("potential {}", m.id);
        c.score(&item, "strength", m.strength);
        if let Some(module) = m.module {
            c.link(&item, "module", module, |id| f.module(*id).is_some());
        }
    }
    for u in &pot.user_benefits {
        let item = named("user benefit", u.id, &u.name);
        c.score(&item, "strength", u.strength);
        if let Some(topic) = u.topic {
            c.link(&item, "topic", topic, |id| f.topic(*id).is_some());
        }
    }

    c.unique_ids("benefit", &p.benefits);
    for b in &p.benefits {
        let item = named("benefit", b.id, &b.name);
        c.score(&item, "relevance", b.relevance);
        c.link(&item, "module", b.module, |id| f.module(*id).is_some());
    }

    c.unique_ids("competitor", &p.competition.competitors);
    c.arenas("our position", p, &p.competition.our_strength);
    for comp in &p.competition.competitors {
        c.arenas(&named("competitor", comp.id, &comp.name), p, &comp.strength);
    }

    c.unique_ids("option", &p.options);
    for o in &p.options {
        let item = named("option", o.id, &o.name);
        c.score(&item, "relevance", o.relevance);
        if let Some(topic) = o.topic {
            c.link(&item, "topic", topic, |id| f.topic(*id).is_some());
        }
        if let Some(ub) = o.user_benefit {
            c.link(&item, "user benefit", ub, |id| {
                pot.user_benefit(*id).is_some()
            });
        }
        if let Some(uf) = o.usage_format {
            c.link(&item, "usage format", uf, |id| {
                pot.usage_format(*id).is_some()
            });
        }
        for b in &o.benefits {
            c.link(&item, "benefit", *b, |id| p.benefit(*id).is_some());
        }
    }

    let d = &p.decision;
    c.unique_ids("criterion", &d.criteria);
    let mut weight_sum = 0.0;
    for cr in &d.criteria {
        let item = named("criterion", cr.id, &cr.name);
        if !cr.weight.is_finite() || !(0.0..=1.0).contains(&cr.weight) {
            c.add(
                &item,
                format!("the weight is {}, expected a number from 0 to 1", cr.weight),
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
            format!("the criteria's weights sum to {weight_sum}, expected 1"),
        );
    }
    let mut pairs = HashSet::new();
    for j in &d.judgments {
        let item = format!("judgment {} vs {}", j.a, j.b);
        c.link(&item, "criterion", j.a, |id| d.criterion(*id).is_some());
        c.link(&item, "criterion", j.b, |id| d.criterion(*id).is_some());
        if j.a == j.b {
            c.add(&item, "compares a criterion with itself".to_owned());
        }
        if !pairs.insert((j.a.min(j.b), j.a.max(j.b))) {
            c.add(&item, "judges this pair more than once".to_owned());
        }
        if !j.value.is_finite() || !(1.0 / 9.0 - 1e-9..=9.0 + 1e-9).contains(&j.value) {
            c.add(
                &item,
                format!(
                    "the value is {}, expected 1/9 to 9 on Saaty's scale",
                    j.value
                ),
            );
        }
    }
    for s in &d.scenarios {
        let item = format!("weight scenario \"{}\"", s.name);
        for (id, w) in &s.weights {
            c.link(&item, "criterion", *id, |x| d.criterion(*x).is_some());
            c.non_negative(&item, &format!("the weight of criterion {id}"), *w);
        }
    }
    if let Some(b) = d.budget {
        c.non_negative("budget", "the budget (EUR)", b.eur);
        c.non_negative("budget", "the effort (person-days)", b.person_days);
    }
    if !(1..=MAX_DRAWS).contains(&d.draws) {
        c.add(
            "decision",
            format!("{} Monte Carlo draws, expected 1 to {MAX_DRAWS}", d.draws),
        );
    }

    c.unique_ids("alternative", &p.alternatives);
    for a in &p.alternatives {
        let item = named("alternative", a.id, &a.name);
        c.score(&item, "competitive quality", a.competitive_quality);
        c.score(&item, "risk", a.risk);
        c.score(&item, "goal contribution", a.goal_contribution);
        c.score(&item, "strategic quality", a.strategic_quality);
        c.non_negative(&item, "the budget (EUR)", a.budget_eur);
        c.non_negative(&item, "the effort (person-days)", a.effort_person_days);
        for score in &a.custom_scores {
            match d.criterion(score.criterion) {
                Some(cr) if cr.measure == super::decision::Measure::Custom => {
                    c.score(&item, &format!("the score for {}", cr.name), score.score);
                }
                Some(cr) => c.add(
                    &item,
                    format!(
                        "has an own score for {}, which measures something else",
                        cr.name
                    ),
                ),
                None => c.add(
                    &item,
                    format!(
                        "refers to criterion {}, which does not exist",
                        score.criterion
                    ),
                ),
            }
        }
        for r in &a.ranges {
            let Some(cr) = d.criterion(r.criterion) else {
                c.add(
                    &item,
                    format!("refers to criterion {}, which does not exist", r.criterion),
                );
                continue;
            };
            let likely = match cr.measure {
                super::decision::Measure::CompetitiveQuality => Some(a.competitive_quality),
                super::decision::Measure::Risk => Some(a.risk),
                super::decision::Measure::Resources => Some(a.resources_eur(p.day_rate_eur)),
                super::decision::Measure::GoalContribution => Some(a.goal_contribution),
                super::decision::Measure::StrategicQuality => Some(a.strategic_quality),
                super::decision::Measure::Custom => a.custom_score(cr.id),
            };
            let bounds_ok = r.low.is_finite()
                && r.high.is_finite()
                && r.low >= 0.0
                && (!cr.measure.is_score() || r.high <= 10.0);
            match likely {
                Some(likely) if bounds_ok && r.low <= likely && likely <= r.high => {}
                Some(likely) => c.add(
                    &item,
                    format!(
                        "the range of {} is {} to {}, expected low ≤ {likely} ≤ high{}",
                        cr.name,
                        r.low,
                        r.high,
                        if cr.measure.is_score() {
                            " within 0 to 10"
                        } else {
                            ", not negative"
                        }
                    ),
                ),
                None => c.add(&item, format!("has a range for {} but no score", cr.name)),
            }
        }
        let mut stated = HashSet::new();
        for st in &a.statements {
            if !stated.insert(st.component) {
                c.add(
                    &item,
                    format!("says more than once what it does about {}", st.component),
                );
            }
        }
        let mut seen = HashSet::new();
        for b in &a.options {
            c.link(&item, "option", b.option, |id| p.option(*id).is_some());
            if !seen.insert(b.option) {
                c.add(&item, format!("bundles option {} more than once", b.option));
            }
        }
    }

    let m = &p.management;
    let h = m.health;
    if !(h.behind.is_finite()
        && h.on_track.is_finite()
        && 0.0 < h.behind
        && h.behind <= h.on_track
        && h.on_track <= 2.0)
    {
        c.add(
            "KPI health",
            format!("the thresholds are {} (on track) and {} (behind), expected 0 < behind ≤ on track ≤ 2", h.on_track, h.behind),
        );
    }
    c.unique_ids("KPI", &m.kpis);
    for k in &m.kpis {
        let item = named("KPI", k.id, &k.name);
        c.finite(&item, "the baseline", k.baseline);
        c.finite(&item, "the target", k.target);
        if k.target_date <= k.baseline_date {
            c.add(
                &item,
                format!(
                    "the target date {} is not after the baseline date {}",
                    k.target_date, k.baseline_date
                ),
            );
        }
        for actual in &k.actuals {
            c.finite(&item, &format!("the actual of {}", actual.0), actual.1);
        }
        if let Some(alt) = k.alternative {
            c.link(&item, "alternative", alt, |id| p.alternative(*id).is_some());
        }
        if let Some(opt) = k.option {
            c.link(&item, "option", opt, |id| p.option(*id).is_some());
        }
    }
    c.unique_ids("assumption", &m.assumptions);
    for a in &m.assumptions {
        let item = format!("assumption {}", a.id);
        if let Some(t) = a.trigger {
            c.link(&item, "KPI", t.kpi, |id| m.kpis.iter().any(|k| k.id == *id));
            c.finite(&item, "the trigger's threshold", t.threshold);
            if t.effect == super::management::AssumptionStatus::Holds {
                c.add(
                    &item,
                    "the trigger's effect is \"holds\", expected at risk or broken".to_owned(),
                );
            }
        }
        for alt in &a.alternatives {
            c.link(&item, "alternative", *alt, |id| {
                p.alternative(*id).is_some()
            });
        }
    }
    for (i, a) in m.adaptations.iter().enumerate() {
        let item = format!("adaptation {} of {}", i + 1, a.date);
        match a.cause {
            Some(super::management::Cause::Kpi(id)) => {
                c.link(&item, "KPI", id, |x| m.kpis.iter().any(|k| k.id == *x))
            }
            Some(super::management::Cause::Assumption(id)) => {
                c.link(&item, "assumption", id, |x| {
                    m.assumptions.iter().any(|s| s.id == *x)
                });
            }
            None => {}
        }
    }
    c.unique_ids("measure", &m.measures);
    for measure in &m.measures {
        if let Some(opt) = measure.option {
            let item = named("measure", measure.id, &measure.name);
            c.link(&item, "option", opt, |id| p.option(*id).is_some());
        }
    }
    votes(&mut c, p);
    c.findings
}

/// Dot voting: dots only on existing items of the round's subject, no more than each
/// participant holds.
fn votes(c: &mut Checker, p: &Project) {
    use super::voting::{MAX_DOTS_EACH, MAX_PARTICIPANTS, VoteTarget};
    c.unique_ids("voting round", &p.votes);
    for round in &p.votes {
        let item = format!("voting round {} of {}", round.id, round.date);
        if !(1..=MAX_DOTS_EACH).contains(&round.dots_each) {
            c.add(
                &item,
                format!(
                    "{} dots each, expected 1 to {MAX_DOTS_EACH}",
                    round.dots_each
                ),
            );
        }
        if round.ballots.len() > MAX_PARTICIPANTS {
            c.add(
                &item,
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
            if ballot.used() > round.dots_each {
                c.add(
                    &who,
                    format!(
                        "placed {} dots, but each participant holds {}",
                        ballot.used(),
                        round.dots_each
                    ),
                );
            }
            let mut seen = HashSet::new();
            for dots in &ballot.dots {
                let (what, exists) = match dots.on {
                    VoteTarget::Alternative(id) => {
                        (format!("alternative {id}"), p.alternative(id).is_some())
                    }
                    VoteTarget::Option(id) => (format!("option {id}"), p.option(id).is_some()),
                };
                if dots.on.subject() != round.subject {
                    c.add(
                        &who,
                        format!(
                            "put dots on {what}, but the round votes on {}",
                            round.subject.to_string().to_lowercase()
                        ),
                    );
                } else if !exists {
                    c.add(&who, format!("put dots on {what}, which does not exist"));
                }
                if dots.count == 0 {
                    c.add(&who, format!("lists {what} with no dots"));
                }
                if !seen.insert(dots.on) {
                    c.add(&who, format!("lists {what} more than once"));
                }
            }
        }
    }
}
