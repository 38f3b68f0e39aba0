//! Every cue of a catalog compiled once into one Aho-Corasick automaton, and
//! the single pass over a normalised text that finds every hit.

pub(crate) use super::cue_table::{CritKind, CueClass, LangClass};
use super::cue_table::{
    CueEntry, CueTable, CueTableBuilder, TermOwner, CRITERION_LISTS, LANGUAGE_LISTS,
};
use crate::lang::LangList;
use crate::language::LanguageCues;
use crate::normalize::{is_word_byte, normalize_str};
use crate::Catalog;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::borrow::Cow;
use std::sync::OnceLock;
// Short words are looked up per sentence: a fast hash, not SipHash (no
// untrusted keys are chosen by an attacker here: they are the catalog's).
use foldhash::HashSet;

// The cue table of the built-in catalog, computed by `build.rs` with the
// same `CueTableBuilder` (`BUILTIN_PATTERNS`, `BUILTIN_OWNER_STARTS`,
// `BUILTIN_OWNERS`, `BUILTIN_CUES`).
include!(concat!(env!("OUT_DIR"), "/builtin_cues.rs"));

/// The cue table of the built-in catalog, as embedded at compile time.
pub(crate) fn builtin_table() -> CueTable {
    CueTable {
        patterns: Cow::Borrowed(BUILTIN_PATTERNS),
        owner_starts: Cow::Borrowed(BUILTIN_OWNER_STARTS),
        owners: Cow::Borrowed(BUILTIN_OWNERS),
        cues: Cow::Borrowed(BUILTIN_CUES),
    }
}

/// Builds the automaton of the built-in catalog, once per process. Call it
/// on a thread of its own at start-up when the built-in catalog will be
/// used: the automaton (about 10,000 patterns) then builds while the
/// catalog is read and the documents extracted, instead of after them.
/// [`Matcher::new`] waits for it, or builds it, for the built-in catalog.
pub fn prepare_builtin() {
    builtin_automaton();
}

/// The automaton of the built-in catalog; the first call builds it and
/// later ones wait for it, then share it (cloning is cheap).
fn builtin_automaton() -> Option<AhoCorasick> {
    static AUTOMATON: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AUTOMATON
        .get_or_init(|| build_automaton(BUILTIN_PATTERNS))
        .clone()
}

/// One automaton for every pattern; `None` only if the patterns are too
/// many for aho-corasick's limits.
fn build_automaton(patterns: &[Cow<'static, str>]) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(patterns.iter().map(|p| p.as_bytes()))
        .ok()
}

/// The cue table of any catalog: criteria (in catalog order), the shared
/// lists, the subjects, then the scope wording of the subjects file.
pub(crate) fn cue_table(catalog: &Catalog) -> CueTable {
    let mut b = CueTableBuilder::default();
    let mut crit = 0u32;
    for g in catalog.grids() {
        for c in &g.criteria {
            for (key, kind) in CRITERION_LISTS {
                let list = match *key {
                    "cues" => &c.spec.cues,
                    "avoid" => &c.spec.avoid,
                    "verify" => &c.spec.verify,
                    "exclude" => &c.spec.exclude,
                    "award" => &c.spec.award,
                    _ => unreachable!("CRITERION_LISTS names a list of `spec`"),
                };
                add_list(&mut b, CueClass::Crit { crit, kind: *kind }, list);
            }
            crit += 1;
        }
    }
    let l = catalog.language();
    for (path, class) in LANGUAGE_LISTS {
        add_list(&mut b, CueClass::Lang(*class), language_list(l, path));
    }
    for (si, sub) in catalog.subjects().iter().enumerate() {
        add_list(&mut b, CueClass::Subject(si as u32), &sub.cues);
    }
    add_list(&mut b, CueClass::SubjectScope, catalog.subject_scope());
    add_list(
        &mut b,
        CueClass::SubjectScopeHeading,
        catalog.subject_scope_headings(),
    );
    b.finish()
}

fn add_list(b: &mut CueTableBuilder, class: CueClass, list: &LangList) {
    for (_, s) in list.iter() {
        b.add(class, s);
    }
}

/// The list of `language.toml` at a path of [`LANGUAGE_LISTS`].
fn language_list<'a>(l: &'a LanguageCues, path: &str) -> &'a LangList {
    let (m, v, s) = (&l.modality, &l.verification, &l.sections);
    match path {
        "modality.binding" => &m.binding,
        "modality.weak" => &m.weak,
        "modality.negation" => &m.negation,
        "modality.prohibition" => &m.prohibition,
        "modality.commitment" => &m.commitment,
        "modality.clause_breaks" => &m.clause_breaks,
        "modality.limits" => &m.limits,
        "modality.hedges" => &m.hedges,
        "modality.relatives" => &m.relatives,
        "modality.contrasts" => &m.contrasts,
        "modality.forward_negations" => &m.forward_negations,
        "modality.exceptions" => &m.exceptions,
        "modality.conditions" => &m.conditions,
        "modality.beneficiaries" => &m.beneficiaries,
        "modality.permissions" => &m.permissions,
        "verification.standards" => &v.standards,
        "verification.deliverables" => &v.deliverables,
        "verification.audits" => &v.audits,
        "verification.penalties" => &v.penalties,
        "exclude" => &l.exclude,
        "sections.out_of_scope" => &s.out_of_scope,
        "sections.context" => &s.context,
        "sections.award" => &s.award,
        "sections.contents" => &s.contents,
        "sections.requirements" => &s.requirements,
        _ => unreachable!("LANGUAGE_LISTS names a list of language.toml"),
    }
}

