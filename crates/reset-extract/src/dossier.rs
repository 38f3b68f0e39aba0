//! Dossiers (a DCE): a folder or a zip of several documents read as one
//! logical document, whose blocks name the file they came from, in a
//! stable order: RC, CCAP, CCTP, annexes, then the rest, each group by name.

use std::borrow::Cow;
use std::path::Path;

use reset_criteria::document::Document;

use crate::archive::Zip;
use crate::error::ExtractError;
use crate::limits::{LimitKind, Limits};
use crate::sniff::{extension, is_document_extension, Format};

/// Rank of a file in a dossier from its name: 0 RC, 1 CCAP, 2 CCTP, 3 annex, 4 other.
pub(crate) fn rank(name: &str) -> u8 {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let folded: String = base
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'É' | 'È' | 'Ê' => 'E',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let phrase = |p: &str| folded.replace(['_', '-', '.'], " ").contains(p);
    if has("RC")
        || phrase("REGLEMENT DE LA CONSULTATION")
        || phrase("REGLEMENT DE CONSULTATION")
        || phrase("REGLEMENT CONSULTATION")
    {
        0
    } else if has("CCAP") || phrase("CLAUSES ADMINISTRATIVES") {
        1
    } else if has("CCTP") || phrase("CLAUSES TECHNIQUES") {
        2
    } else if words.iter().any(|w| w.starts_with("ANNEX") || *w == "ANX") {
        3
    } else {
        4
    }
}

fn order(names: &mut [(String, Vec<u8>)]) {
    names.sort_by(|a, b| {
        (rank(&a.0), a.0.to_lowercase(), &a.0).cmp(&(rank(&b.0), b.0.to_lowercase(), &b.0))
    });
}

fn assemble(
    source: &str,
    files: Vec<(String, Vec<u8>)>,
    limits: &Limits,
) -> Result<Document, ExtractError> {
    let mut files = files;
    order(&mut files);
    if files.is_empty() {
        return Err(ExtractError::EmptyDossier {
            file: source.to_string(),
        });
    }
    let mut blocks = Vec::new();
    // Each file's bytes are handed over, and freed once it is read.
    for (name, bytes) in files {
        let doc = crate::extract_single(&name, Cow::Owned(bytes), limits)?;
        blocks.extend(doc.blocks.into_iter().map(|mut b| {
            b.file = Some(name.clone());
            b
        }));
    }
    blocks.shrink_to_fit();
    Ok(Document {
        source: source.to_string(),
        format: Format::ZipDossier.as_str().to_string(),
        blocks,
    })
}

/// A zipped dossier already in memory.
pub(crate) fn from_zip(
    source: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Document, ExtractError> {
    let mut zip = Zip::open(source, bytes, limits)?;
    let mut files = Vec::new();
    // Each entry keeps its real index: names left out by `entries` never
    // shift the entry read for another name.
    for (i, name) in zip.entries() {
        let base = name.rsplit('/').next().unwrap_or(&name);
        if name.ends_with('/') || base.starts_with('.') || name.starts_with("__MACOSX/") {
            continue;
        }
        if !is_document_extension(&extension(&name)) {
            continue;
        }
        if files.len() as u64 >= limits.max_dossier_files {
            return Err(ExtractError::limit(
                source,
                LimitKind::DossierFiles,
                limits.max_dossier_files,
            ));
        }
        let data = zip.read_index(i)?;
        files.push((name, data));
    }
    assemble(source, files, limits)
}

/// A folder (walked to a depth of 8, hidden files skipped) or a zip file.
pub(crate) fn from_path(path: &Path, limits: &Limits) -> Result<Document, ExtractError> {
    let source = path.display().to_string();
    if !path.is_dir() {
        let bytes = crate::read_limited(path, limits)?;
        return from_zip(&source, &bytes, limits);
    }
    let mut found = Vec::new();
    walk(path, path, 0, limits, &source, &mut found)?;
    let mut files = Vec::new();
    let mut total: u64 = 0;
    for (rel, full) in found {
        let bytes = crate::read_limited(&full, limits)?;
        total += bytes.len() as u64;
        if total > limits.max_inflated_bytes {
            return Err(ExtractError::limit(
                &source,
                LimitKind::InflatedSize,
                limits.max_inflated_bytes,
            ));
        }
        files.push((rel, bytes));
    }
    assemble(&source, files, limits)
}

fn walk(
    root: &Path,
    dir: &Path,
    depth: u32,
    limits: &Limits,
    source: &str,
    out: &mut Vec<(String, std::path::PathBuf)>,
) -> Result<(), ExtractError> {
    if depth > 8 {
        return Ok(());
    }
    let entries =
        std::fs::read_dir(dir).map_err(|e| ExtractError::io(&dir.display().to_string(), e))?;
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        // Symbolic links: a linked folder is never entered (no loop), and a
        // linked file is read only when it lies inside the dossier.
        let linked = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if linked && (p.is_dir() || !inside(root, &p)) {
            continue;
        }
        if p.is_dir() {
            walk(root, &p, depth + 1, limits, source, out)?;
        } else if is_document_extension(&extension(&name)) {
            if out.len() as u64 >= limits.max_dossier_files {
                return Err(ExtractError::limit(
                    source,
                    LimitKind::DossierFiles,
                    limits.max_dossier_files,
                ));
            }
            let rel = p
                .strip_prefix(root)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_else(|_| name.clone());
            out.push((rel, p));
        }
    }
    Ok(())
}

/// True when `path`, links resolved, lies inside `root`.
fn inside(root: &Path, path: &Path) -> bool {
    match (std::fs::canonicalize(root), std::fs::canonicalize(path)) {
        (Ok(r), Ok(p)) => p.starts_with(r),
        _ => false,
    }
}
