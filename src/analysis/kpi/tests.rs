//! Hand-computed checks of the KPI health rule and the measurement cadence.

use super::*;
use crate::model::{Cadence, KpiId, Milestone};

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// A KPI from 2026-03-31 to 2027-03-31 (365 days); 2026-10-31 is 214 days in, 2026-09-30
/// 183.
fn kpi(direction: KpiDirection, baseline: f64, target: f64, actuals: &[(&str, f64)]) -> Kpi {
    Kpi {
        id: KpiId(1),
        name: "k".into(),
        unit: String::new(),
        direction,
        baseline,
        baseline_date: date("2026-03-31"),
        target,
        target_date: date("2027-03-31"),
        actuals: actuals.iter().map(|(d, v)| Actual(date(d), *v)).collect(),
        alternative: None,
        option: None,
        benefit: None,
        cadence: Cadence::Monthly,
        milestones: Vec::new(),
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-6)
}

#[test]
fn worked_by_hand_on_the_bakery_kpis() {
    let t = HealthThresholds::default();
    // Club members: 80 → 2,500. On 2026-10-31 the plan is 80 + 2,420 × 214/365 =
    // 1,498.849: 1,418.849 planned. The actual 1,450 made 1,370: 96.6 % of it, on track.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        80.0,
        2500.0,
        &[("2026-09-30", 1240.0), ("2026-10-31", 1450.0)],
    );
    let h = health(&k, t);
    assert!(close(h.planned_value, 1_498.849_315), "{h:?}");
    assert!(close(h.planned, 1_418.849_315));
    assert!(close(h.made, 1370.0));
    assert!(close(h.ratio, 1370.0 / 1_418.849_315));
    assert_eq!(h.health, Health::OnTrack);
    assert_eq!(h.words(), "made 1,370 of 1,419 planned (97 %)");
    // Course bookings: 0 → 120. Planned 120 × 214/365 = 70.356; made 55: 78.2 %, at risk.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        0.0,
        120.0,
        &[("2026-10-31", 55.0)],
    );
    let h = health(&k, t);
    assert!(close(h.ratio, 55.0 / (120.0 * 214.0 / 365.0)));
    assert_eq!(h.health, Health::AtRisk);
    // Bookings are counted: the planned 70.36 is written as a count.
    assert_eq!(h.words(), "made 55 of 70 planned (78 %)");
    // Apprentice applications: 4 → 15. Planned 11 × 214/365 = 6.449; made 6: 93.0 %,
    // behind (the old rule said on track: 10 is 95.7 % of the planned level 10.449).
    let k = kpi(
        KpiDirection::HigherIsBetter,
        4.0,
        15.0,
        &[("2026-10-31", 10.0)],
    );
    let h = health(&k, t);
    assert!(close(h.ratio, 6.0 / (11.0 * 214.0 / 365.0)));
    assert_eq!(h.health, Health::Behind);
    // A small count keeps a decimal: "made 6 of 6" would not read as behind.
    assert_eq!(h.words(), "made 6 of 6.4 planned (93 %)");
    // Unsold goods, lower is better: 9.5 → 7. Planned 9.5 − 2.5 × 214/365 = 8.034,
    // 1.466 lower; the actual 8.5 is 1.0 lower: 68.2 %, at risk (the old rule said
    // behind: 8.034 ÷ 8.5 = 94.5 % of the level).
    let k = kpi(
        KpiDirection::LowerIsBetter,
        9.5,
        7.0,
        &[("2026-10-31", 8.5)],
    );
    let h = health(&k, t);
    assert!(close(h.planned_value, 8.034_246_575));
    assert!(close(h.planned, 1.465_753_425));
    assert!(close(h.made, 1.0));
    assert!(close(h.ratio, 0.682_242_991), "{:?}", h.ratio);
    assert_eq!(h.health, Health::AtRisk);
    assert_eq!(h.words(), "made 1 of 1.47 planned (68 %)");
}

