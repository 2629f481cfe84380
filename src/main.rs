//! The `pbsm-workbench` binary: parses the command line, then runs a subcommand or opens the window.

use clap::Parser;
use pbsm::cli::{Cli, run};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        let code = run(command);
        return std::process::ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    match pbsm::app::run_native(cli.file) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pbsm-workbench: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
