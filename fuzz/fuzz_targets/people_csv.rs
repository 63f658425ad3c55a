//! Any bytes as a people CSV: parsed or refused with a message, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = greychart_core::import::parse_people("people.csv", data);
});
