//! `greychart team`: the team database on PostgreSQL. URLs are libpq URIs;
//! a password comes from the URL or `PGPASSWORD` and is never stored.

use clap::Subcommand;
use greychart_team::{Connection, Role, TeamError};

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
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| format!("{text:?} is not a role: manager, approver or admin"))
}

fn failure(e: TeamError) -> Failure {
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
    }
}
