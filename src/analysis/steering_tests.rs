use super::*;
use crate::io::SAMPLES;
use crate::model::{
    DecisionRecord, Integration, IntegrationId, IntegrationStatus, MeasureId, MonitoredRisk,
    Rejection, RiskId, RiskStatus, Score,
};

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn measure(status: MeasureStatus, progress: Option<f64>) -> Measure {
    Measure {
        status,
        progress_percent: progress,
        ..Measure::new(MeasureId(1), "m".into(), date("2026-12-31"))
    }
}

#[test]
fn spend_running_ahead_of_progress_is_judged_by_the_margin() {
    // 7,000 of 10,000 EUR spent (70 %) at 50 % progress: 20 points ahead.
    let mut m = measure(MeasureStatus::InProgress, Some(50.0));
    m.planned_eur = Some(10_000.0);
    m.actual_eur = Some(7_000.0);
    assert_eq!(
        running_ahead(&m),
        vec![Ahead {
            resource: Resource::Money,
            used: 0.7,
            progress: 0.5
        }]
    );
    // 6,500 (65 %): exactly 15 points, the margin itself, is not ahead.
    m.actual_eur = Some(6_500.0);
    assert!(running_ahead(&m).is_empty());
    // Effort: 9 of 10 days at 50 % is 40 points ahead; money 60 % is not.
    m.actual_eur = Some(6_000.0);
    m.planned_days = Some(10.0);
    m.actual_days = Some(9.0);
    let ahead = running_ahead(&m);
    assert_eq!(ahead.len(), 1);
    assert_eq!(ahead[0].resource, Resource::Effort);
    assert!((ahead[0].used - 0.9).abs() < 1e-12);
}

#[test]
fn progress_comes_from_the_status_and_an_unknown_one_is_not_judged() {
    let mut m = measure(MeasureStatus::InProgress, None);
    m.planned_eur = Some(1_000.0);
    m.actual_eur = Some(900.0);
    assert_eq!(m.progress(), None);
    assert!(running_ahead(&m).is_empty(), "no progress known");
    // Planned and not started: 0 %; 900 spent is 90 points ahead.
    m.status = MeasureStatus::Planned;
    assert_eq!(m.progress(), Some(0.0));
    assert_eq!(running_ahead(&m).len(), 1);
    // Done: 100 %; 1,200 of 1,000 spent is 20 points over.
    m.status = MeasureStatus::Done;
    m.actual_eur = Some(1_200.0);
    assert_eq!(running_ahead(&m)[0].progress, 1.0);
    m.actual_eur = Some(1_100.0);
    assert!(
        running_ahead(&m).is_empty(),
        "10 points over is within the margin"
    );
    // Progress above 100 % counts as 100 %.
    m.status = MeasureStatus::InProgress;
    m.progress_percent = Some(140.0);
    assert_eq!(m.progress(), Some(1.0));
}

#[test]
fn implementation_weighs_progress_by_planned_effort_and_counts_quality() {
    let mut p = SAMPLES[0].load().unwrap();
    let alt = chosen(&p).unwrap().clone();
    let option = alt.options[0].option;
    p.management.measures.clear();
    let today = date("2026-11-23");
    // Three measures of the chosen alternative:
    // A: done, 10 days planned, 12 spent, 2,000 EUR planned, 2,500 spent, quality 8;
    // B: 40 % in progress, 30 days planned, 10 spent, quality 4 (short);
    // C: planned, no effort planned (weighs 1 day), due 2026-11-01 (overdue), not rated.
    let mut a = measure(MeasureStatus::Done, None);
    a.option = Some(option);
    a.planned_days = Some(10.0);
    a.actual_days = Some(12.0);
    a.planned_eur = Some(2_000.0);
    a.actual_eur = Some(2_500.0);
    a.quality = Score::new(8.0);
    let mut b = measure(MeasureStatus::InProgress, Some(40.0));
    b.id = MeasureId(2);
    b.option = Some(option);
    b.planned_days = Some(30.0);
    b.actual_days = Some(10.0);
    b.quality = Score::new(4.0);
    let mut c = measure(MeasureStatus::Planned, None);
    c.id = MeasureId(3);
    c.option = Some(option);
    c.due = date("2026-11-01");
    // A measure of no option counts for no alternative.
    let d = Measure {
        id: MeasureId(4),
        ..measure(MeasureStatus::Done, None)
    };
    p.management.measures = vec![a, b, c, d];
    let i = implementation(&p, alt.id, today).unwrap();
    assert_eq!((i.measures, i.done, i.overdue), (3, 1, 1));
    // (1 × 10 + 0.4 × 30 + 0 × 1) / (10 + 30 + 1) = 22 / 41.
    assert!((i.progress.unwrap() - 22.0 / 41.0).abs() < 1e-12);
    assert_eq!(i.days, (40.0, 22.0));
    assert_eq!(i.eur, (2_000.0, 2_500.0));
    assert_eq!((i.quality, i.rated, i.short), (Some(6.0), 2, 1));
}

