//! `reset-check extract FILE`: the structured text the checker reads —
//! blocks with their kinds and positions — so that a user can see why a
//! sentence was or was not read.

use super::{Ctx, RunOptions, Status};
use crate::cli::{Format, LimitArgs};
use anyhow::Result;
use std::path::PathBuf;

/// Arguments of `extract`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check extract cctp.docx
  reset-check extract cctp.pdf --format json
  reset-check extract --dossier dce.zip      a DCE read as one tender")]
pub struct Args {
    /// The document (.txt .md .html .docx .odt .pdf), or a folder / .zip with --dossier
    #[arg(value_name = "FILE")]
    pub input: PathBuf,

    /// Read a folder or a .zip of several documents as one tender (a DCE)
    #[arg(long)]
    pub dossier: bool,

    /// The extraction limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Runs `extract`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("extract", &[Format::Table, Format::Json])?;
    let limits = ctx
        .settings(RunOptions {
            limits: args.limits.clone(),
            ..RunOptions::default()
        })
        .extract_limits();
    let doc = if args.dossier {
        reset_extract::extract_dossier(&args.input, &limits)?
    } else {
        reset_extract::extract_path(&args.input, &limits)?
    };
    // Written as it is rendered: a large document is not held a second
    // time as its JSON or its text.
    ctx.emit_with(|w| match ctx.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, &doc)?;
            w.write_all(b"\n")
        }
        _ => reset_extract::write_text(&doc, w),
    })?;
    Ok(Status::Ok)
}
