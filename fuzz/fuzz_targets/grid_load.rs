//! `Catalog::from_files` over arbitrary TOML text as a grid file, then one
//! assessment with the catalog when it loads.
//!
//! First byte: the mode, the rest (UTF-8) is the grid.
//! - even: the grid alone, with a small fixed `language.toml` and
//!   `subjects.toml` (`fixtures/`: the first cues of the built-in lists,
//!   the built-in subject ids; `over_builtin = false`). Each input then
//!   costs the checks and the automaton of its own grid only: the fast
//!   mode, where the fuzzer spends most of its time.
//! - odd: the grid added to the built-in catalog (`over_builtin = true`):
//!   overriding a built-in grid, ids and facts clashing with the built-in
//!   ones. Every such input clones the five built-in grids and, when it
//!   loads, compiles the automaton of the whole catalog (~0.3 s under
//!   ASan), so only a few seeds start in this mode.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reset_criteria::engine::{assess_text, SpecOptions};
use reset_criteria::{Catalog, SourceFile};
use std::sync::Once;

const LANGUAGE: &str = include_str!("../fixtures/language.toml");
const SUBJECTS: &str = include_str!("../fixtures/subjects.toml");
const TEXT: &str =
    "Le titulaire doit respecter le RGAA 4.1 niveau AA. The data shall be hosted in the EU.";

fn check(loaded: Result<Catalog, reset_criteria::Diagnostics>) {
    match loaded {
        Ok(catalog) => {
            let r = assess_text(&catalog, "t", TEXT, &SpecOptions::default());
            if let Some(s) = r.score {
                assert!((0.0..=100.0).contains(&s));
            }
        }
        Err(d) => {
            assert!(!d.0.is_empty(), "an error without any diagnostic");
            let _ = d.to_string();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let language = SourceFile::new("fixtures/language.toml", LANGUAGE);
    let subjects = SourceFile::new("fixtures/subjects.toml", SUBJECTS);
    // Fixtures that no longer load would turn every input into the same
    // error: stop at once instead.
    static FIXTURES: Once = Once::new();
    FIXTURES.call_once(|| {
        if let Err(d) = Catalog::from_files(&[language.clone(), subjects.clone()], false) {
            panic!("the grid_load fixtures do not load:\n{d}");
        }
    });
    let grid = SourceFile::new("fuzz.toml", text);
    if mode & 1 == 0 {
        check(Catalog::from_files(&[language, subjects, grid], false));
    } else {
        check(Catalog::from_files(std::slice::from_ref(&grid), true));
    }
});
