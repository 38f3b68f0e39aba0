//! Word .docx: `word/document.xml` read with quick-xml. Heading styles
//! (`Heading1`, `Titre1`, outline levels from `styles.xml` or the paragraph),
//! numbered and bulleted lists (`w:numPr`, also through the style), tables
//! (row, column), footnotes and endnotes (after the paragraph that cites them);
//! tracked deletions left out, insertions kept. Position: paragraph index.

use std::collections::HashMap;

use quick_xml::events::BytesStart;
use reset_criteria::document::{Block, BlockKind, Position};

use crate::archive::Zip;
use crate::error::ExtractError;
use crate::limits::Limits;
use crate::xml::{attr, drive, tidy, Handler};

/// Elements whose content is never text of the document.
const SKIP: &[&str] = &[
    "del",
    "moveFrom",
    "Fallback",
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
    "delText",
    "instrText",
    "fldData",
    "commentReference",
];

#[derive(Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    list: bool,
}

struct Styles(HashMap<String, Style>);

impl Styles {
    fn heading_depth(&self, id: &str) -> Option<u8> {
        let mut cur = id.to_string();
        for _ in 0..12 {
            let style = self.0.get(&cur);
            if let Some(d) = style.and_then(|s| s.outline) {
                return if d < 9 { Some(d + 1) } else { None };
            }
            if let Some(d) = heading_name_depth(&cur) {
                return Some(d);
            }
            if let Some(d) = style.and_then(|s| heading_name_depth(&s.name)) {
                return Some(d);
            }
            cur = style?.based_on.clone()?;
        }
        None
    }

    fn is_list(&self, id: &str) -> bool {
        let mut cur = id.to_string();
        for _ in 0..12 {
            let Some(style) = self.0.get(&cur) else {
                return false;
            };
            if style.list {
                return true;
            }
            match &style.based_on {
                Some(b) => cur = b.clone(),
                None => return false,
            }
        }
        false
    }
}

/// `Heading1`, `heading 1`, `Titre1`, `Titre 1`, `Title` → depth.
fn heading_name_depth(name: &str) -> Option<u8> {
    let n: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if n == "title" || n == "titre" {
        return Some(1);
    }
    for prefix in ["heading", "titre", "berschrift", "kop", "título", "titolo"] {
        if let Some(rest) = n.strip_prefix(prefix) {
            if let Ok(d) = rest.parse::<u8>() {
                if (1..=9).contains(&d) {
                    return Some(d);
                }
            }
        }
    }
    None
}

#[derive(Default)]
struct StyleReader {
    styles: HashMap<String, Style>,
    cur: Option<(String, Style)>,
}

impl Handler for StyleReader {
    fn start(&mut self, name: &str, e: &BytesStart<'_>, _empty: bool) -> bool {
        match name {
            "style" => self.cur = attr(e, "styleId").map(|id| (id, Style::default())),
            "name" => {
                if let (Some((_, s)), Some(v)) = (self.cur.as_mut(), attr(e, "val")) {
                    s.name = v;
                }
            }
            "basedOn" => {
                if let Some((_, s)) = self.cur.as_mut() {
                    s.based_on = attr(e, "val");
                }
            }
            "outlineLvl" => {
                if let Some((_, s)) = self.cur.as_mut() {
                    s.outline = attr(e, "val").and_then(|v| v.parse().ok());
                }
            }
            "numPr" => {
                if let Some((_, s)) = self.cur.as_mut() {
                    s.list = true;
                }
            }
            "rPr" | "tblPr" | "tcPr" | "trPr" => return true,
            _ => {}
        }
        false
    }
    fn end(&mut self, name: &str) {
        if name == "style" {
            if let Some((id, s)) = self.cur.take() {
                self.styles.insert(id, s);
            }
        }
    }
    fn text(&mut self, _t: &str) {}
}

/// Footnote or endnote texts by id.
#[derive(Default)]
struct NoteReader {
    notes: HashMap<String, Vec<String>>,
    cur: Option<String>,
    para: String,
    in_t: bool,
}

