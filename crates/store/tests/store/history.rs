//! Undo and redo on real workspace files: every kind of app edit steps back
//! to exactly what was there, across a restart; imports stop undo; a
//! workspace changed outside the history refuses undo and stays as it is.

use greychart_core::import::parse_people;
use greychart_core::model::*;
use greychart_store::{StoreError, Workspace};

use crate::demo;

fn person(ws: &Workspace, id: &str) -> Person {
    ws.read().get::<Person>(&[id]).unwrap().unwrap()
}

/// Equal workspaces, each table compared as a set: a row brought back by
/// undo is listed after the rows written before it, as the store lists rows
/// in the order they were written. On failure, the first rows that differ.
fn assert_same(a: &WorkspaceData, b: &WorkspaceData) {
    fn rows<T: std::fmt::Debug>(table: &[T]) -> Vec<String> {
        let mut rows: Vec<String> = table.iter().map(|r| format!("{r:?}")).collect();
        rows.sort();
        rows
    }
    macro_rules! tables {
        ($($field:ident),*) => {
            $(
                let (x, y) = (rows(&a.$field), rows(&b.$field));
                let differ: Vec<_> = x.iter().zip(&y).filter(|(p, q)| p != q).take(3).collect();
                assert!(x.len() == y.len() && differ.is_empty(), "{} differ: {differ:#?}", stringify!($field));
            )*
        };
    }
    tables!(teams, people, claims, releases, stances, profiles, engagements, components, services, changes);
    tables!(dependencies, periods, absences, requirements, decisions, approval_rules);
    assert_eq!((&a.me, a.formal_weight, &a.change_manager), (&b.me, b.formal_weight, &b.change_manager));
}

fn summaries(ws: &Workspace) -> Vec<(String, String)> {
    ws.history(50).unwrap().into_iter().map(|e| (e.summary, e.state)).collect()
}

#[test]
fn edits_undo_to_exactly_the_workspace_before_and_redo_after_a_restart() {
    let (dir, mut ws) = demo();
    let before = ws.read().data().unwrap();
    let p02 = person(&ws, "p02");
    ws.save(&Person { title: "Chief of Everything".into(), ..p02.clone() }).unwrap();
    let claim = Claim { id: String::new(), note: "heard at the offsite".into(), ..before.claims[0].clone() };
    ws.save_claim(claim).unwrap();
    // Deleting a change takes its dependencies with it; undo brings all back.
    let change = before.changes.iter().find(|c| before.dependencies.iter().any(|d| d.after == c.id)).unwrap();
    ws.delete::<Change>(&[&change.id]).unwrap();
    // Moving a release marks its decisions stale and re-derives requirements.
    let r1 = before.releases.iter().find(|r| r.id == "r1").unwrap();
    let shifted = |d: Option<chrono::NaiveDate>| d.map(|d| d + chrono::Duration::days(7));
    ws.save(&Release { window_start: shifted(r1.window_start), window_end: shifted(r1.window_end), ..r1.clone() })
        .unwrap();
    ws.save_positions(&[greychart_core::transport::Position { person: "p03".into(), x: 10.0, y: -4.5 }]).unwrap();
    let after = ws.read().data().unwrap();
    let stale = |d: &WorkspaceData| d.decisions.iter().filter(|d| d.stale).count();
    assert!(stale(&after) > stale(&before), "moving r1 marked its decisions stale");
    let positions = ws.positions().unwrap();

    let history = summaries(&ws);
    assert_eq!(history[0].0, "Moved people on the map (1 people moved)");
    assert_eq!(history[1].0, format!("Edited release {} (r1)", r1.name));
    assert_eq!(history[2].0, format!("Deleted change {} ({})", change.title, change.id));
    let names = |id: &str| before.people.iter().find(|p| p.id == id).unwrap().name.clone();
    let sways = format!(": {} sways {}", names(&before.claims[0].from), names(&before.claims[0].to));
    assert!(history[3].0.starts_with("Added claim cl") && history[3].0.ends_with(&sways), "{history:?}");
    assert_eq!(history[4].0, format!("Edited person {} (p02)", p02.name));
    assert!(history[5].0.starts_with("Imported "), "the demo itself: {history:?}");
    assert!(history.iter().all(|(_, state)| state == "done"));

    for _ in 0..5 {
        ws.undo().unwrap();
    }
    assert_same(&ws.read().data().unwrap(), &before);
    assert!(ws.positions().unwrap().iter().all(|p| p.person != "p03"));
    let refused = ws.undo().unwrap_err();
    assert!(matches!(&refused, StoreError::Conflict(m) if m.contains("cannot be undone") && m.contains("Imported")));
    assert_same(&ws.read().data().unwrap(), &before);

    // The history is in the file: redo after closing and opening it again.
    let path = ws.path().to_owned();
    drop(ws);
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(summaries(&ws).iter().filter(|(_, s)| s == "undone").count(), 5);
    for _ in 0..5 {
        ws.redo().unwrap();
    }
    assert_same(&ws.read().data().unwrap(), &after);
    assert_eq!(ws.positions().unwrap(), positions);
    assert!(matches!(ws.redo(), Err(StoreError::Conflict(m)) if m.contains("nothing to redo")));
    drop(dir);
}

