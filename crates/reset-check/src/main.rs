//! `reset-check`: check public tender specifications and digital products
//! against the RESET grids (privacy, frugality, inclusivity,
//! non-discrimination, attention).
//!
//! Exit codes: 0 ok, 1 below `--fail-under` / `--fail-on` or an expired
//! waiver, 2 usage or input error (clap's usage errors exit 2 too).

mod batch;
mod cli;
mod cmd;
mod config;
mod office;

use clap::Parser;
use reset_criteria::{CatalogError, Diagnostics};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Usage errors exit 2 here; --help and --version exit 0.
    let cli = cli::Cli::parse();
    match cmd::dispatch(cli) {
        Ok(cmd::Status::Ok) => ExitCode::SUCCESS,
        Ok(cmd::Status::Failed) => ExitCode::from(1),
        Ok(cmd::Status::Invalid) => ExitCode::from(2),
        Err(e) => {
            report(&e);
            ExitCode::from(2)
        }
    }
}

/// Prints an error on stderr: file diagnostics as they are (rustc style),
/// anything else as `error: ...` with its causes.
fn report(e: &anyhow::Error) {
    let diags = e.downcast_ref::<Diagnostics>().or_else(|| {
        e.downcast_ref::<CatalogError>().and_then(|c| match c {
            CatalogError::Invalid(d) => Some(d),
            _ => None,
        })
    });
    match diags {
        Some(d) => eprintln!("{d}"),
        None => eprintln!("error: {e:#}"),
    }
}
