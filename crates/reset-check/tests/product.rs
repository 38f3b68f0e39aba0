//! Black-box tests of the product commands: init → fill → validate →
//! product → match → diff, invalid files, the CI gates, and the examples.

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn cmd() -> Command {
    let mut c = cargo_bin_cmd!("reset-check");
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    c
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str) -> PathBuf {
    root().join("examples/products").join(name)
}

fn json_of(c: &mut Command) -> serde_json::Value {
    let out = c.output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Uncomments every answer line of a template, then sets the given facts.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    template
        .lines()
        .map(|l| {
            let Some(rest) = l.strip_prefix("# ") else {
                return format!("{l}\n");
            };
            let Some((fact, _)) = rest.split_once(" = { ") else {
                return format!("{l}\n");
            };
            if !fact
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            {
                return format!("{l}\n");
            }
            match values.iter().find(|(f, _)| *f == fact) {
                Some((_, v)) => format!("{fact} = {v}\n"),
                None => format!("{rest}\n"),
            }
        })
        .collect()
}

#[test]
fn init_fill_validate_product_match_diff() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // init
    cmd()
        .current_dir(d)
        .args(["init", "--subject", "web", "--name", "Portail citoyen"])
        .assert()
        .success();
    let template = std::fs::read_to_string(d.join("reset-product.toml")).unwrap();
    assert!(
        template.contains("name = \"Portail citoyen\"")
            && template.contains("subjects = [\"web\"]")
    );
    assert!(template.contains("(with evidence)"), "levels explained");
    // The template is valid as written: nothing declared yet.
    cmd()
        .current_dir(d)
        .args(["validate", "reset-product.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 answer(s)"));

    // fill: v1 answers everything with the placeholders (level 0), v2 improves some.
    let v1 = fill(&template, &[]);
    std::fs::write(d.join("v1.toml"), &v1).unwrap();
    let v2 = fill(
        &template,
        &[
            ("priv_data_minimised", "{ value = \"per_purpose\" }"),
            ("priv_breach_notice_hours", "{ value = 24, unit = \"hours\", evidence = { url = \"https://example.org/contract\", date = 2025-01-31, by = \"Legal\" } }"),
            ("attn_no_infinite_scroll", "{ value = true }"),
            ("attn_advertising", "{ not_applicable = true, justification = \"No advertising space at all.\" }"),
        ],
    );
    std::fs::write(d.join("v2.toml"), &v2).unwrap();
    cmd()
        .current_dir(d)
        .args(["validate", "v1.toml", "v2.toml"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("ok: v1.toml").and(predicate::str::contains("ok: v2.toml")),
        );

    // product: JSON report with every grid, evidence pointing at the answer's line.
    let report = json_of(
        cmd()
            .current_dir(d)
            .args(["product", "v1.toml", "v2.toml", "--format", "json"]),
    );
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["kind"], "product");
    assert_eq!(docs[0]["score"], 0.0);
    assert!(docs[1]["score"].as_f64().unwrap() > 0.0, "{}", docs[1]);
    let crit = |doc: &serde_json::Value, id: &str| -> serde_json::Value {
        doc["grids"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["criteria"].as_array().unwrap().clone())
            .find(|c| c["id"] == id)
            .unwrap()
    };
    let breach = crit(&docs[1], "PRIV-10");
    assert_eq!(breach["level"], 3);
    let line = breach["evidence"][0]["line"].as_u64().unwrap() as usize;
    assert!(v2
        .lines()
        .nth(line - 1)
        .unwrap()
        .starts_with("priv_breach_notice_hours = "));
    assert_eq!(breach["evidence"][0]["file"], "v2.toml");
    let ads = crit(&docs[1], "ATTN-16");
    assert_eq!(
        (ads["applicable"].clone(), ads["status"].clone()),
        (false.into(), "not_applicable".into())
    );
    // The table lists the unanswered questions apart.
    std::fs::write(
        d.join("partial.toml"),
        fill(&template, &[]).replace("\npriv_data_minimised =", "\n# priv_data_minimised ="),
    )
    .unwrap();
    cmd()
        .current_dir(d)
        .args(["product", "partial.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Not declared (level 0: questions the product file does not answer): PRIV-01",
        ));

    // match: the sample tender against v2.
    let spec = root().join("examples/cctp-site-communal.md");
    let m = json_of(
        cmd()
            .current_dir(d)
            .arg("match")
            .arg(&spec)
            .arg("v2.toml")
            .args(["--format", "json"]),
    );
    let rows = m["rows"].as_array().unwrap();
    assert!(
        !rows.is_empty(),
        "the sample tender requires something: {m}"
    );
    for r in rows {
        assert!(r["required_level"].as_u64().unwrap() >= 2);
        assert!(["met", "not_met", "not_declared", "not_applicable"]
            .contains(&r["verdict"].as_str().unwrap()));
        assert!(r["requirement"]["line"].as_u64().unwrap() > 0, "{r}");
    }
    assert!(m["compliance"].is_number());
    cmd()
        .current_dir(d)
        .arg("match")
        .arg(&spec)
        .arg("v2.toml")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Compliance:")
                .and(predicate::str::contains("Required by the tender")),
        );

    // diff: v1 → v2, gained and score change.
    let diff = json_of(
        cmd()
            .current_dir(d)
            .args(["diff", "v1.toml", "v2.toml", "--format", "json"]),
    );
    let changes = diff["changes"].as_array().unwrap();
    let change_of = |id: &str| {
        changes
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["change"].as_str().unwrap().to_string())
    };
    assert_eq!(change_of("PRIV-01").as_deref(), Some("gained"));
    assert_eq!(change_of("PRIV-10").as_deref(), Some("gained"));
    assert_eq!(change_of("ATTN-05").as_deref(), Some("gained"));
    assert!(diff["score"]["delta"].as_f64().unwrap() > 0.0);
    assert_eq!(diff["counts"]["lost"], 0);
    // ... and back, from two JSON reports written by --format json.
    cmd()
        .current_dir(d)
        .args(["product", "v2.toml", "--format", "json", "-o", "v2.json"])
        .assert()
        .success();
    cmd()
        .current_dir(d)
        .args(["product", "v1.toml", "--format", "json", "-o", "v1.json"])
        .assert()
        .success();
    cmd()
        .current_dir(d)
        .args(["diff", "v2.json", "v1.json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("lost").and(predicate::str::contains("PRIV-10")));
    // Two kinds cannot be compared.
    cmd()
        .current_dir(d)
        .arg("diff")
        .arg(&spec)
        .arg("v2.toml")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("same kind"));
}

