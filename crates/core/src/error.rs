//! Errors of the core, and the `{code, message}` shape errors take when they
//! cross to the user interface or to scripts.

use serde::Serialize;
use ts_rs::TS;

/// A value that breaks a rule of the domain, naming the field at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, TS)]
#[error("{field}: {message}")]
pub struct ValidationError {
    /// The field at fault, as the forms and CSV headers name it.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl ValidationError {
    /// A validation error on `field`.
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self { field: field.to_owned(), message: message.into() }
    }
}

/// Everything the core can refuse.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CoreError {
    /// A field holds a value the domain does not allow.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// An edit would close a cycle; the members are listed in order, the
    /// first repeated at the end.
    #[error("{what} would form a cycle: {}", members.join(" → "))]
    Cycle {
        /// What kind of link closed the cycle ("reporting line", "dependency").
        what: String,
        /// The cycle's ids in order, first repeated last.
        members: Vec<String>,
    },
    /// A row of an imported file is wrong.
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    /// A table could not be written out.
    #[error("cannot export {0}")]
    Export(String),
}

/// The codes the user interface and scripts switch on. Never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// A field is invalid; `field` names it.
    Invalid,
    /// A cycle was refused; the message names its members.
    Cycle,
    /// An id names nothing in the workspace.
    NotFound,
    /// The edit conflicts with other records (for example, still referenced).
    Conflict,
    /// An imported file is wrong at a line and field.
    Import,
    /// The workspace was written by a newer Greychart.
    TooNew,
    /// No workspace is open.
    NoWorkspace,
    /// The workspace is encrypted: its passphrase is needed, or the one given is wrong.
    Locked,
    /// The file could not be read or written.
    Io,
    /// The workspace file is damaged or not a Greychart workspace.
    Database,
    /// A bug: please report it.
    Internal,
    /// The user's role in the team does not allow the edit (an approver
    /// reads the shared plan; only a manager edits it).
    Forbidden,
}

/// What the page acts on in an error, beyond its code and message, so that
/// it never has to read the message apart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorDetail {
    /// The members of a refused cycle.
    Cycle {
        /// What kind of link closed it ("reporting line", "dependency").
        what: String,
        /// The cycle's ids in order, the first repeated last.
        members: Vec<String>,
    },
    /// The record an edit was refused for: still needed by others, or never
    /// edited (a decision).
    Record {
        /// Its kind, as messages name it ("person", "decision").
        entity: String,
        /// Its id.
        id: String,
    },
}

/// An error as the user interface receives it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApiError {
    /// What kind of error: the UI switches on this, never on the message.
    pub code: ErrorCode,
    /// What happened and what to do, in plain words.
    pub message: String,
    /// The form field at fault, when there is one.
    pub field: Option<String>,
    /// What the page acts on, for the errors that carry more than a field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<ErrorDetail>,
}

/// For logs: the code, the field and the message, which never quotes a
/// claim's source or note.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code = serde_json::to_value(self.code).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        match &self.field {
            Some(field) => write!(f, "{code} ({field}): {}", self.message),
            None => write!(f, "{code}: {}", self.message),
        }
    }
}

impl ApiError {
    /// An error with no field.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: None, detail: None }
    }

    /// An error on the form field `field`.
    pub fn on_field(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: Some(field.to_owned()), detail: None }
    }
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Invalid(v) => ApiError::on_field(ErrorCode::Invalid, &v.field, v.message),
            CoreError::Cycle { ref what, ref members } => {
                let detail = ErrorDetail::Cycle { what: what.clone(), members: members.clone() };
                ApiError { detail: Some(detail), ..ApiError::new(ErrorCode::Cycle, e.to_string()) }
            }
            CoreError::Import(_) => ApiError::new(ErrorCode::Import, e.to_string()),
            CoreError::Export(_) => ApiError::new(ErrorCode::Io, e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_error_json_shape_is_pinned() {
        let e = ApiError::from(CoreError::from(ValidationError::new("strength", "must be between 0 and 1")));
        let json = serde_json::to_string(&e).unwrap_or_default();
        assert_eq!(json, r#"{"code":"invalid","message":"must be between 0 and 1","field":"strength"}"#);
        let codes = [ErrorCode::NotFound, ErrorCode::TooNew, ErrorCode::NoWorkspace];
        let names: Vec<String> = codes.iter().map(|c| serde_json::to_string(c).unwrap_or_default()).collect();
        assert_eq!(names, [r#""not_found""#, r#""too_new""#, r#""no_workspace""#]);
        let cycle = ApiError::from(CoreError::Cycle {
            what: "dependency".into(),
            members: vec!["a".into(), "b".into(), "a".into()],
        });
        assert_eq!(
            serde_json::to_string(&cycle).unwrap_or_default(),
            r#"{"code":"cycle","message":"dependency would form a cycle: a → b → a","field":null,"detail":{"kind":"cycle","what":"dependency","members":["a","b","a"]}}"#
        );
    }
}
