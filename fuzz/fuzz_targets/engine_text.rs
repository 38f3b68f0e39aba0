//! The tender engine (`assess_document` on a plain-text document) over
//! arbitrary text: scores within 0-100, levels 0-3, evidence that quotes
//! the source, and a report that serialises to JSON.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reset_criteria::engine::{assess_document, SpecOptions};
use reset_criteria::report::DocumentKind;
use reset_criteria::{Catalog, Document};

fuzz_target!(|data: &[u8]| {
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
    if let Some(s) = r.score {
        assert!((0.0..=100.0).contains(&s), "score {s}");
    }
    for g in &r.grids {
        if let Some(s) = g.score {
            assert!((0.0..=100.0).contains(&s), "grid score {s}");
        }
        for c in &g.criteria {
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
    let json = serde_json::to_string(&r).expect("report serialises");
    // Checks the whole JSON syntax without building a tree of the 90
    // criteria: a `serde_json::Value` here cost half of a short input's time.
    let _: serde::de::IgnoredAny = serde_json::from_str(&json).expect("report JSON parses");
});
