// A throwaway PostgreSQL cluster from Debian's packages for the window's
// team tests, as the Rust tests start theirs: initdb and pg_ctl as the
// postgres user when run as root (initdb refuses root), on a free port of
// 127.0.0.1 with password logins. `stop()` stops it hard (a crash).

import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PASSWORD = "test-superuser-password";

function bin() {
  const versions = readdirSync("/usr/lib/postgresql").map((v) => join("/usr/lib/postgresql", v, "bin")).filter((b) => existsSync(join(b, "initdb")));
  versions.sort();
  const newest = versions.pop();
  if (!newest) throw new Error("PostgreSQL is not installed (make test installs the postgresql package)");
  return newest;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const root = process.getuid?.() === 0;

function asPostgres(program, args) {
  return root ? execFileSync("runuser", ["-u", "postgres", "--", program, ...args], { stdio: "pipe" }) : execFileSync(program, args, { stdio: "pipe" });
}

export async function startCluster() {
  const b = bin();
  const dir = mkdtempSync(join(tmpdir(), "greychart-e2e-pg-"));
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, PASSWORD);
  if (root) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const data = join(dir, "data");
  asPostgres(join(b, "initdb"), ["-D", data, "-U", "postgres", "--auth=scram-sha-256", "-E", "UTF8", "--no-sync", "--no-instructions", `--pwfile=${pwfile}`]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => asPostgres(join(b, "pg_ctl"), ["-D", data, "-o", options, "-w", "-l", join(dir, "log"), "start"]);
  start();
  return {
    port,
    adminUrl: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/postgres?sslmode=disable`,
    url: (login) => `postgresql://${login}@127.0.0.1:${port}/postgres?sslmode=disable`,
    /** Stops the server at once, as a crash would. */
    stop: () => asPostgres(join(b, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    /** What the superuser reads, through psql (one value). */
    query: (sql) => execFileSync(join(b, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-tAX", "-c", sql, "postgres"], { env: { ...process.env, PGPASSWORD: PASSWORD } }).toString().trim(),
    remove: () => {
      try {
        asPostgres(join(b, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds() {
  const line = execFileSync("getent", ["passwd", "postgres"]).toString().trim().split(":");
  return { uid: Number(line[2]), gid: Number(line[3]) };
}
