//! The command line: `pbsm-workbench [FILE]` opens the window; subcommands work without one.

use crate::io;
use crate::model::Project;
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
    /// Load and validate project files; print a summary line per valid file.
    ///
    /// Exits with 0 when every file is valid, with 2 when any is not (the reasons go to stderr).
    Check {
        /// The project files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Analyse the decision between the strategy alternatives: scores, ranks, Pareto, AHP,
    /// sensitivity and Monte Carlo robustness.
    ///
    /// Exits with 2 for a file that is invalid or cannot be read, like `check`.
    Analyze {
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

/// Runs `check`: writes summaries to `out` and problems to `err`; returns the exit code.
pub fn check(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut code = 0;
    for file in files {
        // A closed stdout/stderr is no reason to stop checking; the exit code still tells.
        match io::load(file) {
            Ok(project) => {
                let _ = writeln!(out, "{}: ok: {}", file.display(), summary_line(&project));
                // The strategy check's findings are warnings: the file is valid all the same.
                if let Some(c) = crate::analysis::check::focus(&project)
                    .and_then(|id| crate::analysis::check::check(&project, id))
                {
                    let name = project
                        .alternative(c.alternative)
                        .map_or("", |a| a.name.as_str());
                    let _ = writeln!(
                        out,
                        "{}: strategy check of \"{name}\": {}/100",
                        file.display(),
                        c.score
                    );
                    for gap in c.gaps() {
                        let _ = writeln!(out, "{}: warning: {gap}", file.display());
                    }
                }
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                code = EXIT_INVALID;
            }
        }
    }
    code
}

/// Loads a project, or writes why not to `err` (for the subcommands that need one).
fn load_or_report(file: &std::path::Path, err: &mut dyn Write) -> Option<Project> {
    io::load(file)
        .map_err(|e| {
            let _ = writeln!(err, "{e}");
        })
        .ok()
}

/// Runs `analyze`: writes the report to `out` or the problem to `err`; returns the exit code.
pub fn analyze(
    file: &std::path::Path,
    json: bool,
    draws: Option<u32>,
    seed: Option<u64>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(project) = load_or_report(file, err) else {
        return EXIT_INVALID;
    };
    let analysis = crate::analysis::report::analyse(&project, draws, seed);
    let text = if json {
        match serde_json::to_string_pretty(&crate::analysis::report::to_json(&analysis)) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(err, "cannot write the analysis as JSON: {e}");
                return 1;
            }
        }
    } else {
        crate::analysis::report::to_text(&project, &analysis)
    };
    if writeln!(out, "{}", text.trim_end()).is_err() {
        return 1;
    }
    0
}

/// Runs `report`: writes the memo; returns the exit code.
pub fn report(
    file: &std::path::Path,
    output: &std::path::Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(project) = load_or_report(file, err) else {
        return EXIT_INVALID;
    };
    match io::report::write(&project, output, crate::model::Date::today()) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "{}: decision memo written to {}",
                file.display(),
                output.display()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// Runs a subcommand against the real stdout and stderr; returns the exit code.
pub fn run(command: &CliCommand) -> i32 {
    match command {
        CliCommand::Check { files } => check(
            files,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        CliCommand::Analyze {
            file,
            json,
            draws,
            seed,
        } => analyze(
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
    }
}
