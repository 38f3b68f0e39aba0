//! `reset-check diff OLD NEW`: what changed between two assessments of the
//! same kind (two versions of a tender, two releases of a product): criteria
//! gained, lost, raised and lowered, and the score change per grid and
//! overall. The comparison itself and its table and JSON renderers.

use crate::r#match::{place, product_status_label, shorten, styled_table};
use crate::table::TableOptions;
use comfy_table::{Cell, Color};
use reset_criteria::report::{DocumentKind, DocumentReport, Evidence, Status, SCHEMA_VERSION};
use reset_criteria::{Lang, Text};
use serde::{Deserialize, Serialize};

/// A score before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreChange {
    /// The old score (absent when nothing applied).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<f64>,
    /// The new score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<f64>,
    /// New minus old, when both exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
    /// The old grade.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_grade: Option<String>,
    /// The new grade.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_grade: Option<String>,
}

impl ScoreChange {
    fn of(old: Option<f64>, new: Option<f64>, og: Option<&String>, ng: Option<&String>) -> Self {
        ScoreChange {
            old,
            new,
            delta: old.zip(new).map(|(o, n)| ((n - o) * 10.0).round() / 10.0),
            old_grade: og.cloned(),
            new_grade: ng.cloned(),
        }
    }
}

/// The score change of one grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridChange {
    /// Grid id.
    pub id: String,
    /// Grid name.
    pub title: Text,
    /// Its score before and after.
    pub score: ScoreChange,
}

/// How a criterion changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// From level 0 (or not applicable, or absent from the old catalog) to a level above 0.
    Gained,
    /// Up, from a level above 0.
    Raised,
    /// Down, to a level above 0.
    Lowered,
    /// From a level above 0 to level 0 (or not applicable).
    Lost,
}

impl Change {
    /// Its name in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Change::Gained, Lang::Fr) => "gagné",
            (Change::Gained, Lang::En) => "gained",
            (Change::Raised, Lang::Fr) => "relevé",
            (Change::Raised, Lang::En) => "raised",
            (Change::Lowered, Lang::Fr) => "abaissé",
            (Change::Lowered, Lang::En) => "lowered",
            (Change::Lost, Lang::Fr) => "perdu",
            (Change::Lost, Lang::En) => "lost",
        }
    }
}

/// One criterion whose level changed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CriterionChange {
    /// Criterion id.
    pub id: String,
    /// Its grid.
    pub grid: String,
    /// Its title.
    pub title: Text,
    /// Its weight.
    pub weight: u8,
    /// Gained, raised, lowered or lost.
    pub change: Change,
    /// The old level (0 when not applicable or absent).
    pub old_level: u8,
    /// The new level.
    pub new_level: u8,
    /// The old status (absent when the old assessment does not have the criterion).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_status: Option<Status>,
    /// The new status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_status: Option<Status>,
    /// The best evidence of the new level (of the old one when lost).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// Counts of changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeCounts {
    /// Criteria gained.
    pub gained: usize,
    /// Criteria raised.
    pub raised: usize,
    /// Criteria lowered.
    pub lowered: usize,
    /// Criteria lost.
    pub lost: usize,
}

/// What changed between two assessments.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DiffReport {
    /// Version of the report contract.
    pub schema_version: u32,
    /// What both documents are.
    pub kind: DocumentKind,
    /// The old document, as named by the user.
    pub old: String,
    /// The new document.
    pub new: String,
    /// The overall score before and after.
    pub score: ScoreChange,
    /// Per grid, in the new document's order (then grids only in the old one).
    pub grids: Vec<GridChange>,
    /// The criteria whose level changed: gained, raised, lowered, lost; grid order within each.
    pub changes: Vec<CriterionChange>,
    /// Counts of changes.
    pub counts: ChangeCounts,
}

fn effective(level: u8, applicable: bool) -> u8 {
    if applicable {
        level
    } else {
        0
    }
}

