//! Who must approve what, and what they decided.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_id, check_text};
use crate::ValidationError;

domain_enum! {
    /// The capacity in which someone approves.
    ApprovalRole {
        /// The change advisory board.
        Cab = "cab",
        /// The change manager.
        ChangeManager = "change_manager",
        /// The business owner of an impacted service.
        BusinessOwner = "business_owner",
        /// The owner of a touched component.
        ComponentOwner = "component_owner",
        /// Quality assurance.
        Qa = "qa",
        /// Infrastructure.
        Infrastructure = "infrastructure",
        /// Finance.
        Finance = "finance",
        /// Anything else.
        Custom = "custom",
    }
}

/// One person's sign-off needed for one release, and the rule that asked for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ApprovalRequirement {
    /// Stable id.
    pub id: String,
    /// The release.
    pub release: String,
    /// Who must approve.
    pub approver: String,
    /// In what capacity.
    pub role: ApprovalRole,
    /// The rule or reason that created it.
    pub rule: String,
}

impl ApprovalRequirement {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_id("release", &self.release)?;
        check_id("approver", &self.approver)?;
        check_text("rule", &self.rule)
    }
}

domain_enum! {
    /// What an approver decided.
    DecisionKind {
        /// Yes.
        Approved = "approved",
        /// No.
        Rejected = "rejected",
        /// Neither.
        Abstained = "abstained",
        /// Not yet: change something first.
        ChangesRequested = "changes_requested",
    }
}

/// A decision on a requirement. Decisions are never edited: a new decision
/// supersedes the old one and both stay in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Decision {
    /// Stable id.
    pub id: String,
    /// The requirement decided.
    pub requirement: String,
    /// What was decided.
    pub kind: DecisionKind,
    /// Who decided (normally the approver).
    pub decided_by: String,
    /// When, as an RFC 3339 timestamp.
    pub decided_at: String,
    /// Their comment.
    pub comment: String,
    /// Set when the release changed after this decision.
    pub stale: bool,
}

impl Decision {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_id("requirement", &self.requirement)?;
        check_id("decided_by", &self.decided_by)?;
        if chrono::DateTime::parse_from_rfc3339(&self.decided_at).is_err() {
            return Err(ValidationError::new("decided_at", "must be a date and time like 2026-11-27T10:00:00Z"));
        }
        Ok(())
    }
}
