//! `greychart approvals` as scripts meet it.

use serde_json::Value;

use crate::{demo_file, greychart, greychart_ok, s};

#[test]
fn approvals_json_lists_every_requirement_with_its_rule_and_status() {
    let (_dir, ws) = demo_file();
    let rows: Vec<Value> = serde_json::from_str(&greychart_ok(&["approvals", s(&ws), "--json"])).unwrap();
    assert!(rows.len() > 20, "{} rows", rows.len());
    for row in &rows {
        for field in ["release", "approver", "role", "rule", "status", "decided_at", "stale"] {
            assert!(row.get(field).is_some(), "{field} missing from {row}");
        }
        assert!(!row["rule"].as_str().unwrap().is_empty(), "a requirement without its rule: {row}");
    }
    // The rules add what the demo's own list lacks, each saying why.
    assert!(rows.iter().any(|r| r["release"] == "r1"
        && r["approver"] == "p32"
        && r["role"] == "business_owner"
        && r["rule"].as_str().unwrap().contains("Online Banking")));
    let r2: Vec<Value> = serde_json::from_str(&greychart_ok(&["approvals", s(&ws), "r2", "--json"])).unwrap();
    assert!(!r2.is_empty() && r2.iter().all(|r| r["release"] == "r2"));
    assert!(r2.iter().any(|r| r["role"] == "finance" && r["status"] == "abstained"));
    let out = greychart(&["approvals", s(&ws), "r99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no release has id r99"));
}
