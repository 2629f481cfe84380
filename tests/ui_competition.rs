#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Dated competitor ratings in the competition pane, driven as a strategist would: re-rate a
//! competitor, change a strength, read how positions moved, undo (no GPU).

mod common;

use common::*;
use egui_kittest::kittest::Queryable;
use pbsm::app::layout::PaneKind;
use pbsm::model::competition::{CompetitorRating, score_in};
use pbsm::model::{Arena, CompetitiveAssessment, Date, TopicId};

const KORNKAMMER: &str = "Kornkammer (regional chain, 31 shops)";

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// The bakery as files from before dated ratings hold it: every rating undated, no history
/// (the shipped sample has re-rated Kornkammer once). Shadows `common::sample`.
fn sample() -> egui_kittest::Harness<'static, pbsm::app::Workbench> {
    let mut p = pbsm::io::SAMPLES[0].load().unwrap();
    let c = &mut p.competition;
    c.our_rated = None;
    c.our_history.clear();
    for x in &mut c.competitors {
        x.rated = None;
        x.history.clear();
    }
    harness(pbsm::app::Workbench::with_project(
        p,
        pbsm::app::workbench::Settings::default(),
    ))
}

#[test]
fn re_rating_a_competitor_keeps_its_old_rating_and_shows_how_positions_moved() {
    let mut h = sample();
    h.state_mut().set_today(today());
    let original = h.state().project().clone();
    let home_baking = Arena::Topic(TopicId(1));
    assert_eq!(
        score_in(&original.competition.competitors[0].strength, home_baking),
        Some(4.0)
    );
    assert_eq!(original.competition.competitors[0].rated, None);

    open_pane(&mut h, PaneKind::Competition);
    click(&mut h, "Ratings over time");
    // Nothing re-rated yet: one line says how, not a blank.
    h.get_by_label_contains("Nothing re-rated yet: press “Re-rate”");
    // Our strength and the five competitors': all undated in the sample.
    assert_eq!(h.query_all_by_label("· rated undated").count(), 6);

    click(&mut h, &format!("Re-rate {KORNKAMMER}"));
    let kept = CompetitorRating {
        date: None,
        strength: original.competition.competitors[0].strength.clone(),
    };
    {
        let c = &h.state().project().competition.competitors[0];
        assert_eq!(
            c.history,
            std::slice::from_ref(&kept),
            "the undated rating is kept"
        );
        assert_eq!(c.rated, Some(today()));
        assert_eq!(c.strength, kept.strength, "the strengths stay to be edited");
    }
    assert!(h.state().is_dirty());
    // Re-rating again the same day keeps editing today's rating.
    click(&mut h, &format!("Re-rate {KORNKAMMER}"));
    assert_eq!(
        h.state().project().competition.competitors[0].history.len(),
        1
    );
    h.get_by_label_contains("No position moved since the undated ratings.");

    // Kornkammer now rates 8 in home baking, where we stand at 8.5: no longer ahead.
    click(&mut h, "Where we stand");
    h.get_by_label(&format!("{KORNKAMMER} in Topic: Home baking and sourdough"))
        .set_value_accesskit(8.0);
    h.run();
    {
        let c = &h.state().project().competition.competitors[0];
        assert_eq!(score_in(&c.strength, home_baking), Some(8.0));
        assert_eq!(c.rated, Some(today()), "editing does not re-date");
        assert_eq!(c.history, [kept], "the old rating holds the old strength");
    }
    h.get_by_label_contains("1 position moved since the undated ratings");

    click(&mut h, "how positions moved");
    h.get_by_label("How positions moved since");
    // 8.5 against 4 was ahead; against 8 it is level (within half a point). Against
    // attention competitors (the creators at 7.5) we stay ahead.
    h.get_by_label(&format!(
        "Topic Home baking and sourdough, against performance competitors: ahead → level ({KORNKAMMER} 4 → 8, re-rated 2026-11-23)"
    ));
    // The two options whose every arena led now share home baking at parity.
    for option in [
        "Sourdough club community",
        "Baking courses booked in the club",
    ] {
        h.get_by_label(&format!(
            "• {option}: suggested leading position → parity with competitors (assessed: leading position)"
        ));
    }
    assert_eq!(
        pbsm::analysis::competition::option_moves(h.state().project(), None).len(),
        2
    );
    assert_eq!(
        h.state().project().options[0].assessment,
        CompetitiveAssessment::Leading
    );

    // Undo takes back the edit, then the re-rating.
    click(&mut h, "Edit");
    menu_item(&mut h, "Undo");
    assert_eq!(
        score_in(
            &h.state().project().competition.competitors[0].strength,
            home_baking
        ),
        Some(4.0)
    );
    assert_eq!(
        h.state().project().competition.competitors[0].history.len(),
        1
    );
    click(&mut h, "Edit");
    menu_item(&mut h, "Undo");
    assert_eq!(*h.state().project(), original);
    assert!(!h.state().is_dirty());
    h.get_by_label_contains("Nothing re-rated yet");
}

