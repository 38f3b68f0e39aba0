//! The grid file format: one TOML file per area, a list of criteria.
//!
//! These types are the single source of truth of the format: the JSON Schema
//! of a grid (`reset-check schema grid`) is derived from them with schemars,
//! so the documentation, the validator and the parser cannot drift apart.

use crate::lang::{Lang, LangList, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One grid: an area of the RESET programme (privacy, frugality...) and its criteria.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    /// Stable identifier, lowercase with dashes (`privacy`, `non-discrimination`).
    #[schemars(regex(pattern = r"^[a-z][a-z0-9-]*$"))]
    pub id: String,
    /// Version of the grid's content (semantic versioning, e.g. `1.0.0`).
    #[schemars(regex(pattern = r"^[0-9]+\.[0-9]+\.[0-9]+$"))]
    pub version: String,
    /// Name of the area.
    pub title: Text,
    /// What the area covers, in one or two sentences.
    pub summary: Text,
    /// Minimum score for each grade; below `d` the grade is E.
    #[serde(default)]
    pub grades: GradeScale,
    /// The criteria of the grid.
    #[schemars(length(min = 1))]
    pub criteria: Vec<Criterion>,
}

/// Minimum scores (0-100) of grades A to D; anything lower is E.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeScale {
    /// Minimum score of grade A.
    pub a: f64,
    /// Minimum score of grade B.
    pub b: f64,
    /// Minimum score of grade C.
    pub c: f64,
    /// Minimum score of grade D.
    pub d: f64,
}

impl Default for GradeScale {
    fn default() -> Self {
        GradeScale {
            a: 80.0,
            b: 60.0,
            c: 40.0,
            d: 20.0,
        }
    }
}

impl GradeScale {
    /// The grade letter of a score.
    pub fn grade(&self, score: f64) -> char {
        if score >= self.a {
            'A'
        } else if score >= self.b {
            'B'
        } else if score >= self.c {
            'C'
        } else if score >= self.d {
            'D'
        } else {
            'E'
        }
    }
}

/// One criterion: something a tender can require and a product can meet.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable identifier: a prefix in capitals, a dash, two or three digits (`PRIV-04`).
    #[schemars(regex(pattern = r"^[A-Z]{2,8}-[0-9]{2,3}$"))]
    pub id: String,
    /// Short title.
    pub title: Text,
    /// Why it matters, for a buyer, in two or three sentences.
    pub rationale: Text,
    /// Weight in the grid's score: 1 (useful), 2 (important), 3 (essential).
    #[schemars(range(min = 1, max = 3))]
    pub weight: u8,
    /// Procurement subjects the criterion applies to (ids from `subjects.toml`).
    #[schemars(length(min = 1))]
    pub subjects: Vec<String>,
    /// Public standards and laws, by exact identifier (`RGPD art. 35`, `WCAG 2.2 SC 2.5.8`).
    #[schemars(length(min = 1))]
    pub references: Vec<String>,
    /// How a tender text shows the criterion.
    pub spec: SpecCues,
    /// How a product self-assessment answers it.
    pub product: ProductQuestion,
    /// Model clause to paste into a tender that lacks the criterion.
    pub clause: Text,
    /// Sentences that must reach a level through the tender engine (run as tests).
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Cues of a criterion in tender texts, per language.
///
/// Cue syntax: a phrase (`analyse d'impact`), a phrase ending in `*` for a
/// prefix (`accessib*`), or several terms joined by ` + ` that must all occur
/// in one sentence (`donnees + minimis*`). Cues are normalised like the text
/// (case, accents, apostrophes), so write them naturally.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpecCues {
    /// Wording that asks for the criterion.
    pub cues: LangList,
    /// Wording naming a practice the criterion forbids (`autoplay`, `defilement infini`):
    /// a negated or prohibiting sentence around it is a requirement; a sentence
    /// demanding it is not.
    #[serde(default)]
    pub avoid: LangList,
    /// Criterion-specific verification cues (its standard and level, its deliverable,
    /// its threshold): near a binding hit they lift the level to 3.
    #[serde(default)]
    pub verify: LangList,
    /// Phrases in which a cue means something else (`accessibilite du batiment`):
    /// a hit inside one of them is ignored.
    #[serde(default)]
    pub exclude: LangList,
    /// Cues that name the criterion only inside an award-criteria section
    /// ("Critères d'attribution", "Evaluation criteria"): the short row
    /// labels of a weighting table ("Développement durable | 20 %",
    /// "Sustainability | 30%"), too vague to count anywhere else.
    #[serde(default)]
    pub award: LangList,
}

/// The question a product self-assessment answers for a criterion.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductQuestion {
    /// Name of the fact in product files, snake_case (`page_weight_kb`).
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"))]
    pub fact: String,
    /// The question, as asked to a vendor.
    pub question: Text,
    /// How an answer maps to levels 0-3.
    pub rule: Rule,
}

/// How an answer maps to a level. Level 3 (proven) always needs evidence in
/// the product file; without it a level-3 answer counts as 2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Rule {
    /// Yes or no: `true` reaches level 2 (3 with evidence), `false` is 0.
    Bool,
    /// A measured value with its unit and the thresholds of levels 1, 2 and 3.
    Number {
        /// Unit of the value (`kB`, `%`, `years`, `gCO2e/kWh`).
        unit: String,
        /// Whether a lower or a higher value is better.
        better: Better,
        /// Thresholds reaching levels 1, 2 and 3, in that order.
        levels: [f64; 3],
    },
    /// One of a list of answers, each with its level.
    Enum {
        /// The allowed answers.
        #[schemars(length(min = 2))]
        options: Vec<EnumOption>,
    },
}

/// Direction of a numeric threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// Lower values are better (page weight, PUE).
    Lower,
    /// Higher values are better (years of support, conformance rate).
    Higher,
}

/// One allowed answer of an enum question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnumOption {
    /// The answer as written in product files (snake_case).
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"))]
    pub value: String,
    /// The level it reaches (0-3).
    #[schemars(range(max = 3))]
    pub level: u8,
    /// What the answer means.
    pub label: Text,
}

/// A sentence that the tender engine must score at a given level for this criterion.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Language of the sentence.
    pub lang: Lang,
    /// The sentence, as it would appear in a tender.
    pub text: String,
    /// The level it must reach (0 for a trap: a negation, an unrelated sense).
    #[schemars(range(max = 3))]
    pub level: u8,
}

impl Rule {
    /// The level an answer reaches, before the evidence rule caps level 3 at 2.
    pub fn level_of_number(&self, value: f64) -> Option<u8> {
        match self {
            Rule::Number { better, levels, .. } => {
                let mut level = 0;
                for (i, t) in levels.iter().enumerate() {
                    let ok = match better {
                        Better::Lower => value <= *t,
                        Better::Higher => value >= *t,
                    };
                    if ok {
                        level = i as u8 + 1;
                    }
                }
                Some(level)
            }
            _ => None,
        }
    }
}

impl Criterion {
    /// The title in a language.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
}