#[test]
fn the_level_no_longer_flatters_a_kpi_that_hardly_moved() {
    // 1,000 → 1,080. On 2026-10-31 the plan is 1,000 + 80 × 214/365 = 1,046.904. The
    // actual 1,015 is 1,015 ÷ 1,046.904 = 96.95 % of that level (on track by the old
    // rule), but it made 15 of 46.904 planned: 31.98 %, at risk.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        1000.0,
        1080.0,
        &[("2026-10-31", 1015.0)],
    );
    let h = health(&k, HealthThresholds::default());
    let level = 1015.0 / h.planned_value.unwrap();
    assert!((level - 0.969_525).abs() < 1e-6, "{level}");
    assert!(close(h.ratio, 15.0 / 46.904_109_589));
    assert!((h.ratio.unwrap() - 0.319_801).abs() < 1e-6);
    assert_eq!(h.health, Health::AtRisk);
    assert_eq!(h.words(), "made 15 of 47 planned (32 %)");
}

#[test]
fn lower_is_better_beating_the_plan_is_on_track() {
    // 147 → 90: on 2026-09-30 the plan is 147 − 57 × 183/365 = 118.42, 28.58 lower; the
    // actual 100 is 47 lower: 164 % of the planned progress.
    let k = kpi(
        KpiDirection::LowerIsBetter,
        147.0,
        90.0,
        &[("2026-09-30", 100.0)],
    );
    let h = health(&k, HealthThresholds::default());
    assert!(close(h.ratio, 47.0 / (57.0 * 183.0 / 365.0)));
    assert_eq!(h.health, Health::OnTrack);
    assert_eq!(h.words(), "made 47 of 29 planned (164 %)");
}

#[test]
fn the_wrong_way_is_at_risk() {
    // Club members fell from 80 to 60 while 1,418.85 were planned: −1.4 %.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        80.0,
        2500.0,
        &[("2026-10-31", 60.0)],
    );
    let h = health(&k, HealthThresholds::default());
    assert!(close(h.ratio, -20.0 / 1_418.849_315));
    assert_eq!(h.health, Health::AtRisk);
    assert_eq!(h.words(), "moved 20 the wrong way, 1,419 planned");
    // Even with the most lenient thresholds.
    let lenient = HealthThresholds {
        on_track: 0.01,
        behind: 0.01,
    };
    assert_eq!(health(&k, lenient).health, Health::AtRisk);
}

#[test]
fn with_nothing_planned_yet_holding_the_plan_is_on_track() {
    let t = HealthThresholds::default();
    // On the baseline date the plan is the baseline: nothing planned. Lower is better,
    // 10 → 5: 12 is worse than the planned 10, at risk; 10 holds it, 9 beats it.
    let at = |value| {
        health(
            &kpi(
                KpiDirection::LowerIsBetter,
                10.0,
                5.0,
                &[("2026-03-31", value)],
            ),
            t,
        )
    };
    let h = at(12.0);
    assert_eq!(
        (h.health, h.ratio, h.planned),
        (Health::AtRisk, None, Some(0.0))
    );
    assert_eq!(h.words(), "no progress planned yet; moved 2 the wrong way");
    let h = at(10.0);
    assert_eq!((h.health, h.ratio), (Health::OnTrack, None));
    assert_eq!(h.words(), "no progress planned yet; held the baseline");
    let h = at(9.0);
    assert_eq!((h.health, h.ratio), (Health::OnTrack, None));
    assert_eq!(h.words(), "no progress planned yet; made 1");
    // Before the baseline date too.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        80.0,
        2500.0,
        &[("2026-02-28", 79.0)],
    );
    assert_eq!(health(&k, t).health, Health::AtRisk);
    // A level to hold (target = baseline): revenue per shop 884 → 884. 883 falls short,
    // 884 holds it.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        884.0,
        884.0,
        &[("2026-10-31", 883.0)],
    );
    assert_eq!(health(&k, t).health, Health::AtRisk);
    let k = kpi(
        KpiDirection::HigherIsBetter,
        884.0,
        884.0,
        &[("2026-10-31", 884.0)],
    );
    assert_eq!(health(&k, t).health, Health::OnTrack);
}

