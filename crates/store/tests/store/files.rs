//! Workspace files: creation, refusal of foreign and newer files, copies.

use greychart_store::{StoreError, Workspace, SCHEMA_VERSION};

use crate::{demo, temp_path};

#[test]
fn create_refuses_to_overwrite() {
    let (_dir, ws) = demo();
    let err = Workspace::create(ws.path()).err().unwrap();
    assert!(err.to_string().contains("already exists"), "{err}");
}

#[test]
fn a_file_from_a_newer_greychart_is_refused_and_left_alone() {
    let (_dir, ws) = demo();
    let path = ws.path().to_owned();
    drop(ws);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer Greychart"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_foreign_sqlite_file_and_a_text_file_are_refused() {
    let (_dir, path) = temp_path("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('keep me');").unwrap();
    }
    let err = Workspace::open(&path).err().unwrap();
    assert!(err.to_string().contains("another program"), "{err}");
    let (_dir2, text) = temp_path("notes.txt");
    std::fs::write(&text, "hello, this is not a database at all, just some words here").unwrap();
    let err = Workspace::open(&text).err().unwrap();
    assert!(matches!(err, StoreError::NotAWorkspace { .. }), "{err}");
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "hello, this is not a database at all, just some words here");
}

#[test]
fn a_new_workspace_has_the_current_schema_and_settings() {
    let (_dir, path) = temp_path("new.greychart");
    let ws = Workspace::create(&path).unwrap();
    assert_eq!(ws.read().formal_weight().unwrap(), 0.5);
    drop(ws);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let fk: i64 =
        conn.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0)).map(|m| i64::from(m == "wal")).unwrap();
    assert_eq!((v, fk), (SCHEMA_VERSION, 1));
}

#[test]
fn save_copy_writes_an_equal_workspace() {
    let (dir, ws) = demo();
    let copy = dir.path().join("copy.greychart");
    ws.save_copy(&copy).unwrap();
    let other = Workspace::open(&copy).unwrap();
    assert_eq!(other.read().data().unwrap(), ws.read().data().unwrap());
    assert!(ws.save_copy(&copy).is_err(), "refuses to overwrite");
}
