//! Read handles: borrow the connection, never write.

use chrono::NaiveDate;
use greychart_core::analytics::ClaimLink;
use greychart_core::model::*;
use greychart_core::transport::ClaimPage;
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::encryption::Passphrase;
use crate::error::Result;
use crate::Record;

/// A read handle on a workspace.
pub struct Read<'c> {
    conn: &'c Connection,
    /// The file's passphrase, for a second connection to it.
    key: Option<&'c Passphrase>,
}

/// `SELECT cols FROM table` for a record type.
pub(crate) fn select_sql<R: Record>() -> String {
    format!("SELECT {} FROM {}", R::COLUMNS.join(", "), R::TABLE)
}

/// `WHERE k1 = ?1 AND k2 = ?2` for a record type's key.
pub(crate) fn key_filter<R: Record>() -> String {
    R::COLUMNS[..R::KEY_COLUMNS]
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// One record by key, on any connection or transaction.
pub(crate) fn get_on<R: Record>(conn: &Connection, key: &[&str]) -> Result<Option<R>> {
    let sql = format!("{} WHERE {}", select_sql::<R>(), key_filter::<R>());
    let found = conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(key.iter()), R::from_row).optional()?;
    Ok(found)
}

/// A `YYYY-MM-DD` column. Digits are read directly (this runs for every
/// claim on every analysis); anything else goes to chrono's parser.
pub(crate) fn date_at(row: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    let text = text_at(row, i)?;
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let quick = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?))
        .flatten();
    match quick {
        Some(date) => Ok(date),
        None => row.get(i),
    }
}

/// A text column, borrowed from the row.
pub(crate) fn text_at<'r>(row: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(i)?.as_str().map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e)))
}

/// Column `i` of `row` as the bytes of its text, not checked as UTF-8.
pub(crate) fn bytes_at<'r>(row: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r [u8]> {
    row.get_ref(i)?.as_bytes().map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e)))
}

impl<'c> Read<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Self {
        Read { conn, key: None }
    }

    /// A read handle on a file that may be encrypted with `key`.
    pub(crate) fn keyed(conn: &'c Connection, key: Option<&'c Passphrase>) -> Self {
        Read { conn, key }
    }

    /// Every record of a type, in the order they were first written.
    pub fn list<R: Record>(&self) -> Result<Vec<R>> {
        let mut stmt = self.conn.prepare_cached(&format!("{} ORDER BY rowid", select_sql::<R>()))?;
        let rows = stmt.query_map([], |row| R::from_row(row))?;
        Ok(rows.collect::<rusqlite::Result<Vec<R>>>()?)
    }

    /// The claims as links between positions in `people`, without their
    /// texts: what the analytics need, read without building each claim.
    pub fn claim_links(&self, people: &[Person]) -> Result<Vec<ClaimLink>> {
        crate::links::claim_links(self.conn, people, self.key)
    }

    /// One record by key (one id, or two for stances and dependencies).
    pub fn get<R: Record>(&self, key: &[&str]) -> Result<Option<R>> {
        get_on::<R>(self.conn, key)
    }

    /// A workspace setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// How strongly a manager sways a direct report.
    pub fn formal_weight(&self) -> Result<f64> {
        Ok(self.setting("formal_weight")?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_FORMAL_WEIGHT))
    }

    /// Number of audit events recorded.
    pub fn audit_count(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?)
    }

    /// The whole workspace, read in one snapshot.
    pub fn data(&self) -> Result<WorkspaceData> {
        self.snapshot(true)
    }

    /// The workspace without its claims, read in one snapshot: what the
    /// window holds. It asks for claims a page (`claims_page`) or a person
    /// at a time, as a large chart has hundreds of thousands.
    pub fn data_without_claims(&self) -> Result<WorkspaceData> {
        self.snapshot(false)
    }

    fn snapshot(&self, with_claims: bool) -> Result<WorkspaceData> {
        let tx = self.conn.unchecked_transaction()?;
        let data = WorkspaceData {
            me: self.setting("me")?,
            formal_weight: self.formal_weight()?,
            teams: self.list()?,
            people: self.list()?,
            claims: if with_claims { self.list()? } else { Vec::new() },
            stances: self.list()?,
            profiles: self.list()?,
            engagements: self.list()?,
            components: self.list()?,
            services: self.list()?,
            releases: self.list()?,
            changes: self.list()?,
            dependencies: self.list()?,
            periods: self.list()?,
            absences: self.list()?,
            requirements: self.list()?,
            decisions: self.list()?,
            approval_rules: self.list()?,
            change_manager: self.setting("change_manager")?,
            cab_chair: self.setting("cab_chair")?,
            finance_approver: self.setting("finance_approver")?,
            finance_threshold: self.setting("finance_threshold")?.and_then(|v| v.parse().ok()),
        };
        tx.finish()?;
        Ok(data)
    }

    /// Up to `limit` claims from `offset`, in the order they were recorded,
    /// and how many there are; with `person`, only the claims from or to
    /// them (both ends are indexed).
    pub fn claims_page(&self, person: Option<&str>, offset: u32, limit: u32) -> Result<ClaimPage> {
        let filter = if person.is_some() { "WHERE from_person = ?1 OR to_person = ?1" } else { "WHERE ?1 IS NULL" };
        let total: u32 =
            self.conn.query_row(&format!("SELECT count(*) FROM claims {filter}"), [person], |r| r.get(0))?;
        let sql = format!("{} {filter} ORDER BY rowid LIMIT ?2 OFFSET ?3", select_sql::<Claim>());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params![person, limit, offset], Claim::from_row)?;
        Ok(ClaimPage { total, offset, claims: rows.collect::<rusqlite::Result<Vec<Claim>>>()? })
    }

    /// The records whose `column` holds `value`, in the order written
    /// (`column` is ours, never user input; indexed where it is asked often).
    pub(crate) fn list_where<R: Record>(&self, column: &str, value: &str) -> Result<Vec<R>> {
        let sql = format!("{} WHERE {column} = ?1 ORDER BY rowid", select_sql::<R>());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([value], |row| R::from_row(row))?;
        Ok(rows.collect::<rusqlite::Result<Vec<R>>>()?)
    }

    /// The people whose manager is `id`.
    pub fn reports(&self, id: &str) -> Result<Vec<Person>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("{} WHERE manager = ?1 ORDER BY rowid", select_sql::<Person>()))?;
        let rows = stmt.query_map([id], Person::from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<Person>>>()?)
    }

    /// The ids of the active claims (not retired, observed by `as_of`)
    /// older than their half-life, in the order recorded.
    pub fn stale_claims(&self, as_of: NaiveDate) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM claims WHERE retired = 0 AND observed_on <= ?1 \
             AND julianday(?1) - julianday(observed_on) > half_life_days ORDER BY rowid",
        )?;
        let rows = stmt.query_map([as_of.format("%Y-%m-%d").to_string()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// The claims counted as of `as_of` (not retired, observed by then)
    /// from `person`, or (with `either_end`) from or to them, in the order
    /// recorded.
    pub fn active_claims_of(&self, person: &str, as_of: NaiveDate, either_end: bool) -> Result<Vec<Claim>> {
        let ends = if either_end { "(from_person = ?1 OR to_person = ?1)" } else { "from_person = ?1" };
        let sql =
            format!("{} WHERE {ends} AND retired = 0 AND observed_on <= ?2 ORDER BY rowid", select_sql::<Claim>());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params![person, as_of.format("%Y-%m-%d").to_string()], Claim::from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<Claim>>>()?)
    }
}
