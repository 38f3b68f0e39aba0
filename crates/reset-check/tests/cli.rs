//! Black-box tests of the `reset-check` binary: exit codes, messages, outputs.
//!
//! Outputs that depend on the built-in grids (still being written) are only
//! checked for their shape; snapshots use a small grid written by the test.

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use predicates::prelude::*;
use reset_criteria::catalog::BUILTIN_FILES;
use std::path::Path;

/// A small, stable custom grid for snapshots.
const DEMO_GRID: &str = r#"# A demo grid for the CLI snapshots.
id = "demo"
version = "2.1.0"
title = { fr = "Démonstration", en = "Demonstration" }
summary = { fr = "Une grille de démonstration.", en = "A demonstration grid." }

[grades]
a = 85
b = 65
c = 45
d = 25

[[criteria]]
id = "DEMO-01"
title = { fr = "Pages légères", en = "Light pages" }
rationale = { fr = "Des pages légères se chargent vite sur un réseau lent et consomment moins.", en = "Light pages load fast on a slow network and use less energy." }
weight = 3
subjects = ["web", "mobile"]
references = ["RGESN 4.1", "EcoIndex"]
spec.cues = { fr = ["poids des pages", "page* + legere*"], en = ["page weight", "lightweight + page*"] }
spec.avoid = { fr = ["lecture automatique"], en = ["autoplay"] }
spec.verify = { fr = ["ecoindex"], en = ["ecoindex"] }
spec.exclude = { fr = ["poids des pages imprimees"], en = [] }
product = { fact = "demo_page_weight_kb", question = { fr = "Quel est le poids moyen d'une page ?", en = "What is the average page weight?" }, rule = { type = "number", unit = "kB", better = "lower", levels = [2000, 1000, 500] } }
clause = { fr = "Le poids moyen d'une page ne dépasse pas 500 ko, mesuré avec EcoIndex.", en = "The average page weight does not exceed 500 kB, measured with EcoIndex." }

[[criteria.examples]]
lang = "fr"
text = "Le poids des pages devra rester sous 500 ko (mesure EcoIndex)."
level = 3

[[criteria.examples]]
lang = "en"
text = "Page weight is not a concern for this project."
level = 0

[[criteria]]
id = "DEMO-02"
title = { fr = "Mode sombre", en = "Dark mode" }
rationale = { fr = "Un mode sombre économise l'énergie des écrans OLED.", en = "A dark mode saves energy on OLED screens." }
weight = 1
subjects = ["web"]
references = ["RGESN 2.1"]
spec.cues = { fr = ["mode sombre"], en = ["dark mode"] }
product = { fact = "demo_dark_mode", question = { fr = "Le service propose-t-il un mode sombre ?", en = "Does the service offer a dark mode?" }, rule = { type = "enum", options = [
  { value = "none", level = 0, label = { fr = "Aucun", en = "None" } },
  { value = "partial", level = 1, label = { fr = "Sur certaines pages", en = "On some pages" } },
  { value = "full", level = 2, label = { fr = "Partout", en = "Everywhere" } },
] } }
clause = { fr = "Le service propose un mode sombre sur toutes ses pages.", en = "The service offers a dark mode on every page." }

[[criteria]]
id = "DEMO-03"
title = { fr = "Hébergement bas carbone", en = "Low-carbon hosting" }
rationale = { fr = "L'électricité de l'hébergeur pèse sur l'empreinte.", en = "The host's electricity weighs on the footprint." }
weight = 2
subjects = ["hosting"]
references = ["RGESN 8.1"]
spec.cues = { fr = ["hebergement + bas carbone"], en = ["low-carbon hosting"] }
product = { fact = "demo_low_carbon", question = { fr = "L'hébergement est-il bas carbone ?", en = "Is the hosting low-carbon?" }, rule = { type = "bool" } }
clause = { fr = "L'hébergement est alimenté par une électricité bas carbone.", en = "The hosting runs on low-carbon electricity." }
"#;

fn cmd() -> Command {
    let mut c = cargo_bin_cmd!("reset-check");
    // Stable language and no colours, whatever the machine.
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    c
}

/// A temp dir holding the demo grid; commands run from it with `--grids .`.
fn demo_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("demo.toml"), DEMO_GRID).unwrap();
    dir
}

