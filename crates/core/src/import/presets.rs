//! What people export, read as a plan: Jira issues (Issue key, Summary,
//! Fix Version/s, Component/s — repeated once per value —, Original
//! Estimate, and the "Blocks" issue links) and ServiceNow change requests
//! (Number, Short description, Planned start/end date, Assignment group,
//! Configuration item, Risk — an Excel export's labels, or a CSV export's
//! field names: number, short_description, start_date, end_date,
//! assignment_group, cmdb_ci, risk). Releases, components and teams named in the
//! file come with the changes, by name; the store creates those it lacks.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};

use super::plan::{ChangeRow, DependencyRow};
use super::sheet::{Sheet, SheetRow};
use super::ImportError;
use crate::model::{Change, Component, Dependency, Release, RiskLevel, Stage, Team, TeamKind};

domain_enum! {
    /// A known export read as changes.
    Preset {
        /// A Jira issue search exported as CSV or Excel.
        Jira = "jira",
        /// A ServiceNow change request list exported as CSV or Excel.
        Servicenow = "servicenow",
    }
}

/// A plan read from an export: the changes and their links, with the
/// releases, components and teams they name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanImport {
    /// Releases named, by id (created when the workspace lacks them).
    pub releases: Vec<Release>,
    /// Components named, by id (created when the workspace lacks them).
    pub components: Vec<Component>,
    /// Teams named, by id (created when the workspace lacks them).
    pub teams: Vec<Team>,
    /// The changes.
    pub changes: Vec<ChangeRow>,
    /// Dependencies between the changes.
    pub dependencies: Vec<DependencyRow>,
    /// What was read but left out, in words.
    pub left_out: Vec<String>,
}

/// Hours of a working day: Jira estimates are in seconds of work.
const WORK_DAY_SECONDS: f64 = 8.0 * 3600.0;

impl Preset {
    /// The preset a header suggests, if any.
    pub fn detect(headers: &[String]) -> Option<Preset> {
        let has = |name: &str| headers.iter().any(|h| h.eq_ignore_ascii_case(name));
        if has("Issue key") && has("Summary") {
            Some(Preset::Jira)
        } else if (has("Number") && has("Short description")) || has("short_description") {
            Some(Preset::Servicenow)
        } else {
            None
        }
    }

    /// Reads the export.
    pub fn read(self, sheet: &Sheet) -> Result<PlanImport, ImportError> {
        match self {
            Preset::Jira => jira(sheet),
            Preset::Servicenow => servicenow(sheet),
        }
    }
}

/// The columns of one header, found without regard to case.
struct Columns<'s> {
    sheet: &'s Sheet,
}

impl Columns<'_> {
    fn all(&self, names: &[&str]) -> Vec<usize> {
        let mut at: Vec<usize> = Vec::new();
        for (i, h) in self.sheet.headers.iter().enumerate() {
            if names.iter().any(|n| h.eq_ignore_ascii_case(n)) {
                at.push(i);
            }
        }
        at
    }

    fn first(&self, names: &[&str]) -> Option<usize> {
        self.all(names).first().copied()
    }

    /// The column of a header (by any of its names), or an error naming it.
    fn required(&self, names: &[&str]) -> Result<usize, ImportError> {
        self.first(names).ok_or_else(|| {
            let name = names.first().copied().unwrap_or_default();
            ImportError::new(&self.sheet.file, 1, Some(name), "missing column: the export must have it".to_owned())
        })
    }
}

fn cell(row: &SheetRow, at: Option<usize>) -> &str {
    at.and_then(|i| row.cells.get(i)).unwrap_or("")
}

fn cells<'r>(row: &'r SheetRow, at: &'r [usize]) -> impl Iterator<Item = &'r str> + 'r {
    at.iter().filter_map(|&i| row.cells.get(i)).filter(|v| !v.is_empty())
}

/// An id made of a name: lower case, words joined by `-`.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '.' || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars().take(64).collect()
}

