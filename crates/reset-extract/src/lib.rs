//! `reset-extract` has one job: turn a tender document (txt, md, html, docx,
//! odt, pdf, or a dossier of them as a folder or zip) into the structured
//! text the checker reads — headings, paragraphs, list items and table
//! cells, each with a position a person can find again — under limits that
//! keep hostile input from exhausting memory or time.
//!
//! ```no_run
//! use reset_extract::{extract_path, render_text, Limits};
//! let doc = extract_path(std::path::Path::new("CCTP.docx"), &Limits::default())?;
//! print!("{}", render_text(&doc));
//! # Ok::<(), reset_extract::ExtractError>(())
//! ```
#![warn(missing_docs)]

mod archive;
mod docx;
mod dossier;
mod error;
mod html;
mod limits;
mod markdown;
mod odt;
mod pdf;
mod sniff;
mod txt;
mod xml;

use std::borrow::Cow;
use std::io::{Read, Write};
use std::path::Path;

pub use error::ExtractError;
pub use limits::{LimitKind, Limits};
pub use reset_criteria::document::{Block, BlockKind, Document, Position};
pub use sniff::{detect_format, Format};

/// Extracts a file, or a folder as a dossier. The format comes from the
/// content; a zip that is neither docx nor odt is read as a dossier.
pub fn extract_path(path: &Path, limits: &Limits) -> Result<Document, ExtractError> {
    if path.is_dir() {
        return dossier::from_path(path, limits);
    }
    let name = path.display().to_string();
    // A large plain text is read line by line, never whole.
    if let Some(blocks) = txt::stream_file(path, &name, limits)? {
        return Ok(Document {
            source: name,
            format: Format::Txt.as_str().to_string(),
            blocks,
        });
    }
    let bytes = read_limited(path, limits)?;
    // The bytes are handed over: a text is decoded in place and the raw
    // buffer is gone before the blocks are built.
    check_size(&name, bytes.len() as u64, limits)?;
    match sniff::detect_with(&name, &bytes, limits)? {
        Format::ZipDossier => dossier::from_zip(&name, &bytes, limits),
        _ => extract_single(&name, Cow::Owned(bytes), limits),
    }
}

/// Extracts a document held in memory; `name` is used in errors and as the
/// document's source, and its extension is a hint only.
pub fn extract_bytes(name: &str, bytes: &[u8], limits: &Limits) -> Result<Document, ExtractError> {
    check_size(name, bytes.len() as u64, limits)?;
    match sniff::detect_with(name, bytes, limits)? {
        Format::ZipDossier => dossier::from_zip(name, bytes, limits),
        _ => extract_single(name, Cow::Borrowed(bytes), limits),
    }
}

/// Extracts a dossier: a folder, or a zip of several documents. Blocks carry
/// the file they came from; files come in the order RC, CCAP, CCTP, annexes,
/// then the others, each group by name.
pub fn extract_dossier(path: &Path, limits: &Limits) -> Result<Document, ExtractError> {
    dossier::from_path(path, limits)
}

/// One document (not a dossier). Owned bytes of a text are decoded in
/// place (no copy when they are UTF-8) and dropped before parsing; the
/// decoded text is dropped as soon as the blocks are built.
pub(crate) fn extract_single(
    name: &str,
    bytes: Cow<'_, [u8]>,
    limits: &Limits,
) -> Result<Document, ExtractError> {
    check_size(name, bytes.len() as u64, limits)?;
    let format = sniff::detect_with(name, &bytes, limits)?;
    let blocks = match format {
        Format::Txt => txt::parse(&txt::decode_text(bytes)),
        Format::Markdown => markdown::parse(&txt::decode_text(bytes)),
        Format::Html => html::parse(name, &txt::decode_text(bytes), limits)?,
        Format::Docx => docx::extract(name, &bytes, limits)?,
        Format::Odt => odt::extract(name, &bytes, limits)?,
        Format::Pdf => pdf::extract(name, &bytes, limits)?,
        Format::ZipDossier => {
            return Err(ExtractError::Unsupported {
                file: name.to_string(),
                detail: "a zip archive inside a dossier (nested archives are not read)".into(),
            })
        }
    };
    Ok(Document {
        source: name.to_string(),
        format: format.as_str().to_string(),
        blocks,
    })
}

fn check_size(name: &str, size: u64, limits: &Limits) -> Result<(), ExtractError> {
    if size > limits.max_input_bytes {
        return Err(ExtractError::limit(
            name,
            LimitKind::InputSize,
            limits.max_input_bytes,
        ));
    }
    Ok(())
}

/// Reads a file, checking its size before and while reading.
pub(crate) fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| ExtractError::io(&name, e))?;
    let meta = file.metadata().map_err(|e| ExtractError::io(&name, e))?;
    check_size(&name, meta.len(), limits)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limits.max_input_bytes) as usize);
    file.take(limits.max_input_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ExtractError::io(&name, e))?;
    check_size(&name, bytes.len() as u64, limits)?;
    Ok(bytes)
}

/// The document as text, one line per block: position, kind, text (line
/// breaks shown as ` ⏎ `), with the file first for dossiers. What
/// `reset-check extract FILE` prints.
///
/// ```text
/// 12:1  heading(2)  3.1 Accessibilité
/// p. 3, l. 7  paragraph  Le titulaire ...
/// § 42  table-cell(r2,c1)  RGAA 4.1
/// ```
pub fn render_text(doc: &Document) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_text(doc, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes [`render_text`]'s rows to `out` one at a time, without holding
/// the whole rendering (or a copy of every block) in memory.
pub fn write_text(doc: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    fn kind(k: BlockKind) -> String {
        match k {
            BlockKind::Heading { depth } => format!("heading({depth})"),
            BlockKind::Paragraph => "paragraph".to_string(),
            BlockKind::ListItem { depth } => format!("list-item({depth})"),
            BlockKind::TableCell { row, column } => format!("table-cell(r{row},c{column})"),
        }
    }
    // Column widths first, then the rows.
    let (mut wf, mut wp, mut wk) = (0, 0, 0);
    for b in &doc.blocks {
        wf = wf.max(b.file.as_deref().map_or(0, |f| f.chars().count()));
        wp = wp.max(b.position.describe().chars().count());
        wk = wk.max(kind(b.kind).chars().count());
    }
    for b in &doc.blocks {
        if wf > 0 {
            let file = b.file.as_deref().unwrap_or_default();
            write!(out, "{file:<wf$}  ")?;
        }
        write!(
            out,
            "{:<wp$}  {:<wk$}  ",
            b.position.describe(),
            kind(b.kind)
        )?;
        for (i, line) in b.text.split('\n').enumerate() {
            if i > 0 {
                out.write_all(" ⏎ ".as_bytes())?;
            }
            out.write_all(line.as_bytes())?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}
