//! An import run from the window: the file read, checked and written on a
//! worker thread while the window polls its progress and may cancel it
//! (SQLite's interrupt: the transaction fails and nothing is written).
//! Tauri-free.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use greychart_core::import::{ImportDone, ImportPreview, ImportProgress, ImportRequest, Prepared, Reading};
use greychart_core::{ApiError, ErrorCode};
use greychart_store::{ImportReport, ImportWatch, Workspace};

/// The largest file the window imports (as the command line).
const MAX_IMPORT_BYTES: u64 = 128 * 1024 * 1024;

/// Above this many rows the preview does not try the whole file against
/// the workspace (the import does, all or nothing).
const DRY_RUN_ROWS: usize = 50_000;

/// The import running (or last run).
#[derive(Default)]
pub struct Imports {
    phase: Mutex<&'static str>,
    total: AtomicUsize,
    watch: Mutex<Option<ImportWatch>>,
    cancelled: AtomicBool,
    running: AtomicBool,
}

impl Imports {
    fn set_phase(&self, phase: &'static str) {
        if let Ok(mut p) = self.phase.lock() {
            *p = phase;
        }
    }

    fn stopped(&self) -> Result<(), ApiError> {
        if self.cancelled.load(Ordering::Relaxed) {
            Err(cancelled())
        } else {
            Ok(())
        }
    }

    /// Stops the running import; nothing of it is written.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        if let Ok(watch) = self.watch.lock() {
            if let Some(watch) = watch.as_ref() {
                watch.cancel();
            }
        }
    }

    /// How far the import has got.
    pub fn progress(&self) -> ImportProgress {
        let written = self.watch.lock().ok().and_then(|w| w.as_ref().map(ImportWatch::written)).unwrap_or(0);
        let total = self.total.load(Ordering::Relaxed);
        ImportProgress {
            phase: self.phase.lock().map(|p| (*p).to_owned()).unwrap_or_default(),
            done: u32::try_from(written.min(total)).unwrap_or(u32::MAX),
            total: u32::try_from(total).unwrap_or(u32::MAX),
            running: self.running.load(Ordering::Relaxed),
        }
    }

    /// Reads, checks and writes the file of `request` into `ws`, all or nothing.
    pub fn run(&self, ws: &mut Workspace, request: &ImportRequest) -> Result<ImportDone, ApiError> {
        self.cancelled.store(false, Ordering::Relaxed);
        self.total.store(0, Ordering::Relaxed);
        self.running.store(true, Ordering::Relaxed);
        let result = self.run_steps(ws, request);
        if let Ok(mut watch) = self.watch.lock() {
            *watch = None;
        }
        self.set_phase("done");
        self.running.store(false, Ordering::Relaxed);
        result
    }

    fn run_steps(&self, ws: &mut Workspace, request: &ImportRequest) -> Result<ImportDone, ApiError> {
        self.set_phase("reading");
        let (name, reading) = read(request)?;
        self.stopped()?;
        self.set_phase("checking");
        let prepared = request.prepare(&reading).map_err(invalid)?;
        self.total.store(prepared.len(), Ordering::Relaxed);
        self.stopped()?;
        if let Ok(mut watch) = self.watch.lock() {
            *watch = Some(ws.watch());
        }
        self.set_phase("writing");
        let report = apply(ws, &name, &prepared, true).map_err(|e| {
            if self.cancelled.load(Ordering::Relaxed) {
                cancelled()
            } else {
                e
            }
        })?;
        Ok(done(&report))
    }
}

/// The dialog's preview of `request`; with the whole file checked against
/// the workspace (nothing written) when it is small enough.
pub fn preview(ws: &mut Workspace, request: &ImportRequest) -> Result<ImportPreview, ApiError> {
    let (name, reading) = read(request)?;
    let (mut preview, prepared) = request.preview(&reading);
    if let Some(prepared) = prepared.filter(|_| reading.sheet.rows.len() <= DRY_RUN_ROWS) {
        match apply(ws, &name, &prepared, false) {
            Ok(report) => {
                let done = done(&report);
                preview.notes.extend(done.created.into_iter().map(|c| format!("creates {c}")));
            }
            Err(e) => preview.problem = Some(e.message),
        }
    }
    Ok(preview)
}

fn read(request: &ImportRequest) -> Result<(String, Reading), ApiError> {
    let path = Path::new(&request.path);
    let name = path.file_name().map_or_else(|| request.path.clone(), |n| n.to_string_lossy().into_owned());
    let io = |e: std::io::Error| ApiError::new(ErrorCode::Io, format!("cannot read {}: {e}", request.path));
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ApiError::new(
            ErrorCode::Invalid,
            format!("{name} is {} MB; an import reads files of up to 128 MB: split it", size / (1024 * 1024)),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let reading = request.read(&name, &bytes).map_err(invalid)?;
    Ok((reading.sheet.file.clone(), reading))
}

fn apply(ws: &mut Workspace, name: &str, prepared: &Prepared, commit: bool) -> Result<ImportReport, ApiError> {
    Ok(match prepared {
        Prepared::Table(parsed) => ws.import(name, parsed, commit)?,
        Prepared::Plan(plan) => ws.import_plan(name, plan, commit)?,
    })
}

fn done(report: &ImportReport) -> ImportDone {
    let created = report
        .created_teams
        .iter()
        .map(|t| format!("team {t}"))
        .chain(report.created_releases.iter().map(|r| format!("release {r}")))
        .chain(report.created_components.iter().map(|c| format!("component {c}")))
        .collect();
    ImportDone { rows: u32::try_from(report.rows).unwrap_or(u32::MAX), created, left_out: report.left_out.clone() }
}

fn invalid(e: greychart_core::import::ImportError) -> ApiError {
    greychart_core::CoreError::Import(e).into()
}

fn cancelled() -> ApiError {
    ApiError::new(ErrorCode::Invalid, "import cancelled: nothing was written")
}
