//! `reset-check validate FILE|DIR...`: check custom grid files and product
//! self-assessments.
//!
//! Grid files are validated over the built-in catalog (and `--grids DIR` when
//! given): a file overrides the built-in grid with the same id, and criterion
//! ids and fact names must stay unique across the whole catalog. Product files
//! are validated against the product schema of that catalog (with the grid
//! files given, when they are valid): every problem at once, with its JSON
//! pointer, line and column.

use super::{Ctx, Status};
use crate::cli::Format;
use anyhow::{bail, Context as _, Result};
use reset_criteria::catalog::{read_toml_files, Origin, LANGUAGE_FILE, SUBJECTS_FILE};
use reset_criteria::files::{read_text_limited, MAX_GRID_FILE_BYTES, MAX_PRODUCT_FILE_BYTES};
use reset_criteria::product::{assess_product, not_declared, ProductOptions, ProductValidator};
use reset_criteria::{Catalog, SourceFile};
use std::path::Path;

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
A directory means its *.toml files (not recursive). Problems are printed on
stderr with file, line and column; the exit code is 2 if there is any.
Product files are .json files, and .toml files with a [product] or
[answers] section.

Examples:
  reset-check validate my-grids/
  reset-check validate my-grids/privacy.toml my-grids/language.toml
  reset-check validate product.toml
  reset-check --grids my-grids/ validate product.json")]
pub struct Args {
    /// Grid files (.toml), product files (.toml, .json), or directories of them
    #[arg(value_name = "FILE|DIR", required = true)]
    pub paths: Vec<std::path::PathBuf>,
}

/// What kind of file is being validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A grid, `language.toml` or `subjects.toml`.
    Grid,
    /// A product self-assessment (.json, or .toml without `criteria`).
    Product,
}

/// Tells a grid file from a product self-assessment.
///
/// Product files are `.json`, or `.toml` files with a top-level `product`,
/// `facts` or `answers` key and no `criteria`. Anything that does not parse
/// is treated as a grid, so that its syntax error is reported.
pub fn classify(path: &Path, text: &str) -> FileKind {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => return FileKind::Product,
        _ => {}
    }
    let base = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
    if base == LANGUAGE_FILE || base == SUBJECTS_FILE {
        return FileKind::Grid;
    }
    match toml::from_str::<toml::Table>(text) {
        Ok(t)
            if !t.contains_key("criteria")
                && ["product", "facts", "answers"]
                    .iter()
                    .any(|k| t.contains_key(*k)) =>
        {
            FileKind::Product
        }
        _ => FileKind::Grid,
    }
}

/// Runs `validate`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("validate", &[Format::Table])?;
    let mut grid_files: Vec<SourceFile> = Vec::new();
    let mut product_files: Vec<SourceFile> = Vec::new();
    for path in &args.paths {
        let files = if path.is_dir() {
            let mut files = read_toml_files(path)?;
            files.extend(read_json_files(path)?);
            if files.is_empty() {
                bail!(
                    "no *.toml file and no *.json file in `{}`; give grid or product files, or a directory holding them",
                    path.display()
                );
            }
            files
        } else if path.is_file() {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !matches!(ext.to_ascii_lowercase().as_str(), "toml" | "json") {
                bail!(
                    "cannot validate `{}`: expected a grid file (.toml) or a product file (.json, .toml)",
                    path.display()
                );
            }
            let (max, what) = if ext.eq_ignore_ascii_case("json") {
                (MAX_PRODUCT_FILE_BYTES, "a product file")
            } else {
                (
                    MAX_GRID_FILE_BYTES.max(MAX_PRODUCT_FILE_BYTES),
                    "a grid or product file",
                )
            };
            let text = read_text_limited(path, max, what)
                .with_context(|| format!("cannot read `{}`", path.display()))?;
            vec![SourceFile::new(path.display().to_string(), text)]
        } else {
            bail!("`{}` does not exist", path.display());
        };
        for f in files {
            match classify(Path::new(&f.name), &f.text) {
                FileKind::Grid => grid_files.push(f),
                FileKind::Product => product_files.push(f),
            }
        }
    }
    let mut status = Status::Ok;
    let mut out = String::new();
    let mut catalog = None;
    if !grid_files.is_empty() {
        match validate_grids(grid_files, ctx)? {
            (Status::Ok, Some(c), line) => {
                out.push_str(&line);
                catalog = Some(c);
            }
            (s, _, _) => status = s,
        }
    }
    if !product_files.is_empty() {
        // A product file answers every grid: `--only` does not narrow what it may say.
        let catalog = match catalog {
            Some(c) => c,
            None => match &ctx.grids_dir {
                Some(dir) => Catalog::load_dir(dir)?,
                None => Catalog::builtin().clone(),
            },
        };
        if validate_products(&product_files, &catalog, ctx, &mut out)? != Status::Ok {
            status = Status::Invalid;
        }
    }
    ctx.emit(out.as_bytes())?;
    Ok(status)
}

