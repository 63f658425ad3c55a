//! What waits for someone's decision: the requirements asked of them (or
//! of those they stand in for) that nobody has answered, or whose answer
//! went stale when the release changed, on releases not yet settled —
//! overdue first, then by the day the release's window opens.

use std::collections::HashMap;

use super::{ApprovalRow, ApprovalStatus};
use crate::model::Release;

/// The rows of `rows` waiting for a decision by any of `people`, overdue
/// first, then by window (releases without one last), then by release.
pub fn waiting_for<'a>(rows: &'a [ApprovalRow], releases: &[Release], people: &[&str]) -> Vec<&'a ApprovalRow> {
    let by_id: HashMap<&str, &Release> = releases.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut waiting: Vec<&ApprovalRow> = rows
        .iter()
        .filter(|row| people.contains(&row.approver.as_str()))
        .filter(|row| row.status == ApprovalStatus::Pending || row.stale)
        .filter(|row| by_id.get(row.release.as_str()).is_some_and(|r| !r.stage.is_settled()))
        .collect();
    waiting.sort_by_key(|row| {
        let start = by_id.get(row.release.as_str()).and_then(|r| r.window_start);
        (!row.overdue, start.is_none(), start, row.release.clone(), row.id.clone())
    });
    waiting
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approvals::ApprovalRole;
    use crate::model::{RiskLevel, Stage};

    fn release(id: &str, start: Option<&str>, stage: Stage) -> Release {
        Release {
            id: id.into(),
            name: id.into(),
            stage,
            window_start: start.and_then(|s| s.parse().ok()),
            window_end: None,
            risk: RiskLevel::Low,
            cost: None,
        }
    }

    fn row(id: &str, release: &str, approver: &str, status: ApprovalStatus, stale: bool, overdue: bool) -> ApprovalRow {
        ApprovalRow {
            id: id.into(),
            release: release.into(),
            approver: approver.into(),
            role: ApprovalRole::BusinessOwner,
            rule: "a rule".into(),
            derived: true,
            status,
            decided_at: None,
            comment: String::new(),
            stale,
            stale_reason: String::new(),
            overdue,
            signed: false,
        }
    }

    #[test]
    fn what_waits_is_unanswered_or_stale_overdue_first_then_by_window() {
        let releases = [
            release("late", Some("2027-03-01"), Stage::Plan),
            release("soon", Some("2027-01-10"), Stage::Build),
            release("open", None, Stage::Plan),
            release("done", Some("2026-11-01"), Stage::Deployed),
            release("urgent", Some("2027-02-01"), Stage::Test),
        ];
        let rows = [
            row("q1", "late", "p1", ApprovalStatus::Pending, false, false),
            row("q2", "soon", "p1", ApprovalStatus::Approved, true, false),
            row("q3", "soon", "p1", ApprovalStatus::Approved, false, false),
            row("q4", "open", "p2", ApprovalStatus::Pending, false, false),
            row("q5", "done", "p1", ApprovalStatus::Pending, false, false),
            row("q6", "urgent", "p1", ApprovalStatus::Pending, false, true),
            row("q7", "late", "p3", ApprovalStatus::Pending, false, false),
            row("q8", "soon", "p2", ApprovalStatus::Rejected, false, false),
        ];
        let ids =
            |people: &[&str]| waiting_for(&rows, &releases, people).iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&["p1"]), ["q6", "q2", "q1"]);
        assert_eq!(ids(&["p1", "p2"]), ["q6", "q2", "q1", "q4"], "a delegator's requests too; no window last");
        assert!(ids(&["p9"]).is_empty());
    }
}
