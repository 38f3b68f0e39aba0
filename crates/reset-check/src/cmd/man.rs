//! `reset-check man`: the man page (roff), from the clap definitions.

use super::{Ctx, Status};
use crate::cli::Cli;
use anyhow::{Context as _, Result};
use clap::CommandFactory;
use std::path::PathBuf;

/// Arguments of `man`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check man | man -l -
  reset-check man > reset-check.1")]
pub struct Args {
    /// Write one page per subcommand into DIR (reset-check.1, reset-check-grids.1...)
    #[arg(long, value_name = "DIR", hide = true)]
    pub dir: Option<PathBuf>,
}

/// Runs `man`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    let cmd = Cli::command();
    if let Some(dir) = args.dir {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create `{}`", dir.display()))?;
        clap_mangen::generate_to(cmd, &dir)
            .with_context(|| format!("cannot write the man pages into `{}`", dir.display()))?;
        return Ok(Status::Ok);
    }
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut buf)?;
    ctx.emit(&buf)?;
    Ok(Status::Ok)
}
