//! `greychart import` and `greychart demo` as a user meets them.

use crate::{demo_file, greychart, greychart_ok, s};

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_bad_row_exits_2_names_file_line_and_field_and_leaves_the_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.greychart");
    greychart_ok(&["demo", s(&ws)]);
    let before = std::fs::read(&ws).unwrap();
    let bad = write(
        dir.path(),
        "claims.csv",
        "from,to,strength,confidence,observed_on,half_life_days,source,note\np01,p02,0.5,,2026-01-01,,,\np01,p02,2,,2026-01-01,,,\n",
    );
    let out = greychart(&["import", s(&ws), s(&bad), "--kind", "claims"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("claims.csv:3: strength: must be between 0 and 1"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    let unknown = write(
        dir.path(),
        "more.csv",
        "from,to,strength,confidence,observed_on,half_life_days,source,note\np01,p02,0.5,,2026-01-01,,,\nzz,p02,0.5,,2026-01-01,,,\n",
    );
    let out = greychart(&["import", s(&ws), s(&unknown), "--kind", "claims"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("more.csv:3: from: no person with id zz"));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn a_failed_import_into_a_new_path_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("new.greychart");
    let people = write(dir.path(), "people.csv", "id,name,title,team,manager\na,Ann,,,b\n");
    let out = greychart(&["import", s(&ws), s(&people), "--kind", "people"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("people.csv:2: manager: no person with id b"));
    assert!(!ws.exists());
}

#[test]
fn importing_an_existing_id_updates_it_and_new_teams_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.greychart");
    let first = write(dir.path(), "p1.csv", "id,name,title,team,manager\na,Ann,Dev,Payments,\n");
    let out = greychart_ok(&["import", s(&ws), s(&first), "--kind", "people"]);
    assert!(out.contains("created team Payments"), "{out}");
    let second = write(dir.path(), "p2.csv", "id,name,title,team,manager\na,Ann Lee,Lead,Payments,\n");
    let out = greychart_ok(&["import", s(&ws), s(&second), "--kind", "people"]);
    assert!(!out.contains("created team"), "{out}");
    let json = greychart_ok(&["influence", s(&ws), "--json"]);
    assert!(json.contains("\"Ann Lee\""), "{json}");
}

#[test]
fn demo_refuses_to_overwrite_and_path_names_unknown_people() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.greychart");
    assert!(greychart_ok(&["demo", s(&ws)]).contains("40 people"));
    let out = greychart(&["demo", s(&ws)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    let out = greychart(&["path", s(&ws), "p26", "nobody", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no person with id nobody"));
    let path = greychart_ok(&["path", s(&ws), "p26", "p01", "--json"]);
    assert!(path.contains("\"p26\""), "{path}");
}

#[test]
fn factions_cover_everyone_once_and_evidence_names_gaps_and_movers() {
    let (_dir, ws) = demo_file();
    let day = chrono::Local::now().date_naive().to_string();
    let factions: serde_json::Value =
        serde_json::from_str(&greychart_ok(&["factions", s(&ws), "--as-of", &day, "--json"])).unwrap();
    let groups = factions.as_array().unwrap();
    let mut members: Vec<&str> =
        groups.iter().flat_map(|g| g["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap())).collect();
    assert_eq!(members.len(), 40, "every demo person in exactly one faction");
    members.sort_unstable();
    members.dedup();
    assert_eq!(members.len(), 40);
    let sizes: Vec<usize> = groups.iter().map(|g| g["members"].as_array().unwrap().len()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "largest first: {sizes:?}");
    assert!(sizes[0] > 1);

    let evidence: serde_json::Value =
        serde_json::from_str(&greychart_ok(&["evidence", s(&ws), "--as-of", &day, "--days", "30", "--json"])).unwrap();
    let since = chrono::Local::now().date_naive() - chrono::Duration::days(30);
    assert_eq!(evidence["movers_since"], since.to_string());
    assert!(evidence["movers"].as_array().unwrap().len() <= 5);
    // Nobody who is the target of a claim counts as unswayed.
    let claims = greychart_core::demo::demo_workspace(chrono::Local::now().date_naive()).claims;
    let unswayed = evidence["coverage"]["unswayed"].as_array().unwrap();
    assert!(!unswayed.is_empty());
    for id in unswayed {
        let id = id.as_str().unwrap();
        assert!(!claims.iter().any(|c| c.to == id && !c.retired), "{id} is swayed by a claim");
    }
    let out = greychart(&["evidence", s(&ws), "--days", "0"]);
    assert_eq!(out.status.code(), Some(2), "days must be at least 1");
}

#[test]
fn a_200_megabyte_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("claims.csv");
    // Sparse: the size is what matters, and it is checked before reading.
    std::fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let ws = dir.path().join("new.greychart");
    let out = greychart(&["import", s(&ws), s(&big), "--kind", "claims"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is 200 MB") && err.contains("up to 128 MB"), "{err}");
    assert!(!ws.exists(), "nothing was created");
}

#[test]
fn map_reads_another_files_headers_and_a_wrong_mapping_exits_2_naming_it_writing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("hr.greychart");
    let hr = write(
        dir.path(),
        "hr.csv",
        "Employee ID,Full name,Job title,Department,Line manager,Desk\ne1,Ann Lee,CIO,IT,,A1\ne2,Bo Ek,QA lead,IT,e1,B2\n",
    );
    let map = "id=Employee ID,name=Full name,title=Job title,team=Department,manager=Line manager";
    let out = greychart_ok(&["import", s(&ws), s(&hr), "--kind", "people", "--map", map]);
    assert!(out.contains("imported 2 rows"), "{out}");
    let people = greychart_ok(&["influence", s(&ws), "--json"]);
    assert!(people.contains("Ann Lee") && people.contains("Bo Ek"), "{people}");

    let before = std::fs::read(&ws).unwrap();
    for (map, says) in [
        ("id=Employee ID,shoe=Desk", "hr.csv:1: shoe: the map names no field of people"),
        ("id=Employee ID,name=Nickname", "hr.csv:1: name: the map names the column \"Nickname\""),
        ("id", "--map: \"id\" is not FIELD=COLUMN"),
    ] {
        let out = greychart(&["import", s(&ws), s(&hr), "--kind", "people", "--map", map]);
        assert_eq!(out.status.code(), Some(2), "{map}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{map}: {err}");
        assert_eq!(std::fs::read(&ws).unwrap(), before, "{map} wrote to the workspace");
    }
}

#[test]
fn the_plans_tables_exported_as_csv_import_into_a_new_file_and_give_the_same_plan() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.greychart");
    greychart_ok(&["demo", s(&demo)]);
    let out = dir.path().join("csv");
    greychart_ok(&["export", s(&demo), "--format", "csv", "-o", s(&out)]);
    let fresh = dir.path().join("fresh.greychart");
    for (file, kind) in [
        ("teams.csv", "teams"),
        ("people.csv", "people"),
        ("components.csv", "components"),
        ("services.csv", "services"),
        ("releases.csv", "releases"),
        ("periods.csv", "periods"),
        ("absences.csv", "absences"),
        ("approval_rules.csv", "approval-rules"),
        ("changes.csv", "changes"),
        ("dependencies.csv", "dependencies"),
    ] {
        greychart_ok(&["import", s(&fresh), s(&out.join(file)), "--kind", kind]);
    }
    let plan = |ws: &std::path::Path| {
        let v: serde_json::Value =
            serde_json::from_str(&greychart_ok(&["plan", s(ws), "--from", "2026-12-01", "--json"])).unwrap();
        (
            v["order"].clone(),
            v["critical_path"].clone(),
            v["conflicts"].as_array().map(|c| c.iter().filter(|c| c["kind"] != "approver_absent").count()),
        )
    };
    assert_eq!(plan(&fresh), plan(&demo));

    let bad =
        write(dir.path(), "releases.csv", "id,name,stage,window_start,window_end,risk,cost\nr9,Nine,launched,,,low,\n");
    let before = std::fs::read(&fresh).unwrap();
    let out = greychart(&["import", s(&fresh), s(&bad), "--kind", "releases"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("releases.csv:2: stage: unknown variant `launched`"), "{err}");
    assert_eq!(std::fs::read(&fresh).unwrap(), before);
}
