//! Hostile input (issue 8, item 5): every file is generated here, at test
//! time, in a temporary folder (nothing large is stored in the repository).
//! Each case gets a clear error naming the file (and the limit, where one
//! applies) or a correct result — never a panic — and one batch over all of
//! them keeps going and reports each one (exit 2).
//!
//! Also: `-o` is atomic, nothing is written next to the inputs, and a batch
//! does not follow symlinks out of its folder unless `--follow`.
//!
//! The 200 MB text file and the peak-memory figures live in
//! `scripts/hostile-memory.sh` (release binary, `/usr/bin/time -v`); here a
//! 20 MB text keeps the suite fast on a small CI machine.

#![cfg(unix)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// No case may take longer than this (a hang is a failure, not a wait).
const TIMEOUT: Duration = Duration::from_secs(120);

fn bin() -> Command {
    let mut c = Command::cargo_bin("reset-check").unwrap();
    c.env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .timeout(TIMEOUT);
    c
}

/// What a run gave: exit code, stdout parsed as JSON (when it is), stderr.
struct Run {
    code: Option<i32>,
    json: Option<Value>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // Not even a panic caught by the batch (said as an internal error).
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "a panic reached the user:\n{stderr}"
    );
    Run {
        code: out.status.code(),
        json: serde_json::from_str(&stdout).ok(),
        stdout,
        stderr,
    }
}

/// `reset-check spec FILE --format json`.
fn spec(path: &Path, extra: &[&str]) -> Run {
    run(bin()
        .arg("spec")
        .arg(path)
        .args(["--format", "json"])
        .args(extra))
}

