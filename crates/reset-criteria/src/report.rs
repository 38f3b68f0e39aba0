//! The report model shared by every engine and every renderer: documents,
//! grids, criteria, levels and evidence. Its JSON form is a public, versioned
//! contract (`schema_version`): field names and meanings only grow.

use crate::lang::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version of the JSON report contract. Bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole run: one entry per document assessed.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Version of this contract.
    pub schema_version: u32,
    /// The tool that wrote it.
    pub tool: ToolInfo,
    /// The grids used, as `id@version` comma separated.
    pub catalog: String,
    /// One entry per document, in input order.
    pub documents: Vec<DocumentReport>,
}

/// Name and version of the tool.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct ToolInfo {
    /// `reset-check`.
    pub name: String,
    /// Its version.
    pub version: String,
}

impl Report {
    /// An empty report for a catalog version.
    pub fn new(catalog: impl Into<String>) -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo {
                name: "reset-check".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            catalog: catalog.into(),
            documents: Vec::new(),
        }
    }
}

/// What was assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A tender specification (what a buyer requires).
    Spec,
    /// A vendor's offer (what a vendor commits to).
    Offer,
    /// A product self-assessment file.
    Product,
}

/// The assessment of one document.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct DocumentReport {
    /// The source, as named by the user.
    pub source: String,
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// The format it was read as, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The procurement subjects used for applicability.
    pub subjects: Vec<SubjectReport>,
    /// How the subjects were decided: `detected`, `given` (`--subject`) or `all` (none detected).
    pub subjects_source: String,
    /// Overall score 0-100: the mean of the applicable grids' scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Overall grade A-E.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// The id of the grid with the lowest score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weakest_grid: Option<String>,
    /// One entry per grid of the catalog.
    pub grids: Vec<GridReport>,
    /// Set when the document could not be read; then `grids` is empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl DocumentReport {
    /// A report for a document that could not be read.
    pub fn failed(source: impl Into<String>, kind: DocumentKind, error: impl Into<String>) -> Self {
        DocumentReport {
            source: source.into(),
            kind,
            format: None,
            subjects: Vec::new(),
            subjects_source: "none".into(),
            score: None,
            grade: None,
            weakest_grid: None,
            grids: Vec::new(),
            error: Some(error.into()),
        }
    }
}

/// A subject and the sentences that decided it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct SubjectReport {
    /// Subject id (`web`, `ai`...).
    pub id: String,
    /// Its name.
    pub title: Text,
    /// Number of sentences that name it.
    pub hits: usize,
    /// The first sentences that name it.
    pub evidence: Vec<Evidence>,
}

/// The result of one grid.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct GridReport {
    /// Grid id.
    pub id: String,
    /// Grid version.
    pub version: String,
    /// Grid name.
    pub title: Text,
    /// Score 0-100 over applicable criteria; absent when none applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Grade A-E.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Number of applicable criteria at levels 0, 1, 2 and 3.
    pub counts: [usize; 4],
    /// Number of criteria that do not apply to the subjects.
    pub not_applicable: usize,
    /// The criteria, in grid order.
    pub criteria: Vec<CriterionReport>,
}

impl GridReport {
    /// The report of a grid with its criteria, before [`finish_scores`] fills
    /// the scores, grades and counts.
    pub fn unscored(grid: &crate::Grid, criteria: Vec<CriterionReport>) -> Self {
        GridReport {
            id: grid.id.clone(),
            version: grid.version.clone(),
            title: grid.title.clone(),
            score: None,
            grade: None,
            counts: [0; 4],
            not_applicable: 0,
            criteria,
        }
    }
}

/// Status of a criterion, from its level and applicability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Level 3: required and verifiable (tender) or met and proven (product).
    Met,
    /// Level 2: required (tender) or met as declared (product).
    Required,
    /// Level 1: mentioned, wished (tender) or partly met (product).
    Mentioned,
    /// Level 0: absent, negated or out of scope (tender); not met (product).
    Absent,
    /// Level 0 in a product file: the fact was not answered.
    NotDeclared,
    /// The criterion does not apply to the subjects.
    NotApplicable,
}

impl Status {
    /// The status of an applicable criterion at a level.
    pub fn from_level(level: u8) -> Status {
        match level {
            3 => Status::Met,
            2 => Status::Required,
            1 => Status::Mentioned,
            _ => Status::Absent,
        }
    }

