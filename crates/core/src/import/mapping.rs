//! Another file's headers read as ours: `--map FIELD=COLUMN,…` (or the
//! window's mapping) names, for each field of the kind imported, the file's
//! column that holds it. The mapped sheet has one column per field and
//! keeps every row's line, so every error still names the file's own line.

use super::kind::ImportKind;
use super::sheet::{Sheet, SheetRow};
use super::ImportError;

/// Which column of a file holds which field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    /// (field, column), in the order given.
    pairs: Vec<(String, String)>,
}

impl ColumnMap {
    /// Reads `FIELD=COLUMN,FIELD=COLUMN`; a pair without `=`, an empty side
    /// or a field named twice is refused, naming it.
    pub fn parse(text: &str) -> Result<ColumnMap, String> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
            let Some((field, column)) = pair.split_once('=') else {
                return Err(format!("--map: \"{pair}\" is not FIELD=COLUMN"));
            };
            let (field, column) = (field.trim(), column.trim());
            if field.is_empty() || column.is_empty() {
                return Err(format!("--map: \"{pair}\" is not FIELD=COLUMN"));
            }
            if pairs.iter().any(|(f, _)| f == field) {
                return Err(format!("--map: the field {field} is mapped twice"));
            }
            pairs.push((field.to_owned(), column.to_owned()));
        }
        Ok(ColumnMap { pairs })
    }

    /// Whether nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The (field, column) pairs, in the order given.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// A map of these (field, column) pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> ColumnMap {
        ColumnMap { pairs: pairs.into_iter().collect() }
    }

    /// The column proposed for each field of `kind`: the field's own name,
    /// or a header that names it another way ("Full name", "Issue key",
    /// "Fix Version/s"), compared without case, spaces or punctuation.
    pub fn propose(kind: ImportKind, headers: &[String]) -> ColumnMap {
        let mut taken: Vec<&str> = Vec::new();
        let mut pairs = Vec::new();
        for field in kind.fields() {
            let names = std::iter::once(field.name.as_str()).chain(synonyms(kind, &field.name).iter().copied());
            let found = names
                .flat_map(|name| headers.iter().filter(move |h| squash(h) == squash(name)))
                .find(|h| !taken.contains(&h.as_str()));
            if let Some(header) = found {
                taken.push(header);
                pairs.push((field.name.clone(), header.clone()));
            }
        }
        ColumnMap { pairs }
    }

    /// The sheet with one column per field of `kind`, in the import
    /// format's order: a mapped field reads its column (every column of
    /// that header, for a list field; the first value otherwise), an
    /// unmapped one the column of its own name, else its default. A field
    /// or column the map names that does not exist, or a required field
    /// no column holds, is refused naming it. Rows keep their lines.
    pub fn map(&self, kind: ImportKind, sheet: &Sheet) -> Result<Sheet, ImportError> {
        let fields = kind.fields();
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        let mut sources: Vec<Vec<usize>> = Vec::with_capacity(fields.len());
        for (field, column) in &self.pairs {
            if !names.contains(&field.as_str()) {
                return Err(ImportError::new(
                    &sheet.file,
                    1,
                    Some(field),
                    format!("the map names no field of {}; its fields are {}", kind.words(), names.join(",")),
                ));
            }
            if !column.is_empty() && sheet.columns(column).is_empty() {
                return Err(ImportError::new(
                    &sheet.file,
                    1,
                    Some(field),
                    format!("the map names the column \"{column}\", which the header does not have"),
                ));
            }
        }
        for field in &fields {
            // An empty column says the field is not in the file.
            let column = self.pairs.iter().find(|(f, _)| *f == field.name).map_or(field.name.as_str(), |(_, c)| c);
            let at = if column.is_empty() { Vec::new() } else { sheet.columns(column) };
            if at.is_empty() && field.required {
                return Err(ImportError::new(
                    &sheet.file,
                    1,
                    Some(&field.name),
                    format!("no column holds it: map it to one of {}", sheet.headers.join(", ")),
                ));
            }
            sources.push(at);
        }
        let mut rows = Vec::with_capacity(sheet.rows.len());
        for row in &sheet.rows {
            let mut cells = csv::StringRecord::with_capacity(256, fields.len());
            for (field, at) in fields.iter().zip(&sources) {
                let mut values = at.iter().filter_map(|&i| row.cells.get(i)).filter(|v| !v.is_empty());
                if at.is_empty() {
                    cells.push_field(kind.default_of(&field.name));
                } else if field.list {
                    cells.push_field(&values.collect::<Vec<_>>().join(";"));
                } else {
                    cells.push_field(values.next().unwrap_or(""));
                }
            }
            rows.push(SheetRow { line: row.line, cells });
        }
        Ok(Sheet { file: sheet.file.clone(), headers: names.iter().map(|n| (*n).to_owned()).collect(), rows })
    }
}

