//! The reading rules of the tender engine, one by one, on a small grid of
//! our own (so that tuning the built-in grids never moves these tests).

mod common;

use reset_criteria::engine::{assess_document, assess_text, SpecOptions};
use reset_criteria::report::DocumentKind;
use reset_criteria::{Block, BlockKind, Catalog, Document, Position};

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

[[criteria]]
id = "RULE-03"
title = { fr = "Inclusion", en = "Inclusion" }
rationale = { fr = "Test.", en = "Test." }
weight = 1
subjects = ["web"]
references = ["RGAA 4.1"]
spec.cues = { fr = ["situation de handicap"], en = ["people with disabilities"] }
spec.exclude = { fr = ["places de stationnement"], en = ["parking spaces"] }
product = { fact = "rule_inclusion", question = { fr = "?", en = "?" }, rule = { type = "bool" } }
clause = { fr = "Le site est utilisable par tous.", en = "The site is usable by all." }
"#;

fn catalog() -> Catalog {
    common::catalog_with("rules.toml", GRID)
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

#[test]
fn a_right_given_to_the_buyer_or_to_users_binds_the_contractor() {
    // "pourra" / "may" with the buyer or users as subject grants them a
    // right: the contractor has to honour it.
    assert_eq!(
        level(
            "L'acheteur public pourra à tout moment obtenir l'AIPD.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "Les usagers inscrits pourront consulter l'AIPD en ligne.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "The contracting authority may request the DPIA at any time.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level("Registered users can download the DPIA.", "RULE-01"),
        2
    );
    // The contractor's own option, or a thing, stays a wish.
    assert_eq!(
        level("Le titulaire pourra proposer une AIPD.", "RULE-01"),
        1
    );
    assert_eq!(level("The contractor may deliver a DPIA.", "RULE-01"), 1);
    assert_eq!(level("A DPIA may be requested.", "RULE-01"), 1);
}

#[test]
fn no_x_without_y_is_a_condition_not_a_negation() {
    assert_eq!(
        level(
            "Aucun traitement ne démarrera sans AIPD validée.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level("No processing shall start without a DPIA.", "RULE-01"),
        2
    );
    assert_eq!(
        level(
            "Nothing shall go live unless a DPIA has been approved.",
            "RULE-01"
        ),
        2
    );
    // A plain negation still negates.
    assert_eq!(
        level("Le titulaire ne réalisera aucune AIPD.", "RULE-01"),
        0
    );
    assert_eq!(level("No DPIA is required.", "RULE-01"), 0);
}

#[test]
fn without_and_no_negate_what_follows_them() {
    assert_eq!(
        level(
            "Users shall be able to download the DPIA without creating an account.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "The contractor shall deliver the DPIA with no extra fee.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level("The site shall work without any DPIA.", "RULE-01"),
        0,
        "after `without`, negated"
    );
}

#[test]
fn a_negation_inside_a_condition_does_not_reach_the_main_clause() {
    assert_eq!(
        level(
            "Le titulaire tiendra l'AIPD à jour tant que le traitement n'est pas arrêté.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "The contractor shall keep the DPIA up to date until the service is no longer used.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "Une AIPD sera livrée sauf si l'acheteur n'en voit pas l'utilité.",
            "RULE-01"
        ),
        2
    );
    // The hit inside the condition takes the main clause's firmness.
    assert_eq!(
        level(
            "Le service ne sera pas ouvert tant que l'AIPD n'a pas été validée.",
            "RULE-01"
        ),
        2
    );
}

#[test]
fn a_wish_in_a_relative_clause_does_not_govern_its_antecedent() {
    assert_eq!(
        level(
            "L'AIPD, qui pourra être revue chaque année, sera livrée avant la mise en ligne.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "The DPIA, which may be revised later, shall be delivered before go-live.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "L'éditeur peut, s'il le juge utile, fournir une AIPD, qui sera jointe à l'offre.",
            "RULE-01"
        ),
        1,
        "a binding relative does not override the main clause's wish"
    );
}

#[test]
fn a_weak_modal_of_another_clause_yields_to_a_binding_one() {
    assert_eq!(
        level(
            "Une AIPD, le cas échéant actualisée, devra être livrée avant la mise en ligne.",
            "RULE-01"
        ),
        2
    );
    assert_eq!(
        level(
            "A DPIA, possibly in a short form, must be delivered before go-live.",
            "RULE-01"
        ),
        2
    );
    // In its own clause, the weak modal governs, and a binding word of
    // the weak modal's clause ("le titulaire") does not override it.
    assert_eq!(
        level(
            "Le titulaire pourra, s'il le juge utile, fournir une AIPD.",
            "RULE-01"
        ),
        1
    );
    assert_eq!(
        level(
            "The contractor must deliver the website and may provide a DPIA.",
            "RULE-01"
        ),
        1
    );
}

#[test]
fn numbers_written_in_words_are_thresholds() {
    assert_eq!(
        level(
            "Le titulaire conservera l'AIPD pendant huit ans.",
            "RULE-01"
        ),
        3
    );
    assert_eq!(
        level(
            "The contractor shall keep the DPIA for five years.",
            "RULE-01"
        ),
        3
    );
    assert_eq!(
        level(
            "Le titulaire conservera l'AIPD pendant vingt-quatre mois.",
            "RULE-01"
        ),
        3
    );
    assert_eq!(level("Le titulaire devra réaliser une AIPD.", "RULE-01"), 2);
}

#[test]
fn an_exclude_phrase_blocks_its_clause() {
    assert_eq!(
        level(
            "Des places de stationnement seront réservées aux personnes en situation de handicap.",
            "RULE-03"
        ),
        0
    );
    assert_eq!(
        level(
            "Parking spaces shall be reserved for people with disabilities.",
            "RULE-03"
        ),
        0
    );
    assert_eq!(
        level(
            "L'accessibilité des locaux aux personnes en situation de handicap sera assurée.",
            "RULE-03"
        ),
        0,
        "a shared exclude phrase too"
    );
    assert_eq!(
        level(
            "Des places de stationnement sont prévues, et le site devra être utilisable par les personnes en situation de handicap.",
            "RULE-03"
        ),
        2,
        "another clause is read"
    );
}

#[test]
fn sentences_under_a_requirements_heading_prescribe() {
    let text = "# 4. Exigences\n\nL'hébergeur réalise une AIPD chaque année.\n";
    assert_eq!(level(text, "RULE-01"), 2);
    let text = "# 4. Requirements\n\nThe host runs a DPIA every year.\n";
    assert_eq!(level(text, "RULE-01"), 2);
    let text = "# 4. Exigences\n\nL'hébergeur pourrait réaliser une AIPD.\n";
    assert_eq!(level(text, "RULE-01"), 1, "a wish stays a wish");
    let text = "# 4. Organisation\n\nL'hébergeur réalise une AIPD chaque année.\n";
    assert_eq!(level(text, "RULE-01"), 1, "elsewhere, a mention");
}

#[test]
fn only_a_heading_that_names_the_contents_is_a_table_of_contents() {
    // "sommaire" is also an adjective ("brief"), "contents" a common noun.
    let text =
        "# 2. Description sommaire des prestations\n\nLe titulaire devra réaliser une AIPD.\n";
    assert_eq!(level(text, "RULE-01"), 2);
    let text = "# 2. Contents of the platform\n\nThe contractor shall deliver a DPIA.\n";
    assert_eq!(level(text, "RULE-01"), 2);
    let text = "# Sommaire\n\n- Le titulaire devra réaliser une AIPD\n\n# 1. Objet\n\nRien.\n";
    assert_eq!(level(text, "RULE-01"), 0, "a real table of contents");
    let text =
        "# Table of contents\n\n- The contractor shall deliver a DPIA\n\n# 1. Purpose\n\nNone.\n";
    assert_eq!(level(text, "RULE-01"), 0, "a real table of contents");
}

#[test]
fn a_list_item_takes_its_lead_in_check() {
    let c = catalog();
    for (lead, item) in [
        (
            "Le titulaire remettra un rapport d'audit annuel portant sur :",
            "l'AIPD ;",
        ),
        (
            "Within three months of go-live, the contractor shall deliver:",
            "a DPIA;",
        ),
    ] {
        let doc = Document {
            source: "t".into(),
            format: "test".into(),
            blocks: vec![
                Block::new(BlockKind::Paragraph, lead, Position::line_col(1, 1)),
                Block::new(
                    BlockKind::ListItem { depth: 1 },
                    item,
                    Position::line_col(2, 3),
                ),
            ],
        };
        let r = assess_document(&c, &doc, &opts());
        assert_eq!(r.grids[0].criteria[0].level, 3, "{lead}");
    }
}

#[test]
fn a_context_heading_names_the_context_first() {
    let text = "# 5. Reprise de l'existant\n\nLe titulaire devra réaliser une AIPD.\n";
    assert_eq!(level(text, "RULE-01"), 2);
    let text = "# 5. Integration with existing systems\n\nThe contractor shall deliver a DPIA.\n";
    assert_eq!(level(text, "RULE-01"), 2);
    let text = "# 1. Le contexte du projet\n\nLe titulaire devra réaliser une AIPD.\n";
    assert_eq!(level(text, "RULE-01"), 1);
    let text = "# 1.2 Project background\n\nThe contractor shall deliver a DPIA.\n";
    assert_eq!(level(text, "RULE-01"), 1);
}
