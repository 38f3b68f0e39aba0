//! PDF through lopdf, with a small text-state interpreter of our own:
//! each string shown is placed on the page (position, font size, width from
//! the font's `/Widths` or `/W`), then lines are rebuilt from baselines,
//! words from gaps, table rows from wide gaps, paragraphs from line spacing,
//! headings from font size and numbering. Hyphenation at line ends is
//! joined; lines repeated at the top or bottom of most pages (headers,
//! footers, page numbers) are dropped. Position: page, and line on the page.
//! lopdf runs inside `catch_unwind` as a second line of defence.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use lopdf::content::Content;
use lopdf::{Dictionary, Document as PdfDocument, Encoding, LoadOptions, Object, ObjectId};
use reset_criteria::document::{Block, BlockKind, Position};

use crate::error::ExtractError;
use crate::limits::{LimitKind, Limits};
use crate::txt::{heading_of_line, list_marker};

/// Extracts the blocks of a PDF.
pub(crate) fn extract(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Vec<Block>, ExtractError> {
    match catch_unwind(AssertUnwindSafe(|| extract_inner(file, bytes, limits))) {
        Ok(r) => r,
        Err(_) => Err(ExtractError::corrupt(
            file,
            "pdf",
            "the PDF reader failed on this file (damaged or unusual PDF)",
        )),
    }
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m1: &Matrix, m2: &Matrix) -> Matrix {
    [
        m1[0] * m2[0] + m1[1] * m2[2],
        m1[0] * m2[1] + m1[1] * m2[3],
        m1[2] * m2[0] + m1[3] * m2[2],
        m1[2] * m2[1] + m1[3] * m2[3],
        m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
        m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
    ]
}

/// A string shown on the page.
#[derive(Debug, Clone)]
struct Run {
    x: f32,
    y: f32,
    end_x: f32,
    size: f32,
    text: String,
}

/// A rebuilt line: its baseline, font size and segments (split at wide gaps).
#[derive(Debug, Clone)]
struct Line {
    y: f32,
    size: f32,
    segments: Vec<String>,
    /// Line number on the page, from 1 (counting every text line).
    number: u32,
}

impl Line {
    fn text(&self) -> String {
        self.segments.join(" ")
    }
}

struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    two_byte: bool,
    first_char: u32,
    widths: Vec<f32>,
    cid_widths: HashMap<u32, f32>,
    default_width: f32,
}

impl Font<'_> {
    fn width(&self, code: u32) -> f32 {
        if self.two_byte {
            return self
                .cid_widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width);
        }
        code.checked_sub(self.first_char)
            .and_then(|i| self.widths.get(i as usize).copied())
            .filter(|w| *w > 0.0)
            .unwrap_or(self.default_width)
    }
}

fn number(doc: &PdfDocument, o: &Object) -> Option<f32> {
    doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok())
}

fn array<'a>(doc: &'a PdfDocument, o: &'a Object) -> Option<&'a Vec<Object>> {
    doc.dereference(o).ok().and_then(|(_, o)| o.as_array().ok())
}

fn load_font<'a>(doc: &'a PdfDocument, dict: &'a Dictionary, limit: usize) -> Font<'a> {
    let encoding = dict.get_font_encoding_with_limit(doc, limit).ok();
    let subtype = dict
        .get(b"Subtype")
        .and_then(|o| o.as_name())
        .unwrap_or(b"");
    let mut font = Font {
        encoding,
        two_byte: subtype == b"Type0",
        first_char: 0,
        widths: Vec::new(),
        cid_widths: HashMap::new(),
        default_width: 500.0,
    };
    if font.two_byte {
        font.default_width = 1000.0;
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(|o| array(doc, o))
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        if let Some(d) = descendant {
            if let Some(dw) = d.get(b"DW").ok().and_then(|o| number(doc, o)) {
                font.default_width = dw;
            }
            if let Some(w) = d.get(b"W").ok().and_then(|o| array(doc, o)) {
                let mut i = 0;
                while i < w.len() && font.cid_widths.len() < 65_536 {
                    let Some(first) = number(doc, &w[i]) else {
                        break;
                    };
                    let first = first.max(0.0) as u32;
                    if let Some(list) = w.get(i + 1).and_then(|o| array(doc, o)) {
                        for (k, v) in list.iter().enumerate().take(65_536) {
                            if let Some(v) = number(doc, v) {
                                font.cid_widths.insert(first.saturating_add(k as u32), v);
                            }
                        }
                        i += 2;
                    } else {
                        let (Some(last), Some(v)) = (
                            w.get(i + 1).and_then(|o| number(doc, o)),
                            w.get(i + 2).and_then(|o| number(doc, o)),
                        ) else {
                            break;
                        };
                        let last = (last.max(0.0) as u32).min(first.saturating_add(65_535));
                        for c in first..=last {
                            font.cid_widths.insert(c, v);
                        }
                        i += 3;
                    }
                }
            }
        }
    } else {
        font.first_char = dict
            .get(b"FirstChar")
            .ok()
            .and_then(|o| number(doc, o))
            .unwrap_or(0.0)
            .max(0.0) as u32;
        if let Some(w) = dict.get(b"Widths").ok().and_then(|o| array(doc, o)) {
            font.widths = w
                .iter()
                .take(65_536)
                .map(|o| number(doc, o).unwrap_or(0.0))
                .collect();
        }
    }
    font
}

