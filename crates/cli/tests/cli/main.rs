//! Tests of the `greychart` command, run as a real process on real files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod approvals;
mod decide;
mod encryption;
mod exports;
mod fixtures;
mod imports;
mod logging;
mod output;
mod overdue;
mod packets;
mod planning;
mod spreadsheets;
mod team;

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

/// A temporary folder holding the demo workspace, written by `greychart demo`.
pub fn demo_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.greychart");
    greychart_ok(&["demo", s(&ws)]);
    (dir, ws)
}

/// Every private text of a workspace file: claim sources and notes, stance
/// notes, engagement summaries (read straight from SQLite), of 8 characters
/// or more.
pub fn private_texts(ws: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(ws).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT source FROM claims",
        "SELECT note FROM claims",
        "SELECT note FROM stances",
        "SELECT summary FROM engagements",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap).filter(|t| t.len() >= 8));
    }
    out
}

/// A path as a &str.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}
