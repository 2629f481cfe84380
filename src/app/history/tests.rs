//! Tests of the undo history: its behaviour, and exact states over many random steps.

use super::*;
use crate::model::Score;
use std::sync::Arc;

#[test]
fn undo_and_redo_restore_states_and_revisions() {
    let mut p = Project::new("a");
    let mut h = History::new(&p);
    let r0 = h.revision();
    p.name = "b".into();
    assert!(h.commit(&p));
    let r1 = h.revision();
    assert_ne!(r0, r1);
    p.name = "c".into();
    // Unrecorded edit: undo records it first, then undoes it.
    assert!(h.undo(&mut p));
    assert_eq!(p.name, "b");
    assert!(h.undo(&mut p));
    assert_eq!(p.name, "a");
    assert_eq!(h.revision(), r0);
    assert!(!h.undo(&mut p));
    assert!(h.redo(&mut p));
    assert_eq!(p.name, "b");
    assert_eq!(h.revision(), r1);
    assert!(h.redo(&mut p));
    assert_eq!(p.name, "c");
    assert!(!h.redo(&mut p));
}

#[test]
fn an_edit_after_undo_clears_redo() {
    let mut p = Project::new("a");
    let mut h = History::new(&p);
    p.name = "b".into();
    h.commit(&p);
    h.undo(&mut p);
    p.name = "x".into();
    assert!(!h.can_redo(&p));
    assert!(!h.redo(&mut p));
    assert_eq!(p.name, "x");
    assert!(h.undo(&mut p));
    assert_eq!(p.name, "a");
}

#[test]
fn commit_without_change_records_nothing() {
    let p = Project::new("a");
    let mut h = History::new(&p);
    assert!(!h.commit(&p));
    assert_eq!(h.undo_len(), 0);
}

/// The history as it was before states shared their parts: whole project clones. The shared
/// history must behave exactly like it.
struct Plain {
    baseline: Project,
    revision: Revision,
    next_revision: Revision,
    undo: Vec<(Revision, Project)>,
    redo: Vec<(Revision, Project)>,
}

impl Plain {
    fn new(project: &Project) -> Self {
        Self {
            baseline: project.clone(),
            revision: 0,
            next_revision: 1,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    fn commit(&mut self, project: &Project) -> bool {
        if *project == self.baseline {
            return false;
        }
        let before = std::mem::replace(&mut self.baseline, project.clone());
        self.undo.push((self.revision, before));
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.remove(0);
        }
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.redo.clear();
        true
    }

    fn step(&mut self, project: &mut Project, back: bool) -> bool {
        self.commit(project);
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((revision, state)) = from.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.baseline, state);
        to.push((self.revision, current));
        self.revision = revision;
        project.clone_from(&self.baseline);
        true
    }
}

/// One random edit of the kinds the panes make: a number, a text, an element added, removed
/// or moved, in the large collections and in the small parts.
fn random_edit(p: &mut Project, rng: &mut crate::analysis::rng::Rng) {
    let mut pick = |len: usize| {
        usize::try_from(rng.next_u64() % u64::try_from(len.max(1)).unwrap_or(1)).unwrap_or(0)
    };
    let value = f64::from(u32::try_from(pick(21)).unwrap_or(0)) / 2.0;
    match pick(11) {
        0 => {
            let n = pick(p.options.len());
            if let Some(o) = p.options.get_mut(n) {
                o.relevance = Score::new(value);
            }
        }
        1 => {
            let n = pick(p.alternatives.len());
            if let Some(a) = p.alternatives.get_mut(n) {
                a.budget_eur += 100.0 * value;
            }
        }
        2 => {
            let (n, m) = (pick(p.management.kpis.len()), pick(120));
            if let Some(actual) = p
                .management
                .kpis
                .get_mut(n)
                .and_then(|k| k.actuals.get_mut(m))
            {
                actual.1 = value;
            }
        }
        3 => p.name = format!("Project {value}"),
        4 => {
            let (from, to) = (pick(p.options.len()), pick(p.options.len() + 1));
            if let Some(mut o) = p.options.get(from).cloned() {
                o.name = format!("Copy {value}");
                p.options.insert(to, o);
            }
        }
        5 => {
            let n = pick(p.options.len());
            if n < p.options.len() {
                p.options.remove(n);
            }
        }
        6 => {
            let n = pick(p.alternatives.len());
            if n + 1 < p.alternatives.len() {
                p.alternatives.swap(n, n + 1);
            }
        }
        7 => p.foundation.description.push('x'),
        8 => {
            if let Some(round) = p.votes.first_mut() {
                round.note = format!("Note {value}");
            }
        }
        9 => {
            // A goal's link to a benefit ticked or unticked, or its strength changed.
            use crate::model::Choice;
            let (n, b) = (pick(p.foundation.goals.len()), pick(p.benefits.len()));
            let strength = pick(4);
            if let (Some(g), Some(b)) = (p.foundation.goals.get_mut(n), p.benefits.get(b)) {
                match crate::model::LinkStrength::ALL.get(strength) {
                    Some(s) => g.set_strength(b.id, *s),
                    None => g.set_served_by(b.id, false),
                }
            }
        }
        _ => p.management.health.on_track = 0.5 + value / 100.0,
    }
}

