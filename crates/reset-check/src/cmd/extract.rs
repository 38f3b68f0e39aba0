//! `reset-check extract FILE`: the structured text the checker reads —
//! blocks with their kinds and positions — so that a user can see why a
//! sentence was or was not read.

use super::{Ctx, Status};
use crate::cli::Format;
use anyhow::Result;
use reset_extract::Limits;
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

    /// Largest input file, e.g. 100M, 1G
    #[arg(long, value_name = "SIZE", value_parser = super::spec::parse_size)]
    pub max_input_size: Option<u64>,
}

/// Runs `extract`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("extract", &[Format::Table, Format::Json])?;
    let mut limits = Limits::default();
    if let Some(m) = args.max_input_size {
        limits.max_input_bytes = m;
    }
    let doc = if args.dossier {
        reset_extract::extract_dossier(&args.input, &limits)?
    } else {
        reset_extract::extract_path(&args.input, &limits)?
    };
    let out = match ctx.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&doc)?;
            s.push('\n');
            s
        }
        _ => reset_extract::render_text(&doc),
    };
    ctx.emit(out.as_bytes())?;
    Ok(Status::Ok)
}
