//! Product self-assessments: the file a designer or vendor keeps next to the
//! code, its JSON Schema generated from the catalog, its validation with every
//! error at once, its scoring, the template written by `reset-check init`, and
//! the match of a product against what a tender requires.
//!
//! A product file (TOML or JSON, one model):
//!
//! ```toml
//! [product]
//! name = "Site de la ville"
//! version = "2.3.0"
//! subjects = ["web"]
//! grids = { privacy = "1.0.0", frugality = "1.0.0" }
//!
//! [answers.page_weight_kb]          # a fact asked by a criterion of a grid
//! value = 420
//! unit = "kB"
//! evidence = { url = "https://example.org/audit.pdf", date = 2025-03-31, by = "Green IT audit" }
//!
//! [answers.priv_cookie_consent]
//! not_applicable = true
//! justification = "No cookie at all: nothing to consent to."
//! ```
//!
//! Facts are named by the grids (the `product` part of each criterion), so a
//! custom grid brings its own questions; the schema follows the catalog.
//!
//! ```
//! use reset_criteria::product::{assess_product, parse_product, ProductOptions};
//! use reset_criteria::{Catalog, Lang, SourceFile};
//! let catalog = Catalog::builtin();
//! let file = SourceFile::new("p.toml", "[product]\nname = \"Demo\"\n");
//! let product = parse_product(catalog, &file, Lang::En).unwrap();
//! let report = assess_product(catalog, &product, &ProductOptions::default());
//! assert_eq!(report.score, Some(0.0)); // nothing declared yet
//! ```

use crate::catalog::{span_of_pointer, toml_to_json, SourceFile};
use crate::diagnostic::{line_col, Diagnostic, Diagnostics};
use crate::grid::{Better, Criterion, Grid, Rule};
use crate::lang::{Lang, Text};
use crate::report::{
    finish_scores, CriterionReport, DocumentKind, DocumentReport, Evidence, GridReport, Status,
    SubjectReport, SCHEMA_VERSION,
};
use crate::suggest::closest;
use crate::Catalog;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

/// Picks the French or the English expression; only the chosen one is evaluated.
macro_rules! tr {
    ($lang:expr, $fr:expr, $en:expr $(,)?) => {
        match $lang {
            Lang::Fr => $fr,
            Lang::En => $en,
        }
    };
}

// ---------------------------------------------------------------- the model

/// A product self-assessment file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductFile {
    /// The JSON Schema the file follows (JSON files; ignored).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// What the product is.
    pub product: ProductInfo,
    /// One answer per fact, by fact name (`page_weight_kb`).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The file's name, as given by the user (set by the parser).
    #[serde(skip)]
    pub source: String,
    /// The format the file was read from (set by the parser).
    #[serde(skip)]
    pub format: ProductFormat,
    /// Where each answer sits in the file, by fact name (set by the parser).
    #[serde(skip)]
    pub places: BTreeMap<String, Place>,
}

/// The product's identity and what the answers refer to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductInfo {
    /// Name of the product.
    pub name: String,
    /// Version (release) of the product assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Who makes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// What it is, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its public address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Procurement subjects it belongs to (`web`, `ai`...); empty: every criterion applies.
    #[serde(default)]
    pub subjects: Vec<String>,
    /// The grid versions the answers follow, by grid id.
    #[serde(default)]
    pub grids: BTreeMap<String, String>,
}

/// The answer to one fact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The value: a bool, a number (with `unit`) or one of the allowed words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// Unit of a number; must be the unit of the grid's rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What proves the answer; level 3 needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Proof>,
    /// The question does not apply to this product (leaves the score's denominator).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
    /// Why the question does not apply (mandatory with `not_applicable`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// A free comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An answer's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// Yes or no.
    Bool(bool),
    /// A measured value.
    Number(f64),
    /// One of the allowed words of an enum question.
    Text(String),
}

impl fmt::Display for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerValue::Bool(b) => write!(f, "{b}"),
            AnswerValue::Number(n) => write!(f, "{n}"),
            AnswerValue::Text(s) => write!(f, "\"{s}\""),
        }
    }
}

/// Evidence of an answer: a public link or a file, when and by whom.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proof {
    /// A public link (audit report, accessibility statement, measurement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A file, relative to the product file (`docs/audit-2025.pdf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// When it was measured or issued (`2025-03-31`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who measured, audited or certified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// A free comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Proof {
    /// True when it points at something a reader can check (a URL or a file).
    pub fn is_checkable(&self) -> bool {
        self.url.as_deref().is_some_and(|s| !s.trim().is_empty())
            || self.file.as_deref().is_some_and(|s| !s.trim().is_empty())
    }

    /// `https://… (2025-03-31, Green IT audit)`.
    pub fn describe(&self) -> String {
        let what = self
            .url
            .clone()
            .or_else(|| self.file.clone())
            .unwrap_or_default();
        let extra: Vec<&str> = [self.date.as_deref(), self.by.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if extra.is_empty() {
            what
        } else {
            format!("{what} ({})", extra.join(", "))
        }
    }
}

/// The format of a product file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProductFormat {
    /// TOML (the default).
    #[default]
    Toml,
    /// JSON.
    Json,
}

impl ProductFormat {
    /// Guesses the format from the file name (`.json`), else from the text (`{`).
    pub fn of(name: &str, text: &str) -> ProductFormat {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            ProductFormat::Json
        } else if lower.ends_with(".toml") {
            ProductFormat::Toml
        } else if text.trim_start().starts_with('{') {
            ProductFormat::Json
        } else {
            ProductFormat::Toml
        }
    }

    /// `toml` or `json`.
    pub fn name(self) -> &'static str {
        match self {
            ProductFormat::Toml => "toml",
            ProductFormat::Json => "json",
        }
    }
}

/// A place in a product file: 1-based line and column (0 when unknown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1.
    pub column: u32,
}

impl ProductFile {
    /// Warnings about the grid versions the file declares: a grid the catalog
    /// does not have at that version (the questions may have changed).
    pub fn version_warnings(&self, catalog: &Catalog, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        for (id, v) in &self.product.grids {
            if let Some(g) = catalog.grid(id) {
                if &g.version != v {
                    out.push(tr!(
                        lang,
                        format!(
                            "{} : les réponses suivent la grille `{id}` {v}, le catalogue a la version {} ; vérifiez les questions qui ont changé (`reset-check explain ID`)",
                            self.source, g.version
                        ),
                        format!(
                            "{}: the answers follow grid `{id}` {v}, the catalog has version {}; check the questions that changed (`reset-check explain ID`)",
                            self.source, g.version
                        )
                    ));
                }
            }
        }
        out
    }
}

// ---------------------------------------------------------------- rules, in words

/// What an answer needs to reach each level, in words (`none → 0, partial → 1...`).
pub fn rule_summary(rule: &Rule, lang: Lang) -> String {
    match rule {
        Rule::Bool => tr!(
            lang,
            "true → niveau 2 (3 avec une preuve), false → niveau 0".to_string(),
            "true → level 2 (3 with evidence), false → level 0".to_string()
        ),
        Rule::Number {
            unit,
            better,
            levels,
        } => {
            let op = match better {
                Better::Lower => "≤",
                Better::Higher => "≥",
            };
            let parts: Vec<String> = levels
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    tr!(
                        lang,
                        format!("{op} {t} {unit} → niveau {}", i + 1),
                        format!("{op} {t} {unit} → level {}", i + 1)
                    )
                })
                .collect();
            tr!(
                lang,
                format!("{} (3 avec une preuve) ; sinon niveau 0", parts.join(", ")),
                format!("{} (3 with evidence); otherwise level 0", parts.join(", "))
            )
        }
        Rule::Enum { options } => options
            .iter()
            .map(|o| format!("\"{}\" → {}", o.value, o.level))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn value_kind(rule: &Rule, lang: Lang) -> String {
    match rule {
        Rule::Bool => tr!(
            lang,
            "oui ou non (true ou false)",
            "yes or no (true or false)"
        )
        .into(),
        Rule::Number { unit, .. } => tr!(
            lang,
            format!("un nombre en {unit}"),
            format!("a number in {unit}")
        ),
        Rule::Enum { options } => {
            let v: Vec<String> = options.iter().map(|o| format!("\"{}\"", o.value)).collect();
            tr!(
                lang,
                format!("l'une des valeurs {}", v.join(", ")),
                format!("one of {}", v.join(", "))
            )
        }
    }
}

