//! One edit in its own transaction, as the window and the CLI make them:
//! save or delete a record, record a claim, log a contact. Each goes through
//! `Write`, so it is validated, reference- and cycle-checked, audited and
//! undoable.

use greychart_core::model::{Claim, EngagementEntry, Person};

use crate::error::{Result, StoreError};
use crate::read::get_on;
use crate::{Record, Workspace};

impl Workspace {
    /// Saves one record in its own transaction.
    pub fn save<R: Record>(&mut self, record: &R) -> Result<()> {
        let mut w = self.write()?;
        w.save(record)?;
        w.commit()
    }

    /// Deletes one record in its own transaction.
    pub fn delete<R: Record>(&mut self, key: &[&str]) -> Result<()> {
        let mut w = self.write()?;
        w.delete::<R>(key)?;
        w.commit()
    }

    /// Saves a claim: a new one (empty id) is numbered, an existing one updated.
    pub fn save_claim(&mut self, claim: Claim) -> Result<Claim> {
        let mut w = self.write()?;
        let saved = if claim.id.is_empty() {
            w.add_claim(claim)?
        } else {
            w.save(&claim)?;
            claim
        };
        w.commit()?;
        Ok(saved)
    }

    /// Logs a contact with a stakeholder, numbering it.
    pub fn add_engagement(&mut self, mut entry: EngagementEntry) -> Result<EngagementEntry> {
        let mut w = self.write()?;
        entry.id = w.next_id("engagements", "e")?;
        w.save(&entry)?;
        w.commit()?;
        Ok(entry)
    }

    /// Sets who "me" is (the strongest paths start from them, claims are
    /// recorded by them), or nobody; someone not in the workspace is
    /// refused naming the field.
    pub fn set_me(&mut self, person: Option<&str>) -> Result<()> {
        let mut w = self.write()?;
        match person {
            Some(id) => {
                if get_on::<Person>(&w.tx, &[id])?.is_none() {
                    return Err(StoreError::invalid("me", format!("no person has id {id}")));
                }
                w.set_setting("me", id)?;
            }
            None => w.clear_setting("me")?,
        }
        w.commit()
    }
}
