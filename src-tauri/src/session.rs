//! The desktop session: which workspace is open, and where the app keeps its
//! own files. Tauri-free, so it is tested like any other code.
//!
//! The app's folder holds `last-workspace` (the path opened last) and, on
//! first start, `demo.greychart`, a fresh copy of the demo workspace.
//! `GREYCHART_HOME` overrides the folder (the end-to-end tests use it).

use std::path::{Path, PathBuf};

use greychart_core::transport::WorkspaceInfo;
use greychart_core::{ApiError, ErrorCode};
use greychart_store::{Passphrase, StoreError, Workspace};

/// The open workspace, if any, and the app's folder.
pub struct Session {
    home: PathBuf,
    workspace: Option<Workspace>,
    /// An encrypted workspace asked for and waiting for its passphrase.
    locked: Option<PathBuf>,
    /// Whether this is the first start (no workspace used before): the
    /// window then offers the demo, an empty workspace or an import.
    first_start: bool,
}

impl Session {
    /// A session with nothing open yet.
    pub fn new(home: PathBuf) -> Session {
        Session { home, workspace: None, locked: None, first_start: false }
    }

    /// Opens the workspace used last; on first start (or when that file is
    /// gone) writes and opens a copy of the demo.
    pub fn open_initial(&mut self, today: chrono::NaiveDate) -> Result<WorkspaceInfo, ApiError> {
        std::fs::create_dir_all(&self.home).map_err(io_error)?;
        if let Some(last) = std::fs::read_to_string(self.home.join("last-workspace")).ok().map(PathBuf::from) {
            if last.is_file() {
                return self.open(&last);
            }
        }
        let demo = self.home.join("demo.greychart");
        self.first_start = !demo.exists();
        if !demo.exists() {
            Workspace::create_with(&demo, &greychart_core::demo::demo_workspace(today))?;
        }
        self.open(&demo)
    }

