#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A bounded, deterministic fuzz of the project loader, run with every `cargo test`: random
//! bytes and randomly mutated samples must be refused with an error that names the source (or,
//! if still a valid project, survive save → load unchanged), never panic. And a property test:
//! any valid project, with random scores and awkward texts, survives save → load unchanged.
//!
//! The seed is fixed so a failure reproduces; set `PBSM_FUZZ_CASES` to run longer locally.

use pbsm::analysis::rng::Rng;
use pbsm::io::project_file::{from_bytes, from_str, to_string};
use pbsm::io::samples::SAMPLES;
use pbsm::model::validate;

fn cases() -> usize {
    std::env::var("PBSM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600)
}

fn below(rng: &mut Rng, n: usize) -> usize {
    (rng.next_u64() % n.max(1) as u64) as usize
}

/// Fragments that are likely to reach deeper parts of the loader than random bytes do.
const TOKENS: &[&str] = &[
    "\"",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "1e999",
    "NaN",
    "-1",
    "inf",
    "99",
    "0.5",
    "Some(",
    "None",
    "\\",
    "\n",
    "//",
    "/*",
    "r#\"",
    "\u{1F600}",
    "version: 999",
    "id: 1",
    "\"\"",
    "true",
    "()",
];

/// Applies one to four random edits to `text`.
fn mutate(rng: &mut Rng, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + below(rng, 4) {
        let at = below(rng, bytes.len());
        match below(rng, 5) {
            0 => bytes[at] = rng.next_u64() as u8,
            1 => {
                let end = (at + 1 + below(rng, 64)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => {
                let end = (at + 1 + below(rng, 64)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                let to = below(rng, bytes.len());
                bytes.splice(to..to, copy);
            }
            3 => {
                let token = TOKENS[below(rng, TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            _ => {
                // Swap a digit for another: keeps the syntax, moves values out of range.
                if let Some(d) = bytes[at..].iter().position(u8::is_ascii_digit) {
                    bytes[at + d] = b'0' + below(rng, 10) as u8;
                }
            }
        }
        if bytes.is_empty() {
            break;
        }
    }
    bytes
}

/// Loads `bytes`; an accepted project must be valid and survive save → load unchanged.
fn load_checked(bytes: &[u8], source: &str) -> bool {
    match from_bytes(bytes, source) {
        Ok(project) => {
            assert!(validate(&project).is_empty(), "accepted an invalid project");
            let again = from_str(&to_string(&project), "again").expect("saved text loads");
            assert_eq!(again, project, "an accepted project changed in save → load");
            true
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains(source),
                "the error names the file: {message}"
            );
            assert!(!message.trim().is_empty());
            false
        }
    }
}

#[test]
fn random_bytes_are_refused_without_panicking() {
    let mut rng = Rng::new(0x5eed_0001);
    for case in 0..cases() {
        let len = below(&mut rng, 400);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        assert!(
            !load_checked(&bytes, "random.pbsm.ron"),
            "case {case}: random bytes were accepted"
        );
    }
}

#[test]
fn mutated_samples_never_panic_and_name_the_file() {
    let mut rng = Rng::new(0x5eed_0002);
    let mut refused = 0;
    let total = cases() * SAMPLES.len();
    for sample in SAMPLES {
        for _ in 0..cases() {
            let bytes = mutate(&mut rng, sample.text);
            if !load_checked(&bytes, sample.file_name) {
                refused += 1;
            }
        }
    }
    // Most mutations break something; if nearly none are refused, the loader stopped checking.
    assert!(
        refused * 2 > total,
        "only {refused} of {total} mutated samples were refused"
    );
}

/// Texts that are hard to write and read back.
const AWKWARD: &[&str] = &[
    "",
    "\"quoted\" and \\ backslash",
    "line one\nline two\r\n\ttabbed",
    "Ümlaut, émigré, 東京, emoji \u{1F600}",
    "ends with a backslash \\",
    "r#\"raw\"#",
    "/* not a comment */ // nor this",
    " leading and trailing spaces ",
];

#[test]
fn any_valid_project_survives_save_and_load_unchanged() {
    let mut rng = Rng::new(0x5eed_0003);
    let mut checked = 0;
    for sample in SAMPLES {
        let base = sample.load().unwrap();
        for _ in 0..cases() / 4 {
            let mut project = base.clone();
            project.name = AWKWARD[below(&mut rng, AWKWARD.len())].to_owned() + "x";
            for a in &mut project.alternatives {
                a.description = AWKWARD[below(&mut rng, AWKWARD.len())].to_owned();
                // Any score in range, including ones no slider would produce.
                a.competitive_quality = pbsm::model::Score::new(rng.next_f64() * 10.0);
                a.risk = pbsm::model::Score::new(rng.next_f64() * 10.0);
                a.goal_contribution = pbsm::model::Score::new(rng.next_f64() * 10.0);
                a.strategic_quality = pbsm::model::Score::new(rng.next_f64() * 10.0);
                a.budget_eur = rng.next_f64() * 1e7;
                a.effort_person_days = rng.next_f64() * 1e4;
                a.ranges.clear();
            }
            for round in &mut project.votes {
                round.question = AWKWARD[below(&mut rng, AWKWARD.len())].to_owned();
                for ballot in &mut round.ballots {
                    ballot.participant = format!(
                        "{}{}",
                        AWKWARD[below(&mut rng, AWKWARD.len())],
                        ballot.participant
                    );
                }
            }
            if !validate(&project).is_empty() {
                continue;
            }
            let text = to_string(&project);
            let again = from_str(&text, "round-trip").unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(again, project);
            assert_eq!(to_string(&again), text, "saving is stable");
            checked += 1;
        }
    }
    assert!(
        checked * 2 > SAMPLES.len() * (cases() / 4),
        "only {checked} generated projects were valid"
    );
}

/// The first sample with one own-score criterion, "Fun": the project the `scores_csv` fuzz
/// target imports into (no sample has an own-score criterion).
fn csv_fuzz_project() -> pbsm::model::Project {
    use pbsm::model::{ItemKind, ItemRef, add_item};
    let mut p = SAMPLES[0].load().unwrap();
    let today = pbsm::model::Date::new(2026, 11, 23).unwrap();
    let Ok(ItemRef::Criterion(id)) = add_item(&mut p, ItemKind::Criterion, today) else {
        panic!("a criterion was not added");
    };
    p.decision
        .criteria
        .iter_mut()
        .find(|c| c.id == id)
        .unwrap()
        .name = "Fun".to_owned();
    p
}

/// Writes the seed corpora of the fuzz targets that cannot use files of the repository as they
/// are (see fuzz/README.md): the scores of every sample and of the `scores_csv` target's project
/// as exported, and the default settings as eframe stores them. Each must be accepted by what it
/// seeds, so the fuzzer starts from inputs that reach deep.
#[test]
#[ignore = "writes fuzz/seeds; run by hand when the export or the settings change"]
fn write_fuzz_seeds() {
    use pbsm::io::scores_csv::{export, import};
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let today = pbsm::model::Date::new(2026, 11, 23).unwrap();
    let csv_dir = seeds.join("scores_csv");
    std::fs::create_dir_all(&csv_dir).unwrap();
    let fuzzed = csv_fuzz_project();
    let projects = SAMPLES
        .iter()
        .map(|s| (s.file_name.trim_end_matches(".pbsm.ron"), s.load().unwrap()))
        .chain([("bakery-with-own-score", fuzzed.clone())]);
    for (name, project) in projects {
        let text = export(&project).unwrap();
        import(&project, &text, "seed", today).unwrap();
        std::fs::write(csv_dir.join(format!("{name}.csv")), text).unwrap();
    }
    // Small valid projects: with a short -max_len the samples are cut and never load, these do.
    let pf_dir = seeds.join("project_file");
    std::fs::create_dir_all(&pf_dir).unwrap();
    let minimal = pbsm::model::Project::new("Minimal");
    let mut each = pbsm::model::Project::new("One of each");
    for &kind in <pbsm::model::ItemKind as pbsm::model::Choice>::ALL {
        pbsm::model::add_item(&mut each, kind, today).unwrap();
    }
    for (name, project) in [("minimal", minimal), ("one-of-each", each)] {
        let pretty = to_string(&project);
        // Without indentation and spaces they are half as long (1.5 and 3 KB).
        let compact = ron::to_string(&project).unwrap();
        for (suffix, text) in [("", pretty), ("-compact", compact)] {
            assert_eq!(from_str(&text, name).unwrap(), project);
            let file = pf_dir.join(format!("{name}{suffix}.pbsm.ron"));
            std::fs::write(file, text).unwrap();
        }
    }
    let settings_dir = seeds.join("settings");
    std::fs::create_dir_all(&settings_dir).unwrap();
    let settings = pbsm::app::workbench::Settings::default();
    let text = ron::to_string(&settings).unwrap();
    let back: pbsm::app::workbench::Settings = ron::from_str(&text).unwrap();
    assert!(pbsm::app::layout::is_complete(&back.layout));
    std::fs::write(settings_dir.join("default.ron"), text).unwrap();
}

/// The inputs that made a fuzz target (fuzz/) fail, minimised, one folder per target: each
/// file goes through that target's checks again.
fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn settings_that_broke_the_settings_fuzz_target_give_a_usable_window() {
    use pbsm::app::theme::ZOOM_RANGE;
    let files = regressions("settings");
    assert!(!files.is_empty());
    for (name, bytes) in files {
        let text = std::str::from_utf8(&bytes).unwrap();
        // As eframe reads the remembered settings.
        let settings: pbsm::app::workbench::Settings = ron::from_str(text).unwrap();
        let app = pbsm::app::Workbench::new(settings);
        let s = app.settings();
        assert!(ZOOM_RANGE.contains(&s.zoom), "{name}: zoom {}", s.zoom);
        assert!(
            ZOOM_RANGE.contains(&s.presentation_zoom),
            "{name}: presentation zoom {}",
            s.presentation_zoom
        );
        assert!(pbsm::app::layout::is_complete(&s.layout), "{name}");
    }
}

/// The questions of the `answer` fuzz target, in its order: a room round of each kind on the
/// first sample, on alternatives and (anonymous) on options.
fn answer_questions() -> Vec<pbsm::model::Question> {
    use pbsm::model::{Choice, Date, Question, RoundKind, VoteSubject};
    let today = Date::new(2026, 11, 23).unwrap();
    let mut out = Vec::new();
    for kind in RoundKind::ALL.iter().copied() {
        for (subject, anonymous) in [
            (VoteSubject::Alternatives, false),
            (VoteSubject::Options, true),
        ] {
            let mut p = SAMPLES[0].load().unwrap();
            let id = p.new_room_round(kind, subject, today, anonymous);
            let round = p.votes.iter().find(|r| r.id == id).unwrap();
            out.push(Question::of(round, &p));
        }
    }
    out
}

#[test]
fn answers_that_broke_the_answer_fuzz_target_are_refused_or_read_back_unchanged() {
    use pbsm::room::wire::{answer_from_value, answer_to_value, parse_answer};
    let questions = answer_questions();
    let files = regressions("answer");
    assert!(!files.is_empty());
    for (name, bytes) in files {
        let (first, body) = bytes.split_first().unwrap();
        let question = &questions[usize::from(*first) % questions.len()];
        match parse_answer(body, question) {
            Ok(answer) => {
                assert_eq!(answer.kind(), question.kind, "{name}");
                assert!(question.check(&answer).is_ok(), "{name}");
                let again = answer_from_value(&answer_to_value(&answer)).unwrap();
                assert_eq!(again, answer, "{name}: the wire form changed the answer");
            }
            Err(e) => assert!(!e.to_string().is_empty(), "{name}"),
        }
    }
}
