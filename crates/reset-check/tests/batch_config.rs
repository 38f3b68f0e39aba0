//! End-to-end tests of batch runs (folders, .resetignore, a broken file
//! among 1,000, JSON lines, limits), of reset-check.toml and its waivers,
//! of `clauses` (Markdown, JSON, .docx, .odt) and of the exit codes of
//! `spec`, `product`, `clauses` and `config`.

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str) -> PathBuf {
    repo().join("examples").join(name)
}

/// The binary, run in `dir` (so that a reset-check.toml there is found).
fn rc_in(dir: &Path) -> Command {
    let mut c = cargo_bin_cmd!("reset-check");
    c.current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// The binary, with no settings file.
fn rc() -> Command {
    let mut c = cargo_bin_cmd!("reset-check");
    c.arg("--no-config");
    c
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

fn write(p: &Path, text: &str) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const POOR: &str = "rfp-case-management-poor.md";

// ---------------------------------------------------------------- batch

#[test]
fn a_batch_of_1000_with_one_broken_file_gives_999_results_and_one_error() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..999 {
        let text = if i % 2 == 0 {
            format!("Lot {i}.\nLe titulaire doit respecter le RGAA 4.1 niveau AA.\n")
        } else {
            format!("Lot {i}.\nThe contractor shall minimise personal data.\n")
        };
        write(
            &dir.path().join(format!("t{:02}/{i:04}.txt", i % 20)),
            &text,
        );
    }
    // A docx that is a truncated zip.
    std::fs::write(
        dir.path().join("t07/broken.docx"),
        b"PK\x03\x04\x14\x00\x00\x00garbage",
    )
    .unwrap();
    let start = Instant::now();
    let out = rc()
        .args(["spec", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let took = start.elapsed();
    eprintln!("1,000 documents in {took:?}");
    assert_eq!(out.status.code(), Some(2), "one broken file: exit 2");
    let r = json(&out.stdout);
    let docs = r["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1000);
    let failed: Vec<&Value> = docs.iter().filter(|d| !d["error"].is_null()).collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["source"]
        .as_str()
        .unwrap()
        .ends_with("broken.docx"));
    let ok = docs
        .iter()
        .filter(|d| d["error"].is_null() && d["score"].is_number());
    assert_eq!(ok.count(), 999);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("broken.docx"), "{stderr}");
}

#[test]
fn hidden_entries_and_resetignore_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in [
        "a.md",
        "sub/b.txt",
        ".hidden.md",
        ".cache/c.md",
        "drafts/d.md",
        "sub/old-e.md",
        "sub/notes.rs",
    ] {
        write(&d.join(f), "The contractor shall minimise personal data.\n");
    }
    write(
        &d.join(".resetignore"),
        "# drafts are not tenders\ndrafts/\n",
    );
    write(&d.join("sub/.resetignore"), "old-*\n");
    let out = rc()
        .args(["spec", "--format", "json"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut names: Vec<String> = json(&out.stdout)["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            Path::new(x["source"].as_str().unwrap())
                .strip_prefix(d)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    names.sort();
    assert_eq!(names, ["a.md", "sub/b.txt"]);
}

#[test]
fn jsonl_streams_one_line_per_document_and_writes_o_atomically() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        write(
            &dir.path().join(format!("in/{i}.txt")),
            "The contractor shall minimise personal data.\n",
        );
    }
    write(&dir.path().join("in/bad.pdf"), "%PDF-1.7 broken");
    let out = rc()
        .args(["spec", "--format", "jsonl", "-j", "2"])
        .arg(dir.path().join("in"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 13);
    assert_eq!(lines.iter().filter(|l| !l["error"].is_null()).count(), 1);

    let target = dir.path().join("out.jsonl");
    rc().args(["spec", "--format", "jsonl", "-o"])
        .arg(&target)
        .arg(dir.path().join("in"))
        .assert()
        .code(2)
        .stdout("");
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 13);
    // No temporary file left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn batch_limits_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        write(&dir.path().join(format!("{i}.txt")), "x\n");
    }
    rc().args(["spec", "--max-documents", "2"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("more than 2 documents"));
    rc().args(["spec", "--jobs", "0"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--jobs"));
    let empty = tempfile::tempdir().unwrap();
    rc().arg("spec")
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no tender file"));
}

#[test]
fn product_batches_recurse_and_keep_going() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(repo().join("examples/products/minimal-web.toml"))
        .or_else(|_| {
            let first = std::fs::read_dir(repo().join("examples/products"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.extension().is_some_and(|x| x == "toml"))
                .unwrap();
            std::fs::read_to_string(first)
        })
        .unwrap();
    write(&dir.path().join("a/p1.toml"), &good);
    write(&dir.path().join("b/p2.toml"), &good);
    write(&dir.path().join("b/.old/p3.toml"), &good);
    write(&dir.path().join("b/broken.json"), "{ not json");
    // A settings file in the folder is not a product.
    write(&dir.path().join("reset-check.toml"), "lang = \"en\"\n");
    let out = rc()
        .args(["product", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let r = json(&out.stdout);
    let docs = r["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3, "{r}");
    assert_eq!(docs.iter().filter(|d| !d["error"].is_null()).count(), 1);
}

// ---------------------------------------------------------------- config and waivers

fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("reset-check.toml"), config);
    std::fs::copy(example(POOR), dir.path().join("poor.md")).unwrap();
    dir
}

fn criterion<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["grids"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["criteria"].as_array().unwrap())
        .find(|c| c["id"] == id)
        .unwrap()
}

#[test]
fn a_waiver_is_shown_and_does_not_trigger_fail_on() {
    let p = project(
        "fail_on = [\"PRIV-01\"]\n\n[[waivers]]\ncriterion = \"PRIV-01\"\nreason = \"DPO review in lot 2\"\nexpires = 2999-12-31\n",
    );
    let out = rc_in(p.path())
        .args(["spec", "poor.md", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json(&out.stdout);
    let c = criterion(&r["documents"][0], "PRIV-01");
    assert_eq!(c["level"], 0, "still assessed");
    assert_eq!(c["waived"]["reason"], "DPO review in lot 2");
    assert_eq!(c["waived"]["expires"], "2999-12-31");
    assert!(criterion(&r["documents"][0], "PRIV-02")["waived"].is_null());

    rc_in(p.path())
        .args(["spec", "poor.md", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Waived: DPO review"))
        .stdout(predicate::str::contains("2999-12-31)"));
    rc_in(p.path())
        .args(["spec", "poor.md", "--lang", "fr", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Dérogation : DPO review"));
    // Without the file, the gate fails.
    rc_in(p.path())
        .args(["--no-config", "spec", "poor.md", "--fail-on", "PRIV-01"])
        .assert()
        .code(1);
    // A criterion given on the command line replaces the file's fail_on.
    rc_in(p.path())
        .args(["spec", "poor.md", "--fail-on", "PRIV-02"])
        .assert()
        .code(1);
}

#[test]
fn a_waiver_limited_to_some_documents() {
    let p = project(
        "fail_on = [\"PRIV-01\"]\n[[waivers]]\ncriterion = \"PRIV-01\"\nreason = \"legacy lot\"\ndocuments = \"legacy/**\"\n",
    );
    std::fs::create_dir(p.path().join("legacy")).unwrap();
    std::fs::copy(example(POOR), p.path().join("legacy/old.md")).unwrap();
    let out = rc_in(p.path())
        .args(["spec", "legacy/old.md", "poor.md", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "poor.md is not waived");
    let r = json(&out.stdout);
    assert_eq!(
        criterion(&r["documents"][0], "PRIV-01")["waived"]["reason"],
        "legacy lot"
    );
    assert!(criterion(&r["documents"][1], "PRIV-01")["waived"].is_null());
}

#[test]
fn an_expired_waiver_fails_the_run() {
    let p = project(
        "[[waivers]]\ncriterion = \"INCL-01\"\nreason = \"audit planned\"\nexpires = 2020-06-30\n",
    );
    let out = rc_in(p.path())
        .args(["spec", "poor.md", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("INCL-01"), "{stderr}");
    assert!(stderr.contains("2020-06-30"), "{stderr}");
    assert!(stderr.contains("reset-check.toml:1"), "{stderr}");
    // The report is complete, and the expired waiver no longer applies.
    let r = json(&out.stdout);
    assert!(criterion(&r["documents"][0], "INCL-01")["waived"].is_null());
    // Found from a subfolder too, and by product, clauses and config.
    std::fs::create_dir(p.path().join("sub")).unwrap();
    rc_in(&p.path().join("sub"))
        .args(["spec", "../poor.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("../reset-check.toml"));
    rc_in(p.path())
        .args(["clauses", "poor.md"])
        .assert()
        .code(1);
    rc_in(p.path())
        .arg("config")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("EXPIRED on 2020-06-30"));
}

#[test]
fn invalid_settings_are_reported_with_their_line() {
    let cases: &[(&str, &str)] = &[
        ("lang = \"fr\"\ncolour = \"red\"\n", "reset-check.toml:2:1"),
        ("[[waivers]]\ncriterion = \"PRIV-01\"\n", "no `reason`"),
        (
            "[[waivers]]\ncriterion = \"PRIV-01\"\nreason = \"x\"\nexpires = \"31/12/2026\"\n",
            "reset-check.toml:4:11",
        ),
        (
            "[[waivers]]\ncriterion = \"PRIV-1\"\nreason = \"x\"\n",
            "did you mean `PRIV-01`?",
        ),
        ("fail_on = [\"INCL-99\"]\n", "unknown criterion `INCL-99`"),
        ("fail_under = 120\n", "between 0 and 100"),
        (
            "[limits]\nmax_input_size = \"12 parsecs\"\n",
            "max_input_size",
        ),
    ];
    for (text, expected) in cases {
        let p = project(text);
        rc_in(p.path())
            .args(["spec", "poor.md"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(*expected));
    }
    rc().args(["--config", "nowhere.toml", "grids"])
        .assert()
        .code(2);
    rc_in(Path::new("."))
        .args(["--config", "a.toml", "--no-config", "grids"])
        .assert()
        .code(2);
}

#[test]
fn settings_follow_command_line_then_file_then_defaults() {
    let p = project(
        "lang = \"fr\"\nonly = [\"privacy\"]\nfail_under = 40\n[limits]\nmax_documents = 10\n",
    );
    let out = rc_in(p.path())
        .args(["config", "--format", "json", "--fail-under", "70"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let r = json(&out.stdout);
    let get = |name: &str| {
        r["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(get("lang")["value"], "fr");
    assert_eq!(get("lang")["source"], "reset-check.toml");
    assert_eq!(get("only")["value"], serde_json::json!(["privacy"]));
    assert_eq!(get("fail_under")["value"], 70.0);
    assert_eq!(get("fail_under")["source"], "command line");
    assert_eq!(get("max_documents")["value"], 10);
    assert_eq!(get("max_input_size")["source"], "default");
    assert!(r["config_file"]
        .as_str()
        .unwrap()
        .ends_with("reset-check.toml"));

    // The file's lang and only apply (its fail_under too: exit 1);
    // --lang on the command line wins.
    rc_in(p.path())
        .args(["spec", "poor.md", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Vie privée"))
        .stdout(predicate::str::contains("Frugalit").not());
    rc_in(p.path())
        .args(["--lang", "en", "spec", "poor.md", "--color", "never"])
        .assert()
        .stdout(predicate::str::contains("Privacy"));
    // The file's fail_under applies.
    rc_in(p.path())
        .args(["spec", "poor.md", "--format", "json"])
        .assert()
        .code(1);
    // The table, in the file's language.
    rc_in(p.path())
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("réglage"))
        .stdout(predicate::str::contains("reset-check.toml"))
        .stdout(predicate::str::contains("défaut").or(predicate::str::contains("default")));
}

// ---------------------------------------------------------------- clauses

#[test]
fn clauses_in_markdown_grouped_numbered_with_references() {
    let out = rc()
        .args(["clauses", "--lang", "en"])
        .arg(example(POOR))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Model clauses to add"), "{md}");
    assert!(md.contains("\n## 1. Privacy\n"), "{md}");
    assert!(md.contains("\n### 1.1 "), "{md}");
    assert!(md.contains("(PRIV-01)"));
    assert!(md.contains("*References: RGPD art. 5"), "{md}");
    assert!(md.contains("*Current level: 0, absent"), "{md}");
    assert!(md.contains("The contractor shall"));

    // French, and --format md is the same as the default.
    let fr = rc()
        .args(["clauses", "--lang", "fr", "--format", "md"])
        .arg(example("cctp-site-communal.md"))
        .output()
        .unwrap();
    assert_eq!(fr.status.code(), Some(0));
    let fr = String::from_utf8(fr.stdout).unwrap();
    assert!(fr.starts_with("# Clauses types à ajouter"), "{fr}");
    assert!(fr.contains("Le titulaire"));
    assert!(fr.contains("*Références : "));
}

#[test]
fn clauses_as_json_cover_every_criterion_below_level_2() {
    let cl = json(
        &rc()
            .args(["clauses", "--format", "json"])
            .arg(example("cctp-site-communal.md"))
            .output()
            .unwrap()
            .stdout,
    );
    let report = json(
        &rc()
            .args(["spec", "--format", "json"])
            .arg(example("cctp-site-communal.md"))
            .output()
            .unwrap()
            .stdout,
    );
    let mut below: Vec<String> = report["documents"][0]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["criteria"].as_array().unwrap())
        .filter(|c| c["applicable"] == true && c["level"].as_u64().unwrap() < 2)
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    let mut listed = Vec::new();
    for (gi, g) in cl["grids"].as_array().unwrap().iter().enumerate() {
        assert_eq!(g["number"], (gi + 1).to_string());
        for (ci, c) in g["clauses"].as_array().unwrap().iter().enumerate() {
            assert_eq!(c["number"], format!("{}.{}", gi + 1, ci + 1));
            assert!(c["level"].as_u64().unwrap() < 2);
            assert!(!c["clause"].as_str().unwrap().is_empty());
            assert!(!c["references"].as_array().unwrap().is_empty());
            if c["level"] == 1 {
                assert!(c["evidence"]["text"].is_string(), "{c}");
            }
            listed.push(c["criterion"].as_str().unwrap().to_string());
        }
    }
    below.sort();
    listed.sort();
    assert!(!listed.is_empty());
    assert_eq!(listed, below);
    assert_eq!(cl["count"], listed.len());
}

fn unzip(path: &Path, name: &str) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// Parses XML to the end (well-formed) and returns the values of one attribute.
fn xml_attr_values(xml: &str, attr: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut values = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                for a in e.attributes() {
                    let a = a.unwrap();
                    if a.key.as_ref() == attr {
                        values.push(a.value.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    values
}

/// Converts to PDF with LibreOffice when it is installed (an extra check).
fn soffice_converts(file: &Path) {
    let Ok(status) = std::process::Command::new("soffice")
        .arg("--version")
        .output()
    else {
        eprintln!("soffice not installed: conversion check skipped");
        return;
    };
    if !status.status.success() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        out.path().display()
    );
    let st = std::process::Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out.path())
        .arg(file)
        .output()
        .unwrap();
    let pdf = out
        .path()
        .join(file.file_stem().unwrap())
        .with_extension("pdf");
    assert!(
        pdf.is_file() && std::fs::metadata(&pdf).unwrap().len() > 1000,
        "LibreOffice could not convert {}: {}",
        file.display(),
        String::from_utf8_lossy(&st.stderr)
    );
}

#[test]
fn clauses_as_docx_and_odt_open() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("clauses.docx");
    let odt = dir.path().join("clauses.odt");
    for (fmt, path) in [("docx", &docx), ("odt", &odt)] {
        rc().args(["clauses", "--lang", "fr", "--format", fmt, "-o"])
            .arg(path)
            .arg(example("cctp-site-communal.md"))
            .assert()
            .success()
            .stdout("");
    }
    let doc = unzip(&docx, "word/document.xml");
    let styles = xml_attr_values(&doc, "w:val");
    assert!(styles.iter().any(|s| s == "Heading1"));
    assert!(styles.iter().any(|s| s == "Heading2"));
    assert!(doc.contains("1.1 "));
    assert!(doc.contains("Le titulaire"));
    let ids = xml_attr_values(&unzip(&docx, "word/styles.xml"), "w:styleId");
    assert!(ids.contains(&"Heading1".to_string()) && ids.contains(&"Heading2".to_string()));
    xml_attr_values(&unzip(&docx, "[Content_Types].xml"), "PartName");

    assert_eq!(
        unzip(&odt, "mimetype"),
        "application/vnd.oasis.opendocument.text"
    );
    let content = unzip(&odt, "content.xml");
    let odt_styles = xml_attr_values(&content, "text:style-name");
    assert!(odt_styles.iter().any(|s| s == "Heading_20_1"));
    assert!(odt_styles.iter().any(|s| s == "Heading_20_2"));
    xml_attr_values(&unzip(&odt, "styles.xml"), "style:name");
    xml_attr_values(&unzip(&odt, "META-INF/manifest.xml"), "manifest:full-path");

    // Our own reader finds the headings and the clauses again.
    for path in [&docx, &odt] {
        rc().arg("extract")
            .arg(path)
            .assert()
            .success()
            .stdout(predicate::str::contains("heading(2)"))
            .stdout(predicate::str::contains("Le titulaire"));
        soffice_converts(path);
    }
}

#[test]
fn clauses_exit_codes() {
    // Binary formats need -o.
    rc().args(["clauses", "--format", "docx"])
        .arg(example(POOR))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("-o FILE"));
    // Formats it does not write.
    rc().args(["clauses", "--format", "csv"])
        .arg(example(POOR))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not write `--format csv`"));
    // Other commands refuse docx and odt.
    for cmd in ["spec", "product"] {
        rc().args([cmd, "--format", "odt"])
            .arg(example(POOR))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("does not write `--format odt`"));
    }
    // Unreadable input.
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, b"PK\x03\x04\x00\x01garbage, not a zip").unwrap();
    rc().arg("clauses").arg(&broken).assert().code(2).stdout("");
    rc().args(["clauses", "missing.md"]).assert().code(2);
    // Usage error.
    rc().arg("clauses").assert().code(2);
    // Waived criteria are listed apart, not proposed.
    let p = project("[[waivers]]\ncriterion = \"PRIV-01\"\nreason = \"handled by the DPO\"\n");
    rc_in(p.path())
        .args(["clauses", "poor.md", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(PRIV-01)").not())
        .stdout(predicate::str::contains(
            "PRIV-01 — Waived: handled by the DPO",
        ));
}

#[test]
fn invalid_input_never_exits_0() {
    rc().args(["spec", "missing.md"]).assert().code(2);
    rc().args(["product", "missing.toml"]).assert().code(2);
    rc().args(["spec", "--fail-under", "120"])
        .arg(example(POOR))
        .assert()
        .code(2);
    rc().args(["product", "--max-documents", "x", "a.toml"])
        .assert()
        .code(2);
    rc().args(["config", "--fail-under", "200"])
        .assert()
        .code(2);
    rc().args(["config", "--format", "csv"]).assert().code(2);
    rc().args(["config", "--format", "json"]).assert().code(0);
}
