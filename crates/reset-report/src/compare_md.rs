//! Markdown for the two comparisons: `match` (a product against what a
//! tender requires) and `diff` (two versions of a tender or a product).

use crate::diff::DiffReport;
use crate::i18n::{place, status_label};
use crate::markdown::{escape_md, punct};
use reset_criteria::product::MatchReport;
use reset_criteria::report::Status;
use reset_criteria::Lang;
use std::fmt::Write as _;

fn score_grade(s: Option<f64>, g: Option<&String>) -> String {
    match (s, g) {
        (Some(s), Some(g)) => format!("{s:.1} ({})", escape_md(g)),
        (Some(s), None) => format!("{s:.1}"),
        _ => "-".into(),
    }
}

fn delta(d: Option<f64>) -> String {
    match d {
        Some(d) if d > 0.0 => format!("+{d:.1}"),
        Some(d) => format!("{d:.1}"),
        None => "-".into(),
    }
}

/// The match as Markdown: the compliance, then one row per requirement with
/// the tender's sentence, the product's answer and the verdict.
pub fn render_match_markdown(report: &MatchReport, lang: Lang) -> String {
    let (sep, _, lq, rq) = punct(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        lang.pick(
            "Produit face à l'appel d'offres",
            "Product against the tender"
        )
    );
    let _ = writeln!(
        out,
        "- {}{sep}{}\n- {}{sep}{}",
        lang.pick("Appel d'offres", "Tender"),
        escape_md(&report.spec),
        lang.pick("Produit", "Product"),
        escape_md(&report.product)
    );
    let (rate, counts) = crate::r#match::compliance_summary(report, lang);
    let _ = writeln!(
        out,
        "- {}{sep}**{rate}** ({counts})\n",
        lang.pick("Conformité", "Compliance")
    );
    if report.rows.is_empty() {
        out.push_str(crate::r#match::nothing_to_compare(lang));
        return out;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n| --- | --- | --- | --- |",
        lang.pick("Critère", "Criterion"),
        lang.pick("Exigé par l'appel d'offres", "Required by the tender"),
        lang.pick("Réponse du produit", "Product's answer"),
        lang.pick("Verdict", "Verdict"),
    );
    for r in &report.rows {
        let requirement = match &r.requirement {
            Some(e) => format!(
                "{} {} ({}){sep}{lq}{}{rq}",
                lang.pick("niveau", "level"),
                r.required_level,
                escape_md(&place(e)),
                escape_md(&e.text)
            ),
            None => format!("{} {}", lang.pick("niveau", "level"), r.required_level),
        };
        let label = crate::r#match::product_status_label(r.product_status, lang);
        let answer = match &r.answer {
            Some(e) => format!(
                "{} {label} ({}){sep}{lq}{}{rq}",
                r.product_level,
                escape_md(&place(e)),
                escape_md(&e.text)
            ),
            None => format!("{} {label}", r.product_level),
        };
        let _ = writeln!(
            out,
            "| **{}** {} | {requirement} | {answer} | {} |",
            escape_md(&r.id),
            escape_md(r.title.get(lang)),
            r.verdict.label(lang)
        );
    }
    out.push_str(lang.pick(
        "\nSatisfait : le produit atteint le niveau 2 (déclaré) ou 3 (prouvé). Conformité = satisfaits / (satisfaits + non satisfaits + non déclarés).\n",
        "\nMet: the product reaches level 2 (declared) or 3 (proven). Compliance = met / (met + not met + not declared).\n",
    ));
    out
}

fn level_md(
    level: u8,
    status: Option<Status>,
    kind: reset_criteria::report::DocumentKind,
    lang: Lang,
) -> String {
    match status {
        None => "-".into(),
        Some(Status::NotApplicable) => lang.pick("s.o.", "n/a").into(),
        Some(s) => format!("{level} {}", status_label(kind, s, lang)),
    }
}

/// The diff as Markdown: the score change overall and per grid, then the
/// criteria gained, raised, lowered and lost.
pub fn render_diff_markdown(report: &DiffReport, lang: Lang) -> String {
    let (sep, _, lq, rq) = punct(lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", lang.pick("Comparaison", "Comparison"));
    let s = &report.score;
    let c = &report.counts;
    let _ = writeln!(
        out,
        "- {}{sep}{}\n- {}{sep}{}\n- {}{sep}{} → {} (**{}**)",
        lang.pick("Avant", "Old"),
        escape_md(&report.old),
        lang.pick("Après", "New"),
        escape_md(&report.new),
        lang.pick("Score", "Score"),
        score_grade(s.old, s.old_grade.as_ref()),
        score_grade(s.new, s.new_grade.as_ref()),
        delta(s.delta)
    );
    let _ = writeln!(
        out,
        "- {}{sep}{} {}, {} {}, {} {}, {} {}\n",
        lang.pick("Critères", "Criteria"),
        c.gained,
        crate::diff::Change::Gained.label(lang),
        c.raised,
        crate::diff::Change::Raised.label(lang),
        c.lowered,
        crate::diff::Change::Lowered.label(lang),
        c.lost,
        crate::diff::Change::Lost.label(lang),
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n| --- | ---: | ---: | ---: |",
        lang.pick("Grille", "Grid"),
        lang.pick("Avant", "Old"),
        lang.pick("Après", "New"),
        lang.pick("Écart", "Change"),
    );
    for g in &report.grids {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape_md(g.title.get(lang)),
            score_grade(g.score.old, g.score.old_grade.as_ref()),
            score_grade(g.score.new, g.score.new_grade.as_ref()),
            delta(g.score.delta)
        );
    }
    out.push('\n');
    if report.changes.is_empty() {
        out.push_str(lang.pick(
            "Aucun critère n'a changé de niveau.\n",
            "No criterion changed level.\n",
        ));
        return out;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- |",
        lang.pick("Critère", "Criterion"),
        lang.pick("Changement", "Change"),
        lang.pick("Avant", "Old"),
        lang.pick("Après", "New"),
        lang.pick("Preuve", "Evidence"),
    );
    for ch in &report.changes {
        let evidence = ch
            .evidence
            .as_ref()
            .map(|e| format!("{lq}{}{rq} ({})", escape_md(&e.text), escape_md(&place(e))))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| **{}** {} | {} | {} | {} | {evidence} |",
            escape_md(&ch.id),
            escape_md(ch.title.get(lang)),
            ch.change.label(lang),
            level_md(ch.old_level, ch.old_status, report.kind, lang),
            level_md(ch.new_level, ch.new_status, report.kind, lang),
        );
    }
    out
}
