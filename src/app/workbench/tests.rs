//! Unit tests of the workbench's settings and file names.

use super::*;
use crate::app::layout::{self, PaneKind};
use egui::Id;
use std::path::{Path, PathBuf};

#[test]
fn settings_survive_eframe_storage_with_a_rearranged_layout() {
    let mut settings = Settings {
        theme: ThemeChoice::Dark,
        zoom: 1.5,
        ..Settings::default()
    };
    settings.layout = egui_tiles::Tree::new_vertical(Id::unique("custom"), PaneKind::ALL.to_vec());
    // eframe stores values as RON.
    let text = ron::to_string(&settings).unwrap();
    let back: Settings = ron::from_str(&text).unwrap();
    assert_eq!(back.theme, ThemeChoice::Dark);
    assert_eq!(back.zoom, 1.5);
    assert!(
        back.layout == settings.layout,
        "the arrangement of the panes is kept"
    );
    let app = Workbench::new(back);
    assert!(
        app.settings.layout == settings.layout,
        "a complete layout is used as it is"
    );
}

#[test]
fn a_remembered_layout_that_lacks_a_pane_gets_it_beside_the_map() {
    // A layout from a build before dot voting, with the user's arrangement.
    let mut old = layout::default_tree();
    let voting = old.tiles.find_pane(&PaneKind::Voting).unwrap();
    old.remove_recursively(voting);
    let map = old.tiles.find_pane(&PaneKind::Map).unwrap();
    let map_group = old.tiles.parent_of(map).unwrap();
    let old_steps = old
        .tiles
        .parent_of(old.tiles.find_pane(&PaneKind::Foundation).unwrap());
    assert!(!layout::is_complete(&old));
    let app = Workbench::new(Settings {
        layout: old,
        ..Settings::default()
    });
    let tree = &app.settings.layout;
    assert!(layout::is_complete(tree));
    let parent = |kind: PaneKind| tree.tiles.parent_of(tree.tiles.find_pane(&kind).unwrap());
    assert_eq!(parent(PaneKind::Voting), Some(map_group));
    assert_eq!(
        parent(PaneKind::Foundation),
        old_steps,
        "the rest is kept as it was"
    );
}

#[test]
fn a_remembered_layout_with_a_pane_twice_is_replaced() {
    let settings = Settings {
        layout: egui_tiles::Tree::new_tabs(
            Id::unique("old"),
            vec![PaneKind::Foundation, PaneKind::Foundation],
        ),
        ..Settings::default()
    };
    let app = Workbench::new(settings);
    assert!(layout::is_complete(&app.settings.layout));
}

#[test]
fn a_remembered_layout_with_one_pane_gets_the_others_as_tabs() {
    let settings = Settings {
        layout: egui_tiles::Tree::new_tabs(Id::unique("old"), vec![PaneKind::Foundation]),
        ..Settings::default()
    };
    let app = Workbench::new(settings);
    assert!(layout::is_complete(&app.settings.layout));
}

#[test]
fn paths_get_the_project_extension_and_names_become_file_names() {
    assert_eq!(
        with_extension(Path::new("/a/plan")),
        PathBuf::from("/a/plan.pbsm.ron")
    );
    assert_eq!(
        with_extension(Path::new("/a/plan.pbsm.ron")),
        PathBuf::from("/a/plan.pbsm.ron")
    );
    assert_eq!(
        with_extension(Path::new("plan.RON")),
        PathBuf::from("plan.RON")
    );
    assert_eq!(
        file_stem_for("Backhaus Lindner: 2026/27"),
        "backhaus-lindner-2026-27.pbsm.ron"
    );
    assert_eq!(file_stem_for("???"), "strategy.pbsm.ron");
}

#[test]
fn frames_without_input_leave_the_sample_alone_and_the_check_sees_an_edit() {
    let mut app = Workbench::with_sample(0);
    let ctx = egui::Context::default();
    for pane in PaneKind::ALL {
        app.settings_mut().layout =
            egui_tiles::Tree::new_tabs(Id::unique("idle_check"), vec![pane]);
        for _ in 0..3 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| app.ui_root(ui));
            output.textures_delta.clear();
        }
    }
    assert_eq!(app.idle_edits(), 0, "a pane edits the project while drawn");
    // The check itself: a change between begin and end on a frame without input counts.
    let before = app.project().clone();
    let check = super::frame::IdleCheck::begin(false, &before);
    let mut edited = before.clone();
    edited.name.push('!');
    assert_eq!(check.project_changed(&edited), cfg!(debug_assertions));
}

#[test]
fn showing_a_valid_value_outside_a_fields_range_does_not_change_it() {
    use crate::app::state::DecisionSection;
    // Valid in a file (1 to MAX_DRAWS), below the draws field's range (it starts at 100).
    let mut project = crate::io::SAMPLES[0].load().unwrap();
    project.decision.draws = 1;
    assert!(crate::model::validate(&project).is_empty());
    let mut app = Workbench::with_project(project, Settings::default());
    let ctx = egui::Context::default();
    app.settings_mut().layout =
        egui_tiles::Tree::new_tabs(Id::unique("clamp"), vec![PaneKind::Decision]);
    for section in [
        DecisionSection::Ranking,
        DecisionSection::Weights,
        DecisionSection::Pairwise,
        DecisionSection::Sensitivity,
        DecisionSection::Robustness,
    ] {
        app.sections_mut().decision = section;
        for _ in 0..3 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| app.ui_root(ui));
            output.textures_delta.clear();
        }
    }
    assert_eq!(app.project().decision.draws, 1, "looking changed the draws");
    assert_eq!(app.idle_edits(), 0);
    assert!(!app.is_dirty());
}
