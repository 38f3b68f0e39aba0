//! Plain text: encoding detection, and structure recovered from layout
//! (numbered titles, `ARTICLE 4 –`, all-caps lines, `#` lines, list markers,
//! pipe or tab tables, paragraphs as runs of non-empty lines).

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use reset_criteria::document::{Block, BlockKind, Position};

use crate::error::ExtractError;
use crate::limits::{LimitKind, Limits};

/// Decodes text bytes: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM,
/// else Windows-1252. Line ends become `\n`.
///
/// Owned UTF-8 bytes are decoded in place, without a copy (the BOM and the
/// `\r` are removed in the same buffer); other encodings are decoded into a
/// new string and the bytes are dropped at once. Either way, only one copy
/// of the text is alive when this returns.
pub(crate) fn decode_text(bytes: Cow<'_, [u8]>) -> String {
    let text: String = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        let mut v = bytes.into_owned();
        v.drain(..3);
        utf8_lossy(v)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        encoding_rs::UTF_16LE
            .decode_without_bom_handling(rest)
            .0
            .into_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        encoding_rs::UTF_16BE
            .decode_without_bom_handling(rest)
            .0
            .into_owned()
    } else if let Some(encoding) = utf16_without_bom(&bytes) {
        encoding.decode_without_bom_handling(&bytes).0.into_owned()
    } else {
        let windows_1252 = |b: &[u8]| {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(b)
                .0
                .into_owned()
        };
        match bytes {
            Cow::Owned(v) => match String::from_utf8(v) {
                Ok(s) => s,
                Err(e) => windows_1252(e.as_bytes()),
            },
            Cow::Borrowed(b) => match std::str::from_utf8(b) {
                Ok(s) => s.to_owned(),
                Err(_) => windows_1252(b),
            },
        }
    };
    unify_line_ends(text)
}

/// UTF-8 bytes as a string, in place when they are valid (else with
/// U+FFFD for each invalid sequence, in a new string).
fn utf8_lossy(v: Vec<u8>) -> String {
    match String::from_utf8(v) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// `\r\n` and lone `\r` become `\n`, in place (both are ASCII, so no
/// UTF-8 sequence is cut).
fn unify_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut v = text.into_bytes();
    let mut w = 0;
    let mut r = 0;
    while r < v.len() {
        let b = v[r];
        r += 1;
        if b == b'\r' {
            if v.get(r) == Some(&b'\n') {
                continue; // the \n that follows is kept
            }
            v[w] = b'\n';
        } else {
            v[w] = b;
        }
        w += 1;
    }
    v.truncate(w);
    // Still UTF-8: only ASCII bytes were removed or replaced.
    utf8_lossy(v)
}

