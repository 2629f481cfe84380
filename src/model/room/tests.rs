use super::*;
use crate::model::Date;
use crate::model::ids::OptionId;

const A1: VoteTarget = VoteTarget::Alternative(AlternativeId(1));
const A2: VoteTarget = VoteTarget::Alternative(AlternativeId(2));
const A3: VoteTarget = VoteTarget::Alternative(AlternativeId(3));

fn question(kind: RoundKind) -> Question {
    Question {
        text: "?".into(),
        kind,
        subject: VoteSubject::Alternatives,
        dots_each: 3,
        items: vec![(A1, "One".into()), (A2, "Two".into()), (A3, "Three".into())],
        criteria: vec![
            (CriterionId(1), "Quality".into()),
            (CriterionId(2), "Risk".into()),
            (CriterionId(3), "Cost".into()),
        ],
        named: true,
    }
}

fn error(kind: RoundKind, answer: &Answer) -> String {
    question(kind)
        .check(answer)
        .expect_err("refused")
        .to_string()
}

fn dots(list: &[(VoteTarget, u32)]) -> Answer {
    Answer::Dots(list.iter().map(|&(on, count)| Dots { on, count }).collect())
}

fn points(list: &[(VoteTarget, u32)]) -> Answer {
    Answer::Points(
        list.iter()
            .map(|&(on, points)| Share { on, points })
            .collect(),
    )
}

#[test]
fn dots_within_what_each_holds_on_known_items_are_accepted() {
    let q = question(RoundKind::Dots);
    assert_eq!(q.check(&dots(&[(A1, 2), (A3, 1)])), Ok(()));
    assert_eq!(
        error(RoundKind::Dots, &dots(&[(A1, 2), (A2, 2)])),
        "4 dots placed, but each participant holds 3"
    );
    assert_eq!(
        error(RoundKind::Dots, &dots(&[(A1, 1), (A1, 1)])),
        "One is answered more than once"
    );
    assert_eq!(
        error(
            RoundKind::Dots,
            &dots(&[(VoteTarget::Alternative(AlternativeId(9)), 1)])
        ),
        "alternative 9 is not one of this round's items"
    );
    assert_eq!(
        error(
            RoundKind::Dots,
            &dots(&[(VoteTarget::Option(OptionId(1)), 1)])
        ),
        "option 1 is not one of this round's items"
    );
    assert_eq!(error(RoundKind::Dots, &dots(&[])), "nothing answered yet");
    assert_eq!(
        error(RoundKind::Dots, &dots(&[(A1, 0)])),
        "One is listed with nothing on it"
    );
    // Billions of dots do not overflow into an accepted answer.
    assert!(q.check(&dots(&[(A1, u32::MAX), (A2, u32::MAX)])).is_err());
}

#[test]
fn points_must_add_up_to_the_budget_exactly() {
    let q = question(RoundKind::Points);
    assert_eq!(q.check(&points(&[(A1, 60), (A2, 40)])), Ok(()));
    assert_eq!(
        error(RoundKind::Points, &points(&[(A1, 60), (A2, 50)])),
        "the points add up to 110; share exactly 100"
    );
    assert_eq!(
        error(RoundKind::Points, &points(&[(A1, 90)])),
        "the points add up to 90; share exactly 100"
    );
    assert!(
        q.check(&points(&[(A1, u32::MAX), (A2, u32::MAX), (A3, 2)]))
            .is_err(),
        "no overflow"
    );
    // Kept in a project after an item was removed, fewer points are sound; more never.
    assert_eq!(q.check_kept(&points(&[(A1, 90)])), Ok(()));
    assert!(q.check_kept(&points(&[(A1, 101)])).is_err());
}

#[test]
fn a_ranking_puts_every_item_in_order_once() {
    let q = question(RoundKind::Ranking);
    assert_eq!(q.check(&Answer::Ranking(vec![A2, A1, A3])), Ok(()));
    assert_eq!(
        error(RoundKind::Ranking, &Answer::Ranking(vec![A2, A1])),
        "the ranking leaves out Three; put every item in order"
    );
    assert_eq!(
        error(RoundKind::Ranking, &Answer::Ranking(vec![A2, A1, A1, A3])),
        "One is answered more than once"
    );
    assert_eq!(q.check_kept(&Answer::Ranking(vec![A2, A1])), Ok(()));
}

