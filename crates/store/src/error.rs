//! Errors of the store, and how they reach the user interface.

use greychart_core::{ApiError, CoreError, ErrorCode, ErrorDetail, ValidationError};

/// Everything the store can refuse or fail at.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The domain refused a value or an edit.
    #[error(transparent)]
    Core(#[from] CoreError),
    /// An id names nothing.
    #[error("no {entity} with id {id}")]
    NotFound {
        /// What was looked for.
        entity: &'static str,
        /// The id.
        id: String,
    },
    /// The edit conflicts with other records.
    #[error("{0}")]
    Conflict(String),
    /// The user cancelled a long write (an import): nothing was written.
    #[error("cancelled: nothing was written")]
    Cancelled,
    /// The edit is refused because of one record: it is still needed, or it
    /// is never edited. The page can point at it.
    #[error("{message}")]
    Kept {
        /// What is wrong, in plain words.
        message: String,
        /// The record's kind, as messages name it ("person", "decision").
        entity: &'static str,
        /// Its id.
        id: String,
    },
    /// The file was written by a newer Greychart.
    #[error("{path} was written by a newer Greychart (schema {found}; this version reads up to {supported}): update Greychart to open it")]
    TooNew {
        /// The file.
        path: String,
        /// Its schema version.
        found: i64,
        /// The newest this build reads.
        supported: i64,
    },
    /// The file is not a Greychart workspace, or is damaged.
    #[error("{path} is not a Greychart workspace: {reason}")]
    NotAWorkspace {
        /// The file.
        path: String,
        /// What SQLite said.
        reason: String,
    },
    /// The file is encrypted and the passphrase is missing or wrong.
    #[error("{}", if *tried { format!("the passphrase does not open {path}: try again") } else { format!("{path} is encrypted: enter its passphrase") })]
    Locked {
        /// The file.
        path: String,
        /// Whether a passphrase was given (and was wrong).
        tried: bool,
    },
    /// A file that should not exist does, or the reverse.
    #[error("{0}")]
    File(String),
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl StoreError {
    /// A validation error on `field`.
    pub fn invalid(field: &str, message: impl Into<String>) -> StoreError {
        StoreError::Core(CoreError::Invalid(ValidationError::new(field, message)))
    }
}

impl From<ValidationError> for StoreError {
    fn from(e: ValidationError) -> Self {
        StoreError::Core(CoreError::Invalid(e))
    }
}

impl From<greychart_core::import::ImportError> for StoreError {
    fn from(e: greychart_core::import::ImportError) -> Self {
        StoreError::Core(CoreError::Import(e))
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::Core(core) => return ApiError::from(core.clone()),
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Conflict(_) | StoreError::Cancelled => ErrorCode::Conflict,
            StoreError::Kept { entity, id, .. } => {
                let detail = ErrorDetail::Record { entity: (*entity).to_owned(), id: id.clone() };
                return ApiError { detail: Some(detail), ..ApiError::new(ErrorCode::Conflict, e.to_string()) };
            }
            StoreError::TooNew { .. } => ErrorCode::TooNew,
            StoreError::NotAWorkspace { .. } => ErrorCode::Database,
            StoreError::Locked { .. } => ErrorCode::Locked,
            StoreError::File(_) | StoreError::Io(_) => ErrorCode::Io,
            StoreError::Sqlite(_) => ErrorCode::Database,
        };
        ApiError::new(code, e.to_string())
    }
}

/// Results of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