/// One occurrence of one term of one cue in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermHit {
    pub start: u32,
    pub end: u32,
    pub cue: u32,
    pub term: u8,
}

/// Per-thread scratch of [`Matcher::scan`]: terms seen per conjunction cue.
#[derive(Default)]
struct ConjunctionTable {
    /// (scan stamp, one bit per term seen in that scan), per cue.
    seen: Vec<(u32, u64)>,
    stamp: u32,
}

thread_local! {
    static CONJUNCTIONS: std::cell::RefCell<ConjunctionTable> =
        std::cell::RefCell::new(ConjunctionTable::default());
}

/// The compiled cues of a catalog.
pub struct Matcher {
    ac: Option<AhoCorasick>,
    /// Patterns, their owners and every cue.
    pub(crate) table: CueTable,
    /// (grid index, criterion index) of each flat criterion index.
    pub(crate) crits: Vec<(usize, usize)>,
    pub(crate) units: Vec<String>,
    pub(crate) number_words: HashSet<String>,
    pub(crate) abbreviations: HashSet<String>,
    pub(crate) future_suffixes: Vec<String>,
    pub(crate) future_exceptions: HashSet<String>,
    pub(crate) future_min_stem: usize,
    pub(crate) present_auxiliaries: HashSet<String>,
    pub(crate) french_words: HashSet<String>,
    pub(crate) english_words: HashSet<String>,
    pub(crate) participle_endings: Vec<String>,
    pub(crate) participle_exceptions: HashSet<String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.table.patterns.len())
            .field("cues", &self.table.cues.len())
            .finish()
    }
}

impl Matcher {
    /// Compiles every cue of a catalog (criteria, shared lists, subjects) into one automaton.
    pub fn new(catalog: &Catalog) -> Self {
        let (table, ac) = if catalog.is_builtin() {
            // The built-in table was computed at compile time, and the
            // automaton may already be on its way (`prepare_builtin`).
            (builtin_table(), builtin_automaton())
        } else {
            let table = cue_table(catalog);
            let ac = build_automaton(&table.patterns);
            (table, ac)
        };
        let crits = catalog
            .grids()
            .iter()
            .enumerate()
            .flat_map(|(gi, g)| (0..g.criteria.len()).map(move |ci| (gi, ci)))
            .collect();
        let l = catalog.language();
        let m = &l.modality;
        let v = &l.verification;
        let norm_all = |list: &LangList| -> Vec<String> {
            list.iter()
                .map(|(_, s)| normalize_str(s))
                .filter(|s| !s.is_empty())
                .collect()
        };
        let mut units = norm_all(&v.units);
        units.sort_by_key(|u| std::cmp::Reverse(u.len()));
        units.dedup();
        Matcher {
            ac,
            table,
            crits,
            units,
            number_words: norm_all(&v.number_words).into_iter().collect(),
            abbreviations: norm_all(&l.segmentation.abbreviations)
                .into_iter()
                .collect(),
            future_suffixes: norm_all(&m.future_suffixes),
            future_exceptions: norm_all(&m.future_exceptions).into_iter().collect(),
            future_min_stem: m.future_min_stem,
            present_auxiliaries: norm_all(&m.present_auxiliaries).into_iter().collect(),
            french_words: m
                .function_words
                .fr
                .iter()
                .map(|w| normalize_str(w))
                .collect(),
            english_words: m
                .function_words
                .en
                .iter()
                .map(|w| normalize_str(w))
                .collect(),
            participle_endings: norm_all(&m.participle_endings),
            participle_exceptions: norm_all(&m.participle_exceptions).into_iter().collect(),
        }
    }

