#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Tables that fit (issue 14): long free text is the only thing a table cuts, and it shows whole
//! on hover; names wrap instead of being cut.

mod common;

use common::legibility::{cut_texts, painted_texts};
use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use pbsm::app::layout::PaneKind;
use pbsm::app::state::{FoundationSection, PotentialSection};

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
    h.hover_at(elided.rect.center());
    h.run();
    let whole = painted_texts(h.output())
        .into_iter()
        .filter(|t| t.text == elided.text)
        .any(|t| !t.elided && t.clip.contains_rect(t.rect));
    assert!(whole, "the hover shows {:?} whole", elided.text);
}

#[test]
fn names_in_a_narrow_table_wrap_onto_more_lines_instead_of_being_cut() {
    // The options table at laptop size: the 'Option' column is narrower than the longest name.
    let mut h = sample();
    open_pane(&mut h, PaneKind::Options);
    h.run();
    let names: Vec<String> = h
        .state()
        .project()
        .options
        .iter()
        .map(|o| o.name.clone())
        .collect();
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
    h.hover_at(elided.rect.center());
    h.run();
    let whole = painted_texts(h.output())
        .into_iter()
        .filter(|t| t.text == elided.text)
        .any(|t| !t.elided && t.clip.contains_rect(t.rect));
    if !whole {
        for t in painted_texts(h.output())
            .iter()
            .filter(|t| t.rect.intersects(elided.rect.expand(200.0)))
        {
            eprintln!("{t:?}");
        }
        eprintln!("{elided:?}");
    }
    assert!(whole, "the hover shows {:?} whole", elided.text);
}
