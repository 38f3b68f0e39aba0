//! The terminal report: a header, one summary row per grid, then per grid
//! the criteria with their level and best evidence, absent ones last.

use crate::i18n::t;
use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
use reset_criteria::report::{DocumentKind, DocumentReport, Report, Status, Waiver};
use reset_criteria::Lang;

/// Options of the terminal table.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    /// Language of every word.
    pub lang: Lang,
    /// Colours (a terminal, no NO_COLOR).
    pub color: bool,
    /// Table width in columns (None: comfy-table decides, 100 when piped).
    pub width: Option<u16>,
    /// Show every criterion's evidence, not only a summary per grid.
    pub details: bool,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            lang: Lang::En,
            color: false,
            width: None,
            details: true,
        }
    }
}

fn new_table(opts: &TableOptions) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_width(opts.width.unwrap_or(110));
    if !opts.color {
        table.force_no_tty();
    }
    table
}

/// "Waived: reason (until date)", in the report's language.
pub fn waived_label(w: &Waiver, lang: Lang) -> String {
    crate::i18n::waiver_text(w, lang)
}

fn level_cell(
    level: u8,
    status: Status,
    kind: DocumentKind,
    waived: Option<&Waiver>,
    opts: &TableOptions,
) -> Cell {
    let mut text = match status {
        Status::NotApplicable => t(opts.lang, "na").to_string(),
        // A product meets criteria; a tender requires them.
        _ if kind == DocumentKind::Product => format!(
            "{level} {}",
            crate::r#match::product_status_label(status, opts.lang)
        ),
        _ => format!("{level} {}", status.label(opts.lang)),
    };
    if let Some(w) = waived {
        text.push('\n');
        text.push_str(&waived_label(w, opts.lang));
    }
    let mut cell = Cell::new(text);
    if opts.color {
        cell = cell.fg(match level {
            3 => Color::Green,
            2 => Color::Cyan,
            1 => Color::Yellow,
            _ => Color::Red,
        });
    }
    cell
}

fn grade_cell(grade: Option<&str>, opts: &TableOptions) -> Cell {
    let g = grade.unwrap_or("-");
    let mut cell = Cell::new(g);
    if opts.color {
        cell = cell
            .fg(match g {
                "A" | "B" => Color::Green,
                "C" => Color::Yellow,
                _ => Color::Red,
            })
            .add_attribute(Attribute::Bold);
    }
    cell
}

fn fmt_score(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.1}")).unwrap_or_else(|| "-".into())
}

fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Renders every document of a report.
pub fn render_table(report: &Report, opts: &TableOptions) -> String {
    let mut out = String::new();
    for (i, doc) in report.documents.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_document(&mut out, doc, opts);
    }
    out
}

fn render_document(out: &mut String, doc: &DocumentReport, opts: &TableOptions) {
    let lang = opts.lang;
    out.push_str(&format!("{}: {}\n", t(lang, "document"), doc.source));
    if let Some(e) = &doc.error {
        out.push_str(&format!("  {}: {e}\n", t(lang, "error")));
        return;
    }
    let subjects: Vec<String> = doc
        .subjects
        .iter()
        .map(|s| s.title.get(lang).to_string())
        .collect();
    out.push_str(&format!(
        "{}: {} ({})\n",
        t(lang, "subjects"),
        subjects.join(", "),
        t(lang, &format!("subjects.{}", doc.subjects_source))
    ));
    out.push_str(&format!(
        "{}: {} ({}: {}){}\n",
        t(lang, "score"),
        fmt_score(doc.score),
        t(lang, "grade"),
        doc.grade.as_deref().unwrap_or("-"),
        doc.weakest_grid
            .as_ref()
            .map(|w| {
                // The grid's name in the report's language, not its id.
                let name = doc
                    .grids
                    .iter()
                    .find(|g| &g.id == w)
                    .map(|g| g.title.get(lang).to_string())
                    .unwrap_or_else(|| w.clone());
                format!("; {}: {name}", t(lang, "weakest"))
            })
            .unwrap_or_default()
    ));

    let mut summary = new_table(opts);
    summary.set_header(vec![
        t(lang, "grid"),
        t(lang, "score"),
        t(lang, "grade"),
        "3",
        "2",
        "1",
        "0",
        t(lang, "na"),
    ]);
    for g in &doc.grids {
        summary.add_row(vec![
            Cell::new(g.title.get(lang)),
            Cell::new(fmt_score(g.score)),
            grade_cell(g.grade.as_deref(), opts),
            Cell::new(g.counts[3]),
            Cell::new(g.counts[2]),
            Cell::new(g.counts[1]),
            Cell::new(g.counts[0]),
            Cell::new(g.not_applicable),
        ]);
    }
    out.push_str(&summary.to_string());
    out.push('\n');
    if !opts.details {
        return;
    }
    for g in &doc.grids {
        out.push_str(&format!(
            "\n{} — {} {} ({})\n",
            g.title.get(lang),
            t(lang, "score"),
            fmt_score(g.score),
            g.grade.as_deref().unwrap_or("-")
        ));
        let product = doc.kind == DocumentKind::Product;
        let mut table = new_table(opts);
        let mut header = vec![
            t(lang, "criterion"),
            t(lang, "level"),
            t(lang, "where"),
            t(lang, "evidence"),
        ];
        if !product {
            header.push(t(lang, "firmness"));
        }
        table.set_header(header);
        // Unanswered product questions are listed apart, after the table.
        let mut rows: Vec<_> = g
            .criteria
            .iter()
            .filter(|c| c.applicable && c.status != Status::NotDeclared)
            .collect();
        // Highest levels first, absent ones last; grid order otherwise.
        rows.sort_by_key(|c| std::cmp::Reverse(c.level));
        for c in rows {
            let e = c.evidence.first();
            let place = e
                .map(|e| match &e.file {
                    Some(f) => format!("{f}:{}", e.location),
                    None => e.location.clone(),
                })
                .unwrap_or_default();
            let mut row = vec![
                Cell::new(format!("{} {}", c.id, shorten(c.title.get(lang), 48))),
                level_cell(c.level, c.status, doc.kind, c.waived.as_ref(), opts),
                Cell::new(place),
                Cell::new(
                    e.map(|e| shorten(&e.text, 160))
                        .unwrap_or_else(|| "—".into()),
                ),
            ];
            if !product {
                row.push(Cell::new(
                    e.and_then(|e| e.firmness.clone()).unwrap_or_default(),
                ));
            }
            table.add_row(row);
        }
        if !product || !table.is_empty() {
            out.push_str(&table.to_string());
            out.push('\n');
        }
        let undeclared: Vec<String> = g
            .criteria
            .iter()
            .filter(|c| c.status == Status::NotDeclared)
            .map(|c| match &c.waived {
                Some(w) => format!("{} ({})", c.id, waived_label(w, lang)),
                None => c.id.clone(),
            })
            .collect();
        if !undeclared.is_empty() {
            out.push_str(&format!(
                "{}: {}\n",
                t(lang, "not_declared"),
                undeclared.join(", ")
            ));
        }
        let na: Vec<&str> = g
            .criteria
            .iter()
            .filter(|c| !c.applicable)
            .map(|c| c.id.as_str())
            .collect();
        if !na.is_empty() {
            out.push_str(&format!(
                "{}: {}\n",
                t(lang, "not_applicable"),
                na.join(", ")
            ));
        }
    }
    let legend = if doc.kind == DocumentKind::Product {
        "levels.legend.product"
    } else {
        "levels.legend"
    };
    out.push_str(&format!("\n{}\n{}\n", t(lang, legend), t(lang, "formula")));
}
