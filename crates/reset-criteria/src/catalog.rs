//! The catalog: the grids in use, the shared cue lists and the subjects.
//!
//! The five built-in grids are embedded in the binary and parsed once;
//! [`Catalog::load_dir`] adds an organisation's grids and overrides built-in
//! ones by id. Every file is checked against its JSON Schema (derived from the
//! Rust types) and by semantic checks; every problem is reported with its
//! file, line and column.

use crate::cue::parse_cue;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::grid::{Criterion, Grid, Rule};
use crate::lang::{LangList, Text};
use crate::language::LanguageCues;
use crate::subject::{Subject, SubjectsFile};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

/// A source file of a catalog: its name (as shown in diagnostics) and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The file's path or name, as the user knows it.
    pub name: String,
    /// Its content.
    pub text: String,
}

impl SourceFile {
    /// Builds a source file from a name and a text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// The built-in files, embedded at compile time.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "criteria/language.toml",
        include_str!("../../../criteria/language.toml"),
    ),
    (
        "criteria/subjects.toml",
        include_str!("../../../criteria/subjects.toml"),
    ),
    (
        "criteria/privacy.toml",
        include_str!("../../../criteria/privacy.toml"),
    ),
    (
        "criteria/frugality.toml",
        include_str!("../../../criteria/frugality.toml"),
    ),
    (
        "criteria/inclusivity.toml",
        include_str!("../../../criteria/inclusivity.toml"),
    ),
    (
        "criteria/non-discrimination.toml",
        include_str!("../../../criteria/non-discrimination.toml"),
    ),
    (
        "criteria/attention.toml",
        include_str!("../../../criteria/attention.toml"),
    ),
];

/// The built-in files as JSON (converted by `build.rs`), in the order of
/// [`BUILTIN_FILES`]: what [`Catalog::builtin`] parses.
const BUILTIN_JSON: &[(&str, &str)] = &[
    (
        "language",
        include_str!(concat!(env!("OUT_DIR"), "/language.json")),
    ),
    (
        "subjects",
        include_str!(concat!(env!("OUT_DIR"), "/subjects.json")),
    ),
    (
        "privacy",
        include_str!(concat!(env!("OUT_DIR"), "/privacy.json")),
    ),
    (
        "frugality",
        include_str!(concat!(env!("OUT_DIR"), "/frugality.json")),
    ),
    (
        "inclusivity",
        include_str!(concat!(env!("OUT_DIR"), "/inclusivity.json")),
    ),
    (
        "non-discrimination",
        include_str!(concat!(env!("OUT_DIR"), "/non-discrimination.json")),
    ),
    (
        "attention",
        include_str!(concat!(env!("OUT_DIR"), "/attention.json")),
    ),
];

/// Name of the shared cue-list file in a grid directory.
pub const LANGUAGE_FILE: &str = "language.toml";
/// Name of the subject file in a grid directory.
pub const SUBJECTS_FILE: &str = "subjects.toml";

/// Where a grid came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary.
    Builtin,
    /// Loaded from a file (it may override a built-in grid with the same id).
    File(String),
}

/// The set of grids in use, with the shared cue lists and subjects.
#[derive(Debug)]
pub struct Catalog {
    grids: Vec<Grid>,
    origins: Vec<Origin>,
    language: LanguageCues,
    subjects: Vec<Subject>,
    matcher: OnceLock<crate::engine::Matcher>,
}

impl Clone for Catalog {
    fn clone(&self) -> Self {
        Catalog {
            grids: self.grids.clone(),
            origins: self.origins.clone(),
            language: self.language.clone(),
            subjects: self.subjects.clone(),
            matcher: OnceLock::new(),
        }
    }
}

/// Errors of catalog operations other than file diagnostics.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// One or more files are invalid.
    #[error("{0}")]
    Invalid(#[from] Diagnostics),
    /// A directory or file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// `--only` named a grid that does not exist.
    #[error("unknown grid `{id}`{}; known grids: {known}", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownGrid {
        /// The id asked for.
        id: String,
        /// The closest known id.
        suggestion: Option<String>,
        /// Every known id, comma separated.
        known: String,
    },
}

static BUILTIN: OnceLock<Catalog> = OnceLock::new();

