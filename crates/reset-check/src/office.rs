//! Minimal word-processing files (.docx, .odt) written by hand: a title,
//! headings (styles `Heading1`/`Heading2`, `Heading 1`/`Heading 2` in ODF),
//! body paragraphs and notes, on A4. Enough for a buyer to open the file,
//! copy the clauses into a tender and keep its styles.
//!
//! The output is deterministic: fixed zip timestamps, no random ids.

use anyhow::Result;
use reset_criteria::Lang;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// One paragraph of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title.
    Title(String),
    /// A first-level heading.
    Heading1(String),
    /// A second-level heading.
    Heading2(String),
    /// A body paragraph.
    Para(String),
    /// A smaller, italic paragraph (references, current level).
    Note(String),
}

/// Escapes text for XML, dropping characters XML 1.0 cannot hold.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The lines of a block's text, each written as a paragraph of its own.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n')
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
}

fn zip_file(entries: &[(&str, String)], first_stored: bool) -> Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (i, (name, body)) in entries.iter().enumerate() {
        let method = if i == 0 && first_stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default());
        zip.start_file(*name, opts)?;
        zip.write_all(body.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn lang_tag(lang: Lang) -> &'static str {
    lang.pick("fr-FR", "en-GB")
}

/// A Word document (Office Open XML).
pub fn docx(title: &str, blocks: &[Block], lang: Lang) -> Result<Vec<u8>> {
    let content_types = format!(
        r#"{XML}
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#
    );
    let rels = format!(
        r#"{XML}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#
    );
    let doc_rels = format!(
        r#"{XML}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
    );
    let core = format!(
        r#"{XML}
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>reset-check</dc:creator><dc:language>{}</dc:language></cp:coreProperties>"#,
        escape(title),
        lang_tag(lang)
    );
    let heading = |id: &str, name: &str, level: u8, size: u8| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="{}" w:after="120"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>"#,
            if level == 0 { 360 } else { 240 }
        )
    };
    let styles = format!(
        r#"{XML}
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>{h1}{h2}<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:sz w:val="20"/></w:rPr></w:style></w:styles>"#,
        lang = lang_tag(lang),
        h1 = heading("Heading1", "heading 1", 0, 30),
        h2 = heading("Heading2", "heading 2", 1, 24),
    );
    let mut body = String::new();
    for b in blocks {
        let (style, text) = match b {
            Block::Title(t) => ("Title", t),
            Block::Heading1(t) => ("Heading1", t),
            Block::Heading2(t) => ("Heading2", t),
            Block::Para(t) => ("Normal", t),
            Block::Note(t) => ("Note", t),
        };
        for line in lines(text) {
            body.push_str(&format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                escape(line)
            ));
        }
    }
    let document = format!(
        r#"{XML}
<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    zip_file(
        &[
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", rels),
            ("docProps/core.xml", core),
            ("word/_rels/document.xml.rels", doc_rels),
            ("word/styles.xml", styles),
            ("word/document.xml", document),
        ],
        false,
    )
}

const ODF_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0""#;

/// An OpenDocument text (ODF 1.3).
pub fn odt(title: &str, blocks: &[Block], lang: Lang) -> Result<Vec<u8>> {
    let mime = "application/vnd.oasis.opendocument.text".to_string();
    let manifest = format!(
        r#"{XML}
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
    );
    let (language, country) = match lang {
        Lang::Fr => ("fr", "FR"),
        Lang::En => ("en", "GB"),
    };
    let meta = format!(
        r#"{XML}
<office:document-meta {ODF_NS} office:version="1.3"><office:meta><dc:title>{}</dc:title><dc:language>{}</dc:language><meta:generator>reset-check</meta:generator></office:meta></office:document-meta>"#,
        escape(title),
        lang_tag(lang)
    );
    let heading = |n: u8, size: &str| {
        format!(
            r#"<style:style style:name="Heading_20_{n}" style:display-name="Heading {n}" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="{n}" style:class="text"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="{size}" fo:font-weight="bold"/></style:style>"#
        )
    };
    let styles = format!(
        r#"{XML}
<office:document-styles {ODF_NS} office:version="1.3"><office:styles><style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:language="{language}" fo:country="{country}"/></style:default-style><style:style style:name="Standard" style:family="paragraph" style:class="text"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style><style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:class="chapter"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>{h1}{h2}<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="10pt" fo:font-style="italic"/></style:style></office:styles><office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles></office:document-styles>"#,
        h1 = heading(1, "15pt"),
        h2 = heading(2, "12pt"),
    );
    let mut body = String::new();
    for b in blocks {
        let (tag, style, level, text) = match b {
            Block::Title(t) => ("text:p", "Title", 0, t),
            Block::Heading1(t) => ("text:h", "Heading_20_1", 1, t),
            Block::Heading2(t) => ("text:h", "Heading_20_2", 2, t),
            Block::Para(t) => ("text:p", "Standard", 0, t),
            Block::Note(t) => ("text:p", "Note", 0, t),
        };
        for line in lines(text) {
            let outline = if level > 0 {
                format!(r#" text:outline-level="{level}""#)
            } else {
                String::new()
            };
            body.push_str(&format!(
                r#"<{tag} text:style-name="{style}"{outline}>{}</{tag}>"#,
                escape(line)
            ));
        }
    }
    let content = format!(
        r#"{XML}
<office:document-content {ODF_NS} office:version="1.3"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    zip_file(
        &[
            // The mimetype comes first, stored, as ODF requires.
            ("mimetype", mime),
            ("META-INF/manifest.xml", manifest),
            ("meta.xml", meta),
            ("styles.xml", styles),
            ("content.xml", content),
        ],
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn entry(bytes: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    fn blocks() -> Vec<Block> {
        vec![
            Block::Title("Clauses <&> \"x\"".into()),
            Block::Heading1("1. Privacy".into()),
            Block::Heading2("1.1 PRIV-04".into()),
            Block::Para("The contractor shall\u{0} deliver.\nSecond line".into()),
            Block::Note("References: RGPD art. 35".into()),
        ]
    }

    #[test]
    fn docx_has_styles_and_escaped_text() {
        let b = docx("t", &blocks(), Lang::En).unwrap();
        let d = entry(&b, "word/document.xml");
        assert!(d.contains(r#"<w:pStyle w:val="Heading1"/>"#));
        assert!(d.contains("Clauses &lt;&amp;&gt; &quot;x&quot;"));
        assert!(d.contains("The contractor shall deliver."));
        assert!(d.contains(">Second line<"));
        assert!(entry(&b, "word/styles.xml").contains(r#"w:styleId="Heading2""#));
        // Deterministic.
        assert_eq!(b, docx("t", &blocks(), Lang::En).unwrap());
    }

    #[test]
    fn odt_starts_with_a_stored_mimetype() {
        let b = odt("t", &blocks(), Lang::Fr).unwrap();
        assert_eq!(&b[30..38], b"mimetype");
        assert_eq!(&b[38..77], b"application/vnd.oasis.opendocument.text");
        let c = entry(&b, "content.xml");
        assert!(c.contains(
            r#"<text:h text:style-name="Heading_20_1" text:outline-level="1">1. Privacy</text:h>"#
        ));
    }
}