/// Validates product files against the product schema of a catalog; every
/// problem goes to stderr, one `ok:` line per valid file to `out`.
fn validate_products(
    files: &[SourceFile],
    catalog: &Catalog,
    ctx: &Ctx,
    out: &mut String,
) -> Result<Status> {
    let validator = ProductValidator::new(catalog)?;
    let mut status = Status::Ok;
    for f in files {
        match validator.parse(f, ctx.lang) {
            Ok(p) => {
                for w in p.version_warnings(catalog, ctx.lang) {
                    eprintln!("warning: {w}");
                }
                let r = assess_product(catalog, &p, &ProductOptions::default());
                let criteria = r.grids.iter().flat_map(|g| &g.criteria);
                let applicable = criteria.clone().filter(|c| c.applicable).count();
                let na = p.answers.values().filter(|a| a.not_applicable).count();
                out.push_str(&format!(
                    "ok: {}: {} answer(s); {applicable} question(s) apply, {} not declared; {na} declared not applicable\n",
                    f.name,
                    p.answers.len(),
                    not_declared(&r).len(),
                ));
            }
            Err(diags) => {
                eprintln!("{diags}");
                status = Status::Invalid;
            }
        }
    }
    Ok(status)
}

/// Validates grid files over the catalog; returns the status, the catalog
/// they make (when valid) and the `ok:` line.
fn validate_grids(files: Vec<SourceFile>, ctx: &Ctx) -> Result<(Status, Option<Catalog>, String)> {
    // The custom grids of --grids take part in the catalog, unless given again.
    let mut all: Vec<SourceFile> = match &ctx.grids_dir {
        Some(dir) => read_toml_files(dir)?
            .into_iter()
            .filter(|d| !files.iter().any(|f| same_file(&f.name, &d.name)))
            .collect(),
        None => Vec::new(),
    };
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    all.extend(files);
    match Catalog::from_files(&all, true) {
        Err(diags) => {
            eprintln!("{diags}");
            Ok((Status::Invalid, None, String::new()))
        }
        Ok(catalog) => {
            let mut grids = 0;
            let mut criteria = 0;
            for (g, o) in catalog.grids().iter().zip(catalog.origins()) {
                if matches!(o, Origin::File(f) if names.contains(f)) {
                    grids += 1;
                    criteria += g.criteria.len();
                }
            }
            let line = format!("ok: {grids} grid(s), {criteria} criteria\n");
            Ok((Status::Ok, Some(catalog), line))
        }
    }
}

/// The `*.json` files of a directory (product files; not recursive), sorted by name.
fn read_json_files(dir: &Path) -> Result<Vec<SourceFile>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read `{}`", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json") && p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = read_text_limited(&p, MAX_PRODUCT_FILE_BYTES, "a product file")
                .with_context(|| format!("cannot read `{}`", p.display()))?;
            Ok(SourceFile::new(p.display().to_string(), text))
        })
        .collect()
}

fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_products_from_grids() {
        let p = Path::new;
        assert_eq!(classify(p("a.json"), "{}"), FileKind::Product);
        assert_eq!(
            classify(p("a.toml"), "[product]\nname = \"x\"\n"),
            FileKind::Product
        );
        assert_eq!(
            classify(p("a.toml"), "id = \"x\"\n[[criteria]]\n"),
            FileKind::Grid
        );
        assert_eq!(classify(p("a.toml"), "id = = broken"), FileKind::Grid);
        assert_eq!(classify(p("language.toml"), "facts = 1"), FileKind::Grid);
    }
}
