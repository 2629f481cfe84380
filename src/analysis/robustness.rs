//! Robustness under uncertainty: Monte Carlo rank acceptability.
//!
//! Every uncertain value (a range low / likely / high on an alternative) is drawn from a
//! triangular distribution; the others stay as entered. Each draw scales, weights and ranks the
//! alternatives as [`super::decision`] does. An alternative's rank acceptability is the share of
//! draws in which it takes each rank.

use super::decision::{TIE_TOLERANCE, in_decision, raw_matrix};
use super::rng::Rng;
use crate::model::decision::Direction;
use crate::model::{AlternativeId, Project};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// What a run needs from the project, extracted once so it can move to another thread.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// The alternatives, in project order.
    pub alternatives: Vec<AlternativeId>,
    /// The raw (most likely) values, one row per alternative.
    pub likely: Vec<Vec<f64>>,
    /// Uncertain cells: (alternative index, criterion index, low, high).
    pub uncertain: Vec<(usize, usize, f64, f64)>,
    /// Direction per criterion.
    pub directions: Vec<Direction>,
    /// Weight per criterion.
    pub weights: Vec<f64>,
}

impl Input {
    /// The input for a project.
    /// Alternatives with a value not assessed yet are left out, as in the ranking.
    pub fn from_project(project: &Project) -> Self {
        let view = in_decision(project);
        let project = &*view;
        let criteria = &project.decision.criteria;
        let mut uncertain = Vec::new();
        for (i, a) in project.alternatives.iter().enumerate() {
            for r in &a.ranges {
                if let Some(k) = criteria.iter().position(|c| c.id == r.criterion) {
                    uncertain.push((i, k, r.low, r.high));
                }
            }
        }
        Self {
            alternatives: project.alternatives.iter().map(|a| a.id).collect(),
            likely: raw_matrix(project),
            uncertain,
            directions: criteria.iter().map(|c| c.direction).collect(),
            weights: criteria.iter().map(|c| c.weight).collect(),
        }
    }
}

/// Progress of a run, shared with the thread that runs it.
#[derive(Debug, Default)]
pub struct Progress {
    /// Draws done so far.
    pub done: AtomicU32,
    /// Set to stop the run early.
    pub cancel: AtomicBool,
}

/// The result of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Robustness {
    /// Number of draws.
    pub draws: u32,
    /// The seed.
    pub seed: u64,
    /// The alternatives, in project order.
    pub alternatives: Vec<AlternativeId>,
    /// Per alternative, the share of draws in which it took rank 1, 2, ….
    pub acceptability: Vec<Vec<f64>>,
}

impl Robustness {
    /// The rank acceptability of an alternative.
    pub fn of(&self, id: AlternativeId) -> Option<&[f64]> {
        let i = self.alternatives.iter().position(|a| *a == id)?;
        self.acceptability.get(i).map(Vec::as_slice)
    }
}

/// The draws are split into this many chunks, each with its own seed derived from the run's
/// seed. The chunks run on as many threads as there are cores; the result does not depend on
/// how many that is.
pub const CHUNKS: u32 = 8;

/// Runs `draws` draws with `seed`. Returns `None` if cancelled through `progress`.
pub fn run(
    input: &Input,
    draws: u32,
    seed: u64,
    progress: Option<&Progress>,
) -> Option<Robustness> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    run_on(input, draws, seed, progress, threads)
}

