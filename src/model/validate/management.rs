//! The checks of strategy management and dot voting.

use super::{Checker, Known, Num, ValuePath, named};
use crate::model::project::Project;
use std::collections::HashSet;

/// Strategy management: KPI health, KPIs, assumptions, adaptations, measures.
pub(super) fn management(c: &mut Checker, p: &Project, known: &Known) {
    use crate::model::Choice;
    use crate::model::management::{Cause, HealthThresholds};
    let m = &p.management;
    let mp = ValuePath::root().field("management");
    let h = m.health;
    if !h.is_valid() {
        c.add(
            "KPI health",
            mp.field("health"),
            format!(
                "the thresholds are {} (on track) and {} (behind), expected 0 < behind ≤ on track ≤ {}",
                Num(h.on_track),
                Num(h.behind),
                Num(HealthThresholds::MAX_SHARE)
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
        // A milestone off the plan (outside baseline..target, or a second on its day) is
        // left out of the planned path and the pane says why: the UI can produce one by
        // moving a date, so it must not make the file unloadable.
        for (j, m) in k.milestones.iter().enumerate() {
            let here = at.field("milestones").index(j);
            c.finite(
                &item,
                here.field("value"),
                &format!("the milestone of {}", m.date),
                m.value,
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
        if let Some(benefit) = k.benefit {
            c.link(&item, at.field("benefit"), "benefit", benefit, |id| {
                known.benefits.contains(id)
            });
        }
    }
    /// Two years: an assumption watched less often is not monitored.
    const MAX_REVIEW_INTERVAL_DAYS: u32 = 730;
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
            if !t.effect.is_trouble() {
                c.add(
                    &item,
                    trigger.field("effect"),
                    format!(
                        "the trigger's effect is \"{}\", expected at risk or broken",
                        t.effect.label().to_lowercase()
                    ),
                );
            }
        }
        if !(1..=MAX_REVIEW_INTERVAL_DAYS).contains(&a.review_interval_days) {
            c.add(
                &item,
                at.field("review_interval_days"),
                format!(
                    "the review interval is {} days, expected 1 to {MAX_REVIEW_INTERVAL_DAYS}",
                    a.review_interval_days
                ),
            );
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
        let item = named("measure", measure.id, &measure.name);
        let at = measures.index(n);
        if let Some(opt) = measure.option {
            c.link(&item, at.field("option"), "option", opt, |id| {
                known.options.contains(id)
            });
        }
        for (field, label, value) in [
            ("planned_days", "the planned effort", measure.planned_days),
            ("actual_days", "the effort spent", measure.actual_days),
            ("planned_eur", "the planned money", measure.planned_eur),
            ("actual_eur", "the money spent", measure.actual_eur),
        ] {
            if let Some(v) = value {
                c.non_negative(&item, at.field(field), label, v);
            }
        }
        if let Some(v) = measure.progress_percent
            && (!v.is_finite() || !(0.0..=100.0).contains(&v))
        {
            c.add(
                &item,
                at.field("progress_percent"),
                format!(
                    "the progress is {}, expected a percentage from 0 to 100",
                    Num(v)
                ),
            );
        }
        c.score(&item, &at, "quality", "the quality", measure.quality);
    }
    steering(c, p, known);
}

/// The strategy period, the integration register, the monitored risks, the decision record.
fn steering(c: &mut Checker, p: &Project, known: &Known) {
    use crate::model::RiskSource;
    let m = &p.management;
    let mp = ValuePath::root().field("management");
    if let Some(period) = m.period
        && period.end < period.start
    {
        c.add(
            "strategy period",
            mp.field("period").field("end"),
            format!(
                "the period ends on {}, before it starts on {}",
                period.end, period.start
            ),
        );
    }
    let integrations = mp.field("integrations");
    c.unique_ids("process integration", &integrations, &m.integrations);
    for (n, i) in m.integrations.iter().enumerate() {
        let item = format!("process integration {}", i.id);
        let at = integrations.index(n);
        if let Some(b) = i.benefit {
            c.link(&item, at.field("benefit"), "benefit", b, |x| {
                known.benefits.contains(x)
            });
        }
        if let Some(k) = i.kpi {
            c.link(&item, at.field("kpi"), "KPI", k, |x| known.kpis.contains(x));
        }
    }
    let risks = mp.field("risks");
    c.unique_ids("risk", &risks, &m.risks);
    for (n, r) in m.risks.iter().enumerate() {
        let item = format!("risk {}", r.id);
        let at = risks.index(n);
        match r.source {
            RiskSource::UsageFormat(u) => {
                c.link(&item, at.field("source"), "usage format", u, |x| {
                    known.usage_formats.contains(x)
                })
            }
            RiskSource::Option(o) => c.link(&item, at.field("source"), "option", o, |x| {
                known.options.contains(x)
            }),
            RiskSource::Competition | RiskSource::Other => {}
        }
        if !(1..=730).contains(&r.review_interval_days) {
            c.add(
                &item,
                at.field("review_interval_days"),
                format!(
                    "the review interval is {} days, expected 1 to 730",
                    r.review_interval_days
                ),
            );
        }
    }
    if let Some(record) = &m.decision {
        let at = mp.field("decision");
        if let Some(a) = record.alternative {
            c.link(
                "decision record",
                at.field("alternative"),
                "alternative",
                a,
                |x| known.alternatives.contains(x),
            );
        }
        let mut seen = HashSet::new();
        for (n, r) in record.rejected.iter().enumerate() {
            let here = at.field("rejected").index(n).field("alternative");
            c.link(
                "decision record",
                here.clone(),
                "alternative",
                r.alternative,
                |x| known.alternatives.contains(x),
            );
            if !seen.insert(r.alternative) {
                c.add(
                    "decision record",
                    here,
                    format!("gives a second reason for alternative {}", r.alternative),
                );
            }
        }
    }
}

/// Dot voting: dots only on existing items of the round's subject, no more than each
/// participant holds.
pub(super) fn votes(c: &mut Checker, p: &Project, known: &Known) {
    use crate::model::room::{MAX_ROOM_PARTICIPANTS, Question, RoundKind};
    use crate::model::voting::{MAX_DOTS_EACH, VoteTarget};
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
        for (field, count) in [
            ("ballots", round.ballots.len()),
            ("responses", round.responses.len()),
        ] {
            if count > MAX_ROOM_PARTICIPANTS {
                c.add(
                    &item,
                    at.field(field),
                    format!("{count} participants, expected at most {MAX_ROOM_PARTICIPANTS}"),
                );
            }
        }
        if round.kind.alternatives_only()
            && round.subject != crate::model::VoteSubject::Alternatives
        {
            c.add(
                &item,
                at.field("subject"),
                format!(
                    "is a {} round, which is on strategy alternatives only",
                    round.kind.to_string().to_lowercase()
                ),
            );
        }
        if round.kind != RoundKind::Dots && !round.ballots.is_empty() {
            c.add(
                &item,
                at.field("ballots"),
                format!(
                    "has dot ballots, but it is a {} round (its answers go in responses)",
                    round.kind.to_string().to_lowercase()
                ),
            );
        }
        if round.kind == RoundKind::Dots && !round.responses.is_empty() {
            c.add(
                &item,
                at.field("responses"),
                "is a dots round, whose answers are kept as ballots, not responses".to_owned(),
            );
        } else if !round.responses.is_empty() {
            let question = Question::of(round, p);
            for (n, response) in round.responses.iter().enumerate() {
                if let Err(e) = question.check_kept(&response.answer) {
                    c.add(
                        &format!("{item}, participant \"{}\"", response.participant),
                        at.field("responses").index(n).field("answer"),
                        e.to_string(),
                    );
                }
            }
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
