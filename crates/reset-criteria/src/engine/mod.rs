//! The tender engine: every cue of the catalog compiled once into one
//! automaton; one pass over the normalised text of a document finds every
//! hit; each hit is then qualified by its sentence (binding, weak, negated,
//! verifiable) and its section (out of scope, context, award criteria), and
//! criteria and grids are scored.
//!
//! The engine never names a criterion: everything it knows comes from the
//! catalog's data files.

mod assess;
mod cue_table;
mod matcher;
mod segment;

pub use assess::{assess_document, assess_text, SpecOptions};
pub use matcher::{prepare_builtin, Matcher};
pub use segment::{split_sentences, MAX_SENTENCE_BYTES};
