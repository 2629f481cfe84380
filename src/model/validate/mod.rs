//! The project checks itself: scores in range, finite numbers, unique ids, no dangling links.
//!
//! Every finding carries the path to the offending value in the project (`alternatives[3].risk`),
//! so that the loader can say where in the file that value stands.

mod competition;
mod decision;
mod management;
mod path;
#[cfg(test)]
mod tests;

pub use crate::model::decision::MAX_DRAWS;
pub use path::{Finding, Num, PathSegment, ValuePath};

use super::choice::Choice;
use super::competition::{Arena, ArenaScore};
use super::ids::{
    AlternativeId, AssumptionId, BenefitId, HasId, KpiId, ModuleId, OptionId, TopicId,
    UsageFormatId, UserBenefitId,
};
use super::judgement::{Override, Suggested};
use super::project::Project;
use super::score::Score;
use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;

/// How far the criteria's weights may sum away from 1 (rounding in a hand-edited file).
pub const WEIGHT_SUM_TOLERANCE: f64 = 1e-3;

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
    /// Reasons kept against suggestions: one per value, and only for values this item has.
    fn overrides(
        &mut self,
        item: &str,
        at: &ValuePath,
        overrides: &[Override],
        allowed: &[Suggested],
    ) {
        let mut seen = HashSet::new();
        for (k, o) in overrides.iter().enumerate() {
            let here = at.field("overrides").index(k).field("of");
            if !allowed.contains(&o.of) {
                self.add(
                    item,
                    here,
                    format!(
                        "keeps a reason for {}, which it has no suggestion for",
                        o.of.label().to_lowercase()
                    ),
                );
            } else if !seen.insert(o.of) {
                self.add(
                    item,
                    here,
                    format!(
                        "keeps two reasons for {}, expected one",
                        o.of.label().to_lowercase()
                    ),
                );
            }
        }
    }

    fn add(&mut self, item: &str, path: ValuePath, message: String) {
        self.findings.push(Finding {
            item: item.to_owned(),
            message,
            path,
        });
    }

    /// A 0–10 rating: one not assessed yet is fine (the strategy check asks for it).
    fn score(
        &mut self,
        item: &str,
        at: &ValuePath,
        field: &'static str,
        label: &str,
        value: impl Into<Score>,
    ) {
        let Some(value) = value.into().get() else {
            return;
        };
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
                Arena::UserBenefit(id) => (
                    format!("user benefit {id}"),
                    known.user_benefits.contains(&id),
                ),
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
    let goals = fp.field("goals");
    c.unique_ids("goal", &goals, &f.goals);
    for (n, g) in f.goals.iter().enumerate() {
        let item = named("goal", g.id, &g.text);
        let at = goals.index(n);
        let mut seen = HashSet::new();
        for (k, link) in g.benefits.iter().enumerate() {
            let here = at.field("benefits").index(k).field("benefit");
            c.link(&item, here.clone(), "benefit", link.benefit, |id| {
                known.benefits.contains(id)
            });
            if !seen.insert(link.benefit) {
                c.add(
                    &item,
                    here,
                    format!("lists benefit {} more than once", link.benefit),
                );
            }
        }
        let mut seen_kpis = HashSet::new();
        for (k, kpi) in g.kpis.iter().enumerate() {
            c.link(&item, at.field("kpis").index(k), "KPI", *kpi, |id| {
                known.kpis.contains(id)
            });
            if !seen_kpis.insert(*kpi) {
                c.add(
                    &item,
                    at.field("kpis").index(k),
                    format!("lists KPI {kpi} more than once"),
                );
            }
        }
    }
    let mut steps = HashSet::new();
    for (k, note) in p.reasoning.iter().enumerate() {
        if !steps.insert(note.step) {
            c.add(
                "project",
                root.field("reasoning").index(k).field("step"),
                format!("has two notes on step {}, expected one", note.step.label()),
            );
        }
    }
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
        let at = impact_formats.index(n);
        c.score(&item, &at, "relevance", "relevance", i.relevance);
        for (k, u) in i.usage_formats.iter().enumerate() {
            c.link(
                &item,
                at.field("usage_formats").index(k),
                "usage format",
                *u,
                |id| known.usage_formats.contains(id),
            );
        }
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

    competition::competition(&mut c, p, known);

    let options = root.field("options");
    c.unique_ids("option", &options, &p.options);
    for (n, o) in p.options.iter().enumerate() {
        let item = named("option", o.id, &o.name);
        let at = options.index(n);
        c.score(&item, &at, "relevance", "relevance", o.relevance);
        c.overrides(
            &item,
            &at,
            &o.overrides,
            &[
                Suggested::Position,
                Suggested::Priority,
                Suggested::Relevance,
            ],
        );
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

    decision::decision(&mut c, p);
    decision::alternatives(&mut c, p, known);
    management::management(&mut c, p, known);
    management::votes(&mut c, p, known);
    c.findings
}
