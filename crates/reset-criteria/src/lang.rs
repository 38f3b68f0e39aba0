//! Languages and bilingual text: every word a user reads exists in French and English.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language the grids, cues and reports speak.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the first language of our users.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The two-letter code (`fr`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses `fr`, `en`, and locale strings such as `fr_FR.UTF-8`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("fr") {
            Some(Lang::Fr)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the French or English variant of a literal.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A text given in French and in English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text from its two languages.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, other) = match lang {
            Lang::Fr => (&self.fr, &self.en),
            Lang::En => (&self.en, &self.fr),
        };
        if first.trim().is_empty() {
            other
        } else {
            first
        }
    }
}

/// A list of strings per language (cue lists, verification cues...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LangList {
    /// French entries.
    #[serde(default)]
    pub fr: Vec<String>,
    /// English entries.
    #[serde(default)]
    pub en: Vec<String>,
}

impl LangList {
    /// The entries of one language.
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Every entry, French first, with its language.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.fr
            .iter()
            .map(|s| (Lang::Fr, s.as_str()))
            .chain(self.en.iter().map(|s| (Lang::En, s.as_str())))
    }

    /// True when neither language has an entry.
    pub fn is_empty(&self) -> bool {
        self.fr.is_empty() && self.en.is_empty()
    }
}
