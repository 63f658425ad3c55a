//! Applying parsed rows to a workspace: all rows or none.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;

use greychart_core::import::{
    ChangeRow, ClaimRow, DependencyRow, ImportError, Parsed, PersonRow, PlanImport, RecordRow,
};
use greychart_core::model::{Component, Person, Release, RiskLevel, Stage, Team, TeamKind, WorkspaceData};
use greychart_core::CoreError;
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::record::CycleCheck;
use crate::{Record, Workspace, Write};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// Records created or updated.
    pub rows: usize,
    /// Teams the import had to create, by name.
    pub created_teams: Vec<String>,
    /// Releases the import had to create, by id.
    pub created_releases: Vec<String>,
    /// Components the import had to create, by id.
    pub created_components: Vec<String>,
    /// What the file held but the import left out, in words.
    pub left_out: Vec<String>,
}

/// How far a long import has got, and the means to stop it from another
/// thread (the window's Cancel): the next row refuses, and the import's
/// transaction is rolled back.
pub struct ImportWatch {
    progress: crate::write::WriteProgress,
    start: usize,
    interrupt: rusqlite::InterruptHandle,
}

impl ImportWatch {
    /// Rows written since the watch began.
    pub fn written(&self) -> usize {
        self.progress.written.load(Ordering::Relaxed).saturating_sub(self.start)
    }

    /// Stops the import: its transaction fails and nothing is written.
    pub fn cancel(&self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
        // Also stops a long statement running now (an index being built).
        self.interrupt.interrupt();
    }
}

impl Workspace {
    /// A watch on the next import, to be read and cancelled from another thread.
    pub fn watch(&self) -> ImportWatch {
        self.progress.cancelled.store(false, Ordering::Relaxed);
        ImportWatch {
            progress: self.progress.clone(),
            start: self.progress.written.load(Ordering::Relaxed),
            interrupt: self.conn.get_interrupt_handle(),
        }
    }

    /// Imports rows of any kind from `file`, all or none; with `commit`
    /// false, checks them against the workspace (every reference, cycle
    /// and rule) and writes nothing: the window's preview.
    pub fn import(&mut self, file: &str, parsed: &Parsed, commit: bool) -> Result<ImportReport> {
        let result = self.import_rows(file, parsed, commit);
        self.end_import(result)
    }

    /// A Cancel pressed during an import ends with it; a statement it
    /// interrupted (SQLite's "interrupted") is reported as the cancel.
    fn end_import(&mut self, result: Result<ImportReport>) -> Result<ImportReport> {
        let cancelled = self.progress.cancelled.swap(false, Ordering::Relaxed);
        match result {
            Err(_) if cancelled => Err(StoreError::Cancelled),
            other => other,
        }
    }

    fn import_rows(&mut self, file: &str, parsed: &Parsed, commit: bool) -> Result<ImportReport> {
        let mut w = self.write()?;
        w.bulk();
        let report = match parsed {
            Parsed::People(rows) => import_people(&mut w, file, rows)?,
            Parsed::Claims(rows) => import_claims(&mut w, file, rows)?,
            Parsed::Changes(rows) => import_changes(&mut w, file, rows)?,
            Parsed::Dependencies(rows) => import_dependencies(&mut w, file, rows)?,
            Parsed::Teams(rows) => import_records(&mut w, file, rows)?,
            Parsed::Components(rows) => import_records(&mut w, file, rows)?,
            Parsed::Services(rows) => import_records(&mut w, file, rows)?,
            Parsed::Releases(rows) => import_records(&mut w, file, rows)?,
            Parsed::Periods(rows) => import_records(&mut w, file, rows)?,
            Parsed::Absences(rows) => import_records(&mut w, file, rows)?,
            Parsed::ApprovalRules(rows) => import_records(&mut w, file, rows)?,
            Parsed::Stances(rows) => import_records(&mut w, file, rows)?,
            Parsed::Profiles(rows) => import_records(&mut w, file, rows)?,
            Parsed::Contacts(rows) => import_records(&mut w, file, rows)?,
        };
        if commit {
            w.commit()?;
        }
        Ok(report)
    }

