//! Procurement subjects: what is being bought (web, mobile, software, hosting,
//! hardware, ai). A criterion applies to some subjects only; a text's subjects
//! are detected from cues in `criteria/subjects.toml`.

use crate::lang::{LangList, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The subjects file (`criteria/subjects.toml`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectsFile {
    /// Version of the subject cues.
    pub version: String,
    /// The subjects.
    #[serde(rename = "subject")]
    pub subjects: Vec<Subject>,
    /// Wording that states what the contract buys: the object sentence
    /// ("le marché porte sur", "the contract covers") or a scope heading
    /// ("objet du marché", "scope"). A subject named there is detected
    /// from that one mention.
    #[serde(default)]
    pub scope: LangList,
    /// Like `scope`, but read in headings only: words too common in
    /// sentences ("objet", as in "faire l'objet de") that, as a heading
    /// ("Article 2 – Objet", "Purpose"), introduce what is bought.
    #[serde(default)]
    pub scope_headings: LangList,
}

/// One procurement subject and the wording that reveals it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// Stable identifier (`web`, `mobile`, `software`, `hosting`, `hardware`, `ai`).
    #[schemars(regex(pattern = r"^[a-z][a-z0-9-]*$"))]
    pub id: String,
    /// Name of the subject.
    pub title: Text,
    /// Cues in a tender that show this subject is bought (same syntax as criterion cues).
    pub cues: LangList,
}
