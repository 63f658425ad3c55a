//! The team database against a real PostgreSQL: the schema and roles, users,
//! and PostgreSQL itself refusing what a role may not do — hostile SQL run
//! as each role with its own login.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cluster;

use cluster::Cluster;
use greychart_team::{Connection, Role, TeamError, SCHEMA_VERSION};

const PASSWORD: &str = "correct horse battery";

/// A cluster with the team schema and a user of each role: ann (manager,
/// p01), bo (approver, p02), cy (approver, p03), dee (admin, p04).
fn team() -> Cluster {
    let cluster = Cluster::start();
    let admin = Connection::open(&cluster.admin_url()).unwrap();
    admin.init().unwrap();
    for (login, person, role) in [
        ("ann", "p01", Role::Manager),
        ("bo", "p02", Role::Approver),
        ("cy", "p03", Role::Approver),
        ("dee", "p04", Role::Admin),
    ] {
        admin.add_user(login, person, role, PASSWORD).unwrap();
    }
    cluster
}

/// Runs SQL as a user through psql-like simple queries; the error PostgreSQL gives, if any.
fn as_user(cluster: &Cluster, login: &str, sql: &str) -> Result<(), String> {
    let url = cluster.url(login, PASSWORD);
    let config: tokio_postgres::Config = url.parse().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let (client, connection) = config.connect(tokio_postgres::NoTls).await.map_err(|e| e.to_string())?;
        tokio::spawn(connection);
        client.batch_execute(sql).await.map_err(|e| e.as_db_error().map_or(e.to_string(), |d| d.message().to_owned()))
    })
}

fn count(cluster: &Cluster, sql: &str) -> i64 {
    cluster.count(sql)
}

#[test]
fn init_makes_the_schema_and_running_it_again_changes_nothing() {
    let cluster = team();
    let admin = Connection::open(&cluster.admin_url()).unwrap();
    assert_eq!(admin.schema_version().unwrap(), SCHEMA_VERSION);
    let objects =
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'greychart'";
    let policies = "SELECT count(*) FROM pg_policies WHERE schemaname = 'greychart'";
    let before = (
        count(&cluster, objects),
        count(&cluster, policies),
        count(&cluster, "SELECT count(*) FROM greychart.members"),
    );
    let again = admin.init().unwrap();
    assert_eq!((again.from, again.to), (SCHEMA_VERSION, SCHEMA_VERSION));
    assert_eq!(
        (
            count(&cluster, objects),
            count(&cluster, policies),
            count(&cluster, "SELECT count(*) FROM greychart.members")
        ),
        before
    );
    // Every table has row-level security, forced.
    let unforced = "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'greychart' AND c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)";
    assert_eq!(count(&cluster, unforced), 0);
}

#[test]
fn a_database_of_a_newer_schema_is_refused_and_left_untouched() {
    let cluster = team();
    as_superuser(&cluster, "UPDATE greychart.meta SET value = '99' WHERE key = 'schema_version'");
    let admin = Connection::open(&cluster.admin_url()).unwrap();
    let e = admin.init().unwrap_err();
    assert!(matches!(e, TeamError::TooNew { found: 99, .. }), "{e}");
    assert!(e.to_string().contains("left untouched"), "{e}");
    assert_eq!(count(&cluster, "SELECT value::bigint FROM greychart.meta WHERE key = 'schema_version'"), 99);
}

fn as_superuser(cluster: &Cluster, sql: &str) {
    let config: tokio_postgres::Config = cluster.admin_url().parse().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let (client, connection) = config.connect(tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        client.batch_execute(sql).await.unwrap();
    });
}