struct TextState {
    ctm: Matrix,
    stack: Vec<Matrix>,
    tm: Matrix,
    tlm: Matrix,
    size: f32,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
}

fn floats(ops: &[Object]) -> Vec<f32> {
    ops.iter().map(|o| o.as_float().unwrap_or(0.0)).collect()
}

/// The strings shown on a page, and the size of its decoded content.
fn page_runs(
    doc: &PdfDocument,
    page: ObjectId,
    limit: usize,
) -> Result<(Vec<Run>, usize), lopdf::Error> {
    let fonts: HashMap<Vec<u8>, Font> = doc
        .get_page_fonts(page)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, dict)| (name, load_font(doc, dict, limit)))
        .collect();
    let data = doc.get_page_content_with_limit(page, limit)?;
    let decoded = data.len();
    let content = Content::decode(&data)?;
    let mut st = TextState {
        ctm: IDENTITY,
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        size: 0.0,
        tc: 0.0,
        tw: 0.0,
        th: 1.0,
        tl: 0.0,
        rise: 0.0,
    };
    let mut font: Option<&Font> = None;
    let mut runs = Vec::new();
    for op in &content.operations {
        let v = || floats(&op.operands);
        match op.operator.as_str() {
            "q" if st.stack.len() < 256 => st.stack.push(st.ctm),
            "Q" => st.ctm = st.stack.pop().unwrap_or(IDENTITY),
            "cm" => {
                let a = v();
                if a.len() == 6 {
                    st.ctm = mul(&[a[0], a[1], a[2], a[3], a[4], a[5]], &st.ctm);
                }
            }
            "BT" => {
                st.tm = IDENTITY;
                st.tlm = IDENTITY;
            }
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|n| fonts.get(n));
                st.size = op
                    .operands
                    .get(1)
                    .and_then(|o| o.as_float().ok())
                    .unwrap_or(0.0);
            }
            "Tc" => st.tc = v().first().copied().unwrap_or(0.0),
            "Tw" => st.tw = v().first().copied().unwrap_or(0.0),
            "Tz" => st.th = v().first().copied().unwrap_or(100.0) / 100.0,
            "TL" => st.tl = v().first().copied().unwrap_or(0.0),
            "Ts" => st.rise = v().first().copied().unwrap_or(0.0),
            "Td" | "TD" => {
                let a = v();
                if a.len() == 2 {
                    if op.operator == "TD" {
                        st.tl = -a[1];
                    }
                    st.tlm = mul(&[1.0, 0.0, 0.0, 1.0, a[0], a[1]], &st.tlm);
                    st.tm = st.tlm;
                }
            }
            "Tm" => {
                let a = v();
                if a.len() == 6 {
                    st.tlm = [a[0], a[1], a[2], a[3], a[4], a[5]];
                    st.tm = st.tlm;
                }
            }
            "T*" => next_line(&mut st),
            "Tj" => {
                if let Some(s) = op.operands.first().and_then(|o| o.as_str().ok()) {
                    show(&mut st, font, s, &mut runs);
                }
            }
            "'" => {
                next_line(&mut st);
                if let Some(s) = op.operands.first().and_then(|o| o.as_str().ok()) {
                    show(&mut st, font, s, &mut runs);
                }
            }
            "\"" => {
                let a = v();
                if let (Some(aw), Some(ac)) = (a.first(), a.get(1)) {
                    st.tw = *aw;
                    st.tc = *ac;
                }
                next_line(&mut st);
                if let Some(s) = op.operands.get(2).and_then(|o| o.as_str().ok()) {
                    show(&mut st, font, s, &mut runs);
                }
            }
            "TJ" => {
                if let Some(items) = op.operands.first().and_then(|o| o.as_array().ok()) {
                    for item in items {
                        match item {
                            Object::String(s, _) => show(&mut st, font, s, &mut runs),
                            other => {
                                if let Ok(n) = other.as_float() {
                                    let tx = -n / 1000.0 * st.size * st.th;
                                    st.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &st.tm);
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok((runs, decoded))
}

fn next_line(st: &mut TextState) {
    st.tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -st.tl], &st.tlm);
    st.tm = st.tlm;
}

fn show(st: &mut TextState, font: Option<&Font>, bytes: &[u8], runs: &mut Vec<Run>) {
    let Some(font) = font else {
        return;
    };
    let text = match &font.encoding {
        Some(enc) => PdfDocument::decode_text(enc, bytes).unwrap_or_default(),
        None => String::new(),
    };
    let mut advance = 0.0f32;
    if font.two_byte {
        for c in bytes.chunks(2) {
            let code = if c.len() == 2 {
                u32::from(c[0]) << 8 | u32::from(c[1])
            } else {
                u32::from(c[0])
            };
            advance += font.width(code) / 1000.0 * st.size + st.tc;
        }
    } else {
        for &b in bytes {
            advance += font.width(u32::from(b)) / 1000.0 * st.size + st.tc;
            if b == b' ' {
                advance += st.tw;
            }
        }
    }
    advance *= st.th;
    let start = mul(&mul(&[1.0, 0.0, 0.0, 1.0, 0.0, st.rise], &st.tm), &st.ctm);
    let scale = mul(
        &mul(&[st.size * st.th, 0.0, 0.0, st.size, 0.0, 0.0], &st.tm),
        &st.ctm,
    );
    st.tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &st.tm);
    let end = mul(&st.tm, &st.ctm);
    let size = (scale[2] * scale[2] + scale[3] * scale[3]).sqrt();
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == ' ')
        .collect();
    if text.is_empty() || !size.is_finite() || !start[4].is_finite() || !start[5].is_finite() {
        return;
    }
    runs.push(Run {
        x: start[4],
        y: start[5],
        end_x: end[4],
        size: if size > 0.1 { size } else { 1.0 },
        text,
    });
}