impl Catalog {
    /// The built-in catalog: five grids, parsed once per process.
    ///
    /// The embedded files are validated by the test suite; should they ever be
    /// invalid, this panics with the diagnostics, as it is a build defect.
    pub fn builtin() -> &'static Catalog {
        BUILTIN.get_or_init(|| match Catalog::parse_builtin() {
            Some(c) => c,
            // Parsing failed: run the full checks to say exactly why.
            None => {
                let files: Vec<SourceFile> = BUILTIN_FILES
                    .iter()
                    .map(|(n, t)| SourceFile::new(*n, *t))
                    .collect();
                match Catalog::from_files(&files, false) {
                    Ok(mut c) => {
                        c.origins = vec![Origin::Builtin; c.grids.len()];
                        c
                    }
                    Err(d) => panic!("the built-in grids are invalid (a build defect):\n{d}"),
                }
            }
        })
    }

    /// The built-in files parsed straight into their types, without the JSON
    /// Schema and semantic checks: the test suite runs those on the very same
    /// embedded files (`tests/builtin.rs`), and skipping them halves start-up.
    /// They are read from the JSON twins that `build.rs` made of the TOML
    /// files, as `serde_json` reads them several times faster.
    fn parse_builtin() -> Option<Catalog> {
        let mut grids = Vec::new();
        let mut language = None;
        let mut subjects = None;
        for (name, json) in BUILTIN_JSON {
            if *name == "language" {
                language = Some(serde_json::from_str::<LanguageCues>(json).ok()?);
            } else if *name == "subjects" {
                subjects = Some(serde_json::from_str::<SubjectsFile>(json).ok()?.subjects);
            } else {
                grids.push(serde_json::from_str::<Grid>(json).ok()?);
            }
        }
        Some(Catalog {
            origins: vec![Origin::Builtin; grids.len()],
            grids,
            language: language?,
            subjects: subjects?,
            matcher: OnceLock::new(),
        })
    }

    /// Builds a catalog from files. With `over_builtin`, the files add grids
    /// to the built-in ones and override them by id (and `language.toml` or
    /// `subjects.toml` replace the built-in lists); otherwise the files must
    /// bring everything.
    pub fn from_files(files: &[SourceFile], over_builtin: bool) -> Result<Catalog, Diagnostics> {
        let mut diags = Vec::new();
        let (mut grids, mut origins, mut language, mut subjects) = if over_builtin {
            let b = Catalog::builtin();
            (
                b.grids.clone(),
                b.origins.clone(),
                Some(b.language.clone()),
                Some(b.subjects.clone()),
            )
        } else {
            (Vec::new(), Vec::new(), None, None)
        };
        let mut grid_files: Vec<(&SourceFile, Grid)> = Vec::new();
        for f in files {
            let base = Path::new(&f.name)
                .file_name()
                .and_then(|s| s.to_str())
                .unwrap_or("");
            if base == LANGUAGE_FILE {
                if let Some(l) = parse_checked::<LanguageCues>(f, language_schema(), &mut diags) {
                    check_language(f, &l, &mut diags);
                    language = Some(l);
                }
            } else if base == SUBJECTS_FILE {
                if let Some(s) = parse_checked::<SubjectsFile>(f, subjects_schema(), &mut diags) {
                    check_subjects(f, &s, &mut diags);
                    subjects = Some(s.subjects);
                }
            } else if let Some(g) = parse_checked::<Grid>(f, grid_schema(), &mut diags) {
                grid_files.push((f, g));
            }
        }
        if language.is_none() {
            diags.push(Diagnostic::file(
                "<catalog>",
                format!("no `{LANGUAGE_FILE}` with the shared cue lists was given"),
            ));
        }
        if subjects.is_none() {
            diags.push(Diagnostic::file(
                "<catalog>",
                format!("no `{SUBJECTS_FILE}` with the subjects was given"),
            ));
        }
        let subject_ids: Vec<String> = subjects.iter().flatten().map(|s| s.id.clone()).collect();
        // Grid ids must be unique among the files given.
        let mut seen_grid: HashMap<&str, &SourceFile> = HashMap::new();
        for (f, g) in &grid_files {
            if let Some(first) = seen_grid.insert(g.id.as_str(), f) {
                diags.push(
                    at_pointer(f, "/id", format!("duplicate grid id `{}`", g.id)).with_help(
                        format!("the grid `{}` is also defined in {}", g.id, first.name),
                    ),
                );
            }
        }
        for (f, g) in &grid_files {
            check_grid(f, g, &subject_ids, &mut diags);
            match grids.iter().position(|x| x.id == g.id) {
                Some(i) => {
                    grids[i] = g.clone();
                    origins[i] = Origin::File(f.name.clone());
                }
                None => {
                    grids.push(g.clone());
                    origins.push(Origin::File(f.name.clone()));
                }
            }
        }
        // Criterion ids and fact names are unique across the whole catalog.
        let file_of = |grid_id: &str| -> Option<&SourceFile> {
            grid_files
                .iter()
                .find(|(_, g)| g.id == grid_id)
                .map(|(f, _)| *f)
        };
        let mut ids: HashMap<&str, (&str, usize)> = HashMap::new();
        let mut facts: HashMap<&str, &str> = HashMap::new();
        let start = diags.len();
        'grids: for g in &grids {
            for (ci, c) in g.criteria.iter().enumerate() {
                if diags.len() - start >= MAX_DIAGNOSTICS_PER_FILE {
                    diags.push(Diagnostic::file(
                        "<catalog>",
                        format!("over {MAX_DIAGNOSTICS_PER_FILE} duplicate ids or facts; the others are not shown"),
                    ));
                    break 'grids;
                }
                if let Some((other_grid, other_idx)) =
                    ids.insert(c.id.as_str(), (g.id.as_str(), ci))
                {
                    if other_grid == g.id {
                        // Reported by the per-grid check, with both places.
                        continue;
                    }
                    let msg = format!("duplicate criterion id `{}`", c.id);
                    let help = match file_of(other_grid) {
                        Some(of) => {
                            let first = at_pointer(of, &format!("/criteria/{other_idx}/id"), "");
                            format!("`{}` is first defined at {}:{}:{}; criterion ids must be unique across the catalog", c.id, first.file, first.line, first.column)
                        }
                        None => format!("`{}` is already a criterion of the built-in grid `{other_grid}`; pick another id or override that grid", c.id),
                    };
                    let d = match file_of(&g.id) {
                        Some(f) => at_pointer(f, &format!("/criteria/{ci}/id"), msg),
                        None => Diagnostic::file(format!("builtin:{}", g.id), msg),
                    };
                    diags.push(d.with_help(help));
                }
                if let Some(other) = facts.insert(c.product.fact.as_str(), c.id.as_str()) {
                    let msg = format!(
                        "fact `{}` of {} is already asked by {other}",
                        c.product.fact, c.id
                    );
                    let d = match file_of(&g.id) {
                        Some(f) => at_pointer(f, &format!("/criteria/{ci}/product/fact"), msg),
                        None => Diagnostic::file(format!("builtin:{}", g.id), msg),
                    };
                    diags.push(d.with_help("each criterion asks its own fact; rename one"));
                }
            }
        }
        if !diags.is_empty() {
            return Err(Diagnostics(diags));
        }
        Ok(Catalog {
            grids,
            origins,
            language: language.unwrap_or_default(),
            subjects: subjects.unwrap_or_default(),
            matcher: OnceLock::new(),
        })
    }

    /// The built-in catalog plus every `*.toml` file of `dir` (grids, and
    /// optionally `language.toml` and `subjects.toml`), overriding by id.
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Catalog, CatalogError> {
        let files = read_toml_files(dir.as_ref())?;
        Ok(Catalog::from_files(&files, true)?)
    }

    /// A catalog narrowed to the grids named in `ids`.
    pub fn only(&self, ids: &[String]) -> Result<Catalog, CatalogError> {
        let mut out = self.clone();
        for id in ids {
            if self.grid(id).is_none() {
                let known: Vec<&str> = self.grids.iter().map(|g| g.id.as_str()).collect();
                return Err(CatalogError::UnknownGrid {
                    id: id.clone(),
                    suggestion: crate::suggest::closest(id, known.iter().copied()),
                    known: known.join(", "),
                });
            }
        }
        let keep: Vec<bool> = self.grids.iter().map(|g| ids.contains(&g.id)).collect();
        let mut k = keep.iter();
        out.grids.retain(|_| *k.next().unwrap_or(&false));
        let mut k = keep.iter();
        out.origins.retain(|_| *k.next().unwrap_or(&false));
        Ok(out)
    }

    /// The grids, in catalog order.
    pub fn grids(&self) -> &[Grid] {
        &self.grids
    }

    /// Where each grid came from, in the order of [`Catalog::grids`].
    pub fn origins(&self) -> &[Origin] {
        &self.origins
    }

    /// A grid by id.
    pub fn grid(&self, id: &str) -> Option<&Grid> {
        self.grids.iter().find(|g| g.id == id)
    }

    /// A criterion by id (case-insensitive), with its grid.
    pub fn criterion(&self, id: &str) -> Option<(&Grid, &Criterion)> {
        self.grids.iter().find_map(|g| {
            g.criteria
                .iter()
                .find(|c| c.id.eq_ignore_ascii_case(id))
                .map(|c| (g, c))
        })
    }

    /// Every criterion id, for suggestions.
    pub fn criterion_ids(&self) -> impl Iterator<Item = &str> {
        self.grids
            .iter()
            .flat_map(|g| g.criteria.iter().map(|c| c.id.as_str()))
    }

    /// The shared cue lists.
    pub fn language(&self) -> &LanguageCues {
        &self.language
    }

    /// The subjects.
    pub fn subjects(&self) -> &[Subject] {
        &self.subjects
    }

    /// A short version string of the catalog: each grid's id and version.
    pub fn version(&self) -> String {
        self.grids
            .iter()
            .map(|g| format!("{}@{}", g.id, g.version))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The compiled matcher of this catalog, built once on first use.
    pub fn matcher(&self) -> &crate::engine::Matcher {
        self.matcher
            .get_or_init(|| crate::engine::Matcher::new(self))
    }
}