    /// Imports a plan read from an export (Jira, ServiceNow): the teams,
    /// components and releases it names that the workspace lacks, then its
    /// changes and dependencies, all in one transaction; with `commit`
    /// false, checks and writes nothing.
    pub fn import_plan(&mut self, file: &str, plan: &PlanImport, commit: bool) -> Result<ImportReport> {
        let result = self.import_plan_rows(file, plan, commit);
        self.end_import(result)
    }

    fn import_plan_rows(&mut self, file: &str, plan: &PlanImport, commit: bool) -> Result<ImportReport> {
        let mut w = self.write()?;
        w.bulk();
        let mut report = ImportReport::default();
        let mut teams = existing_ids(&w, "teams")?;
        for team in &plan.teams {
            if teams.insert(team.id.clone()) {
                w.put_in_bulk(team)?;
                report.created_teams.push(team.name.clone());
            }
        }
        let mut components = existing_ids(&w, "components")?;
        for component in &plan.components {
            if components.insert(component.id.clone()) {
                w.put_in_bulk(component)?;
                report.created_components.push(component.id.clone());
            }
        }
        let mut releases = existing_ids(&w, "releases")?;
        for release in &plan.releases {
            if releases.insert(release.id.clone()) {
                w.put_in_bulk(release)?;
                report.created_releases.push(release.id.clone());
            }
        }
        let changes = import_changes(&mut w, file, &plan.changes)?;
        let dependencies = import_dependencies(&mut w, file, &plan.dependencies)?;
        report.rows = changes.rows + dependencies.rows;
        report.created_releases.extend(changes.created_releases);
        report.created_components.extend(changes.created_components);
        report.left_out.clone_from(&plan.left_out);
        if commit {
            w.commit()?;
        }
        Ok(report)
    }

    /// Imports a whole workspace (a JSON document): every record is created
    /// or updated, with every check, in one transaction.
    pub fn import_workspace(&mut self, data: &WorkspaceData) -> Result<ImportReport> {
        let mut w = self.write()?;
        w.insert_all(data)?;
        w.commit()?;
        let rows = data.people.len()
            + data.teams.len()
            + data.claims.len()
            + data.stances.len()
            + data.profiles.len()
            + data.engagements.len()
            + data.components.len()
            + data.services.len()
            + data.releases.len()
            + data.changes.len()
            + data.dependencies.len()
            + data.periods.len()
            + data.absences.len()
            + data.requirements.len()
            + data.decisions.len()
            + data.approval_rules.len();
        Ok(ImportReport { rows, ..ImportReport::default() })
    }

    /// Imports people rows from `file`; teams named but unknown are created.
    pub fn import_people(&mut self, file: &str, rows: &[PersonRow]) -> Result<ImportReport> {
        let mut w = self.write()?;
        w.bulk();
        let report = import_people(&mut w, file, rows)?;
        w.commit()?;
        Ok(report)
    }

    /// Imports change rows from `file`; releases and components named but
    /// unknown are created (named by their id, to be filled in later).
    pub fn import_changes(&mut self, file: &str, rows: &[ChangeRow]) -> Result<ImportReport> {
        let mut w = self.write()?;
        w.bulk();
        let report = import_changes(&mut w, file, rows)?;
        w.commit()?;
        Ok(report)
    }

    /// Imports dependency rows from `file`; both ends must name a change or a
    /// release, and a cycle is refused at the line that closes it.
    pub fn import_dependencies(&mut self, file: &str, rows: &[DependencyRow]) -> Result<ImportReport> {
        let mut w = self.write()?;
        w.bulk();
        let report = import_dependencies(&mut w, file, rows)?;
        w.commit()?;
        Ok(report)
    }

    /// Imports records of one kind from `file` (teams, releases, windows and
    /// freezes…), each created or updated with every check of an edit, all
    /// in one transaction; the first that is refused names its line and
    /// field, and nothing is written.
    pub fn import_records<R: Record>(&mut self, file: &str, rows: &[RecordRow<R>]) -> Result<ImportReport> {
        let mut w = self.write()?;
        w.bulk();
        let report = import_records(&mut w, file, rows)?;
        w.commit()?;
        Ok(report)
    }

