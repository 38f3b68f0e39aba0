//! # reset-report
//!
//! Renders reset-check assessments (the report model of `reset-criteria`)
//! for people and tools: a terminal table, JSON and JSON lines, CSV (one row
//! per document and grid), Markdown, a self-contained HTML report (screen and
//! A4 print) and SARIF 2.1.0 for code-scanning tools. Every word a person
//! reads comes in French and English; renderers that print model clauses or
//! references take the [`reset_criteria::Catalog`] the report was made with.

#![warn(missing_docs)]

pub mod compare_md;
pub mod csv;
pub mod diff;
pub mod html;
pub mod i18n;
pub mod json;
pub mod markdown;
pub mod r#match;
pub mod options;
pub mod sarif;
pub mod table;

pub use crate::csv::{render_csv, render_csv_header, render_csv_rows};
pub use compare_md::{render_diff_markdown, render_match_markdown};
pub use diff::{diff_reports, render_diff_json, render_diff_table, DiffReport};
pub use html::{escape_html, render_html};
pub use json::{render_json, render_jsonl_line};
pub use markdown::render_markdown;
pub use options::ReportOptions;
pub use r#match::{render_match_json, render_match_table};
pub use sarif::render_sarif;
pub use table::{render_table, TableOptions};