/// UTF-16 without a byte-order mark, told by its zero bytes: in mostly
/// Latin text every other byte is zero (the high byte of each unit), at odd
/// offsets for little-endian, at even ones for big-endian, and the other
/// half has almost none. Looks at the first 64 kB.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(65536) & !1];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // At least 60% of the units are ASCII-range, and the low bytes are
    // nearly never zero (a real NUL is rare in text).
    let mostly = |z: usize| z * 10 >= units * 6;
    let hardly = |z: usize| z * 100 <= units;
    if mostly(odd) && hardly(even) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even) && hardly(odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Plain-text files from this size on are read line by line by
/// [`stream_file`]; smaller ones are read whole.
pub(crate) const STREAM_FROM: u64 = 1 << 20;

/// Extracts a plain-text file line by line, so that neither its bytes nor
/// its decoded text are ever held whole: memory is the blocks and one line.
/// Two passes: the first tells whether the whole file is UTF-8 (else it is
/// Windows-1252, as [`decode_text`] decides), the second decodes and parses
/// each line. The blocks are those `parse(&decode_text(bytes))` gives.
///
/// Returns `Ok(None)` when the file is not one this reads so (smaller than
/// [`STREAM_FROM`], over the input limit, another format, or UTF-16): the
/// caller then reads it whole.
pub(crate) fn stream_file(
    path: &Path,
    name: &str,
    limits: &Limits,
) -> Result<Option<Vec<Block>>, ExtractError> {
    let io = |e| ExtractError::io(name, e);
    let mut file = File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len < STREAM_FROM || len > limits.max_input_bytes {
        return Ok(None);
    }
    // The format from the first 64 kB, as `sniff` reads them.
    let mut head = Vec::with_capacity(1 << 16);
    (&mut file)
        .take(1 << 16)
        .read_to_end(&mut head)
        .map_err(io)?;
    let utf16 = head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || utf16_without_bom(&head).is_some();
    if head.starts_with(b"PK") || utf16 {
        return Ok(None);
    }
    if !matches!(
        crate::sniff::detect_with(name, &head, limits),
        Ok(crate::sniff::Format::Txt)
    ) {
        return Ok(None);
    }
    let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    let limit = limits.max_input_bytes.saturating_add(1);
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    let encoding = if bom {
        LineEncoding::Utf8Lossy
    } else if is_utf8((&mut file).take(limit)).map_err(io)? {
        LineEncoding::Utf8
    } else {
        LineEncoding::Windows1252
    };
    file.seek(SeekFrom::Start(if bom { 3 } else { 0 }))
        .map_err(io)?;
    let mut lines = FileLines {
        reader: BufReader::with_capacity(1 << 16, file.take(limit)),
        encoding,
        pending: VecDeque::new(),
        done: false,
        error: None,
        read: if bom { 3 } else { 0 },
    };
    let blocks = parse_lines(&mut lines);
    if let Some(e) = lines.error {
        return Err(io(e));
    }
    if lines.read > limits.max_input_bytes {
        // The file grew while it was read.
        return Err(ExtractError::limit(
            name,
            LimitKind::InputSize,
            limits.max_input_bytes,
        ));
    }
    Ok(Some(blocks))
}

/// True when everything `r` gives is UTF-8 (read in 64 kB pieces).
fn is_utf8(mut r: impl Read) -> std::io::Result<bool> {
    let mut buf = vec![0u8; 1 << 16];
    let mut carry = 0;
    loop {
        let n = r.read(&mut buf[carry..])?;
        if n == 0 {
            return Ok(carry == 0);
        }
        let filled = carry + n;
        match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => carry = 0,
            // A sequence cut by the end of the piece: kept for the next.
            Err(e) if e.error_len().is_none() => {
                let start = e.valid_up_to();
                buf.copy_within(start..filled, 0);
                carry = filled - start;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// How [`FileLines`] decodes a line.
#[derive(Clone, Copy)]
enum LineEncoding {
    /// The file is UTF-8.
    Utf8,
    /// The file had a UTF-8 byte-order mark: invalid sequences become U+FFFD.
    Utf8Lossy,
    /// The file is not UTF-8.
    Windows1252,
}

/// The lines of a file, decoded, with `\r\n` and lone `\r` as line ends,
/// exactly as `decode_text(bytes).split('\n')` gives them.
struct FileLines<R> {
    reader: R,
    encoding: LineEncoding,
    pending: VecDeque<String>,
    done: bool,
    error: Option<std::io::Error>,
    read: u64,
}

impl<R: BufRead> FileLines<R> {
    fn decode(&self, bytes: Vec<u8>) -> String {
        match self.encoding {
            LineEncoding::Utf8 | LineEncoding::Utf8Lossy => utf8_lossy(bytes),
            LineEncoding::Windows1252 => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&bytes)
                .0
                .into_owned(),
        }
    }

    /// One piece between `\n`s: a `\r` just before the `\n` goes with it,
    /// and every other `\r` ends a line.
    fn push(&mut self, mut piece: Vec<u8>, before_newline: bool) {
        if before_newline && piece.last() == Some(&b'\r') {
            piece.pop();
        }
        if !piece.contains(&b'\r') {
            let line = self.decode(piece);
            self.pending.push_back(line);
            return;
        }
        for part in piece.split(|&b| b == b'\r') {
            let line = self.decode(part.to_vec());
            self.pending.push_back(line);
        }
    }
}

impl<R: BufRead> Iterator for FileLines<R> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        loop {
            if let Some(line) = self.pending.pop_front() {
                return Some(line);
            }
            if self.done {
                return None;
            }
            let mut piece = Vec::new();
            match self.reader.read_until(b'\n', &mut piece) {
                Err(e) => {
                    self.error = Some(e);
                    self.done = true;
                }
                // The end: after a final `\n`, one empty line, as `split` gives.
                Ok(0) => {
                    self.done = true;
                    self.push(Vec::new(), false);
                }
                Ok(n) => {
                    self.read += n as u64;
                    if piece.last() == Some(&b'\n') {
                        piece.pop();
                        self.push(piece, true);
                    } else {
                        self.done = true;
                        self.push(piece, false);
                    }
                }
            }
        }
    }
}

/// Extracts the blocks of a plain text.
pub(crate) fn parse(text: &str) -> Vec<Block> {
    parse_lines(text.split('\n'))
}

/// Extracts the blocks of a plain text given as its lines (without their
/// `\n`), as they come: one line of look-behind and one of look-ahead (tab
/// tables need their neighbours), no list of every line, so that a file can
/// be read line by line ([`stream_file`]).
pub(crate) fn parse_lines<L: AsRef<str>>(lines: impl Iterator<Item = L>) -> Vec<Block> {
    let mut lines = lines.peekable();
    // The line being read, and (in the loop) the one before it.
    let mut this: Option<L> = None;
    let mut index = 0usize;
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut table_row: Option<u32> = None;
    let mut prev_blank = true;
    let mut prev_heading = false;
    while let Some(owned) = lines.next() {
        let before = this.replace(owned);
        let Some(line) = this.as_ref().map(AsRef::as_ref) else {
            break;
        };
        let prev = before.as_ref().map(AsRef::as_ref);
        let next = lines.peek().map(AsRef::as_ref);
        let i = index;
        index += 1;
        let raw = if i == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        let line_no = i as u32 + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut blocks);
            table_row = None;
            prev_blank = true;
            prev_heading = false;
            continue;
        }
        let indent = raw.chars().take_while(|c| c.is_whitespace()).count() as u32;
        if let Some(row) = table_cells(raw, prev, next) {
            flush(&mut current, &mut blocks);
            prev_blank = false;
            prev_heading = false;
            if row.is_empty() {
                continue; // a |---|---| separator
            }
            let r = table_row.map_or(1, |r| r + 1);
            table_row = Some(r);
            for (j, (col, cell)) in row.into_iter().enumerate() {
                if !cell.is_empty() {
                    blocks.push(Block::new(
                        BlockKind::TableCell {
                            row: r,
                            column: j as u32 + 1,
                        },
                        cell,
                        Position::line_col(line_no, col),
                    ));
                }
            }
            continue;
        }
        table_row = None;
        let standalone = prev_blank || prev_heading;
        if let Some((depth, title, offset)) = heading_of_line(trimmed, standalone) {
            flush(&mut current, &mut blocks);
            blocks.push(Block::new(
                BlockKind::Heading { depth },
                title,
                Position::line_col(line_no, indent + offset + 1),
            ));
            prev_blank = false;
            prev_heading = true;
            continue;
        }
        prev_heading = false;
        prev_blank = false;
        if let Some((marker_chars, body)) = list_marker(trimmed) {
            flush(&mut current, &mut blocks);
            let depth = (1 + indent_width(raw) / 2).min(6) as u8;
            current = Some(Block::new(
                BlockKind::ListItem { depth },
                body,
                Position::line_col(line_no, indent + marker_chars + 1),
            ));
            continue;
        }
        match &mut current {
            Some(b) => {
                b.text.push('\n');
                b.text.push_str(trimmed);
            }
            None => {
                current = Some(Block::new(
                    BlockKind::Paragraph,
                    trimmed,
                    Position::line_col(line_no, indent + 1),
                ))
            }
        }
    }
    flush(&mut current, &mut blocks);
    blocks.shrink_to_fit();
    blocks
}