    /// Imports claim rows from `file`; every person named must exist.
    pub fn import_claims(&mut self, file: &str, rows: &[ClaimRow]) -> Result<ImportReport> {
        let mut w = self.write()?;
        w.bulk();
        let report = import_claims(&mut w, file, rows)?;
        w.commit()?;
        Ok(report)
    }
}

fn import_records<R: Record>(w: &mut Write<'_>, file: &str, rows: &[RecordRow<R>]) -> Result<ImportReport> {
    let at = |line: u64| {
        move |e: StoreError| match e {
            StoreError::Core(CoreError::Invalid(v)) => ImportError::new(file, line, Some(&v.field), v.message),
            other => ImportError::new(file, line, None, other.to_string()),
        }
    };
    // Rows may name rows further down the file (a service another depends on).
    w.conn().execute_batch("PRAGMA defer_foreign_keys = ON")?;
    for row in rows {
        row.record.validate().map_err(|e| at(row.line)(e.into()))?;
        w.put_followed(&row.record).map_err(at(row.line))?;
    }
    for row in rows {
        w.check_references(&row.record).map_err(at(row.line))?;
    }
    let summary = format!("{} {} rows from {file}", rows.len(), R::ENTITY);
    w.audit("import", R::ENTITY, "", None, Some(&summary))?;
    Ok(ImportReport { rows: rows.len(), ..ImportReport::default() })
}

/// From this many rows on, an import of claims builds the claims' indexes
/// again after writing them, rather than keeping them up to date row by row.
const BULK_ROWS: usize = 10_000;

/// The claims' indexes (migrations 001 and 006), dropped and built again
/// around a bulk import; a test checks they are the schema's own.
pub(crate) const CLAIM_INDEXES_DROP: &str = "DROP INDEX claims_pair; DROP INDEX claims_to;";
/// See [`CLAIM_INDEXES_DROP`].
pub(crate) const CLAIM_INDEXES_CREATE: &str =
    "CREATE INDEX claims_pair ON claims(from_person, to_person); CREATE INDEX claims_to ON claims(to_person);";

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
                    w.put_in_bulk(&team)?;
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
        w.put_in_bulk(&person)?;
    }
    w.check_acyclic(CycleCheck::AllReporting { anchor: rows.first().map(|r| r.person.id.clone()) })?;
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
    let recorder = w.recorder()?;
    // Many claims at once go in faster without the indexes, built again after
    // (sorted) in the same transaction: SQLite's advice for bulk loads.
    let existing: i64 = w.conn().query_row("SELECT count(*) FROM claims", [], |r| r.get(0))?;
    let rebuild = rows.len() >= BULK_ROWS && i64::try_from(rows.len()).unwrap_or(i64::MAX) > existing;
    if rebuild {
        w.conn().execute_batch(CLAIM_INDEXES_DROP)?;
    }
    for (n, row) in (first..).zip(rows) {
        let mut claim = row.claim.clone();
        claim.id = format!("cl{n:04}");
        if claim.recorded_by.is_empty() {
            claim.recorded_by.clone_from(&recorder);
        }
        w.put_in_bulk(&claim)?;
    }
    if rebuild {
        w.conn().execute_batch(CLAIM_INDEXES_CREATE)?;
    }
    w.audit("import", "claim", "", None, Some(&format!("{} claims from {file}", rows.len())))?;
    Ok(ImportReport { rows: rows.len(), ..ImportReport::default() })
}