fn demo_cmd(dir: &Path) -> Command {
    let mut c = cmd();
    c.current_dir(dir).args(["--grids", ".", "--only", "demo"]);
    c
}

fn stdout_of(c: &mut Command) -> String {
    let out = c.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn builtin(name: &str) -> &'static str {
    BUILTIN_FILES
        .iter()
        .find(|(n, _)| n.ends_with(name))
        .map(|(_, t)| *t)
        .unwrap()
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle in text");
    text[..at].matches('\n').count() + 1
}

// ------------------------------------------------------------ usage

#[test]
fn usage_errors_exit_2() {
    cmd().assert().code(2);
    cmd().arg("frobnicate").assert().code(2);
    cmd().args(["grids", "--format", "yaml"]).assert().code(2);
    cmd().args(["--lang", "de", "grids"]).assert().code(2);
    cmd().arg("explain").assert().code(2);
}

#[test]
fn help_and_version() {
    cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("explain"))
        .stdout(predicate::str::contains("Exit codes"));
    cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("reset-check "));
    cmd()
        .args(["explain", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("reset-check explain PRIV-06"));
}

#[test]
fn unsupported_format_exits_2() {
    cmd()
        .args(["grids", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use one of: table, json"));
}

// ------------------------------------------------------------ grids

#[test]
fn grids_lists_the_five_grids() {
    let out = stdout_of(cmd().arg("grids"));
    for id in [
        "privacy",
        "frugality",
        "inclusivity",
        "non-discrimination",
        "attention",
    ] {
        assert!(out.contains(id), "{id} missing:\n{out}");
    }
    assert!(out.contains("built-in"));
    // Column widths follow the content, so keep only the column names.
    let header: Vec<&str> = out
        .lines()
        .nth(1)
        .unwrap()
        .split(['│', '┆'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    insta::assert_snapshot!("grids_header", header.join(" | "));
}

#[test]
fn grids_json() {
    let out = stdout_of(cmd().args(["grids", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["grids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "privacy",
            "frugality",
            "inclusivity",
            "non-discrimination",
            "attention"
        ]
    );
    assert_eq!(v["grids"][0]["origin"], "built-in");
}

#[test]
fn grids_only_and_unknown_grid() {
    let out = stdout_of(cmd().args(["grids", "--only", "privacy,attention"]));
    assert!(out.contains("privacy") && out.contains("attention"));
    assert!(!out.contains("frugality"));
    cmd()
        .args(["grids", "--only", "privcy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `privacy`"));
}

#[test]
fn grids_snapshot_over_a_custom_grid() {
    let dir = demo_dir();
    insta::assert_snapshot!(
        "grids_demo_en",
        stdout_of(demo_cmd(dir.path()).arg("grids"))
    );
    insta::assert_snapshot!(
        "grids_demo_fr",
        stdout_of(demo_cmd(dir.path()).args(["grids", "--lang", "fr"]))
    );
    insta::assert_snapshot!(
        "grids_demo_json",
        stdout_of(demo_cmd(dir.path()).args(["grids", "--format", "json"]))
    );
}

#[test]
fn grids_custom_dir_adds_a_grid() {
    let dir = demo_dir();
    let out = stdout_of(
        cmd()
            .current_dir(dir.path())
            .args(["--grids", ".", "grids"]),
    );
    assert!(
        out.contains("privacy") && out.contains("./demo.toml"),
        "{out}"
    );
}

#[test]
fn grids_cues() {
    let dir = demo_dir();
    let out = stdout_of(demo_cmd(dir.path()).args(["grids", "--cues"]));
    // Every term of the demo grid is there, normalised (the shared cue lists
    // and subjects, which change with the built-in data, come with them).
    let lines: Vec<&str> = out.lines().collect();
    for term in [
        "poids des pages",
        "page",
        "legere",
        "lecture automatique",
        "ecoindex",
        "poids des pages imprimees",
        "lightweight",
    ] {
        assert!(lines.contains(&term), "`{term}` missing from --cues");
    }
    assert!(lines.contains(&"doit"), "shared cues are searched too");
    let mut sorted = lines.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(lines, sorted);
    // Over the built-in catalog: non-empty, normalised (lowercase).
    let out = stdout_of(cmd().args(["grids", "--cues"]));
    assert!(!out.trim().is_empty());
    assert!(out
        .lines()
        .all(|l| l == l.to_lowercase() && !l.ends_with('*')));
}

#[test]
fn lang_from_the_environment() {
    let dir = demo_dir();
    let out = stdout_of(demo_cmd(dir.path()).env("LANG", "fr_FR.UTF-8").arg("grids"));
    assert!(out.contains("Démonstration"), "{out}");
    let out = stdout_of(
        demo_cmd(dir.path())
            .env("LANG", "fr_FR.UTF-8")
            .args(["grids", "--lang", "en"]),
    );
    assert!(out.contains("Demonstration"), "{out}");
}

#[test]
fn output_file() {
    let dir = demo_dir();
    let target = dir.path().join("out/grids.json");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    demo_cmd(dir.path())
        .args(["grids", "--format", "json", "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(v["grids"][0]["id"], "demo");
    // No temporary file left behind.
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        1
    );
    // An unwritable target is an error, exit 2.
    demo_cmd(dir.path())
        .args(["grids", "-o", "no/such/dir/x.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"));
}

#[test]
fn grids_dir_must_exist() {
    cmd()
        .args(["--grids", "/no/such/dir", "grids"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a directory"));
}

#[test]
fn broken_grids_dir_exits_2_with_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("demo.toml"),
        DEMO_GRID.replace("weight = 3", "weight = = 3"),
    )
    .unwrap();
    cmd()
        .current_dir(dir.path())
        .args(["--grids", ".", "grids"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid TOML"))
        .stderr(predicate::str::contains(format!(
            "./demo.toml:{}:",
            line_of(DEMO_GRID, "weight = 3")
        )));
}

// ------------------------------------------------------------ explain

#[test]
fn explain_snapshots() {
    let dir = demo_dir();
    for id in ["DEMO-01", "DEMO-02"] {
        for lang in ["en", "fr"] {
            let out = stdout_of(demo_cmd(dir.path()).args(["explain", id, "--lang", lang]));
            insta::assert_snapshot!(format!("explain_{id}_{lang}"), out);
        }
    }
}

#[test]
fn explain_bool_rule_and_case_insensitive_id() {
    let dir = demo_dir();
    let out = stdout_of(demo_cmd(dir.path()).args(["explain", "demo-03"]));
    assert!(out.contains("yes → level 2 (3 with evidence)"), "{out}");
}

#[test]
fn explain_json() {
    let dir = demo_dir();
    let out = stdout_of(demo_cmd(dir.path()).args(["explain", "DEMO-01", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "DEMO-01");
    assert_eq!(v["product"]["rule"]["levels"][2], 500.0);
}

#[test]
fn explain_a_builtin_criterion() {
    let c = reset_criteria::Catalog::builtin();
    let id = c.criterion_ids().next().unwrap().to_string();
    let out = stdout_of(cmd().args(["explain", &id]));
    assert!(out.starts_with(&id));
    assert!(out.contains("How the level is computed"));
}

#[test]
fn explain_unknown_id_suggests() {
    let dir = demo_dir();
    demo_cmd(dir.path())
        .args(["explain", "DEMO-04"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: unknown criterion `DEMO-04`; did you mean `DEMO-0",
        ))
        .stderr(predicate::str::contains("reset-check grids"));
    cmd()
        .args(["explain", "XYZZY-PLUGH"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown criterion `XYZZY-PLUGH`"));
    demo_cmd(dir.path())
        .args(["explain", "demo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a grid, not a criterion"));
}

// ------------------------------------------------------------ validate

/// A copy of the built-in privacy grid whose first criterion is repeated.
fn privacy_with_duplicate() -> String {
    let text = builtin("privacy.toml");
    let start = text.find("[[criteria]]").unwrap();
    let end = text[start + 1..]
        .find("[[criteria]]\n")
        .map(|i| start + 1 + i)
        .unwrap_or(text.len());
    format!("{text}\n{}", &text[start..end])
}

#[test]
fn validate_a_valid_grid() {
    let dir = demo_dir();
    cmd()
        .arg("validate")
        .arg(dir.path().join("demo.toml"))
        .assert()
        .success()
        .stdout("ok: 1 grid(s), 3 criteria\n");
    // A directory means its *.toml files.
    cmd()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success()
        .stdout("ok: 1 grid(s), 3 criteria\n");
}

#[test]
fn validate_duplicate_criterion_id() {
    let dir = tempfile::tempdir().unwrap();
    let text = privacy_with_duplicate();
    std::fs::write(dir.path().join("privacy.toml"), &text).unwrap();
    let second = text.rfind("\n[[criteria]]").unwrap() + 1;
    let id_at = second + text[second..].find("\nid = ").unwrap() + 1;
    let second_line = text[..id_at].matches('\n').count() + 1;
    cmd()
        .current_dir(dir.path())
        .args(["validate", "privacy.toml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("duplicate criterion id"))
        .stderr(predicate::str::contains(format!(
            "privacy.toml:{second_line}:"
        )));
}

#[test]
fn validate_toml_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = builtin("privacy.toml").replacen("\nweight = ", "\nweight = = ", 1);
    std::fs::write(dir.path().join("privacy.toml"), &text).unwrap();
    let line = line_of(&text, "weight = = ");
    cmd()
        .current_dir(dir.path())
        .args(["validate", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid TOML"))
        .stderr(predicate::str::contains(format!("privacy.toml:{line}:")));
}

#[test]
fn validate_semantic_errors() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "subject",
            DEMO_GRID.replacen("subjects = [\"web\"]", "subjects = [\"webb\"]", 1),
            "unknown subject `webb`",
        ),
        (
            "cue",
            DEMO_GRID.replacen("\"mode sombre\"]", "\"ab*\"]", 1),
            "the prefix `ab*` is shorter than 3 letters",
        ),
        (
            "weight",
            DEMO_GRID.replacen("weight = 3", "weight = 5", 1),
            "/criteria/0/weight",
        ),
    ];
    for (name, text, message) in cases {
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).unwrap();
        cmd()
            .arg("validate")
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains(format!("{name}.toml:")));
    }
}

#[test]
fn validate_input_errors() {
    let dir = tempfile::tempdir().unwrap();
    cmd().arg("validate").assert().code(2);
    cmd()
        .args(["validate", "/no/such/file.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    cmd()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no *.toml file"));
    let txt = dir.path().join("notes.txt");
    std::fs::write(&txt, "hello").unwrap();
    cmd()
        .arg("validate")
        .arg(&txt)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected a grid file"));
}

#[test]
fn validate_tells_product_files_from_grids() {
    // Product files are validated in full by tests/product.rs.
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("product.json");
    std::fs::write(&json, "{}").unwrap();
    cmd()
        .arg("validate")
        .arg(&json)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no [product] section"));
    let toml = dir.path().join("product.toml");
    std::fs::write(&toml, "[product]\nname = \"Portail\"\n").unwrap();
    cmd()
        .arg("validate")
        .arg(&toml)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok: "));
}

// ------------------------------------------------------------ schema

#[test]
fn schema_grid_is_json() {
    let out = stdout_of(cmd().args(["schema", "grid"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["properties"]["criteria"].is_object(), "{v}");
    for name in ["language", "subjects"] {
        let out = stdout_of(cmd().args(["schema", name]));
        serde_json::from_str::<serde_json::Value>(&out).unwrap();
    }
}

#[test]
fn schema_unknown_name() {
    cmd()
        .args(["schema", "produit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("grid"))
        .stderr(predicate::str::contains("subjects"));
}

// ------------------------------------------------------------ completions, man

#[test]
fn completions() {
    let out = stdout_of(cmd().args(["completions", "bash"]));
    assert!(out.contains("reset-check") && out.contains("explain"));
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        cmd().args(["completions", shell]).assert().success();
    }
    cmd().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page() {
    let out = stdout_of(cmd().arg("man"));
    assert!(
        out.contains(".TH reset-check"),
        "{}",
        &out[..200.min(out.len())]
    );
    let dir = tempfile::tempdir().unwrap();
    cmd()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(dir.path().join("reset-check.1").is_file());
    assert!(dir.path().join("reset-check-explain.1").is_file());
}

/// A sample of the built-in grids as a buyer reads them, in both languages.
/// These snapshots change when a grid is edited: review the diff like a text.
#[test]
fn explain_builtin_sample_reads_well() {
    for (id, lang) in [
        ("PRIV-04", "fr"),
        ("PRIV-04", "en"),
        ("INCL-01", "fr"),
        ("ATTN-04", "en"),
    ] {
        let out = stdout_of(cmd().args(["explain", id, "--lang", lang, "--no-config"]));
        insta::assert_snapshot!(format!("explain_builtin_{id}_{lang}"), out);
    }
}