/// The one document of a report.
fn document(r: &Run) -> &Value {
    let json = r.json.as_ref().unwrap_or_else(|| {
        panic!(
            "no JSON report (exit {:?}):\n{}\n{}",
            r.code, r.stdout, r.stderr
        )
    });
    let docs = json["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 1, "{json:#}");
    &docs[0]
}

/// The case fails with exit 2, an error in the report that names the file
/// and says each of `words`, and the same error on stderr.
fn assert_error(r: &Run, file: &Path, words: &[&str]) -> String {
    assert_eq!(r.code, Some(2), "exit code; stderr:\n{}", r.stderr);
    let d = document(r);
    let error = d["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error for {}: {d:#}", file.display()))
        .to_string();
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(
        error.contains(&*name),
        "error does not name the file: {error}"
    );
    for w in words {
        assert!(
            error.to_lowercase().contains(&w.to_lowercase()),
            "error does not say {w:?}: {error}"
        );
    }
    assert!(r.stderr.contains(&error), "stderr:\n{}", r.stderr);
    // An error message stays a message, whatever the input held.
    assert!(error.len() < 2_000, "error of {} bytes", error.len());
    error
}

/// The case succeeds: exit 0, a score, no error.
fn assert_result(r: &Run) -> &Value {
    let d = document(r);
    assert!(d["error"].is_null(), "unexpected error: {}", d["error"]);
    assert_eq!(r.code, Some(0), "stderr:\n{}", r.stderr);
    let score = d["score"].as_f64().expect("a score");
    assert!((0.0..=100.0).contains(&score));
    d
}

/// The level of a criterion in a document report.
fn level(d: &Value, id: &str) -> u64 {
    d["grids"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["criteria"].as_array().unwrap())
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no criterion {id}"))["level"]
        .as_u64()
        .unwrap()
}

fn is_root() -> bool {
    // Permissions do not apply to root: the unreadable-file case is checked
    // only for other users. `id -u` avoids a libc dependency.
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

// ---------------------------------------------------------------- generators

/// A binding accessibility sentence the engine reads at level 3 (RGAA with
/// its version and level): the "correct result" cases look for it. ASCII,
/// so that the hand-written PDF can show it as a plain string.
const SENTENCE: &str = "Le titulaire doit rendre le site conforme au RGAA 4.1 niveau AA.";
const CRITERION: &str = "INCL-01";

/// Deterministic pseudo-random bytes (xorshift), never valid text.
fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out[0] = 0; // a NUL byte up front, as in most binary formats
    out
}

/// CRC-32 (IEEE) of `bytes`, bit by bit (for small inputs).
fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// a × b modulo the CRC-32 polynomial, in reflected form (as zlib).
fn mult_mod_p(a: u32, mut b: u32) -> u32 {
    let mut m = 1u32 << 31;
    let mut p = 0u32;
    loop {
        if a & m != 0 {
            p ^= b;
            if a & (m - 1) == 0 {
                return p;
            }
        }
        m >>= 1;
        b = if b & 1 != 0 {
            (b >> 1) ^ 0xEDB8_8320
        } else {
            b >> 1
        };
    }
}

/// CRC-32 of `n` zero bytes without reading them: the register times
/// x^(8n) modulo the polynomial (zlib's crc32_combine, by squaring).
fn crc32_of_zeros(n: u64) -> u32 {
    let mut power = 1u32 << 30; // x^1
    let mut table = [0u32; 64];
    for t in table.iter_mut() {
        *t = power;
        power = mult_mod_p(power, power);
    }
    // x^(8n) = x^(n * 2^3)
    let mut p = 1u32 << 31; // x^0
    let (mut n, mut k) = (n, 3usize);
    while n != 0 {
        if n & 1 != 0 {
            p = mult_mod_p(table[k], p);
        }
        n >>= 1;
        k += 1;
    }
    !mult_mod_p(p, !0u32)
}

/// One zip entry: name, method (0 stored, 8 deflate), data as stored, CRC
/// and size of the inflated data.
struct Entry {
    name: String,
    method: u16,
    data: Vec<u8>,
    crc: u32,
    size: u32,
}

impl Entry {
    fn stored(name: &str, data: &[u8]) -> Entry {
        Entry {
            name: name.into(),
            method: 0,
            crc: crc32(data),
            size: data.len() as u32,
            data: data.to_vec(),
        }
    }
}

/// A zip archive written by hand (local headers, central directory, end
/// record), so that an entry can hold a deflate stream built elsewhere.
fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for e in entries {
        let offset = out.len() as u32;
        le32(&mut out, 0x0403_4b50);
        for x in [20, 0, e.method, 0, 0x21] {
            le16(&mut out, x);
        }
        for x in [e.crc, e.data.len() as u32, e.size] {
            le32(&mut out, x);
        }
        le16(&mut out, e.name.len() as u16);
        le16(&mut out, 0);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.data);

        le32(&mut central, 0x0201_4b50);
        for x in [20, 20, 0, e.method, 0, 0x21] {
            le16(&mut central, x);
        }
        for x in [e.crc, e.data.len() as u32, e.size] {
            le32(&mut central, x);
        }
        for x in [e.name.len() as u16, 0, 0, 0, 0] {
            le16(&mut central, x);
        }
        le32(&mut central, 0);
        le32(&mut central, offset);
        central.extend_from_slice(e.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    le32(&mut out, 0x0605_4b50);
    for x in [0, 0, entries.len() as u16, entries.len() as u16] {
        le16(&mut out, x);
    }
    le32(&mut out, central.len() as u32);
    le32(&mut out, cd_offset);
    le16(&mut out, 0);
    out
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

/// A docx whose body is `xml` (stored, not compressed).
fn docx(xml: &str) -> Vec<u8> {
    zip(&[
        Entry::stored("[Content_Types].xml", CONTENT_TYPES),
        Entry::stored("word/document.xml", xml.as_bytes()),
    ])
}

fn docx_body(paragraphs: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>"#
    )
}

fn docx_paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A zip bomb: a docx whose `word/document.xml` inflates to `chunks` MiB of
/// zeros (1,100 MiB: over 1 GB) from about 1 MB. The deflate stream is one
/// 1 MiB chunk compressed with a full flush (which resets the compressor,
/// so the same bytes stand for every further chunk), repeated, then a final
/// empty block. Built in milliseconds; nothing large is ever in memory.
fn make_zip_bomb(chunks: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let chunk = vec![0u8; 1 << 20];
    let mut c = Compress::new(Compression::best(), false);
    let mut piece = |input: &[u8], flush| {
        let mut out = Vec::with_capacity(64 << 10);
        let before = c.total_in();
        c.compress_vec(input, &mut out, flush).unwrap();
        assert_eq!((c.total_in() - before) as usize, input.len());
        out
    };
    let first = piece(&chunk, FlushCompress::Full);
    let unit = piece(&chunk, FlushCompress::Full);
    assert_eq!(piece(&chunk, FlushCompress::Full), unit, "the unit repeats");
    let end = piece(&[], FlushCompress::Finish);
    let mut stream = first;
    for _ in 2..chunks {
        stream.extend_from_slice(&unit);
    }
    stream.extend_from_slice(&unit);
    stream.extend_from_slice(&end);
    let size = (chunks as u64) << 20;
    let bomb = Entry {
        name: "word/document.xml".into(),
        method: 8,
        data: stream,
        crc: crc32_of_zeros(size),
        size: size as u32,
    };
    zip(&[Entry::stored("[Content_Types].xml", CONTENT_TYPES), bomb])
}

/// Billion laughs: ten levels of entities, each ten of the one below, in
/// the body of a docx. Nothing may expand them.
fn billion_laughs_docx() -> Vec<u8> {
    let mut dtd = String::from("<!ENTITY lol0 \"lol\">\n");
    for i in 1..10 {
        let refs = format!("&lol{};", i - 1).repeat(10);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{refs}\">\n"));
    }
    let xml = format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
{dtd}]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}{}</w:body></w:document>"#,
        docx_paragraph("&lol9;"),
        docx_paragraph(SENTENCE)
    );
    zip(&[
        Entry::stored("[Content_Types].xml", CONTENT_TYPES),
        Entry::stored("word/document.xml", xml.as_bytes()),
    ])
}

