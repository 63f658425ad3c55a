//! `greychart packet`: real PDFs read back with poppler's `pdftotext`.

use std::process::Command;

use crate::{demo_file, greychart, greychart_ok, private_texts, s};

fn pdf_text(path: &std::path::Path) -> String {
    let out =
        Command::new("pdftotext").args(["-layout", s(path), "-"]).output().expect("pdftotext (poppler-utils) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_signoff_packet_names_the_approvers_and_holds_no_grey_chart_data() {
    let (dir, ws) = demo_file();
    let pdf = dir.path().join("r1.pdf");
    greychart_ok(&["packet", s(&ws), "r1", "--date", "2026-11-27", "-o", s(&pdf)]);
    let text = pdf_text(&pdf);
    for expected in ["Mobile Banking 4.2", "Hannah Schmidt", "Approvals", "Signature", "Page 1 of", "Biometric login"] {
        assert!(text.contains(expected), "{expected:?} missing from the packet");
    }
    assert!(!text.contains("CONFIDENTIAL"));
    // Nothing private: every claim source and note, stance note and
    // engagement summary of the workspace is absent.
    let demo = private_texts(&ws);
    assert!(demo.len() > 50, "too few private texts to check ({})", demo.len());
    for private in &demo {
        assert!(!text.contains(private.as_str()), "private text {private:?} is in the sign-off packet");
    }
    // The same workspace and date give the same bytes.
    let again = dir.path().join("again.pdf");
    greychart_ok(&["packet", s(&ws), "r1", "--date", "2026-11-27", "-o", s(&again)]);
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap());
}

#[test]
fn the_brief_adds_the_path_to_yes_and_is_confidential() {
    let (dir, ws) = demo_file();
    let pdf = dir.path().join("brief.pdf");
    greychart_ok(&["packet", s(&ws), "r2", "--audience", "brief", "-o", s(&pdf)]);
    let text = pdf_text(&pdf);
    assert!(text.contains("Path to yes") && text.contains("Swayed most by"));
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(text.matches("CONFIDENTIAL").count() >= pages, "not every page is marked confidential");
    let out = greychart(&["packet", s(&ws), "r99", "-o", s(&pdf)]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_batch_holds_every_release_planned_in_the_range_after_a_contents_page() {
    let (dir, ws) = demo_file();
    let pdf = dir.path().join("december.pdf");
    greychart_ok(&[
        "packet",
        s(&ws),
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
        "--date",
        "2026-11-27",
        "-o",
        s(&pdf),
    ]);
    let text = pdf_text(&pdf);
    let contents = text.split('\u{c}').next().unwrap();
    assert!(contents.contains("Contents"), "{contents}");
    // Which demo releases have a window meeting December, read from the file.
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let mut stmt =
        conn.prepare("SELECT name, window_start <= '2026-12-31' AND window_end >= '2026-12-01' FROM releases").unwrap();
    let releases: Vec<(String, bool)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert!(releases.iter().any(|r| r.1) && releases.iter().any(|r| !r.1), "{releases:?}");
    for (name, planned) in &releases {
        assert_eq!(contents.contains(name.as_str()), *planned, "{name} in the contents: {contents}");
    }
    // Each packet draws its dependencies: Customer Portal 3.1's c403 comes
    // before c105 of Mobile Banking 4.2, which is named in its diagram.
    assert!(text.contains("Dependencies") && text.contains("Session timeout policy"));
    let out = greychart(&["packet", s(&ws), "--from", "2026-12-31", "--to", "2026-12-01", "-o", s(&pdf)]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}
