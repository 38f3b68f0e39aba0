//! Markdown: a report to paste into a ticket, a wiki or the procurement
//! file. Headings, a summary table per document, then per grid the criteria
//! with their level, the evidence quoted with its place, and the model
//! clause for every applicable criterion below level 2.
//!
//! Text taken from a document is escaped so that it reads as text, never as
//! markup (`*`, `_`, `<`, `|`, backticks, links).

use crate::i18n::{clause_heading, place, status_label, t, waiver_text};
use crate::options::{fmt_score, ReportOptions};
use reset_criteria::report::{CriterionReport, DocumentKind, DocumentReport, Report};
use reset_criteria::{Catalog, Lang};
use std::fmt::Write as _;

/// Escapes text for Markdown: every character that could start markup is
/// backslash-escaped (CommonMark allows it before any ASCII punctuation),
/// and line breaks become spaces.
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
    // A leading `-`, `+` or `1.` would start a list.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    out
}

/// Renders every document of a report as Markdown.
pub fn render_markdown(report: &Report, catalog: &Catalog, opts: &ReportOptions) -> String {
    let lang = opts.lang;
    let (sep, _, _, _) = punct(lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", t(lang, "report.title"));
    let _ = writeln!(out, "{}\n", t(lang, "report.subtitle"));
    if let Some(d) = &opts.date {
        let _ = writeln!(out, "- {}{sep}{}", t(lang, "date"), escape_md(d));
    }
    let _ = writeln!(
        out,
        "- {}{sep}{}",
        t(lang, "catalog"),
        escape_md(&report.catalog)
    );
    let _ = writeln!(
        out,
        "- {}{sep}{} {}\n",
        t(lang, "tool"),
        escape_md(&report.tool.name),
        escape_md(&report.tool.version)
    );
    for doc in &report.documents {
        render_document(&mut out, doc, catalog, lang);
    }
    render_method(&mut out, lang);
    out
}

/// The punctuation of a language: colon, semicolon, opening and closing
/// quotes (French spaces its colons and uses guillemets).
pub(crate) fn punct(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    match lang {
        Lang::Fr => (" : ", " ; ", "« ", " »"),
        Lang::En => (": ", "; ", "“", "”"),
    }
}

fn kind_label(kind: DocumentKind, lang: Lang) -> &'static str {
    t(
        lang,
        match kind {
            DocumentKind::Spec => "kind.spec",
            DocumentKind::Offer => "kind.offer",
            DocumentKind::Product => "kind.product",
        },
    )
}

