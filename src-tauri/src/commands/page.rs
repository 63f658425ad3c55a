//! What the page tells the app about itself: its unexpected errors (an
//! exception or a rejected promise nobody handled), for the app's log.

use greychart_core::ApiError;

/// The longest report kept, in characters: a stack trace, not a dump.
const LONGEST: usize = 4000;

/// Logs an unexpected error of the page, with where it happened.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn report_page_error(message: String, place: Option<String>) -> Result<(), ApiError> {
    let cut = |text: &str| text.chars().take(LONGEST).collect::<String>();
    tracing::error!(target: "greychart_page", place = cut(place.as_deref().unwrap_or("")), "{}", cut(&message));
    Ok(())
}
