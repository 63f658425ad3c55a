//! The team password kept in the system keyring where there is one (the
//! Secret Service on Linux, the Keychain on macOS, the Credential Manager
//! on Windows), so the window signs in by itself at the next start; where
//! there is none, the window asks at each start. Never in the workspace
//! file, never in a log.

/// The keyring's name for Greychart's entries; each is keyed by the team
/// URL with its login (and no password).
const SERVICE: &str = "Greychart team database";

fn entry(server: &str) -> keyring::Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, server)
}

/// Keeps `password` for `server`; false where there is no keyring.
pub fn keep(server: &str, password: &str) -> bool {
    match entry(server).and_then(|e| e.set_password(password)) {
        Ok(()) => true,
        Err(e) => {
            tracing::info!("the team password is kept for this session only: no system keyring ({e})");
            false
        }
    }
}

/// The password kept for `server`, if the keyring has one.
pub fn recall(server: &str) -> Option<String> {
    entry(server).and_then(|e| e.get_password()).ok()
}

/// Forgets the password kept for `server` (the server refused it).
pub fn forget(server: &str) {
    if let Err(e) = entry(server).and_then(|e| e.delete_credential()) {
        tracing::debug!("no team password to forget in the keyring: {e}");
    }
}
