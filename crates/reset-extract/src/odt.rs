//! OpenDocument .odt: `content.xml` read with quick-xml. Headings
//! (`text:h` with `text:outline-level`), lists (nesting depth), tables
//! (row, column, repeated columns), notes after the paragraph that cites
//! them; tracked changes (deleted text), annotations and generated indexes
//! left out. Position: paragraph index.

use quick_xml::events::BytesStart;
use reset_criteria::document::{Block, BlockKind, Position};

use crate::archive::Zip;
use crate::error::ExtractError;
use crate::limits::Limits;
use crate::xml::{attr, drive, tidy, Handler};

const SKIP: &[&str] = &[
    "tracked-changes",
    "annotation",
    "note-citation",
    "table-of-content",
    "alphabetical-index",
    "illustration-index",
    "table-index",
    "object-index",
    "user-index",
    "bibliography",
    "sequence-decls",
    "forms",
    "script",
    "event-listeners",
    "deletion",
];

struct Para {
    index: u32,
    heading: Option<u8>,
    list_depth: u32,
    in_note: bool,
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

#[derive(Default)]
struct BodyReader {
    blocks: Vec<Block>,
    in_body: bool,
    paras: Vec<Para>,
    tables: Vec<Table>,
    list_depth: u32,
    note_body: u32,
    counter: u32,
}

fn pos(index: u32) -> Position {
    Position {
        paragraph: Some(index),
        ..Default::default()
    }
}

impl BodyReader {
    fn push_text(&mut self, t: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(t);
        }
    }

    fn emit_notes(&mut self, notes: Vec<String>, index: u32) {
        for n in notes {
            self.blocks
                .push(Block::new(BlockKind::Paragraph, n, pos(index)));
        }
    }
}

impl Handler for BodyReader {
    fn start(&mut self, name: &str, e: &BytesStart<'_>, empty: bool) -> bool {
        if !self.in_body {
            if name == "text" && !empty {
                self.in_body = true;
            }
            return false;
        }
        if SKIP.contains(&name) {
            return true;
        }
        match name {
            "p" | "h" => {
                self.counter += 1;
                let heading = (name == "h").then(|| {
                    attr(e, "outline-level")
                        .and_then(|v| v.parse::<u8>().ok())
                        .unwrap_or(1)
                        .clamp(1, 10)
                });
                self.paras.push(Para {
                    index: self.counter,
                    heading,
                    list_depth: self.list_depth,
                    in_note: self.note_body > 0,
                    text: String::new(),
                    notes: Vec::new(),
                });
            }
            "list" => self.list_depth += 1,
            "note-body" => self.note_body += 1,
            "s" => {
                let n: usize = attr(e, "c").and_then(|v| v.parse().ok()).unwrap_or(1);
                let spaces = " ".repeat(n.clamp(1, 100));
                self.push_text(&spaces);
            }
            "tab" => self.push_text("\t"),
            "line-break" => self.push_text("\n"),
            "table" => self.tables.push(Table::default()),
            "table-row" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row += 1;
                    t.col = 0;
                }
            }
            "table-cell" | "covered-table-cell" => {
                let repeat: u32 = attr(e, "number-columns-repeated")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1);
                if let Some(t) = self.tables.last_mut() {
                    t.col += 1;
                    let column = t.col;
                    t.col += repeat.clamp(1, 1_000_000) - 1;
                    if name == "table-cell" && !empty {
                        t.cell = Some(Cell {
                            row: t.row.max(1),
                            column,
                            first_para: None,
                            text: String::new(),
                            notes: Vec::new(),
                        });
                    }
                }
                return name == "covered-table-cell";
            }
            _ => {}
        }
        false
    }

    fn end(&mut self, name: &str) {
        if !self.in_body {
            return;
        }
        match name {
            "text" => self.in_body = false,
            "list" => self.list_depth = self.list_depth.saturating_sub(1),
            "note-body" => self.note_body = self.note_body.saturating_sub(1),
            "p" | "h" => {
                let Some(p) = self.paras.pop() else {
                    return;
                };
                let text = tidy(&p.text);
                if p.in_note {
                    if let (Some(outer), false) = (self.paras.last_mut(), text.is_empty()) {
                        outer.notes.push(text);
                    }
                    return;
                }
                if self.paras.is_empty() {
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
                let kind = match (p.heading, p.list_depth) {
                    (Some(d), _) => BlockKind::Heading { depth: d },
                    (None, 0) => BlockKind::Paragraph,
                    (None, d) => BlockKind::ListItem {
                        depth: d.min(255) as u8,
                    },
                };
                if !text.is_empty() {
                    self.blocks.push(Block::new(kind, text, pos(p.index)));
                }
                self.emit_notes(p.notes, p.index);
            }
            "table-cell" => {
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.take()) {
                    let index = cell.first_para.unwrap_or(self.counter);
                    if !cell.text.is_empty() {
                        self.blocks.push(Block::new(
                            BlockKind::TableCell {
                                row: cell.row,
                                column: cell.column,
                            },
                            cell.text,
                            pos(index),
                        ));
                    }
                    self.emit_notes(cell.notes, index);
                }
            }
            "table" => {
                self.tables.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if self.in_body {
            self.push_text(t);
        }
    }
}

/// Extracts the blocks of an .odt.
pub(crate) fn extract(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Vec<Block>, ExtractError> {
    let mut zip = Zip::open(file, bytes, limits)?;
    if let Some(m) = zip.read("mimetype")? {
        let m = String::from_utf8_lossy(&m);
        if !m
            .trim()
            .starts_with("application/vnd.oasis.opendocument.text")
        {
            return Err(ExtractError::Unsupported {
                file: file.to_string(),
                detail: format!(
                    "OpenDocument of type {} (only text documents are read)",
                    m.trim()
                ),
            });
        }
    }
    let content = zip
        .read("content.xml")?
        .ok_or_else(|| ExtractError::corrupt(file, "odt", "no content.xml"))?;
    let mut reader = BodyReader::default();
    drive(file, "odt", &content, limits.max_xml_depth, &mut reader)?;
    Ok(reader.blocks)
}
