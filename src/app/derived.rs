//! Numbers derived from the project for the panes: the project's [`Analysis`], cached against
//! the project, never stored in it. The Monte Carlo run goes to a background thread and restarts
//! when its inputs change, so the window never freezes.

use crate::analysis::Analysis;
use crate::analysis::consistency::{self, Finding};
use crate::analysis::decision::{not_assessed, raw_matrix};
use crate::analysis::robustness::{self, Input, Progress, Robustness};
use crate::model::{AlternativeId, Budget, Date, Direction, Judgment, Project};
use std::cell::RefCell;
use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;

/// What the cached decision analysis (evaluation, AHP, sensitivity, close call) depends on.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    alternatives: Vec<(AlternativeId, String)>,
    /// Per alternative, whether every value the criteria need is assessed (a score set from
    /// not assessed to 0 leaves `raw` as it was but brings the alternative into the ranking).
    ranked: Vec<bool>,
    raw: Vec<Vec<f64>>,
    names: Vec<String>,
    directions: Vec<Direction>,
    weights: Vec<f64>,
    judgments: Vec<Judgment>,
    budget: Option<Budget>,
    effort_and_budget: Vec<(f64, f64)>,
}

impl Key {
    fn of(project: &Project) -> Self {
        let d = &project.decision;
        Self {
            alternatives: project
                .alternatives
                .iter()
                .map(|a| (a.id, a.name.clone()))
                .collect(),
            ranked: project
                .alternatives
                .iter()
                .map(|a| not_assessed(project, a).is_empty())
                .collect(),
            raw: raw_matrix(project),
            names: d.criteria.iter().map(|c| c.name.clone()).collect(),
            directions: d.criteria.iter().map(|c| c.direction).collect(),
            weights: d.criteria.iter().map(|c| c.weight).collect(),
            judgments: d.judgments.clone(),
            budget: d.budget,
            effort_and_budget: project
                .alternatives
                .iter()
                .map(|a| (a.budget_eur, a.effort_person_days))
                .collect(),
        }
    }
}

/// A Monte Carlo run in a background thread.
struct Running {
    input: Input,
    draws: u32,
    seed: u64,
    progress: Arc<Progress>,
    handle: JoinHandle<Option<Robustness>>,
}

/// The state of the robustness analysis.
#[derive(Default)]
pub struct RobustnessState {
    /// The latest finished result and the inputs it was computed for.
    result: Option<(Input, u32, u64, Robustness)>,
    running: Option<Running>,
    /// A run that stopped unexpectedly, to be said once.
    failure: Option<String>,
    /// The inputs of a run that stopped unexpectedly (not tried again for the same inputs).
    failed_for: Option<(Input, u32, u64)>,
}

impl RobustnessState {
    /// The latest result, if any (it may be for slightly older inputs while a run is going).
    pub fn result(&self) -> Option<&Robustness> {
        self.result.as_ref().map(|(.., r)| r)
    }

    /// Progress of the run in the background, 0 to 1, if one is going.
    pub fn progress(&self) -> Option<f32> {
        self.running.as_ref().map(|r| {
            #[allow(clippy::cast_precision_loss)]
            let done = r.progress.done.load(Ordering::Relaxed) as f32;
            #[allow(clippy::cast_precision_loss)]
            let total = r.draws.max(1) as f32;
            (done / total).min(1.0)
        })
    }

    /// Whether the shown result matches the current inputs.
    pub fn is_current(&self, input: &Input, draws: u32, seed: u64) -> bool {
        self.result
            .as_ref()
            .is_some_and(|(i, d, s, _)| i == input && *d == draws && *s == seed)
    }

    fn update(&mut self, input: Input, draws: u32, seed: u64, background: bool) {
        if let Some(running) = self.running.take() {
            if running.handle.is_finished() {
                match running.handle.join() {
                    Ok(Some(result)) => {
                        self.result = Some((running.input, running.draws, running.seed, result));
                    }
                    // Cancelled: a newer run replaces it.
                    Ok(None) => {}
                    Err(_) => {
                        self.failure = Some(
                            "The rank acceptability could not be computed: the Monte Carlo run stopped unexpectedly".to_owned(),
                        );
                        // Not started again for the same inputs: it would fail again.
                        self.result = None;
                        self.failed_for = Some((running.input, running.draws, running.seed));
                        return;
                    }
                }
            } else if running.input == input && running.draws == draws && running.seed == seed {
                self.running = Some(running);
                return;
            } else {
                // Inputs changed: stop the old run (the thread ends at its next check).
                running.progress.cancel.store(true, Ordering::Relaxed);
            }
        }
        if self.is_current(&input, draws, seed) {
            return;
        }
        if self
            .failed_for
            .as_ref()
            .is_some_and(|(i, d, s)| *i == input && *d == draws && *s == seed)
        {
            return;
        }
        if background {
            let progress = Arc::new(Progress::default());
            let thread_progress = Arc::clone(&progress);
            let thread_input = input.clone();
            let handle = std::thread::spawn(move || {
                robustness::run(&thread_input, draws, seed, Some(&thread_progress))
            });
            self.running = Some(Running {
                input,
                draws,
                seed,
                progress,
                handle,
            });
        } else if let Some(result) = robustness::run(&input, draws, seed, None) {
            self.result = Some((input, draws, seed, result));
        }
    }

