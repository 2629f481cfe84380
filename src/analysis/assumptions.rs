//! Monitored assumptions: their status including the triggers that fired, and the warnings the
//! strategy manager must see.

use super::kpi::{self, Health, KpiHealth};
use crate::model::{
    AlternativeId, Assumption, AssumptionId, AssumptionStatus, Date, KpiId, Project,
    TriggerCondition,
};

/// Why an assumption's trigger fired.
#[derive(Clone, Debug, PartialEq)]
pub struct Fired {
    /// The KPI watched.
    pub kpi: KpiId,
    /// Its latest value.
    pub value: f64,
    /// When it was measured.
    pub date: Date,
}

/// How bad a status is, for comparing: not reviewed, holds < at risk < broken.
fn severity(status: AssumptionStatus) -> u8 {
    match status {
        AssumptionStatus::NotReviewed | AssumptionStatus::Holds => 0,
        AssumptionStatus::AtRisk => 1,
        AssumptionStatus::Broken => 2,
    }
}

/// Whether an assumption's trigger fires on `today`: the KPI's latest actual meets the
/// condition, and the trigger's date (if any) has come (by the measurement or by today).
pub fn fired(project: &Project, assumption: &Assumption, today: Date) -> Option<Fired> {
    let trigger = assumption.trigger?;
    let kpi = project
        .management
        .kpis
        .iter()
        .find(|k| k.id == trigger.kpi)?;
    let latest = kpi.latest()?;
    if let Some(by) = trigger.by
        && latest.0 < by
        && today < by
    {
        return None;
    }
    let met = match trigger.condition {
        TriggerCondition::Below => latest.1 < trigger.threshold,
        TriggerCondition::Above => latest.1 > trigger.threshold,
    };
    met.then_some(Fired {
        kpi: kpi.id,
        value: latest.1,
        date: latest.0,
    })
}

/// The status that counts: the reviewed one, or the trigger's effect if it fired and is worse.
pub fn effective_status(
    project: &Project,
    assumption: &Assumption,
    today: Date,
) -> (AssumptionStatus, Option<Fired>) {
    match (fired(project, assumption, today), assumption.trigger) {
        (Some(f), Some(t)) if severity(t.effect) > severity(assumption.status) => {
            (t.effect, Some(f))
        }
        (f, _) => (assumption.status, f),
    }
}

/// Something the strategy manager should look at.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// An assumption is at risk or broken.
    Assumption {
        /// Which.
        id: AssumptionId,
        /// Its status.
        status: AssumptionStatus,
        /// The trigger that set it, if one did.
        fired: Option<Fired>,
        /// The alternatives that rely on it.
        alternatives: Vec<AlternativeId>,
    },
    /// A KPI is at risk.
    Kpi {
        /// Which.
        id: KpiId,
        /// Its health and the numbers behind it (progress made and planned).
        health: KpiHealth,
    },
}

/// The warnings, worst first: broken assumptions, then at-risk ones, then KPIs at risk.
pub fn warnings(project: &Project, today: Date) -> Vec<Warning> {
    let mut list: Vec<(u8, Warning)> = project
        .management
        .assumptions
        .iter()
        .filter_map(|a| {
            let (status, fired) = effective_status(project, a, today);
            status.is_trouble().then(|| {
                (
                    3 - severity(status),
                    Warning::Assumption {
                        id: a.id,
                        status,
                        fired,
                        alternatives: a.alternatives.clone(),
                    },
                )
            })
        })
        .collect();
    for k in &project.management.kpis {
        let h = kpi::health(k, project.management.health);
        if h.health == Health::AtRisk {
            list.push((
                3,
                Warning::Kpi {
                    id: k.id,
                    health: h,
                },
            ));
        }
    }
    list.sort_by_key(|(rank, _)| *rank);
    list.into_iter().map(|(_, w)| w).collect()
}

