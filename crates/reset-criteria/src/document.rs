//! The structured text the engine reads: a document is a list of blocks
//! (headings, paragraphs, list items, table cells), each with its text and
//! its place in the source. `reset-extract` builds it from files; an
//! embedder can build it from memory.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of block a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockKind {
    /// A heading, depth 1 for the top level.
    Heading {
        /// Depth of the heading (1 = top level).
        depth: u8,
    },
    /// A paragraph.
    Paragraph,
    /// An item of a list.
    ListItem {
        /// Nesting depth (1 = top-level list).
        depth: u8,
    },
    /// A table cell.
    TableCell {
        /// Row, from 1.
        row: u32,
        /// Column, from 1.
        column: u32,
    },
}

/// Where a block sits in its source file; what a person can find again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Position {
    /// Line of the block's first character (text formats; line on the page for PDF), from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Column of the block's first character, from 1 (text formats).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Paragraph index in the document body, from 1 (docx, odt).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// Page, from 1 (pdf).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl Position {
    /// A line and column position.
    pub fn line_col(line: u32, column: u32) -> Self {
        Position {
            line: Some(line),
            column: Some(column),
            ..Default::default()
        }
    }

    /// The position `extra_lines` lines further down (for a sentence inside a block).
    /// Only text positions (line) move; paragraph and page stay.
    pub fn down(&self, extra_lines: u32) -> Position {
        let mut p = self.clone();
        if extra_lines > 0 {
            if let Some(l) = p.line {
                p.line = Some(l + extra_lines);
                p.column = Some(1);
            }
        }
        p
    }

    /// A short human-readable place: `12:5`, `§ 42`, `p. 3, l. 7`.
    pub fn describe(&self) -> String {
        match (self.page, self.paragraph, self.line, self.column) {
            (Some(p), _, Some(l), _) => format!("p. {p}, l. {l}"),
            (Some(p), _, None, _) => format!("p. {p}"),
            (None, Some(par), _, _) => format!("§ {par}"),
            (None, None, Some(l), Some(c)) => format!("{l}:{c}"),
            (None, None, Some(l), None) => format!("{l}"),
            _ => String::from("?"),
        }
    }

    /// The number shown as `line` in reports: the line, else the paragraph, else the page.
    pub fn primary_line(&self) -> u32 {
        self.line.or(self.paragraph).or(self.page).unwrap_or(0)
    }
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Block {
    /// What kind of block it is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Its text (may hold line breaks).
    pub text: String,
    /// Where it is in its source.
    pub position: Position,
    /// The file it came from, inside a dossier (None for a single file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Block {
    /// A block of a kind at a position.
    pub fn new(kind: BlockKind, text: impl Into<String>, position: Position) -> Self {
        Block {
            kind,
            text: text.into(),
            position,
            file: None,
        }
    }

    /// True for headings.
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }
}

/// A document: its source name, its format and its blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// The source, as the user named it (a path, `-`, or a name given by an embedder).
    pub source: String,
    /// The format it was read as (`txt`, `md`, `html`, `docx`, `odt`, `pdf`, `dossier`).
    pub format: String,
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// The heading path of block `index`: the texts of the headings it sits
    /// under, outermost first (for a heading, those above it). This is how a
    /// person finds a paragraph again in a docx or odt ("3. Exigences > 3.2
    /// Accessibilité", § 42).
    pub fn heading_path(&self, index: usize) -> Vec<&str> {
        let mut path: Vec<(u8, &str)> = Vec::new();
        for b in self.blocks.iter().take(index.min(self.blocks.len())) {
            if let BlockKind::Heading { depth } = b.kind {
                while path.last().is_some_and(|(d, _)| *d >= depth) {
                    path.pop();
                }
                path.push((depth, b.text.trim()));
            }
        }
        if let Some(Block {
            kind: BlockKind::Heading { depth },
            ..
        }) = self.blocks.get(index)
        {
            while path.last().is_some_and(|(d, _)| d >= depth) {
                path.pop();
            }
        }
        path.into_iter().map(|(_, t)| t).collect()
    }

    /// A document from plain text: one paragraph block per run of non-empty
    /// lines, with their line numbers; lines starting with `#` are headings.
    /// Enough for embedders and tests; `reset-extract` does the real work.
    pub fn from_plain_text(source: impl Into<String>, text: &str) -> Document {
        let mut blocks = Vec::new();
        let mut current: Option<(u32, String)> = None;
        let flush = |cur: &mut Option<(u32, String)>, blocks: &mut Vec<Block>| {
            if let Some((line, t)) = cur.take() {
                blocks.push(Block::new(
                    BlockKind::Paragraph,
                    t,
                    Position::line_col(line, 1),
                ));
            }
        };
        for (i, raw) in text.lines().enumerate() {
            let line = i as u32 + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                flush(&mut current, &mut blocks);
                continue;
            }
            let hashes = trimmed.chars().take_while(|c| *c == '#').count();
            if hashes > 0 && hashes <= 6 && trimmed[hashes..].starts_with(' ') {
                flush(&mut current, &mut blocks);
                let col = (raw.len() - raw.trim_start().len()) as u32 + 1;
                blocks.push(Block::new(
                    BlockKind::Heading {
                        depth: hashes as u8,
                    },
                    trimmed[hashes..].trim(),
                    Position::line_col(line, col + hashes as u32 + 1),
                ));
                continue;
            }
            match &mut current {
                Some((_, t)) => {
                    t.push('\n');
                    t.push_str(raw);
                }
                None => current = Some((line, raw.to_string())),
            }
        }
        flush(&mut current, &mut blocks);
        Document {
            source: source.into(),
            format: "txt".into(),
            blocks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_path_follows_depths() {
        let d = Document::from_plain_text(
            "t",
            "# 1. Objet\n\ntexte\n\n## 1.1 Contexte\n\nA\n\n# 2. Exigences\n\n## 2.1 Accessibilité\n\nB\n",
        );
        let idx = |t: &str| d.blocks.iter().position(|b| b.text == t).unwrap();
        assert_eq!(d.heading_path(idx("A")), ["1. Objet", "1.1 Contexte"]);
        assert_eq!(
            d.heading_path(idx("B")),
            ["2. Exigences", "2.1 Accessibilité"]
        );
        assert_eq!(d.heading_path(idx("2. Exigences")), Vec::<&str>::new());
        assert_eq!(d.heading_path(idx("2.1 Accessibilité")), ["2. Exigences"]);
    }
}
