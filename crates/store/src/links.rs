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
use crate::read::{bytes_at, date_at};

/// From this many rows (by rowid) the claims are read in two halves.
pub const SPLIT_CLAIMS_READ_FROM: i64 = 100_000;

/// People's ids to their positions. Ids of up to 15 bytes (nearly all)
/// are packed with their length into one integer, so a lookup hashes and
/// compares one number and reads no other memory; longer ids are looked up
/// by their bytes, kept in one block of memory. Claims name people by the
/// same bytes, so their text is never decoded.
struct PersonIndex<'a> {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<&'a [u8], u32>,
}

/// The bytes of an id of up to 15 bytes and its length, as one integer.
#[inline]
fn packed(id: &[u8]) -> Option<u128> {
    let mut bytes = [0u8; 16];
    bytes.get_mut(..id.len()).filter(|_| id.len() < 16)?.copy_from_slice(id);
    bytes[15] = id.len() as u8;
    Some(u128::from_le_bytes(bytes))
}

impl<'a> PersonIndex<'a> {
    fn new(people: &[Person], arena: &'a mut String) -> PersonIndex<'a> {
        arena.extend(people.iter().filter(|p| packed(p.id.as_bytes()).is_none()).map(|p| p.id.as_str()));
        let (mut short, mut long) = (FxHashMap::default(), FxHashMap::default());
        short.reserve(people.len());
        let mut at = 0;
        for (i, p) in people.iter().enumerate() {
            let id = p.id.as_bytes();
            match packed(id) {
                Some(key) => {
                    short.insert(key, i as u32);
                }
                None => {
                    long.insert(&arena.as_bytes()[at..at + id.len()], i as u32);
                    at += id.len();
                }
            }
        }
        PersonIndex { short, long }
    }

    #[cfg(test)]
    fn position(&self, id: &[u8]) -> Option<u32> {
        let mut long = Vec::new();
        let name = Named::of(id, &mut long);
        self.named(&name, &long)
    }

    #[inline]
    fn named(&self, name: &Named, long: &[u8]) -> Option<u32> {
        match name {
            Named::Short(key) => self.short.get(key).copied(),
            Named::Long(range) => self.long.get(long.get(range.clone())?).copied(),
        }
    }
}

/// Whom a claim names, as read: packed when short, else where its bytes
/// were put aside.
enum Named {
    Short(u128),
    Long(std::ops::Range<usize>),
}

impl Named {
    #[inline]
    fn of(id: &[u8], long: &mut Vec<u8>) -> Named {
        match packed(id) {
            Some(key) => Named::Short(key),
            None => {
                let at = long.len();
                long.extend_from_slice(id);
                Named::Long(at..long.len())
            }
        }
    }
}

/// Claims read but not yet resolved to positions. Resolving a few
/// thousand at once, in a loop that does nothing else, lets the
/// processor look up many ids at a time; between two rows SQLite's own
/// work leaves it one at a time.
#[derive(Default)]
struct Batch {
    names: Vec<[Named; 2]>,
    links: Vec<ClaimLink>,
    long: Vec<u8>,
}

/// Claims resolved together.
const BATCH: usize = 4096;

impl Batch {
    /// Resolves the batch into `out`, skipping claims naming someone not
    /// in the index.
    fn flush(&mut self, index: &PersonIndex<'_>, out: &mut Vec<ClaimLink>) {
        let Batch { names, links, long } = self;
        for ([from, to], link) in names.drain(..).zip(links.drain(..)) {
            if let (Some(from), Some(to)) = (index.named(&from, long), index.named(&to, long)) {
                out.push(ClaimLink { from, to, ..link });
            }
        }
        long.clear();
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
        crate::encryption::open_connection(std::path::Path::new(path), OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
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
    let mut batch = Batch::default();
    while let Some(row) = rows.next()? {
        let from = Named::of(bytes_at(row, 0)?, &mut batch.long);
        let to = Named::of(bytes_at(row, 1)?, &mut batch.long);
        batch.names.push([from, to]);
        batch.links.push(ClaimLink {
            from: 0,
            to: 0,
            strength: row.get(2)?,
            confidence: row.get(3)?,
            observed_on: date_at(row, 4)?,
            half_life_days: row.get(5)?,
            retired: row.get(6)?,
        });
        if batch.links.len() == BATCH {
            batch.flush(index, &mut links);
        }
    }
    batch.flush(index, &mut links);
    Ok(links)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn short_and_long_ids_are_found_by_their_exact_bytes() {
        let ids = ["p1", "p1\0", "", "exactly-15-byte", "sixteen-byte-id!", "a much longer id, with ünïcödé", "p10"];
        let people: Vec<Person> = ids
            .iter()
            .map(|id| Person { id: (*id).into(), name: String::new(), title: String::new(), team: None, manager: None })
            .collect();
        let mut arena = String::new();
        let index = PersonIndex::new(&people, &mut arena);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.position(id.as_bytes()), Some(i as u32), "{id:?}");
        }
        assert_eq!(index.short.len(), 5);
        for missing in ["p", "p100", "p1\0\0", "sixteen-byte-id?", "a much longer id, with unicode"] {
            assert_eq!(index.position(missing.as_bytes()), None, "{missing:?}");
        }
    }

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
