//! Each class of broken grid gives its own message, at the right file and line.
//!
//! The grids here are built from one small valid grid, broken one way at a
//! time. They are checked with the built-in `language.toml` and
//! `subjects.toml` only, so these tests do not depend on the five grids.

mod common;

use reset_criteria::{Catalog, Diagnostic, SourceFile};

const FILE: &str = "custom/demo.toml";

/// A valid grid of two criteria; each test breaks it in one place.
const VALID: &str = r#"id = "demo"
version = "1.0.0"
title = { fr = "Démo", en = "Demo" }
summary = { fr = "Une grille de test.", en = "A test grid." }

[[criteria]]
id = "DEMO-01"
title = { fr = "Pages légères", en = "Light pages" }
rationale = { fr = "Des pages légères consomment moins.", en = "Light pages use less energy." }
weight = 2
subjects = ["web", "mobile"]
references = ["RGESN 4.1"]
spec.cues = { fr = ["poids des pages", "sobri*"], en = ["page weight", "lightweight + pages"] }
product = { fact = "demo_page_weight_kb", question = { fr = "Poids moyen d'une page ?", en = "Average page weight?" }, rule = { type = "number", unit = "kB", better = "lower", levels = [2000, 1000, 500] } }
clause = { fr = "Le titulaire limite le poids des pages.", en = "The contractor limits page weight." }

[[criteria]]
id = "DEMO-02"
title = { fr = "Mode sombre", en = "Dark mode" }
rationale = { fr = "Un mode sombre économise l'écran.", en = "A dark mode saves screen energy." }
weight = 1
subjects = ["web"]
references = ["RGESN 2.1"]
spec.cues = { fr = ["mode sombre"], en = ["dark mode"] }
product = { fact = "demo_dark_mode", question = { fr = "Mode sombre ?", en = "Dark mode?" }, rule = { type = "enum", options = [
  { value = "none", level = 0, label = { fr = "Aucun", en = "None" } },
  { value = "full", level = 2, label = { fr = "Complet", en = "Full" } },
] } }
clause = { fr = "Le service propose un mode sombre.", en = "The service offers a dark mode." }
"#;

fn check(files: &[(&str, &str)]) -> Result<Catalog, Vec<Diagnostic>> {
    let mut all = common::shared_files();
    all.extend(files.iter().map(|(n, t)| SourceFile::new(*n, *t)));
    Catalog::from_files(&all, false).map_err(|d| d.0)
}

/// Replaces exactly one occurrence of `from`.
fn broken(from: &str, to: &str) -> String {
    assert_eq!(VALID.matches(from).count(), 1, "`{from}` must occur once");
    VALID.replacen(from, to, 1)
}

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle in text");
    text[..at].matches('\n').count() + 1
}

/// The diagnostics of one broken grid, which must contain `message`.
fn expect(text: &str, message: &str) -> Diagnostic {
    let diags = match check(&[(FILE, text)]) {
        Ok(_) => panic!("the grid should be invalid ({message})"),
        Err(d) => d,
    };
    let all: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    diags
        .iter()
        .find(|d| d.message.contains(message))
        .unwrap_or_else(|| panic!("no diagnostic contains {message:?}:\n{}", all.join("\n")))
        .clone()
}

#[test]
fn the_base_grid_is_valid() {
    let c = check(&[(FILE, VALID)]).unwrap_or_else(|d| {
        let all: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        panic!("{}", all.join("\n"))
    });
    assert_eq!(c.grids().len(), 1);
    assert_eq!(c.grids()[0].criteria.len(), 2);
}

#[test]
fn toml_syntax_error() {
    let text = broken("weight = 2", "weight = = 2");
    let d = expect(&text, "invalid TOML");
    assert_eq!(d.file, FILE);
    assert_eq!(d.line, line_of(&text, "weight = = 2"));
    assert!(d.column > 0);
    assert!(d.to_string().contains(&format!("--> {FILE}:{}:", d.line)));
}

#[test]
fn duplicate_criterion_id_in_one_grid() {
    let text = broken("id = \"DEMO-02\"", "id = \"DEMO-01\"");
    let d = expect(&text, "duplicate criterion id `DEMO-01`");
    // Points at the second definition, and says where the first one is.
    let second = text.match_indices("id = \"DEMO-01\"").nth(1).unwrap().0;
    assert_eq!(d.line, text[..second].matches('\n').count() + 1);
    let help = d.help.unwrap_or_default();
    assert!(
        help.contains(&format!("{FILE}:{}", line_of(&text, "id = \"DEMO-01\""))),
        "{help}"
    );
}

#[test]
fn duplicate_criterion_id_across_grids() {
    let other = VALID
        .replacen("id = \"demo\"", "id = \"demo-two\"", 1)
        .replace("demo_page_weight_kb", "two_page_weight_kb")
        .replace("demo_dark_mode", "two_dark_mode")
        .replace("DEMO-02", "TWO-02");
    let diags = check(&[(FILE, VALID), ("custom/two.toml", &other)]).unwrap_err();
    let d = diags
        .iter()
        .find(|d| d.message.contains("duplicate criterion id `DEMO-01`"))
        .expect("duplicate id across grids");
    assert_eq!(d.file, "custom/two.toml");
    assert_eq!(d.line, line_of(&other, "id = \"DEMO-01\""));
}