/// Collects the releases, components and teams named, each once.
#[derive(Default)]
struct Named {
    import: PlanImport,
    seen: HashSet<(&'static str, String)>,
}

impl Named {
    fn release(&mut self, name: &str) -> String {
        let id = slug(name);
        if self.seen.insert(("release", id.clone())) {
            self.import.releases.push(Release {
                id: id.clone(),
                name: name.to_owned(),
                stage: Stage::Plan,
                window_start: None,
                window_end: None,
                risk: RiskLevel::Low,
                cost: None,
            });
        }
        id
    }

    fn component(&mut self, name: &str, owner_team: Option<&str>) -> String {
        let id = slug(name);
        if self.seen.insert(("component", id.clone())) {
            self.import.components.push(Component {
                id: id.clone(),
                name: name.to_owned(),
                owner_team: owner_team.map(str::to_owned),
                owner: None,
            });
        }
        id
    }

    fn team(&mut self, name: &str) -> String {
        let id = slug(name);
        if self.seen.insert(("team", id.clone())) {
            self.import.teams.push(Team { id: id.clone(), name: name.to_owned(), kind: TeamKind::guess(name) });
        }
        id
    }
}

/// Refuses an id used twice, naming the first line.
fn first_use(
    seen: &mut std::collections::HashMap<String, u64>,
    row: &SheetRow,
    file: &str,
    field: &str,
    id: &str,
) -> Result<(), ImportError> {
    match seen.insert(id.to_owned(), row.line) {
        Some(first) => Err(ImportError::new(file, row.line, Some(field), format!("{id} is already on line {first}"))),
        None => Ok(()),
    }
}

fn jira(sheet: &Sheet) -> Result<PlanImport, ImportError> {
    let file = sheet.file.as_str();
    let columns = Columns { sheet };
    let key = columns.required(&["Issue key"])?;
    let summary = columns.required(&["Summary"])?;
    let versions = columns.all(&["Fix Version/s", "Fix versions"]);
    let components = columns.all(&["Component/s", "Components"]);
    let estimate = columns.first(&["Original Estimate"]);
    let blocks = columns.all(&["Outward issue link (Blocks)"]);
    let blocked_by = columns.all(&["Inward issue link (Blocks)"]);
    let mut named = Named::default();
    let mut seen = std::collections::HashMap::new();
    let mut links: Vec<(u64, String, String)> = Vec::new();
    for row in &sheet.rows {
        let id = cell(row, Some(key)).to_owned();
        let days = match cell(row, estimate) {
            "" => 1,
            text => {
                let seconds = text.parse::<f64>().ok().filter(|s| s.is_finite() && *s >= 0.0).ok_or_else(|| {
                    ImportError::new(
                        file,
                        row.line,
                        Some("Original Estimate"),
                        format!("{text:?} is not a number of seconds"),
                    )
                })?;
                ((seconds / WORK_DAY_SECONDS).ceil() as u32).clamp(1, 3650)
            }
        };
        let mut versions = cells(row, &versions);
        let release = versions.next().map(|v| named.release(v));
        if let Some(more) = versions.next() {
            named
                .import
                .left_out
                .push(format!("line {}: {id} is also in {more}; Greychart keeps its first fix version", row.line));
        }
        let components: Vec<String> = cells(row, &components).map(|c| named.component(c, None)).collect();
        let change = Change {
            id: id.clone(),
            title: cell(row, Some(summary)).to_owned(),
            release,
            components,
            duration_days: days,
            not_before: None,
            risk: None,
        };
        change.validate().map_err(|e| ImportError::new(file, row.line, Some(jira_column(&e.field)), e.message))?;
        first_use(&mut seen, row, file, "Issue key", &id)?;
        links.extend(cells(row, &blocks).map(|other| (row.line, id.clone(), other.to_owned())));
        links.extend(cells(row, &blocked_by).map(|other| (row.line, other.to_owned(), id.clone())));
        named.import.changes.push(ChangeRow { line: row.line, change });
    }
    // Both ends of a link list it: keep each pair once; links to issues
    // outside the export are left out, and said so.
    let mut pairs = HashSet::new();
    for (line, before, after) in links {
        if !seen.contains_key(&before) || !seen.contains_key(&after) {
            let outside = if seen.contains_key(&before) { &after } else { &before };
            named
                .import
                .left_out
                .push(format!("line {line}: {before} blocks {after}, but {outside} is not in the file"));
        } else if before != after && pairs.insert((before.clone(), after.clone())) {
            named
                .import
                .dependencies
                .push(DependencyRow { line, dependency: Dependency { before, after, lag_days: 0 } });
        }
    }
    Ok(named.import)
}

/// The Jira column a change's field comes from.
fn jira_column(field: &str) -> &str {
    match field {
        "id" => "Issue key",
        "title" => "Summary",
        "release" => "Fix Version/s",
        "component" => "Component/s",
        other => other,
    }
}

fn servicenow(sheet: &Sheet) -> Result<PlanImport, ImportError> {
    let file = sheet.file.as_str();
    let columns = Columns { sheet };
    // An Excel export has the fields' labels, a CSV export their names.
    let number = columns.required(&["Number", "number"])?;
    let title = columns.required(&["Short description", "short_description"])?;
    let start = columns.first(&["Planned start date", "start_date"]);
    let end = columns.first(&["Planned end date", "end_date"]);
    let group = columns.first(&["Assignment group", "assignment_group"]);
    let item = columns.first(&["Configuration item", "cmdb_ci"]);
    let risk = columns.first(&["Risk"]);
    let mut named = Named::default();
    let mut seen = std::collections::HashMap::new();
    for row in &sheet.rows {
        let id = cell(row, Some(number)).to_owned();
        let at = |field: &str, message: String| ImportError::new(file, row.line, Some(field), message);
        let starts = when(cell(row, start)).map_err(|m| at("Planned start date", m))?;
        let ends = when(cell(row, end)).map_err(|m| at("Planned end date", m))?;
        let days = match (starts, ends) {
            (Some(s), Some(e)) if e < s => {
                return Err(at("Planned end date", format!("{e} is before the planned start {s}")));
            }
            (Some(s), Some(e)) => {
                let hours = (e - s).num_minutes() as f64 / 60.0;
                ((hours / 24.0).ceil() as u32).clamp(1, 3650)
            }
            _ => 1,
        };
        let team = Some(cell(row, group)).filter(|g| !g.is_empty()).map(|g| named.team(g));
        let components = Some(cell(row, item))
            .filter(|c| !c.is_empty())
            .map(|c| named.component(c, team.as_deref()))
            .into_iter()
            .collect();
        let risk = match cell(row, risk) {
            "" => None,
            text => Some(
                risk_of(text).ok_or_else(|| at("Risk", format!("{text:?} is not Very High, High, Moderate or Low")))?,
            ),
        };
        let change = Change {
            id: id.clone(),
            title: cell(row, Some(title)).to_owned(),
            release: None,
            components,
            duration_days: days,
            not_before: starts.map(|s| s.date()),
            risk,
        };
        let column = |field: &str| match field {
            "id" => "Number",
            "title" => "Short description",
            "component" => "Configuration item",
            _ => "Number",
        };
        change.validate().map_err(|e| at(column(&e.field), e.message))?;
        first_use(&mut seen, row, file, "Number", &id)?;
        named.import.changes.push(ChangeRow { line: row.line, change });
    }
    Ok(named.import)
}

/// A ServiceNow date and time, as its exports write it (`2027-03-14
/// 09:00:00`, or a date alone).
fn when(text: &str) -> Result<Option<NaiveDateTime>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    for format in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(Some(t));
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(Some)
        .ok_or_else(|| format!("{text:?} is not a date like 2027-03-14 09:00:00"))
}

