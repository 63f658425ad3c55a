//! What can go wrong with a team database, in words a user can act on.

/// A team database error.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// The URL does not read.
    #[error("{0}")]
    Url(String),
    /// The server cannot be reached, or refused the login.
    #[error("cannot connect to the team database: {0}")]
    Connect(String),
    /// The database was set up by a newer Greychart.
    #[error("the team database has schema {found}; this Greychart reads up to {supported}: update Greychart (the database was left untouched)")]
    TooNew {
        /// Its schema version.
        found: i64,
        /// The newest this build knows.
        supported: i64,
    },
    /// A value given is not acceptable (a login, a role, a password).
    #[error("{0}")]
    Invalid(String),
    /// PostgreSQL refused a statement (a permission, a constraint).
    #[error("the team database refused it: {0}")]
    Refused(String),
    /// PostgreSQL refused the password (SQLSTATE 28P01); a login not
    /// permitted for now is `Refused`, and may be let in again.
    #[error("the team database refused the login: {0}")]
    Login(String),
}

impl From<tokio_postgres::Error> for TeamError {
    fn from(e: tokio_postgres::Error) -> Self {
        match e.as_db_error() {
            Some(db) if db.code() == &tokio_postgres::error::SqlState::INVALID_PASSWORD => {
                TeamError::Login(db.message().to_owned())
            }
            Some(db) => TeamError::Refused(db.message().to_owned()),
            None => TeamError::Connect(e.to_string()),
        }
    }
}

impl From<deadpool_postgres::PoolError> for TeamError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        match e {
            deadpool_postgres::PoolError::Backend(e) => e.into(),
            other => TeamError::Connect(other.to_string()),
        }
    }
}

/// Results of the team database.
pub type Result<T, E = TeamError> = std::result::Result<T, E>;