fn flush(current: &mut Option<Block>, blocks: &mut Vec<Block>) {
    if let Some(mut b) = current.take() {
        // A paragraph grown line by line may hold up to twice its text.
        b.text.shrink_to_fit();
        blocks.push(b);
    }
}

fn indent_width(raw: &str) -> u32 {
    let mut w = 0;
    for c in raw.chars() {
        match c {
            ' ' => w += 1,
            '\t' => w += 4,
            c if c.is_whitespace() => w += 1,
            _ => break,
        }
    }
    w
}

/// Cells of a table row with their columns (from 1), or None. An empty row is
/// a Markdown separator row. Pipe rows (`| a | b |`) stand alone; tab rows need
/// a neighbour line with the same number of tab-separated cells.
fn table_cells(raw: &str, prev: Option<&str>, next: Option<&str>) -> Option<Vec<(u32, String)>> {
    let trimmed = raw.trim();
    if trimmed.len() >= 3 && trimmed.starts_with('|') && trimmed.ends_with('|') {
        let lead = raw.chars().take_while(|c| c.is_whitespace()).count() as u32;
        let inner = &trimmed[1..trimmed.len() - 1];
        let mut cells = Vec::new();
        let mut col = lead + 2;
        for part in inner.split('|') {
            let pad = part.chars().take_while(|c| c.is_whitespace()).count() as u32;
            cells.push((col + pad, part.trim().to_string()));
            col += part.chars().count() as u32 + 1;
        }
        if cells.len() < 2 {
            return None;
        }
        if cells.iter().all(|(_, c)| {
            let c = c.trim_matches(':');
            !c.is_empty() && c.chars().all(|ch| ch == '-')
        }) {
            return Some(Vec::new());
        }
        return Some(cells);
    }
    let count = |l: &str| {
        let t = l.trim();
        if t.contains('\t') {
            t.split('\t').filter(|c| !c.trim().is_empty()).count()
        } else {
            0
        }
    };
    let n = count(raw);
    if n >= 2 && (prev.map(count) == Some(n) || next.map(count) == Some(n)) {
        let mut cells = Vec::new();
        let mut col = 1u32;
        for part in raw.split('\t') {
            let pad = part.chars().take_while(|c| c.is_whitespace()).count() as u32;
            if !part.trim().is_empty() {
                cells.push((col + pad, part.trim().to_string()));
            }
            col += part.chars().count() as u32 + 1;
        }
        return Some(cells);
    }
    None
}

