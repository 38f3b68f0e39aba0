//! # reset-report
//!
//! Renders reset-check assessments (the report model of `reset-criteria`)
//! for people and tools: a terminal table, JSON, and (as they land) JSON
//! lines, CSV, Markdown, HTML and SARIF. Every word a person reads comes in
//! French and English.

#![warn(missing_docs)]

pub mod diff;
pub mod i18n;
pub mod json;
pub mod r#match;
pub mod table;

pub use diff::{diff_reports, render_diff_json, render_diff_table, DiffReport};
pub use json::{render_json, render_jsonl_line};
pub use r#match::{render_match_json, render_match_table};
pub use table::{render_table, TableOptions};
