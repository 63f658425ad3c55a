//! Applying parsed CSV rows to a workspace: all rows or none.

use std::collections::{HashMap, HashSet};

use greychart_core::import::{ClaimRow, ImportError, PersonRow};
use greychart_core::model::{Person, Team, TeamKind};
use serde::Serialize;

use crate::error::Result;
use crate::{Workspace, Write};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// Records created or updated.
    pub rows: usize,
    /// Teams the import had to create, by name.
    pub created_teams: Vec<String>,
}

impl Workspace {
    /// Imports people rows from `file`; teams named but unknown are created.
    pub fn import_people(&mut self, file: &str, rows: &[PersonRow]) -> Result<ImportReport> {
        let mut w = self.write()?;
        let report = import_people(&mut w, file, rows)?;
        w.commit()?;
        Ok(report)
    }

    /// Imports claim rows from `file`; every person named must exist.
    pub fn import_claims(&mut self, file: &str, rows: &[ClaimRow]) -> Result<ImportReport> {
        let mut w = self.write()?;
        let report = import_claims(&mut w, file, rows)?;
        w.commit()?;
        Ok(report)
    }
}

fn existing_ids(w: &Write<'_>, table: &str) -> Result<HashSet<String>> {
    let mut stmt = w.conn().prepare(&format!("SELECT id FROM {table}"))?;
    let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<HashSet<String>>>()?;
    Ok(ids)
}

fn import_people(w: &mut Write<'_>, file: &str, rows: &[PersonRow]) -> Result<ImportReport> {
    let mut report = ImportReport { rows: rows.len(), ..ImportReport::default() };
    let mut teams_by_name: HashMap<String, String> = HashMap::new();
    let mut team_ids = HashSet::new();
    {
        let mut stmt = w.conn().prepare("SELECT id, name FROM teams")?;
        let teams = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for team in teams {
            let (id, name) = team?;
            teams_by_name.insert(name.to_lowercase(), id.clone());
            team_ids.insert(id);
        }
    }
    let mut people_ids = existing_ids(w, "people")?;
    people_ids.extend(rows.iter().map(|r| r.person.id.clone()));
    w.conn().execute_batch("PRAGMA defer_foreign_keys = ON")?;
    for row in rows {
        let mut person: Person = row.person.clone();
        if let Some(team_name) = &row.person.team {
            let id = match teams_by_name.get(&team_name.to_lowercase()) {
                Some(id) => id.clone(),
                None => {
                    let id = unique_slug(team_name, &team_ids);
                    let team = Team { id: id.clone(), name: team_name.clone(), kind: TeamKind::guess(team_name) };
                    w.put(&team)?;
                    team_ids.insert(id.clone());
                    teams_by_name.insert(team_name.to_lowercase(), id.clone());
                    report.created_teams.push(team_name.clone());
                    id
                }
            };
            person.team = Some(id);
        }
        if let Some(manager) = &person.manager {
            if !people_ids.contains(manager) {
                return Err(ImportError::new(
                    file,
                    row.line,
                    Some("manager"),
                    format!("no person with id {manager} in this file or the workspace"),
                )
                .into());
            }
        }
        w.put(&person)?;
    }
    w.check_acyclic::<Person>(rows.first().map(|r| r.person.id.as_str()))?;
    let summary = format!("{} people from {file}; teams created: {}", rows.len(), report.created_teams.join(", "));
    w.audit("import", "person", "", None, Some(&summary))?;
    Ok(report)
}

fn import_claims(w: &mut Write<'_>, file: &str, rows: &[ClaimRow]) -> Result<ImportReport> {
    let people = existing_ids(w, "people")?;
    for row in rows {
        for (field, id) in [("from", &row.claim.from), ("to", &row.claim.to)] {
            if !people.contains(id) {
                return Err(ImportError::new(file, row.line, Some(field), format!("no person with id {id}")).into());
            }
        }
    }
    let first: u64 = w.next_id("claims", "cl")?[2..].parse().unwrap_or(1);
    for (n, row) in (first..).zip(rows) {
        let mut claim = row.claim.clone();
        claim.id = format!("cl{n:04}");
        w.put(&claim)?;
    }
    w.audit("import", "claim", "", None, Some(&format!("{} claims from {file}", rows.len())))?;
    Ok(ImportReport { rows: rows.len(), created_teams: Vec::new() })
}

/// A lowercase id from a name, made unique among `taken`.
fn unique_slug(name: &str, taken: &HashSet<String>) -> String {
    let mut slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(48)
        .collect();
    if slug.is_empty() {
        slug = "team".to_owned();
    }
    let mut candidate = slug.clone();
    let mut i = 2;
    while taken.contains(&candidate) {
        candidate = format!("{slug}-{i}");
        i += 1;
    }
    candidate
}
