//! Files of every format version open, upgraded step by step; each old version keeps a frozen
//! fixture in `tests/fixtures/v<N>/`, and each upgrade step has its hand-checked expectations.

use pbsm::analysis::decision::evaluate;
use pbsm::io;
use pbsm::model::{
    AlternativeId, AssumptionId, AssumptionStatus, CompetitiveAssessment, ItemRef, OptionId, Score,
    TopicId, pending,
};
use std::path::Path;

/// The frozen files of older format versions, with the version each was written in. A format
/// change never edits these: it adds a step to `io::migrate` and a fixture of the new version.
const FIXTURES: &[(u32, &str)] = &[
    (1, "tests/fixtures/v1/machine-builder.pbsm.ron"),
    (2, "tests/fixtures/v2/bakery.pbsm.ron"),
    (3, "tests/fixtures/v3/tourism-in-progress.pbsm.ron"),
    (4, "tests/fixtures/v4/bakery-room-rounds.pbsm.ron"),
];

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn stored_files_of_every_older_version_open_upgraded() {
    let current = pbsm::model::CURRENT_VERSION;
    for version in 1..=current {
        assert!(
            FIXTURES.iter().any(|(v, _)| *v == version),
            "format version {version} has no frozen fixture"
        );
    }
    for (version, path) in FIXTURES {
        let path = fixture(path);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&format!("version: {version},")),
            "{} is a version {version} file",
            path.display()
        );
        let loaded = io::load_reporting(&path).unwrap();
        assert_eq!(loaded.project.version, current);
        if *version < current {
            assert_eq!(loaded.upgraded_from, Some(*version));
            let notice = loaded.upgrade_notice().unwrap();
            assert!(
                notice.contains(&format!("from format version {version} (since then: "))
                    && notice.contains(&format!("writes version {current}")),
                "{notice}"
            );
        } else {
            assert_eq!(loaded.upgraded_from, None);
            assert_eq!(loaded.upgrade_notice(), None);
        }
        // Saved again, it is written in the current format and reads back unchanged.
        let again = io::project_file::to_string(&loaded.project);
        assert!(again.contains(&format!("version: {current},")));
        assert!(again.contains(&format!("format version {current}\n")));
        assert_eq!(
            io::project_file::from_str(&again, "again").unwrap(),
            loaded.project
        );
    }
}

#[test]
fn a_version_1_file_opens_with_its_content_and_no_votes() {
    let project = io::load(&fixture(FIXTURES[0].1)).unwrap();
    assert_eq!(project.alternatives.len(), 3);
    assert!(
        project
            .alternatives
            .iter()
            .any(|a| a.name == "Engineers recruit engineers")
    );
    assert!(project.votes.is_empty());
}

#[test]
fn the_version_2_fixture_keeps_its_votes() {
    let project = io::load(&fixture(FIXTURES[1].1)).unwrap();
    assert_eq!(project.votes.len(), 2);
    let round = &project.votes[1];
    assert_eq!(round.date.to_string(), "2026-03-17");
    assert_eq!(round.ballots.len(), 7);
    assert_eq!(
        round.tally_of(pbsm::model::VoteTarget::Alternative(
            pbsm::model::AlternativeId(1)
        )),
        11
    );
}

#[test]
fn every_rating_a_version_1_or_2_file_set_stays_set() {
    for (version, path) in &FIXTURES[..2] {
        let p = io::load(&fixture(path)).unwrap();
        assert_eq!(
            pending(&p),
            Vec::new(),
            "version {version}: nothing became pending"
        );
    }
    // Values read by hand from tests/fixtures/v2/bakery.pbsm.ron.
    let p = io::load(&fixture(FIXTURES[1].1)).unwrap();
    assert_eq!(p.foundation.market_affinity, Score::new(6.0));
    assert_eq!(p.foundation.topics[0].affinity, Score::new(9.0));
    assert_eq!(
        p.potential.usage_formats[2].competitive_quality,
        Score::new(8.0)
    );
    assert_eq!(p.potential.user_benefits[1].strength, Score::new(6.0));
    assert_eq!(p.options[1].relevance, Score::new(7.0));
    assert_eq!(p.options[1].assessment, CompetitiveAssessment::Leading);
    let a = &p.alternatives[0];
    assert_eq!(
        (
            a.competitive_quality,
            a.risk,
            a.goal_contribution,
            a.strategic_quality
        ),
        (
            Score::new(8.0),
            Score::new(6.0),
            Score::new(7.5),
            Score::new(8.0)
        )
    );
    assert_eq!(p.management.assumptions[0].status, AssumptionStatus::AtRisk);
    assert_eq!(p.management.assumptions[1].status, AssumptionStatus::Holds);
}