/// Groups runs into lines by baseline, then joins them left to right.
fn build_lines(mut runs: Vec<Run>) -> Vec<Line> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<Run>> = Vec::new();
    for r in runs {
        match groups.last_mut() {
            Some(g)
                if {
                    let y = g[0].y;
                    let size = g.iter().map(|r| r.size).fold(r.size, f32::max);
                    (y - r.y).abs() <= 0.4 * size
                } =>
            {
                g.push(r)
            }
            _ => groups.push(vec![r]),
        }
    }
    let mut lines = Vec::new();
    for (i, mut g) in groups.into_iter().enumerate() {
        g.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut segments: Vec<String> = vec![String::new()];
        let mut prev_end: Option<f32> = None;
        let mut main_size = 0.0f32;
        let mut main_chars = 0usize;
        let mut sizes: HashMap<i32, usize> = HashMap::new();
        for r in &g {
            let n = r.text.trim().chars().count();
            *sizes.entry((r.size * 2.0).round() as i32).or_default() += n;
            if let Some(end) = prev_end {
                let gap = r.x - end;
                let cur_text = segments.last().map_or("", |s| s.as_str());
                if gap > 2.5 * r.size && !cur_text.trim().is_empty() {
                    segments.push(String::new());
                } else if gap > 0.15 * r.size
                    && !cur_text.ends_with(' ')
                    && !r.text.starts_with(' ')
                {
                    if let Some(cur) = segments.last_mut() {
                        cur.push(' ');
                    }
                }
            }
            if let Some(cur) = segments.last_mut() {
                cur.push_str(&r.text);
            }
            prev_end = Some(prev_end.map_or(r.end_x, |e: f32| e.max(r.end_x)));
        }
        for (s, n) in sizes {
            if n > main_chars {
                main_chars = n;
                main_size = s as f32 / 2.0;
            }
        }
        let segments: Vec<String> = segments
            .into_iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
            .collect();
        if segments.is_empty() {
            continue;
        }
        lines.push(Line {
            y: g[0].y,
            size: if main_size > 0.0 {
                main_size
            } else {
                g[0].size
            },
            segments,
            number: i as u32 + 1,
        });
    }
    lines
}

