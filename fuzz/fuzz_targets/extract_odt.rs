//! `extract_bytes` on a `.odt`: the input as the whole file (first byte
//! even), or as `content.xml` inside a valid zip (first byte odd), so
//! that mutations reach the XML reader past the zip's checksums.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        reset_fuzz::extract_and_check("fuzz.odt", data);
        return;
    };
    if mode & 1 == 0 {
        reset_fuzz::extract_and_check("fuzz.odt", rest);
    } else {
        reset_fuzz::extract_and_check("fuzz.odt", &reset_fuzz::odt_with(rest));
    }
});
