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

    /// Names of the entries, in archive order (names that are not valid are left out).
    pub(crate) fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
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
