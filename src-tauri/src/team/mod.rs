//! The window's link to its team database: the password given this
//! session, whether the server answers, and what others did lately. A
//! thread of its own (`live`) listens for the team's commits and pulls them
//! (≤ 2 s), and pushes what is queued here. Tauri-free: it reaches the open
//! workspace through a function it is given.

mod approver;
mod notes;
mod secrets;
mod verify;

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use greychart_core::transport::{TeamLinkState, TeamNote, TeamState};
use greychart_core::{ApiError, ErrorCode};
use greychart_store::Workspace;
use greychart_team::{without_password, Connection, Delegation, Heard, Listener, TeamError};

use notes::notes_of;

/// How many notes of others' changes the window keeps.
const NOTES_KEPT: usize = 50;
/// How long a listener gathers notices before one pull for all of them.
const SETTLE: Duration = Duration::from_millis(150);

/// The link of the open workspace to its team.
#[derive(Default)]
pub struct TeamLink {
    inner: Mutex<Link>,
}

#[derive(Default)]
struct Link {
    /// The password given this session, by team URL (without password).
    passwords: HashMap<String, String>,
    /// The connection of the last sync, by team URL.
    connection: Option<(String, Arc<Connection>)>,
    online: bool,
    problem: Option<String>,
    revision: u32,
    notes: VecDeque<TeamNote>,
    seq: u32,
    /// The delegations the team had at the last sync.
    delegations: Vec<Delegation>,
    /// The team URLs whose password was looked for in the system keyring.
    recalled: HashSet<String>,
    /// Whether the team separated duties at the last sync.
    separates_duties: Option<bool>,
    /// The requirements waiting for the user at the last look (None:
    /// not looked yet): a new one is notified.
    waiting: Option<HashSet<String>>,
    /// The desktop notifications sent this session.
    notified: Vec<String>,
    /// The last state answered, for when the workspace is busy.
    last: Option<TeamState>,
}

/// Runs `f` on the open workspace, if any.
pub type WithWorkspace<'a> = &'a (dyn Fn(&mut dyn FnMut(&mut Workspace)) + Send + Sync);
/// Shows a desktop notification (title, body).
pub type Notify<'a> = &'a (dyn Fn(&str, &str) + Send + Sync);

impl TeamLink {
    fn link(&self) -> MutexGuard<'_, Link> {
        // A panic elsewhere leaves the link as it was: still usable.
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The last state answered (the workspace busy meanwhile), with the
    /// link's own news since.
    pub fn last_state(&self) -> TeamState {
        let link = self.link();
        let mut last = link.last.clone().unwrap_or_else(|| local(link.revision));
        last.revision = link.revision;
        last.notes = link.notes.iter().cloned().collect();
        last.notified = link.notified.clone();
        last
    }

    /// Where the workspace `ws` stands with its team.
    pub fn state(&self, ws: Option<&Workspace>) -> Result<TeamState, ApiError> {
        let state = self.compute_state(ws)?;
        self.link().last = Some(state.clone());
        Ok(state)
    }

    fn compute_state(&self, ws: Option<&Workspace>) -> Result<TeamState, ApiError> {
        let setting = |key: &str| -> Result<String, ApiError> {
            Ok(ws.map(|w| w.team_setting(key)).transpose()?.flatten().unwrap_or_default())
        };
        let server = setting("team_url")?;
        let link = self.link();
        let notes = link.notes.iter().cloned().collect();
        if server.is_empty() {
            return Ok(TeamState { notes, notified: link.notified.clone(), ..local(link.revision) });
        }
        let (queued, conflicts) = match ws {
            Some(w) => (w.team_dirty()?.len() + w.queued_team_decisions()?.len(), w.team_conflicts()?.len()),
            None => (0, 0),
        };
        let state = match (link.passwords.contains_key(&server), link.online) {
            (false, _) => TeamLinkState::SignedOut,
            (true, true) => TeamLinkState::Online,
            (true, false) => TeamLinkState::Offline,
        };
        let last_sync = setting("team_last_sync")?
            .parse::<i64>()
            .ok()
            .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        Ok(TeamState {
            state,
            login: setting("team_login")?,
            person: setting("team_person")?,
            role: setting("team_role")?,
            server,
            queued: count(queued),
            conflicts: count(conflicts),
            last_sync,
            problem: link.problem.clone(),
            revision: link.revision,
            notes,
            notified: link.notified.clone(),
            separates_duties: link.separates_duties,
        })
    }

