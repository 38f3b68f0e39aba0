//! Extraction tests on the checked-in fixtures (see fixtures/make_fixtures.py).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use reset_extract::{
    detect_format, extract_bytes, extract_dossier, extract_path, render_text, BlockKind, Document,
    ExtractError, Format, LimitKind, Limits,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture")
}

fn extract(name: &str) -> Document {
    extract_path(&fixture(name), &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn texts(doc: &Document) -> Vec<String> {
    doc.blocks.iter().map(|b| norm(&b.text)).collect()
}

fn kinds(doc: &Document) -> Vec<BlockKind> {
    doc.blocks.iter().map(|b| b.kind).collect()
}

const FORMATS: [&str; 6] = ["txt", "md", "html", "docx", "odt", "pdf"];

fn expected_texts() -> Vec<&'static str> {
    vec![
        "1. Objet du marché",
        "Le présent cahier des clauses techniques particulières (CCTP) définit les exigences applicables à la refonte du site internet de la collectivité.",
        "1.1 Périmètre",
        "Le titulaire s’engage à respecter l’ensemble des exigences décrites ci-après, y compris pour les services hébergés.",
        "2. Exigences",
        "2.1 Accessibilité numérique",
        "Le site doit être conforme au RGAA 4.1, niveau AA ; une déclaration d’accessibilité est fournie à la réception.",
        "Audit de conformité réalisé par un tiers indépendant",
        "Schéma pluriannuel de mise en accessibilité",
        "Formation des équipes à l’éco-conception",
        "2.2 Sobriété et données",
        "Les données personnelles sont hébergées dans l’Union européenne. Aucun traceur publicitaire n’est déposé sans consentement.",
        "Critère",
        "Pondération",
        "Valeur technique",
        "60 %",
        "Fin du document.",
    ]
}

#[test]
fn same_text_in_six_formats_gives_the_same_blocks() {
    let expected = expected_texts();
    for ext in FORMATS {
        let doc = extract(&format!("tender.{ext}"));
        assert_eq!(doc.format, if ext == "md" { "md" } else { ext });
        assert_eq!(texts(&doc), expected, "block texts of tender.{ext}");
    }
}

#[test]
fn kinds_and_heading_hierarchy_survive_each_format() {
    let reference = kinds(&extract("tender.txt"));
    let headings: Vec<(u8, &str)> = vec![
        (1, "1. Objet du marché"),
        (2, "1.1 Périmètre"),
        (1, "2. Exigences"),
        (2, "2.1 Accessibilité numérique"),
        (2, "2.2 Sobriété et données"),
    ];
    for ext in FORMATS {
        let doc = extract(&format!("tender.{ext}"));
        let got: Vec<(u8, String)> = doc
            .blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::Heading { depth } => Some((depth, b.text.clone())),
                _ => None,
            })
            .collect();
        let want: Vec<(u8, String)> = headings.iter().map(|(d, t)| (*d, t.to_string())).collect();
        assert_eq!(got, want, "headings of tender.{ext}");
        assert_eq!(kinds(&doc), reference, "block kinds of tender.{ext}");
    }
    // the table: 2 x 2 cells with their row and column
    let cells: Vec<(u32, u32)> = reference
        .iter()
        .filter_map(|k| match k {
            BlockKind::TableCell { row, column } => Some((*row, *column)),
            _ => None,
        })
        .collect();
    assert_eq!(cells, vec![(1, 1), (1, 2), (2, 1), (2, 2)]);
    let items = reference
        .iter()
        .filter(|k| matches!(k, BlockKind::ListItem { depth: 1 }))
        .count();
    assert_eq!(items, 3);
}

#[test]
fn text_positions_point_at_the_line_and_column() {
    for name in ["tender.txt", "tender.md"] {
        let source = String::from_utf8(read(name)).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        let doc = extract(name);
        for b in &doc.blocks {
            let line = b.position.line.expect("line") as usize;
            let col = b.position.column.expect("column") as usize;
            let src: String = lines[line - 1].chars().skip(col - 1).collect();
            let first_line = b.text.lines().next().unwrap();
            assert!(
                src.starts_with(first_line),
                "{name}: {first_line:?} not at {line}:{col} ({src:?})"
            );
        }
    }
    let html = String::from_utf8(read("tender.html")).unwrap();
    let lines: Vec<&str> = html.lines().collect();
    for b in &extract("tender.html").blocks {
        let line = b.position.line.expect("line") as usize;
        let word: String = b
            .text
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            lines[line - 1].contains(&word),
            "html: {:?} not on line {line}",
            b.text
        );
    }
}

