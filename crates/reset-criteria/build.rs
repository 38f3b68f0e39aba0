//! Converts the built-in criteria files (TOML, the source of truth that
//! people edit) to JSON once, at build time: `serde_json` reads them into
//! the catalog's types several times faster than `toml`, which shortens
//! the start-up of every run. The TOML files are still embedded too, and
//! the test suite validates those (schema and semantic checks).

use std::path::Path;

// The conversion the catalog itself uses for its schema checks.
#[path = "src/toml_json.rs"]
mod toml_json;

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
    // The one list of built-in files: `builtin.rs` holds the TOML texts
    // (`BUILTIN_FILES`) and their JSON twins (`BUILTIN_JSON`), in this order.
    let (mut toml_items, mut json_items) = (String::new(), String::new());
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
}