/// A header compared without case, spaces or punctuation.
fn squash(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Other names a field goes by in the files people have (HR exports,
/// Jira, ServiceNow, hand-made sheets).
fn synonyms(kind: ImportKind, field: &str) -> &'static [&'static str] {
    match (kind, field) {
        (ImportKind::People, "id") => &["employee id", "employee number", "person id", "staff id", "login"],
        (ImportKind::People, "name") => &["full name", "display name", "employee name", "person"],
        (ImportKind::People, "title") => &["job title", "position", "job", "role"],
        (ImportKind::People, "team") => &["department", "dept", "group", "team name", "unit"],
        (ImportKind::People, "manager") => &["manager id", "reports to", "line manager", "supervisor", "boss"],
        (ImportKind::Changes, "id") => &["issue key", "key", "number", "change id"],
        (ImportKind::Changes, "title") => &["summary", "short description", "name"],
        (ImportKind::Changes, "release") => &["fix version/s", "fix versions", "fix version", "version"],
        (ImportKind::Changes, "component") => &["component/s", "components", "configuration item"],
        (ImportKind::Changes, "duration_days") => &["duration", "days", "estimate days"],
        (ImportKind::Changes, "not_before") => &["planned start date", "start date", "earliest start"],
        (_, "starts_on") => &["start", "start date", "from date", "first day"],
        (_, "ends_on") => &["end", "end date", "to date", "last day"],
        (ImportKind::Releases, "window_start") => &["start", "start date", "planned start", "release date"],
        (ImportKind::Releases, "window_end") => &["end", "end date", "planned end"],
        (ImportKind::Components | ImportKind::Services, "owner" | "business_owner") => &["owner id", "owner"],
        (ImportKind::Components, "owner_team") => &["team", "owning team"],
        (ImportKind::Dependencies, "before") => &["predecessor", "blocker", "from"],
        (ImportKind::Dependencies, "after") => &["successor", "blocked", "to"],
        (ImportKind::Dependencies, "lag_days") => &["lag"],
        (_, "person") => &["person id", "employee id", "who"],
        (_, "note") => &["notes", "comment", "comments"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{parse, Parsed};

    fn sheet(text: &str) -> Sheet {
        Sheet::from_csv("hr.csv", text.as_bytes()).unwrap_or_else(|_| Sheet {
            file: String::new(),
            headers: Vec::new(),
            rows: Vec::new(),
        })
    }

    #[test]
    fn mapped_columns_are_read_as_their_fields_and_errors_keep_the_files_lines() {
        let hr = sheet("Employee ID,Full name,Job,Dept,Boss\ne1,Ann,CIO,,\ne2,Bo,QA,,e1\n");
        let map =
            ColumnMap::parse("id=Employee ID, name=Full name,title=Job,team=Dept,manager=Boss").unwrap_or_default();
        let rows = map.map(ImportKind::People, &hr).and_then(|s| parse(ImportKind::People, &s));
        let Ok(Parsed::People(rows)) = rows else { panic!("{rows:?}") };
        assert_eq!(
            rows.iter().map(|r| (r.person.id.as_str(), r.person.manager.as_deref())).collect::<Vec<_>>(),
            [("e1", None), ("e2", Some("e1"))]
        );
        assert_eq!(rows.last().map(|r| r.line), Some(3));

        let bad = sheet("Employee ID,Full name,Job,Dept,Boss\ne1,,CIO,,\n");
        let e = map.map(ImportKind::People, &bad).and_then(|s| parse(ImportKind::People, &s)).err();
        assert_eq!(e.map(|e| (e.line, e.field)), Some((2, Some("name".to_owned()))));
    }

    #[test]
    fn an_unknown_field_or_column_or_an_unmapped_required_field_is_refused_naming_it() {
        let ab = sheet("a,b\n1,2\n");
        let field = ColumnMap::parse("nope=a").unwrap_or_default().map(ImportKind::People, &ab).err();
        assert_eq!(field.map(|e| e.field), Some(Some("nope".to_owned())));
        let column = ColumnMap::parse("name=Zed").unwrap_or_default().map(ImportKind::People, &ab).err();
        assert!(column.is_some_and(|e| e.message.contains("\"Zed\"")));
        let required = ColumnMap::parse("id=a").unwrap_or_default().map(ImportKind::People, &ab).err();
        assert_eq!(required.map(|e| e.field), Some(Some("name".to_owned())));
        assert!(ColumnMap::parse("name").is_err());
        assert!(ColumnMap::parse("name=a,name=b").is_err());
    }

    #[test]
    fn a_proposal_finds_fields_by_other_names_and_repeated_headers_join_into_a_list() {
        let jira = sheet("Summary,Issue key,Fix Version/s,Component/s,Component/s\nLogin,PAY-1,v1,api,db\n");
        let map = ColumnMap::propose(ImportKind::Changes, &jira.headers);
        assert_eq!(
            map.pairs(),
            [
                ("id".to_owned(), "Issue key".to_owned()),
                ("title".to_owned(), "Summary".to_owned()),
                ("release".to_owned(), "Fix Version/s".to_owned()),
                ("component".to_owned(), "Component/s".to_owned()),
            ]
        );
        let mapped = map.map(ImportKind::Changes, &jira).and_then(|s| parse(ImportKind::Changes, &s));
        let Ok(Parsed::Changes(rows)) = mapped else { panic!("{mapped:?}") };
        assert_eq!(
            rows.first().map(|r| (r.change.components.clone(), r.change.duration_days)),
            Some((vec!["api".to_owned(), "db".to_owned()], 1))
        );
    }
}