/// Reads every `*.toml` file of a directory (not recursive), sorted by name.
/// A file over [`crate::files::MAX_GRID_FILE_BYTES`] (10 MB) is refused
/// with an error naming it and the limit.
pub fn read_toml_files(dir: &Path) -> Result<Vec<SourceFile>, CatalogError> {
    let io = |e: std::io::Error| CatalogError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("toml") && p.is_file())
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for p in paths {
        // A grid file is read whole: one over the limit is refused by name.
        let text =
            crate::files::read_text_limited(&p, crate::files::MAX_GRID_FILE_BYTES, "a grid file")
                .map_err(|e| CatalogError::Io {
                path: p.display().to_string(),
                source: e,
            })?;
        files.push(SourceFile::new(p.display().to_string(), text));
    }
    Ok(files)
}

// ---------------------------------------------------------------- schemas

/// The JSON Schema of a grid file, derived from [`Grid`].
pub fn grid_schema() -> &'static serde_json::Value {
    static S: OnceLock<serde_json::Value> = OnceLock::new();
    S.get_or_init(|| serde_json::to_value(schemars::schema_for!(Grid)).unwrap_or_default())
}

/// The JSON Schema of `language.toml`.
pub fn language_schema() -> &'static serde_json::Value {
    static S: OnceLock<serde_json::Value> = OnceLock::new();
    S.get_or_init(|| serde_json::to_value(schemars::schema_for!(LanguageCues)).unwrap_or_default())
}