/// HTML nested `depth` deep.
fn deep_html(depth: usize) -> Vec<u8> {
    let mut s = String::with_capacity(depth * 11 + 200);
    s.push_str("<!DOCTYPE html><html><body><p>");
    s.push_str(SENTENCE);
    s.push_str("</p>");
    s.push_str(&"<div>".repeat(depth));
    s.push('x');
    s.push_str(&"</div>".repeat(depth));
    s.push_str("</body></html>");
    s.into_bytes()
}

/// A minimal one-page PDF showing `text`, with a correct cross-reference
/// table when `broken_xref` is false, else one whose offsets are all wrong
/// and whose `startxref` points nowhere.
fn pdf(text: &str, broken_xref: bool) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        let off = if broken_xref { off * 7 + 3 } else { off };
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    let startxref = if broken_xref { xref + 9_999 } else { xref };
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{startxref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// `n` MB (10^6 bytes) of tender text, the binding sentence near the end.
fn big_text(bytes: usize) -> Vec<u8> {
    let filler = "Le présent article décrit le contexte général de la consultation et les usages attendus du service.\n\n";
    let mut s = String::with_capacity(bytes + 200);
    while s.len() + filler.len() < bytes.saturating_sub(SENTENCE.len() + 2) {
        s.push_str(filler);
    }
    s.push_str(SENTENCE);
    s.push('\n');
    s.into_bytes()
}

/// The id of the `i`-th criterion of [`big_grid`]: `HAX-000` to `HJX-999`
/// (ids have 2-8 letters and 2-3 digits).
fn big_id(i: usize) -> String {
    format!("H{}X-{:03}", (b'A' + (i / 1000) as u8) as char, i % 1000)
}

/// A grid file with `n` criteria (at most 26,000), all valid.
fn big_grid(n: usize) -> String {
    let mut s = String::from(
        "id = \"hostile\"\nversion = \"1.0.0\"\ntitle = { fr = \"Grille massive\", en = \"Huge grid\" }\n\
         summary = { fr = \"Beaucoup de critères.\", en = \"Many criteria.\" }\n\n\
         [grades]\na = 80\nb = 60\nc = 40\nd = 20\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            r#"
[[criteria]]
id = "{id}"
title = {{ fr = "Critère {i}", en = "Criterion {i}" }}
rationale = {{ fr = "Raison {i}.", en = "Reason {i}." }}
weight = 1
subjects = ["web"]
references = ["ref {i}"]
spec.cues = {{ fr = ["exigence hostile numero {i}"], en = ["hostile requirement number {i}"] }}
product = {{ fact = "host_fact_{i}", question = {{ fr = "Question {i} ?", en = "Question {i}?" }}, rule = {{ type = "enum", options = [{{ value = "no", level = 0, label = {{ fr = "Non", en = "No" }} }}, {{ value = "yes", level = 2, label = {{ fr = "Oui", en = "Yes" }} }}] }} }}
clause = {{ fr = "Clause {i}.", en = "Clause {i}." }}
"#,
            id = big_id(i)
        ));
    }
    s
}