/// Text with digits folded, for comparing headers and footers across pages.
fn furniture_key(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_page_number(key: &str) -> bool {
    let k = key.trim_start_matches("page").trim();
    let k = k
        .trim_start_matches(['-', '–'])
        .trim_end_matches(['-', '–'])
        .trim();
    let parts: Vec<&str> = k
        .split(['/', ' '])
        .filter(|p| !p.is_empty() && *p != "sur" && *p != "of")
        .collect();
    !parts.is_empty() && parts.len() <= 2 && parts.iter().all(|p| p.chars().all(|c| c == '#'))
}

/// Drops running headers, footers and page numbers.
fn drop_furniture(pages: &mut [Vec<Line>]) {
    const EDGE: usize = 2;
    let edge_keys = |lines: &[Line]| -> Vec<(usize, String)> {
        let n = lines.len();
        (0..n)
            .filter(|&i| i < EDGE || i + EDGE >= n)
            .map(|i| (i, furniture_key(&lines[i].text())))
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        let mut seen: Vec<String> = edge_keys(lines).into_iter().map(|(_, k)| k).collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let n_pages = pages.len();
    let threshold = (n_pages / 2 + 1).max(2);
    let is_furniture = |line: &Line| {
        let k = furniture_key(&line.text());
        is_page_number(&k) || (n_pages >= 2 && counts.get(&k).copied().unwrap_or(0) >= threshold)
    };
    for lines in pages.iter_mut() {
        // Peel from the top and from the bottom: a second line goes only with the first.
        let mut top = 0;
        while top < EDGE && top < lines.len() && is_furniture(&lines[top]) {
            top += 1;
        }
        let mut bottom = 0;
        while bottom < EDGE
            && top + bottom < lines.len()
            && is_furniture(&lines[lines.len() - 1 - bottom])
        {
            bottom += 1;
        }
        lines.truncate(lines.len() - bottom);
        lines.drain(..top);
    }
}

/// Body size (most characters) and heading sizes ranked largest first.
fn sizes(pages: &[Vec<Line>]) -> (f32, Vec<i32>) {
    let mut hist: HashMap<i32, usize> = HashMap::new();
    for l in pages.iter().flatten() {
        *hist.entry((l.size * 2.0).round() as i32).or_default() += l.text().chars().count();
    }
    let body = hist
        .iter()
        .max_by_key(|(s, n)| (**n, -**s))
        .map_or(20, |(s, _)| *s);
    let mut bigger: Vec<i32> = hist
        .keys()
        .copied()
        .filter(|s| (*s as f32) >= body as f32 * 1.12)
        .collect();
    bigger.sort_by(|a, b| b.cmp(a));
    (body as f32 / 2.0, bigger)
}

fn join_line(text: &mut String, next: &str) {
    let ends_hyphen = text.ends_with('-')
        && text.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic())
        && next.chars().next().is_some_and(|c| c.is_lowercase());
    if ends_hyphen {
        text.pop();
        text.push_str(next);
    } else {
        text.push(' ');
        text.push_str(next);
    }
}

fn extract_inner(file: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Block>, ExtractError> {
    let limit = limits.max_inflated_bytes.min(usize::MAX as u64) as usize;
    let options = LoadOptions {
        max_decompressed_size: Some(limit),
        ..LoadOptions::default()
    };
    let doc = PdfDocument::load_mem_with_options(bytes, options)
        .map_err(|e| ExtractError::corrupt(file, "pdf", e))?;
    let pages = doc.get_pages();
    if pages.len() as u64 > limits.max_pdf_pages {
        return Err(ExtractError::limit(
            file,
            LimitKind::PdfPages,
            limits.max_pdf_pages,
        ));
    }
    let mut page_lines: Vec<Vec<Line>> = Vec::with_capacity(pages.len());
    let mut numbers = Vec::with_capacity(pages.len());
    // The inflated-size limit holds for the whole document, not each page:
    // pages of zeros compressed a thousandfold would otherwise each inflate
    // up to it, one after the other.
    let mut budget = limit;
    for (&n, &id) in &pages {
        if budget == 0 {
            return Err(ExtractError::limit(
                file,
                LimitKind::InflatedSize,
                limits.max_inflated_bytes,
            ));
        }
        let (runs, decoded) = page_runs(&doc, id, budget).map_err(|e| match e {
            // A stream inflating past the budget is the limit, not a broken file.
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
                ExtractError::limit(file, LimitKind::InflatedSize, limits.max_inflated_bytes)
            }
            e => ExtractError::corrupt(file, "pdf", format!("page {n}: {e}")),
        })?;
        budget = budget.saturating_sub(decoded);
        page_lines.push(build_lines(runs));
        numbers.push(n);
    }
    if page_lines.iter().all(|p| p.is_empty()) {
        return Err(ExtractError::NoTextLayer {
            file: file.to_string(),
        });
    }
    drop_furniture(&mut page_lines);
    let (body, heading_sizes) = sizes(&page_lines);
    let mut blocks = Vec::new();
    for (lines, &page) in page_lines.iter().zip(&numbers) {
        page_blocks(lines, page, body, &heading_sizes, &mut blocks);
    }
    Ok(blocks)
}

fn page_blocks(
    lines: &[Line],
    page: u32,
    body: f32,
    heading_sizes: &[i32],
    blocks: &mut Vec<Block>,
) {
    let pos = |l: &Line| Position {
        line: Some(l.number),
        page: Some(page),
        ..Default::default()
    };
    let mut cur: Option<(Block, f32, f32)> = None; // block, size, last y
    let mut table_row = 0u32;
    let flush = |cur: &mut Option<(Block, f32, f32)>, blocks: &mut Vec<Block>| {
        if let Some((b, _, _)) = cur.take() {
            blocks.push(b);
        }
    };
    let mut prev_y: Option<f32> = None;
    for l in lines {
        let gap = prev_y.map(|y| y - l.y);
        prev_y = Some(l.y);
        if l.segments.len() >= 2 {
            flush(&mut cur, blocks);
            table_row += 1;
            for (j, s) in l.segments.iter().enumerate() {
                blocks.push(Block::new(
                    BlockKind::TableCell {
                        row: table_row,
                        column: j as u32 + 1,
                    },
                    s.clone(),
                    pos(l),
                ));
            }
            continue;
        }
        table_row = 0;
        let text = l.text();
        let spacing = l.size.max(body) * 1.25;
        let big_gap = gap.is_none_or(|g| g > spacing * 1.25);
        let key = (l.size * 2.0).round() as i32;
        let size_rank = heading_sizes.iter().position(|s| *s == key);
        let numbered = heading_of_line(&text, big_gap).filter(|(_, t, _)| t.chars().count() < 150);
        // Continuation of a heading over two lines: same size, close, not numbered.
        if let Some((b, size, _)) = cur.as_mut() {
            if b.is_heading()
                && size_rank.is_some()
                && (*size - l.size).abs() < 0.3
                && !big_gap
                && numbered.is_none()
            {
                join_line(&mut b.text, &text);
                continue;
            }
        }
        let heading_depth = match (size_rank, &numbered) {
            (_, Some((d, _, _))) if size_rank.is_some() || big_gap => Some(*d),
            (Some(r), None) if text.chars().count() <= 200 => Some((r + 1).min(6) as u8),
            _ => None,
        };
        if let Some(depth) = heading_depth {
            flush(&mut cur, blocks);
            cur = Some((
                Block::new(BlockKind::Heading { depth }, text, pos(l)),
                l.size,
                l.y,
            ));
            continue;
        }
        if let Some((_, item)) = list_marker(&text) {
            flush(&mut cur, blocks);
            cur = Some((
                Block::new(BlockKind::ListItem { depth: 1 }, item, pos(l)),
                l.size,
                l.y,
            ));
            continue;
        }
        let continues = match &cur {
            Some((b, size, _)) => !b.is_heading() && !big_gap && (size - l.size).abs() < 0.6,
            None => false,
        };
        if continues {
            if let Some((b, _, y)) = cur.as_mut() {
                join_line(&mut b.text, &text);
                *y = l.y;
            }
        } else {
            flush(&mut cur, blocks);
            cur = Some((Block::new(BlockKind::Paragraph, text, pos(l)), l.size, l.y));
        }
    }
    flush(&mut cur, blocks);
}
