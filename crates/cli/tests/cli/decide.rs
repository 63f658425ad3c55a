//! `greychart decide` and `greychart reschedule` from a script.

use crate::{greychart, greychart_ok, s};

fn approvals(ws: &std::path::Path) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&greychart_ok(&["approvals", s(ws), "r1", "--json"]))
        .unwrap()
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn decide_records_a_sign_off_on_someones_behalf_and_reschedule_moves_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.greychart");
    greychart_ok(&["demo", s(&ws)]);
    let rows = approvals(&ws);
    let pending = rows.iter().find(|r| r["status"] == "pending").expect("a pending sign-off on r1");
    let approver = pending["approver"].as_str().unwrap().to_owned();
    let out = greychart_ok(&[
        "decide",
        s(&ws),
        "r1",
        "--decision",
        "approved",
        "--for",
        &approver,
        "--source",
        "mail of 2026-12-07",
        "--comment",
        "fine by me",
    ]);
    assert!(out.contains(&approver) && out.contains("approved"), "{out}");
    let after = approvals(&ws);
    let row = after.iter().find(|r| r["approver"] == approver.as_str()).unwrap();
    assert_eq!(row["status"], "approved", "{row}");
    assert!(row["comment"].as_str().unwrap_or_default().contains("recorded from: mail of 2026-12-07"), "{row}");

    let before = std::fs::read(&ws).unwrap();
    for (args, says) in [
        (vec!["decide", s(&ws), "r1", "--decision", "maybe", "--for", &approver, "--source", "x"], "not a decision"),
        (
            vec!["decide", s(&ws), "r9", "--decision", "approved", "--for", &approver, "--source", "x"],
            "no release with id r9",
        ),
        (vec!["decide", s(&ws), "r1", "--decision", "approved", "--for", "p99", "--source", "x"], "p99 is not asked"),
        (vec!["decide", s(&ws), "r1", "--decision", "approved", "--for", &approver], "--source"),
        (vec!["reschedule", s(&ws), "r1", "--start", "2027-02-05", "--end", "2027-02-01"], "window_end"),
        (vec!["reschedule", s(&ws), "r1", "--start", "2027-02-31", "--end", "2027-03-01"], "not a date"),
    ] {
        let out = greychart(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read(&ws).unwrap(), before, "a refused command wrote to the workspace");

    let out = greychart_ok(&["reschedule", s(&ws), "r1", "--start", "2027-02-01", "--end", "2027-02-03"]);
    assert!(out.contains("2027-02-01 – 2027-02-03"), "{out}");
    let doc: serde_json::Value = serde_json::from_str(&greychart_ok(&["export", s(&ws), "--format", "json"])).unwrap();
    let r1 = doc["workspace"]["releases"].as_array().unwrap().iter().find(|r| r["id"] == "r1").cloned().unwrap();
    assert_eq!((r1["window_start"].as_str(), r1["window_end"].as_str()), (Some("2027-02-01"), Some("2027-02-03")));
    // Moving the window made the sign-off stale, with the reason.
    let row = approvals(&ws).into_iter().find(|r| r["approver"] == approver.as_str()).unwrap();
    assert_eq!(row["stale"], true, "{row}");
}
