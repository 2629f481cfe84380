#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every pane and every section of it, at laptop size (1280×800), projector size (1920×1080)
//! and presenting at 150 % on the projector (the pane across the whole width, and beside the map), in light and dark, on every sample and on a project
//! with 60-character names: no text a person cannot read whole (`common::legibility`), except
//! the explicit elisions listed in [`free_texts`] (long free text that shows in full on hover)
//! and text cut at the edge of a table that scrolls sideways with its bar shown
//! (`beyond_reach`). Two widgets sharing an id (egui's warning) fail it too.

mod common;

use common::legibility::{CutText, beyond_reach, cut_texts, painted_texts};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::state::{
    CompetitionSection, DecisionSection, FoundationSection, ManagementSection, PotentialSection,
    Sections, TraceSection,
};
use pbsm::app::theme::ThemeChoice;
use pbsm::model::{Date, Project};

/// The explicit elisions: long free text that a table shows on one line, elided (or, in a text
/// field, cut at the field's edge, or on a drop-down) with the whole text on hover
/// (`tests/ui_tables.rs` checks the hover). These fields and no others.
fn free_texts(p: &Project) -> Vec<String> {
    let f = &p.foundation;
    let pot = &p.potential;
    let m = &p.management;
    let mut out = Vec::new();
    out.extend(f.modules.iter().map(|x| x.description.clone()));
    out.extend(f.goals.iter().map(|x| x.text.clone()));
    out.extend(f.topics.iter().map(|x| x.note.clone()));
    out.extend(pot.impact_formats.iter().map(|x| x.description.clone()));
    out.extend(pot.module_potentials.iter().map(|x| x.note.clone()));
    out.extend(m.assumptions.iter().map(|x| x.text.clone()));
    // An adaptation's cause, on its drop-down (`tests/ui_tables.rs` checks that hover).
    out.extend(
        m.assumptions
            .iter()
            .map(|x| format!("Assumption: {}", x.text)),
    );
    out.extend(m.risks.iter().map(|x| x.text.clone()));
    out.retain(|t| !t.is_empty());
    out
}

/// One thing to look at: a pane, with a section chosen.
struct View {
    name: String,
    pane: PaneKind,
    section: Box<dyn Fn(&mut Sections)>,
}

fn views() -> Vec<View> {
    fn view(pane: PaneKind, name: &str, section: impl Fn(&mut Sections) + 'static) -> View {
        View {
            name: format!("{pane:?}/{name}"),
            pane,
            section: Box::new(section),
        }
    }
    let mut out = Vec::new();
    for s in [
        FoundationSection::Company,
        FoundationSection::Modules,
        FoundationSection::Topics,
    ] {
        out.push(view(PaneKind::Foundation, &format!("{s:?}"), move |x| {
            x.foundation = s
        }));
    }
    for s in [
        PotentialSection::UsageFormats,
        PotentialSection::ImpactFormats,
        PotentialSection::ChangePotential,
        PotentialSection::UserBenefits,
    ] {
        out.push(view(PaneKind::Potential, &format!("{s:?}"), move |x| {
            x.potential = s
        }));
    }
    out.push(view(PaneKind::Benefit, "", |_| {}));
    for s in [
        CompetitionSection::Matrix,
        CompetitionSection::Competitors,
        CompetitionSection::Ratings,
    ] {
        out.push(view(PaneKind::Competition, &format!("{s:?}"), move |x| {
            x.competition = s
        }));
    }
    out.push(view(PaneKind::Options, "", |_| {}));
    out.push(view(PaneKind::Alternatives, "", |_| {}));
    for s in [
        DecisionSection::Ranking,
        DecisionSection::Weights,
        DecisionSection::Pairwise,
        DecisionSection::Sensitivity,
        DecisionSection::Robustness,
    ] {
        out.push(view(PaneKind::Decision, &format!("{s:?}"), move |x| {
            x.decision = s
        }));
    }
    for s in [
        ManagementSection::Kpis,
        ManagementSection::Audit,
        ManagementSection::Assumptions,
        ManagementSection::Risks,
        ManagementSection::Measures,
        ManagementSection::Integration,
        ManagementSection::Decision,
        ManagementSection::Adaptations,
        ManagementSection::Versions,
    ] {
        out.push(view(PaneKind::Management, &format!("{s:?}"), move |x| {
            x.management = s
        }));
    }
    out.push(view(PaneKind::Voting, "", |_| {}));
    for s in [
        TraceSection::Chain,
        TraceSection::Matrix,
        TraceSection::Orphans,
    ] {
        out.push(view(PaneKind::Trace, &format!("{s:?}"), move |x| {
            x.trace = s
        }));
    }
    out.push(view(PaneKind::Check, "", |_| {}));
    out.push(view(PaneKind::Map, "", |_| {}));
    out
}

/// How the window is shown.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// As when working.
    Working,
    /// Presenting at 150 %, the first step: its pane across the whole width.
    Presenting,
    /// Presenting, the map beside the pane (as for the alternatives and the decision).
    PresentingBesideMap,
}

