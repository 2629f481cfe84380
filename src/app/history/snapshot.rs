//! Project states that share their unchanged parts.
//!
//! A [`Snapshot`] holds a project with every collection split into chunks of reference-counted
//! elements, and every text in its own reference-counted box. Storing the next state reuses the
//! previous state's element, chunk or whole collection wherever it is equal, so a step that
//! changes one number costs about one element and a few pointers instead of a whole project.
//! The model itself stays plain: panes edit `&mut Project` as before.

use crate::model::competition::Competition;
use crate::model::decision::{Budget, Decision};
use crate::model::foundation::Foundation;
use crate::model::management::{HealthThresholds, Management};
use crate::model::potential::PerformancePotential;
use crate::model::{Project, Score};
use std::sync::Arc;

/// Elements per chunk of a [`SharedVec`]: a changed element costs a new chunk of this many
/// pointers, and the list of chunks holds one pointer per this many elements.
const CHUNK: usize = 64;

/// A part of the project that can be stored sharing what equals the previous state.
pub(super) trait Share: Sized {
    /// How the part is stored.
    type Stored: Clone;
    /// Stores the part, reusing what equals `previous`.
    fn share(&self, previous: Option<&Self::Stored>) -> Self::Stored;
    /// The part as it was stored.
    fn restore(stored: &Self::Stored) -> Self;
    /// Turns the part, which equals `current`, into `stored`, changing only what differs:
    /// what both share stays as it is.
    fn restore_into(&mut self, stored: &Self::Stored, current: &Self::Stored);
    /// Whether two stored parts are the very same storage (not merely equal).
    fn same(a: &Self::Stored, b: &Self::Stored) -> bool;
}

/// Small values without heap data are stored as they are.
macro_rules! share_by_copy {
    ($($t:ty),*) => {$(
        impl Share for $t {
            type Stored = $t;
            fn share(&self, _previous: Option<&$t>) -> $t {
                *self
            }
            fn restore(stored: &$t) -> $t {
                *stored
            }
            fn restore_into(&mut self, stored: &$t, _current: &$t) {
                *self = *stored;
            }
            fn same(a: &$t, b: &$t) -> bool {
                // A copied value is its own storage (NaN is never the same: that only costs
                // a new box for the struct around it).
                a == b
            }
        }
    )*};
}

share_by_copy!(
    u32,
    u64,
    f64,
    Score,
    Option<Budget>,
    HealthThresholds,
    Option<crate::model::steering::Period>,
    Option<crate::model::Date>
);

/// A small value with heap data, stored whole and shared with the previous state while equal.
macro_rules! share_whole {
    ($($t:ty),*) => {$(
        impl Share for $t {
            type Stored = Arc<$t>;
            fn share(&self, previous: Option<&Arc<$t>>) -> Arc<$t> {
                match previous {
                    Some(p) if **p == *self => Arc::clone(p),
                    _ => Arc::new(self.clone()),
                }
            }
            fn restore(stored: &Arc<$t>) -> $t {
                (**stored).clone()
            }
            fn restore_into(&mut self, stored: &Arc<$t>, current: &Arc<$t>) {
                if !Arc::ptr_eq(stored, current) {
                    *self = (**stored).clone();
                }
            }
            fn same(a: &Arc<$t>, b: &Arc<$t>) -> bool {
                Arc::ptr_eq(a, b)
            }
        }
    )*};
}

share_whole!(Option<crate::model::steering::DecisionRecord>);

/// Texts are shared whole: a long description is stored once however many steps keep it.
impl Share for String {
    type Stored = Arc<String>;

    fn share(&self, previous: Option<&Arc<String>>) -> Arc<String> {
        match previous {
            Some(previous) if **previous == *self => Arc::clone(previous),
            _ => Arc::new(self.clone()),
        }
    }

    fn restore(stored: &Arc<String>) -> String {
        String::clone(stored)
    }

    fn restore_into(&mut self, stored: &Arc<String>, current: &Arc<String>) {
        if !Arc::ptr_eq(stored, current) {
            self.clone_from(stored);
        }
    }

    fn same(a: &Arc<String>, b: &Arc<String>) -> bool {
        Arc::ptr_eq(a, b)
    }
}

/// A collection stored as chunks of shared elements.
#[derive(Debug)]
pub(super) struct SharedVec<T> {
    len: usize,
    chunks: Arc<[Arc<[Arc<T>]>]>,
}

