//! The desktop app's log: a file per day in the app's folder (`logs/`,
//! seven kept), one line per command with its duration (the span closing)
//! and a warning for each failure, one per committed write. Commands are
//! instrumented with their arguments skipped, so no passphrase and no
//! grey-chart text reaches the log; only ids, codes and timings do.
//! `GREYCHART_LOG` (an `EnvFilter`, e.g. `info` or `trace`) overrides the levels.

use std::path::Path;

use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::EnvFilter;

/// Debug from our own crates (commands, writes, the page's errors), warnings from the rest.
const LEVELS: &str = "warn,greychart_desktop=debug,greychart_store=debug,greychart_page=debug";

/// Sends the app's log to the daily file in `folder`.
pub fn init(folder: &Path) -> Result<(), String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("cannot create the log folder {}: {e}", folder.display()))?;
    let file = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("greychart")
        .filename_suffix("log")
        .max_log_files(7)
        .build(folder)
        .map_err(|e| format!("cannot write the log in {}: {e}", folder.display()))?;
    let levels = EnvFilter::try_from_env("GREYCHART_LOG").unwrap_or_else(|_| EnvFilter::new(LEVELS));
    tracing_subscriber::fmt()
        .with_writer(file)
        .with_ansi(false)
        .with_span_events(FmtSpan::CLOSE)
        .with_env_filter(levels)
        .try_init()
        .map_err(|e| format!("cannot start the log: {e}"))
}
