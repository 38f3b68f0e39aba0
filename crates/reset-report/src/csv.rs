//! CSV: one row per document and grid, so that a batch of thousands of
//! documents loads in a spreadsheet. A document that could not be read gives
//! one row with its error and empty scores.
//!
//! The column names are stable identifiers (like the JSON keys) whatever the
//! language; the grid title column is in the language asked for. A text cell
//! that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) is
//! prefixed with `'`. `waived` counts the criteria of the grid set aside by
//! a waiver.

use reset_criteria::report::{DocumentKind, Report};
use reset_criteria::Lang;

/// The columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "source",
    "kind",
    "document_score",
    "document_grade",
    "grid",
    "grid_title",
    "score",
    "grade",
    "level_0",
    "level_1",
    "level_2",
    "level_3",
    "not_applicable",
    "waived",
    "error",
];

fn kind_id(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Spec => "spec",
        DocumentKind::Offer => "offer",
        DocumentKind::Product => "product",
    }
}

/// Defuses a text cell a spreadsheet would run as a formula.
fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn num(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.1}")).unwrap_or_default()
}

/// The header row, as CSV text (for writers that stream rows).
pub fn render_csv_header() -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CSV_COLUMNS);
    finish(w)
}

/// The rows of one document, without the header (for streaming batches).
pub fn render_csv_rows(doc: &reset_criteria::report::DocumentReport, lang: Lang) -> String {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    write_doc(&mut w, doc, lang);
    finish(w)
}

/// The whole report: the header, then one row per document and grid.
pub fn render_csv(report: &Report, lang: Lang) -> String {
    let mut out = render_csv_header();
    for doc in &report.documents {
        out.push_str(&render_csv_rows(doc, lang));
    }
    out
}

fn write_doc(
    w: &mut csv::Writer<Vec<u8>>,
    doc: &reset_criteria::report::DocumentReport,
    lang: Lang,
) {
    let kind = kind_id(doc.kind);
    if let Some(e) = &doc.error {
        // One line per error, whatever the message holds.
        let flat = cell(&e.lines().collect::<Vec<_>>().join(" | "));
        let _ = w.write_record([
            cell(&doc.source).as_str(),
            kind,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            flat.as_str(),
        ]);
        return;
    }
    let dscore = num(doc.score);
    let dgrade = doc.grade.clone().unwrap_or_default();
    let source = cell(&doc.source);
    for g in &doc.grids {
        let _ = w.write_record([
            source.as_str(),
            kind,
            &dscore,
            &dgrade,
            &cell(&g.id),
            &cell(g.title.get(lang)),
            &num(g.score),
            g.grade.as_deref().unwrap_or(""),
            &g.counts[0].to_string(),
            &g.counts[1].to_string(),
            &g.counts[2].to_string(),
            &g.counts[3].to_string(),
            &g.not_applicable.to_string(),
            &g.criteria
                .iter()
                .filter(|c| c.waived.is_some())
                .count()
                .to_string(),
            "",
        ]);
    }
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    match w.into_inner() {
        Ok(bytes) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    }
}