#[test]
fn our_strength_is_re_rated_from_the_pane_and_a_new_competitor_is_rated_today() {
    let mut h = sample();
    h.state_mut().set_today(today());
    open_pane(&mut h, PaneKind::Competition);
    click(&mut h, "Ratings over time");
    click(&mut h, "Re-rate our strength");
    let c = &h.state().project().competition;
    assert_eq!(c.our_rated, Some(today()));
    assert_eq!(c.our_history.len(), 1);
    assert_eq!(c.our_history[0].date, None);
    assert_eq!(c.our_history[0].strength, c.our_strength);
    h.get_by_label_contains("earlier: undated");

    click(&mut h, "Competitors");
    click(&mut h, "➕ Add competitor");
    let added = h.state().project().competition.competitors.last().unwrap();
    assert_eq!(added.rated, Some(today()));
    assert!(added.history.is_empty());
    h.get_by_label("Rated 2026-11-23");
    // Its detail re-rates it too; today it is already rated today: nothing is kept.
    click(&mut h, "Re-rate Competitor 6");
    let added = h.state().project().competition.competitors.last().unwrap();
    assert!(added.history.is_empty());
    assert!(
        h.state().status().contains("already rated 2026-11-23"),
        "{}",
        h.state().status()
    );
}

#[test]
fn any_earlier_rating_date_can_be_picked_to_compare_with() {
    use pbsm::app::command::Command;
    use pbsm::model::Side;
    let mut h = sample();
    let kornkammer = Side::Competitor(h.state().project().competition.competitors[0].id);
    let home_baking = Arena::Topic(TopicId(1));
    // Re-rated in June (home baking 4 → 6) and in November (6 → 8).
    for (month, day, score) in [(6, 30, 6.0), (11, 23, 8.0)] {
        h.state_mut()
            .set_today(Date::new(2026, month, day).unwrap());
        h.state_mut().send(Command::Rerate(kornkammer));
        h.run();
        pbsm::model::competition::set_score_in(
            &mut h.state_mut().project_mut().competition.competitors[0].strength,
            home_baking,
            Some(score),
        );
        h.run();
    }
    assert_eq!(
        h.state().project().competition.competitors[0].history.len(),
        2
    );
    open_pane(&mut h, PaneKind::Competition);
    click(&mut h, "Ratings over time");
    let moved = |from: &str| {
        format!(
            "Topic Home baking and sourdough, against performance competitors: ahead → level ({KORNKAMMER} {from} → 8, re-rated 2026-11-23)"
        )
    };
    // Since the last re-rating (June): 6 → 8.
    h.get_by_label(&moved("6"));
    click(&mut h, "Compare with the ratings of");
    click(&mut h, "the undated ratings");
    h.get_by_label(&moved("4"));
    assert!(h.query_by_label(&moved("6")).is_none());
    // The choice stays while it is an earlier rating date.
    click(&mut h, "Where we stand");
    click(&mut h, "Ratings over time");
    h.get_by_label(&moved("4"));
}