#[test]
fn a_planned_dip_is_judged_against_the_planned_value() {
    // Cost per new club member, lower is better, 12 → 6, planned to rise to 14 during the
    // launch (milestone 2026-05-31). On 2026-04-30, 30 of the 61 days to the milestone,
    // the plan is 12 + 2 × 30/61 = 12.984: 0.984 the wrong way is allowed.
    let mut k = kpi(
        KpiDirection::LowerIsBetter,
        12.0,
        6.0,
        &[("2026-04-30", 13.5)],
    );
    k.milestones = vec![Milestone {
        date: date("2026-05-31"),
        value: 14.0,
    }];
    let h = health(&k, HealthThresholds::default());
    assert!(close(h.planned_value, 12.0 + 2.0 * 30.0 / 61.0));
    assert!(close(h.planned, -2.0 * 30.0 / 61.0));
    assert_eq!(h.ratio, None);
    // 13.5 is worse than the planned 12.98: at risk.
    assert_eq!(h.health, Health::AtRisk);
    assert_eq!(
        h.words(),
        "the plan allows 0.98 the wrong way by then; moved 1.5 the wrong way"
    );
    // 12.5 is better than planned: on track.
    k.actuals[0].1 = 12.5;
    assert_eq!(
        health(&k, HealthThresholds::default()).health,
        Health::OnTrack
    );
}

#[test]
fn milestones_set_the_planned_progress() {
    let t = HealthThresholds::default();
    let mut k = kpi(
        KpiDirection::HigherIsBetter,
        80.0,
        2500.0,
        &[("2026-10-31", 1450.0)],
    );
    // A slow start, 1,100 by 2026-12-31 (275 days in): on 2026-10-31 the plan is
    // 80 + 1,020 × 214/275 = 873.75, 793.75 planned; 1,370 made is 172.6 %: on track.
    k.milestones = vec![Milestone {
        date: date("2026-12-31"),
        value: 1100.0,
    }];
    let h = health(&k, t);
    assert!(close(h.planned, 1020.0 * 214.0 / 275.0));
    assert!(close(h.ratio, 1370.0 / (1020.0 * 214.0 / 275.0)));
    assert_eq!(h.health, Health::OnTrack);
    // A fast start, 1,500 by 2026-09-30, then 182 days to the target: on 2026-10-31 the
    // plan is 1,500 + 1,000 × 31/182 = 1,670.33, 1,590.33 planned; 1,370 made is 86.1 %:
    // behind.
    k.milestones[0] = Milestone {
        date: date("2026-09-30"),
        value: 1500.0,
    };
    let h = health(&k, t);
    let planned = 1420.0 + 1000.0 * 31.0 / 182.0;
    assert!(close(h.planned, planned));
    assert!(close(h.ratio, 1370.0 / planned));
    assert_eq!(h.health, Health::Behind);
    assert_eq!(h.words(), "made 1,370 of 1,590 planned (86 %)");
}

#[test]
fn after_the_target_date_the_whole_progress_is_planned() {
    // 0 → 100, measured 2027-06-30: 100 planned, 90 made: 90 %, behind.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        0.0,
        100.0,
        &[("2027-06-30", 90.0)],
    );
    let h = health(&k, HealthThresholds::default());
    assert_eq!(h.planned_value, Some(100.0));
    assert!(close(h.ratio, 0.9));
    assert_eq!(h.health, Health::Behind);
    // The latest actual counts, whatever the order in the list.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        0.0,
        100.0,
        &[("2026-10-31", 60.0), ("2026-04-30", 1.0)],
    );
    assert_eq!(
        health(&k, HealthThresholds::default()).latest.unwrap().1,
        60.0
    );
}

