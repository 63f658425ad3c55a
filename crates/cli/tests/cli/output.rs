//! The command's output going to a reader that stops early.

use std::process::{Command, Stdio};

use crate::{demo_file, s};

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let (_dir, ws) = demo_file();
    for args in [vec!["influence", s(&ws)], vec!["plan", s(&ws), "--csv"], vec!["export", s(&ws), "--format", "dot"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_greychart"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the command writes (as `| head -0`
        // would): its first write meets a closed pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && stderr.is_empty(), "greychart {args:?}: {:?}, stderr {stderr}", out.status);
    }
}