#[test]
fn init_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("mine.toml");
    std::fs::write(&f, "my answers").unwrap();
    cmd().args(["init", "-o"]).arg(&f).assert().code(2).stderr(
        predicate::str::contains("already exists").and(predicate::str::contains("--force")),
    );
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "my answers");
    cmd()
        .args(["init", "--force", "--lang", "fr", "--subject", "ai", "-o"])
        .arg(&f)
        .assert()
        .success();
    let t = std::fs::read_to_string(&f).unwrap();
    assert!(
        t.contains("Auto-évaluation") && t.contains("subjects = [\"ai\"]"),
        "{t}"
    );
    cmd()
        .args(["init", "--subject", "webb"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `web`?"));
    // -o - writes to stdout.
    cmd()
        .args(["init", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[product]"));
}

#[test]
fn invalid_file_lists_all_errors_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[product]\nname = \"Bad\"\nsubjects = [\"webb\"]\n\n[answers]\npriv_data_minimized = { value = \"per_purpose\" }\npriv_breach_notice_hours = { value = \"24 hours\", unit = \"hours\" }\nattn_no_infinite_scroll = { value = \"yes\" }\n",
    )
    .unwrap();
    let good = example("municipal-website.toml");
    let out = cmd()
        .arg("product")
        .arg(&bad)
        .arg(&good)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "/product/subjects/0: unknown subject \"webb\"",
        "bad.toml:3:13",
        "/answers/priv_data_minimized: unknown fact `priv_data_minimized`",
        "did you mean `priv_data_minimised` (PRIV-01)?",
        "bad.toml:6:",
        "/answers/priv_breach_notice_hours/value",
        "bad.toml:7:",
        "/answers/attn_no_infinite_scroll/value",
        "bad.toml:8:",
        "4 problems found",
    ] {
        assert!(stderr.contains(needle), "missing {needle:?} in:\n{stderr}");
    }
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["documents"][0]["error"]
        .as_str()
        .unwrap()
        .contains("bad.toml:6:"));
    assert!(
        report["documents"][1]["score"].as_f64().unwrap() > 50.0,
        "the other file is still assessed"
    );
    // validate says the same, in French when asked.
    cmd()
        .args(["validate", "--lang", "fr"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("fait inconnu `priv_data_minimized`")
                .and(predicate::str::contains("attend oui ou non")),
        );
}