/// The screens: (name, size, how the window is shown).
const SCREENS: &[(&str, [f32; 2], Mode)] = &[
    ("1280x800", [1280.0, 800.0], Mode::Working),
    ("1920x1080", [1920.0, 1080.0], Mode::Working),
    (
        "presenting 150% 1920x1080",
        [1920.0, 1080.0],
        Mode::Presenting,
    ),
    (
        "presenting 150% 1920x1080, map beside",
        [1920.0, 1080.0],
        Mode::PresentingBesideMap,
    ),
];

/// Stretches a name to 60 characters, as a person might write it.
fn long(name: &str) -> String {
    let filler = " for the whole region, its towns, villages and visitors all year";
    let mut out: String = format!("{name}{filler}").chars().take(60).collect();
    while out.chars().count() < 60 {
        out.push('.');
    }
    out
}

/// The bakery with 60-character names for alternatives, criteria, competitors and participants.
fn long_names() -> Project {
    let mut p = pbsm::io::samples::SAMPLES[0].load().unwrap();
    for a in &mut p.alternatives {
        a.name = long(&a.name);
    }
    for c in &mut p.decision.criteria {
        c.name = long(&c.name);
    }
    for c in &mut p.competition.competitors {
        c.name = long(&c.name);
    }
    for round in &mut p.votes {
        for b in &mut round.ballots {
            b.participant = long(&b.participant);
        }
    }
    p
}

fn harness(
    project: &Project,
    (_, size, mode): (&str, [f32; 2], Mode),
    theme: ThemeChoice,
    gpu: bool,
) -> Harness<'static, Workbench> {
    let mut app = Workbench::with_project(project.clone(), Default::default());
    app.settings_mut().theme = theme;
    app.set_today(Date::new(2026, 11, 23).unwrap());
    app.set_background_analysis(false);
    let mut builder = Harness::builder().with_size(size);
    if gpu {
        builder = builder.wgpu();
    }
    let mut h = builder.build_ui_state(|ui, app: &mut Workbench| app.ui_root(ui), app);
    h.run();
    if mode != Mode::Working {
        // As a facilitator does (toggled before the first frame, kittest keeps the unzoomed
        // screen size).
        h.key_press(egui::Key::F5);
        h.run();
    }
    if mode == Mode::PresentingBesideMap {
        h.get_by_label("Map beside").click();
        h.run();
    }
    assert_eq!(h.state().is_presenting(), mode != Mode::Working);
    assert_eq!(
        h.state().is_presenting_whole_width(),
        mode == Mode::Presenting
    );
    h
}

fn show(h: &mut Harness<'static, Workbench>, view: &View) {
    h.get_by_label(view.pane.tab_title()).click();
    h.run();
    (view.section)(h.state_mut().sections_mut());
    h.run();
}

/// A cut text as the sweep reports it: where, what, and how far out of its clip area.
fn describe(place: &str, c: &CutText) -> String {
    format!(
        "{place}: {} {:?} (text {:.0}..{:.0}, clip {:.0}..{:.0})",
        if c.elided { "elided" } else { "cut" },
        c.text.chars().take(70).collect::<String>(),
        c.rect.left(),
        c.rect.right(),
        c.clip.left(),
        c.clip.right(),
    )
}

/// Every view of one project on one screen in one theme: what was cut, by view.
fn sweep(
    project: &Project,
    screen: (&str, [f32; 2], Mode),
    theme: ThemeChoice,
) -> Vec<(String, String)> {
    let mut h = harness(project, screen, theme, false);
    let free = free_texts(project);
    let mut problems = Vec::new();
    for view in views() {
        show(&mut h, &view);
        let sideways = pbsm::app::widgets::sideways_views(&h.ctx);
        let cut: Vec<CutText> = beyond_reach(cut_texts(h.output()), &sideways)
            .into_iter()
            .filter(|c| !free.contains(&c.text))
            .collect();
        // egui marks two widgets sharing an id (in debug builds): hover and clicks go astray.
        for t in painted_texts(h.output()) {
            if t.text.contains("use of widget ID") {
                problems.push((
                    view.name.clone(),
                    format!("{} {theme:?} {}: {}", screen.0, view.name, t.text),
                ));
            }
        }
        for c in cut {
            problems.push((
                view.name.clone(),
                describe(&format!("{} {theme:?} {}", screen.0, view.name), &c),
            ));
        }
    }
    problems
}

