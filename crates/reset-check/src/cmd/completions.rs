//! `reset-check completions SHELL`: a shell completion script.

use super::{Ctx, Status};
use crate::cli::Cli;
use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check completions bash > ~/.local/share/bash-completion/completions/reset-check
  reset-check completions zsh > ~/.zfunc/_reset-check
  reset-check completions fish > ~/.config/fish/completions/reset-check.fish")]
pub struct Args {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// Runs `completions`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "reset-check", &mut buf);
    ctx.emit(&buf)?;
    Ok(Status::Ok)
}
