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
        _ => (key, key),
    };
    lang.pick(fr, en)
}
