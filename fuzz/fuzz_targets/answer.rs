//! What a phone sends as an answer: any bytes to `room::wire::parse_answer`, against a room
//! round of the kind the first byte picks on the first sample (named or anonymous by its
//! second bit). It must never panic; an accepted answer passes the question's own check,
//! is of the round's kind, and survives its wire form unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbsm::model::{Choice, Date, Question, RoundKind, VoteSubject};
use pbsm::room::wire::{answer_from_value, answer_to_value, parse_answer};
use std::sync::OnceLock;

fn questions() -> &'static Vec<Question> {
    static QUESTIONS: OnceLock<Vec<Question>> = OnceLock::new();
    QUESTIONS.get_or_init(|| {
        let today = Date::new(2026, 11, 23).unwrap_or_else(|| panic!("a valid date"));
        let mut out = Vec::new();
        for kind in RoundKind::ALL.iter().copied() {
            for (subject, anonymous) in [
                (VoteSubject::Alternatives, false),
                (VoteSubject::Options, true),
            ] {
                let mut p = pbsm::io::SAMPLES[0]
                    .load()
                    .unwrap_or_else(|e| panic!("sample: {e}"));
                let id = p.new_room_round(kind, subject, today, anonymous);
                let round = p
                    .votes
                    .iter()
                    .find(|r| r.id == id)
                    .unwrap_or_else(|| panic!("the new round"));
                out.push(Question::of(round, &p));
            }
        }
        out
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((first, body)) = data.split_first() else {
        return;
    };
    let all = questions();
    let question = &all[usize::from(*first) % all.len()];
    match parse_answer(body, question) {
        Ok(answer) => {
            assert_eq!(answer.kind(), question.kind, "an answer of another kind");
            assert!(question.check(&answer).is_ok(), "accepted but refused");
            let again = answer_from_value(&answer_to_value(&answer))
                .unwrap_or_else(|e| panic!("the wire form does not read back: {e}"));
            assert_eq!(again, answer, "the wire form changed the answer");
        }
        Err(e) => assert!(!e.to_string().is_empty(), "a refusal says why"),
    }
});
