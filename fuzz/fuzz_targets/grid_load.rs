//! `Catalog::from_files` over arbitrary TOML text, as a grid added to the
//! built-in catalog; a catalog that loads is then used once on a text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reset_criteria::engine::{assess_text, SpecOptions};
use reset_criteria::{Catalog, SourceFile};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = SourceFile::new("fuzz.toml", text);
    match Catalog::from_files(std::slice::from_ref(&file), true) {
        Ok(catalog) => {
            let r = assess_text(
                &catalog,
                "t",
                "Le titulaire doit respecter le RGAA 4.1 niveau AA. The data shall be hosted in the EU.",
                &SpecOptions::default(),
            );
            if let Some(s) = r.score {
                assert!((0.0..=100.0).contains(&s));
            }
        }
        Err(d) => {
            assert!(!d.0.is_empty(), "an error without any diagnostic");
            let _ = d.to_string();
        }
    }
});
