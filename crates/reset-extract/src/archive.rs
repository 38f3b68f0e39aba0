//! Reading zip archives (docx, odt, zipped dossiers) under the limits:
//! entry count checked on opening, inflated bytes counted while inflating.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::error::ExtractError;
use crate::limits::{Budget, LimitKind, Limits};

/// An opened archive with its inflated-size budget.
pub(crate) struct Zip<'a> {
    file: String,
    archive: ZipArchive<Cursor<&'a [u8]>>,
    budget: Budget,
    limit: u64,
}

impl<'a> Zip<'a> {
    /// Opens an archive; a truncated or broken archive is a `Corrupt` error.
    pub(crate) fn open(file: &str, bytes: &'a [u8], limits: &Limits) -> Result<Self, ExtractError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            ExtractError::corrupt(file, "zip", format!("{e} (truncated or damaged archive?)"))
        })?;
        if archive.len() as u64 > limits.max_zip_entries {
            return Err(ExtractError::limit(
                file,
                LimitKind::ZipEntries,
                limits.max_zip_entries,
            ));
        }
        Ok(Zip {
            file: file.to_string(),
            archive,
            budget: Budget::new(limits),
            limit: limits.max_inflated_bytes,
        })
    }

    /// The entries a dossier may read, in archive order, each with its real
    /// index in the archive (the one [`Zip::read_index`] takes). Entries
    /// whose name cannot be decoded, or is not a safe relative path
    /// (absolute, or with a `..` component), are left out; the indices of
    /// the others are unchanged, so that skipping one never shifts another.
    pub(crate) fn entries(&self) -> Vec<(usize, String)> {
        (0..self.archive.len())
            .filter_map(|i| {
                let name = self.archive.name_for_index(i)?.ok()?;
                is_safe_name(&name).then(|| (i, name.into_owned()))
            })
            .collect()
    }

    /// True when an entry has this name.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The inflated bytes of an entry, or None when there is no such entry.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        self.read_index(index).map(Some)
    }

    /// The inflated bytes of the entry at `index`, counted against the budget.
    pub(crate) fn read_index(&mut self, index: usize) -> Result<Vec<u8>, ExtractError> {
        let file = self.file.clone();
        let remaining = self.budget.remaining;
        let mut entry = self
            .archive
            .by_index(index)
            .map_err(|e| ExtractError::corrupt(&file, "zip", e))?;
        let declared = entry.size();
        // A bomb usually says what it will inflate to: refuse it before
        // inflating anything. One that lies is stopped by the zip reader at
        // its declared size, and by the count below in any case.
        if declared > remaining {
            return Err(ExtractError::limit(
                &file,
                LimitKind::InflatedSize,
                self.limit,
            ));
        }
        let mut out = Vec::with_capacity(declared.min(64 << 20) as usize);
        let mut limited = (&mut entry).take(remaining.saturating_add(1));
        limited
            .read_to_end(&mut out)
            .map_err(|e| ExtractError::corrupt(&file, "zip", format!("entry #{index}: {e}")))?;
        let n = out.len() as u64;
        if n > remaining {
            return Err(ExtractError::limit(
                &file,
                LimitKind::InflatedSize,
                self.limit,
            ));
        }
        self.budget.remaining -= n;
        Ok(out)
    }
}

/// True when an entry name is a relative path that stays inside the
/// archive: not empty, not absolute (`/x`, `\\x`, `C:x`), no `..` component.
fn is_safe_name(name: &str) -> bool {
    let unified = name.replace('\\', "/");
    !unified.is_empty()
        && !unified.starts_with('/')
        && unified.as_bytes().get(1) != Some(&b':')
        && !unified.split('/').any(|part| part == "..")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, data) in entries {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn unsafe_names_are_skipped_without_shifting_the_others() {
        let bytes = zip_of(&[
            ("../up.md", b"up"),
            ("/abs.md", b"abs"),
            ("a/../../b.md", b"b"),
            ("C:evil.md", b"c"),
            ("docs/CCTP.md", b"cctp"),
            ("RC.md", b"rc"),
        ]);
        let mut zip = Zip::open("t.zip", &bytes, &Limits::default()).unwrap();
        let entries = zip.entries();
        assert_eq!(
            entries,
            vec![(4, "docs/CCTP.md".to_string()), (5, "RC.md".to_string())]
        );
        for (i, name) in entries {
            let data = zip.read_index(i).unwrap();
            let want: &[u8] = if name == "RC.md" { b"rc" } else { b"cctp" };
            assert_eq!(data, want, "{name}");
        }
    }

    #[test]
    fn safe_names() {
        for ok in ["a.md", "DCE/CCTP.docx", "a..b.md", "x/..y/z.md"] {
            assert!(is_safe_name(ok), "{ok}");
        }
        for bad in [
            "",
            "../a.md",
            "/a.md",
            "\\a.md",
            "a\\..\\..\\b.md",
            "D:/a.md",
        ] {
            assert!(!is_safe_name(bad), "{bad}");
        }
    }
}