impl Handler for NoteReader {
    fn start(&mut self, name: &str, e: &BytesStart<'_>, _empty: bool) -> bool {
        if SKIP.contains(&name) {
            return true;
        }
        match name {
            "footnote" | "endnote" => {
                let kind = attr(e, "type").unwrap_or_default();
                if kind == "separator"
                    || kind == "continuationSeparator"
                    || kind == "continuationNotice"
                {
                    return true;
                }
                self.cur = attr(e, "id").map(|id| format!("{name}:{id}"));
            }
            "p" => self.para.clear(),
            "t" => self.in_t = true,
            "tab" => self.para.push(' '),
            "br" | "cr" => self.para.push('\n'),
            _ => {}
        }
        false
    }
    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_t = false,
            "p" => {
                let t = tidy(&self.para);
                if let (Some(id), false) = (&self.cur, t.is_empty()) {
                    self.notes.entry(id.clone()).or_default().push(t);
                }
                self.para.clear();
            }
            "footnote" | "endnote" => self.cur = None,
            _ => {}
        }
    }
    fn text(&mut self, t: &str) {
        if self.in_t {
            self.para.push_str(t);
        }
    }
}

#[derive(Default)]
struct Para {
    index: u32,
    style: Option<String>,
    has_num: bool,
    ilvl: u8,
    outline: Option<u8>,
    text: String,
    notes: Vec<String>,
}

struct Cell {
    row: u32,
    column: u32,
    first_para: Option<u32>,
    text: String,
    notes: Vec<String>,
}

#[derive(Default)]
struct Table {
    row: u32,
    col: u32,
    cell: Option<Cell>,
}

struct BodyReader<'a> {
    styles: &'a Styles,
    notes: &'a HashMap<String, Vec<String>>,
    blocks: Vec<Block>,
    paras: Vec<Para>,
    tables: Vec<Table>,
    counter: u32,
    in_t: bool,
    in_ppr: u32,
}

impl BodyReader<'_> {
    fn emit_notes(&mut self, notes: Vec<String>, index: u32) {
        for n in notes {
            self.blocks.push(Block::new(
                BlockKind::Paragraph,
                n,
                Position {
                    paragraph: Some(index),
                    ..Default::default()
                },
            ));
        }
    }
}

