//! The fuzz targets' seeds, and every input a fuzzer ever found crashing
//! (kept in `fuzz/regressions/<target>/`), through the same importers: each
//! is read or refused with a message, never a panic.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use greychart_core::export::{parse_workspace_json, workspace_json};
use greychart_core::import::{parse_changes, parse_claims, parse_dependencies, parse_people};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut found = Vec::new();
    for folder in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            found.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    found
}

#[test]
fn every_seed_and_past_crash_reads_or_is_refused_without_a_panic() {
    let mut seen = 0;
    for (target, parse) in [
        (
            "people_csv",
            (|b: &[u8]| parse_people("f.csv", b).map(|_| ()).map_err(|e| e.to_string()))
                as fn(&[u8]) -> Result<(), String>,
        ),
        ("claims_csv", |b| parse_claims("f.csv", b).map(|_| ()).map_err(|e| e.to_string())),
        ("changes_csv", |b| parse_changes("f.csv", b).map(|_| ()).map_err(|e| e.to_string())),
        ("dependencies_csv", |b| parse_dependencies("f.csv", b).map(|_| ()).map_err(|e| e.to_string())),
    ] {
        for (name, bytes) in inputs(target) {
            let read = parse(&bytes);
            // The seeds exported from the demo must read.
            assert!(read.is_ok() || !name.contains("seeds"), "{name}: {read:?}");
            seen += 1;
        }
    }
    for (name, bytes) in inputs("workspace_json") {
        seen += 1;
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        let read = parse_workspace_json("f.json", text);
        assert!(read.is_ok() || !name.contains("seeds"), "{name}: {read:?}");
        if let Ok(workspace) = read {
            let again = workspace_json(&workspace, true).unwrap();
            assert_eq!(parse_workspace_json("again.json", &again).unwrap(), workspace, "{name}");
        }
    }
    assert!(seen >= 7, "the fuzz seeds were not found ({seen})");
}
