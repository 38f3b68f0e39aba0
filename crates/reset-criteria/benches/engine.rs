//! Where the time of one tender assessment goes: catalog parsing, automaton
//! build, then assessment of a text, with the throughput of each step.
//!
//! `cargo bench -p reset-criteria --bench engine -- [FILE]` (default: the
//! labelled corpus concatenated). A plain `main`: no timing asserts anywhere.

use reset_criteria::engine::{assess_text, SpecOptions};
use reset_criteria::{Catalog, SourceFile};
use std::time::Instant;

fn main() {
    let text = match std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        Some(path) => std::fs::read_to_string(&path).expect("readable UTF-8 file"),
        None => {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .expect("tests/corpus")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect();
            paths.sort();
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n\n")
        }
    };
    let files: Vec<SourceFile> = reset_criteria::catalog::BUILTIN_FILES
        .iter()
        .map(|(n, t)| SourceFile::new(*n, *t))
        .collect();
    let t = Instant::now();
    let validated = Catalog::from_files(&files, false).expect("valid built-in grids");
    let validate_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let catalog = Catalog::builtin();
    let builtin_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let m = catalog.matcher();
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    // The same cues read from files: the cue table is computed at run time.
    let t = Instant::now();
    validated.matcher();
    let files_build_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let r = assess_text(catalog, "bench", &text, &SpecOptions::default());
    let assess = t.elapsed().as_secs_f64();
    drop(validated);
    println!("catalog with schema and semantic checks: {validate_ms:.1} ms");
    println!("built-in catalog as loaded by the CLI:   {builtin_ms:.1} ms");
    println!(
        "automaton: {} patterns built in {build_ms:.1} ms (cue table embedded at build time)",
        m.pattern_count()
    );
    println!(
        "automaton of the same grids read from files: {files_build_ms:.1} ms (cue table computed)"
    );
    println!(
        "assessment: {:.2} MB in {:.1} ms = {:.1} MB/s (score {:?})",
        text.len() as f64 / 1e6,
        assess * 1e3,
        text.len() as f64 / 1e6 / assess,
        r.score
    );
}
