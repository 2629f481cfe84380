#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Tables that fit (issue 14): long free text is the only thing a table cuts, and it shows whole
//! on hover; names wrap instead of being cut.

mod common;

use common::legibility::{CutText, cut_texts, painted_texts};
use common::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::state::{FoundationSection, PotentialSection};

/// Hovers over an elided text and checks the tooltip shows it whole.
fn assert_whole_on_hover(h: &mut Harness<'static, Workbench>, elided: &CutText) {
    h.hover_at(elided.rect.center());
    h.run();
    let whole = painted_texts(h.output())
        .into_iter()
        .filter(|t| t.text == elided.text)
        .any(|t| !t.elided && t.clip.contains_rect(t.rect));
    assert!(whole, "the hover shows {:?} whole", elided.text);
}

#[test]
fn a_free_text_field_cut_at_its_edge_shows_the_whole_text_on_hover() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Foundation);
    h.state_mut().sections_mut().foundation = FoundationSection::Topics;
    h.run();
    let topic = h.state().project().foundation.topics[0].clone();
    let cut = cut_texts(h.output());
    assert!(
        cut.iter().any(|c| c.text == topic.note),
        "the note is longer than its field at laptop size: {cut:#?}"
    );
    h.get_by_role_and_label(
        Role::TextInput,
        &format!("Why topic {} has this affinity", topic.id),
    )
    .hover();
    h.run();
    let whole = painted_texts(h.output())
        .into_iter()
        .filter(|t| t.text == topic.note)
        .any(|t| !t.elided && t.clip.contains_rect(t.rect));
    assert!(whole, "the hover shows the note whole");
}

#[test]
fn an_elided_free_text_cell_shows_the_whole_text_on_hover() {
    let mut h = sample();
    open_pane(&mut h, PaneKind::Potential);
    h.state_mut().sections_mut().potential = PotentialSection::ChangePotential;
    h.run();
    let elided = cut_texts(h.output())
        .into_iter()
        .find(|c| c.elided)
        .expect("a note is elided at laptop size");
    assert_whole_on_hover(&mut h, &elided);
}

#[test]
fn names_in_a_narrow_table_wrap_onto_more_lines_instead_of_being_cut() {
    // The options table at laptop size: the 'Option' column is narrower than the longest name.
    let mut h = sample();
    open_pane(&mut h, PaneKind::Options);
    h.run();
    let names = option_names(&h);
    let painted = painted_texts(h.output());
    let shown: Vec<_> = painted.iter().filter(|t| names.contains(&t.text)).collect();
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|t| !t.elided), "{shown:#?}");
    let tallest = shown
        .iter()
        .map(|t| t.rect.height())
        .fold(0.0_f32, f32::max);
    let line = shown
        .iter()
        .map(|t| t.rect.height())
        .fold(f32::INFINITY, f32::min);
    assert!(tallest > line * 1.5, "at least one name wraps: {shown:#?}");
}

#[test]
fn a_long_choice_elided_on_its_drop_down_shows_whole_on_hover() {
    // The machine builder's adaptations log at laptop size: an adaptation caused by an
    // assumption names it with the assumption's whole text, longer than the drop-down.
    let mut h = harness(pbsm::app::Workbench::with_sample(1));
    open_pane(&mut h, PaneKind::Management);
    h.state_mut().sections_mut().management = pbsm::app::state::ManagementSection::Adaptations;
    h.run();
    let elided = cut_texts(h.output())
        .into_iter()
        .find(|c| c.elided && c.text.starts_with("Assumption: "))
        .expect("a cause is elided on its drop-down at laptop size");
    assert_whole_on_hover(&mut h, &elided);
}

#[test]
fn the_options_checklist_of_an_alternative_shows_whole_rows_only() {
    // Nine options in the bakery: the checklist shows eight whole rows and scrolls, instead of
    // cutting the ninth in half.
    let mut h = projector();
    open_pane(&mut h, PaneKind::Alternatives);
    let names = option_names(&h);
    assert_eq!(names.len(), 9);
    // Scrolled down to the checklist, as a person does with the wheel over the detail.
    for _ in 0..10 {
        h.hover_at(egui::pos2(500.0, 800.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
        // The checklist's first row near the top, so all it shows is in the pane's view.
        let first_row_high = painted_texts(h.output()).iter().any(|t| {
            t.text == names[0]
                && t.clip.contains_rect(t.rect)
                && t.rect.left() > 50.0
                && t.rect.top() < 600.0
        });
        if first_row_high {
            break;
        }
    }
    let shown: Vec<_> = painted_texts(h.output())
        .into_iter()
        .filter(|t| names.contains(&t.text) && t.rect.intersects(t.clip))
        .collect();
    assert_eq!(shown.len(), 8, "{shown:#?}");
    for t in &shown {
        assert!(
            t.clip.expand(1.0).contains_rect(t.rect),
            "{:?} is cut at the list's edge",
            t.text
        );
    }
}
