use reset_criteria::engine::{assess_text, SpecOptions};
use reset_criteria::Catalog;
use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let t = Instant::now();
    let c = Catalog::builtin();
    let t1 = t.elapsed();
    let m = c.matcher();
    let t2 = t.elapsed();
    let _ = m;
    let r = assess_text(
        c,
        "x",
        &text,
        &SpecOptions {
            threads: 1,
            ..Default::default()
        },
    );
    let t3 = t.elapsed();
    for _ in 0..30 {
        let _r2 = assess_text(
            c,
            "x",
            &text,
            &SpecOptions {
                threads: 1,
                ..Default::default()
            },
        );
    }
    let t4 = t.elapsed();
    eprintln!(
        "catalog {:?} matcher {:?} assess {:?} assess2 {:?} {}",
        t1,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        r.grids.len()
    );
}
