//! Users: one PostgreSQL login role per user, in the group role of what
//! they may do, mapped to a person of the team.

use crate::connect::Connection;
use crate::error::{Result, TeamError};

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Edits the plan, rules and requirements; records decisions given on
    /// paper or by mail, on someone's behalf, with their source.
    Manager,
    /// Reads the plan; decides as themselves or under a delegation.
    Approver,
    /// Manages users and delegations.
    Admin,
}

impl Role {
    /// Reads `manager`, `approver` or `admin`.
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "manager" => Some(Role::Manager),
            "approver" => Some(Role::Approver),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Approver => "approver",
            Role::Admin => "admin",
        }
    }

    /// The group role it grants.
    fn group(self) -> String {
        format!("greychart_{}", self.as_str())
    }
}

/// Checks a login: letters, digits and `_ . @ -`, at most 63 bytes.
fn check_login(login: &str) -> Result<()> {
    if login.is_empty() || login.len() > 63 {
        return Err(TeamError::Invalid(format!("the login {login:?} must have 1 to 63 characters")));
    }
    if !login.chars().all(|c| c.is_ascii_alphanumeric() || "_.@-".contains(c)) {
        return Err(TeamError::Invalid(format!("the login {login:?} may hold only letters, digits and _ . @ -")));
    }
    if login.starts_with("pg_") || login.starts_with("greychart_") {
        return Err(TeamError::Invalid(format!("the login {login:?} is reserved")));
    }
    Ok(())
}

impl Connection {
    /// The role of the login connected as, if it is a member of the team.
    pub fn role(&self) -> Result<Option<String>> {
        self.run(async {
            let client = self.pool.get().await?;
            let has_schema: bool =
                client.query_one("SELECT to_regclass('greychart.members') IS NOT NULL", &[]).await?.get(0);
            if !has_schema {
                return Ok(None);
            }
            Ok(client.query_opt("SELECT greychart.my_role()", &[]).await?.and_then(|r| r.get(0)))
        })
    }

    /// Adds a user: a login role with `password`, in `role`'s group, mapped
    /// to `person`. Refuses a login that exists.
    pub fn add_user(&self, login: &str, person: &str, role: Role, password: &str) -> Result<()> {
        check_login(login)?;
        if person.trim().is_empty() {
            return Err(TeamError::Invalid("--person must name a person of the team".to_owned()));
        }
        if password.chars().count() < 8 {
            return Err(TeamError::Invalid("the password must have at least 8 characters".to_owned()));
        }
        self.run(async {
            let mut client = self.pool.get().await?;
            let tx = client.transaction().await?;
            if tx.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&login]).await?.is_some() {
                return Err(TeamError::Invalid(format!("the login {login} exists already")));
            }
            // PostgreSQL quotes the name and the password itself (%I, %L).
            let create: String = tx
                .query_one(
                    "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', $1::text, $2::text, $3::text)",
                    &[&login, &password, &role.group()],
                )
                .await?
                .get(0);
            tx.batch_execute(&create).await?;
            tx.execute(
                "INSERT INTO greychart.members (login, person, role) VALUES ($1, $2, $3)",
                &[&login, &person, &role.as_str()],
            )
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}

impl Connection {
    /// Lets `delegate` decide for `delegator` (`None`: the connected user's
    /// own person) from `from` to `until`, both days included. An approver
    /// delegates for themselves; an admin for anyone.
    pub fn delegate(
        &self,
        delegator: Option<&str>,
        delegate: &str,
        from: chrono::NaiveDate,
        until: chrono::NaiveDate,
    ) -> Result<i64> {
        if until < from {
            return Err(TeamError::Invalid(format!("--until {until} is before --from {from}")));
        }
        self.run(async {
            let client = self.pool.get().await?;
            let row = client
                .query_one(
                    "INSERT INTO greychart.delegations (delegator, delegate, starts_on, ends_on)
                     VALUES (coalesce($1, greychart.my_person()), $2, $3, $4) RETURNING id",
                    &[&delegator, &delegate, &from, &until],
                )
                .await
                .map_err(|e| match e.as_db_error() {
                    Some(db) if db.message().contains("row-level security") => TeamError::Refused(format!(
                        "{} may not delegate for {}: an approver delegates for themselves, an admin for anyone",
                        self.login,
                        delegator.unwrap_or("themselves")
                    )),
                    _ => e.into(),
                })?;
            Ok(row.get(0))
        })
    }

    /// Turns separation of duties on or off for the whole team (an
    /// admin's): nobody then decides on a release they requested or last
    /// rescoped.
    pub fn separate_duties(&self, on: bool) -> Result<()> {
        self.run(async {
            let client = self.pool.get().await?;
            let changed = client
                .execute(
                    "UPDATE greychart.policies SET enabled = $1, set_by = session_user, set_at = now()
                     WHERE name = 'separation_of_duties'",
                    &[&on],
                )
                .await
                .map_err(|e| match e.as_db_error() {
                    Some(db) if db.code() == &tokio_postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
                        TeamError::Refused(format!("only an admin sets the team's policies; {} is not one", self.login))
                    }
                    _ => e.into(),
                })?;
            if changed == 0 {
                return Err(TeamError::Refused(format!(
                    "only an admin sets the team's policies; {} is not one",
                    self.login
                )));
            }
            Ok(())
        })
    }

    /// Whether the team separates duties.
    pub fn separates_duties(&self) -> Result<bool> {
        self.run(async {
            let client = self.pool.get().await?;
            Ok(client.query_one("SELECT greychart.separates_duties()", &[]).await?.get(0))
        })
    }

    /// The delegations not yet over (today's and those to come), by first day.
    pub fn delegations(&self) -> Result<Vec<Delegation>> {
        self.run(async {
            let client = self.pool.get().await?;
            let rows = client
                .query(
                    "SELECT id, delegator, delegate, starts_on, ends_on FROM greychart.delegations
                     WHERE ends_on >= current_date ORDER BY starts_on, id",
                    &[],
                )
                .await?;
            Ok(rows
                .iter()
                .map(|r| Delegation {
                    id: r.get(0),
                    delegator: r.get(1),
                    delegate: r.get(2),
                    from: r.get(3),
                    until: r.get(4),
                })
                .collect())
        })
    }
}

/// Someone who decides for an approver over a date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delegation {
    /// The team's id for it.
    pub id: i64,
    /// The approver away (a person).
    pub delegator: String,
    /// Who decides meanwhile (a person).
    pub delegate: String,
    /// The first day.
    pub from: chrono::NaiveDate,
    /// The last day.
    pub until: chrono::NaiveDate,
}
