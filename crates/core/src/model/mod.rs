//! The domain's vocabulary (README, docs/METRICS.md), as validated Rust types.
//!
//! Records carry string ids chosen by the user or an import. Each type has a
//! validating constructor and a `validate` the store calls before every write,
//! so that values arriving from a form or a file meet the same rules.

pub use approval::{ApprovalRequirement, ApprovalRole, ApprovalRule, Audience, Decision, DecisionKind, RuleCondition};
pub use grey::{credibility, Claim, EngagementEntry, Involvement, StakeholderProfile, Stance, StanceKind};
pub use org::{Person, Team, TeamKind};
pub use plan::{Absence, Change, Component, Dependency, Period, PeriodKind, Release, RiskLevel, Scope, Service, Stage};
pub use workspace::{WorkspaceData, DEFAULT_FORMAL_WEIGHT};

use crate::ValidationError;

mod approval;
mod grey;
mod org;
mod plan;
mod workspace;

/// Ids are short, printable and free of separators that would confuse CSV or
/// the command line.
pub(crate) fn check_id(field: &str, id: &str) -> Result<(), ValidationError> {
    if id.trim().is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    if id.len() > 64 {
        return Err(ValidationError::new(field, "must be at most 64 characters"));
    }
    if id.chars().any(|c| c.is_whitespace() || c.is_control() || c == ',') {
        return Err(ValidationError::new(field, "must not contain spaces, commas or control characters"));
    }
    Ok(())
}

/// A required human-readable text: a name or a title.
pub(crate) fn check_text(field: &str, text: &str) -> Result<(), ValidationError> {
    if text.trim().is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    if text.chars().count() > 500 || text.chars().any(|c| c.is_control()) {
        return Err(ValidationError::new(field, "must be one line of at most 500 characters"));
    }
    Ok(())
}

/// A number in the closed unit interval.
pub(crate) fn check_unit(field: &str, value: f64) -> Result<(), ValidationError> {
    if !(0.0..=1.0).contains(&value) {
        return Err(ValidationError::new(field, format!("must be between 0 and 1 (got {value})")));
    }
    Ok(())
}

/// A start date that is not after the end date.
pub(crate) fn check_span(
    field: &str,
    starts: chrono::NaiveDate,
    ends: chrono::NaiveDate,
) -> Result<(), ValidationError> {
    if ends < starts {
        return Err(ValidationError::new(field, format!("ends {ends}, before it starts {starts}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_refuse_blanks_commas_and_spaces() {
        assert!(check_id("id", "p001").is_ok());
        for bad in ["", " ", "a b", "a,b", "x\n"] {
            assert_eq!(check_id("id", bad).map_err(|e| e.field), Err("id".to_owned()), "{bad:?}");
        }
    }

    #[test]
    fn unit_interval_is_closed() {
        assert!(check_unit("s", 0.0).is_ok());
        assert!(check_unit("s", 1.0).is_ok());
        assert!(check_unit("s", 1.0001).is_err());
        assert!(check_unit("s", f64::NAN).is_err());
    }
}