#[test]
fn negative_values_use_the_same_progress() {
    // Net sentiment from −20 to +20. On 2026-09-30 the plan is −20 + 40 × 183/365 =
    // 0.0548, 20.0548 planned. An actual of −10 made 10: 49.9 %, at risk.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        -20.0,
        20.0,
        &[("2026-09-30", -10.0)],
    );
    let h = health(&k, HealthThresholds::default());
    assert!(close(h.planned_value, 0.054_795));
    assert!(close(h.ratio, 0.498_634), "{:?}", h.ratio);
    assert_eq!(h.health, Health::AtRisk);
}

#[test]
fn thresholds_are_shares_of_the_planned_progress() {
    // Course bookings at 78.2 % of the planned progress: on track from 75 %.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        0.0,
        120.0,
        &[("2026-10-31", 55.0)],
    );
    let lenient = HealthThresholds {
        on_track: 0.75,
        behind: 0.5,
    };
    assert_eq!(health(&k, lenient).health, Health::OnTrack);
    let strict = HealthThresholds {
        on_track: 0.9,
        behind: 0.8,
    };
    assert_eq!(health(&k, strict).health, Health::AtRisk);
    // Exactly on a threshold counts as reaching it: 66 of 120 by 2026-10-31 is
    // 66 ÷ 70.356 = 93.8 %; with the on-track share at exactly that ratio, on track.
    let k = kpi(
        KpiDirection::HigherIsBetter,
        0.0,
        120.0,
        &[("2026-10-31", 66.0)],
    );
    let ratio = health(&k, lenient).ratio.unwrap();
    let exact = HealthThresholds {
        on_track: ratio,
        behind: 0.5,
    };
    assert_eq!(health(&k, exact).health, Health::OnTrack);
}

#[test]
fn without_a_measurement_a_kpi_waits_for_its_first_due_date() {
    let t = HealthThresholds::default();
    let mut k = kpi(KpiDirection::HigherIsBetter, 80.0, 2500.0, &[]);
    // Monthly from 2026-03-31: the first measurement is due 2026-04-30.
    assert_eq!(measurement_due(&k), date("2026-04-30"));
    let h = health(&k, t);
    assert_eq!(h.health, Health::NotMeasuredYet);
    assert_eq!(h.health.level(), None, "no warning");
    assert_eq!(h.words(), "not measured yet");
    assert_eq!(
        health_on(&k, t, date("2026-04-30")).health,
        Health::NotMeasuredYet,
        "due today, not overdue"
    );
    let h = health_on(&k, t, date("2026-05-01"));
    assert_eq!(h.health, Health::Overdue);
    assert_eq!(h.health.level(), Some(0));
    assert_eq!(h.words(), "first measurement overdue");
    // A yearly survey is not overdue on 2026-11-23: its first result is due 2027-03-31.
    k.cadence = Cadence::Yearly;
    assert_eq!(measurement_due(&k), date("2027-03-31"));
    assert_eq!(
        health_on(&k, t, date("2026-11-23")).health,
        Health::NotMeasuredYet
    );
    assert_eq!(health_on(&k, t, date("2027-04-01")).health, Health::Overdue);
    // With a measurement the health is its judgement, whatever today is.
    k.actuals.push(Actual(date("2026-10-31"), 1450.0));
    assert_eq!(
        health_on(&k, t, date("2030-01-01")),
        health(&k, t),
        "judged at the measurement"
    );
}

#[test]
fn a_measurement_is_overdue_once_its_due_day_has_passed() {
    let mut k = kpi(
        KpiDirection::HigherIsBetter,
        80.0,
        2500.0,
        &[("2026-10-31", 1450.0)],
    );
    // Monthly: due 2026-11-30.
    assert_eq!(measurement_due(&k), date("2026-11-30"));
    assert!(!measurement_overdue(&k, date("2026-11-23")));
    assert!(!measurement_overdue(&k, date("2026-11-30")));
    assert!(measurement_overdue(&k, date("2026-12-01")));
    // Quarterly: due 2027-01-31, across the year end.
    k.cadence = Cadence::Quarterly;
    assert_eq!(measurement_due(&k), date("2027-01-31"));
    assert!(!measurement_overdue(&k, date("2026-12-01")));
    assert!(measurement_overdue(&k, date("2027-02-01")));
    // Yearly: a month without a measurement is no gap; due 2027-10-31.
    k.cadence = Cadence::Yearly;
    assert_eq!(measurement_due(&k), date("2027-10-31"));
    assert!(!measurement_overdue(&k, date("2027-06-30")));
    assert!(measurement_overdue(&k, date("2027-11-01")));
}