    /// Its name in a language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (Status::Met, Fr) => "exigé et vérifiable",
            (Status::Met, En) => "required, verifiable",
            (Status::Required, Fr) => "exigé",
            (Status::Required, En) => "required",
            (Status::Mentioned, Fr) => "mentionné",
            (Status::Mentioned, En) => "mentioned",
            (Status::Absent, Fr) => "absent",
            (Status::Absent, En) => "absent",
            (Status::NotDeclared, Fr) => "non déclaré",
            (Status::NotDeclared, En) => "not declared",
            (Status::NotApplicable, Fr) => "sans objet",
            (Status::NotApplicable, En) => "not applicable",
        }
    }
}

/// The result of one criterion.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct CriterionReport {
    /// Criterion id.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// Its weight (1-3).
    pub weight: u8,
    /// Level 0-3 (0 when not applicable).
    pub level: u8,
    /// Whether it applies to the subjects.
    pub applicable: bool,
    /// Status derived from level and applicability.
    pub status: Status,
    /// The evidence, best first (at most a few sentences).
    pub evidence: Vec<Evidence>,
    /// Number of sentences that matched, including those not kept as evidence.
    pub hits: usize,
    /// Set when a waiver of the configuration sets the criterion aside: it is
    /// still assessed and shown, but does not trigger `--fail-on`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waived: Option<Waiver>,
}

/// Why a criterion is set aside, and until when (a waiver of `reset-check.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Waiver {
    /// The reason given for the waiver.
    pub reason: String,
    /// The last day the waiver holds (`YYYY-MM-DD`), when it expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// A sentence (or a product answer) that supports a level.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The file inside a dossier, or the product file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Line (text formats, line on the page for PDF), else paragraph, else page; 0 if unknown.
    pub line: u32,
    /// Column, for text formats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Page (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Paragraph index (docx, odt).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// A readable place: `12:5`, `§ 42`, `p. 3, l. 7`.
    pub location: String,
    /// The heading path of the section.
    pub section: Vec<String>,
    /// The sentence, quoted exactly from the source.
    pub text: String,
    /// The cue that matched.
    pub cue: String,
    /// The wording that set the firmness (`doit`, `shall`, `si possible`, `ne ... pas`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firmness: Option<String>,
    /// The level this sentence supports.
    pub level: u8,
    /// Why: each step of the qualification (`binding: doit`, `verifiable: rgaa 4.1`, `section: context`).
    pub reasons: Vec<String>,
}

/// Score of a list of (weight, level) over applicable criteria: 100 × Σ(w×l) / Σ(w×3).
pub fn score(items: impl IntoIterator<Item = (u8, u8)>) -> Option<f64> {
    let (mut num, mut den) = (0u32, 0u32);
    for (w, l) in items {
        num += u32::from(w) * u32::from(l.min(3));
        den += u32::from(w) * 3;
    }
    (den > 0).then(|| (1000.0 * f64::from(num) / f64::from(den)).round() / 10.0)
}

/// Fills the scores and grades of the grids, then the document's overall score,
/// grade and weakest grid.
pub fn finish_scores(doc: &mut DocumentReport, catalog: &crate::Catalog) {
    for g in &mut doc.grids {
        g.counts = [0; 4];
        g.not_applicable = 0;
        for c in &g.criteria {
            if c.applicable {
                g.counts[usize::from(c.level.min(3))] += 1;
            } else {
                g.not_applicable += 1;
            }
        }
        g.score = score(
            g.criteria
                .iter()
                .filter(|c| c.applicable)
                .map(|c| (c.weight, c.level)),
        );
        let scale = catalog.grid(&g.id).map(|x| x.grades).unwrap_or_default();
        g.grade = g.score.map(|s| scale.grade(s).to_string());
    }
    let scored: Vec<(&str, f64)> = doc
        .grids
        .iter()
        .filter_map(|g| g.score.map(|s| (g.id.as_str(), s)))
        .collect();
    if scored.is_empty() {
        doc.score = None;
        doc.grade = None;
        doc.weakest_grid = None;
    } else {
        let mean = scored.iter().map(|(_, s)| s).sum::<f64>() / scored.len() as f64;
        let mean = (mean * 10.0).round() / 10.0;
        doc.score = Some(mean);
        doc.grade = Some(crate::grid::GradeScale::default().grade(mean).to_string());
        doc.weakest_grid = scored
            .iter()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, _)| id.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_formula() {
        assert_eq!(score([(3, 3), (1, 0)]), Some(75.0));
        assert_eq!(score([(2, 2)]), Some(66.7));
        assert_eq!(score(std::iter::empty()), None);
    }
}