fn run_on(
    input: &Input,
    draws: u32,
    seed: u64,
    progress: Option<&Progress>,
    threads: usize,
) -> Option<Robustness> {
    let n = input.alternatives.len();
    let sizes: Vec<u32> = (0..CHUNKS)
        .map(|c| draws / CHUNKS + u32::from(c < draws % CHUNKS))
        .collect();
    let threads = threads.clamp(1, CHUNKS as usize);
    let chunk_counts: Vec<Option<Vec<Vec<u32>>>> = if threads <= 1 || draws < 2_000 {
        (0..CHUNKS)
            .map(|c| run_chunk(input, sizes[c as usize], chunk_seed(seed, c), progress))
            .collect()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let sizes = &sizes;
                    scope.spawn(move || {
                        (0..CHUNKS)
                            .filter(|c| *c as usize % threads == t)
                            .map(|c| {
                                (
                                    c,
                                    run_chunk(
                                        input,
                                        sizes[c as usize],
                                        chunk_seed(seed, c),
                                        progress,
                                    ),
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            let mut results: Vec<(u32, Option<Vec<Vec<u32>>>)> = handles
                .into_iter()
                // A worker that panicked is a bug: pass the panic on, so whoever runs this
                // (the window's background thread, the memo's job) reports it instead of
                // taking it for a cancelled run.
                .flat_map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect();
            results.sort_by_key(|(c, _)| *c);
            results.into_iter().map(|(_, r)| r).collect()
        })
    };
    if chunk_counts.len() != CHUNKS as usize {
        return None;
    }
    let mut counts = vec![vec![0u32; n]; n];
    for chunk in chunk_counts {
        for (row, chunk_row) in counts.iter_mut().zip(chunk?) {
            for (c, x) in row.iter_mut().zip(chunk_row) {
                *c += x;
            }
        }
    }
    if let Some(p) = progress {
        p.done.store(draws, Ordering::Relaxed);
    }
    let denominator = f64::from(draws.max(1));
    Some(Robustness {
        draws,
        seed,
        alternatives: input.alternatives.clone(),
        acceptability: counts
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|c| f64::from(c) / denominator)
                    .collect()
            })
            .collect(),
    })
}

/// The seed of one chunk of a run.
fn chunk_seed(seed: u64, chunk: u32) -> u64 {
    seed ^ u64::from(chunk).wrapping_mul(0xD1B5_4A32_D192_ED03)
}

/// Counts, per alternative and rank, over `draws` draws of one chunk; `None` if cancelled.
fn run_chunk(
    input: &Input,
    draws: u32,
    seed: u64,
    progress: Option<&Progress>,
) -> Option<Vec<Vec<u32>>> {
    let n = input.alternatives.len();
    let k_count = input.directions.len();
    let mut counts = vec![vec![0u32; n]; n];
    let mut rng = Rng::new(seed);
    // Column-major: one criterion's values for all alternatives side by side.
    let mut values = vec![0.0; n * k_count];
    for (i, row) in input.likely.iter().enumerate() {
        for (k, v) in row.iter().enumerate() {
            values[k * n + i] = *v;
        }
    }
    // Uncertain cells with the triangular's constants: (index, low, span, mode position).
    let cells: Vec<(usize, f64, f64, f64)> = input
        .uncertain
        .iter()
        .map(|&(i, k, low, high)| {
            let span = high - low;
            let m = if span > 0.0 {
                (input.likely[i][k] - low) / span
            } else {
                0.0
            };
            (k * n + i, low, span.max(0.0), m)
        })
        .collect();
    let mut total = vec![0.0; n];
    let mut order: Vec<(f64, usize)> = (0..n).map(|i| (0.0, i)).collect();
    for draw in 0..draws {
        for &(index, low, span, m) in &cells {
            let (u, v) = rng.next_pair();
            values[index] = low + span * ((1.0 - m) * u.min(v) + m * u.max(v));
        }
        total.iter_mut().for_each(|t| *t = 0.0);
        for k in 0..k_count {
            let column = &values[k * n..(k + 1) * n];
            let (min, max) = column
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                    (lo.min(*v), hi.max(*v))
                });
            let span = max - min;
            // scaled = offset + factor × value, without a branch per value.
            let (offset, factor) = if span.abs() < f64::EPSILON {
                (1.0, 0.0)
            } else if input.directions[k] == Direction::Benefit {
                (-min / span, 1.0 / span)
            } else {
                (max / span, -1.0 / span)
            };
            let w = input.weights[k];
            let (w_offset, w_factor) = (w * offset, w * factor);
            for (t, v) in total.iter_mut().zip(column) {
                *t += w_offset + w_factor * v;
            }
        }
        // Orders change little from draw to draw: keep the last one and insertion-sort it,
        // which is close to linear for a nearly sorted list.
        for slot in &mut order {
            slot.0 = total[slot.1];
        }
        for j in 1..n {
            let item = order[j];
            let mut p = j;
            while p > 0 && order[p - 1].0 < item.0 {
                order[p] = order[p - 1];
                p -= 1;
            }
            order[p] = item;
        }
        // Ranks shared by ties, as in the deterministic ranking.
        let mut rank = 0;
        for position in 0..n {
            if position > 0 && order[position - 1].0 > order[position].0 + TIE_TOLERANCE {
                rank = position;
            }
            counts[order[position].1][rank] += 1;
        }
        if let Some(p) = progress
            && draw % 256 == 255
        {
            p.done.fetch_add(256, Ordering::Relaxed);
            if p.cancel.load(Ordering::Relaxed) {
                return None;
            }
        }
    }
    Some(counts)
}