    /// Why the last run stopped unexpectedly, once.
    pub fn take_failure(&mut self) -> Option<String> {
        self.failure.take()
    }

    /// The finished result if it was computed for this project's current inputs.
    pub fn current_for(&self, project: &Project) -> Option<Robustness> {
        let d = &project.decision;
        let input = Input::from_project(project);
        self.is_current(&input, d.draws, d.seed)
            .then(|| self.result().cloned())
            .flatten()
    }

    /// Whether a run is going.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

impl Drop for RobustnessState {
    fn drop(&mut self) {
        if let Some(running) = &self.running {
            running.progress.cancel.store(true, Ordering::Relaxed);
        }
    }
}

/// The derived numbers the panes show: the project's [`Analysis`] (read through `Deref`, as
/// `derived.evaluation`) and the Monte Carlo run.
#[derive(Default)]
pub struct Derived {
    /// The project the analysis was made for.
    analysed: Option<Project>,
    /// The decision inputs of that project.
    key: Option<Key>,
    analysis: Analysis,
    /// Monte Carlo rank acceptability.
    pub robustness: RobustnessState,
    /// Run Monte Carlo in a background thread (the window) or inline (tests, deterministic).
    pub background: bool,
    /// The consistency findings of the analysed project, and the day they are for.
    findings: (Option<Date>, Vec<Finding>),
    /// The findings' messages worded so far, by index (a pane words the ones it shows).
    messages: RefCell<Vec<Option<String>>>,
}

impl Deref for Derived {
    type Target = Analysis;

    fn deref(&self) -> &Analysis {
        &self.analysis
    }
}

impl Derived {
    /// Brings everything up to date with the project on `today`; cheap when nothing changed. An
    /// edit that leaves the decision's inputs alone (a description, a KPI) keeps the decision
    /// analysis.
    pub fn update(&mut self, project: &Project, today: Date) {
        let changed = self.analysed.as_ref() != Some(project);
        if changed {
            let key = Key::of(project);
            if self.key.as_ref() == Some(&key) {
                self.analysis.update_beyond_decision(project);
            } else {
                self.analysis = Analysis::of(project);
                self.key = Some(key);
            }
            self.analysed = Some(project.clone());
        }
        // The findings compute every suggestion: once per edit or day, not once per frame.
        if changed || self.findings.0 != Some(today) {
            self.findings = (
                Some(today),
                consistency::findings(project, &self.analysis.evaluation, today),
            );
            self.messages = RefCell::new(vec![None; self.findings.1.len()]);
        }
        let input = Input::from_project(project);
        let d = &project.decision;
        self.robustness
            .update(input, d.draws, d.seed, self.background);
    }

    /// The consistency findings of the project as last updated.
    pub fn findings(&self) -> &[Finding] {
        &self.findings.1
    }

    /// The messages of the findings at `indices` (into [`Self::findings`]): worded on first
    /// ask and kept until the findings change, so that a pane words the few it shows, not the
    /// thousands a large project can have, and not once per frame.
    pub fn finding_messages(&self, indices: &[usize]) -> Vec<String> {
        let mut cache = self.messages.borrow_mut();
        let (Some(today), Some(project)) = (self.findings.0, &self.analysed) else {
            return vec![String::new(); indices.len()];
        };
        let mut words: Option<consistency::Messages<'_>> = None;
        indices
            .iter()
            .map(|&i| {
                let (Some(slot), Some(f)) = (cache.get_mut(i), self.findings.1.get(i)) else {
                    return String::new();
                };
                slot.get_or_insert_with(|| {
                    words
                        .get_or_insert_with(|| consistency::Messages::new(project, today))
                        .of(f)
                })
                .clone()
            })
            .collect()
    }

