//! Many clients of one team at once, on a local PostgreSQL: each client (a
//! manager with their own workspace file and connection, in a thread of
//! its own) edits one change of its own a few times a second and syncs,
//! and listens (LISTEN greychart) to pull what the others commit. Prints
//! the edits per second held, and the p50/p95 time from an edit's commit
//! to every other client having it.

use std::collections::HashMap;
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use greychart_core::model::Change;
use greychart_store::Workspace;
use greychart_team::{Connection, Heard, Listener, Role};

const PASSWORD: &str = "bench password";
/// How long the clients run.
const RUN: Duration = Duration::from_secs(20);
/// How long they go on pulling after the last edits.
const TAIL: Duration = Duration::from_secs(3);
/// Edits each client makes per second.
const RATE: f64 = 5.0;
/// How long a client gathers the notices it hears before pulling once
/// (`GREYCHART_BENCH_SETTLE_MS`, default 150).
fn settle() -> Duration {
    let ms = std::env::var("GREYCHART_BENCH_SETTLE_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(150);
    Duration::from_millis(ms)
}

/// When each edit was committed, by (client, sequence number).
type Commits = Arc<Mutex<HashMap<(usize, u64), Instant>>>;
/// When each client first had each edit (or a later one of the same change).
type Seen = Arc<Mutex<Vec<(usize, usize, u64, Instant)>>>;

pub(crate) fn clients(n: usize) {
    let cluster = crate::cluster::Cluster::start();
    let admin = Connection::open(&cluster.admin_url()).expect("the cluster");
    admin.init().expect("init");
    let data = crate::team::shared_plan(500, 2_500);
    let hot: Vec<String> = data.changes.iter().take(n).map(|c| c.id.clone()).collect();
    for client in 0..n {
        admin.add_user(&format!("m{client}"), &format!("p{client}"), Role::Manager, PASSWORD).expect("a manager");
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = |client: usize| cluster.url(&format!("m{client}"), PASSWORD);
    let mut first = Workspace::create_with(&dir.path().join("c0.greychart"), &data).expect("a workspace");
    Connection::open(&url(0)).and_then(|c| c.publish(&mut first, &url(0))).expect("publish");
    drop(first);
    for client in 1..n {
        let mut ws = Workspace::create(&dir.path().join(format!("c{client}.greychart"))).expect("a workspace");
        Connection::open(&url(client)).and_then(|c| c.join(&mut ws, &url(client))).expect("join");
    }

    let commits: Commits = Arc::default();
    let seen: Seen = Arc::default();
    let ready = Arc::new(Barrier::new(n));
    let threads: Vec<_> = (0..n)
        .map(|client| {
            let (url, hot, commits, seen, ready) =
                (url(client), hot.clone(), commits.clone(), seen.clone(), ready.clone());
            let path = dir.path().join(format!("c{client}.greychart"));
            std::thread::spawn(move || run_client(client, &path, &url, &hot, &commits, &seen, &ready))
        })
        .collect();
    let mut errors = 0;
    for t in threads {
        errors += t.join().map_or(1, |e| e);
    }

    let commits = commits.lock().map(|c| c.clone()).unwrap_or_default();
    let seen = seen.lock().map(|s| s.clone()).unwrap_or_default();
    // For each observer and change, the times it saw each sequence number.
    let mut by_observer: HashMap<(usize, usize), Vec<(u64, Instant)>> = HashMap::new();
    for (observer, editor, seq, at) in seen {
        by_observer.entry((observer, editor)).or_default().push((seq, at));
    }
    let mut latencies = Vec::new();
    let mut missed = 0;
    for (&(editor, seq), &committed) in &commits {
        let mut slowest = Duration::ZERO;
        for observer in (0..n).filter(|&o| o != editor) {
            let had = by_observer
                .get(&(observer, editor))
                .and_then(|times| times.iter().filter(|(s, _)| *s >= seq).map(|(_, at)| *at).min());
            match had {
                Some(at) => slowest = slowest.max(at.saturating_duration_since(committed)),
                None => missed += 1,
            }
        }
        latencies.push(slowest);
    }
    latencies.sort();
    let pick =
        |q: f64| latencies.get(((latencies.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or_default();
    println!(
        "{:<58} {:>10.1} /s",
        format!("{n} clients editing and syncing for {} s: edits held", RUN.as_secs()),
        commits.len() as f64 / RUN.as_secs_f64()
    );
    println!(
        "{:<58} {:>10.0} ms  p50, {:.0} ms p95 ({} edits)",
        "  from an edit's commit to every other client having it",
        pick(0.5).as_secs_f64() * 1e3,
        pick(0.95).as_secs_f64() * 1e3,
        latencies.len()
    );
    if missed > 0 || errors > 0 {
        println!("  {missed} (edit, client) pairs never seen; {errors} clients failed");
    }
}

/// One client: edits its own change `RATE` times a second and syncs; in
/// between, listens and pulls what the others commit. Returns its failures.
fn run_client(
    client: usize,
    path: &std::path::Path,
    url: &str,
    hot: &[String],
    commits: &Commits,
    seen: &Seen,
    ready: &Barrier,
) -> usize {
    let Ok(mut ws) = Workspace::open(path) else { return 1 };
    let (Ok(connection), Ok(listener)) = (Connection::open(url), Listener::open(url)) else { return 1 };
    let mine = hot[client].clone();
    let mut last_seen: HashMap<usize, u64> = HashMap::new();
    let mut failures = 0;
    ready.wait();
    let started = Instant::now();
    let every = Duration::from_secs_f64(1.0 / RATE);
    let mut next_edit = started + every.mul_f64(client as f64 / hot.len() as f64);
    let mut seq = 0;
    let settle = settle();
    while started.elapsed() < RUN + TAIL {
        let now = Instant::now();
        if started.elapsed() >= RUN {
            next_edit = started + RUN + TAIL;
        }
        if now >= next_edit {
            seq += 1;
            next_edit += every;
            let edited = ws.read().get::<Change>(&[mine.as_str()]).ok().flatten().map(|mut c| {
                c.title = format!("edit {client} {seq}");
                c
            });
            let saved = edited.map(|c| ws.save(&c).is_ok()).unwrap_or(false);
            match connection.sync(&mut ws) {
                Ok(report) if saved && report.pushed == 1 => {
                    if let Ok(mut c) = commits.lock() {
                        c.insert((client, seq), Instant::now());
                    }
                }
                _ => failures += 1,
            }
            note_seen(client, &ws, hot, &mut last_seen, seen);
            continue;
        }
        match listener.wait_settled(next_edit.saturating_duration_since(now), settle) {
            Heard::Changed(_) => {
                if connection.sync(&mut ws).is_err() {
                    failures += 1;
                }
                note_seen(client, &ws, hot, &mut last_seen, seen);
            }
            Heard::Quiet => {}
            Heard::Disconnected => return failures + 1,
        }
    }
    failures
}

/// Notes which edit of each other client's change this client has now.
fn note_seen(observer: usize, ws: &Workspace, hot: &[String], last: &mut HashMap<usize, u64>, seen: &Seen) {
    let now = Instant::now();
    let mut found = Vec::new();
    for (editor, id) in hot.iter().enumerate().filter(|(e, _)| *e != observer) {
        let Ok(Some(change)) = ws.read().get::<Change>(&[id.as_str()]) else { continue };
        let seq = change.title.rsplit(' ').next().and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
        if change.title.starts_with("edit ") && last.get(&editor).is_none_or(|&l| seq > l) {
            last.insert(editor, seq);
            found.push((observer, editor, seq, now));
        }
    }
    if let Ok(mut s) = seen.lock() {
        s.extend(found);
    }
}