fn integration(id: u32, benefit: BenefitId, owner: &str) -> Integration {
    Integration {
        id: IntegrationId(id),
        benefit: Some(benefit),
        area: FunctionalArea::Sales,
        process: format!("Process {id}"),
        owner: owner.into(),
        change: String::new(),
        expected_result: format!("Result {id}"),
        kpi: None,
        due: None,
        status: IntegrationStatus::Planned,
    }
}

#[test]
fn every_benefit_of_the_chosen_alternative_needs_a_process_owner() {
    let mut p = SAMPLES[0].load().unwrap();
    p.management.integrations.clear();
    let benefits = chosen_benefits(&p);
    assert!(!benefits.is_empty());
    assert_eq!(benefits_without_owner(&p), benefits);
    // An entry without an owner does not count; one with an owner does.
    p.management
        .integrations
        .push(integration(1, benefits[0], "  "));
    assert_eq!(benefits_without_owner(&p), benefits);
    p.management.integrations[0].owner = "Head of sales".into();
    assert_eq!(benefits_without_owner(&p), benefits[1..].to_vec());
    // Nothing is chosen: nothing to integrate yet.
    for a in &mut p.alternatives {
        a.status = AlternativeStatus::DecisionReady;
    }
    assert!(benefits_without_owner(&p).is_empty());
}

#[test]
fn the_register_is_viewed_by_functional_area_in_the_areas_order() {
    let mut p = SAMPLES[0].load().unwrap();
    let b = p.benefits[0].id;
    p.management.integrations = vec![
        Integration {
            area: FunctionalArea::HumanResources,
            ..integration(1, b, "HR")
        },
        integration(2, b, "Sales lead"),
        integration(3, b, "Sales lead"),
    ];
    let view = by_area(&p);
    assert_eq!(
        view.iter().map(|(a, e)| (*a, e.len())).collect::<Vec<_>>(),
        vec![
            (FunctionalArea::Sales, 2),
            (FunctionalArea::HumanResources, 1)
        ]
    );
    assert_eq!(view[0].1[0].benefit, p.benefits[0].name);
    assert_eq!(view[0].1[1].result, "Result 3");
    assert_eq!(view[1].1[0].item, ItemRef::Integration(IntegrationId(1)));
}

#[test]
fn a_risky_usage_format_of_the_chosen_alternative_must_be_watched() {
    let mut p = SAMPLES[0].load().unwrap();
    p.management.risks.clear();
    let alt = chosen(&p).unwrap().clone();
    let format = alt
        .options
        .iter()
        .find_map(|b| p.option(b.option).and_then(|o| o.usage_format))
        .unwrap();
    for u in &mut p.potential.usage_formats {
        u.risks = if u.id == format {
            "Trolls".into()
        } else {
            String::new()
        };
    }
    assert_eq!(unmonitored_risks(&p), vec![format]);
    p.management.risks.push(MonitoredRisk {
        id: RiskId(1),
        text: "Trolls take over the comments".into(),
        source: RiskSource::UsageFormat(format),
        precaution: String::new(),
        owner: String::new(),
        status: RiskStatus::Controlled,
        last_review: Some(date("2026-11-01")),
        review_interval_days: 30,
        note: String::new(),
    });
    assert!(unmonitored_risks(&p).is_empty());
    // Reviewed 2026-11-01 every 30 days: due 2026-12-01, listed by the audit after it.
    let risk_due = |today| {
        audit(&p, date(today))
            .into_iter()
            .filter(|d| d.kind == DueKind::RiskReview)
            .count()
    };
    assert_eq!(risk_due("2026-12-01"), 0);
    assert_eq!(risk_due("2026-12-02"), 1);
}

