//! Workspace files: creation, refusal of foreign and newer files, copies.

use greychart_store::{StoreError, Workspace, KEPT_BACKUPS, SCHEMA_VERSION};

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

/// A copy of the schema-1 demo file in a temporary folder.
fn v1_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_path("old.greychart");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-demo.greychart");
    std::fs::copy(fixture, &path).unwrap();
    (dir, path)
}

#[test]
fn a_schema_1_file_is_upgraded_and_keeps_every_record() {
    let (_dir, path) = v1_copy();
    let version = |p: &std::path::Path| -> i64 {
        rusqlite::Connection::open(p).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(version(&path), 1);
    let mut ws = Workspace::open(&path).unwrap();
    let data = ws.read().data().unwrap();
    assert_eq!((data.people.len(), data.claims.len(), data.releases.len()), (40, 61, 6));
    assert!(ws.positions().unwrap().is_empty());
    let p = greychart_core::transport::Position { person: "p01".into(), x: 10.0, y: -4.5 };
    ws.save_positions(std::slice::from_ref(&p)).unwrap();
    drop(ws);
    assert_eq!(version(&path), SCHEMA_VERSION);
    assert_eq!(Workspace::open(&path).unwrap().positions().unwrap(), vec![p]);
}

#[test]
fn an_upgrade_backs_the_file_up_first_and_keeps_the_last_three_backups() {
    let (dir, path) = v1_copy();
    let folder = dir.path();
    // Four older backups of this file, and files that only look alike.
    for stamp in ["20240101-000000", "20250101-000000", "20250601-120000", "20260101-000000"] {
        std::fs::write(folder.join(format!("old.greychart.{stamp}.v1.backup")), b"older").unwrap();
    }
    for other in ["old.greychart.notes.backup", "other.greychart.20200101-000000.v1.backup"] {
        std::fs::write(folder.join(other), b"keep me").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    drop(Workspace::open(&path).unwrap());
    let mut backups: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("old.greychart.") && n.ends_with(".v1.backup"))
        .collect();
    backups.sort();
    assert_eq!(backups.len(), KEPT_BACKUPS, "{backups:?}");
    assert_eq!(backups[..2], ["old.greychart.20250601-120000.v1.backup", "old.greychart.20260101-000000.v1.backup"]);
    // The newest is a real copy of the schema-1 file, made before the upgrade.
    let copy = folder.join(&backups[2]);
    let conn = rusqlite::Connection::open_with_flags(&copy, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let people: i64 = conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!((version, people), (1, 40));
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    assert_ne!(std::fs::read(&path).unwrap(), before, "the original was upgraded");
    for other in ["old.greychart.notes.backup", "other.greychart.20200101-000000.v1.backup"] {
        assert!(folder.join(other).exists(), "{other} was removed");
    }
    // Opening the upgraded file makes no further backup.
    drop(Workspace::open(&path).unwrap());
    let names = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
    assert_eq!(names.filter(|n| n.starts_with("old.greychart.") && n.ends_with(".v1.backup")).count(), KEPT_BACKUPS);
}

#[test]
fn a_failed_migration_leaves_the_file_as_it_was() {
    let (_dir, path) = v1_copy();
    // Something already named like the next migration's table makes it fail.
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE positions (stray INTEGER)").unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert!(err.to_string().contains("positions"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn positions_name_unknown_people_and_refuse_non_numbers() {
    let (_dir, mut ws) = demo();
    let bad = greychart_core::transport::Position { person: "nobody".into(), x: 1.0, y: 1.0 };
    assert!(matches!(ws.save_positions(&[bad]), Err(StoreError::NotFound { .. })));
    let nan = greychart_core::transport::Position { person: "p01".into(), x: f64::NAN, y: 1.0 };
    assert!(ws.save_positions(&[nan]).is_err());
    assert!(ws.positions().unwrap().is_empty());
}