#[test]
fn docx_odt_and_pdf_positions() {
    let find = |doc: &Document, text: &str| {
        doc.blocks
            .iter()
            .find(|b| b.text == text)
            .unwrap_or_else(|| panic!("{text} not found"))
            .position
            .clone()
    };
    // docx: paragraph 5 is the page break python-docx inserts before "2. Exigences"
    let docx = extract("tender.docx");
    assert_eq!(find(&docx, "1. Objet du marché").paragraph, Some(1));
    assert_eq!(
        find(&docx, "2.1 Accessibilité numérique").paragraph,
        Some(7)
    );
    assert_eq!(find(&docx, "Pondération").paragraph, Some(15));
    let odt = extract("tender.odt");
    assert_eq!(find(&odt, "2.1 Accessibilité numérique").paragraph, Some(6));
    let pdf = extract("tender.pdf");
    let p1 = find(&pdf, "1.1 Périmètre");
    assert_eq!(p1.page, Some(1));
    let p2 = find(&pdf, "2. Exigences");
    assert_eq!(p2.page, Some(2));
    // line 1 of each page is the running header, dropped from the blocks
    assert_eq!(p2.line, Some(2));
    let all = norm(
        &pdf.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert!(!all.contains("Montreuil"), "running header kept");
    assert!(!all.contains("Page "), "page number footer kept");
}

#[test]
fn windows_1252_and_utf16_text() {
    let utf8 = extract("tender.txt");
    for name in ["tender_cp1252.txt", "tender_utf16.txt"] {
        let doc = extract(name);
        assert_eq!(doc.format, "txt");
        assert_eq!(texts(&doc), texts(&utf8), "{name}");
        assert_eq!(kinds(&doc), kinds(&utf8), "{name}");
        let positions: Vec<_> = doc.blocks.iter().map(|b| b.position.clone()).collect();
        let expected: Vec<_> = utf8.blocks.iter().map(|b| b.position.clone()).collect();
        assert_eq!(positions, expected, "{name}");
    }
}

#[test]
fn extension_lie_pdf_named_docx_is_read_as_pdf() {
    let bytes = read("tender.pdf");
    assert_eq!(detect_format("offre.docx", &bytes).unwrap(), Format::Pdf);
    let doc = extract_bytes("offre.docx", &bytes, &Limits::default()).unwrap();
    assert_eq!(doc.format, "pdf");
    assert_eq!(texts(&doc), expected_texts());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("CCTP.docx");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        extract_path(&path, &Limits::default()).unwrap().format,
        "pdf"
    );
    // and a docx named .pdf is a docx
    let docx = read("tender.docx");
    assert_eq!(detect_format("x.pdf", &docx).unwrap(), Format::Docx);
    assert_eq!(
        detect_format("x.txt", &read("tender.odt")).unwrap(),
        Format::Odt
    );
}

#[test]
fn truncated_zip_is_a_clear_error_naming_the_file() {
    let bytes = read("tender.docx");
    for cut in [bytes.len() / 2, bytes.len() - 10, 30] {
        let err =
            extract_bytes("CCTP-tronqué.docx", &bytes[..cut], &Limits::default()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("CCTP-tronqué.docx: "), "{msg}");
        assert!(matches!(err, ExtractError::Corrupt { .. }), "{msg}");
        assert!(msg.contains("zip"), "{msg}");
    }
}

#[test]
fn oversized_file_names_the_limit() {
    let limits = Limits {
        max_input_bytes: 500,
        ..Limits::default()
    };
    let err = extract_path(&fixture("tender.txt"), &limits).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.ends_with("tender.txt: input size exceeds the limit of 500 bytes (--max-input-size)"),
        "{msg}"
    );
    assert!(matches!(
        err,
        ExtractError::Limit {
            kind: LimitKind::InputSize,
            limit: 500,
            ..
        }
    ));
    let err = extract_bytes(
        "big.txt",
        &vec![b'a'; 2_000_000],
        &Limits {
            max_input_bytes: 1_000_000,
            ..Limits::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "big.txt: input size exceeds the limit of 1 MB (--max-input-size)"
    );
}

