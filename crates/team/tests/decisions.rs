//! Decisions through the team, against a real PostgreSQL: an approver signs
//! off as themselves and every client has it; a decision on a release
//! rescoped since is refused as stale; a decision goes stale everywhere
//! when the scope changes; a delegate decides for the approver; a manager
//! records a paper sign-off with its source.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cluster;
mod published;

use greychart_core::approvals::ApprovalStatus;
use greychart_core::model::{Change, Decision, DecisionKind};
use greychart_store::Workspace;
use greychart_team::{decide, Decide, Role, TeamError, BEFORE_THE_TEAM};
use published::Team;

/// bo approves as p33 (a business owner asked about r1), cy as p27 (the
/// CAB chair).
fn team() -> Team {
    Team::published(&[("bo", "p33", Role::Approver), ("cy", "p27", Role::Approver)])
}

/// The decisions given through the team since it was published (the
/// demo's own were published with it).
fn decisions_on_server(team: &Team) -> i64 {
    team.cluster.count(&format!(
        "SELECT count(*) FROM greychart.decisions WHERE coalesce(source, '') NOT LIKE '{BEFORE_THE_TEAM}%'"
    ))
}

fn on(release: &str, kind: DecisionKind, comment: &str) -> Decide<'static> {
    let release: &'static str = Box::leak(release.to_owned().into_boxed_str());
    let comment: &'static str = Box::leak(comment.to_owned().into_boxed_str());
    Decide { release, approver: None, kind, comment, source: None }
}

fn status_of(ws: &Workspace, release: &str, approver: &str) -> (ApprovalStatus, bool) {
    let rows = ws.approvals(Some(release), chrono::NaiveDate::MIN).unwrap();
    let row = rows.iter().find(|r| r.approver == approver).unwrap();
    (row.status, row.stale)
}

fn latest(ws: &Workspace, approver: &str) -> Decision {
    let mut all: Vec<Decision> = ws.read().list().unwrap();
    all.retain(|d| d.decided_by == approver);
    all.sort_by(|a, b| a.decided_at.cmp(&b.decided_at));
    all.pop().unwrap()
}

/// Moves a change of `release` one day later (a new scope).
fn rescope(ws: &mut Workspace, release: &str) {
    let mut change: Change =
        ws.read().list::<Change>().unwrap().into_iter().find(|c| c.release.as_deref() == Some(release)).unwrap();
    change.duration_days += 1;
    ws.save(&change).unwrap();
}

#[test]
fn an_approver_signs_off_through_the_team_and_every_client_has_it() {
    let team = team();
    let mut b = team.joined("bo", "b.greychart");
    assert_eq!(status_of(&b, "r1", "p33").0, ApprovalStatus::Pending);
    let written = decide(&mut b, &on("r1", DecisionKind::Approved, "fine by me")).unwrap();
    assert_eq!(written.len(), 1, "p33 has one requirement on r1");
    // Written here at once, counted as given; pushed at the sync.
    assert_eq!(status_of(&b, "r1", "p33").0, ApprovalStatus::Approved);
    assert_eq!(decisions_on_server(&team), 0);
    let bo = team.connect("bo");
    let report = bo.sync(&mut b).unwrap();
    assert_eq!((report.pushed, report.refused.len()), (1, 0), "{report:?}");
    assert_eq!(decisions_on_server(&team), 1);
    // A retried sync records nothing twice.
    assert_eq!(bo.sync(&mut b).unwrap().pushed, 0);
    assert_eq!(decisions_on_server(&team), 1);

    let mut a = team.manager();
    team.connect("ann").sync(&mut a).unwrap();
    assert_eq!(status_of(&a, "r1", "p33"), (ApprovalStatus::Approved, false));
    let theirs = latest(&a, "p33");
    assert_eq!((theirs.comment.as_str(), theirs.login.as_str(), theirs.source.as_str()), ("fine by me", "bo", ""));
    // A third client joining later has it too, the same.
    let c = team.joined("cy", "c.greychart");
    let mine = latest(&b, "p33");
    let joined = latest(&c, "p33");
    assert_eq!((joined.kind, joined.comment, joined.login), (mine.kind, mine.comment, mine.login));

    // Not asked, not a release, not one's role: refused here, nothing queued.
    let e = decide(&mut b, &on("r5", DecisionKind::Approved, "")).unwrap_err().to_string();
    assert!(e.contains("p33 is not asked to sign off r5"), "{e}");
    let e = decide(&mut b, &on("r404", DecisionKind::Approved, "")).unwrap_err().to_string();
    assert!(e.contains("no release with id r404"), "{e}");
    let paper = Decide { source: Some("a mail"), approver: Some("p27"), ..on("r1", DecisionKind::Approved, "") };
    let e = decide(&mut b, &paper).unwrap_err().to_string();
    assert!(e.contains("only a manager"), "{e}");
    assert_eq!(b.queued_team_decisions().unwrap().len(), 0);
}

