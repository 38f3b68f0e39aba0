//! What the fuzz targets share: the limits they run under (lower than the
//! defaults so that libFuzzer stays fast and within its memory limit), a
//! tiny zip writer for the structure-aware docx/odt modes, and the check
//! every extraction must pass.

use std::io::Write;

use reset_extract::{ExtractError, Limits};

/// Limits for fuzzing: small enough that a bomb is refused quickly.
pub fn limits() -> Limits {
    Limits {
        max_input_bytes: 4 << 20,
        max_inflated_bytes: 32 << 20,
        max_zip_entries: 1_000,
        max_xml_depth: 256,
        max_pdf_pages: 200,
        max_html_depth: 512,
        max_dossier_files: 50,
    }
}

/// Extracts `bytes` named `name` and checks the result: an error must name
/// the file; a document must carry its source.
pub fn extract_and_check(name: &str, bytes: &[u8]) {
    match reset_extract::extract_bytes(name, bytes, &limits()) {
        Ok(doc) => {
            assert_eq!(doc.source, name);
            for b in &doc.blocks {
                // Touch the text so that a broken string would show.
                let _ = b.text.chars().count();
            }
            let _ = reset_extract::render_text(&doc);
        }
        Err(e) => check_error(name, &e),
    }
}

/// An error names the file it is about, and its message starts with it.
pub fn check_error(name: &str, e: &ExtractError) {
    assert!(
        e.file().starts_with(name),
        "error does not name the file: {e}"
    );
    let msg = e.to_string();
    assert!(
        msg.starts_with(e.file()),
        "message does not start with the file: {msg}"
    );
}

/// A zip (stored, no compression) holding these entries.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        w.start_file(*name, opts).expect("zip entry");
        w.write_all(data).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// A minimal docx whose `word/document.xml` is `xml`.
pub fn docx_with(xml: &[u8]) -> Vec<u8> {
    zip_of(&[
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        ),
        ("word/document.xml", xml),
    ])
}

/// A minimal odt whose `content.xml` is `xml`.
pub fn odt_with(xml: &[u8]) -> Vec<u8> {
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", xml),
    ])
}