/// ServiceNow's risk ("2 - High", "Moderate", …) as Greychart's.
fn risk_of(text: &str) -> Option<RiskLevel> {
    let words = text.rsplit(" - ").next().unwrap_or(text).trim().to_lowercase();
    match words.as_str() {
        "very high" | "high" | "critical" => Some(RiskLevel::High),
        "moderate" | "medium" => Some(RiskLevel::Medium),
        "low" | "very low" | "none" => Some(RiskLevel::Low),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(text: &str) -> Sheet {
        Sheet::from_csv("export.csv", text.as_bytes()).unwrap_or_else(|_| Sheet {
            file: String::new(),
            headers: Vec::new(),
            rows: Vec::new(),
        })
    }

    #[test]
    fn jira_issues_become_changes_with_named_releases_components_and_blocks_links() {
        let csv = "Summary,Issue key,Fix Version/s,Component/s,Component/s,Original Estimate,Outward issue link (Blocks),Inward issue link (Blocks)\n\
                   Card tokens,PAY-1,Payments Hub 2.0,Payments API,Ledger DB,57600,PAY-2,\n\
                   Refunds,PAY-2,Payments Hub 2.0,Payments API,,,,PAY-1\n\
                   Audit,PAY-3,,,,,OPS-9,\n";
        let plan = Preset::detect(&sheet(csv).headers).map(|p| p.read(&sheet(csv)));
        let Some(Ok(plan)) = plan else { panic!("{plan:?}") };
        assert_eq!(
            plan.releases.iter().map(|r| (r.id.as_str(), r.name.as_str())).collect::<Vec<_>>(),
            [("payments-hub-2.0", "Payments Hub 2.0")]
        );
        assert_eq!(plan.components.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["payments-api", "ledger-db"]);
        let first = &plan.changes[0].change;
        assert_eq!((first.duration_days, first.components.len()), (2, 2));
        assert_eq!(
            plan.dependencies
                .iter()
                .map(|d| (d.dependency.before.as_str(), d.dependency.after.as_str()))
                .collect::<Vec<_>>(),
            [("PAY-1", "PAY-2")]
        );
        assert!(plan.left_out.iter().any(|l| l.contains("OPS-9")), "{:?}", plan.left_out);
    }

    #[test]
    fn servicenow_change_requests_keep_their_planned_window_group_and_risk() {
        let csv = "Number,Short description,Planned start date,Planned end date,Assignment group,Configuration item,Risk\n\
                   CHG0030001,Patch the ledger,2027-03-14 09:00:00,2027-03-16 17:00:00,Database Admins,Ledger DB,Moderate\n\
                   CHG0030002,Rotate certs,,,,,\n";
        let plan = Preset::Servicenow.read(&sheet(csv));
        let Ok(plan) = plan else { panic!("{plan:?}") };
        let c = &plan.changes[0].change;
        assert_eq!(
            (c.not_before.map(|d| d.to_string()), c.duration_days, c.risk),
            (Some("2027-03-14".to_owned()), 3, Some(RiskLevel::Medium))
        );
        assert_eq!(plan.teams.first().map(|t| t.name.as_str()), Some("Database Admins"));
        assert_eq!(plan.components.first().and_then(|c| c.owner_team.as_deref()), Some("database-admins"));
        let bad = "Number,Short description,Planned start date,Planned end date,Risk\nCHG1,A,2027-03-14,2027-03-10,\n";
        let e = Preset::Servicenow.read(&sheet(bad)).err();
        assert_eq!(e.map(|e| (e.line, e.field)), Some((2, Some("Planned end date".to_owned()))));
        let missing = Preset::Servicenow.read(&sheet("Number\nCHG1\n")).err();
        assert_eq!(missing.and_then(|e| e.field), Some("Short description".to_owned()));
    }
}
