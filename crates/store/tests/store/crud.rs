//! Create, read, update and delete for every entity, checks and audit.

use chrono::NaiveDate;
use greychart_core::demo::demo_workspace;
use greychart_core::model::*;
use greychart_core::CoreError;
use greychart_store::{StoreError, Workspace};

use crate::{demo, demo_day};

#[test]
fn every_entity_of_the_demo_reads_back_equal_after_reopening() {
    let (_dir, ws) = demo();
    let path = ws.path().to_owned();
    drop(ws);
    let ws = Workspace::open(&path).unwrap();
    let mut read = ws.read().data().unwrap();
    // The rules add the sign-offs the demo's own list lacks: set them apart.
    let derived: Vec<ApprovalRequirement> = read.requirements.iter().filter(|q| q.derived).cloned().collect();
    read.requirements.retain(|q| !q.derived);
    assert_eq!(read, demo_workspace(demo_day()));
    assert!(!derived.is_empty() && derived.iter().all(|q| q.active && !q.rule.is_empty()));
}

/// Saves, updates and deletes one record, checking each step on a reopened file.
fn round_trip<R: greychart_store::Record + Clone + PartialEq + std::fmt::Debug>(
    ws: &mut Workspace,
    record: R,
    changed: R,
    key: &[&str],
) {
    let mut w = ws.write().unwrap();
    w.save(&record).unwrap();
    w.commit().unwrap();
    let path = ws.path().to_owned();
    let reopened = Workspace::open(&path).unwrap();
    assert_eq!(reopened.read().get::<R>(key).unwrap(), Some(record));
    let mut w = ws.write().unwrap();
    w.save(&changed).unwrap();
    w.commit().unwrap();
    assert_eq!(ws.read().get::<R>(key).unwrap(), Some(changed));
    let mut w = ws.write().unwrap();
    w.delete::<R>(key).unwrap();
    w.commit().unwrap();
    assert_eq!(ws.read().get::<R>(key).unwrap(), None);
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

#[test]
fn crud_works_for_every_entity() {
    let (_dir, mut ws) = demo();
    let team = Team::new("t9", "Data Office", TeamKind::Development).unwrap();
    round_trip(&mut ws, team.clone(), Team { kind: TeamKind::Qa, ..team }, &["t9"]);
    let person = Person::new("p99", "Zoë Ødegaard", "Analyst", Some("qa"), Some("p07")).unwrap();
    round_trip(&mut ws, person.clone(), Person { title: "Lead".into(), ..person }, &["p99"]);
    let claim = Claim::new("cl9000", "p01", "p02", 0.4, 0.9, day(1), 90.0, "own observation").unwrap();
    round_trip(&mut ws, claim.clone(), Claim { retired: true, ..claim }, &["cl9000"]);
    let stance = Stance {
        person: "p01".into(),
        release: "r3".into(),
        stance: StanceKind::Sceptic,
        noted_on: day(1),
        note: String::new(),
    };
    round_trip(&mut ws, stance.clone(), Stance { stance: StanceKind::Champion, ..stance }, &["p01", "r3"]);
    let profile = StakeholderProfile { person: "p40".into(), interest: 0.2, involvement: Involvement::Informed };
    round_trip(&mut ws, profile.clone(), StakeholderProfile { interest: 0.9, ..profile }, &["p40"]);
    let entry = EngagementEntry {
        id: "e99".into(),
        person: "p40".into(),
        date: day(2),
        channel: "chat".into(),
        summary: "hello".into(),
    };
    round_trip(&mut ws, entry.clone(), EngagementEntry { summary: "bye".into(), ..entry }, &["e99"]);
    let component = Component { id: "k9".into(), name: "Kafka".into(), owner_team: Some("infra".into()), owner: None };
    round_trip(
        &mut ws,
        component.clone(),
        Component { owner_team: None, owner: Some("p03".into()), ..component },
        &["k9"],
    );
    let service = Service {
        id: "s9".into(),
        name: "Events".into(),
        business_owner: Some("p32".into()),
        depends_on: vec!["identity".into()],
    };
    round_trip(&mut ws, service.clone(), Service { depends_on: vec![], ..service }, &["s9"]);
    let release = Release {
        id: "r9".into(),
        name: "R9".into(),
        stage: Stage::Plan,
        window_start: Some(day(3)),
        window_end: Some(day(4)),
        risk: RiskLevel::Low,
        cost: None,
    };
    round_trip(&mut ws, release.clone(), Release { stage: Stage::Build, cost: Some(250_000.0), ..release }, &["r9"]);
    let change = Change {
        id: "c9".into(),
        title: "Nine".into(),
        release: Some("r1".into()),
        components: vec!["identity".into()],
        duration_days: 2,
        not_before: None,
        risk: None,
    };
    round_trip(&mut ws, change.clone(), Change { duration_days: 3, not_before: Some(day(6)), ..change }, &["c9"]);
    let dep = Dependency { before: "c101".into(), after: "c104".into(), lag_days: 1 };
    round_trip(&mut ws, dep.clone(), Dependency { lag_days: 4, ..dep }, &["c101", "c104"]);
    let period = Period {
        id: "w9".into(),
        name: "Night".into(),
        kind: PeriodKind::Window,
        starts_on: day(5),
        ends_on: day(5),
        scope: Scope::Component,
        scope_id: Some("identity".into()),
    };
    round_trip(&mut ws, period.clone(), Period { kind: PeriodKind::Freeze, ..period }, &["w9"]);
    let absence =
        Absence { id: "ab9".into(), person: "p03".into(), starts_on: day(6), ends_on: day(9), note: String::new() };
    round_trip(&mut ws, absence.clone(), Absence { note: "Leave".into(), ..absence }, &["ab9"]);
    let req = ApprovalRequirement {
        id: "a9".into(),
        release: "r3".into(),
        approver: "p37".into(),
        role: ApprovalRole::Custom,
        rule: "security review".into(),
        derived: false,
        active: true,
    };
    round_trip(&mut ws, req.clone(), ApprovalRequirement { role: ApprovalRole::Infrastructure, ..req }, &["a9"]);
    let decision = Decision {
        id: "d9".into(),
        requirement: "a301".into(),
        kind: DecisionKind::Approved,
        decided_by: "p25".into(),
        decided_at: "2026-12-01T09:00:00Z".into(),
        comment: String::new(),
        stale: false,
        stale_reason: String::new(),
        recorded_by: String::new(),
        source: String::new(),
        login: String::new(),
    };
    // Decisions are recorded, never edited or deleted.
    let mut w = ws.write().unwrap();
    w.save(&decision).unwrap();
    w.commit().unwrap();
    let mut w = ws.write().unwrap();
    let edit = w.save(&Decision { comment: "changed my mind".into(), ..decision.clone() });
    assert!(matches!(edit, Err(StoreError::Kept { entity: "decision", .. })), "{edit:?}");
    drop(w);
    let mut w = ws.write().unwrap();
    assert!(matches!(w.delete::<Decision>(&["d9"]), Err(StoreError::Kept { entity: "decision", .. })));
    drop(w);
    assert_eq!(ws.read().get::<Decision>(&["d9"]).unwrap(), Some(decision));
}

#[test]
fn every_write_is_audited() {
    let (_dir, mut ws) = demo();
    let before = ws.read().audit_count().unwrap();
    let mut w = ws.write().unwrap();
    w.add_claim(Claim::new("", "p26", "p01", 0.2, 0.5, day(1), 30.0, "hallway").unwrap()).unwrap();
    w.delete::<Claim>(&["cl0001"]).unwrap();
    w.commit().unwrap();
    assert_eq!(ws.read().audit_count().unwrap(), before + 2);
}

#[test]
fn a_new_claim_is_recorded_by_me_or_else_the_account() {
    let (_dir, mut ws) = demo();
    ws.set_actor("release-bot");
    let claim = || Claim::new("", "p26", "p01", 0.2, 0.5, day(1), 30.0, "hallway").unwrap();
    let mut w = ws.write().unwrap();
    assert_eq!(w.add_claim(claim()).unwrap().recorded_by, "p26", "the demo names p26 as me");
    let named = Claim { recorded_by: "p03".into(), ..claim() };
    assert_eq!(w.add_claim(named).unwrap().recorded_by, "p03");
    w.set_setting("me", "").unwrap();
    assert_eq!(w.add_claim(claim()).unwrap().recorded_by, "release-bot");
    w.commit().unwrap();
}

#[test]
fn a_new_claim_takes_a_free_id_past_the_newest_numbered_one() {
    let (_dir, mut ws) = demo();
    let claim = |id: &str| Claim::new(id, "p26", "p01", 0.2, 0.5, day(1), 30.0, "hallway").unwrap();
    let mut w = ws.write().unwrap();
    let first = w.add_claim(claim("")).unwrap().id;
    assert_eq!(first, "cl0062", "the demo's claims are cl0001 to cl0061");
    // Imported ids: one wider with leading zeros, one odd, and one past 9999.
    w.save(&claim("cl00042")).unwrap();
    w.save(&claim("clx12")).unwrap();
    assert_eq!(w.add_claim(claim("")).unwrap().id, "cl00043", "as wide as the newest, past it");
    w.save(&claim("cl123456")).unwrap();
    assert_eq!(w.add_claim(claim("")).unwrap().id, "cl123457");
    // The newest numbered id is older than a taken one: skipped, never overwritten.
    w.save(&claim("cl0100")).unwrap();
    w.save(&claim("cl0099")).unwrap();
    assert_eq!(w.add_claim(claim("")).unwrap().id, "cl0101", "cl0100 is taken");
    w.commit().unwrap();
    assert_eq!(ws.read().list::<Claim>().unwrap().len(), 61 + 9, "no claim was overwritten");
}

#[test]
fn an_uncommitted_write_changes_nothing() {
    let (_dir, mut ws) = demo();
    let before = ws.read().data().unwrap();
    let mut w = ws.write().unwrap();
    w.delete::<Person>(&["p40"]).unwrap();
    drop(w);
    assert_eq!(ws.read().data().unwrap(), before);
}

#[test]
fn a_reporting_cycle_is_refused_and_named_in_order() {
    let (_dir, mut ws) = demo();
    let mut cio: Person = ws.read().get(&["p01"]).unwrap().unwrap();
    cio.manager = Some("p10".into());
    let mut w = ws.write().unwrap();
    let err = w.save(&cio).unwrap_err();
    match err {
        StoreError::Core(CoreError::Cycle { what, members }) => {
            assert_eq!(what, "reporting line");
            assert_eq!(members, ["p01", "p02", "p08", "p10", "p01"]);
        }
        other => panic!("expected a cycle, got {other}"),
    }
}

#[test]
fn a_dependency_cycle_is_refused_with_its_members() {
    let (_dir, mut ws) = demo();
    let mut w = ws.write().unwrap();
    let err = w.save(&Dependency { before: "c104".into(), after: "c105".into(), lag_days: 0 }).unwrap_err();
    assert_eq!(err.to_string(), "dependency would form a cycle: c104 → c105 → c101 → c102 → c104");
}

#[test]
fn a_dangling_reference_names_its_field() {
    let (_dir, mut ws) = demo();
    let mut w = ws.write().unwrap();
    let claim = Claim::new("", "p01", "nobody", 0.2, 0.5, day(1), 30.0, "").unwrap();
    let err = greychart_core::ApiError::from(w.add_claim(claim).unwrap_err());
    assert_eq!(err.field.as_deref(), Some("to"));
    assert_eq!(err.message, "no people entry has id nobody");
}

#[test]
fn an_approver_cannot_be_deleted_while_needed() {
    let (_dir, mut ws) = demo();
    let mut w = ws.write().unwrap();
    let err = w.delete::<Person>(&["p25"]).unwrap_err();
    assert!(matches!(err, StoreError::Kept { entity: "person", ref id, .. } if id == "p25"), "{err}");
    // The page is told which record, not only in words.
    let api = greychart_core::ApiError::from(err);
    assert_eq!(api.code, greychart_core::ErrorCode::Conflict);
    assert_eq!(api.detail, Some(greychart_core::ErrorDetail::Record { entity: "person".into(), id: "p25".into() }));
}

#[test]
fn deleting_a_person_removes_their_claims() {
    let (_dir, mut ws) = demo();
    let mut w = ws.write().unwrap();
    w.delete::<Person>(&["p40"]).unwrap();
    w.commit().unwrap();
    let claims: Vec<Claim> = ws.read().list().unwrap();
    assert!(claims.iter().all(|c| c.from != "p40" && c.to != "p40"));
}

#[test]
fn me_is_set_to_someone_in_the_workspace_or_nobody_and_a_stranger_is_refused() {
    let (_dir, mut ws) = crate::demo();
    ws.set_me(Some("p02")).unwrap();
    assert_eq!(ws.read().setting("me").unwrap().as_deref(), Some("p02"));
    match ws.set_me(Some("nobody")) {
        Err(greychart_store::StoreError::Core(greychart_core::CoreError::Invalid(e))) => assert_eq!(e.field, "me"),
        other => panic!("a stranger as me: {other:?}"),
    }
    assert_eq!(ws.read().setting("me").unwrap().as_deref(), Some("p02"), "a refused edit changed nothing");
    ws.set_me(None).unwrap();
    assert_eq!(ws.read().setting("me").unwrap(), None);
    ws.undo().unwrap();
    assert_eq!(ws.read().setting("me").unwrap().as_deref(), Some("p02"), "undo brings me back");
}
