//! `reset-check grids`: the grids of the catalog, or every cue (`--cues`).

use super::{Ctx, Status};
use crate::cli::Format;
use anyhow::Result;
use comfy_table::{presets::UTF8_FULL, Cell, CellAlignment, Table};
use reset_criteria::{Catalog, Grid, Lang};
use serde_json::json;
use std::collections::BTreeSet;

/// Arguments of `grids`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check grids
  reset-check grids --lang fr --format json
  reset-check --grids my-grids/ grids       built-in grids plus yours
  reset-check grids --cues > cues.txt       then: rg -c -i -F -f cues.txt tender.txt")]
pub struct Args {
    /// Print every cue of every criterion instead (cues, avoid, verify and
    /// exclude lists, both languages), normalised, one term per line,
    /// deduplicated and sorted
    #[arg(long)]
    pub cues: bool,
}

/// Runs `grids`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    let catalog = ctx.catalog()?;
    if args.cues {
        ctx.require_format("grids --cues", &[Format::Table])?;
        let mut out = String::new();
        for cue in all_cues(&catalog) {
            out.push_str(&cue);
            out.push('\n');
        }
        ctx.emit(out.as_bytes())?;
        return Ok(Status::Ok);
    }
    ctx.require_format("grids", &[Format::Table, Format::Json])?;
    let out = match ctx.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&to_json(&catalog, ctx))?;
            s.push('\n');
            s
        }
        _ => table(&catalog, ctx),
    };
    ctx.emit(out.as_bytes())?;
    Ok(Status::Ok)
}

/// Every normalised term the engine searches in one pass: the cues of every
/// criterion (cues, avoid, verify and exclude lists), the shared cue lists
/// and the subject cues, deduplicated and sorted. A conjunction (`a + b`)
/// gives each of its terms; a prefix gives its stem.
pub fn all_cues(catalog: &Catalog) -> BTreeSet<String> {
    catalog.matcher().terms().into_iter().collect()
}

/// The subjects covered by a grid's criteria, in the catalog's subject order.
fn subjects_of(catalog: &Catalog, grid: &Grid) -> Vec<String> {
    let used: BTreeSet<&str> = grid
        .criteria
        .iter()
        .flat_map(|c| c.subjects.iter().map(|s| s.as_str()))
        .collect();
    let mut out: Vec<String> = catalog
        .subjects()
        .iter()
        .filter(|s| used.contains(s.id.as_str()))
        .map(|s| s.id.clone())
        .collect();
    // Subjects unknown to the catalog cannot pass validation, but stay safe.
    for s in used {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

fn table(catalog: &Catalog, ctx: &Ctx) -> String {
    let l = ctx.lang;
    let mut t = Table::new();
    t.load_style(UTF8_FULL);
    if !ctx.color {
        t.force_no_tty();
    }
    t.set_header(vec![
        l.pick("Grille", "Grid"),
        "Version",
        l.pick("Titre", "Title"),
        l.pick("Critères", "Criteria"),
        l.pick("Sujets", "Subjects"),
        l.pick("Origine", "Origin"),
    ]);
    for (g, o) in catalog.grids().iter().zip(catalog.origins()) {
        t.add_row(vec![
            Cell::new(&g.id),
            Cell::new(&g.version),
            Cell::new(g.title.get(l)),
            Cell::new(g.criteria.len()).set_alignment(CellAlignment::Right),
            Cell::new(subjects_of(catalog, g).join(", ")),
            Cell::new(
                ctx.origin_file(o)
                    .unwrap_or_else(|| l.pick("intégrée", "built-in").to_string()),
            ),
        ]);
    }
    let total: usize = catalog.grids().iter().map(|g| g.criteria.len()).sum();
    let n = catalog.grids().len();
    let summary = match l {
        Lang::Fr => format!(
            "{n} grille{}, {total} critère{}. `reset-check explain ID` détaille un critère.",
            plural(n),
            plural(total)
        ),
        Lang::En => format!(
            "{n} grid{}, {total} criteri{}. `reset-check explain ID` shows one in full.",
            plural(n),
            if total == 1 { "on" } else { "a" }
        ),
    };
    format!("{t}\n{summary}\n")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn to_json(catalog: &Catalog, ctx: &Ctx) -> serde_json::Value {
    let grids: Vec<_> = catalog
        .grids()
        .iter()
        .zip(catalog.origins())
        .map(|(g, o)| {
            json!({
                "id": g.id,
                "version": g.version,
                "title": g.title,
                "summary": g.summary,
                "grades": g.grades,
                "criteria": g.criteria.len(),
                "criterion_ids": g.criteria.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
                "subjects": subjects_of(catalog, g),
                "origin": ctx.origin_file(o).unwrap_or_else(|| "built-in".to_string()),
            })
        })
        .collect();
    json!({ "grids": grids })
}