/// The JSON Schema of `subjects.toml`.
pub fn subjects_schema() -> &'static serde_json::Value {
    static S: OnceLock<serde_json::Value> = OnceLock::new();
    S.get_or_init(|| serde_json::to_value(schemars::schema_for!(SubjectsFile)).unwrap_or_default())
}

fn validator_for(schema: &'static serde_json::Value) -> Option<&'static jsonschema::Validator> {
    static CACHE: OnceLock<std::sync::Mutex<BTreeMap<usize, &'static jsonschema::Validator>>> =
        OnceLock::new();
    let key = schema as *const _ as usize;
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().ok()?;
    if let Some(v) = map.get(&key) {
        return Some(v);
    }
    let v = jsonschema::draft202012::options().build(schema).ok()?;
    let v: &'static jsonschema::Validator = Box::leak(Box::new(v));
    map.insert(key, v);
    Some(v)
}

// ---------------------------------------------------------------- parsing

/// Parses a TOML file: syntax, then JSON Schema (every error), then the Rust type.
pub(crate) fn parse_checked<T: DeserializeOwned>(
    f: &SourceFile,
    schema: &'static serde_json::Value,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let value: toml::Value = match toml::from_str(&f.text) {
        Ok(v) => v,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let msg = e.message().trim().to_string();
            diags.push(
                Diagnostic::at(&f.name, &f.text, span, format!("invalid TOML: {msg}"))
                    .with_help("see https://toml.io for the syntax"),
            );
            return None;
        }
    };
    let json = toml_to_json(&value);
    let mut schema_errors = 0;
    if let Some(validator) = validator_for(schema) {
        for err in validator.iter_errors(&json) {
            schema_errors += 1;
            if schema_errors > MAX_DIAGNOSTICS_PER_FILE {
                // Placing each problem costs a pass over the file: a file
                // with thousands of them would take minutes for no reader.
                continue;
            }
            let pointer = err.instance_path().to_string();
            let msg = err.to_string();
            // "Additional properties are not allowed ('weigth' was unexpected)": point at the key.
            let unexpected = msg.contains("was unexpected");
            let target = match msg.split('\'').nth(1) {
                Some(key) if unexpected => format!("{pointer}/{key}"),
                _ => pointer.clone(),
            };
            let mut d = at_pointer(f, &target, explain_schema_error(&msg, &pointer));
            if unexpected {
                d = d.with_help(
                    "remove the field or fix its name; `reset-check schema grid` lists the allowed ones",
                );
            }
            diags.push(d);
        }
    }
    if schema_errors > MAX_DIAGNOSTICS_PER_FILE {
        diags.push(more_problems(f, schema_errors - MAX_DIAGNOSTICS_PER_FILE));
    }
    if schema_errors > 0 {
        return None;
    }
    match toml::from_str::<T>(&f.text) {
        Ok(v) => Some(v),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            diags.push(Diagnostic::at(
                &f.name,
                &f.text,
                span,
                e.message().trim().to_string(),
            ));
            None
        }
    }
}