#[test]
fn gates_exit_1() {
    let good = example("municipal-website.toml");
    let poor = example("adfunded-mobile-app.toml");
    cmd()
        .arg("product")
        .arg(&good)
        .args(["--fail-under", "70"])
        .assert()
        .success();
    cmd()
        .arg("product")
        .arg(&poor)
        .args(["--fail-under", "70"])
        .assert()
        .code(1);
    cmd()
        .arg("product")
        .arg(&good)
        .arg(&poor)
        .args(["--fail-under", "20"])
        .assert()
        .success();
    // INCL-06 is at level 1 in the municipal site, PRIV-01 at 3.
    cmd()
        .arg("product")
        .arg(&good)
        .args(["--fail-on", "PRIV-01"])
        .assert()
        .success();
    cmd()
        .arg("product")
        .arg(&good)
        .args(["--fail-on", "PRIV-01,INCL-06"])
        .assert()
        .code(1);
    // A criterion declared not applicable does not fail the gate.
    cmd()
        .arg("product")
        .arg(&good)
        .args(["--fail-on", "ATTN-07"])
        .assert()
        .success();
    cmd()
        .arg("product")
        .arg(&good)
        .args(["--fail-on", "PRIV-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `PRIV-01`?"));
    cmd()
        .arg("product")
        .arg(&good)
        .args(["--fail-under", "120"])
        .assert()
        .code(2);
}

#[test]
fn examples_are_valid_and_score_differently() {
    cmd()
        .arg("validate")
        .arg(root().join("examples/products"))
        .assert()
        .success()
        .stdout(predicate::str::contains("ai-recruitment-screening.json"));
    let report = json_of(
        cmd()
            .arg("product")
            .arg(root().join("examples/products"))
            .args(["--format", "json"]),
    );
    let by_name = |name: &str| {
        report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["source"].as_str().unwrap().ends_with(name))
            .unwrap()
            .clone()
    };
    let site = by_name("municipal-website.toml");
    let app = by_name("adfunded-mobile-app.toml");
    let ai = by_name("ai-recruitment-screening.json");
    let score = |d: &serde_json::Value| d["score"].as_f64().unwrap();
    assert!(
        score(&site) > score(&ai) && score(&ai) > score(&app),
        "{} {} {}",
        score(&site),
        score(&ai),
        score(&app)
    );
    assert_eq!(site["grade"], "A");
    assert_eq!(app["weakest_grid"], "attention");
    assert_eq!(ai["weakest_grid"], "non-discrimination");
    assert_eq!(ai["format"], "json");
    let grid = |d: &serde_json::Value, id: &str| {
        d["grids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id)
            .unwrap()["grade"]
            .clone()
    };
    assert_eq!(grid(&app, "attention"), "E");
}

#[test]
fn schemas_of_product_and_report() {
    let out = cmd().args(["schema", "product"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let answers = &v["properties"]["answers"]["properties"];
    assert_eq!(
        answers["priv_breach_notice_hours"]["properties"]["unit"]["const"],
        "hours"
    );
    assert_eq!(
        answers["attn_no_infinite_scroll"]["properties"]["value"]["type"],
        "boolean"
    );
    // --only narrows it to a grid's facts.
    let out = cmd()
        .args(["schema", "product", "--only", "attention"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["properties"]["answers"]["properties"]["priv_breach_notice_hours"].is_null());
    let out = cmd().args(["schema", "report"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["properties"]["documents"].is_object(), "{v}");
}
