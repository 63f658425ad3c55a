//! Spreadsheets, the Jira and ServiceNow presets and a folder of CSV tables,
//! imported as a user would: the fixtures in tests/fixtures/import were
//! written from the public descriptions of those exports.

use crate::{fixtures_dir, greychart, greychart_ok, s};

fn fixture(name: &str) -> std::path::PathBuf {
    fixtures_dir().join("import").join(name)
}

fn workspace_json(ws: &std::path::Path) -> serde_json::Value {
    let doc: serde_json::Value =
        serde_json::from_str(&greychart_ok(&["export", s(ws), "--format", "json", "--include-private"])).unwrap();
    doc["workspace"].clone()
}

#[test]
fn a_people_sheet_of_a_workbook_and_an_ods_file_import_through_a_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.greychart");
    let people = fixture("people.xlsx");
    let map = "id=Employee ID,name=Full name,title=Job title,team=Department,manager=Reports to";
    // The first sheet is a note: it has none of the columns.
    let out = greychart(&["import", s(&ws), s(&people), "--kind", "people", "--map", map]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[Read me]:1: id: the map names the column \"Employee ID\""));
    assert!(!ws.exists());
    let out = greychart(&["import", s(&ws), s(&people), "--kind", "people", "--sheet", "Payroll", "--map", map]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no sheet \"Payroll\"; its sheets are Read me, Staff"));
    let out = greychart_ok(&["import", s(&ws), s(&people), "--kind", "people", "--sheet", "Staff", "--map", map]);
    assert!(out.contains("imported 6 rows") && out.contains("created team Change Management"), "{out}");

    let map = "id=Release,name=Name,stage=Stage,window_start=Start,window_end=End,risk=Risk,cost=Budget";
    greychart_ok(&["import", s(&ws), s(&fixture("releases.ods")), "--kind", "releases", "--map", map]);
    let data = workspace_json(&ws);
    let people = data["people"].as_array().unwrap();
    assert_eq!(people.iter().find(|p| p["id"] == "e102").map(|p| p["manager"].clone()), Some("e101".into()));
    let hub = data["releases"].as_array().unwrap().iter().find(|r| r["id"] == "ph-2.0").cloned().unwrap();
    assert_eq!((hub["window_start"].as_str(), hub["cost"].as_f64()), (Some("2027-03-08"), Some(180_000.0)));
}

#[test]
fn jira_issues_import_as_changes_with_their_releases_components_and_blocks_links() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.greychart");
    let out = greychart_ok(&["import", s(&ws), s(&fixture("jira-issues.csv")), "--preset", "jira"]);
    assert!(out.contains("created release payments-hub-2.0"), "{out}");
    assert!(out.contains("left out: line 6: CORE-12 blocks PAY-105, but CORE-12 is not in the file"), "{out}");
    let data = workspace_json(&ws);
    let releases: Vec<_> = data["releases"].as_array().unwrap().iter().map(|r| r["name"].clone()).collect();
    assert_eq!(releases, ["Payments Hub 2.0", "Payments Hub 2.1"]);
    let first = data["changes"].as_array().unwrap().iter().find(|c| c["id"] == "PAY-101").cloned().unwrap();
    assert_eq!(first["components"], serde_json::json!(["payments-api", "card-vault"]));
    assert_eq!(first["duration_days"], 3);
    let mut links: Vec<(String, String)> = data["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["before"].as_str().unwrap().to_owned(), d["after"].as_str().unwrap().to_owned()))
        .collect();
    links.sort();
    let want = [("PAY-101", "PAY-102"), ("PAY-101", "PAY-104"), ("PAY-102", "PAY-103")];
    assert_eq!(links, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
    // The critical path follows the links.
    let plan: serde_json::Value = serde_json::from_str(&greychart_ok(&["plan", s(&ws), "--json"])).unwrap();
    assert_eq!(plan["critical_path"], serde_json::json!(["PAY-101", "PAY-104"]));
}

#[test]
fn servicenow_change_requests_import_from_csv_or_excel_with_their_window_group_and_risk() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.greychart");
    let out = greychart_ok(&["import", s(&ws), s(&fixture("servicenow-changes.csv")), "--preset", "servicenow"]);
    assert!(out.contains("created team Database Administration"), "{out}");
    greychart_ok(&["import", s(&ws), s(&fixture("servicenow-changes.xlsx")), "--preset", "servicenow"]);
    let data = workspace_json(&ws);
    let change = |id: &str| data["changes"].as_array().unwrap().iter().find(|c| c["id"] == id).cloned().unwrap();
    let ledger = change("CHG0030101");
    assert_eq!((ledger["not_before"].as_str(), ledger["risk"].as_str()), (Some("2027-03-13"), Some("high")));
    assert_eq!(ledger["components"], serde_json::json!(["ledger-db"]));
    let vault = change("CHG0040003");
    assert_eq!((vault["not_before"].as_str(), vault["duration_days"].as_u64()), (Some("2027-03-15"), Some(4)));
    let db = data["components"].as_array().unwrap().iter().find(|c| c["id"] == "ledger-db").cloned().unwrap();
    assert_eq!(db["owner_team"], "database-administration");

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "number,short_description,risk\nCHG1,A,Extreme\n").unwrap();
    let before = std::fs::read(&ws).unwrap();
    let out = greychart(&["import", s(&ws), s(&bad), "--preset", "servicenow"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.csv:2: Risk: \"Extreme\" is not"));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn a_folder_of_every_table_exported_imports_into_a_new_file_as_the_same_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.greychart");
    greychart_ok(&["demo", s(&demo)]);
    let folder = dir.path().join("tables");
    greychart_ok(&["export", s(&demo), "--format", "csv", "--include-private", "-o", s(&folder)]);
    let fresh = dir.path().join("fresh.greychart");
    let out = greychart_ok(&["import", s(&fresh), s(&folder), "--kind", "csv-folder"]);
    assert!(out.contains("imported"), "{out}");
    assert_eq!(workspace_json(&fresh), workspace_json(&demo));

    // A stray table is refused, naming it, and no file is left behind.
    std::fs::write(folder.join("notes.csv"), "a\n1\n").unwrap();
    let other = dir.path().join("other.greychart");
    let out = greychart(&["import", s(&other), s(&folder), "--kind", "csv-folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.csv"));
    assert!(!other.exists());
}
