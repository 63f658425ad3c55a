//! CSV imports: all-or-nothing, with file/line/field errors.

use greychart_core::import::{parse_claims, parse_people};
use greychart_core::model::{Claim, Person, Team};

use crate::demo;

#[test]
fn people_import_creates_teams_and_forward_managers() {
    let (_dir, mut ws) = demo();
    let csv = "id,name,title,team,manager\nn1,Ann,Dev,Platform Guild,n2\nn2,Bo,Lead,Platform Guild,p01\n";
    let rows = parse_people("new.csv", csv.as_bytes()).unwrap();
    let report = ws.import_people("new.csv", &rows).unwrap();
    assert_eq!(report.created_teams, ["Platform Guild"]);
    let ann: Person = ws.read().get(&["n1"]).unwrap().unwrap();
    assert_eq!(ann.manager.as_deref(), Some("n2"));
    let team: Team = ws.read().get(&[ann.team.as_deref().unwrap()]).unwrap().unwrap();
    assert_eq!(team.name, "Platform Guild");
}

#[test]
fn a_failed_import_changes_nothing() {
    let (_dir, mut ws) = demo();
    let before = ws.read().data().unwrap();
    let csv = "from,to,strength,confidence,observed_on,half_life_days,source,note\n\
               p01,p02,0.5,,2026-01-01,,,\np01,ghost,0.5,,2026-01-01,,,\n";
    let rows = parse_claims("claims.csv", csv.as_bytes()).unwrap();
    let err = ws.import_claims("claims.csv", &rows).unwrap_err();
    assert_eq!(err.to_string(), "claims.csv:3: to: no person with id ghost");
    assert_eq!(ws.read().data().unwrap(), before);
}

#[test]
fn imported_claims_are_recorded_by_me() {
    let (_dir, mut ws) = demo();
    let csv = "from,to,strength,confidence,observed_on,half_life_days,source,note\np01,p02,0.5,,2026-01-01,,minutes,\n";
    let rows = parse_claims("claims.csv", csv.as_bytes()).unwrap();
    ws.import_claims("claims.csv", &rows).unwrap();
    let claims = ws.read().list::<Claim>().unwrap();
    let imported = claims.iter().find(|c| c.source == "minutes").unwrap();
    assert_eq!(imported.recorded_by, "p26", "the demo names p26 as me");
}

#[test]
fn an_imported_reporting_cycle_is_refused() {
    let (_dir, mut ws) = demo();
    let csv = "id,name,title,team,manager\nx1,A,,,x2\nx2,B,,,x1\n";
    let rows = parse_people("cycle.csv", csv.as_bytes()).unwrap();
    let err = ws.import_people("cycle.csv", &rows).unwrap_err();
    assert_eq!(err.to_string(), "reporting line would form a cycle: x1 → x2 → x1");
}

/// `n` claims between the demo's people, as a file would hold them.
fn many_claims(n: usize) -> Vec<greychart_core::import::ClaimRow> {
    let mut csv = String::from("from,to,strength,confidence,observed_on,half_life_days,source,note\n");
    for i in 0..n {
        csv.push_str(&format!("p{:02},p{:02},0.5,,2026-01-01,,bulk,\n", 1 + i % 38, 1 + (i + 7) % 38));
    }
    parse_claims("bulk.csv", csv.as_bytes()).unwrap()
}

fn indexes(ws: &greychart_store::Workspace) -> Vec<String> {
    let conn = rusqlite::Connection::open(ws.path()).unwrap();
    let mut stmt = conn
        .prepare("SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn a_bulk_import_of_claims_leaves_the_schemas_own_indexes() {
    let (_dir, mut ws) = demo();
    let before = indexes(&ws);
    assert!(before.iter().any(|i| i.starts_with("claims_to:")), "{before:?}");
    let rows = many_claims(12_000);
    ws.import_claims("bulk.csv", &rows).unwrap();
    assert_eq!(indexes(&ws), before);
    assert!(ws.read().list::<Claim>().unwrap().len() > 12_000);
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let (_dir, mut ws) = demo();
    let before = ws.read().data().unwrap();
    let rows = many_claims(300_000);
    let parsed = greychart_core::import::Parsed::Claims(rows);
    let watch = ws.watch();
    let canceller = std::thread::spawn(move || {
        while watch.written() < 1_000 {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        watch.cancel();
    });
    let result = ws.import("bulk.csv", &parsed, true);
    canceller.join().unwrap();
    assert_eq!(result.map(|r| r.rows).map_err(|e| e.to_string()), Err("cancelled: nothing was written".to_owned()));
    assert_eq!(ws.read().data().unwrap(), before);
    // The Cancel ends with the import: the next edit is saved.
    let team = Team { id: "t-after".into(), name: "After".into(), kind: greychart_core::model::TeamKind::Other };
    ws.save(&team).unwrap();
}
