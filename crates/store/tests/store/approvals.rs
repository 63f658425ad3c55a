//! Requirements kept in step with releases, stale approvals, immutable
//! decisions and the scheduling guard, on real workspace files.

use greychart_core::approvals::ApprovalStatus;
use greychart_core::model::*;
use greychart_store::{StoreError, Workspace};

use crate::demo;

fn release(ws: &Workspace, id: &str) -> Release {
    ws.read().get::<Release>(&[id]).unwrap().unwrap()
}

fn rows(ws: &Workspace, release: &str) -> Vec<(String, ApprovalRole, ApprovalStatus)> {
    ws.approvals(Some(release), crate::demo_day())
        .unwrap()
        .into_iter()
        .map(|r| (r.approver, r.role, r.status))
        .collect()
}

#[test]
fn moving_a_window_marks_its_approvals_stale_with_the_reason() {
    let (_dir, mut ws) = demo();
    let r1 = release(&ws, "r1");
    assert!(ws
        .approvals(Some("r1"), crate::demo_day())
        .unwrap()
        .iter()
        .any(|r| r.status == ApprovalStatus::Approved && !r.stale));
    let moved = Release {
        window_start: Some(r1.window_start.unwrap() + chrono::Duration::days(7)),
        window_end: Some(r1.window_end.unwrap() + chrono::Duration::days(7)),
        ..r1.clone()
    };
    ws.save(&moved).unwrap();
    let approved: Vec<_> = ws
        .approvals(Some("r1"), crate::demo_day())
        .unwrap()
        .into_iter()
        .filter(|r| r.status == ApprovalStatus::Approved)
        .collect();
    assert!(!approved.is_empty());
    for a in &approved {
        assert!(a.stale, "{} still current", a.approver);
        assert!(a.stale_reason.starts_with("window moved from "), "{}", a.stale_reason);
    }
    // Another release's approvals are untouched.
    assert!(ws
        .approvals(Some("r4"), crate::demo_day())
        .unwrap()
        .iter()
        .any(|r| r.status == ApprovalStatus::Approved && !r.stale));
}

#[test]
fn a_change_joining_a_release_adds_its_owner_and_leaving_retires_it() {
    let (_dir, mut ws) = demo();
    let change = Change {
        id: "c199".into(),
        title: "Agent login".into(),
        release: Some("r1".into()),
        components: vec!["service-desk".into()],
        duration_days: 1,
        not_before: None,
        risk: None,
    };
    ws.save(&change).unwrap();
    let needed = rows(&ws, "r1");
    assert!(needed.contains(&("p22".to_owned(), ApprovalRole::ComponentOwner, ApprovalStatus::Pending)), "{needed:?}");
    let stale =
        ws.approvals(Some("r1"), crate::demo_day()).unwrap().into_iter().find(|r| r.stale).map(|r| r.stale_reason);
    assert_eq!(stale.as_deref(), Some("change c199 joined the release"));
    ws.delete::<Change>(&["c199"]).unwrap();
    assert!(!rows(&ws, "r1").iter().any(|(who, role, _)| who == "p22" && *role == ApprovalRole::ComponentOwner));
    // The retired requirement is kept, inactive.
    let kept = ws.read().get::<ApprovalRequirement>(&["q-r1-component_owner-p22"]).unwrap();
    assert_eq!(kept.map(|q| (q.derived, q.active)), Some((true, false)));
}

#[test]
fn a_waived_requirement_stays_waived_and_a_manual_one_needs_a_reason() {
    let (_dir, mut ws) = demo();
    let id = "q-r1-business_owner-p32";
    assert!(ws.approvals(Some("r1"), crate::demo_day()).unwrap().iter().any(|r| r.id == id));
    assert!(matches!(ws.remove_requirement(id, "  "), Err(StoreError::Core(_))));
    ws.remove_requirement(id, "Online Banking does not use the new login yet").unwrap();
    ws.save(&Release { risk: RiskLevel::Medium, ..release(&ws, "r1") }).unwrap();
    assert!(
        !ws.approvals(Some("r1"), crate::demo_day()).unwrap().iter().any(|r| r.id == id),
        "the rules brought a waived requirement back"
    );
    assert!(ws.add_requirement("r1", "p15", ApprovalRole::Qa, "").is_err());
    let q = ws.add_requirement("r1", "p15", ApprovalRole::Qa, "first release on the new test rig").unwrap();
    assert_eq!(q.rule, "added by hand: first release on the new test rig");
    assert!(rows(&ws, "r1").contains(&("p15".to_owned(), ApprovalRole::Qa, ApprovalStatus::Pending)));
}

