use reset_criteria::Catalog;
use std::time::{Duration, Instant};
fn main() {
    let c = Catalog::builtin();
    let mut all = Vec::new();
    for g in c.grids() {
        for cr in &g.criteria {
            for l in [
                &cr.spec.cues,
                &cr.spec.avoid,
                &cr.spec.verify,
                &cr.spec.exclude,
            ] {
                for (_, s) in l.iter() {
                    all.push(s.to_string());
                }
            }
        }
    }
    let mut best = Duration::MAX;
    for _ in 0..7 {
        let t = Instant::now();
        let mut n = 0;
        for s in &all {
            n += reset_criteria::cue::parse_cue(s)
                .map(|c| c.terms.len())
                .unwrap_or(0);
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed());
    }
    let mut best2 = Duration::MAX;
    for _ in 0..7 {
        let t = Instant::now();
        let mut n = 0;
        for s in &all {
            n += reset_criteria::normalize::normalize_str(s).len();
        }
        std::hint::black_box(n);
        best2 = best2.min(t.elapsed());
    }
    let mut best3 = Duration::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let m = reset_criteria::engine::Matcher::new(c);
        std::hint::black_box(&m);
        best3 = best3.min(t.elapsed());
    }
    eprintln!(
        "{} cues: parse_cue {best:?} normalize_str {best2:?} Matcher::new {best3:?}",
        all.len()
    );
}
