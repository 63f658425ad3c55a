//! Store tests against real workspace files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod analyses;
mod approvals;
mod crash;
mod crud;
mod encryption;
mod files;
mod history;
mod imports;
mod window;

use std::path::PathBuf;

use chrono::NaiveDate;
use greychart_core::demo::demo_workspace;
use greychart_store::Workspace;

/// A temporary folder and a workspace path inside it.
pub fn temp_path(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    (dir, path)
}

/// The demo as of a fixed day.
pub fn demo_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// A fresh demo workspace file.
pub fn demo() -> (tempfile::TempDir, Workspace) {
    let (dir, path) = temp_path("demo.greychart");
    let ws = Workspace::create_with(&path, &demo_workspace(demo_day())).unwrap();
    (dir, ws)
}

/// Retires the `n`th claim of the workspace and returns it.
pub fn retire_claim(ws: &mut Workspace, n: usize) -> greychart_core::model::Claim {
    let mut claim = ws.read().list::<greychart_core::model::Claim>().unwrap().remove(n);
    claim.retired = true;
    ws.save(&claim).unwrap();
    claim
}
