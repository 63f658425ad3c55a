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
mod decide;
mod export;
mod import;
mod plan;
mod team;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use greychart_core::export::ExportDocument;
use greychart_core::import::Preset;
use greychart_core::model::{Audience, DecisionKind};
use greychart_store::{Passphrase, StoreError, Workspace};

#[derive(Parser)]
#[command(name = "greychart", version, about = "Release planning with the formal and the grey chart")]
struct Cli {
    /// Log what the command does to stderr (-v: each write with its timing; -vv: more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the demo workspace (refuses to overwrite).
    Demo {
        /// Where to write it.
        path: PathBuf,
    },
    /// Import a CSV file, a spreadsheet (.xlsx, .xls, .ods), a Jira or ServiceNow export, a folder of
    /// CSV tables or a workspace document into a workspace (created if missing); all or nothing.
    Import {
        /// The workspace.
        path: PathBuf,
        /// The file (or, with --kind csv-folder, the folder) to import.
        file: PathBuf,
        /// What the file holds (with --preset: changes, the default).
        #[arg(long, required_unless_present = "preset")]
        kind: Option<ImportKind>,
        /// Which of the file's columns hold which fields, for a file with
        /// other headers: FIELD=COLUMN,FIELD=COLUMN (e.g. id=Employee ID,name=Full name).
        #[arg(long, value_name = "FIELD=COLUMN,…", conflicts_with = "preset")]
        map: Option<String>,
        /// A known export: jira (issues as changes, "Blocks" links as dependencies) or
        /// servicenow (change requests as changes with their planned window).
        #[arg(long, value_parser = parse_preset)]
        preset: Option<Preset>,
        /// The sheet of a spreadsheet to read (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
    },
    /// Influence rank, formal rank, power gap and broker score per person.
    Influence {
        /// The workspace.
        path: PathBuf,
        /// Compute as of this date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// The strongest path of influence from one person to another.
    Path {
        /// The workspace.
        path: PathBuf,
        /// From this person's id.
        from: String,
        /// To this person's id.
        to: String,
        /// Compute as of this date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Factions: groups who sway each other more than outsiders, largest first.
    Factions {
        /// The workspace.
        path: PathBuf,
        /// Compute as of this date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Deploy order, critical path, the earliest feasible schedule and the
    /// conflicts of the plan.
    Plan {
        /// The workspace.
        path: PathBuf,
        /// The first day of work (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
        /// Print the schedule as CSV.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// Export from a workspace: the schedule, every table, the organisation or the whole workspace.
    Export {
        /// The workspace.
        path: PathBuf,
        /// What to write.
        #[arg(long)]
        format: ExportFormat,
        /// Write here instead of standard output (csv: the folder for one file per table).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The first day of work for the schedule (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Include private grey-chart data (claims, stances, profiles, engagement log); its files say PRIVATE.
        #[arg(long)]
        include_private: bool,
    },
    /// Blast radius: what waits on an item, and which services, teams and
    /// business owners it hits.
    Impact {
        /// The workspace.
        path: PathBuf,
        /// A change, release, component or service id.
        item: String,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Who must approve each release, by which rule, and where each stands.
    Approvals {
        /// The workspace.
        path: PathBuf,
        /// Only this release.
        release: Option<String>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Render a release's sign-off packet to PDF, or with --from and --to
    /// every release planned in that range into one PDF with a contents page.
    Packet {
        /// The workspace.
        path: PathBuf,
        /// The release (omit with --from and --to).
        #[arg(required_unless_present = "from", conflicts_with_all = ["from", "to"])]
        release: Option<String>,
        /// First day of the range (YYYY-MM-DD): every release whose planned window meets it.
        #[arg(long, value_parser = parse_date, requires = "to")]
        from: Option<NaiveDate>,
        /// Last day of the range (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date, requires = "from")]
        to: Option<NaiveDate>,
        /// signoff: to circulate, no grey-chart data; brief: adds the path to yes, marked confidential.
        #[arg(long, default_value = "signoff", value_parser = one_of(Audience::ALL, Audience::as_str))]
        audience: Audience,
        /// The packet's date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Gaps and age of the evidence, and who gained or lost influence lately
    /// with the claims behind it.
    Evidence {
        /// The workspace.
        path: PathBuf,
        /// Compute as of this date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Measure the movers over this many days before the date.
        #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(i64).range(1..=greychart_store::MOVERS_DAYS_MAX))]
        days: i64,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Encrypt a workspace with the passphrase in GREYCHART_NEW_PASSPHRASE, or
    /// change its passphrase; with --remove, store it unencrypted again. An
    /// encrypted workspace is opened with GREYCHART_PASSPHRASE.
    Passphrase {
        /// The workspace.
        path: PathBuf,
        /// Remove the encryption instead.
        #[arg(long)]
        remove: bool,
    },
    /// The team database on PostgreSQL: set it up, add users, publish, join, sync.
    #[command(subcommand)]
    Team(team::TeamCommand),
    /// Record a sign-off on a release: as "me", or with --for and --source on someone's behalf.
    Decide {
        /// The workspace.
        path: PathBuf,
        /// The release.
        release: String,
        /// approved, rejected or abstained.
        #[arg(long, value_parser = parse_decision)]
        decision: DecisionKind,
        /// Why.
        #[arg(long, default_value = "")]
        comment: String,
        /// On this person's behalf (needs --source).
        #[arg(long = "for", value_name = "PERSON", requires = "source")]
        on_behalf: Option<String>,
        /// Where their word is: a mail, the CAB minutes.
        #[arg(long, requires = "on_behalf")]
        source: Option<String>,
    },
    /// Move a release's planned window.
    Reschedule {
        /// The workspace.
        path: PathBuf,
        /// The release.
        release: String,
        /// First day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        start: NaiveDate,
        /// Last day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        end: NaiveDate,
    },
}

/// The kinds of file `import` reads.
#[derive(Clone, Copy, ValueEnum)]
enum ImportKind {
    People,
    Claims,
    Changes,
    Dependencies,
    /// id,name,kind
    Teams,
    /// id,name,stage,window_start,window_end,risk,cost
    Releases,
    /// id,name,owner_team,owner
    Components,
    /// id,name,business_owner,depends_on (ids joined by ;)
    Services,
    /// Deployment windows and freezes: id,name,kind,starts_on,ends_on,scope,scope_id
    Periods,
    /// id,person,starts_on,ends_on,note
    Absences,
    /// id,condition,role,approver,note
    ApprovalRules,
    /// Private: person,release,stance,noted_on,note
    Stances,
    /// Private: person,interest,involvement
    Profiles,
    /// Private, the engagement log: id,person,date,channel,summary
    Contacts,
    /// A workspace document written by `export --format json`.
    WorkspaceJson,
    /// A folder of the tables `export --format csv` writes (the PRIVATE files too).
    CsvFolder,
}

/// The formats `export` writes.
#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// iCalendar: deployments, windows and freezes.
    Ics,
    /// Every table as CSV, one file per table, into the folder given with -o.
    Csv,
    /// The organisation for Graphviz: the formal chart; with --include-private the grey chart too.
    Dot,
    /// The whole workspace as a versioned JSON document, to import again (--kind workspace-json).
    Json,
    /// The influence graph as GraphML (yEd, Gephi, Cytoscape): reporting lines; with --include-private the grey chart and its evidence.
    Graphml,
    /// The influence graph as GEXF 1.3 (Gephi): as GraphML.
    Gexf,
}

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

/// Parses one of a domain enum's names; `--help` lists them.
fn one_of<T>(all: &'static [T], name: fn(T) -> &'static str) -> impl clap::builder::TypedValueParser<Value = T>
where
    T: Copy + Send + Sync + 'static,
{
    use clap::builder::TypedValueParser;
    let names: Vec<&'static str> = all.iter().map(|&v| name(v)).collect();
    clap::builder::PossibleValuesParser::new(names)
        .try_map(move |text: String| all.iter().copied().find(|&v| name(v) == text).ok_or("not one of the names"))
}

fn parse_decision(s: &str) -> Result<DecisionKind, String> {
    match DecisionKind::parse(s) {
        Some(d @ (DecisionKind::Approved | DecisionKind::Rejected | DecisionKind::Abstained)) => Ok(d),
        _ => Err(format!("{s:?} is not a decision: approved, rejected or abstained")),
    }
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::parse(s).ok_or_else(|| format!("{s:?} is not a preset: jira or servicenow"))
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date like 2026-03-31"))
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
                on_behalf: on_behalf.as_deref().zip(source.as_deref()),
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
