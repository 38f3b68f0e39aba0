//! Shared cue lists: the wording that makes a sentence binding, weak, negated
//! or verifiable, and the section titles that change what a hit means.
//!
//! They live in `criteria/language.toml`, in French and English, so that a new
//! phrasing never needs a recompile.

use crate::lang::LangList;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The shared cue lists of a catalog (`criteria/language.toml`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageCues {
    /// Version of the cue lists.
    pub version: String,
    /// Modal wording of sentences.
    pub modality: Modality,
    /// Verification cues that lift a binding requirement to level 3.
    pub verification: Verification,
    /// Section titles that change what a hit means.
    pub sections: Sections,
    /// Text segmentation hints.
    pub segmentation: Segmentation,
    /// Phrases in which no criterion cue is read (`a l'attention de`).
    #[serde(default)]
    pub exclude: LangList,
}

/// Wording that sets the firmness of a sentence.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Modality {
    /// Obligation in a tender (`doit`, `shall`, `exige`, `contractor + will`).
    pub binding: LangList,
    /// A wish or an option (`si possible`, `should`, `pourra`).
    pub weak: LangList,
    /// Negation of the clause (`ne ... pas` is written `pas`, `aucun*`, `not`).
    pub negation: LangList,
    /// Prohibition wording (`interdit*`, `proscrit*`, `prohibited`, `sans`):
    /// around an `avoid` cue it makes a requirement.
    pub prohibition: LangList,
    /// Commitment in a vendor's offer (`nous nous engageons`, `we will`).
    pub commitment: LangList,
    /// Word endings of the French future tense that prescribe in tenders
    /// (`fournira`, `seront`): a word ending so, with a stem of at least
    /// `future_min_stem` letters and not in `future_exceptions`, is binding.
    #[serde(default)]
    pub future_suffixes: LangList,
    /// Minimum stem length before a future ending.
    #[serde(default = "default_min_stem")]
    pub future_min_stem: usize,
    /// Words that end like the future tense but are not verbs (`camera`, `extra`).
    #[serde(default)]
    pub future_exceptions: LangList,
    /// Hedges (`si possible`, `where possible`): anywhere in a sentence they
    /// make a binding sentence a wish.
    #[serde(default)]
    pub hedges: LangList,
    /// French auxiliaries of the passive present (`est`, `sont`): followed by
    /// a past participle they prescribe ("les donnees sont chiffrees").
    #[serde(default)]
    pub present_auxiliaries: LangList,
    /// Endings of past participles, after accent folding (`e`, `ee`, `is`).
    #[serde(default)]
    pub participle_endings: LangList,
    /// Words that end like a participle but are not one after `est` (`une`, `possible`).
    #[serde(default)]
    pub participle_exceptions: LangList,
    /// Function words per language: a sentence with more French than English
    /// ones is read as French (for the future and passive rules).
    #[serde(default)]
    pub function_words: LangList,
    /// Relative pronouns: a negation inside a relative clause does not reach
    /// a hit governed by a later modal ("who cannot go online must be able to").
    #[serde(default)]
    pub relatives: LangList,
    /// Quantity limits that are not negations (`no more than`, `ne pas depasser`):
    /// a negation cue inside one is ignored.
    #[serde(default)]
    pub limits: LangList,
    /// Words that end a clause: a negation does not reach beyond them (`mais`, `but`).
    #[serde(default)]
    pub clause_breaks: LangList,
    /// Contrasts (`et non`, `plutot que`, `rather than`): they end a clause
    /// too, and what follows one in its clause is what the text rejects
    /// ("verifie par un agent et non par un traitement automatise"): a cue
    /// there is negated, a forbidden practice there is prohibited.
    #[serde(default)]
    pub contrasts: LangList,
    /// Negations that reach only the words after them, a determiner or a
    /// preposition (`aucun`, `no`, `without`): "the DPIA, with no extra fee"
    /// does not negate the DPIA.
    #[serde(default)]
    pub forward_negations: LangList,
    /// Exceptions (`sans`, `sauf`, `without`, `except`): after a negation
    /// in its clause, one makes the sentence a condition ("no tracker shall
    /// be loaded without consent"), which binds, not a negation.
    #[serde(default)]
    pub exceptions: LangList,
    /// Subordinators of a condition or a time limit (`tant que`, `sauf si`,
    /// `until`, `unless`): they open a clause whose negations negate nothing
    /// outside it nor in it (a condition states no fact), and after a
    /// negation they make a condition as exceptions do.
    #[serde(default)]
    pub conditions: LangList,
    /// Those a tender grants rights to (`l'acheteur`, `les usagers`,
    /// `users`): as the subject of a permission, they bind the contractor.
    #[serde(default)]
    pub beneficiaries: LangList,
    /// Permissions (`pourra`, `peut`, `may`, `can`, `is entitled to`): weak
    /// for the contractor, binding when a beneficiary is their subject
    /// ("l'acheteur pourra demander un audit").
    #[serde(default)]
    pub permissions: LangList,
}

fn default_min_stem() -> usize {
    3
}

/// Cues that make a requirement verifiable.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// Units that follow a number (`ko`, `%`, `ans`, `ms`): a number with one is a threshold.
    pub units: LangList,
    /// Named standards with their version or level (`rgaa 4.1`, `niveau aa`, `iso 27001`).
    pub standards: LangList,
    /// Deliverables (`livrable*`, `rapport`, `deliverable*`).
    pub deliverables: LangList,
    /// Audits and checks (`audit*`, `recette`, `third-party audit`).
    pub audits: LangList,
    /// Penalties (`penalit*`, `penalty`).
    pub penalties: LangList,
    /// Numbers written in words (`huit`, `five`): followed by a unit, a
    /// threshold as digits are.
    #[serde(default)]
    pub number_words: LangList,
}

/// Section titles that change what the hits under them mean.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sections {
    /// Out of scope: hits below count 0 (`hors perimetre`, `out of scope`).
    pub out_of_scope: LangList,
    /// Context: hits below count at most 1 (`contexte`, `existant`, `background`).
    pub context: LangList,
    /// Award criteria: hits below are evaluated, hence binding (`criteres d'attribution`).
    pub award: LangList,
    /// Table of contents: ignored (`sommaire`, `table des matieres`, `contents`).
    pub contents: LangList,
    /// Requirement sections (`exigences`, `requirements`): list items and
    /// table cells below them are requirements even without modal wording.
    #[serde(default)]
    pub requirements: LangList,
}

/// Hints for cutting text into sentences.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Segmentation {
    /// Abbreviations whose final dot does not end a sentence (`art`, `cf`, `e.g`).
    pub abbreviations: LangList,
}
