//! Test catalogs: the built-in shared lists (`language.toml`,
//! `subjects.toml`) with a test grid of the file's own, so that tuning the
//! built-in grids never moves these tests.

#![allow(dead_code)] // each test file uses part of it

use reset_criteria::catalog::BUILTIN_FILES;
use reset_criteria::{Catalog, SourceFile};

/// The built-in `language.toml` and `subjects.toml`.
pub fn shared_files() -> Vec<SourceFile> {
    BUILTIN_FILES
        .iter()
        .filter(|(n, _)| n.ends_with("language.toml") || n.ends_with("subjects.toml"))
        .map(|(n, t)| SourceFile::new(*n, *t))
        .collect()
}

/// The shared lists and one grid, `name` holding `grid`.
pub fn catalog_with(name: &str, grid: &str) -> Catalog {
    let mut files = shared_files();
    files.push(SourceFile::new(name, grid));
    Catalog::from_files(&files, false).expect("the test grid is valid")
}
