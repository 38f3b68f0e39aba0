//! Product self-assessments: rules to levels, the evidence cap, not
//! applicable, validation messages (unknown fact, wrong type, wrong unit) with
//! their pointers and lines, the template, the schema and the match.
//!
//! A small grid written here keeps these tests independent of the built-in
//! grids' content.

mod common;

use reset_criteria::engine::{assess_text, SpecOptions};
use reset_criteria::product::{
    answer_level, assess_product, match_product, not_declared, parse_product, product_schema,
    product_template, Answer, AnswerValue, ProductOptions, ProductValidator, Proof, Verdict,
};
use reset_criteria::report::{DocumentReport, Status};
use reset_criteria::{Catalog, Diagnostics, Lang, SourceFile};

const GRID: &str = r#"
id = "demo"
version = "1.2.0"
title = { fr = "Démonstration", en = "Demonstration" }
summary = { fr = "Une grille de test.", en = "A test grid." }

[[criteria]]
id = "DEMO-01"
title = { fr = "Pages légères", en = "Light pages" }
rationale = { fr = "Des pages légères consomment moins.", en = "Light pages use less energy." }
weight = 3
subjects = ["web"]
references = ["RGESN 4.1"]
spec.cues = { fr = ["poids des pages"], en = ["page weight"] }
product = { fact = "demo_page_weight_kb", question = { fr = "Quel est le poids moyen d'une page ?", en = "What is the average page weight?" }, rule = { type = "number", unit = "kB", better = "lower", levels = [2000, 1000, 500] } }
clause = { fr = "Le poids moyen d'une page ne dépasse pas 500 ko.", en = "The average page weight does not exceed 500 kB." }

[[criteria]]
id = "DEMO-02"
title = { fr = "Mode sombre", en = "Dark mode" }
rationale = { fr = "Un mode sombre économise l'énergie.", en = "A dark mode saves energy." }
weight = 1
subjects = ["web"]
references = ["RGESN 2.1"]
spec.cues = { fr = ["mode sombre"], en = ["dark mode"] }
product = { fact = "demo_dark_mode", question = { fr = "Le service propose-t-il un mode sombre ?", en = "Does the service offer a dark mode?" }, rule = { type = "enum", options = [
  { value = "none", level = 0, label = { fr = "Aucun", en = "None" } },
  { value = "partial", level = 1, label = { fr = "Sur certaines pages", en = "On some pages" } },
  { value = "full", level = 2, label = { fr = "Partout", en = "Everywhere" } },
  { value = "full_tested", level = 3, label = { fr = "Partout, testé", en = "Everywhere, tested" } },
] } }
clause = { fr = "Le service propose un mode sombre.", en = "The service offers a dark mode." }

[[criteria]]
id = "DEMO-03"
title = { fr = "Hébergement bas carbone", en = "Low-carbon hosting" }
rationale = { fr = "L'électricité de l'hébergeur pèse.", en = "The host's electricity weighs." }
weight = 2
subjects = ["hosting"]
references = ["RGESN 8.1"]
spec.cues = { fr = ["hebergement bas carbone"], en = ["low-carbon hosting"] }
product = { fact = "demo_low_carbon", question = { fr = "L'hébergement est-il bas carbone ?", en = "Is the hosting low-carbon?" }, rule = { type = "bool" } }
clause = { fr = "L'hébergement est bas carbone.", en = "The hosting is low-carbon." }
"#;

fn catalog() -> Catalog {
    common::catalog_with("demo.toml", GRID)
}

fn parse_as(
    name: &str,
    text: &str,
    lang: Lang,
) -> Result<reset_criteria::product::ProductFile, Diagnostics> {
    parse_product(&catalog(), &SourceFile::new(name, text), lang)
}

fn assess(text: &str) -> DocumentReport {
    let c = catalog();
    let p = parse_as("p.toml", text, Lang::En).unwrap_or_else(|d| panic!("{d}"));
    assess_product(&c, &p, &ProductOptions::default())
}

fn criterion<'a>(r: &'a DocumentReport, id: &str) -> &'a reset_criteria::report::CriterionReport {
    r.grids
        .iter()
        .flat_map(|g| &g.criteria)
        .find(|c| c.id == id)
        .unwrap()
}

fn rule_of(id: &str) -> reset_criteria::Rule {
    catalog().criterion(id).unwrap().1.product.rule.clone()
}

