//! How the tender engine detects what a contract buys (`criteria/subjects.toml`):
//! a subject named in two paragraphs, or once where the object of the
//! contract is stated (the title, the object sentence, a scope heading).

use reset_criteria::engine::{assess_text, SpecOptions};
use reset_criteria::Catalog;

/// The subjects detected in `text`, sorted.
fn detected(text: &str) -> Vec<String> {
    let r = assess_text(Catalog::builtin(), "t.md", text, &SpecOptions::default());
    let mut ids: Vec<String> = r.subjects.iter().map(|s| s.id.clone()).collect();
    ids.sort();
    ids
}

/// Filler paragraphs that name no subject, so that the title is not the
/// paragraph that names one.
const FILLER: &str = "# Marché de services\n\nLa collectivité compte 40 000 habitants.\n\n";

#[test]
fn one_mention_in_the_object_sentence_is_enough() {
    let fr = format!(
        "{FILLER}Le marché porte sur la refonte du site internet et son hébergement.\n\n\
         Le titulaire devra respecter le RGAA 4.1.\n"
    );
    assert_eq!(detected(&fr), ["hosting", "web"]);
    let en = "# Services\n\nThe city has 40,000 inhabitants.\n\n\
              The contract covers the redesign of the website and its hosting.\n\n\
              The contractor shall meet WCAG 2.2 level AA.\n";
    assert_eq!(detected(en), ["hosting", "web"]);
}

#[test]
fn one_mention_elsewhere_is_not_enough() {
    // Hosting named once outside an object sentence; the website twice.
    let fr = format!(
        "{FILLER}Le titulaire présentera son hébergement dans son offre.\n\n\
         Le titulaire devra respecter le RGAA 4.1 sur le site internet.\n\n\
         Le site internet affichera une déclaration d'accessibilité.\n"
    );
    assert_eq!(detected(&fr), ["web"]);
    let en = "# Services\n\nThe city has 40,000 inhabitants.\n\n\
              Tenderers shall describe their hosting.\n\n\
              The contractor shall meet WCAG 2.2 level AA on the website.\n\n\
              The website shall show an accessibility statement.\n";
    assert_eq!(detected(en), ["web"]);
}

#[test]
fn a_paragraph_under_a_scope_heading_states_the_object() {
    // "Objet" is read in headings only ("faire l'objet de" is everywhere).
    let fr = format!(
        "{FILLER}## Article 2 – Objet\n\n\
         Fourniture et hébergement d'un portail citoyen.\n\n\
         ## Article 3 – Exigences\n\n\
         Chaque démarche fera l'objet d'un hébergement séparé.\n"
    );
    assert_eq!(detected(&fr), ["hosting", "web"]);
    let en = "# Services\n\nThe city has 40,000 inhabitants.\n\n## 2. Purpose\n\n\
              Supply and hosting of a citizen portal.\n";
    assert_eq!(detected(en), ["hosting", "web"]);
}

#[test]
fn numbered_top_level_sections_are_not_the_title() {
    // Every section a `#` heading, as many tenders are written: only the
    // first heading is the title; "# 2. Objet" is a scope heading.
    let fr = "# Marché de services\n\n# 1. Contexte\n\nLa ville compte 40 000 habitants.\n\n\
              # 2. Objet\n\nFourniture et hébergement d'un portail citoyen.\n";
    assert_eq!(detected(fr), ["hosting", "web"]);
    // A title that names the object holds the whole document: one mention
    // right under it is not enough.
    let fr = "# Objet : portail citoyen\n\nLe candidat décrira son hébergement.\n\n\
              # 1. Exigences\n\nLe portail devra respecter le RGAA 4.1.\n";
    assert_eq!(detected(fr), ["web"]);
}

#[test]
fn what_is_out_of_scope_is_not_bought() {
    let fr = format!(
        "{FILLER}Le marché porte sur le site internet ; l'hébergement est hors périmètre.\n\n\
         Le site internet devra respecter le RGAA 4.1.\n"
    );
    assert_eq!(detected(&fr), ["web"]);
    let en = "# Services\n\nThe city has 40,000 inhabitants.\n\n## Scope exclusions\n\n\
              Hosting of the portal.\n\n## Requirements\n\nThe website shall meet WCAG 2.2.\n\n\
              The website shall load in 2 seconds.\n";
    assert_eq!(detected(en), ["web"]);
}
