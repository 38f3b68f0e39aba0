//! `reset-check diff OLD NEW`: what changed between two assessments of the
//! same kind: two versions of a tender, two releases of a product, or two
//! JSON reports written by `--format json`.

use super::product::{load_product, validator};
use super::spec::check_subjects;
use super::{Ctx, RunOptions, Status};
use crate::cli::{Format, LimitArgs};
use anyhow::{anyhow, bail, Context as _, Result};
use reset_criteria::engine::{assess_document, SpecOptions};
use reset_criteria::product::{assess_product, ProductOptions, ProductValidator};
use reset_criteria::report::{DocumentKind, DocumentReport, Report};
use reset_criteria::Catalog;
use reset_extract::Limits;
use std::path::{Path, PathBuf};

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Each side is a tender (.txt .md .html .docx .odt .pdf), a product file
(.toml, .json), or a JSON report of one document (reset-check spec|product
--format json). Both sides must be of the same kind.

Gained: from level 0 to a level above; lost: the reverse; raised and lowered:
between levels above 0.

Examples:
  reset-check diff cctp-v1.docx cctp-v2.docx
  reset-check diff product-2024.toml product-2025.toml --format json
  reset-check diff before.json after.json")]
pub struct Args {
    /// The old version
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The new version
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// Procurement subjects, instead of detecting (tenders) or declaring them (products)
    #[arg(long, value_delimiter = ',', value_name = "S,...")]
    pub subject: Vec<String>,

    /// The extraction limits (for tenders; --max-input-size bounds a JSON report too).
    #[command(flatten)]
    pub limits: LimitArgs,
}

fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Spec => "tender",
        DocumentKind::Offer => "offer",
        DocumentKind::Product => "product",
    }
}

/// An assessment read from a path, or `None` when the file was invalid (already reported).
fn load(
    path: &Path,
    catalog: &Catalog,
    validator: &ProductValidator,
    subjects: &[String],
    limits: &Limits,
    ctx: &Ctx,
) -> Result<Option<DocumentReport>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let subjects = (!subjects.is_empty()).then(|| subjects.to_vec());
    let product = |path: &Path| -> Option<DocumentReport> {
        match load_product(path, validator, ctx.lang) {
            Ok(p) => Some(assess_product(
                catalog,
                &p,
                &ProductOptions {
                    subjects: subjects.clone(),
                    lang: ctx.lang,
                },
            )),
            Err(e) => {
                e.report();
                None
            }
        }
    };
    match ext.as_str() {
        "json" => {
            // A report or a product file: bounded like a tender text.
            let text = reset_criteria::files::read_text_limited(
                path,
                limits.max_input_bytes,
                "a JSON report",
            )
            .with_context(|| format!("cannot read `{}`", path.display()))?;
            let is_report = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .is_some_and(|v| v.get("schema_version").is_some() && v.get("documents").is_some());
            if !is_report {
                return Ok(product(path));
            }
            let report: Report = serde_json::from_str(&text).with_context(|| {
                format!(
                    "`{}` looks like a reset-check report but does not follow its schema (`reset-check schema report`)",
                    path.display()
                )
            })?;
            match report.documents.as_slice() {
                [doc] => {
                    if let Some(e) = &doc.error {
                        bail!(
                            "`{}`: its document `{}` could not be assessed: {e}",
                            path.display(),
                            doc.source
                        );
                    }
                    Ok(Some(doc.clone()))
                }
                docs => bail!(
                    "`{}` holds {} documents; diff compares one with one: write each report on its own",
                    path.display(),
                    docs.len()
                ),
            }
        }
        "toml" => Ok(product(path)),
        _ => {
            let doc = reset_extract::extract_path(path, limits)
                .map_err(|e| anyhow!("cannot read the tender: {e}"))?;
            Ok(Some(assess_document(
                catalog,
                &doc,
                &SpecOptions {
                    subjects,
                    ..SpecOptions::default()
                },
            )))
        }
    }
}

/// Runs `diff`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("diff", &[Format::Table, Format::Json, Format::Md])?;
    let catalog = ctx.catalog()?;
    check_subjects(&catalog, &args.subject)?;
    let validator = validator(ctx)?;
    let limits = ctx
        .settings(RunOptions {
            limits: args.limits.clone(),
            ..RunOptions::default()
        })
        .extract_limits();
    let old = load(&args.old, &catalog, &validator, &args.subject, &limits, ctx)?;
    let new = load(&args.new, &catalog, &validator, &args.subject, &limits, ctx)?;
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(Status::Invalid);
    };
    if old.kind != new.kind {
        bail!(
            "cannot compare a {} (`{}`) with a {} (`{}`): diff compares two assessments of the same kind",
            kind_name(old.kind),
            args.old.display(),
            kind_name(new.kind),
            args.new.display()
        );
    }
    let report = reset_report::diff_reports(&old, &new);
    let rendered = match ctx.format {
        Format::Json => reset_report::render_diff_json(&report),
        Format::Md => reset_report::render_diff_markdown(&report, ctx.lang),
        _ => reset_report::render_diff_table(
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
