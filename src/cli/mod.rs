//! The command line: `pbsm-workbench [FILE]` opens the window; subcommands work without one.

pub mod room;

use crate::analysis::{Analysis, consistency, robustness};
use crate::io;
use crate::model::Project;
use crate::report;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

/// Exit code for files that are invalid or cannot be read.
pub const EXIT_INVALID: i32 = 2;

/// pbsm workbench: develop social media strategies with the potential-based strategy model.
#[derive(Debug, Parser)]
#[command(name = "pbsm-workbench", version, about)]
pub struct Cli {
    /// A project file (.pbsm.ron) to open. Without one, the first sample case opens.
    pub file: Option<PathBuf>,
    /// A subcommand to run instead of opening the window.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Subcommands that run without a window.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Load and validate project files; print a summary line per valid file, the strategy
    /// check's gaps and the consistency findings.
    ///
    /// Exits with 0 when every file is valid (findings are warnings), with 2 when any is not
    /// (the reasons go to stderr).
    Check {
        /// The project files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print one JSON document instead: per file its validity and its findings (kind,
        /// severity, item, message, rule), for automation.
        #[arg(long)]
        json: bool,
    },
    /// Analyse the decision between the strategy alternatives: scores, ranks, Pareto, AHP,
    /// sensitivity and Monte Carlo robustness.
    ///
    /// Exits with 2 for a file that is invalid or cannot be read, like `check`. `analyze` is
    /// accepted too.
    #[command(alias = "analyze")]
    Analyse {
        /// The project file.
        file: PathBuf,
        /// Print one JSON object instead of a readable report.
        #[arg(long)]
        json: bool,
        /// Monte Carlo draws (default: the project's setting, normally 10,000).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::model::validate::MAX_DRAWS)))]
        draws: Option<u32>,
        /// Monte Carlo seed (default: the project's setting).
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Write the decision memo: one self-contained HTML file (charts embedded, prints on A4),
    /// or Markdown when the output ends in .md.
    ///
    /// Exits with 2 for a file that is invalid or cannot be read, like `check`.
    Report {
        /// The project file.
        file: PathBuf,
        /// Where to write the memo (.html or .md).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Serve a voting round to the participants' phones on the local network, without a
    /// window: prints the join link, its QR code, the join code and the facilitator's link.
    ///
    /// Ctrl+C, `kill` or the facilitator's Close ends the round and writes the answers into
    /// FILE. Every answer is journaled in the recovery folder as it arrives: run the same
    /// command again after a crash and the round resumes with its answers.
    Room {
        /// The project file.
        file: PathBuf,
        /// The voting round's id (default: the latest round by date).
        #[arg(long)]
        round: Option<u32>,
        /// The address to listen on (default: this machine's address on the local network,
        /// else 127.0.0.1).
        #[arg(long)]
        bind: Option<std::net::IpAddr>,
        /// The port (default: any free port, printed).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
}

/// A one-line summary of a valid project.
pub fn summary_line(project: &Project) -> String {
    format!(
        "\"{}\": {} modules, {} options, {} alternatives, {} competitors, {} KPIs, {} assumptions",
        project.name,
        project.foundation.modules.len(),
        project.options.len(),
        project.alternatives.len(),
        project.competition.competitors.len(),
        project.management.kpis.len(),
        project.management.assumptions.len(),
    )
}

/// Exit code when the output could not be written (a closed pipe, a full disk) and nothing
/// else went wrong.
pub const EXIT_OUTPUT: i32 = 1;

/// Lines written to stdout or stderr, remembering whether any write failed. A closed output
/// is no reason to stop checking the next file; the exit code tells at the end.
struct Lines<'a> {
    writer: &'a mut dyn Write,
    failed: bool,
}

impl<'a> Lines<'a> {
    fn new(writer: &'a mut dyn Write) -> Self {
        Self {
            writer,
            failed: false,
        }
    }

    fn say(&mut self, line: std::fmt::Arguments<'_>) {
        if !self.failed && writeln!(self.writer, "{line}").is_err() {
            self.failed = true;
        }
    }
}

/// The exit code: the command's own, else [`EXIT_OUTPUT`] if a line could not be written.
fn exit_code(code: i32, streams: &[&Lines<'_>]) -> i32 {
    if code == 0 && streams.iter().any(|s| s.failed) {
        EXIT_OUTPUT
    } else {
        code
    }
}

/// Runs `check`: writes summaries (or, with `json`, one JSON document) to `out` and problems to
/// `err`; returns the exit code.
pub fn check(files: &[PathBuf], json: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (mut out, mut err) = (Lines::new(out), Lines::new(err));
    let mut code = 0;
    let mut documents = Vec::new();
    let today = crate::model::Date::today();
    for file in files {
        match io::load(file) {
            Ok(project) => {
                let analysis = Analysis::of(&project);
                let findings = consistency::findings(&project, &analysis.evaluation, today);
                if json {
                    documents.push(report::check_json(
                        &file.display().to_string(),
                        &project,
                        &analysis,
                        &findings,
                        today,
                    ));
                    continue;
                }
                out.say(format_args!(
                    "{}: ok: {}",
                    file.display(),
                    summary_line(&project)
                ));
                // The strategy check's findings are warnings: the file is valid all the same.
                if let Some(c) = &analysis.check {
                    let name = project
                        .alternative(c.alternative)
                        .map_or("", |a| a.name.as_str());
                    out.say(format_args!(
                        "{}: strategy check of \"{name}\": {}/100",
                        file.display(),
                        c.score
                    ));
                    for gap in c.gaps() {
                        out.say(format_args!("{}: warning: {gap}", file.display()));
                    }
                }
                let messages = consistency::Messages::new(&project, today);
                for f in &findings {
                    out.say(format_args!(
                        "{}: {}: {}",
                        file.display(),
                        f.severity.label(),
                        messages.of(f)
                    ));
                }
            }
            Err(e) => {
                if json {
                    documents.push(report::invalid_json(
                        &file.display().to_string(),
                        &e.to_string(),
                    ));
                }
                err.say(format_args!("{e}"));
                code = EXIT_INVALID;
            }
        }
    }
    if json {
        out.say(format_args!("{}", serde_json::Value::Array(documents)));
    }
    exit_code(code, &[&out, &err])
}

/// Loads a project, or says on `err` why not (for the subcommands that need one).
fn load_or_report(file: &std::path::Path, err: &mut Lines<'_>) -> Option<Project> {
    match io::load(file) {
        Ok(project) => Some(project),
        Err(e) => {
            err.say(format_args!("{e}"));
            None
        }
    }
}

/// Runs `analyse`: writes the report to `out` or the problem to `err`; returns the exit code.
/// `draws` and `seed` override the project's Monte Carlo settings.
pub fn analyse(
    file: &std::path::Path,
    json: bool,
    draws: Option<u32>,
    seed: Option<u64>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (mut out, mut err) = (Lines::new(out), Lines::new(err));
    let Some(mut project) = load_or_report(file, &mut err) else {
        return EXIT_INVALID;
    };
    let settings = &mut project.decision;
    settings.draws = draws.unwrap_or(settings.draws);
    settings.seed = seed.unwrap_or(settings.seed);
    let analysis = Analysis::of(&project);
    let robustness = robustness::for_project(&project);
    let text = if json {
        match serde_json::to_string_pretty(&report::analysis_json(&analysis, &robustness)) {
            Ok(t) => t,
            Err(e) => {
                err.say(format_args!("cannot write the analysis as JSON: {e}"));
                return 1;
            }
        }
    } else {
        report::analysis_text(&project, &analysis, &robustness)
    };
    out.say(format_args!("{}", text.trim_end()));
    exit_code(0, &[&out, &err])
}

/// Runs `report`: writes the memo; returns the exit code.
pub fn report(
    file: &std::path::Path,
    output: &std::path::Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (mut out, mut err) = (Lines::new(out), Lines::new(err));
    let Some(project) = load_or_report(file, &mut err) else {
        return EXIT_INVALID;
    };
    let analysis = Analysis::of(&project);
    let robustness = robustness::for_project(&project);
    let today = crate::model::Date::today();
    match report::write(&project, &analysis, &robustness, output, today) {
        Ok(()) => {
            out.say(format_args!(
                "{}: decision memo written to {}",
                file.display(),
                output.display()
            ));
            exit_code(0, &[&out, &err])
        }
        Err(e) => {
            err.say(format_args!("{e}"));
            1
        }
    }
}

/// Runs a subcommand against the real stdout and stderr; returns the exit code.
pub fn run(command: &CliCommand) -> i32 {
    match command {
        CliCommand::Check { files, json } => check(
            files,
            *json,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        CliCommand::Analyse {
            file,
            json,
            draws,
            seed,
        } => analyse(
            file,
            *json,
            *draws,
            *seed,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        CliCommand::Report { file, output } => report(
            file,
            output,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        CliCommand::Room {
            file,
            round,
            bind,
            port,
        } => room::room(
            file,
            *round,
            *bind,
            *port,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An output that refuses every write, like a closed pipe.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn sample_file(dir: &std::path::Path) -> PathBuf {
        let path = dir.join("bakery.pbsm.ron");
        io::save(&io::SAMPLES[0].load().unwrap(), &path).unwrap();
        path
    }

    #[test]
    fn an_output_that_cannot_be_written_is_not_success() {
        let dir = tempfile::tempdir().unwrap();
        let file = sample_file(dir.path());
        let mut ok = Vec::new();
        assert_eq!(
            check(std::slice::from_ref(&file), false, &mut ok, &mut Closed),
            0
        );
        assert_eq!(
            check(
                std::slice::from_ref(&file),
                false,
                &mut Closed,
                &mut Vec::new()
            ),
            EXIT_OUTPUT
        );
        assert_eq!(
            analyse(&file, true, Some(10), None, &mut Closed, &mut Vec::new()),
            EXIT_OUTPUT
        );
        let memo = dir.path().join("memo.md");
        assert_eq!(
            report(&file, &memo, &mut Closed, &mut Vec::new()),
            EXIT_OUTPUT
        );
        assert!(memo.exists(), "the memo itself was written");
        // An invalid file keeps its own exit code, and the next files are still checked.
        let missing = dir.path().join("missing.pbsm.ron");
        let mut out = Vec::new();
        assert_eq!(
            check(&[missing, file], false, &mut out, &mut Closed),
            EXIT_INVALID
        );
        assert!(String::from_utf8(out).unwrap().contains(": ok: "));
    }
}
