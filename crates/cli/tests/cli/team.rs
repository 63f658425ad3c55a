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
    assert!(said(&first).contains("schema 1 (was 0)"), "{}", said(&first));
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
