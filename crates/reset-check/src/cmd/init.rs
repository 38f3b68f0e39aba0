//! `reset-check init`: write a commented product self-assessment template
//! (TOML) with every question that applies to the subjects, its unit, its
//! allowed values and what each level needs. Never overwrites a file without
//! `--force`.

use super::spec::check_subjects;
use super::{Ctx, Status};
use crate::cli::Format;
use anyhow::{bail, Context as _, Result};
use reset_criteria::product::product_template;
use std::path::PathBuf;

/// The file written when no `-o` is given.
pub const DEFAULT_FILE: &str = "reset-product.toml";

/// Arguments of `init`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Writes reset-product.toml unless -o FILE is given (-o - writes to stdout).
As written the template is valid: every answer is commented out, so every
question counts as not declared until you answer it.

Examples:
  reset-check init --subject web                    a website's questions
  reset-check init --subject web,ai --lang fr -o produit.toml
  reset-check init -o product.toml --force          overwrite an existing file
  reset-check validate product.toml && reset-check product product.toml")]
pub struct Args {
    /// Procurement subjects whose questions to include (web, mobile, software, hosting, hardware, ai); default: all
    #[arg(long, value_delimiter = ',', value_name = "S,...")]
    pub subject: Vec<String>,

    /// Name of the product, written in `[product]`
    #[arg(long, default_value = "My product", value_name = "NAME")]
    pub name: String,

    /// Overwrite the output file if it exists
    #[arg(long)]
    pub force: bool,
}

/// Runs `init`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("init", &[Format::Table])?;
    let catalog = ctx.catalog()?;
    check_subjects(&catalog, &args.subject)?;
    let text = product_template(&catalog, &args.subject, &args.name, ctx.lang);
    let path = ctx
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_FILE));
    if path.as_os_str() == "-" {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        return Ok(Status::Ok);
    }
    if path.exists() && !args.force {
        bail!(
            "`{}` already exists; reset-check init never overwrites a file: add --force to replace it, or choose another name with -o FILE",
            path.display()
        );
    }
    if ctx.output.is_some() {
        ctx.emit(text.as_bytes())?;
    } else {
        // Written whole or not at all, like -o.
        let tmp = PathBuf::from(format!(".{DEFAULT_FILE}.{}.tmp", std::process::id()));
        let result = std::fs::write(&tmp, &text).and_then(|_| std::fs::rename(&tmp, &path));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    eprintln!("{} {}", ctx.lang.pick("écrit :", "wrote"), path.display());
    Ok(Status::Ok)
}
