//! Embedding reset-criteria: assess a tender text held in memory.
//!
//! `cargo run -p reset-criteria --example embed -- path/to/tender.md`
//! (reads the file here only to have some text; the library itself does no I/O).

use reset_criteria::engine::{assess_text, SpecOptions};
use reset_criteria::{Catalog, Lang};

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("error: cannot read {path}: {e}");
            std::process::exit(2)
        }),
        None => "Le titulaire devra livrer une AIPD conforme à l'article 35 du RGPD.".to_string(),
    };
    let catalog = Catalog::builtin();
    let report = assess_text(catalog, "tender", &text, &SpecOptions::default());
    println!(
        "score {:?} grade {:?}, subjects: {:?}",
        report.score,
        report.grade,
        report.subjects.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
    for g in &report.grids {
        println!("{} {:?} {:?}", g.title.get(Lang::En), g.score, g.grade);
        for c in g.criteria.iter().filter(|c| c.hits > 0) {
            for e in &c.evidence {
                println!(
                    "  {} L{} line {}: {} [{}]",
                    c.id,
                    e.level,
                    e.line,
                    e.text,
                    e.reasons.join("; ")
                );
            }
        }
    }
}
