//! SARIF 2.1.0, for code-scanning tools (GitHub code scanning, GitLab, IDE
//! viewers): one result per applicable criterion below level 2, located at
//! the best evidence sentence of a tender (or line 1 when there is none) or
//! at the answer's line in a product file.
//!
//! Rules are the criteria met in the report, with their title, rationale and
//! model clause as help text. Level 0 is an `error`, level 1 a `warning`.
//! A waived criterion keeps its result, with an external suppression that
//! carries the waiver's reason. Documents that could not be read become error notifications of the
//! invocation, which is then marked unsuccessful.

use crate::i18n::{status_label, t};
use reset_criteria::report::{CriterionReport, DocumentReport, Report};
use reset_criteria::{Catalog, Lang};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The `$schema` written in the log.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Percent-encodes a path into a URI reference: relative paths stay relative,
/// absolute ones become `file://` URIs; `\` becomes `/`.
pub fn path_to_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if p.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

/// The file a criterion's location points at: the evidence's own file (a
/// document inside a dossier) or the document itself.
fn artifact(doc: &DocumentReport, c: &CriterionReport) -> String {
    match c.evidence.first().and_then(|e| e.file.as_ref()) {
        Some(f) if f == &doc.source || f.starts_with(&doc.source) => f.clone(),
        // A member of a dossier folder or archive.
        Some(f) => format!("{}/{f}", doc.source.trim_end_matches('/')),
        None => doc.source.clone(),
    }
}

fn rule(id: &str, catalog: &Catalog, c: &CriterionReport, lang: Lang) -> Value {
    let (sep, _, _, _) = crate::markdown::punct(lang);
    let title = c.title.get(lang).to_string();
    let mut props = Map::new();
    props.insert("weight".into(), json!(c.weight));
    let (full, help_text, help_md) = match catalog.criterion(id) {
        Some((grid, crit)) => {
            props.insert("tags".into(), json!(["reset", grid.id]));
            props.insert("grid".into(), json!(grid.id));
            if !crit.references.is_empty() {
                props.insert("references".into(), json!(crit.references));
            }
            let refs = if crit.references.is_empty() {
                String::new()
            } else {
                format!(
                    "\n\n{}{sep}{}",
                    t(lang, "references"),
                    crit.references.join(", ")
                )
            };
            let clause = crit.clause.get(lang);
            let rationale = crit.rationale.get(lang);
            (
                rationale.to_string(),
                format!(
                    "{rationale}\n\n{}{sep}{clause}{refs}",
                    t(lang, "clause.add")
                ),
                format!(
                    "{}\n\n**{}**{sep}\n\n> {}{}",
                    crate::markdown::escape_md(rationale),
                    t(lang, "clause.add"),
                    crate::markdown::escape_md(clause),
                    crate::markdown::escape_md(&refs)
                ),
            )
        }
        None => (
            title.clone(),
            title.clone(),
            crate::markdown::escape_md(&title),
        ),
    };
    json!({
        "id": id,
        "name": id.replace('-', ""),
        "shortDescription": { "text": title },
        "fullDescription": { "text": full },
        "help": { "text": help_text, "markdown": help_md },
        "defaultConfiguration": { "level": "error" },
        "properties": props,
    })
}

/// Renders a report as a SARIF 2.1.0 log (pretty JSON, final newline).
pub fn render_sarif(report: &Report, catalog: &Catalog, lang: Lang) -> String {
    let (sep, _, lq, rq) = crate::markdown::punct(lang);
    // Rules in id order, each once.
    let mut rules: BTreeMap<String, Value> = BTreeMap::new();
    let mut pending: Vec<(String, Value)> = Vec::new();
    let mut notifications = Vec::new();
    for doc in &report.documents {
        if let Some(e) = &doc.error {
            notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{}{sep}{e}", t(lang, "error.document")) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": path_to_uri(&doc.source) } } }],
            }));
            continue;
        }
        for g in &doc.grids {
            for c in g.criteria.iter().filter(|c| c.applicable && c.level < 2) {
                rules
                    .entry(c.id.clone())
                    .or_insert_with(|| rule(&c.id, catalog, c, lang));
                let best = c.evidence.first();
                let line = best.map(|e| e.line).filter(|l| *l > 0).unwrap_or(1);
                let mut region = Map::new();
                region.insert("startLine".into(), json!(line));
                if let Some(col) = best.and_then(|e| e.column).filter(|c| *c > 0) {
                    region.insert("startColumn".into(), json!(col));
                }
                if let Some(e) = best {
                    region.insert("snippet".into(), json!({ "text": e.text }));
                }
                let below = if doc.kind == reset_criteria::report::DocumentKind::Product {
                    t(lang, "sarif.below.product")
                } else {
                    t(lang, "sarif.below")
                };
                let mut message = format!(
                    "{} {lq}{}{rq} {} {} ({}){sep}{below}.",
                    c.id,
                    c.title.get(lang),
                    t(lang, "sarif.message"),
                    c.level,
                    status_label(doc.kind, c.status, lang),
                );
                if let Some((_, crit)) = catalog.criterion(&c.id) {
                    if doc.kind != reset_criteria::report::DocumentKind::Product {
                        message.push_str(&format!(" {lq}{}{rq}", crit.clause.get(lang)));
                    }
                }
                let mut props = Map::new();
                props.insert("grid".into(), json!(g.id));
                props.insert("criterionLevel".into(), json!(c.level));
                props.insert("status".into(), json!(c.status));
                props.insert("document".into(), json!(doc.source));
                if let Some(e) = best {
                    props.insert("place".into(), json!(crate::i18n::place(e)));
                    if !e.section.is_empty() {
                        props.insert("section".into(), json!(e.section));
                    }
                }
                let mut result = json!({
                        "ruleId": c.id,
                        "level": if c.level == 0 { "error" } else { "warning" },
                        "message": { "text": message },
                        "locations": [{
                            "physicalLocation": {
                                "artifactLocation": { "uri": path_to_uri(&artifact(doc, c)) },
                                "region": region,
                            }
                        }],
                        "properties": props,
                });
                // A waived criterion stays in the log, marked as suppressed.
                if let (Some(w), Some(obj)) = (&c.waived, result.as_object_mut()) {
                    obj.insert(
                        "suppressions".into(),
                        json!([{
                            "kind": "external",
                            "justification": crate::i18n::waiver_text(w, lang),
                        }]),
                    );
                }
                pending.push((c.id.clone(), result));
            }
        }
    }
    let index: BTreeMap<&str, usize> = rules
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let results: Vec<Value> = pending
        .into_iter()
        .map(|(id, mut r)| {
            if let (Some(obj), Some(i)) = (r.as_object_mut(), index.get(id.as_str())) {
                obj.insert("ruleIndex".into(), json!(i));
            }
            r
        })
        .collect();
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": report.tool.name,
                    "version": report.tool.version,
                    "semanticVersion": report.tool.version,
                    "rules": rules.into_values().collect::<Vec<_>>(),
                    "properties": { "catalog": report.catalog },
                }
            },
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "language": match lang { Lang::Fr => "fr-FR", Lang::En => "en-US" },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&log)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the SARIF log: {e}\"}}"));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::path_to_uri;

    #[test]
    fn uris() {
        assert_eq!(path_to_uri("examples/a b.md"), "examples/a%20b.md");
        assert_eq!(
            path_to_uri("/tmp/cctp é.md"),
            "file:///tmp/cctp%20%C3%A9.md"
        );
        assert_eq!(path_to_uri("dce\\cctp.docx"), "dce/cctp.docx");
    }
}