fn answer(value: AnswerValue, unit: Option<&str>, proven: bool) -> Answer {
    Answer {
        value: Some(value),
        unit: unit.map(String::from),
        evidence: proven.then(|| Proof {
            url: Some("https://example.org/audit".into()),
            ..Proof::default()
        }),
        ..Answer::default()
    }
}

#[test]
fn rules_give_levels() {
    let num = rule_of("DEMO-01");
    let level = |v: f64, proven| {
        answer_level(
            &num,
            &answer(AnswerValue::Number(v), Some("kB"), proven),
            Lang::En,
        )
        .0
    };
    assert_eq!(level(2500.0, false), 0);
    assert_eq!(level(2000.0, false), 1);
    assert_eq!(level(800.0, false), 2);
    assert_eq!(level(400.0, true), 3);
    let en = rule_of("DEMO-02");
    let level = |v: &str| {
        answer_level(
            &en,
            &answer(AnswerValue::Text(v.into()), None, true),
            Lang::En,
        )
        .0
    };
    assert_eq!(level("none"), 0);
    assert_eq!(level("partial"), 1);
    assert_eq!(level("full"), 2);
    assert_eq!(level("full_tested"), 3);
    let b = rule_of("DEMO-03");
    assert_eq!(
        answer_level(&b, &answer(AnswerValue::Bool(false), None, true), Lang::En).0,
        0
    );
    assert_eq!(
        answer_level(&b, &answer(AnswerValue::Bool(true), None, false), Lang::En).0,
        2
    );
    assert_eq!(
        answer_level(&b, &answer(AnswerValue::Bool(true), None, true), Lang::En).0,
        3
    );
}

#[test]
fn level_three_needs_evidence() {
    let num = rule_of("DEMO-01");
    let (level, reasons) = answer_level(
        &num,
        &answer(AnswerValue::Number(300.0), Some("kB"), false),
        Lang::En,
    );
    assert_eq!(level, 2);
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("needs evidence") && r.contains("counted as 2")),
        "{reasons:?}"
    );
    let (_, reasons) = answer_level(
        &num,
        &answer(AnswerValue::Number(300.0), Some("kB"), false),
        Lang::Fr,
    );
    assert!(
        reasons.iter().any(|r| r.contains("exige une preuve")),
        "{reasons:?}"
    );
    // Evidence with only a date and an author proves nothing.
    let mut a = answer(AnswerValue::Number(300.0), Some("kB"), false);
    a.evidence = Some(Proof {
        by: Some("me".into()),
        ..Proof::default()
    });
    assert_eq!(answer_level(&num, &a, Lang::En).0, 2);
    // Through the whole file: a proven answer reaches 3 and says why.
    let r = assess(
        "[product]\nname = \"x\"\nsubjects = [\"web\"]\n\n[answers.demo_page_weight_kb]\nvalue = 420\nunit = \"kB\"\nevidence = { url = \"https://example.org/m\", date = 2025-03-01, by = \"lab\" }\n",
    );
    let c = criterion(&r, "DEMO-01");
    assert_eq!((c.level, c.status), (3, Status::Met));
    assert!(c.evidence[0].text.contains("420 kB"), "{:?}", c.evidence[0]);
    assert!(c.evidence[0]
        .reasons
        .iter()
        .any(|r| r.contains("https://example.org/m (2025-03-01, lab)")));
}

#[test]
fn unanswered_is_not_declared_and_not_applicable_leaves_the_denominator() {
    let r = assess(
        "[product]\nname = \"x\"\nsubjects = [\"web\"]\n\n[answers.demo_dark_mode]\nnot_applicable = true\njustification = \"Text-only terminal service.\"\n",
    );
    assert_eq!(r.subjects_source, "declared");
    let dark = criterion(&r, "DEMO-02");
    assert!(!dark.applicable);
    assert_eq!(dark.status, Status::NotApplicable);
    assert!(dark.evidence[0]
        .text
        .contains("Text-only terminal service."));
    let weight = criterion(&r, "DEMO-01");
    assert_eq!((weight.level, weight.status), (0, Status::NotDeclared));
    assert_eq!(not_declared(&r).len(), 1);
    // DEMO-03 is for hosting: not applicable to a web product.
    assert!(!criterion(&r, "DEMO-03").applicable);
    // Only DEMO-01 (weight 3, level 0) is left in the denominator.
    assert_eq!(r.grids[0].score, Some(0.0));
    assert_eq!(r.grids[0].not_applicable, 2);

    // Declared at level 2, the same file scores 66.7.
    let r = assess(
        "[product]\nname = \"x\"\nsubjects = [\"web\"]\n\n[answers.demo_page_weight_kb]\nvalue = 900\nunit = \"kB\"\n\n[answers.demo_dark_mode]\nnot_applicable = true\njustification = \"Text only.\"\n",
    );
    assert_eq!(r.grids[0].score, Some(66.7));
}