// ---------------------------------------------------------------- cases

/// A hostile file for `spec`, and what it must give.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// `None`: a correct result (the binding sentence read at level 3);
    /// `Some(words)`: an error naming the file and saying these words.
    error: Option<&'static [&'static str]>,
}

/// Every hostile file `spec` reads, small enough to write for each test run.
fn spec_cases() -> Vec<Case> {
    let mut truncated = docx(&docx_body(&docx_paragraph(SENTENCE)));
    truncated.truncate(truncated.len() * 2 / 3);
    let mut utf16 = Vec::new();
    for u in format!("{SENTENCE}\nLe service est hébergé en France.\n").encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let mut invalid_utf8 = SENTENCE.as_bytes().to_vec();
    invalid_utf8.extend_from_slice(b"\nCaf\xe9 cr\xe8me, l\x92offre \xff\xfe\xc3(\n");
    let mut pdf_header_garbage = b"%PDF-1.7\n".to_vec();
    pdf_header_garbage.extend(garbage(50_000, 99));
    vec![
        Case {
            name: "empty.txt",
            bytes: Vec::new(),
            error: Some(&["empty"]),
        },
        Case {
            name: "garbage.docx",
            bytes: garbage(100_000, 1),
            error: Some(&[]),
        },
        Case {
            name: "garbage.odt",
            bytes: garbage(100_000, 2),
            error: Some(&[]),
        },
        Case {
            name: "garbage.pdf",
            bytes: garbage(100_000, 3),
            error: Some(&[]),
        },
        Case {
            name: "garbage-after-header.pdf",
            bytes: pdf_header_garbage,
            error: Some(&["pdf"]),
        },
        Case {
            name: "truncated.docx",
            bytes: truncated,
            error: Some(&["zip"]),
        },
        Case {
            name: "zip-bomb.docx",
            bytes: make_zip_bomb(1_100),
            error: Some(&["inflated size", "limit"]),
        },
        Case {
            name: "billion-laughs.docx",
            bytes: billion_laughs_docx(),
            error: None,
        },
        Case {
            name: "deep.html",
            bytes: deep_html(200_000),
            error: Some(&["HTML nesting depth", "limit"]),
        },
        Case {
            name: "invalid-utf8.txt",
            bytes: invalid_utf8,
            error: None,
        },
        Case {
            name: "utf16-no-bom.txt",
            bytes: utf16,
            error: None,
        },
        Case {
            name: "broken-xref.pdf",
            bytes: pdf(SENTENCE, true),
            error: None,
        },
    ]
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn check_case(case: &Case, path: &Path) {
    let r = spec(path, &[]);
    match case.error {
        Some(words) => {
            assert_error(&r, path, words);
        }
        None => {
            let d = assert_result(&r);
            assert_eq!(level(d, CRITERION), 3, "{}: {d:#}", case.name);
        }
    }
}

macro_rules! case_test {
    ($test:ident, $name:literal) => {
        #[test]
        fn $test() {
            let dir = tempfile::tempdir().unwrap();
            let case = spec_cases().into_iter().find(|c| c.name == $name).unwrap();
            let path = write(dir.path(), case.name, &case.bytes);
            check_case(&case, &path);
        }
    };
}

case_test!(empty_file, "empty.txt");
case_test!(garbage_named_docx, "garbage.docx");
case_test!(garbage_named_odt, "garbage.odt");
case_test!(garbage_named_pdf, "garbage.pdf");
case_test!(garbage_after_a_pdf_header, "garbage-after-header.pdf");
case_test!(truncated_zip, "truncated.docx");
case_test!(zip_bomb, "zip-bomb.docx");
case_test!(billion_laughs, "billion-laughs.docx");
case_test!(html_nested_200000_deep, "deep.html");
case_test!(invalid_utf8, "invalid-utf8.txt");
case_test!(utf16_without_bom, "utf16-no-bom.txt");
case_test!(pdf_with_broken_xref, "broken-xref.pdf");

#[test]
fn the_generators_make_what_they_say() {
    // The zip bomb: about 1 MB, over 1 GB inflated, a valid archive.
    let bomb = make_zip_bomb(1_100);
    assert!(bomb.len() < 1_500_000, "bomb of {} bytes", bomb.len());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bomb)).unwrap();
    let entry = archive.by_name("word/document.xml").unwrap();
    assert!(entry.size() > 1_000_000_000);
    // Inflating the first 10 MB gives zeros (the whole would take too long here).
    let mut head = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(entry, 10 << 20), &mut head).unwrap();
    assert!(head.len() == 10 << 20 && head.iter().all(|&b| b == 0));
    // The CRC of zeros computed by squaring agrees with the plain one.
    for n in [0usize, 1, 7, 1000, 65_537] {
        assert_eq!(crc32_of_zeros(n as u64), crc32(&vec![0; n]), "n = {n}");
    }
    // The hand-written PDF with a correct xref reads as the sentence.
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.pdf", &pdf(SENTENCE, false));
    let r = spec(&good, &[]);
    assert_eq!(level(assert_result(&r), CRITERION), 3);
    let plain = write(
        dir.path(),
        "laughs-free.docx",
        &docx(&docx_body(&docx_paragraph(SENTENCE))),
    );
    let r = spec(&plain, &[]);
    assert_eq!(level(assert_result(&r), CRITERION), 3);
}

