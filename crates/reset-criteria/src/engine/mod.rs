//! The tender engine: one pass over the normalised text for every cue of the
//! catalog, then each hit qualified by its sentence and section, then
//! criteria and grids scored.

/// The compiled cues of a catalog.
#[derive(Debug)]
pub struct Matcher {}

impl Matcher {
    /// Compiles every cue of a catalog into one automaton.
    pub fn new(_catalog: &crate::Catalog) -> Self {
        Matcher {}
    }
}
