#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Pictures of every pane, in dark and light, at laptop size (1280×800) and of the whole
//! window at projector size (1920×1080). They need a GPU or Mesa's lavapipe
//! (`apt-get install mesa-vulkan-drivers`), so `cargo test` skips them and `.ci/run` runs them:
//!
//! ```sh
//! cargo test --test snapshots -- --ignored            # compare with tests/snapshots/*.png
//! UPDATE_SNAPSHOTS=1 cargo test --test snapshots -- --ignored   # write new pictures
//! ```

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::state::{CompetitionSection, DecisionSection, ManagementSection};
use pbsm::app::theme::ThemeChoice;
use pbsm::model::Date;

fn harness(theme: ThemeChoice, size: [f32; 2]) -> Harness<'static, Workbench> {
    let mut app = Workbench::with_sample(0);
    app.settings_mut().theme = theme;
    app.set_today(Date::new(2026, 11, 23).unwrap_or(app.today()));
    let mut harness = Harness::builder()
        .with_size(size)
        .wgpu()
        .build_ui_state(|ui, app: &mut Workbench| app.ui_root(ui), app);
    harness.run();
    harness
}

fn theme_name(theme: ThemeChoice) -> &'static str {
    match theme {
        ThemeChoice::Dark => "dark",
        _ => "light",
    }
}

fn file_name(pane: PaneKind) -> &'static str {
    match pane {
        PaneKind::Foundation => "foundation",
        PaneKind::Potential => "potential",
        PaneKind::Benefit => "benefit",
        PaneKind::Competition => "competition",
        PaneKind::Options => "options",
        PaneKind::Alternatives => "alternatives",
        PaneKind::Decision => "decision",
        PaneKind::Management => "management",
        PaneKind::Trace => "trace",
        PaneKind::Check => "check",
        PaneKind::Map => "map",
        PaneKind::Voting => "voting",
    }
}

fn every_pane_at_laptop_size(theme: ThemeChoice) {
    {
        let mut h = harness(theme, [1280.0, 800.0]);
        for pane in PaneKind::ALL {
            h.get_by_label(pane.tab_title()).click();
            h.run();
            h.snapshot(format!("pane_{}_{}", file_name(pane), theme_name(theme)));
        }
        // The sections that are not shown first.
        h.get_by_label(PaneKind::Competition.tab_title()).click();
        h.run();
        h.state_mut().sections_mut().competition = CompetitionSection::Competitors;
        h.run();
        h.snapshot(format!(
            "pane_competition_competitors_{}",
            theme_name(theme)
        ));
        h.get_by_label(PaneKind::Management.tab_title()).click();
        for (section, name) in [
            (ManagementSection::Assumptions, "assumptions"),
            (ManagementSection::Audit, "audit"),
            (ManagementSection::Measures, "measures"),
            (ManagementSection::Integration, "integration"),
            (ManagementSection::Decision, "decision"),
        ] {
            h.state_mut().sections_mut().management = section;
            h.run();
            h.snapshot(format!("pane_management_{name}_{}", theme_name(theme)));
        }
        h.get_by_label(PaneKind::Decision.tab_title()).click();
        for (section, name) in [
            (DecisionSection::Weights, "weights"),
            (DecisionSection::Pairwise, "pairwise"),
            (DecisionSection::Sensitivity, "sensitivity"),
            (DecisionSection::Robustness, "robustness"),
        ] {
            h.state_mut().sections_mut().decision = section;
            h.run();
            h.snapshot(format!("pane_decision_{name}_{}", theme_name(theme)));
        }
    }
}