// ---------------------------------------------------------------- schema

/// The JSON Schema of product files for a catalog: each fact typed by its
/// rule (boolean, number with its unit, or the enum of its option values).
pub fn product_schema(catalog: &Catalog) -> Value {
    let subjects: Vec<&str> = catalog.subjects().iter().map(|s| s.id.as_str()).collect();
    let mut grids = Map::new();
    let mut answers = Map::new();
    for g in catalog.grids() {
        grids.insert(
            g.id.clone(),
            json!({
                "type": "string",
                "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$",
                "description": format!("Version of the grid `{}` the answers follow (the catalog has {}).", g.id, g.version),
            }),
        );
        for c in &g.criteria {
            answers.insert(c.product.fact.clone(), fact_schema(g, c));
        }
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "reset-check product self-assessment",
        "description": format!("A product's answers to the questions of the RESET grids ({}). Generated from the catalog.", catalog.version()),
        "type": "object",
        "additionalProperties": false,
        "required": ["product"],
        "properties": {
            "$schema": { "type": "string" },
            "product": {
                "type": "object",
                "description": "What the product is.",
                "additionalProperties": false,
                "required": ["name"],
                "properties": {
                    "name": { "type": "string", "minLength": 1, "description": "Name of the product." },
                    "version": { "type": "string", "description": "Version (release) assessed." },
                    "vendor": { "type": "string", "description": "Who makes it." },
                    "description": { "type": "string", "description": "What it is, in a sentence." },
                    "url": { "type": "string", "description": "Its public address." },
                    "subjects": {
                        "type": "array",
                        "description": "Procurement subjects the product belongs to; empty: every criterion applies.",
                        "items": { "enum": subjects },
                        "uniqueItems": true
                    },
                    "grids": {
                        "type": "object",
                        "description": "The grid versions the answers follow, by grid id.",
                        "additionalProperties": false,
                        "properties": grids
                    }
                }
            },
            "answers": {
                "type": "object",
                "description": "One answer per fact; an unanswered fact is `not declared` (level 0).",
                "additionalProperties": false,
                "properties": answers
            }
        },
        "$defs": {
            "evidence": {
                "type": "object",
                "description": "What proves the answer: a public link or a file, when and by whom. Level 3 needs it.",
                "additionalProperties": false,
                "properties": {
                    "url": { "type": "string", "pattern": "^[A-Za-z][A-Za-z0-9+.-]*://[^\\s]+$", "description": "A public link." },
                    "file": { "type": "string", "minLength": 1, "description": "A file, relative to the product file." },
                    "date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}", "description": "When it was measured or issued (YYYY-MM-DD)." },
                    "by": { "type": "string", "minLength": 1, "description": "Who measured, audited or certified." },
                    "note": { "type": "string" }
                },
                "anyOf": [ { "required": ["url"] }, { "required": ["file"] } ]
            }
        }
    })
}

fn fact_schema(g: &Grid, c: &Criterion) -> Value {
    let rule = &c.product.rule;
    let mut value = match rule {
        Rule::Bool => json!({ "type": "boolean" }),
        Rule::Number { .. } => json!({ "type": "number" }),
        Rule::Enum { options } => {
            json!({ "enum": options.iter().map(|o| o.value.clone()).collect::<Vec<_>>() })
        }
    };
    value["description"] = json!(format!("Levels: {}", rule_summary(rule, Lang::En)));
    let mut props = json!({
        "value": value,
        "evidence": { "$ref": "#/$defs/evidence" },
        "not_applicable": { "type": "boolean", "description": "The question does not apply (needs a justification)." },
        "justification": { "type": "string", "minLength": 1, "description": "Why the question does not apply." },
        "note": { "type": "string" }
    });
    let mut required = vec!["value"];
    if let Rule::Number { unit, .. } = rule {
        props["unit"] = json!({ "const": unit, "description": format!("Always `{unit}`.") });
        required.push("unit");
    }
    json!({
        "type": "object",
        "title": format!("{} {} ({}, weight {})", c.id, c.title.en, g.id, c.weight),
        "description": format!("{} / {}", c.product.question.en, c.product.question.fr),
        "additionalProperties": false,
        "properties": props,
        "if": { "properties": { "not_applicable": { "const": true } }, "required": ["not_applicable"] },
        "then": { "required": ["justification"] },
        "else": { "required": required }
    })
}

// ---------------------------------------------------------------- parsing

/// What the validator knows of a fact.
#[derive(Debug, Clone)]
struct FactInfo {
    criterion: String,
    rule: Rule,
}

/// A compiled validator of product files for one catalog: build it once,
/// parse many files (it is `Send + Sync`).
pub struct ProductValidator {
    schema: Value,
    validator: jsonschema::Validator,
    facts: BTreeMap<String, FactInfo>,
    criteria: Vec<(String, String)>,
    grids: Vec<String>,
}

impl fmt::Debug for ProductValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProductValidator")
            .field("facts", &self.facts.len())
            .finish()
    }
}

const PRODUCT_FIELDS: &[&str] = &[
    "name",
    "version",
    "vendor",
    "description",
    "url",
    "subjects",
    "grids",
];
const ANSWER_FIELDS: &[&str] = &[
    "value",
    "unit",
    "evidence",
    "not_applicable",
    "justification",
    "note",
];
const EVIDENCE_FIELDS: &[&str] = &["url", "file", "date", "by", "note"];

impl ProductValidator {
    /// Compiles the product schema of a catalog.
    pub fn new(catalog: &Catalog) -> Result<ProductValidator, Diagnostics> {
        let schema = product_schema(catalog);
        let validator = jsonschema::draft202012::options()
            .build(&schema)
            .map_err(|e| {
                Diagnostics(vec![Diagnostic::file(
                    "<product schema>",
                    format!("the product schema of this catalog does not compile: {e}"),
                )])
            })?;
        let mut facts = BTreeMap::new();
        let mut criteria = Vec::new();
        for g in catalog.grids() {
            for c in &g.criteria {
                facts.insert(
                    c.product.fact.clone(),
                    FactInfo {
                        criterion: c.id.clone(),
                        rule: c.product.rule.clone(),
                    },
                );
                criteria.push((c.id.clone(), c.product.fact.clone()));
            }
        }
        Ok(ProductValidator {
            schema,
            validator,
            facts,
            criteria,
            grids: catalog.grids().iter().map(|g| g.id.clone()).collect(),
        })
    }

    /// The schema the validator checks.
    pub fn schema(&self) -> &Value {
        &self.schema
    }

