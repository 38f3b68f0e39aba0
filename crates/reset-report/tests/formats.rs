//! Properties of the formats beyond their snapshots: the SARIF log has the
//! shape SARIF 2.1.0 requires, hostile text is escaped in every format, the
//! CSV loads back with one row per document and grid, and no report word is
//! left untranslated.

#![recursion_limit = "256"]

mod common;

use reset_criteria::Lang;
use reset_report::{render_csv, render_html, render_markdown, render_sarif, ReportOptions};
use serde_json::{json, Value};

fn opts(lang: Lang) -> ReportOptions {
    ReportOptions {
        lang,
        date: Some("2025-03-14".into()),
    }
}

/// The key constraints of the SARIF 2.1.0 schema (OASIS SARIF v2.1.0,
/// sarif-schema-2.1.0.json), written down from the specification for the
/// objects this tool writes: sarifLog, run, tool.driver (toolComponent),
/// reportingDescriptor, result, location, physicalLocation, region,
/// artifactLocation, message, suppression, invocation, notification.
fn sarif_schema() -> Value {
    let message = json!({
        "type": "object",
        "anyOf": [{ "required": ["text"] }, { "required": ["id"] }],
        "properties": { "text": { "type": "string" }, "markdown": { "type": "string" }, "id": { "type": "string" } }
    });
    let mfms = json!({
        "type": "object", "required": ["text"],
        "properties": { "text": { "type": "string" }, "markdown": { "type": "string" } }
    });
    let artifact_location = json!({
        "type": "object",
        "properties": { "uri": { "type": "string", "format": "uri-reference", "pattern": "^[^ <>\"]*$" }, "uriBaseId": { "type": "string" } }
    });
    let region = json!({
        "type": "object",
        "properties": {
            "startLine": { "type": "integer", "minimum": 1 },
            "startColumn": { "type": "integer", "minimum": 1 },
            "endLine": { "type": "integer", "minimum": 1 },
            "endColumn": { "type": "integer", "minimum": 1 },
            "snippet": { "type": "object", "properties": { "text": { "type": "string" } } }
        }
    });
    let location = json!({
        "type": "object",
        "properties": {
            "physicalLocation": {
                "type": "object",
                "anyOf": [{ "required": ["address"] }, { "required": ["artifactLocation"] }],
                "properties": { "artifactLocation": artifact_location, "region": region }
            }
        }
    });
    let level = json!({ "enum": ["none", "note", "warning", "error"] });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["version", "runs"],
        "properties": {
            "$schema": { "type": "string", "format": "uri" },
            "version": { "const": "2.1.0" },
            "runs": {
                "type": ["array", "null"],
                "items": {
                    "type": "object",
                    "required": ["tool"],
                    "properties": {
                        "tool": {
                            "type": "object",
                            "required": ["driver"],
                            "properties": {
                                "driver": {
                                    "type": "object",
                                    "required": ["name"],
                                    "properties": {
                                        "name": { "type": "string" },
                                        "version": { "type": "string" },
                                        "semanticVersion": { "type": "string" },
                                        "rules": {
                                            "type": "array",
                                            "uniqueItems": true,
                                            "items": {
                                                "type": "object",
                                                "required": ["id"],
                                                "properties": {
                                                    "id": { "type": "string" },
                                                    "name": { "type": "string" },
                                                    "shortDescription": mfms,
                                                    "fullDescription": mfms,
                                                    "help": mfms,
                                                    "defaultConfiguration": {
                                                        "type": "object",
                                                        "properties": { "level": level }
                                                    },
                                                    "properties": { "type": "object" }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        },
                        "invocations": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["executionSuccessful"],
                                "properties": {
                                    "executionSuccessful": { "type": "boolean" },
                                    "toolExecutionNotifications": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["message"],
                                            "properties": {
                                                "message": message,
                                                "level": level,
                                                "locations": { "type": "array", "items": location }
                                            }
                                        }
                                    }
                                }
                            }
                        },
                        "language": { "type": "string", "pattern": "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$" },
                        "columnKind": { "enum": ["utf16CodeUnits", "unicodeCodePoints"] },
                        "results": {
                            "type": ["array", "null"],
                            "items": {
                                "type": "object",
                                "required": ["message"],
                                "properties": {
                                    "ruleId": { "type": "string" },
                                    "ruleIndex": { "type": "integer", "minimum": -1 },
                                    "level": level,
                                    "message": message,
                                    "locations": { "type": "array", "items": location },
                                    "suppressions": {
                                        "type": "array",
                                        "uniqueItems": true,
                                        "items": {
                                            "type": "object",
                                            "required": ["kind"],
                                            "properties": {
                                                "kind": { "enum": ["inSource", "external"] },
                                                "justification": { "type": "string" }
                                            }
                                        }
                                    },
                                    "properties": { "type": "object" }
                                }
                            }
                        }
                    }
                }
            }
        }
    })
}

