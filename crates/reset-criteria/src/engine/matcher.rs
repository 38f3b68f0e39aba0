//! Every cue of a catalog compiled once into one Aho-Corasick automaton, and
//! the single pass over a normalised text that finds every hit.

use crate::cue::parse_cue;
use crate::lang::LangList;
use crate::normalize::{is_word_byte, normalize_str};
use crate::Catalog;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
// Short words are looked up per sentence: a fast hash, not SipHash (no
// untrusted keys are chosen by an attacker here: they are the catalog's).
use foldhash::{HashMap, HashSet};

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

/// What a criterion cue is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CritKind {
    Cue,
    Avoid,
    Verify,
    Exclude,
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
}

/// A compiled cue.
#[derive(Debug, Clone)]
pub(crate) struct CueEntry {
    pub class: CueClass,
    pub source: String,
    pub n_terms: u8,
}

#[derive(Debug, Clone, Copy)]
struct TermOwner {
    cue: u32,
    term: u8,
    /// Terms of the cue: above one, a conjunction (`a + b`).
    n_terms: u8,
    check_start: bool,
    check_end: bool,
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
    owners: Vec<Vec<TermOwner>>,
    pub(crate) cues: Vec<CueEntry>,
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
    patterns: Vec<String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.patterns.len())
            .field("cues", &self.cues.len())
            .finish()
    }
}

struct Builder {
    patterns: Vec<String>,
    index: HashMap<String, usize>,
    owners: Vec<Vec<TermOwner>>,
    cues: Vec<CueEntry>,
}

impl Builder {
    fn add(&mut self, class: CueClass, source: &str) {
        // Invalid cues were rejected when the catalog was loaded; skip defensively.
        let Ok(cue) = parse_cue(source) else { return };
        let cue_id = self.cues.len() as u32;
        self.cues.push(CueEntry {
            class,
            source: source.to_string(),
            n_terms: cue.terms.len() as u8,
        });
        for (ti, term) in cue.terms.iter().enumerate() {
            let pid = match self.index.get(&term.text) {
                Some(p) => *p,
                None => {
                    self.patterns.push(term.text.clone());
                    self.owners.push(Vec::new());
                    self.index
                        .insert(term.text.clone(), self.patterns.len() - 1);
                    self.patterns.len() - 1
                }
            };
            let bytes = term.text.as_bytes();
            self.owners[pid].push(TermOwner {
                cue: cue_id,
                term: ti as u8,
                n_terms: cue.terms.len() as u8,
                check_start: bytes.first().is_some_and(|b| is_word_byte(*b)),
                check_end: !term.prefix && bytes.last().is_some_and(|b| is_word_byte(*b)),
            });
        }
    }

    fn add_list(&mut self, class: CueClass, list: &LangList) {
        for (_, s) in list.iter() {
            self.add(class, s);
        }
    }
}

