//! Live: a connection of its own that listens on the channel `greychart`
//! and hands each notice over, so a client pulls within moments of another
//! client's commit. The notice is only a hint (the pull reads the data);
//! when the connection drops, the listener says so and the client pulls
//! after reconnecting.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use tokio_postgres::AsyncMessage;

use crate::error::{Result, TeamError};

/// What waiting for a notice gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// A table of the team changed (its name).
    Changed(String),
    /// Nothing within the time given.
    Quiet,
    /// The connection is gone: reconnect, then pull.
    Disconnected,
}

/// A connection listening for the team's commits.
pub struct Listener {
    notices: Receiver<String>,
}

impl Listener {
    /// Connects to `url` (password from the URL or `PGPASSWORD`) and listens.
    pub fn open(url: &str) -> Result<Listener> {
        Listener::open_with(url, None)
    }

    /// Connects to `url` with `password` (`None`: from the URL or
    /// `PGPASSWORD`) and listens.
    pub fn open_with(url: &str, password: Option<&str>) -> Result<Listener> {
        let mut config = crate::connect::config(url, password)?;
        config.application_name("greychart (listening)");
        config.connect_timeout(Duration::from_secs(10));
        let tls = crate::connect::tls()?;
        let (notices, heard) = mpsc::channel();
        let (ready, started) = mpsc::channel::<Result<()>>();
        std::thread::Builder::new()
            .name("greychart-listen".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready.send(Err(TeamError::Connect(format!("cannot start the network runtime: {e}"))));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let (client, mut connection) = match config.connect(tls).await {
                        Ok(pair) => pair,
                        Err(e) => {
                            let _ = ready.send(Err(e.into()));
                            return;
                        }
                    };
                    // The connection is driven here; LISTEN goes through the client meanwhile.
                    let driver = tokio::spawn(async move {
                        loop {
                            match std::future::poll_fn(|cx| connection.poll_message(cx)).await {
                                Some(Ok(AsyncMessage::Notification(n))) => {
                                    if notices.send(n.payload().to_owned()).is_err() {
                                        break;
                                    }
                                }
                                Some(Ok(_)) => {}
                                Some(Err(_)) | None => break,
                            }
                        }
                    });
                    let listening = client.batch_execute("LISTEN greychart").await.map_err(TeamError::from);
                    let ok = listening.is_ok();
                    let _ = ready.send(listening);
                    if ok {
                        // Until the connection ends or nobody listens any more.
                        let _ = driver.await;
                    }
                    drop(client);
                });
            })
            .map_err(|e| TeamError::Connect(format!("cannot start listening: {e}")))?;
        started.recv().map_err(|_| TeamError::Connect("the listener stopped before it started".to_owned()))??;
        Ok(Listener { notices: heard })
    }

    /// Waits up to `timeout` for a notice.
    pub fn wait(&self, timeout: Duration) -> Heard {
        match self.notices.recv_timeout(timeout) {
            Ok(table) => Heard::Changed(table),
            Err(RecvTimeoutError::Timeout) => Heard::Quiet,
            Err(RecvTimeoutError::Disconnected) => Heard::Disconnected,
        }
    }

    /// Waits up to `timeout` for a notice, then gathers the notices that
    /// follow within `settle` (never past `timeout`) into one, so a client
    /// hearing many commits at once pulls once for all of them. Returns
    /// the first table heard.
    pub fn wait_settled(&self, timeout: Duration, settle: Duration) -> Heard {
        let until = std::time::Instant::now() + timeout;
        let first = self.wait(timeout);
        if let Heard::Changed(_) = first {
            let settled = (std::time::Instant::now() + settle).min(until);
            loop {
                match self.wait(settled.saturating_duration_since(std::time::Instant::now())) {
                    Heard::Changed(_) => {}
                    Heard::Quiet => break,
                    Heard::Disconnected => return Heard::Disconnected,
                }
            }
        }
        first
    }
}