    /// Opens an existing workspace file, closing the current one only on
    /// success. An encrypted file is remembered until `unlock` gives its
    /// passphrase (the error says so, with code `locked`).
    pub fn open(&mut self, path: &Path) -> Result<WorkspaceInfo, ApiError> {
        match Workspace::open(path) {
            Ok(ws) => self.adopt(ws),
            Err(e @ StoreError::Locked { .. }) => {
                self.locked = Some(path.to_owned());
                Err(e.into())
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Opens the encrypted workspace waiting for its passphrase; a wrong
    /// one leaves it waiting.
    pub fn unlock(&mut self, passphrase: &str) -> Result<WorkspaceInfo, ApiError> {
        let path = self.locked.clone().ok_or_else(|| {
            ApiError::new(ErrorCode::NoWorkspace, "no encrypted workspace is waiting for its passphrase")
        })?;
        let ws = Workspace::open_with(&path, Some(&Passphrase::new(passphrase)?))?;
        self.adopt(ws)
    }

    /// Encrypts the open workspace with `passphrase`, changes it, or (None)
    /// stores the workspace unencrypted again.
    pub fn set_passphrase(&mut self, passphrase: Option<&str>) -> Result<WorkspaceInfo, ApiError> {
        let key = passphrase.map(Passphrase::new).transpose()?;
        let ws = self.workspace()?;
        ws.set_passphrase(key.as_ref())?;
        Ok(describe(ws))
    }

    /// Creates an empty workspace at `path` and opens it.
    pub fn create(&mut self, path: &Path) -> Result<WorkspaceInfo, ApiError> {
        let ws = Workspace::create(path)?;
        self.adopt(ws)
    }

    /// Copies the open workspace to `path` and continues in the copy.
    pub fn save_as(&mut self, path: &Path) -> Result<WorkspaceInfo, ApiError> {
        let ws = self.workspace()?;
        ws.save_copy(path)?;
        // An encrypted workspace's copy is encrypted with the same passphrase.
        let copy = ws.open_copy(path)?;
        self.adopt(copy)
    }

    /// Whether the app started for the first time.
    pub fn first_start(&self) -> bool {
        self.first_start
    }

    /// The open workspace.
    pub fn workspace(&mut self) -> Result<&mut Workspace, ApiError> {
        let locked = self.locked.as_ref().filter(|_| self.workspace.is_none()).map(|p| p.display().to_string());
        self.workspace.as_mut().ok_or_else(|| match locked {
            Some(path) => ApiError::from(StoreError::Locked { path, tried: false }),
            None => ApiError::new(ErrorCode::NoWorkspace, "no workspace is open"),
        })
    }

    /// The open workspace, to edit its shared plan or organisation: refused
    /// in a team workspace to anyone but a manager.
    pub fn plan(&mut self) -> Result<&mut Workspace, ApiError> {
        let ws = self.workspace()?;
        match ws.plan_refusal()? {
            Some(why) => Err(ApiError::new(ErrorCode::Forbidden, why)),
            None => Ok(ws),
        }
    }

    /// What the window shows about the open workspace.
    pub fn info(&self) -> Option<WorkspaceInfo> {
        self.workspace.as_ref().map(describe)
    }

    fn adopt(&mut self, ws: Workspace) -> Result<WorkspaceInfo, ApiError> {
        let info = describe(&ws);
        self.locked = None;
        // Remembering is a convenience: failing to write it must not fail the open.
        let _ = std::fs::write(self.home.join("last-workspace"), &info.path);
        self.workspace = Some(ws);
        Ok(info)
    }
}

fn describe(ws: &Workspace) -> WorkspaceInfo {
    let path = ws.path();
    WorkspaceInfo {
        path: path.display().to_string(),
        name: path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
        encrypted: ws.is_encrypted(),
    }
}

fn io_error(e: std::io::Error) -> ApiError {
    ApiError::new(ErrorCode::Io, e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A session in a fresh folder, started on a fixed day (the demo open).
    fn started() -> (tempfile::TempDir, chrono::NaiveDate, Session) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        let mut s = Session::new(dir.path().to_owned());
        s.open_initial(today).unwrap_or_else(|e| panic!("{}", e.message));
        (dir, today, s)
    }

    #[test]
    fn first_start_opens_a_demo_copy_and_the_next_start_reopens_the_last_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        let mut s = Session::new(dir.path().to_owned());
        let info = s.open_initial(today).unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(info.name, "demo.greychart");
        let other = dir.path().join("mine.greychart");
        s.create(&other).unwrap_or_else(|e| panic!("{}", e.message));
        let mut again = Session::new(dir.path().to_owned());
        let info = again.open_initial(today).unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(info.name, "mine.greychart");
    }

    #[test]
    fn save_as_continues_in_an_equal_copy_and_new_starts_empty() {
        let (dir, _, mut s) = started();
        let before = s.workspace().and_then(|ws| Ok(ws.read().data()?)).unwrap_or_else(|e| panic!("{}", e.message));
        let copy = dir.path().join("copy.greychart");
        let info = s.save_as(&copy).unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(info.name, "copy.greychart");
        let after = s.workspace().and_then(|ws| Ok(ws.read().data()?)).unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(after, before);
        s.create(&dir.path().join("empty.greychart")).unwrap_or_else(|e| panic!("{}", e.message));
        let empty = s.workspace().and_then(|ws| Ok(ws.read().data()?)).unwrap_or_else(|e| panic!("{}", e.message));
        assert!(empty.people.is_empty());
        assert!(s.create(&copy).is_err(), "New refuses to overwrite a file");
    }

    #[test]
    fn a_failed_open_keeps_the_current_workspace() {
        let (dir, _, mut s) = started();
        let err = s.open(&dir.path().join("missing.greychart")).err().map(|e| e.code);
        assert_eq!(err, Some(ErrorCode::Io));
        assert_eq!(s.info().map(|i| i.name), Some("demo.greychart".to_owned()));
    }

    #[test]
    fn an_encrypted_workspace_waits_for_its_passphrase_and_a_wrong_one_keeps_it_waiting() {
        let (dir, today, mut s) = started();
        let info = s.set_passphrase(Some("sesame")).unwrap_or_else(|e| panic!("{}", e.message));
        assert!(info.encrypted);
        let path = dir.path().join("demo.greychart");
        let mut next = Session::new(dir.path().to_owned());
        let locked = next.open_initial(today).err().map(|e| e.code);
        assert_eq!(locked, Some(ErrorCode::Locked));
        assert_eq!(next.workspace().err().map(|e| e.code), Some(ErrorCode::Locked), "the views are told it is locked");
        assert_eq!(next.unlock("barley").err().map(|e| e.code), Some(ErrorCode::Locked));
        let info = next.unlock("sesame").unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(info.path, path.display().to_string());
        assert!(next.set_passphrase(None).is_ok_and(|i| !i.encrypted));
    }
}