#[test]
fn sarif_has_the_shape_of_sarif_2_1_0() {
    let catalog = common::catalog();
    let report = common::report(&catalog);
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&sarif_schema())
        .expect("the schema is valid");
    for lang in Lang::ALL {
        let log: Value = serde_json::from_str(&render_sarif(&report, &catalog, lang)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");

        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let results = run["results"].as_array().unwrap();
        // One result per applicable criterion below level 2: ALP-02 and BET-02 in
        // the tender and in the product.
        assert_eq!(results.len(), 4);
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at its rule");
            let level = r["properties"]["criterionLevel"].as_u64().unwrap();
            assert_eq!(r["level"], if level == 0 { "error" } else { "warning" });
            let line = &r["locations"][0]["physicalLocation"]["region"]["startLine"];
            assert!(line.as_u64().unwrap() >= 1);
        }
        // The tender's level 1 is located at its sentence; the product's at its answer.
        assert_eq!(
            results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
            15
        );
        assert_eq!(
            results[2]["locations"][0]["physicalLocation"]["region"]["startLine"],
            11
        );
        // The waived criterion is suppressed, not dropped.
        assert_eq!(results[1]["suppressions"][0]["kind"], "external");
        // The help text carries the model clause; no helpUri.
        let clause = catalog.criterion("BET-02").unwrap().1.clause.get(lang);
        let bet = rules.iter().find(|r| r["id"] == "BET-02").unwrap();
        assert!(bet["help"]["text"].as_str().unwrap().contains(clause));
        assert!(bet.get("helpUri").is_none());
        // The broken document is an error notification.
        assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    }
}

#[test]
fn hostile_text_is_escaped() {
    let catalog = common::catalog();
    let report = common::report(&catalog);
    for lang in Lang::ALL {
        let html = render_html(&report, &catalog, &opts(lang));
        assert!(!html.contains("<script"), "no script element in the HTML");
        assert!(!html.contains("<b>doit"), "no markup from the document");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("l&#39;inventaire &quot;complet&quot; &amp; à jour"));
        assert!(html.contains("cctp &lt;test&gt; &amp; co.md"));
        assert!(html.contains("Guichet &lt;unique&gt;"));
        assert!(html.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{}\">", lang.code())));

        let md = render_markdown(&report, &catalog, &opts(lang));
        assert!(
            !md.replace("\\<", "").contains("<script"),
            "no raw markup in the Markdown"
        );
        assert!(md.contains(r"\<script\>alert(1)\</script\>"));
        assert!(md.contains(r"\[lien\](http://x)"));
        assert!(md.contains(r"\*tout\*"));
        assert!(md.contains(r"\&"));
    }
}

#[test]
fn csv_has_one_row_per_document_and_grid() {
    let catalog = common::catalog();
    let mut report = common::report(&catalog);
    report.documents[1].source = "=HYPERLINK(\"x\")".into();
    let text = render_csv(&report, Lang::Fr);
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let headers = rd.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        reset_report::csv::CSV_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    // Two grids for each readable document, one row for the broken one.
    assert_eq!(rows.len(), 5);
    assert_eq!(&rows[0][5], "Vie privée (test)");
    assert!(rows[2][0].starts_with("'="), "a formula is defused");
    assert!(rows[4][14].contains("invalid central directory"));
    assert_eq!(&rows[4][6], "");
}

#[test]
fn every_word_is_translated() {
    // A key left untranslated comes back as the key itself: none may show.
    let catalog = common::catalog();
    let report = common::report(&catalog);
    for lang in Lang::ALL {
        let all = [
            render_html(&report, &catalog, &opts(lang)),
            render_markdown(&report, &catalog, &opts(lang)),
            render_sarif(&report, &catalog, lang),
        ]
        .join("\n");
        for key in [
            "report.title",
            "report.subtitle",
            "kind.spec",
            "kind.product",
            "chart.title",
            "chart.desc",
            "clause.add",
            "clause.product",
            "level.0.tender",
            "level.3.product",
            "subjects.detected",
            "subjects.declared",
            "subject.reasons",
            "sarif.message",
            "sarif.below",
            "summary.caption",
            "criteria.caption",
            "waived.until",
            "error.document",
            "firmness.word",
            "not_applicable",
        ] {
            assert!(!all.contains(key), "untranslated key `{key}…` in {lang}");
        }
    }
    let fr = render_html(&report, &catalog, &opts(Lang::Fr));
    for word in [
        "Clause type à ajouter",
        "Glossaire des niveaux",
        "Profil RESET",
        "Méthode",
        "exigé et vérifiable",
    ] {
        assert!(fr.contains(word), "{word}");
    }
    for word in [
        "Model clause to add",
        "Glossary of levels",
        "RESET profile",
        "required, verifiable",
    ] {
        assert!(!fr.contains(word), "English `{word}` in the French report");
    }
}