/// A picture of one view to look at while working: `LOOK="sample/view/screen/theme"` (sample
/// 0–2 or "long", a view name as the sweep prints it, a screen index into [`SCREENS`], "dark"
/// or "light"), written to `LOOK_PNG` (default /tmp/look.png).
#[test]
#[ignore = "a tool: needs a GPU or Mesa lavapipe and the LOOK variable"]
fn look() {
    let Ok(look) = std::env::var("LOOK") else {
        return;
    };
    let parts: Vec<&str> = look.split('|').collect();
    let project = match parts[0] {
        "long" => long_names(),
        i => pbsm::io::samples::SAMPLES[i.parse::<usize>().unwrap()]
            .load()
            .unwrap(),
    };
    let screen = SCREENS[parts[2].parse::<usize>().unwrap()];
    let theme = if parts.get(3) == Some(&"dark") {
        ThemeChoice::Dark
    } else {
        ThemeChoice::Light
    };
    let mut h = harness(&project, screen, theme, true);
    let dir = tempfile::tempdir().unwrap();
    // A dialog ("dialog:error") or a view.
    if let Some(name) = parts[1].strip_prefix("dialog:") {
        let (_, open) = dialogs().into_iter().find(|(n, _)| *n == name).unwrap();
        open(&mut h, dir.path());
    } else {
        let view = views().into_iter().find(|v| v.name == parts[1]).unwrap();
        show(&mut h, &view);
    }
    let image = h.render().unwrap();
    let path = std::env::var("LOOK_PNG").unwrap_or_else(|_| "/tmp/look.png".to_owned());
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(file, image.width(), image.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .unwrap()
        .write_image_data(image.as_raw())
        .unwrap();
    // What the sweep would report (cuts at the edge of a sideways scroll area left out).
    let sideways = pbsm::app::widgets::sideways_views(&h.ctx);
    for c in beyond_reach(cut_texts(h.output()), &sideways) {
        eprintln!("{c:?}");
    }
}

fn sweep_all(project: &Project) {
    let mut problems = Vec::new();
    for screen in SCREENS {
        for theme in [ThemeChoice::Light, ThemeChoice::Dark] {
            problems.extend(sweep(project, *screen, theme));
        }
    }
    let lines: Vec<&str> = problems.iter().map(|(_, l)| l.as_str()).collect();
    assert!(
        lines.is_empty(),
        "{} texts cut (a cut at the edge of a table that scrolls sideways with its bar shown is not counted):\n{}",
        lines.len(),
        lines.join("\n")
    );
}

#[test]
fn the_bakery_is_legible_everywhere() {
    sweep_all(&pbsm::io::samples::SAMPLES[0].load().unwrap());
}

#[test]
fn the_machine_builder_is_legible_everywhere() {
    sweep_all(&pbsm::io::samples::SAMPLES[1].load().unwrap());
}

#[test]
fn the_tourism_board_is_legible_everywhere() {
    sweep_all(&pbsm::io::samples::SAMPLES[2].load().unwrap());
}

#[test]
fn sixty_character_names_are_legible_everywhere() {
    sweep_all(&long_names());
}

/// A way to open a dialog on a fresh window.
type Opener = fn(&mut Harness<'static, Workbench>, &std::path::Path);

/// Every dialog, as a person opens it.
fn dialogs() -> Vec<(&'static str, Opener)> {
    vec![
        ("palette", |h, _| {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
            h.run();
        }),
        ("palette: vote", |h, _| {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
            h.run();
            h.get_by_label("Command").type_text("vote");
            h.run();
        }),
        ("path prompt", |h, _| {
            h.state_mut()
                .request(pbsm::app::command::Command::ExportCsvTo(Default::default()));
            h.state_mut()
                .request(pbsm::app::command::Command::ExportCsv);
            h.run();
        }),
        ("copy from a sample", |h, _| {
            h.state_mut()
                .request(pbsm::app::command::Command::CopyFromSample);
            h.run();
        }),
        ("unsaved changes", |h, _| {
            h.state_mut().project_mut().alternatives[0].risk = pbsm::model::Score::new(3.0);
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
            h.run();
        }),
        ("error", |h, dir| {
            let path =
                dir.join("a strategy file that was cut off while it was being copied.pbsm.ron");
            std::fs::write(&path, "(\n  format_version: 1,\n  name: \"Half a proj").unwrap();
            h.state_mut()
                .request(pbsm::app::command::Command::OpenPath(path));
            for _ in 0..200 {
                h.step();
                if h.state().dialog().is_some() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            h.run();
        }),
        ("recover", |h, dir| {
            let state = dir.join("state");
            let mut crashed = Workbench::with_sample(0);
            crashed.start_recovery(&state);
            let slot = crashed.recovery_file().unwrap();
            std::fs::write(
                &slot,
                format!(
                    "// original file: /home/anna/strategy/{}.pbsm.ron\n{}",
                    long("bakery"),
                    pbsm::io::project_file::to_string(crashed.project())
                ),
            )
            .unwrap();
            drop(crashed);
            h.state_mut().start_recovery(&state);
            h.run();
        }),
    ]
}

#[test]
fn every_dialog_is_legible_everywhere() {
    let project = pbsm::io::samples::SAMPLES[0].load().unwrap();
    let mut problems = Vec::new();
    for screen in SCREENS {
        for theme in [ThemeChoice::Light, ThemeChoice::Dark] {
            for (name, open) in dialogs() {
                let dir = tempfile::tempdir().unwrap();
                let mut h = harness(&project, *screen, theme, false);
                open(&mut h, dir.path());
                assert!(
                    h.state().dialog().is_some(),
                    "{name} did not open on {}",
                    screen.0
                );
                let sideways = pbsm::app::widgets::sideways_views(&h.ctx);
                for c in beyond_reach(cut_texts(h.output()), &sideways) {
                    problems.push(describe(&format!("{} {theme:?} {name}", screen.0), &c));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} texts cut:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