#[test]
fn a_scale_rates_from_one_to_five_or_skips() {
    let q = question(RoundKind::Scale);
    let rating = |on, value| Rating { on, value };
    assert_eq!(
        q.check(&Answer::Scale(vec![rating(A1, Some(5)), rating(A2, None)])),
        Ok(())
    );
    assert_eq!(
        error(RoundKind::Scale, &Answer::Scale(vec![rating(A1, Some(6))])),
        "the rating of One is 6, expected 1 to 5"
    );
    assert_eq!(
        error(RoundKind::Scale, &Answer::Scale(vec![rating(A1, Some(0))])),
        "the rating of One is 0, expected 1 to 5"
    );
    assert_eq!(
        error(RoundKind::Scale, &Answer::Scale(vec![rating(A1, None)])),
        "nothing answered yet",
        "skipping everything is no answer"
    );
}

#[test]
fn placing_keeps_both_axes_from_zero_to_ten() {
    let q = question(RoundKind::Placing);
    let place = |quality, risk| {
        Answer::Placing(vec![Placement {
            alternative: AlternativeId(2),
            quality,
            risk,
        }])
    };
    assert_eq!(q.check(&place(0.0, 10.0)), Ok(()));
    assert_eq!(
        error(RoundKind::Placing, &place(10.5, 3.0)),
        "the competitive quality of Two is 10.5, expected 0 to 10"
    );
    assert_eq!(
        error(RoundKind::Placing, &place(5.0, f64::NAN)),
        "the risk of Two is NaN, expected 0 to 10"
    );
    assert!(q.check(&place(f64::INFINITY, 1.0)).is_err());
}

fn judgment(a: u32, b: u32, value: f64) -> Judgment {
    Judgment {
        a: CriterionId(a),
        b: CriterionId(b),
        value,
    }
}

#[test]
fn pairwise_judges_every_pair_once_on_saatys_scale() {
    let q = question(RoundKind::Pairwise);
    let full = vec![
        judgment(1, 2, 3.0),
        judgment(3, 1, 1.0 / 5.0),
        judgment(2, 3, 1.0),
    ];
    assert_eq!(q.check(&Answer::Pairwise(full.clone())), Ok(()));
    assert_eq!(
        error(RoundKind::Pairwise, &Answer::Pairwise(full[..2].to_vec())),
        "Risk against Cost is not judged; compare every pair"
    );
    let mut twice = full.clone();
    twice.push(judgment(2, 1, 2.0));
    assert_eq!(
        error(RoundKind::Pairwise, &Answer::Pairwise(twice)),
        "Risk against Quality is answered more than once"
    );
    assert_eq!(
        error(
            RoundKind::Pairwise,
            &Answer::Pairwise(vec![judgment(1, 2, 2.5)])
        ),
        "the judgment of Quality against Risk is 2.5, expected 1/9 to 9 on Saaty's scale"
    );
    assert_eq!(
        error(
            RoundKind::Pairwise,
            &Answer::Pairwise(vec![judgment(1, 1, 1.0)])
        ),
        "Quality is compared with itself"
    );
    assert_eq!(
        error(
            RoundKind::Pairwise,
            &Answer::Pairwise(vec![judgment(1, 7, 1.0)])
        ),
        "criterion 7 is not one of this round's items"
    );
    for v in [1.0, 9.0, 1.0 / 9.0, 0.5] {
        assert!(is_saaty_value(v), "{v}");
    }
    for v in [0.0, -3.0, 10.0, 0.1, 2.5, f64::NAN, f64::INFINITY] {
        assert!(!is_saaty_value(v), "{v}");
    }
}

#[test]
fn an_answer_of_another_kind_is_refused_by_name() {
    assert_eq!(
        error(RoundKind::Points, &Answer::Ranking(vec![A1, A2, A3])),
        "this round asks for 100 points, not ranking"
    );
}