/// The worst effective status among the assumptions an alternative relies on.
pub fn worst_for_alternative(
    project: &Project,
    alternative: AlternativeId,
    today: Date,
) -> AssumptionStatus {
    // Directly, or through an option the alternative bundles.
    let bundled = |a: &Assumption| {
        project
            .alternative(alternative)
            .is_some_and(|alt| a.options.iter().any(|o| alt.bundles(*o)))
    };
    project
        .management
        .assumptions
        .iter()
        .filter(|a| a.alternatives.contains(&alternative) || bundled(a))
        .map(|a| effective_status(project, a, today).0)
        .filter(|s| s.is_trouble())
        .max_by_key(|s| severity(*s))
        .unwrap_or(AssumptionStatus::Holds)
}

/// The worst effective status of every alternative relying on an assumption that does not hold,
/// in one pass (the map asks for all of them every frame).
pub fn worst_per_alternative(
    project: &Project,
    today: Date,
) -> Vec<(AlternativeId, AssumptionStatus)> {
    let mut worst: Vec<(AlternativeId, AssumptionStatus)> = Vec::new();
    for a in &project.management.assumptions {
        let status = effective_status(project, a, today).0;
        if !status.is_trouble() {
            continue;
        }
        for alt in &project.alternatives {
            let relies =
                a.alternatives.contains(&alt.id) || a.options.iter().any(|o| alt.bundles(*o));
            if !relies {
                continue;
            }
            match worst.iter_mut().find(|(id, _)| *id == alt.id) {
                Some((_, s)) if severity(status) > severity(*s) => *s = status,
                Some(_) => {}
                None => worst.push((alt.id, status)),
            }
        }
    }
    worst
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Trigger;

    #[test]
    fn the_one_pass_agrees_with_the_per_alternative_answer() {
        let today = date("2026-11-23");
        for sample in crate::io::SAMPLES {
            let p = sample.load().unwrap();
            let all = worst_per_alternative(&p, today);
            for alt in &p.alternatives {
                let one = worst_for_alternative(&p, alt.id, today);
                let from_all = all
                    .iter()
                    .find(|(id, _)| *id == alt.id)
                    .map_or(AssumptionStatus::Holds, |(_, s)| *s);
                assert_eq!(one, from_all, "{} {}", sample.file_name, alt.name);
            }
        }
    }

    fn date(t: &str) -> Date {
        t.parse().unwrap()
    }

    fn project_with_trigger(threshold: f64, by: Option<&str>, effect: AssumptionStatus) -> Project {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        // The sample's broken prerequisite (assumption 1) would hide what the trigger does to
        // the chosen alternative: say it holds.
        p.management.assumptions[0].status = AssumptionStatus::Holds;
        // Assumption 3 "Club members buy more" watches KPI 5 (visits/month, latest 4.7 on 2026-10-31).
        let a = &mut p.management.assumptions[2];
        a.status = AssumptionStatus::Holds;
        a.trigger = Some(Trigger {
            kpi: KpiId(5),
            condition: TriggerCondition::Below,
            threshold,
            by: by.map(date),
            effect,
        });
        p
    }

    #[test]
    fn a_trigger_fires_when_its_kpi_crosses_the_threshold() {
        let today = date("2026-11-23");
        let p = project_with_trigger(4.5, None, AssumptionStatus::Broken);
        assert_eq!(
            fired(&p, &p.management.assumptions[2], today),
            None,
            "4.7 is not below 4.5"
        );
        let p = project_with_trigger(4.8, None, AssumptionStatus::Broken);
        let (status, why) = effective_status(&p, &p.management.assumptions[2], today);
        assert_eq!(status, AssumptionStatus::Broken);
        assert_eq!(why.unwrap().value, 4.7);
        assert_eq!(
            worst_for_alternative(&p, AlternativeId(1), today),
            AssumptionStatus::Broken
        );
        assert!(warnings(&p, today).iter().any(|w| matches!(
            w,
            Warning::Assumption {
                id: AssumptionId(3),
                status: AssumptionStatus::Broken,
                ..
            }
        )));
    }

    #[test]
    fn a_dated_trigger_waits_for_its_date() {
        let p = project_with_trigger(4.8, Some("2027-03-31"), AssumptionStatus::AtRisk);
        let a = &p.management.assumptions[2];
        assert_eq!(fired(&p, a, date("2026-11-23")), None, "not yet due");
        assert!(
            fired(&p, a, date("2027-04-01")).is_some(),
            "due, and still below"
        );
    }

    #[test]
    fn a_trigger_never_makes_a_status_better() {
        let mut p = project_with_trigger(4.8, None, AssumptionStatus::AtRisk);
        p.management.assumptions[2].status = AssumptionStatus::Broken;
        let (status, _) = effective_status(&p, &p.management.assumptions[2], date("2026-11-23"));
        assert_eq!(status, AssumptionStatus::Broken);
    }

    #[test]
    fn warnings_come_worst_first_and_include_kpis_at_risk() {
        let today = date("2026-11-23");
        let p = project_with_trigger(4.8, None, AssumptionStatus::Broken);
        let w = warnings(&p, today);
        assert!(matches!(
            w[0],
            Warning::Assumption {
                status: AssumptionStatus::Broken,
                ..
            }
        ));
        assert!(
            w.iter()
                .any(|x| matches!(x, Warning::Kpi { id: KpiId(2), .. })),
            "course bookings are at risk"
        );
    }

    #[test]
    fn an_assumption_on_an_option_concerns_every_alternative_that_bundles_it() {
        let today = date("2026-11-23");
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        // The sample's broken prerequisite (assumption 1, the master bakers' time) would hide
        // the effect on the chosen alternative: say it holds.
        p.management.assumptions[0].status = AssumptionStatus::Holds;
        // Assumption 4 (works council) holds; break it and tie it to option 2 (the live Q&A)
        // only, bundled by alternatives 1 and 2.
        let a = &mut p.management.assumptions[3];
        a.alternatives.clear();
        a.options = vec![crate::model::OptionId(2)];
        a.status = AssumptionStatus::Broken;
        assert_eq!(
            worst_for_alternative(&p, AlternativeId(1), today),
            AssumptionStatus::Broken
        );
        assert_eq!(
            worst_for_alternative(&p, AlternativeId(2), today),
            AssumptionStatus::Broken
        );
        assert_ne!(
            worst_for_alternative(&p, AlternativeId(3), today),
            AssumptionStatus::Broken
        );
        p.remove_option(crate::model::OptionId(2));
        assert!(p.management.assumptions[3].options.is_empty());
        assert!(crate::model::validate(&p).is_empty());
    }

    #[test]
    fn removing_a_kpi_removes_its_triggers() {
        let mut p = project_with_trigger(4.8, None, AssumptionStatus::Broken);
        p.remove_kpi(KpiId(5));
        assert_eq!(p.management.assumptions[2].trigger, None);
        assert!(crate::model::validate(&p).is_empty());
    }
}

