//! Types that exist only to cross to the user interface. Domain types cross
//! as themselves; these add what the window needs around them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analytics::{Coverage, RankShift};

/// What the window shows about the open workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkspaceInfo {
    /// Full path of the file.
    pub path: String,
    /// File name, for the title bar.
    pub name: String,
    /// Whether the file is encrypted with a passphrase.
    pub encrypted: bool,
}

/// Where one person sits on the map, in the map's own units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Position {
    /// The person.
    pub person: String,
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

impl Position {
    /// Refuses positions that are not finite numbers.
    pub fn validate(&self) -> Result<(), crate::ValidationError> {
        if self.x.is_finite() && self.y.is_finite() {
            Ok(())
        } else {
            Err(crate::ValidationError::new("x", "a position must be a finite number"))
        }
    }
}

/// What the evidence covers, and who gained or lost influence lately.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EvidenceSummary {
    /// People nobody is known to sway, and stale claims.
    pub coverage: Coverage,
    /// The start of the period the movers are measured over.
    pub movers_since: String,
    /// The largest changes in influence rank over that period, with causes.
    pub movers: Vec<RankShift>,
}

/// How far the background analysis (broker scores) has got.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct AnalysisProgress {
    /// Steps done (source people searched from).
    pub done: u32,
    /// Steps in all; 0 before the first run.
    pub total: u32,
    /// Whether it is still running.
    pub running: bool,
}

/// One committed edit in the workspace's history, for the History panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    /// Order of the edit (larger is later).
    #[ts(type = "number")]
    pub id: i64,
    /// When it was committed (UTC, RFC 3339).
    pub at: String,
    /// Who made it.
    pub actor: String,
    /// What it did, in plain words.
    pub summary: String,
    /// `done`, or `undone` (it can be redone).
    pub state: String,
    /// Whether it can be undone: bulk imports cannot.
    pub undoable: bool,
}
