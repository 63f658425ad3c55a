//! The command line's grammar: every command, its arguments and the values
//! they take, as clap reads them (the contract is in the README).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use greychart_core::import::Preset;
use greychart_core::model::{Audience, DecisionKind};

use crate::team;

#[derive(Parser)]
#[command(name = "greychart", version, about = "Release planning with the formal and the grey chart")]
pub(crate) struct Cli {
    /// Log what the command does to stderr (-v: each write with its timing; -vv: more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
    /// Record a sign-off on a release: as yourself ("me", or your team login), for
    /// someone who delegated to you, or with --for and --source on someone's behalf.
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
        /// For this person: on their behalf with --source (a manager), or as
        /// their delegate (a team workspace).
        #[arg(long = "for", value_name = "PERSON")]
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
pub(crate) enum ImportKind {
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
pub(crate) enum ExportFormat {
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

/// Parses one of a domain enum's names; `--help` lists them.
pub(crate) fn one_of<T>(
    all: &'static [T],
    name: fn(T) -> &'static str,
) -> impl clap::builder::TypedValueParser<Value = T>
where
    T: Copy + Send + Sync + 'static,
{
    use clap::builder::TypedValueParser;
    let names: Vec<&'static str> = all.iter().map(|&v| name(v)).collect();
    clap::builder::PossibleValuesParser::new(names)
        .try_map(move |text: String| all.iter().copied().find(|&v| name(v) == text).ok_or("not one of the names"))
}

pub(crate) fn parse_decision(s: &str) -> Result<DecisionKind, String> {
    match DecisionKind::parse(s) {
        Some(d @ (DecisionKind::Approved | DecisionKind::Rejected | DecisionKind::Abstained)) => Ok(d),
        _ => Err(format!("{s:?} is not a decision: approved, rejected or abstained")),
    }
}

pub(crate) fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::parse(s).ok_or_else(|| format!("{s:?} is not a preset: jira or servicenow"))
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date like 2026-03-31"))
}
