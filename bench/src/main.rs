//! Prints median timings of the analytics on the reference fixtures and on
//! generated organisations of 10,000 and 100,000 people with about nine sway
//! edges each, plan analytics and sign-off packets. Run with `make bench` (release build). Figures are recorded in
//! bench/README.md; tests never assert on time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../crates/team/tests/cluster/mod.rs"]
mod cluster;
mod edit;
mod imports;
mod packets;
mod plan;
mod reporting;
mod team;
mod team_clients;
mod window;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use greychart_core::analytics::{
    broker_scores, broker_scores_sampled, influence_rank, influence_ranks, strongest_path, SwayGraph, SwayOptions,
};
use greychart_core::import::{parse_claims, parse_people, ClaimRow, PersonRow};
use greychart_core::model::{Claim, Person};
use greychart_store::Workspace;

/// Runs `f` `runs` times and returns the median duration.
pub(crate) fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

pub(crate) fn report(what: &str, runs: usize, d: Duration) {
    println!("{what:<58} {:>10.2} ms  (median of {runs})", d.as_secs_f64() * 1e3);
}

/// A deterministic pseudo-random sequence (SplitMix64), so every run
/// measures the same graph.
pub(crate) struct Random(u64);
impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// An organisation of `n` people: a reporting tree plus eight grey claims
/// per person on average, dated over the last two years.
pub(crate) fn organisation(n: usize, as_of: NaiveDate) -> (Vec<Person>, Vec<Claim>) {
    let mut rng = Random(n as u64);
    let people: Vec<Person> = (0..n)
        .map(|i| Person {
            id: format!("p{i}"),
            name: format!("Person {i}"),
            title: String::new(),
            team: None,
            manager: (i > 0).then(|| format!("p{}", rng.below(i))),
        })
        .collect();
    let claims = (0..n * 8)
        .map(|i| {
            let from = rng.below(n);
            let mut to = rng.below(n);
            if to == from {
                to = (to + 1) % n;
            }
            Claim {
                id: format!("cl{i}"),
                from: format!("p{from}"),
                to: format!("p{to}"),
                strength: rng.unit(),
                confidence: 0.3 + 0.7 * rng.unit(),
                observed_on: as_of - chrono::Duration::days(rng.below(730) as i64),
                half_life_days: [30.0, 90.0, 180.0, 365.0][rng.below(4)],
                source: String::new(),
                note: String::new(),
                recorded_by: String::new(),
                retired: false,
            }
        })
        .collect();
    (people, claims)
}

fn fixtures() {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    for folder in ["small", "medium", "large"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.greychart");
        let people_file = std::fs::read(root.join(folder).join("people.csv")).unwrap();
        let claims_file = std::fs::read(root.join(folder).join("claims.csv")).unwrap();
        let import = Instant::now();
        let mut ws = Workspace::create(&path).unwrap();
        ws.import_people("people.csv", &parse_people("people.csv", people_file.as_slice()).unwrap()).unwrap();
        ws.import_claims("claims.csv", &parse_claims("claims.csv", claims_file.as_slice()).unwrap()).unwrap();
        report(&format!("fixture {folder}: import people + claims CSV"), 1, import.elapsed());
        let runs = if folder == "large" { 5 } else { 11 };
        report(
            &format!("fixture {folder}: full influence report (ranks + broker)"),
            runs,
            median(runs, || ws.influence(as_of).unwrap()),
        );
    }
}

