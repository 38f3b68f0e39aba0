//! `reset-check clauses SPEC`: the model clauses to paste into a tender, for
//! every applicable criterion it leaves below level 2 (required), grouped by
//! grid and numbered, with their references and why each is proposed.
//!
//! Markdown by default (`--format md` or `table`), a structured list with
//! `--format json`, and a real Word (`docx`) or OpenDocument (`odt`) file
//! with `-o FILE`.

use super::{Ctx, RunOptions, Status};
use crate::cli::{Format, LimitArgs};
use crate::config::{apply_waivers, Date};
use crate::office::{self, Block};
use anyhow::{bail, Result};
use reset_criteria::engine::{assess_document, SpecOptions};
use reset_criteria::report::{DocumentKind, DocumentReport, Evidence};
use reset_criteria::{Catalog, Lang};
use serde::Serialize;
use std::path::PathBuf;

/// Arguments of `clauses`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check clauses cctp.docx                          Markdown, in the language of --lang
  reset-check clauses cctp.docx --lang fr -o clauses.md
  reset-check clauses cctp.docx --format docx -o clauses.docx   a Word file to open and paste from
  reset-check clauses cctp.odt --format odt -o clauses.odt
  reset-check clauses cctp.md --format json              the list, for other tools
  reset-check clauses --dossier dce/                     a whole DCE as one tender

A clause is proposed for each applicable criterion below level 2 (absent, or only
mentioned). Waived criteria (reset-check.toml) are listed apart, not proposed.")]
pub struct Args {
    /// The tender (.txt .md .html .docx .odt .pdf), or with --dossier a folder or .zip
    #[arg(value_name = "SPEC")]
    pub input: PathBuf,

    /// Read the input (a folder or a .zip) as one tender made of several documents (a DCE)
    #[arg(long)]
    pub dossier: bool,

    /// Procurement subjects, instead of detecting them (web, mobile, software, hosting, hardware, ai)
    #[arg(long, value_delimiter = ',', value_name = "S,...")]
    pub subject: Vec<String>,

    /// The extraction limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The clauses proposed for one tender.
#[derive(Debug, Serialize)]
pub struct Clauses {
    /// The tender, as named.
    pub source: String,
    /// The grids used (`id@version`).
    pub catalog: String,
    /// Language of the titles and clauses.
    pub lang: &'static str,
    /// The tender's overall score.
    pub score: Option<f64>,
    /// Number of clauses proposed.
    pub count: usize,
    /// Per grid with at least one clause, in catalog order.
    pub grids: Vec<GridClauses>,
    /// Criteria below level 2 that a waiver sets aside: not proposed.
    pub waived: Vec<WaivedCriterion>,
}

/// The clauses of one grid.
#[derive(Debug, Serialize)]
pub struct GridClauses {
    /// Its number in the list (`1`, `2`...).
    pub number: String,
    /// Grid id.
    pub id: String,
    /// Grid title.
    pub title: String,
    /// The clauses.
    pub clauses: Vec<Clause>,
}

/// One model clause.
#[derive(Debug, Serialize)]
pub struct Clause {
    /// Its number (`1.1`, `1.2`...).
    pub number: String,
    /// The criterion id.
    pub criterion: String,
    /// The criterion's title.
    pub title: String,
    /// The text to paste into the tender.
    pub clause: String,
    /// Public standards and laws it rests on.
    pub references: Vec<String>,
    /// The tender's current level (0 or 1).
    pub level: u8,
    /// `absent` or `mentioned`.
    pub status: String,
    /// Why the level is what it is, in words.
    pub reason: String,
    /// The best sentence found, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceRef>,
}

/// The sentence behind a level.
#[derive(Debug, Serialize)]
pub struct EvidenceRef {
    /// Where (`12:5`, `§ 42`, `p. 3, l. 7`), with the file inside a dossier.
    pub location: String,
    /// The sentence.
    pub text: String,
    /// The qualification steps.
    pub reasons: Vec<String>,
}

/// A criterion left out because it is waived.
#[derive(Debug, Serialize)]
pub struct WaivedCriterion {
    /// Criterion id.
    pub criterion: String,
    /// The reason of the waiver.
    pub reason: String,
    /// Its last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// Runs `clauses`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format(
        "clauses",
        &[
            Format::Table,
            Format::Md,
            Format::Json,
            Format::Docx,
            Format::Odt,
        ],
    )?;
    let binary = matches!(ctx.format, Format::Docx | Format::Odt);
    if binary && ctx.output.is_none() {
        bail!(
            "--format {0} writes a binary file: give -o FILE (e.g. -o clauses.{0})",
            ctx.format.name()
        );
    }
    let catalog = ctx.catalog()?;
    super::spec::check_subjects(&catalog, &args.subject)?;
    let waivers = ctx.waivers()?;
    let limits = ctx
        .settings(RunOptions {
            limits: args.limits.clone(),
            ..RunOptions::default()
        })
        .extract_limits();
    let doc = if args.dossier {
        reset_extract::extract_dossier(&args.input, &limits)
    } else {
        reset_extract::extract_path(&args.input, &limits)
    }?;
    let opts = SpecOptions {
        kind: DocumentKind::Spec,
        subjects: (!args.subject.is_empty()).then(|| args.subject.clone()),
        max_evidence: 1,
        threads: 0,
    };
    let today = Date::today();
    let mut report = assess_document(&catalog, &doc, &opts);
    apply_waivers(&mut report, &waivers, today);
    let clauses = collect(&catalog, &report, ctx.lang);
    let bytes = match ctx.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&clauses)?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Docx => office::docx(
            &title(&clauses, ctx.lang),
            &blocks(&clauses, ctx.lang),
            ctx.lang,
        )?,
        Format::Odt => office::odt(
            &title(&clauses, ctx.lang),
            &blocks(&clauses, ctx.lang),
            ctx.lang,
        )?,
        _ => markdown(&clauses, ctx.lang).into_bytes(),
    };
    ctx.emit(&bytes)?;
    Ok(if super::spec::expired_waivers(&waivers, today) {
        Status::Failed
    } else {
        Status::Ok
    })
}

