//! The window as a team client: where the workspace stands with its team
//! database, what others changed, and the conflicts waiting for a choice.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a workspace stands with its team, for the badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TeamLinkState {
    /// Not a team workspace: everything stays in the file.
    Local,
    /// Connected: others' commits arrive within moments, edits go at once.
    Online,
    /// The server cannot be reached: edits queue in the file.
    Offline,
    /// A team workspace whose password this session has not been given.
    SignedOut,
}

/// The team link of the open workspace.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TeamState {
    /// Where it stands.
    pub state: TeamLinkState,
    /// The team database, without a password ("" when local).
    pub server: String,
    /// The login.
    pub login: String,
    /// The person the login is (an id), as the team said.
    pub person: String,
    /// manager, approver or admin ("" when not a member).
    pub role: String,
    /// Edits and decisions made here and not yet in the team.
    pub queued: u32,
    /// Records whose value here and the team's differ, waiting for a choice.
    pub conflicts: u32,
    /// When the last sync ended, RFC 3339.
    pub last_sync: Option<String>,
    /// Why it is offline, or what the last sync refused.
    pub problem: Option<String>,
    /// Counts the syncs that wrote others' changes here: the window
    /// reloads when it moves.
    pub revision: u32,
    /// What others did lately, oldest first (the last 50).
    pub notes: Vec<TeamNote>,
    /// The desktop notifications sent this session, oldest first.
    pub notified: Vec<String>,
    /// Whether the team separates duties (nobody signs off a release they
    /// requested or last rescoped), as last heard; None before a sync.
    pub separates_duties: Option<bool>,
}

/// One thing another user did, as the window says it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TeamNote {
    /// Counts the notes of this session: the window shows the new ones.
    pub seq: u32,
    /// When they did it, RFC 3339.
    pub at: String,
    /// Who, as a name where the team maps the login to a person.
    pub who: String,
    /// What, in words ("approved Payments Hub 2.0").
    pub what: String,
}

/// One field of a conflict: this workspace's value and the team's.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TeamConflictRow {
    /// The kind of record (release, change, person, …).
    pub kind: String,
    /// Its id.
    pub id: String,
    /// Its name, where it has one.
    pub name: String,
    /// The field (`(record)` when one side deleted it).
    pub field: String,
    /// This workspace's value, as JSON text.
    pub mine: String,
    /// The team's, as JSON text.
    pub theirs: String,
    /// The login that made the team's.
    pub theirs_by: String,
    /// When, RFC 3339.
    pub theirs_at: String,
}

/// A sign-off waiting for the signed-in person's decision (or for someone's
/// who delegated to them today).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WaitingRequest {
    /// The requirement.
    pub requirement: String,
    /// The release.
    pub release: String,
    /// Its name.
    pub release_name: String,
    /// The day its window opens (`YYYY-MM-DD`), if planned.
    pub window_start: Option<String>,
    /// Who is asked (a person id).
    pub approver: String,
    /// Their name.
    pub approver_name: String,
    /// Asked of someone who delegated to the signed-in person.
    pub delegated: bool,
    /// In what capacity.
    pub role: crate::model::ApprovalRole,
    /// Why: the rule that asks it.
    pub rule: String,
    /// Nobody has decided and the window opens within days, or has opened.
    pub overdue: bool,
    /// Decided before, and the release changed since.
    pub stale: bool,
    /// What changed since the last decision (when stale).
    pub changed: String,
    /// The last decision, if any (approved, rejected, …).
    pub last_decision: Option<String>,
}

/// Someone deciding for an approver over a date range, as the window lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DelegationRow {
    /// The approver away (a person id).
    pub delegator: String,
    /// Their name.
    pub delegator_name: String,
    /// Who decides meanwhile (a person id).
    pub delegate: String,
    /// Their name.
    pub delegate_name: String,
    /// The first day, `YYYY-MM-DD`.
    pub from: String,
    /// The last day, `YYYY-MM-DD`.
    pub until: String,
}

/// One electronic sign-off of a packet checked against the team database.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct VerifiedSignOff {
    /// The decision fingerprint printed (`3f9a-01c2-7be4`).
    pub fingerprint: String,
    /// Whether it stands: a decision of the team, on the release as it is.
    pub stands: bool,
    /// What the team says of it, in words.
    pub said: String,
}
