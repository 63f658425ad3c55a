//! People and claims CSV.

use std::io::Read;

use super::sheet::Sheet;
use super::table::Table;
use super::ImportError;
use crate::model::{Claim, Person};

/// Columns of a people file.
pub const PEOPLE_COLUMNS: [&str; 5] = ["id", "name", "title", "team", "manager"];
/// Columns of a claims file.
pub const CLAIM_COLUMNS: [&str; 8] =
    ["from", "to", "strength", "confidence", "observed_on", "half_life_days", "source", "note"];

/// A parsed people row: the person (team still a name) and where it was.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    /// Line in the file.
    pub line: u64,
    /// The person; `team` holds the team's *name* as written in the file.
    pub person: Person,
}

/// A parsed claim row.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    /// Line in the file.
    pub line: u64,
    /// The claim, not yet numbered.
    pub claim: Claim,
}

/// Parses `id,name,title,team,manager`. Managers may be defined on later lines.
pub fn parse_people(file: &str, input: impl Read) -> Result<Vec<PersonRow>, ImportError> {
    read_people(&Sheet::from_csv(file, input)?)
}

/// [`parse_people`] of a sheet already read.
pub fn read_people(sheet: &Sheet) -> Result<Vec<PersonRow>, ImportError> {
    let table = Table::new(sheet, &PEOPLE_COLUMNS)?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for row in table.rows() {
        let person = Person {
            id: row.text("id").to_owned(),
            name: row.text("name").to_owned(),
            title: row.text("title").to_owned(),
            team: row.optional("team"),
            manager: row.optional("manager"),
        };
        person.validate().map_err(|e| row.invalid(e))?;
        if let Some(first) = seen.insert(person.id.clone(), row.line) {
            return Err(row.error("id", format!("{} is already on line {first}", person.id)));
        }
        out.push(PersonRow { line: row.line, person });
    }
    Ok(out)
}

/// Parses `from,to,strength,confidence,observed_on,half_life_days,source,note`;
/// empty confidence means 1.0 and empty half-life 365 days.
pub fn parse_claims(file: &str, input: impl Read) -> Result<Vec<ClaimRow>, ImportError> {
    read_claims(&Sheet::from_csv(file, input)?)
}

/// [`parse_claims`] of a sheet already read.
pub fn read_claims(sheet: &Sheet) -> Result<Vec<ClaimRow>, ImportError> {
    let table = Table::new(sheet, &CLAIM_COLUMNS)?;
    let mut out = Vec::new();
    for row in table.rows() {
        let claim = Claim {
            from: row.text("from").to_owned(),
            to: row.text("to").to_owned(),
            strength: row.number("strength", None)?,
            confidence: row.number("confidence", Some(1.0))?,
            observed_on: row.date("observed_on")?,
            half_life_days: row.number("half_life_days", Some(365.0))?,
            source: row.text("source").to_owned(),
            note: row.text("note").to_owned(),
            // Optional columns, written by `export --format csv --private`.
            id: row.text("id").to_owned(),
            recorded_by: row.text("recorded_by").to_owned(),
            retired: match row.text("retired") {
                "" | "false" => false,
                "true" => true,
                other => return Err(row.error("retired", format!("{other:?} is not true or false"))),
            },
        };
        claim.validate().map_err(|e| row.invalid(e))?;
        out.push(ClaimRow { line: row.line, claim });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_with_quotes_and_forward_managers_parse() {
        let csv = "id,name,title,team,manager\np1,\"Garcia, Jr.\",VP,Ops,p2\np2,Ann,CIO,Exec,\n";
        let rows = parse_people("people.csv", csv.as_bytes()).unwrap_or_default();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].person.name, "Garcia, Jr.");
        assert_eq!(rows[0].person.manager.as_deref(), Some("p2"));
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn a_bad_claim_names_file_line_and_field() {
        let csv = "from,to,strength,confidence,observed_on,half_life_days,source,note\n\
                   a,b,0.5,,2026-01-01,,,\n\
                   a,b,1.7,,2026-01-01,,,\n";
        let e = parse_claims("claims.csv", csv.as_bytes()).err();
        assert_eq!(
            e.map(|e| e.to_string()).unwrap_or_default(),
            "claims.csv:3: strength: must be between 0 and 1 (got 1.7)"
        );
    }

    #[test]
    fn defaults_apply_to_empty_confidence_and_half_life() {
        let csv = "from,to,strength,confidence,observed_on,half_life_days,source,note\na,b,0,,2026-01-01,,,\n";
        let rows = parse_claims("c.csv", csv.as_bytes()).unwrap_or_default();
        assert_eq!(rows.first().map(|r| (r.claim.confidence, r.claim.half_life_days)), Some((1.0, 365.0)));
    }

    #[test]
    fn a_missing_column_and_a_bad_date_are_reported() {
        let e = parse_people("p.csv", "id,name\n".as_bytes()).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("p.csv:1: title: missing column; the header must be id,name,title,team,manager"));
        let csv = "from,to,strength,confidence,observed_on,half_life_days,source,note\na,b,0.1,,31/12/2026,,,\n";
        let e = parse_claims("c.csv", csv.as_bytes()).err().map(|e| (e.line, e.field));
        assert_eq!(e, Some((2, Some("observed_on".to_owned()))));
    }

    #[test]
    fn a_ten_megabyte_cell_is_refused_at_its_line_and_column() {
        let note = "x".repeat(10 * 1024 * 1024);
        let csv = format!(
            "from,to,strength,confidence,observed_on,half_life_days,source,note\na,b,0.5,,2026-01-01,,,\na,b,0.5,,2026-01-01,,,{note}\n"
        );
        let e = parse_claims("claims.csv", csv.as_bytes()).err();
        let e = e.map(|e| (e.line, e.field, e.message.contains("at most 65536 bytes")));
        assert_eq!(e, Some((3, Some("note".to_owned()), true)));
    }
}