fn generated(n: usize) {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let (people, claims) = organisation(n, as_of);
    let options = SwayOptions { as_of, formal_weight: 0.5, formal_only: false };
    let graph = SwayGraph::build(&people, &claims, options);
    println!("generated organisation: {n} people, {} sway edges", graph.edge_count());
    report(&format!("{n}: build sway graph from claims"), 5, median(5, || SwayGraph::build(&people, &claims, options)));
    report(&format!("{n}: influence rank (weighted PageRank)"), 11, median(11, || influence_rank(&graph)));
    report(
        &format!("{n}: re-analysis after an edit (graphs, ranks, formal ranks, gaps; broker aside)"),
        5,
        median(5, || influence_ranks(&people, &claims, options)),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.greychart");
    let write = Instant::now();
    let mut ws = Workspace::create(&path).unwrap();
    let rows: Vec<PersonRow> = people.iter().map(|p| PersonRow { line: 0, person: p.clone() }).collect();
    ws.import_people("people.csv", &rows).unwrap();
    let rows: Vec<ClaimRow> = claims.iter().map(|c| ClaimRow { line: 0, claim: c.clone() }).collect();
    ws.import_claims("claims.csv", &rows).unwrap();
    drop(ws);
    report(&format!("{n}: write a new workspace file (people + claims)"), 1, write.elapsed());
    let ws = Workspace::open(&path).unwrap();
    let stored: Vec<Person> = ws.read().list().unwrap();
    report(
        &format!("{n}:   of which reading the claims as links"),
        3,
        median(3, || ws.read().claim_links(&stored).unwrap()),
    );
    report(
        &format!("{n}:   of which ranking (graphs, PageRanks)"),
        3,
        median(3, || influence_ranks(&people, &claims, options)),
    );
    drop(ws);
    report(
        &format!("{n}: open the workspace and rank everyone (what the app does first)"),
        3,
        median(3, || Workspace::open(&path).unwrap().influence_ranks(as_of).unwrap()),
    );
    let mut rng = Random(7);
    report(
        &format!("{n}: one strongest-path query"),
        101,
        median(101, || {
            let (a, b) = (rng.below(n), rng.below(n));
            strongest_path(&graph, graph.id(a), graph.id(b))
        }),
    );
    if n <= 10_000 {
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        report(
            &format!("{n}: exact broker scores ({threads} threads)"),
            1,
            median(1, || broker_scores(&graph, threads)),
        );
    }
}

/// The error of sampled broker scores against exact ones on the large
/// fixture (2,000 people): relative L1 error, largest absolute error, and how
/// many of the exact top 10 brokers the estimate also puts in its top 10,
/// averaged over five seeds.
fn sampled_error() {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/large");
    let people: Vec<Person> = parse_people("people.csv", std::fs::read(root.join("people.csv")).unwrap().as_slice())
        .unwrap()
        .into_iter()
        .map(|r| r.person)
        .collect();
    let claims: Vec<Claim> = parse_claims("claims.csv", std::fs::read(root.join("claims.csv")).unwrap().as_slice())
        .unwrap()
        .into_iter()
        .map(|r| r.claim)
        .collect();
    let graph = SwayGraph::build(&people, &claims, SwayOptions { as_of, formal_weight: 0.5, formal_only: false });
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let exact = broker_scores(&graph, threads);
    let top = |scores: &[f64]| {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        order.truncate(10);
        order
    };
    let exact_top = top(&exact);
    let total: f64 = exact.iter().sum();
    println!("sampled broker scores against exact, fixture large (2,000 people), mean of 5 seeds:");
    for samples in [50, 100, 200, 500, 1000] {
        let (mut l1, mut max, mut overlap) = (0.0, 0.0f64, 0.0);
        for seed in 1..=5 {
            let estimate = broker_scores_sampled(&graph, threads, samples, seed);
            l1 += exact.iter().zip(&estimate).map(|(e, s)| (e - s).abs()).sum::<f64>() / total / 5.0;
            max = max.max(exact.iter().zip(&estimate).map(|(e, s)| (e - s).abs()).fold(0.0, f64::max));
            let estimate_top = top(&estimate);
            overlap += exact_top.iter().filter(|i| estimate_top.contains(i)).count() as f64 / 5.0;
        }
        println!(
            "  {samples:>5} sources: relative L1 error {:.1}%, largest error {max:.4}, top-10 overlap {overlap:.1}/10",
            l1 * 100.0
        );
    }
}

/// `greychart-bench broker N T SIZE`: only the broker scores of a generated
/// organisation of SIZE people (10,000) from N sampled sources on T threads,
/// for profiling.
fn broker_only(samples: usize, threads: usize, size: usize) {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let (people, claims) = organisation(size, as_of);
    let graph = SwayGraph::build(&people, &claims, SwayOptions { as_of, formal_weight: 0.5, formal_only: false });
    report(
        &format!("{size}: broker scores from {samples} sources, {threads} threads"),
        3,
        median(3, || broker_scores_sampled(&graph, threads, samples, 1)),
    );
}

/// A generated workspace of `size` people, written once and kept in the
/// temp folder.
pub(crate) fn generated_workspace(size: usize, as_of: NaiveDate) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("greychart-bench-{size}.greychart"));
    if !path.exists() {
        let (people, claims) = organisation(size, as_of);
        let mut ws = Workspace::create(&path).unwrap();
        let rows: Vec<PersonRow> = people.iter().map(|p| PersonRow { line: 0, person: p.clone() }).collect();
        ws.import_people("people.csv", &rows).unwrap();
        let rows: Vec<ClaimRow> = claims.iter().map(|c| ClaimRow { line: 0, claim: c.clone() }).collect();
        ws.import_claims("claims.csv", &rows).unwrap();
    }
    path
}

/// `greychart-bench open SIZE`: opens (writing once, kept in the temp
/// folder) a generated workspace of SIZE people and ranks everyone five
/// times, for profiling.
fn open_only(size: usize) {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let path = generated_workspace(size, as_of);
    report(
        &format!("{size}: open the workspace and rank everyone"),
        5,
        median(5, || Workspace::open(&path).unwrap().influence_ranks(as_of).unwrap()),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("rank") {
        let n = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        let (people, claims) = organisation(n, as_of);
        let graph = SwayGraph::build(&people, &claims, SwayOptions { as_of, formal_weight: 0.5, formal_only: false });
        report(&format!("{n}: influence rank (weighted PageRank)"), 21, median(21, || influence_rank(&graph)));
        return;
    }
    if args.get(1).map(String::as_str) == Some("open") {
        open_only(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000));
        return;
    }
    if args.get(1).map(String::as_str) == Some("window") {
        window::window(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000));
        return;
    }
    if args.get(1).map(String::as_str) == Some("edit") {
        edit::edits(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000));
        return;
    }
    if args.get(1).map(String::as_str) == Some("plan") {
        plan::plans(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000));
        return;
    }
    if args.get(1).map(String::as_str) == Some("reporting") {
        reporting::reporting(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000));
        return;
    }
    if args.get(1).map(String::as_str) == Some("team-clients") {
        team_clients::clients(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(50));
        return;
    }
    if args.get(1).map(String::as_str) == Some("team") {
        team::team(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10_000));
        return;
    }
    if args.get(1).map(String::as_str) == Some("import") {
        imports::imports(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000));
        return;
    }
    if args.get(1).map(String::as_str) == Some("packets") {
        packets::packets();
        return;
    }
    if args.get(1).map(String::as_str) == Some("sampled-error") {
        sampled_error();
        return;
    }
    if args.get(1).map(String::as_str) == Some("broker") {
        let number = |i: usize, default: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
        broker_only(number(2, 500), number(3, 1), number(4, 10_000));
        return;
    }
    println!("Greychart benchmarks ({} cores)", std::thread::available_parallelism().map_or(1, usize::from));
    fixtures();
    generated(10_000);
    generated(100_000);
    plan::plans(100_000);
    packets::packets();
}
