//! The whole workspace as one JSON document, to move it between machines or
//! into other tools, and back. The document is versioned:
//!
//! ```json
//! { "format": "greychart-workspace", "version": 1, "private": false,
//!   "workspace": { "people": [...], "releases": [...], ... } }
//! ```
//!
//! `workspace` holds the fields of [`WorkspaceData`] (see `ui/src/bindings.ts`
//! for each record's fields). Without `private`, the grey-chart tables
//! (claims, stances, stakeholder profiles, engagement log) are empty; with
//! it, `"private": true` says the file holds them. A reader refuses a
//! document of another format or of a newer version, naming both.

use serde::{Deserialize, Serialize};

use crate::import::ImportError;
use crate::model::WorkspaceData;
use crate::CoreError;

/// What `format` says in every workspace document.
pub const WORKSPACE_FORMAT: &str = "greychart-workspace";

/// The version this Greychart writes and the newest it reads.
pub const WORKSPACE_JSON_VERSION: u32 = 1;

/// The document around the data.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document<W> {
    format: String,
    version: u32,
    private: bool,
    workspace: W,
}

/// The envelope alone, read first so a foreign or newer file is refused
/// with its own words rather than a field error.
#[derive(Deserialize)]
struct Envelope {
    format: Option<String>,
    version: Option<u32>,
}

/// `data` as a workspace document; grey-chart tables only with `private`.
pub fn workspace_json(data: &WorkspaceData, private: bool) -> Result<String, CoreError> {
    let shared;
    let workspace = if private {
        data
    } else {
        shared = WorkspaceData {
            claims: Vec::new(),
            stances: Vec::new(),
            profiles: Vec::new(),
            engagements: Vec::new(),
            ..data.clone()
        };
        &shared
    };
    let document =
        Document { format: WORKSPACE_FORMAT.to_owned(), version: WORKSPACE_JSON_VERSION, private, workspace };
    let mut text = serde_json::to_string_pretty(&document).map_err(|e| CoreError::Export(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Reads a workspace document from `text` (`file` names it in errors, with
/// the line and the field at fault).
pub fn parse_workspace_json(file: &str, text: &str) -> Result<WorkspaceData, ImportError> {
    let at = |e: &serde_json::Error| ImportError::new(file, e.line() as u64, None, json_message(e));
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| at(&e))?;
    match (envelope.format.as_deref(), envelope.version) {
        (Some(WORKSPACE_FORMAT), Some(v)) if v <= WORKSPACE_JSON_VERSION => {}
        (Some(WORKSPACE_FORMAT), Some(v)) => {
            return Err(ImportError::new(
                file,
                1,
                Some("version"),
                format!("this is a version {v} workspace document; this Greychart reads up to version {WORKSPACE_JSON_VERSION}: update Greychart"),
            ))
        }
        (Some(WORKSPACE_FORMAT), None) => return Err(ImportError::new(file, 1, Some("version"), "the document has no version")),
        (other, _) => {
            return Err(ImportError::new(
                file,
                1,
                Some("format"),
                format!("not a Greychart workspace document (format {:?}, expected {WORKSPACE_FORMAT:?})", other.unwrap_or("missing")),
            ))
        }
    }
    let document: Document<WorkspaceData> = serde_json::from_str(text).map_err(|e| at(&e))?;
    Ok(document.workspace)
}

/// serde's message, without its own "at line L column C" (the error's
/// place is given as file:line).
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(cut) => format!("{} (column {})", &text[..cut], e.column()),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::export::demo;

    #[test]
    fn a_shared_document_has_no_grey_chart_data_and_says_so() {
        let data = demo();
        let text = workspace_json(&data, false).unwrap();
        assert!(text.contains("\"private\": false"));
        for claim in &data.claims {
            assert!(claim.note.is_empty() || !text.contains(&claim.note), "claim note {:?} leaked", claim.note);
        }
        let back = parse_workspace_json("w.json", &text).unwrap();
        assert!(
            back.claims.is_empty()
                && back.stances.is_empty()
                && back.profiles.is_empty()
                && back.engagements.is_empty()
        );
        assert_eq!(back.people, data.people);
        let private = workspace_json(&data, true).unwrap();
        assert!(private.contains("\"private\": true"));
        assert_eq!(parse_workspace_json("w.json", &private).unwrap(), data);
    }

    #[test]
    fn foreign_newer_and_broken_documents_are_refused_with_where() {
        let err = parse_workspace_json("w.json", r#"{"format":"gephi","version":1}"#).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("format"));
        let err = parse_workspace_json("w.json", r#"{"format":"greychart-workspace","version":9}"#).unwrap_err();
        assert!(err.message.contains("version 9") && err.message.contains("update Greychart"), "{err}");
        let text = workspace_json(&demo(), true).unwrap().replacen("\"strength\": 0.85", "\"strength\": \"strong\"", 1);
        let err = parse_workspace_json("w.json", &text).unwrap_err();
        let line = text.lines().position(|l| l.contains("\"strong\"")).unwrap() as u64 + 1;
        assert_eq!(err.line, line, "{err}");
        assert!(err.to_string().starts_with(&format!("w.json:{line}: invalid type")), "{err}");
        // Nesting deeper than serde's limit is an error, not a crash.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_workspace_json("deep.json", &deep).is_err());
    }
}
