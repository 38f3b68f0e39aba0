//! A small catalog and a small report, written here so that the snapshots
//! do not move when the built-in grids are tuned.

#![allow(dead_code)]

use reset_criteria::catalog::BUILTIN_FILES;
use reset_criteria::report::{
    finish_scores, CriterionReport, DocumentKind, DocumentReport, Evidence, GridReport, Report,
    Status, SubjectReport, Waiver,
};
use reset_criteria::{Catalog, SourceFile, Text};

const ALPHA: &str = r#"
id = "alpha"
version = "2.0.0"
title = { fr = "Vie privée (test)", en = "Privacy (test)" }
summary = { fr = "Une grille de test.", en = "A test grid." }

[[criteria]]
id = "ALP-01"
title = { fr = "Minimisation des données", en = "Data minimisation" }
rationale = { fr = "Moins de données, moins de risques.", en = "Less data, less risk." }
weight = 3
subjects = ["web"]
references = ["RGPD art. 5(1)(c)"]
spec.cues = { fr = ["minimisation"], en = ["minimisation"] }
product = { fact = "alp_minimised", question = { fr = "Les données sont-elles minimisées ?", en = "Is data minimised?" }, rule = { type = "bool" } }
clause = { fr = "Le titulaire ne collecte que les données strictement nécessaires à chaque finalité.", en = "The contractor collects only the data strictly needed for each purpose." }

[[criteria]]
id = "ALP-02"
title = { fr = "Pas de traceurs tiers", en = "No third-party trackers" }
rationale = { fr = "Les traceurs exposent les usagers.", en = "Trackers expose users." }
weight = 2
subjects = ["web"]
references = ["ePrivacy art. 5(3)", "CNIL lignes directrices cookies"]
spec.cues = { fr = ["traceur"], en = ["tracker"] }
product = { fact = "alp_no_trackers", question = { fr = "Le service est-il sans traceur tiers ?", en = "Is the service free of third-party trackers?" }, rule = { type = "bool" } }
clause = { fr = "Aucun traceur tiers n'est déposé sans consentement ; la liste des traceurs est un livrable.", en = "No third-party tracker is set without consent; the list of trackers is a deliverable." }

[[criteria]]
id = "ALP-03"
title = { fr = "Hébergement dans l'UE", en = "Hosting in the EU" }
rationale = { fr = "Le droit applicable compte.", en = "The applicable law matters." }
weight = 1
subjects = ["hosting"]
references = ["RGPD chap. V"]
spec.cues = { fr = ["hebergement"], en = ["hosting"] }
product = { fact = "alp_eu_hosting", question = { fr = "Les données sont-elles hébergées dans l'UE ?", en = "Is data hosted in the EU?" }, rule = { type = "bool" } }
clause = { fr = "Les données sont hébergées dans l'Union européenne.", en = "Data is hosted in the European Union." }
"#;

const BETA: &str = r#"
id = "beta"
version = "1.1.0"
title = { fr = "Inclusion (test)", en = "Inclusivity (test)" }
summary = { fr = "Une autre grille de test.", en = "Another test grid." }

[[criteria]]
id = "BET-01"
title = { fr = "Accessibilité RGAA", en = "RGAA accessibility" }
rationale = { fr = "Tout le monde doit pouvoir utiliser le service.", en = "Everyone must be able to use the service." }
weight = 3
subjects = ["web"]
references = ["RGAA 4.1", "EN 301 549"]
spec.cues = { fr = ["rgaa"], en = ["rgaa"] }
product = { fact = "bet_rgaa", question = { fr = "Le service est-il conforme au RGAA ?", en = "Does the service conform to RGAA?" }, rule = { type = "bool" } }
clause = { fr = "Le service est conforme au RGAA 4.1 niveau AA ; un audit est remis avant la recette.", en = "The service conforms to RGAA 4.1 level AA; an audit is delivered before acceptance." }

[[criteria]]
id = "BET-02"
title = { fr = "Alternative hors ligne", en = "Offline alternative" }
rationale = { fr = "Le numérique ne doit exclure personne.", en = "Digital must exclude no one." }
weight = 2
subjects = ["web"]
references = ["Défenseur des droits 2022"]
spec.cues = { fr = ["guichet"], en = ["counter"] }
product = { fact = "bet_offline", question = { fr = "Une alternative hors ligne existe-t-elle ?", en = "Is there an offline alternative?" }, rule = { type = "bool" } }
clause = { fr = "Une alternative non numérique (guichet, téléphone) reste offerte.", en = "A non-digital alternative (counter, phone) remains available." }
"#;

/// The test catalog: two small grids and the built-in cue lists.
pub fn catalog() -> Catalog {
    let mut files: Vec<SourceFile> = BUILTIN_FILES
        .iter()
        .filter(|(n, _)| n.ends_with("language.toml") || n.ends_with("subjects.toml"))
        .map(|(n, t)| SourceFile::new(*n, *t))
        .collect();
    files.push(SourceFile::new("alpha.toml", ALPHA));
    files.push(SourceFile::new("beta.toml", BETA));
    Catalog::from_files(&files, false).expect("the test grids are valid")
}

fn ev(
    line: u32,
    col: u32,
    section: &[&str],
    text: &str,
    firmness: Option<&str>,
    level: u8,
) -> Evidence {
    Evidence {
        file: None,
        line,
        column: Some(col),
        page: None,
        paragraph: None,
        location: format!("{line}:{col}"),
        section: section.iter().map(|s| s.to_string()).collect(),
        text: text.into(),
        cue: "cue".into(),
        firmness: firmness.map(Into::into),
        level,
        reasons: vec![format!("level {level}")],
    }
}

