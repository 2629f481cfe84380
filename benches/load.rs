//! `cargo bench --bench load`: how fast the loader refuses hostile files and how much memory
//! that takes, and how load time grows with the size of a valid project. Prints figures;
//! asserts nothing (timings belong in benchmarks, not tests).
//!
//! Memory is measured in a fresh child process (this executable again), which loads one file
//! and reports its peak resident memory (`VmHWM` in /proc/self/status, Linux) before and after.

// A benchmark, like a test, stops loudly on a broken fixture.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::thread_cpu_time;
use pbsm::io;
use pbsm::model::stress::{StressSize, stress_project};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Tells a child process which file to load.
const CHILD_FILE: &str = "PBSM_BENCH_LOAD_FILE";

const MB: usize = 1_000_000;
const HOSTILE_BYTES: usize = 20 * MB;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median wall and CPU time of `runs` runs of `f`.
fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let (start_wall, start_cpu) = (Instant::now(), thread_cpu_time());
        black_box(f());
        cpu.push(thread_cpu_time().saturating_sub(start_cpu));
        wall.push(start_wall.elapsed());
    }
    (median(wall), median(cpu))
}

/// The peak resident memory of this process so far, in bytes (`VmHWM`; 0 where unknown).
fn peak_memory() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb * 1024)
        })
        .unwrap_or(0)
}

/// In the child: loads the file once and prints the peak memory before and after.
fn child(path: &Path) {
    let before = peak_memory();
    let result = io::load(path);
    let after = peak_memory();
    black_box(result.is_ok());
    println!("{before} {after}");
}

/// The peak extra memory of loading `path` in a fresh process, in bytes.
fn extra_memory(path: &Path) -> Option<u64> {
    let output = std::process::Command::new(std::env::current_exe().ok()?)
        .env(CHILD_FILE, path)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let mut numbers = text.split_whitespace().map(|n| n.parse::<u64>().ok());
    let (before, after) = (numbers.next()??, numbers.next()??);
    (before > 0).then(|| after.saturating_sub(before))
}

/// The hostile files: name and content, each about 20 MB.
fn hostile_files() -> Vec<(&'static str, String)> {
    let n = HOSTILE_BYTES;
    let start = "(version: 2, name: ";
    vec![
        ("only the letter x", "x".repeat(n)),
        ("one huge string", format!("{start}\"{}\")", "a".repeat(n))),
        (
            "an unclosed huge string",
            format!("{start}\"{}", "a".repeat(n)),
        ),
        ("only `[`", "[".repeat(n)),
        ("`[` inside a field", format!("{start}{}", "[".repeat(n))),
        ("only `(`", "(".repeat(n)),
        ("a huge number", "7".repeat(n)),
        (
            "a huge number in a field",
            format!("(version: 2, day_rate_eur: 1.{})", "5".repeat(n)),
        ),
        ("only whitespace", " \n\t".repeat(n / 3)),
        ("a huge block comment", format!("/* {} */ (", "c".repeat(n))),
        ("a huge line comment", format!("// {}", "c".repeat(n))),
        ("nested comment openers", "/*".repeat(n / 2)),
        (
            "a huge field name",
            format!("(version: 2, {}: 1)", "f".repeat(n)),
        ),
        ("a huge enum variant", {
            let text = io::SAMPLES[0].text;
            let mut text = text.replacen(
                "block: ValueProposition",
                &format!("block: V{}", "v".repeat(n)),
                1,
            );
            text.shrink_to_fit();
            text
        }),
        ("a huge date", {
            let text = io::SAMPLES[0].text;
            text.replacen("\"2026-", &format!("\"2026-{}", "9".repeat(n)), 1)
        }),
    ]
}

