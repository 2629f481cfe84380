//! Unit tests of where we stand and how positions moved.

use super::*;
use crate::model::{ArenaScore, Competitor, CompetitorId, CompetitorKind, TopicId};

fn project(ours: Option<f64>, theirs: &[f64]) -> (Project, Arena) {
    let arena = Arena::Topic(TopicId(1));
    let mut p = Project::new("t");
    if let Some(score) = ours {
        p.competition.our_strength.push(ArenaScore { arena, score });
    }
    for (i, score) in theirs.iter().enumerate() {
        p.competition.competitors.push(Competitor {
            id: CompetitorId(u32::try_from(i).unwrap() + 1),
            name: format!("c{i}"),
            kind: CompetitorKind::Attention,
            description: String::new(),
            strength: vec![ArenaScore {
                arena,
                score: *score,
            }],
            rated: None,
            history: Vec::new(),
        });
    }
    (p, arena)
}

#[test]
fn position_is_judged_against_the_strongest_competitor() {
    let (p, a) = project(Some(7.0), &[3.0, 6.0]);
    assert_eq!(position(&p, a), Some(Position::Ahead));
    let (p, a) = project(Some(7.0), &[3.0, 7.5]);
    assert_eq!(position(&p, a), Some(Position::Level));
    let (p, a) = project(Some(7.0), &[9.0, 2.0]);
    assert_eq!(position(&p, a), Some(Position::Behind));
    let (p, a) = project(Some(7.0), &[6.5]);
    assert_eq!(
        position(&p, a),
        Some(Position::Level),
        "half a point is level"
    );
}

#[test]
fn no_position_without_ratings() {
    let (p, a) = project(None, &[5.0]);
    assert_eq!(position(&p, a), None);
    let (p, a) = project(Some(5.0), &[]);
    assert_eq!(position(&p, a), None);
}

#[test]
fn the_standings_agree_with_each_single_lookup() {
    for sample in crate::io::SAMPLES {
        let p = sample.load().unwrap();
        let standings = Standings::of(&p);
        let arenas = p
            .competition
            .competitors
            .iter()
            .flat_map(|c| c.strength.iter().map(|s| s.arena))
            .chain(p.competition.our_strength.iter().map(|s| s.arena));
        for arena in arenas {
            for kind in [CompetitorKind::Performance, CompetitorKind::Attention] {
                assert_eq!(
                    standings.position(arena, kind),
                    position_against(&p, arena, Some(kind)),
                    "{arena:?} {kind:?}"
                );
            }
        }
    }
}

mod moves {
    //! How positions moved, computed by hand: strengths on the 0–10 scale, level within half
    //! a point ([`LEVEL_MARGIN`]).

    use super::super::*;
    use crate::model::competition::{CompetitorRating, Side};
    use crate::model::{
        ActionOption, ArenaScore, CompetitiveAssessment, Competitor, CompetitorId, CompetitorKind,
        ItemKind, ItemRef, Topic, TopicId, add_item,
    };

    const HOME_BAKING: Arena = Arena::Topic(TopicId(1));
    const BREAKFAST: Arena = Arena::Topic(TopicId(2));

    fn date(y: i32, m: u8, d: u8) -> Option<Date> {
        Some(Date::new(y, m, d).unwrap())
    }

    fn at(arena: Arena, score: f64) -> ArenaScore {
        ArenaScore { arena, score }
    }

    fn rating(date: Option<Date>, strength: Vec<ArenaScore>) -> CompetitorRating {
        CompetitorRating { date, strength }
    }

    /// Two topics; our strength as given; no competitors yet.
    fn bakery(
        our_rated: Option<Date>,
        ours: Vec<ArenaScore>,
        our_history: Vec<CompetitorRating>,
    ) -> Project {
        let mut p = Project::new("t");
        for (id, name) in [(1, "Home baking"), (2, "Weekend breakfast")] {
            p.foundation.topics.push(Topic {
                id: TopicId(id),
                name: name.to_owned(),
                affinity: crate::model::Score::NOT_ASSESSED,
                note: String::new(),
            });
        }
        p.competition.our_strength = ours;
        p.competition.our_rated = our_rated;
        p.competition.our_history = our_history;
        p
    }

    fn add(
        p: &mut Project,
        name: &str,
        kind: CompetitorKind,
        rated: Option<Date>,
        strength: Vec<ArenaScore>,
        history: Vec<CompetitorRating>,
    ) -> CompetitorId {
        let id = CompetitorId(u32::try_from(p.competition.competitors.len()).unwrap() + 1);
        p.competition.competitors.push(Competitor {
            id,
            name: name.to_owned(),
            kind,
            description: String::new(),
            strength,
            rated,
            history,
        });
        id
    }

