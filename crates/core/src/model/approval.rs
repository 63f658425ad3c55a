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

impl ApprovalRole {
    /// The role as people write it, as a packet and a message print it
    /// ("CAB", "QA", "change manager").
    pub fn title(self) -> String {
        match self {
            ApprovalRole::Cab => "CAB".to_owned(),
            ApprovalRole::Qa => "QA".to_owned(),
            other => other.words(),
        }
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
    /// Created by a rule (kept in step with the release), not by hand.
    #[serde(default)]
    pub derived: bool,
    /// Still needed; a requirement the release no longer needs stays, not
    /// active, so the decisions on it keep their history.
    #[serde(default = "still_needed")]
    pub active: bool,
}

fn still_needed() -> bool {
    true
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
    /// Who a sign-off packet is for.
    Audience {
        /// To circulate and sign: no grey-chart data at all.
        Signoff = "signoff",
        /// For the release manager: adds the path to yes; marked confidential.
        Brief = "brief",
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
    /// What changed, when stale.
    #[serde(default)]
    pub stale_reason: String,
    /// Who recorded it, when not the approver: their delegate, or a
    /// manager recording a decision given on paper or by mail.
    #[serde(default)]
    pub recorded_by: String,
    /// Where a decision given outside the app is written (a mail, minutes);
    /// empty when given in the app.
    #[serde(default)]
    pub source: String,
    /// The team login it was given under (empty in a local workspace).
    #[serde(default)]
    pub login: String,
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

/// When a custom approval rule applies to a release.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleCondition {
    /// Every release.
    Always,
    /// Releases of at least this risk.
    RiskAtLeast(crate::model::RiskLevel),
    /// Releases with a change touching this component.
    Touches(String),
    /// Releases whose blast radius reaches this service.
    Affects(String),
    /// Releases whose estimated cost is above this amount.
    CostAbove(f64),
}

impl RuleCondition {
    /// Reads `always`, `risk>=medium`, `touches:COMPONENT`,
    /// `affects:SERVICE` or `cost>AMOUNT`.
    pub fn parse(text: &str) -> Result<RuleCondition, ValidationError> {
        let text = text.trim();
        let bad = || {
            ValidationError::new(
                "condition",
                format!("{text:?} is not a condition: use always, risk>=medium, touches:COMPONENT, affects:SERVICE or cost>AMOUNT"),
            )
        };
        if text == "always" {
            return Ok(RuleCondition::Always);
        }
        if let Some(level) = text.strip_prefix("risk>=") {
            return crate::model::RiskLevel::parse(level.trim()).map(RuleCondition::RiskAtLeast).ok_or_else(bad);
        }
        if let Some(id) = text.strip_prefix("touches:") {
            check_id("condition", id.trim())?;
            return Ok(RuleCondition::Touches(id.trim().to_owned()));
        }
        if let Some(id) = text.strip_prefix("affects:") {
            check_id("condition", id.trim())?;
            return Ok(RuleCondition::Affects(id.trim().to_owned()));
        }
        if let Some(amount) = text.strip_prefix("cost>") {
            return amount
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|a| a.is_finite() && *a >= 0.0)
                .map(RuleCondition::CostAbove)
                .ok_or_else(bad);
        }
        Err(bad())
    }
}

/// A rule of the workspace's own: when a release meets the condition, the
/// approver must sign off in the given role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ApprovalRule {
    /// Stable id.
    pub id: String,
    /// When it applies (see `RuleCondition::parse`).
    pub condition: String,
    /// In what capacity.
    pub role: ApprovalRole,
    /// Who must approve.
    pub approver: String,
    /// Why the rule exists, shown with every requirement it creates.
    pub note: String,
}

impl ApprovalRule {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        RuleCondition::parse(&self.condition)?;
        check_id("approver", &self.approver)?;
        check_text("note", &self.note)
    }
}
