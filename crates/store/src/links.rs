//! The claims as links between people's positions: the read every analysis
//! starts with, so it is the one read made fast. Above `SPLIT_CLAIMS_READ_FROM` claims
//! the table is read in two halves at once, on a second read-only
//! connection (at 100k people and 800k claims this read is most of opening
//! a workspace).

use greychart_core::analytics::ClaimLink;
use greychart_core::model::Person;
use rusqlite::{Connection, OpenFlags};
use rustc_hash::FxHashMap;

use crate::encryption::Passphrase;
use crate::error::{Result, StoreError};
use crate::read::{date_at, text_at};

/// From this many rows (by rowid) the claims are read in two halves.
pub const SPLIT_CLAIMS_READ_FROM: i64 = 100_000;

/// People's ids to their positions, the keys in one block of memory: a
/// lookup then compares against nearby bytes instead of chasing one
/// allocation per person (1.4 → 0.8 s at 100k people and 800k claims).
struct PersonIndex<'a> {
    positions: FxHashMap<&'a str, u32>,
}

impl<'a> PersonIndex<'a> {
    fn new(people: &[Person], arena: &'a mut String) -> PersonIndex<'a> {
        arena.extend(people.iter().map(|p| p.id.as_str()));
        let mut positions = FxHashMap::default();
        positions.reserve(people.len());
        let mut at = 0;
        for (i, p) in people.iter().enumerate() {
            positions.insert(&arena[at..at + p.id.len()], i as u32);
            at += p.id.len();
        }
        PersonIndex { positions }
    }
}

pub(crate) fn claim_links(conn: &Connection, people: &[Person], key: Option<&Passphrase>) -> Result<Vec<ClaimLink>> {
    let mut arena = String::new();
    let index = PersonIndex::new(people, &mut arena);
    let last: i64 = conn.query_row("SELECT coalesce(max(rowid), 0) FROM claims", [], |r| r.get(0))?;
    let second = (last >= SPLIT_CLAIMS_READ_FROM).then(|| second_connection(conn, key)).flatten();
    let Some(second) = second else { return links_in(conn, &index, (i64::MIN, i64::MAX)) };
    let middle = last / 2;
    std::thread::scope(|scope| {
        let index = &index;
        let later = scope.spawn(move || links_in(&second, index, (middle + 1, i64::MAX)));
        let mut links = links_in(conn, index, (i64::MIN, middle))?;
        let later = later.join().map_err(|_| StoreError::File("the claims could not be read".into()))??;
        links.extend(later);
        Ok(links)
    })
}

/// A read-only connection to the same file (with its passphrase); none for
/// a database in memory or inside a transaction, whose uncommitted rows
/// another connection would not see (the caller then reads alone).
fn second_connection(conn: &Connection, key: Option<&Passphrase>) -> Option<Connection> {
    if !conn.is_autocommit() {
        return None;
    }
    let path = conn.path().filter(|p| !p.is_empty())?;
    let second =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).ok()?;
    crate::encryption::apply_key(&second, key).ok()?;
    second.busy_timeout(std::time::Duration::from_secs(5)).ok()?;
    Some(second)
}

/// The links of the claims whose rowid is in `rows` (inclusive), in rowid
/// order; claims naming someone not in the index are skipped.
fn links_in(conn: &Connection, index: &PersonIndex<'_>, rows: (i64, i64)) -> Result<Vec<ClaimLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT from_person, to_person, strength, confidence, observed_on, half_life_days, retired \
         FROM claims WHERE rowid BETWEEN ?1 AND ?2 ORDER BY rowid",
    )?;
    let mut rows = stmt.query([rows.0, rows.1])?;
    let mut links = Vec::new();
    while let Some(row) = rows.next()? {
        let position = |i| Ok::<_, rusqlite::Error>(index.positions.get(text_at(row, i)?).copied());
        let (Some(from), Some(to)) = (position(0)?, position(1)?) else { continue };
        links.push(ClaimLink {
            from,
            to,
            strength: row.get(2)?,
            confidence: row.get(3)?,
            observed_on: date_at(row, 4)?,
            half_life_days: row.get(5)?,
            retired: row.get(6)?,
        });
    }
    Ok(links)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_second_connection_only_for_a_file_outside_a_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("w.greychart")).unwrap();
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
        assert!(second_connection(&conn, None).is_some());
        conn.execute_batch("BEGIN; INSERT INTO t VALUES (1)").unwrap();
        assert!(second_connection(&conn, None).is_none(), "it would not see the transaction's rows");
        conn.execute_batch("COMMIT").unwrap();
        assert!(second_connection(&conn, None).is_some());
        assert!(second_connection(&Connection::open_in_memory().unwrap(), None).is_none());
    }
}
