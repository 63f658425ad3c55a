//! `greychart team`: the team database on PostgreSQL. URLs are libpq URIs;
//! a password comes from the URL or `PGPASSWORD` and is never stored.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use greychart_store::Workspace;
use greychart_team::{queued, Connection, Role, TeamError};

use crate::Failure;

/// What `greychart team` does.
#[derive(Subcommand)]
pub(crate) enum TeamCommand {
    /// Create or upgrade the schema and the group roles (URL of a role allowed
    /// to create roles); running it again changes nothing.
    Init {
        /// postgresql://LOGIN@HOST:PORT/DATABASE
        url: String,
    },
    /// Add a user: a login with the password in GREYCHART_NEW_PASSWORD, mapped to a person.
    AddUser {
        /// postgresql://LOGIN@HOST:PORT/DATABASE of a role allowed to create roles
        url: String,
        /// The new user's login.
        login: String,
        /// The person of the team they are.
        #[arg(long)]
        person: String,
        /// manager, approver or admin.
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// Upload the shared part of FILE into an empty team database; FILE becomes a team workspace.
    Publish {
        /// The workspace.
        file: PathBuf,
        /// postgresql://LOGIN@HOST:PORT/DATABASE (a manager's login)
        url: String,
    },
    /// Make FILE (new or existing) a copy of the team's shared data; its private grey chart stays.
    Join {
        /// The workspace.
        file: PathBuf,
        /// postgresql://LOGIN@HOST:PORT/DATABASE
        url: String,
    },
    /// Push the edits made here, pull the others'. Exit 3 while conflicts remain.
    Sync {
        /// The team workspace.
        file: PathBuf,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Keep one side of a conflict.
    Resolve {
        /// The team workspace.
        file: PathBuf,
        /// The kind of record (release, change, person, …).
        table: String,
        /// Its id.
        id: String,
        /// Which value to keep.
        #[arg(long)]
        keep: Keep,
    },
    /// Let someone decide for an approver over a date range (an approver for themselves, an admin for anyone).
    Delegate {
        /// The team workspace.
        file: PathBuf,
        /// The person who decides meanwhile.
        #[arg(long)]
        to: String,
        /// The first day (YYYY-MM-DD).
        #[arg(long, value_parser = crate::args::parse_date)]
        from: chrono::NaiveDate,
        /// The last day (YYYY-MM-DD).
        #[arg(long, value_parser = crate::args::parse_date)]
        until: chrono::NaiveDate,
        /// The approver who delegates (an admin's choice; else yourself).
        #[arg(long = "for")]
        delegator: Option<String>,
    },
    /// Separation of duties for the whole team (an admin's URL): with it on, nobody signs off a release they requested or last rescoped.
    SeparateDuties {
        /// postgresql://LOGIN@HOST:PORT/DATABASE of an admin
        url: String,
        /// on or off.
        #[arg(value_parser = ["on", "off"])]
        state: String,
    },
    /// Check a sign-off packet's electronic sign-offs against the team: ID is the packet's document id (as of today) or one decision fingerprint. Exit 3 when one does not verify.
    Verify {
        /// The team workspace.
        file: PathBuf,
        /// The document id printed on the packet, or a decision fingerprint (xxxx-xxxx-xxxx).
        id: String,
    },
    /// Where the team workspace stands: server, login, queued edits, conflicts, last sync.
    Status {
        /// The team workspace.
        file: PathBuf,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

/// Which side of a conflict to keep.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Keep {
    /// This workspace's value (pushed at the next sync).
    Mine,
    /// The team's value.
    Theirs,
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| format!("{text:?} is not a role: manager, approver or admin"))
}

pub(crate) fn failure(e: TeamError) -> Failure {
    // Every team error is about what the user gave or reached: exit 2.
    Failure::Input(e.to_string())
}

pub(crate) fn run(command: TeamCommand) -> Result<(), Failure> {
    match command {
        TeamCommand::Init { url } => {
            let init = Connection::open(&url).and_then(|c| c.init()).map_err(failure)?;
            if init.from == init.to {
                say!("the team database is at schema {}: nothing to do", init.to);
            } else {
                say!("the team database is at schema {} (was {})", init.to, init.from);
            }
            Ok(())
        }
        TeamCommand::AddUser { url, login, person, role } => {
            let password = std::env::var("GREYCHART_NEW_PASSWORD")
                .map_err(|_| Failure::Input("set the new user's password in GREYCHART_NEW_PASSWORD".to_owned()))?;
            Connection::open(&url).and_then(|c| c.add_user(&login, &person, role, &password)).map_err(failure)?;
            say!("added {login} ({}) as {person}", role.as_str());
            Ok(())
        }
        TeamCommand::Publish { file, url } => {
            let mut ws = crate::open(&file)?;
            let published = Connection::open(&url).and_then(|c| c.publish(&mut ws, &url)).map_err(failure)?;
            say!(
                "published {} shared records and {} decisions of {} to {}",
                published.records,
                published.decisions,
                file.display(),
                greychart_team::without_password(&url)
            );
            for refused in &published.refused {
                say!("not published: {refused}");
            }
            Ok(())
        }
        TeamCommand::Join { file, url } => {
            let mut ws = if file.exists() { crate::open(&file)? } else { Workspace::create(&file)? };
            let (count, kept) = Connection::open(&url).and_then(|c| c.join(&mut ws, &url)).map_err(failure)?;
            say!("joined {}: {count} shared records", greychart_team::without_password(&url));
            if !kept.is_empty() {
                say!("kept here only, not in the team (your grey chart names them): {}", kept.join(", "));
            }
            Ok(())
        }
        TeamCommand::Sync { file, json } => {
            let mut ws = crate::open(&file)?;
            let url = linked(&ws, &file)?;
            let report = Connection::open(&url).and_then(|c| c.sync(&mut ws)).map_err(failure)?;
            if json {
                let text = serde_json::to_string_pretty(&report).map_err(|e| Failure::Internal(e.to_string()))?;
                say!("{text}");
            } else {
                say!("pushed {}, pulled {}", report.pushed, report.pulled);
                for r in &report.refused {
                    say!("refused: {r}");
                }
                for c in &report.conflicts {
                    say!("conflict: {} {} {}: mine {} / theirs {}", c.table, c.id, c.field, c.mine, c.theirs);
                }
            }
            if report.conflicts.is_empty() {
                Ok(())
            } else {
                Err(Failure::Conflicts(format!(
                    "{} conflicting fields: keep one side with `greychart team resolve`",
                    report.conflicts.len()
                )))
            }
        }
        TeamCommand::Resolve { file, table, id, keep } => {
            let mut ws = crate::open(&file)?;
            ws.resolve_team_conflict(&table, &id, matches!(keep, Keep::Mine))?;
            say!("kept {} for {table} {id}", if matches!(keep, Keep::Mine) { "mine" } else { "theirs" });
            Ok(())
        }
        TeamCommand::Delegate { file, to, from, until, delegator } => {
            let ws = crate::open(&file)?;
            let url = linked(&ws, &file)?;
            let me = ws.team_setting("team_person")?.unwrap_or_default();
            let who = delegator.clone().unwrap_or(me);
            for person in [&who, &to] {
                if ws.read().get::<greychart_core::model::Person>(&[person.as_str()])?.is_none() {
                    return Err(Failure::Input(format!("no person with id {person} in the team")));
                }
            }
            Connection::open(&url).and_then(|c| c.delegate(delegator.as_deref(), &to, from, until)).map_err(failure)?;
            say!("{to} decides for {who} from {from} to {until}");
            Ok(())
        }
        TeamCommand::SeparateDuties { url, state } => {
            let on = state == "on";
            Connection::open(&url).and_then(|c| c.separate_duties(on)).map_err(failure)?;
            say!(
                "separation of duties is {state}: {}",
                if on {
                    "nobody signs off a release they requested or last rescoped"
                } else {
                    "anyone asked may sign off"
                }
            );
            Ok(())
        }
        TeamCommand::Verify { file, id } => crate::verify::verify(&file, &id),
        TeamCommand::Status { file, json } => {
            let ws = crate::open(&file)?;
            let url = linked(&ws, &file)?;
            let login = ws.team_setting("team_login")?.unwrap_or_default();
            let queued = queued(&ws, &login).map_err(failure)?.len() + ws.queued_team_decisions()?.len();
            let role = ws.team_setting("team_role")?.unwrap_or_default();
            let person = ws.team_setting("team_person")?.unwrap_or_default();
            let conflicts = ws.team_conflicts()?.len();
            let last_sync = ws.team_setting("team_last_sync")?;
            let server = match Connection::open(&url) {
                Ok(c) => {
                    c.role().map_err(failure)?.map_or("online, not a member".to_owned(), |r| format!("online as {r}"))
                }
                Err(e) => format!("offline ({e})"),
            };
            if json {
                let value = serde_json::json!({
                    "server": greychart_team::without_password(&url), "login": login, "person": person,
                    "role": role, "state": server,
                    "queued": queued, "conflicts": conflicts, "last_sync": last_sync,
                });
                say!("{value:#}");
            } else {
                say!(
                    "{} as {login}: {server}; {queued} edits queued, {conflicts} conflicts",
                    greychart_team::without_password(&url)
                );
            }
            Ok(())
        }
    }
}

/// The team database a workspace is linked to, with the password from PGPASSWORD.
pub(crate) fn linked(ws: &Workspace, file: &std::path::Path) -> Result<String, Failure> {
    ws.team_setting("team_url")?.ok_or_else(|| {
        Failure::Input(format!("{} is not a team workspace: publish it or join a team first", file.display()))
    })
}
