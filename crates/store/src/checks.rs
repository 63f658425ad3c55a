//! What an edit is checked against, and what follows from it: the records
//! it names must exist, it may not close a cycle (checked only where the
//! record says one is possible), and its consequences (stale decisions,
//! requirements to derive again, the scheduling guard) are acted on.

use greychart_core::graph::find_cycle;
use greychart_core::model::{Change, Dependency, Release};
use greychart_core::planning::PlanGraph;
use greychart_core::CoreError;
use rusqlite::OptionalExtension;

use crate::error::{Result, StoreError};
use crate::read::Read;
use crate::record::{Consequences, CycleCheck, Stale};
use crate::{Record, Write};

impl Write<'_> {
    /// Acts on what an edit means beyond its row: marks decisions stale,
    /// notes which requirements to derive again before committing, and
    /// guards moving a release to "scheduled".
    pub(crate) fn follow(&mut self, consequences: Consequences) -> Result<()> {
        let Consequences { stale, rules, scheduling } = consequences;
        self.note_rules(rules);
        for s in stale {
            match s {
                Stale::Release { release, reason } => self.mark_stale(&release, &reason)?,
                Stale::Around { item, reason } => {
                    if let Some(release) = self.release_of(&item)? {
                        self.mark_stale(&release, &reason)?;
                    }
                }
            }
        }
        if let Some(release) = scheduling {
            self.check_ready_to_schedule(&release)?;
        }
        Ok(())
    }

    pub(crate) fn check_references<R: Record>(&self, record: &R) -> Result<()> {
        for reference in record.references() {
            let mut found = false;
            for table in reference.tables {
                let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
                found |= self.tx.query_row(&sql, [&reference.id], |_| Ok(())).optional()?.is_some();
            }
            if !found {
                let what = reference.tables.join(" or ");
                return Err(StoreError::invalid(reference.field, format!("no {what} entry has id {}", reference.id)));
            }
        }
        Ok(())
    }

    /// Refuses a write that closed a cycle in the reporting lines (walked
    /// up from the person: work proportional to their depth) or in the
    /// plan (dependencies, and a release's link to its own changes); the
    /// cycle is named starting from where the edit was made.
    pub(crate) fn check_acyclic(&self, check: CycleCheck) -> Result<()> {
        let (found, anchor) = match check {
            CycleCheck::Reporting { person } => {
                let mut stmt = self.tx.prepare_cached("SELECT manager FROM people WHERE id = ?1")?;
                let mut chain = vec![person.clone()];
                let mut at = person.clone();
                let found = loop {
                    let manager: Option<String> = stmt.query_row([&at], |r| r.get(0)).optional()?.flatten();
                    let Some(manager) = manager else { break None };
                    if manager == person {
                        chain.push(manager);
                        // Named from the manager down to the person, as a reporting line reads.
                        chain.reverse();
                        break Some(CoreError::Cycle { what: "reporting line".to_owned(), members: chain });
                    }
                    // A cycle above the person, not through them: not this edit's.
                    if chain.contains(&manager) {
                        break None;
                    }
                    chain.push(manager.clone());
                    at = manager;
                };
                (found, None)
            }
            CycleCheck::AllReporting { anchor } => {
                let mut stmt = self.tx.prepare_cached("SELECT manager, id FROM people WHERE manager IS NOT NULL")?;
                let edges = stmt
                    .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                let found = find_cycle(edges.iter().map(|(a, b)| (a.as_str(), b.as_str())))
                    .map(|members| CoreError::Cycle { what: "reporting line".to_owned(), members });
                (found, anchor)
            }
            CycleCheck::Plan { anchor } => {
                let read = Read::new(&self.tx);
                let found =
                    PlanGraph::build(&read.list::<Release>()?, &read.list::<Change>()?, &read.list::<Dependency>()?)
                        .err();
                (found, anchor)
            }
        };
        match found {
            None => Ok(()),
            Some(CoreError::Cycle { what, mut members }) => {
                if let Some(at) = anchor.and_then(|a| members.iter().position(|m| *m == a)) {
                    members.pop();
                    members.rotate_left(at);
                    members.push(members[0].clone());
                }
                Err(StoreError::Core(CoreError::Cycle { what, members }))
            }
            Some(other) => Err(StoreError::Core(other)),
        }
    }
}
