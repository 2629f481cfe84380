#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The shipped case studies: they load, validate, survive save and load unchanged, and are
//! rich enough to teach the method.

use pbsm::io::{self, SAMPLES};
use pbsm::model::{CompetitorKind, validate};

#[test]
fn every_sample_loads_and_validates() {
    assert!(SAMPLES.len() >= 3, "at least three worked case studies");
    for sample in SAMPLES {
        let project = sample
            .load()
            .unwrap_or_else(|e| panic!("{}: {e}", sample.file_name));
        assert!(validate(&project).is_empty(), "{}", sample.file_name);
    }
}

#[test]
fn embedded_samples_are_the_files_in_samples_folder() {
    for sample in SAMPLES {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(sample.file_name);
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            on_disk,
            sample.text,
            "{} differs from the embedded copy",
            path.display()
        );
        assert_eq!(io::load(&path).unwrap(), sample.load().unwrap());
    }
}

#[test]
fn every_sample_survives_save_and_load_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    for sample in SAMPLES {
        let project = sample.load().unwrap();
        let path = dir.path().join(sample.file_name);
        io::save(&project, &path).unwrap();
        let again = io::load(&path).unwrap();
        assert_eq!(
            project, again,
            "{} changed in a save/load round trip",
            sample.file_name
        );
        // Saving the reloaded project writes the same text: files are stable and diffable.
        let path2 = dir.path().join(format!("again-{}", sample.file_name));
        io::save(&again, &path2).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            std::fs::read_to_string(&path2).unwrap()
        );
    }
}

#[test]
fn every_sample_is_a_complete_worked_example() {
    for sample in SAMPLES {
        let p = sample.load().unwrap();
        let name = sample.file_name;
        assert!(p.alternatives.len() >= 3, "{name}: at least 3 alternatives");
        assert!(p.options.len() >= 8, "{name}: at least 8 options");
        for kind in [CompetitorKind::Performance, CompetitorKind::Attention] {
            let n = p
                .competition
                .competitors
                .iter()
                .filter(|c| c.kind == kind)
                .count();
            assert!(n >= 2, "{name}: at least 2 competitors of kind {kind}");
        }
        assert!(p.management.kpis.len() >= 5, "{name}: at least 5 KPIs");
        for kpi in &p.management.kpis {
            assert!(
                kpi.actuals.len() >= 6,
                "{name}: KPI {} has fewer than 6 months of actuals",
                kpi.name
            );
            let months: std::collections::BTreeSet<_> = kpi
                .actuals
                .iter()
                .map(|a| (a.0.year(), a.0.month()))
                .collect();
            assert!(
                months.len() >= 6,
                "{name}: KPI {} actuals span fewer than 6 months",
                kpi.name
            );
        }
        assert!(
            p.management.assumptions.len() >= 4,
            "{name}: at least 4 monitored assumptions"
        );
        // Filled through every pane.
        assert!(
            !p.foundation.modules.is_empty()
                && !p.foundation.goals.is_empty()
                && !p.foundation.topics.is_empty()
        );
        assert!(!p.potential.usage_formats.is_empty() && !p.potential.impact_formats.is_empty());
        assert!(!p.potential.module_potentials.is_empty() && !p.potential.user_benefits.is_empty());
        assert!(!p.benefits.is_empty() && !p.competition.our_strength.is_empty());
        assert!(!p.management.measures.is_empty() && !p.management.adaptations.is_empty());
        // Distinct trade-offs: no two alternatives share both quality and risk.
        for (i, a) in p.alternatives.iter().enumerate() {
            for b in &p.alternatives[i + 1..] {
                assert!(
                    (a.competitive_quality, a.risk) != (b.competitive_quality, b.risk),
                    "{name}: {} and {} sit on the same spot of the map",
                    a.name,
                    b.name
                );
            }
            assert!(
                !a.options.is_empty(),
                "{name}: {} bundles no option",
                a.name
            );
        }
        // The method's traceability: every option realises a benefit and appears in an alternative.
        for o in &p.options {
            assert!(
                !o.benefits.is_empty(),
                "{name}: option {} realises no benefit",
                o.name
            );
            assert!(
                p.alternatives.iter().any(|a| a.bundles(o.id)),
                "{name}: option {} is in no alternative",
                o.name
            );
            assert!(o.topic.is_some() && o.user_benefit.is_some() && o.usage_format.is_some());
        }
    }
}