fn the_window_at_projector_size(theme: ThemeChoice) {
    let mut h = harness(theme, [1920.0, 1080.0]);
    h.get_by_label(PaneKind::Alternatives.tab_title()).click();
    h.run();
    h.snapshot(format!("window_1920x1080_{}", theme_name(theme)));
    h.get_by_label(PaneKind::Management.tab_title()).click();
    h.run();
    h.snapshot(format!("window_1920x1080_management_{}", theme_name(theme)));
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn every_pane_at_laptop_size_dark() {
    every_pane_at_laptop_size(ThemeChoice::Dark);
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn every_pane_at_laptop_size_light() {
    every_pane_at_laptop_size(ThemeChoice::Light);
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn the_window_at_projector_size_dark() {
    the_window_at_projector_size(ThemeChoice::Dark);
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn the_window_at_projector_size_light() {
    the_window_at_projector_size(ThemeChoice::Light);
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn the_unsaved_changes_prompt() {
    let mut h = harness(ThemeChoice::Light, [1280.0, 800.0]);
    h.get_by_label(PaneKind::Alternatives.tab_title()).click();
    h.run();
    h.state_mut().project_mut().alternatives[0].risk = pbsm::model::Score::new(3.0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.snapshot("dialog_unsaved_light");
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn the_copy_from_sample_checklist() {
    let mut h = harness(ThemeChoice::Dark, [1280.0, 800.0]);
    h.get_by_label(PaneKind::Options.tab_title()).click();
    h.run();
    h.get_by_label("Copy from a sample…").click();
    h.run();
    h.snapshot("dialog_copy_from_sample_dark");
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn pairwise_comparison_with_judgments() {
    let mut app = Workbench::with_sample(1);
    app.settings_mut().theme = ThemeChoice::Light;
    app.sections_mut().decision = DecisionSection::Pairwise;
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_ui_state(|ui, app: &mut Workbench| app.ui_root(ui), app);
    h.run();
    h.get_by_label(PaneKind::Decision.tab_title()).click();
    h.run();
    h.snapshot("pane_decision_pairwise_judged_light");
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn the_recovery_offer() {
    // A window that crashed with unsaved work; the next window offers it back.
    let state = tempfile::tempdir().unwrap();
    let mut crashed = Workbench::with_sample(0);
    crashed.start_recovery(state.path());
    crashed.project_mut().name =
        "Backhaus Lindner: social media strategy 2026/27 (draft)".to_owned();
    let slot = crashed.recovery_file().unwrap();
    std::fs::write(
        &slot,
        format!(
            "// original file: /home/anna/strategy/bakery.pbsm.ron\n{}",
            pbsm::io::project_file::to_string(crashed.project())
        ),
    )
    .unwrap();
    // A fixed autosave time (2026-11-23 14:05 UTC), so the picture does not change by the day.
    std::fs::File::options()
        .write(true)
        .open(&slot)
        .unwrap()
        .set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_442_700))
        .unwrap();
    drop(crashed);
    let mut app = Workbench::with_sample(0);
    app.settings_mut().theme = ThemeChoice::Dark;
    app.start_recovery(state.path());
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_ui_state(|ui, app: &mut Workbench| app.ui_root(ui), app);
    h.run();
    h.snapshot("dialog_recover_dark");
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn presentation_mode_at_projector_size() {
    let mut h = harness(ThemeChoice::Light, [1920.0, 1080.0]);
    h.state_mut().settings_mut().step_minutes = 10;
    h.key_press(egui::Key::F5);
    h.run();
    // Agenda step 6: the alternatives.
    for _ in 0..5 {
        h.key_press(egui::Key::PageDown);
        h.run();
    }
    h.run();
    h.snapshot("presentation_1920x1080");
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn dot_voting_while_presenting() {
    let mut h = harness(ThemeChoice::Light, [1920.0, 1080.0]);
    h.key_press(egui::Key::F5);
    h.run();
    // Agenda step 7 (the decision) on the left, the bakery's vote on the right.
    for _ in 0..6 {
        h.key_press(egui::Key::PageDown);
        h.run();
    }
    h.get_by_label(PaneKind::Voting.tab_title()).click();
    h.run();
    h.run();
    h.snapshot("presentation_voting_1920x1080");
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn dot_voting_on_options_at_laptop_size() {
    let mut h = harness(ThemeChoice::Dark, [1280.0, 800.0]);
    h.get_by_label(PaneKind::Voting.tab_title()).click();
    h.run();
    let options_round = h.state().project().votes[0].id;
    h.state_mut().sections_mut().voting_round = Some(options_round);
    h.run();
    h.snapshot("pane_voting_options_dark");
}

#[test]
#[ignore = "needs a GPU or Mesa lavapipe; run with --ignored (see .ci/run)"]
fn a_suggestion_kept_against_with_a_long_name_at_laptop_size() {
    use egui_kittest::kittest::Queryable;
    let mut h = harness(ThemeChoice::Light, [1280.0, 800.0]);
    {
        // A 60-character option name, typed as leading where the matrix says weaker.
        let p = h.state_mut().project_mut();
        let o = &mut p.options[0];
        o.name = "Sourdough club community with weekly live baking for regular".into();
        assert_eq!(o.name.chars().count(), 60);
        o.assessment = pbsm::model::CompetitiveAssessment::Weaker;
        o.overrides.clear();
    }
    h.get_by_label(PaneKind::Options.tab_title()).click();
    h.run();
    h.get_by_label("Why, in this case").click();
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        "Why your competitive assessment stands:",
    )
    .scroll_to_me();
    h.run();
    h.snapshot("suggestion_rows_laptop_light");
}
