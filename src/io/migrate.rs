//! Upgrading projects written in an older format version to the current one.
//!
//! A file is parsed into today's [`Project`] (fields added since its version have serde
//! defaults), then brought forward one version at a time, from the file's version to
//! [`CURRENT_VERSION`]. Each step is a function here; each old version keeps a frozen fixture
//! in `tests/fixtures/v<N>/` that must go on opening.
//!
//! Why versions change although new fields have defaults: project files refuse unknown fields,
//! so a file with a new field would make an older workbench fail with "unknown field". With the
//! version raised, the older workbench says clearly that the file needs a newer one.

use crate::model::{AssumptionStatus, CURRENT_VERSION, Project};

/// What one upgrade step changed, for the user.
pub struct Step {
    /// The version the step starts from.
    pub from: u32,
    /// What the new version added or changed, in a few words for the user ("dot voting").
    pub change: &'static str,
    /// The step itself.
    upgrade: fn(&mut Project),
}

/// The upgrade steps, oldest first: step `n` takes a project of version `n + 1` to `n + 2`.
pub const STEPS: &[Step] = &[
    Step {
        from: 1,
        change: "dot voting",
        upgrade: v1_to_v2,
    },
    Step {
        from: 2,
        change: "ratings and reviews that are not assessed yet",
        upgrade: v2_to_v3,
    },
    Step {
        from: 3,
        change: "rounds the room answers from their phones",
        upgrade: v3_to_v4,
    },
];

/// Version 1 had no dot voting: the project starts with no rounds (serde has already given it
/// an empty list; this keeps the step explicit and safe if the field's default ever changes).
fn v1_to_v2(project: &mut Project) {
    project.votes.clear();
}

/// Version 3 can say that a rating, an option's competitive assessment or an assumption's
/// status is not assessed yet. Every value a version 2 file holds was set, so its ratings and
/// assessments stay as they are (a plain number loads as an assessed rating). One value was
/// not: version 2 gave every new assumption the status "holds" before anyone reviewed it, so
/// an assumption that was never reviewed (no review date) and still says "holds" has in fact
/// not been reviewed, and becomes "not reviewed yet". A reviewed one, or one whose status was
/// changed to at risk or broken, keeps its status.
fn v2_to_v3(project: &mut Project) {
    for a in &mut project.management.assumptions {
        if a.last_review.is_none() && a.status == AssumptionStatus::Holds {
            a.status = AssumptionStatus::NotReviewed;
        }
    }
}

/// Version 4 added round kinds besides dots and the answers given from phones. Every round of
/// a version 3 file is a dot round, which is what a round without a kind reads as; nothing
/// changes.
fn v3_to_v4(project: &mut Project) {
    for round in &mut project.votes {
        round.kind = crate::model::RoundKind::Dots;
        round.responses.clear();
    }
}

/// Brings a project read from a file of version `from` up to [`CURRENT_VERSION`] and returns
/// the steps taken (none for a current file). `from` must be at least 1 and at most the
/// current version (the loader checks that before parsing).
pub fn upgrade(project: &mut Project, from: u32) -> Vec<&'static Step> {
    let steps: Vec<&'static Step> = STEPS.iter().filter(|s| s.from >= from).collect();
    for step in &steps {
        (step.upgrade)(project);
    }
    project.version = CURRENT_VERSION;
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_is_one_step_per_older_version_in_order() {
        let froms: Vec<u32> = STEPS.iter().map(|s| s.from).collect();
        let expected: Vec<u32> = (1..CURRENT_VERSION).collect();
        assert_eq!(froms, expected);
    }

    #[test]
    fn a_current_project_is_left_as_it_is() {
        let mut project = crate::io::SAMPLES[0].load().expect("sample");
        let before = project.clone();
        assert!(upgrade(&mut project, CURRENT_VERSION).is_empty());
        assert_eq!(project, before);
    }

    #[test]
    fn an_old_project_ends_at_the_current_version() {
        let mut project = Project::new("old");
        project.version = 1;
        let steps = upgrade(&mut project, 1);
        assert_eq!(steps.len(), (CURRENT_VERSION - 1) as usize);
        assert_eq!(project.version, CURRENT_VERSION);
    }
}
