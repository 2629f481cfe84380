#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The workshop in the room: presentation mode, the agenda with its timer, and dot voting.

mod common;

use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::plots::alternatives_map::last_geometry;
use pbsm::model::AlternativeId;
use pbsm::model::{VoteSubject, VoteTarget};

#[test]
fn presentation_mode_enters_with_f5_zooms_on_its_own_and_leaves_with_esc() {
    let mut h = projector();
    assert!(h.query_by_label("File").is_some());
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().is_presenting());
    assert!(h.query_by_label("File").is_none(), "the menu is hidden");
    assert!(h.query_by_label("Leave presentation").is_some());
    assert_eq!(h.ctx.zoom_factor(), 1.5, "larger by default");
    assert_eq!(
        h.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK
    );

    // Zoom while presenting changes the presentation's zoom, not the desk zoom.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert_eq!(h.state().settings().presentation_zoom, 1.6);
    assert_eq!(h.state().settings().zoom, 1.0);
    assert_eq!(h.ctx.zoom_factor(), 1.6);

    // The panes still work: the room can move values live.
    assert!(h.query_by_label("Saved").is_some(), "the save state shows");
    let risk = h.state().project().alternatives[0].risk;
    open_pane(&mut h, PaneKind::Alternatives);
    slider(&h, "Risk").increment_accesskit();
    h.run();
    assert_ne!(h.state().project().alternatives[0].risk, risk);
    assert!(
        h.query_by_label("● Modified").is_some(),
        "an edit shows as unsaved while presenting too"
    );

    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().is_presenting());
    assert!(h.query_by_label("File").is_some(), "the menu is back");
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    assert_ne!(
        h.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK
    );

    // The button leaves too, and the palette enters.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Command").type_text("presentation");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().is_presenting());
    click(&mut h, "Leave presentation");
    assert!(!h.state().is_presenting());
    click(&mut h, "View");
    menu_item(&mut h, "Presentation mode");
    assert!(h.state().is_presenting());
}

#[test]
fn the_agenda_walks_the_room_through_the_steps_with_a_timer() {
    let mut h = projector();
    h.key_press(Key::F5);
    h.run();
    h.run();
    h.get_by_label_contains("Step 1 of 8");
    h.get_by_label_contains("Which modules make up our business model");

    // Page Down (a presenter remote) and the button move on; each step shows its pane.
    h.key_press(Key::PageDown);
    h.run();
    h.run();
    h.get_by_label_contains("Step 2 of 8 · Social media performance potential");
    assert_eq!(h.state().agenda_step(), 1);
    click(&mut h, "Next step ▶");
    h.run();
    h.get_by_label_contains("Step 3 of 8 · Corporate benefit");
    h.get_by_label("3 · Corporate benefit"); // the step's pane is in front
    h.key_press(Key::PageUp);
    h.run();
    h.run();
    assert_eq!(h.state().agenda_step(), 1);

    // A timer per step: 10 minutes, counting down.
    h.state_mut().settings_mut().step_minutes = 10;
    h.run();
    h.run();
    h.get_by_label("10:00");
    // The last step cannot go further.
    for _ in 0..10 {
        h.key_press(Key::PageDown);
        h.run();
    }
    assert_eq!(h.state().agenda_step(), 7);
    h.get_by_label_contains("Step 8 of 8 · Strategy management");
}

// ---------------------------------------------------------------------------------------------
// Dot voting