    fn words(p: &Project, since: Option<Date>) -> Vec<String> {
        moves(p, since).iter().map(|m| m.describe(p)).collect()
    }

    #[test]
    fn a_competitor_overtaking_us_in_a_topic() {
        // We stand at 8 in home baking, rated in March. Müller rated 6 in March, 8 now.
        let march = date(2026, 3, 1);
        let mut p = bakery(march, vec![at(HOME_BAKING, 8.0)], Vec::new());
        let muller = add(
            &mut p,
            "Backstube Müller",
            CompetitorKind::Performance,
            date(2026, 9, 30),
            vec![at(HOME_BAKING, 8.0)],
            vec![rating(march, vec![at(HOME_BAKING, 6.0)])],
        );
        // A weaker performance competitor, undated and unchanged: not a cause.
        add(
            &mut p,
            "Kornkammer",
            CompetitorKind::Performance,
            None,
            vec![at(HOME_BAKING, 5.0)],
            Vec::new(),
        );
        // An attention competitor elsewhere: no move against attention competitors.
        add(
            &mut p,
            "Creators",
            CompetitorKind::Attention,
            None,
            vec![at(BREAKFAST, 9.0)],
            Vec::new(),
        );
        assert_eq!(earlier_rating_dates(&p), [march]);
        // Then: 8 against 6 is more than half a point above: ahead. Now: 8 against 8: level.
        let found = moves(&p, march);
        assert_eq!(
            found,
            [Move {
                arena: HOME_BAKING,
                kind: CompetitorKind::Performance,
                before: Some(Position::Ahead),
                now: Some(Position::Level),
                changes: vec![Change {
                    side: Side::Competitor(muller),
                    before: Some(6.0),
                    now: Some(8.0),
                    rated_before: true,
                    rated: date(2026, 9, 30),
                }],
            }]
        );
        assert_eq!(
            words(&p, march),
            [
                "Topic Home baking, against performance competitors: ahead → level (Backstube Müller 6 → 8, re-rated 2026-09-30)"
            ]
        );
        // An option in home baking only: suggested leading then, parity now.
        let ItemRef::Option(o) = add_item(&mut p, ItemKind::Option, march.unwrap()).unwrap() else {
            unreachable!()
        };
        let option: &mut ActionOption = p.options.iter_mut().find(|x| x.id == o).unwrap();
        option.name = "Sourdough club".to_owned();
        option.topic = Some(TopicId(1));
        option.assessment = CompetitiveAssessment::Leading;
        let moved = option_moves(&p, march);
        assert_eq!(
            moved,
            [OptionMove {
                option: o,
                before: Some(CompetitiveAssessment::Leading),
                now: Some(CompetitiveAssessment::Parity),
            }]
        );
        assert_eq!(
            moved[0].describe(&p),
            "Sourdough club: suggested leading position → parity with competitors (assessed: leading position)"
        );
        // Since now nothing moved.
        assert!(moves(&p, date(2026, 9, 30)).is_empty());
        assert!(option_moves(&p, date(2026, 9, 30)).is_empty());
    }

    #[test]
    fn our_own_improvement_and_a_competitor_that_was_not_the_strongest() {
        // We went from 5 to 7; Müller stays at 6.5 (rated in March, not re-rated since);
        // Kornkammer went from 3 to 4, never the strongest: not a cause.
        let march = date(2026, 3, 1);
        let september = date(2026, 9, 30);
        let mut p = bakery(
            september,
            vec![at(HOME_BAKING, 7.0), at(BREAKFAST, 6.0)],
            vec![rating(
                march,
                vec![at(HOME_BAKING, 5.0), at(BREAKFAST, 6.0)],
            )],
        );
        add(
            &mut p,
            "Backstube Müller",
            CompetitorKind::Performance,
            march,
            vec![at(HOME_BAKING, 6.5), at(BREAKFAST, 4.0)],
            Vec::new(),
        );
        add(
            &mut p,
            "Kornkammer",
            CompetitorKind::Performance,
            september,
            vec![at(HOME_BAKING, 4.0)],
            vec![rating(march, vec![at(HOME_BAKING, 3.0)])],
        );
        // Then 5 against 6.5: behind. Now 7 against 6.5: within half a point, level.
        // Breakfast: 6 against 4, ahead then and now.
        assert_eq!(
            words(&p, march),
            [
                "Topic Home baking, against performance competitors: behind → level (our strength 5 → 7, re-rated 2026-09-30)"
            ]
        );
        let found = moves(&p, march);
        assert_eq!(found[0].changes.len(), 1);
        assert_eq!(found[0].changes[0].side, Side::Us);
    }

