//! `reset-check spec FILE|DIR...`: assess tender texts (or, with `--as
//! offer`, vendors' offers) against the grids.
//!
//! Every input gets a result or an error of its own: a broken file never
//! stops the batch, and the exit code says whether any failed (2) or fell
//! below `--fail-under` / `--fail-on` (1).

use super::{Ctx, Status};
use crate::cli::Format;
use anyhow::{bail, Result};
use rayon::prelude::*;
use reset_criteria::engine::{assess_document, SpecOptions};
use reset_criteria::report::{DocumentKind, DocumentReport, Report};
use reset_criteria::Catalog;
use reset_extract::Limits;
use std::path::PathBuf;

/// Arguments of `spec`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check spec examples/cctp-site-communal.md
  reset-check spec cctp.docx --lang fr --format json -o report.json
  reset-check spec --dossier dce/                a folder (or .zip) of RC, CCAP, CCTP: one tender
  reset-check spec tenders/ --format jsonl       every document of a folder, one JSON line each
  reset-check spec offer.pdf --as offer          a vendor's technical offer (commitments)
  reset-check spec cctp.md --subject web,hosting --fail-under 60")]
pub struct Args {
    /// Tender files (.txt .md .html .docx .odt .pdf) or folders of them
    #[arg(value_name = "FILE|DIR", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Read each input (a folder or a .zip) as one tender made of several documents (a DCE)
    #[arg(long)]
    pub dossier: bool,

    /// What the texts are: a buyer's specification, or a vendor's offer
    #[arg(long = "as", value_enum, default_value_t = AsKind::Spec, value_name = "KIND")]
    pub as_kind: AsKind,

    /// Procurement subjects, instead of detecting them (web, mobile, software, hosting, hardware, ai)
    #[arg(long, value_delimiter = ',', value_name = "S,...")]
    pub subject: Vec<String>,

    /// Exit 1 when a document's overall score is below SCORE (0-100)
    #[arg(long, value_name = "SCORE")]
    pub fail_under: Option<f64>,

    /// Exit 1 when one of these criteria is below level 2 in a document
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub fail_on: Vec<String>,

    /// Evidence sentences kept per criterion
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub max_evidence: usize,

    /// Worker threads (default: one per core)
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Largest input file, e.g. 100M, 1G
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_input_size: Option<u64>,

    /// Only the summary row per grid in the table, not each criterion
    #[arg(long)]
    pub summary: bool,
}

/// `--as`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AsKind {
    /// A buyer's specification: reads obligation wording
    Spec,
    /// A vendor's offer (mémoire technique): reads commitment wording
    Offer,
}

/// Parses `100`, `100k`, `20M`, `1G` (powers of 1000... and of 1024 with `i`).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => {
            let unit = t[i..].to_ascii_lowercase();
            let m: u64 = match unit.as_str() {
                "b" => 1,
                "k" | "kb" => 1_000,
                "m" | "mb" => 1_000_000,
                "g" | "gb" => 1_000_000_000,
                "ki" | "kib" => 1 << 10,
                "mi" | "mib" => 1 << 20,
                "gi" | "gib" => 1 << 30,
                _ => return Err(format!("unknown size unit `{unit}`; use k, M or G")),
            };
            (&t[..i], m)
        }
        None => (t, 1),
    };
    let n: f64 = num
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size; write e.g. 100M or 1G"))?;
    if n < 0.0 {
        return Err("a size cannot be negative".into());
    }
    Ok((n * mult as f64) as u64)
}

/// Extensions read when a folder is given.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx", "odt", "pdf"];