#[test]
fn subjects_come_from_the_options_then_the_file_then_all() {
    let c = catalog();
    let p = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\nsubjects = [\"web\"]\n",
        Lang::En,
    )
    .unwrap();
    let r = assess_product(
        &c,
        &p,
        &ProductOptions {
            subjects: Some(vec!["hosting".into()]),
            lang: Lang::En,
        },
    );
    assert_eq!(r.subjects_source, "given");
    assert!(criterion(&r, "DEMO-03").applicable);
    assert!(!criterion(&r, "DEMO-01").applicable);
    let p = parse_as("p.toml", "[product]\nname = \"x\"\n", Lang::En).unwrap();
    let r = assess_product(&c, &p, &ProductOptions::default());
    assert_eq!(r.subjects_source, "all");
    assert!(r.grids[0].criteria.iter().all(|c| c.applicable));
}

#[test]
fn unknown_fact_suggests_the_closest() {
    let e = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n\n[answers.demo_page_weight]\nvalue = 1\n",
        Lang::En,
    )
    .unwrap_err();
    let s = e.to_string();
    assert!(
        s.contains("/answers/demo_page_weight: unknown fact `demo_page_weight`"),
        "{s}"
    );
    assert!(
        s.contains("did you mean `demo_page_weight_kb` (DEMO-01)?"),
        "{s}"
    );
    assert_eq!(e.0[0].line, 4, "{s}");
    // A criterion id instead of its fact.
    let e = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n[answers]\nDEMO-02 = { value = \"full\" }\n",
        Lang::En,
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("its fact is `demo_dark_mode`"),
        "{e}"
    );
    // A fact written inside another answer's section.
    let e = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n[answers.demo_dark_mode]\nvalue = \"full\"\ndemo_low_carbon = { value = true }\n",
        Lang::En,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("sits inside the section [answers.demo_dark_mode]"),
        "{e}"
    );
}

#[test]
fn wrong_type_is_explained_with_its_place() {
    let text = "[product]\nname = \"x\"\n\n[answers.demo_page_weight_kb]\nvalue = \"480 kB\"\nunit = \"kB\"\n";
    let e = parse_as("p.toml", text, Lang::En).unwrap_err();
    assert_eq!(e.0.len(), 1, "{e}");
    let d = &e.0[0];
    assert_eq!((d.line, d.column), (5, 9));
    assert!(d.message.contains("/answers/demo_page_weight_kb/value: `demo_page_weight_kb` expects a number in kB, not the text \"480 kB\""), "{}", d.message);
    assert_eq!(
        d.help.as_deref(),
        Some("write the number alone, without quotes: value = 480, unit = \"kB\"")
    );
    let e = parse_as("p.toml", text, Lang::Fr).unwrap_err();
    assert!(
        e.0[0]
            .message
            .contains("attend un nombre en kB, pas le texte \"480 kB\""),
        "{}",
        e.0[0].message
    );
    // A yes/no answer written as a word.
    let e = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n[answers]\ndemo_low_carbon = { value = \"yes\" }\n",
        Lang::En,
    )
    .unwrap_err();
    assert_eq!(
        e.0[0].help.as_deref(),
        Some("write value = true, without quotes")
    );
    // A value outside the enum.
    let e = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n[answers]\ndemo_dark_mode = { value = \"ful\" }\n",
        Lang::En,
    )
    .unwrap_err();
    assert!(
        e.0[0]
            .message
            .contains("allowed values: \"none\", \"partial\", \"full\", \"full_tested\""),
        "{e}"
    );
    assert!(
        e.0[0]
            .help
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean `full`?"),
        "{e}"
    );
}

