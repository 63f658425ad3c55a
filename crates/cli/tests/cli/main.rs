//! Tests of the `greychart` command, run as a real process on real files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod approvals;
mod exports;
mod fixtures;
mod imports;
mod packets;
mod planning;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `greychart` with `args`.
pub fn greychart(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_greychart")).args(args).output().unwrap()
}

/// Runs `greychart` and returns stdout, failing the test on a non-zero exit.
pub fn greychart_ok(args: &[&str]) -> String {
    let out = greychart(args);
    assert!(out.status.success(), "greychart {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The shared reference fixtures.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// A path as a &str.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}
