//! The reading rules of the tender engine, one by one, on a small grid of
//! our own (so that tuning the built-in grids never moves these tests).

use reset_criteria::catalog::BUILTIN_FILES;
use reset_criteria::engine::{assess_document, assess_text, SpecOptions};
use reset_criteria::report::DocumentKind;
use reset_criteria::{Block, BlockKind, Catalog, Document, Position, SourceFile};

const GRID: &str = r#"
id = "rules"
version = "1.0.0"
title = { fr = "Règles", en = "Rules" }
summary = { fr = "Grille de test.", en = "Test grid." }

[[criteria]]
id = "RULE-01"
title = { fr = "Analyse d'impact", en = "Impact assessment" }
rationale = { fr = "Test.", en = "Test." }
weight = 3
subjects = ["web"]
references = ["RGPD art. 35"]
spec.cues = { fr = ["aipd"], en = ["dpia"] }
product = { fact = "rule_dpia", question = { fr = "?", en = "?" }, rule = { type = "bool" } }
clause = { fr = "Le titulaire livre une AIPD.", en = "The contractor shall deliver a DPIA." }

[[criteria]]
id = "RULE-02"
title = { fr = "Pas de lecture automatique", en = "No autoplay" }
rationale = { fr = "Test.", en = "Test." }
weight = 2
subjects = ["web"]
references = ["RGESN 2024 crit. 4.1"]
spec.cues = { fr = ["sans lecture automatique"], en = ["no autoplay"] }
spec.avoid = { fr = ["lecture automatique"], en = ["autoplay"] }
product = { fact = "rule_autoplay", question = { fr = "?", en = "?" }, rule = { type = "bool" } }
clause = { fr = "Aucune lecture automatique.", en = "No autoplay." }
"#;

fn catalog() -> Catalog {
    let mut files: Vec<SourceFile> = BUILTIN_FILES
        .iter()
        .filter(|(n, _)| n.ends_with("language.toml") || n.ends_with("subjects.toml"))
        .map(|(n, t)| SourceFile::new(*n, *t))
        .collect();
    files.push(SourceFile::new("rules.toml", GRID));
    Catalog::from_files(&files, false).expect("valid test grid")
}

fn opts() -> SpecOptions {
    SpecOptions {
        subjects: Some(vec!["web".into()]),
        ..SpecOptions::default()
    }
}

fn level(text: &str, id: &str) -> u8 {
    let c = catalog();
    let r = assess_text(&c, "t", text, &opts());
    r.grids[0]
        .criteria
        .iter()
        .find(|x| x.id == id)
        .unwrap()
        .level
}

#[test]
fn firmness_of_a_sentence() {
    assert_eq!(level("Le titulaire devra réaliser une AIPD.", "RULE-01"), 2);
    assert_eq!(
        level("Le titulaire fournira une AIPD.", "RULE-01"),
        2,
        "French future prescribes"
    );
    assert_eq!(level("Une AIPD pourra être réalisée.", "RULE-01"), 1);
    assert_eq!(
        level("Si possible, le titulaire fournira une AIPD.", "RULE-01"),
        1,
        "a hedge"
    );
    assert_eq!(
        level("Une AIPD a été réalisée en 2023.", "RULE-01"),
        1,
        "a mention"
    );
    assert_eq!(level("The contractor will deliver a DPIA.", "RULE-01"), 2);
    assert_eq!(
        level("The contractor shall deliver a DPIA report.", "RULE-01"),
        3
    );
    assert_eq!(
        level("Le titulaire remettra une AIPD sous 30 jours.", "RULE-01"),
        3
    );
}

#[test]
fn negation_scope_ends_at_the_clause() {
    assert_eq!(level("Il n'est pas demandé d'AIPD.", "RULE-01"), 0);
    assert_eq!(
        level(
            "The contractor is not required to deliver a DPIA.",
            "RULE-01"
        ),
        0
    );
    assert_eq!(
        level(
            "Il n'est pas demandé de refonte, mais le titulaire fournira une AIPD.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "The contractor shall deliver a DPIA without undue delay.",
            "RULE-01"
        ),
        2,
        "a limit is not a negation"
    );
}

#[test]
fn a_contrast_rejects_what_follows_it() {
    // What comes before the contrast is affirmed; what follows it is rejected.
    assert_eq!(
        level(
            "Le titulaire livrera une AIPD plutôt qu'une simple note.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "Le titulaire livrera une note de synthèse et non une AIPD.",
            "RULE-01"
        ),
        0
    );
    assert_eq!(
        level(
            "The supplier shall deliver a short memo rather than a DPIA.",
            "RULE-01"
        ),
        0
    );
    // A forbidden practice after a contrast is prohibited.
    assert_eq!(
        level(
            "Les vidéos seront lancées par l'usager et non en lecture automatique.",
            "RULE-02"
        ),
        2
    );
    assert_eq!(
        level(
            "Videos shall start on a click instead of autoplay.",
            "RULE-02"
        ),
        2
    );
}