#[test]
fn wrong_or_missing_unit_is_explained() {
    let e = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n[answers]\ndemo_page_weight_kb = { value = 0.4, unit = \"MB\" }\n",
        Lang::En,
    )
    .unwrap_err();
    let d = &e.0[0];
    assert!(d.message.contains("/answers/demo_page_weight_kb/unit: `demo_page_weight_kb` is measured in `kB`, not the text \"MB\""), "{e}");
    assert_eq!((d.line, d.column), (4, 45));
    let e = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n[answers]\ndemo_page_weight_kb = { value = 400 }\n",
        Lang::Fr,
    )
    .unwrap_err();
    assert!(
        e.0[0]
            .message
            .contains("n'a pas d'unité ; il se mesure en `kB`"),
        "{e}"
    );
    let e = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n[answers]\ndemo_dark_mode = { value = \"full\", unit = \"%\" }\n",
        Lang::En,
    )
    .unwrap_err();
    assert!(e.0[0].message.contains("takes no unit"), "{e}");
}

#[test]
fn every_error_at_once_sorted_by_line() {
    let text = r#"[product]
name = "x"
subjects = ["webb"]
grids = { demo = "1.2" }

[answers.demo_page_weight_kb]
value = "heavy"
unit = "kB"
evidence = { date = "yesterday" }

[answers.demo_dark_mode]
not_applicable = true

[answers.demo_low_carbon]
value = true
colour = "green"
"#;
    let e = parse_as("p.toml", text, Lang::En).unwrap_err();
    let lines: Vec<usize> = e.0.iter().map(|d| d.line).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
    let all = e.to_string();
    for needle in [
        "/product/subjects/0: unknown subject \"webb\"",
        "/product/grids/demo: the text \"1.2\" is not a version number",
        "/answers/demo_page_weight_kb/value",
        "/answers/demo_page_weight_kb/evidence: the evidence of `demo_page_weight_kb` has neither url nor file",
        "/answers/demo_page_weight_kb/evidence/date: the text \"yesterday\" is not a date",
        "/answers/demo_dark_mode: `demo_dark_mode` is marked not applicable without a justification",
        "/answers/demo_low_carbon/colour: unknown field `colour`",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in:\n{all}");
    }
    assert!(e.0.len() >= 7, "{all}");
    assert!(lines.contains(&3) && lines.contains(&16), "{lines:?}");
}

#[test]
fn json_files_have_lines_too() {
    let text = "{\n  \"product\": { \"name\": \"x\", \"subjects\": [\"web\"] },\n  \"answers\": {\n    \"demo_dark_mode\": { \"value\": \"full\" },\n    \"demo_page_weight_kb\": { \"value\": 480, \"unit\": \"kb\" }\n  }\n}\n";
    let e = parse_as("p.json", text, Lang::En).unwrap_err();
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(e.0[0].line, 5);
    let fixed = text.replace("\"kb\"", "\"kB\"");
    let c = catalog();
    let p = parse_as("p.json", &fixed, Lang::En).unwrap();
    let r = assess_product(&c, &p, &ProductOptions::default());
    assert_eq!(r.format.as_deref(), Some("json"));
    let ev = &criterion(&r, "DEMO-02").evidence[0];
    assert_eq!((ev.file.as_deref(), ev.line), (Some("p.json"), 4));
    let e = parse_as("p.json", "{\n  \"product\": {\n}", Lang::En).unwrap_err();
    assert!(e.to_string().contains("invalid JSON"), "{e}");
}

#[test]
fn evidence_points_at_the_answer_line_in_toml() {
    let r = assess(
        "# comment\n[product]\nname = \"x\"\n\n[answers]\ndemo_dark_mode = { value = \"partial\" }\n\n[answers.demo_page_weight_kb]\nvalue = 1500\nunit = \"kB\"\n",
    );
    let dark = &criterion(&r, "DEMO-02").evidence[0];
    assert_eq!((dark.line, dark.location.as_str()), (6, "6:18"));
    assert_eq!(dark.file.as_deref(), Some("p.toml"));
    let weight = &criterion(&r, "DEMO-01").evidence[0];
    assert_eq!((weight.line, weight.level), (8, 1));
}

