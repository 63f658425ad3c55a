//! Every command the window may invoke, one module per area of the app.
//! Each command takes the session, calls the store or the core, and
//! converts errors to `ApiError`. This folder is the registry: `build.rs`
//! reads the `#[tauri::command]` functions here and generates the invoke
//! handler, the window's capability and the page's typed wrappers
//! (`ui/src/api.ts`), so a command is declared once, as its function.

pub mod approvals;
pub mod exports;
pub mod grey_chart;
pub mod history;
pub mod import;
pub mod packets;
pub mod page;
pub mod plan;
pub mod records;
pub mod team;
pub mod workspace;

use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use greychart_core::{ApiError, ErrorCode};
use tauri::State;

use crate::session::Session;

pub(crate) type SessionState<'a> = State<'a, Mutex<Session>>;

pub(crate) fn lock<'a>(state: &'a SessionState<'_>) -> Result<MutexGuard<'a, Session>, ApiError> {
    state.lock().map_err(|_| {
        ApiError::new(ErrorCode::Internal, "the session is unusable after an earlier failure; restart Greychart")
    })
}

/// The analysis date: the given `YYYY-MM-DD`, or today.
pub(crate) fn as_of_date(as_of: Option<String>) -> Result<NaiveDate, ApiError> {
    match as_of {
        Some(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            ApiError::on_field(ErrorCode::Invalid, "as_of", format!("{text:?} is not a date like 2026-03-31"))
        }),
        None => Ok(chrono::Local::now().date_naive()),
    }
}