    /// Parses and validates a product file (TOML, or JSON when its name ends
    /// in `.json` or its text starts with `{`). Every problem is reported at
    /// once, with its JSON pointer, line and column, in `lang`.
    pub fn parse(&self, file: &SourceFile, lang: Lang) -> Result<ProductFile, Diagnostics> {
        let format = ProductFormat::of(&file.name, &file.text);
        let value = match format {
            ProductFormat::Json => match serde_json::from_str::<Value>(&file.text) {
                Ok(v) => v,
                Err(e) => {
                    let offset = offset_of(&file.text, e.line(), e.column());
                    return Err(Diagnostics(vec![Diagnostic::at(
                        &file.name,
                        &file.text,
                        offset..offset + 1,
                        tr!(
                            lang,
                            format!("JSON invalide : {e}"),
                            format!("invalid JSON: {e}")
                        ),
                    )
                    .with_help(tr!(
                        lang,
                        "vérifiez les virgules, guillemets et accolades autour de cette position",
                        "check the commas, quotes and braces around this place"
                    ))]));
                }
            },
            ProductFormat::Toml => match toml::from_str::<toml::Value>(&file.text) {
                Ok(v) => toml_to_json(&v),
                Err(e) => {
                    let span = e.span().unwrap_or(0..0);
                    return Err(Diagnostics(vec![Diagnostic::at(
                        &file.name,
                        &file.text,
                        span,
                        tr!(
                            lang,
                            format!("TOML invalide : {}", e.message().trim()),
                            format!("invalid TOML: {}", e.message().trim())
                        ),
                    )
                    .with_help(tr!(
                        lang,
                        "voir https://toml.io pour la syntaxe",
                        "see https://toml.io for the syntax"
                    ))]));
                }
            },
        };
        let locate = |pointer: &str| -> Range<usize> {
            let span = match format {
                ProductFormat::Toml => span_of_pointer(&file.text, pointer),
                ProductFormat::Json => json_span_of_pointer(&file.text, pointer),
            };
            span.unwrap_or(0..0)
        };
        let mut diags = Vec::new();
        for err in self.validator.iter_errors(&value) {
            for (target, message, help) in self.explain(&err, lang) {
                let mut d = Diagnostic::at(&file.name, &file.text, locate(&target), message);
                if let Some(h) = help {
                    d = d.with_help(h);
                }
                diags.push(d);
            }
        }
        // Semantic checks the schema does not express.
        if let Some(answers) = value.get("answers").and_then(Value::as_object) {
            for (fact, a) in answers {
                let na = a.get("not_applicable") == Some(&Value::Bool(true));
                if na && a.get("value").is_some() {
                    let p = format!("/answers/{}/value", escape_pointer(fact));
                    diags.push(
                        Diagnostic::at(
                            &file.name,
                            &file.text,
                            locate(&p),
                            tr!(
                                lang,
                                format!("{p} : `{fact}` a une valeur et est déclaré sans objet"),
                                format!("{p}: `{fact}` has a value and is marked not applicable")
                            ),
                        )
                        .with_help(tr!(
                            lang,
                            "gardez l'un ou l'autre : la valeur, ou not_applicable = true avec sa justification",
                            "keep one: the value, or not_applicable = true with its justification"
                        )),
                    );
                }
            }
        }
        if !diags.is_empty() {
            diags.sort_by_key(|d| (d.line, d.column));
            diags.dedup();
            return Err(Diagnostics(diags));
        }
        let mut product: ProductFile = serde_json::from_value(value).map_err(|e| {
            Diagnostics(vec![Diagnostic::file(
                &file.name,
                tr!(
                    lang,
                    format!("fichier produit illisible : {e}"),
                    format!("cannot read the product file: {e}")
                ),
            )])
        })?;
        product.source = file.name.clone();
        product.format = format;
        for fact in product.answers.keys() {
            let span = locate(&format!("/answers/{}", escape_pointer(fact)));
            let (line, column, _) = line_col(&file.text, span.start);
            product.places.insert(
                fact.clone(),
                Place {
                    line: line as u32,
                    column: column as u32,
                },
            );
        }
        Ok(product)
    }

    fn did_you_mean(&self, lang: Lang, name: &str, known: &[&str]) -> Option<String> {
        closest(name, known.iter().copied()).map(|s| {
            tr!(
                lang,
                format!("vouliez-vous dire `{s}` ?"),
                format!("did you mean `{s}`?")
            )
        })
    }

