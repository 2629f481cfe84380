//! Undo and redo of project edits.
//!
//! The history keeps the state after the last recorded step (the baseline). Widgets edit the
//! project directly; when an edit gesture ends (a drag is released, a word is typed, a field is
//! left) the app calls [`History::commit`], which records one step if the project differs from
//! the baseline. Structural commands commit before and after themselves, so each is one step.

use crate::model::Project;

/// The most undo steps kept; older ones are dropped.
pub const MAX_UNDO_STEPS: usize = 200;

/// A number naming one recorded state of the project, used to know whether it was saved.
pub type Revision = u64;

/// Undo and redo stacks of whole project states.
#[derive(Debug)]
pub struct History {
    baseline: Project,
    revision: Revision,
    next_revision: Revision,
    undo: Vec<(Revision, Project)>,
    redo: Vec<(Revision, Project)>,
}

impl History {
    /// A history that starts at `project`, with nothing to undo.
    pub fn new(project: &Project) -> Self {
        Self {
            baseline: project.clone(),
            revision: 0,
            next_revision: 1,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// The revision of the last recorded state.
    pub fn revision(&self) -> Revision {
        self.revision
    }

    /// Whether the project has edits not yet recorded as a step.
    pub fn has_uncommitted(&self, project: &Project) -> bool {
        *project != self.baseline
    }

    /// Records the project as one step if it changed since the last one. Returns whether a
    /// step was recorded.
    pub fn commit(&mut self, project: &Project) -> bool {
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

    /// Whether there is something to undo (including unrecorded edits).
    pub fn can_undo(&self, project: &Project) -> bool {
        !self.undo.is_empty() || self.has_uncommitted(project)
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self, project: &Project) -> bool {
        !self.redo.is_empty() && !self.has_uncommitted(project)
    }

    /// Undoes the last step (recording unrecorded edits first, so they are what is undone).
    pub fn undo(&mut self, project: &mut Project) -> bool {
        self.commit(project);
        let Some((revision, state)) = self.undo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.baseline, state);
        self.redo.push((self.revision, current));
        self.revision = revision;
        project.clone_from(&self.baseline);
        true
    }

    /// Redoes the last undone step. Edits made after an undo discard the redo steps.
    pub fn redo(&mut self, project: &mut Project) -> bool {
        self.commit(project);
        let Some((revision, state)) = self.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.baseline, state);
        self.undo.push((self.revision, current));
        self.revision = revision;
        project.clone_from(&self.baseline);
        true
    }

    /// Number of steps that can be undone (not counting unrecorded edits).
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