fn crit(
    catalog: &Catalog,
    id: &str,
    level: u8,
    applicable: bool,
    evidence: Vec<Evidence>,
) -> CriterionReport {
    let (_, c) = catalog.criterion(id).expect("known criterion");
    CriterionReport {
        id: id.into(),
        title: c.title.clone(),
        weight: c.weight,
        level: if applicable { level } else { 0 },
        applicable,
        status: if applicable {
            Status::from_level(level)
        } else {
            Status::NotApplicable
        },
        hits: evidence.len(),
        evidence,
        waived: None,
    }
}

fn grid(catalog: &Catalog, id: &str, criteria: Vec<CriterionReport>) -> GridReport {
    let g = catalog.grid(id).expect("known grid");
    GridReport {
        id: g.id.clone(),
        version: g.version.clone(),
        title: g.title.clone(),
        score: None,
        grade: None,
        counts: [0; 4],
        not_applicable: 0,
        criteria,
    }
}

/// The hostile sentence: markup, a script, quotes, ampersands, Markdown and CSV specials.
pub const HOSTILE: &str = r#"Le titulaire <b>doit</b> fournir <script>alert(1)</script> l'inventaire "complet" & à jour | *tout* [lien](http://x) ; =SUM(A1)"#;

/// A tender with every level, a hostile sentence, a not-applicable and a
/// waived criterion; a product; and a document that could not be read.
pub fn report(catalog: &Catalog) -> Report {
    let section = ["Article 4 – Données <personnelles>"];
    let mut spec = DocumentReport {
        source: "tenders/cctp <test> & co.md".into(),
        kind: DocumentKind::Spec,
        format: Some("md".into()),
        subjects: vec![SubjectReport {
            id: "web".into(),
            title: Text::new("Site ou service web", "Website or web service"),
            hits: 2,
            evidence: vec![ev(1, 3, &[], "Refonte du site internet communal", None, 0)],
        }],
        subjects_source: "detected".into(),
        score: None,
        grade: None,
        weakest_grid: None,
        grids: vec![
            grid(
                catalog,
                "alpha",
                vec![
                    crit(
                        catalog,
                        "ALP-01",
                        3,
                        true,
                        vec![ev(12, 1, &section, HOSTILE, Some("doit"), 3)],
                    ),
                    crit(
                        catalog,
                        "ALP-02",
                        1,
                        true,
                        vec![ev(
                            15,
                            5,
                            &section,
                            "Le titulaire évitera si possible les traceurs.",
                            Some("si possible"),
                            1,
                        )],
                    ),
                    crit(catalog, "ALP-03", 0, false, vec![]),
                ],
            ),
            grid(
                catalog,
                "beta",
                vec![
                    crit(
                        catalog,
                        "BET-01",
                        2,
                        true,
                        vec![ev(
                            20,
                            1,
                            &["Article 5 – Accessibilité"],
                            "Le site doit respecter le RGAA.",
                            Some("doit"),
                            2,
                        )],
                    ),
                    crit(catalog, "BET-02", 0, true, vec![]),
                ],
            ),
        ],
        error: None,
    };
    if let Some(c) = spec.grids[1].criteria.get_mut(1) {
        c.waived = Some(Waiver {
            reason: "Guichet <unique> déjà prévu au marché 2024-07".into(),
            expires: Some("2099-12-31".into()),
        });
    }
    finish_scores(&mut spec, catalog);

    let mut product = DocumentReport {
        source: "products/site.toml".into(),
        kind: DocumentKind::Product,
        format: Some("toml".into()),
        subjects: vec![SubjectReport {
            id: "web".into(),
            title: Text::new("Site ou service web", "Website or web service"),
            hits: 0,
            evidence: vec![],
        }],
        subjects_source: "declared".into(),
        score: None,
        grade: None,
        weakest_grid: None,
        grids: vec![
            grid(
                catalog,
                "alpha",
                vec![
                    crit(
                        catalog,
                        "ALP-01",
                        2,
                        true,
                        vec![product_ev(8, "alp_minimised", "true")],
                    ),
                    crit(
                        catalog,
                        "ALP-02",
                        1,
                        true,
                        vec![product_ev(11, "alp_no_trackers", "\"partial\"")],
                    ),
                    crit(catalog, "ALP-03", 0, false, vec![]),
                ],
            ),
            grid(
                catalog,
                "beta",
                vec![
                    crit(
                        catalog,
                        "BET-01",
                        3,
                        true,
                        vec![product_ev(
                            14,
                            "bet_rgaa",
                            "true — evidence: https://example.org/audit",
                        )],
                    ),
                    {
                        let mut c = crit(catalog, "BET-02", 0, true, vec![]);
                        c.status = Status::NotDeclared;
                        c
                    },
                ],
            ),
        ],
        error: None,
    };
    finish_scores(&mut product, catalog);

    let broken = DocumentReport::failed(
        "tenders/broken.docx",
        DocumentKind::Spec,
        "tenders/broken.docx: not a valid .docx (zip): invalid central directory",
    );

    let mut report = Report::new(catalog.version());
    report.tool.version = "0.0.0-test".into();
    report.documents = vec![spec, product, broken];
    report
}

fn product_ev(line: u32, fact: &str, answer: &str) -> Evidence {
    Evidence {
        file: Some("products/site.toml".into()),
        line,
        column: Some(1),
        page: None,
        paragraph: None,
        location: format!("{line}:1"),
        section: vec!["answers".into(), fact.into()],
        text: answer.into(),
        cue: fact.into(),
        firmness: None,
        level: 0,
        reasons: vec![],
    }
}