#[test]
fn scheduling_needs_every_approval_or_a_logged_override() {
    let (_dir, mut ws) = demo();
    let refused = ws.schedule_release("r1", None);
    match refused {
        Err(StoreError::Conflict(message)) => {
            assert!(message.starts_with("r1 cannot be scheduled: approvals missing from "), "{message}");
            assert!(message.contains("p18 (component owner, changes requested)"), "{message}");
        }
        other => panic!("scheduling r1 was not refused: {other:?}"),
    }
    assert_eq!(release(&ws, "r1").stage, Stage::Test);
    let audits = ws.read().audit_count().unwrap();
    ws.schedule_release("r1", Some("the regulator's deadline; CAB chair agreed by phone")).unwrap();
    assert_eq!(release(&ws, "r1").stage, Stage::Scheduled);
    assert!(ws.read().audit_count().unwrap() > audits);
}

#[test]
fn a_decision_is_recorded_now_and_becomes_the_status() {
    let (_dir, mut ws) = demo();
    let q = "a103";
    let d = ws.record_decision(q, DecisionKind::Approved, "p18", "Timeout policy reviewed").unwrap();
    assert!(d.id.starts_with('d') && chrono::DateTime::parse_from_rfc3339(&d.decided_at).is_ok());
    let row = ws.approvals(Some("r1"), crate::demo_day()).unwrap().into_iter().find(|r| r.id == q).unwrap();
    assert_eq!((row.status.as_str(), row.comment.as_str(), row.stale), ("approved", "Timeout policy reviewed", false));
}

#[test]
fn the_path_to_yes_covers_who_has_not_said_yes_with_influencers_path_and_warnings() {
    let (_dir, mut ws) = demo();
    let day = crate::demo_day();
    // A risk change makes r1's approvals stale: the change manager, away
    // during the window, must be asked again.
    ws.save(&Release { risk: RiskLevel::Medium, ..release(&ws, "r1") }).unwrap();
    let paths = ws.path_to_yes("r1", day).unwrap();
    let rows = ws.approvals(Some("r1"), crate::demo_day()).unwrap();
    let open = rows.iter().filter(|r| r.stale || r.status != ApprovalStatus::Approved).count();
    assert_eq!(paths.len(), open);
    let cm =
        paths.iter().find(|p| p.approval.approver == "p25").expect("the stale change manager is on the path to yes");
    assert!(
        cm.warnings.iter().any(|w| w.contains("is away") && w.contains("during the release window")),
        "{:?}",
        cm.warnings
    );
    for p in &paths {
        assert!(p.influencers.windows(2).all(|w| w[0].weight >= w[1].weight));
        assert!(p.influencers.len() <= 3);
        if !p.path.path.is_empty() {
            assert_eq!(
                (p.path.path.first().map(String::as_str), p.path.path.last()),
                (Some("p26"), Some(&p.approval.approver))
            );
            assert!(p.path.strength > 0.0);
        }
    }
    assert!(paths.iter().any(|p| !p.path.path.is_empty()), "no approver reachable from me");
    assert!(matches!(ws.path_to_yes("r99", day), Err(StoreError::NotFound { .. })));
}

#[test]
fn an_import_that_changes_a_release_marks_its_decisions_stale_and_an_identical_one_does_not() {
    use greychart_core::import::parse_changes;
    let (_dir, mut ws) = demo();
    let same = "id,title,release,component,duration_days\nc101,Biometric login,r1,mobile-app;identity,5\n";
    ws.import_changes("same.csv", &parse_changes("same.csv", same.as_bytes()).unwrap()).unwrap();
    assert!(
        ws.approvals(Some("r1"), crate::demo_day())
            .unwrap()
            .iter()
            .any(|r| r.status == ApprovalStatus::Approved && !r.stale),
        "an identical row made r1 stale"
    );
    let longer = "id,title,release,component,duration_days\nc101,Biometric login,r1,mobile-app;identity,8\n";
    ws.import_changes("longer.csv", &parse_changes("longer.csv", longer.as_bytes()).unwrap()).unwrap();
    let stale: Vec<String> = ws
        .approvals(Some("r1"), crate::demo_day())
        .unwrap()
        .into_iter()
        .filter(|r| r.stale)
        .map(|r| r.stale_reason)
        .collect();
    assert!(!stale.is_empty() && stale.iter().all(|r| r == "change c101 was edited"), "{stale:?}");
}

