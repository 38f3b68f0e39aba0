//! Award cues (`spec.award`): short row labels of a weighting table name a
//! criterion inside an award-criteria section only.

mod common;

use reset_criteria::engine::{assess_text, SpecOptions};

const GRID: &str = r#"
id = "award"
version = "1.0.0"
title = { fr = "Attribution", en = "Award" }
summary = { fr = "Grille de test.", en = "Test grid." }

[[criteria]]
id = "AWARD-01"
title = { fr = "Critère environnemental pondéré", en = "Weighted environmental criterion" }
rationale = { fr = "Test.", en = "Test." }
weight = 2
subjects = ["web"]
references = ["Code de la commande publique art. L2152-7"]
spec.cues = { fr = ["critere environnemental"], en = ["environmental criterion"] }
spec.award = { fr = ["developpement durable"], en = ["sustainab*"] }
product = { fact = "award_env", question = { fr = "?", en = "?" }, rule = { type = "bool" } }
clause = { fr = "Un critère environnemental est pondéré.", en = "An environmental criterion is weighted." }
"#;

fn level(text: &str) -> u8 {
    let catalog = common::catalog_with("award.toml", GRID);
    let opts = SpecOptions {
        subjects: Some(vec!["web".into()]),
        ..SpecOptions::default()
    };
    let r = assess_text(&catalog, "t.md", text, &opts);
    r.grids[0].criteria[0].level
}

#[test]
fn a_weighted_row_of_an_award_table_names_the_criterion() {
    let fr = "# Critères d'attribution\n\n| Critère | Pondération |\n| --- | --- |\n\
              | Prix | 60 % |\n| Développement durable | 40 % |\n";
    assert_eq!(level(fr), 3);
    let en = "# 6. Evaluation criteria\n\n- Price: 60%\n- Sustainability and carbon: 40%\n";
    assert_eq!(level(en), 3);
}

#[test]
fn award_cues_count_nowhere_else() {
    let fr = "# Exigences\n\nLe titulaire devra présenter sa démarche de développement durable.\n";
    assert_eq!(level(fr), 0);
    let en = "# Requirements\n\nThe contractor shall describe its sustainability policy.\n";
    assert_eq!(level(en), 0);
    // The ordinary cues still count everywhere.
    let en = "# Requirements\n\nThe contract shall include an environmental criterion.\n";
    assert_eq!(level(en), 2);
}
