//! `reset-check product FILE...`: assess product self-assessments (.toml,
//! .json) against the grids.
//!
//! Every file gets a result or its own errors: an invalid file prints all its
//! problems (JSON pointer, line, column) on stderr and never stops the batch;
//! the exit code says whether any was invalid (2) or fell below
//! `--fail-under` / `--fail-on` (1).

use super::spec::{check_subjects, gate_fails};
use super::{Ctx, RunOptions, Status};
use crate::batch;
use crate::cli::Format;
use crate::config::{apply_waivers, Date};
use anyhow::{bail, Result};
use reset_criteria::files::{read_text_limited, MAX_PRODUCT_FILE_BYTES};
use reset_criteria::product::{assess_product, ProductFile, ProductOptions, ProductValidator};
use reset_criteria::report::{DocumentKind, DocumentReport, Report};
use reset_criteria::{Catalog, Diagnostics, Lang, SourceFile};
use std::path::{Path, PathBuf};

/// Arguments of `product`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check init --subject web -o product.toml   write a template to fill in
  reset-check product product.toml
  reset-check product examples/products/ --format json -o products.json
  reset-check product product.toml --fail-under 60 --fail-on PRIV-01,INCL-01   a CI gate

An unanswered question counts as level 0, `not declared`, and is listed apart.
Level 3 (met and proven) needs evidence (url or file) in the product file.")]
pub struct Args {
    /// Product self-assessment files (.toml, .json) or folders of them
    #[arg(value_name = "FILE|DIR", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Procurement subjects, instead of those of the product file (web, mobile, software, hosting, hardware, ai)
    #[arg(long, value_delimiter = ',', value_name = "S,...")]
    pub subject: Vec<String>,

    /// Exit 1 when a product's overall score is below SCORE (0-100)
    #[arg(long, value_name = "SCORE")]
    pub fail_under: Option<f64>,

    /// Exit 1 when one of these criteria is below level 2 in a product
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub fail_on: Vec<String>,

    /// Only the summary row per grid in the table, not each criterion
    #[arg(long)]
    pub summary: bool,

    /// Worker threads (default: one per core)
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Most documents in one run (folders expanded) [default: 100000]
    #[arg(long, value_name = "N")]
    pub max_documents: Option<usize>,

    /// Follow symbolic links when walking folders (by default they are
    /// skipped, so a batch never leaves the folders given)
    #[arg(long)]
    pub follow: bool,
}

/// Why a product file could not be read.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all.
    Io(String),
    /// The file is invalid: every problem, with its place.
    Invalid(Diagnostics),
}

impl LoadError {
    /// Prints the problem on stderr.
    pub fn report(&self) {
        match self {
            LoadError::Io(e) => eprintln!("error: {e}"),
            LoadError::Invalid(d) => eprintln!("{d}"),
        }
    }

    /// The problem in a few lines (for `documents[].error`): `file:line:column: message` each.
    pub fn summary(&self) -> String {
        match self {
            LoadError::Io(e) => e.clone(),
            LoadError::Invalid(d) => {
                d.0.iter()
                    .map(|x| {
                        if x.line > 0 {
                            format!("{}:{}:{}: {}", x.file, x.line, x.column, x.message)
                        } else {
                            format!("{}: {}", x.file, x.message)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
    }
}

/// Reads and validates one product file.
pub fn load_product(
    path: &Path,
    validator: &ProductValidator,
    lang: Lang,
) -> std::result::Result<ProductFile, LoadError> {
    // A product file is a few kB: one over the limit (10 MB) is refused
    // by name, before and while it is read (a hostile 5 GB file, or
    // /dev/zero, would otherwise fill memory).
    let text = read_text_limited(path, MAX_PRODUCT_FILE_BYTES, "a product file")
        .map_err(|e| LoadError::Io(format!("cannot read `{}`: {e}", path.display())))?;
    validator
        .parse(&SourceFile::new(path.display().to_string(), text), lang)
        .map_err(LoadError::Invalid)
}

/// A validator of product files for the catalog in use, before `--only`:
/// a product file answers every grid, and `--only` narrows the assessment,
/// not what the file may say.
pub fn validator(ctx: &Ctx) -> Result<ProductValidator> {
    let full = match &ctx.grids_dir {
        Some(dir) => Catalog::load_dir(dir)?,
        None => Catalog::builtin().clone(),
    };
    Ok(ProductValidator::new(&full)?)
}

/// Checks `--fail-on` ids and `--fail-under` against the catalog.
pub fn check_gates(catalog: &Catalog, fail_on: &[String], fail_under: Option<f64>) -> Result<()> {
    for id in fail_on {
        if catalog.criterion(id).is_none() {
            let hint = reset_criteria::suggest::closest(id, catalog.criterion_ids())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            bail!("--fail-on: unknown criterion `{id}`{hint}");
        }
    }
    if let Some(s) = fail_under {
        if !(0.0..=100.0).contains(&s) {
            bail!("--fail-under takes a score between 0 and 100, not {s}");
        }
    }
    Ok(())
}

/// Runs `product`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("product", super::render::REPORT_FORMATS)?;
    let catalog = ctx.catalog()?;
    check_subjects(&catalog, &args.subject)?;
    let settings = ctx.settings(RunOptions {
        fail_under: args.fail_under,
        fail_on: args.fail_on.clone(),
        jobs: args.jobs,
        limits: Default::default(),
        max_documents: args.max_documents,
    });
    let (fail_under, fail_on) = (settings.fail_under.value, &settings.fail_on.value);
    check_gates(&catalog, fail_on, fail_under)?;
    let waivers = ctx.waivers()?;
    let inputs = batch::expand(
        &args.inputs,
        &["toml", "json"],
        settings.max_documents.value,
        args.follow,
    )?;
    if inputs.is_empty() {
        bail!("no product file (.toml, .json) found in the inputs given");
    }
    let validator = validator(ctx)?;
    let opts = ProductOptions {
        subjects: (!args.subject.is_empty()).then(|| args.subject.clone()),
        lang: ctx.lang,
    };
    let today = Date::today();
    let assess_one = |path: &Path| -> DocumentReport {
        match load_product(path, &validator, ctx.lang) {
            Ok(p) => {
                for w in p.version_warnings(&catalog, ctx.lang) {
                    eprintln!("warning: {w}");
                }
                let mut d = assess_product(&catalog, &p, &opts);
                apply_waivers(&mut d, &waivers, today);
                d
            }
            Err(e) => {
                // Every problem with its place now; the summary goes in the report.
                e.report();
                DocumentReport::failed(
                    path.display().to_string(),
                    DocumentKind::Product,
                    e.summary(),
                )
            }
        }
    };
    let streamed = ctx.format == Format::Jsonl && ctx.output.is_none();
    let runner = batch::Runner {
        jobs: settings.jobs.value,
        stream_jsonl: streamed,
    };
    let mut report = Report::new(catalog.version());
    report.documents = runner.run(&inputs, DocumentKind::Product, assess_one)?;
    if !streamed {
        let rendered = super::render::render_report(ctx, &report, &catalog, args.summary);
        ctx.emit(rendered.as_bytes())?;
    }
    let mut status = Status::Ok;
    if report.documents.iter().any(|d| d.error.is_some()) {
        // The problems were printed in full as each file was read.
        status = Status::Invalid;
    }
    if super::spec::expired_waivers(&waivers, today) && status == Status::Ok {
        status = Status::Failed;
    }
    if status == Status::Ok && gate_fails(&report, fail_under, fail_on) {
        status = Status::Failed;
    }
    Ok(status)
}
