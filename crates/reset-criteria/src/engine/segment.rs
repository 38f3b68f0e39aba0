//! Sentence and clause segmentation of normalised text. Survives "art.",
//! "cf.", "n°", "e.g.", decimal numbers ("RGAA 4.1") and numbered items
//! ("1. Objet").

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::ops::Range;

/// Splits normalised text into sentence ranges (byte offsets), trimmed.
/// `abbreviations` are normalised words whose final dot does not end a sentence.
pub fn split_sentences<S: BuildHasher>(
    text: &str,
    abbreviations: &HashSet<String, S>,
) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let is_end = match c {
            b'!' | b'?' => true,
            b'.' => {
                let next_is_space = i + 1 >= b.len() || b[i + 1] == b' ';
                next_is_space && !dot_is_abbreviation(text, start, i, abbreviations)
            }
            _ => false,
        };
        if is_end {
            // Swallow closing quotes and brackets, and repeated marks.
            let mut end = i + 1;
            while end < b.len() && matches!(b[end], b'.' | b'!' | b'?' | b'"' | b')' | b']') {
                end += 1;
            }
            push_trimmed(&mut out, text, start..end);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, text, start..b.len());
    out
}

/// Longest sentence read as one, in bytes. Real sentences stay far below
/// (the longest legal ones reach about 1,500); a run-on text without full
/// stops (a PDF extracted badly, or a hostile file) is cut into pieces of
/// this size at a semicolon, else a comma, else a space, because reading a
/// sentence costs time in proportion to its hits times its length.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, r: Range<usize>) {
    let Some(mut r) = trimmed(text, r) else {
        return; // only spaces
    };
    while r.len() > MAX_SENTENCE_BYTES {
        let cut = cut_point(text, r.start, r.start + MAX_SENTENCE_BYTES);
        out.extend(trimmed(text, r.start..cut));
        match trimmed(text, cut..r.end) {
            Some(rest) => r = rest,
            None => return,
        }
    }
    out.push(r);
}

/// `r` without its leading and trailing spaces; `None` if nothing is left.
fn trimmed(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (r.start + lead < r.end - trail).then(|| r.start + lead..r.end - trail)
}

/// Where to end a piece of an over-long sentence that starts at `start`:
/// just after the last semicolon, else comma, else space before `limit`
/// (in the second half of the piece, so that pieces stay long), else at
/// `limit` itself, moved back to a char boundary.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let b = &text.as_bytes()[start..limit];
    let half = b.len() / 2;
    for mark in [b';', b',', b' '] {
        if let Some(i) = b[half..].iter().rposition(|c| *c == mark) {
            return start + half + i + 1;
        }
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

/// True when the dot at `dot` closes an abbreviation, an initial, or a list number.
fn dot_is_abbreviation<S: BuildHasher>(
    text: &str,
    sentence_start: usize,
    dot: usize,
    abbr: &HashSet<String, S>,
) -> bool {
    let before = &text[sentence_start..dot];
    // The word before the dot (letters, digits, inner dots and dashes).
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '-' || *c == '\'' || *c == '°'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = before[word_start..].trim_start_matches('\'');
    if word.is_empty() {
        return false;
    }
    if abbr.contains(word) {
        return true;
    }
    // A single letter: an initial ("J. Dupont").
    if word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic() {
        return true;
    }
    // A number at the start of a sentence: a list number ("1. Objet", "3.2. Accessibilite").
    if before[..word_start].trim().is_empty()
        && word.bytes().all(|c| c.is_ascii_digit() || c == b'.')
    {
        return true;
    }
    // A roman numeral or letter item at the start ("iv. Contexte", "a. Objet").
    if before[..word_start].trim().is_empty()
        && word.len() <= 4
        && word.bytes().all(|c| b"ivxlc".contains(&c))
    {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_run_on_text_is_cut_into_bounded_pieces() {
        let abbr: HashSet<String> = HashSet::new();
        let text =
            "le titulaire devra garantir l' accessibilite, ".repeat(2_000) + &"é".repeat(5_000);
        let sents = split_sentences(&text, &abbr);
        assert!(sents.len() > 10, "cut into pieces: {}", sents.len());
        for r in &sents {
            assert!(r.len() <= MAX_SENTENCE_BYTES, "piece of {} bytes", r.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        // Cut after a comma when there is one, so clauses stay whole.
        assert!(text[sents[0].clone()].ends_with(','));
        // Nothing but spaces is lost between pieces.
        for w in sents.windows(2) {
            assert!(text[w[0].end..w[1].start].trim().is_empty());
        }
        assert!(text[sents.last().unwrap().end..].trim().is_empty());
    }
    use super::*;

    fn abbr() -> HashSet<String> {
        ["art", "cf", "e.g", "i.e", "n", "no"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t, &abbr())
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    #[test]
    fn multibyte_chars_before_a_dot_do_not_panic() {
        // Found by proptest: a non-ASCII char right before the word of a dot.
        assert_eq!(split("日本語. suite"), vec!["日本語.", "suite"]);
        assert_eq!(split("a🙂bc. c"), vec!["a🙂bc.", "c"]);
    }

    #[test]
    fn survives_abbreviations_and_numbers() {
        assert_eq!(
            split("conformement a l' art. 35 du rgpd, une aipd est due. le site respecte le rgaa 4.1. fin"),
            vec![
                "conformement a l' art. 35 du rgpd, une aipd est due.",
                "le site respecte le rgaa 4.1.",
                "fin"
            ]
        );
        assert_eq!(
            split("1. objet du marche. suite"),
            vec!["1. objet du marche.", "suite"]
        );
        assert_eq!(
            split("voir cf. annexe; puis e.g. ceci"),
            vec!["voir cf. annexe; puis e.g. ceci"]
        );
    }
}