#[test]
fn arranging_the_map_automatically_forgets_every_place_and_undo_brings_them_back() {
    let (_dir, mut ws) = demo();
    let place = |person: &str, x| greychart_core::transport::Position { person: person.into(), x, y: -4.5 };
    let places = vec![place("p03", 10.0), place("p04", 20.0)];
    ws.save_positions(&places).unwrap();
    assert_eq!(ws.clear_positions().unwrap(), 2);
    assert!(ws.positions().unwrap().is_empty());
    assert_eq!(summaries(&ws)[0].0, "Arranged the map automatically (2 places forgotten)");
    ws.undo().unwrap();
    assert_eq!(ws.positions().unwrap(), places);
    // Nothing saved: nothing forgotten, nothing written to the audit log,
    // and Undo still reaches the arrangement.
    ws.redo().unwrap();
    let (before, audited) = (summaries(&ws), ws.read().audit_count().unwrap());
    assert_eq!(ws.clear_positions().unwrap(), 0);
    assert_eq!((summaries(&ws), ws.read().audit_count().unwrap()), (before, audited));
    ws.undo().unwrap();
    assert_eq!(ws.positions().unwrap(), places);
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_and_step_to_moves_several_at_once() {
    let (_dir, mut ws) = demo();
    let p02 = person(&ws, "p02");
    for title in ["One", "Two", "Three"] {
        ws.save(&Person { title: title.into(), ..p02.clone() }).unwrap();
    }
    let ids: Vec<i64> = ws.history(3).unwrap().into_iter().map(|e| e.id).collect();
    // Back to just before "One": all three undone in one transaction.
    let undone = ws.step_to(ids[2]).unwrap();
    assert_eq!(undone.len(), 3);
    assert_eq!(person(&ws, "p02").title, p02.title);
    // Forward to just after "Two".
    assert_eq!(ws.step_to(ids[1]).unwrap().len(), 2);
    assert_eq!(person(&ws, "p02").title, "Two");
    // A new edit: "Three" can no longer be redone, and leaves the list.
    ws.save(&Person { title: "Four".into(), ..p02.clone() }).unwrap();
    assert!(ws.redo().is_err());
    let history = summaries(&ws);
    assert_eq!(history.iter().filter(|(_, s)| s == "undone").count(), 0);
    assert!(ws.step_to(ids[0]).is_err(), "a dropped edit is not in the history");
    ws.undo().unwrap();
    assert_eq!(person(&ws, "p02").title, "Two");
}

#[test]
fn an_edit_changed_since_by_an_import_is_not_undone_and_nothing_changes() {
    let (_dir, mut ws) = demo();
    let p02 = person(&ws, "p02");
    ws.save(&Person { title: "Edited in the app".into(), ..p02.clone() }).unwrap();
    let csv = format!("id,name,title,team,manager\np02,{},Imported title,,\n", p02.name);
    let rows = parse_people("people.csv", csv.as_bytes()).unwrap();
    ws.import_people("people.csv", &rows).unwrap();
    let data = ws.read().data().unwrap();
    // The import is the newest edit and cannot be undone.
    assert!(matches!(ws.undo(), Err(StoreError::Conflict(m)) if m.contains("cannot be undone")));
    // Stepping back past it is refused too, naming the import.
    let first = ws.history(2).unwrap()[1].id;
    assert!(ws.step_to(first).is_err());
    assert_eq!(ws.read().data().unwrap(), data);
}

#[test]
fn an_edit_whose_rows_changed_outside_the_history_is_refused_with_what_changed() {
    let (_dir, mut ws) = demo();
    let p02 = person(&ws, "p02");
    ws.save(&Person { title: "Edited in the app".into(), ..p02.clone() }).unwrap();
    // Another program writes the same row straight into the file.
    let other = rusqlite::Connection::open(ws.path()).unwrap();
    other.execute("UPDATE people SET title = 'Changed elsewhere' WHERE id = 'p02'", []).unwrap();
    drop(other);
    let data = ws.read().data().unwrap();
    let err = ws.undo().unwrap_err();
    assert!(matches!(&err, StoreError::Conflict(m) if m.contains("changed since")), "{err}");
    assert_eq!(ws.read().data().unwrap(), data);
    assert_eq!(ws.history(1).unwrap()[0].state, "done");
}
