//! The cue table: every cue of a catalog parsed and normalised, its terms
//! deduplicated into the patterns of the automaton, and for each pattern the
//! cues that own it.
//!
//! `build.rs` includes this file to compute the table of the built-in
//! catalog at compile time (the same code, so the same table), which saves
//! start-up the parsing and normalising of some 20,000 cues; a test checks
//! that the embedded table equals the one computed at run time. Fields are
//! `Cow` so that a table is either that embedded data or built for a user's
//! catalog.

use crate::cue::parse_cue;
use crate::normalize::is_word_byte;
use foldhash::HashMap;
use std::borrow::Cow;

/// Classes of the shared cue lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum LangClass {
    Binding,
    Weak,
    Negation,
    Prohibition,
    Commitment,
    Verification,
    ClauseBreak,
    Limit,
    Hedge,
    Relative,
    Contrast,
    ForwardNegation,
    Exception,
    Condition,
    Beneficiary,
    Permission,
    Exclude,
    OutOfScope,
    Context,
    Award,
    Contents,
    Requirements,
}

/// The shared lists of `language.toml` that go into the automaton, in the
/// order they are added, by their path in the file. `build.rs` walks the
/// file by these paths; `Matcher::new` reads the same lists from the typed
/// catalog (the test `builtin_cue_table_is_the_computed_one` holds both to
/// one order).
pub(crate) const LANGUAGE_LISTS: &[(&str, LangClass)] = &[
    ("modality.binding", LangClass::Binding),
    ("modality.weak", LangClass::Weak),
    ("modality.negation", LangClass::Negation),
    ("modality.prohibition", LangClass::Prohibition),
    ("modality.commitment", LangClass::Commitment),
    ("modality.clause_breaks", LangClass::ClauseBreak),
    ("modality.limits", LangClass::Limit),
    ("modality.hedges", LangClass::Hedge),
    ("modality.relatives", LangClass::Relative),
    ("modality.contrasts", LangClass::Contrast),
    ("modality.forward_negations", LangClass::ForwardNegation),
    ("modality.exceptions", LangClass::Exception),
    ("modality.conditions", LangClass::Condition),
    ("modality.beneficiaries", LangClass::Beneficiary),
    ("modality.permissions", LangClass::Permission),
    ("verification.standards", LangClass::Verification),
    ("verification.deliverables", LangClass::Verification),
    ("verification.audits", LangClass::Verification),
    ("verification.penalties", LangClass::Verification),
    ("exclude", LangClass::Exclude),
    ("sections.out_of_scope", LangClass::OutOfScope),
    ("sections.context", LangClass::Context),
    ("sections.award", LangClass::Award),
    ("sections.contents", LangClass::Contents),
    ("sections.requirements", LangClass::Requirements),
];

/// The lists of a criterion's `spec` that go into the automaton, in order.
pub(crate) const CRITERION_LISTS: &[(&str, CritKind)] = &[
    ("cues", CritKind::Cue),
    ("avoid", CritKind::Avoid),
    ("verify", CritKind::Verify),
    ("exclude", CritKind::Exclude),
    ("award", CritKind::Award),
];

/// What a criterion cue is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CritKind {
    Cue,
    Avoid,
    Verify,
    Exclude,
    /// Names the criterion inside an award-criteria section only.
    Award,
}

/// Who a cue belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CueClass {
    /// A cue of criterion number `crit` (flat index over the catalog).
    Crit { crit: u32, kind: CritKind },
    /// A shared cue.
    Lang(LangClass),
    /// A cue of subject number `subject`.
    Subject(u32),
    /// Wording that states what the contract buys (`scope` of the subjects file).
    SubjectScope,
    /// The same, in headings only (`scope_headings`).
    SubjectScopeHeading,
}

/// A compiled cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CueEntry {
    pub class: CueClass,
    /// The cue as written in its file.
    pub source: Cow<'static, str>,
    pub n_terms: u8,
}

/// One cue term that a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermOwner {
    pub cue: u32,
    pub term: u8,
    /// Terms of the cue: above one, a conjunction (`a + b`).
    pub n_terms: u8,
    /// The pattern must start on a word boundary.
    pub check_start: bool,
    /// The pattern must end on a word boundary (not a prefix cue).
    pub check_end: bool,
}

/// Patterns, their owners and the cues of a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CueTable {
    /// Distinct normalised terms, sorted (the automaton builds a third
    /// faster from sorted patterns).
    pub patterns: Cow<'static, [Cow<'static, str>]>,
    /// The owners of pattern `p` are `owners[owner_starts[p]..owner_starts[p + 1]]`.
    pub owner_starts: Cow<'static, [u32]>,
    /// Owners of every pattern, pattern by pattern.
    pub owners: Cow<'static, [TermOwner]>,
    /// Every cue, numbered as [`TermOwner::cue`] says.
    pub cues: Cow<'static, [CueEntry]>,
}

impl CueTable {
    /// The cue terms that pattern `p` stands for.
    pub fn owners_of(&self, p: usize) -> &[TermOwner] {
        &self.owners[self.owner_starts[p] as usize..self.owner_starts[p + 1] as usize]
    }
}

/// Builds a [`CueTable`] cue by cue.
#[derive(Default)]
pub(crate) struct CueTableBuilder {
    patterns: Vec<String>,
    index: HashMap<String, usize>,
    owners: Vec<Vec<TermOwner>>,
    cues: Vec<CueEntry>,
}

impl CueTableBuilder {
    /// Adds one cue of a class.
    pub fn add(&mut self, class: CueClass, source: &str) {
        // Invalid cues were rejected when the catalog was loaded; skip defensively.
        let Ok(cue) = parse_cue(source) else { return };
        let cue_id = self.cues.len() as u32;
        let n_terms = cue.terms.len() as u8;
        self.cues.push(CueEntry {
            class,
            source: Cow::Owned(source.to_string()),
            n_terms,
        });
        for (ti, term) in cue.terms.into_iter().enumerate() {
            let bytes = term.text.as_bytes();
            let owner = TermOwner {
                cue: cue_id,
                term: ti as u8,
                n_terms,
                check_start: bytes.first().is_some_and(|b| is_word_byte(*b)),
                check_end: !term.prefix && bytes.last().is_some_and(|b| is_word_byte(*b)),
            };
            let pid = match self.index.get(&term.text) {
                Some(p) => *p,
                None => {
                    self.patterns.push(term.text.clone());
                    self.owners.push(Vec::new());
                    self.index.insert(term.text, self.patterns.len() - 1);
                    self.patterns.len() - 1
                }
            };
            self.owners[pid].push(owner);
        }
    }

    /// The table, patterns sorted.
    pub fn finish(self) -> CueTable {
        let mut pairs: Vec<(String, Vec<TermOwner>)> =
            self.patterns.into_iter().zip(self.owners).collect();
        pairs.sort_unstable_by(|x, y| x.0.cmp(&y.0));
        let mut patterns = Vec::with_capacity(pairs.len());
        let mut owner_starts = Vec::with_capacity(pairs.len() + 1);
        let mut owners = Vec::new();
        for (p, o) in pairs {
            patterns.push(Cow::Owned(p));
            owner_starts.push(owners.len() as u32);
            owners.extend(o);
        }
        owner_starts.push(owners.len() as u32);
        CueTable {
            patterns: Cow::Owned(patterns),
            owner_starts: Cow::Owned(owner_starts),
            owners: Cow::Owned(owners),
            cues: Cow::Owned(self.cues),
        }
    }
}
