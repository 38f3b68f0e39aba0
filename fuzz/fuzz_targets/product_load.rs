//! Product self-assessment loading on arbitrary text: as TOML (first byte
//! even) or JSON (odd), validated against the product schema of the
//! built-in catalog, then assessed when valid.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reset_criteria::product::{assess_product, ProductOptions, ProductValidator};
use reset_criteria::{Catalog, Lang, SourceFile};
use std::sync::OnceLock;

static VALIDATOR: OnceLock<ProductValidator> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let validator = VALIDATOR
        .get_or_init(|| ProductValidator::new(Catalog::builtin()).expect("built-in validator"));
    let name = if mode & 1 == 0 {
        "fuzz.toml"
    } else {
        "fuzz.json"
    };
    let lang = if mode & 2 == 0 { Lang::En } else { Lang::Fr };
    match validator.parse(&SourceFile::new(name, text), lang) {
        Ok(p) => {
            let r = assess_product(Catalog::builtin(), &p, &ProductOptions::default());
            if let Some(s) = r.score {
                assert!((0.0..=100.0).contains(&s));
            }
            let _ = p.version_warnings(Catalog::builtin(), lang);
        }
        Err(d) => {
            assert!(!d.0.is_empty(), "an error without any diagnostic");
            let _ = d.to_string();
        }
    }
});