#[test]
fn warnings_keep_their_colour_in_the_high_contrast_presentation() {
    let mut h = projector();
    h.key_press(Key::F5);
    h.run();
    open_pane(&mut h, PaneKind::Management);
    let colour_of = |h: &Harness<'_, Workbench>, starts: &str| {
        h.output()
            .shapes
            .iter()
            .find_map(|clipped| match &clipped.shape {
                egui::epaint::Shape::Text(t) if t.galley.text().starts_with(starts) => t
                    .galley
                    .job
                    .sections
                    .first()
                    .map(|section| t.override_text_color.unwrap_or(section.format.color)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no text starting with {starts:?}"))
    };
    let warning = colour_of(&h, "Broken:");
    let plain = colour_of(&h, "7 · Strategy management");
    assert_eq!(plain, egui::Color32::WHITE, "plain text is white");
    assert_ne!(warning, egui::Color32::WHITE, "a warning keeps its colour");
}

const CLUB: VoteTarget = VoteTarget::Alternative(AlternativeId(1));

const REACH: VoteTarget = VoteTarget::Alternative(AlternativeId(2));

/// Clicks the ballot cell of a participant for an item (found by its accessible name), with
/// the primary or the secondary button.
fn click_cell(h: &mut Harness<'_, Workbench>, who: &str, item: &str, secondary: bool) {
    let label = format!("{who} on {item}");
    let node = h.get_by_label(&label);
    if secondary {
        node.click_secondary();
    } else {
        node.click();
    }
    h.run();
}

/// The round the voting pane shows (the newest one after "New round").
fn newest_round(h: &Harness<'_, Workbench>) -> pbsm::model::VotingRound {
    h.state().project().votes.last().unwrap().clone()
}

#[test]
fn a_new_voting_round_takes_dots_up_to_the_limit_and_each_click_can_be_undone() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Voting);
    let rounds = h.state().project().votes.len();
    menu_item(&mut h, "New round on alternatives");
    assert_eq!(h.state().project().votes.len(), rounds + 1);
    let round = newest_round(&h);
    assert_eq!(round.subject, VoteSubject::Alternatives);
    assert_eq!(round.date, h.state().today(), "dated today");
    assert_eq!(round.total(), 0);
    // The same room votes again: the participants of the last round, without their dots.
    assert_eq!(
        round.ballots[0].participant,
        "Katrin Lindner, managing director"
    );
    assert_eq!(round.ballots.len(), 7);

    let katrin = "Katrin Lindner, managing director";
    let club = "Community first: the sourdough club";
    for _ in 0..4 {
        click_cell(&mut h, katrin, club, false);
    }
    let round = newest_round(&h);
    assert_eq!(
        round.ballots[0].dots_on(CLUB),
        3,
        "three dots each, no fourth"
    );
    click_cell(&mut h, katrin, club, true);
    click_cell(&mut h, katrin, "Reach and recruit: craft content", false);
    let round = newest_round(&h);
    assert_eq!(round.tally_of(CLUB), 2);
    assert_eq!(round.tally_of(REACH), 1);
    // The tally and the comparison with the analysis follow at once.
    h.get_by_label("2 dot(s) · 67 % · analysis rank 1");
    h.get_by_label_contains("is also first in the weighted analysis");

    // Each click is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(newest_round(&h).tally_of(REACH), 0);
    assert_eq!(newest_round(&h).tally_of(CLUB), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(newest_round(&h).tally_of(CLUB), 3);

    // Without a right mouse button: Shift+click, or Backspace on the focused cell.
    let label = format!("{katrin} on {club}");
    h.get_by_label(&label).click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(newest_round(&h).tally_of(CLUB), 2);
    h.get_by_label(&label).focus();
    h.run();
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(newest_round(&h).tally_of(CLUB), 1);
}

#[test]
fn the_room_disagreeing_with_the_analysis_is_pointed_out() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Voting);
    menu_item(&mut h, "New round on alternatives");
    for who in [
        "Katrin Lindner, managing director",
        "Jens Okafor, head baker",
    ] {
        for _ in 0..3 {
            click_cell(&mut h, who, "Reach and recruit: craft content", false);
        }
    }
    assert_eq!(newest_round(&h).tally_of(REACH), 6);
    h.get_by_label_contains("The room and the analysis disagree");
    h.get_by_label_contains("The room favours “Reach and recruit: craft content”");
}

#[test]
fn participants_can_be_added_renamed_and_removed() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Voting);
    menu_item(&mut h, "New round on options");
    assert_eq!(newest_round(&h).subject, VoteSubject::Options);
    click(&mut h, "➕ Add participant");
    assert_eq!(newest_round(&h).ballots[7].participant, "Participant 8");
    // The new row is at the bottom of a laptop-sized window: scroll it into view first.
    field(&h, "Name of participant 8").scroll_to_me();
    h.run();
    field(&h, "Name of participant 8").click();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(&h, "Name of participant 8").type_text("Guest from the guild");
    h.run();
    assert_eq!(
        newest_round(&h).ballots[7].participant,
        "Guest from the guild"
    );
    click_cell(
        &mut h,
        "Guest from the guild",
        "Sourdough club community",
        false,
    );
    assert_eq!(
        newest_round(&h).tally_of(VoteTarget::Option(pbsm::model::OptionId(1))),
        1
    );
    // The last participant's ✖ (the rows are in order), at the end of the row: with nine
    // options the ballots scroll sideways to it.
    let remove = || {
        egui_kittest::kittest::By::new()
            .role(Role::Button)
            .label("✖")
    };
    h.get_all(remove()).last().unwrap().scroll_to_me();
    h.run();
    h.get_all(remove()).last().unwrap().click();
    h.run();
    let round = newest_round(&h);
    assert_eq!(round.ballots.len(), 7);
    assert_eq!(round.total(), 0, "their dot went with them");
}

