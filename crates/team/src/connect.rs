//! A team database by its libpq URL: a small pool of connections over TLS
//! (rustls with the system's certificates) when the server offers it, as
//! the URL's `sslmode` says. The password comes from the URL or
//! `PGPASSWORD`; Greychart never stores it.

use std::str::FromStr;
use std::sync::Arc;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::{Result, TeamError};

/// Connections to one team database, with the runtime they run on.
pub struct Connection {
    pub(crate) runtime: tokio::runtime::Runtime,
    pub(crate) pool: Pool,
    /// The login connected as.
    pub login: String,
}

impl Connection {
    /// Connects to `url` (`postgresql://login@host:port/database?sslmode=…`).
    pub fn open(url: &str) -> Result<Connection> {
        Connection::open_with(url, None)
    }

    /// Connects to `url` with `password` (`None`: from the URL or
    /// `PGPASSWORD`), as the window does with the password it asked for.
    pub fn open_with(url: &str, password: Option<&str>) -> Result<Connection> {
        let mut config = config(url, password)?;
        if config.get_user().is_none() {
            if let Ok(user) = std::env::var("PGUSER") {
                config.user(user);
            }
        }
        let login = config.get_user().unwrap_or_default().to_owned();
        config.application_name("greychart");
        config.connect_timeout(std::time::Duration::from_secs(10));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| TeamError::Connect(format!("cannot start the network runtime: {e}")))?;
        let manager = Manager::from_config(config, tls()?, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(manager)
            .max_size(4)
            .build()
            .map_err(|e| TeamError::Connect(format!("cannot make a connection pool: {e}")))?;
        let connection = Connection { runtime, pool, login };
        // Connect now, so a wrong host or password is said at once.
        drop(connection.runtime.block_on(connection.pool.get())?);
        Ok(connection)
    }

    /// Runs a future on this connection's runtime.
    pub(crate) fn run<T>(&self, f: impl std::future::Future<Output = Result<T>>) -> Result<T> {
        self.runtime.block_on(f)
    }
}

/// TLS with the system's trusted certificates (none found: TLS still works
/// for servers the URL does not require it of).
/// The connection settings of `url`, the password from `password`, else
/// the URL, else `PGPASSWORD`.
pub(crate) fn config(url: &str, password: Option<&str>) -> Result<tokio_postgres::Config> {
    let mut config = tokio_postgres::Config::from_str(url)
        .map_err(|e| TeamError::Url(format!("{} is not a PostgreSQL URL: {e}", shown(url))))?;
    match password {
        Some(p) => {
            config.password(p);
        }
        None if config.get_password().is_none() => {
            if let Ok(p) = std::env::var("PGPASSWORD") {
                config.password(p);
            }
        }
        None => {}
    }
    Ok(config)
}

/// `url` with `login` as its user, unless it names one already: the window
/// asks for the server and the login apart.
pub fn with_login(url: &str, login: &str) -> Result<String> {
    let url = url.trim();
    let rest =
        ["postgresql://", "postgres://"].iter().find_map(|scheme| url.strip_prefix(scheme).map(|rest| (*scheme, rest)));
    let Some((scheme, rest)) = rest else {
        return Err(TeamError::Url(format!("{} is not a PostgreSQL URL: it starts with postgresql://", shown(url))));
    };
    let host_part = rest.split(['/', '?']).next().unwrap_or_default();
    if host_part.contains('@') || login.trim().is_empty() {
        return Ok(url.to_owned());
    }
    Ok(format!("{scheme}{}@{rest}", login.trim()))
}

pub(crate) fn tls() -> Result<MakeRustlsConnect> {
    let mut roots = rustls::RootCertStore::empty();
    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
    // ring, not aws-lc-rs: no C toolchain beyond cc at build time. Its
    // default set lacks the post-quantum key exchange (hence deprecated);
    // a PostgreSQL link inside the organisation does without.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| TeamError::Connect(format!("TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// A URL's parts around its password: (up to the user, the user, from `@`),
/// when it has one.
fn around_password(url: &str) -> Option<(&str, &str, &str)> {
    let scheme = url.find("://")? + 3;
    let at = url.rfind('@').filter(|&at| at > scheme)?;
    let (user, _) = url[scheme..at].split_once(':')?;
    Some((&url[..scheme], user, &url[at..]))
}

/// A URL as messages may show it: its password masked.
pub fn shown(url: &str) -> String {
    around_password(url).map_or_else(|| url.to_owned(), |(start, user, rest)| format!("{start}{user}:***{rest}"))
}

/// The URL without its password, as a workspace keeps it.
pub fn without_password(url: &str) -> String {
    around_password(url).map_or_else(|| url.to_owned(), |(start, user, rest)| format!("{start}{user}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shown_without_its_password() {
        assert_eq!(shown("postgresql://ann:s3cret@db:5432/team"), "postgresql://ann:***@db:5432/team");
        assert_eq!(shown("postgresql://ann@db/team"), "postgresql://ann@db/team");
        assert_eq!(without_password("postgresql://ann:p@ss@db:5432/team"), "postgresql://ann@db:5432/team");
        assert_eq!(without_password("postgresql://db/team"), "postgresql://db/team");
    }
}