impl Matcher {
    /// Compiles every cue of a catalog (criteria, shared lists, subjects) into one automaton.
    pub fn new(catalog: &Catalog) -> Self {
        let mut b = Builder {
            patterns: Vec::new(),
            index: HashMap::default(),
            owners: Vec::new(),
            cues: Vec::new(),
        };
        let mut crits = Vec::new();
        for (gi, g) in catalog.grids().iter().enumerate() {
            for (ci, c) in g.criteria.iter().enumerate() {
                let crit = crits.len() as u32;
                crits.push((gi, ci));
                b.add_list(
                    CueClass::Crit {
                        crit,
                        kind: CritKind::Cue,
                    },
                    &c.spec.cues,
                );
                b.add_list(
                    CueClass::Crit {
                        crit,
                        kind: CritKind::Avoid,
                    },
                    &c.spec.avoid,
                );
                b.add_list(
                    CueClass::Crit {
                        crit,
                        kind: CritKind::Verify,
                    },
                    &c.spec.verify,
                );
                b.add_list(
                    CueClass::Crit {
                        crit,
                        kind: CritKind::Exclude,
                    },
                    &c.spec.exclude,
                );
            }
        }
        let l = catalog.language();
        let m = &l.modality;
        b.add_list(CueClass::Lang(LangClass::Binding), &m.binding);
        b.add_list(CueClass::Lang(LangClass::Weak), &m.weak);
        b.add_list(CueClass::Lang(LangClass::Negation), &m.negation);
        b.add_list(CueClass::Lang(LangClass::Prohibition), &m.prohibition);
        b.add_list(CueClass::Lang(LangClass::Commitment), &m.commitment);
        b.add_list(CueClass::Lang(LangClass::ClauseBreak), &m.clause_breaks);
        b.add_list(CueClass::Lang(LangClass::Limit), &m.limits);
        b.add_list(CueClass::Lang(LangClass::Hedge), &m.hedges);
        b.add_list(CueClass::Lang(LangClass::Relative), &m.relatives);
        b.add_list(CueClass::Lang(LangClass::Contrast), &m.contrasts);
        b.add_list(
            CueClass::Lang(LangClass::ForwardNegation),
            &m.forward_negations,
        );
        b.add_list(CueClass::Lang(LangClass::Exception), &m.exceptions);
        b.add_list(CueClass::Lang(LangClass::Condition), &m.conditions);
        b.add_list(CueClass::Lang(LangClass::Beneficiary), &m.beneficiaries);
        b.add_list(CueClass::Lang(LangClass::Permission), &m.permissions);
        let v = &l.verification;
        for list in [&v.standards, &v.deliverables, &v.audits, &v.penalties] {
            b.add_list(CueClass::Lang(LangClass::Verification), list);
        }
        b.add_list(CueClass::Lang(LangClass::Exclude), &l.exclude);
        let s = &l.sections;
        b.add_list(CueClass::Lang(LangClass::OutOfScope), &s.out_of_scope);
        b.add_list(CueClass::Lang(LangClass::Context), &s.context);
        b.add_list(CueClass::Lang(LangClass::Award), &s.award);
        b.add_list(CueClass::Lang(LangClass::Contents), &s.contents);
        b.add_list(CueClass::Lang(LangClass::Requirements), &s.requirements);
        for (si, sub) in catalog.subjects().iter().enumerate() {
            b.add_list(CueClass::Subject(si as u32), &sub.cues);
        }
        // The automaton builds a third faster from sorted patterns (the trie
        // is filled in order); the owners follow their pattern.
        let mut pairs: Vec<(String, Vec<TermOwner>)> =
            b.patterns.into_iter().zip(b.owners).collect();
        pairs.sort_unstable_by(|x, y| x.0.cmp(&y.0));
        (b.patterns, b.owners) = pairs.into_iter().unzip();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&b.patterns)
            .ok();
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
            owners: b.owners,
            cues: b.cues,
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
            patterns: b.patterns,
        }
    }

    /// Every distinct normalised term of the catalog, sorted: the cue list a
    /// reference run of ripgrep can search for.
    pub fn terms(&self) -> Vec<String> {
        // Already sorted, for the automaton's sake.
        self.patterns.clone()
    }

    /// Number of distinct patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
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
            for o in &self.owners[m.pattern().as_usize()] {
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
            if t.seen.len() < self.cues.len() {
                t.seen = vec![(0, 0); self.cues.len()];
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
                let n = self.cues[h.cue as usize].n_terms;
                if n > 1 {
                    let slot = &mut t.seen[h.cue as usize];
                    if slot.0 != stamp {
                        *slot = (stamp, 0);
                    }
                    slot.1 |= bit(h.term);
                }
            }
            hits.retain(|h| {
                let n = self.cues[h.cue as usize].n_terms;
                n <= 1 || t.seen[h.cue as usize].1 == full(n)
            });
        });
    }
}