#[test]
fn a_yearly_survey_is_judged_at_its_measurements() {
    // Awareness in the region, measured once a year: 30 % → 40 %. A year on, 39.6 made
    // 9.6 of the 10 planned: 96 %, on track; before it, nothing is judged or overdue.
    let mut k = kpi(KpiDirection::HigherIsBetter, 30.0, 40.0, &[]);
    k.cadence = Cadence::Yearly;
    let t = HealthThresholds::default();
    for today in ["2026-05-01", "2026-11-23", "2027-03-31"] {
        assert_eq!(
            health_on(&k, t, date(today)).health,
            Health::NotMeasuredYet,
            "{today}"
        );
    }
    k.actuals.push(Actual(date("2027-03-31"), 39.6));
    let h = health_on(&k, t, date("2027-04-15"));
    assert!(close(h.ratio, 0.96));
    assert_eq!(h.health, Health::OnTrack);
    assert_eq!(h.words(), "made 9.6 of 10 planned (96 %)");
    assert_eq!(measurement_due(&k), date("2028-03-31"));
}

#[test]
fn numbers_are_written_as_their_unit_and_values_call_for() {
    let mut members = kpi(
        KpiDirection::HigherIsBetter,
        80.0,
        2500.0,
        &[("2026-10-31", 1450.0)],
    );
    members.unit = "members".into();
    assert_eq!(NumberKind::of(&members), NumberKind::Count);
    // The planned path between two counts: still a count ("1498.85 expected members" was
    // the complaint).
    assert_eq!(value_text(&members, 1498.85), "1,499");
    // One number entered with decimals: a measure, as precise as its scale calls for.
    members.actuals.push(Actual(date("2026-11-30"), 1500.5));
    assert_eq!(NumberKind::of(&members), NumberKind::Measure);
    assert_eq!(value_text(&members, 1498.85), "1,499");
    let mut small = kpi(KpiDirection::HigherIsBetter, 4.2, 5.0, &[]);
    small.unit = "visits/month".into();
    assert_eq!(value_text(&small, 4.655), "4.66");

    for unit in [
        "EUR",
        "EUR thousand (rolling 12 months)",
        "€ per lead",
        "USD",
    ] {
        let mut money = kpi(
            KpiDirection::LowerIsBetter,
            12.0,
            6.0,
            &[("2026-10-31", 7.2)],
        );
        money.unit = unit.into();
        assert_eq!(NumberKind::of(&money), NumberKind::Money, "{unit}");
        assert_eq!(value_text(&money, 7.2), "7.2");
    }
    let mut revenue = kpi(KpiDirection::HigherIsBetter, 884_000.0, 890_000.0, &[]);
    revenue.unit = "EUR".into();
    assert_eq!(value_text(&revenue, 886_123.45), "886,123");
    // "Europe" is not a currency.
    let mut region = kpi(KpiDirection::HigherIsBetter, 1.5, 2.0, &[]);
    region.unit = "visitors from Europe".into();
    assert_eq!(NumberKind::of(&region), NumberKind::Measure);

    let mut share = kpi(
        KpiDirection::LowerIsBetter,
        9.5,
        7.0,
        &[("2026-10-31", 8.5)],
    );
    share.unit = "% of production".into();
    assert_eq!(NumberKind::of(&share), NumberKind::Percent);
    let h = health(&share, HealthThresholds::default());
    assert_eq!(h.words(), "made 1 of 1.5 planned (68 %)");
    share.unit = "percent of followers".into();
    assert_eq!(NumberKind::of(&share), NumberKind::Percent);
}