#[test]
fn undo_and_redo_restore_exact_states_over_many_random_steps() {
    let mut rng = crate::analysis::rng::Rng::new(20_261_123);
    let mut p = crate::model::stress::stress_project(crate::model::stress::StressSize::scaled(4));
    let mut h = History::new(&p);
    let mut plain = Plain::new(&p);
    let mut steps = [0usize; 4];
    for step in 0..1_500 {
        let kind = rng.next_u64() % 8;
        let done = match kind {
            // Edits recorded as a step, and edits left unrecorded for the next operation.
            0..=3 => {
                random_edit(&mut p, &mut rng);
                let recorded = h.commit(&p);
                assert_eq!(recorded, plain.commit(&p), "step {step}: commit");
                recorded
            }
            4 => {
                random_edit(&mut p, &mut rng);
                assert_eq!(h.has_uncommitted(&p), p != plain.baseline, "step {step}");
                true
            }
            5 | 6 => {
                let mut q = p.clone();
                let undone = h.undo(&mut p);
                assert_eq!(undone, plain.step(&mut q, true), "step {step}: undo");
                assert!(p == q, "step {step}: the state after undo differs");
                undone
            }
            _ => {
                let mut q = p.clone();
                let redone = h.redo(&mut p);
                assert_eq!(redone, plain.step(&mut q, false), "step {step}: redo");
                assert!(p == q, "step {step}: the state after redo differs");
                redone
            }
        };
        if done {
            steps[usize::try_from(kind.min(7) / 2).unwrap_or(0)] += 1;
        }
        assert_eq!(h.revision(), plain.revision, "step {step}: revision");
        assert_eq!(h.undo_len(), plain.undo.len(), "step {step}: undo steps");
        assert_eq!(
            h.can_undo(&p),
            !plain.undo.is_empty() || p != plain.baseline
        );
        assert_eq!(
            h.can_redo(&p),
            !plain.redo.is_empty() && p == plain.baseline
        );
        // Every stored state restores exactly.
        if step % 100 == 0 {
            for ((r, s), (pr, ps)) in h.undo.iter().zip(&plain.undo) {
                assert!((r, &s.restore()) == (pr, ps), "step {step}: undo stack");
            }
            for ((r, s), (pr, ps)) in h.redo.iter().zip(&plain.redo) {
                assert!((r, &s.restore()) == (pr, ps), "step {step}: redo stack");
            }
        }
    }
    // The random walk went everywhere: past the step limit, and back and forth.
    assert!(steps.iter().all(|n| *n > 100), "{steps:?}");
    assert_eq!(h.undo_len(), plain.undo.len());
    assert!(plain.next_revision > 200, "{}", plain.next_revision);
}

#[test]
fn the_states_of_many_steps_share_what_they_did_not_change() {
    let mut p = crate::model::stress::stress_project(crate::model::stress::StressSize::scaled(20));
    let mut h = History::new(&p);
    for i in 0..50 {
        p.options[i * 3].relevance = if p.options[i * 3].relevance == Score::new(1.0) {
            Score::new(2.0)
        } else {
            Score::new(1.0)
        };
        assert!(h.commit(&p));
        h.undo(&mut p);
        h.redo(&mut p);
    }
    let first = h.undo[0].1.stored();
    let last = h.undo[49].1.stored();
    // Untouched parts are the very same storage in the first and the last state.
    assert!(Arc::ptr_eq(&first.management, &last.management));
    assert!(Arc::ptr_eq(&first.foundation, &last.foundation));
    assert!(Arc::ptr_eq(&first.name, &last.name));
    assert!(Arc::ptr_eq(
        first.alternatives.chunks(),
        last.alternatives.chunks()
    ));
    // Of the 200 options, the last state holds its own copy of only the 49 edited after the
    // first state was recorded; the other 151 are shared.
    let shared = first
        .options
        .elements()
        .zip(last.options.elements())
        .filter(|(a, b)| Arc::ptr_eq(a, b))
        .count();
    assert_eq!(shared, 151);
}