#[test]
fn a_vote_is_stored_in_the_file_and_its_tally_is_shown_on_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("voted.pbsm.ron");
    let mut h = sample();
    open_pane(&mut h, PaneKind::Voting);
    menu_item(&mut h, "New round on alternatives");
    let katrin = "Katrin Lindner, managing director";
    for _ in 0..3 {
        click_cell(&mut h, katrin, "Reach and recruit: craft content", false);
    }
    h.state_mut()
        .send(pbsm::app::command::Command::SaveTo(path.clone()));
    h.run();
    let saved = pbsm::io::load(&path).unwrap();
    assert_eq!(saved.votes, h.state().project().votes);
    assert_eq!(saved.votes.last().unwrap().date, h.state().today());

    // The map shows the shown round's tally on the bubbles: 3 on "Reach and recruit".
    open_pane(&mut h, PaneKind::Map);
    let geometry = last_geometry(&h.ctx).unwrap();
    let (_, centre, radius) = geometry
        .bubbles
        .iter()
        .find(|(id, ..)| *id == AlternativeId(2))
        .copied()
        .unwrap();
    let badge = centre + egui::vec2(-radius * 0.72, -radius * 0.72);
    let drawn_at_badge = |h: &Harness<'_, Workbench>, text: &str| {
        h.output()
            .shapes
            .iter()
            .any(|clipped| match &clipped.shape {
                egui::epaint::Shape::Text(t) => {
                    t.galley.text() == text
                        && (t.pos + t.galley.rect.center().to_vec2()).distance(badge) < 4.0
                }
                _ => false,
            })
    };
    assert!(
        drawn_at_badge(&h, "3"),
        "the badge shows the round's 3 dots"
    );
    // The dots can be hidden.
    h.get_by_label("⏺ dots").click();
    h.run();
    assert!(!drawn_at_badge(&h, "3"));
}

#[test]
fn presenting_gives_the_early_steps_the_whole_width_and_the_map_comes_back_for_the_alternatives() {
    let map_heading = "Alternatives map: quality, risk, resources";
    let mut h = projector();
    h.key_press(Key::F5);
    h.run();
    // Step 1 (the foundation): the pane across the whole width, no map beside it.
    assert!(h.state().is_presenting_whole_width());
    assert!(
        h.query_by_label(map_heading).is_none(),
        "no map beside step 1"
    );
    // Step 4, the competition matrix: every competitor's column in view, nothing scrolls.
    for _ in 0..3 {
        h.key_press(Key::PageDown);
        h.run();
    }
    assert_eq!(h.state().agenda_step(), 3);
    h.get_by_label("4 · Competitive situation");
    assert!(
        pbsm::app::widgets::sideways_views(&h.ctx).is_empty(),
        "the matrix fits the width"
    );
    // The facilitator may want the map anyway.
    h.get_by_label("Map beside").click();
    h.run();
    h.get_by_label(map_heading);
    // Step 6, the alternatives: the map is beside them.
    for _ in 0..2 {
        h.key_press(Key::PageDown);
        h.run();
    }
    assert_eq!(h.state().agenda_step(), 5);
    assert!(!h.state().is_presenting_whole_width());
    h.get_by_label(map_heading);
    // Back at step 1 and leaving: the remembered layout, the map beside the panes.
    for _ in 0..5 {
        h.key_press(Key::PageUp);
        h.run();
    }
    assert!(h.state().is_presenting_whole_width());
    h.key_press(Key::F5);
    h.run();
    assert!(!h.state().is_presenting());
    assert!(!h.state().is_presenting_whole_width());
    h.get_by_label(map_heading);
}

#[test]
fn each_steps_key_numbers_are_in_view_when_presenting_at_150_percent() {
    // (step, texts that must be painted whole, without scrolling): the numbers the room looks
    // at in that step.
    let steps: &[(usize, &[&str])] = &[
        (0, &["6.0"]),
        (
            3,
            &[
                "behind",
                "ahead",
                "Kornkammer (regional chain, 31 shops)",
                "Craft trades' employer campaigns",
            ],
        ),
        (4, &["Leading", "Parity"]),
        (
            5,
            &["8.5", "2.5", "EUR 315,400", "EUR 180,200", "EUR 245,600"],
        ),
        (6, &["0.600", "0.503", "0.410"]),
        (7, &["4 on track", "1 behind", "2 at risk"]),
    ];
    let mut h = projector();
    h.key_press(Key::F5);
    h.run();
    let mut at = 0;
    for (step, texts) in steps {
        while at < *step {
            h.key_press(Key::PageDown);
            h.run();
            at += 1;
        }
        assert_eq!(h.state().agenda_step(), *step);
        let painted = common::legibility::painted_texts(h.output());
        for text in *texts {
            assert!(
                painted
                    .iter()
                    .any(|t| t.text.contains(text) && t.clip.contains_rect(t.rect)),
                "step {}: {text:?} is not in view whole",
                step + 1
            );
        }
    }
}

#[test]
fn a_pane_brought_forward_while_presenting_across_the_whole_width_is_shown() {
    // Step 1 is presented across the whole width; the room's voting (a command that shows the
    // voting pane) must come to the front there, not in the layout behind it.
    let mut h = projector();
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().is_presenting_whole_width());
    h.state_mut()
        .request(pbsm::app::command::Command::ShowPane(PaneKind::Voting));
    h.run();
    assert!(
        common::legibility::painted_texts(h.output())
            .iter()
            .any(|t| t.text.starts_with("Which alternative should we pursue?")),
        "the voting pane is on screen"
    );
}
