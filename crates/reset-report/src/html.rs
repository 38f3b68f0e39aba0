//! HTML: one self-contained file (inline CSS and SVG, no script, no network)
//! to read on screen, print to A4 or attach to the procurement file.
//!
//! A header (date, catalog version, tool); per document its subjects and the
//! sentences that decided them, an SVG radar chart and a bar per grid with a
//! text alternative and the same values as a table; per grid the criteria
//! with level badges (words, not colour alone), the evidence quoted with its
//! place and, below level 2, the model clause to add; then the scoring
//! formula and a glossary of levels.
//!
//! Everything taken from a document or a grid file goes through
//! [`escape_html`]. The page is itself accessible: `lang`, landmarks,
//! headings in order, `<th scope>`, contrast of at least 4.5:1.

use crate::i18n::{clause_heading, place, status_label, t, waiver_text};
use crate::markdown::punct;
use crate::options::{fmt_score, ReportOptions};
use reset_criteria::report::{
    CriterionReport, DocumentKind, DocumentReport, GridReport, Report, Status,
};
use reset_criteria::{Catalog, Lang};
use std::fmt::Write as _;

/// Escapes text for HTML content and attribute values: `&`, `<`, `>`, `"`
/// and `'` become character references.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than whitespace are not allowed in HTML.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1a1a1a; --muted: #474747; --line: #b8c0c8; --head: #e8eef4; --accent: #0b4f8a; }
* { box-sizing: border-box; }
html { background: #fff; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  color: var(--ink); background: #fff; max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; line-height: 1.45; }
h1, h2, h3 { line-height: 1.2; color: #0a2a4a; }
h1 { font-size: 1.9rem; margin: .3rem 0; }
h2 { font-size: 1.45rem; margin: 1.6rem 0 .6rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.2rem; margin: 1.4rem 0 .5rem; }
.subtitle { color: var(--muted); margin: 0 0 .8rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
ul.reasons { margin: .2rem 0 .4rem; padding-left: 1.2rem; color: var(--muted); font-size: .92em; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th[scope=row] { font-weight: normal; }
table.criteria { table-layout: fixed; }
table.criteria th:first-child { width: 25%; }
table.criteria th:nth-child(2) { width: 9.5rem; }
table.criteria .badge { white-space: normal; }
table.criteria td, table.criteria th { overflow-wrap: anywhere; }
.cid { font-weight: 700; font-family: ui-monospace, "DejaVu Sans Mono", monospace; display: block; }
.badge { display: inline-block; padding: .1rem .45rem; border-radius: .3rem; font-weight: 700;
  white-space: nowrap; border: 1px solid transparent; }
.l3 { background: #1b5e20; color: #fff; }
.l2 { background: #0d47a1; color: #fff; }
.l1 { background: #fff3cd; color: #4d3900; border-color: #8a6d00; }
.l0 { background: #b71c1c; color: #fff; }
.na { background: #ececec; color: #262626; border-color: #9a9a9a; }
.grade { display: inline-block; min-width: 1.8em; text-align: center; font-weight: 700; border-radius: .3rem;
  padding: 0 .3rem; border: 1px solid #555; }
.gA, .gB { background: #e3f1e4; color: #123d15; }
.gC { background: #fff3cd; color: #4d3900; }
.gD, .gE { background: #fde4e4; color: #6b0f0f; }
blockquote { margin: .2rem 0; padding: .25rem .6rem; border-left: 4px solid #5d6d7e; background: #f4f6f8; }
blockquote p { margin: 0; }
.place { color: var(--muted); font-size: .9em; margin: .1rem 0 .5rem; }
.none { color: var(--muted); font-style: italic; margin: 0; }
.clause { border: 1px solid #8a6d00; background: #fffbea; padding: .4rem .6rem; margin-top: .4rem; }
.clause p { margin: .1rem 0; }
.waived { border: 1px dashed #474747; padding: .2rem .5rem; margin: 0 0 .4rem; }
.error { border: 2px solid #b71c1c; background: #fdecea; padding: .5rem .8rem; }
figure { margin: .5rem 0 1rem; }
figcaption { font-weight: 600; margin-top: .3rem; }
svg { max-width: 100%; height: auto; }
.grid, .method { break-before: page; page-break-before: always; }
.document + .document { break-before: page; page-break-before: always; }
footer { margin-top: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9em; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure { break-inside: avoid; page-break-inside: avoid; }
}
"#;

/// Renders a report as one self-contained HTML page.
pub fn render_html(report: &Report, catalog: &Catalog, opts: &ReportOptions) -> String {
    let lang = opts.lang;
    let mut out = String::with_capacity(64 * 1024);
    let title = match report.documents.as_slice() {
        [one] => format!("{} — {}", t(lang, "report.title"), one.source),
        _ => t(lang, "report.title").to_string(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{} {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.code(),
        escape_html(&report.tool.name),
        escape_html(&report.tool.version),
        escape_html(&title)
    );

    // Header.
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", t(lang, "report.title"));
    let _ = writeln!(
        out,
        "<p class=\"subtitle\">{}</p>",
        t(lang, "report.subtitle")
    );
    out.push_str("<dl class=\"meta\">\n");
    if let Some(d) = &opts.date {
        meta(&mut out, t(lang, "date"), &escape_html(d));
    }
    meta(
        &mut out,
        t(lang, "catalog"),
        &escape_html(&report.catalog.replace(',', ", ")),
    );
    meta(
        &mut out,
        t(lang, "tool"),
        &format!(
            "{} {}",
            escape_html(&report.tool.name),
            escape_html(&report.tool.version)
        ),
    );
    out.push_str("</dl>\n</header>\n<main>\n");

    if report.documents.len() > 1 {
        let _ = writeln!(
            out,
            "<nav aria-label=\"{}\">\n<ul>",
            escape_html(t(lang, "toc"))
        );
        for (i, doc) in report.documents.iter().enumerate() {
            let _ = writeln!(
                out,
                "<li><a href=\"#doc-{}\">{}</a> — {} {}</li>",
                i + 1,
                escape_html(&doc.source),
                fmt_score(doc.score),
                doc.grade.as_deref().unwrap_or("-")
            );
        }
        out.push_str("</ul>\n</nav>\n");
    }

    for (i, doc) in report.documents.iter().enumerate() {
        render_document(&mut out, i + 1, doc, catalog, lang);
    }
    render_method(&mut out, lang);
    let _ = writeln!(
        out,
        "</main>\n<footer>\n<p>{} {} {} — {}</p>\n</footer>\n</body>\n</html>",
        t(lang, "generated"),
        escape_html(&report.tool.name),
        escape_html(&report.tool.version),
        escape_html(&report.catalog)
    );
    out
}

fn meta(out: &mut String, term: &str, value_html: &str) {
    let _ = writeln!(out, "<dt>{}</dt><dd>{value_html}</dd>", escape_html(term));
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

fn grade_html(grade: Option<&str>) -> String {
    match grade {
        Some(g) => format!(
            "<span class=\"grade g{}\">{}</span>",
            escape_html(g),
            escape_html(g)
        ),
        None => "-".into(),
    }
}

fn render_document(
    out: &mut String,
    n: usize,
    doc: &DocumentReport,
    catalog: &Catalog,
    lang: Lang,
) {
    let (sep, _, lq, rq) = punct(lang);
    let id = format!("doc-{n}");
    let _ = writeln!(
        out,
        "<article class=\"document\" id=\"{id}\">\n<h2>{}{sep}{}</h2>",
        t(lang, "document"),
        escape_html(&doc.source)
    );
    out.push_str("<dl class=\"meta\">\n");
    meta(out, t(lang, "kind"), kind_label(doc.kind, lang));
    if let Some(e) = &doc.error {
        out.push_str("</dl>\n");
        let _ = writeln!(
            out,
            "<div class=\"error\" role=\"note\"><p><strong>{}</strong></p><p>{}</p></div>\n</article>",
            t(lang, "error.document"),
            escape_html(e).replace('\n', "<br>")
        );
        return;
    }
    if let Some(f) = &doc.format {
        meta(out, t(lang, "format"), &escape_html(f));
    }
    // Subjects and the sentences that decided them.
    let mut subjects = String::new();
    if doc.subjects.is_empty() {
        subjects.push_str(t(lang, "subject.none"));
    }
    let names: Vec<String> = doc
        .subjects
        .iter()
        .map(|s| escape_html(s.title.get(lang)))
        .collect();
    subjects.push_str(&names.join(", "));
    let _ = write!(
        subjects,
        " <span class=\"place\">({})</span>",
        escape_html(t(lang, &format!("subjects.{}", doc.subjects_source)))
    );
    let reasons: Vec<String> = doc
        .subjects
        .iter()
        .flat_map(|s| {
            s.evidence.iter().map(move |e| {
                format!(
                    "<li>{}{sep}{lq}{}{rq} <span class=\"where\">({})</span></li>",
                    escape_html(s.title.get(lang)),
                    escape_html(&e.text),
                    escape_html(&place(e))
                )
            })
        })
        .collect();
    if !reasons.is_empty() {
        let _ = write!(
            subjects,
            "<br>{}{sep}<ul class=\"reasons\">{}</ul>",
            t(lang, "subject.reasons"),
            reasons.join("")
        );
    }
    meta(out, t(lang, "subjects"), &subjects);
    let weakest = doc
        .weakest_grid
        .as_ref()
        .and_then(|w| doc.grids.iter().find(|g| &g.id == w))
        .map(|g| escape_html(g.title.get(lang)));
    meta(
        out,
        t(lang, "overall"),
        &format!(
            "<strong>{}</strong> / 100 — {} {}",
            fmt_score(doc.score),
            t(lang, "grade"),
            grade_html(doc.grade.as_deref())
        ),
    );
    if let Some(w) = weakest {
        meta(out, t(lang, "weakest"), &w);
    }
    out.push_str("</dl>\n");

    // Summary: the chart, then the same values as a table.
    let _ = writeln!(
        out,
        "<section class=\"summary\">\n<h3>{}</h3>",
        t(lang, "summary")
    );
    render_chart(out, &id, &doc.grids, lang);
    let _ = writeln!(
        out,
        "<table class=\"scores\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{} 3</th><th scope=\"col\">{} 2</th><th scope=\"col\">{} 1</th><th scope=\"col\">{} 0</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        t(lang, "summary.caption"),
        t(lang, "grid"),
        t(lang, "score"),
        t(lang, "grade"),
        t(lang, "level"),
        t(lang, "level"),
        t(lang, "level"),
        t(lang, "level"),
        t(lang, "na")
    );
    for g in &doc.grids {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape_html(g.title.get(lang)),
            fmt_score(g.score),
            grade_html(g.grade.as_deref()),
            g.counts[3],
            g.counts[2],
            g.counts[1],
            g.counts[0],
            g.not_applicable
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");

    for g in &doc.grids {
        render_grid(out, doc.kind, g, catalog, lang);
    }
    out.push_str("</article>\n");
}

fn render_grid(
    out: &mut String,
    kind: DocumentKind,
    g: &GridReport,
    catalog: &Catalog,
    lang: Lang,
) {
    let (sep, semi, _, _) = punct(lang);
    let _ = writeln!(
        out,
        "<section class=\"grid\">\n<h3>{} — {} {} / 100, {} {}</h3>",
        escape_html(g.title.get(lang)),
        t(lang, "score"),
        fmt_score(g.score),
        t(lang, "grade"),
        grade_html(g.grade.as_deref())
    );
    let applicable: Vec<&CriterionReport> = g.criteria.iter().filter(|c| c.applicable).collect();
    if !applicable.is_empty() {
        let _ = writeln!(
            out,
            "<table class=\"criteria\">\n<caption>{}{sep}{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            t(lang, "criteria.caption"),
            escape_html(g.title.get(lang)),
            t(lang, "criterion"),
            t(lang, "level"),
            t(lang, "evidence")
        );
        for c in applicable {
            render_criterion(out, kind, c, catalog, lang);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let na: Vec<String> = g
        .criteria
        .iter()
        .filter(|c| !c.applicable)
        .map(|c| format!("{} {}", escape_html(&c.id), escape_html(c.title.get(lang))))
        .collect();
    if !na.is_empty() {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong>{sep}{}</p>",
            t(lang, "not_applicable"),
            na.join(semi)
        );
    }
    out.push_str("</section>\n");
}

fn badge(kind: DocumentKind, c: &CriterionReport, lang: Lang) -> String {
    let class = match c.status {
        Status::NotApplicable => "na".to_string(),
        _ => format!("l{}", c.level.min(3)),
    };
    format!(
        "<span class=\"badge {class}\">{} · {}</span>",
        c.level,
        escape_html(status_label(kind, c.status, lang))
    )
}

fn render_criterion(
    out: &mut String,
    kind: DocumentKind,
    c: &CriterionReport,
    catalog: &Catalog,
    lang: Lang,
) {
    let (sep, semi, lq, rq) = punct(lang);
    let _ = write!(
        out,
        "<tr><th scope=\"row\"><span class=\"cid\">{}</span>{}</th><td>{}</td><td>",
        escape_html(&c.id),
        escape_html(c.title.get(lang)),
        badge(kind, c, lang)
    );
    if let Some(w) = &c.waived {
        let _ = write!(
            out,
            "<p class=\"waived\"><strong>{}</strong></p>",
            escape_html(&waiver_text(w, lang))
        );
    }
    if c.evidence.is_empty() {
        let _ = write!(out, "<p class=\"none\">{}</p>", t(lang, "no_evidence"));
    }
    for e in &c.evidence {
        let mut where_ = escape_html(&place(e));
        if !e.section.is_empty() {
            let _ = write!(
                where_,
                "{semi}{}{sep}{}",
                t(lang, "section"),
                escape_html(&e.section.join(" › "))
            );
        }
        if let Some(f) = &e.firmness {
            let _ = write!(
                where_,
                "{semi}{}{sep}{lq}{}{rq}",
                t(lang, "firmness.word"),
                escape_html(f)
            );
        }
        let _ = write!(
            out,
            "<blockquote><p>{}</p></blockquote><p class=\"place\">{where_}</p>",
            escape_html(&e.text)
        );
    }
    if c.level < 2 {
        if let Some((_, crit)) = catalog.criterion(&c.id) {
            let refs = if crit.references.is_empty() {
                String::new()
            } else {
                format!(
                    " <span class=\"refs\">({}{sep}{})</span>",
                    t(lang, "references"),
                    escape_html(&crit.references.join(", "))
                )
            };
            let _ = write!(
                out,
                "<div class=\"clause\"><p><strong>{}</strong>{refs}</p><p>{}</p></div>",
                clause_heading(kind, lang),
                escape_html(crit.clause.get(lang))
            );
        }
    }
    out.push_str("</td></tr>\n");
}

/// The radar chart of the grid scores and a bar per grid, in one SVG with a
/// title and a description (the table that follows gives the values).
fn render_chart(out: &mut String, id: &str, grids: &[GridReport], lang: Lang) {
    let (w, h) = (800.0_f64, 300.0_f64);
    let (cx, cy, r) = (235.0_f64, 160.0_f64, 105.0_f64);
    let n = grids.len().max(1);
    let title = t(lang, "chart.title");
    let values: Vec<String> = grids
        .iter()
        .map(|g| format!("{} {}", g.title.get(lang), fmt_score(g.score)))
        .collect();
    let desc = format!("{} {}.", t(lang, "chart.desc"), values.join(", "));
    let _ = writeln!(
        out,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-chart-title {id}-chart-desc\">\n\
         <title id=\"{id}-chart-title\">{}</title>\n<desc id=\"{id}-chart-desc\">{}</desc>",
        escape_html(title),
        escape_html(&desc)
    );
    let point = |i: usize, v: f64| -> (f64, f64) {
        let a = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
        (cx + r * v * a.cos(), cy + r * v * a.sin())
    };
    let poly = |v: &dyn Fn(usize) -> f64| -> String {
        (0..n)
            .map(|i| {
                let (x, y) = point(i, v(i));
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Rings at 25, 50, 75 and 100.
    for k in 1..=4 {
        let f = f64::from(k) / 4.0;
        let _ = writeln!(
            out,
            "<polygon points=\"{}\" fill=\"none\" stroke=\"#b8c0c8\" stroke-width=\"1\"/>",
            poly(&|_| f)
        );
    }
    for (i, g) in grids.iter().enumerate() {
        let (x, y) = point(i, 1.0);
        let _ = writeln!(
            out,
            "<line x1=\"{cx}\" y1=\"{cy}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#b8c0c8\" stroke-width=\"1\"/>"
        );
        let (lx, ly) = point(i, 1.14);
        let anchor = if (lx - cx).abs() < 8.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let _ = writeln!(
            out,
            "<text x=\"{lx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>",
            ly + 4.0,
            escape_html(g.title.get(lang))
        );
    }
    if !grids.is_empty() {
        let scores: Vec<f64> = grids
            .iter()
            .map(|g| g.score.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0)
            .collect();
        let _ = writeln!(
            out,
            "<polygon points=\"{}\" fill=\"#0b4f8a\" fill-opacity=\"0.25\" stroke=\"#0b4f8a\" stroke-width=\"2\"/>",
            poly(&|i| scores[i])
        );
        for (i, s) in scores.iter().enumerate() {
            let (x, y) = point(i, *s);
            let _ = writeln!(
                out,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"#0b4f8a\"/>"
            );
        }
    }
    // Bars.
    let (bx, bw) = (630.0_f64, 110.0_f64);
    let row = if grids.is_empty() {
        40.0
    } else {
        (260.0 / grids.len() as f64).min(48.0)
    };
    let top = 40.0;
    for (i, g) in grids.iter().enumerate() {
        let y = top + row * i as f64;
        let s = g.score.unwrap_or(0.0).clamp(0.0, 100.0);
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>\n\
             <rect x=\"{bx}\" y=\"{:.1}\" width=\"{bw}\" height=\"14\" fill=\"#eef2f6\" stroke=\"#8a96a3\"/>\n\
             <rect x=\"{bx}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" fill=\"#0b4f8a\"/>\n\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#1a1a1a\">{} {}</text>",
            bx - 8.0,
            y + 11.0,
            escape_html(g.title.get(lang)),
            y,
            y,
            bw * s / 100.0,
            bx + bw + 6.0,
            y + 11.0,
            fmt_score(g.score),
            escape_html(g.grade.as_deref().unwrap_or("-"))
        );
    }
    let _ = writeln!(
        out,
        "</svg>\n<figcaption>{}</figcaption>\n</figure>",
        escape_html(title)
    );
}

fn render_method(out: &mut String, lang: Lang) {
    let _ = writeln!(
        out,
        "<section class=\"method\">\n<h2>{}</h2>\n<p>{}</p>\n<h3>{}</h3>",
        t(lang, "method"),
        escape_html(t(lang, "formula")),
        t(lang, "glossary")
    );
    let _ = writeln!(
        out,
        "<table class=\"glossary\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        t(lang, "glossary"),
        t(lang, "level"),
        t(lang, "level.tender"),
        t(lang, "level.product")
    );
    for l in 0..=3u8 {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><span class=\"badge l{l}\">{l}</span></th><td>{}</td><td>{}</td></tr>",
            escape_html(t(lang, &format!("level.{l}.tender"))),
            escape_html(t(lang, &format!("level.{l}.product")))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_markup_quotes_and_ampersands() {
        assert_eq!(
            escape_html(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape_html("a\u{0}b"), "a\u{FFFD}b");
    }
}