fn explain_schema_error(msg: &str, pointer: &str) -> String {
    let place = if pointer.is_empty() {
        "the file"
    } else {
        pointer
    };
    format!("{place}: {msg}")
}

/// Converts a TOML value to JSON; dates become strings.
pub fn toml_to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(J::Number)
            .unwrap_or(J::Null),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Most problems reported for one file; the rest are counted.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 100;

fn more_problems(f: &SourceFile, n: usize) -> Diagnostic {
    Diagnostic::file(
        &f.name,
        format!("{n} more problem(s) in this file not shown (only the first {MAX_DIAGNOSTICS_PER_FILE} are)"),
    )
    .with_help("fix these first, then run again")
}

/// A diagnostic at the place of a JSON pointer (`/criteria/3/weight`) in a TOML file.
pub fn at_pointer(f: &SourceFile, pointer: &str, message: impl Into<String>) -> Diagnostic {
    let span = span_of_pointer(&f.text, pointer).unwrap_or(0..0);
    Diagnostic::at(&f.name, &f.text, span, message)
}

/// Byte span of the value at a JSON pointer in a TOML text (the deepest part found).
///
/// The text is parsed once and every value's span indexed; the index of the
/// last text seen is kept (per thread), so that the many diagnostics of one
/// big file cost one parse, not one each.
pub fn span_of_pointer(text: &str, pointer: &str) -> Option<std::ops::Range<usize>> {
    use std::cell::RefCell;
    type Index = HashMap<String, std::ops::Range<usize>>;
    thread_local! {
        static LAST: RefCell<Option<(String, Option<Index>)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|(t, _)| t != text) {
            *last = Some((text.to_string(), pointer_index(text)));
        }
        let index = last.as_ref().and_then(|(_, i)| i.as_ref())?;
        // The deepest part of the pointer that exists.
        let mut p = pointer;
        loop {
            if let Some(span) = index.get(p) {
                return Some(span.clone());
            }
            p = &p[..p.rfind('/')?];
            if p.is_empty() {
                return None;
            }
        }
    })
}