    /// The connection to the team of `ws`, for what is done online only
    /// (`why_online` says what, when the server cannot be reached).
    fn online(&self, ws: &Workspace, why_online: &str) -> Result<Arc<Connection>, ApiError> {
        let server = team_url(ws)?;
        self.connection(&server)
            .ok_or_else(|| ApiError::new(ErrorCode::Io, format!("the team database cannot be reached: {why_online}")))
    }

    /// Turns the team's separation of duties on or off (an admin's; the
    /// team refuses anyone else).
    pub fn separate_duties(&self, ws: &Workspace, on: bool) -> Result<(), ApiError> {
        let connection = self.online(ws, "the policy is set online")?;
        connection.separate_duties(on).map_err(team_error)?;
        self.link().separates_duties = Some(on);
        Ok(())
    }

    /// Publishes `ws` to the team database at `url` (a manager's login), or
    /// joins it; the password is kept for this session.
    pub fn connect(
        &self,
        ws: &mut Workspace,
        publish: bool,
        url: &str,
        login: &str,
        password: &str,
    ) -> Result<String, ApiError> {
        let url = greychart_team::with_login(url, login).map_err(team_error)?;
        let connection = Connection::open_with(&url, Some(password)).map_err(team_error)?;
        let said = if publish {
            let p = connection.publish(ws, &url).map_err(team_error)?;
            format!("Published {} shared records and {} decisions", p.records, p.decisions)
        } else {
            let (count, kept) = connection.join(ws, &url).map_err(team_error)?;
            let kept = if kept.is_empty() { String::new() } else { format!("; kept here only: {}", kept.join(", ")) };
            format!("Joined the team: {count} shared records{kept}")
        };
        // In step at once: the last sync is now.
        connection.sync(ws).map_err(team_error)?;
        self.signed_in(without_password(&url), password, connection);
        self.link().revision += 1;
        Ok(said)
    }

    /// Gives the password of the open team workspace's login for this
    /// session; a wrong one is refused and not kept.
    pub fn sign_in(&self, ws: &Workspace, password: &str) -> Result<(), ApiError> {
        let server = team_url(ws)?;
        let connection = Connection::open_with(&server, Some(password)).map_err(team_error)?;
        self.signed_in(server, password, connection);
        Ok(())
    }

    /// Keeps the password the team took (for this session, and in the
    /// system keyring where there is one) and its connection: online.
    fn signed_in(&self, server: String, password: &str, connection: Connection) {
        secrets::keep(&server, password);
        let mut link = self.link();
        link.passwords.insert(server.clone(), password.to_owned());
        link.connection = Some((server, Arc::new(connection)));
        link.online = true;
        link.problem = None;
    }

    /// Pushes what is queued in `ws` and pulls the others' changes, noting
    /// what they did; offline is no error (the link says so).
    pub fn sync(&self, ws: &mut Workspace) -> Result<(), ApiError> {
        let Some(server) = ws.team_setting("team_url")? else { return Ok(()) };
        let Some(connection) = self.connection(&server) else { return Ok(()) };
        let before = ws.team_conflicts()?.len();
        match connection.sync(ws) {
            Ok(report) => {
                let notes = notes_of(ws, &report);
                let delegations = connection.delegations();
                let separates = connection.separates_duties();
                let mut link = self.link();
                if let Ok(d) = delegations {
                    link.delegations = d;
                }
                if let Ok(on) = separates {
                    link.separates_duties = Some(on);
                }
                link.online = true;
                link.problem = (!report.refused.is_empty()).then(|| report.refused.join("; "));
                if report.pulled > 0 || report.conflicts.len() != before || !report.refused.is_empty() {
                    link.revision += 1;
                }
                for (at, who, what) in notes {
                    link.seq += 1;
                    let seq = link.seq;
                    link.notes.push_back(TeamNote { seq, at, who, what });
                    if link.notes.len() > NOTES_KEPT {
                        link.notes.pop_front();
                    }
                }
                Ok(())
            }
            Err(TeamError::Connect(why)) => {
                self.offline(&why);
                Ok(())
            }
            Err(e) => Err(team_error(e)),
        }
    }

    /// The connection to `server`, opened with this session's password.
    fn connection(&self, server: &str) -> Option<Arc<Connection>> {
        let mut link = self.link();
        if let Some((url, c)) = &link.connection {
            if url == server {
                return Some(c.clone());
            }
        }
        let password = link.passwords.get(server)?.clone();
        match Connection::open_with(server, Some(&password)) {
            Ok(c) => {
                let c = Arc::new(c);
                link.connection = Some((server.to_owned(), c.clone()));
                Some(c)
            }
            Err(e) => {
                link.online = false;
                link.problem = Some(e.to_string());
                None
            }
        }
    }

