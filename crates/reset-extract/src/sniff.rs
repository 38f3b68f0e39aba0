//! Format detection from the content (magic bytes); the file name's
//! extension is only a hint between text formats.

use crate::archive::Zip;
use crate::error::ExtractError;
use crate::limits::Limits;

/// A format this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Txt,
    /// Markdown (CommonMark with tables).
    Markdown,
    /// HTML.
    Html,
    /// Office Open XML word processing (.docx).
    Docx,
    /// OpenDocument text (.odt).
    Odt,
    /// PDF.
    Pdf,
    /// A zip holding several documents: a dossier (DCE).
    ZipDossier,
}

impl Format {
    /// Short name used in `Document::format`: `txt`, `md`, `html`, `docx`, `odt`, `pdf`, `dossier`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
            Format::ZipDossier => "dossier",
        }
    }
}

/// The lowercase extension of a name, without the dot.
pub(crate) fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Extensions of the formats a dossier picks up.
pub(crate) fn is_document_extension(ext: &str) -> bool {
    matches!(
        ext,
        "txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml" | "docx" | "odt" | "pdf"
    )
}

/// Detects the format of `bytes` named `name`, with the default limits.
pub fn detect_format(name: &str, bytes: &[u8]) -> Result<Format, ExtractError> {
    detect_with(name, bytes, &Limits::default())
}

pub(crate) fn detect_with(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Format, ExtractError> {
    let unsupported = |detail: &str| ExtractError::Unsupported {
        file: name.to_string(),
        detail: detail.to_string(),
    };
    if bytes.is_empty() {
        return Err(unsupported("empty file"));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let zip = Zip::open(name, bytes, limits)?;
        if zip.has("word/document.xml") {
            return Ok(Format::Docx);
        }
        if zip.has("content.xml") && (zip.has("mimetype") || zip.has("META-INF/manifest.xml")) {
            return Ok(Format::Odt);
        }
        if zip.has("xl/workbook.xml") || zip.has("ppt/presentation.xml") {
            return Err(unsupported(
                "a spreadsheet or presentation (xlsx/pptx), not a text document",
            ));
        }
        return Ok(Format::ZipDossier);
    }
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "legacy Word/Excel (OLE2 .doc/.xls): save it as .docx or PDF",
        ),
        (b"{\\rtf", "RTF: save it as .docx, .odt or PDF"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "7z archive"),
        (b"Rar!", "RAR archive"),
        (b"\x7FELF", "executable"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(unsupported(what));
        }
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || crate::txt::utf16_without_bom(bytes).is_some();
    if !utf16 && looks_binary(bytes) {
        return Err(unsupported("binary content, not text"));
    }
    let ext = extension(name);
    match ext.as_str() {
        "md" | "markdown" | "mdown" | "mkd" => return Ok(Format::Markdown),
        "html" | "htm" | "xhtml" => return Ok(Format::Html),
        _ => {}
    }
    if looks_html(bytes) {
        return Ok(Format::Html);
    }
    Ok(Format::Txt)
}

/// NUL bytes, or more than 2% control characters, in the first 64 kB.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(65536)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    controls * 50 > sample.len()
}

fn looks_html(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(2048)];
    let text = String::from_utf8_lossy(sample).to_ascii_lowercase();
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || (t.starts_with("<?xml") && t.contains("<html"))
        || (t.starts_with("<!--") && t.contains("<html"))
}
