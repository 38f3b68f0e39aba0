//! Markdown (CommonMark with tables) through pulldown-cmark events, with
//! the line and column of each block's first character of text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use reset_criteria::document::{Block, BlockKind, Position};

/// Byte offset to line and column (from 1; column counted in chars).
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    pub(crate) fn position(&self, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(0, |s| s.chars().count());
        Position::line_col(line as u32, col as u32 + 1)
    }
}

struct Current {
    kind: BlockKind,
    start: usize,
    text_start: Option<usize>,
    text: String,
}

/// Extracts the blocks of a Markdown text.
pub(crate) fn parse(text: &str) -> Vec<Block> {
    let index = LineIndex::new(text);
    let mut blocks = Vec::new();
    let mut cur: Option<Current> = None;
    let mut list_depth: u32 = 0;
    let mut row: u32 = 0;
    let mut col: u32 = 0;
    let mut in_html = 0u32;
    let flush = |cur: &mut Option<Current>, blocks: &mut Vec<Block>| {
        if let Some(c) = cur.take() {
            let t = c.text.trim();
            if !t.is_empty() {
                let pos = index.position(c.text_start.unwrap_or(c.start));
                blocks.push(Block::new(c.kind, t, pos));
            }
        }
    };
    let start = |kind: BlockKind, at: usize| Current {
        kind,
        start: at,
        text_start: None,
        text: String::new(),
    };
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    flush(&mut cur, &mut blocks);
                    cur = Some(start(
                        BlockKind::Heading { depth: level as u8 },
                        range.start,
                    ));
                }
                Tag::Paragraph => {
                    let keep = cur.as_ref().is_some_and(|c| {
                        matches!(
                            c.kind,
                            BlockKind::ListItem { .. } | BlockKind::TableCell { .. }
                        ) && c.text.trim().is_empty()
                    });
                    if !keep {
                        flush(&mut cur, &mut blocks);
                        cur = Some(start(BlockKind::Paragraph, range.start));
                    }
                }
                Tag::CodeBlock(_) => {
                    flush(&mut cur, &mut blocks);
                    cur = Some(start(BlockKind::Paragraph, range.start));
                }
                Tag::List(_) => {
                    flush(&mut cur, &mut blocks);
                    list_depth += 1;
                }
                Tag::Item => {
                    flush(&mut cur, &mut blocks);
                    let depth = list_depth.clamp(1, 255) as u8;
                    cur = Some(start(BlockKind::ListItem { depth }, range.start));
                }
                Tag::Table(_) => {
                    flush(&mut cur, &mut blocks);
                    row = 0;
                }
                Tag::TableHead | Tag::TableRow => {
                    row += 1;
                    col = 0;
                }
                Tag::TableCell => {
                    flush(&mut cur, &mut blocks);
                    col += 1;
                    cur = Some(start(
                        BlockKind::TableCell { row, column: col },
                        range.start,
                    ));
                }
                Tag::HtmlBlock => in_html += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::TableCell => flush(&mut cur, &mut blocks),
                TagEnd::List(_) => {
                    flush(&mut cur, &mut blocks);
                    list_depth = list_depth.saturating_sub(1);
                }
                TagEnd::HtmlBlock => in_html = in_html.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if in_html == 0 => {
                let c = cur.get_or_insert_with(|| start(BlockKind::Paragraph, range.start));
                if c.text_start.is_none() && !t.trim().is_empty() {
                    c.text_start = Some(range.start);
                }
                c.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = cur.as_mut() {
                    c.text.push('\n');
                }
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut blocks);
    blocks.shrink_to_fit();
    blocks
}