    fn offline(&self, why: &str) {
        let mut link = self.link();
        link.online = false;
        link.problem = Some(format!("offline: {why}"));
        link.connection = None;
    }

    /// The team and password to listen with, if the open workspace has both.
    fn target(&self, with: WithWorkspace<'_>) -> Option<(String, String)> {
        let mut server = None;
        with(&mut |ws| server = ws.team_setting("team_url").ok().flatten());
        let server = server?;
        if let Some(password) = self.link().passwords.get(&server) {
            return Some((server, password.clone()));
        }
        // Once a session: the password kept in the system keyring.
        if !self.link().recalled.insert(server.clone()) {
            return None;
        }
        let password = secrets::recall(&server)?;
        self.link().passwords.insert(server.clone(), password.clone());
        Some((server, password))
    }

    /// Listens for the team's commits and pulls them, and pushes what is
    /// queued here, for as long as the app runs.
    pub fn live(&self, with: WithWorkspace<'_>, notify: Notify<'_>) {
        loop {
            let Some((server, password)) = self.target(with) else {
                std::thread::sleep(Duration::from_millis(500));
                continue;
            };
            let listener = match Listener::open_with(&server, Some(&password)) {
                Ok(l) => l,
                Err(TeamError::Login(why)) => {
                    // The password kept was refused (changed since): forgotten
                    // here and in the keyring, so the window asks for it.
                    secrets::forget(&server);
                    let mut link = self.link();
                    link.passwords.remove(&server);
                    link.problem =
                        Some(format!("the team refused the password kept for {server}: sign in again ({why})"));
                    continue;
                }
                Err(e) => {
                    self.offline(&e.to_string());
                    std::thread::sleep(Duration::from_secs(2));
                    continue;
                }
            };
            // Connected (again): pull what was missed, push what waited.
            self.sync_in(with);
            self.notify_new(with, notify);
            loop {
                match listener.wait_settled(Duration::from_millis(500), SETTLE) {
                    Heard::Changed(_) => {
                        self.sync_in(with);
                        self.notify_new(with, notify);
                    }
                    Heard::Disconnected => {
                        self.offline("the connection to the team database dropped");
                        break;
                    }
                    Heard::Quiet => {
                        if self.target(with).as_ref() != Some(&(server.clone(), password.clone())) {
                            break;
                        }
                        let mut queued = false;
                        with(&mut |ws| {
                            queued = ws.team_dirty().is_ok_and(|d| !d.is_empty())
                                || ws.queued_team_decisions().is_ok_and(|d| !d.is_empty());
                        });
                        if queued || !self.link().online {
                            self.sync_in(with);
                        }
                    }
                }
            }
        }
    }

    fn sync_in(&self, with: WithWorkspace<'_>) {
        with(&mut |ws| {
            if let Err(e) = self.sync(ws) {
                tracing::warn!("team sync: {}", e.message);
                self.link().problem = Some(e.message);
            }
        });
    }
}

/// A local workspace's state.
fn local(revision: u32) -> TeamState {
    TeamState {
        state: TeamLinkState::Local,
        server: String::new(),
        login: String::new(),
        person: String::new(),
        role: String::new(),
        queued: 0,
        conflicts: 0,
        last_sync: None,
        problem: None,
        revision,
        notes: Vec::new(),
        notified: Vec::new(),
        separates_duties: None,
    }
}

/// The team database of `ws` (its URL without password).
fn team_url(ws: &Workspace) -> Result<String, ApiError> {
    ws.team_setting("team_url")?
        .ok_or_else(|| ApiError::new(ErrorCode::Invalid, "this workspace has no team: publish it or join one first"))
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A team error as the window shows it.
pub fn team_error(e: TeamError) -> ApiError {
    let code = match e {
        TeamError::Url(_) => ErrorCode::Invalid,
        TeamError::Connect(_) => ErrorCode::Io,
        TeamError::TooNew { .. } => ErrorCode::TooNew,
        TeamError::Invalid(_) | TeamError::Refused(_) => ErrorCode::Conflict,
        TeamError::Login(_) => ErrorCode::Invalid,
    };
    let message = e.to_string();
    let field = match e {
        TeamError::Url(_) => Some("url"),
        TeamError::Login(_) => Some("password"),
        _ => None,
    };
    match field {
        Some(f) => ApiError::on_field(code, f, message),
        None => ApiError::new(code, message),
    }
}
