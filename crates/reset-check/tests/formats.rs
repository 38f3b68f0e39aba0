//! End-to-end tests of the report formats of `spec` and `product`: csv, md,
//! html and sarif in French and English, written to stdout and to `-o`,
//! hostile text escaped, SARIF located at the sentence or the answer line.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = cargo_bin_cmd!("reset-check")
        .current_dir(repo())
        .env("SOURCE_DATE_EPOCH", "1741910400")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const TENDER: &str = "examples/cctp-site-communal.md";
const PRODUCT: &str = "examples/products/municipal-website.toml";

#[test]
fn every_format_in_both_languages() {
    for (lang, clause_word, level_word) in [
        ("fr", "Clause type à ajouter", "exigé"),
        ("en", "Model clause to add", "required"),
    ] {
        let (code, md, err) = run(&["spec", TENDER, "--format", "md", "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        assert!(md.starts_with(&format!(
            "# {}",
            if lang == "fr" {
                "Rapport RESET"
            } else {
                "RESET report"
            }
        )));
        assert!(md.contains(clause_word) && md.contains(level_word));

        let (code, html, err) = run(&["spec", TENDER, "--format", "html", "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(
            html.contains("2025-03-14"),
            "SOURCE_DATE_EPOCH sets the date"
        );
        assert!(html.contains(clause_word));
        assert!(html.contains("<svg") && html.contains("@page { size: A4"));
        assert!(!html.contains("<script"));
        for remote in ["src=\"http", "href=\"http", "url(", "@import"] {
            assert!(!html.contains(remote), "self-contained: {remote}");
        }

        let (code, csv, err) = run(&["spec", TENDER, "--format", "csv", "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 1 + 5, "a header and one row per grid:\n{csv}");
        assert!(lines[0].starts_with("source,kind,document_score"));

        let (code, sarif, err) = run(&["spec", TENDER, "--format", "sarif", "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        let log: Value = serde_json::from_str(&sarif).unwrap();
        assert_eq!(log["version"], "2.1.0");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        for r in results {
            assert_eq!(
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                TENDER
            );
        }
    }
}

#[test]
fn sarif_matches_the_json_report() {
    // One result per applicable criterion below level 2, at its best sentence's line.
    let (_, json, _) = run(&["spec", TENDER, "--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let mut expected: Vec<(String, u64)> = report["documents"][0]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["criteria"].as_array().unwrap().iter())
        .filter(|c| c["applicable"] == true && c["level"].as_u64().unwrap() < 2)
        .map(|c| {
            let line = c["evidence"][0]["line"]
                .as_u64()
                .filter(|l| *l > 0)
                .unwrap_or(1);
            (c["id"].as_str().unwrap().to_string(), line)
        })
        .collect();
    let (_, sarif, _) = run(&["spec", TENDER, "--format", "sarif"]);
    let log: Value = serde_json::from_str(&sarif).unwrap();
    let mut got: Vec<(String, u64)> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
}

#[test]
fn product_sarif_points_at_the_answer_line() {
    let (code, sarif, err) = run(&["product", PRODUCT, "--format", "sarif"]);
    assert_eq!(code, 0, "{err}");
    let (_, json, _) = run(&["product", PRODUCT, "--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let log: Value = serde_json::from_str(&sarif).unwrap();
    for r in log["runs"][0]["results"].as_array().unwrap() {
        let id = r["ruleId"].as_str().unwrap();
        let c = report["documents"][0]["grids"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["criteria"].as_array().unwrap().iter())
            .find(|c| c["id"] == id)
            .unwrap();
        let line = c["evidence"][0]["line"].as_u64().unwrap_or(1);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"], line,
            "{id}"
        );
    }
}

#[test]
fn hostile_tender_is_escaped_and_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    // Plain text keeps markup as text (Markdown extraction would drop the tags).
    let tender = dir.path().join("cctp \"<x>\" & co.txt");
    std::fs::write(
        &tender,
        "Article 1 – <b>Accessibilité</b>\n\n\
         Le site doit être conforme au RGAA 4.1 niveau AA <script>alert(1)</script> & \"vite\" ; l'audit est remis.\n",
    )
    .unwrap();
    let out = dir.path().join("report.html");
    let (code, stdout, err) = run(&[
        "spec",
        tender.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("<script"), "no script element");
    assert!(!html.contains("<b>"), "no markup from the tender");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;vite&quot;"));
    assert!(html.contains("&quot;&lt;x&gt;&quot; &amp; co.txt"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    let (_, md, _) = run(&["spec", tender.to_str().unwrap(), "--format", "md"]);
    assert!(md.contains(r"\<script\>alert(1)\</script\>"));
}

#[test]
fn a_broken_document_is_one_csv_row_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "Le site doit respecter le RGAA.\n").unwrap();
    std::fs::write(dir.path().join("b.docx"), b"PK\x03\x04 truncated").unwrap();
    let (code, csv, _) = run(&["spec", dir.path().to_str().unwrap(), "--format", "csv"]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 5 + 1, "{csv}");
    let last = lines.last().unwrap();
    assert!(
        last.contains("b.docx") && last.ends_with(|c: char| c != ','),
        "{last}"
    );
}
