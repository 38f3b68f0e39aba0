//! Assessment of one document: qualify every hit by its sentence and its
//! section, keep the evidence, score the criteria and grids.

use super::matcher::{CritKind, CueClass, LangClass, Matcher, TermHit};
use super::segment::split_sentences;
use crate::document::{Block, BlockKind, Document};
use crate::normalize::{is_word_byte, normalize, OffsetMap};
use crate::report::{
    finish_scores, CriterionReport, DocumentKind, DocumentReport, Evidence, GridReport, Status,
    SubjectReport,
};
use crate::Catalog;
use foldhash::HashMap;
use smallvec::{smallvec, SmallVec};
use std::ops::Range;

/// Options of a tender (or offer) assessment.
#[derive(Debug, Clone)]
pub struct SpecOptions {
    /// `Spec` reads obligation wording; `Offer` reads a vendor's commitments.
    pub kind: DocumentKind,
    /// Subjects given by the user; `None` detects them from the text.
    pub subjects: Option<Vec<String>>,
    /// Evidence sentences kept per criterion (best first).
    pub max_evidence: usize,
    /// Threads for one large document (0: one per core). Results do not
    /// depend on it; set 1 when documents are already assessed in parallel.
    pub threads: usize,
}

impl Default for SpecOptions {
    fn default() -> Self {
        SpecOptions {
            kind: DocumentKind::Spec,
            subjects: None,
            max_evidence: 3,
            threads: 0,
        }
    }
}

/// Assesses a plain text (paragraphs separated by blank lines, `#` headings).
pub fn assess_text(
    catalog: &Catalog,
    source: &str,
    text: &str,
    opts: &SpecOptions,
) -> DocumentReport {
    assess_document(catalog, &Document::from_plain_text(source, text), opts)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Plain,
    OutOfScope,
    Context,
    Award,
    Contents,
    Requirements,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ModalKind {
    Binding,
    Weak,
}

#[derive(Debug, Clone)]
struct Modal {
    start: u32,
    end: u32,
    kind: ModalKind,
}

/// A range of the normalised text (start, end).
type Span = (u32, u32);

/// A cue whose terms all occur in a range: its anchor and the spans of its terms.
#[derive(Debug, Clone)]
struct CueMatch {
    cue: u32,
    anchor: u32,
    spans: SmallVec<[(u32, u32); 2]>,
}

/// Polarity and firmness of a lead-in sentence ("Le titulaire doit :") or a table row.
#[derive(Debug, Clone, Default)]
struct Around {
    negated: Option<(u32, u32)>,
    modal: Option<Modal>,
    verification: Option<(u32, u32)>,
    /// The quoted words of the spans above (they may come from other blocks).
    negated_word: String,
    modal_word: String,
    verification_word: String,
}

/// A block's place in the normalised text, and its map back to the original.
struct NormBlock {
    start: usize,
    end: usize,
    map: OffsetMap,
}

struct Ctx<'a> {
    catalog: &'a Catalog,
    m: &'a Matcher,
    doc: &'a Document,
    /// Every block normalised, one after the other (a newline between
    /// two), in one string per run of blocks: `text_starts[i]` is where run
    /// `i` starts in that virtual concatenation. Not joining them spares a
    /// second copy of a large text.
    texts: Vec<String>,
    text_starts: Vec<usize>,
    blocks: Vec<NormBlock>,
    section: Vec<Section>,
    parent: Vec<Option<usize>>,
    /// Headings that introduce what the contract buys ("Objet du marché").
    scope_heading: Vec<bool>,
    offer: bool,
    /// Unique per assessment, for the per-thread clause cache.
    id: usize,
}

static NEXT_CTX_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

thread_local! {
    /// Clause boundaries of the sentence being read on this thread, keyed by
    /// the document's context and the sentence.
    static CLAUSE_CACHE: std::cell::RefCell<(usize, Range<u32>, Vec<u32>)> =
        const { std::cell::RefCell::new((0, 0..0, Vec::new())) };
}

/// Runs of whole blocks, about equal in text, one per core for documents
/// above 64 KB (about 20 pages; a thread costs far less than their
/// qualification); a single run otherwise.
fn block_runs(blocks: &[Block], total: usize, threads: usize) -> Vec<Range<usize>> {
    const MIN_PER_THREAD: usize = 64 * 1024;
    let cores = match threads {
        0 => std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        n => n,
    };
    let n = cores.min(total / MIN_PER_THREAD).max(1);
    if n == 1 || blocks.is_empty() {
        return std::iter::once(0..blocks.len()).collect();
    }
    let target = total / n + 1;
    let mut runs = Vec::with_capacity(n);
    let (mut start, mut acc) = (0, 0);
    for (i, b) in blocks.iter().enumerate() {
        acc += b.text.len() + 1;
        if acc >= target && runs.len() + 1 < n {
            runs.push(start..i + 1);
            start = i + 1;
            acc = 0;
        }
    }
    runs.push(start..blocks.len());
    runs
}

/// Applies `f` to every range, on scoped threads when there are several;
/// results come back in the order of the ranges.
fn in_parallel<T: Send>(ranges: &[Range<usize>], f: impl Fn(&Range<usize>) -> T + Sync) -> Vec<T> {
    if ranges.len() <= 1 {
        return ranges.iter().map(&f).collect();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges.iter().map(|r| scope.spawn(|| f(r))).collect();
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(v) => v,
                // A panic in a worker is the caller's panic, as on one thread.
                Err(e) => std::panic::resume_unwind(e),
            })
            .collect()
    })
}