#[test]
fn a_decision_on_a_release_rescoped_since_is_refused_and_an_earlier_one_goes_stale_everywhere() {
    let team = team();
    let (ann, bo) = (team.connect("ann"), team.connect("bo"));
    let mut b = team.joined("bo", "b.greychart");
    let mut a = team.manager();
    // The manager rescopes r1 while bo looks at the old one.
    rescope(&mut a, "r1");
    ann.sync(&mut a).unwrap();
    decide(&mut b, &on("r1", DecisionKind::Approved, "looks good")).unwrap();
    let report = bo.sync(&mut b).unwrap();
    assert_eq!(report.refused.len(), 1, "{report:?}");
    assert!(report.refused[0].contains("stale: r1 changed since p33 saw it"), "{report:?}");
    assert_eq!(decisions_on_server(&team), 0);
    // Kept in the history, marked, not counted, never pushed again.
    let refused = latest(&b, "p33");
    assert!(refused.stale && refused.stale_reason.starts_with("refused by the team: stale"), "{refused:?}");
    assert_eq!(status_of(&b, "r1", "p33"), (ApprovalStatus::Approved, true));
    assert_eq!(bo.sync(&mut b).unwrap().refused.len(), 0);

    // On the scope as it is now, it is recorded.
    decide(&mut b, &on("r1", DecisionKind::Approved, "looked again")).unwrap();
    assert_eq!(bo.sync(&mut b).unwrap().pushed, 1);
    ann.sync(&mut a).unwrap();
    assert_eq!(status_of(&a, "r1", "p33"), (ApprovalStatus::Approved, false));

    // Rescoped again: the decision is stale at every client.
    rescope(&mut a, "r1");
    ann.sync(&mut a).unwrap();
    bo.sync(&mut b).unwrap();
    let c = team.joined("cy", "c.greychart");
    for ws in [&a, &b, &c] {
        let d = latest(ws, "p33");
        assert!(d.stale && !d.stale_reason.is_empty(), "{d:?}");
        assert_eq!(status_of(ws, "r1", "p33"), (ApprovalStatus::Approved, true));
    }
    // Where it was pulled, it says who changed what.
    let d = latest(&b, "p33");
    assert!(d.stale_reason.starts_with("since this decision, ann changed change "), "{d:?}");
}

#[test]
fn a_delegate_decides_for_the_approver_and_a_manager_records_a_paper_sign_off() {
    let team = team();
    let (ann, bo, cy) = (team.connect("ann"), team.connect("bo"), team.connect("cy"));
    let mut b = team.joined("bo", "b.greychart");
    let today = chrono::Utc::now().date_naive();
    // Without a delegation the team refuses it.
    let for_cy = Decide { approver: Some("p27"), ..on("r1", DecisionKind::Approved, "for Chris, away") };
    decide(&mut b, &for_cy).unwrap();
    let report = bo.sync(&mut b).unwrap();
    assert!(report.refused.iter().any(|r| r.contains("p27 has not delegated to p33")), "{report:?}");
    // cy delegates to bo for today; bo may not delegate for cy.
    let e = bo.delegate(Some("p27"), "p33", today, today).unwrap_err();
    assert!(matches!(e, TeamError::Refused(_)), "{e}");
    cy.delegate(None, "p33", today, today).unwrap();
    decide(&mut b, &for_cy).unwrap();
    assert_eq!(bo.sync(&mut b).unwrap().pushed, 1);
    let mut a = team.manager();
    ann.sync(&mut a).unwrap();
    let by_delegate = latest(&a, "p27");
    assert_eq!((by_delegate.recorded_by.as_str(), by_delegate.login.as_str()), ("p33", "bo"));
    assert_eq!(status_of(&a, "r1", "p27").0, ApprovalStatus::Approved);

    // A paper sign-off, recorded by the manager with its source.
    let paper = Decide {
        approver: Some("p25"),
        source: Some("signed CAB minutes, 2026-12-07"),
        ..on("r2", DecisionKind::Rejected, "not before the freeze")
    };
    decide(&mut a, &paper).unwrap();
    assert_eq!(ann.sync(&mut a).unwrap().pushed, 1);
    bo.sync(&mut b).unwrap();
    let on_paper = latest(&b, "p25");
    assert_eq!(
        (on_paper.kind, on_paper.source.as_str(), on_paper.recorded_by.as_str()),
        (DecisionKind::Rejected, "signed CAB minutes, 2026-12-07", "p26")
    );
    assert_eq!(
        team.cluster.count(&format!(
            "SELECT count(*) FROM greychart.decisions WHERE on_behalf AND recorded_by = 'p26'
             AND source NOT LIKE '{BEFORE_THE_TEAM}%'"
        )),
        1
    );
}

#[test]
fn an_approvers_plan_edit_goes_back_to_the_teams_version() {
    let team = team();
    let mut b = team.joined("bo", "b.greychart");
    rescope(&mut b, "r1");
    let report = team.connect("bo").sync(&mut b).unwrap();
    assert_eq!(report.pushed, 0);
    assert!(report.refused.iter().any(|r| r.contains("only a manager edits the plan")), "{report:?}");
    let a = team.manager();
    let theirs: Vec<Change> = a.read().list().unwrap();
    let mine: Vec<Change> = b.read().list().unwrap();
    assert_eq!(mine, theirs);
    assert!(greychart_team::queued(&b, "bo").unwrap().is_empty());
}

