//! # reset-criteria
//!
//! The library of reset-check: the RESET criteria grids (privacy, frugality,
//! inclusivity, non-discrimination, attention) as data, and the engines that
//! assess a tender text or a product self-assessment against them.
//!
//! It does no I/O beyond reading a grid directory on request, and pulls no
//! heavy dependency: text in, assessment out. Extraction of documents lives in
//! `reset-extract`, rendering in `reset-report`.
//!
//! ```
//! use reset_criteria::Catalog;
//! let catalog = Catalog::builtin();
//! assert!(catalog.grid("privacy").is_some());
//! ```

#![warn(missing_docs)]

pub mod catalog;
pub mod cue;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod files;
pub mod grid;
pub mod lang;
pub mod language;
pub mod normalize;
pub mod product;
pub mod report;
pub mod subject;
pub mod suggest;
mod toml_json;

pub use catalog::{Catalog, CatalogError, SourceFile};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use document::{Block, BlockKind, Document, Position};
pub use grid::{Criterion, Grid, Rule};
pub use lang::{Lang, LangList, Text};
