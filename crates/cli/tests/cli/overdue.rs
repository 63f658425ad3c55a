//! "Overdue" is a calendar fact of the user's own day: the same local date
//! gives the same answer east and west of UTC (the window's old page code
//! turned local midnight into a UTC date and was a day early east of UTC).

use crate::{demo_file, s};

/// Today's date in the time zone `tz` (a POSIX TZ string), as `date` says.
fn local_today(tz: &str) -> chrono::NaiveDate {
    let out = std::process::Command::new("date").arg("+%F").env("TZ", tz).output().unwrap();
    chrono::NaiveDate::parse_from_str(String::from_utf8_lossy(&out.stdout).trim(), "%Y-%m-%d").unwrap()
}

/// Sets r1's window to open `days` after today in `tz`, through the CLI's
/// own import of a workspace document.
fn overdue_in(tz: &str, days: i64) -> Vec<bool> {
    let (dir, ws) = demo_file();
    let json = dir.path().join("ws.json");
    crate::greychart_ok(&["export", s(&ws), "--format", "json", "--include-private", "-o", s(&json)]);
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let opens = local_today(tz) + chrono::Duration::days(days);
    for r in doc["workspace"]["releases"].as_array_mut().unwrap() {
        if r["id"] == "r1" {
            r["window_start"] = serde_json::json!(opens.to_string());
            r["window_end"] = serde_json::json!((opens + chrono::Duration::days(1)).to_string());
        }
    }
    std::fs::write(&json, doc.to_string()).unwrap();
    let fresh = dir.path().join("fresh.greychart");
    crate::greychart_ok(&["import", s(&fresh), s(&json), "--kind", "workspace-json"]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_greychart"))
        .args(["approvals", s(&fresh), "r1", "--json"])
        .env("TZ", tz)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter().filter(|r| r["status"] == "pending").map(|r| r["overdue"].as_bool().unwrap()).collect()
}

#[test]
fn overdue_follows_the_local_calendar_east_and_west_of_utc() {
    // UTC+14 (Kiribati's Line Islands) and UTC−11 (Samoa's Pago Pago), as
    // POSIX TZ strings, which need no time-zone database.
    for tz in ["<+14>-14", "<-11>11", "UTC0"] {
        let three = overdue_in(tz, 3);
        assert!(!three.is_empty() && three.iter().all(|&o| o), "{tz}: 3 days before the window is overdue: {three:?}");
        let four = overdue_in(tz, 4);
        assert!(four.iter().all(|&o| !o), "{tz}: 4 days before the window is not overdue yet: {four:?}");
    }
}