    #[test]
    fn a_kind_with_no_rating_then_and_ratings_from_before_dates() {
        // An old file: our strength and Müller's are undated. Müller was re-rated (unchanged),
        // and an attention competitor was added since.
        let september = date(2026, 9, 30);
        let mut p = bakery(None, vec![at(HOME_BAKING, 7.0)], Vec::new());
        add(
            &mut p,
            "Backstube Müller",
            CompetitorKind::Performance,
            september,
            vec![at(HOME_BAKING, 6.0)],
            vec![rating(None, vec![at(HOME_BAKING, 6.0)])],
        );
        let creators = add(
            &mut p,
            "Creators",
            CompetitorKind::Attention,
            september,
            vec![at(HOME_BAKING, 9.0)],
            Vec::new(),
        );
        // The only earlier rating is undated: compared with the undated ratings.
        assert_eq!(earlier_rating_dates(&p), [None]);
        assert_eq!(point_text(None), "the undated ratings");
        // Against performance competitors: 7 against 6, ahead then and now. Against attention
        // competitors: none rated then; now 7 against 9, behind.
        let found = moves(&p, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, CompetitorKind::Attention);
        assert_eq!(
            (found[0].before, found[0].now),
            (None, Some(Position::Behind))
        );
        assert_eq!(
            found[0].changes,
            [Change {
                side: Side::Competitor(creators),
                before: None,
                now: Some(9.0),
                rated_before: false,
                rated: september,
            }]
        );
        assert_eq!(
            words(&p, None),
            [
                "Topic Home baking, against attention competitors: not rated → behind (Creators not rated → 9, rated 2026-09-30)"
            ]
        );
        // The standings then hold the undated ratings, and no attention competitor.
        let then = Standings::at(&p, None);
        assert_eq!(
            then.strengths(HOME_BAKING, CompetitorKind::Performance),
            Some((7.0, 6.0))
        );
        assert_eq!(then.position(HOME_BAKING, CompetitorKind::Attention), None);
    }

    #[test]
    fn nothing_re_rated_means_nothing_to_compare() {
        let mut p = bakery(None, vec![at(HOME_BAKING, 7.0)], Vec::new());
        add(
            &mut p,
            "Backstube Müller",
            CompetitorKind::Performance,
            None,
            vec![at(HOME_BAKING, 8.0)],
            Vec::new(),
        );
        assert!(earlier_rating_dates(&p).is_empty());
        // Undated ratings never re-rated are in force at every point: nothing moved.
        assert!(moves(&p, None).is_empty());
        assert!(moves(&p, date(2020, 1, 1)).is_empty());
    }

    #[test]
    fn any_earlier_date_can_be_picked_and_a_dropped_leader_is_named() {
        let (march, june, september) = (date(2026, 3, 1), date(2026, 6, 1), date(2026, 9, 30));
        let mut p = bakery(None, vec![at(HOME_BAKING, 8.0)], Vec::new());
        add(
            &mut p,
            "Backstube Müller",
            CompetitorKind::Performance,
            september,
            vec![at(HOME_BAKING, 8.0)],
            vec![
                rating(march, vec![at(HOME_BAKING, 6.0)]),
                rating(june, vec![at(HOME_BAKING, 7.0)]),
            ],
        );
        // Kornkammer led in breakfast at 9 until June, then stopped posting about it.
        add(
            &mut p,
            "Kornkammer",
            CompetitorKind::Performance,
            june,
            Vec::new(),
            vec![rating(march, vec![at(BREAKFAST, 9.0)])],
        );
        p.competition.our_strength.push(at(BREAKFAST, 5.0));
        assert_eq!(earlier_rating_dates(&p), [march, june]);
        // Since June: Müller 7 → 8 (8 against 7 was ahead, now level); Kornkammer had
        // already dropped breakfast in June.
        assert_eq!(
            words(&p, june),
            [
                "Topic Home baking, against performance competitors: ahead → level (Backstube Müller 7 → 8, re-rated 2026-09-30)"
            ]
        );
        // Since March: Müller 6 → 8, and in breakfast 5 against 9 was behind, now no
        // performance competitor is rated there.
        assert_eq!(
            words(&p, march),
            [
                "Topic Home baking, against performance competitors: ahead → level (Backstube Müller 6 → 8, re-rated 2026-09-30)",
                "Topic Weekend breakfast, against performance competitors: behind → not rated (Kornkammer 9 → not rated, re-rated 2026-06-01)",
            ]
        );
        // Before any rating of Müller (in force: none), he is not rated then.
        assert_eq!(
            Standings::at(&p, date(2026, 1, 1)).position(HOME_BAKING, CompetitorKind::Performance),
            None
        );
    }
}