#[test]
fn billion_laughs_are_never_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "billion-laughs.docx", &billion_laughs_docx());
    let r = run(bin().arg("extract").arg(&p));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.len() < 10_000,
        "{} bytes of output",
        r.stdout.len()
    );
    assert!(!r.stdout.contains("lollollol"), "{}", r.stdout);
    assert!(r.stdout.contains("RGAA 4.1"), "{}", r.stdout);
}

#[test]
fn a_big_text_is_read_whole_or_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "big-20mb.txt", &big_text(20_000_000));
    // Read whole: the sentence at its very end is found.
    let r = spec(&p, &[]);
    assert_eq!(level(assert_result(&r), CRITERION), 3);
    // Over a lower limit: refused before reading, naming file and limit.
    let r = spec(&p, &["--max-input-size", "10M"]);
    let e = assert_error(&r, &p, &["input size", "10 MB"]);
    // The option the message names exists.
    let option = e
        .split(['(', ')'])
        .find(|s| s.starts_with("--"))
        .unwrap_or_else(|| panic!("no option named in: {e}"));
    let help = run(bin().args(["spec", "--help"]));
    assert!(
        help.stdout.contains(option),
        "the error names {option}, which `spec` does not take"
    );
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "unreadable.txt", SENTENCE.as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let r = spec(&p, &[]);
    if is_root() {
        // Root reads it all the same: permissions do not apply, nothing to check
        // but that the run went through.
        eprintln!("running as root: the unreadable-file assertion is skipped");
        assert!(matches!(r.code, Some(0 | 2)));
    } else {
        assert_error(&r, &p, &["permission denied"]);
    }
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn symlink_loops_and_links_out_of_the_folder() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(batch.join("sub")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    write(&batch, "inside.md", SENTENCE.as_bytes());
    write(&outside, "secret.md", SENTENCE.as_bytes());
    // A loop: a folder linking to its parent, and a file linking to itself.
    symlink(&batch, batch.join("sub/loop")).unwrap();
    symlink("self.md", batch.join("self.md")).unwrap();
    // A link out of the folder.
    symlink(outside.join("secret.md"), batch.join("linked-out.md")).unwrap();

    let sources = |r: &Run| -> Vec<String> {
        r.json.as_ref().expect("JSON")["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["source"].as_str().unwrap().to_string())
            .collect()
    };
    // Without --follow: no link is followed, the run ends, inside.md is read.
    let r = spec(&batch, &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let s = sources(&r);
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(s[0].ends_with("inside.md"));

    // With --follow: the link out is read; the loops end with a warning or
    // an error naming them, never a hang.
    let r = spec(&batch, &["--follow"]);
    let s = sources(&r);
    assert!(s.iter().any(|x| x.ends_with("linked-out.md")), "{s:?}");
    assert!(s.iter().any(|x| x.ends_with("inside.md")), "{s:?}");

    // A looping link given by name: an error naming it.
    let p = batch.join("self.md");
    assert_error(&spec(&p, &[]), &p, &[]);
}

#[test]
fn a_grid_with_10000_criteria() {
    let dir = tempfile::tempdir().unwrap();
    let grids = dir.path().join("grids");
    std::fs::create_dir(&grids).unwrap();
    let grid = write(&grids, "hostile.toml", big_grid(10_000).as_bytes());
    let r = run(bin().arg("validate").arg(&grid));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("10000 criteria"), "{}", r.stdout);

    let text = write(
        dir.path(),
        "t.md",
        format!("{SENTENCE}\n\nLe titulaire doit respecter l'exigence hostile numero 9999.\n")
            .as_bytes(),
    );
    let r = run(bin()
        .arg("--grids")
        .arg(&grids)
        .arg("spec")
        .arg(&text)
        .args(["--format", "json"]));
    let d = assert_result(&r);
    assert_eq!(level(d, &big_id(9_999)), 2);
    assert_eq!(level(d, &big_id(1)), 0);
    assert_eq!(level(d, CRITERION), 3);

    // The same grid with 10,000 wrong ids: the first problems, placed, and a
    // count of the others, in bounded time and output.
    let bad = big_grid(10_000).replace("id = \"H", "id = \"HOST-H");
    let bad = write(&grids, "hostile.toml", bad.as_bytes());
    let r = run(bin().arg("validate").arg(&bad));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("hostile.toml:"), "{}", r.stderr);
    assert!(r.stderr.contains("more problem"), "{}", r.stderr);
    assert!(
        r.stderr.len() < 100_000,
        "{} bytes on stderr",
        r.stderr.len()
    );
}