#[test]
fn users_log_in_with_their_password_and_bad_logins_are_refused_by_name() {
    let cluster = team();
    assert!(Connection::open(&cluster.url("bo", PASSWORD)).is_ok());
    let wrong =
        Connection::open(&cluster.url("bo", "not the password")).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(wrong.contains("password authentication failed"), "{wrong}");
    let admin = Connection::open(&cluster.admin_url()).unwrap();
    for (login, says) in [("bo", "exists already"), ("x\"; DROP ROLE bo; --", "may hold only"), ("pg_evil", "reserved")]
    {
        let e = admin.add_user(login, "p09", Role::Approver, PASSWORD).unwrap_err().to_string();
        assert!(e.contains(says), "{login}: {e}");
    }
    let short = admin.add_user("eve", "p09", Role::Approver, "short").unwrap_err().to_string();
    assert!(short.contains("at least 8"), "{short}");
    // A password with quotes and a semicolon is stored as it is.
    admin.add_user("eve", "p09", Role::Approver, "it's; $$ fine").unwrap();
    assert!(Connection::open(&cluster.url("eve", "it%27s%3B%20%24%24%20fine")).is_ok());
}

#[test]
fn postgresql_refuses_what_each_role_may_not_do() {
    let cluster = team();
    let release = r#"INSERT INTO greychart.records (kind, id, data) VALUES ('release', 'r1', '{"id": "r1", "name": "Ledger 1.0"}')"#;
    // A manager edits the plan; an approver may not.
    as_user(&cluster, "ann", release).unwrap();
    let edit = "UPDATE greychart.records SET data = jsonb_set(data, '{name}', '\"Hijacked\"') WHERE id = 'r1'";
    assert!(as_user(&cluster, "bo", edit).unwrap_err().contains("permission denied"));
    assert!(as_user(&cluster, "bo", release.replace("r1", "r2").as_str()).unwrap_err().contains("permission denied"));

    // The team asks p02 and p03 to sign off r1.
    for approver in ["p02", "p03"] {
        as_user(&cluster, "ann", &format!(r#"INSERT INTO greychart.records (kind, id, data) VALUES ('requirement', 'q-r1-{approver}', '{{"id": "q-r1-{approver}", "release": "r1", "approver": "{approver}", "active": true}}')"#)).unwrap();
    }
    // An approver decides as themselves, never as another.
    let decide = |approver: &str, recorded_by: &str| {
        format!("INSERT INTO greychart.decisions (release, approver, decision, recorded_by, scope) VALUES ('r1', '{approver}', 'approved', '{recorded_by}', greychart.release_scope('r1'))")
    };
    // Only on the release's scope as it is now, only when asked, and never
    // hidden from the pulls by an old transaction id.
    let stale = decide("p02", "p02").replace("greychart.release_scope('r1')", "'an older scope'");
    assert!(as_user(&cluster, "bo", &stale).unwrap_err().contains("row-level security"));
    let unasked = decide("p02", "p02").replace("'r1', 'p02'", "'r2', 'p02'");
    assert!(as_user(&cluster, "bo", &unasked).unwrap_err().contains("row-level security"));
    let hidden = decide("p02", "p02").replace("scope)", "scope, txid)").replace("('r1'))", "('r1'), '1'::xid8)");
    assert!(hidden.contains("xid8"), "{hidden}");
    assert!(as_user(&cluster, "bo", &hidden).unwrap_err().contains("row-level security"));
    as_user(&cluster, "bo", &decide("p02", "p02")).unwrap();
    let forged = as_user(&cluster, "bo", &decide("p03", "p02")).unwrap_err();
    assert!(forged.contains("row-level security"), "{forged}");
    assert!(as_user(&cluster, "bo", &decide("p03", "p03")).unwrap_err().contains("row-level security"));
    // ... unless p03 delegated to them for today.
    as_user(&cluster, "cy", "INSERT INTO greychart.delegations (delegator, delegate, starts_on, ends_on) VALUES ('p03', 'p02', current_date, current_date)").unwrap();
    as_user(&cluster, "bo", &decide("p03", "p02")).unwrap();
    // Nobody delegates for someone else but an admin.
    let theirs = as_user(&cluster, "bo", "INSERT INTO greychart.delegations (delegator, delegate, starts_on, ends_on) VALUES ('p01', 'p02', current_date, current_date)");
    assert!(theirs.unwrap_err().contains("row-level security"));

    // A manager records a paper sign-off on someone's behalf only with its source.
    let behalf = |source: &str| {
        format!("INSERT INTO greychart.decisions (release, approver, decision, recorded_by, on_behalf, source, scope) VALUES ('r1', 'p03', 'approved', 'p01', true, {source}, greychart.release_scope('r1'))")
    };
    assert!(as_user(&cluster, "ann", &behalf("NULL")).is_err());
    as_user(&cluster, "ann", &behalf("'signed minutes of the CAB, 2027-03-01'")).unwrap();
    assert!(as_user(&cluster, "ann", &decide("p03", "p01")).unwrap_err().contains("row-level security"));
    // An approver cannot pass a decision off as on someone's behalf.
    assert!(as_user(&cluster, "bo", &behalf("'a mail'").replace("'p01'", "'p02'")).is_err());

    // Decisions and the audit trail are insert-only, for everyone.
    for login in ["ann", "bo", "dee"] {
        for sql in [
            "UPDATE greychart.decisions SET decision = 'rejected'",
            "DELETE FROM greychart.decisions",
            "DELETE FROM greychart.audit",
            "UPDATE greychart.audit SET login = 'nobody'",
            "INSERT INTO greychart.audit (action, entity, entity_id) VALUES ('insert', 'decisions', '1')",
        ] {
            let e = as_user(&cluster, login, sql).unwrap_err();
            assert!(e.contains("permission denied"), "{login}: {sql}: {e}");
        }
    }
    assert_eq!(count(&cluster, "SELECT count(*) FROM greychart.decisions"), 3);

    // The audit trail names who did each, from the session.
    assert_eq!(count(&cluster, "SELECT count(*) FROM greychart.audit WHERE entity = 'decisions' AND login = 'bo'"), 2);
    assert_eq!(count(&cluster, "SELECT count(*) FROM greychart.audit WHERE entity = 'records' AND login = 'ann'"), 3);

    // Nobody reads another user's password hash, or makes themselves admin.
    for login in ["ann", "bo", "dee"] {
        let e = as_user(&cluster, login, "SELECT rolpassword FROM pg_authid WHERE rolname = 'bo'").unwrap_err();
        assert!(e.contains("permission denied"), "{login}: {e}");
    }
    assert!(as_user(&cluster, "bo", "UPDATE greychart.members SET role = 'admin' WHERE login = 'bo'")
        .unwrap_err()
        .contains("permission denied"));
    assert!(as_user(&cluster, "bo", "GRANT greychart_manager TO bo").is_err());
    assert!(as_user(&cluster, "ann", "ALTER TABLE greychart.decisions DISABLE ROW LEVEL SECURITY")
        .unwrap_err()
        .contains("must be owner"));
}

#[test]
fn names_with_quotes_semicolons_dollars_and_markup_are_stored_and_read_back_literally() {
    let cluster = team();
    let name = "O'Brien; DROP TABLE greychart.records; -- $$ <b>bold</b> \"quoted\"";
    let manager = Connection::open(&cluster.url("ann", PASSWORD)).unwrap();
    drop(manager);
    let config: tokio_postgres::Config = cluster.url("ann", PASSWORD).parse().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let back: String = runtime.block_on(async {
        let (client, connection) = config.connect(tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        let data = format!("{{\"id\": \"r9\", \"name\": {}}}", serde_json_string(name));
        client
            .execute(
                "INSERT INTO greychart.records (kind, id, data) VALUES ('release', 'r9', $1::text::jsonb)",
                &[&data],
            )
            .await
            .unwrap();
        client.query_one("SELECT data ->> 'name' FROM greychart.records WHERE id = 'r9'", &[]).await.unwrap().get(0)
    });
    assert_eq!(back, name);
}

/// A JSON string literal.
fn serde_json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
