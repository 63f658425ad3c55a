//! `greychart import --kind changes|dependencies`, `plan` and `impact` as a
//! user meets them.

use serde_json::Value;

use crate::{demo_file, greychart, greychart_ok, s};

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// A workspace with four changes in two releases: a → b in r1, c → d in r2.
fn small_plan(dir: &std::path::Path) -> std::path::PathBuf {
    let ws = dir.join("plan.greychart");
    let changes = write(
        dir,
        "changes.csv",
        "id,title,release,component,duration_days\na,\"Schema, first\",r1,db,2\nb,API,r1,api;db,3\nc,Screens,r2,web,4\nd,Launch,r2,web,1\n",
    );
    let out = greychart_ok(&["import", s(&ws), s(&changes), "--kind", "changes"]);
    for created in ["created release r1", "created release r2", "created component db", "created component web"] {
        assert!(out.contains(created), "{out}");
    }
    let deps = write(dir, "deps.csv", "before,after,lag_days\na,b,1\nc,d,\nr1,r2,2\n");
    greychart_ok(&["import", s(&ws), s(&deps), "--kind", "dependencies"]);
    ws
}

#[test]
fn plan_gives_order_critical_path_and_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let ws = small_plan(dir.path());
    let plan: Value = serde_json::from_str(&greychart_ok(&["plan", s(&ws), "--from", "2027-02-01", "--json"])).unwrap();
    // a(2) +1 b(3) = 6, then r1 → r2 lag 2, c(4), d(1): 13 days.
    assert_eq!(plan["critical_path_days"], 13);
    assert_eq!(plan["critical_path"], serde_json::json!(["a", "b", "c", "d"]));
    assert_eq!(plan["order"], serde_json::json!(["a", "b", "c", "d"]));
    let slot = |id: &str| plan["schedule"].as_array().unwrap().iter().find(|x| x["id"] == id).unwrap().clone();
    assert_eq!(slot("c")["starts_on"], "2027-02-09");
    assert_eq!(slot("r2")["deploys_on"], "2027-02-14");
    assert_eq!(plan["conflicts"], serde_json::json!([]));
    let text = greychart_ok(&["plan", s(&ws), "--from", "2027-02-01"]);
    assert!(text.contains("the critical path takes 13 days from 2027-02-01: a → b → c → d"), "{text}");
}

#[test]
fn impact_lists_what_waits_and_an_unknown_item_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ws = small_plan(dir.path());
    let impact: Value = serde_json::from_str(&greychart_ok(&["impact", s(&ws), "b", "--json"])).unwrap();
    assert_eq!(impact["downstream"], serde_json::json!(["r2", "c", "d"]));
    let out = greychart(&["impact", s(&ws), "nope", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
}

#[test]
fn a_cycle_is_refused_at_its_line_named_in_order_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = small_plan(dir.path());
    let before = std::fs::read(&ws).unwrap();
    let cycle = write(dir.path(), "cycle.csv", "before,after,lag_days\nb,c,0\nd,a,0\n");
    let out = greychart(&["import", s(&ws), s(&cycle), "--kind", "dependencies"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cycle.csv:3: after: closes a cycle: a → r1 → r2 → c → d → a"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    // A change moved into a release it must precede closes a cycle too.
    let moved = write(dir.path(), "moved.csv", "id,title,release,component,duration_days\na,Schema,r2,db,2\n");
    let out = greychart(&["import", s(&ws), s(&moved), "--kind", "changes"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("moved.csv:2: release: closes a cycle:") && err.contains("r2"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn unknown_items_and_bad_numbers_name_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let ws = small_plan(dir.path());
    let before = std::fs::read(&ws).unwrap();
    for (name, kind, text, expected) in [
        (
            "deps.csv",
            "dependencies",
            "before,after,lag_days\na,c,0\na,zz,0\n",
            "deps.csv:3: after: no change or release with id zz",
        ),
        (
            "lag.csv",
            "dependencies",
            "before,after,lag_days\na,c,two\n",
            "lag.csv:2: lag_days: \"two\" is not a whole number",
        ),
        (
            "ch.csv",
            "changes",
            "id,title,release,component,duration_days\ne,E,r1,db,\n",
            "ch.csv:2: duration_days: is required",
        ),
        ("hdr.csv", "changes", "id,title,release\ne,E,r1\n", "hdr.csv:1: component: missing column"),
    ] {
        let file = write(dir.path(), name, text);
        let out = greychart(&["import", s(&ws), s(&file), "--kind", kind]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{name}: {err}");
        assert_eq!(std::fs::read(&ws).unwrap(), before, "{name} changed the file");
    }
}

#[test]
fn the_demo_plan_flags_its_freeze_lateness_order_and_absent_approver() {
    let (_dir, ws) = demo_file();
    let plan: Value = serde_json::from_str(&greychart_ok(&["plan", s(&ws), "--json"])).unwrap();
    let kinds: Vec<&str> = plan["conflicts"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    for kind in ["freeze", "order", "approver_absent"] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    // Deployed releases are done: none of their changes is planned again.
    let order: Vec<&str> = plan["order"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(!order.iter().any(|c| c.starts_with("c5")), "{order:?}");
}

#[test]
fn the_schedule_exports_as_icalendar_and_csv() {
    let (dir, ws) = demo_file();
    let ics = dir.path().join("plan.ics");
    greychart_ok(&["export", s(&ws), "--format", "ics", "-o", s(&ics)]);
    let text = std::fs::read_to_string(&ics).unwrap();
    let calendar = ical::IcalParser::new(text.as_bytes()).next().unwrap().unwrap();
    let summaries: Vec<String> = calendar
        .events
        .iter()
        .map(|e| e.properties.iter().find(|p| p.name == "SUMMARY").and_then(|p| p.value.clone()).unwrap())
        .collect();
    // Five open releases (the deployed one is done), then the demo's periods.
    assert_eq!(summaries.iter().filter(|s| s.starts_with("Deploy ")).count(), 5, "{summaries:?}");
    assert!(summaries.contains(&"Freeze: Year-end freeze".to_owned()), "{summaries:?}");
    // Nothing private: no claim source or stance note of the demo.
    for private in ["told by a former employee", "email thread", "stance", "sceptic"] {
        assert!(!text.contains(private), "{private} leaked into the calendar");
    }

    let out = greychart_ok(&["plan", s(&ws), "--csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["id", "kind", "release", "starts_on", "ready_on", "deploys_on", "critical"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.iter().filter(|r| &r[1] == "release").count(), 5);
    assert!(rows.iter().any(|r| &r[6] == "yes"));
}