/// Product files are read whole under a limit of 10 MB
/// (`reset_criteria::files::MAX_PRODUCT_FILE_BYTES`): below it, long
/// strings give a result or a short error; above it, the file is refused by
/// name and limit before it is parsed.
#[test]
fn a_product_file_with_a_10mb_string() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(4_500_000);
    // In free-text fields, 9 MB in all: a correct result.
    let ok = write(
        dir.path(),
        "long-note.toml",
        format!(
            "[product]\nname = \"Long\"\nsubjects = [\"web\"]\ndescription = \"{long}\"\n\n[answers.priv_subprocessors]\nvalue = \"listed_authorised_public\"\nnote = \"{long}\"\n"
        )
        .as_bytes(),
    );
    let r = run(bin().arg("product").arg(&ok).args(["--format", "json"]));
    assert_result(&r);
    // In a value that must be one of a list: an error naming the file, of a
    // sensible size (the 9 MB are not echoed back).
    let long = "x".repeat(9_000_000);
    let bad = write(
        dir.path(),
        "long-value.json",
        format!(
            "{{\"product\": {{\"name\": \"Long\", \"subjects\": [\"web\"]}}, \"answers\": {{\"priv_subprocessors\": {{\"value\": \"{long}\"}}}}}}"
        )
        .as_bytes(),
    );
    for cmd in ["product", "validate"] {
        let r = run(bin().arg(cmd).arg(&bad));
        assert_eq!(r.code, Some(2), "{cmd}: {}", r.stderr);
        assert!(
            r.stderr.contains("long-value.json"),
            "{cmd}: {}",
            &r.stderr[..r.stderr.len().min(2000)]
        );
        assert!(
            r.stderr.len() < 20_000,
            "{cmd}: {} bytes on stderr",
            r.stderr.len()
        );
    }
    // A 10 MB string makes the file larger than the limit: refused, by name.
    let long = "x".repeat(10_000_000);
    for (name, text) in [
        (
            "huge.toml",
            format!("[product]\nname = \"Long\"\ndescription = \"{long}\"\n"),
        ),
        (
            "huge.json",
            format!("{{\"product\": {{\"name\": \"Long\", \"description\": \"{long}\"}}}}"),
        ),
    ] {
        let huge = write(dir.path(), name, text.as_bytes());
        for cmd in ["product", "validate"] {
            let r = run(bin().arg(cmd).arg(&huge));
            assert_eq!(r.code, Some(2), "{cmd} {name}: {}", r.stderr);
            assert!(
                r.stderr.contains(name) && r.stderr.contains("limit of 10 MB for a"),
                "{cmd} {name}: {}",
                r.stderr
            );
            assert!(r.stderr.len() < 2_000, "{cmd} {name}: {}", r.stderr);
        }
    }
    // As a directory of product files given to `validate` too.
    let only = dir.path().join("only");
    std::fs::create_dir(&only).unwrap();
    std::fs::rename(dir.path().join("huge.json"), only.join("huge.json")).unwrap();
    let r = run(bin().arg("validate").arg(&only));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("huge.json") && r.stderr.contains("limit of 10 MB for a product file"),
        "{}",
        r.stderr
    );
}

