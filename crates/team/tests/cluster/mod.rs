//! A throwaway PostgreSQL cluster from Debian's packages, for the tests:
//! `initdb` and `pg_ctl` (as the `postgres` user when the tests run as
//! root, since `initdb` refuses root), on a free port of 127.0.0.1 with
//! password logins (scram-sha-256). Stopped and removed when dropped.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub port: u16,
    pub password: String,
}

fn as_postgres(bin: &Path, program: &str) -> Command {
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
    if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin.join(program));
        c
    } else {
        Command::new(bin.join(program))
    }
}

/// The newest installed server's programs (`postgresql` package).
fn bin() -> PathBuf {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL is installed (make test installs the postgresql package)")
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().expect("a PostgreSQL server with initdb")
}

impl Cluster {
    pub fn start() -> Cluster {
        let bin = bin();
        let dir = tempfile::Builder::new().prefix("greychart-pg-").tempdir().expect("a temporary folder");
        let root = Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
        if root {
            let ok = Command::new("chown").args(["postgres:postgres"]).arg(dir.path()).status().expect("chown");
            assert!(ok.success(), "cannot give the cluster's folder to postgres");
        }
        let password = "test-superuser-password".to_owned();
        let pwfile = dir.path().join("pw");
        std::fs::write(&pwfile, &password).expect("the password file");
        if root {
            Command::new("chown").args(["postgres:postgres"]).arg(&pwfile).status().expect("chown");
        }
        let data = dir.path().join("data");
        let out = as_postgres(&bin, "initdb")
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "--auth=scram-sha-256", "-E", "UTF8", "--no-sync", "--no-instructions"])
            .arg(format!("--pwfile={}", pwfile.display()))
            .output()
            .expect("initdb runs");
        assert!(out.status.success(), "initdb failed: {}", String::from_utf8_lossy(&out.stderr));
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=250",
            dir.path().display()
        );
        let out = as_postgres(&bin, "pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &options, "-w", "-l"])
            .arg(dir.path().join("log"))
            .arg("start")
            .output()
            .expect("pg_ctl runs");
        assert!(out.status.success(), "the server did not start: {}", String::from_utf8_lossy(&out.stderr));
        Cluster { dir, bin, port, password }
    }

    /// The URL of the superuser.
    pub fn admin_url(&self) -> String {
        format!("postgresql://postgres:{}@127.0.0.1:{}/postgres?sslmode=disable", self.password, self.port)
    }

    /// The URL of a user with a password.
    #[allow(dead_code)] // not every test crate that includes this module logs in as a user
    pub fn url(&self, login: &str, password: &str) -> String {
        format!("postgresql://{login}:{password}@127.0.0.1:{}/postgres?sslmode=disable", self.port)
    }
}

impl Cluster {
    /// Stops the server at once, as a crash would.
    #[allow(dead_code)] // not every test crate that includes this module stops it
    pub fn stop(&self) {
        let out = as_postgres(&self.bin, "pg_ctl")
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .output()
            .expect("pg_ctl runs");
        assert!(out.status.success(), "the server did not stop: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Starts it again after `stop`.
    #[allow(dead_code)]
    pub fn restart(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=250",
            self.port,
            self.dir.path().display()
        );
        let out = as_postgres(&self.bin, "pg_ctl")
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-o", &options, "-w", "-l"])
            .arg(self.dir.path().join("log"))
            .arg("start")
            .output()
            .expect("pg_ctl runs");
        assert!(out.status.success(), "the server did not start again: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// A number the superuser reads (`SELECT count(*) …`), through psql.
    #[allow(dead_code)]
    pub fn count(&self, sql: &str) -> i64 {
        let out = Command::new(self.bin.join("psql"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "postgres", "-tAX", "-c", sql, "postgres"])
            .env("PGPASSWORD", &self.password)
            .output()
            .expect("psql runs");
        assert!(out.status.success(), "{sql}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().parse().expect("a number")
    }

    /// Everything the database holds, as `pg_dump` writes it.
    #[allow(dead_code)]
    pub fn dump(&self) -> String {
        let out = Command::new(self.bin.join("pg_dump"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "postgres", "postgres"])
            .env("PGPASSWORD", &self.password)
            .output()
            .expect("pg_dump runs");
        assert!(out.status.success(), "pg_dump failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = as_postgres(&self.bin, "pg_ctl")
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "stop"])
            .output();
    }
}
