//! `cargo bench --bench analysis`: the decision analysis on 50 alternatives × 8 criteria with
//! every score uncertain: evaluation, sensitivity table, close-call check, the whole analysis the
//! window caches (those three, AHP, strategy check, KPI health), and 10,000 Monte Carlo draws;
//! then every suggestion and consistency finding on the stress project, and their words.
//! Prints medians of thread CPU time; asserts nothing.

// A benchmark, like a test, stops loudly on a broken fixture.
#![allow(clippy::expect_used)]

use pbsm::analysis::{Analysis, decision, robustness, sensitivity};
use pbsm::model::stress::{StressSize, stress_project};
use pbsm::model::{
    Criterion, CriterionId, CriterionMeasure, CustomScore, Direction, Project, ScoreRange, validate,
};
use std::hint::black_box;
use std::time::Duration;

fn cpu_time(clock: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec we pass, which lives on this stack frame.
    unsafe { libc::clock_gettime(clock, &raw mut ts) };
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// Median thread CPU time of a single-threaded computation, in ms.
fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let start = cpu_time(libc::CLOCK_THREAD_CPUTIME_ID);
                black_box(f());
                cpu_time(libc::CLOCK_THREAD_CPUTIME_ID).saturating_sub(start)
            })
            .collect(),
    )
}

/// Median wall time and process CPU time (all threads) of a computation, in ms.
fn median_wall_and_cpu_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let (w0, c0) = (
            std::time::Instant::now(),
            cpu_time(libc::CLOCK_PROCESS_CPUTIME_ID),
        );
        black_box(f());
        wall.push(w0.elapsed());
        cpu.push(cpu_time(libc::CLOCK_PROCESS_CPUTIME_ID).saturating_sub(c0));
    }
    (median(wall), median(cpu))
}

/// 50 alternatives, the 5 default criteria plus 3 own-score criteria, every value uncertain.
fn project() -> Project {
    let mut p = stress_project(StressSize {
        alternatives: 50,
        options: 100,
        kpis: 1,
        actuals_per_kpi: 1,
    });
    for id in 6..=8 {
        p.decision.criteria.push(Criterion {
            id: CriterionId(id),
            name: format!("Own criterion {id}"),
            direction: if id % 2 == 0 {
                Direction::Benefit
            } else {
                Direction::Cost
            },
            weight: 0.0,
            measure: CriterionMeasure::Custom,
        });
    }
    for c in &mut p.decision.criteria {
        c.weight = 1.0 / 8.0;
    }
    let rate = p.day_rate_eur;
    for (i, a) in p.alternatives.iter_mut().enumerate() {
        let x = f64::from(u32::try_from(i).unwrap_or(0) % 10);
        a.custom_scores = (6..=8)
            .map(|id| CustomScore {
                criterion: CriterionId(id),
                score: (x + f64::from(id)) % 10.0,
            })
            .collect();
        // The stress project assesses every score.
        let values = [
            a.competitive_quality.or(0.0),
            a.risk.or(0.0),
            a.resources_eur(rate),
            a.goal_contribution.or(0.0),
            a.strategic_quality.or(0.0),
        ];
        let mut ranges: Vec<ScoreRange> = values
            .iter()
            .enumerate()
            .map(|(k, v)| {
                let spread = if k == 2 { v * 0.2 } else { 1.5 };
                let top = if k == 2 {
                    v + spread
                } else {
                    (v + spread).min(10.0)
                };
                ScoreRange {
                    criterion: CriterionId(u32::try_from(k).unwrap_or(0) + 1),
                    low: (v - spread).max(0.0),
                    high: top,
                }
            })
            .collect();
        ranges.extend(a.custom_scores.iter().map(|s| ScoreRange {
            criterion: s.criterion,
            low: (s.score - 1.0).max(0.0),
            high: (s.score + 1.0).min(10.0),
        }));
        a.ranges = ranges;
    }
    p
}

