//! `cargo bench`: the CPU time of one headless frame per pane (egui layout and tessellation)
//! on the largest sample and on a generated stress project, and the load and save time of that
//! stress project. Prints figures; asserts nothing (timings belong in benchmarks, not tests).

// A benchmark, like a test, stops loudly on a broken fixture.
#![allow(clippy::expect_used)]

mod common;
use common::thread_cpu_time;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::workbench::Settings;
use pbsm::io::{self, SAMPLES};
use pbsm::model::stress::{StressSize, stress_project};
use pbsm::model::{ItemKind, Project};
use std::hint::black_box;
use std::time::Duration;

const WARM_UP_FRAMES: usize = 10;
const MEASURED_FRAMES: usize = 60;
const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median CPU time of one frame with only `pane` on screen.
fn frame_time(project: &Project, pane: PaneKind) -> Duration {
    // Opened as a file is: a fresh history, the first item of each list selected.
    let mut app = Workbench::with_project(project.clone(), Settings::default());
    debug_assert!(
        app.selection().get(ItemKind::Alternative).is_some() || project.alternatives.is_empty()
    );
    app.settings_mut().layout =
        egui_tiles::Tree::new_tabs(egui::Id::unique("bench_tree"), vec![pane]);
    let ctx = egui::Context::default();
    let mut times = Vec::with_capacity(MEASURED_FRAMES);
    for frame in 0..WARM_UP_FRAMES + MEASURED_FRAMES {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            // Keep the pointer over the pane, as during real use.
            events: vec![egui::Event::PointerMoved(egui::pos2(
                400.0,
                400.0 + (frame % 2) as f32,
            ))],
            ..Default::default()
        };
        let start = thread_cpu_time();
        let output = ctx.run_ui(input, |ui| app.ui_root(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        black_box(primitives);
        let elapsed = thread_cpu_time().saturating_sub(start);
        if frame >= WARM_UP_FRAMES {
            times.push(elapsed);
        }
    }
    median(times)
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let times = (0..runs)
        .map(|_| {
            let start = thread_cpu_time();
            black_box(f());
            thread_cpu_time().saturating_sub(start)
        })
        .collect();
    median(times)
}

fn main() {
    let largest = SAMPLES
        .iter()
        .max_by_key(|s| s.text.len())
        .expect("samples are embedded");
    let sample = largest.load().expect("samples are valid");
    let stress = stress_project(StressSize::BENCHMARK);

    println!(
        "pbsm workbench benchmark: median CPU time of one headless frame at {}x{} (egui layout + tessellation),",
        SCREEN.x, SCREEN.y
    );
    println!(
        "{MEASURED_FRAMES} frames after {WARM_UP_FRAMES} warm-up frames, one pane on screen with its first items selected."
    );
    println!(
        "Largest sample: {}. Stress project: {} alternatives, {} options, {} KPIs x {} actuals.\n",
        largest.file_name,
        stress.alternatives.len(),
        stress.options.len(),
        stress.management.kpis.len(),
        stress.management.kpis[0].actuals.len()
    );
    println!(
        "{:<26} {:>14} {:>16}",
        "pane", "largest sample", "stress project"
    );
    let mut worst = Duration::ZERO;
    for pane in PaneKind::ALL {
        let a = frame_time(&sample, pane);
        let b = frame_time(&stress, pane);
        worst = worst.max(a).max(b);
        println!(
            "{:<26} {:>11.2} ms {:>13.2} ms",
            pane.tab_title(),
            ms(a),
            ms(b)
        );
    }

    let text = io::project_file::to_string(&stress);
    let load = timed(10, || {
        io::project_file::from_str(&text, "stress").expect("valid")
    });
    let dir = std::env::temp_dir().join(format!("pbsm-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let path = dir.join("stress.pbsm.ron");
    let save = timed(10, || io::save(&stress, &path).expect("saved"));
    let load_file = timed(10, || io::load(&path).expect("loaded"));
    let _ = std::fs::remove_dir_all(&dir);

    println!("\nstress project file: {:.1} MB", text.len() as f64 / 1e6);
    println!("{:<26} {:>11.2} ms", "parse + validate (text)", ms(load));
    println!("{:<26} {:>11.2} ms", "load from file", ms(load_file));
    println!("{:<26} {:>11.2} ms", "save (atomic, with fsync)", ms(save));
    println!(
        "\ntargets: every pane < 4 ms per frame: {} (worst {:.2} ms); load < 100 ms: {}",
        if worst < Duration::from_millis(4) {
            "met"
        } else {
            "MISSED"
        },
        ms(worst),
        if load_file < Duration::from_millis(100) {
            "met"
        } else {
            "MISSED"
        }
    );
}
