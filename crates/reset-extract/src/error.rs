//! The one error type of the crate. Every variant names the file.

use crate::limits::{LimitKind, LimitValue};

/// Why a document could not be extracted. The message always starts with the file name.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A resource limit was exceeded.
    #[error("{file}: {} exceeds the limit of {} ({})", kind.what(), LimitValue(*kind, *limit), kind.option())]
    Limit {
        /// The file.
        file: String,
        /// Which limit.
        kind: LimitKind,
        /// Its value.
        limit: u64,
    },
    /// The bytes are not a format this crate reads (binary, or unknown).
    #[error("{file}: unsupported or binary file ({detail})")]
    Unsupported {
        /// The file.
        file: String,
        /// What was recognised, if anything.
        detail: String,
    },
    /// The file looks like a known format but is broken (truncated zip, bad XML, damaged PDF...).
    #[error("{file}: invalid {format} file: {detail}")]
    Corrupt {
        /// The file.
        file: String,
        /// The format it was read as.
        format: &'static str,
        /// What went wrong.
        detail: String,
    },
    /// A PDF without any text (a scan): OCR is out of scope.
    #[error("{file}: PDF has no text layer (scanned or image-only?); no text can be extracted")]
    NoTextLayer {
        /// The file.
        file: String,
    },
    /// A dossier holds no document this crate can read.
    #[error("{file}: dossier holds no readable document (txt, md, html, docx, odt, pdf)")]
    EmptyDossier {
        /// The folder or archive.
        file: String,
    },
}

impl ExtractError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ExtractError::Io { file, .. }
            | ExtractError::Limit { file, .. }
            | ExtractError::Unsupported { file, .. }
            | ExtractError::Corrupt { file, .. }
            | ExtractError::NoTextLayer { file }
            | ExtractError::EmptyDossier { file } => file,
        }
    }

    pub(crate) fn limit(file: &str, kind: LimitKind, limit: u64) -> Self {
        ExtractError::Limit {
            file: file.to_string(),
            kind,
            limit,
        }
    }

    pub(crate) fn corrupt(file: &str, format: &'static str, detail: impl ToString) -> Self {
        ExtractError::Corrupt {
            file: file.to_string(),
            format,
            detail: detail.to_string(),
        }
    }

    pub(crate) fn io(file: &str, source: std::io::Error) -> Self {
        ExtractError::Io {
            file: file.to_string(),
            source,
        }
    }
}
