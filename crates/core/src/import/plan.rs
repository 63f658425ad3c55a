//! Changes and dependencies CSV.

use std::io::Read;

use super::sheet::Sheet;
use super::table::Table;
use super::ImportError;
use crate::model::{Change, Dependency, RiskLevel};

/// Columns of a changes file (`not_before` and `risk` may follow).
pub const CHANGE_COLUMNS: [&str; 5] = ["id", "title", "release", "component", "duration_days"];
/// Columns of a dependencies file.
pub const DEPENDENCY_COLUMNS: [&str; 3] = ["before", "after", "lag_days"];

/// A parsed change row.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    /// Line in the file.
    pub line: u64,
    /// The change; `components` holds the ids of the `component` cell.
    pub change: Change,
}

/// A parsed dependency row.
#[derive(Debug, Clone, PartialEq)]
pub struct DependencyRow {
    /// Line in the file.
    pub line: u64,
    /// The dependency.
    pub dependency: Dependency,
}

/// Parses `id,title,release,component,duration_days`. The component cell may
/// name several components separated by `;`. An id may appear only once.
pub fn parse_changes(file: &str, input: impl Read) -> Result<Vec<ChangeRow>, ImportError> {
    read_changes(&Sheet::from_csv(file, input)?)
}

/// [`parse_changes`] of a sheet already read.
pub fn read_changes(sheet: &Sheet) -> Result<Vec<ChangeRow>, ImportError> {
    let table = Table::new(sheet, &CHANGE_COLUMNS)?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for row in table.rows() {
        let change = Change {
            id: row.text("id").to_owned(),
            title: row.text("title").to_owned(),
            release: row.optional("release"),
            components: row
                .text("component")
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect(),
            duration_days: row.days("duration_days", None)?,
            // Optional columns, written by `export --format csv`.
            not_before: row.optional("not_before").map(|_| row.date("not_before")).transpose()?,
            risk: row
                .optional("risk")
                .map(|text| {
                    RiskLevel::parse(&text.to_lowercase())
                        .ok_or_else(|| row.error("risk", format!("{text:?} is not low, medium or high")))
                })
                .transpose()?,
        };
        change.validate().map_err(|e| row.invalid(e))?;
        if let Some(release) = &change.release {
            crate::model::check_id("release", release).map_err(|e| row.invalid(e))?;
        }
        if let Some(first) = seen.insert(change.id.clone(), row.line) {
            return Err(row.error("id", format!("{} is already on line {first}", change.id)));
        }
        out.push(ChangeRow { line: row.line, change });
    }
    Ok(out)
}

/// Parses `before,after,lag_days`; an empty lag means 0 days.
pub fn parse_dependencies(file: &str, input: impl Read) -> Result<Vec<DependencyRow>, ImportError> {
    read_dependencies(&Sheet::from_csv(file, input)?)
}

/// [`parse_dependencies`] of a sheet already read.
pub fn read_dependencies(sheet: &Sheet) -> Result<Vec<DependencyRow>, ImportError> {
    let table = Table::new(sheet, &DEPENDENCY_COLUMNS)?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for row in table.rows() {
        let dependency = Dependency {
            before: row.text("before").to_owned(),
            after: row.text("after").to_owned(),
            lag_days: row.days("lag_days", Some(0))?,
        };
        dependency.validate().map_err(|e| row.invalid(e))?;
        let pair = (dependency.before.clone(), dependency.after.clone());
        if let Some(first) = seen.insert(pair, row.line) {
            return Err(
                row.error("after", format!("{} → {} is already on line {first}", dependency.before, dependency.after))
            );
        }
        out.push(DependencyRow { line: row.line, dependency });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_parse_with_several_components_and_bad_days_are_placed() {
        let csv = "id,title,release,component,duration_days\nch1,\"Fix, then ship\",r1,api; db,4\nch2,Tidy,,,0\n";
        let rows = parse_changes("changes.csv", csv.as_bytes()).unwrap_or_default();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].change.components, ["api", "db"]);
        assert_eq!(rows[1].change.release, None);
        let bad = "id,title,release,component,duration_days\nch1,A,r1,api,4\nch2,B,r1,api,-2\n";
        let e = parse_changes("changes.csv", bad.as_bytes()).err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("changes.csv:3: duration_days: \"-2\" is not a whole number of days from 0 to 3650")
        );
    }

    #[test]
    fn a_dependency_on_itself_or_twice_is_refused_at_its_line() {
        let csv = "before,after,lag_days\na,b,\nb,b,1\n";
        let e = parse_dependencies("deps.csv", csv.as_bytes()).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("deps.csv:3: after: an item cannot depend on itself"));
        let twice = "before,after,lag_days\na,b,1\na,b,2\n";
        let e = parse_dependencies("deps.csv", twice.as_bytes()).err().map(|e| (e.line, e.field));
        assert_eq!(e, Some((3, Some("after".to_owned()))));
    }
}
