//! `cargo bench`: the CPU time of one headless frame per pane (egui layout and tessellation)
//! on the largest sample and on a generated stress project, and the load and save time of that
//! stress project, and the memory and time of the undo history on it (`cargo bench --bench frames
//! -- undo` runs only that part). Prints figures; asserts nothing (timings belong in benchmarks,
//! not tests).

// A benchmark, like a test, stops loudly on a broken fixture.
#![allow(clippy::expect_used)]

mod common;
use common::thread_cpu_time;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::app::workbench::Settings;
use pbsm::io::{self, SAMPLES};
use pbsm::model::stress::{StressSize, stress_project};
use pbsm::model::{ItemKind, Project, Score};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The system allocator, counting the bytes live on the heap (for the undo history's memory).
struct CountingAllocator;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only a counter is kept.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `layout` hold for the system allocator too.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator, i.e. by the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc` and `dealloc`.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
            LIVE_BYTES.fetch_add(new_size, Ordering::Relaxed);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Bytes live on the heap right now (this benchmark is single-threaded while it measures).
fn live_bytes() -> usize {
    LIVE_BYTES.load(Ordering::Relaxed)
}

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

/// Undo steps recorded by [`undo_memory`]: the history's limit.
const UNDO_EDITS: usize = pbsm::app::history::MAX_UNDO_STEPS;

/// Changes one number of the project, the `i`-th of a spread over its large collections (an
/// option, an alternative, a KPI actual, a measure's due date, a benefit), as a single-value
/// edit in a pane does.
fn single_value_edit(project: &mut Project, i: usize) {
    let pick = |len: usize| (i * 37) % len.max(1);
    let value = 1.0 + (i % 9) as f64;
    match i % 5 {
        0 => {
            let n = pick(project.options.len());
            if let Some(o) = project.options.get_mut(n) {
                o.relevance = Score::new(if o.relevance == Score::new(value) {
                    0.5
                } else {
                    value
                });
            }
        }
        1 => {
            let n = pick(project.alternatives.len());
            if let Some(a) = project.alternatives.get_mut(n) {
                a.budget_eur += 1_000.0;
            }
        }
        2 => {
            let n = pick(project.management.kpis.len());
            if let Some(actual) = project
                .management
                .kpis
                .get_mut(n)
                .and_then(|k| k.actuals.last_mut())
            {
                actual.1 += 1.0;
            }
        }
        3 => {
            let n = pick(project.management.measures.len());
            if let Some(m) = project.management.measures.get_mut(n) {
                m.due = m.due.end_of_month_after(1);
            }
        }
        _ => {
            let n = pick(project.benefits.len());
            if let Some(b) = project.benefits.get_mut(n) {
                b.relevance = Score::new(if b.relevance == Score::new(value) {
                    0.5
                } else {
                    value
                });
            }
        }
    }
}

/// The heap memory the undo history holds after [`UNDO_EDITS`] single-value edits on the stress
/// project, beside the project's own size, and the time of the comparison every input frame
/// makes (is there an unrecorded edit?).
fn undo_memory(stress: &Project) {
    let before = live_bytes();
    let project = stress.clone();
    let project_bytes = live_bytes() - before + std::mem::size_of::<Project>();
    let mut project = black_box(project);

    let before = live_bytes();
    let mut history = pbsm::app::history::History::new(&project);
    let mut commit_times = Vec::with_capacity(UNDO_EDITS);
    for i in 0..UNDO_EDITS {
        single_value_edit(&mut project, i);
        let start = thread_cpu_time();
        let recorded = history.commit(&project);
        commit_times.push(thread_cpu_time().saturating_sub(start));
        assert!(recorded, "edit {i} changed the project");
    }
    let history_bytes = live_bytes() - before + std::mem::size_of_val(&history);
    assert_eq!(history.undo_len(), UNDO_EDITS);
    // Batches of 100 checks: one check takes well under a millisecond.
    let compare = timed(21, || {
        (0..100)
            .filter(|_| history.has_uncommitted(black_box(&project)))
            .count()
    }) / 100;
    let mut undo_times = Vec::with_capacity(UNDO_EDITS);
    for _ in 0..UNDO_EDITS {
        let start = thread_cpu_time();
        history.undo(&mut project);
        undo_times.push(thread_cpu_time().saturating_sub(start));
    }
    assert_eq!(&project, stress, "every edit undone");

    let mb = |bytes: usize| bytes as f64 / 1e6;
    println!(
        "\nundo history on the stress project ({UNDO_EDITS} single-value edits, each one step):"
    );
    println!("{:<26} {:>8.2} MB", "project in memory", mb(project_bytes));
    println!(
        "{:<26} {:>8.2} MB = {:.2} x the project (target <= 4 x)",
        "memory held by the history",
        mb(history_bytes),
        history_bytes as f64 / project_bytes as f64
    );
    println!("{:<26} {:>11.3} ms", "unrecorded-edit check", ms(compare));
    println!(
        "{:<26} {:>11.3} ms",
        "record a step",
        ms(median(commit_times))
    );
    println!("{:<26} {:>11.3} ms", "undo a step", ms(median(undo_times)));
}

fn main() {
    // `cargo bench --bench frames -- undo` measures only the undo history.
    if std::env::args().skip(1).any(|a| a == "undo") {
        undo_memory(&stress_project(StressSize::BENCHMARK));
        return;
    }
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
    undo_memory(&stress);
}
