//! Resource limits: every reader checks them from the start, so that a
//! hostile or broken file fails fast with an error naming the limit.

use std::fmt;

/// The limits an extraction runs under. `Limits::default()` suits real
/// tender files; set fields lower for untrusted batch input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes (checked before a file is read).
    pub max_input_bytes: u64,
    /// Largest total inflated size of the zip entries read from one archive
    /// (docx, odt, zipped dossier), in bytes; counted while inflating.
    pub max_inflated_bytes: u64,
    /// Most entries a zip archive may list.
    pub max_zip_entries: u64,
    /// Deepest XML element nesting (docx, odt).
    pub max_xml_depth: u64,
    /// Most pages read from a PDF.
    pub max_pdf_pages: u64,
    /// Deepest HTML element nesting.
    pub max_html_depth: u64,
    /// Most documents in one dossier (folder or zip).
    pub max_dossier_files: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 100 * MB,
            max_inflated_bytes: 500 * MB,
            max_zip_entries: 10_000,
            max_xml_depth: 256,
            max_pdf_pages: 2_000,
            max_html_depth: 512,
            max_dossier_files: 1_000,
        }
    }
}

const MB: u64 = 1_000_000;

impl Limits {
    /// The value of one limit.
    pub fn get(&self, kind: LimitKind) -> u64 {
        match kind {
            LimitKind::InputSize => self.max_input_bytes,
            LimitKind::InflatedSize => self.max_inflated_bytes,
            LimitKind::ZipEntries => self.max_zip_entries,
            LimitKind::XmlDepth => self.max_xml_depth,
            LimitKind::PdfPages => self.max_pdf_pages,
            LimitKind::HtmlDepth => self.max_html_depth,
            LimitKind::DossierFiles => self.max_dossier_files,
        }
    }

    /// Sets one limit.
    pub fn set(&mut self, kind: LimitKind, value: u64) {
        let field = match kind {
            LimitKind::InputSize => &mut self.max_input_bytes,
            LimitKind::InflatedSize => &mut self.max_inflated_bytes,
            LimitKind::ZipEntries => &mut self.max_zip_entries,
            LimitKind::XmlDepth => &mut self.max_xml_depth,
            LimitKind::PdfPages => &mut self.max_pdf_pages,
            LimitKind::HtmlDepth => &mut self.max_html_depth,
            LimitKind::DossierFiles => &mut self.max_dossier_files,
        };
        *field = value;
    }
}

/// Which limit was breached; names the quantity and the CLI option that sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    /// [`Limits::max_input_bytes`].
    InputSize,
    /// [`Limits::max_inflated_bytes`].
    InflatedSize,
    /// [`Limits::max_zip_entries`].
    ZipEntries,
    /// [`Limits::max_xml_depth`].
    XmlDepth,
    /// [`Limits::max_pdf_pages`].
    PdfPages,
    /// [`Limits::max_html_depth`].
    HtmlDepth,
    /// [`Limits::max_dossier_files`].
    DossierFiles,
}

impl LimitKind {
    /// Every limit, in the order of the fields of [`Limits`].
    pub const ALL: [LimitKind; 7] = [
        LimitKind::InputSize,
        LimitKind::InflatedSize,
        LimitKind::ZipEntries,
        LimitKind::XmlDepth,
        LimitKind::PdfPages,
        LimitKind::HtmlDepth,
        LimitKind::DossierFiles,
    ];

    /// What is measured, e.g. `inflated size`.
    pub fn what(self) -> &'static str {
        match self {
            LimitKind::InputSize => "input size",
            LimitKind::InflatedSize => "inflated size",
            LimitKind::ZipEntries => "number of zip entries",
            LimitKind::XmlDepth => "XML nesting depth",
            LimitKind::PdfPages => "number of PDF pages",
            LimitKind::HtmlDepth => "HTML nesting depth",
            LimitKind::DossierFiles => "number of files in the dossier",
        }
    }

    /// The command-line option that sets it, e.g. `--max-inflated`.
    pub fn option(self) -> &'static str {
        match self {
            LimitKind::InputSize => "--max-input-size",
            LimitKind::InflatedSize => "--max-inflated",
            LimitKind::ZipEntries => "--max-entries",
            LimitKind::XmlDepth => "--max-xml-depth",
            LimitKind::PdfPages => "--max-pdf-pages",
            LimitKind::HtmlDepth => "--max-html-depth",
            LimitKind::DossierFiles => "--max-files",
        }
    }

    /// True when the value is a number of bytes.
    pub fn is_bytes(self) -> bool {
        matches!(self, LimitKind::InputSize | LimitKind::InflatedSize)
    }
}

/// A limit value for messages: `500 MB`, `12 kB`, `300 bytes`, or a plain count.
pub(crate) struct LimitValue(pub LimitKind, pub u64);

impl fmt::Display for LimitValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.1;
        if !self.0.is_bytes() {
            return write!(f, "{v}");
        }
        if v >= MB && v.is_multiple_of(MB) {
            write!(f, "{} MB", v / MB)
        } else if v >= 1000 && v.is_multiple_of(1000) {
            write!(f, "{} kB", v / 1000)
        } else {
            write!(f, "{v} bytes")
        }
    }
}

/// Counts inflated bytes across the entries of one archive.
pub(crate) struct Budget {
    pub(crate) remaining: u64,
}

impl Budget {
    pub(crate) fn new(limits: &Limits) -> Self {
        Budget {
            remaining: limits.max_inflated_bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_and_set_reach_every_field() {
        let mut l = Limits::default();
        for (i, k) in LimitKind::ALL.into_iter().enumerate() {
            l.set(k, 1000 + i as u64);
        }
        assert_eq!(
            l,
            Limits {
                max_input_bytes: 1000,
                max_inflated_bytes: 1001,
                max_zip_entries: 1002,
                max_xml_depth: 1003,
                max_pdf_pages: 1004,
                max_html_depth: 1005,
                max_dossier_files: 1006,
            }
        );
        for (i, k) in LimitKind::ALL.into_iter().enumerate() {
            assert_eq!(l.get(k), 1000 + i as u64);
        }
        // Options are distinct, and byte limits are the two sizes.
        let mut options: Vec<_> = LimitKind::ALL.iter().map(|k| k.option()).collect();
        options.sort_unstable();
        options.dedup();
        assert_eq!(options.len(), 7);
        let bytes: Vec<_> = LimitKind::ALL
            .into_iter()
            .filter(|k| k.is_bytes())
            .collect();
        assert_eq!(bytes, [LimitKind::InputSize, LimitKind::InflatedSize]);
    }
}