/// A list marker at the start of a trimmed line: `-`, `*`, `•`, `–`, `a)`,
/// `1)`, `(a)`. Returns the marker's width in chars and the item's text.
pub(crate) fn list_marker(trimmed: &str) -> Option<(u32, &str)> {
    let mut chars = trimmed.char_indices();
    let (_, first) = chars.next()?;
    if matches!(
        first,
        '-' | '*' | '•' | '◦' | '▪' | '■' | '–' | '—' | '·' | '\u{f0b7}' | '➢' | '►' | '\u{f0a7}'
    ) {
        let rest = &trimmed[first.len_utf8()..];
        if rest.starts_with([' ', '\t', '\u{a0}']) && !rest.trim().is_empty() {
            let body = rest.trim_start();
            let width = trimmed.chars().count() - body.chars().count();
            return Some((width as u32, body));
        }
        return None;
    }
    // a) 1) (a) i) 12)
    let s = trimmed.strip_prefix('(').unwrap_or(trimmed);
    let label: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if label.is_empty() || label.len() > 3 {
        return None;
    }
    let is_num = label.chars().all(|c| c.is_ascii_digit());
    let is_letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase());
    let is_roman = label.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    if !(is_num || is_letter || is_roman) {
        return None;
    }
    let after = &s[label.len()..];
    let rest = after.strip_prefix(')')?;
    if !rest.starts_with([' ', '\t', '\u{a0}']) || rest.trim().is_empty() {
        return None;
    }
    let body = rest.trim_start();
    let width = trimmed.chars().count() - body.chars().count();
    Some((width as u32, body))
}

/// A heading recognised in one trimmed line of plain text: its depth, its
/// text, and the char offset of that text in the line. `standalone` is true
/// when the line follows a blank line or another heading (needed for
/// all-caps titles).
pub(crate) fn heading_of_line(trimmed: &str, standalone: bool) -> Option<(u8, String, u32)> {
    // `## Title`
    let hashes = trimmed.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = &trimmed[hashes..];
        if rest.starts_with(' ') && !rest.trim().is_empty() {
            let title = rest.trim().trim_end_matches('#').trim_end();
            let offset = trimmed.chars().count() - rest.trim_start().chars().count();
            return Some((hashes as u8, title.to_string(), offset as u32));
        }
        return None;
    }
    let len = trimmed.chars().count();
    if len > 150 || trimmed.ends_with([';', ',']) {
        return None;
    }
    if let Some(depth) = keyword_heading(trimmed) {
        return Some((depth, trimmed.to_string(), 0));
    }
    if let Some(depth) = numbered_heading(trimmed) {
        return Some((depth, trimmed.to_string(), 0));
    }
    if standalone && is_caps_title(trimmed) {
        return Some((1, trimmed.to_string(), 0));
    }
    None
}

const KEYWORDS: &[(&str, u8)] = &[
    ("article", 0),
    ("titre", 1),
    ("partie", 1),
    ("chapitre", 1),
    ("section", 2),
    ("annexe", 1),
    ("chapter", 1),
    ("part", 1),
];

fn keyword_heading(trimmed: &str) -> Option<u8> {
    let (word, rest) = trimmed.split_once([' ', '\u{a0}'])?;
    let lower = word.to_lowercase();
    let &(_, depth) = KEYWORDS.iter().find(|(k, _)| *k == lower)?;
    let rest = rest.trim_start();
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    let number = number.trim_end_matches('.');
    if number.is_empty() || number.chars().count() > 12 {
        return None;
    }
    let numeric = number.chars().all(|c| c.is_ascii_digit() || c == '.');
    let roman = number.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letter = number.chars().count() == 1 && number.chars().all(|c| c.is_ascii_uppercase());
    if !(numeric || roman || letter) {
        return None;
    }
    let after = rest[number.len()..].trim_start_matches('.').trim_start();
    let ok = after.is_empty()
        || after.starts_with(['-', '–', '—', ':', '.', '/'])
        || after.chars().next().is_some_and(|c| c.is_uppercase());
    if !ok {
        return None;
    }
    if depth > 0 {
        return Some(depth);
    }
    let parts = if numeric {
        number.split('.').count()
    } else {
        1
    };
    Some(parts.min(6) as u8)
}