#[test]
fn the_decision_record_names_the_chosen_alternative_who_why_and_why_not_the_others() {
    let mut p = SAMPLES[0].load().unwrap();
    p.management.decision = None;
    let alt = chosen(&p).unwrap().id;
    let others: Vec<AlternativeId> = p
        .alternatives
        .iter()
        .map(|a| a.id)
        .filter(|a| *a != alt)
        .collect();
    assert_eq!(record_gaps(&p), vec![RecordGap::NotRecorded(alt)]);
    p.management.decision = Some(DecisionRecord {
        decided_by: "Owner".into(),
        date: date("2026-03-01"),
        alternative: Some(others[0]),
        reason: String::new(),
        rejected: vec![Rejection {
            alternative: others[0],
            reason: "Too slow".into(),
        }],
    });
    let gaps = record_gaps(&p);
    assert_eq!(
        gaps[..2],
        [
            RecordGap::OtherAlternative {
                recorded: Some(others[0]),
                chosen: alt
            },
            RecordGap::WhoOrWhyMissing
        ]
    );
    assert_eq!(gaps.len(), 2 + others.len() - 1, "{gaps:?}");
    let record = p.management.decision.as_mut().unwrap();
    record.alternative = Some(alt);
    record.reason = "Builds the community we lack".into();
    for other in &others {
        *record.rejection_mut(*other) = "Not now".into();
    }
    assert!(record_gaps(&p).is_empty());
}

#[test]
fn the_audit_lists_what_is_due_oldest_first() {
    let mut p = SAMPLES[0].load().unwrap();
    let today = date("2026-11-23");
    // The sample's first assumption broke at its review; here it holds.
    p.management.assumptions[0].status = AssumptionStatus::Holds;
    let baseline = audit(&p, today).len();
    // A measure due 2026-10-31, a process change due 2026-11-15, an assumption last reviewed
    // 2026-06-01 with a 90-day interval (due 2026-08-30).
    p.management.measures[0].status = MeasureStatus::InProgress;
    p.management.measures[0].due = date("2026-10-31");
    let b = p.benefits[0].id;
    p.management.integrations.push(Integration {
        due: Some(date("2026-11-15")),
        ..integration(90, b, "Sales")
    });
    p.management.assumptions[0].last_review = Some(date("2026-06-01"));
    p.management.assumptions[0].review_interval_days = 90;
    let found = audit(&p, today);
    assert_eq!(found.len(), baseline + 3, "{found:#?}");
    let ours: Vec<(Option<Date>, &DueKind)> = found
        .iter()
        .filter(|d| {
            [
                ItemRef::Measure(p.management.measures[0].id),
                ItemRef::Integration(IntegrationId(90)),
                ItemRef::Assumption(p.management.assumptions[0].id),
            ]
            .contains(&d.item)
        })
        .map(|d| (d.since, &d.kind))
        .collect();
    assert_eq!(
        ours,
        vec![
            (Some(date("2026-08-30")), &DueKind::AssumptionReview),
            (Some(date("2026-10-31")), &DueKind::MeasureOverdue),
            (Some(date("2026-11-15")), &DueKind::ProcessChangeOverdue),
        ]
    );
    assert!(found.windows(2).all(|w| match (w[0].since, w[1].since) {
        (Some(a), Some(b)) => a <= b,
        (None, Some(_)) => false,
        _ => true,
    }));
}

#[test]
fn a_kpi_whose_measurement_is_overdue_by_its_cadence_is_due() {
    let mut p = SAMPLES[0].load().unwrap();
    // The club members KPI was last measured 2026-10-31; monthly, the next is due 2026-11-30.
    let k = p.management.kpis[0].id;
    let measure_due = |p: &Project, today| {
        audit(p, date(today))
            .into_iter()
            .filter(|d| d.item == ItemRef::Kpi(k) && d.kind == DueKind::KpiMeasurementDue)
            .map(|d| d.since)
            .collect::<Vec<_>>()
    };
    assert!(measure_due(&p, "2026-11-30").is_empty());
    assert_eq!(
        measure_due(&p, "2026-12-01"),
        vec![Some(date("2026-11-30"))]
    );
    // Yearly, the next is due 2027-10-31.
    p.management.kpis[0].cadence = crate::model::Cadence::Yearly;
    assert!(measure_due(&p, "2026-12-01").is_empty());
    assert_eq!(
        measure_due(&p, "2027-11-01"),
        vec![Some(date("2027-10-31"))]
    );
}

