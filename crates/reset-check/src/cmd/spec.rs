//! `reset-check spec FILE|DIR...`: assess tender texts (or, with `--as
//! offer`, vendors' offers) against the grids.
//!
//! Every input gets a result or an error of its own: a broken file never
//! stops the batch, and the exit code says whether any failed (2) or fell
//! below `--fail-under` / `--fail-on` (1).

use super::{Ctx, RunOptions, Status};
use crate::batch;
use crate::cli::{Format, LimitArgs};
use crate::config::{apply_waivers, Date, WaiverRule};
use anyhow::{bail, Result};
use reset_criteria::engine::{assess_document, SpecOptions};
use reset_criteria::report::{DocumentKind, DocumentReport, Report};
use reset_criteria::Catalog;
use std::path::{Path, PathBuf};

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

    /// Most documents in one run (folders expanded) [default: 100000]
    #[arg(long, value_name = "N")]
    pub max_documents: Option<usize>,

    /// Follow symbolic links when walking folders (by default they are
    /// skipped, so a batch never leaves the folders given)
    #[arg(long)]
    pub follow: bool,

    /// Only the summary row per grid in the table, not each criterion
    #[arg(long)]
    pub summary: bool,

    /// The extraction limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// `--as`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AsKind {
    /// A buyer's specification: reads obligation wording
    Spec,
    /// A vendor's offer (mémoire technique): reads commitment wording
    Offer,
}

/// Extensions read when a folder is given.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx", "odt", "pdf"];

/// Runs `spec`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("spec", super::render::REPORT_FORMATS)?;
    if ctx.uses_builtin_catalog() {
        // The automaton needs only the cue table embedded at compile time:
        // it builds on another core while the catalog and the documents
        // are read. The thread is left to finish, or to end with the run.
        std::thread::spawn(reset_criteria::engine::prepare_builtin);
    }
    let catalog = ctx.catalog()?;
    check_subjects(&catalog, &args.subject)?;
    let settings = ctx.settings(RunOptions {
        fail_under: args.fail_under,
        fail_on: args.fail_on.clone(),
        jobs: args.jobs,
        limits: args.limits.clone(),
        max_documents: args.max_documents,
    });
    let (fail_under, fail_on) = (settings.fail_under.value, &settings.fail_on.value);
    super::product::check_gates(&catalog, fail_on, fail_under)?;
    let waivers = ctx.waivers()?;
    let limits = settings.extract_limits();
    let opts = SpecOptions {
        kind: match args.as_kind {
            AsKind::Spec => DocumentKind::Spec,
            AsKind::Offer => DocumentKind::Offer,
        },
        subjects: (!args.subject.is_empty()).then(|| args.subject.clone()),
        max_evidence: args.max_evidence.max(1),
        threads: 0,
    };
    let inputs = if args.dossier {
        args.inputs.clone()
    } else {
        batch::expand(
            &args.inputs,
            EXTENSIONS,
            settings.max_documents.value,
            args.follow,
        )?
    };
    // Several documents already keep every core busy: one thread each.
    let opts = SpecOptions {
        threads: if inputs.len() > 1 { 1 } else { 0 },
        ..opts
    };
    if inputs.is_empty() {
        bail!(
            "no tender file found in the inputs given (looked for .{})",
            EXTENSIONS.join(", .")
        );
    }
    // The automaton is built once, on its own thread, while the first
    // documents are read; `assess_document` waits for it if it must.
    let catalog_ref = &catalog;
    let today = Date::today();
    let assess_one = |path: &Path| -> DocumentReport {
        let name = path.display().to_string();
        let doc = if args.dossier {
            reset_extract::extract_dossier(path, &limits)
        } else {
            reset_extract::extract_path(path, &limits)
        };
        match doc {
            Ok(doc) => {
                let mut d = assess_document(&catalog, &doc, &opts);
                apply_waivers(&mut d, &waivers, today);
                d
            }
            Err(e) => DocumentReport::failed(name, opts.kind, e.to_string()),
        }
    };
    // JSON lines go out as each document finishes, unless written to -o.
    let streamed = ctx.format == Format::Jsonl && ctx.output.is_none();
    let runner = batch::Runner {
        jobs: settings.jobs.value,
        stream_jsonl: streamed,
    };
    let documents = std::thread::scope(|scope| {
        scope.spawn(|| {
            let _ = catalog_ref.matcher();
        });
        runner.run(&inputs, opts.kind, assess_one)
    })?;

    let mut report = Report::new(catalog.version());
    report.documents = documents;
    if !streamed {
        let rendered = super::render::render_report(ctx, &report, &catalog, args.summary);
        ctx.emit(rendered.as_bytes())?;
    }
    Ok(finish(&report, fail_under, fail_on, &waivers, today))
}

/// The end of a run of `spec` or `product`: every document's error on
/// stderr, then the status: 2 if a document failed, else 1 if a gate failed
/// or a waiver expired, else 0.
pub fn finish(
    report: &Report,
    fail_under: Option<f64>,
    fail_on: &[String],
    waivers: &[WaiverRule],
    today: Date,
) -> Status {
    let mut status = Status::Ok;
    for d in &report.documents {
        if let Some(e) = &d.error {
            eprintln!("error: {e}");
            status = Status::Invalid;
        }
    }
    if expired_waivers(waivers, today) && status == Status::Ok {
        status = Status::Failed;
    }
    if status == Status::Ok && gate_fails(report, fail_under, fail_on) {
        status = Status::Failed;
    }
    status
}

/// Says each expired waiver on stderr; true if there is one.
pub fn expired_waivers(waivers: &[WaiverRule], today: Date) -> bool {
    let mut any = false;
    for w in waivers.iter().filter(|w| w.is_expired(today)) {
        eprintln!("error: {}", w.expired_message());
        any = true;
    }
    any
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

/// True when a document is below `--fail-under` or a `--fail-on` criterion
/// is below level 2 (a waived criterion does not count).
pub fn gate_fails(report: &Report, fail_under: Option<f64>, fail_on: &[String]) -> bool {
    report.documents.iter().any(|d| {
        let under = fail_under.is_some_and(|min| d.score.unwrap_or(0.0) < min);
        let weak = d.grids.iter().flat_map(|g| &g.criteria).any(|c| {
            fail_on.iter().any(|id| id.eq_ignore_ascii_case(&c.id))
                && c.applicable
                && c.level < 2
                && c.waived.is_none()
        });
        under || weak
    })
}