    /// The analysis of the project as last updated.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The analysis if it was made for exactly this project.
    pub fn current_for(&self, project: &Project) -> Option<&Analysis> {
        (self.analysed.as_ref() == Some(project)).then_some(&self.analysis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }
    use crate::model::Score;

    #[test]
    fn derived_numbers_follow_the_project() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        let mut d = Derived::default();
        d.update(&p, today());
        assert_eq!(d.evaluation.winner().unwrap().id, AlternativeId(1));
        assert!(d.robustness.result().is_some());
        // Make another alternative clearly best, for certain: the cached numbers follow.
        for a in &mut p.alternatives {
            a.ranges.clear();
        }
        p.alternatives[2].competitive_quality = Score::new(10.0);
        p.alternatives[2].risk = Score::new(0.0);
        d.update(&p, today());
        assert_eq!(d.evaluation.winner().unwrap().id, AlternativeId(3));
        assert_eq!(
            d.robustness.result().unwrap().of(AlternativeId(3)).unwrap()[0],
            1.0
        );
    }

    #[test]
    fn the_analysis_follows_every_edit_and_says_which_project_it_is_for() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        let mut d = Derived::default();
        d.update(&p, today());
        assert_eq!(d.analysis(), &Analysis::of(&p));
        assert_eq!(d.current_for(&p), Some(&Analysis::of(&p)));
        // Edits beyond the decision's inputs: the decision analysis stays, the strategy check
        // and the KPIs' health follow.
        let before = d.analysis().clone();
        let focus = before.check.as_ref().unwrap().alternative;
        p.alternatives
            .iter_mut()
            .filter(|a| a.id == focus)
            .for_each(|a| a.statements.clear());
        p.management.kpis.pop();
        assert_eq!(
            d.current_for(&p),
            None,
            "made for the project before the edit"
        );
        d.update(&p, today());
        assert_eq!(d.analysis(), &Analysis::of(&p));
        assert_eq!(d.evaluation, before.evaluation);
        assert_ne!(d.check, before.check);
        assert_eq!(d.kpi_health.len(), before.kpi_health.len() - 1);
        assert!(d.current_for(&p).is_some());
    }

    #[test]
    fn a_background_run_finishes_and_restarts_when_inputs_change() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        p.alternatives[0].ranges.push(crate::model::ScoreRange {
            criterion: crate::model::CriterionId(1),
            low: 5.0,
            high: 9.0,
        });
        let mut d = Derived {
            background: true,
            ..Derived::default()
        };
        d.update(&p, today());
        let wait = |d: &mut Derived, p: &Project| {
            for _ in 0..500 {
                d.update(p, today());
                if !d.robustness.is_running() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            panic!("the run did not finish");
        };
        wait(&mut d, &p);
        let first = d.robustness.result().unwrap().clone();
        p.decision.seed = 99;
        d.update(&p, today());
        assert!(d.robustness.is_running() || d.robustness.result() != Some(&first));
        wait(&mut d, &p);
        assert_eq!(d.robustness.result().unwrap().seed, 99);
    }

    #[test]
    fn the_findings_follow_the_project_and_the_day() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        let mut d = Derived::default();
        d.update(&p, today());
        let expected = |p: &Project, day| {
            consistency::findings(p, &crate::analysis::decision::evaluate(p), day)
        };
        assert_eq!(d.findings(), expected(&p, today()).as_slice());
        p.management.measures[0].due = Date::new(2026, 11, 1).unwrap();
        p.management.measures[0].status = crate::model::MeasureStatus::Planned;
        d.update(&p, today());
        assert_eq!(d.findings(), expected(&p, today()).as_slice());
        let later = Date::new(2027, 11, 23).unwrap();
        d.update(&p, later);
        assert_eq!(d.findings(), expected(&p, later).as_slice());
    }

    #[test]
    fn finding_messages_are_worded_for_the_findings_of_the_day_and_follow_their_changes() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        let mut d = Derived::default();
        d.update(&p, today());
        assert!(d.findings().is_empty());
        assert!(
            d.finding_messages(&[0]) == vec![String::new()],
            "no finding 0"
        );
        for m in &mut p.management.measures {
            m.due = Date::new(2026, 11, 1).unwrap();
            m.status = crate::model::MeasureStatus::Planned;
        }
        d.update(&p, today());
        let n = d.findings().len();
        assert!(n >= 2);
        let words = consistency::Messages::all(&p, today(), d.findings());
        // Asked in any order, twice (the second time from the cache).
        assert_eq!(
            d.finding_messages(&[1, 0]),
            vec![words[1].clone(), words[0].clone()]
        );
        assert_eq!(d.finding_messages(&[0, 1]), words[..2].to_vec());
        assert!(
            words[0].starts_with(&format!(
                "Measure “{}” was due on 2026-11-01",
                p.management.measures[0].name
            )),
            "{}",
            words[0]
        );
        // A renamed measure is worded anew.
        p.management.measures[0].name = "Renamed measure".to_owned();
        d.update(&p, today());
        assert!(d.finding_messages(&[0])[0].starts_with("Measure “Renamed measure”"));
    }
}
