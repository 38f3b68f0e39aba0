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

/// `Catalog::builtin` reads the JSON twins made by `build.rs`; they must
/// give exactly what the validated TOML files give.
#[test]
fn builtin_json_twins_equal_the_toml_files() {
    let files: Vec<SourceFile> = BUILTIN_FILES
        .iter()
        .map(|(n, t)| SourceFile::new(*n, *t))
        .collect();
    let from_toml = Catalog::from_files(&files, false).expect("valid built-in files");
    let builtin = Catalog::builtin();
    let json = |c: &Catalog| {
        serde_json::json!({
            "grids": c.grids(),
            "language": c.language(),
            "subjects": c.subjects(),
        })
    };
    assert_eq!(json(builtin), json(&from_toml));
    assert_eq!(
        builtin.matcher().terms(),
        from_toml.matcher().terms(),
        "the same cues"
    );
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

#[test]
fn every_criterion_is_complete_in_both_languages() {
    let c = Catalog::builtin();
    let mut problems = Vec::new();
    let mut total = 0;
    for g in c.grids() {
        if g.criteria.len() < 15 {
            problems.push(format!(
                "{}: {} criteria, fewer than 15",
                g.id,
                g.criteria.len()
            ));
        }
        for cr in &g.criteria {
            total += 1;
            let id = &cr.id;
            for (what, t) in [
                ("title", &cr.title),
                ("rationale", &cr.rationale),
                ("clause", &cr.clause),
                ("product question", &cr.product.question),
            ] {
                if t.fr.trim().is_empty() || t.en.trim().is_empty() {
                    problems.push(format!("{id}: {what} is missing a language"));
                }
            }
            if cr.references.is_empty() {
                problems.push(format!("{id}: no reference"));
            }
            if cr.spec.cues.fr.is_empty() || cr.spec.cues.en.is_empty() {
                problems.push(format!("{id}: cues are missing a language"));
            }
            if cr.product.fact.is_empty() {
                problems.push(format!("{id}: no product fact"));
            }
            for lang in reset_criteria::Lang::ALL {
                let ex = cr.examples.iter().filter(|e| e.lang == lang);
                let (mut required, mut trap) = (false, false);
                for e in ex {
                    required |= e.level >= 2;
                    trap |= e.level == 0;
                }
                if !required {
                    problems.push(format!("{id}: no {lang} example at level 2 or 3"));
                }
                if !trap {
                    problems.push(format!("{id}: no {lang} trap (an example at level 0)"));
                }
            }
        }
    }
    if total < 80 {
        problems.push(format!("{total} criteria in all, fewer than 80"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