#[test]
fn a_new_room_round_has_no_participants_and_the_kinds_question() {
    let mut p = crate::io::SAMPLES[0].load().expect("sample");
    let today = Date::new(2026, 11, 23).expect("a date");
    let id = p.new_room_round(RoundKind::Placing, VoteSubject::Options, today, true);
    let round = p.votes.iter().find(|r| r.id == id).expect("the round");
    assert_eq!(round.kind, RoundKind::Placing);
    assert_eq!(
        round.subject,
        VoteSubject::Alternatives,
        "placing is on the alternatives"
    );
    assert!(round.ballots.is_empty());
    assert!(round.anonymous);
    let q = Question::of(round, &p);
    assert!(!q.named);
    assert_eq!(q.items.len(), p.alternatives.len());
    assert!(q.criteria.is_empty());
    let id = p.new_room_round(RoundKind::Pairwise, VoteSubject::Options, today, false);
    let round = p.votes.iter().find(|r| r.id == id).expect("the round");
    let q = Question::of(round, &p);
    assert_eq!(q.criteria.len(), p.decision.criteria.len());
    assert!(q.items.is_empty());
}

#[test]
fn answers_replace_earlier_ones_by_name_and_dots_become_ballots() {
    let mut p = crate::io::SAMPLES[0].load().expect("sample");
    let today = Date::new(2026, 11, 23).expect("a date");
    let a = p.alternatives[0].id;
    let b = p.alternatives[1].id;
    let id = p.new_room_round(RoundKind::Dots, VoteSubject::Alternatives, today, false);
    let round = p.votes.iter_mut().find(|r| r.id == id).expect("the round");
    let on = VoteTarget::Alternative;
    assert!(round.record("Anna", dots(&[(on(a), 2)])));
    assert!(round.record("Ben", dots(&[(on(b), 1)])));
    assert!(round.record("Anna", dots(&[(on(b), 3)])));
    assert!(!round.record("Anna", points(&[(on(b), 100)])), "wrong kind");
    assert_eq!(round.ballots.len(), 2);
    assert_eq!(round.tally_of(on(b)), 4);
    assert_eq!(round.answered(), 2);

    let id = p.new_room_round(RoundKind::Points, VoteSubject::Alternatives, today, false);
    let round = p.votes.iter_mut().find(|r| r.id == id).expect("the round");
    assert!(round.record("Anna", points(&[(on(a), 70), (on(b), 30)])));
    assert!(round.record("Ben", points(&[(on(a), 100)])));
    assert_eq!(round.answered(), 2);
    // Removing an alternative drops its points; Ben's answer had only that one and goes.
    p.remove_alternative(a);
    let round = p.votes.iter().find(|r| r.id == id).expect("the round");
    assert_eq!(round.responses.len(), 1);
    assert_eq!(round.responses[0].answer, points(&[(on(b), 30)]));
    assert!(
        crate::model::validate(&p).is_empty(),
        "{:?}",
        crate::model::validate(&p)
    );
}

#[test]
fn removing_a_criterion_drops_its_judgments() {
    let mut p = crate::io::SAMPLES[0].load().expect("sample");
    let today = Date::new(2026, 11, 23).expect("a date");
    let ids: Vec<CriterionId> = p.decision.criteria.iter().map(|c| c.id).collect();
    let id = p.new_room_round(RoundKind::Pairwise, VoteSubject::Alternatives, today, false);
    let mut all = Vec::new();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            all.push(Judgment {
                a: *a,
                b: *b,
                value: 3.0,
            });
        }
    }
    let round = p.votes.iter_mut().find(|r| r.id == id).expect("the round");
    assert!(round.record("Anna", Answer::Pairwise(all)));
    p.remove_criterion(ids[0]);
    let round = p.votes.iter().find(|r| r.id == id).expect("the round");
    let Answer::Pairwise(left) = &round.responses[0].answer else {
        panic!("pairwise")
    };
    assert!(left.iter().all(|j| j.a != ids[0] && j.b != ids[0]));
    assert_eq!(left.len(), (ids.len() - 1) * (ids.len() - 2) / 2);
    assert_eq!(
        Question::of(round, &p).check(&round.responses[0].answer),
        Ok(())
    );
}