/// The inputs of a batch: files as given, folders expanded (sorted, symlinks not followed).
fn expand(inputs: &[PathBuf], dossier: bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() && !dossier {
            let mut found = Vec::new();
            for e in walkdir::WalkDir::new(p)
                .follow_links(false)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                let path = e.path();
                if e.file_type().is_file()
                    && path
                        .extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
                {
                    found.push(path.to_path_buf());
                }
            }
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Runs `spec`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("spec", &[Format::Table, Format::Json, Format::Jsonl])?;
    let catalog = ctx.catalog()?;
    check_subjects(&catalog, &args.subject)?;
    for id in &args.fail_on {
        if catalog.criterion(id).is_none() {
            let hint = reset_criteria::suggest::closest(id, catalog.criterion_ids())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            bail!("--fail-on: unknown criterion `{id}`{hint}");
        }
    }
    if let Some(s) = args.fail_under {
        if !(0.0..=100.0).contains(&s) {
            bail!("--fail-under takes a score between 0 and 100, not {s}");
        }
    }
    let mut limits = Limits::default();
    if let Some(m) = args.max_input_size {
        limits.max_input_bytes = m;
    }
    let opts = SpecOptions {
        kind: match args.as_kind {
            AsKind::Spec => DocumentKind::Spec,
            AsKind::Offer => DocumentKind::Offer,
        },
        subjects: (!args.subject.is_empty()).then(|| args.subject.clone()),
        max_evidence: args.max_evidence.max(1),
    };
    let inputs = expand(&args.inputs, args.dossier);
    if inputs.is_empty() {
        bail!(
            "no tender file found in the inputs given (looked for .{})",
            EXTENSIONS.join(", .")
        );
    }
    // Build the automaton once, before the workers start.
    let _ = catalog.matcher();
    let assess_one = |path: &PathBuf| -> DocumentReport {
        let name = path.display().to_string();
        let doc = if args.dossier {
            reset_extract::extract_dossier(path, &limits)
        } else {
            reset_extract::extract_path(path, &limits)
        };
        match doc {
            Ok(doc) => assess_document(&catalog, &doc, &opts),
            Err(e) => DocumentReport::failed(name, opts.kind, e.to_string()),
        }
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let documents: Vec<DocumentReport> =
        pool.install(|| inputs.par_iter().map(assess_one).collect());

    let mut report = Report::new(catalog.version());
    report.documents = documents;
    let rendered = match ctx.format {
        Format::Json => reset_report::render_json(&report),
        Format::Jsonl => report
            .documents
            .iter()
            .map(reset_report::render_jsonl_line)
            .collect(),
        _ => reset_report::render_table(
            &report,
            &reset_report::TableOptions {
                lang: ctx.lang,
                color: ctx.color,
                width: None,
                details: !args.summary,
            },
        ),
    };
    ctx.emit(rendered.as_bytes())?;

    let mut status = Status::Ok;
    for d in &report.documents {
        if let Some(e) = &d.error {
            eprintln!("error: {e}");
            status = Status::Invalid;
        }
    }
    if status == Status::Ok && gate_fails(&report, args.fail_under, &args.fail_on) {
        status = Status::Failed;
    }
    Ok(status)
}

/// Rejects unknown `--subject` ids with a suggestion.
pub fn check_subjects(catalog: &Catalog, subjects: &[String]) -> Result<()> {
    let known: Vec<&str> = catalog.subjects().iter().map(|s| s.id.as_str()).collect();
    for s in subjects {
        if !known.contains(&s.as_str()) {
            let hint = reset_criteria::suggest::closest(s, known.iter().copied())
                .map(|h| format!("did you mean `{h}`? "))
                .unwrap_or_default();
            bail!(
                "--subject: unknown subject `{s}`; {hint}known subjects: {}",
                known.join(", ")
            );
        }
    }
    Ok(())
}

/// True when a document is below `--fail-under` or a `--fail-on` criterion is below level 2.
pub fn gate_fails(report: &Report, fail_under: Option<f64>, fail_on: &[String]) -> bool {
    report.documents.iter().any(|d| {
        let under = fail_under.is_some_and(|min| d.score.unwrap_or(0.0) < min);
        let weak = d.grids.iter().flat_map(|g| &g.criteria).any(|c| {
            fail_on.iter().any(|id| id.eq_ignore_ascii_case(&c.id)) && c.applicable && c.level < 2
        });
        under || weak
    })
}
