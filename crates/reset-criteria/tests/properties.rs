//! Properties of the engine on arbitrary text (proptest).

use proptest::prelude::*;
use reset_criteria::engine::{assess_document, assess_text, SpecOptions};
use reset_criteria::normalize::{normalize, normalize_str};
use reset_criteria::report::{DocumentKind, DocumentReport, Report};
use reset_criteria::{Block, BlockKind, Catalog, Document, Position};

/// Sentences in the style of tenders, mixed with noise, to reach the
/// interesting paths (hits, negations, sections) more often than random text.
fn tenderish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Le titulaire devra réaliser une AIPD conforme à l'article 35 du RGPD.",
        "Le site sera conforme au RGAA 4.1 niveau AA.",
        "Il n'est pas demandé de déclaration d'accessibilité.",
        "The contractor shall not use autoplay.",
        "Data shall be hosted in the EU; a report is delivered within 30 days.",
        "Si possible, les pages pèseront moins de 500 Ko.",
        "# Hors périmètre",
        "# Contexte",
        "## Critères d'attribution",
        "- réaliser un audit ;",
        "| Accessibilité | Obligatoire |",
        "L’ÉDITEUR s’engage à… « cœur » — œuvre\u{a0}: n° 3.",
        "art. 5 cf. e.g. i.e. 4.1.",
        "ﬁ Ǆ ½ ℌ 𝔄 ١٢٣ 日本語 🙂",
        "\t\r\n",
        "",
    ]);
    (prop::collection::vec(pieces, 0..12), ".{0,40}").prop_map(|(v, noise)| {
        let mut s = v.join("\n\n");
        s.push_str(&noise);
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn normalisation_is_idempotent(s in "\\PC{0,200}") {
        let once = normalize_str(&s);
        prop_assert_eq!(normalize_str(&once), once);
    }

    #[test]
    fn normalisation_maps_back_inside_the_text(s in "\\PC{0,200}") {
        let n = normalize(&s);
        for i in 0..=n.text.len() {
            let r = n.original_range(&s, i..n.text.len());
            prop_assert!(r.start <= r.end && r.end <= s.len());
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
    }

    #[test]
    fn scores_stay_within_0_and_100(text in tenderish()) {
        let r = assess_text(Catalog::builtin(), "t", &text, &SpecOptions::default());
        for g in &r.grids {
            if let Some(s) = g.score { prop_assert!((0.0..=100.0).contains(&s)); }
            for c in &g.criteria { prop_assert!(c.level <= 3); }
        }
        if let Some(s) = r.score { prop_assert!((0.0..=100.0).contains(&s)); }
    }

    #[test]
    fn evidence_quotes_the_source_where_it_points(text in tenderish()) {
        let doc = Document::from_plain_text("t", &text);
        let r = assess_document(Catalog::builtin(), &doc, &SpecOptions::default());
        let lines: Vec<&str> = text.lines().collect();
        for g in &r.grids {
            for c in &g.criteria {
                for e in &c.evidence {
                    prop_assert!(!e.text.is_empty());
                    prop_assert!(text.contains(&e.text), "quote not in source: {:?}", e.text);
                    let line = e.line as usize;
                    prop_assert!(line >= 1 && line <= lines.len());
                    // The quote starts on the line it names.
                    let first = e.text.lines().next().unwrap_or("");
                    prop_assert!(lines[line - 1].contains(first), "line {} is {:?}, quote {:?}", line, lines[line - 1], first);
                }
            }
        }
    }

    #[test]
    fn a_binding_sentence_never_lowers_a_level(text in tenderish(), pick in 0usize..90) {
        let catalog = Catalog::builtin();
        let all: Vec<_> = catalog.grids().iter().flat_map(|g| g.criteria.iter()).collect();
        let crit = all[pick % all.len()];
        // A binding sentence built from the criterion's own example at level >= 2.
        let Some(ex) = crit.examples.iter().find(|e| e.level >= 2) else { return Ok(()); };
        let opts = SpecOptions { subjects: Some(crit.subjects.clone()), ..SpecOptions::default() };
        let level_of = |t: &str| {
            let r = assess_text(catalog, "t", t, &opts);
            r.grids.iter().flat_map(|g| &g.criteria).map(|c| (c.id.clone(), c.level)).collect::<std::collections::HashMap<_, _>>()
        };
        let before = level_of(&text);
        // Appended as its own paragraph, outside any out-of-scope section.
        let after = level_of(&format!("{text}\n\n# Exigences\n\n{}", ex.text));
        for (id, l) in &before {
            prop_assert!(after[id] >= *l, "{} went from {} to {}", id, l, after[id]);
        }
    }

    #[test]
    fn json_output_always_parses(text in tenderish()) {
        let r = assess_text(Catalog::builtin(), "t", &text, &SpecOptions::default());
        let s = serde_json::to_string(&r).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        prop_assert!(v.get("grids").is_some());
    }

    #[test]
    fn json_output_validates_against_the_report_schema(
        text in tenderish(),
        offer in any::<bool>(),
        error in prop::option::of("\\PC{0,40}"),
    ) {
        let opts = SpecOptions {
            kind: if offer { DocumentKind::Offer } else { DocumentKind::Spec },
            ..SpecOptions::default()
        };
        let mut report = Report::new(Catalog::builtin().version());
        report.documents.push(assess_text(Catalog::builtin(), "t.md", &text, &opts));
        // A document that could not be read is part of the same report.
        if let Some(e) = error {
            report.documents.push(DocumentReport::failed("broken.pdf", opts.kind, e));
        }
        let s = serde_json::to_string(&report).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let problems: Vec<String> = report_validator()
            .iter_errors(&v)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        prop_assert!(problems.is_empty(), "{:#?}", problems);
    }
}

/// The JSON Schema of the report (`reset-check schema report`), compiled once.
fn report_validator() -> &'static jsonschema::Validator {
    static V: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        let schema = serde_json::to_value(schemars::schema_for!(Report)).unwrap();
        jsonschema::validator_for(&schema).unwrap()
    })
}

