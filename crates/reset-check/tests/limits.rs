//! The extraction limits from the command line and from `[limits]` of
//! `reset-check.toml` (issue 8): every limit has an option, named as its
//! error names it, and a config key; the command line wins over the file,
//! the file over the default; every command that reads a tender applies
//! them; `config` shows each with its source.

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../reset-extract/tests/fixtures")
        .join(name)
}

/// The binary, run in `dir` (a reset-check.toml there is found).
fn rc_in(dir: &Path) -> Command {
    let mut c = cargo_bin_cmd!("reset-check");
    c.current_dir(dir)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    c
}

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Out {
    let o = cmd.output().unwrap();
    let r = Out {
        code: o.status.code(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    r
}

/// Exit 2, and stderr names the file, the limit and its option.
fn refused(r: &Out, file: &str, message: &str) {
    assert_eq!(
        r.code,
        Some(2),
        "stdout:\n{}\nstderr:\n{}",
        r.stdout,
        r.stderr
    );
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains(message))
        .unwrap_or_else(|| panic!("no `{message}` in:\n{}", r.stderr));
    assert!(line.contains(file), "{line}");
}

fn accepted(r: &Out) {
    assert_eq!(r.code, Some(0), "stderr:\n{}", r.stderr);
}

/// A folder holding `deep.html` (20 nested divs around a sentence), a copy
/// of the docx fixture and of the 100-page PDF, and a dossier of two files.
fn inputs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let html = format!(
        "<html><body>{}<p>Le titulaire doit respecter le RGAA 4.1 niveau AA.</p>{}</body></html>",
        "<div>".repeat(20),
        "</div>".repeat(20)
    );
    std::fs::write(dir.path().join("deep.html"), html).unwrap();
    std::fs::copy(fixture("tender.docx"), dir.path().join("tender.docx")).unwrap();
    std::fs::copy(fixture("bench_100p.pdf"), dir.path().join("long.pdf")).unwrap();
    let dce = dir.path().join("dce");
    std::fs::create_dir(&dce).unwrap();
    std::fs::write(
        dce.join("CCTP.md"),
        "# CCTP\n\nLe titulaire doit chiffrer.\n",
    )
    .unwrap();
    std::fs::write(dce.join("RC.md"), "# RC\n\nRèglement.\n").unwrap();
    dir
}

#[test]
fn each_limit_from_the_command_line_names_its_option() {
    let dir = inputs();
    let d = dir.path();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["tender.docx", "--max-entries", "1"],
            "tender.docx",
            "number of zip entries exceeds the limit of 1 (--max-entries)",
        ),
        (
            &["tender.docx", "--max-inflated", "1k"],
            "tender.docx",
            "inflated size exceeds the limit of 1 kB (--max-inflated)",
        ),
        (
            &["tender.docx", "--max-xml-depth", "3"],
            "tender.docx",
            "XML nesting depth exceeds the limit of 3 (--max-xml-depth)",
        ),
        (
            &["long.pdf", "--max-pdf-pages", "10"],
            "long.pdf",
            "number of PDF pages exceeds the limit of 10 (--max-pdf-pages)",
        ),
        (
            &["deep.html", "--max-html-depth", "10"],
            "deep.html",
            "HTML nesting depth exceeds the limit of 10 (--max-html-depth)",
        ),
        (
            &["deep.html", "--max-input-size", "0.1k"],
            "deep.html",
            "input size exceeds the limit of 100 bytes (--max-input-size)",
        ),
        (
            &["dce", "--dossier", "--max-files", "1"],
            "dce",
            "number of files in the dossier exceeds the limit of 1 (--max-files)",
        ),
    ];
    for (args, file, message) in cases {
        // `extract` fails with the error; `spec` reports it for the document.
        refused(
            &run(rc_in(d).arg("--no-config").arg("extract").args(*args)),
            file,
            message,
        );
        let r = run(rc_in(d)
            .arg("--no-config")
            .arg("spec")
            .args(*args)
            .args(["--format", "json"]));
        refused(&r, file, message);
        let report: Value = serde_json::from_str(&r.stdout).unwrap();
        assert!(
            report["documents"][0]["error"]
                .as_str()
                .is_some_and(|e| e.contains(message)),
            "{report}"
        );
        // Without the option, the defaults read it.
        let plain: Vec<&str> = args
            .iter()
            .copied()
            .filter(|a| *a == args[0] || *a == "--dossier")
            .collect();
        accepted(&run(rc_in(d)
            .arg("--no-config")
            .arg("extract")
            .args(&plain)));
    }
}