    /// Every distinct normalised term of the catalog, sorted: the cue list a
    /// reference run of ripgrep can search for.
    pub fn terms(&self) -> Vec<String> {
        // Already sorted, for the automaton's sake.
        self.table.patterns.iter().map(|p| p.to_string()).collect()
    }

    /// Number of distinct patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.table.patterns.len()
    }

    /// One pass over a normalised text (a block): every term occurrence on
    /// word boundaries, except the terms of a conjunction (`a + b`) whose
    /// other terms do not all occur in the text too. A term is shared by
    /// many conjunctions ("accessib* + audit", "accessib* + declaration",
    /// ...): dropping the incomplete ones here divides the hits to qualify
    /// by about four on real tenders. A cue counts only where all its terms
    /// are, so no level changes; the one reader of single hits this affects
    /// (verification looking for "another criterion" in a part of the
    /// sentence) now ignores a lone conjunction term, as it should.
    pub(crate) fn scan(&self, text: &str) -> Vec<TermHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let mut conjunctions = false;
        for m in ac.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            let start_ok = s == 0 || !is_word_byte(bytes[s - 1]);
            let end_ok = e >= bytes.len() || !is_word_byte(bytes[e]);
            for o in self.table.owners_of(m.pattern().as_usize()) {
                if (o.check_start && !start_ok) || (o.check_end && !end_ok) {
                    continue;
                }
                conjunctions |= o.n_terms > 1;
                hits.push(TermHit {
                    start: s as u32,
                    end: e as u32,
                    cue: o.cue,
                    term: o.term,
                });
            }
        }
        if conjunctions {
            self.keep_complete_conjunctions(&mut hits);
        }
        hits
    }

    /// Drops the hits of conjunction terms whose cue lacks a term in `hits`.
    fn keep_complete_conjunctions(&self, hits: &mut Vec<TermHit>) {
        // One bit per term seen, per cue, stamped with the scan's number so
        // that the table is never cleared (it is per thread, as big as the
        // catalog's cue count).
        CONJUNCTIONS.with(|cell| {
            let mut t = cell.borrow_mut();
            if t.seen.len() < self.table.cues.len() {
                t.seen = vec![(0, 0); self.table.cues.len()];
                t.stamp = 0;
            }
            t.stamp = t.stamp.wrapping_add(1);
            if t.stamp == 0 {
                t.seen.iter_mut().for_each(|x| *x = (0, 0));
                t.stamp = 1;
            }
            let stamp = t.stamp;
            let bit = |term: u8| 1u64.checked_shl(u32::from(term)).unwrap_or(0);
            let full = |n: u8| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
            for h in hits.iter() {
                let n = self.table.cues[h.cue as usize].n_terms;
                if n > 1 {
                    let slot = &mut t.seen[h.cue as usize];
                    if slot.0 != stamp {
                        *slot = (stamp, 0);
                    }
                    slot.1 |= bit(h.term);
                }
            }
            hits.retain(|h| {
                let n = self.table.cues[h.cue as usize].n_terms;
                n <= 1 || t.seen[h.cue as usize].1 == full(n)
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table `build.rs` embedded is the one the engine would compute
    /// from the built-in catalog: same patterns, owners, cues and order.
    #[test]
    fn builtin_cue_table_is_the_computed_one() {
        let computed = cue_table(Catalog::builtin());
        let embedded = builtin_table();
        assert!(computed.patterns.len() > 1000);
        assert_eq!(computed.patterns, embedded.patterns);
        assert_eq!(computed.owner_starts, embedded.owner_starts);
        assert_eq!(computed.owners, embedded.owners);
        assert_eq!(computed.cues, embedded.cues);
    }

    /// Only the very built-in catalog takes the embedded table: a copy of
    /// it, or a catalog restricted to some grids, computes its own.
    #[test]
    fn only_the_builtin_catalog_uses_the_embedded_table() {
        let builtin = Catalog::builtin();
        assert!(builtin.is_builtin());
        let copy = builtin.clone();
        assert!(!copy.is_builtin());
        let one = builtin.only(&["privacy".to_string()]).unwrap();
        assert!(!one.is_builtin());
        let m = Matcher::new(&one);
        assert!(m.pattern_count() < builtin.matcher().pattern_count());
        assert_eq!(
            Matcher::new(&copy).pattern_count(),
            builtin.matcher().pattern_count()
        );
    }
}