impl<T> Clone for SharedVec<T> {
    fn clone(&self) -> Self {
        Self {
            len: self.len,
            chunks: Arc::clone(&self.chunks),
        }
    }
}

impl<T> SharedVec<T> {
    /// The stored elements, in order.
    pub(super) fn elements(&self) -> impl Iterator<Item = &Arc<T>> {
        self.chunks.iter().flat_map(|chunk| chunk.iter())
    }

    /// The chunks, to see what two states share.
    #[cfg(test)]
    pub(super) fn chunks(&self) -> &Arc<[Arc<[Arc<T>]>]> {
        &self.chunks
    }
}

/// Finds, for each item, an equal element of the previous state to reuse. The previous
/// elements are walked in step with the items, so an element changed in place, inserted,
/// removed or swapped with its neighbour costs only the elements that really differ.
fn shared_elements<T: Clone + PartialEq>(items: &[T], previous: &[&Arc<T>]) -> Vec<Arc<T>> {
    let same = |j: usize, item: &T| previous.get(j).is_some_and(|p| ***p == *item);
    let mut j = 0;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if same(j, item) {
                j += 1;
                Arc::clone(previous[j - 1])
            } else if same(j + 1, item) {
                // The previous element at `j` was removed.
                j += 2;
                Arc::clone(previous[j - 1])
            } else {
                // Inserted (the next item is the previous element at `j`), or changed.
                let inserted = items.get(i + 1).is_some_and(|next| same(j, next));
                if !inserted {
                    j += 1;
                }
                Arc::new(item.clone())
            }
        })
        .collect()
}

impl<T: Clone + PartialEq> Share for Vec<T> {
    type Stored = SharedVec<T>;

    fn share(&self, previous: Option<&SharedVec<T>>) -> SharedVec<T> {
        let old: Vec<&Arc<T>> = previous.map_or_else(Vec::new, |p| p.elements().collect());
        let elements = shared_elements(self, &old);
        let old_chunks = previous.map(|p| &p.chunks[..]).unwrap_or_default();
        let mut reused_all = old_chunks.len() == elements.len().div_ceil(CHUNK);
        let chunks: Arc<[Arc<[Arc<T>]>]> = elements
            .chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| match old_chunks.get(c) {
                Some(old)
                    if old.len() == chunk.len()
                        && old.iter().zip(chunk).all(|(a, b)| Arc::ptr_eq(a, b)) =>
                {
                    Arc::clone(old)
                }
                _ => {
                    reused_all = false;
                    Arc::from(chunk)
                }
            })
            .collect();
        match previous {
            Some(previous) if reused_all => previous.clone(),
            _ => SharedVec {
                len: self.len(),
                chunks,
            },
        }
    }

    fn restore(stored: &SharedVec<T>) -> Vec<T> {
        stored.elements().map(|e| T::clone(e)).collect()
    }

    fn restore_into(&mut self, stored: &SharedVec<T>, current: &SharedVec<T>) {
        if Self::same(stored, current) {
            return;
        }
        if stored.len != current.len || self.len() != current.len {
            // Elements were added or removed: the collection is built anew.
            *self = Self::restore(stored);
            return;
        }
        let chunks = stored.chunks.iter().zip(current.chunks.iter());
        for (items, (stored, current)) in self.chunks_mut(CHUNK).zip(chunks) {
            if Arc::ptr_eq(stored, current) {
                continue;
            }
            for (item, (s, c)) in items.iter_mut().zip(stored.iter().zip(current.iter())) {
                if !Arc::ptr_eq(s, c) {
                    item.clone_from(s);
                }
            }
        }
    }

    fn same(a: &SharedVec<T>, b: &SharedVec<T>) -> bool {
        Arc::ptr_eq(&a.chunks, &b.chunks)
    }
}