    /// Turns one schema error into diagnostics: (pointer to point at, message, help).
    fn explain(
        &self,
        err: &jsonschema::ValidationError<'_>,
        lang: Lang,
    ) -> Vec<(String, String, Option<String>)> {
        use jsonschema::error::{TypeKind, ValidationErrorKind as K};
        let pointer = err.instance_path().to_string();
        let parts: Vec<String> = pointer.split('/').skip(1).map(unescape_pointer).collect();
        let parts: Vec<&str> = parts.iter().map(|s| s.as_str()).collect();
        let place = if pointer.is_empty() {
            tr!(lang, "le fichier", "the file").to_string()
        } else {
            pointer.clone()
        };
        let got = describe_value(err.instance(), lang);
        let one = |msg: String, help: Option<String>| vec![(pointer.clone(), msg, help)];
        let rule_of = |fact: &str| self.facts.get(fact).map(|f| &f.rule);
        match err.kind() {
            K::AdditionalProperties { unexpected } => unexpected
                .iter()
                .map(|k| {
                    let target = format!("{pointer}/{}", escape_pointer(k));
                    let (msg, help) = self.unknown_key(&parts, k, lang);
                    (target.clone(), format!("{target}: {msg}"), help)
                })
                .collect(),
            K::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => type_name(&t.to_string(), lang),
                    TypeKind::Multiple(_) => tr!(lang, "un autre type", "another type").into(),
                };
                match parts.as_slice() {
                    ["answers", fact, "value"] if rule_of(fact).is_some() => {
                        let rule = rule_of(fact).cloned().unwrap_or(Rule::Bool);
                        let help = value_help(&rule, err.instance(), lang);
                        one(
                            tr!(
                                lang,
                                format!(
                                    "{place} : `{fact}` attend {}, pas {got}",
                                    value_kind(&rule, lang)
                                ),
                                format!(
                                    "{place}: `{fact}` expects {}, not {got}",
                                    value_kind(&rule, lang)
                                )
                            ),
                            help,
                        )
                    }
                    ["answers", fact] => {
                        let example = rule_of(fact)
                            .map(placeholder)
                            .unwrap_or_else(|| "{ value = … }".into());
                        one(
                            tr!(
                                lang,
                                format!("{place} : la réponse `{fact}` doit être une table, pas {got}"),
                                format!("{place}: the answer `{fact}` must be a table, not {got}")
                            ),
                            Some(tr!(
                                lang,
                                format!("écrivez `{fact} = {example}` sous [answers], ou une section [answers.{fact}]"),
                                format!("write `{fact} = {example}` under [answers], or a section [answers.{fact}]")
                            )),
                        )
                    }
                    _ => one(
                        tr!(
                            lang,
                            format!("{place} : attendu {expected}, pas {got}"),
                            format!("{place}: expected {expected}, not {got}")
                        ),
                        None,
                    ),
                }
            }
            K::Enum { options } => {
                let allowed: Vec<String> = options
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                let allowed_ref: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
                let quoted: Vec<String> = allowed.iter().map(|s| format!("\"{s}\"")).collect();
                let given = err.instance().as_str().unwrap_or("");
                match parts.as_slice() {
                    ["product", "subjects", _] => one(
                        tr!(
                            lang,
                            format!("{place} : objet du marché inconnu « {given} »"),
                            format!("{place}: unknown subject \"{given}\"")
                        ),
                        Some(join_help(
                            self.did_you_mean(lang, given, &allowed_ref),
                            tr!(
                                lang,
                                format!("objets connus : {}", allowed.join(", ")),
                                format!("known subjects: {}", allowed.join(", "))
                            ),
                        )),
                    ),
                    ["answers", fact, "value"] => {
                        let levels = rule_of(fact)
                            .map(|r| rule_summary(r, lang))
                            .unwrap_or_default();
                        one(
                            tr!(
                                lang,
                                format!(
                                    "{place} : `{fact}` n'accepte pas {got} ; valeurs permises : {}",
                                    quoted.join(", ")
                                ),
                                format!(
                                    "{place}: `{fact}` does not take {got}; allowed values: {}",
                                    quoted.join(", ")
                                )
                            ),
                            Some(join_help(
                                self.did_you_mean(lang, given, &allowed_ref),
                                tr!(
                                    lang,
                                    format!("niveaux : {levels}"),
                                    format!("levels: {levels}")
                                ),
                            )),
                        )
                    }
                    _ => one(
                        tr!(
                            lang,
                            format!(
                                "{place} : {got} n'est pas permis ; valeurs permises : {}",
                                quoted.join(", ")
                            ),
                            format!(
                                "{place}: {got} is not allowed; allowed values: {}",
                                quoted.join(", ")
                            )
                        ),
                        None,
                    ),
                }
            }
            K::Constant { expected_value } => {
                let expected = expected_value.as_str().unwrap_or("").to_string();
                match parts.as_slice() {
                    ["answers", fact, "unit"] => one(
                        tr!(
                            lang,
                            format!("{place} : `{fact}` se mesure en `{expected}`, pas en {got}"),
                            format!("{place}: `{fact}` is measured in `{expected}`, not {got}")
                        ),
                        Some(tr!(
                            lang,
                            format!("convertissez la valeur en {expected} et écrivez unit = \"{expected}\""),
                            format!("convert the value to {expected} and write unit = \"{expected}\"")
                        )),
                    ),
                    _ => one(
                        tr!(
                            lang,
                            format!("{place} : attendu {expected_value}, pas {got}"),
                            format!("{place}: expected {expected_value}, not {got}")
                        ),
                        None,
                    ),
                }
            }
            K::Required { property } => {
                let prop = property.as_str().unwrap_or("");
                match (parts.as_slice(), prop) {
                    (["answers", fact], "value") => one(
                        tr!(
                            lang,
                            format!("{place} : `{fact}` n'a pas de valeur (value)"),
                            format!("{place}: `{fact}` has no value")
                        ),
                        Some(tr!(
                            lang,
                            format!(
                                "répondez avec value = … ({}), ou écrivez not_applicable = true et une justification ; sans réponse, supprimez la section : la question sera « non déclarée »",
                                rule_of(fact).map(|r| value_kind(r, lang)).unwrap_or_default()
                            ),
                            format!(
                                "answer with value = … ({}), or write not_applicable = true and a justification; to leave it unanswered, remove it: it will be `not declared`",
                                rule_of(fact).map(|r| value_kind(r, lang)).unwrap_or_default()
                            )
                        )),
                    ),
                    (["answers", fact], "unit") => {
                        let unit = match rule_of(fact) {
                            Some(Rule::Number { unit, .. }) => unit.clone(),
                            _ => String::new(),
                        };
                        one(
                            tr!(
                                lang,
                                format!("{place} : `{fact}` n'a pas d'unité ; il se mesure en `{unit}`"),
                                format!("{place}: `{fact}` has no unit; it is measured in `{unit}`")
                            ),
                            Some(format!("unit = \"{unit}\"")),
                        )
                    }
                    (["answers", fact], "justification") => one(
                        tr!(
                            lang,
                            format!("{place} : `{fact}` est déclaré sans objet sans justification"),
                            format!("{place}: `{fact}` is marked not applicable without a justification")
                        ),
                        Some(tr!(
                            lang,
                            "dites pourquoi : justification = \"…\"",
                            "say why: justification = \"…\""
                        ).to_string()),
                    ),
                    (["product"], "name") => one(
                        tr!(
                            lang,
                            format!("{place} : [product] n'a pas de nom"),
                            format!("{place}: [product] has no name")
                        ),
                        Some("name = \"…\"".into()),
                    ),
                    ([], "product") => one(
                        tr!(
                            lang,
                            "le fichier n'a pas de section [product]".to_string(),
                            "the file has no [product] section".to_string()
                        ),
                        Some(tr!(
                            lang,
                            "ajoutez [product] avec au moins name = \"…\" ; `reset-check init` écrit un modèle complet",
                            "add [product] with at least name = \"…\"; `reset-check init` writes a full template"
                        ).to_string()),
                    ),
                    _ => one(
                        tr!(
                            lang,
                            format!("{place} : le champ `{prop}` manque"),
                            format!("{place}: the field `{prop}` is missing")
                        ),
                        None,
                    ),
                }
            }
            K::AnyOf { .. } if parts.last() == Some(&"evidence") => {
                let fact = parts.get(1).copied().unwrap_or("");
                one(
                    tr!(
                        lang,
                        format!("{place} : la preuve de `{fact}` n'a ni url ni file"),
                        format!("{place}: the evidence of `{fact}` has neither url nor file")
                    ),
                    Some(tr!(
                        lang,
                        "evidence = { url = \"https://…\", date = 2025-03-31, by = \"…\" } ou { file = \"docs/audit.pdf\", … }",
                        "evidence = { url = \"https://…\", date = 2025-03-31, by = \"…\" } or { file = \"docs/audit.pdf\", … }"
                    ).to_string()),
                )
            }
            K::Pattern { .. } => {
                let (msg, help) = match parts.last().copied() {
                    Some("date") => (
                        tr!(
                            lang,
                            format!("{place} : {got} n'est pas une date"),
                            format!("{place}: {got} is not a date")
                        ),
                        tr!(lang, "écrivez-la 2025-03-31", "write it as 2025-03-31"),
                    ),
                    Some("url") => (
                        tr!(
                            lang,
                            format!("{place} : {got} n'est pas une adresse web"),
                            format!("{place}: {got} is not a web address")
                        ),
                        tr!(
                            lang,
                            "écrivez l'adresse complète, https://…",
                            "write the full address, https://…"
                        ),
                    ),
                    _ => (
                        tr!(
                            lang,
                            format!("{place} : {got} n'est pas un numéro de version"),
                            format!("{place}: {got} is not a version number")
                        ),
                        tr!(lang, "écrivez-le 1.0.0", "write it as 1.0.0"),
                    ),
                };
                one(msg, Some(help.to_string()))
            }
            K::MinLength { .. } => one(
                tr!(
                    lang,
                    format!("{place} : le texte est vide"),
                    format!("{place}: the text is empty")
                ),
                None,
            ),
            K::UniqueItems => one(
                tr!(
                    lang,
                    format!("{place} : un élément est répété"),
                    format!("{place}: an item is repeated")
                ),
                None,
            ),
            _ => one(format!("{place}: {err}"), None),
        }
    }

    /// Message and help for a key the schema does not allow, by where it sits.
    fn unknown_key(&self, parts: &[&str], k: &str, lang: Lang) -> (String, Option<String>) {
        let facts: Vec<&str> = self.facts.keys().map(|s| s.as_str()).collect();
        match parts {
            [] => {
                if self.facts.contains_key(k) {
                    return (
                        tr!(
                            lang,
                            format!("`{k}` est un fait : il va sous [answers]"),
                            format!("`{k}` is a fact: it goes under [answers]")
                        ),
                        Some(format!("[answers.{k}]")),
                    );
                }
                let hint = self.did_you_mean(lang, k, &["product", "answers"]);
                (
                    tr!(
                        lang,
                        format!("section inconnue `{k}`"),
                        format!("unknown section `{k}`")
                    ),
                    Some(join_help(
                        hint,
                        tr!(
                            lang,
                            "un fichier produit a [product] et [answers]",
                            "a product file has [product] and [answers]"
                        )
                        .into(),
                    )),
                )
            }
            ["product"] => (
                tr!(
                    lang,
                    format!("champ inconnu `{k}` dans [product]"),
                    format!("unknown field `{k}` in [product]")
                ),
                Some(join_help(
                    self.did_you_mean(lang, k, PRODUCT_FIELDS),
                    tr!(
                        lang,
                        format!("champs permis : {}", PRODUCT_FIELDS.join(", ")),
                        format!("allowed fields: {}", PRODUCT_FIELDS.join(", "))
                    ),
                )),
            ),
            ["product", "grids"] => {
                let grids: Vec<&str> = self.grids.iter().map(|s| s.as_str()).collect();
                (
                    tr!(
                        lang,
                        format!("grille inconnue `{k}`"),
                        format!("unknown grid `{k}`")
                    ),
                    Some(join_help(
                        self.did_you_mean(lang, k, &grids),
                        tr!(
                            lang,
                            format!("grilles connues : {}", grids.join(", ")),
                            format!("known grids: {}", grids.join(", "))
                        ),
                    )),
                )
            }
            ["answers"] => {
                let by_id = self
                    .criteria
                    .iter()
                    .find(|(id, _)| id.eq_ignore_ascii_case(k))
                    .map(|(id, fact)| {
                        tr!(
                            lang,
                            format!("`{id}` est l'identifiant d'un critère ; son fait s'appelle `{fact}`"),
                            format!("`{id}` is a criterion id; its fact is `{fact}`")
                        )
                    });
                let hint = by_id.or_else(|| {
                    closest(k, facts.iter().copied()).map(|f| {
                        let id = self
                            .facts
                            .get(&f)
                            .map(|x| x.criterion.as_str())
                            .unwrap_or("");
                        tr!(
                            lang,
                            format!("vouliez-vous dire `{f}` ({id}) ?"),
                            format!("did you mean `{f}` ({id})?")
                        )
                    })
                });
                (
                    tr!(lang, format!("fait inconnu `{k}`"), format!("unknown fact `{k}`")),
                    Some(join_help(
                        hint,
                        tr!(
                            lang,
                            "`reset-check init` écrit toutes les questions ; `reset-check schema product` liste les faits",
                            "`reset-check init` writes every question; `reset-check schema product` lists the facts"
                        )
                        .into(),
                    )),
                )
            }
            ["answers", fact] => {
                if self.facts.contains_key(k) {
                    return (
                        tr!(
                            lang,
                            format!("le fait `{k}` se trouve dans la section [answers.{fact}]"),
                            format!("the fact `{k}` sits inside the section [answers.{fact}]")
                        ),
                        Some(tr!(
                            lang,
                            format!("en TOML, toute clé qui suit un en-tête [section] appartient à cette section : écrivez `{k} = {{ … }}` avant la première section [answers.…], ou donnez-lui sa propre section [answers.{k}]"),
                            format!("in TOML every key after a [section] header belongs to that section: write `{k} = {{ … }}` before the first [answers.…] section, or give it its own section [answers.{k}]")
                        )),
                    );
                }
                if k == "unit" {
                    if let Some(rule) = self.facts.get(*fact).map(|f| &f.rule) {
                        return (
                            tr!(
                                lang,
                                format!(
                                    "`{fact}` n'a pas d'unité : sa réponse est {}",
                                    value_kind(rule, lang)
                                ),
                                format!(
                                    "`{fact}` takes no unit: its answer is {}",
                                    value_kind(rule, lang)
                                )
                            ),
                            Some(tr!(lang, "supprimez unit", "remove unit").into()),
                        );
                    }
                }
                (
                    tr!(
                        lang,
                        format!("champ inconnu `{k}` dans la réponse `{fact}`"),
                        format!("unknown field `{k}` in the answer `{fact}`")
                    ),
                    Some(join_help(
                        self.did_you_mean(lang, k, ANSWER_FIELDS),
                        tr!(
                            lang,
                            format!("champs permis : {}", ANSWER_FIELDS.join(", ")),
                            format!("allowed fields: {}", ANSWER_FIELDS.join(", "))
                        ),
                    )),
                )
            }
            ["answers", fact, "evidence"] => (
                tr!(
                    lang,
                    format!("champ inconnu `{k}` dans la preuve de `{fact}`"),
                    format!("unknown field `{k}` in the evidence of `{fact}`")
                ),
                Some(join_help(
                    self.did_you_mean(lang, k, EVIDENCE_FIELDS),
                    tr!(
                        lang,
                        format!("champs permis : {}", EVIDENCE_FIELDS.join(", ")),
                        format!("allowed fields: {}", EVIDENCE_FIELDS.join(", "))
                    ),
                )),
            ),
            _ => (
                tr!(
                    lang,
                    format!("champ inconnu `{k}`"),
                    format!("unknown field `{k}`")
                ),
                None,
            ),
        }
    }
}

