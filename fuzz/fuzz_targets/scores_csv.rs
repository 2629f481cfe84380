//! The CSV score import. The app reads the file with `std::fs::read_to_string`, so only valid
//! UTF-8 reaches `import`. The project is the first sample with one own-score criterion added,
//! so the own-score columns are exercised too (no sample has one).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbsm::io::scores_csv::{export, import};
use pbsm::model::{Date, ItemKind, ItemRef, Project, add_item, validate};
use std::sync::OnceLock;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap_or_else(|| panic!("a valid date"))
}

fn project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        let mut p = pbsm::io::SAMPLES[0]
            .load()
            .unwrap_or_else(|e| panic!("sample: {e}"));
        match add_item(&mut p, ItemKind::Criterion, today()) {
            Ok(ItemRef::Criterion(id)) => {
                if let Some(c) = p.decision.criteria.iter_mut().find(|c| c.id == id) {
                    c.name = "Fun".to_owned();
                }
            }
            other => panic!("adding a criterion: {other:?}"),
        }
        assert!(validate(&p).is_empty(), "the fuzzed project is valid");
        p
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let base = project();
    match import(base, text, "fuzz.csv", today()) {
        Ok(imported) => {
            let findings = validate(&imported);
            assert!(
                findings.is_empty(),
                "imported an invalid project: {findings:?}"
            );
            // What was imported exports and imports again unchanged.
            let csv = export(&imported).unwrap_or_else(|e| panic!("export: {e}"));
            match import(&imported, &csv, "again.csv", today()) {
                Ok(again) => assert_eq!(again, imported, "export → import changed the project"),
                Err(e) => panic!("the exported scores do not import: {e}\n{csv}"),
            }
        }
        Err(e) => {
            assert!(!e.problems.is_empty(), "a refusal names a problem");
            assert!(e.to_string().starts_with("fuzz.csv: nothing was imported"));
        }
    }
});