/// Declares the stored form of a model struct: one stored field per field. The struct literal in
/// `restore` names every field, so a field added to the model and forgotten here does not
/// compile.
macro_rules! share_struct {
    ($(#[$doc:meta])* $model:ident => $stored:ident { $($field:ident: $t:ty),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub(super) struct $stored {
            $(pub(super) $field: <$t as Share>::Stored,)*
        }

        impl Share for $model {
            type Stored = Arc<$stored>;

            fn share(&self, previous: Option<&Arc<$stored>>) -> Arc<$stored> {
                let stored = $stored {
                    $($field: self.$field.share(previous.map(|p| &p.$field)),)*
                };
                match previous {
                    Some(previous)
                        if $(<$t as Share>::same(&previous.$field, &stored.$field))&&* =>
                    {
                        Arc::clone(previous)
                    }
                    _ => Arc::new(stored),
                }
            }

            fn restore(stored: &Arc<$stored>) -> $model {
                $model {
                    $($field: <$t as Share>::restore(&stored.$field),)*
                }
            }

            fn restore_into(&mut self, stored: &Arc<$stored>, current: &Arc<$stored>) {
                if !Arc::ptr_eq(stored, current) {
                    $(self.$field.restore_into(&stored.$field, &current.$field);)*
                }
            }

            fn same(a: &Arc<$stored>, b: &Arc<$stored>) -> bool {
                Arc::ptr_eq(a, b)
            }
        }
    };
}

share_struct! {
    /// The stored business model and goals.
    Foundation => StoredFoundation {
        company: String,
        industry: String,
        description: String,
        modules: Vec<crate::model::foundation::BusinessModule>,
        goals: Vec<crate::model::foundation::Goal>,
        market_affinity: Score,
        market_affinity_note: String,
        topics: Vec<crate::model::foundation::Topic>,
    }
}

share_struct! {
    /// The stored performance potential.
    PerformancePotential => StoredPotential {
        usage_formats: Vec<crate::model::potential::UsageFormat>,
        impact_formats: Vec<crate::model::potential::ImpactFormat>,
        module_potentials: Vec<crate::model::potential::ModulePotential>,
        user_benefits: Vec<crate::model::potential::UserBenefit>,
    }
}

share_struct! {
    /// The stored competitive situation.
    Competition => StoredCompetition {
        competitors: Vec<crate::model::competition::Competitor>,
        our_strength: Vec<crate::model::competition::ArenaScore>,
        our_rated: Option<crate::model::Date>,
        our_history: Vec<crate::model::competition::CompetitorRating>,
        summary: String,
    }
}

share_struct! {
    /// The stored strategy management.
    Management => StoredManagement {
        kpis: Vec<crate::model::management::Kpi>,
        assumptions: Vec<crate::model::management::Assumption>,
        measures: Vec<crate::model::management::Measure>,
        adaptations: Vec<crate::model::management::Adaptation>,
        health: HealthThresholds,
        period: Option<crate::model::steering::Period>,
        integrations: Vec<crate::model::steering::Integration>,
        risks: Vec<crate::model::steering::MonitoredRisk>,
        decision: Option<crate::model::steering::DecisionRecord>,
    }
}

share_struct! {
    /// The stored decision settings.
    Decision => StoredDecision {
        criteria: Vec<crate::model::decision::Criterion>,
        judgments: Vec<crate::model::decision::Judgment>,
        scenarios: Vec<crate::model::decision::WeightScenario>,
        budget: Option<Budget>,
        draws: u32,
        seed: u64,
    }
}

share_struct! {
    /// The stored project.
    Project => StoredProject {
        version: u32,
        name: String,
        summary: String,
        day_rate_eur: f64,
        foundation: Foundation,
        potential: PerformancePotential,
        benefits: Vec<crate::model::benefit::Benefit>,
        competition: Competition,
        options: Vec<crate::model::options::ActionOption>,
        alternatives: Vec<crate::model::alternatives::Alternative>,
        management: Management,
        decision: Decision,
        versions: Vec<crate::model::versions::StrategyVersion>,
        votes: Vec<crate::model::voting::VotingRound>,
        reasoning: Vec<crate::model::judgement::StepNote>,
    }
}

/// One recorded state of the project, sharing its unchanged parts with the states stored
/// before it.
#[derive(Debug)]
pub(super) struct Snapshot(Arc<StoredProject>);

impl Snapshot {
    /// Stores `project`, sharing with `previous` whatever is equal in both.
    pub(super) fn new(project: &Project, previous: Option<&Snapshot>) -> Self {
        Self(project.share(previous.map(|p| &p.0)))
    }

    /// The project in this state.
    #[cfg(test)]
    pub(super) fn restore(&self) -> Project {
        Project::restore(&self.0)
    }

    /// Turns `project`, which is in the state `current`, into this state, changing only the
    /// parts where the two states differ.
    pub(super) fn restore_into(&self, project: &mut Project, current: &Snapshot) {
        project.restore_into(&self.0, &current.0);
    }