fn main() {
    if let Some(path) = std::env::var_os(CHILD_FILE) {
        child(Path::new(&path));
        return;
    }
    let dir = std::env::temp_dir().join(format!("pbsm-bench-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let write = |name: &str, text: &str| -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("written");
        path
    };

    println!("pbsm workbench loader benchmark: median of 5 runs (wall / CPU time of this thread),");
    println!("peak extra memory of one load in a fresh process (VmHWM after minus before).\n");
    println!("Hostile files, about 20 MB each, must be refused with a short message:");
    println!(
        "{:<28} {:>9} {:>10} {:>10} {:>12} {:>9}",
        "file", "size", "wall", "CPU", "extra memory", "message"
    );
    let mut x_file = None;
    for (n, (name, text)) in hostile_files().into_iter().enumerate() {
        let path = write(&format!("hostile-{n}.pbsm.ron"), &text);
        drop(text);
        let message = io::load(&path).err().map(|e| e.to_string());
        let (wall, cpu) = timed(5, || io::load(&path).is_err());
        let memory = extra_memory(&path);
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        println!(
            "{:<28} {:>6.1} MB {:>7.1} ms {:>7.1} ms {:>9} {:>9}",
            name,
            size as f64 / MB as f64,
            ms(wall),
            ms(cpu),
            memory.map_or_else(
                || "n/a".to_owned(),
                |m| format!("{:.1} MB", m as f64 / MB as f64)
            ),
            message.as_ref().map_or_else(
                || "ACCEPTED".to_owned(),
                |m| format!("{} chars", m.chars().count())
            ),
        );
        if n == 0 {
            x_file = Some((wall, memory, message));
        }
        let _ = std::fs::remove_file(&path);
    }
    if let Some((_, _, Some(message))) = &x_file {
        // At most 400 characters, in case the loader ever quotes the whole file again.
        let shown: String = message.chars().take(400).collect();
        println!("\nthe message for the x file: {shown}");
    }

    println!("\nValid generated projects (StressSize::scaled), load = read + parse + validate:");
    println!(
        "{:<34} {:>9} {:>10} {:>10} {:>10} {:>12} {:>10} {:>10}",
        "project", "size", "wall", "CPU", "CPU per MB", "extra memory", "RON parse", "validate"
    );
    let mut five_mb = None;
    for alternatives in [200, 700, 2100] {
        let project = stress_project(StressSize::scaled(alternatives));
        let text = io::project_file::to_string(&project);
        let path = write(&format!("stress-{alternatives}.pbsm.ron"), &text);
        let megabytes = text.len() as f64 / MB as f64;
        // The parts: RON into a project (one pass, CPU), and validating it.
        let (_, parse) = timed(3, || {
            ron::Options::default()
                .from_str::<pbsm::model::Project>(&text)
                .expect("parses")
        });
        let (_, validate) = timed(3, || pbsm::model::validate(&project));
        drop(text);
        io::load(&path).expect("a generated project is valid");
        let (wall, cpu) = timed(5, || io::load(&path).expect("valid"));
        let memory = extra_memory(&path);
        println!(
            "{:<34} {:>6.1} MB {:>7.1} ms {:>7.1} ms {:>7.1} ms {:>12} {:>7.1} ms {:>7.1} ms",
            format!("{alternatives} alternatives, {} options", alternatives * 10),
            megabytes,
            ms(wall),
            ms(cpu),
            ms(cpu) / megabytes,
            memory.map_or_else(
                || "n/a".to_owned(),
                |m| format!("{:.1} MB", m as f64 / MB as f64)
            ),
            ms(parse),
            ms(validate),
        );
        drop(project);
        if alternatives == 700 {
            five_mb = Some(wall);
        }
        let _ = std::fs::remove_file(&path);
    }

    // An invalid project of that size: every alternative's risk out of range, so the loader
    // validates, then locates the listed findings in the text.
    let mut project = stress_project(StressSize::scaled(700));
    for a in &mut project.alternatives {
        a.risk = pbsm::model::Score::new(11.0);
    }
    let text = io::project_file::to_string(&project);
    let path = write("invalid.pbsm.ron", &text);
    let (wall, cpu) = timed(5, || io::load(&path).is_err());
    let message = io::load(&path)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    println!(
        "{:<34} {:>6.1} MB {:>7.1} ms {:>7.1} ms   message: {} lines",
        "700 alternatives, all risks 11",
        text.len() as f64 / MB as f64,
        ms(wall),
        ms(cpu),
        message.lines().count()
    );
    let _ = std::fs::remove_dir_all(&dir);

    let verdict = |met: bool| if met { "met" } else { "MISSED" };
    if let Some((wall, memory, _)) = x_file {
        println!(
            "\ntargets: refuse the 20 MB x file < 500 ms: {} ({:.1} ms); peak extra memory < 100 MB: {}",
            verdict(wall < Duration::from_millis(500)),
            ms(wall),
            memory.map_or("unknown", |m| verdict(m < 100 * MB as u64)),
        );
    }
    if let Some(wall) = five_mb {
        println!(
            "         load + validate the ~5 MB project < 100 ms: {} ({:.1} ms)",
            verdict(wall < Duration::from_millis(100)),
            ms(wall)
        );
    }
}