#[test]
fn an_edit_of_one_release_derives_what_a_full_pass_derives() {
    // One release's edit re-derives only its own requirements, reading the
    // people the rules could name; a full pass over every release after it
    // must find nothing to change.
    let (_dir, mut ws) = demo();
    let requirements = |ws: &Workspace| {
        let mut all: Vec<ApprovalRequirement> = ws.read().list().unwrap();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    };
    for (n, id) in ["r1", "r2", "r3", "r4", "r5", "r6"].into_iter().enumerate() {
        let r = release(&ws, id);
        let moved = Release {
            window_start: r.window_start.map(|d| d + chrono::Duration::days(20 + n as i64 * 9)),
            window_end: r.window_end.map(|d| d + chrono::Duration::days(20 + n as i64 * 9)),
            risk: if r.risk == RiskLevel::High { RiskLevel::Low } else { RiskLevel::High },
            ..r
        };
        ws.save(&moved).unwrap();
        // A change of another release joins it (one whose move closes no cycle).
        let others: Vec<Change> =
            ws.read().list::<Change>().unwrap().into_iter().filter(|c| c.release.as_deref() != Some(id)).collect();
        let joined = others.into_iter().any(|c| ws.save(&Change { release: Some(id.to_owned()), ..c }).is_ok());
        assert!(joined, "no change could join {id}");
        let scoped = requirements(&ws);
        let manager = ws.read().setting("change_manager").unwrap().unwrap_or_default();
        let mut w = ws.write().unwrap();
        w.set_setting("change_manager", &manager).unwrap();
        w.commit().unwrap();
        assert_eq!(requirements(&ws), scoped, "after editing {id}, a full pass changed its requirements");
    }
}

#[test]
fn approval_settings_are_set_in_one_undoable_edit_and_a_stranger_is_refused_naming_the_field() {
    use greychart_core::approvals::ApprovalSettings;
    let (_dir, mut ws) = demo();
    let before = ws.read().approval_settings().unwrap();
    // Whom the rules ask in the CAB role (the demo's own requirements stay as they were made).
    let cab = |ws: &Workspace| {
        ws.approvals(Some("r1"), crate::demo_day())
            .unwrap()
            .into_iter()
            .filter(|r| r.role == ApprovalRole::Cab && r.derived)
            .map(|r| r.approver)
            .collect::<Vec<_>>()
    };
    let chair = "p05";
    assert_ne!(before.cab_chair.as_deref(), Some(chair));
    let wanted = ApprovalSettings { cab_chair: Some(chair.to_owned()), ..before.clone() };
    ws.set_approval_settings(&wanted).unwrap();
    assert_eq!(ws.read().approval_settings().unwrap(), wanted);
    assert!(cab(&ws).contains(&chair.to_owned()), "the high-risk r1 asks the new chair: {:?}", cab(&ws));

    let stranger = ApprovalSettings { finance_approver: Some("nobody".to_owned()), ..wanted.clone() };
    match ws.set_approval_settings(&stranger) {
        Err(StoreError::Core(greychart_core::CoreError::Invalid(e))) => assert_eq!(e.field, "finance_approver"),
        other => panic!("a stranger as finance approver: {other:?}"),
    }
    let negative = ApprovalSettings { finance_threshold: Some(-1.0), ..wanted.clone() };
    assert!(ws.set_approval_settings(&negative).is_err());
    assert_eq!(ws.read().approval_settings().unwrap(), wanted, "a refused edit changed nothing");

    ws.undo().unwrap();
    assert_eq!(ws.read().approval_settings().unwrap(), before, "undo brings the settings back");
    assert!(!cab(&ws).contains(&chair.to_owned()), "undo takes the new chair's sign-off back");
}