#[test]
fn every_reading_command_applies_the_limits() {
    let dir = inputs();
    let d = dir.path();
    let message = "HTML nesting depth exceeds the limit of 10 (--max-html-depth)";
    let product = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/products/municipal-website.toml");
    let runs = [
        run(rc_in(d).args([
            "--no-config",
            "clauses",
            "deep.html",
            "--max-html-depth",
            "10",
        ])),
        run(rc_in(d)
            .args(["--no-config", "match", "deep.html"])
            .arg(&product)
            .args(["--max-html-depth", "10"])),
        run(rc_in(d).args([
            "--no-config",
            "diff",
            "deep.html",
            "deep.html",
            "--max-html-depth",
            "10",
        ])),
    ];
    for r in &runs {
        refused(r, "deep.html", message);
    }
    accepted(&run(rc_in(d).args(["--no-config", "clauses", "deep.html"])));
    accepted(&run(rc_in(d).args([
        "--no-config",
        "diff",
        "deep.html",
        "deep.html",
    ])));
}

#[test]
fn config_keys_take_effect_and_the_command_line_wins() {
    let dir = inputs();
    let d = dir.path();
    std::fs::write(
        d.join("reset-check.toml"),
        "[limits]\nmax_html_depth = 10\nmax_entries = 1\nmax_inflated = \"1k\"\nmax_xml_depth = 3\n\
         max_pdf_pages = 10\nmax_files = 1\nmax_input_size = \"50M\"\n",
    )
    .unwrap();
    // The file's limits apply to every reading command...
    for cmd in ["extract", "spec", "clauses"] {
        refused(
            &run(rc_in(d).args([cmd, "deep.html"])),
            "deep.html",
            "HTML nesting depth exceeds the limit of 10 (--max-html-depth)",
        );
    }
    refused(
        &run(rc_in(d).args(["extract", "tender.docx"])),
        "tender.docx",
        "number of zip entries exceeds the limit of 1 (--max-entries)",
    );
    refused(
        &run(rc_in(d).args(["extract", "tender.docx", "--max-entries", "100"])),
        "tender.docx",
        "inflated size exceeds the limit of 1 kB (--max-inflated)",
    );
    refused(
        &run(rc_in(d).args([
            "extract",
            "tender.docx",
            "--max-entries",
            "100",
            "--max-inflated",
            "10M",
        ])),
        "tender.docx",
        "XML nesting depth exceeds the limit of 3 (--max-xml-depth)",
    );
    refused(
        &run(rc_in(d).args(["extract", "long.pdf"])),
        "long.pdf",
        "(--max-pdf-pages)",
    );
    refused(
        &run(rc_in(d).args(["extract", "--dossier", "dce"])),
        "dce",
        "(--max-files)",
    );
    // ...and the command line wins over the file.
    accepted(&run(rc_in(d).args([
        "extract",
        "deep.html",
        "--max-html-depth",
        "100",
    ])));
    accepted(&run(rc_in(d).args([
        "spec",
        "deep.html",
        "--max-html-depth",
        "100",
        "--format",
        "json",
    ])));
    accepted(&run(rc_in(d).args([
        "extract",
        "tender.docx",
        "--max-entries",
        "100",
        "--max-inflated",
        "10M",
        "--max-xml-depth",
        "100",
    ])));
    // (The file's 1 kB inflated size bounds PDF streams too.)
    accepted(&run(rc_in(d).args([
        "extract",
        "long.pdf",
        "--max-pdf-pages",
        "100",
        "--max-inflated",
        "10M",
    ])));
    accepted(&run(rc_in(d).args([
        "extract",
        "--dossier",
        "dce",
        "--max-files",
        "2",
    ])));
    // --no-config: the defaults.
    accepted(&run(rc_in(d).args(["--no-config", "extract", "deep.html"])));

    // `config` shows each limit, its value and who set it.
    let r = run(rc_in(d).args([
        "config",
        "--format",
        "json",
        "--max-pdf-pages",
        "7",
        "--max-inflated",
        "2G",
    ]));
    accepted(&r);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let get = |name: &str| -> (Value, String) {
        let s = v["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("no setting {name}: {v}"));
        (
            s["value"].clone(),
            s["source"].as_str().unwrap().to_string(),
        )
    };
    let file = "reset-check.toml".to_string();
    let cli = "command line".to_string();
    assert_eq!(get("max_html_depth"), (10.into(), file.clone()));
    assert_eq!(get("max_entries"), (1.into(), file.clone()));
    assert_eq!(get("max_xml_depth"), (3.into(), file.clone()));
    assert_eq!(get("max_files"), (1.into(), file.clone()));
    assert_eq!(get("max_input_size"), (50_000_000.into(), file));
    assert_eq!(get("max_pdf_pages"), (7.into(), cli.clone()));
    assert_eq!(get("max_inflated"), (2_000_000_000u64.into(), cli));
    assert_eq!(get("max_documents").1, "default");

    // The table says the sizes in words too.
    let r = run(rc_in(d).arg("config"));
    accepted(&r);
    let row = r
        .stdout
        .lines()
        .find(|l| l.contains("max_input_size"))
        .unwrap();
    assert!(
        row.contains("50000000 (50 MB)") && row.contains("reset-check.toml"),
        "{row}"
    );
    let row = r
        .stdout
        .lines()
        .find(|l| l.contains("max_xml_depth"))
        .unwrap();
    assert!(
        row.contains('3') && row.contains("reset-check.toml"),
        "{row}"
    );

    // Defaults, without the file.
    let r = run(rc_in(d).args(["--no-config", "config", "--format", "json"]));
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let default_of = |name: &str| -> u64 {
        let s = v["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap();
        assert_eq!(s["source"], "default");
        s["value"].as_u64().unwrap()
    };
    assert_eq!(default_of("max_input_size"), 100_000_000);
    assert_eq!(default_of("max_inflated"), 500_000_000);
    assert_eq!(default_of("max_entries"), 10_000);
    assert_eq!(default_of("max_xml_depth"), 256);
    assert_eq!(default_of("max_pdf_pages"), 2_000);
    assert_eq!(default_of("max_html_depth"), 512);
    assert_eq!(default_of("max_files"), 1_000);
}

#[test]
fn bad_limit_values_are_usage_errors() {
    let dir = inputs();
    let d = dir.path();
    for (args, says) in [
        (&["--max-entries", "0"][..], "at least 1"),
        (&["--max-html-depth", "deep"][..], "not a whole number"),
        (&["--max-inflated", "5X"][..], "unknown size unit"),
        (&["--max-input-size=-1M"][..], "cannot be negative"),
    ] {
        let r = run(rc_in(d)
            .args(["--no-config", "extract", "deep.html"])
            .args(args));
        assert_eq!(r.code, Some(2), "{args:?}");
        let option = args[0].split('=').next().unwrap();
        assert!(
            r.stderr.contains(says) && r.stderr.contains(option),
            "{}",
            r.stderr
        );
    }
    std::fs::write(d.join("reset-check.toml"), "[limits]\nmax_xml_depth = 0\n").unwrap();
    let r = run(rc_in(d).args(["extract", "deep.html"]));
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("max_xml_depth: takes a number of at least 1")
            && r.stderr.contains("reset-check.toml:2:"),
        "{}",
        r.stderr
    );
}

#[test]
fn help_lists_every_limit() {
    for cmd in ["spec", "extract", "clauses", "match", "diff", "config"] {
        let r = run(cargo_bin_cmd!("reset-check").args([cmd, "--help"]));
        accepted(&r);
        for option in [
            "--max-input-size",
            "--max-inflated",
            "--max-entries",
            "--max-xml-depth",
            "--max-pdf-pages",
            "--max-html-depth",
            "--max-files",
        ] {
            assert!(r.stdout.contains(option), "{cmd} --help lacks {option}");
        }
        assert!(r.stdout.contains("[limits] in reset-check.toml"), "{cmd}");
    }
}
