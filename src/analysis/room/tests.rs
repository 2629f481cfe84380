use super::*;
use crate::analysis::decision::evaluate;
use crate::model::room::{Answer, Placement, Rating, Share};
use crate::model::{AlternativeId, Date, Judgment, VoteSubject};

const A1: VoteTarget = VoteTarget::Alternative(AlternativeId(1));
const A2: VoteTarget = VoteTarget::Alternative(AlternativeId(2));
const A3: VoteTarget = VoteTarget::Alternative(AlternativeId(3));

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[track_caller]
fn assert_close(got: Option<f64>, want: f64) {
    let got = got.unwrap_or(f64::NAN);
    assert!(close(got, want), "got {got}, want {want}");
}

/// The bakery sample: alternatives 1, 2, 3 (the club ranks first, service and freshness
/// second, reach and recruit third) and five criteria.
fn bakery() -> Project {
    crate::io::SAMPLES[0].load().expect("sample")
}

fn round(kind: RoundKind, answers: Vec<(&str, Answer)>) -> VotingRound {
    let date = Date::new(2026, 3, 17).expect("a date");
    let mut r = VotingRound::new(VotingRoundId(9), date, VoteSubject::Alternatives, 0, 3);
    r.kind = kind;
    for (who, answer) in answers {
        assert!(r.record(who, answer));
    }
    r
}

fn of(r: &VotingRound, p: &Project) -> RoundResults {
    results(r, p, &evaluate(p))
}

fn ranks(list: &[usize]) -> Vec<Option<usize>> {
    list.iter().map(|r| Some(*r)).collect()
}

#[test]
fn identical_rankings_agree_fully_and_two_opposed_ones_not_at_all() {
    // 3 raters x 4 items, all 1, 2, 3, 4: rank sums 3, 6, 9, 12, mean 7.5,
    // S = 20.25 + 2.25 + 2.25 + 20.25 = 45; W = 12·45 / (3²·(4³ − 4)) = 540 / 540 = 1.
    let same = vec![ranks(&[1, 2, 3, 4]); 3];
    let c = kendall_w(&same, 4).expect("W");
    assert_close(Some(c.w), 1.0);
    // χ² = m(n − 1)W = 3·3·1 = 9 on 3 degrees of freedom.
    assert_close(Some(c.chi_square), 9.0);
    assert_eq!(c.degrees_of_freedom, 3);
    // Two raters in opposite orders: every rank sum is 5 = the mean, S = 0, W = 0.
    let opposed = vec![ranks(&[1, 2, 3, 4]), ranks(&[4, 3, 2, 1])];
    assert_close(kendall_w(&opposed, 4).map(|c| c.w), 0.0);
    // Fewer than two rankings or items: nothing to say.
    assert_eq!(kendall_w(&same[..1], 4), None);
    assert_eq!(kendall_w(&[ranks(&[1]), ranks(&[1])], 1), None);
}

#[test]
fn kendalls_w_of_three_raters_on_four_items_by_hand() {
    // Ranks of items a, b, c, d: A 1 2 3 4, B 2 1 3 4, C 1 3 2 4.
    // Rank sums 4, 6, 8, 12; mean 7.5; deviations −3.5, −1.5, 0.5, 4.5;
    // S = 12.25 + 2.25 + 0.25 + 20.25 = 35; W = 12·35 / (9·60) = 420 / 540 = 7/9.
    let r = vec![
        ranks(&[1, 2, 3, 4]),
        ranks(&[2, 1, 3, 4]),
        ranks(&[1, 3, 2, 4]),
    ];
    let c = kendall_w(&r, 4).expect("W");
    assert_close(Some(c.w), 7.0 / 9.0);
    // χ² = 3·3·7/9 = 7.
    assert_close(Some(c.chi_square), 7.0);
    assert_eq!((c.rankings, c.items), (3, 4));
    assert!(concordance_words(c.w).starts_with("unusually strong"));
}

#[test]
fn items_left_out_of_a_ranking_share_its_remaining_ranks_with_the_tie_correction() {
    // A: a1 b2 c3 d4; B: a1 b2 c4 d3; C ranks only b, a: c and d share ranks 3 and 4 (3.5).
    // Rank sums a 4, b 5, c 10.5, d 10.5; S = 12.25 + 6.25 + 9 + 9 = 36.5.
    // Ties: C has one group of t = 2: T = 2³ − 2 = 6.
    // W = 12·36.5 / (9·60 − 3·6) = 438 / 522 = 73/87 ≈ 0.8391 (0.8111 without the correction).
    let r = vec![
        ranks(&[1, 2, 3, 4]),
        ranks(&[1, 2, 4, 3]),
        vec![Some(2), Some(1), None, None],
    ];
    let c = kendall_w(&r, 4).expect("W");
    assert_close(Some(c.w), 73.0 / 87.0);
    assert_close(Some(c.chi_square), 9.0 * 73.0 / 87.0);
}

