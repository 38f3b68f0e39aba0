//! Replays every input that once crashed (or hung) a fuzz target of
//! `fuzz/`: `tests/regressions/TARGET/*`, fed the way the target feeds it.
//! Each must now give a document or an error naming the file.
//!
//! To add one: copy `fuzz/artifacts/TARGET/crash-…` into
//! `tests/regressions/TARGET/` (any file name) once the bug is fixed.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use reset_extract::{extract_bytes, Limits};

/// The limits of the fuzz targets (fuzz/src/lib.rs).
fn limits() -> Limits {
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

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The bytes a target hands to `extract_bytes` for a fuzz input.
fn as_fed(target: &str, data: &[u8]) -> Vec<u8> {
    let wrap = |data: &[u8]| -> Vec<u8> {
        match target {
            "extract_docx" => zip_of(&[
                ("[Content_Types].xml", b"<Types/>"),
                ("word/document.xml", data),
            ]),
            _ => zip_of(&[
                ("mimetype", b"application/vnd.oasis.opendocument.text"),
                ("content.xml", data),
            ]),
        }
    };
    match (target, data.split_first()) {
        ("extract_docx" | "extract_odt", Some((&mode, rest))) if mode & 1 == 1 => wrap(rest),
        ("extract_docx" | "extract_odt", Some((_, rest))) => rest.to_vec(),
        _ => data.to_vec(),
    }
}

#[test]
fn crashing_inputs_found_by_fuzzing_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut replayed = 0;
    for target in [
        "extract_txt",
        "extract_md",
        "extract_html",
        "extract_docx",
        "extract_odt",
        "extract_pdf",
    ] {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let name = format!("fuzz.{}", target.trim_start_matches("extract_"));
        for entry in dir {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let bytes = as_fed(target, &data);
            let start = Instant::now();
            let result = extract_bytes(&name, &bytes, &limits());
            if let Err(e) = result {
                assert!(e.to_string().starts_with(&name), "{}: {e}", path.display());
            }
            // A hang found by the fuzzer must stay fixed too (debug build: generous).
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{} took {:?}",
                path.display(),
                start.elapsed()
            );
            replayed += 1;
        }
    }
    eprintln!("{replayed} regression input(s) replayed");
}