impl Handler for BodyReader<'_> {
    fn start(&mut self, name: &str, e: &BytesStart<'_>, empty: bool) -> bool {
        if SKIP.contains(&name) {
            return true;
        }
        match name {
            "p" => {
                self.counter += 1;
                self.paras.push(Para {
                    index: self.counter,
                    ..Default::default()
                });
            }
            "pPr" => self.in_ppr += 1,
            "pStyle" => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = attr(e, "val");
                }
            }
            "numPr" if self.in_ppr > 0 => {
                if let Some(p) = self.paras.last_mut() {
                    p.has_num = true;
                }
            }
            "ilvl" if self.in_ppr > 0 => {
                if let Some(p) = self.paras.last_mut() {
                    p.ilvl = attr(e, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                        .min(8);
                }
            }
            "numId" if self.in_ppr > 0 && attr(e, "val").as_deref() == Some("0") => {
                if let Some(p) = self.paras.last_mut() {
                    p.has_num = false;
                }
            }
            "outlineLvl" if self.in_ppr > 0 => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline = attr(e, "val").and_then(|v| v.parse().ok());
                }
            }
            "t" if !empty => self.in_t = true,
            "tab" if self.in_ppr == 0 => {
                if let Some(p) = self.paras.last_mut() {
                    p.text.push('\t');
                }
            }
            "br" | "cr" if self.in_ppr == 0 => {
                let page = attr(e, "type").is_some_and(|t| t == "page" || t == "column");
                if let (Some(p), false) = (self.paras.last_mut(), page) {
                    p.text.push('\n');
                }
            }
            "noBreakHyphen" => {
                if let Some(p) = self.paras.last_mut() {
                    p.text.push('-');
                }
            }
            "footnoteReference" | "endnoteReference" => {
                let kind = if name == "footnoteReference" {
                    "footnote"
                } else {
                    "endnote"
                };
                if let (Some(p), Some(id)) = (self.paras.last_mut(), attr(e, "id")) {
                    if let Some(n) = self.notes.get(&format!("{kind}:{id}")) {
                        p.notes.extend(n.iter().cloned());
                    }
                }
            }
            "tbl" => self.tables.push(Table::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row += 1;
                    t.col = 0;
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.col += 1;
                    t.cell = Some(Cell {
                        row: t.row.max(1),
                        column: t.col,
                        first_para: None,
                        text: String::new(),
                        notes: Vec::new(),
                    });
                }
            }
            "gridSpan" => {
                let span: u32 = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                if let Some(t) = self.tables.last_mut() {
                    t.col += span.clamp(1, 1000) - 1;
                }
            }
            _ => {}
        }
        false
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_t = false,
            "pPr" => self.in_ppr = self.in_ppr.saturating_sub(1),
            "p" => {
                let Some(p) = self.paras.pop() else {
                    return;
                };
                let text = tidy(&p.text);
                let nested = !self.paras.is_empty();
                if !nested {
                    if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        if !text.is_empty() {
                            if !cell.text.is_empty() {
                                cell.text.push('\n');
                            }
                            cell.text.push_str(&text);
                            cell.first_para.get_or_insert(p.index);
                        }
                        cell.notes.extend(p.notes);
                        return;
                    }
                }
                let style = p.style.as_deref().unwrap_or("");
                let kind = if let Some(d) = p.outline.filter(|d| *d < 9) {
                    BlockKind::Heading { depth: d + 1 }
                } else if let Some(d) = self
                    .styles
                    .heading_depth(style)
                    .filter(|_| !style.is_empty())
                {
                    BlockKind::Heading { depth: d }
                } else if p.has_num || (!style.is_empty() && self.styles.is_list(style)) {
                    BlockKind::ListItem { depth: p.ilvl + 1 }
                } else {
                    BlockKind::Paragraph
                };
                if !text.is_empty() {
                    self.blocks.push(Block::new(
                        kind,
                        text,
                        Position {
                            paragraph: Some(p.index),
                            ..Default::default()
                        },
                    ));
                }
                self.emit_notes(p.notes, p.index);
            }
            "tc" => {
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.take()) {
                    let index = cell.first_para.unwrap_or(self.counter);
                    if !cell.text.is_empty() {
                        self.blocks.push(Block::new(
                            BlockKind::TableCell {
                                row: cell.row,
                                column: cell.column,
                            },
                            cell.text,
                            Position {
                                paragraph: Some(index),
                                ..Default::default()
                            },
                        ));
                    }
                    self.emit_notes(cell.notes, index);
                }
            }
            "tbl" => {
                self.tables.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if self.in_t {
            if let Some(p) = self.paras.last_mut() {
                p.text.push_str(t);
            }
        }
    }
}

/// Extracts the blocks of a .docx.
pub(crate) fn extract(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Vec<Block>, ExtractError> {
    let mut zip = Zip::open(file, bytes, limits)?;
    let body = zip
        .read("word/document.xml")?
        .ok_or_else(|| ExtractError::corrupt(file, "docx", "no word/document.xml"))?;
    let mut styles = StyleReader::default();
    if let Some(xml) = zip.read("word/styles.xml")? {
        drive(file, "docx", &xml, limits.max_xml_depth, &mut styles)?;
    }
    let mut notes = NoteReader::default();
    for part in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = zip.read(part)? {
            drive(file, "docx", &xml, limits.max_xml_depth, &mut notes)?;
        }
    }
    let styles = Styles(styles.styles);
    let mut reader = BodyReader {
        styles: &styles,
        notes: &notes.notes,
        blocks: Vec::new(),
        paras: Vec::new(),
        tables: Vec::new(),
        counter: 0,
        in_t: false,
        in_ppr: 0,
    };
    drive(file, "docx", &body, limits.max_xml_depth, &mut reader)?;
    Ok(reader.blocks)
}
