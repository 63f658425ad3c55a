//! Packets rendered for real and read back with poppler's `pdftotext` and
//! `pdffonts`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use greychart_packet::{render_pdf, render_svg, PacketError};
use serde_json::{json, Value};

fn sample(name: &str, audience: &str) -> Value {
    json!({
        "audience": audience,
        "document_id": "GC-0123456789AB",
        "packet_date": "2026-11-27",
        "release": { "id": "r1", "name": name, "stage": "test", "window": "2026-12-07 – 2026-12-08", "risk": "high", "cost": "250000" },
        "summary": "Two changes to the mobile app.",
        "changes": [ { "id": "c1", "title": "Biometric login", "components": "Mobile banking app", "days": "5" } ],
        "diagram": {
            "nodes": [
                { "id": "c0", "label": "Schema migration", "column": 0, "row": 0, "inside": false, "critical": true },
                { "id": "c1", "label": "Biometric login", "column": 1, "row": 0, "inside": true, "critical": true },
            ],
            "links": [ { "from": 0, "to": 1 } ], "columns": 2, "rows": 1,
        },
        "schedule": [ { "what": "Deploy", "when": "2027-01-05" } ],
        "periods": [ { "kind": "freeze", "name": "Year-end freeze", "dates": "2026-12-18 – 2027-01-04" } ],
        "impacted": [ { "kind": "service", "name": "Mobile Banking" } ],
        "conflicts": [ { "kind": "late", "message": "r1 cannot deploy before 2027-01-05." } ],
        "approvals": [ { "role": "change manager", "approver": "Hannah Schmidt", "rule": "every release", "status": "approved", "decided": "2026-11-20", "comment": "" } ],
        "path_to_yes": if audience == "brief" { json!([ { "approver": "Hannah Schmidt", "role": "change manager", "status": "stale", "stance": "neutral", "influencers": "Lucy Tran (0.61)", "path": "Me → Lucy Tran → Hannah Schmidt", "warnings": ["Lucy Tran is a blocker."] } ]) } else { json!([]) },
    })
}

/// What a poppler tool prints about `pdf`.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) runs: {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn text_of(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout"], pdf)
}

#[test]
fn markup_in_names_prints_literally_in_every_script() {
    let name = "Ωμέγα Релиз #panic(\"x\") <b> $x$ ] 4.2";
    let pdf = render_pdf(&sample(name, "signoff")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = text_of(&pdf);
    for part in ["Ωμέγα", "Релиз", "#panic(\"x\")", "<b>", "$x$", "]", "Hannah Schmidt", "Page 1 of"] {
        assert!(text.contains(part), "{part:?} missing from the PDF text:\n{text}");
    }
    assert!(!text.contains("CONFIDENTIAL"));
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let data = sample("Mobile Banking 4.2", "signoff");
    assert_eq!(render_pdf(&data).unwrap(), render_pdf(&data).unwrap());
}

#[test]
fn the_brief_is_confidential_on_every_page_and_holds_the_path_to_yes() {
    let pdf = render_pdf(&sample("Mobile Banking 4.2", "brief")).unwrap();
    let text = text_of(&pdf);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 2);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("CONFIDENTIAL"), "page {} is not marked confidential", i + 1);
    }
    assert!(text.contains("Lucy Tran is a blocker."));
}

#[test]
fn every_font_is_embedded() {
    let pdf = render_pdf(&sample("Mobile Banking 4.2", "signoff")).unwrap();
    let listing = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{listing}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: "emb" is the fourth from the end.
        assert_eq!(columns.get(columns.len() - 5).copied(), Some("yes"), "not embedded: {row}");
    }
}

#[test]
fn the_dependency_diagram_is_vector_graphics_with_its_items_named() {
    let pdf = render_pdf(&sample("Mobile Banking 4.2", "signoff")).unwrap();
    let text = text_of(&pdf);
    let diagram = &text[text.find("Dependencies").unwrap()..text.find("Schedule").unwrap()];
    for part in ["c0", "Schema migration", "c1", "critical path"] {
        assert!(diagram.contains(part), "{part:?} missing from the diagram:\n{diagram}");
    }
    // Boxes and arrows are drawn, not pictures: the PDF holds no image.
    let images = poppler("pdfimages", &["-list"], &pdf);
    assert_eq!(images.lines().count(), 2, "the packet holds images:\n{images}");
}

#[test]
fn the_preview_has_the_pages_of_the_pdf() {
    let data = sample("Mobile Banking 4.2", "signoff");
    let pages = render_svg(&data).unwrap();
    let info = poppler("pdfinfo", &[], &render_pdf(&data).unwrap());
    assert!(info.contains(&format!("Pages:           {}", pages.len())), "{} SVG pages; PDF: {info}", pages.len());
    assert!(pages.iter().all(|p| p.starts_with("<svg") && p.contains("<path")));
}

#[test]
fn a_batch_has_a_contents_page_and_every_packet() {
    let data = json!({
        "batch": true, "audience": "signoff", "packet_date": "2026-11-27", "document_id": "GC-000000000001",
        "from": "2026-12-01", "to": "2026-12-31",
        "packets": [sample("Mobile Banking 4.2", "signoff"), sample("Payments Hub 2.0", "signoff")],
    });
    let text = text_of(&render_pdf(&data).unwrap());
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(
        pages[0].contains("Contents")
            && pages[0].contains("Mobile Banking 4.2")
            && pages[0].contains("Payments Hub 2.0")
    );
    let covers = pages.iter().filter(|p| p.contains("Sign-off packet\n") || p.contains("Sign-off packet ")).count();
    assert_eq!(covers, 2, "{text}");
    let empty = json!({ "batch": true, "audience": "signoff", "packet_date": "2026-11-27", "document_id": "GC-0", "from": "2030-01-01", "to": "2030-01-31", "packets": [] });
    assert!(text_of(&render_pdf(&empty).unwrap()).contains("No release has a planned window in this range."));
}

#[test]
fn a_character_no_font_covers_is_refused_naming_it() {
    let err = render_pdf(&sample("Release 漢", "signoff")).err();
    match err {
        Some(PacketError::Uncovered { field, character, .. }) => {
            assert_eq!((field.as_str(), character), ("release.name", '漢'));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}
