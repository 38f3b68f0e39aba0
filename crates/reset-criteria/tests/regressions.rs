//! Replays every input that once crashed (or hung) a fuzz target of
//! `fuzz/` on this crate: `tests/regressions/TARGET/*` for `grid_load`,
//! `product_load` and `engine_text`, fed the way the target feeds it.
//!
//! To add one: copy `fuzz/artifacts/TARGET/crash-…` into
//! `tests/regressions/TARGET/` (any file name) once the bug is fixed.

use std::path::Path;
use std::time::{Duration, Instant};

use reset_criteria::engine::{assess_document, assess_text, SpecOptions};
use reset_criteria::product::{assess_product, ProductOptions, ProductValidator};
use reset_criteria::report::DocumentKind;
use reset_criteria::{Catalog, Document, Lang, SourceFile};

/// As `fuzz/fuzz_targets/grid_load.rs`: the first byte is the mode (even:
/// the grid alone with the fixtures of `fuzz/fixtures/`; odd: over the
/// built-in catalog), the rest the grid.
fn grid_load(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let grid = SourceFile::new("fuzz.toml", text);
    let loaded = if mode & 1 == 0 {
        let language = SourceFile::new(
            "fixtures/language.toml",
            include_str!("../../../fuzz/fixtures/language.toml"),
        );
        let subjects = SourceFile::new(
            "fixtures/subjects.toml",
            include_str!("../../../fuzz/fixtures/subjects.toml"),
        );
        Catalog::from_files(&[language, subjects, grid], false)
    } else {
        Catalog::from_files(std::slice::from_ref(&grid), true)
    };
    match loaded {
        Ok(catalog) => {
            let r = assess_text(
                &catalog,
                "t",
                "Le titulaire doit respecter le RGAA 4.1 niveau AA.",
                &SpecOptions::default(),
            );
            assert!(r.score.is_none_or(|s| (0.0..=100.0).contains(&s)));
        }
        Err(d) => assert!(!d.0.is_empty()),
    }
}

fn product_load(data: &[u8], validator: &ProductValidator) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = if mode & 1 == 0 {
        "fuzz.toml"
    } else {
        "fuzz.json"
    };
    let lang = if mode & 2 == 0 { Lang::En } else { Lang::Fr };
    match validator.parse(&SourceFile::new(name, text), lang) {
        Ok(p) => {
            let r = assess_product(Catalog::builtin(), &p, &ProductOptions::default());
            assert!(r.score.is_none_or(|s| (0.0..=100.0).contains(&s)));
        }
        Err(d) => assert!(!d.0.is_empty()),
    }
}

fn engine_text(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let doc = Document::from_plain_text("t", &text);
    let opts = SpecOptions {
        kind: if mode & 1 == 0 {
            DocumentKind::Spec
        } else {
            DocumentKind::Offer
        },
        max_evidence: 1 + (mode as usize >> 1) % 4,
        ..SpecOptions::default()
    };
    let r = assess_document(Catalog::builtin(), &doc, &opts);
    assert!(r.score.is_none_or(|s| (0.0..=100.0).contains(&s)));
    for c in r.grids.iter().flat_map(|g| &g.criteria) {
        assert!(c.level <= 3);
        for e in &c.evidence {
            assert!(
                text.contains(&e.text),
                "evidence not in the source: {:?}",
                e.text
            );
        }
    }
}

#[test]
fn crashing_inputs_found_by_fuzzing_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let validator = ProductValidator::new(Catalog::builtin()).unwrap();
    let mut replayed = 0;
    for target in ["grid_load", "product_load", "engine_text"] {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in dir {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let start = Instant::now();
            match target {
                "grid_load" => grid_load(&data),
                "product_load" => product_load(&data, &validator),
                _ => engine_text(&data),
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{} took {:?}",
                path.display(),
                start.elapsed()
            );
            replayed += 1;
        }
    }
    eprintln!("{replayed} regression input(s) replayed");
}
