//! The command line: any arguments (split at NUL bytes, any bytes allowed as on Unix) parse or
//! give clap's error, never a panic; accepted draws are within the analysis' limits.
#![no_main]

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use pbsm::cli::{Cli, CliCommand};
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

fuzz_target!(|data: &[u8]| {
    let args = std::iter::once(OsString::from("pbsm-workbench")).chain(
        data.split(|b| *b == 0)
            .map(|a| OsString::from_vec(a.to_vec())),
    );
    if let Ok(cli) = Cli::try_parse_from(args)
        && let Some(CliCommand::Analyse {
            draws: Some(draws), ..
        }) = cli.command
    {
        assert!((1..=pbsm::model::validate::MAX_DRAWS).contains(&draws));
    }
});