#[test]
fn prohibitions_of_a_practice() {
    assert_eq!(
        level(
            "Aucune vidéo ne démarrera en lecture automatique.",
            "RULE-02"
        ),
        2
    );
    assert_eq!(level("La lecture automatique est interdite.", "RULE-02"), 2);
    assert_eq!(level("Autoplay shall not be used.", "RULE-02"), 2);
    assert_eq!(
        level(
            "Le titulaire devra activer la lecture automatique.",
            "RULE-02"
        ),
        0
    );
}

#[test]
fn sections_change_the_meaning() {
    let text = "# 1. Contexte\n\nLe titulaire devra réaliser une AIPD.\n";
    assert_eq!(level(text, "RULE-01"), 1, "context: a mention at most");
    let text = "# 3. Hors périmètre\n\nLe titulaire devra réaliser une AIPD.\n";
    assert_eq!(level(text, "RULE-01"), 0, "out of scope");
    let text = "# Critères d'attribution\n\nAIPD : 10 %\n";
    assert_eq!(level(text, "RULE-01"), 3, "award criterion with its weight");
    let text = "# AIPD\n\nRien d'autre.\n";
    assert_eq!(level(text, "RULE-01"), 1, "a heading is a mention");
}

#[test]
fn lists_take_their_lead_in_and_cells_their_row() {
    let c = catalog();
    let doc = Document {
        source: "t".into(),
        format: "test".into(),
        blocks: vec![
            Block::new(
                BlockKind::Paragraph,
                "Le titulaire doit :",
                Position::line_col(1, 1),
            ),
            Block::new(
                BlockKind::ListItem { depth: 1 },
                "réaliser une AIPD ;",
                Position::line_col(2, 3),
            ),
        ],
    };
    let r = assess_document(&c, &doc, &opts());
    assert_eq!(r.grids[0].criteria[0].level, 2);
    let doc = Document {
        source: "t".into(),
        format: "test".into(),
        blocks: vec![
            Block::new(
                BlockKind::TableCell { row: 1, column: 1 },
                "AIPD",
                Position::line_col(1, 1),
            ),
            Block::new(
                BlockKind::TableCell { row: 1, column: 2 },
                "Non demandé",
                Position::line_col(1, 8),
            ),
        ],
    };
    let r = assess_document(&c, &doc, &opts());
    assert_eq!(r.grids[0].criteria[0].level, 0, "negated by its row");
}

#[test]
fn offers_read_commitments() {
    let c = catalog();
    let o = SpecOptions {
        kind: DocumentKind::Offer,
        ..opts()
    };
    let r = assess_text(&c, "t", "Nous nous engageons à livrer une AIPD.", &o);
    assert_eq!(r.grids[0].criteria[0].level, 2);
}

#[test]
fn evidence_quotes_the_sentence_and_its_place() {
    let c = catalog();
    let text = "Titre\n\nPremière phrase. Le titulaire devra réaliser l’AIPD.\nSuite.";
    let r = assess_text(&c, "t", text, &opts());
    let e = &r.grids[0].criteria[0].evidence[0];
    assert_eq!(e.text, "Le titulaire devra réaliser l’AIPD.");
    assert_eq!(e.line, 3);
    assert_eq!(e.firmness.as_deref(), Some("devra"));
}

#[test]
fn french_passive_present_and_requirement_lists_prescribe() {
    assert_eq!(
        level(
            "Une AIPD est systématiquement réalisée avant la mise en ligne.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level("Une AIPD est une bonne pratique.", "RULE-01"),
        1,
        "`est une` is no participle"
    );
    let c = catalog();
    let doc = Document {
        source: "t".into(),
        format: "test".into(),
        blocks: vec![
            Block::new(
                BlockKind::Heading { depth: 1 },
                "4. Exigences",
                Position::line_col(1, 1),
            ),
            Block::new(
                BlockKind::ListItem { depth: 1 },
                "AIPD avant la mise en production",
                Position::line_col(3, 3),
            ),
        ],
    };
    let r = assess_document(&c, &doc, &opts());
    assert_eq!(
        r.grids[0].criteria[0].level, 2,
        "a list item under a requirements heading"
    );
    assert_eq!(
        level("The DPIA will be delivered before go-live.", "RULE-01"),
        2
    );
}

/// A run-on text without full stops (a badly extracted PDF, a hostile file)
/// is read in bounded pieces: the evidence quotes one piece, not the text.
#[test]
fn a_run_on_text_is_read_in_bounded_pieces() {
    let text =
        "le titulaire devra livrer une AIPD et la mettre à jour chaque année, ".repeat(3_000);
    let c = catalog();
    let r = assess_text(&c, "t", &text, &opts());
    let crit = r.grids[0]
        .criteria
        .iter()
        .find(|x| x.id == "RULE-01")
        .unwrap();
    assert_eq!(crit.level, 2);
    let max = reset_criteria::engine::MAX_SENTENCE_BYTES;
    for e in &crit.evidence {
        assert!(
            e.text.len() <= 2 * max,
            "evidence of {} bytes",
            e.text.len()
        );
    }
    assert!(crit.hits > 10, "each piece counts: {}", crit.hits);
}