#[test]
fn blocks_of_every_kind_are_read() {
    let doc = Document {
        source: "t".into(),
        format: "test".into(),
        blocks: vec![
            Block::new(
                BlockKind::Heading { depth: 1 },
                "Exigences",
                Position::line_col(1, 1),
            ),
            Block::new(
                BlockKind::Paragraph,
                "Le titulaire doit :",
                Position::line_col(2, 1),
            ),
            Block::new(
                BlockKind::ListItem { depth: 1 },
                "réaliser une AIPD ;",
                Position::line_col(3, 3),
            ),
            Block::new(
                BlockKind::TableCell { row: 1, column: 1 },
                "Déclaration d'accessibilité",
                Position::line_col(5, 1),
            ),
            Block::new(
                BlockKind::TableCell { row: 1, column: 2 },
                "Obligatoire",
                Position::line_col(5, 30),
            ),
        ],
    };
    let r = assess_document(Catalog::builtin(), &doc, &SpecOptions::default());
    let found: Vec<(String, u8)> = r
        .grids
        .iter()
        .flat_map(|g| &g.criteria)
        .filter(|c| c.level >= 2)
        .map(|c| (c.id.clone(), c.level))
        .collect();
    // The list item takes the firmness of its lead-in; the cell that of its row.
    assert!(found.len() >= 2, "{found:?}");
}

#[test]
fn the_report_schema_is_not_a_blank_cheque() {
    let r = assess_text(
        Catalog::builtin(),
        "t",
        "Le site sera conforme au RGAA 4.1 niveau AA.",
        &SpecOptions::default(),
    );
    let mut report = Report::new(Catalog::builtin().version());
    report.documents.push(r);
    let good = serde_json::to_value(&report).unwrap();
    assert!(report_validator().is_valid(&good));
    let mut bad = good.clone();
    bad["documents"][0]["grids"][0]["criteria"][0]["level"] = serde_json::json!("high");
    assert!(!report_validator().is_valid(&bad));
    let mut bad = good;
    bad["documents"] = serde_json::json!("none");
    assert!(!report_validator().is_valid(&bad));
}

#[test]
fn a_large_document_gives_the_same_result_on_one_thread_or_several() {
    // Above 256 KB a document is cut into runs of blocks, one per thread.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let text: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n")
        .repeat(3);
    assert!(text.len() > 512 * 1024);
    let run = |threads| {
        let opts = SpecOptions {
            threads,
            ..SpecOptions::default()
        };
        serde_json::to_string(&assess_text(Catalog::builtin(), "big", &text, &opts)).unwrap()
    };
    let one = run(1);
    assert_eq!(one, run(3));
    assert_eq!(one, run(4));
}