fn main() {
    let p = project();
    assert!(validate(&p).is_empty(), "{:?}", validate(&p).first());
    let input = robustness::Input::from_project(&p);
    println!(
        "pbsm workbench analysis benchmark: {} alternatives x {} criteria, {} uncertain values (median CPU time; wall time for the threaded draws)\n",
        p.alternatives.len(),
        p.decision.criteria.len(),
        input.uncertain.len()
    );
    println!(
        "{:<40} {:>10.3} ms",
        "evaluate (scale, weight, rank, Pareto)",
        median_ms(50, || decision::evaluate(&p))
    );
    println!(
        "{:<40} {:>10.3} ms",
        "sensitivity table (all criteria)",
        median_ms(50, || sensitivity::thresholds(&p))
    );
    println!(
        "{:<40} {:>10.3} ms",
        "close-call check",
        median_ms(20, || sensitivity::close_call(&p))
    );
    println!(
        "{:<40} {:>10.3} ms",
        "whole analysis (Analysis::of)",
        median_ms(20, || Analysis::of(&p))
    );
    // Every suggestion and consistency finding on the generated stress project (2,000 options
    // against the competition matrix, their relevance and priority, every alternative's
    // quality and risk, 100 KPIs, assumptions and measures), from its cached evaluation: the
    // findings compute the suggestions they compare with. This is what every edit recomputes;
    // the words of a finding are built when it is shown (the check pane shows at most five
    // per kind until one is unfolded), so they are measured apart.
    let stress = pbsm::model::stress::stress_project(pbsm::model::stress::StressSize::BENCHMARK);
    let stress_evaluation = decision::evaluate(&stress);
    let today = pbsm::model::Date::new(2026, 11, 23).expect("a valid date");
    let findings = || pbsm::analysis::consistency::findings(&stress, &stress_evaluation, today);
    let found = findings();
    let generated_ms = median_ms(20, findings);
    println!(
        "{:<40} {:>10.3} ms ({} findings)",
        "suggestions + findings (stress)",
        generated_ms,
        found.len()
    );
    println!(
        "{:<40} {:>10.3} ms",
        "  of which suggestions",
        median_ms(20, || pbsm::analysis::suggest::all(&stress, today))
    );
    // The words the check pane shows folded: the first five of each kind.
    let mut shown = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if found[..i].iter().filter(|g| g.kind == f.kind).count() < 5 {
            shown.push(f);
        }
    }
    let words = |list: &[&pbsm::analysis::consistency::Finding]| {
        let messages = pbsm::analysis::consistency::Messages::new(&stress, today);
        list.iter().map(|f| messages.of(f)).collect::<Vec<_>>()
    };
    println!(
        "{:<40} {:>10.3} ms ({} findings)",
        "  words shown in the check pane",
        median_ms(20, || words(&shown)),
        shown.len()
    );
    let every: Vec<_> = found.iter().collect();
    println!(
        "{:<40} {:>10.3} ms",
        "  words of every finding (memo, CLI)",
        median_ms(10, || words(&every))
    );
    // The same project as a strategist would keep it: values follow their suggestions, measures
    // and reviews are up to date, except one item in twenty (the generated one contradicts its
    // earlier steps almost everywhere).
    let kept = following_suggestions(&stress, today);
    let kept_evaluation = decision::evaluate(&kept);
    println!(
        "{:<40} {:>10.3} ms ({} findings)",
        "suggestions + findings (stress, kept)",
        median_ms(20, || {
            pbsm::analysis::consistency::findings(&kept, &kept_evaluation, today)
        }),
        pbsm::analysis::consistency::findings(&kept, &kept_evaluation, today).len()
    );
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let (wall, cpu) = median_wall_and_cpu_ms(9, || robustness::run(&input, 10_000, 1, None));
    println!(
        "{:<40} {:>10.3} ms wall ({threads} threads), {cpu:.3} ms CPU",
        "Monte Carlo, 10,000 draws", wall
    );
    println!(
        "\ntarget: 10,000 draws < 20 ms: {}",
        if wall < 20.0 { "met" } else { "MISSED" }
    );
    println!(
        "target: every suggestion and finding on the stress project < 2 ms: {}",
        if generated_ms < 2.0 { "met" } else { "MISSED" }
    );
}

/// The stress project as a strategist keeps it: its options' and alternatives' values set to
/// their suggestions, past measures done and assumptions reviewed a month ago, except every
/// twentieth item, which keeps its generated state.
fn following_suggestions(stress: &Project, today: pbsm::model::Date) -> Project {
    use pbsm::analysis::suggest;
    let mut p = stress.clone();
    for (i, m) in p.management.measures.iter_mut().enumerate() {
        if i % 20 != 0 && m.due < today {
            m.status = pbsm::model::MeasureStatus::Done;
        }
    }
    for (i, a) in p.management.assumptions.iter_mut().enumerate() {
        if i % 20 != 0 {
            a.last_review = Some(today.add_days(-30));
        }
    }
    let standings = pbsm::analysis::competition::Standings::of(&p);
    for i in 0..p.options.len() {
        if i % 20 == 0 {
            continue;
        }
        let o = p.options[i].clone();
        if let Some(s) = suggest::option_relevance(&p, &o) {
            p.options[i].relevance = pbsm::model::Score::new(s.value);
        }
        if let Some(s) = suggest::option_position(&p, &standings, &o) {
            p.options[i].assessment = s.suggestion.value;
        }
        let o = p.options[i].clone();
        if let Some(s) = suggest::option_priority(&p, &o) {
            p.options[i].priority = s.value;
        }
    }
    for i in 0..p.alternatives.len() {
        if i % 20 == 0 {
            continue;
        }
        let a = p.alternatives[i].clone();
        if let Some(s) = suggest::alternative_quality(&p, &a) {
            p.alternatives[i].competitive_quality = pbsm::model::Score::new(s.value);
        }
        if let Some(s) = suggest::alternative_risk(&p, &a, today) {
            p.alternatives[i].risk = pbsm::model::Score::new(s.value);
        }
        if let Some(s) = pbsm::analysis::goals::suggested_contribution(&p, a.id) {
            p.alternatives[i].goal_contribution = pbsm::model::Score::new(s.value);
        }
    }
    p
}
