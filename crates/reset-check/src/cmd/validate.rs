//! `reset-check validate FILE|DIR...`: check custom grid files (and, in a
//! later version, product self-assessments).
//!
//! Grid files are validated over the built-in catalog (and `--grids DIR` when
//! given): a file overrides the built-in grid with the same id, and criterion
//! ids and fact names must stay unique across the whole catalog.

use super::{Ctx, Status};
use crate::cli::Format;
use anyhow::{bail, Context as _, Result};
use reset_criteria::catalog::{read_toml_files, Origin, LANGUAGE_FILE, SUBJECTS_FILE};
use reset_criteria::{Catalog, SourceFile};
use std::path::Path;

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
A directory means its *.toml files (not recursive). Problems are printed on
stderr with file, line and column; the exit code is 2 if there is any.

Examples:
  reset-check validate my-grids/
  reset-check validate my-grids/privacy.toml my-grids/language.toml")]
pub struct Args {
    /// Grid files (.toml), or directories of them
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
            let files = read_toml_files(path)?;
            if files.is_empty() {
                bail!(
                    "no *.toml file in `{}`; give grid files or a directory holding them",
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
            let text = std::fs::read_to_string(path)
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
    if !product_files.is_empty() {
        return validate_products(&product_files);
    }
    validate_grids(grid_files, ctx)
}

/// The hook for product self-assessments (a later issue fills it).
fn validate_products(files: &[SourceFile]) -> Result<Status> {
    bail!(
        "`{}`: product files are not supported yet; `validate` checks grid files (.toml) for now",
        files[0].name
    )
}

fn validate_grids(files: Vec<SourceFile>, ctx: &Ctx) -> Result<Status> {
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
            Ok(Status::Invalid)
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
            let out = format!("ok: {grids} grid(s), {criteria} criteria\n");
            ctx.emit(out.as_bytes())?;
            Ok(Status::Ok)
        }
    }
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
