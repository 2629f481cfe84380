#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Room for the details (issue 14): on a laptop the panes' fixed top part leaves the details
//! their room (the guidance folds, the warnings scroll after three, the KPI's chart comes first
//! in its detail), and the line between a list and its detail can be dragged.

mod common;

use common::legibility::painted_texts;
use common::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::state::ManagementSection;

/// The start of the foundation pane's guidance.
const FOUNDATION_GUIDANCE: &str = "Start from the business, not from the platforms.";

fn guidance_painted(h: &Harness<'_, Workbench>) -> bool {
    painted_texts(h.output())
        .iter()
        .any(|t| t.text.starts_with(FOUNDATION_GUIDANCE) && t.clip.contains_rect(t.rect))
}

/// Whether a text starting with `start` is painted whole inside its clip area.
fn whole(h: &Harness<'_, Workbench>, start: &str) -> bool {
    painted_texts(h.output())
        .iter()
        .any(|t| t.text.starts_with(start) && t.clip.contains_rect(t.rect))
}

#[test]
fn the_guidance_folds_on_a_laptop_shows_on_a_projector_and_the_choice_sticks() {
    // A projector: shown.
    let mut h = projector();
    open_pane(&mut h, PaneKind::Foundation);
    assert!(guidance_painted(&h), "shown on a 1080-pixel screen");
    // Presenting: folded (the agenda strip asks the step's questions).
    h.key_press(egui::Key::F5);
    h.run();
    assert!(!guidance_painted(&h), "folded when presenting");
    h.key_press(egui::Key::F5);
    h.run();
    assert!(guidance_painted(&h));

    // A laptop: folded, the title says it on hover, the button beside it shows it.
    let mut h = sample();
    open_pane(&mut h, PaneKind::Foundation);
    assert!(!guidance_painted(&h), "folded on an 800-pixel screen");
    h.get_by_label("1 · Foundation: business model and goals")
        .hover();
    h.run();
    assert!(
        guidance_painted(&h),
        "the title shows the guidance on hover"
    );
    h.get_all_by_label("Guidance").next().unwrap().click();
    h.run();
    h.remove_cursor();
    h.run();
    assert!(guidance_painted(&h), "shown after a click");
    assert_eq!(h.state().settings().guidance, Some(true), "remembered");
    // And folded again from the palette's command, on every pane.
    h.state_mut()
        .request(pbsm::app::command::Command::ToggleGuidance);
    h.run();
    assert!(!guidance_painted(&h));
    assert_eq!(h.state().settings().guidance, Some(false));
}

#[test]
fn the_kpi_chart_is_in_view_at_laptop_size() {
    // The strategist's complaint: at 1280×800 the fixed top part of the management pane left
    // about 110 points for the KPI's detail, and its chart was never visible whole.
    let mut h = sample();
    open_pane(&mut h, PaneKind::Management);
    h.state_mut().sections_mut().management = ManagementSection::Kpis;
    h.run();
    let first = h.state().project().management.kpis[0].id;
    h.state_mut().request(pbsm::app::command::Command::Select(
        pbsm::model::ItemRef::Kpi(first),
    ));
    h.run();
    // The legend at the chart's top, the date ticks at its bottom.
    assert!(whole(&h, "Planned path"), "the chart's legend is in view");
    assert!(whole(&h, "2026-09"), "the chart's time axis is in view");
}

/// Drags the line under the list by `dy` points, in ten steps as a hand does.
fn drag_the_split(h: &mut Harness<'_, Workbench>, dy: f32) {
    let from = h
        .get_by_role_and_label(Role::Splitter, "Resize the list")
        .rect()
        .center();
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=10 {
        h.hover_at(from + egui::vec2(0.0, dy * step as f32 / 10.0));
        h.run();
    }
    h.drop_at(from + egui::vec2(0.0, dy));
    h.run();
}

#[test]
fn dragging_the_line_under_a_list_gives_it_more_rows() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Options);
    let names = option_names(&h);
    let rows_in_view = |h: &Harness<'_, Workbench>| {
        // Distinct: the selected option's name is in its form too.
        let mut shown: Vec<String> = painted_texts(h.output())
            .into_iter()
            .filter(|t| names.contains(&t.text) && t.clip.contains_rect(t.rect))
            .map(|t| t.text)
            .collect();
        shown.sort();
        shown.dedup();
        shown.len()
    };
    let before = rows_in_view(&h);
    assert!(before < names.len(), "the list scrolls at first: {before}");
    drag_the_split(&mut h, 300.0);
    let after = rows_in_view(&h);
    assert!(
        after > before,
        "{before} rows before the drag, {after} after"
    );
    // Dragged up, the detail gets the room back.
    drag_the_split(&mut h, -400.0);
    let up = rows_in_view(&h);
    assert!(up < after && up >= 1, "{up} rows after dragging it up");
}
