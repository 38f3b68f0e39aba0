//! Extraction speed per format on a ~100-page tender:
//! `cargo run --release -p reset-extract --example bench_extract`.
//!
//! txt, md and html repeat the fixture text to about 300 kB (≈ 100 pages of
//! 3,000 characters); docx and odt repeat the fixture's body 100 times in a
//! new archive; the PDF is `tests/fixtures/bench_100p.pdf` (100 pages,
//! written by LibreOffice). Figures are MB per second of input
//! (compressed, for docx and odt) and of extracted text.

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use reset_extract::{extract_bytes, Limits};

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn repeat_text(text: &str, start: &str, end: &str, min_len: usize) -> String {
    let (head, rest) = text.split_at(text.find(start).map_or(0, |i| i + start.len()));
    let (body, tail) = rest.split_at(rest.rfind(end).unwrap_or(rest.len()));
    let mut out = String::from(head);
    while out.len() < min_len {
        out.push_str(body);
    }
    out.push_str(tail);
    out
}

/// A copy of a zip with `part` replaced by its body repeated `times` times.
fn repeat_zip_part(bytes: &[u8], part: &str, start: &str, end: &str, times: usize) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().expect("name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        if name == part {
            let xml = String::from_utf8(data).expect("utf-8");
            let a = xml.find(start).expect("start") + start.len();
            let b = xml.rfind(end).expect("end");
            let mut s = xml[..a].to_string();
            for _ in 0..times {
                s.push_str(&xml[a..b]);
            }
            s.push_str(&xml[b..]);
            data = s.into_bytes();
        }
        out.start_file(name, options).expect("start");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fn main() {
    let target = 300_000;
    let txt = repeat_text(
        &String::from_utf8(fixture("tender.txt")).unwrap(),
        "",
        "\u{0}",
        target,
    );
    let md = repeat_text(
        &String::from_utf8(fixture("tender.md")).unwrap(),
        "",
        "\u{0}",
        target,
    );
    let html = repeat_text(
        &String::from_utf8(fixture("tender.html")).unwrap(),
        "<main>",
        "</main>",
        target,
    );
    let docx = repeat_zip_part(
        &fixture("tender.docx"),
        "word/document.xml",
        "<w:body>",
        "<w:sectPr",
        100,
    );
    let odt = repeat_zip_part(
        &fixture("tender.odt"),
        "content.xml",
        "<office:text>",
        "</office:text>",
        100,
    );
    let pdf = fixture("bench_100p.pdf");
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("bench.txt", txt.into_bytes()),
        ("bench.md", md.into_bytes()),
        ("bench.html", html.into_bytes()),
        ("bench.docx", docx),
        ("bench.odt", odt),
        ("bench.pdf", pdf),
    ];
    let limits = Limits::default();
    println!(
        "{:<6} {:>10} {:>8} {:>10} {:>10} {:>10} {:>12}",
        "format", "input", "blocks", "text", "per run", "input MB/s", "text MB/s"
    );
    for (name, bytes) in &inputs {
        let first = extract_bytes(name, bytes, &limits).unwrap_or_else(|e| panic!("{e}"));
        let text_len: usize = first.blocks.iter().map(|b| b.text.len()).sum();
        let mut runs = 0u32;
        let start = Instant::now();
        while runs < 3 || start.elapsed() < Duration::from_secs(2) {
            let doc = extract_bytes(name, bytes, &limits).expect("extract");
            std::hint::black_box(doc);
            runs += 1;
        }
        let per_run = start.elapsed().as_secs_f64() / f64::from(runs);
        println!(
            "{:<6} {:>7} kB {:>8} {:>7} kB {:>7.1} ms {:>10.1} {:>12.1}",
            first.format,
            bytes.len() / 1000,
            first.blocks.len(),
            text_len / 1000,
            per_run * 1000.0,
            bytes.len() as f64 / 1e6 / per_run,
            text_len as f64 / 1e6 / per_run
        );
    }
}