/// Parses and validates one product file against a catalog (builds the
/// validator; use [`ProductValidator`] for many files).
pub fn parse_product(
    catalog: &Catalog,
    file: &SourceFile,
    lang: Lang,
) -> Result<ProductFile, Diagnostics> {
    ProductValidator::new(catalog)?.parse(file, lang)
}

fn join_help(first: Option<String>, then: String) -> String {
    match first {
        Some(f) if f.ends_with('?') || f.ends_with('.') => format!("{f} {then}"),
        Some(f) => format!("{f}; {then}"),
        None => then,
    }
}

fn type_name(t: &str, lang: Lang) -> String {
    match t {
        "boolean" => tr!(lang, "true ou false", "true or false"),
        "number" | "integer" => tr!(lang, "un nombre", "a number"),
        "string" => tr!(lang, "un texte entre guillemets", "a quoted text"),
        "object" => tr!(lang, "une table", "a table"),
        "array" => tr!(lang, "une liste", "a list"),
        other => other,
    }
    .to_string()
}

fn describe_value(v: &Value, lang: Lang) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => tr!(
            lang,
            format!("le texte \"{s}\""),
            format!("the text \"{s}\"")
        ),
        Value::Array(_) => tr!(lang, "une liste", "a list").into(),
        Value::Object(_) => tr!(lang, "une table", "a table").into(),
    }
}

/// A hint for a value of the wrong type: `"480 kB"` → write the number alone.
fn value_help(rule: &Rule, got: &Value, lang: Lang) -> Option<String> {
    let s = got.as_str()?;
    match rule {
        Rule::Number { unit, .. } => {
            let num: String = s
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '-')
                .collect();
            let num = num.replace(',', ".");
            num.parse::<f64>().ok().map(|n| {
                tr!(
                    lang,
                    format!(
                        "écrivez le nombre seul, sans guillemets : value = {n}, unit = \"{unit}\""
                    ),
                    format!(
                        "write the number alone, without quotes: value = {n}, unit = \"{unit}\""
                    )
                )
            })
        }
        Rule::Bool => {
            let t = s.trim().to_lowercase();
            let b = match t.as_str() {
                "true" | "yes" | "oui" | "vrai" => Some(true),
                "false" | "no" | "non" | "faux" => Some(false),
                _ => None,
            }?;
            Some(tr!(
                lang,
                format!("écrivez value = {b}, sans guillemets"),
                format!("write value = {b}, without quotes")
            ))
        }
        Rule::Enum { .. } => None,
    }
}

/// A 1-based line and column to a byte offset.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col: usize = l
                .char_indices()
                .nth(column.saturating_sub(1))
                .map(|(b, _)| b)
                .unwrap_or(l.len());
            return (offset + col).min(text.len());
        }
        offset += l.len();
    }
    text.len()
}

/// Escapes a key for a JSON pointer (`~` → `~0`, `/` → `~1`).
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn unescape_pointer(part: &str) -> String {
    part.replace("~1", "/").replace("~0", "~")
}

// ---------------------------------------------------------------- JSON spans

/// Byte span of the member at a JSON pointer in a JSON text: from its key to
/// the end of its value (array items and the root: the value). When the
/// pointer goes deeper than the text, the deepest part found.
pub fn json_span_of_pointer(text: &str, pointer: &str) -> Option<Range<usize>> {
    let parts: Vec<String> = pointer.split('/').skip(1).map(unescape_pointer).collect();
    let mut c = JsonCursor {
        b: text.as_bytes(),
        i: 0,
    };
    c.locate(&parts)
}

