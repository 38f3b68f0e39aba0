//! Accuracy of the tender engine on the labelled corpus (`tests/corpus/`).
//!
//! For every text and every criterion, the expected level comes from the
//! text's `.labels.toml` (criteria not listed are expected at 0) and the
//! engine runs with the labelled subjects. Printed per grid and overall:
//! precision and recall of "required or better" (level >= 2), and exact-level
//! agreement over the pairs where either side is above 0 (pairs where both
//! say 0 would inflate it). The test fails below precision 0.90, recall 0.85,
//! exact agreement 0.85 overall.

use reset_criteria::engine::{assess_document, SpecOptions};
use reset_criteria::Catalog;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(serde::Deserialize)]
struct Labels {
    lang: String,
    subjects: Vec<String>,
    #[serde(default)]
    levels: BTreeMap<String, u8>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    tp: u32,
    fp: u32,
    fn_: u32,
    agree: u32,
    pairs: u32,
}

impl Tally {
    fn add(&mut self, expected: u8, got: u8) {
        match (expected >= 2, got >= 2) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            _ => {}
        }
        if expected > 0 || got > 0 {
            self.pairs += 1;
            if expected == got {
                self.agree += 1;
            }
        }
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn exact(&self) -> f64 {
        ratio(self.agree, self.pairs)
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

/// Figures of one labelled directory.
struct Figures {
    texts: usize,
    langs: BTreeMap<String, usize>,
    per_grid: BTreeMap<String, Tally>,
    overall: Tally,
    subject_agree: usize,
    /// (text, subject) pairs: detected and labelled, detected only, labelled only.
    subject_pairs: (usize, usize, usize),
    mismatches: Vec<String>,
    /// Per grid, then per cause: how many misses of each kind (counts only).
    causes: BTreeMap<String, BTreeMap<&'static str, u32>>,
}

/// Why a criterion labelled required (>= 2) came out below 2, or why a
/// level 2 / 3 disagreement happened, from the reasons of its best evidence.
/// Only counts are printed, never a text.
fn miss_cause(expected: u8, got: u8, reasons: Option<&[String]>) -> Option<&'static str> {
    if expected >= 2 && got >= 2 {
        return match (expected, got) {
            (3, 2) => Some("verifiable read as 2"),
            (2, 3) => Some("2 read as verifiable"),
            _ => None,
        };
    }
    if expected < 2 {
        return None;
    }
    let Some(r) = reasons else {
        return Some("no hit");
    };
    let has = |p: &str| r.iter().any(|x| x.starts_with(p));
    Some(if has("section out of scope") {
        "out-of-scope section"
    } else if has("context section") {
        "context section"
    } else if has("a heading") {
        "heading"
    } else if has("negated") || has("rejected by a contrast") {
        "read as negated"
    } else if has("weak:") {
        "read as weak"
    } else if has("mentioned, no binding wording") {
        "no modal wording"
    } else if has("the practice the criterion forbids") || has("practice prohibited without") {
        "forbidden practice reading"
    } else {
        "other"
    })
}

fn evaluate(dir: &Path) -> Figures {
    let catalog = Catalog::builtin();
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .collect();
    texts.sort();
    let known: Vec<String> = catalog.criterion_ids().map(String::from).collect();
    let mut f = Figures {
        texts: texts.len(),
        langs: BTreeMap::new(),
        per_grid: BTreeMap::new(),
        overall: Tally::default(),
        subject_agree: 0,
        subject_pairs: (0, 0, 0),
        mismatches: Vec::new(),
        causes: BTreeMap::new(),
    };
    for path in &texts {
        let labels_path = path.with_extension("labels.toml");
        let labels: Labels = toml::from_str(
            &std::fs::read_to_string(&labels_path)
                .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
        for id in labels.levels.keys() {
            assert!(
                known.contains(id),
                "{}: unknown criterion {id}",
                labels_path.display()
            );
        }
        *f.langs.entry(labels.lang.clone()).or_default() += 1;
        let doc = reset_extract::extract_path(path, &reset_extract::Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let opts = SpecOptions {
            subjects: Some(labels.subjects.clone()),
            ..SpecOptions::default()
        };
        let report = assess_document(catalog, &doc, &opts);
        let detected = assess_document(catalog, &doc, &SpecOptions::default());
        let mut det: Vec<String> = detected.subjects.iter().map(|s| s.id.clone()).collect();
        let mut lab = labels.subjects.clone();
        det.sort();
        lab.sort();
        if det == lab {
            f.subject_agree += 1;
        }
        f.subject_pairs.0 += det.iter().filter(|s| lab.contains(s)).count();
        f.subject_pairs.1 += det.iter().filter(|s| !lab.contains(s)).count();
        f.subject_pairs.2 += lab.iter().filter(|s| !det.contains(s)).count();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for g in &report.grids {
            for c in &g.criteria {
                let expected = labels.levels.get(&c.id).copied().unwrap_or(0);
                let got = c.level;
                f.per_grid
                    .entry(g.id.clone())
                    .or_default()
                    .add(expected, got);
                f.overall.add(expected, got);
                let reasons = c.evidence.first().map(|e| e.reasons.as_slice());
                if let Some(cause) = miss_cause(expected, got, reasons) {
                    *f.causes
                        .entry(g.id.clone())
                        .or_default()
                        .entry(cause)
                        .or_default() += 1;
                }
                if expected != got {
                    let why = c
                        .evidence
                        .first()
                        .map(|e| {
                            format!("line {}: {:?} [{}]", e.line, e.text, e.reasons.join("; "))
                        })
                        .unwrap_or_else(|| "no hit".into());
                    f.mismatches.push(format!(
                        "{name} {} expected {expected} got {got}: {why}",
                        c.id
                    ));
                }
            }
        }
    }
    f
}

fn print_figures(title: &str, f: &Figures) {
    println!("{title}: {} texts {:?}", f.texts, f.langs);
    println!(
        "{:<20} {:>9} {:>7} {:>7} {:>6}",
        "grid", "precision", "recall", "exact", "pairs"
    );
    let overall = ("overall".to_string(), f.overall);
    for (g, t) in f
        .per_grid
        .iter()
        .chain(std::iter::once((&overall.0, &overall.1)))
    {
        println!(
            "{:<20} {:>9.3} {:>7.3} {:>7.3} {:>6}",
            g,
            t.precision(),
            t.recall(),
            t.exact(),
            t.pairs
        );
    }
    let (tp, fp, fn_) = f.subject_pairs;
    println!(
        "subjects detected exactly as labelled: {}/{}; per (text, subject) pair: precision {:.2}, recall {:.2}",
        f.subject_agree,
        f.texts,
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + fn_).max(1) as f64
    );
    println!("misses by cause (counts only):");
    for (g, causes) in &f.causes {
        let list: Vec<String> = causes.iter().map(|(c, n)| format!("{c} {n}")).collect();
        println!("  {g:<20} {}", list.join(", "));
    }
}

#[test]
fn engine_agrees_with_the_labelled_corpus() {
    let f = evaluate(&corpus_dir());
    assert!(
        f.texts >= 40,
        "the corpus has {} texts, fewer than 40",
        f.texts
    );
    print_figures("corpus", &f);
    if std::env::var_os("RESET_ACCURACY_VERBOSE").is_some() {
        for m in &f.mismatches {
            println!("  {m}");
        }
    } else {
        println!(
            "{} mismatches (RESET_ACCURACY_VERBOSE=1 lists them)",
            f.mismatches.len()
        );
    }
    let o = f.overall;
    assert!(
        o.precision() >= 0.90 && o.recall() >= 0.85 && o.exact() >= 0.85,
        "below target: precision {:.3} (>= 0.90), recall {:.3} (>= 0.85), exact {:.3} (>= 0.85)",
        o.precision(),
        o.recall(),
        o.exact()
    );
}

/// Figures of a held-out set, reported and not gated: the mismatches are
/// counted, never listed, so that nobody tunes cues on them by accident.
/// The assertions are sanity checks: enough texts, and an engine better
/// than chance on unseen text.
fn report_held_out(dir: &str, name: &str, min_texts: usize) {
    let f = evaluate(&corpus_dir().join(dir));
    assert!(f.texts >= min_texts, "the {name} has {} texts", f.texts);
    print_figures(name, &f);
    println!("{} mismatches (not listed on purpose)", f.mismatches.len());
    assert!(f.overall.precision() >= 0.5, "{name}: precision collapsed");
}

/// The held-out texts (`tests/corpus/holdout/`) were written apart from the
/// cue tuning, by someone who never saw the cues nor the engine: their
/// figures say how well the grids generalise.
#[test]
fn held_out_corpus_figures() {
    report_held_out("holdout", "held-out corpus", 10);
}

/// The second held-out set (`tests/corpus/holdout2/`), written later in the
/// same way as the first: no cues, no engine code, no corpus texts read, and
/// the engine never run on the texts while they were labelled.
#[test]
fn held_out_2_corpus_figures() {
    report_held_out("holdout2", "second held-out corpus", 14);
}

/// The third held-out set (`tests/corpus/holdout3/`), written in session 3 in
/// the same way as the first two, after the engine changes it is meant to
/// judge were designed.
#[test]
fn held_out_3_corpus_figures() {
    report_held_out("holdout3", "third held-out corpus", 14);
}
