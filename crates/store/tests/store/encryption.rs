//! Encryption at rest on real files: an encrypted workspace's bytes hold no
//! name or note; without its passphrase, or with a wrong one, it is refused
//! with a clear message and left byte for byte as it was; with it,
//! everything works, undo included; the passphrase can be removed again.

use greychart_core::model::{Claim, Person};
use greychart_store::{looks_encrypted, Passphrase, StoreError, Workspace};

use crate::{demo, demo_day};

/// The file's bytes, with its write-ahead log's if it has one.
fn bytes(path: &std::path::Path) -> Vec<u8> {
    let mut all = std::fs::read(path).unwrap();
    all.extend(std::fs::read(format!("{}-wal", path.display())).unwrap_or_default());
    all
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn an_encrypted_workspace_holds_no_names_and_opens_only_with_its_passphrase() {
    let (dir, mut ws) = demo();
    let path = ws.path().to_owned();
    let before = ws.read().data().unwrap();
    let secret = "Dana's private notes";
    let p02: Person = ws.read().get(&["p02"]).unwrap().unwrap();
    let plain = bytes(&path);
    assert!(holds(&plain, &p02.name), "the test looks for a name the plain file holds");

    let passphrase = Passphrase::new("correct horse battery staple").unwrap();
    ws.set_passphrase(Some(&passphrase)).unwrap();
    assert!(ws.is_encrypted());
    let claim = Claim { id: String::new(), note: secret.into(), ..before.claims[0].clone() };
    ws.save_claim(claim).unwrap();
    drop(ws);

    let sealed = bytes(&path);
    assert!(looks_encrypted(&path));
    for person in &before.people {
        assert!(!holds(&sealed, &person.name), "{} readable in the encrypted file", person.name);
    }
    assert!(!holds(&sealed, secret) && !holds(&sealed, "SQLite format 3"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(leftovers.iter().all(|n| !n.to_string_lossy().contains("rekey")), "{leftovers:?}");

    let no_key = Workspace::open(&path).err().unwrap();
    assert!(matches!(&no_key, StoreError::Locked { tried: false, .. }), "{no_key}");
    assert!(no_key.to_string().ends_with("is encrypted: enter its passphrase"), "{no_key}");
    let wrong = Workspace::open_with(&path, Some(&Passphrase::new("Tr0ub4dor&3").unwrap())).err().unwrap();
    assert!(matches!(&wrong, StoreError::Locked { tried: true, .. }), "{wrong}");
    assert!(wrong.to_string().starts_with("the passphrase does not open"), "{wrong}");
    assert_eq!(bytes(&path), sealed, "a refused open changed the file");

    let mut ws = Workspace::open_with(&path, Some(&passphrase)).unwrap();
    let data = ws.read().data().unwrap();
    assert_eq!(data.people, before.people);
    assert!(data.claims.iter().any(|c| c.note == secret));
    assert_eq!(ws.influence_ranks(demo_day()).unwrap().len(), before.people.len());
    ws.undo().unwrap();
    assert!(ws.read().data().unwrap().claims.iter().all(|c| c.note != secret), "undo works in an encrypted file");

    // A copy is encrypted with the same passphrase.
    let copy = dir.path().join("copy.greychart");
    ws.save_copy(&copy).unwrap();
    assert!(matches!(Workspace::open(&copy), Err(StoreError::Locked { .. })));
    assert_eq!(Workspace::open_with(&copy, Some(&passphrase)).unwrap().read().data().unwrap().people, before.people);

    // Removing the passphrase gives a plain SQLite file again.
    ws.set_passphrase(None).unwrap();
    drop(ws);
    assert!(std::fs::read(&path).unwrap().starts_with(b"SQLite format 3\0"));
    assert_eq!(Workspace::open(&path).unwrap().read().data().unwrap().people, before.people);
    assert!(Passphrase::new("").is_err());
}

/// Set in the child: the folder in which its threads create workspaces.
const FIRST_OPEN_CHILD: &str = "GREYCHART_FIRST_OPEN_CHILD";

/// The child's side: several threads open the process's first workspaces
/// at once, and each rewrites its own through `sqlcipher_export` (as
/// setting a passphrase does, without the cost of deriving a key).
#[test]
fn first_open_child_rewrites_from_several_threads() {
    let Some(dir) = std::env::var_os(FIRST_OPEN_CHILD) else { return };
    let threads = 8;
    let start = std::sync::Arc::new(std::sync::Barrier::new(threads));
    let workers: Vec<_> = (0..threads)
        .map(|i| {
            let path = std::path::Path::new(&dir).join(format!("w{i}.greychart"));
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                let mut ws = Workspace::create(&path).map_err(|e| e.to_string())?;
                ws.set_passphrase(None).map_err(|e| e.to_string())
            })
        })
        .collect();
    for (i, worker) in workers.into_iter().enumerate() {
        worker.join().unwrap().unwrap_or_else(|e| panic!("thread {i}: {e}"));
    }
}

/// SQLCipher 4.20 marks itself initialised before it registers
/// `sqlcipher_export` for new connections, and another thread could open a
/// connection in that gap: one that could not encrypt, back up or migrate an
/// encrypted workspace ("no such function: sqlcipher_export"; seen once in
/// CI). Fresh processes, each racing eight threads to their first
/// workspace, must all succeed. Without the store's guard about one process
/// in eleven failed here, so 30 runs catch it 19 times in 20; more with
/// `GREYCHART_FIRST_OPEN_RUNS`.
#[test]
fn every_connection_of_a_new_process_can_export_though_threads_open_at_once() {
    let runs: usize = std::env::var("GREYCHART_FIRST_OPEN_RUNS").ok().and_then(|k| k.parse().ok()).unwrap_or(30);
    let mut failed = Vec::new();
    for run in 0..runs {
        let dir = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "encryption::first_open_child_rewrites_from_several_threads", "--nocapture"])
            .env(FIRST_OPEN_CHILD, dir.path())
            .output()
            .unwrap();
        if !out.status.success() {
            let said = String::from_utf8_lossy(&out.stderr).into_owned();
            let why = said.lines().find(|l| l.starts_with("thread ") && !l.contains("panicked")).map(str::to_owned);
            failed.push(format!("run {run}: {}", why.unwrap_or(said)));
        }
    }
    assert!(failed.is_empty(), "{} of {runs} processes failed: {failed:?}", failed.len());
}