#[test]
fn a_version_2_assumption_never_reviewed_becomes_not_reviewed() {
    // Version 2 gave a new assumption the status "holds" before any review. Assumption 2 of
    // the fixture (holds) and assumption 1 (at risk) lose their review date here.
    let text = std::fs::read_to_string(fixture(FIXTURES[1].1)).unwrap();
    let unreviewed = text
        .replace(
            r#"status: Holds, last_review: Some("2026-10-15")"#,
            "status: Holds, last_review: None",
        )
        .replace(
            r#"status: AtRisk, last_review: Some("2026-11-02")"#,
            "status: AtRisk, last_review: None",
        );
    assert_ne!(unreviewed, text);
    let loaded = io::project_file::parse(&unreviewed, "v2.pbsm.ron").unwrap();
    let status = |id: u32| {
        loaded
            .project
            .management
            .assumptions
            .iter()
            .find(|a| a.id == AssumptionId(id))
            .unwrap()
            .status
    };
    assert_eq!(
        status(2),
        AssumptionStatus::NotReviewed,
        "never reviewed, default status"
    );
    assert_eq!(
        status(1),
        AssumptionStatus::AtRisk,
        "a status someone set stays"
    );
    assert_eq!(status(3), AssumptionStatus::Holds, "reviewed on 2026-10-31");
    assert_eq!(
        pending(&loaded.project)
            .iter()
            .map(|x| (x.item, x.what))
            .collect::<Vec<_>>(),
        vec![(Some(ItemRef::Assumption(AssumptionId(2))), "status")]
    );
    let notice = loaded.upgrade_notice().unwrap();
    assert!(
        notice.contains("ratings and reviews that are not assessed yet"),
        "{notice}"
    );
}

#[test]
fn the_version_3_fixture_keeps_what_is_not_assessed_and_leaves_it_out_of_the_ranking() {
    let p = io::load(&fixture(FIXTURES[2].1)).unwrap();
    let found: Vec<(Option<ItemRef>, &str)> =
        pending(&p).iter().map(|x| (x.item, x.what)).collect();
    assert_eq!(
        found,
        vec![
            (Some(ItemRef::Topic(TopicId(6))), "affinity"),
            (Some(ItemRef::Option(OptionId(9))), "relevance"),
            (Some(ItemRef::Option(OptionId(9))), "competitive assessment"),
            (
                Some(ItemRef::Alternative(AlternativeId(4))),
                "competitive quality"
            ),
            (
                Some(ItemRef::Alternative(AlternativeId(4))),
                "goal contribution"
            ),
            (
                Some(ItemRef::Alternative(AlternativeId(4))),
                "strategic quality"
            ),
            (Some(ItemRef::Assumption(AssumptionId(6))), "status"),
        ]
    );
    // The alternative being drafted has a risk but nothing else: it is not ranked, and the
    // evaluation says which of the criteria's values it lacks.
    let e = evaluate(&p);
    assert_eq!(e.alternatives.len(), 3);
    assert!(e.alternative(AlternativeId(4)).is_none());
    assert_eq!(e.not_assessed.len(), 1);
    let left_out = &e.not_assessed[0];
    let missing = &left_out.lacks;
    assert_eq!(left_out.id, AlternativeId(4));
    assert_eq!(
        e.not_assessed_note().unwrap(),
        "Not ranked until assessed: “Dark-sky weekends (being drafted)” (lacks competitive quality, resources, contribution to goals, strategic quality)."
    );
    assert!(
        missing.contains(&"Competitive quality".to_owned()),
        "{missing:?}"
    );
    assert!(!missing.contains(&"Risk".to_owned()), "{missing:?}");
    assert!(
        missing.contains(&"Resources".to_owned()),
        "no budget, no effort: {missing:?}"
    );
}
