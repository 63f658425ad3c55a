//! What a sync brought from the others, for the window to say ("ann
//! changed release r1 — 10:42", "p33 approved r1 — 10:43"): the records
//! it wrote here and the decisions it took, each with who and when.

use serde::Serialize;

/// A record another user changed, now written here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TheirEdit {
    /// The kind of record (release, change, person, …).
    pub kind: String,
    /// Its id.
    pub id: String,
    /// The login that changed it.
    pub by: String,
    /// When, RFC 3339.
    pub at: String,
    /// Whether they deleted it.
    pub deleted: bool,
}

/// A decision the team recorded, now here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TheirSignOff {
    /// The release.
    pub release: String,
    /// The approver whose decision it is (a person).
    pub approver: String,
    /// approved, rejected or abstained.
    pub decision: String,
    /// The comment.
    pub comment: String,
    /// Who recorded it (a person): the approver, a delegate or a manager.
    pub recorded_by: String,
    /// Where it is written, when given on paper or by mail.
    pub source: String,
    /// When, RFC 3339.
    pub at: String,
}

impl From<&greychart_store::TeamDecision> for TheirSignOff {
    fn from(d: &greychart_store::TeamDecision) -> TheirSignOff {
        TheirSignOff {
            release: d.release.clone(),
            approver: d.approver.clone(),
            decision: d.kind.as_str().to_owned(),
            comment: d.comment.clone(),
            recorded_by: d.recorded_by.clone(),
            source: d.source.clone(),
            at: d.decided_at.clone(),
        }
    }
}