struct JsonCursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl JsonCursor<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.i;
        self.i += 1;
        loop {
            match self.peek()? {
                b'\\' => self.i += 2,
                b'"' => break,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        let raw = std::str::from_utf8(self.b.get(start..self.i)?).ok()?;
        serde_json::from_str::<String>(raw).ok()
    }

    fn skip(&mut self) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b'}' | b']') || c.is_ascii_whitespace() {
                        break;
                    }
                    self.i += 1;
                }
            }
        }
        Some(())
    }

    fn locate(&mut self, path: &[String]) -> Option<Range<usize>> {
        self.ws();
        let start = self.i;
        let Some((first, rest)) = path.split_first() else {
            self.skip()?;
            return Some(start..self.i);
        };
        match self.peek()? {
            b'{' => {
                self.i += 1;
                loop {
                    self.ws();
                    match self.peek()? {
                        b'}' => break,
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let key_start = self.i;
                    let key = self.string()?;
                    self.ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.i += 1;
                    if &key == first {
                        if rest.is_empty() {
                            self.skip()?;
                            return Some(key_start..self.i);
                        }
                        let key_end = self.i;
                        return self.locate(rest).or(Some(key_start..key_end));
                    }
                    self.skip()?;
                }
                Some(start..start + 1)
            }
            b'[' => {
                let index: usize = first.parse().ok()?;
                self.i += 1;
                let mut n = 0;
                loop {
                    self.ws();
                    match self.peek()? {
                        b']' => break,
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    if n == index {
                        return self.locate(rest);
                    }
                    self.skip()?;
                    n += 1;
                }
                Some(start..start + 1)
            }
            _ => {
                self.skip()?;
                Some(start..self.i)
            }
        }
    }
}

// ---------------------------------------------------------------- scoring

/// Options of a product assessment.
#[derive(Debug, Clone)]
pub struct ProductOptions {
    /// Subjects given by the user (`--subject`), instead of the file's.
    pub subjects: Option<Vec<String>>,
    /// Language of the reasons written in the evidence.
    pub lang: Lang,
}

impl Default for ProductOptions {
    fn default() -> Self {
        ProductOptions {
            subjects: None,
            lang: Lang::En,
        }
    }
}

/// The level of an answer under a rule, and why, in steps.
///
/// Level 3 needs checkable evidence (a URL or a file); without it a level-3
/// answer counts as 2, and the reasons say so.
pub fn answer_level(rule: &Rule, answer: &Answer, lang: Lang) -> (u8, Vec<String>) {
    let mut reasons = Vec::new();
    let proven = answer.evidence.as_ref().is_some_and(Proof::is_checkable);
    let raw = match (rule, &answer.value) {
        (Rule::Bool, Some(AnswerValue::Bool(b))) => {
            reasons.push(tr!(
                lang,
                format!("réponse : {b} ({})", rule_summary(rule, lang)),
                format!("answer: {b} ({})", rule_summary(rule, lang))
            ));
            if *b {
                3
            } else {
                0
            }
        }
        (Rule::Number { unit, .. }, Some(AnswerValue::Number(n))) => {
            if answer.unit.as_deref().is_some_and(|u| u != unit) {
                reasons.push(tr!(
                    lang,
                    format!(
                        "unité {} au lieu de {unit} : réponse non comptée",
                        answer.unit.as_deref().unwrap_or("")
                    ),
                    format!(
                        "unit {} instead of {unit}: answer not counted",
                        answer.unit.as_deref().unwrap_or("")
                    )
                ));
                return (0, reasons);
            }
            reasons.push(tr!(
                lang,
                format!("mesure : {n} {unit} ({})", rule_summary(rule, lang)),
                format!("measured: {n} {unit} ({})", rule_summary(rule, lang))
            ));
            rule.level_of_number(*n).unwrap_or(0)
        }
        (Rule::Enum { options }, Some(AnswerValue::Text(s))) => {
            match options.iter().find(|o| &o.value == s) {
                Some(o) => {
                    reasons.push(tr!(
                        lang,
                        format!(
                            "réponse : \"{s}\" ({}) → niveau {}",
                            o.label.get(lang),
                            o.level
                        ),
                        format!(
                            "answer: \"{s}\" ({}) → level {}",
                            o.label.get(lang),
                            o.level
                        )
                    ));
                    o.level.min(3)
                }
                None => {
                    reasons.push(tr!(
                        lang,
                        format!("réponse \"{s}\" inconnue de la grille"),
                        format!("answer \"{s}\" is not an option of the grid")
                    ));
                    0
                }
            }
        }
        (_, None) => {
            reasons.push(tr!(lang, "pas de valeur", "no value").to_string());
            0
        }
        (_, Some(v)) => {
            reasons.push(tr!(
                lang,
                format!("la valeur {v} ne convient pas : {}", value_kind(rule, lang)),
                format!("the value {v} does not fit: {}", value_kind(rule, lang))
            ));
            0
        }
    };
    if raw == 3 && !proven {
        reasons.push(tr!(
            lang,
            "le niveau 3 (prouvé) exige une preuve (url ou file) : compté 2".to_string(),
            "level 3 (proven) needs evidence (url or file): counted as 2".to_string()
        ));
        return (2, reasons);
    }
    if let Some(p) = answer.evidence.as_ref().filter(|p| p.is_checkable()) {
        reasons.push(tr!(
            lang,
            format!("preuve : {}", p.describe()),
            format!("evidence: {}", p.describe())
        ));
    }
    (raw, reasons)
}

fn answer_text(rule: &Rule, a: &Answer, lang: Lang) -> String {
    if a.not_applicable {
        return tr!(
            lang,
            format!("sans objet : {}", a.justification.as_deref().unwrap_or("")),
            format!(
                "not applicable: {}",
                a.justification.as_deref().unwrap_or("")
            )
        );
    }
    let mut s = match (&a.value, rule) {
        (Some(AnswerValue::Number(n)), Rule::Number { unit, .. }) => format!("{n} {unit}"),
        (Some(AnswerValue::Text(v)), Rule::Enum { options }) => {
            match options.iter().find(|o| &o.value == v) {
                Some(o) => format!("\"{v}\" — {}", o.label.get(lang)),
                None => format!("\"{v}\""),
            }
        }
        (Some(v), _) => v.to_string(),
        (None, _) => String::new(),
    };
    if let Some(p) = a.evidence.as_ref().filter(|p| p.is_checkable()) {
        s.push_str(&tr!(
            lang,
            format!(" ; preuve : {}", p.describe()),
            format!("; evidence: {}", p.describe())
        ));
    }
    s
}

/// Assesses a product file against every grid of the catalog.
///
/// Applicable criteria follow the subjects (`opts.subjects`, else the file's,
/// else all); an unanswered fact is level 0 and `NotDeclared`; an answer
/// marked not applicable leaves the denominator and keeps its justification as
/// evidence; every evidence entry points at the line of the answer.
pub fn assess_product(
    catalog: &Catalog,
    product: &ProductFile,
    opts: &ProductOptions,
) -> DocumentReport {
    let lang = opts.lang;
    let (ids, subjects_source): (Vec<String>, &str) = match &opts.subjects {
        Some(s) if !s.is_empty() => (s.clone(), "given"),
        _ if !product.product.subjects.is_empty() => (product.product.subjects.clone(), "declared"),
        _ => (
            catalog.subjects().iter().map(|s| s.id.clone()).collect(),
            "all",
        ),
    };
    let subjects: Vec<SubjectReport> = catalog
        .subjects()
        .iter()
        .filter(|s| ids.contains(&s.id))
        .map(|s| SubjectReport {
            id: s.id.clone(),
            title: s.title.clone(),
            hits: 0,
            evidence: Vec::new(),
        })
        .collect();
    let mut grids = Vec::new();
    for g in catalog.grids() {
        let mut criteria = Vec::new();
        for c in &g.criteria {
            let fact = &c.product.fact;
            let rule = &c.product.rule;
            let answer = product.answers.get(fact);
            let for_subjects = c.subjects.iter().any(|s| ids.contains(s));
            let place = product.places.get(fact).copied().unwrap_or_default();
            let evidence_of = |a: &Answer, level: u8, reasons: Vec<String>| Evidence {
                file: (!product.source.is_empty()).then(|| product.source.clone()),
                line: place.line,
                column: (place.column > 0).then_some(place.column),
                page: None,
                paragraph: None,
                location: if place.line > 0 {
                    format!("{}:{}", place.line, place.column)
                } else {
                    String::new()
                },
                section: vec!["answers".into(), fact.clone()],
                text: answer_text(rule, a, lang),
                cue: fact.clone(),
                firmness: None,
                level,
                reasons,
            };
            let (level, applicable, status, evidence) = match answer {
                _ if !for_subjects => {
                    let ev = answer
                        .map(|a| {
                            vec![evidence_of(
                                a,
                                0,
                                vec![tr!(
                                    lang,
                                    "le critère ne s'applique pas à ces objets du marché"
                                        .to_string(),
                                    "the criterion does not apply to these subjects".to_string()
                                )],
                            )]
                        })
                        .unwrap_or_default();
                    (0, false, Status::NotApplicable, ev)
                }
                None => (0, true, Status::NotDeclared, Vec::new()),
                Some(a) if a.not_applicable => (
                    0,
                    false,
                    Status::NotApplicable,
                    vec![evidence_of(
                        a,
                        0,
                        vec![tr!(
                            lang,
                            format!(
                                "déclaré sans objet : {}",
                                a.justification.as_deref().unwrap_or("")
                            ),
                            format!(
                                "declared not applicable: {}",
                                a.justification.as_deref().unwrap_or("")
                            )
                        )],
                    )],
                ),
                Some(a) => {
                    let (level, reasons) = answer_level(rule, a, lang);
                    (
                        level,
                        true,
                        Status::from_level(level),
                        vec![evidence_of(a, level, reasons)],
                    )
                }
            };
            criteria.push(CriterionReport {
                id: c.id.clone(),
                title: c.title.clone(),
                weight: c.weight,
                level,
                applicable,
                status,
                hits: usize::from(answer.is_some()),
                evidence,
                waived: None,
            });
        }
        grids.push(GridReport::unscored(g, criteria));
    }
    let mut report = DocumentReport {
        source: product.source.clone(),
        kind: DocumentKind::Product,
        format: Some(product.format.name().into()),
        subjects,
        subjects_source: subjects_source.into(),
        score: None,
        grade: None,
        weakest_grid: None,
        grids,
        error: None,
    };
    finish_scores(&mut report, catalog);
    report
}

/// The criteria of a product report left unanswered (`NotDeclared`), in grid order.
pub fn not_declared(report: &DocumentReport) -> Vec<&CriterionReport> {
    report
        .grids
        .iter()
        .flat_map(|g| &g.criteria)
        .filter(|c| c.status == Status::NotDeclared)
        .collect()
}

// ---------------------------------------------------------------- template

fn wrap_comment(out: &mut String, text: &str, indent: &str) {
    wrap_hanging(out, indent, indent, text);
}

/// Writes `text` as `# ` comment lines of at most about 90 characters: the
/// first line starts with `first`, the next ones with `rest`.
fn wrap_hanging(out: &mut String, first: &str, rest: &str, text: &str) {
    let mut line = String::new();
    let mut prefix = first;
    for word in text.split_whitespace() {
        if !line.is_empty()
            && prefix.chars().count() + line.chars().count() + word.chars().count() + 1 > 86
        {
            out.push_str(&format!("# {prefix}{line}\n"));
            line.clear();
            prefix = rest;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("# {prefix}{line}\n"));
    }
}

/// The placeholder answer of a rule in the template: the lowest answer, so
/// that uncommenting a line without thinking never claims a level.
fn placeholder(rule: &Rule) -> String {
    match rule {
        Rule::Bool => "{ value = false }".into(),
        Rule::Number {
            unit,
            better,
            levels,
        } => {
            // Well on the wrong side of the level-1 threshold: level 0.
            let worst = match better {
                Better::Lower => levels[0] * 2.0 + 1.0,
                Better::Higher => 0.0,
            };
            format!("{{ value = {worst}, unit = \"{unit}\" }}")
        }
        Rule::Enum { options } => {
            let low = options
                .iter()
                .min_by_key(|o| o.level)
                .map(|o| o.value.as_str());
            format!("{{ value = \"{}\" }}", low.unwrap_or(""))
        }
    }
}

/// A commented TOML template of a product file: every question that applies
/// to `subjects` (all when empty), its unit, its allowed values and what each
/// level needs. As written it is valid, every answer commented out (not
/// declared); uncommenting an answer line gives a valid answer to edit.
pub fn product_template(catalog: &Catalog, subjects: &[String], name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let header = tr!(
        lang,
        "Auto-évaluation d'un produit numérique pour reset-check : grilles RESET (vie privée, sobriété, inclusion, non-discrimination, attention).
|
|Pour la remplir :
|- décommentez la réponse de chaque question et donnez sa valeur ; une question sans réponse compte « non déclarée » (niveau 0) ;
|- un nombre s'écrit avec son unité : { value = 420, unit = \"kB\" } ;
|- le niveau 3 (atteint et prouvé) exige une preuve : un lien public ou un fichier, la date et qui a mesuré :
|    evidence = { url = \"https://…\", date = 2025-03-31, by = \"qui a mesuré\" }   (ou file = \"docs/audit.pdf\")
|- une question qui ne s'applique pas : { not_applicable = true, justification = \"pourquoi\" }.
|Une réponse longue peut aussi s'écrire en section : [answers.nom_du_fait] puis value = …, evidence = …
|
|Niveaux : 0 non atteint, 1 en partie, 2 atteint (déclaré), 3 atteint et prouvé (avec preuve).
|Ensuite : reset-check validate FICHIER ; reset-check product FICHIER",
        "Product self-assessment for reset-check: the RESET grids (privacy, frugality, inclusivity, non-discrimination, attention).
|
|How to fill it in:
|- uncomment the answer of each question and set its value; an unanswered question counts as `not declared` (level 0);
|- a number comes with its unit: { value = 420, unit = \"kB\" };
|- level 3 (met and proven) needs evidence: a public link or a file, when, and who measured:
|    evidence = { url = \"https://…\", date = 2025-03-31, by = \"who measured\" }   (or file = \"docs/audit.pdf\")
|- a question that does not apply: { not_applicable = true, justification = \"why\" }.
|A long answer can also be a section: [answers.fact_name], then value = …, evidence = …
|
|Levels: 0 not met, 1 partly met, 2 met (declared), 3 met and proven (with evidence).
|Then: reset-check validate FILE ; reset-check product FILE"
    );
    for l in header.split('|') {
        let l = l.trim_end_matches('\n');
        if l.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str(&format!("# {l}\n"));
        }
    }
    let known: Vec<&str> = catalog.subjects().iter().map(|s| s.id.as_str()).collect();
    let subject_list: Vec<String> = subjects.iter().map(|s| format!("\"{s}\"")).collect();
    let grid_versions: Vec<String> = catalog
        .grids()
        .iter()
        .map(|g| format!("{} = \"{}\"", g.id, g.version))
        .collect();
    out.push_str(&format!(
        "\n[product]\nname = {}\nversion = \"0.1.0\"\n# vendor = \"…\"\n# url = \"https://…\"\n",
        toml_string(name)
    ));
    out.push_str(&tr!(
        lang,
        format!(
            "# Objets du marché : {}. Aucun : tous les critères s'appliquent.\n",
            known.join(", ")
        ),
        format!(
            "# Subjects: {}. None: every criterion applies.\n",
            known.join(", ")
        )
    ));
    out.push_str(&format!("subjects = [{}]\n", subject_list.join(", ")));
    out.push_str(tr!(
        lang,
        "# Les versions des grilles que suivent ces réponses.\n",
        "# The grid versions these answers follow.\n"
    ));
    out.push_str(&format!("grids = {{ {} }}\n", grid_versions.join(", ")));
    out.push_str("\n[answers]\n");
    for g in catalog.grids() {
        let criteria: Vec<&Criterion> = g
            .criteria
            .iter()
            .filter(|c| subjects.is_empty() || c.subjects.iter().any(|s| subjects.contains(s)))
            .collect();
        if criteria.is_empty() {
            continue;
        }
        let title = format!("{} {} ", g.title.get(lang), g.version);
        let pad = 88usize.saturating_sub(title.chars().count() + 5);
        out.push_str(&format!("\n# ── {title}{}\n", "─".repeat(pad)));
        for c in criteria {
            out.push('\n');
            out.push_str(&tr!(
                lang,
                format!(
                    "# {} · {} · poids {} · {}\n",
                    c.id,
                    c.title.get(lang),
                    c.weight,
                    c.subjects.join(", ")
                ),
                format!(
                    "# {} · {} · weight {} · {}\n",
                    c.id,
                    c.title.get(lang),
                    c.weight,
                    c.subjects.join(", ")
                )
            ));
            wrap_comment(&mut out, c.product.question.get(lang), "");
            match &c.product.rule {
                Rule::Bool => out.push_str(tr!(
                    lang,
                    "#   true → niveau 2 (3 avec une preuve) ; false → niveau 0\n",
                    "#   true → level 2 (3 with evidence); false → level 0\n"
                )),
                Rule::Number {
                    unit,
                    better,
                    levels,
                } => {
                    let (op, dir) = match better {
                        Better::Lower => {
                            ("≤", tr!(lang, "plus bas est meilleur", "lower is better"))
                        }
                        Better::Higher => {
                            ("≥", tr!(lang, "plus haut est meilleur", "higher is better"))
                        }
                    };
                    out.push_str(&tr!(
                        lang,
                        format!(
                            "#   en {unit}, {dir} : {op} {} → niveau 1, {op} {} → 2, {op} {} → 3 (avec une preuve) ; sinon 0\n",
                            levels[0], levels[1], levels[2]
                        ),
                        format!(
                            "#   in {unit}, {dir}: {op} {} → level 1, {op} {} → 2, {op} {} → 3 (with evidence); otherwise 0\n",
                            levels[0], levels[1], levels[2]
                        )
                    ));
                }
                Rule::Enum { options } => {
                    let width = options.iter().map(|o| o.value.len()).max().unwrap_or(0) + 2;
                    for o in options {
                        let needs = if o.level == 3 {
                            tr!(lang, " (avec une preuve)", " (with evidence)")
                        } else {
                            ""
                        };
                        let first =
                            format!("  {:<width$} → {}  ", format!("\"{}\"", o.value), o.level);
                        let rest = " ".repeat(first.chars().count());
                        wrap_hanging(
                            &mut out,
                            &first,
                            &rest,
                            &format!("{}{needs}", o.label.get(lang)),
                        );
                    }
                }
            }
            out.push_str(&format!(
                "# {} = {}\n",
                c.product.fact,
                placeholder(&c.product.rule)
            ));
        }
    }
    out
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------- match

/// The verdict on one requirement of a tender for a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The product reaches level 2 or 3.
    Met,
    /// The product answers below level 2.
    NotMet,
    /// The product file does not answer the question.
    NotDeclared,
    /// The product declares the question not applicable, or its subjects leave it out.
    NotApplicable,
}

impl Verdict {
    /// Its name in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Met, Lang::Fr) => "satisfait",
            (Verdict::Met, Lang::En) => "met",
            (Verdict::NotMet, Lang::Fr) => "non satisfait",
            (Verdict::NotMet, Lang::En) => "not met",
            (Verdict::NotDeclared, Lang::Fr) => "non déclaré",
            (Verdict::NotDeclared, Lang::En) => "not declared",
            (Verdict::NotApplicable, Lang::Fr) => "sans objet",
            (Verdict::NotApplicable, Lang::En) => "not applicable",
        }
    }
}

/// One requirement of the tender against the product's answer.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct MatchRow {
    /// Criterion id.
    pub id: String,
    /// Its grid.
    pub grid: String,
    /// Its title.
    pub title: Text,
    /// Its weight.
    pub weight: u8,
    /// The level the tender requires (2 required, 3 required and verifiable).
    pub required_level: u8,
    /// The tender's sentence that requires it, with its line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Evidence>,
    /// The product's level (0 when not declared or not applicable).
    pub product_level: u8,
    /// The product's status.
    pub product_status: Status,
    /// The product's answer, with its line and evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Evidence>,
    /// Met, not met, not declared, not applicable.
    pub verdict: Verdict,
    /// The product proves it (level 3: evidence given).
    pub proven: bool,
}

/// Counts of verdicts.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, JsonSchema)]
pub struct MatchCounts {
    /// Requirements met.
    pub met: usize,
    /// Requirements not met.
    pub not_met: usize,
    /// Requirements the product does not answer.
    pub not_declared: usize,
    /// Requirements that do not apply to the product.
    pub not_applicable: usize,
}

/// Does a product meet what a tender requires?
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct MatchReport {
    /// Version of the report contract.
    pub schema_version: u32,
    /// The tender, as named by the user.
    pub spec: String,
    /// The product file, as named by the user.
    pub product: String,
    /// Every criterion the tender requires (level 2 or 3), in grid order.
    pub rows: Vec<MatchRow>,
    /// Counts of verdicts.
    pub counts: MatchCounts,
    /// 100 × met / (met + not met + not declared); absent when nothing applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compliance: Option<f64>,
}

/// Holds a product assessment against a tender assessment: for every
/// criterion the tender requires (level 2 or 3, applicable), the product's
/// answer and a verdict (met when the product reaches level 2).
pub fn match_product(spec: &DocumentReport, product: &DocumentReport) -> MatchReport {
    let mut rows = Vec::new();
    let mut counts = MatchCounts::default();
    for g in &spec.grids {
        for c in g.criteria.iter().filter(|c| c.applicable && c.level >= 2) {
            let p = product
                .grids
                .iter()
                .flat_map(|pg| &pg.criteria)
                .find(|pc| pc.id == c.id);
            let (verdict, level, status, answer) = match p {
                None => (Verdict::NotDeclared, 0, Status::NotDeclared, None),
                Some(pc) => {
                    let v = if !pc.applicable {
                        Verdict::NotApplicable
                    } else if pc.status == Status::NotDeclared {
                        Verdict::NotDeclared
                    } else if pc.level >= 2 {
                        Verdict::Met
                    } else {
                        Verdict::NotMet
                    };
                    (v, pc.level, pc.status, pc.evidence.first().cloned())
                }
            };
            match verdict {
                Verdict::Met => counts.met += 1,
                Verdict::NotMet => counts.not_met += 1,
                Verdict::NotDeclared => counts.not_declared += 1,
                Verdict::NotApplicable => counts.not_applicable += 1,
            }
            rows.push(MatchRow {
                id: c.id.clone(),
                grid: g.id.clone(),
                title: c.title.clone(),
                weight: c.weight,
                required_level: c.level,
                requirement: c.evidence.first().cloned(),
                product_level: level,
                product_status: status,
                answer,
                verdict,
                proven: verdict == Verdict::Met && level >= 3,
            });
        }
    }
    let assessed = counts.met + counts.not_met + counts.not_declared;
    let compliance =
        (assessed > 0).then(|| (1000.0 * counts.met as f64 / assessed as f64).round() / 10.0);
    MatchReport {
        schema_version: SCHEMA_VERSION,
        spec: spec.source.clone(),
        product: product.source.clone(),
        rows,
        counts,
        compliance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ProductFile, Diagnostics> {
        parse_product(
            Catalog::builtin(),
            &SourceFile::new("p.toml", text),
            Lang::En,
        )
    }

    #[test]
    fn json_spans() {
        let t = "{\n  \"product\": { \"name\": \"x\" },\n  \"answers\": {\n    \"a\": { \"value\": [1, 2] }\n  }\n}";
        let s = json_span_of_pointer(t, "/answers/a").unwrap();
        assert!(t[s].starts_with("\"a\": {"));
        let s = json_span_of_pointer(t, "/answers/a/value/1").unwrap();
        assert_eq!(&t[s], "2");
        let s = json_span_of_pointer(t, "/answers/zz").unwrap();
        assert_eq!(&t[s.clone()], "{");
        assert_eq!(line_col(t, s.start).0, 3);
    }

    #[test]
    fn offsets_from_line_and_column() {
        assert_eq!(offset_of("ab\ncd", 2, 2), 4);
        assert_eq!(offset_of("ab", 5, 1), 2);
    }

    #[test]
    fn empty_product_is_all_not_declared() {
        let p = parse("[product]\nname = \"x\"\n").unwrap();
        let r = assess_product(Catalog::builtin(), &p, &ProductOptions::default());
        assert_eq!(r.score, Some(0.0));
        assert!(!not_declared(&r).is_empty());
        assert_eq!(r.subjects_source, "all");
    }

    #[test]
    fn missing_product_section() {
        let e = parse("[answers]\n").unwrap_err();
        assert!(e.to_string().contains("no [product] section"), "{e}");
    }
}
