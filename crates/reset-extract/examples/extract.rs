//! Prints the blocks of each file given: `cargo run -p reset-extract --example extract -- FILE...`
//! (what `reset-check extract FILE` will show).

use reset_extract::{extract_path, render_text, Limits};

fn main() {
    for arg in std::env::args().skip(1) {
        match extract_path(std::path::Path::new(&arg), &Limits::default()) {
            Ok(doc) => print!("== {} ({})\n{}", doc.source, doc.format, render_text(&doc)),
            Err(e) => eprintln!("error: {e}"),
        }
    }
}