#[test]
fn template_is_valid_empty_and_filled() {
    let c = catalog();
    for lang in [Lang::En, Lang::Fr] {
        let t = product_template(&c, &["web".to_string()], "Démo \"1\"", lang);
        assert!(t.contains("demo_page_weight_kb"), "{t}");
        assert!(
            !t.contains("demo_low_carbon"),
            "hosting question in a web template:\n{t}"
        );
        let p = parse_as("t.toml", &t, lang).unwrap_or_else(|d| panic!("{d}\n{t}"));
        assert_eq!(p.product.name, "Démo \"1\"");
        assert!(p.answers.is_empty());
        // Uncommenting every answer line gives a valid file, claiming nothing.
        let filled: String = t
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.starts_with("demo_") => format!("{rest}\n"),
                _ => format!("{l}\n"),
            })
            .collect();
        let p = parse_as("t.toml", &filled, lang).unwrap_or_else(|d| panic!("{d}\n{filled}"));
        assert_eq!(p.answers.len(), 2);
        let r = assess_product(&c, &p, &ProductOptions::default());
        assert_eq!(r.score, Some(0.0));
    }
    let all = product_template(&c, &[], "x", Lang::En);
    assert!(
        all.contains("demo_low_carbon") && all.contains("subjects = []"),
        "{all}"
    );
    assert!(
        all.contains("\"full_tested\" → 3  Everywhere, tested (with evidence)"),
        "{all}"
    );
    assert!(
        all.contains(
            "in kB, lower is better: ≤ 2000 → level 1, ≤ 1000 → 2, ≤ 500 → 3 (with evidence)"
        ),
        "{all}"
    );
}

#[test]
fn schema_types_each_fact_by_its_rule() {
    let s = product_schema(&catalog());
    let a = &s["properties"]["answers"]["properties"];
    assert_eq!(
        a["demo_low_carbon"]["properties"]["value"]["type"],
        "boolean"
    );
    assert_eq!(
        a["demo_page_weight_kb"]["properties"]["value"]["type"],
        "number"
    );
    assert_eq!(
        a["demo_page_weight_kb"]["properties"]["unit"]["const"],
        "kB"
    );
    assert_eq!(
        a["demo_dark_mode"]["properties"]["value"]["enum"][3],
        "full_tested"
    );
    assert_eq!(
        s["properties"]["product"]["properties"]["grids"]["properties"]["demo"]["type"],
        "string"
    );
    assert!(ProductValidator::new(&catalog()).is_ok());
}

#[test]
fn match_holds_the_product_against_the_tender() {
    let c = catalog();
    let spec = assess_text(
        &c,
        "cctp.txt",
        "Le titulaire doit proposer un mode sombre.\n\nLe poids des pages doit rester faible.\n",
        &SpecOptions {
            subjects: Some(vec!["web".into()]),
            ..SpecOptions::default()
        },
    );
    let required: Vec<&str> = spec.grids[0]
        .criteria
        .iter()
        .filter(|c| c.level >= 2)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(required, ["DEMO-01", "DEMO-02"], "{spec:#?}");
    let p = parse_as(
        "p.toml",
        "[product]\nname = \"x\"\n[answers]\ndemo_dark_mode = { value = \"partial\" }\n",
        Lang::En,
    )
    .unwrap();
    let product = assess_product(&c, &p, &ProductOptions::default());
    let m = match_product(&spec, &product);
    let verdicts: Vec<(&str, Verdict)> =
        m.rows.iter().map(|r| (r.id.as_str(), r.verdict)).collect();
    assert_eq!(
        verdicts,
        [
            ("DEMO-01", Verdict::NotDeclared),
            ("DEMO-02", Verdict::NotMet)
        ]
    );
    assert_eq!(m.compliance, Some(0.0));
    assert_eq!(m.rows[1].requirement.as_ref().map(|e| e.line), Some(1));
    let p = parse_as("p.toml", "[product]\nname = \"x\"\n[answers]\ndemo_dark_mode = { value = \"full\" }\ndemo_page_weight_kb = { not_applicable = true, justification = \"No page.\" }\n", Lang::En).unwrap();
    let m = match_product(&spec, &assess_product(&c, &p, &ProductOptions::default()));
    assert_eq!(m.rows[0].verdict, Verdict::NotApplicable);
    assert_eq!(m.rows[1].verdict, Verdict::Met);
    assert_eq!(
        (m.counts.met, m.counts.not_applicable, m.compliance),
        (1, 1, Some(100.0))
    );
}
