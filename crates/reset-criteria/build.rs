//! Converts the built-in criteria files (TOML, the source of truth that
//! people edit) to JSON once, at build time: `serde_json` reads them into
//! the catalog's types several times faster than `toml`, which shortens
//! the start-up of every run. The TOML files are still embedded too, and
//! the test suite validates those (schema and semantic checks).
//!
//! It also computes the cue table of the built-in catalog (every cue parsed
//! and normalised, terms deduplicated and sorted, `builtin_cues.rs`), so
//! that a run on the built-in grids starts by building the automaton
//! straight away. The test `builtin_cue_table_is_the_computed_one` checks
//! it against the table computed at run time.

use std::fmt::Write as _;
use std::path::Path;

// The conversion the catalog itself uses for its schema checks.
#[path = "src/toml_json.rs"]
mod toml_json;

// The cue table of the built-in catalog is computed here by the very code
// the engine runs (cue parsing, normalisation, the table builder).
#[allow(dead_code)]
#[path = "src/cue.rs"]
mod cue;
#[allow(dead_code)]
#[path = "src/engine/cue_table.rs"]
mod cue_table;
#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;
use cue_table::{CueClass, CueTable, CueTableBuilder, CRITERION_LISTS, LANGUAGE_LISTS};

const FILES: &[&str] = &[
    "language",
    "subjects",
    "privacy",
    "frugality",
    "inclusivity",
    "non-discrimination",
    "attention",
];

