//! `-v` logs what a command does to stderr: each write with its timing,
//! and never a claim's source or note.

use crate::{demo_file, greychart, s};

/// The demo's claim sources and notes, read back from a private export.
fn grey_texts(ws: &std::path::Path, dir: &std::path::Path) -> Vec<String> {
    let out = dir.join("csv");
    crate::greychart_ok(&["export", s(ws), "--format", "csv", "--include-private", "-o", s(&out)]);
    let mut reader = csv::Reader::from_path(out.join("claims.PRIVATE.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (source, note) = (column("source"), column("note"));
    let mut texts: Vec<String> = reader
        .records()
        .flat_map(|r| {
            let r = r.unwrap();
            [r[source].to_owned(), r[note].to_owned()]
        })
        .filter(|t| t.len() >= 6)
        .collect();
    texts.sort();
    texts.dedup();
    texts
}

#[test]
fn verbose_logs_each_write_and_no_grey_chart_text() {
    let (dir, ws) = demo_file();
    let texts = grey_texts(&ws, dir.path());
    assert!(texts.len() > 20, "the demo has claim sources and notes to look for: {texts:?}");
    let copy = dir.path().join("copy.greychart");
    let runs = [
        greychart(&["-v", "import", s(&copy), s(&dir.path().join("csv/people.csv")), "--kind", "people"]),
        greychart(&["-v", "import", s(&copy), s(&dir.path().join("csv/claims.PRIVATE.csv")), "--kind", "claims"]),
        greychart(&["-v", "influence", s(&ws)]),
        greychart(&["-v", "approvals", s(&ws)]),
    ];
    let log: String = runs.iter().map(|r| String::from_utf8_lossy(&r.stderr).into_owned()).collect();
    assert!(runs.iter().all(|r| r.status.success()), "{log}");
    assert!(log.contains("write committed"), "the imports' writes are logged: {log}");
    assert!(log.contains("done"), "each command's end is logged: {log}");
    let leaked: Vec<&String> = texts.iter().filter(|t| log.contains(t.as_str())).collect();
    assert!(leaked.is_empty(), "grey-chart text in the log: {leaked:?}");
    let quiet = greychart(&["influence", s(&ws)]);
    assert!(quiet.stderr.is_empty(), "without -v nothing is logged");
}
