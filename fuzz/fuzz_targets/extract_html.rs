//! `extract_bytes` on arbitrary bytes named `fuzz.html`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    reset_fuzz::extract_and_check("fuzz.html", data);
});