#[test]
fn duplicate_grid_id() {
    let other = VALID
        .replace("DEMO-0", "OTHER-0")
        .replace("demo_", "other_");
    let diags = check(&[(FILE, VALID), ("custom/other.toml", &other)]).unwrap_err();
    assert!(
        diags.iter().any(
            |d| d.message.contains("duplicate grid id `demo`") && d.file == "custom/other.toml"
        ),
        "{diags:?}"
    );
}

#[test]
fn duplicate_fact() {
    let text = broken(
        "fact = \"demo_dark_mode\"",
        "fact = \"demo_page_weight_kb\"",
    );
    let d = expect(&text, "fact `demo_page_weight_kb`");
    assert!(
        d.message.contains("already asked by DEMO-01"),
        "{}",
        d.message
    );
}

#[test]
fn unknown_subject() {
    let text = broken(
        "subjects = [\"web\", \"mobile\"]",
        "subjects = [\"web\", \"mobil\"]",
    );
    let d = expect(&text, "unknown subject `mobil`");
    assert_eq!(d.line, line_of(&text, "\"mobil\""));
    assert!(d
        .help
        .unwrap_or_default()
        .contains("did you mean `mobile`?"));
}

#[test]
fn prefix_cue_too_short() {
    let text = broken("\"sobri*\"", "\"ab*\"");
    let d = expect(&text, "the prefix `ab*` is shorter than 3 letters");
    assert_eq!(d.line, line_of(&text, "\"ab*\""));
}

#[test]
fn star_inside_a_cue() {
    let text = broken("\"sobri*\"", "\"so*bri\"");
    expect(&text, "`*` is only allowed at the end of a term");
}

#[test]
fn empty_term_in_a_conjunction() {
    let text = broken("\"lightweight + pages\"", "\"lightweight + \"");
    expect(&text, "empty term");
}

#[test]
fn weight_out_of_range() {
    let text = broken("weight = 2", "weight = 5");
    let d = expect(&text, "/criteria/0/weight");
    assert!(
        d.message.contains('5') && d.message.contains('3'),
        "{}",
        d.message
    );
    assert_eq!(d.line, line_of(&text, "weight = 5"));
}

#[test]
fn missing_english_text() {
    let text = broken(
        "title = { fr = \"Mode sombre\", en = \"Dark mode\" }",
        "title = { fr = \"Mode sombre\" }",
    );
    let d = expect(&text, "/criteria/1/title");
    assert!(d.message.contains("en"), "{}", d.message);
}

#[test]
fn empty_english_text() {
    let text = broken("en = \"Dark mode\" }", "en = \"  \" }");
    expect(&text, "/criteria/1/title: the `en` text is empty");
}

#[test]
fn cues_missing_in_one_language() {
    let text = broken(
        "spec.cues = { fr = [\"mode sombre\"], en = [\"dark mode\"] }",
        "spec.cues = { fr = [\"mode sombre\"], en = [] }",
    );
    expect(&text, "/criteria/1/spec/cues: no `en` cue");
}

#[test]
fn unknown_field() {
    let text = broken("weight = 2", "weight = 2\nweigth = 3");
    let d = expect(&text, "weigth");
    assert_eq!(d.file, FILE);
}

#[test]
fn bad_criterion_id() {
    let text = broken("id = \"DEMO-02\"", "id = \"demo2\"");
    let d = expect(&text, "/criteria/1/id");
    assert_eq!(d.line, line_of(&text, "\"demo2\""));
}

#[test]
fn bad_version() {
    let text = broken("version = \"1.0.0\"", "version = \"v1\"");
    expect(&text, "/version");
}

#[test]
fn unknown_rule_type() {
    let text = broken("rule = { type = \"number\"", "rule = { type = \"integer\"");
    expect(&text, "/criteria/0/product/rule");
}

#[test]
fn thresholds_not_ordered() {
    let text = broken("levels = [2000, 1000, 500]", "levels = [500, 1000, 2000]");
    let d = expect(&text, "are not ordered for `better = \"lower\"`");
    assert_eq!(d.line, line_of(&text, "[500, 1000, 2000]"));
}

#[test]
fn number_without_unit() {
    let text = broken("unit = \"kB\"", "unit = \" \"");
    expect(&text, "a number needs its unit");
}

#[test]
fn duplicate_enum_option() {
    let text = broken("{ value = \"full\"", "{ value = \"none\"");
    expect(&text, "duplicate option `none`");
}

#[test]
fn grades_not_decreasing() {
    let text = broken(
        "summary = { fr = \"Une grille de test.\", en = \"A test grid.\" }",
        "summary = { fr = \"Une grille de test.\", en = \"A test grid.\" }\ngrades = { a = 50, b = 60, c = 40, d = 20 }",
    );
    expect(&text, "grade thresholds must decrease");
}

#[test]
fn no_criteria() {
    let end = VALID.find("[[criteria]]").unwrap();
    let text = format!("{}criteria = []\n", &VALID[..end]);
    expect(&text, "/criteria");
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = VALID
        .replacen("\"mobile\"]", "\"mobil\"]", 1)
        .replacen("\"sobri*\"", "\"ab*\"", 1);
    let diags = check(&[(FILE, &text)]).unwrap_err();
    assert!(diags.len() >= 2, "{diags:?}");
}