fn numbered_heading(trimmed: &str) -> Option<u8> {
    let number: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = &trimmed[number.len()..];
    if !rest.starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    let core = number.trim_end_matches('.');
    if core.contains("..") {
        return None;
    }
    let parts: Vec<&str> = core.split('.').collect();
    if parts.len() > 6 || parts.iter().any(|p| p.is_empty() || p.len() > 3) {
        return None;
    }
    if parts[0].len() > 2 {
        return None; // a year or an amount, not a section number
    }
    let title = rest.trim_start();
    let first = title.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    if title.ends_with(['.', ';', ',', ':']) || title.split_whitespace().count() > 16 {
        return None;
    }
    Some(parts.len() as u8)
}

fn is_caps_title(trimmed: &str) -> bool {
    let letters = trimmed.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && trimmed.chars().count() <= 90
        && !trimmed.chars().any(|c| c.is_lowercase())
        && !trimmed.ends_with(['.', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `stream_file` gives for these bytes, read from memory.
    fn streamed(bytes: &[u8]) -> Vec<Block> {
        let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
        let encoding = if bom {
            LineEncoding::Utf8Lossy
        } else if is_utf8(bytes).unwrap() {
            LineEncoding::Utf8
        } else {
            LineEncoding::Windows1252
        };
        let mut lines = FileLines {
            reader: if bom { &bytes[3..] } else { bytes },
            encoding,
            pending: VecDeque::new(),
            done: false,
            error: None,
            read: 0,
        };
        let blocks = parse_lines(&mut lines);
        assert!(lines.error.is_none());
        blocks
    }

    fn whole(bytes: &[u8]) -> Vec<Block> {
        parse(&decode_text(Cow::Borrowed(bytes)))
    }

    #[test]
    fn line_by_line_gives_the_blocks_of_the_whole_text() {
        let cases: &[&[u8]] = &[
            b"x",
            b"x\n",
            b"\n\n",
            b"a\r",
            b"a\r\r\nb\rc\r\n\r\n",
            b"TITRE UN\r\n\r\nArticle 2 - Objet\r\nLe titulaire doit.\r\n- un\r\n  - deux\r\n",
            b"a\tb\tc\n1\t2\t3\n\n| x | y |\n|---|---|\n| 1 | 2 |\n",
            "\u{feff}\u{feff}# Titre\n\nTexte accentu\u{e9}.\n".as_bytes(),
            b"\xEF\xBB\xBFbad \xE2\x82\nsuite \xff\r\n",
            b"Windows-1252 : \xe9t\xe9, \x93guillemets\x94\r\n\r\n1.2 Suite\n",
            b"no newline at the end",
            b"trailing\n\n\n",
        ];
        for bytes in cases {
            assert_eq!(
                streamed(bytes),
                whole(bytes),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn utf8_is_told_across_the_64_kb_pieces() {
        let mut cut = vec![b'a'; 65535];
        cut.extend("é\nfin\n".as_bytes());
        assert!(is_utf8(cut.as_slice()).unwrap());
        assert_eq!(streamed(&cut), whole(&cut));
        let mut bad = vec![b'a'; 70000];
        bad.push(0xe9);
        assert!(!is_utf8(bad.as_slice()).unwrap());
        let mut truncated = vec![b'a'; 10];
        truncated.extend(&"é".as_bytes()[..1]);
        assert!(!is_utf8(truncated.as_slice()).unwrap());
        assert_eq!(streamed(&bad), whole(&bad));
    }

    #[test]
    fn decoding_in_place_matches_decoding_a_copy() {
        for bytes in [
            &b"\xEF\xBB\xBFa\r\nb"[..],
            b"plain\r\ntext\r",
            b"caf\xe9",
            "déjà\n".as_bytes(),
        ] {
            assert_eq!(
                decode_text(Cow::Owned(bytes.to_vec())),
                decode_text(Cow::Borrowed(bytes))
            );
        }
        assert_eq!(decode_text(Cow::Borrowed(b"a\r\r\nb\rc")), "a\n\nb\nc");
        assert_eq!(decode_text(Cow::Borrowed(b"caf\xe9")), "café");
    }
}