/// The clauses for a report: applicable criteria below level 2, not waived.
pub fn collect(catalog: &Catalog, report: &DocumentReport, lang: Lang) -> Clauses {
    let mut grids = Vec::new();
    let mut waived = Vec::new();
    for g in &report.grids {
        let mut clauses = Vec::new();
        for c in g.criteria.iter().filter(|c| c.applicable && c.level < 2) {
            if let Some(w) = &c.waived {
                waived.push(WaivedCriterion {
                    criterion: c.id.clone(),
                    reason: w.reason.clone(),
                    expires: w.expires.clone(),
                });
                continue;
            }
            let Some((_, crit)) = catalog.criterion(&c.id) else {
                continue;
            };
            let ev = c.evidence.first();
            clauses.push(Clause {
                number: format!("{}.{}", grids.len() + 1, clauses.len() + 1),
                criterion: c.id.clone(),
                title: c.title.get(lang).to_string(),
                clause: crit.clause.get(lang).trim().to_string(),
                references: crit.references.clone(),
                level: c.level,
                status: if c.level == 1 { "mentioned" } else { "absent" }.into(),
                reason: reason(c.level, ev, lang),
                evidence: ev.map(|e| EvidenceRef {
                    location: match &e.file {
                        Some(f) => format!("{f}:{}", e.location),
                        None => e.location.clone(),
                    },
                    text: flat(&e.text),
                    reasons: e.reasons.clone(),
                }),
            });
        }
        if !clauses.is_empty() {
            grids.push(GridClauses {
                number: (grids.len() + 1).to_string(),
                id: g.id.clone(),
                title: g.title.get(lang).to_string(),
                clauses,
            });
        }
    }
    Clauses {
        source: report.source.clone(),
        catalog: catalog.version(),
        lang: lang.code(),
        score: report.score,
        count: grids.iter().map(|g| g.clauses.len()).sum(),
        grids,
        waived,
    }
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The current level in words, with the sentence when there is one.
fn reason(level: u8, ev: Option<&Evidence>, lang: Lang) -> String {
    let quote = |e: &Evidence| match lang {
        Lang::Fr => format!("{} : « {} »", e.location, flat(&e.text)),
        Lang::En => format!("{}: \u{201c}{}\u{201d}", e.location, flat(&e.text)),
    };
    match (level, ev) {
        (0, None) => lang
            .pick(
                "0, absent : aucune phrase du cahier des charges ne l'évoque",
                "0, absent: no sentence of the tender names it",
            )
            .to_string(),
        (0, Some(e)) => format!(
            "{} ({}) — {}",
            lang.pick(
                "0, absent : la phrase trouvée ne compte pas",
                "0, absent: the sentence found does not count"
            ),
            e.reasons.join("; "),
            quote(e)
        ),
        (_, Some(e)) => format!(
            "{} — {}",
            lang.pick(
                "1, seulement mentionné (souhait ou contexte, sans obligation)",
                "1, only mentioned (a wish or context, not binding)"
            ),
            quote(e)
        ),
        (_, None) => lang
            .pick("1, seulement mentionné", "1, only mentioned")
            .to_string(),
    }
}

fn title(c: &Clauses, lang: Lang) -> String {
    format!(
        "{} — {}",
        lang.pick("Clauses types à ajouter", "Model clauses to add"),
        c.source
    )
}

fn intro(c: &Clauses, lang: Lang) -> String {
    let score = c
        .score
        .map(|s| format!("{s:.1}/100"))
        .unwrap_or_else(|| "-".into());
    match lang {
        Lang::Fr => format!(
            "{} clause(s) pour les critères applicables que le cahier des charges n'exige pas (niveau inférieur à 2). Score actuel : {score}. Grilles : {}.",
            c.count,
            c.catalog.replace(',', ", ")
        ),
        Lang::En => format!(
            "{} clause(s) for the applicable criteria the tender does not require (below level 2). Current score: {score}. Grids: {}.",
            c.count,
            c.catalog.replace(',', ", ")
        ),
    }
}

fn references_line(cl: &Clause, lang: Lang) -> String {
    format!(
        "{}{}{}",
        lang.pick("Références", "References"),
        lang.pick(" : ", ": "),
        cl.references.join(lang.pick(" ; ", "; "))
    )
}

fn level_line(cl: &Clause, lang: Lang) -> String {
    format!(
        "{}{}{}",
        lang.pick("Niveau actuel", "Current level"),
        lang.pick(" : ", ": "),
        cl.reason
    )
}

fn waived_line(w: &WaivedCriterion, lang: Lang) -> String {
    let waiver = reset_criteria::report::Waiver {
        reason: w.reason.clone(),
        expires: w.expires.clone(),
    };
    format!(
        "{} — {}",
        w.criterion,
        reset_report::i18n::waiver_text(&waiver, lang)
    )
}

/// Escapes what Markdown would read as markup in text taken from a tender.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The clauses as Markdown, ready to paste.
pub fn markdown(c: &Clauses, lang: Lang) -> String {
    let mut s = format!("# {}\n\n{}\n", md_escape(&title(c, lang)), intro(c, lang));
    if c.count == 0 {
        s.push_str(&format!(
            "\n{}\n",
            lang.pick(
                "Le cahier des charges exige déjà tous les critères applicables : aucune clause à ajouter.",
                "The tender already requires every applicable criterion: no clause to add."
            )
        ));
    }
    for g in &c.grids {
        s.push_str(&format!("\n## {}. {}\n", g.number, g.title));
        for cl in &g.clauses {
            s.push_str(&format!(
                "\n### {} {} ({})\n\n{}\n\n*{}*  \n*{}*\n",
                cl.number,
                cl.title,
                cl.criterion,
                cl.clause,
                md_escape(&references_line(cl, lang)),
                md_escape(&level_line(cl, lang)),
            ));
        }
    }
    if !c.waived.is_empty() {
        s.push_str(&format!(
            "\n## {}\n\n",
            lang.pick(
                "Critères en dérogation (aucune clause proposée)",
                "Waived criteria (no clause proposed)"
            )
        ));
        for w in &c.waived {
            s.push_str(&format!("- {}\n", md_escape(&waived_line(w, lang))));
        }
    }
    s
}

/// The clauses as the paragraphs of a word-processing file.
pub fn blocks(c: &Clauses, lang: Lang) -> Vec<Block> {
    let mut b = vec![Block::Title(title(c, lang)), Block::Para(intro(c, lang))];
    for g in &c.grids {
        b.push(Block::Heading1(format!("{}. {}", g.number, g.title)));
        for cl in &g.clauses {
            b.push(Block::Heading2(format!(
                "{} {} ({})",
                cl.number, cl.title, cl.criterion
            )));
            b.push(Block::Para(cl.clause.clone()));
            b.push(Block::Note(references_line(cl, lang)));
            b.push(Block::Note(level_line(cl, lang)));
        }
    }
    if !c.waived.is_empty() {
        b.push(Block::Heading1(
            lang.pick(
                "Critères en dérogation (aucune clause proposée)",
                "Waived criteria (no clause proposed)",
            )
            .to_string(),
        ));
        for w in &c.waived {
            b.push(Block::Para(waived_line(w, lang)));
        }
    }
    b
}
