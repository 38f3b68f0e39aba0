//! JSON and JSON lines: the versioned contract of DESIGN.md.

use reset_criteria::report::{DocumentReport, Report};

/// The whole report as pretty JSON, with a final newline.
pub fn render_json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the report: {e}\"}}"));
    s.push('\n');
    s
}

/// One document as one JSON line (for `--format jsonl`, written as each finishes).
pub fn render_jsonl_line(doc: &DocumentReport) -> String {
    let mut s = serde_json::to_string(doc)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise: {e}\"}}"));
    s.push('\n');
    s
}
