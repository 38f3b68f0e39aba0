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
    quiet_panics();
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

/// A panic is a bug of ours: it is said in one line, not with Rust's
/// backtrace hint (unless RUST_BACKTRACE is set, for developers). In a
/// batch the document it happened on gets it as its error and the others
/// go on (`batch::Runner`).
fn quiet_panics() {
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("error: internal error{at}: {what}; please report it");
    }));
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
