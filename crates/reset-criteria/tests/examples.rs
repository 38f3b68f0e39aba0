//! Every example sentence of every grid reaches its level through the tender
//! engine, and every trap stays at 0. All failures are reported at once.

use reset_criteria::engine::{assess_text, SpecOptions};
use reset_criteria::Catalog;

#[test]
fn grid_examples_reach_their_levels() {
    let catalog = Catalog::builtin();
    let mut failures = Vec::new();
    let mut total = 0;
    for g in catalog.grids() {
        for c in &g.criteria {
            for ex in &c.examples {
                total += 1;
                let opts = SpecOptions {
                    subjects: Some(c.subjects.clone()),
                    ..SpecOptions::default()
                };
                let r = assess_text(catalog, "example", &ex.text, &opts);
                let got = r
                    .grids
                    .iter()
                    .flat_map(|g| &g.criteria)
                    .find(|x| x.id == c.id)
                    .map(|x| (x.level, x.evidence.first().map(|e| e.reasons.join("; "))))
                    .unwrap_or((0, None));
                if got.0 != ex.level {
                    failures.push(format!(
                        "{} [{}] expected {} got {}: {:?}\n      why: {}",
                        c.id,
                        ex.lang,
                        ex.level,
                        got.0,
                        ex.text,
                        got.1.unwrap_or_else(|| "no hit".into())
                    ));
                }
            }
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} examples fail:\n  {}",
            failures.len(),
            total,
            failures.join("\n  ")
        );
    }
}
