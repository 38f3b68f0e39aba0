//! `reset-check match SPEC PRODUCT`: does this product meet what this tender
//! requires? For every criterion the tender requires (level 2 or 3), the
//! tender's sentence and line against the product's answer and evidence, a
//! verdict, and the compliance rate.

use super::product::{load_product, validator};
use super::spec::check_subjects;
use super::{Ctx, RunOptions, Status};
use crate::cli::{Format, LimitArgs};
use anyhow::{anyhow, Result};
use reset_criteria::engine::{assess_document, SpecOptions};
use reset_criteria::product::{assess_product, match_product, ProductOptions};
use std::path::PathBuf;

/// Arguments of `match`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
A requirement is met when the product reaches level 2 (declared) or 3
(proven, with evidence). Compliance = met / (met + not met + not declared);
requirements that do not apply to the product are left out.

Examples:
  reset-check match cctp.docx offer-product.toml
  reset-check match cctp.md product.json --format json -o match.json")]
pub struct Args {
    /// The tender (.txt .md .html .docx .odt .pdf)
    #[arg(value_name = "SPEC")]
    pub spec: PathBuf,

    /// The product self-assessment (.toml, .json)
    #[arg(value_name = "PRODUCT")]
    pub product: PathBuf,

    /// Procurement subjects of the tender, instead of detecting them
    #[arg(long, value_delimiter = ',', value_name = "S,...")]
    pub subject: Vec<String>,

    /// The extraction limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Runs `match`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("match", &[Format::Table, Format::Json, Format::Md])?;
    let catalog = ctx.catalog()?;
    check_subjects(&catalog, &args.subject)?;
    let validator = validator(ctx)?;
    let product = match load_product(&args.product, &validator, ctx.lang) {
        Ok(p) => p,
        Err(e) => {
            e.report();
            return Ok(Status::Invalid);
        }
    };
    for w in product.version_warnings(&catalog, ctx.lang) {
        eprintln!("warning: {w}");
    }
    let limits = ctx
        .settings(RunOptions {
            limits: args.limits.clone(),
            ..RunOptions::default()
        })
        .extract_limits();
    let doc = reset_extract::extract_path(&args.spec, &limits)
        .map_err(|e| anyhow!("cannot read the tender: {e}"))?;
    let spec = assess_document(
        &catalog,
        &doc,
        &SpecOptions {
            subjects: (!args.subject.is_empty()).then(|| args.subject.clone()),
            ..SpecOptions::default()
        },
    );
    let product = assess_product(
        &catalog,
        &product,
        &ProductOptions {
            subjects: None,
            lang: ctx.lang,
        },
    );
    let report = match_product(&spec, &product);
    let rendered = match ctx.format {
        Format::Json => reset_report::render_match_json(&report),
        Format::Md => reset_report::render_match_markdown(&report, ctx.lang),
        _ => reset_report::render_match_table(
            &report,
            &reset_report::TableOptions {
                lang: ctx.lang,
                color: ctx.color,
                width: None,
                details: true,
            },
        ),
    };
    ctx.emit(rendered.as_bytes())?;
    Ok(Status::Ok)
}
