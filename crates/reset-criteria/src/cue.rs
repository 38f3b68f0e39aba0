//! Cue syntax: phrases, prefixes (`accessib*`) and same-sentence conjunctions
//! (`donnees + minimis*`).

use crate::normalize::normalize_str;

/// One term of a cue: a normalised phrase, whole word or prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// The normalised phrase.
    pub text: String,
    /// True when the phrase is a prefix (written with a final `*`).
    pub prefix: bool,
}

/// A parsed cue: one term, or several that must share a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The cue as written in the grid.
    pub source: String,
    /// Its terms; all must occur in one sentence.
    pub terms: Vec<Term>,
}

/// Shortest prefix cue accepted: shorter ones match far too much.
pub const MIN_PREFIX_LEN: usize = 3;

/// Parses a cue, or says what is wrong with it.
pub fn parse_cue(source: &str) -> Result<Cue, String> {
    if source.trim().is_empty() {
        return Err("empty cue".into());
    }
    let mut terms = Vec::new();
    for raw in source.split(" + ") {
        let raw = raw.trim();
        if raw.is_empty() || raw == "+" {
            return Err(format!(
                "cue `{source}` has an empty term around ` + `; write `a + b`"
            ));
        }
        if raw.contains('+') && !raw.chars().any(|c| c.is_alphanumeric() && c != '+') {
            return Err(format!(
                "cue `{source}`: `+` must have a space on each side"
            ));
        }
        let (body, prefix) = match raw.strip_suffix('*') {
            Some(b) => (b, true),
            None => (raw, false),
        };
        if body.contains('*') {
            return Err(format!(
                "cue `{source}`: `*` is only allowed at the end of a term (a prefix)"
            ));
        }
        let text = normalize_str(body);
        if text.is_empty() || !text.bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80) {
            return Err(format!("cue `{source}` has a term with no letter or digit"));
        }
        if prefix && text.chars().count() < MIN_PREFIX_LEN {
            return Err(format!(
                "cue `{source}`: the prefix `{text}*` is shorter than {MIN_PREFIX_LEN} letters and would match too much"
            ));
        }
        terms.push(Term { text, prefix });
    }
    Ok(Cue {
        source: source.to_string(),
        terms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms() {
        let c = parse_cue("Analyse d’impact").unwrap();
        assert_eq!(
            c.terms,
            vec![Term {
                text: "analyse d' impact".into(),
                prefix: false
            }]
        );
        let c = parse_cue("accessib*").unwrap();
        assert!(c.terms[0].prefix);
        let c = parse_cue("données + minimis*").unwrap();
        assert_eq!(c.terms.len(), 2);
        assert_eq!(c.terms[0].text, "donnees");
    }

    #[test]
    fn rejects_bad_cues() {
        assert!(parse_cue("").is_err());
        assert!(parse_cue("ac*").is_err());
        assert!(parse_cue("a*b").is_err());
        assert!(parse_cue("foo + ").is_err());
        assert!(parse_cue("***").is_err());
    }
}