#[test]
fn a_ranking_round_gives_mean_ranks_the_disputed_items_and_w_in_words() {
    let p = bakery();
    // Four raters: 1 2 3, 1 3 2, 1 2 3, 1 3 2 (as ranks of alternatives 1, 2, 3).
    // Alternative 1: ranks 1 1 1 1 → mean 1, spread 0. Alternatives 2 and 3: ranks 2 3 2 3
    // → mean 2.5, spread 0.5; largest spread on ranks 1–3 is 1, so disagreement 0.5.
    // Rank sums 4, 10, 10, mean 8: S = 16 + 4 + 4 = 24; W = 12·24 / (16·24) = 0.75.
    let r = round(
        RoundKind::Ranking,
        vec![
            ("Anna", Answer::Ranking(vec![A1, A2, A3])),
            ("Ben", Answer::Ranking(vec![A1, A3, A2])),
            ("Cem", Answer::Ranking(vec![A1, A2, A3])),
            ("Dora", Answer::Ranking(vec![A1, A3, A2])),
        ],
    );
    let res = of(&r, &p);
    assert_eq!(res.participants, ["Anna", "Ben", "Cem", "Dora"]);
    assert_close(res.items[0].mean, 1.0);
    assert_close(res.items[0].spread, 0.0);
    assert_close(res.items[1].mean, 2.5);
    assert_close(res.items[1].spread, 0.5);
    assert_close(res.items[2].disagreement, 0.5);
    assert_eq!(res.items[1].answered, 4);
    assert_eq!(res.disputed, [1, 2, 0], "ties keep the project's order");
    let c = res.concordance.as_ref().expect("W");
    assert_close(Some(c.w), 0.75);
    let agreement = res.agreement.expect("agreement");
    assert_eq!(agreement.what, "Kendall's W");
    assert!(
        agreement.words.contains("nearly the same"),
        "{}",
        agreement.words
    );
    // The room's first is the analysis' first (the club).
    assert_eq!(res.room_order[0], 0);
    assert_eq!(res.items[0].analysis_rank, Some(1));
    assert_eq!(
        res.vs_analysis,
        Some(RoomVsAnalysis::Agree { favourite: 0 })
    );
}

#[test]
fn points_give_totals_means_and_population_spreads() {
    let p = bakery();
    let share = |list: &[(VoteTarget, u32)]| {
        Answer::Points(
            list.iter()
                .map(|&(on, points)| Share { on, points })
                .collect(),
        )
    };
    // 1: 50 50 0; 2: 40 40 20; 3: 60 0 40 (on alternatives 1, 2, 3).
    // Alternative 1: 50, 40, 60 → total 150, mean 50, spread √(200/3) ≈ 8.165, /50 ≈ 0.1633.
    // Alternative 2: 50, 40, 0 → total 90, mean 30, spread √(1400/3) ≈ 21.602, ≈ 0.4320.
    // Alternative 3: 0, 20, 40 → total 60, mean 20, spread √(800/3) ≈ 16.330, ≈ 0.3266.
    let r = round(
        RoundKind::Points,
        vec![
            ("1", share(&[(A1, 50), (A2, 50)])),
            ("2", share(&[(A1, 40), (A2, 40), (A3, 20)])),
            ("3", share(&[(A1, 60), (A3, 40)])),
        ],
    );
    let res = of(&r, &p);
    let totals: Vec<_> = res.items.iter().map(|i| i.total).collect();
    assert_eq!(totals, [Some(150.0), Some(90.0), Some(60.0)]);
    assert_close(res.items[0].mean, 50.0);
    assert_close(res.items[0].spread, (200.0_f64 / 3.0).sqrt());
    assert_close(res.items[1].spread, (1400.0_f64 / 3.0).sqrt());
    assert_close(res.items[1].disagreement, (1400.0_f64 / 3.0).sqrt() / 50.0);
    assert_close(res.items[2].mean, 20.0);
    assert_eq!(res.disputed, [1, 2, 0]);
    // Mean disagreement (0.1633 + 0.4320 + 0.3266) / 3 ≈ 0.3073: agrees on most, not all.
    let agreement = res.agreement.expect("agreement");
    assert_eq!(agreement.what, "mean disagreement");
    assert!(
        (agreement.measure - 0.3073).abs() < 1e-3,
        "{}",
        agreement.measure
    );
    assert!(
        agreement.words.contains("differs most on"),
        "{}",
        agreement.words
    );
    assert!(agreement.words.ends_with(&res.items[1].name));
    assert_eq!(res.room_order, [0, 1, 2]);
}

