//! `greychart`: the command line for scripts and CI (contract: the README's
//! "The command line" and docs/ARCHITECTURE.md).
//! Bad input exits with code 2 and a message naming file, line and field;
//! it changes nothing.

/// `println!` for the command's output, but a failure to write returns a
/// `Failure` from the enclosing function instead of panicking: a reader
/// that stops early (`greychart influence w.greychart | head`) closes the
/// pipe under it.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*).map_err($crate::Failure::from)?;
    }};
}

/// `print!`, as `say!`.
macro_rules! say_on {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*).map_err($crate::Failure::from)?;
    }};
}

mod analysis;
mod args;
mod decide;
mod export;
mod import;
mod plan;
mod team;
mod verify;

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use greychart_core::export::ExportDocument;
use greychart_store::{Passphrase, StoreError, Workspace};

use args::{Cli, Command, ExportFormat, ImportKind};

/// A failure, with the exit code it maps to.
#[derive(Debug, thiserror::Error)]
enum Failure {
    /// The user's input is wrong: exit 2.
    #[error("{0}")]
    Input(String),
    /// Something else failed: exit 1.
    #[error("{0}")]
    Internal(String),
    /// A sync left conflicts for the user to resolve: exit 3.
    #[error("{0}")]
    Conflicts(String),
    /// Whoever read the output stopped reading: exit quietly, as the
    /// usual command-line tools do.
    #[error("the output was closed")]
    Closed,
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::BrokenPipe => Failure::Closed,
            _ => Failure::Internal(format!("cannot write the output: {e}")),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Sqlite(_) | StoreError::Io(_) => Failure::Internal(e.to_string()),
            StoreError::Locked { .. } => {
                Failure::Input(format!("{e} (the command reads it from GREYCHART_PASSPHRASE)"))
            }
            other => Failure::Input(other.to_string()),
        }
    }
}

pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// With -v, the store's and the command's own events to stderr; no
/// record's text is ever logged, only ids and timings.
fn log_to_stderr(verbose: u8) {
    let levels = match verbose {
        0 => return,
        1 => "warn,greychart=debug,greychart_store=debug",
        _ => "debug,greychart=trace,greychart_store=trace",
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(tracing_subscriber::EnvFilter::new(levels))
        .try_init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    log_to_stderr(cli.verbose);
    let started = std::time::Instant::now();
    let result = match cli.command {
        Command::Demo { path } => demo(&path),
        Command::Passphrase { path, remove } => set_passphrase(&path, remove),
        Command::Team(command) => team::run(command),
        Command::Decide { path, release, decision, comment, on_behalf, source } => decide::decide(
            &path,
            decide::Decide {
                release: &release,
                decision,
                comment: &comment,
                approver: on_behalf.as_deref(),
                source: source.as_deref(),
            },
        ),
        Command::Reschedule { path, release, start, end } => decide::reschedule(&path, &release, start, end),
        Command::Import { path, file, kind, map, preset, sheet } => {
            import::run(&path, &file, import::Source { kind, map: map.as_deref(), preset, sheet: sheet.as_deref() })
        }
        Command::Influence { path, as_of, json } => analysis::influence(&path, as_of.unwrap_or_else(today), json),
        Command::Path { path, from, to, as_of, json } => {
            analysis::path(&path, &from, &to, as_of.unwrap_or_else(today), json)
        }
        Command::Factions { path, as_of, json } => analysis::factions(&path, as_of.unwrap_or_else(today), json),
        Command::Plan { path, from, json, csv } => plan::plan(&path, from.unwrap_or_else(today), json, csv),
        Command::Export { path, format, output, from, include_private } => {
            let document = |d| export::export_document(&path, d, today(), output.as_deref(), include_private);
            match format {
                ExportFormat::Ics => export::export_ics(&path, from.unwrap_or_else(today), output.as_deref()),
                ExportFormat::Csv => export::export_csv(&path, output.as_deref(), include_private),
                ExportFormat::Json => document(ExportDocument::Json),
                ExportFormat::Graphml => document(ExportDocument::Graphml),
                ExportFormat::Gexf => document(ExportDocument::Gexf),
                ExportFormat::Dot => document(ExportDocument::Dot),
            }
        }
        Command::Impact { path, item, json } => plan::impact(&path, &item, json),
        Command::Approvals { path, release, json } => plan::approvals(&path, release.as_deref(), json),
        Command::Packet { path, release, from, to, audience, date, output } => match (release, from.zip(to)) {
            (Some(release), _) => Ok(plan::Packets::One(release)),
            (None, Some((from, to))) => Ok(plan::Packets::Range(from, to)),
            // clap requires one or the other; kept for a clear message all the same.
            (None, None) => Err(Failure::Input("name a release, or a range with --from and --to".into())),
        }
        .and_then(|which| plan::packet(&path, &which, audience, date.unwrap_or_else(today), &output)),
        Command::Evidence { path, as_of, days, json } => {
            analysis::evidence(&path, as_of.unwrap_or_else(today), days, json)
        }
    };
    let ms = (started.elapsed().as_secs_f64() * 1e5).round() / 100.0;
    match &result {
        Ok(()) | Err(Failure::Closed) => tracing::debug!(ms, "done"),
        Err(Failure::Input(_)) => tracing::debug!(ms, "refused (exit 2)"),
        Err(Failure::Internal(_)) => tracing::warn!(ms, "failed (exit 1)"),
        Err(Failure::Conflicts(_)) => tracing::info!(ms, "conflicts remain (exit 3)"),
    }
    match result {
        Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("greychart: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Internal(message)) => {
            eprintln!("greychart: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Conflicts(message)) => {
            eprintln!("greychart: {message}");
            ExitCode::from(3)
        }
    }
}

/// A passphrase from an environment variable; unset or empty: none.
fn passphrase_from(variable: &str) -> Result<Option<Passphrase>, Failure> {
    match std::env::var(variable) {
        Ok(text) if !text.is_empty() => Ok(Some(Passphrase::new(text)?)),
        _ => Ok(None),
    }
}

/// Opens a workspace; an encrypted one with `GREYCHART_PASSPHRASE`.
fn open(path: &std::path::Path) -> Result<Workspace, Failure> {
    Ok(Workspace::open_with(path, passphrase_from("GREYCHART_PASSPHRASE")?.as_ref())?)
}

fn set_passphrase(path: &std::path::Path, remove: bool) -> Result<(), Failure> {
    let new = passphrase_from("GREYCHART_NEW_PASSPHRASE")?;
    if new.is_none() && !remove {
        return Err(Failure::Input(
            "set GREYCHART_NEW_PASSPHRASE to the new passphrase (or give --remove to store the workspace unencrypted)"
                .into(),
        ));
    }
    let mut ws = open(path)?;
    ws.set_passphrase(if remove { None } else { new.as_ref() })?;
    if remove {
        say!("{} is no longer encrypted", path.display());
    } else {
        say!("{} is encrypted: open it with its passphrase (GREYCHART_PASSPHRASE for this command)", path.display());
    }
    Ok(())
}

fn demo(path: &std::path::Path) -> Result<(), Failure> {
    let data = greychart_core::demo::demo_workspace(today());
    Workspace::create_with(path, &data)?;
    say!(
        "wrote the demo workspace to {}: {} people, {} claims, {} releases, {} changes",
        path.display(),
        data.people.len(),
        data.claims.len(),
        data.releases.len(),
        data.changes.len()
    );
    Ok(())
}

/// Prints a value as pretty JSON.
fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Internal(e.to_string()))?;
    say!("{text}");
    Ok(())
}