#[test]
fn the_decisions_given_before_the_team_are_published_with_the_plan_as_recorded_by_the_publisher() {
    let team = team();
    let a = team.manager();
    let b = team.joined("bo", "b.greychart");
    let today = chrono::NaiveDate::MIN;
    let (mine, theirs) = (a.approvals(None, today).unwrap(), b.approvals(None, today).unwrap());
    let mut published = 0;
    for row in &mine {
        let joined = theirs.iter().find(|r| r.id == row.id).unwrap();
        match (row.status, row.stale) {
            (ApprovalStatus::Pending, _) | (_, true) => {
                assert_eq!(joined.status, ApprovalStatus::Pending, "{} was not current: not published", row.id)
            }
            (ApprovalStatus::ChangesRequested, false) => {
                assert_eq!(joined.status, ApprovalStatus::Rejected, "{}", row.id);
                assert!(joined.comment.starts_with("changes requested"), "{joined:?}");
                published += 1;
            }
            (status, false) => {
                assert_eq!((joined.status, &joined.comment), (status, &row.comment), "{}", row.id);
                published += 1;
            }
        }
    }
    assert!(published >= 3, "the demo has current decisions: {published}");
    assert_eq!(decisions_on_server(&team), 0, "each given before the team says so");
    // Recorded by the manager who published, on the approvers' behalf,
    // and insert-only like any other.
    let given =
        format!("SELECT count(*) FROM greychart.decisions WHERE source LIKE '{BEFORE_THE_TEAM}, on ____-__-__'");
    assert_eq!(team.cluster.count(&given), published);
    assert_eq!(
        team.cluster.count(&format!("{given} AND on_behalf AND recorded_by = 'p26' AND login = 'ann'")),
        published
    );
    // Dated by the team when it recorded it; the day it was given is in
    // its source.
    let row = mine.iter().find(|r| r.status == ApprovalStatus::Approved && !r.stale && r.approver != "p26").unwrap();
    let decision = latest(&b, &row.approver);
    let given_on = format!("{BEFORE_THE_TEAM}, on {}", &row.decided_at.as_deref().unwrap()[..10]);
    assert_eq!((decision.source.as_str(), decision.recorded_by.as_str()), (given_on.as_str(), "p26"));
    // Nothing left queued at the publisher.
    assert_eq!(team.connect("ann").sync(&mut team.manager()).unwrap().pushed, 0);
}

#[test]
fn with_separation_of_duties_nobody_signs_off_a_release_they_rescoped() {
    // mo is a manager and the change manager (p25), asked on every release.
    let team = Team::published(&[("mo", "p25", Role::Manager), ("ad", "p02", Role::Admin)]);
    let (mo, ad, ann) = (team.connect("mo"), team.connect("ad"), team.connect("ann"));
    let mut m = team.joined("mo", "m.greychart");
    // Only an admin sets the policy.
    assert!(matches!(mo.separate_duties(true), Err(TeamError::Refused(_))));
    assert!(!mo.separates_duties().unwrap());
    ad.separate_duties(true).unwrap();
    assert!(mo.separates_duties().unwrap());

    // mo rescopes r3, then approves it: refused, by PostgreSQL.
    rescope(&mut m, "r3");
    mo.sync(&mut m).unwrap();
    decide(&mut m, &on("r3", DecisionKind::Approved, "mine, fine")).unwrap();
    let report = mo.sync(&mut m).unwrap();
    assert!(
        report.refused.iter().any(|r| r.contains("separation of duties: p25 requested or last rescoped r3")),
        "{report:?}"
    );
    // Nor may a manager record it on paper for them.
    let mut a = team.manager();
    ann.sync(&mut a).unwrap();
    decide(&mut a, &Decide { approver: Some("p25"), source: Some("a mail"), ..on("r3", DecisionKind::Approved, "") })
        .unwrap();
    assert!(ann.sync(&mut a).unwrap().refused.iter().any(|r| r.contains("separation of duties")));
    // A release someone else last changed mo signs off as usual.
    decide(&mut m, &on("r6", DecisionKind::Approved, "not mine")).unwrap();
    assert_eq!(mo.sync(&mut m).unwrap().pushed, 1);
    // The policy off, mo's own work is theirs to sign again.
    ad.separate_duties(false).unwrap();
    decide(&mut m, &on("r3", DecisionKind::Approved, "policy off")).unwrap();
    assert_eq!(mo.sync(&mut m).unwrap().pushed, 1);
    assert_eq!(
        team.cluster.count("SELECT count(*) FROM greychart.audit WHERE entity = 'policies' AND login = 'ad'"),
        2,
        "each change of the policy is in the audit trail"
    );
}
