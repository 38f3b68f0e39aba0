//! Hostile input at the library level (the CLI suite is
//! `crates/reset-check/tests/hostile.rs`): what the extractor must refuse
//! fast, and what it must read right although it looks odd.

use std::time::{Duration, Instant};

use reset_extract::{extract_bytes, extract_dossier, ExtractError, LimitKind, Limits};

const SENTENCE: &str = "Le titulaire doit rendre le site conforme au RGAA 4.1 niveau AA.";

fn text_of(doc: &reset_extract::Document) -> String {
    doc.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let text = format!("{SENTENCE}\nLe service est hébergé en France.\n");
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let doc = extract_bytes(name, &bytes, &Limits::default()).unwrap();
        let got = text_of(&doc);
        assert!(got.contains(SENTENCE), "{name}: {got:?}");
        assert!(got.contains("hébergé"), "{name}: {got:?}");
    }
    // Binary data with zero bytes here and there is still binary.
    let mut bin = vec![0u8; 4096];
    for (i, b) in bin.iter_mut().enumerate() {
        *b = (i * 7 % 251) as u8;
    }
    assert!(matches!(
        extract_bytes("x.txt", &bin, &Limits::default()),
        Err(ExtractError::Unsupported { .. })
    ));
}

#[test]
fn html_nested_200000_deep_is_refused_at_once() {
    let depth = 200_000;
    let html = format!(
        "<!DOCTYPE html><html><body><p>{SENTENCE}</p>{}x{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let start = Instant::now();
    let e = extract_bytes("deep.html", html.as_bytes(), &Limits::default()).unwrap_err();
    assert!(
        matches!(
            e,
            ExtractError::Limit {
                kind: LimitKind::HtmlDepth,
                ..
            }
        ),
        "{e}"
    );
    assert!(
        e.to_string().starts_with("deep.html: HTML nesting depth"),
        "{e}"
    );
    // Debug build on a busy machine: generous, but minutes before the fix.
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    // Just under the limit is read.
    let ok = format!(
        "<html><body>{}<p>{SENTENCE}</p>{}</body></html>",
        "<div>".repeat(500),
        "</div>".repeat(500)
    );
    let doc = extract_bytes("ok.html", ok.as_bytes(), &Limits::default()).unwrap();
    assert!(text_of(&doc).contains(SENTENCE));
}

#[test]
fn a_dossier_folder_does_not_follow_links_out_or_in_loops() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let dce = dir.path().join("dce");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(dce.join("annexes")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(dce.join("CCTP.md"), SENTENCE).unwrap();
    std::fs::write(dce.join("annexes/annexe.txt"), "Annexe technique.").unwrap();
    std::fs::write(outside.join("secret.txt"), "Secret hors dossier.").unwrap();
    symlink(&dce, dce.join("annexes/loop")).unwrap();
    symlink(&dce, dce.join("loop2")).unwrap();
    symlink(outside.join("secret.txt"), dce.join("secret.txt")).unwrap();
    symlink("CCTP.md", dce.join("copie-CCTP.md")).unwrap();
    let doc = extract_dossier(&dce, &Limits::default()).unwrap();
    let files: std::collections::BTreeSet<String> =
        doc.blocks.iter().filter_map(|b| b.file.clone()).collect();
    let files: Vec<&str> = files.iter().map(|s| s.as_str()).collect();
    // The link inside the dossier is read; the link out and the loops are not.
    assert_eq!(files, ["CCTP.md", "annexes/annexe.txt", "copie-CCTP.md"]);
    assert!(!text_of(&doc).contains("Secret"));
}