/// Grid files are read whole under a limit of 10 MB
/// (`reset_criteria::files::MAX_GRID_FILE_BYTES`): one over it is refused
/// by name and limit, through `--grids` and `validate`.
#[test]
fn a_grid_file_over_10mb() {
    let dir = tempfile::tempdir().unwrap();
    let grids = dir.path().join("grids");
    std::fs::create_dir(&grids).unwrap();
    let mut grid = big_grid(3);
    grid.push_str(&format!("# {}\n", "x".repeat(10_000_000)));
    write(&grids, "padded.toml", grid.as_bytes());
    let text = write(dir.path(), "t.md", SENTENCE.as_bytes());
    let runs = [
        run(bin().arg("--grids").arg(&grids).arg("spec").arg(&text)),
        run(bin().arg("validate").arg(&grids)),
        run(bin().arg("validate").arg(grids.join("padded.toml"))),
    ];
    for r in &runs {
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(
            r.stderr.contains("padded.toml")
                && r.stderr.contains("exceeds the limit of 10 MB for a"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.len() < 2_000, "{}", r.stderr);
    }
    // Just under the limit, the same grid loads.
    let mut grid = big_grid(3);
    grid.push_str(&format!("# {}\n", "x".repeat(9_000_000)));
    write(&grids, "padded.toml", grid.as_bytes());
    let r = run(bin().arg("validate").arg(&grids));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// One batch over every hostile file: it keeps going, reports each one,
/// exits 2; `-o` is written whole; nothing is written next to the inputs.
#[test]
fn one_batch_over_all_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    let cases = spec_cases();
    for c in &cases {
        write(&inputs, c.name, &c.bytes);
    }
    write(&inputs, "big-20mb.txt", &big_text(20_000_000));
    write(&inputs, "good.md", SENTENCE.as_bytes());
    std::os::unix::fs::symlink(&inputs, inputs.join("loop")).unwrap();
    let unreadable = write(&inputs, "unreadable.txt", SENTENCE.as_bytes());
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let before = listing(&inputs);

    let out = dir.path().join("report.json");
    std::fs::write(&out, "previous report").unwrap();
    let r = run(bin()
        .arg("spec")
        .arg(&inputs)
        .args(["--format", "json", "-o"])
        .arg(&out));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    let report: Value = serde_json::from_slice(&std::fs::read(&out).unwrap())
        .expect("the -o file is a whole JSON report");
    let docs = report["documents"].as_array().unwrap();
    let names: Vec<&str> = docs
        .iter()
        .map(|d| d["source"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    let mut expected: Vec<&str> = cases.iter().map(|c| c.name).collect();
    expected.extend(["big-20mb.txt", "good.md", "unreadable.txt"]);
    expected.sort();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, expected, "every file reported once");
    for (c, d) in cases.iter().filter_map(|c| {
        docs.iter()
            .find(|d| d["source"].as_str().unwrap().ends_with(c.name))
            .map(|d| (c, d))
    }) {
        match c.error {
            Some(_) => {
                let e = d["error"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{}: no error", c.name));
                assert!(e.contains(c.name), "{e}");
                assert!(r.stderr.contains(e), "stderr lacks {e}");
            }
            None => assert!(d["error"].is_null(), "{}: {}", c.name, d["error"]),
        }
    }
    let doc = |name: &str| {
        docs.iter()
            .find(|d| d["source"].as_str().unwrap().ends_with(name))
            .unwrap()
    };
    assert!(doc("good.md")["error"].is_null());
    assert!(doc("big-20mb.txt")["error"].is_null());
    // Root reads a file whatever its permissions: then there is no error to see.
    if !is_root() {
        let e = doc("unreadable.txt")["error"].as_str().expect("an error");
        assert!(e.contains("unreadable.txt"), "{e}");
    }
    // Nothing written next to the inputs, and no temporary file left by -o.
    assert_eq!(listing(&inputs), before);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

/// A run that fails leaves the previous `-o` file as it was.
#[test]
fn a_failed_run_leaves_the_previous_output_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    std::fs::write(&out, "previous report").unwrap();
    let good = write(dir.path(), "good.md", SENTENCE.as_bytes());
    for args in [
        // Errors found before any document is read.
        vec!["--grids", "/nonexistent/grids"],
        vec!["--fail-on", "NOPE-99"],
        vec!["--subject", "spaceship"],
    ] {
        let r = run(bin()
            .arg("spec")
            .arg(&good)
            .args(&args)
            .args(["--format", "json", "-o"])
            .arg(&out));
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous report");
    }
    // -o into a folder that does not exist: an error, nothing half-written.
    let r = run(bin()
        .arg("spec")
        .arg(&good)
        .args(["--format", "json", "-o"])
        .arg(dir.path().join("no/such/dir/report.json")));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("report.json"), "{}", r.stderr);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 2);
}

/// Ctrl-C during a batch leaves the previous `-o` file as it was (the
/// report is written once, whole, at the end).
#[test]
fn ctrl_c_during_a_batch_leaves_the_previous_output_intact() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    for i in 0..3 {
        write(&inputs, &format!("big-{i}.txt"), &big_text(20_000_000));
    }
    let out = dir.path().join("report.json");
    std::fs::write(&out, "previous report").unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("reset-check"))
        .arg("spec")
        .arg(&inputs)
        .args(["--format", "json", "-j", "1", "-o"])
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    let now = std::fs::read_to_string(&out).unwrap();
    if status.code().is_none() {
        // Interrupted: the previous report is untouched.
        assert_eq!(now, "previous report");
    } else {
        // The machine was fast enough to finish first: then the report is whole.
        serde_json::from_str::<Value>(&now).expect("a whole JSON report");
    }
}

/// Names, sizes and modification times of a folder's entries (not following links).
fn listing(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let m = std::fs::symlink_metadata(e.path()).unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                m.len(),
                m.modified().unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Writes the hostile files into `$HOSTILE_OUT` (with the 200 MB text), for
/// `scripts/hostile-memory.sh` to measure; ignored in normal runs.
#[test]
#[ignore = "writes 200 MB; run by scripts/hostile-memory.sh, which .ci/run runs"]
fn write_hostile_files() {
    let out = PathBuf::from(std::env::var("HOSTILE_OUT").expect("HOSTILE_OUT=DIR"));
    std::fs::create_dir_all(&out).unwrap();
    for c in spec_cases() {
        write(&out, c.name, &c.bytes);
    }
    write(&out, "big-200mb.txt", &big_text(200_000_000));
}
