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
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                code = EXIT_INVALID;
            }
        }
    }
    code
}

/// Runs a subcommand against the real stdout and stderr; returns the exit code.
pub fn run(command: &CliCommand) -> i32 {
    match command {
        CliCommand::Check { files } => check(
            files,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
    }
}