/// Implementation progress of an alternative: measures done out of the measures that implement
/// its options (`None` if there are none).
pub fn progress(project: &Project, alternative: AlternativeId) -> Option<(usize, usize)> {
    let alt = project.alternative(alternative)?;
    let measures: Vec<_> = project
        .management
        .measures
        .iter()
        .filter(|m| m.option.is_some_and(|o| alt.bundles(o)))
        .collect();
    if measures.is_empty() {
        return None;
    }
    let done = measures
        .iter()
        .filter(|m| m.status == crate::model::MeasureStatus::Done)
        .count();
    Some((done, measures.len()))
}

#[cfg(test)]
mod progress_tests {
    use super::*;

    #[test]
    fn progress_counts_the_measures_of_the_alternatives_options() {
        let p = crate::io::SAMPLES[0].load().unwrap();
        // Community first bundles options 1, 2, 3, 9, 5: measures 1-7 implement them; 5 are done.
        assert_eq!(progress(&p, AlternativeId(1)), Some((5, 7)));
        // Service and freshness bundles options 6, 8, 5: only measure 6 (option 5) implements
        // one of them, and it is done.
        assert_eq!(progress(&p, AlternativeId(3)), Some((1, 1)));
        // Without option 5, no measure implements its options.
        let mut p = p;
        p.alternatives[2]
            .options
            .retain(|b| b.option != crate::model::OptionId(5));
        assert_eq!(progress(&p, AlternativeId(3)), None);
    }
}
