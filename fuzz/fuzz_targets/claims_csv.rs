//! Any bytes as a claims CSV: parsed or refused with a message, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = greychart_core::import::parse_claims("claims.csv", data);
});
