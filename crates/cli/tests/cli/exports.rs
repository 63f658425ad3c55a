//! `greychart export --format csv`: every table, the import formats read
//! back by `greychart import`, grey-chart data only when asked for.

use crate::{demo_file, greychart, greychart_ok, private_texts, s};

#[test]
fn csv_export_reimports_and_keeps_the_grey_chart_out_unless_asked() {
    let (dir, ws) = demo_file();
    let out = dir.path().join("tables");
    greychart_ok(&["export", s(&ws), "--format", "csv", "-o", s(&out)]);
    let names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    for expected in ["people.csv", "changes.csv", "dependencies.csv", "releases.csv", "decisions.csv"] {
        assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
    }
    assert!(names.iter().all(|n| !n.contains("claims") && !n.contains("PRIVATE")), "{names:?}");
    let all: String = names.iter().map(|n| std::fs::read_to_string(out.join(n)).unwrap()).collect();
    let private = private_texts(&ws);
    assert!(private.len() > 50);
    for text in &private {
        assert!(!all.contains(text.as_str()), "private text {text:?} exported");
    }

    // The import formats read back into a new workspace, claims included
    // when the private export is asked for.
    let private_out = dir.path().join("private");
    let said = greychart_ok(&["export", s(&ws), "--format", "csv", "--include-private", "-o", s(&private_out)]);
    assert!(said.contains("PRIVATE"), "{said}");
    let copy = dir.path().join("copy.greychart");
    for (file, kind) in [
        (out.join("people.csv"), "people"),
        (out.join("changes.csv"), "changes"),
        (out.join("dependencies.csv"), "dependencies"),
        (private_out.join("claims.PRIVATE.csv"), "claims"),
    ] {
        greychart_ok(&["import", s(&copy), s(&file), "--kind", kind]);
    }
    let count = |path: &std::path::Path, table: &str| -> i64 {
        rusqlite::Connection::open(path)
            .unwrap()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    for table in ["people", "changes", "dependencies", "claims"] {
        assert_eq!(count(&copy, table), count(&ws, table), "{table} after the round trip");
    }
    // CSV needs a folder.
    assert_eq!(greychart(&["export", s(&ws), "--format", "csv"]).status.code(), Some(2));
}

#[test]
fn dot_export_draws_the_formal_chart_and_the_grey_chart_only_when_asked() {
    let (dir, ws) = demo_file();
    let formal = greychart_ok(&["export", s(&ws), "--format", "dot"]);
    assert!(formal.starts_with("digraph greychart {"), "{formal}");
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let lines: i64 = conn.query_row("SELECT count(*) FROM people WHERE manager IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(formal.matches("kind=\"reports\"").count() as i64, lines);
    assert!(!formal.contains("sway") && !formal.contains("PRIVATE"));
    let file = dir.path().join("grey.dot");
    let said = greychart_ok(&["export", s(&ws), "--format", "dot", "--include-private", "-o", s(&file)]);
    assert!(said.contains("PRIVATE"));
    let grey = std::fs::read_to_string(&file).unwrap();
    assert!(grey.starts_with("// PRIVATE") && grey.contains("kind=\"sway\""));
}

#[test]
fn the_workspace_as_json_imports_back_equal_and_shares_no_grey_chart_unless_asked() {
    use greychart_store::Workspace;
    let (dir, ws) = demo_file();
    let shared = greychart_ok(&["export", s(&ws), "--format", "json"]);
    let document: serde_json::Value = serde_json::from_str(&shared).unwrap();
    assert_eq!(document["format"], "greychart-workspace");
    assert_eq!(document["version"], 1);
    assert_eq!(document["private"], false);
    assert_eq!(document["workspace"]["claims"].as_array().map(Vec::len), Some(0));
    for text in private_texts(&ws) {
        assert!(!shared.contains(text.as_str()), "private text {text:?} exported");
    }

    let file = dir.path().join("workspace.json");
    let said = greychart_ok(&["export", s(&ws), "--format", "json", "--include-private", "-o", s(&file)]);
    assert!(said.contains("PRIVATE"), "{said}");
    let copy = dir.path().join("copy.greychart");
    greychart_ok(&["import", s(&copy), s(&file), "--kind", "workspace-json"]);
    let original = Workspace::open(&ws).unwrap().read().data().unwrap();
    assert!(!original.claims.is_empty() && !original.decisions.is_empty());
    assert_eq!(Workspace::open(&copy).unwrap().read().data().unwrap(), original);

    // A document with a wrong field: refused with the file and line, and
    // no workspace is left behind.
    let broken = dir.path().join("broken.json");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "\"half_life_days\": 180.0",
        "\"half_life_days\": \"long\"",
        1,
    );
    std::fs::write(&broken, &text).unwrap();
    let line = text.lines().position(|l| l.contains("\"long\"")).unwrap() + 1;
    let target = dir.path().join("never.greychart");
    let out = greychart(&["import", s(&target), s(&broken), "--kind", "workspace-json"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("broken.json:{line}:")), "{err}");
    assert!(!target.exists());
}

#[test]
fn graphml_and_gexf_exports_keep_the_grey_chart_out_unless_asked() {
    let (dir, ws) = demo_file();
    let private = private_texts(&ws);
    // A grey link's layer: element text in GraphML, an attribute in GEXF.
    let grey = |text: &str| text.contains(">grey<") || text.contains("\"grey\"");
    for format in ["graphml", "gexf"] {
        let shared = greychart_ok(&["export", s(&ws), "--format", format]);
        assert!(shared.starts_with("<?xml") && shared.contains(&format!("<{format}")), "{format}");
        assert!(shared.contains("\"p40\"") && !shared.contains("PRIVATE") && !grey(&shared), "{format}");
        for text in &private {
            assert!(!shared.contains(text.as_str()), "{format} leaked {text:?}");
        }
        let file = dir.path().join(format!("influence.{format}"));
        let said = greychart_ok(&["export", s(&ws), "--format", format, "--include-private", "-o", s(&file)]);
        assert!(said.contains("PRIVATE"), "{said}");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("<!-- PRIVATE") && grey(&text), "{format}");
    }
}
