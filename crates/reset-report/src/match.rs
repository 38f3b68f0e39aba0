//! `reset-check match SPEC PRODUCT`: what the tender requires against what
//! the product declares, as a table or JSON.

use comfy_table::{presets, Cell, Color, ContentArrangement, Table};
use reset_criteria::product::{MatchReport, Verdict};
use reset_criteria::report::{Evidence, Status};
use reset_criteria::Lang;

use crate::table::TableOptions;

/// The status of a product criterion in words: products are *met*, tenders *require*.
pub fn product_status_label(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Met, Lang::Fr) => "atteint et prouvé",
        (Status::Met, Lang::En) => "met and proven",
        (Status::Required, Lang::Fr) => "atteint",
        (Status::Required, Lang::En) => "met",
        (Status::Mentioned, Lang::Fr) => "en partie",
        (Status::Mentioned, Lang::En) => "partly met",
        (Status::Absent, Lang::Fr) => "non atteint",
        (Status::Absent, Lang::En) => "not met",
        (Status::NotDeclared, Lang::Fr) => "non déclaré",
        (Status::NotDeclared, Lang::En) => "not declared",
        (Status::NotApplicable, Lang::Fr) => "sans objet",
        (Status::NotApplicable, Lang::En) => "not applicable",
    }
}

/// A table with the house style (shared by the match and diff renderers).
pub(crate) fn styled_table(opts: &TableOptions) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_width(opts.width.unwrap_or(110));
    if !opts.color {
        table.force_no_tty();
    }
    table
}

/// One line of text, cut to `max` characters with an ellipsis.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// `file:12:5` or `12:5`, from an evidence entry.
pub(crate) fn place(e: &Evidence) -> String {
    match &e.file {
        Some(f) if !e.location.is_empty() => format!("{f}:{}", e.location),
        Some(f) => f.clone(),
        None => e.location.clone(),
    }
}

fn verdict_cell(verdict: Verdict, proven: bool, opts: &TableOptions) -> Cell {
    let lang = opts.lang;
    let mut text = verdict.label(lang).to_string();
    if proven {
        text.push_str(lang.pick(" (prouvé)", " (proven)"));
    }
    let mut cell = Cell::new(text);
    if opts.color {
        cell = cell.fg(match verdict {
            Verdict::Met => Color::Green,
            Verdict::NotMet => Color::Red,
            Verdict::NotDeclared => Color::Yellow,
            Verdict::NotApplicable => Color::Grey,
        });
    }
    cell
}

/// The match as a terminal table: a header with the compliance rate, then
/// one row per requirement: the tender's sentence and line, the product's
/// answer and evidence, the verdict.
pub fn render_match_table(report: &MatchReport, opts: &TableOptions) -> String {
    let lang = opts.lang;
    let mut out = String::new();
    out.push_str(&format!(
        "{}: {}\n{}: {}\n",
        lang.pick("Appel d'offres", "Tender"),
        report.spec,
        lang.pick("Produit", "Product"),
        report.product
    ));
    let (rate, counts) = compliance_summary(report, lang);
    out.push_str(&format!(
        "{}: {rate} ({counts})\n",
        lang.pick("Conformité", "Compliance")
    ));
    if report.rows.is_empty() {
        out.push_str(nothing_to_compare(lang));
        return out;
    }
    let mut table = styled_table(opts);
    table.set_header(vec![
        lang.pick("Critère", "Criterion"),
        lang.pick("Exigé par l'appel d'offres", "Required by the tender"),
        lang.pick("Réponse du produit", "Product's answer"),
        lang.pick("Verdict", "Verdict"),
    ]);
    for r in &report.rows {
        let requirement = match &r.requirement {
            Some(e) => format!(
                "{} {} · {}\n{}",
                lang.pick("niveau", "level"),
                r.required_level,
                place(e),
                shorten(&e.text, 140)
            ),
            None => format!("{} {}", lang.pick("niveau", "level"), r.required_level),
        };
        let answer = match &r.answer {
            Some(e) => format!(
                "{} {} · {}\n{}",
                r.product_level,
                product_status_label(r.product_status, lang),
                place(e),
                shorten(&e.text, 140)
            ),
            None => format!(
                "{} {}",
                r.product_level,
                product_status_label(r.product_status, lang)
            ),
        };
        table.add_row(vec![
            Cell::new(format!("{} {}", r.id, shorten(r.title.get(lang), 40))),
            Cell::new(requirement),
            Cell::new(answer),
            verdict_cell(r.verdict, r.proven, opts),
        ]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out.push_str(lang.pick(
        "\nSatisfait : le produit atteint le niveau 2 (déclaré) ou 3 (prouvé). Conformité = satisfaits / (satisfaits + non satisfaits + non déclarés).\n",
        "\nMet: the product reaches level 2 (declared) or 3 (proven). Compliance = met / (met + not met + not declared).\n",
    ));
    out
}

/// The match as pretty JSON, with a final newline.
pub fn render_match_json(report: &MatchReport) -> String {
    let mut s = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the match: {e}\"}}"));
    s.push('\n');
    s
}

/// The compliance rate and the count of each verdict, in words:
/// (`"93.9 %"`, `"31 met, 2 not met, ..."`), shared by every format.
pub(crate) fn compliance_summary(report: &MatchReport, lang: Lang) -> (String, String) {
    let c = &report.counts;
    let rate = report
        .compliance
        .map(|r| format!("{r:.1} %"))
        .unwrap_or_else(|| "-".into());
    let counts = format!(
        "{} {}, {} {}, {} {}, {} {}",
        c.met,
        Verdict::Met.label(lang),
        c.not_met,
        Verdict::NotMet.label(lang),
        c.not_declared,
        Verdict::NotDeclared.label(lang),
        c.not_applicable,
        Verdict::NotApplicable.label(lang),
    );
    (rate, counts)
}

/// What a match says when the tender requires nothing.
pub(crate) fn nothing_to_compare(lang: Lang) -> &'static str {
    lang.pick(
        "L'appel d'offres n'exige aucun critère (niveau 2 ou 3) : rien à comparer.\n",
        "The tender requires no criterion (level 2 or 3): nothing to compare.\n",
    )
}
