//! Opening, creating and copying workspace files.

use std::path::{Path, PathBuf};

use greychart_core::model::{WorkspaceData, DEFAULT_FORMAL_WEIGHT};
use rusqlite::{Connection, OpenFlags};

use crate::encryption::{apply_key, export_to, looks_encrypted, open_connection, Passphrase};
use crate::error::{Result, StoreError};
use crate::{schema, Read, Write};

/// An open workspace file.
pub struct Workspace {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) actor: String,
    /// The passphrase of an encrypted file.
    pub(crate) key: Option<Passphrase>,
    /// Rows written since the workspace opened, and whether the running
    /// write is cancelled: a long import's progress and its Cancel.
    pub(crate) progress: crate::write::WriteProgress,
}

impl Workspace {
    /// Creates a new, empty workspace; refuses to overwrite a file.
    pub fn create(path: &Path) -> Result<Workspace> {
        if path.exists() {
            return Err(StoreError::File(format!("{} already exists; refusing to overwrite it", path.display())));
        }
        let mut ws = Workspace::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE, None)?;
        let mut w = ws.write()?;
        // A new workspace starts with an empty history.
        w.untracked();
        w.set_setting("formal_weight", &DEFAULT_FORMAL_WEIGHT.to_string())?;
        w.commit()?;
        Ok(ws)
    }

    /// Opens an existing workspace, upgrading an older schema.
    pub fn open(path: &Path) -> Result<Workspace> {
        Workspace::open_with(path, None)
    }

    /// Opens an existing workspace, encrypted with `passphrase` if given.
    pub fn open_with(path: &Path, passphrase: Option<&Passphrase>) -> Result<Workspace> {
        if !path.is_file() {
            return Err(StoreError::File(format!("no workspace at {}", path.display())));
        }
        // CREATE (the file exists) lets the connection attach new files:
        // backups and re-encrypted copies of an encrypted workspace.
        Workspace::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE, passphrase)
    }

    /// Creates a workspace holding `data`, in one transaction.
    pub fn create_with(path: &Path, data: &WorkspaceData) -> Result<Workspace> {
        let mut ws = Workspace::create(path)?;
        let mut w = ws.write()?;
        w.insert_all(data)?;
        w.commit()?;
        Ok(ws)
    }

    fn connect(path: &Path, flags: OpenFlags, key: Option<&Passphrase>) -> Result<Workspace> {
        let shown = path.display().to_string();
        let not_a_workspace =
            |e: rusqlite::Error| StoreError::NotAWorkspace { path: shown.clone(), reason: e.to_string() };
        let mut conn = open_connection(path, flags)?;
        apply_key(&conn, key).map_err(not_a_workspace)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(not_a_workspace)?;
        // Refuse a foreign file before switching its journal mode; an
        // encrypted one without its passphrase reads as noise.
        schema::check_owner(&conn, &shown).map_err(|e| match e {
            StoreError::NotAWorkspace { .. } if looks_encrypted(path) => {
                StoreError::Locked { path: shown.clone(), tried: key.is_some() }
            }
            other => other,
        })?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(not_a_workspace)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(not_a_workspace)?;
        // A page cache of up to 128 MiB (the default is 2 MiB): an import of
        // 800,000 claims inserts into three indexes at random places.
        conn.pragma_update(None, "cache_size", -131_072).map_err(not_a_workspace)?;
        schema::migrate(&mut conn, path, key)?;
        // Syncs and saves run the same few dozen statements again and again.
        conn.set_prepared_statement_cache_capacity(64);
        let actor = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".into());
        Ok(Workspace { conn, path: path.to_owned(), actor, key: key.cloned(), progress: Default::default() })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who the audit log names as the author of writes.
    pub fn set_actor(&mut self, actor: &str) {
        actor.clone_into(&mut self.actor);
    }

    /// The connection, for read-only queries of this crate.
    pub(crate) fn read_connection(&self) -> &Connection {
        &self.conn
    }

    /// A read handle.
    pub fn read(&self) -> Read<'_> {
        Read::keyed(&self.conn, self.key.as_ref())
    }

    /// A write handle: one transaction, committed by `Write::commit`.
    pub fn write(&mut self) -> Result<Write<'_>> {
        let actor = self.actor.clone();
        Write::begin(&mut self.conn, actor, self.progress.clone())
    }

    /// Opens a copy written by [`Workspace::save_copy`] (with this
    /// workspace's passphrase, if it has one).
    pub fn open_copy(&self, copy: &Path) -> Result<Workspace> {
        Workspace::open_with(copy, self.key.as_ref())
    }

    /// Writes a compact copy of the workspace to `target`, which must not exist.
    pub fn save_copy(&self, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(StoreError::File(format!("{} already exists; choose another name", target.display())));
        }
        if self.key.is_some() {
            // Encrypted with the same passphrase.
            return export_to(&self.conn, target, self.key.as_ref());
        }
        let target_text = target
            .to_str()
            .ok_or_else(|| StoreError::File(format!("{} is not a valid UTF-8 path", target.display())))?;
        self.conn.execute("VACUUM INTO ?1", [target_text])?;
        Ok(())
    }
}
