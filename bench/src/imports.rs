//! Imports as a user runs them, from files on disk into a new workspace
//! file: `n` people and `8n` claims from CSV (two imports, as the command
//! line or the window runs them), and `n` changes from an .xlsx workbook
//! with the ServiceNow preset's columns and with a mapping. Each step is
//! timed once per run (an import writes a new file); run it a few times.

use std::io::Write as _;
use std::time::Instant;

use chrono::NaiveDate;
use greychart_core::import::{parse, ColumnMap, ImportKind, Preset, Sheet};
use greychart_store::Workspace;

use crate::organisation;

fn seconds(what: &str, start: Instant) {
    println!("{what:<58} {:>10.2} s", start.elapsed().as_secs_f64());
}

pub(crate) fn imports(n: usize) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
    let (people, claims) = organisation(n, as_of);
    let people_csv = dir.path().join("people.csv");
    let claims_csv = dir.path().join("claims.csv");
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&people_csv).expect("people.csv"));
        writeln!(out, "id,name,title,team,manager").expect("write");
        for p in &people {
            let team = format!("Team {}", p.id.trim_start_matches('p').parse::<usize>().unwrap_or(0) / 50);
            writeln!(out, "{},{},Engineer,{team},{}", p.id, p.name, p.manager.as_deref().unwrap_or("")).expect("write");
        }
        let mut out = std::io::BufWriter::new(std::fs::File::create(&claims_csv).expect("claims.csv"));
        writeln!(out, "from,to,strength,confidence,observed_on,half_life_days,source,note").expect("write");
        for c in &claims {
            writeln!(
                out,
                "{},{},{},{},{},{},{},",
                c.from, c.to, c.strength, c.confidence, c.observed_on, c.half_life_days, c.source
            )
            .expect("write");
        }
    }
    let ws_path = dir.path().join("imported.greychart");
    let start = Instant::now();
    let mut ws = Workspace::create(&ws_path).expect("a new workspace");
    for (file, kind) in [(&people_csv, ImportKind::People), (&claims_csv, ImportKind::Claims)] {
        let step = Instant::now();
        let bytes = std::fs::read(file).expect("the file");
        let sheet = Sheet::read(&file.display().to_string(), &bytes, None).expect("read");
        let parsed = parse(kind, &sheet).expect("parse");
        seconds(&format!("{n}: {} {} read and parsed", parsed.len(), kind.words()), step);
        let step = Instant::now();
        ws.import(&sheet.file, &parsed, true).expect("import");
        seconds(&format!("{n}: {} {} written (one transaction)", parsed.len(), kind.words()), step);
    }
    seconds(&format!("{n}: people + {} claims from CSV into a new file", claims.len()), start);
    drop(ws);

    // Changes from a workbook: a ServiceNow export, and the same columns mapped.
    let xlsx = dir.path().join("changes.xlsx");
    let step = Instant::now();
    write_changes_workbook(&xlsx, n);
    seconds(&format!("{n}: changes workbook written (rust_xlsxwriter)"), step);
    let start = Instant::now();
    let bytes = std::fs::read(&xlsx).expect("the workbook");
    let sheet = Sheet::read("changes.xlsx", &bytes, None).expect("read");
    seconds(&format!("{n}: changes workbook read (calamine)"), start);
    let step = Instant::now();
    let plan = Preset::Servicenow.read(&sheet).expect("the preset");
    seconds(&format!("{n}: ServiceNow preset read"), step);
    let step = Instant::now();
    let mut ws = Workspace::create(&dir.path().join("servicenow.greychart")).expect("a new workspace");
    ws.import_plan(&sheet.file, &plan, true).expect("import");
    seconds(&format!("{n}: {} changes written", plan.changes.len()), step);
    seconds(&format!("{n}: changes from a spreadsheet (ServiceNow) into a new file"), start);
    drop(ws);
    let start = Instant::now();
    let sheet = Sheet::read("changes.xlsx", &std::fs::read(&xlsx).expect("the workbook"), None).expect("read");
    let map = ColumnMap::parse("id=Number,title=Short description").expect("a map");
    let parsed = parse(ImportKind::Changes, &map.map(ImportKind::Changes, &sheet).expect("map")).expect("parse");
    let mut ws = Workspace::create(&dir.path().join("mapped.greychart")).expect("a new workspace");
    ws.import("changes.xlsx", &parsed, true).expect("import");
    seconds(&format!("{n}: changes from a spreadsheet, mapped, into a new file"), start);
}

fn write_changes_workbook(path: &std::path::Path, n: usize) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let head = [
        "Number",
        "Short description",
        "Risk",
        "Assignment group",
        "Configuration item",
        "Planned start date",
        "Planned end date",
    ];
    for (c, h) in head.iter().enumerate() {
        sheet.write(0, c as u16, *h).expect("a cell");
    }
    let risks = ["Low", "Moderate", "High"];
    for i in 0..n {
        let r = i as u32 + 1;
        let day = 1 + (i % 28) as u8;
        sheet.write(r, 0, format!("CHG{:07}", i)).expect("a cell");
        sheet.write(r, 1, format!("Change number {i}")).expect("a cell");
        sheet.write(r, 2, risks[i % 3]).expect("a cell");
        sheet.write(r, 3, format!("Group {}", i % 40)).expect("a cell");
        sheet.write(r, 4, format!("CI {}", i % 500)).expect("a cell");
        sheet.write(r, 5, format!("2027-03-{day:02} 09:00:00")).expect("a cell");
        sheet.write(r, 6, format!("2027-03-{:02} 17:00:00", day.min(27) + 1)).expect("a cell");
    }
    book.save(path).expect("the workbook");
}