#[test]
fn other_limits_are_enforced() {
    let small_xml = Limits {
        max_xml_depth: 4,
        ..Limits::default()
    };
    let err = extract_path(&fixture("tender.docx"), &small_xml).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Limit {
                kind: LimitKind::XmlDepth,
                ..
            }
        ),
        "{err}"
    );
    let err = extract_path(&fixture("tender.odt"), &small_xml).unwrap_err();
    assert!(
        err.to_string()
            .contains("XML nesting depth exceeds the limit of 4 (--max-xml-depth)"),
        "{err}"
    );
    let one_page = Limits {
        max_pdf_pages: 1,
        ..Limits::default()
    };
    let err = extract_path(&fixture("tender.pdf"), &one_page).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Limit {
                kind: LimitKind::PdfPages,
                limit: 1,
                ..
            }
        ),
        "{err}"
    );
    let shallow = Limits {
        max_html_depth: 3,
        ..Limits::default()
    };
    let err = extract_path(&fixture("tender.html"), &shallow).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Limit {
                kind: LimitKind::HtmlDepth,
                ..
            }
        ),
        "{err}"
    );
    let few = Limits {
        max_zip_entries: 3,
        ..Limits::default()
    };
    let err = extract_path(&fixture("tender.docx"), &few).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Limit {
                kind: LimitKind::ZipEntries,
                ..
            }
        ),
        "{err}"
    );
    // a deeply nested HTML page within the default limit does not overflow the stack
    let deep = "<div>".repeat(400) + "texte" + &"</div>".repeat(400);
    let doc = extract_bytes("deep.html", deep.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(texts(&doc), vec!["texte"]);
    let deeper = "<div>".repeat(2000) + "texte";
    assert!(extract_bytes("deeper.html", deeper.as_bytes(), &Limits::default()).is_err());
}

fn zip_of(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, data) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zip_bomb_hits_the_inflated_limit() {
    let zeros = vec![b' '; 20_000_000];
    let bomb = zip_of(
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", &zeros),
        ],
        zip::CompressionMethod::Deflated,
    );
    assert!(bomb.len() < 100_000, "bomb is {} bytes", bomb.len());
    let limits = Limits {
        max_inflated_bytes: 1_000_000,
        ..Limits::default()
    };
    let err = extract_bytes("bombe.docx", &bomb, &limits).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bombe.docx: inflated size exceeds the limit of 1 MB (--max-inflated)"
    );
    // the same as a zipped dossier
    let dossier = zip_of(&[("CCTP.txt", &zeros)], zip::CompressionMethod::Deflated);
    let err = extract_bytes("dce.zip", &dossier, &limits).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Limit {
                kind: LimitKind::InflatedSize,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn binary_garbage_and_images_are_clear_errors() {
    let mut x: u32 = 12345;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    let err = extract_bytes("offre.docx", &garbage, &Limits::default()).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, ExtractError::Unsupported { .. }), "{msg}");
    assert!(
        msg.starts_with("offre.docx: unsupported or binary file"),
        "{msg}"
    );
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert!(extract_bytes("scan.pdf", png, &Limits::default())
        .unwrap_err()
        .to_string()
        .contains("PNG"));
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest";
    assert!(extract_bytes("vieux.doc", ole, &Limits::default())
        .unwrap_err()
        .to_string()
        .contains(".doc"));
    assert!(extract_bytes("vide.txt", b"", &Limits::default()).is_err());
    let err = extract_path(&fixture("does-not-exist.txt"), &Limits::default()).unwrap_err();
    assert!(err.to_string().contains("does-not-exist.txt"));
}

#[test]
fn pdf_without_text_layer_is_a_clear_error() {
    let err = extract_path(&fixture("blank.pdf"), &Limits::default()).unwrap_err();
    assert!(matches!(err, ExtractError::NoTextLayer { .. }), "{err}");
    assert!(err.to_string().contains("blank.pdf: PDF has no text layer"));
}

#[test]
fn damaged_files_never_panic() {
    for name in ["tender.pdf", "tender.docx", "tender.odt", "tender.html"] {
        let bytes = read(name);
        let mut x: u64 = 7;
        for round in 0..40 {
            let mut b = bytes.clone();
            if round % 4 == 0 {
                b.truncate(b.len() * (round + 1) / 41);
            } else {
                for _ in 0..8 {
                    x = x
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    let i = (x >> 33) as usize % b.len();
                    b[i] = (x >> 17) as u8;
                }
            }
            // any result is fine, a panic is not; errors name the file
            if let Err(e) = extract_bytes(name, &b, &Limits::default()) {
                assert!(e.to_string().starts_with(name), "{e}");
            }
        }
    }
}