fn main() {
    // The engine sources this script includes: a change to them changes the table.
    for src in [
        "toml_json.rs",
        "normalize.rs",
        "cue.rs",
        "engine/cue_table.rs",
    ] {
        println!("cargo:rerun-if-changed=src/{src}");
    }
    println!("cargo:rerun-if-changed=build.rs");
    let criteria = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../criteria");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // The one list of built-in files: `builtin.rs` holds the TOML texts
    // (`BUILTIN_FILES`) and their JSON twins (`BUILTIN_JSON`), in this order.
    let (mut toml_items, mut json_items) = (String::new(), String::new());
    let mut values = Vec::new();
    for name in FILES {
        let path = criteria.join(format!("{name}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        // An invalid file is reported by the test suite with its line and
        // column; here it only becomes JSON `null`, which the catalog then
        // refuses, falling back to the full checks.
        let json = match toml::from_str::<toml::Value>(&text) {
            Ok(v) => {
                serde_json::to_string(&toml_json::toml_to_json(&v)).expect("JSON values serialise")
            }
            Err(_) => "null".to_string(),
        };
        values.push(toml::from_str::<toml::Value>(&text).ok());
        let json_path = Path::new(&out).join(format!("{name}.json"));
        std::fs::write(&json_path, json)
            .unwrap_or_else(|e| panic!("cannot write {name}.json in OUT_DIR: {e}"));
        toml_items += &format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("criteria/{name}.toml"),
            path.display().to_string()
        );
        json_items += &format!(
            "    ({name:?}, include_str!({:?})),\n",
            json_path.display().to_string()
        );
    }
    let code = format!(
        "/// The built-in files, embedded at compile time.\n\
         pub const BUILTIN_FILES: &[(&str, &str)] = &[\n{toml_items}];\n\n\
         /// The built-in files as JSON (converted by `build.rs`), in the order of\n\
         /// [`BUILTIN_FILES`]: what [`Catalog::builtin`] parses.\n\
         const BUILTIN_JSON: &[(&str, &str)] = &[\n{json_items}];\n"
    );
    std::fs::write(Path::new(&out).join("builtin.rs"), code)
        .unwrap_or_else(|e| panic!("cannot write builtin.rs in OUT_DIR: {e}"));
    let table = builtin_cue_table(&values);
    std::fs::write(Path::new(&out).join("builtin_cues.rs"), table_code(&table))
        .unwrap_or_else(|e| panic!("cannot write builtin_cues.rs in OUT_DIR: {e}"));
}

/// The cue table of the built-in files (in [`FILES`] order: language,
/// subjects, then the grids), walked in the order `Matcher` uses: criteria
/// grid by grid, the shared lists, the subjects, the scope wording. A file
/// that does not parse adds nothing here; the catalog then fails its own
/// checks, and the test comparing both tables fails too.
fn builtin_cue_table(values: &[Option<toml::Value>]) -> CueTable {
    let mut b = CueTableBuilder::default();
    let (language, subjects, grids) = (&values[0], &values[1], &values[2..]);
    let mut crit = 0u32;
    for grid in grids.iter().flatten() {
        for c in array(grid.get("criteria")) {
            for (key, kind) in CRITERION_LISTS {
                let list = c.get("spec").and_then(|s| s.get(*key));
                add_list(&mut b, CueClass::Crit { crit, kind: *kind }, list);
            }
            crit += 1;
        }
    }
    for (path, class) in LANGUAGE_LISTS {
        let list = path
            .split('.')
            .try_fold(language.as_ref(), |v, key| v.map(|v| v.get(key)))
            .flatten();
        add_list(&mut b, CueClass::Lang(*class), list);
    }
    let subjects = subjects.as_ref();
    for (si, sub) in array(subjects.and_then(|s| s.get("subject")))
        .iter()
        .enumerate()
    {
        add_list(&mut b, CueClass::Subject(si as u32), sub.get("cues"));
    }
    let scope = subjects.and_then(|s| s.get("scope"));
    add_list(&mut b, CueClass::SubjectScope, scope);
    let headings = subjects.and_then(|s| s.get("scope_headings"));
    add_list(&mut b, CueClass::SubjectScopeHeading, headings);
    b.finish()
}

fn array(v: Option<&toml::Value>) -> &[toml::Value] {
    v.and_then(|v| v.as_array()).map_or(&[], |a| a.as_slice())
}

/// Adds a `{ fr = [...], en = [...] }` list, French first as `LangList::iter`.
fn add_list(b: &mut CueTableBuilder, class: CueClass, list: Option<&toml::Value>) {
    for lang in ["fr", "en"] {
        for s in array(list.and_then(|l| l.get(lang))) {
            if let Some(s) = s.as_str() {
                b.add(class, s);
            }
        }
    }
}

/// A cue class as a Rust expression.
fn class_code(class: CueClass) -> String {
    match class {
        CueClass::Crit { crit, kind } => {
            format!("CueClass::Crit {{ crit: {crit}, kind: CritKind::{kind:?} }}")
        }
        CueClass::Lang(l) => format!("CueClass::Lang(LangClass::{l:?})"),
        CueClass::Subject(s) => format!("CueClass::Subject({s})"),
        CueClass::SubjectScope => "CueClass::SubjectScope".to_string(),
        CueClass::SubjectScopeHeading => "CueClass::SubjectScopeHeading".to_string(),
    }
}

/// The table as Rust statics.
fn table_code(t: &CueTable) -> String {
    let mut code = String::from(
        "/// Patterns of the built-in catalog, sorted.\n\
        static BUILTIN_PATTERNS: &[Cow<'static, str>] = &[\n",
    );
    for p in t.patterns.iter() {
        writeln!(code, "    Cow::Borrowed({p:?}),").unwrap();
    }
    code += "];\n/// Where the owners of each pattern start in `BUILTIN_OWNERS`.\n\
        static BUILTIN_OWNER_STARTS: &[u32] = &[\n";
    for s in t.owner_starts.iter() {
        writeln!(code, "    {s},").unwrap();
    }
    code += "];\n/// The cue terms each pattern stands for.\n\
        static BUILTIN_OWNERS: &[TermOwner] = &[\n";
    for o in t.owners.iter() {
        writeln!(
            code,
            "    TermOwner {{ cue: {}, term: {}, n_terms: {}, check_start: {}, check_end: {} }},",
            o.cue, o.term, o.n_terms, o.check_start, o.check_end
        )
        .unwrap();
    }
    code += "];\n/// Every cue of the built-in catalog.\n\
        static BUILTIN_CUES: &[CueEntry] = &[\n";
    for c in t.cues.iter() {
        writeln!(
            code,
            "    CueEntry {{ class: {}, source: Cow::Borrowed({:?}), n_terms: {} }},",
            class_code(c.class),
            c.source,
            c.n_terms
        )
        .unwrap();
    }
    code += "];\n";
    code
}