fn import_changes(w: &mut Write<'_>, file: &str, rows: &[ChangeRow]) -> Result<ImportReport> {
    let mut report = ImportReport { rows: rows.len(), ..ImportReport::default() };
    let mut releases = existing_ids(w, "releases")?;
    let mut components = existing_ids(w, "components")?;
    // A file without a hold-back day or a risk keeps the one a change already has.
    type Held = (Option<String>, Option<String>);
    let held: HashMap<String, Held> = {
        let mut stmt = w
            .conn()
            .prepare("SELECT id, not_before, risk FROM changes WHERE not_before IS NOT NULL OR risk IS NOT NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for row in rows {
        let mut change = row.change.clone();
        if let Some((not_before, risk)) = held.get(&change.id) {
            if change.not_before.is_none() {
                change.not_before =
                    not_before.as_deref().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            }
            if change.risk.is_none() {
                change.risk = risk.as_deref().and_then(RiskLevel::parse);
            }
        }
        let change = &change;
        if let Some(id) = &change.release {
            if releases.insert(id.clone()) {
                let release = Release {
                    id: id.clone(),
                    name: id.clone(),
                    stage: Stage::Plan,
                    window_start: None,
                    window_end: None,
                    risk: RiskLevel::Low,
                    cost: None,
                };
                w.put_in_bulk(&release)?;
                report.created_releases.push(id.clone());
            }
        }
        for id in &change.components {
            if components.insert(id.clone()) {
                w.put_in_bulk(&Component { id: id.clone(), name: id.clone(), owner_team: None, owner: None })?;
                report.created_components.push(id.clone());
            }
        }
        // A change joining, leaving or edited in a release makes its decisions stale.
        w.put_followed(change)?;
    }
    // Moving a change into a release it must precede closes a cycle.
    if let Err(e) = w.check_acyclic(CycleCheck::Plan { anchor: None }) {
        let rows = rows.iter().map(|r| (r.line, r.change.id.as_str(), r.change.id.as_str()));
        return Err(at_cycle_row(e, file, "release", rows));
    }
    let summary = format!(
        "{} changes from {file}; releases created: {}; components created: {}",
        rows.len(),
        report.created_releases.join(", "),
        report.created_components.join(", ")
    );
    w.audit("import", "change", "", None, Some(&summary))?;
    Ok(report)
}

fn import_dependencies(w: &mut Write<'_>, file: &str, rows: &[DependencyRow]) -> Result<ImportReport> {
    let mut items = existing_ids(w, "changes")?;
    items.extend(existing_ids(w, "releases")?);
    for row in rows {
        let d = &row.dependency;
        for (field, id) in [("before", &d.before), ("after", &d.after)] {
            if !items.contains(id) {
                return Err(ImportError::new(
                    file,
                    row.line,
                    Some(field),
                    format!("no change or release with id {id}"),
                )
                .into());
            }
        }
        w.put_followed(d)?;
    }
    if let Err(e) = w.check_acyclic(CycleCheck::Plan { anchor: None }) {
        return Err(at_cycle_row(
            e,
            file,
            "after",
            rows.iter().map(|r| (r.line, r.dependency.before.as_str(), r.dependency.after.as_str())),
        ));
    }
    w.audit("import", "dependency", "", None, Some(&format!("{} dependencies from {file}", rows.len())))?;
    Ok(ImportReport { rows: rows.len(), ..ImportReport::default() })
}

/// Places a refused cycle at the last row of the file that links two of its
/// members (`(line, from, to)` per row), naming the cycle from there.
fn at_cycle_row<'r>(
    e: crate::StoreError,
    file: &str,
    field: &str,
    rows: impl DoubleEndedIterator<Item = (u64, &'r str, &'r str)>,
) -> crate::StoreError {
    let crate::StoreError::Core(CoreError::Cycle { members, .. }) = &e else { return e };
    let steps: Vec<(&str, &str)> = members.windows(2).map(|p| (p[0].as_str(), p[1].as_str())).collect();
    let on_cycle = |from: &str, to: &str| {
        steps.iter().any(|&(a, b)| a == from && b == to) || from == to && members.iter().any(|m| m == from)
    };
    match rows.rev().find(|&(_, from, to)| on_cycle(from, to)) {
        Some((line, _, to)) => {
            // Read the cycle from the row's own link onwards.
            let mut members = members.clone();
            if let Some(at) = members.iter().position(|m| m == to) {
                members.pop();
                members.rotate_left(at);
                members.push(members[0].clone());
            }
            ImportError::new(file, line, Some(field), format!("closes a cycle: {}", members.join(" → "))).into()
        }
        None => e,
    }
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