#[test]
fn a_scale_counts_skips_apart_and_a_split_room_disagrees_fully() {
    let p = bakery();
    let rate = |list: &[(VoteTarget, Option<u8>)]| {
        Answer::Scale(
            list.iter()
                .map(|&(on, value)| Rating { on, value })
                .collect(),
        )
    };
    // Alternative 1: 5, 1, skipped → 2 answers, 1 skip, mean 3, spread 2 = the largest
    // possible on 1–5 → disagreement 1. Alternative 2: 3, 3, 3 → spread 0.
    let r = round(
        RoundKind::Scale,
        vec![
            ("a", rate(&[(A1, Some(5)), (A2, Some(3))])),
            ("b", rate(&[(A1, Some(1)), (A2, Some(3))])),
            ("c", rate(&[(A1, None), (A2, Some(3))])),
        ],
    );
    let res = of(&r, &p);
    let one = &res.items[0];
    assert_eq!((one.answered, one.skipped), (2, 1));
    assert_close(one.mean, 3.0);
    assert_close(one.spread, 2.0);
    assert_close(one.disagreement, 1.0);
    assert_close(res.items[1].disagreement, 0.0);
    assert_eq!(res.items[2].answered, 0, "nobody rated the third");
    assert_eq!(res.items[2].mean, None);
    assert_eq!(res.disputed, [0, 1]);
    // Mean disagreement 0.5: split, most of all on the club.
    assert!(res.agreement.expect("agreement").words.contains("split"));
    // The club and reach and recruit tie on a mean of 3: the analysis' first is one of them.
    assert_eq!(res.room_order, [0, 1]);
    assert!(matches!(
        res.vs_analysis,
        Some(RoomVsAnalysis::Split { .. })
    ));
}

#[test]
fn placing_puts_the_rooms_means_beside_the_alternatives_own_scores() {
    let p = bakery();
    let place = |alternative: u32, quality: f64, risk: f64| Placement {
        alternative: AlternativeId(alternative),
        quality,
        risk,
    };
    // The club: quality 6 and 8 → mean 7, spread 1 (0.2); risk 2 and 6 → mean 4, spread 2
    // (0.4): the disagreement is the larger, 0.4.
    let r = round(
        RoundKind::Placing,
        vec![
            ("a", Answer::Placing(vec![place(1, 6.0, 2.0)])),
            ("b", Answer::Placing(vec![place(1, 8.0, 6.0)])),
        ],
    );
    let res = of(&r, &p);
    let club = &res.items[0];
    assert_close(club.mean, 7.0);
    assert_close(club.spread, 1.0);
    assert_close(club.mean_risk, 4.0);
    assert_close(club.risk_spread, 2.0);
    assert_close(club.disagreement, 0.4);
    let own = p.alternative(AlternativeId(1)).expect("the club");
    assert_eq!(club.analysis_value, own.competitive_quality.get());
    assert_eq!(club.analysis_risk, own.risk.get());
    assert!(club.analysis_value.is_some());
    assert_eq!(res.vs_analysis, None);
}

#[test]
fn dots_give_the_tally_and_its_spread_over_the_participants() {
    let p = bakery();
    let mut r = round(RoundKind::Dots, Vec::new());
    // Three participants, three dots each: 3 0 0, 1 2 0, 0 0 3... and one without dots.
    r.record(
        "a",
        Answer::Dots(vec![crate::model::Dots { on: A1, count: 3 }]),
    );
    r.record(
        "b",
        Answer::Dots(vec![
            crate::model::Dots { on: A1, count: 1 },
            crate::model::Dots { on: A2, count: 2 },
        ]),
    );
    r.record(
        "c",
        Answer::Dots(vec![crate::model::Dots { on: A3, count: 3 }]),
    );
    r.ballots.push(crate::model::Ballot::new("no dots"));
    let res = of(&r, &p);
    // Alternative 1: 3, 1, 0 → total 4, mean 4/3, spread √(14/9 ... ) by hand:
    // deviations 5/3, −1/3, −4/3 → (25 + 1 + 16)/9/3 = 42/27 → spread √(14/9) ≈ 1.247;
    // the largest spread on 0–3 is 1.5 → disagreement ≈ 0.8315.
    let one = &res.items[0];
    assert_eq!(one.total, Some(4.0));
    assert_eq!(one.answered, 3, "the ballot without dots did not answer");
    assert_close(one.mean, 4.0 / 3.0);
    assert_close(one.spread, (14.0_f64 / 9.0).sqrt());
    assert_close(one.disagreement, (14.0_f64 / 9.0).sqrt() / 1.5);
    assert_eq!(res.participants, ["a", "b", "c"]);
    assert_eq!(
        res.vs_analysis,
        Some(RoomVsAnalysis::Agree { favourite: 0 })
    );
}