/// Assesses a structured document against every grid of the catalog.
pub fn assess_document(catalog: &Catalog, doc: &Document, opts: &SpecOptions) -> DocumentReport {
    // Large documents are cut into runs of whole blocks, one per core, for
    // normalisation, matching and qualification; small ones stay on one thread.
    let total: usize = doc.blocks.iter().map(|b| b.text.len() + 1).sum();
    let parts = block_runs(&doc.blocks, total, opts.threads);
    // 1. Normalise every block once, one buffer per run. This needs no cue, so
    // it runs while another thread may still be compiling the automaton.
    let normalised: Vec<(String, Vec<NormBlock>)> = in_parallel(&parts, |r| {
        // Sized from the original (normalising rarely lengthens a text), so
        // that a large run is not reallocated up to twice its size.
        let size: usize = doc.blocks[r.clone()].iter().map(|b| b.text.len() + 1).sum();
        let mut text = String::with_capacity(size);
        let mut blocks = Vec::with_capacity(r.len());
        for b in &doc.blocks[r.clone()] {
            let mut n = normalize(&b.text);
            let start = text.len();
            text.push_str(&n.text);
            let end = text.len();
            text.push('\n');
            n.text = String::new();
            // Blocks are under the input limit, far below 4 GB: the compact
            // map always fits; an empty one would only quote less exactly.
            let map = n.into_map().unwrap_or_default();
            blocks.push(NormBlock { start, end, map });
        }
        text.shrink_to_fit();
        (text, blocks)
    });
    let mut texts = Vec::with_capacity(normalised.len());
    let mut text_starts = Vec::with_capacity(normalised.len());
    let mut blocks = Vec::with_capacity(doc.blocks.len());
    let mut base = 0;
    for (t, bs) in normalised {
        text_starts.push(base);
        blocks.extend(bs.into_iter().map(|mut b| {
            b.start += base;
            b.end += base;
            b
        }));
        base += t.len();
        texts.push(t);
    }
    let m = catalog.matcher();
    let mut ctx = Ctx {
        catalog,
        m,
        doc,
        texts,
        text_starts,
        blocks,
        section: Vec::new(),
        parent: Vec::new(),
        scope_heading: Vec::new(),
        offer: opts.kind == DocumentKind::Offer,
        id: NEXT_CTX_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
    };
    // 2. Sections, from the headings' cues.
    ctx.classify_sections();

    // 3. One pass for every cue, block after block (each run of blocks on
    // its own core): a block's hits are qualified and dropped before the
    // next block is matched, so memory does not grow with the document.
    // No cue spans two blocks, so this finds exactly what one scan of the
    // whole text would.
    let n_crit = m.crits.len();
    let new_found = || -> Vec<Found> {
        (0..n_crit)
            .map(|_| Found {
                hits: 0,
                top: Vec::new(),
                max: opts.max_evidence.max(1),
            })
            .collect()
    };
    let mut found = new_found();
    let ctx_ref = &ctx;
    let detect = opts.subjects.is_none();
    let per_part: Vec<(Vec<Found>, SubjectBlocks)> = in_parallel(&parts, |r| {
        let mut found = new_found();
        let mut subject_blocks = Vec::new();
        let mut lead_cache: Option<(usize, Option<Around>)> = None;
        for bi in r.clone() {
            let section = ctx_ref.section[bi];
            if section == Section::Contents {
                continue;
            }
            let hits = ctx_ref.block_hits(bi);
            if hits.is_empty() {
                continue;
            }
            if detect && section != Section::OutOfScope {
                ctx_ref.subjects_in(bi, &hits, &mut subject_blocks);
            }
            if is_contents_line(&ctx_ref.doc.blocks[bi].text) {
                continue;
            }
            ctx_ref.assess_block(bi, &hits, &mut found, &mut lead_cache);
        }
        (found, subject_blocks)
    });
    // Runs are in document order: merging them in order keeps "best level
    // first, then document order".
    let mut subject_blocks = Vec::new();
    for (part, subjects) in per_part {
        subject_blocks.extend(subjects);
        for (all, f) in found.iter_mut().zip(part) {
            all.hits += f.hits;
            for e in f.top {
                let level = e.level;
                all.hits -= 1; // `offer` counts it again
                all.offer(level, || e);
            }
        }
    }

    // 4. Subjects.
    let (subjects, subjects_source) = match &opts.subjects {
        Some(given) => (
            catalog
                .subjects()
                .iter()
                .filter(|s| given.iter().any(|g| g == &s.id))
                .map(|s| SubjectReport {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    hits: 0,
                    evidence: Vec::new(),
                })
                .collect::<Vec<_>>(),
            "given",
        ),
        None => {
            let detected = ctx.detect_subjects(&subject_blocks);
            if detected.is_empty() {
                (
                    catalog
                        .subjects()
                        .iter()
                        .map(|s| SubjectReport {
                            id: s.id.clone(),
                            title: s.title.clone(),
                            hits: 0,
                            evidence: Vec::new(),
                        })
                        .collect(),
                    "all",
                )
            } else {
                (detected, "detected")
            }
        }
    };
    let subject_ids: Vec<&str> = subjects.iter().map(|s| s.id.as_str()).collect();

    // 5. Criteria, grids, scores.
    let mut grids = Vec::new();
    let mut flat = 0;
    for g in catalog.grids() {
        let mut criteria = Vec::new();
        for c in &g.criteria {
            let Found {
                hits, top: mut ev, ..
            } = std::mem::replace(
                &mut found[flat],
                Found {
                    hits: 0,
                    top: Vec::new(),
                    max: 0,
                },
            );
            flat += 1;
            let applicable = c.subjects.iter().any(|s| subject_ids.contains(&s.as_str()));
            let level = if applicable {
                ev.first().map(|e| e.level).unwrap_or(0)
            } else {
                0
            };
            ev.truncate(opts.max_evidence);
            criteria.push(CriterionReport {
                id: c.id.clone(),
                title: c.title.clone(),
                weight: c.weight,
                level,
                applicable,
                status: if applicable {
                    Status::from_level(level)
                } else {
                    Status::NotApplicable
                },
                evidence: ev,
                hits,
                waived: None,
            });
        }
        grids.push(GridReport::unscored(g, criteria));
    }
    let mut report = DocumentReport {
        source: doc.source.clone(),
        kind: opts.kind,
        format: Some(doc.format.clone()),
        subjects,
        subjects_source: subjects_source.into(),
        score: None,
        grade: None,
        weakest_grid: None,
        grids,
        error: None,
    };
    finish_scores(&mut report, catalog);
    report
}

/// (block, subject) pairs: the subjects named in each block, in document order.
/// (block, subject, named where the contract's object is stated), in
/// document order.
type SubjectBlocks = Vec<(usize, u32, bool)>;

/// The evidence kept for one criterion: every matching sentence is counted,
/// only the best few are quoted (highest level first, then document order).
struct Found {
    hits: usize,
    top: Vec<Evidence>,
    max: usize,
}

impl Found {
    /// Counts a sentence at `level`; builds its evidence only if it is kept.
    fn offer(&mut self, level: u8, make: impl FnOnce() -> Evidence) {
        self.hits += 1;
        if self.top.len() >= self.max {
            // Full: only a strictly better level replaces the worst kept.
            match self.top.last() {
                Some(worst) if level > worst.level => {
                    self.top.pop();
                }
                _ => return,
            }
        }
        let e = make();
        let at = self.top.partition_point(|x| x.level >= level);
        self.top.insert(at, e);
    }
}

/// A table-of-contents line: dot leaders before a page number.
fn is_contents_line(s: &str) -> bool {
    let t = s.trim_end();
    (t.contains(".....") || t.contains("…….") || t.contains("\t"))
        && t.ends_with(|c: char| c.is_ascii_digit())
        && (t.contains("....") || t.contains('…'))
}

impl<'a> Ctx<'a> {
    /// Normalised text at an absolute range (which never spans two blocks).
    fn text(&self, r: Range<usize>) -> &str {
        let i = self
            .text_starts
            .partition_point(|s| *s <= r.start)
            .saturating_sub(1);
        let base = self.text_starts[i];
        &self.texts[i][r.start - base..r.end - base]
    }

    fn block_text(&self, bi: usize) -> &str {
        self.text(self.blocks[bi].start..self.blocks[bi].end)
    }

