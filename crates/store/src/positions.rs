//! Where people sit on the map: saved when the user moves them, so the map
//! looks the same next time.

use greychart_core::transport::Position;

use crate::error::{Result, StoreError};
use crate::Workspace;

impl Workspace {
    /// Every saved position.
    pub fn positions(&self) -> Result<Vec<Position>> {
        let conn = self.read_connection();
        let mut stmt = conn.prepare_cached("SELECT person, x, y FROM positions ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| Ok(Position { person: r.get(0)?, x: r.get(1)?, y: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Saves positions in one transaction, as one audit event.
    pub fn save_positions(&mut self, positions: &[Position]) -> Result<()> {
        for p in positions {
            p.validate()?;
        }
        let mut w = self.write()?;
        for p in positions {
            let known: bool =
                w.conn().query_row("SELECT count(*) > 0 FROM people WHERE id = ?1", [&p.person], |r| r.get(0))?;
            if !known {
                return Err(StoreError::NotFound { entity: "person", id: p.person.clone() });
            }
            w.conn().execute(
                "INSERT INTO positions (person, x, y) VALUES (?1, ?2, ?3) \
                 ON CONFLICT(person) DO UPDATE SET x = excluded.x, y = excluded.y",
                rusqlite::params![p.person, p.x, p.y],
            )?;
        }
        w.audit("update", "map positions", "", None, Some(&format!("{} people moved", positions.len())))?;
        w.commit()
    }

    /// Forgets every saved position, so the map is arranged automatically
    /// again; one audit event (undoable). Returns how many were forgotten.
    /// With none saved it changes nothing and records no edit, which would
    /// otherwise drop what could be redone.
    pub fn clear_positions(&mut self) -> Result<usize> {
        let mut w = self.write()?;
        let forgotten = w.conn().execute("DELETE FROM positions", [])?;
        if forgotten == 0 {
            return Ok(0);
        }
        w.audit("delete", "map positions", "", None, Some(&format!("{forgotten} places forgotten")))?;
        w.commit()?;
        Ok(forgotten)
    }
}
