//! The words of the reports, in French and English.

use reset_criteria::Lang;

/// A report word in a language. Unknown keys come back as they are.
pub fn t(lang: Lang, key: &str) -> &str {
    let (fr, en) = match key {
        "document" => ("Document", "Document"),
        "subjects" => ("Objets du marché", "Subjects"),
        "subjects.detected" => ("détectés dans le texte", "detected in the text"),
        "subjects.given" => ("donnés par --subject", "given with --subject"),
        "subjects.declared" => ("déclarés par le fichier produit", "declared by the product file"),
        "subjects.all" => (
            "aucun détecté : tous les critères s'appliquent",
            "none detected: every criterion applies",
        ),
        "score" => ("Score", "Score"),
        "grade" => ("Note", "Grade"),
        "grid" => ("Grille", "Grid"),
        "weakest" => ("Grille la plus faible", "Weakest grid"),
        "criterion" => ("Critère", "Criterion"),
        "level" => ("Niveau", "Level"),
        "evidence" => ("Preuve", "Evidence"),
        "firmness" => ("Fermeté", "Firmness"),
        "where" => ("Où", "Where"),
        "na" => ("s.o.", "n/a"),
        "not_applicable" => ("Sans objet pour ces objets du marché", "Not applicable to these subjects"),
        "no_evidence" => ("aucune phrase", "no sentence"),
        "error" => ("erreur", "error"),
        "catalog" => ("Grilles", "Grids"),
        "formula" => (
            "Score = 100 × Σ(poids × niveau) / Σ(poids × 3) sur les critères applicables ; note A ≥ 80, B ≥ 60, C ≥ 40, D ≥ 20, sinon E.",
            "Score = 100 × Σ(weight × level) / Σ(weight × 3) over applicable criteria; grade A ≥ 80, B ≥ 60, C ≥ 40, D ≥ 20, else E.",
        ),
        "not_declared" => (
            "Non déclarés (niveau 0 : questions sans réponse dans le fichier produit)",
            "Not declared (level 0: questions the product file does not answer)",
        ),
        "levels.legend.product" => (
            "Niveaux : 3 atteint et prouvé (preuve dans le fichier), 2 atteint (déclaré), 1 en partie, 0 non atteint ou non déclaré",
            "Levels: 3 met and proven (evidence in the file), 2 met (declared), 1 partly met, 0 not met or not declared",
        ),
        "levels.legend" => (
            "Niveaux : 3 exigé et vérifiable, 2 exigé, 1 mentionné, 0 absent",
            "Levels: 3 required and verifiable, 2 required, 1 mentioned, 0 absent",
        ),
        "report.title" => ("Rapport RESET", "RESET report"),
        "report.subtitle" => (
            "Critères de vie privée, sobriété, inclusion, non-discrimination et attention",
            "Privacy, frugality, inclusivity, non-discrimination and attention criteria",
        ),
        "date" => ("Date", "Date"),
        "tool" => ("Outil", "Tool"),
        "kind" => ("Type", "Kind"),
        "kind.spec" => ("cahier des charges (acheteur)", "specification (buyer)"),
        "kind.offer" => ("offre (candidat)", "offer (vendor)"),
        "kind.product" => ("auto-évaluation de produit", "product self-assessment"),
        "format" => ("Format lu", "Read as"),
        "overall" => ("Score global", "Overall score"),
        "summary" => ("Synthèse", "Summary"),
        "summary.caption" => ("Scores par grille", "Scores per grid"),
        "chart.title" => ("Profil RESET : score par grille", "RESET profile: score per grid"),
        "chart.desc" => (
            "Diagramme radar et barres des scores (0 à 100) de chaque grille ; les mêmes valeurs figurent dans le tableau ci-dessous.",
            "Radar chart and bars of each grid's score (0 to 100); the table below gives the same values.",
        ),
        "subject.reasons" => ("Phrases qui ont décidé", "Sentences that decided it"),
        "subject.none" => ("aucun", "none"),
        "criteria.caption" => ("Critères de la grille", "Criteria of the grid"),
        "clause.add" => ("Clause type à ajouter", "Model clause to add"),
        "clauses.missing" => ("Clauses à ajouter", "Clauses to add"),
        "references" => ("Références", "References"),
        "section" => ("Section", "Section"),
        "method" => ("Méthode", "Method"),
        "glossary" => ("Glossaire des niveaux", "Glossary of levels"),
        "level.tender" => ("Cahier des charges", "Tender text"),
        "level.product" => ("Auto-évaluation de produit", "Product self-assessment"),
        "level.0.tender" => ("absent, nié ou hors périmètre", "absent, negated or out of scope"),
        "level.1.tender" => (
            "mentionné seulement : un souhait, « si possible », du contexte",
            "mentioned only: a wish, \"should\", \"if possible\", context",
        ),
        "level.2.tender" => ("exigé : formulation contraignante (« doit », « exigé »)", "required: binding wording (\"shall\", \"must\")"),
        "level.3.tender" => (
            "exigé et vérifiable : un seuil, une norme et son niveau, un livrable, un audit, une pénalité",
            "required and verifiable: a threshold, a named standard and level, a deliverable, an audit, a penalty",
        ),
        "level.0.product" => ("non atteint, ou non déclaré", "not met, or not declared"),
        "level.1.product" => ("atteint en partie", "partly met"),
        "level.2.product" => ("atteint (déclaré)", "met (declared)"),
        "level.3.product" => (
            "atteint et prouvé (audit, certification, mesure, lien public)",
            "met and proven (audit, certification, measured value, public link)",
        ),
        "sarif.message" => ("est au niveau", "is at level"),
        "sarif.below" => (
            "le niveau 2 (exigé) est attendu ; ajouter la clause type",
            "level 2 (required) is expected; add the model clause",
        ),
        "sarif.below.product" => (
            "le niveau 2 (atteint) est attendu",
            "level 2 (met) is expected",
        ),
        "error.document" => ("Document illisible", "Document could not be read"),
        "generated" => ("Produit par", "Generated by"),
        "toc" => ("Sommaire", "Contents"),
        "waived" => ("Dérogation", "Waived"),
        "waived.until" => ("jusqu'au", "until"),
        "waived.note" => (
            "mis de côté par une dérogation de la configuration : compté dans le score, ignoré par --fail-on",
            "set aside by a waiver of the configuration: counted in the score, ignored by --fail-on",
        ),
        "clause.product" => ("Ce que les acheteurs exigeront", "What buyers will require"),
        "firmness.word" => ("formulation", "wording"),
        _ => (key, key),
    };
    lang.pick(fr, en)
}