fn render_document(out: &mut String, doc: &DocumentReport, catalog: &Catalog, lang: Lang) {
    let (sep, semi, lq, rq) = punct(lang);
    let _ = writeln!(
        out,
        "## {}{sep}{}\n",
        t(lang, "document"),
        escape_md(&doc.source)
    );
    let _ = writeln!(
        out,
        "- {}{sep}{}",
        t(lang, "kind"),
        kind_label(doc.kind, lang)
    );
    if let Some(e) = &doc.error {
        let _ = writeln!(
            out,
            "- **{}**{sep}{}\n",
            t(lang, "error.document"),
            escape_md(e)
        );
        return;
    }
    if let Some(f) = &doc.format {
        let _ = writeln!(out, "- {}{sep}{}", t(lang, "format"), escape_md(f));
    }
    let names: Vec<String> = doc
        .subjects
        .iter()
        .map(|s| escape_md(s.title.get(lang)))
        .collect();
    let _ = writeln!(
        out,
        "- {}{sep}{} ({})",
        t(lang, "subjects"),
        if names.is_empty() {
            t(lang, "subject.none").to_string()
        } else {
            names.join(", ")
        },
        t(lang, &format!("subjects.{}", doc.subjects_source))
    );
    for s in &doc.subjects {
        for e in &s.evidence {
            let _ = writeln!(
                out,
                "  - {} — {lq}{}{rq} ({})",
                escape_md(s.title.get(lang)),
                escape_md(&e.text),
                escape_md(&place(e))
            );
        }
    }
    let weakest = doc
        .weakest_grid
        .as_ref()
        .and_then(|w| doc.grids.iter().find(|g| &g.id == w))
        .map(|g| {
            format!(
                "{semi}{}{sep}{}",
                t(lang, "weakest"),
                escape_md(g.title.get(lang))
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- {}{sep}**{}** ({} {}){weakest}\n",
        t(lang, "overall"),
        fmt_score(doc.score),
        t(lang, "grade"),
        doc.grade.as_deref().unwrap_or("-")
    );

    let _ = writeln!(out, "### {}\n", t(lang, "summary"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | 3 | 2 | 1 | 0 | {} |",
        t(lang, "grid"),
        t(lang, "score"),
        t(lang, "grade"),
        t(lang, "na")
    );
    let _ = writeln!(
        out,
        "| --- | ---: | :---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for g in &doc.grids {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            escape_md(g.title.get(lang)),
            fmt_score(g.score),
            g.grade.as_deref().unwrap_or("-"),
            g.counts[3],
            g.counts[2],
            g.counts[1],
            g.counts[0],
            g.not_applicable
        );
    }
    out.push('\n');

    for g in &doc.grids {
        let _ = writeln!(
            out,
            "### {} — {} {} ({})\n",
            escape_md(g.title.get(lang)),
            t(lang, "score"),
            fmt_score(g.score),
            g.grade.as_deref().unwrap_or("-")
        );
        for c in g.criteria.iter().filter(|c| c.applicable) {
            render_criterion(out, doc.kind, c, catalog, lang);
        }
        let na: Vec<String> = g
            .criteria
            .iter()
            .filter(|c| !c.applicable)
            .map(|c| escape_md(&c.id))
            .collect();
        if !na.is_empty() {
            let _ = writeln!(out, "{}{sep}{}\n", t(lang, "not_applicable"), na.join(", "));
        }
    }
}

fn render_criterion(
    out: &mut String,
    kind: DocumentKind,
    c: &CriterionReport,
    catalog: &Catalog,
    lang: Lang,
) {
    let (sep, semi, lq, rq) = punct(lang);
    let _ = writeln!(
        out,
        "- **{}** {} — {} {}{sep}**{}**",
        escape_md(&c.id),
        escape_md(c.title.get(lang)),
        t(lang, "level"),
        c.level,
        status_label(kind, c.status, lang)
    );
    if let Some(w) = &c.waived {
        let _ = writeln!(out, "  *{}*", escape_md(&waiver_text(w, lang)));
    }
    if c.evidence.is_empty() {
        out.push('\n');
    }
    for e in &c.evidence {
        let firm = e
            .firmness
            .as_ref()
            .map(|f| {
                format!(
                    "{semi}{}{sep}{lq}{}{rq}",
                    t(lang, "firmness.word"),
                    escape_md(f)
                )
            })
            .unwrap_or_default();
        let section = if e.section.is_empty() {
            String::new()
        } else {
            format!(
                "{semi}{}{sep}{}",
                t(lang, "section"),
                escape_md(&e.section.join(" › "))
            )
        };
        let _ = writeln!(
            out,
            "  > {} — *{}{section}{firm}*",
            escape_md(&e.text),
            escape_md(&place(e))
        );
        out.push('\n');
    }
    if c.level < 2 {
        if let Some((_, crit)) = catalog.criterion(&c.id) {
            let refs = if crit.references.is_empty() {
                String::new()
            } else {
                format!(
                    " ({}{sep}{})",
                    t(lang, "references"),
                    escape_md(&crit.references.join(", "))
                )
            };
            let _ = writeln!(
                out,
                "  {}{refs}{}\n",
                clause_heading(kind, lang),
                sep.trim_end()
            );
            let _ = writeln!(out, "  > {}\n", escape_md(crit.clause.get(lang)));
        }
    }
}

fn render_method(out: &mut String, lang: Lang) {
    let _ = writeln!(out, "## {}\n", t(lang, "method"));
    let _ = writeln!(out, "{}\n", t(lang, "formula"));
    let _ = writeln!(out, "### {}\n", t(lang, "glossary"));
    let _ = writeln!(
        out,
        "| {} | {} | {} |",
        t(lang, "level"),
        t(lang, "level.tender"),
        t(lang, "level.product")
    );
    let _ = writeln!(out, "| :---: | --- | --- |");
    for l in 0..=3 {
        let _ = writeln!(
            out,
            "| {l} | {} | {} |",
            t(lang, &format!("level.{l}.tender")),
            t(lang, &format!("level.{l}.product"))
        );
    }
}