const DOSSIER_ORDER: [&str; 5] = [
    "RC - Règlement de la consultation.txt",
    "CCAP.txt",
    "CCTP_refonte_site.md",
    "Annexe 1 - Bordereau des prix.txt",
    "Lettre de candidature.txt",
];

fn files_in_order(doc: &Document) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for b in &doc.blocks {
        let f = b.file.clone().expect("every dossier block names its file");
        if files.last() != Some(&f) {
            files.push(f);
        }
    }
    files
}

#[test]
fn dossier_folder_in_rc_ccap_cctp_order() {
    let doc = extract_dossier(&fixture("dossier"), &Limits::default()).unwrap();
    assert_eq!(doc.format, "dossier");
    assert_eq!(files_in_order(&doc), DOSSIER_ORDER);
    // extract_path on a folder is the same
    assert_eq!(
        extract_path(&fixture("dossier"), &Limits::default()).unwrap(),
        doc
    );
    let first = &doc.blocks[0];
    assert_eq!(first.kind, BlockKind::Heading { depth: 1 });
    assert_eq!(first.text, "Article 1 : Objet de la consultation");
    let rendered = render_text(&doc);
    assert!(
        rendered
            .lines()
            .next()
            .unwrap()
            .starts_with("RC - Règlement de la consultation.txt  1:1"),
        "{rendered}"
    );
}

#[test]
fn zipped_dossier_in_the_same_order() {
    let dir = fixture("dossier");
    let mut entries: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                format!("DCE/{}", p.file_name().unwrap().to_string_lossy()),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    entries.sort();
    entries.reverse();
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    let bytes = zip_of(&refs, zip::CompressionMethod::Deflated);
    assert_eq!(
        detect_format("dce.zip", &bytes).unwrap(),
        Format::ZipDossier
    );
    let doc = extract_bytes("dce.zip", &bytes, &Limits::default()).unwrap();
    let want: Vec<String> = DOSSIER_ORDER.iter().map(|n| format!("DCE/{n}")).collect();
    assert_eq!(files_in_order(&doc), want);
    let folder = extract_dossier(&dir, &Limits::default()).unwrap();
    assert_eq!(texts(&doc), texts(&folder));
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("dce.zip");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        extract_dossier(&path, &Limits::default()).unwrap().blocks,
        doc.blocks
    );
}

/// Regression: a zipped dossier read entry `i` for the `i`-th *listed* name,
/// so an entry left out of the list (an unsafe or undecodable name) before a
/// real document shifted every later document onto its neighbour's bytes.
#[test]
fn zipped_dossier_reads_each_name_s_own_entry() {
    // `Q_____.md` becomes a name that is not UTF-8 (read as CP437), patched
    // in both the local header and the central directory.
    let mut bytes = zip_of(
        &[
            ("../evil.md", b"Texte pirate hors du dossier.\n"),
            ("Q_____.md", b"Annexe au nom ancien.\n"),
            ("/abs/evil.md", b"Texte pirate absolu.\n"),
            ("CCTP.md", b"Le titulaire doit chiffrer les donnees.\n"),
        ],
        zip::CompressionMethod::Stored,
    );
    let placeholder = b"Q_____";
    let raw = [0x82, 0xff, 0xfe, 0x8a, 0x20, 0x41];
    let mut patched = 0;
    let mut i = 0;
    while i + placeholder.len() <= bytes.len() {
        if &bytes[i..i + placeholder.len()] == placeholder {
            bytes[i..i + placeholder.len()].copy_from_slice(&raw);
            patched += 1;
        }
        i += 1;
    }
    assert_eq!(patched, 2, "local header and central directory");
    let doc = extract_bytes("dce.zip", &bytes, &Limits::default()).unwrap();
    let files = files_in_order(&doc);
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(files[0], "CCTP.md");
    assert!(
        files[1].ends_with(".md") && files[1] != "Q_____.md",
        "{files:?}"
    );
    let text_of = |f: &str| -> Vec<String> {
        doc.blocks
            .iter()
            .filter(|b| b.file.as_deref() == Some(f))
            .map(|b| norm(&b.text))
            .collect()
    };
    assert_eq!(
        text_of("CCTP.md"),
        vec!["Le titulaire doit chiffrer les donnees."]
    );
    assert_eq!(text_of(&files[1]), vec!["Annexe au nom ancien."]);
    assert!(
        doc.blocks.iter().all(|b| !b.text.contains("pirate")),
        "an entry with an unsafe name was read"
    );
}

