//! The built-in catalog is valid and complete.

use reset_criteria::catalog::BUILTIN_FILES;
use reset_criteria::{Catalog, SourceFile};

#[test]
fn builtin_files_validate() {
    let files: Vec<SourceFile> = BUILTIN_FILES
        .iter()
        .map(|(n, t)| SourceFile::new(*n, *t))
        .collect();
    if let Err(d) = Catalog::from_files(&files, false) {
        panic!("built-in grids are invalid:\n{d}");
    }
}

#[test]
fn builtin_has_the_five_grids() {
    let c = Catalog::builtin();
    let ids: Vec<&str> = c.grids().iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "privacy",
            "frugality",
            "inclusivity",
            "non-discrimination",
            "attention"
        ]
    );
}
