//! The one place where `spec` and `product` turn a report into the chosen
//! `--format`: table, json, jsonl, csv, md, html or sarif, in `--lang`.

use super::Ctx;
use crate::cli::Format;
use reset_criteria::report::Report;
use reset_criteria::Catalog;

/// The formats `spec` and `product` write.
pub const REPORT_FORMATS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Jsonl,
    Format::Csv,
    Format::Md,
    Format::Html,
    Format::Sarif,
];

/// Renders a whole report in the format and language of the context.
/// `summary` keeps only one row per grid in the table.
pub fn render_report(ctx: &Ctx, report: &Report, catalog: &Catalog, summary: bool) -> String {
    let opts = reset_report::ReportOptions::new(ctx.lang);
    match ctx.format {
        Format::Json => reset_report::render_json(report),
        Format::Jsonl => report
            .documents
            .iter()
            .map(reset_report::render_jsonl_line)
            .collect(),
        Format::Csv => reset_report::render_csv(report, ctx.lang),
        Format::Md => reset_report::render_markdown(report, catalog, &opts),
        Format::Html => reset_report::render_html(report, catalog, &opts),
        Format::Sarif => reset_report::render_sarif(report, catalog, ctx.lang),
        // docx and odt are refused before (not in REPORT_FORMATS).
        Format::Table | Format::Docx | Format::Odt => reset_report::render_table(
            report,
            &reset_report::TableOptions {
                lang: ctx.lang,
                color: ctx.color,
                width: None,
                details: !summary,
            },
        ),
    }
}