    /// The stored parts, to see what two states share.
    #[cfg(test)]
    pub(super) fn stored(&self) -> &StoredProject {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::options::ActionOption;
    use crate::model::stress::{StressSize, stress_project};

    /// How many elements of `after` are not shared with `before`.
    fn new_elements<T>(before: &SharedVec<T>, after: &SharedVec<T>) -> usize {
        after
            .elements()
            .filter(|a| !before.elements().any(|b| Arc::ptr_eq(a, b)))
            .count()
    }

    #[test]
    fn a_changed_number_costs_one_element_and_its_chunk() {
        let mut p = stress_project(StressSize::scaled(20));
        let first = Snapshot::new(&p, None);
        p.options[100].relevance = Score::new(p.options[100].relevance.or(0.0) + 1.0);
        let second = Snapshot::new(&p, Some(&first));
        let (a, b) = (first.stored(), second.stored());
        assert_eq!(new_elements(&a.options, &b.options), 1);
        assert!(!Arc::ptr_eq(
            a.options.elements().nth(100).unwrap(),
            b.options.elements().nth(100).unwrap()
        ));
        // The chunk that holds it is new, the other chunks are shared.
        let chunks = (a.options.chunks(), b.options.chunks());
        assert_eq!(chunks.0.len(), 200usize.div_ceil(CHUNK));
        for (c, (x, y)) in chunks.0.iter().zip(chunks.1.iter()).enumerate() {
            assert_eq!(Arc::ptr_eq(x, y), c != 100 / CHUNK, "chunk {c}");
        }
        // Everything else is the very same storage.
        assert!(Arc::ptr_eq(
            a.alternatives.chunks(),
            b.alternatives.chunks()
        ));
        assert!(Arc::ptr_eq(&a.management, &b.management));
        assert!(Arc::ptr_eq(&a.foundation, &b.foundation));
        assert!(Arc::ptr_eq(&a.summary, &b.summary));
        assert!(Snapshot::new(&p, None).restore() == p);
        assert!(second.restore() == p);
        p.options[100].relevance = Score::new(p.options[100].relevance.or(0.0) - 1.0);
        assert!(first.restore() == p);
    }

    #[test]
    fn an_unchanged_project_is_stored_as_the_same_state() {
        let p = stress_project(StressSize::scaled(5));
        let first = Snapshot::new(&p, None);
        let second = Snapshot::new(&p, Some(&first));
        assert!(Arc::ptr_eq(&first.0, &second.0));
    }

    #[test]
    fn inserted_removed_and_swapped_elements_cost_only_themselves() {
        let mut p = stress_project(StressSize::scaled(20));
        let first = Snapshot::new(&p, None);
        let mut inserted: ActionOption = p.options[7].clone();
        inserted.name = "Inserted".to_owned();
        p.options.insert(70, inserted);
        let second = Snapshot::new(&p, Some(&first));
        assert_eq!(
            new_elements(&first.stored().options, &second.stored().options),
            1
        );
        p.options.remove(70);
        p.options.remove(3);
        let third = Snapshot::new(&p, Some(&second));
        assert_eq!(
            new_elements(&second.stored().options, &third.stored().options),
            0
        );
        p.options.swap(10, 11);
        let fourth = Snapshot::new(&p, Some(&third));
        assert_eq!(
            new_elements(&third.stored().options, &fourth.stored().options),
            1
        );
        for (state, n) in [(&first, 200), (&second, 201), (&third, 199), (&fourth, 199)] {
            assert_eq!(state.restore().options.len(), n);
        }
        assert!(fourth.restore() == p);
    }

    #[test]
    fn texts_are_shared_until_they_change() {
        let mut p = Project::new("a");
        p.foundation.description = "A long description. ".repeat(100);
        let first = Snapshot::new(&p, None);
        p.foundation.company = "Bakery".to_owned();
        let second = Snapshot::new(&p, Some(&first));
        let (a, b) = (&first.stored().foundation, &second.stored().foundation);
        assert!(!Arc::ptr_eq(a, b));
        assert!(Arc::ptr_eq(&a.description, &b.description));
        assert!(!Arc::ptr_eq(&a.company, &b.company));
        assert_eq!(second.restore().foundation.company, "Bakery");
        assert_eq!(first.restore().foundation.company, "");
    }
}
