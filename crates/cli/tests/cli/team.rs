//! `greychart team init` and `add-user` against a real PostgreSQL.

use std::process::Command;

#[path = "../../../team/tests/cluster/mod.rs"]
mod cluster;

fn team(args: &[&str], password: Option<&str>) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_greychart"));
    command.arg("team").args(args).env_remove("PGPASSWORD");
    match password {
        Some(p) => command.env("GREYCHART_NEW_PASSWORD", p),
        None => command.env_remove("GREYCHART_NEW_PASSWORD"),
    };
    command.output().unwrap()
}

fn said(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[test]
fn team_init_twice_then_users_and_each_bad_input_exits_2_naming_it() {
    let cluster = cluster::Cluster::start();
    let url = cluster.admin_url();
    let first = team(&["init", &url], None);
    assert!(first.status.success(), "{}", said(&first));
    assert!(said(&first).contains(&format!("schema {} (was 0)", greychart_team::SCHEMA_VERSION)), "{}", said(&first));
    let again = team(&["init", &url], None);
    assert!(said(&again).contains("nothing to do"), "{}", said(&again));

    let added = team(&["add-user", &url, "ann", "--person", "p01", "--role", "manager"], Some("correct horse"));
    assert!(added.status.success(), "{}", said(&added));
    // The password is never shown, nor the admin's.
    assert!(!said(&added).contains("correct horse") && !said(&added).contains(&cluster.password));

    for (args, password, says) in [
        (vec!["add-user", &url, "bo", "--person", "p02", "--role", "approver"], None, "GREYCHART_NEW_PASSWORD"),
        (vec!["add-user", &url, "ann", "--person", "p02", "--role", "approver"], Some("long enough"), "exists already"),
        (vec!["add-user", &url, "bo", "--person", "p02", "--role", "boss"], Some("long enough"), "not a role"),
    ] {
        let out = team(&args, password);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", said(&out));
        assert!(said(&out).contains(says), "{args:?}: {}", said(&out));
    }
    let wrong = url.replace(&cluster.password, "wrong-password");
    let out = team(&["init", &wrong], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains("password authentication failed") && !said(&out).contains("wrong-password"),
        "{}",
        said(&out)
    );
    let nowhere = team(&["init", "postgresql://ann@127.0.0.1:1/team?sslmode=disable"], None);
    assert_eq!(nowhere.status.code(), Some(2));
    assert!(said(&nowhere).contains("cannot connect"), "{}", said(&nowhere));
}

#[test]
fn publish_join_sync_conflict_resolve_and_status_through_the_command_line() {
    let cluster = cluster::Cluster::start();
    let admin = cluster.admin_url();
    assert!(team(&["init", &admin], None).status.success());
    for (login, person) in [("ann", "p26"), ("al", "p01")] {
        let out = team(&["add-user", &admin, login, "--person", person, "--role", "manager"], Some("correct horse"));
        assert!(out.status.success(), "{}", said(&out));
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.greychart"), dir.path().join("b.greychart"));
    let a = a.to_str().unwrap();
    let b = b.to_str().unwrap();
    crate::greychart_ok(&["demo", a]);
    let url = |login: &str| format!("postgresql://{login}@127.0.0.1:{}/postgres?sslmode=disable", cluster.port);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_greychart")).args(args).env("PGPASSWORD", "correct horse").output().unwrap()
    };
    let out = run(&["team", "publish", a, &url("ann")]);
    assert!(out.status.success() && said(&out).contains("published"), "{}", said(&out));
    let out = run(&["team", "join", b, &url("al")]);
    assert!(out.status.success() && said(&out).contains("joined"), "{}", said(&out));
    // The file keeps the URL, never the password.
    assert!(!std::fs::read(b).unwrap().windows(13).any(|w| w == b"correct horse"));

    let reschedule = |file: &str, name: &str| {
        let conn = rusqlite::Connection::open(file).unwrap();
        conn.execute("UPDATE releases SET name = ?1 WHERE id = 'r1'", [name]).unwrap();
    };
    reschedule(a, "Ann's name");
    reschedule(b, "Al's name");
    let status = run(&["team", "status", b, "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!((status["queued"].as_u64(), status["state"].as_str()), (Some(1), Some("online as manager")), "{status}");
    assert!(run(&["team", "sync", a]).status.success());
    let out = run(&["team", "sync", b, "--json"]);
    assert_eq!(out.status.code(), Some(3), "{}", said(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["conflicts"][0]["field"], "name");
    assert_eq!(
        (report["conflicts"][0]["mine"].as_str(), report["conflicts"][0]["theirs"].as_str()),
        (Some("Al's name"), Some("Ann's name"))
    );
    let out = run(&["team", "resolve", b, "release", "r1", "--keep", "theirs"]);
    assert!(out.status.success(), "{}", said(&out));
    let out = run(&["team", "sync", b, "--json"]);
    assert!(out.status.success(), "{}", said(&out));
    let name: String = rusqlite::Connection::open(b)
        .unwrap()
        .query_row("SELECT name FROM releases WHERE id = 'r1'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Ann's name");

    // The server away: sync exits 2 saying so, and status says offline.
    cluster.stop();
    reschedule(b, "Offline name");
    let out = run(&["team", "sync", b]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(said(&out).contains("cannot connect"), "{}", said(&out));
    let out = run(&["team", "status", b]);
    assert!(said(&out).contains("offline") && said(&out).contains("1 edits queued"), "{}", said(&out));
    cluster.restart();
    assert!(run(&["team", "sync", b]).status.success());
    let out = run(&["team", "sync", a, "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["pulled"], 1, "{report}");
}

#[test]
fn an_approver_decides_through_the_team_online_offline_and_on_a_stale_scope() {
    let cluster = cluster::Cluster::start();
    let admin = cluster.admin_url();
    assert!(team(&["init", &admin], None).status.success());
    for (login, person, role) in [("ann", "p26", "manager"), ("bo", "p33", "approver")] {
        let out = team(&["add-user", &admin, login, "--person", person, "--role", role], Some("correct horse"));
        assert!(out.status.success(), "{}", said(&out));
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.greychart"), dir.path().join("b.greychart"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    crate::greychart_ok(&["demo", a]);
    let url = |login: &str| format!("postgresql://{login}@127.0.0.1:{}/postgres?sslmode=disable", cluster.port);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_greychart")).args(args).env("PGPASSWORD", "correct horse").output().unwrap()
    };
    let out = run(&["team", "publish", a, &url("ann")]);
    // The demo's current decisions go with it.
    assert!(out.status.success() && said(&out).contains("shared records and 10 decisions"), "{}", said(&out));
    assert!(run(&["team", "join", b, &url("bo")]).status.success());
    let decisions = || cluster.count("SELECT count(*) FROM greychart.decisions") - 10;

    // Online: recorded by the team at once.
    let out = run(&["decide", b, "r1", "--decision", "approved", "--comment", "ok by me"]);
    assert!(out.status.success() && said(&out).contains("recorded by the team"), "{}", said(&out));
    assert_eq!(decisions(), 1);
    // The sign-off packet prints it in place of bo's blank line, with a
    // fingerprint the team verifies; so does the packet's document id.
    let pdf = dir.path().join("r1.pdf");
    assert!(run(&["packet", b, "r1", "-o", pdf.to_str().unwrap()]).status.success());
    let text = Command::new("pdftotext").args(["-layout", pdf.to_str().unwrap(), "-"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let line = text
        .lines()
        .find(|l| l.contains("Decision fingerprint"))
        .unwrap_or_else(|| panic!("no electronic sign-off: {text}"));
    let fingerprint = line.split_whitespace().nth(2).unwrap().to_owned();
    assert!(text.contains("Signed electronically in Greychart") && text.contains("(login bo)"), "{text}");
    let out = run(&["team", "verify", b, &fingerprint]);
    assert!(out.status.success() && said(&out).contains("valid"), "{}", said(&out));
    let document = text.split_whitespace().find(|w| w.starts_with("GC-")).unwrap().to_owned();
    let out = run(&["team", "verify", b, &document]);
    assert!(out.status.success() && said(&out).contains(&format!("{fingerprint}: valid")), "{}", said(&out));
    let out = run(&["team", "verify", b, "0000-0000-0000"]);
    assert_eq!(out.status.code(), Some(3), "{}", said(&out));
    assert!(said(&out).contains("NOT a decision of the team"), "{}", said(&out));

    // An approver neither records a paper sign-off nor edits the plan.
    let out = run(&["decide", b, "r2", "--decision", "approved", "--for", "p25", "--source", "a mail"]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(said(&out).contains("only a manager"), "{}", said(&out));
    let out = run(&["reschedule", b, "r1", "--start", "2027-01-04", "--end", "2027-01-05"]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(said(&out).contains("only a manager edits the plan"), "{}", said(&out));

    // Offline: queued, pushed when the server is back.
    cluster.stop();
    let out = run(&["decide", b, "r2", "--decision", "rejected", "--comment", "not in the freeze"]);
    assert!(out.status.success() && said(&out).contains("queued"), "{}", said(&out));
    let status = run(&["team", "status", b, "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!((status["queued"].as_u64(), status["role"].as_str()), (Some(1), Some("approver")), "{status}");
    cluster.restart();
    let out = run(&["team", "sync", b, "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((report["pushed"].as_u64(), report["refused"].as_array().map(Vec::len)), (Some(1), Some(0)), "{report}");
    assert_eq!(decisions(), 2);

    // The manager rescopes r3 meanwhile: a decision on the old scope exits 2, stale.
    assert!(run(&["reschedule", a, "r3", "--start", "2027-02-01", "--end", "2027-02-03"]).status.success());
    assert!(run(&["team", "sync", a]).status.success());
    let out = run(&["decide", b, "r3", "--decision", "approved"]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(said(&out).contains("stale"), "{}", said(&out));
    assert_eq!(decisions(), 2);
    // Synced, the same decision is taken.
    let out = run(&["decide", b, "r3", "--decision", "approved"]);
    assert!(out.status.success(), "{}", said(&out));
    assert_eq!(decisions(), 3);
}

#[test]
fn an_approver_delegates_and_the_delegate_decides_for_them() {
    let cluster = cluster::Cluster::start();
    let admin = cluster.admin_url();
    assert!(team(&["init", &admin], None).status.success());
    for (login, person, role) in [("ann", "p26", "manager"), ("bo", "p33", "approver"), ("cy", "p27", "approver")] {
        let out = team(&["add-user", &admin, login, "--person", person, "--role", role], Some("correct horse"));
        assert!(out.status.success(), "{}", said(&out));
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (dir.path().join("a.greychart"), dir.path().join("b.greychart"), dir.path().join("c.greychart"));
    let (a, b, c) = (a.to_str().unwrap(), b.to_str().unwrap(), c.to_str().unwrap());
    crate::greychart_ok(&["demo", a]);
    let url = |login: &str| format!("postgresql://{login}@127.0.0.1:{}/postgres?sslmode=disable", cluster.port);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_greychart")).args(args).env("PGPASSWORD", "correct horse").output().unwrap()
    };
    assert!(run(&["team", "publish", a, &url("ann")]).status.success());
    assert!(run(&["team", "join", b, &url("bo")]).status.success());
    assert!(run(&["team", "join", c, &url("cy")]).status.success());
    let today = chrono::Local::now().date_naive();
    let (from, until) = (today.to_string(), (today + chrono::Days::new(7)).to_string());

    // Before the delegation, cy may not decide for bo.
    let out = run(&["decide", c, "r1", "--decision", "approved", "--for", "p33"]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(said(&out).contains("has not delegated"), "{}", said(&out));
    // Bad input changes nothing: an unknown person, a range backwards, another's delegation.
    for (args, says) in [
        (vec!["--to", "p999", "--from", &from, "--until", &until], "no person with id p999"),
        (vec!["--to", "p27", "--from", &until, "--until", &from], "is before"),
        (vec!["--to", "p27", "--from", &from, "--until", &until, "--for", "p25"], "may not delegate for p25"),
    ] {
        let out = run(&[&["team", "delegate", b][..], &args].concat());
        assert_eq!(out.status.code(), Some(2), "{}", said(&out));
        assert!(said(&out).contains(says), "{says}: {}", said(&out));
    }
    assert_eq!(cluster.count("SELECT count(*) FROM greychart.delegations"), 0);

    // Only an admin turns separation of duties on.
    let out = run(&["team", "separate-duties", &url("bo"), "on"]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(said(&out).contains("only an admin"), "{}", said(&out));
    let out = run(&["team", "delegate", b, "--to", "p27", "--from", &from, "--until", &until]);
    assert!(out.status.success() && said(&out).contains("p27 decides for p33"), "{}", said(&out));
    let out = run(&["decide", c, "r1", "--decision", "approved", "--comment", "for Bo", "--for", "p33"]);
    assert!(out.status.success() && said(&out).contains("recorded by the team"), "{}", said(&out));
    assert_eq!(
        cluster.count("SELECT count(*) FROM greychart.decisions WHERE approver = 'p33' AND recorded_by = 'p27'"),
        1
    );
}
