//! `extract_bytes` on arbitrary bytes named `fuzz.pdf`.
//!
//! The PDF reader runs lopdf inside `catch_unwind` on purpose: a panic
//! raised inside lopdf becomes an error for that document, which is the
//! behaviour wanted. libFuzzer's panic hook would abort on it all the same,
//! so this target lets panics located in lopdf unwind (and counts them),
//! and aborts on any other panic: one in our own code is a crash.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

static HOOK: Once = Once::new();
static CAUGHT: AtomicUsize = AtomicUsize::new(0);

fn install_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_lopdf = info.location().is_some_and(|l| l.file().contains("lopdf"));
            if in_lopdf {
                let n = CAUGHT.fetch_add(1, Ordering::Relaxed) + 1;
                if n.is_power_of_two() {
                    eprintln!("(lopdf panics caught so far: {n}; last: {info})");
                }
                return;
            }
            previous(info);
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    install_hook();
    reset_fuzz::extract_and_check("fuzz.pdf", data);
});
