//! Converts the built-in criteria files (TOML, the source of truth that
//! people edit) to JSON once, at build time: `serde_json` reads them into
//! the catalog's types several times faster than `toml`, which shortens
//! the start-up of every run. The TOML files are still embedded too, and
//! the test suite validates those (schema and semantic checks).

use std::path::Path;

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
    let criteria = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../criteria");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in FILES {
        let path = criteria.join(format!("{name}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        // An invalid file is reported by the test suite with its line and
        // column; here it only becomes JSON `null`, which the catalog then
        // refuses, falling back to the full checks.
        let json = match toml::from_str::<toml::Value>(&text) {
            Ok(v) => serde_json::to_string(&to_json(&v)).expect("JSON values serialise"),
            Err(_) => "null".to_string(),
        };
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
            .unwrap_or_else(|e| panic!("cannot write {name}.json in OUT_DIR: {e}"));
    }
}

/// TOML to JSON, dates as strings (as `reset_criteria::catalog::toml_to_json`).
fn to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(J::Number)
            .unwrap_or(J::Null),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}
