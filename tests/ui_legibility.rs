#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Text a person cannot read: the helper in `common::legibility` finds elided and sideways-cut
//! text in the painted frame. Its own checks first (it must see a cut when there is one, and
//! nothing when all fits), then the panes it has been run on so far (issue 14 extends this to
//! every pane, size, theme and sample).

mod common;

use common::legibility::{beyond_reach, cut_texts};
use common::*;
use egui_kittest::Harness;
use pbsm::app::layout::PaneKind;

#[test]
fn the_helper_sees_elided_and_cut_text_and_nothing_when_all_fits() {
    let long = "Community first: the sourdough club of the whole Hannover region";
    let mut h = Harness::builder().with_size([600.0, 200.0]).build_ui(|ui| {
        ui.label("Fits easily");
        // Elided: a single line cut short with "…".
        ui.allocate_ui(egui::vec2(120.0, 20.0), |ui| {
            ui.add(egui::Label::new(long).truncate());
        });
        // Cut: laid out at full width inside a 100-point clip.
        ui.allocate_ui(egui::vec2(100.0, 20.0), |ui| {
            ui.set_clip_rect(ui.max_rect());
            ui.add(egui::Label::new("A criterion name far too wide").extend());
        });
    });
    h.run();
    let cut = cut_texts(h.output());
    assert_eq!(cut.len(), 2, "{cut:#?}");
    assert!(cut[0].elided && cut[0].text == long, "{cut:#?}");
    assert!(
        cut[1].cut_sideways && !cut[1].elided && cut[1].text == "A criterion name far too wide",
        "{cut:#?}"
    );

    let mut h = Harness::builder().with_size([600.0, 200.0]).build_ui(|ui| {
        ui.label("Fits easily");
        ui.add(egui::Label::new(long).wrap());
    });
    h.run();
    assert_eq!(cut_texts(h.output()), []);
}

#[test]
fn a_cut_at_the_edge_of_a_sideways_scroll_area_is_reachable_and_others_are_not() {
    let mut h = Harness::builder().with_size([400.0, 200.0]).build_ui(|ui| {
        pbsm::app::widgets::begin_frame(ui.ctx());
        // A row of columns wider than the window, scrolling sideways with its bar shown.
        pbsm::app::widgets::sideways(ui, "columns", |ui| {
            ui.horizontal(|ui| {
                for i in 0..12 {
                    ui.label(format!("Column {i}"));
                }
            });
        });
        // The same cut where nothing scrolls.
        ui.allocate_ui(egui::vec2(100.0, 20.0), |ui| {
            ui.set_clip_rect(ui.max_rect());
            ui.add(egui::Label::new("A criterion name far too wide").extend());
        });
    });
    h.run();
    let sideways = pbsm::app::widgets::sideways_views(&h.ctx);
    assert_eq!(sideways.len(), 1, "the scroll area is noted");
    let cut = cut_texts(h.output());
    assert!(
        cut.iter().any(|c| c.text.starts_with("Column")),
        "a column is cut at the scroll area's edge: {cut:#?}"
    );
    let left = beyond_reach(cut, &sideways);
    assert_eq!(left.len(), 1, "{left:#?}");
    assert_eq!(left[0].text, "A criterion name far too wide");
}

#[test]
fn the_opening_window_shows_every_text_whole_at_laptop_and_projector_size() {
    // The window as it opens on the bakery: the foundation pane beside the map.
    for size in [[1280.0, 800.0], [1920.0, 1080.0]] {
        let mut h = Harness::builder().with_size(size).build_ui_state(
            |ui, app: &mut pbsm::app::Workbench| app.ui_root(ui),
            pbsm::app::Workbench::with_sample(0),
        );
        h.run();
        open_pane(&mut h, PaneKind::Map);
        h.run();
        assert!(h.output().shapes.len() > 100, "a frame was painted");
        let cut = cut_texts(h.output());
        assert!(cut.is_empty(), "{size:?}: {cut:#?}");
    }
}

#[test]
fn the_voting_pane_shows_the_participants_names_whole_on_a_projector() {
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(
            |ui, app: &mut pbsm::app::Workbench| app.ui_root(ui),
            pbsm::app::Workbench::with_sample(0),
        );
    h.run();
    open_pane(&mut h, PaneKind::Voting);
    h.run();
    let names: Vec<String> = {
        let votes = &h.state().project().votes;
        let round = votes.iter().find(|r| !r.ballots.is_empty()).unwrap();
        round
            .ballots
            .iter()
            .map(|b| b.participant.clone())
            .collect()
    };
    assert!(names.iter().any(|n| n.chars().count() > 30), "{names:?}");
    let cut: Vec<_> = cut_texts(h.output())
        .into_iter()
        .filter(|c| names.contains(&c.text))
        .collect();
    assert!(cut.is_empty(), "{cut:#?}");
}

#[test]
fn the_maps_strong_corner_stands_clear_of_the_frame() {
    // Flush against the frame's edge, its last letter was covered by the frame's line; the
    // cut-text check does not see that (the text ends exactly on the edge), so it is measured.
    for size in [[1280.0, 800.0], [1920.0, 1080.0]] {
        let mut h = Harness::builder().with_size(size).build_ui_state(
            |ui, app: &mut pbsm::app::Workbench| app.ui_root(ui),
            pbsm::app::Workbench::with_sample(0),
        );
        h.run();
        open_pane(&mut h, PaneKind::Map);
        h.run();
        let corner = common::legibility::painted_texts(h.output())
            .into_iter()
            .find(|t| t.text == "the strong corner")
            .expect("the corner is labelled");
        let room = corner.clip.shrink(3.0);
        assert!(room.contains_rect(corner.rect), "{size:?}: {corner:#?}");
    }
}
