//! Nothing lost: a child process edits a real workspace through the store,
//! printing each edit once its commit returned, and is killed with SIGKILL
//! at a random moment; after every kill the file opens, SQLite's integrity
//! check says ok, and every edit the child reported is there.
//!
//! The short form runs in `make test`; the long form is
//! `GREYCHART_KILLS=1000 cargo test -p greychart-store --release --test store crash -- --nocapture`.

use std::io::{BufRead, BufReader, Write as _};
use std::process::{Command, Stdio};
use std::time::Duration;

use greychart_core::model::Person;
use greychart_store::Workspace;

use crate::demo;

/// Set in the child: the workspace it edits.
const CHILD: &str = "GREYCHART_CRASH_CHILD";

/// The child's side: edits until killed. Each line it prints names an edit
/// whose commit has returned: `person ID` (a new person) or `title N` (p02's
/// title set to "Title N").
#[test]
fn crash_child_edits_until_killed() {
    let Some(path) = std::env::var_os(CHILD) else { return };
    let mut ws = Workspace::open(std::path::Path::new(&path)).unwrap();
    let start: u64 = std::env::var("GREYCHART_CRASH_FROM").unwrap().parse().unwrap();
    let mut out = std::io::stdout().lock();
    for i in start.. {
        if i % 4 == 3 {
            let mut p02: Person = ws.read().get(&["p02"]).unwrap().unwrap();
            p02.title = format!("Title {i}");
            ws.save(&p02).unwrap();
            writeln!(out, "title {i}").unwrap();
        } else {
            let p = Person::new(&format!("k{i}"), &format!("Killed Person {i}"), "Analyst", None, Some("p01")).unwrap();
            ws.save(&p).unwrap();
            writeln!(out, "person k{i}").unwrap();
        }
        out.flush().unwrap();
    }
}

/// A small deterministic generator of kill delays (SplitMix64).
fn delays(seed: u64) -> impl Iterator<Item = Duration> {
    let mut state = seed;
    std::iter::repeat_with(move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        // 1–120 ms: before the first commit, mid-transaction, mid-checkpoint.
        Duration::from_micros(1_000 + (z ^ (z >> 31)) % 119_000)
    })
}

#[test]
fn a_workspace_killed_mid_edit_keeps_every_reported_edit() {
    let kills: usize = std::env::var("GREYCHART_KILLS").ok().and_then(|k| k.parse().ok()).unwrap_or(12);
    let (dir, ws) = demo();
    let path = ws.path().to_owned();
    drop(ws);
    let mut people: Vec<String> = Vec::new();
    let mut title: Option<u64> = None;
    let mut next = 0u64;
    for (round, delay) in delays(7).take(kills).enumerate() {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash::crash_child_edits_until_killed", "--nocapture", "--test-threads", "1"])
            .env(CHILD, &path)
            .env("GREYCHART_CRASH_FROM", next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader =
            std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<_>>());
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        for line in reader.join().unwrap() {
            match line.split_once(' ') {
                Some(("person", id)) => people.push(id.to_owned()),
                Some(("title", n)) => title = Some(n.parse().unwrap()),
                _ => {} // the test harness's own lines
            }
        }
        next += 10_000; // fresh ids for the next child
        let conn = rusqlite::Connection::open(&path).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "after kill {round}");
        drop(conn);
        let ws = Workspace::open(&path).unwrap_or_else(|e| panic!("after kill {round} the file does not open: {e}"));
        let read = ws.read();
        for id in &people {
            assert!(read.get::<Person>(&[id]).unwrap().is_some(), "after kill {round}: reported {id} is gone");
        }
        if let Some(n) = title {
            let p02: Person = read.get(&["p02"]).unwrap().unwrap();
            // A later edit may have committed after the last report: never an earlier one.
            let now: u64 = p02.title.strip_prefix("Title ").and_then(|t| t.parse().ok()).unwrap_or(0);
            assert!(now >= n, "after kill {round}: p02's title is {:?}, reported Title {n}", p02.title);
        }
    }
    println!("{kills} kills, {} reported edits, all present", people.len() + usize::from(title.is_some()));
    assert!(!people.is_empty(), "no child ever reported an edit: the test measured nothing");
    drop(dir);
}