    /// Every cue term in block `bi`, at absolute offsets, sorted by start.
    fn block_hits(&self, bi: usize) -> Vec<TermHit> {
        let b = &self.blocks[bi];
        let mut hits = self.m.scan(self.text(b.start..b.end));
        for h in &mut hits {
            h.start += b.start as u32;
            h.end += b.start as u32;
        }
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.cue, h.term));
        hits
    }

    fn class_of(&self, h: &TermHit) -> CueClass {
        self.m.table.cues[h.cue as usize].class
    }

    /// Cue matches whose terms all occur within `range` (absolute offsets),
    /// considering the hits `hits`.
    fn cue_matches(
        &self,
        hits: &[TermHit],
        range: Range<u32>,
        filter: impl Fn(CueClass) -> bool,
    ) -> Vec<CueMatch> {
        // Hits are sorted by start: narrow to the range first.
        let lo = hits.partition_point(|h| h.start < range.start);
        let hi = hits.partition_point(|h| h.start < range.end);
        let mut picked: Vec<&TermHit> = hits[lo..hi]
            .iter()
            .filter(|h| h.end <= range.end && filter(self.class_of(h)))
            .collect();
        picked.sort_unstable_by_key(|h| (h.cue, h.term, h.start));
        let mut out = Vec::new();
        for group in picked.chunk_by(|a, b| a.cue == b.cue) {
            let cue = group[0].cue;
            let n = self.m.table.cues[cue as usize].n_terms;
            if n <= 1 {
                for h in group {
                    out.push(CueMatch {
                        cue,
                        anchor: h.start,
                        spans: smallvec![(h.start, h.end)],
                    });
                }
            } else {
                // The first occurrence of each term (the group is sorted by term, then start).
                let mut spans: SmallVec<[(u32, u32); 2]> = SmallVec::new();
                for t in 0..n {
                    match group.iter().find(|h| h.term == t) {
                        Some(h) => spans.push((h.start, h.end)),
                        None => break,
                    }
                }
                if spans.len() == n as usize {
                    let anchor = spans.iter().map(|s| s.0).min().unwrap_or(range.start);
                    out.push(CueMatch { cue, anchor, spans });
                }
            }
        }
        out.sort_by_key(|c| (c.anchor, c.cue));
        out
    }

    fn classify_sections(&mut self) {
        let n = self.doc.blocks.len();
        let mut section = vec![Section::Plain; n];
        let mut parent = vec![None; n];
        let mut scope_heading = vec![false; n];
        let first_heading = self.doc.blocks.iter().position(|b| b.is_heading());
        // Stack of (depth, block, own class).
        let mut stack: Vec<(u8, usize, Section)> = Vec::new();
        for bi in 0..n {
            let b = &self.doc.blocks[bi];
            if let BlockKind::Heading { depth } = b.kind {
                while stack.last().is_some_and(|(d, _, _)| *d >= depth) {
                    stack.pop();
                }
                parent[bi] = stack.last().map(|(_, i, _)| *i);
                let own;
                (own, scope_heading[bi]) =
                    self.heading_class(bi, bi == 0 || Some(bi) == first_heading);
                stack.push((depth, bi, own));
                section[bi] = effective(&stack);
            } else {
                parent[bi] = stack.last().map(|(_, i, _)| *i);
                section[bi] = effective(&stack);
            }
        }
        self.section = section;
        self.parent = parent;
        self.scope_heading = scope_heading;

        fn effective(stack: &[(u8, usize, Section)]) -> Section {
            if stack.iter().any(|s| s.2 == Section::OutOfScope) {
                return Section::OutOfScope;
            }
            if stack.iter().any(|s| s.2 == Section::Contents) {
                return Section::Contents;
            }
            stack
                .iter()
                .rev()
                .map(|s| s.2)
                .find(|s| *s != Section::Plain)
                .unwrap_or(Section::Plain)
        }
    }

    /// The section a heading opens, and whether it introduces what the
    /// contract buys; `title` is true for the document's title.
    fn heading_class(&self, bi: usize, title: bool) -> (Section, bool) {
        let hits = self.block_hits(bi);
        let b = &self.blocks[bi];
        let ms = self.cue_matches(&hits, b.start as u32..b.end as u32, |c| {
            matches!(
                c,
                CueClass::SubjectScope
                    | CueClass::SubjectScopeHeading
                    | CueClass::Lang(
                        LangClass::OutOfScope
                            | LangClass::Context
                            | LangClass::Award
                            | LangClass::Contents
                            | LangClass::Requirements
                    )
            )
        });
        let scope = ms.iter().any(|m| {
            matches!(
                self.m.table.cues[m.cue as usize].class,
                CueClass::SubjectScope | CueClass::SubjectScopeHeading
            )
        });
        let heading = self.block_text(bi);
        let classes: Vec<LangClass> = ms
            .iter()
            .filter_map(|m| match self.m.table.cues[m.cue as usize].class {
                // A table of contents is a heading that names only that
                // ("Sommaire", "2. Table of contents"): "Presentation
                // sommaire" (brief) or "Contents of the platform" are not.
                CueClass::Lang(LangClass::Contents)
                    if !only_words_of(heading, b.start as u32, &m.spans) =>
                {
                    None
                }
                // A context heading names the context first ("Contexte
                // general", "Project background"); further on, the word
                // qualifies another topic ("Reprise de l'existant",
                // "Integration with existing systems").
                CueClass::Lang(LangClass::Context)
                    if words_before(heading, (m.anchor - b.start as u32) as usize)
                        > MAX_WORDS_BEFORE_CONTEXT =>
                {
                    None
                }
                CueClass::Lang(l) => Some(l),
                _ => None,
            })
            .collect();
        let section = if classes.contains(&LangClass::OutOfScope) {
            Section::OutOfScope
        } else if classes.contains(&LangClass::Contents) {
            Section::Contents
        } else if classes.contains(&LangClass::Award) {
            Section::Award
        } else if classes.contains(&LangClass::Context) {
            Section::Context
        } else if classes.contains(&LangClass::Requirements) {
            Section::Requirements
        } else {
            Section::Plain
        };
        // "Scope exclusions" states what is not bought; the title (the
        // document's first block or first heading) holds the whole document,
        // not its object only. Numbered sections are often top-level
        // headings too ("# 2. Objet"): those are not titles.
        (section, scope && section != Section::OutOfScope && !title)
    }

    /// Modal wording in a range: binding (or commitment in an offer), weak,
    /// and French future-tense verbs; occurrences inside longer ones dropped.
    fn modals(&self, hits: &[TermHit], range: Range<u32>) -> Vec<Modal> {
        let binding = if self.offer {
            LangClass::Commitment
        } else {
            LangClass::Binding
        };
        let ms = self.cue_matches(hits, range.clone(), |c| {
            c == CueClass::Lang(binding) || c == CueClass::Lang(LangClass::Weak)
        });
        let mut out: Vec<Modal> = ms
            .iter()
            .map(|m| {
                let start = m.spans.iter().map(|s| s.0).min().unwrap_or(m.anchor);
                let end = m.spans.iter().map(|s| s.1).max().unwrap_or(m.anchor);
                Modal {
                    start,
                    end,
                    kind: if self.m.table.cues[m.cue as usize].class == CueClass::Lang(binding) {
                        ModalKind::Binding
                    } else {
                        ModalKind::Weak
                    },
                }
            })
            .collect();
        if !self.offer {
            out.extend(self.granted_rights(hits, range.clone()));
        }
        if !self.offer {
            let s = self.text(range.start as usize..range.end as usize);
            if self.looks_french(s) {
                let ws_list: Vec<(usize, usize)> = words(s).collect();
                for (k, &(ws, we)) in ws_list.iter().enumerate() {
                    if self.m.present_auxiliaries.contains(&s[ws..we]) {
                        // The next word, past adverbs in -ment, is a participle?
                        let next = ws_list[k + 1..]
                            .iter()
                            .find(|(a, b)| !s[*a..*b].ends_with("ment"));
                        if let Some(&(ps, pe)) = next {
                            if self.is_participle(&s[ps..pe]) {
                                let (a, b) = (range.start + ws as u32, range.start + pe as u32);
                                // "est souhaitee" stays the wish its participle says.
                                if !out.iter().any(|m| m.start < b && a < m.end) {
                                    out.push(Modal {
                                        start: a,
                                        end: b,
                                        kind: ModalKind::Binding,
                                    });
                                }
                            }
                        }
                    }
                }
                for &(ws, we) in &ws_list {
                    let w = &s[ws..we];
                    if self.is_future(w) {
                        let (a, b) = (range.start + ws as u32, range.start + we as u32);
                        if !out.iter().any(|m| m.start <= a && b <= m.end) {
                            out.push(Modal {
                                start: a,
                                end: b,
                                kind: ModalKind::Binding,
                            });
                        }
                    }
                }
            }
        }
        // Drop occurrences contained in a longer one ("peuvent" inside "ne peuvent etre").
        let all = out.clone();
        out.retain(|m| {
            !all.iter().any(|o| {
                (o.start <= m.start && m.end <= o.end) && (o.end - o.start > m.end - m.start)
            })
        });
        out.sort_by_key(|m| m.start);
        out
    }

    /// Rights granted to the buyer or to users: a permission (`pourra`,
    /// `may`, `can`) whose subject is a beneficiary ("l'acheteur public
    /// pourra", "registered users can") binds the contractor. The
    /// beneficiary opens its clause (at most two words before it: "les",
    /// "registered") and the permission follows within a few words, with no
    /// punctuation between; "les donnees des personnes peuvent" is no right.
    fn granted_rights(&self, hits: &[TermHit], range: Range<u32>) -> Vec<Modal> {
        const MAX_WORDS_BEFORE: usize = 2;
        const MAX_WORDS_BETWEEN: usize = 6;
        let span = |m: &CueMatch| {
            let start = m.spans.iter().map(|s| s.0).min().unwrap_or(m.anchor);
            let end = m.spans.iter().map(|s| s.1).max().unwrap_or(m.anchor);
            (start, end)
        };
        let ms = self.cue_matches(hits, range.clone(), |c| {
            matches!(
                c,
                CueClass::Lang(LangClass::Beneficiary | LangClass::Permission)
            )
        });
        let is = |m: &CueMatch, l: LangClass| {
            self.m.table.cues[m.cue as usize].class == CueClass::Lang(l)
        };
        let permissions: Vec<(u32, u32)> = ms
            .iter()
            .filter(|m| is(m, LangClass::Permission))
            .map(span)
            .collect();
        let mut out = Vec::new();
        for p in permissions {
            let subject = ms
                .iter()
                .filter(|m| is(m, LangClass::Beneficiary))
                .map(span)
                .filter(|b| b.1 <= p.0)
                .find(|b| {
                    let between = self.text(b.1 as usize..p.0 as usize);
                    let head = self.text(range.start as usize..b.0 as usize);
                    // The clause the beneficiary opens: after the last punctuation.
                    let opening = head
                        .rfind([',', ';', ':', '(', ')'])
                        .map_or(head, |i| &head[i + 1..]);
                    !between.contains([',', ';', ':', '(', ')'])
                        && words(between).count() <= MAX_WORDS_BETWEEN
                        && words(opening).count() <= MAX_WORDS_BEFORE
                });
            if let Some(b) = subject {
                out.push(Modal {
                    start: b.0,
                    end: p.1,
                    kind: ModalKind::Binding,
                });
            }
        }
        out
    }

    /// A past participle after `est` / `sont` ("chiffrees", "tenu"), not a
    /// determiner or an adjective on the exception list.
    fn is_participle(&self, w: &str) -> bool {
        w.len() >= 4
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !self.m.participle_exceptions.contains(w)
            && self
                .m
                .participle_endings
                .iter()
                .any(|e| w.ends_with(e.as_str()))
    }

    /// A rough language guess for one sentence: more French function words
    /// than English ones (lists in `language.toml`).
    fn looks_french(&self, s: &str) -> bool {
        let (mut fr, mut en) = (0, 0);
        for (a, b) in words(s) {
            let w = &s[a..b];
            fr += usize::from(self.m.french_words.contains(w));
            en += usize::from(self.m.english_words.contains(w));
        }
        fr > en
    }

    fn is_future(&self, w: &str) -> bool {
        if self.m.future_exceptions.contains(w) || !w.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
        self.m
            .future_suffixes
            .iter()
            .any(|suf| w.len() >= suf.len() + self.m.future_min_stem && w.ends_with(suf.as_str()))
    }

    /// Clause boundaries in a sentence: commas, colons, brackets, clause-break words.
    fn clause_of(&self, hits: &[TermHit], sent: Range<u32>, anchor: u32) -> Range<u32> {
        // The boundaries of a sentence are computed once, for all its hits.
        let key = self.id;
        CLAUSE_CACHE.with(|cell| {
            let mut cache = cell.borrow_mut();
            if cache.0 != key || cache.1 != sent {
                *cache = (key, sent.clone(), self.clause_bounds(hits, sent.clone()));
            }
            Self::clause_around(&cache.2, &sent, anchor)
        })
    }

    /// The clause around `anchor` given the boundaries of its sentence.
    fn clause_around(bounds: &[u32], sent: &Range<u32>, anchor: u32) -> Range<u32> {
        let start = bounds
            .iter()
            .filter(|b| **b < anchor)
            .max()
            .map(|b| b + 1)
            .unwrap_or(sent.start);
        let end = bounds
            .iter()
            .filter(|b| **b > anchor)
            .min()
            .copied()
            .unwrap_or(sent.end);
        start..end.max(start)
    }

    fn clause_bounds(&self, hits: &[TermHit], sent: Range<u32>) -> Vec<u32> {
        let s = self.text(sent.start as usize..sent.end as usize);
        let mut bounds: Vec<u32> = Vec::new();
        let bytes = s.as_bytes();
        for (i, c) in bytes.iter().enumerate() {
            let cut = match c {
                b':' | b';' | b'(' | b')' => true,
                b',' => bytes.get(i + 1).is_none_or(|n| *n == b' '),
                _ => false,
            };
            if cut {
                bounds.push(sent.start + i as u32);
            }
        }
        for h in hits {
            if h.start >= sent.start
                && h.end <= sent.end
                && matches!(
                    self.class_of(h),
                    CueClass::Lang(
                        LangClass::ClauseBreak | LangClass::Contrast | LangClass::Condition
                    )
                )
            {
                bounds.push(h.start);
            }
        }
        bounds
    }

    /// A verification cue for a hit: in its part of the sentence between
    /// semicolons, else in another part that names no other criterion (a
    /// continuation such as "; les résultats figureront dans un rapport").
    fn verification_near(
        &self,
        hits: &[TermHit],
        sent: &Range<u32>,
        crit: u32,
        cm: &CueMatch,
    ) -> Option<(u32, u32)> {
        let own = self.coarse_clause_of(sent.clone(), cm.anchor);
        if let Some(v) = self.verification(hits, own.clone(), crit, &cm.spans) {
            return Some(v);
        }
        let text = self.text(sent.start as usize..sent.end as usize);
        let mut start = sent.start;
        let mut parts = Vec::new();
        for (i, c) in text.bytes().enumerate() {
            if c == b';' {
                parts.push(start..sent.start + i as u32);
                start = sent.start + i as u32 + 1;
            }
        }
        parts.push(start..sent.end);
        for part in parts {
            if part.start <= cm.anchor && cm.anchor < part.end.max(part.start + 1) {
                continue;
            }
            let other_criterion = hits.iter().any(|h| {
                h.start >= part.start
                    && h.end <= part.end
                    && matches!(self.class_of(h), CueClass::Crit { crit: c, kind: CritKind::Cue | CritKind::Avoid } if c != crit)
            });
            // A part worded as a wish does not make the requirement verifiable.
            let weak_part = hits.iter().any(|h| {
                h.start >= part.start
                    && h.end <= part.end
                    && matches!(
                        self.class_of(h),
                        CueClass::Lang(LangClass::Weak | LangClass::Hedge)
                    )
            });
            if weak_part {
                continue;
            }
            // A number there may qualify the other criterion ("5 ans"); a
            // named standard, deliverable, audit or penalty still counts.
            if let Some(v) = self.verification_cue(hits, part.clone(), crit, &cm.spans) {
                return Some(v);
            }
            if !other_criterion {
                if let Some(v) = self.number_with_unit(part) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// The contrast (`et non`, `rather than`) that opens `clause`, if any:
    /// clauses start just after their bound.
    fn contrast_opening(&self, hits: &[TermHit], clause: &Range<u32>) -> Option<(u32, u32)> {
        let lo = hits.partition_point(|h| h.start + 1 < clause.start);
        hits[lo..]
            .iter()
            .take_while(|h| h.start < clause.start)
            .find(|h| {
                h.start + 1 == clause.start
                    && self.class_of(h) == CueClass::Lang(LangClass::Contrast)
            })
            .map(|h| (h.start, h.end))
    }

    /// True when a negation sits in a relative clause ("who cannot go online")
    /// and a modal between it and the hit starts the main clause ("must").
    fn negation_in_relative_clause(
        &self,
        hits: &[TermHit],
        clause: &Range<u32>,
        negation: (u32, u32),
        modals: &[Modal],
        anchor: u32,
    ) -> bool {
        if negation.0 >= anchor {
            return false;
        }
        let relative_before = hits.iter().any(|h| {
            self.class_of(h) == CueClass::Lang(LangClass::Relative)
                && h.start >= clause.start
                && h.end <= negation.0
        });
        relative_before
            && modals
                .iter()
                .any(|m| m.start >= negation.1 && m.end <= anchor)
    }

    /// The part of a sentence between semicolons
    /// around an anchor: the scope of verification cues, so that a number
    /// qualifying something else in the sentence does not count.
    fn coarse_clause_of(&self, sent: Range<u32>, anchor: u32) -> Range<u32> {
        // As `clause_around` with the semicolons as bounds, without listing them.
        let s = self.text(sent.start as usize..sent.end as usize).as_bytes();
        let at = (anchor.saturating_sub(sent.start) as usize).min(s.len());
        let start = s[..at]
            .iter()
            .rposition(|c| *c == b';')
            .map(|i| sent.start + i as u32 + 1)
            .unwrap_or(sent.start);
        let end = s
            .get(at + 1..)
            .and_then(|rest| rest.iter().position(|c| *c == b';'))
            .map(|i| sent.start + (at + 1 + i) as u32)
            .unwrap_or(sent.end);
        start..end.max(start)
    }

    /// The first match of a class in a range whose spans avoid `avoid` spans.
    fn find_class(
        &self,
        hits: &[TermHit],
        range: Range<u32>,
        class: LangClass,
        avoid: &[(u32, u32)],
    ) -> Option<(u32, u32)> {
        self.cue_matches(hits, range, |c| c == CueClass::Lang(class))
            .into_iter()
            .find(|m| {
                !m.spans
                    .iter()
                    .any(|s| avoid.iter().any(|a| s.0 < a.1 && a.0 < s.1))
            })
            .map(|m| {
                let start = m.spans.iter().map(|s| s.0).min().unwrap_or(m.anchor);
                let end = m.spans.iter().map(|s| s.1).max().unwrap_or(m.anchor);
                (start, end)
            })
    }

    /// A number followed by a unit, or a percentage, in a range.
    fn number_with_unit(&self, range: Range<u32>) -> Option<(u32, u32)> {
        let s = self.text(range.start as usize..range.end as usize);
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphabetic()) {
                let start = i;
                // A section number opening the sentence ("6.1 Notifications")
                // is not a threshold.
                if start == 0 || s[..start].trim().is_empty() {
                    let mut j = i;
                    while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                        j += 1;
                    }
                    if s[start..j].contains('.') {
                        i = j;
                        continue;
                    }
                }
                while i < b.len()
                    && (b[i].is_ascii_digit()
                        || ((b[i] == b'.' || b[i] == b',' || b[i] == b' ')
                            && i + 1 < b.len()
                            && b[i + 1].is_ascii_digit()))
                {
                    i += 1;
                }
                if let Some(e) = self.unit_at(s, i) {
                    return Some((range.start + start as u32, range.start + e as u32));
                }
                continue;
            }
            i += 1;
        }
        // Numbers written in words ("huit ans", "five years").
        for (ws, we) in words(s) {
            if self.m.number_words.contains(&s[ws..we]) {
                if let Some(e) = self.unit_at(s, we) {
                    return Some((range.start + ws as u32, range.start + e as u32));
                }
            }
        }
        None
    }

    /// The end of a unit starting at `at` in `s` (after one space), if any.
    fn unit_at(&self, s: &str, at: usize) -> Option<usize> {
        let b = s.as_bytes();
        let j = if b.get(at) == Some(&b' ') { at + 1 } else { at };
        let rest = &s[j..];
        self.m.units.iter().find_map(|u| {
            let e = j + u.len();
            let word_unit = u.as_bytes().last().is_some_and(|c| is_word_byte(*c));
            (rest.starts_with(u.as_str()) && (!word_unit || e >= b.len() || !is_word_byte(b[e])))
                .then_some(e)
        })
    }

    /// A verification cue in a range. A generic verification word inside the
    /// hit's own phrase does not count (`controle` in `controle parental`),
    /// but a hit that is itself a named standard does (`rgaa 4.1`).
    fn verification(
        &self,
        hits: &[TermHit],
        range: Range<u32>,
        crit: u32,
        own_words: &[(u32, u32)],
    ) -> Option<(u32, u32)> {
        self.verification_cue(hits, range.clone(), crit, own_words)
            .or_else(|| self.number_with_unit(range))
    }

    /// A verification cue (standard, deliverable, audit, penalty, or the
    /// criterion's own `verify` cues) in a range, numbers aside.
    fn verification_cue(
        &self,
        hits: &[TermHit],
        range: Range<u32>,
        crit: u32,
        own_words: &[(u32, u32)],
    ) -> Option<(u32, u32)> {
        let inside_own = |s: (u32, u32)| {
            own_words
                .iter()
                .any(|a| a.0 <= s.0 && s.1 <= a.1 && (s.1 - s.0) < (a.1 - a.0))
        };
        let span = |m: &CueMatch| {
            let start = m.spans.iter().map(|s| s.0).min().unwrap_or(m.anchor);
            let end = m.spans.iter().map(|s| s.1).max().unwrap_or(m.anchor);
            (start, end)
        };
        self.cue_matches(hits, range, |c| {
            c == CueClass::Lang(LangClass::Verification)
                || c == CueClass::Crit {
                    crit,
                    kind: CritKind::Verify,
                }
        })
        .iter()
        .map(span)
        .find(|s| !inside_own(*s))
    }

    /// The modal that governs an anchor: in its clause the closest before it,
    /// else the first after it; else the same in the whole sentence.
    ///
    /// A weak modal in a relative clause ("qui pourra etre revue", "which
    /// may change") governs that clause only. Outside the hit's own clause,
    /// a weak modal yields to a binding one of another clause (not a
    /// relative one) in the same part of the sentence ("A DPIA, possibly
    /// short, must be delivered").
    fn modal_for(
        &self,
        hits: &[TermHit],
        modals: &[Modal],
        clause: &Range<u32>,
        sent: &Range<u32>,
        anchor: u32,
    ) -> Option<Modal> {
        let in_own = |m: &Modal| m.start >= clause.start && m.end <= clause.end;
        let in_relative = |m: &Modal| {
            !in_own(m) && {
                let mc = self.clause_of(hits, sent.clone(), m.start);
                self.opened_by(hits, &mc, LangClass::Relative).is_some()
            }
        };
        // A wish in a relative clause is about that clause only; an
        // obligation there ("dont la ponderation obligatoire est de 25 %")
        // still binds its antecedent.
        let modals: Vec<&Modal> = modals
            .iter()
            .filter(|m| m.kind == ModalKind::Binding || !in_relative(m))
            .collect();
        let inside = |r: &Range<u32>| -> Vec<&Modal> {
            modals
                .iter()
                .filter(|m| m.start >= r.start && m.end <= r.end)
                .copied()
                .collect()
        };
        let coarse = self.coarse_clause_of(sent.clone(), anchor);
        let (in_clause, in_part, in_sentence) = (inside(clause), inside(&coarse), inside(sent));
        // A modal before the hit governs it (in its clause, else in its part
        // between semicolons); failing that, the first one after it there;
        // only then the rest of the sentence.
        let before = |v: &[&Modal]| {
            v.iter()
                .rev()
                .find(|m| m.start < anchor)
                .map(|m| (*m).clone())
        };
        let after = |v: &[&Modal]| v.iter().find(|m| m.start >= anchor).map(|m| (*m).clone());
        if let Some(m) = before(&in_clause) {
            return Some(m);
        }
        let found = before(&in_part)
            .or_else(|| after(&in_clause))
            .or_else(|| after(&in_part))
            .or_else(|| before(&in_sentence))
            .or_else(|| after(&in_sentence));
        if let Some(m) = &found {
            if m.kind == ModalKind::Weak && !in_own(m) {
                // Not a binding word of the weak modal's own clause ("le
                // titulaire pourra, si..."): that clause is a wish.
                let weak_clause = self.clause_of(hits, sent.clone(), m.start);
                let binding: Vec<&Modal> = in_part
                    .iter()
                    .filter(|b| {
                        b.kind == ModalKind::Binding
                            && !(b.start >= weak_clause.start && b.end <= weak_clause.end)
                            && !in_relative(b)
                    })
                    .copied()
                    .collect();
                if let Some(b) = before(&binding).or_else(|| after(&binding)) {
                    return Some(b);
                }
            }
        }
        found
    }

    /// The hit of `class` that opens `clause` (its first words), if any.
    /// A clause cut at a word (`tant que`) starts just after that word's start.
    fn opened_by(
        &self,
        hits: &[TermHit],
        clause: &Range<u32>,
        class: LangClass,
    ) -> Option<(u32, u32)> {
        let lo = hits.partition_point(|h| h.start + 1 < clause.start);
        hits[lo..]
            .iter()
            .take_while(|h| h.start < clause.end)
            .filter(|h| self.class_of(h) == CueClass::Lang(class))
            .find(|h| {
                h.start + 1 == clause.start
                    || (h.start >= clause.start
                        && self
                            .text(clause.start as usize..h.start as usize)
                            .bytes()
                            .all(|c| c == b' '))
            })
            .map(|h| (h.start, h.end))
    }

    /// The negation of a (non-forbidden) hit in its clause, and, when a
    /// negation is turned into a condition by an exception after it ("aucun
    /// ... sans", "no ... unless"), that exception.
    ///
    /// A clause opened by a condition (`tant que`, `until`) states no fact:
    /// its negations negate nothing. A forward negation (`no`, `aucun`,
    /// `without`) after the hit does not reach it.
    fn negation_for(
        &self,
        hits: &[TermHit],
        sent: &Range<u32>,
        clause: &Range<u32>,
        cm: &CueMatch,
        avoid: &[(u32, u32)],
        modals: &[Modal],
    ) -> (Option<Span>, Option<Span>) {
        if self.opened_by(hits, clause, LangClass::Condition).is_some() {
            return (None, None);
        }
        let hit_end = cm.spans.iter().map(|s| s.1).max().unwrap_or(cm.anchor);
        let overlaps = |s: (u32, u32)| avoid.iter().any(|a| s.0 < a.1 && a.0 < s.1);
        let forward: Vec<(u32, u32)> = self
            .cue_matches(hits, clause.clone(), |c| {
                c == CueClass::Lang(LangClass::ForwardNegation)
            })
            .iter()
            .map(|m| m.spans[0])
            .collect();
        let first = self
            .cue_matches(hits, clause.clone(), |c| {
                c == CueClass::Lang(LangClass::Negation)
            })
            .into_iter()
            .filter(|m| !m.spans.iter().any(|s| overlaps(*s)))
            .map(|m| {
                let start = m.spans.iter().map(|s| s.0).min().unwrap_or(m.anchor);
                let end = m.spans.iter().map(|s| s.1).max().unwrap_or(m.anchor);
                (start, end)
            })
            .find(|n| !(n.0 >= hit_end && forward.contains(n)));
        let Some(n) = first else {
            return (None, None);
        };
        if self.negation_in_relative_clause(hits, clause, n, modals, cm.anchor) {
            return (None, None);
        }
        // An exception after the negation, in its clause or opening the
        // next one ("..., sauf si"), makes a condition.
        let lo = hits.partition_point(|h| h.start < n.1);
        // Only the hits up to the clause's end and its next word are read
        // (", sauf si"): the cost stays that of the clause.
        let exception = hits[lo..]
            .iter()
            .take_while(|h| h.start <= clause.end + 2 && h.start < sent.end)
            .filter(|h| {
                matches!(
                    self.class_of(h),
                    CueClass::Lang(LangClass::Exception | LangClass::Condition)
                ) && !overlaps((h.start, h.end))
            })
            .find(|h| {
                h.start <= clause.end
                    || self
                        .text(clause.end as usize..h.start as usize)
                        .bytes()
                        .all(|c| c == b' ' || c == b',')
            });
        match exception {
            Some(h) => (None, Some((h.start, h.end))),
            None => (Some(n), None),
        }
    }

    /// Polarity and firmness of a whole range (a lead-in sentence, a table cell).
    fn around(&self, bi: usize, range: Range<u32>) -> Around {
        let hits = &self.block_hits(bi)[..];
        let modals = self.modals(hits, range.clone());
        let negated = self.find_class(hits, range.clone(), LangClass::Negation, &[]);
        let modal = modals.last().cloned();
        let verification = self
            .find_class(hits, range.clone(), LangClass::Verification, &[])
            .or_else(|| self.number_with_unit(range));
        let w = |r: Option<(u32, u32)>| {
            r.map(|r| self.quote(bi, r.0..r.1).1.to_string())
                .unwrap_or_default()
        };
        Around {
            negated_word: w(negated),
            modal_word: w(modal.as_ref().map(|m| (m.start, m.end))),
            verification_word: w(verification),
            negated,
            modal,
            verification,
        }
    }

    /// The lead-in of a list item: the paragraph before the list, when it
    /// ends with a colon. `cache` keeps the last one read, as every item of
    /// a list asks for the same.
    fn lead_in(&self, bi: usize, cache: &mut Option<(usize, Option<Around>)>) -> Option<Around> {
        if !matches!(self.doc.blocks[bi].kind, BlockKind::ListItem { .. }) {
            return None;
        }
        let mut j = bi;
        while j > 0 {
            j -= 1;
            match self.doc.blocks[j].kind {
                BlockKind::ListItem { .. } => continue,
                BlockKind::Paragraph => {
                    if let Some((at, around)) = cache {
                        if *at == j {
                            return around.clone();
                        }
                    }
                    let around = self.lead_in_of(j);
                    *cache = Some((j, around.clone()));
                    return around;
                }
                _ => return None,
            }
        }
        None
    }

    /// Polarity and firmness of paragraph `j`'s last sentence, if it ends with a colon.
    fn lead_in_of(&self, j: usize) -> Option<Around> {
        let t = self.block_text(j).trim_end();
        if !t.ends_with(':') {
            return None;
        }
        let sents = split_sentences(self.block_text(j), &self.m.abbreviations);
        let last = sents.last()?.clone();
        let base = self.blocks[j].start as u32;
        Some(self.around(j, base + last.start as u32..base + last.end as u32))
    }

    /// The other cells of a table row, merged.
    fn row_context(&self, bi: usize) -> Option<Around> {
        let BlockKind::TableCell { row, .. } = self.doc.blocks[bi].kind else {
            return None;
        };
        let same_row = |j: usize| {
            matches!(self.doc.blocks[j].kind, BlockKind::TableCell { row: r, .. } if r == row)
                && self.doc.blocks[j].file == self.doc.blocks[bi].file
        };
        let mut lo = bi;
        while lo > 0 && same_row(lo - 1) {
            lo -= 1;
        }
        let mut hi = bi;
        while hi + 1 < self.doc.blocks.len() && same_row(hi + 1) {
            hi += 1;
        }
        let mut merged = Around::default();
        for j in lo..=hi {
            if j == bi {
                continue;
            }
            let b = &self.blocks[j];
            let a = self.around(j, b.start as u32..b.end as u32);
            if a.negated.is_some() && merged.negated.is_none() {
                merged.negated = a.negated;
                merged.negated_word = a.negated_word.clone();
            }
            if a.modal.is_some()
                && (merged.modal.is_none()
                    || a.modal
                        .as_ref()
                        .is_some_and(|m| m.kind == ModalKind::Binding))
            {
                merged.modal = a.modal;
                merged.modal_word = a.modal_word.clone();
            }
            if merged.verification.is_none() {
                merged.verification = a.verification;
                merged.verification_word = a.verification_word.clone();
            }
        }
        Some(merged)
    }

    /// Quotes normalised range `r` of block `bi` from the original text.
    fn quote(&self, bi: usize, r: Range<u32>) -> (Range<usize>, &str) {
        let b = &self.blocks[bi];
        let rel =
            (r.start as usize).saturating_sub(b.start)..(r.end as usize).saturating_sub(b.start);
        let orig = &self.doc.blocks[bi].text;
        let or = b.map.original_range(orig, rel);
        let s = &orig[or.clone()];
        (or, s)
    }

    fn section_path(&self, bi: usize) -> Vec<String> {
        let mut path = Vec::new();
        let mut cur = self.parent[bi];
        while let Some(h) = cur {
            path.push(self.doc.blocks[h].text.trim().to_string());
            cur = self.parent[h];
        }
        path.reverse();
        path
    }

    fn evidence(
        &self,
        bi: usize,
        sent: Range<u32>,
        cue: &str,
        firmness: Option<String>,
        level: u8,
        reasons: Vec<String>,
    ) -> Evidence {
        let (or, quoted) = self.quote(bi, sent);
        let block: &Block = &self.doc.blocks[bi];
        let before = &block.text[..or.start];
        let extra = before.matches('\n').count() as u32;
        let mut pos = block.position.down(extra);
        if extra == 0 {
            if let Some(c) = pos.column {
                pos.column = Some(c + before.chars().count() as u32);
            }
        } else if pos.column.is_some() {
            let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
            pos.column = Some(before[line_start..].chars().count() as u32 + 1);
        }
        Evidence {
            file: block.file.clone(),
            line: pos.primary_line(),
            column: pos.column,
            page: pos.page,
            paragraph: pos.paragraph,
            location: pos.describe(),
            section: self.section_path(bi),
            text: quoted.to_string(),
            cue: cue.to_string(),
            firmness,
            level,
            reasons,
        }
    }

    fn assess_block(
        &self,
        bi: usize,
        hits: &[TermHit],
        found: &mut [Found],
        lead_cache: &mut Option<(usize, Option<Around>)>,
    ) {
        let section = self.section[bi];
        // Award cues ("Sustainability | 30 %") name a criterion only where
        // award criteria are listed.
        let names_criterion = |c: CueClass| match c {
            CueClass::Crit { kind, .. } => match kind {
                CritKind::Cue | CritKind::Avoid => true,
                CritKind::Award => section == Section::Award,
                CritKind::Verify | CritKind::Exclude => false,
            },
            _ => false,
        };
        if !hits.iter().any(|h| names_criterion(self.class_of(h))) {
            return;
        }
        let base = self.blocks[bi].start as u32;
        let is_heading = self.doc.blocks[bi].is_heading();
        let lead = self.lead_in(bi, lead_cache);
        let row = self.row_context(bi);
        let block_hits = hits;
        for s in split_sentences(self.block_text(bi), &self.m.abbreviations) {
            let sent = base + s.start as u32..base + s.end as u32;
            // Everything below looks at this sentence's hits only.
            let lo = block_hits.partition_point(|h| h.start < sent.start);
            let hi = block_hits.partition_point(|h| h.start < sent.end);
            let hits = &block_hits[lo..hi];
            if hits.is_empty() {
                continue;
            }
            let crit_matches = self.cue_matches(hits, sent.clone(), names_criterion);
            if crit_matches.is_empty() {
                continue;
            }
            let excludes: Vec<(u32, u32, Option<u32>)> = self
                .cue_matches(hits, sent.clone(), |c| {
                    matches!(
                        c,
                        CueClass::Lang(LangClass::Exclude)
                            | CueClass::Crit {
                                kind: CritKind::Exclude,
                                ..
                            }
                    )
                })
                .into_iter()
                .flat_map(|m| {
                    let owner = match self.m.table.cues[m.cue as usize].class {
                        CueClass::Crit { crit, .. } => Some(crit),
                        _ => None,
                    };
                    m.spans.into_iter().map(move |s| (s.0, s.1, owner))
                })
                .collect();
            let modals = self.modals(hits, sent.clone());
            // Best level per criterion within this sentence.
            let mut best: HashMap<u32, (u8, Option<String>, Vec<String>, String)> =
                HashMap::default();
            for cm in &crit_matches {
                let CueClass::Crit { crit, kind } = self.m.table.cues[cm.cue as usize].class else {
                    continue;
                };
                // An exclude phrase ("places de stationnement") says what its
                // clause is about: no cue of its owner (of any criterion for a
                // shared one) is read there.
                let excluded = excludes.iter().any(|e| {
                    (e.2.is_none() || e.2 == Some(crit))
                        && (cm.spans.iter().any(|s| e.0 <= s.0 && s.1 <= e.1)
                            || self.clause_of(hits, sent.clone(), e.0)
                                == self.clause_of(hits, sent.clone(), cm.anchor))
                });
                if excluded {
                    continue;
                }
                let q = self.qualify(
                    bi,
                    hits,
                    &sent,
                    cm,
                    crit,
                    kind == CritKind::Avoid,
                    &modals,
                    section,
                    is_heading,
                    lead.as_ref(),
                    row.as_ref(),
                );
                let cue_src = self.m.table.cues[cm.cue as usize].source.to_string();
                let better = best.get(&crit).is_none_or(|b| q.0 > b.0);
                if better {
                    best.insert(crit, (q.0, q.1, q.2, cue_src));
                }
            }
            for (crit, (level, firmness, reasons, cue)) in best {
                found[crit as usize].offer(level, || {
                    self.evidence(bi, sent.clone(), &cue, firmness, level, reasons)
                });
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn qualify(
        &self,
        bi: usize,
        hits: &[TermHit],
        sent: &Range<u32>,
        cm: &CueMatch,
        crit: u32,
        avoid: bool,
        modals: &[Modal],
        section: Section,
        is_heading: bool,
        lead: Option<&Around>,
        row: Option<&Around>,
    ) -> (u8, Option<String>, Vec<String>) {
        let mut reasons = Vec::new();
        let clause = self.clause_of(hits, sent.clone(), cm.anchor);
        let word = |r: (u32, u32)| self.quote(bi, r.0..r.1).1.to_string();
        // Words a negation may not come from: the hit itself and quantity limits.
        let mut not_negations = cm.spans.clone();
        for m in self.cue_matches(hits, sent.clone(), |c| {
            c == CueClass::Lang(LangClass::Limit)
        }) {
            not_negations.extend(m.spans);
        }
        let (negation, condition) =
            self.negation_for(hits, sent, &clause, cm, &not_negations, modals);
        let contrast = self.contrast_opening(hits, &clause);
        let mut prohibited_word: Option<String> = None;
        if let (Some(c), false) = (contrast, avoid) {
            reasons.push(format!("rejected by a contrast: {}", word(c)));
            return (0, Some(word(c)), finish(reasons, section, is_heading).1);
        }
        if let (Some(c), true) = (contrast, avoid) {
            prohibited_word = Some(word(c));
        } else if avoid {
            // A prohibition reaches the whole sentence ("X, Y et Z sont interdits").
            prohibited_word = self
                .find_class(hits, sent.clone(), LangClass::Negation, &not_negations)
                .or_else(|| {
                    self.find_class(hits, sent.clone(), LangClass::Prohibition, &not_negations)
                })
                // A limit on the practice, in its clause ("les pages ne
                // depasseront pas 500 Ko"), is a requirement too.
                .or_else(|| self.find_class(hits, clause.clone(), LangClass::Limit, &[]))
                .map(word);
        } else if let Some(n) = negation {
            reasons.push(format!("negated: {}", word(n)));
            return (0, Some(word(n)), finish(reasons, section, is_heading).1);
        }
        let mut firmness = None;
        let mut modal = self
            .modal_for(hits, modals, &clause, sent, cm.anchor)
            .map(|m| {
                let w = word((m.start, m.end));
                (m.kind, w)
            });
        if let Some(c) = condition {
            // "Aucune donnee ne sera transferee sans accord": a rule.
            reasons.push(format!("a condition, not a negation: {}", word(c)));
            if modal.is_none() {
                modal = Some((ModalKind::Binding, word(c)));
            }
        }
        if modal.is_none() {
            for a in [lead, row].into_iter().flatten() {
                if a.negated.is_some() {
                    if avoid {
                        if prohibited_word.is_none() {
                            prohibited_word = Some(a.negated_word.clone());
                        }
                        reasons.push(format!("prohibited by its context: {}", a.negated_word));
                    } else {
                        reasons.push(format!("negated by its context: {}", a.negated_word));
                        return (
                            0,
                            Some(a.negated_word.clone()),
                            finish(reasons, section, is_heading).1,
                        );
                    }
                }
                if let Some(m) = &a.modal {
                    modal = Some((m.kind, a.modal_word.clone()));
                    reasons.push(format!(
                        "firmness from its lead-in or row: {}",
                        a.modal_word
                    ));
                    break;
                }
            }
        }
        if let Some((ModalKind::Binding, _)) = &modal {
            if let Some(h) = self.find_class(hits, sent.clone(), LangClass::Hedge, &cm.spans) {
                modal = Some((ModalKind::Weak, word(h)));
            }
        }
        // Under a requirements heading, what is stated is required: a list
        // item, a table cell, or a sentence in the present.
        if modal.is_none()
            && section == Section::Requirements
            && matches!(
                self.doc.blocks[bi].kind,
                BlockKind::ListItem { .. } | BlockKind::TableCell { .. } | BlockKind::Paragraph
            )
        {
            modal = Some((ModalKind::Binding, "requirements section".into()));
        }
        if modal.is_none() && section == Section::Award {
            modal = Some((ModalKind::Binding, "award criteria".into()));
        }
        let mut level = match (&modal, avoid, prohibited_word) {
            (Some((ModalKind::Binding, w)), false, _) => {
                reasons.push(format!("binding: {w}"));
                firmness = Some(w.clone());
                2
            }
            (Some((ModalKind::Weak, w)), _, _) => {
                reasons.push(format!("weak: {w}"));
                firmness = Some(w.clone());
                1
            }
            (None, false, _) => {
                reasons.push("mentioned, no binding wording".into());
                1
            }
            (Some((ModalKind::Binding, w)), true, Some(p)) => {
                reasons.push(format!("practice prohibited: {p}"));
                reasons.push(format!("binding: {w}"));
                firmness = Some(w.clone());
                2
            }
            (None, true, Some(p)) => {
                reasons.push(format!("practice prohibited without binding wording: {p}"));
                firmness = Some(p);
                1
            }
            (Some((ModalKind::Binding, w)), true, None) => {
                reasons.push(format!(
                    "the text demands the practice the criterion forbids: {w}"
                ));
                firmness = Some(w.clone());
                0
            }
            (None, true, None) => {
                reasons.push("the practice the criterion forbids is named, not prohibited".into());
                0
            }
        };
        if level == 2 {
            let v = self
                .verification_near(hits, sent, crit, cm)
                .map(word)
                // A row's or a lead-in's check covers the cell or the item
                // ("Le titulaire remettra un rapport d'audit portant sur :").
                .or_else(|| {
                    [row, lead]
                        .into_iter()
                        .flatten()
                        .find_map(|a| a.verification.map(|_| a.verification_word.clone()))
                });
            if let Some(v) = v {
                reasons.push(format!("verifiable: {v}"));
                level = 3;
            }
        }
        let (capped, reasons) = finish(reasons, section, is_heading);
        (level.min(capped), firmness, reasons)
    }

    /// Notes the subjects named in block `bi` (once per block) in `out`,
    /// each with whether it is named where the contract's object is
    /// stated: in the same sentence as the scope wording ("le marché porte
    /// sur"), in a scope heading, or in a paragraph right under one.
    fn subjects_in(&self, bi: usize, hits: &[TermHit], out: &mut SubjectBlocks) {
        let b = &self.blocks[bi];
        let ms = self.cue_matches(hits, b.start as u32..b.end as u32, |c| {
            matches!(
                c,
                CueClass::Subject(_)
                    | CueClass::SubjectScope
                    | CueClass::Lang(LangClass::OutOfScope)
            )
        });
        let class = |m: &CueMatch| self.m.table.cues[m.cue as usize].class;
        let under_scope =
            self.scope_heading[bi] || self.parent[bi].is_some_and(|h| self.scope_heading[h]);
        // Sentences are cut only when the block has scope wording; one that
        // also says "out of scope" states what is not bought.
        let has =
            |r: &Range<u32>, c: CueClass| ms.iter().any(|m| class(m) == c && r.contains(&m.anchor));
        let scope_sentences: Vec<Range<u32>> = if !under_scope
            && ms.iter().any(|m| class(m) == CueClass::SubjectScope)
        {
            split_sentences(self.block_text(bi), &self.m.abbreviations)
                .into_iter()
                .map(|r| b.start as u32 + r.start as u32..b.start as u32 + r.end as u32)
                .filter(|r| {
                    has(r, CueClass::SubjectScope) && !has(r, CueClass::Lang(LangClass::OutOfScope))
                })
                .collect()
        } else {
            Vec::new()
        };
        let from = out.len();
        for m in &ms {
            let CueClass::Subject(si) = class(m) else {
                continue;
            };
            let in_scope = under_scope || scope_sentences.iter().any(|r| r.contains(&m.anchor));
            match out[from..].iter_mut().find(|(_, s, _)| *s == si) {
                Some(seen) => seen.2 |= in_scope,
                None => out.push((bi, si, in_scope)),
            }
        }
    }

    /// Subjects named in at least two blocks, or once in the title or where
    /// the contract's object is stated: `named` comes from
    /// [`Ctx::subjects_in`].
    fn detect_subjects(&self, named: &SubjectBlocks) -> Vec<SubjectReport> {
        let subjects = self.catalog.subjects();
        // (block, named in the title or the object), per subject.
        let mut blocks_of: Vec<Vec<(usize, bool)>> = vec![Vec::new(); subjects.len()];
        for &(bi, si, in_scope) in named {
            let title =
                bi == 0 || matches!(self.doc.blocks[bi].kind, BlockKind::Heading { depth: 1 });
            blocks_of[si as usize].push((bi, in_scope || title));
        }
        let strong: Vec<bool> = blocks_of.iter().map(|v| v.iter().any(|b| b.1)).collect();
        let mut out = Vec::new();
        for (si, s) in subjects.iter().enumerate() {
            let n = blocks_of[si].len();
            if n >= 2 || strong[si] {
                // The paragraphs that state the object first: they decided.
                blocks_of[si].sort_by_key(|&(bi, decisive)| (!decisive, bi));
                let evidence = blocks_of[si]
                    .iter()
                    .take(3)
                    .map(|&(bi, decisive)| {
                        let b = &self.blocks[bi];
                        let hits = self.block_hits(bi);
                        let first = split_sentences(self.block_text(bi), &self.m.abbreviations)
                            .into_iter()
                            .map(|r| b.start as u32 + r.start as u32..b.start as u32 + r.end as u32)
                            .find(|r| {
                                !self
                                    .cue_matches(&hits, r.clone(), |c| {
                                        c == CueClass::Subject(si as u32)
                                    })
                                    .is_empty()
                            })
                            .unwrap_or(b.start as u32..b.end as u32);
                        self.evidence(
                            bi,
                            first,
                            &s.id,
                            None,
                            0,
                            if decisive {
                                vec![format!(
                                    "names the subject `{}` in the title or where the contract's object is stated",
                                    s.id
                                )]
                            } else {
                                vec![format!("names the subject `{}`", s.id)]
                            },
                        )
                    })
                    .collect();
                out.push(SubjectReport {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    hits: n,
                    evidence,
                });
            }
        }
        out
    }
}

/// Applies section and heading caps; returns the cap and the reasons.
fn finish(mut reasons: Vec<String>, section: Section, is_heading: bool) -> (u8, Vec<String>) {
    let mut cap = 3;
    match section {
        Section::OutOfScope => {
            reasons.push("section out of scope: counts 0".into());
            cap = 0;
        }
        Section::Context => {
            reasons.push("context section: a mention at most".into());
            cap = 1;
        }
        Section::Award => reasons.push("award criteria section".into()),
        Section::Contents | Section::Plain | Section::Requirements => {}
    }
    if is_heading && cap > 1 {
        reasons.push("a heading: a mention at most".into());
        cap = 1;
    }
    (cap, reasons)
}

/// Words of a heading allowed before its context cue: a determiner or a
/// qualifier ("Le contexte", "1.2 Project background").
const MAX_WORDS_BEFORE_CONTEXT: usize = 1;

/// Words of `text` before byte `at`, its leading numbering ("1.2", "IV.",
/// "A.") aside.
fn words_before(text: &str, at: usize) -> usize {
    words(&text[..at.min(text.len())])
        .skip_while(|&(a, b)| is_numbering(&text[a..b]))
        .count()
}

/// A heading's numbering: digits, one letter ("A."), a roman numeral ("IV.").
fn is_numbering(w: &str) -> bool {
    !w.bytes().any(|c| c.is_ascii_alphabetic() || c >= 0x80)
        || w.len() == 1
        || (w.len() <= 4 && w.bytes().all(|c| b"ivxlc".contains(&c)))
}

/// True when every word of `text` (at absolute offset `base`) that holds a
/// letter lies inside one of `spans`: numbering and punctuation aside, the
/// text says nothing else.
fn only_words_of(text: &str, base: u32, spans: &[(u32, u32)]) -> bool {
    words(text).all(|(a, b)| {
        let numbering = is_numbering(&text[a..b]);
        let (a, b) = (base + a as u32, base + b as u32);
        numbering || spans.iter().any(|s| s.0 <= a && b <= s.1)
    })
}

/// Word ranges of a normalised string (ASCII letters and digits, non-ASCII letters).
fn words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !is_word_byte(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let st = i;
        while i < b.len() && is_word_byte(b[i]) {
            i += 1;
        }
        Some((st, i))
    })
}
