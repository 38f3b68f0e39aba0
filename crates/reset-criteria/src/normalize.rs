//! Text normalisation, done once per document: compatibility decomposition,
//! accents dropped, lower case, typographic apostrophes, quotes, hyphens and
//! spaces unified, whitespace runs collapsed, and French elisions split
//! (`l'accessibilité` becomes `l' accessibilite`). Cues go through the same
//! function, so that `L’ACCESSIBILITÉ` and `l'accessibilite` match.
//!
//! The normalised text keeps a compact map back to the original, so that
//! evidence quotes the source exactly.

use std::ops::Range;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A normalised text with its map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Points where the offset between original and normalised text changes:
    /// (normalised byte, original byte minus normalised byte).
    checkpoints: Vec<(u32, i64)>,
    /// Length of the original text in bytes.
    original_len: usize,
}

impl Normalized {
    /// Byte offset in the original text of a byte offset in the normalised one.
    pub fn original_offset(&self, pos: usize) -> usize {
        original_offset(&self.checkpoints, self.original_len, pos)
    }

    /// The original byte range of a normalised range, snapped to char boundaries of `original`.
    pub fn original_range(&self, original: &str, range: Range<usize>) -> Range<usize> {
        snap(
            original,
            self.original_offset(range.start),
            self.original_offset(range.end),
        )
    }
}

/// The map of a [`Normalized`] text without the text: what a caller keeps
/// per block of a large document (two words when the block needs no
/// correction, as most do not).
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// As in [`Normalized`], with the offset difference as `i32` (blocks are
    /// far below 2 GB).
    checkpoints: Box<[(u32, i32)]>,
    original_len: u32,
}

impl OffsetMap {
    /// Byte offset in the original text of a byte offset in the normalised one.
    pub fn original_offset(&self, pos: usize) -> usize {
        original_offset(&self.checkpoints, self.original_len as usize, pos)
    }

    /// The original byte range of a normalised range, snapped to char boundaries of `original`.
    pub fn original_range(&self, original: &str, range: Range<usize>) -> Range<usize> {
        snap(
            original,
            self.original_offset(range.start),
            self.original_offset(range.end),
        )
    }
}

impl Normalized {
    /// The map back to the original, without the text; `None` if the
    /// original is 4 GB or more, or an offset does not fit the compact form.
    pub fn into_map(self) -> Option<OffsetMap> {
        let original_len = u32::try_from(self.original_len).ok()?;
        let checkpoints = self
            .checkpoints
            .into_iter()
            .map(|(n, d)| i32::try_from(d).ok().map(|d| (n, d)))
            .collect::<Option<Box<[_]>>>()?;
        Some(OffsetMap {
            checkpoints,
            original_len,
        })
    }
}

/// The original offset of normalised offset `pos`, from the checkpoints of
/// a [`Normalized`] text or an [`OffsetMap`].
fn original_offset<D: Copy + Into<i64>>(
    checkpoints: &[(u32, D)],
    original_len: usize,
    pos: usize,
) -> usize {
    let idx = checkpoints.partition_point(|(n, _)| (*n as usize) <= pos);
    let delta = if idx == 0 {
        0
    } else {
        checkpoints[idx - 1].1.into()
    };
    ((pos as i64 + delta).max(0) as usize).min(original_len)
}

/// `start..end` widened to char boundaries of `original`.
fn snap(original: &str, start: usize, end: usize) -> Range<usize> {
    let mut start = start.min(original.len());
    let mut end = end.max(start);
    while start > 0 && !original.is_char_boundary(start) {
        start -= 1;
    }
    while end < original.len() && !original.is_char_boundary(end) {
        end += 1;
    }
    start..end.min(original.len())
}

/// Is `b` part of a word in normalised text? Non-ASCII bytes count as letters.
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Normalises a short string (a cue, a title) without keeping the map.
pub fn normalize_str(s: &str) -> String {
    // Most English cues are already normal: lower-case ASCII letters,
    // digits, single spaces and plain punctuation, no apostrophe (which may
    // need a space after it) and no space at either end.
    let b = s.as_bytes();
    let plain = b.iter().all(|c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || b" ,.;:!?/%()+-&=<>@#_\"".contains(c)
    }) && !s.contains("  ")
        && !s.starts_with(' ')
        && !s.ends_with(' ');
    if plain {
        return s.to_string();
    }
    let mut n = normalize(s).text;
    let trimmed = n.trim();
    if trimmed.len() != n.len() {
        n = trimmed.to_string();
    }
    n
}

