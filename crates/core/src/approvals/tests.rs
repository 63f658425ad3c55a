//! The rules on the demo workspace and on small cases.

use chrono::NaiveDate;

use super::*;
use crate::demo::demo_workspace;
use crate::model::{ApprovalRule, RiskLevel, WorkspaceData};

fn inputs<'a>(
    data: &'a WorkspaceData,
    rules: &'a [ApprovalRule],
    settings: &'a ApprovalSettings,
) -> ApprovalInputs<'a> {
    ApprovalInputs {
        plan: PlanInputs {
            releases: &data.releases,
            changes: &data.changes,
            dependencies: &data.dependencies,
            components: &data.components,
            services: &data.services,
            periods: &data.periods,
            absences: &data.absences,
            requirements: &data.requirements,
            people: &data.people,
        },
        teams: &data.teams,
        rules,
        settings,
    }
}

fn demo() -> WorkspaceData {
    demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default())
}

fn roles(needed: &[Needed]) -> Vec<(ApprovalRole, String)> {
    needed.iter().map(|n| (n.role, n.approver.clone())).collect()
}

#[test]
fn a_high_risk_release_in_a_freeze_needs_owners_business_owners_change_manager_and_cab() {
    let data = demo();
    let settings = ApprovalSettings::default();
    let r2 = data.releases.iter().find(|r| r.id == "r2").cloned().unwrap_or_else(|| data.releases[0].clone());
    let needed = required_approvals(&inputs(&data, &[], &settings), &r2);
    let got = roles(&needed);
    // Payments Hub 2.0 changes the payments API and the core ledger.
    assert!(got.iter().any(|(role, _)| *role == ApprovalRole::ComponentOwner), "{got:?}");
    assert!(got.iter().any(|(role, who)| *role == ApprovalRole::BusinessOwner && who == "p34"), "{got:?}");
    assert!(got.iter().any(|(role, _)| *role == ApprovalRole::ChangeManager), "{got:?}");
    let cab: Vec<&Needed> = needed.iter().filter(|n| n.role == ApprovalRole::Cab).collect();
    assert_eq!(cab.len(), 1, "one CAB sign-off, two reasons: {needed:?}");
    assert!(cab[0].rule.contains("high-risk") && cab[0].rule.contains("freeze “Year-end freeze”"), "{}", cab[0].rule);
}

#[test]
fn finance_and_custom_rules_apply_only_when_their_condition_holds() {
    let mut data = demo();
    let settings = ApprovalSettings {
        finance_approver: Some("p05".into()),
        finance_threshold: Some(50_000.0),
        ..ApprovalSettings::default()
    };
    let rules = [ApprovalRule {
        id: "sec".into(),
        condition: "touches:identity".into(),
        role: ApprovalRole::Custom,
        approver: "p37".into(),
        note: "security review of login changes".into(),
    }];
    let mut r = data.releases.iter().find(|r| r.id == "r4").cloned().unwrap_or_else(|| data.releases[0].clone());
    r.risk = RiskLevel::Low;
    r.cost = Some(40_000.0);
    data.releases.retain(|x| x.id != r.id);
    let needed = required_approvals(&inputs(&data, &rules, &settings), &r);
    assert!(!needed.iter().any(|n| n.role == ApprovalRole::Finance), "{needed:?}");
    let custom = needed.iter().find(|n| n.role == ApprovalRole::Custom).map(|n| n.rule.clone());
    assert_eq!(custom.as_deref(), Some("rule sec: security review of login changes (touches:identity)"));
    r.cost = Some(75_000.0);
    let needed = required_approvals(&inputs(&data, &rules, &settings), &r);
    let finance = needed.iter().find(|n| n.role == ApprovalRole::Finance).map(|n| (n.approver.clone(), n.rule.clone()));
    assert_eq!(
        finance,
        Some(("p05".to_owned(), "estimated cost 75000 is above the finance threshold 50000".to_owned()))
    );
}

#[test]
fn a_team_head_is_the_member_whose_manager_is_elsewhere() {
    let data = demo();
    let heads = team_heads(&data.people, &data.teams);
    for (team, head) in &heads {
        let person = data.people.iter().find(|p| p.id == *head);
        assert_eq!(person.and_then(|p| p.team.as_deref()), Some(*team));
        let manager_team = person
            .and_then(|p| p.manager.as_deref())
            .and_then(|m| data.people.iter().find(|x| x.id == m))
            .and_then(|m| m.team.as_deref());
        assert_ne!(manager_team, Some(*team), "{head} heads {team} but reports inside it");
    }
    assert!(!heads.is_empty());
}

#[test]
fn requirement_ids_are_stable() {
    assert_eq!(requirement_id("r1", ApprovalRole::ChangeManager, "p25"), "q-r1-change_manager-p25");
}

#[test]
fn a_pending_approval_is_overdue_from_three_calendar_days_before_the_window() {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    let opens = Some(day("2026-12-10"));
    let pending = ApprovalStatus::Pending;
    assert!(!overdue(pending, opens, day("2026-12-06")));
    assert!(overdue(pending, opens, day("2026-12-07")), "three days before: overdue");
    assert!(overdue(pending, opens, day("2026-12-12")), "after it opened: still overdue");
    assert!(!overdue(ApprovalStatus::Approved, opens, day("2026-12-12")), "decided: never overdue");
    assert!(!overdue(ApprovalStatus::Rejected, opens, day("2026-12-12")));
    assert!(!overdue(pending, None, day("2026-12-12")), "no window: nothing to be late for");
    // Across a month and a year boundary, in calendar days.
    assert!(overdue(pending, Some(day("2027-01-02")), day("2026-12-30")));
    assert!(!overdue(pending, Some(day("2027-01-02")), day("2026-12-29")));
}