/// Runs the project's own Monte Carlo settings.
pub fn for_project(project: &Project) -> Robustness {
    let d = &project.decision;
    run(&Input::from_project(project), d.draws, d.seed, None).unwrap_or_else(|| Robustness {
        draws: 0,
        seed: d.seed,
        alternatives: Vec::new(),
        acceptability: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two alternatives on one benefit criterion: A uncertain, B fixed at 5.
    fn two(low: f64, likely: f64, high: f64) -> Input {
        Input {
            alternatives: vec![AlternativeId(1), AlternativeId(2)],
            likely: vec![vec![likely], vec![5.0]],
            uncertain: vec![(0, 0, low, high)],
            directions: vec![Direction::Benefit],
            weights: vec![1.0],
        }
    }

    #[test]
    fn converges_to_the_known_share() {
        // P(X > 5) for a triangular (0, 5, 10) is 1/2; for (0, 0, 10) it is (10-5)²/100 = 1/4.
        let r = run(&two(0.0, 5.0, 10.0), 20_000, 3, None).unwrap();
        assert!(
            (r.acceptability[0][0] - 0.5).abs() < 0.015,
            "{:?}",
            r.acceptability
        );
        let r = run(&two(0.0, 0.0, 10.0), 20_000, 3, None).unwrap();
        assert!(
            (r.acceptability[0][0] - 0.25).abs() < 0.015,
            "{:?}",
            r.acceptability
        );
        // Each row and each column sums to 1.
        for row in &r.acceptability {
            assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn the_result_does_not_depend_on_the_number_of_threads() {
        let input = Input::from_project(&crate::model::stress::stress_project(
            crate::model::stress::StressSize {
                alternatives: 20,
                options: 40,
                kpis: 0,
                actuals_per_kpi: 0,
            },
        ));
        assert!(!input.uncertain.is_empty());
        let one = run_on(&input, 5_000, 11, None, 1);
        assert_eq!(one, run_on(&input, 5_000, 11, None, 2));
        assert_eq!(one, run_on(&input, 5_000, 11, None, 3));
    }

    #[test]
    fn a_certain_winner_is_first_in_every_draw() {
        let r = run(&two(6.0, 7.0, 9.0), 5_000, 1, None).unwrap();
        assert_eq!(r.acceptability[0], vec![1.0, 0.0]);
        assert_eq!(r.acceptability[1], vec![0.0, 1.0]);
    }

    #[test]
    fn same_seed_same_result_and_cancel_stops() {
        let input = two(0.0, 5.0, 10.0);
        assert_eq!(run(&input, 3_000, 9, None), run(&input, 3_000, 9, None));
        assert_ne!(run(&input, 3_000, 9, None), run(&input, 3_000, 10, None));
        let progress = Progress::default();
        progress.cancel.store(true, Ordering::Relaxed);
        assert_eq!(run(&input, 3_000, 9, Some(&progress)), None);
        let progress = Progress::default();
        run(&input, 3_000, 9, Some(&progress)).unwrap();
        assert_eq!(progress.done.load(Ordering::Relaxed), 3_000);
    }

    #[test]
    fn without_uncertainty_every_draw_matches_the_ranking() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        for a in &mut p.alternatives {
            a.ranges.clear();
        }
        let r = for_project(&p);
        let e = super::super::decision::evaluate(&p);
        for (a, acc) in e.alternatives.iter().zip(&r.acceptability) {
            assert_eq!(acc[a.rank - 1], 1.0, "{}", a.name);
        }
    }

    #[test]
    fn ties_share_the_better_rank() {
        let input = Input {
            alternatives: vec![AlternativeId(1), AlternativeId(2)],
            likely: vec![vec![5.0], vec![5.0]],
            uncertain: Vec::new(),
            directions: vec![Direction::Cost],
            weights: vec![1.0],
        };
        let r = run(&input, 10, 1, None).unwrap();
        assert_eq!(r.acceptability, vec![vec![1.0, 0.0], vec![1.0, 0.0]]);
    }
}