/// Normalises a text and keeps the map back to it.
pub fn normalize(input: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(input.len()),
        checkpoints: Vec::new(),
        original_len: input.len(),
    };
    let bytes = input.as_bytes();
    let mut delta: i64 = 0;
    let mut i = 0;
    // `pending_space` records an apostrophe just written: a letter after it gets a space.
    let mut after_apostrophe = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let c = b as char;
            push_char(&mut out, &mut delta, i, 1, c, &mut after_apostrophe);
            i += 1;
            continue;
        }
        let c = input[i..].chars().next().unwrap_or('\u{FFFD}');
        let len = c.len_utf8();
        let mut buf = ['\0'; 16];
        let mut n = 0;
        let mut put = |ch: char| {
            if n < buf.len() {
                buf[n] = ch;
                n += 1;
            }
        };
        if let Some(r) = special(c) {
            r.chars().for_each(&mut put);
        } else if c.is_whitespace() {
            put(' ');
        } else {
            // Compatibility decomposition, marks dropped, lower case; the
            // lower case of a letter may decompose again ('İ'), hence twice.
            decompose_compatible(c, |d| {
                if is_combining_mark(d) {
                    return;
                }
                for l in d.to_lowercase() {
                    decompose_compatible(l, |e| {
                        if is_combining_mark(e) {
                            return;
                        }
                        match special(e) {
                            Some(r) => r.chars().for_each(&mut put),
                            None if e.is_whitespace() => put(' '),
                            None => put(e),
                        }
                    });
                }
            });
        }
        // The first produced char carries the original offset; the rest follow it.
        for (k, ch) in buf[..n].iter().enumerate() {
            let ch = if ch.is_whitespace() { ' ' } else { *ch };
            push_char(
                &mut out,
                &mut delta,
                i,
                if k == 0 { len } else { 0 },
                ch,
                &mut after_apostrophe,
            );
        }
        // After the char, the next original char starts at `i + len`.
        let next = (i + len) as i64 - out.text.len() as i64;
        set_delta(&mut out, &mut delta, next);
        i += len;
    }
    out
}

/// Characters normalised by hand: typographic apostrophes, quotes and
/// dashes, and ligatures that Unicode does not decompose.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' | 'ẞ' => "ss",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        _ => return None,
    })
}

#[inline]
fn set_delta(out: &mut Normalized, delta: &mut i64, new_delta: i64) {
    if new_delta != *delta {
        *delta = new_delta;
        let pos = out.text.len() as u32;
        if let Some(last) = out.checkpoints.last_mut() {
            if last.0 == pos {
                last.1 = new_delta;
                return;
            }
        }
        out.checkpoints.push((pos, new_delta));
    }
}

/// Writes one normalised char that comes from the original char at `orig`
/// (`orig_len` bytes long; 0 for the second char of an expansion).
#[inline]
fn push_char(
    out: &mut Normalized,
    delta: &mut i64,
    orig: usize,
    orig_len: usize,
    c: char,
    after_apostrophe: &mut bool,
) {
    let c = match c {
        '\t' | '\n' | '\r' | '\x0B' | '\x0C' => ' ',
        '`' => '\'',
        c => c.to_ascii_lowercase(),
    };
    if c == ' ' {
        *after_apostrophe = false;
        if out.text.ends_with(' ') || out.text.is_empty() {
            // Collapsed: the next written char maps further on.
            if orig_len > 0 {
                set_delta(out, delta, (orig + orig_len) as i64 - out.text.len() as i64);
            }
            return;
        }
    }
    if *after_apostrophe && c.is_alphanumeric() {
        // Elision split: `l'offre` -> `l' offre`. The space maps to the letter.
        if orig_len > 0 {
            set_delta(out, delta, orig as i64 - out.text.len() as i64);
        }
        out.text.push(' ');
    }
    *after_apostrophe = c == '\'';
    if orig_len > 0 {
        set_delta(out, delta, orig as i64 - out.text.len() as i64);
    }
    out.text.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(
            normalize_str("L’ACCESSIBILITÉ numérique"),
            "l' accessibilite numerique"
        );
        assert_eq!(normalize_str("l'accessibilite"), "l' accessibilite");
        assert_eq!(normalize_str("Cœur  œuvre\u{a0}—\tÇa"), "coeur oeuvre - ca");
        assert_eq!(normalize_str("eﬃcacité"), "efficacite");
    }

    #[test]
    fn maps_back_to_the_original() {
        let src = "Le  Titulaire doit réaliser l’AIPD. Élève œuvre.";
        let n = normalize(src);
        for needle in ["aipd", "titulaire doit", "eleve", "oeuvre", "realiser"] {
            let at = n.text.find(needle).unwrap();
            let r = n.original_range(src, at..at + needle.len());
            let quoted = &src[r];
            assert_eq!(normalize_str(quoted), needle, "quoted {quoted:?}");
        }
        let at = n.text.find("aipd").unwrap();
        assert_eq!(&src[n.original_range(src, at..at + 4)], "AIPD");
    }

    #[test]
    fn the_plain_ascii_shortcut_gives_what_normalize_gives() {
        for s in [
            "data protection impact",
            "wcag 2.2 aa",
            "rgaa 4.1, 100 %",
            "a+b (x)",
            "x-y/z",
        ] {
            assert_eq!(normalize_str(s), normalize(s).text.trim(), "{s}");
        }
    }

    #[test]
    fn idempotent_on_samples() {
        for s in ["L’Éditeur s’engage à …", "Ǆ ½ ﬁ « citation »", "  a\n\nb  "] {
            let once = normalize_str(s);
            assert_eq!(normalize_str(&once), once);
        }
    }
}