#[test]
fn without_a_progress_only_an_overrun_counts_and_spending_without_a_plan_always_does() {
    let mut m = measure(MeasureStatus::InProgress, None);
    m.planned_eur = Some(1_000.0);
    // 1,100 of 1,000 (110 %): within the margin over the whole plan.
    m.actual_eur = Some(1_100.0);
    assert!(running_ahead(&m).is_empty());
    // 1,200 (120 %): an overrun, whatever the progress; the progress is unknown.
    m.actual_eur = Some(1_200.0);
    let ahead = running_ahead(&m);
    assert_eq!(ahead.len(), 1);
    assert!(ahead[0].progress.is_nan());
    assert_eq!(
        ahead_words(&ahead[0]),
        "has used 120 % of its planned money (progress not entered)"
    );
    // Spent against a plan of 0 (or none): always counts.
    m.planned_eur = Some(0.0);
    m.actual_eur = Some(50.0);
    assert_eq!(
        ahead_words(&running_ahead(&m)[0]),
        "has spent money without a plan for it"
    );
    m.planned_eur = None;
    assert!(running_ahead(&m)[0].used.is_infinite());
    // Nothing spent, nothing to judge.
    m.actual_eur = Some(0.0);
    assert!(running_ahead(&m).is_empty());
    // A progress entered while under way does not count once the measure is planned again.
    let mut back = measure(MeasureStatus::Planned, Some(80.0));
    assert_eq!(back.progress(), Some(0.0));
    back.status = MeasureStatus::Blocked;
    assert_eq!(back.progress(), Some(0.8));
}

#[test]
fn a_measure_under_way_without_a_progress_counts_as_not_progressed() {
    let mut p = SAMPLES[0].load().unwrap();
    let alt = chosen(&p).unwrap().clone();
    let option = alt.options[0].option;
    // One done measure of 1 day and five under way of 100 days each, no progress entered:
    // 1 × 1 / (1 + 500) = 0.2 %, not 100 %.
    let mut measures = vec![Measure {
        option: Some(option),
        planned_days: Some(1.0),
        ..measure(MeasureStatus::Done, None)
    }];
    for k in 2..=6 {
        measures.push(Measure {
            id: MeasureId(k),
            option: Some(option),
            planned_days: Some(100.0),
            ..measure(MeasureStatus::InProgress, None)
        });
    }
    p.management.measures = measures;
    let i = implementation(&p, alt.id, date("2026-11-23")).unwrap();
    assert_eq!((i.done, i.measures, i.unknown), (1, 6, 5));
    assert!((i.progress.unwrap() - 1.0 / 501.0).abs() < 1e-12);
}

#[test]
fn the_audit_names_triggers_broken_assumptions_risks_kpis_behind_and_measures_that_need_action() {
    let mut p = SAMPLES[0].load().unwrap();
    let today = date("2026-11-23");
    let m = &mut p.management.measures[0];
    m.status = MeasureStatus::InProgress;
    m.due = date("2027-01-31");
    m.progress_percent = Some(20.0);
    m.planned_eur = Some(1_000.0);
    m.actual_eur = Some(900.0);
    m.quality = Score::new(3.0);
    let measure_id = m.id;
    p.management.risks.push(MonitoredRisk {
        id: RiskId(99),
        text: "Trolls".into(),
        source: RiskSource::Other,
        precaution: String::new(),
        owner: String::new(),
        status: RiskStatus::Occurred,
        last_review: Some(date("2026-11-20")),
        review_interval_days: 90,
        note: String::new(),
    });
    let found = audit(&p, today);
    let words: Vec<String> = found.iter().map(|d| due_words(&p, d)).collect();
    let has = |text: &str| {
        assert!(
            words.iter().any(|w| w == text),
            "{text:?} not in {words:#?}"
        );
    };
    let name = p.management.measures[0].name.clone();
    has(&format!(
        "Measure “{name}” has used 90 % of its planned money at 20 % progress"
    ));
    has(&format!(
        "Measure “{name}” falls short in quality (3 of 10)"
    ));
    has("The risk “Trolls” has occurred: act on it");
    // The sample's broken assumption (by review) and its KPIs behind are there too.
    assert!(
        found
            .iter()
            .any(|d| matches!(d.kind, DueKind::AssumptionTrouble(AssumptionStatus::Broken)))
    );
    assert!(
        found
            .iter()
            .any(|d| matches!(d.kind, DueKind::KpiBehind(_)))
    );
    assert!(found.iter().any(|d| d.item == ItemRef::Measure(measure_id)));
    // Done, the overrun is history: not in the audit (the quality still is).
    p.management.measures[0].status = MeasureStatus::Done;
    let after: Vec<DueKind> = audit(&p, today)
        .into_iter()
        .filter(|d| d.item == ItemRef::Measure(measure_id))
        .map(|d| d.kind)
        .collect();
    assert_eq!(after, vec![DueKind::QualityShort(3.0)]);
}
