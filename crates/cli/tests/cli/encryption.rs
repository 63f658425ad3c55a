//! `greychart passphrase`: encrypt a workspace, open it with
//! GREYCHART_PASSPHRASE, refuse it without, and store it plain again.

use std::process::{Command, Output};

use crate::{demo_file, greychart, s};

fn with_env(vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_greychart"));
    command.args(args);
    for (k, v) in vars {
        command.env(k, v);
    }
    command.output().unwrap()
}

#[test]
fn an_encrypted_workspace_needs_its_passphrase_on_the_command_line() {
    let (_dir, ws) = demo_file();
    let refused = greychart(&["passphrase", s(&ws)]);
    assert_eq!(refused.status.code(), Some(2), "no new passphrase given");
    let done = with_env(&[("GREYCHART_NEW_PASSPHRASE", "open sesame")], &["passphrase", s(&ws)]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let file = std::fs::read(&ws).unwrap();
    let name = b"Daniel Brandt";
    assert!(!file.windows(name.len()).any(|w| w == name), "a name is readable in the encrypted file");

    let locked = greychart(&["influence", s(&ws), "--json"]);
    assert_eq!(locked.status.code(), Some(2));
    let message = String::from_utf8_lossy(&locked.stderr);
    assert!(message.contains("is encrypted") && message.contains("GREYCHART_PASSPHRASE"), "{message}");
    let wrong = with_env(&[("GREYCHART_PASSPHRASE", "open barley")], &["influence", s(&ws)]);
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert!(said.contains("passphrase does not open") && !said.contains("sqlcipher"), "{said}");
    assert_eq!(std::fs::read(&ws).unwrap(), file, "a refused open changed the file");

    let key = [("GREYCHART_PASSPHRASE", "open sesame")];
    let ranks = with_env(&key, &["influence", s(&ws), "--json"]);
    assert!(ranks.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&ranks.stdout).unwrap();
    assert_eq!(rows.as_array().map(Vec::len), Some(40));

    assert!(with_env(&key, &["passphrase", s(&ws), "--remove"]).status.success());
    let plain = std::fs::read(&ws).unwrap();
    assert!(plain.starts_with(b"SQLite format 3\0") && plain.windows(name.len()).any(|w| w == name));
    assert!(greychart(&["influence", s(&ws)]).status.success());
}