/// Compares two assessments of the same kind, criterion by criterion.
pub fn diff_reports(old: &DocumentReport, new: &DocumentReport) -> DiffReport {
    let mut grids = Vec::new();
    for g in &new.grids {
        let o = old.grids.iter().find(|x| x.id == g.id);
        grids.push(GridChange {
            id: g.id.clone(),
            title: g.title.clone(),
            score: ScoreChange::of(
                o.and_then(|x| x.score),
                g.score,
                o.and_then(|x| x.grade.as_ref()),
                g.grade.as_ref(),
            ),
        });
    }
    for g in old
        .grids
        .iter()
        .filter(|g| !new.grids.iter().any(|x| x.id == g.id))
    {
        grids.push(GridChange {
            id: g.id.clone(),
            title: g.title.clone(),
            score: ScoreChange::of(g.score, None, g.grade.as_ref(), None),
        });
    }
    let mut changes = Vec::new();
    let find = |doc: &'_ DocumentReport, id: &str| {
        doc.grids.iter().find_map(|g| {
            g.criteria
                .iter()
                .find(|c| c.id == id)
                .map(|c| (g.id.clone(), c.clone()))
        })
    };
    let mut ids: Vec<String> = new
        .grids
        .iter()
        .flat_map(|g| g.criteria.iter().map(|c| c.id.clone()))
        .collect();
    for g in &old.grids {
        for c in &g.criteria {
            if !ids.contains(&c.id) {
                ids.push(c.id.clone());
            }
        }
    }
    for id in ids {
        let o = find(old, &id);
        let n = find(new, &id);
        let ol = o
            .as_ref()
            .map(|(_, c)| effective(c.level, c.applicable))
            .unwrap_or(0);
        let nl = n
            .as_ref()
            .map(|(_, c)| effective(c.level, c.applicable))
            .unwrap_or(0);
        let change = match (ol, nl) {
            (a, b) if a == b => continue,
            (0, _) => Change::Gained,
            (_, 0) => Change::Lost,
            (a, b) if b > a => Change::Raised,
            _ => Change::Lowered,
        };
        let (grid, base) = match (&n, &o) {
            (Some(x), _) | (None, Some(x)) => x.clone(),
            (None, None) => continue,
        };
        let evidence = match change {
            Change::Lost => o.as_ref().and_then(|(_, c)| c.evidence.first().cloned()),
            _ => n.as_ref().and_then(|(_, c)| c.evidence.first().cloned()),
        };
        changes.push(CriterionChange {
            id: base.id.clone(),
            grid,
            title: base.title.clone(),
            weight: base.weight,
            change,
            old_level: ol,
            new_level: nl,
            old_status: o.as_ref().map(|(_, c)| c.status),
            new_status: n.as_ref().map(|(_, c)| c.status),
            evidence,
        });
    }
    changes.sort_by_key(|c| match c.change {
        Change::Gained => 0,
        Change::Raised => 1,
        Change::Lowered => 2,
        Change::Lost => 3,
    });
    let mut counts = ChangeCounts::default();
    for c in &changes {
        match c.change {
            Change::Gained => counts.gained += 1,
            Change::Raised => counts.raised += 1,
            Change::Lowered => counts.lowered += 1,
            Change::Lost => counts.lost += 1,
        }
    }
    DiffReport {
        schema_version: SCHEMA_VERSION,
        kind: new.kind,
        old: old.source.clone(),
        new: new.source.clone(),
        score: ScoreChange::of(old.score, new.score, old.grade.as_ref(), new.grade.as_ref()),
        grids,
        changes,
        counts,
    }
}

fn fmt_score(s: Option<f64>, g: Option<&String>) -> String {
    match (s, g) {
        (Some(s), Some(g)) => format!("{s:.1} ({g})"),
        (Some(s), None) => format!("{s:.1}"),
        _ => "-".into(),
    }
}

fn fmt_delta(d: Option<f64>) -> String {
    match d {
        Some(d) if d > 0.0 => format!("+{d:.1}"),
        Some(d) => format!("{d:.1}"),
        None => "-".into(),
    }
}

fn level_text(level: u8, status: Option<Status>, kind: DocumentKind, lang: Lang) -> String {
    match status {
        None => "-".into(),
        Some(Status::NotApplicable) => lang.pick("s.o.", "n/a").into(),
        Some(s) if kind == DocumentKind::Product => {
            format!("{level} {}", product_status_label(s, lang))
        }
        Some(s) => format!("{level} {}", s.label(lang)),
    }
}