fn judgments(v12: f64, v13: f64, v23: f64) -> Answer {
    let j = |a: u32, b: u32, value: f64| Judgment {
        a: crate::model::CriterionId(a),
        b: crate::model::CriterionId(b),
        value,
    };
    Answer::Pairwise(vec![j(1, 2, v12), j(1, 3, v13), j(2, 3, v23)])
}

#[test]
fn the_groups_weights_come_from_the_geometric_mean_of_the_judgments() {
    let mut p = bakery();
    p.decision.criteria.truncate(3);
    // Ann: 1 over 2 = 2, 1 over 3 = 4, 2 over 3 = 2 (consistent): weights 4/7, 2/7, 1/7.
    // Ben: 8, 4, 1/2 (consistent, 8 · 1/2 = 4): weights 8/11, 1/11, 2/11.
    // AIJ: √(2·8) = 4, √(4·4) = 4, √(2·1/2) = 1: consistent, weights 4:1:1 = 2/3, 1/6, 1/6.
    // Spreads of the individual weights (two values: half their difference):
    // criterion 1 (8/11 − 4/7)/2 = 6/77, disagreement 12/77 ≈ 0.156;
    // criterion 2 (2/7 − 1/11)/2 = 15/154, disagreement 15/77 ≈ 0.195;
    // criterion 3 (2/11 − 1/7)/2 = 3/154, disagreement 3/77 ≈ 0.039.
    let r = round(
        RoundKind::Pairwise,
        vec![
            ("Ann", judgments(2.0, 4.0, 2.0)),
            ("Ben", judgments(8.0, 4.0, 0.5)),
        ],
    );
    let res = of(&r, &p);
    let pw = res.pairwise.as_ref().expect("pairwise");
    let ann = pw.participants[0].weights.as_ref().expect("complete");
    assert!(
        close(ann[0], 4.0 / 7.0) && close(ann[2], 1.0 / 7.0),
        "{ann:?}"
    );
    let ben = pw.participants[1].weights.as_ref().expect("complete");
    assert!(close(ben[1], 1.0 / 11.0), "{ben:?}");
    let group = pw.group.as_ref().expect("group");
    assert!(close(group.matrix[0][1], 4.0) && close(group.matrix[1][2], 1.0));
    assert!(close(group.weights[0], 2.0 / 3.0), "{:?}", group.weights);
    assert!(close(group.weights[2], 1.0 / 6.0));
    assert!(group.consistency_ratio < 1e-9);
    assert!(pw.inconsistent.is_empty());
    assert_close(res.items[0].mean, 2.0 / 3.0);
    assert_close(res.items[0].spread, 6.0 / 77.0);
    assert_close(res.items[1].disagreement, 15.0 / 77.0);
    assert_close(res.items[2].disagreement, 3.0 / 77.0);
    assert_eq!(res.disputed, [1, 0, 2]);
    assert_eq!(res.room_order[0], 0);
    assert_eq!(
        res.items[0].analysis_value,
        Some(evaluate(&p).criteria[0].weight)
    );
}

#[test]
fn inconsistent_and_incomplete_participants_are_named_apart() {
    let mut p = bakery();
    p.decision.criteria.truncate(3);
    // Cleo: 1 ≫ 2 (9), 2 ≫ 3 (9), yet 3 ≫ 1 (1/9): circular, far above CR 0.10.
    let mut dan = judgments(2.0, 2.0, 1.0);
    if let Answer::Pairwise(j) = &mut dan {
        j.pop();
    }
    let r = round(
        RoundKind::Pairwise,
        vec![
            ("Ann", judgments(2.0, 4.0, 2.0)),
            ("Cleo", judgments(9.0, 1.0 / 9.0, 9.0)),
            ("Dan", dan),
        ],
    );
    let res = of(&r, &p);
    let pw = res.pairwise.as_ref().expect("pairwise");
    assert_eq!(pw.inconsistent, ["Cleo"]);
    assert!(
        pw.participants[1]
            .consistency_ratio
            .is_some_and(|cr| cr > 0.10)
    );
    assert_eq!(pw.participants[2].participant, "Dan");
    assert_eq!(
        pw.participants[2].weights, None,
        "a pair missing: no weights"
    );
    assert_eq!(res.items[0].answered, 2, "Ann and Cleo");
}