/// The name of a level for a kind of document: tenders *require*, products *meet*.
pub fn status_label(
    kind: reset_criteria::report::DocumentKind,
    status: reset_criteria::report::Status,
    lang: Lang,
) -> &'static str {
    if kind == reset_criteria::report::DocumentKind::Product {
        crate::r#match::product_status_label(status, lang)
    } else {
        status.label(lang)
    }
}

/// The readable place of an evidence entry, as the engine wrote it (`12:5`,
/// `§ 42`, `p. 3, l. 7`), prefixed with the file inside a dossier.
pub fn place(e: &reset_criteria::report::Evidence) -> String {
    crate::r#match::place(e)
}

/// The words for a waived criterion: `Dérogation : reason (jusqu'au date)`.
pub fn waiver_text(w: &reset_criteria::report::Waiver, lang: Lang) -> String {
    let sep = lang.pick(" : ", ": ");
    match &w.expires {
        Some(d) => format!(
            "{}{sep}{} ({} {d})",
            t(lang, "waived"),
            w.reason,
            t(lang, "waived.until")
        ),
        None => format!("{}{sep}{}", t(lang, "waived"), w.reason),
    }
}

/// The heading of the model clause of a criterion below level 2: a clause to
/// add to a tender, or what buyers will require of a product.
pub fn clause_heading(kind: reset_criteria::report::DocumentKind, lang: Lang) -> &'static str {
    if kind == reset_criteria::report::DocumentKind::Product {
        t(lang, "clause.product")
    } else {
        t(lang, "clause.add")
    }
}