/// The span of every value of a TOML text, by JSON pointer (keys escaped as
/// RFC 6901 says); None when the text does not parse.
fn pointer_index(text: &str) -> Option<HashMap<String, std::ops::Range<usize>>> {
    use toml::de::{DeTable, DeValue};
    fn walk(
        v: &DeValue<'_>,
        pointer: &mut String,
        out: &mut HashMap<String, std::ops::Range<usize>>,
    ) {
        let len = pointer.len();
        match v {
            DeValue::Table(t) => {
                for (k, v) in t.iter() {
                    pointer.push('/');
                    pointer.push_str(&k.get_ref().replace('~', "~0").replace('/', "~1"));
                    out.insert(pointer.clone(), v.span());
                    walk(v.get_ref(), pointer, out);
                    pointer.truncate(len);
                }
            }
            DeValue::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    out.insert(pointer.clone(), v.span());
                    walk(v.get_ref(), pointer, out);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }
    let root = DeTable::parse(text).ok()?;
    let mut out = HashMap::new();
    walk(
        &DeValue::Table(root.get_ref().clone()),
        &mut String::new(),
        &mut out,
    );
    Some(out)
}

// ---------------------------------------------------------------- semantic checks

fn check_text(f: &SourceFile, pointer: &str, t: &Text, diags: &mut Vec<Diagnostic>) {
    for (lang, s) in [("fr", &t.fr), ("en", &t.en)] {
        if s.trim().is_empty() {
            diags.push(
                at_pointer(f, pointer, format!("{pointer}: the `{lang}` text is empty"))
                    .with_help("every text is written in French and in English"),
            );
        }
    }
}

fn check_cues(
    f: &SourceFile,
    pointer: &str,
    list: &LangList,
    both_required: bool,
    diags: &mut Vec<Diagnostic>,
) {
    for (lang, items) in [("fr", &list.fr), ("en", &list.en)] {
        if both_required && items.is_empty() {
            diags.push(
                at_pointer(f, pointer, format!("{pointer}: no `{lang}` cue"))
                    .with_help("give cues in French and in English"),
            );
        }
        for (i, cue) in items.iter().enumerate() {
            if let Err(e) = parse_cue(cue) {
                diags.push(
                    at_pointer(f, &format!("{pointer}/{lang}/{i}"), e).with_help(
                        "a cue is a phrase, a prefix ending in `*`, or terms joined by ` + `",
                    ),
                );
            }
        }
    }
}

fn check_grid(f: &SourceFile, g: &Grid, subject_ids: &[String], diags: &mut Vec<Diagnostic>) {
    check_text(f, "/title", &g.title, diags);
    check_text(f, "/summary", &g.summary, diags);
    let s = &g.grades;
    if !(s.a > s.b && s.b > s.c && s.c > s.d && s.a <= 100.0 && s.d >= 0.0) {
        diags.push(at_pointer(
            f,
            "/grades",
            "grade thresholds must decrease from a to d, within 0-100",
        ));
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let start = diags.len();
    for (i, c) in g.criteria.iter().enumerate() {
        if diags.len() - start >= MAX_DIAGNOSTICS_PER_FILE {
            diags.push(
                Diagnostic::file(
                    &f.name,
                    format!(
                        "criteria {i} and after not checked: over {MAX_DIAGNOSTICS_PER_FILE} problems already"
                    ),
                )
                .with_help("fix these first, then run again"),
            );
            break;
        }
        let p = format!("/criteria/{i}");
        if let Some(first) = seen.insert(c.id.as_str(), i) {
            let first_d = at_pointer(f, &format!("/criteria/{first}/id"), "");
            diags.push(
                at_pointer(
                    f,
                    &format!("{p}/id"),
                    format!("duplicate criterion id `{}`", c.id),
                )
                .with_help(format!(
                    "`{}` is first defined at {}:{}:{}",
                    c.id, first_d.file, first_d.line, first_d.column
                )),
            );
        }
        check_text(f, &format!("{p}/title"), &c.title, diags);
        check_text(f, &format!("{p}/rationale"), &c.rationale, diags);
        check_text(f, &format!("{p}/clause"), &c.clause, diags);
        check_text(
            f,
            &format!("{p}/product/question"),
            &c.product.question,
            diags,
        );
        for (j, sub) in c.subjects.iter().enumerate() {
            if !subject_ids.is_empty() && !subject_ids.contains(sub) {
                let hint = crate::suggest::closest(sub, subject_ids.iter().map(|s| s.as_str()));
                let mut d = at_pointer(
                    f,
                    &format!("{p}/subjects/{j}"),
                    format!("unknown subject `{sub}`"),
                );
                d = d.with_help(match hint {
                    Some(h) => format!(
                        "did you mean `{h}`? known subjects: {}",
                        subject_ids.join(", ")
                    ),
                    None => format!("known subjects: {}", subject_ids.join(", ")),
                });
                diags.push(d);
            }
        }
        check_cues(f, &format!("{p}/spec/cues"), &c.spec.cues, true, diags);
        check_cues(f, &format!("{p}/spec/avoid"), &c.spec.avoid, false, diags);
        check_cues(f, &format!("{p}/spec/verify"), &c.spec.verify, false, diags);
        check_cues(
            f,
            &format!("{p}/spec/exclude"),
            &c.spec.exclude,
            false,
            diags,
        );
        match &c.product.rule {
            Rule::Number {
                better,
                levels,
                unit,
            } => {
                let ordered = match better {
                    crate::grid::Better::Lower => levels[0] >= levels[1] && levels[1] >= levels[2],
                    crate::grid::Better::Higher => levels[0] <= levels[1] && levels[1] <= levels[2],
                };
                if !ordered || levels.iter().any(|x| !x.is_finite()) {
                    diags.push(
                        at_pointer(
                            f,
                            &format!("{p}/product/rule/levels"),
                            format!(
                                "thresholds {levels:?} are not ordered for `better = \"{}\"`",
                                match better {
                                    crate::grid::Better::Lower => "lower",
                                    crate::grid::Better::Higher => "higher",
                                }
                            ),
                        )
                        .with_help(
                            "list the thresholds of levels 1, 2 and 3, each stricter than the last",
                        ),
                    );
                }
                if unit.trim().is_empty() {
                    diags.push(at_pointer(
                        f,
                        &format!("{p}/product/rule/unit"),
                        "a number needs its unit",
                    ));
                }
            }
            Rule::Enum { options } => {
                let mut vals = std::collections::HashSet::new();
                for (k, o) in options.iter().enumerate() {
                    if !vals.insert(o.value.as_str()) {
                        diags.push(at_pointer(
                            f,
                            &format!("{p}/product/rule/options/{k}/value"),
                            format!("duplicate option `{}`", o.value),
                        ));
                    }
                    check_text(
                        f,
                        &format!("{p}/product/rule/options/{k}/label"),
                        &o.label,
                        diags,
                    );
                }
            }
            Rule::Bool => {}
        }
    }
}

fn check_language(f: &SourceFile, l: &LanguageCues, diags: &mut Vec<Diagnostic>) {
    let m = &l.modality;
    for (name, list) in [
        ("binding", &m.binding),
        ("weak", &m.weak),
        ("negation", &m.negation),
        ("prohibition", &m.prohibition),
        ("commitment", &m.commitment),
    ] {
        check_cues(f, &format!("/modality/{name}"), list, true, diags);
    }
    let v = &l.verification;
    for (name, list) in [
        ("standards", &v.standards),
        ("deliverables", &v.deliverables),
        ("audits", &v.audits),
        ("penalties", &v.penalties),
    ] {
        check_cues(f, &format!("/verification/{name}"), list, true, diags);
    }
    let s = &l.sections;
    for (name, list) in [
        ("out_of_scope", &s.out_of_scope),
        ("context", &s.context),
        ("award", &s.award),
        ("contents", &s.contents),
    ] {
        check_cues(f, &format!("/sections/{name}"), list, true, diags);
    }
    check_cues(f, "/exclude", &l.exclude, false, diags);
    check_cues(f, "/modality/clause_breaks", &m.clause_breaks, false, diags);
}

fn check_subjects(f: &SourceFile, s: &SubjectsFile, diags: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    for (i, sub) in s.subjects.iter().enumerate() {
        if !seen.insert(sub.id.as_str()) {
            diags.push(at_pointer(
                f,
                &format!("/subject/{i}/id"),
                format!("duplicate subject `{}`", sub.id),
            ));
        }
        check_text(f, &format!("/subject/{i}/title"), &sub.title, diags);
        check_cues(f, &format!("/subject/{i}/cues"), &sub.cues, true, diags);
    }
}