#[test]
fn every_sample_round_has_results_and_an_empty_round_says_nothing() {
    for sample in crate::io::SAMPLES {
        let p = sample.load().expect("sample");
        let e = evaluate(&p);
        let all = all(&p, &e);
        assert_eq!(all.len(), p.votes.len());
        for res in &all {
            for i in &res.items {
                assert!(
                    i.disagreement.is_none_or(|d| (0.0..=1.0).contains(&d)),
                    "{}",
                    i.name
                );
            }
        }
    }
    let p = bakery();
    let res = of(&round(RoundKind::Ranking, Vec::new()), &p);
    assert_eq!(res.concordance, None);
    assert_eq!(res.agreement, None);
    assert!(res.disputed.is_empty() && res.room_order.is_empty());
    assert_eq!(res.vs_analysis, None);
}

#[test]
fn the_latest_placing_round_with_answers_is_the_rooms_placing() {
    let mut p = bakery();
    let place = |alternative: u32, quality: f64, risk: f64| Placement {
        alternative: AlternativeId(alternative),
        quality,
        risk,
    };
    // The sample's own placing round: seven participants on the three alternatives.
    let sample = latest_placing(&p, &evaluate(&p)).expect("the bakery's placing round");
    assert_eq!((sample.participants, sample.placed.len()), (7, 3));
    p.votes.retain(|r| r.kind != RoundKind::Placing);
    assert_eq!(
        latest_placing(&p, &evaluate(&p)),
        None,
        "no placing round left"
    );
    let mut older = round(
        RoundKind::Placing,
        vec![("a", Answer::Placing(vec![place(1, 2.0, 2.0)]))],
    );
    older.id = VotingRoundId(20);
    let mut newer = round(
        RoundKind::Placing,
        vec![
            (
                "a",
                Answer::Placing(vec![place(1, 6.0, 2.0), place(2, 5.0, 5.0)]),
            ),
            ("b", Answer::Placing(vec![place(1, 8.0, 6.0)])),
        ],
    );
    newer.id = VotingRoundId(21);
    newer.date = Date::new(2026, 4, 1).expect("a date");
    // The latest of all has no answers yet: it does not count.
    let mut empty = round(RoundKind::Placing, Vec::new());
    empty.id = VotingRoundId(22);
    empty.date = Date::new(2026, 5, 1).expect("a date");
    p.votes.extend([newer, older, empty]);
    let placing = latest_placing(&p, &evaluate(&p)).expect("a placing");
    assert_eq!(placing.round, VotingRoundId(21));
    assert_eq!(placing.participants, 2);
    assert_eq!(
        placing.placed.len(),
        2,
        "the third alternative was not placed"
    );
    let club = placing.placed[0];
    assert_eq!(club.alternative, AlternativeId(1));
    assert!(close(club.quality, 7.0) && close(club.quality_spread, 1.0));
    assert!(close(club.risk, 4.0) && close(club.risk_spread, 2.0));
    assert_eq!(club.answered, 2);
    let second = placing.placed[1];
    assert!(close(second.quality, 5.0) && close(second.quality_spread, 0.0));
    assert_eq!(second.answered, 1);
}

#[test]
fn the_rooms_weights_are_the_latest_pairwise_rounds_group_weights() {
    let mut p = bakery();
    p.votes.retain(|r| r.kind != RoundKind::Pairwise);
    p.decision.criteria.truncate(3);
    assert_eq!(latest_weights(&p, &evaluate(&p)), None);
    // As in the geometric-mean test: the group's weights are 2/3, 1/6, 1/6.
    let r = round(
        RoundKind::Pairwise,
        vec![
            ("Ann", judgments(2.0, 4.0, 2.0)),
            ("Ben", judgments(8.0, 4.0, 0.5)),
        ],
    );
    p.votes.push(r);
    let w = latest_weights(&p, &evaluate(&p)).expect("the room's weights");
    assert_eq!(w.round, VotingRoundId(9));
    assert_eq!(w.participants, 2);
    let ids: Vec<u32> = w.weights.iter().map(|(id, _)| id.0).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert!(close(w.weights[0].1, 2.0 / 3.0) && close(w.weights[2].1, 1.0 / 6.0));
    assert!(w.consistency_ratio < 1e-9);
    // A criterion added since: the round's weights no longer cover the decision.
    let mut added = p.clone();
    let c = added.decision.criteria[0].clone();
    added.decision.criteria.push(crate::model::Criterion {
        id: CriterionId(99),
        ..c
    });
    assert_eq!(latest_weights(&added, &evaluate(&added)), None);
}
