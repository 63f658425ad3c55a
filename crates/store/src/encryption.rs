//! Encryption at rest. Workspaces are SQLite files written by SQLCipher
//! (rusqlite's bundled SQLCipher): a workspace given a passphrase is
//! encrypted page by page (AES-256, key derived from the passphrase with
//! PBKDF2), so its bytes hold no name, note or claim. A workspace without
//! one is a plain SQLite file, as before.
//!
//! Setting, changing or removing the passphrase writes the whole workspace
//! to a new file beside it with `sqlcipher_export` and then swaps the new
//! file in, so a failure leaves the original as it was.

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Result, StoreError};
use crate::Workspace;

/// A workspace's passphrase. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    /// A passphrase; refuses an empty one.
    pub fn new(text: impl Into<String>) -> Result<Passphrase> {
        let text = text.into();
        if text.is_empty() {
            return Err(StoreError::invalid("passphrase", "the passphrase is empty"));
        }
        Ok(Passphrase(text))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// Opens a connection. Every connection of the store comes from here.
///
/// SQLCipher 4.20 marks itself initialised before it registers
/// `sqlcipher_export` for new connections, and SQLite lets another thread
/// open a connection in that gap: one without the function, which then
/// cannot encrypt, back up or migrate an encrypted workspace ("no such
/// function: sqlcipher_export"). So the first connection of the process
/// is opened alone, and the others wait until it is.
pub(crate) fn open_connection(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    static INITIALISED: std::sync::Once = std::sync::Once::new();
    INITIALISED.call_once(|| {
        // Initialises SQLite and SQLCipher in this thread; an error would
        // come again, and be reported, from the open below.
        let _ = Connection::open_in_memory();
    });
    Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
}

/// Gives the connection its key; must come before anything reads the file.
pub(crate) fn apply_key(conn: &Connection, key: Option<&Passphrase>) -> rusqlite::Result<()> {
    match key {
        Some(key) => {
            // A wrong passphrase is reported as an error of ours; SQLCipher
            // would also print its own to standard error.
            conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
            conn.pragma_update(None, "key", key.as_str())
        }
        None => Ok(()),
    }
}

/// Whether a file looks like an encrypted workspace: not SQLite's plain
/// header, and whole pages.
pub fn looks_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    read.is_ok() && &header != b"SQLite format 3\0" && size >= 1024 && size % 512 == 0
}

/// Writes the whole database of `conn` (its schema, rows, version and
/// owner mark) to the new file `target`, encrypted with `key` or plain.
pub(crate) fn export_to(conn: &Connection, target: &Path, key: Option<&Passphrase>) -> Result<()> {
    let target_text =
        target.to_str().ok_or_else(|| StoreError::File(format!("{} is not a valid UTF-8 path", target.display())))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let owner: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    conn.execute("ATTACH DATABASE ?1 AS exported KEY ?2", [target_text, key.map_or("", Passphrase::as_str)])?;
    let copied = conn.query_row("SELECT sqlcipher_export('exported')", [], |_| Ok(())).and_then(|()| {
        conn.execute_batch(&format!(
            "PRAGMA exported.user_version = {version}; PRAGMA exported.application_id = {owner};"
        ))
    });
    let detached = conn.execute("DETACH DATABASE exported", []);
    copied?;
    detached?;
    Ok(())
}

impl Workspace {
    /// Whether the file is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Encrypts the workspace with `passphrase`, changes its passphrase, or
    /// (with `None`) stores it unencrypted again. The file is rewritten
    /// beside itself and swapped in; if anything fails, it is as it was.
    pub fn set_passphrase(&mut self, passphrase: Option<&Passphrase>) -> Result<()> {
        let path = self.path.clone();
        let mut staged = path.as_os_str().to_owned();
        staged.push(".rekey");
        let staged = PathBuf::from(staged);
        remove_database(&staged);
        if let Err(e) = export_to(&self.conn, &staged, passphrase) {
            remove_database(&staged);
            return Err(e);
        }
        // Close this connection (its last checkpoint empties the WAL), then
        // swap the new file in: a rename, so the file is always whole.
        let placeholder = open_connection(Path::new(":memory:"), OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let closed = std::mem::replace(&mut self.conn, placeholder);
        if let Err((conn, e)) = closed.close() {
            self.conn = conn;
            remove_database(&staged);
            return Err(e.into());
        }
        let swapped = std::fs::rename(&staged, &path);
        for side in ["-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(side);
            // Side files of the old file: empty after the close, and wrong for the new one.
            let _ = std::fs::remove_file(p);
        }
        let reopened = Workspace::open_with(&path, if swapped.is_ok() { passphrase } else { self.key.as_ref() })
            .map_err(|e| {
                StoreError::File(format!(
                    "{} was written, but could not be opened again ({e}): open it again",
                    path.display()
                ))
            })?;
        let actor = std::mem::take(&mut self.actor);
        *self = reopened;
        self.actor = actor;
        swapped.map_err(|e| StoreError::File(format!("could not replace {}: {e}; it is as it was", path.display())))
    }
}

/// Removes a database file and its side files, if there.
fn remove_database(path: &Path) {
    for side in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(side);
        let _ = std::fs::remove_file(p);
    }
}