#[test]
fn html_drops_scripts_navigation_and_hidden_text() {
    let doc = extract("tender.html");
    let all = doc
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for hidden in [
        "tracker",
        "Bandeau",
        "Accueil",
        "caché",
        "masqué",
        "Icône",
        "Mentions",
        "CCTP</title>",
    ] {
        assert!(!all.contains(hidden), "{hidden} kept");
    }
    assert!(all.contains("s’engage"), "entities decoded");
}

#[test]
fn plain_text_headings_and_lists() {
    let text = "CAHIER DES CHARGES\n\nARTICLE 4 – Pénalités\nLe titulaire paie.\n\nArticle 4.2 : Délais\n\n\
                Article 4 du CCAP précise les délais.\n\na) premier point\n1) second point\n• puce\n\n\
                2024 sera une année charnière.\n# Titre markdown\n";
    let doc = extract_bytes("t.txt", text.as_bytes(), &Limits::default()).unwrap();
    let got: Vec<(BlockKind, String)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.clone()))
        .collect();
    let h = |d| BlockKind::Heading { depth: d };
    let li = BlockKind::ListItem { depth: 1 };
    let p = BlockKind::Paragraph;
    let want: Vec<(BlockKind, String)> = vec![
        (h(1), "CAHIER DES CHARGES".into()),
        (h(1), "ARTICLE 4 – Pénalités".into()),
        (p, "Le titulaire paie.".into()),
        (h(2), "Article 4.2 : Délais".into()),
        (p, "Article 4 du CCAP précise les délais.".into()),
        (li, "premier point".into()),
        (li, "second point".into()),
        (li, "puce".into()),
        (p, "2024 sera une année charnière.".into()),
        (h(1), "Titre markdown".into()),
    ];
    assert_eq!(got, want);
}

#[test]
fn render_text_and_json() {
    let doc = extract("tender.txt");
    let text = render_text(&doc);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("1:1  ")
            && first.contains("heading(1)  ")
            && first.ends_with("1. Objet du marché"),
        "{first}"
    );
    assert!(text.contains("table-cell(r2,c1)"));
    let pdf = render_text(&extract("tender.pdf"));
    assert!(
        pdf.lines().next().unwrap().starts_with("p. 1, l. 2  "),
        "{pdf}"
    );
    let docx = render_text(&extract("tender.docx"));
    assert!(docx.lines().next().unwrap().starts_with("§ 1  "), "{docx}");
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["format"], "txt");
    assert_eq!(json["blocks"][0]["kind"], "heading");
    assert_eq!(json["blocks"][0]["depth"], 1);
    assert_eq!(json["blocks"][0]["position"]["line"], 1);
}

/// A plain text from 1 MB on is read line by line (never whole): the same
/// document as when it is read whole from memory, whatever its encoding
/// and line ends.
#[test]
fn a_large_text_read_line_by_line_is_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = read("tender.txt");
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.txt", corpus.clone()),
        (
            "crlf.txt",
            String::from_utf8_lossy(&corpus)
                .replace('\n', "\r\n")
                .into_bytes(),
        ),
        ("cp1252.txt", read("tender_cp1252.txt")),
        ("bom.txt", corpus.clone()),
        (
            "tabs.txt",
            b"Lot\tPrix\tD\xe9lai\n1\t100\t3 mois\r\n2\t200\t6 mois\r".to_vec(),
        ),
    ];
    for (name, unit) in variants {
        let mut bytes = Vec::new();
        while bytes.len() < 1_200_000 {
            bytes.extend_from_slice(&unit);
            bytes.extend_from_slice(b"\n\n");
        }
        if name == "bom.txt" {
            bytes.splice(0..0, [0xEF, 0xBB, 0xBF]);
        }
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let streamed = extract_path(&path, &Limits::default()).unwrap();
        let whole = extract_bytes(&path.display().to_string(), &bytes, &Limits::default()).unwrap();
        assert_eq!(streamed.format, "txt", "{name}");
        assert!(streamed.blocks.len() > 100, "{name}");
        assert_eq!(streamed, whole, "{name}");
    }
    // The input limit holds too.
    let path = dir.path().join("utf8.txt");
    let limits = Limits {
        max_input_bytes: 1_100_000,
        ..Limits::default()
    };
    let e = extract_path(&path, &limits).unwrap_err();
    assert!(
        matches!(
            e,
            ExtractError::Limit {
                kind: LimitKind::InputSize,
                ..
            }
        ),
        "{e}"
    );
}