/// The diff as a terminal table: the score change overall and per grid, then
/// the criteria gained, raised, lowered and lost.
pub fn render_diff_table(report: &DiffReport, opts: &TableOptions) -> String {
    let lang = opts.lang;
    let mut out = String::new();
    out.push_str(&format!(
        "{}: {}\n{}: {}\n",
        lang.pick("Avant", "Old"),
        report.old,
        lang.pick("Après", "New"),
        report.new
    ));
    let s = &report.score;
    out.push_str(&format!(
        "{}: {} → {} ({})\n",
        lang.pick("Score", "Score"),
        fmt_score(s.old, s.old_grade.as_ref()),
        fmt_score(s.new, s.new_grade.as_ref()),
        fmt_delta(s.delta)
    ));
    let c = &report.counts;
    out.push_str(&format!(
        "{}: {} {}, {} {}, {} {}, {} {}\n",
        lang.pick("Critères", "Criteria"),
        c.gained,
        Change::Gained.label(lang),
        c.raised,
        Change::Raised.label(lang),
        c.lowered,
        Change::Lowered.label(lang),
        c.lost,
        Change::Lost.label(lang),
    ));
    let mut table = styled_table(opts);
    table.set_header(vec![
        lang.pick("Grille", "Grid"),
        lang.pick("Avant", "Old"),
        lang.pick("Après", "New"),
        lang.pick("Écart", "Change"),
    ]);
    for g in &report.grids {
        let mut delta = Cell::new(fmt_delta(g.score.delta));
        if opts.color {
            if let Some(d) = g.score.delta {
                delta = delta.fg(if d > 0.0 {
                    Color::Green
                } else if d < 0.0 {
                    Color::Red
                } else {
                    Color::Reset
                });
            }
        }
        table.add_row(vec![
            Cell::new(g.title.get(lang)),
            Cell::new(fmt_score(g.score.old, g.score.old_grade.as_ref())),
            Cell::new(fmt_score(g.score.new, g.score.new_grade.as_ref())),
            delta,
        ]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    if report.changes.is_empty() {
        out.push_str(lang.pick(
            "\nAucun critère n'a changé de niveau.\n",
            "\nNo criterion changed level.\n",
        ));
        return out;
    }
    let mut table = styled_table(opts);
    table.set_header(vec![
        lang.pick("Critère", "Criterion"),
        lang.pick("Changement", "Change"),
        lang.pick("Avant", "Old"),
        lang.pick("Après", "New"),
        lang.pick("Preuve", "Evidence"),
    ]);
    for ch in &report.changes {
        let mut change = Cell::new(ch.change.label(lang));
        if opts.color {
            change = change.fg(match ch.change {
                Change::Gained | Change::Raised => Color::Green,
                Change::Lowered | Change::Lost => Color::Red,
            });
        }
        let evidence = ch
            .evidence
            .as_ref()
            .map(|e| format!("{}\n{}", place(e), shorten(&e.text, 120)))
            .unwrap_or_default();
        table.add_row(vec![
            Cell::new(format!("{} {}", ch.id, shorten(ch.title.get(lang), 40))),
            change,
            Cell::new(level_text(ch.old_level, ch.old_status, report.kind, lang)),
            Cell::new(level_text(ch.new_level, ch.new_status, report.kind, lang)),
            Cell::new(evidence),
        ]);
    }
    out.push('\n');
    out.push_str(&table.to_string());
    out.push('\n');
    out
}

/// The diff as pretty JSON, with a final newline.
pub fn render_diff_json(report: &DiffReport) -> String {
    let mut s = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the diff: {e}\"}}"));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use reset_criteria::report::{CriterionReport, GridReport};

    fn doc(levels: &[(&str, u8, bool)], score: f64) -> DocumentReport {
        let mut d = DocumentReport::failed("x", DocumentKind::Product, "");
        d.error = None;
        d.score = Some(score);
        d.grids = vec![GridReport {
            id: "g".into(),
            version: "1.0.0".into(),
            title: Text::new("G", "G"),
            score: Some(score),
            grade: None,
            counts: [0; 4],
            not_applicable: 0,
            criteria: levels
                .iter()
                .map(|(id, l, a)| CriterionReport {
                    id: id.to_string(),
                    title: Text::new(*id, *id),
                    weight: 1,
                    level: *l,
                    applicable: *a,
                    status: Status::from_level(*l),
                    evidence: Vec::new(),
                    hits: 0,
                    waived: None,
                })
                .collect(),
        }];
        d
    }

    #[test]
    fn classifies_changes() {
        let old = doc(
            &[
                ("A", 0, true),
                ("B", 2, true),
                ("C", 3, true),
                ("D", 1, true),
                ("E", 2, true),
            ],
            40.0,
        );
        let new = doc(
            &[
                ("A", 2, true),
                ("B", 3, true),
                ("C", 1, true),
                ("D", 0, true),
                ("E", 2, false),
            ],
            45.5,
        );
        let d = diff_reports(&old, &new);
        let kinds: Vec<(&str, Change)> = d
            .changes
            .iter()
            .map(|c| (c.id.as_str(), c.change))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("A", Change::Gained),
                ("B", Change::Raised),
                ("C", Change::Lowered),
                ("D", Change::Lost),
                ("E", Change::Lost)
            ]
        );
        assert_eq!(d.score.delta, Some(5.5));
        assert_eq!(d.counts.lost, 2);
    }
}
