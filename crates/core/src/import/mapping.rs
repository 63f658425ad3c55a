//! Another file's headers read as ours: `--map FIELD=COLUMN,…` names, for
//! each field of the kind imported, the file's column that holds it. The
//! file's header line is rewritten (mapped columns take their field's name,
//! a column already named like a mapped field is set aside) and the rest of
//! the file is read as it is, so every error still names the file's own
//! line.

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

    /// The file with its header line rewritten so that the kind's parser,
    /// which wants the columns `fields`, reads the mapped columns. A field
    /// the kind does not have, or a column the file does not have, is
    /// refused naming it.
    pub fn apply(&self, file: &str, fields: &[&str], input: &[u8]) -> Result<Vec<u8>, ImportError> {
        if self.is_empty() {
            return Ok(input.to_vec());
        }
        let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(input);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| ImportError::new(file, 1, None, e.to_string()))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
            .collect();
        let body_starts = usize::try_from(reader.position().byte()).unwrap_or(input.len()).min(input.len());
        let mut renamed = headers.clone();
        for (field, column) in &self.pairs {
            if !fields.contains(&field.as_str()) {
                return Err(ImportError::new(
                    file,
                    1,
                    Some(field),
                    format!("--map names no field of this kind; its fields are {}", fields.join(",")),
                ));
            }
            let Some(at) = headers.iter().position(|h| h == column) else {
                return Err(ImportError::new(
                    file,
                    1,
                    Some(field),
                    format!("--map names the column \"{column}\", which the header does not have"),
                ));
            };
            // A column named like the field but not the one mapped is set aside.
            for (i, name) in renamed.iter_mut().enumerate() {
                if i != at && name == field {
                    *name = format!("(unmapped {name})");
                }
            }
            renamed[at] = field.clone();
        }
        let mut out = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        out.write_record(&renamed).map_err(|e| ImportError::new(file, 1, None, e.to_string()))?;
        let mut out = out.into_inner().map_err(|e| ImportError::new(file, 1, None, e.to_string()))?;
        // The body as it was: a header written on one line keeps every line number.
        out.extend_from_slice(&input[body_starts..]);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{parse_people, PEOPLE_COLUMNS};

    #[test]
    fn mapped_columns_are_read_as_their_fields_and_errors_keep_the_files_lines() {
        let csv = "Employee ID,Full name,Job,Dept,Boss\ne1,Ann,CIO,,\ne2,Bo,QA,,e1\n";
        let map =
            ColumnMap::parse("id=Employee ID, name=Full name,title=Job,team=Dept,manager=Boss").unwrap_or_default();
        let rows =
            parse_people("hr.csv", map.apply("hr.csv", &PEOPLE_COLUMNS, csv.as_bytes()).unwrap_or_default().as_slice());
        let rows = rows.unwrap_or_default();
        assert_eq!(
            rows.iter().map(|r| (r.person.id.as_str(), r.person.manager.as_deref())).collect::<Vec<_>>(),
            [("e1", None), ("e2", Some("e1"))]
        );
        assert_eq!(rows.last().map(|r| r.line), Some(3));

        let bad = "Employee ID,Full name,Job,Dept,Boss\ne1,,CIO,,\n";
        let e =
            parse_people("hr.csv", map.apply("hr.csv", &PEOPLE_COLUMNS, bad.as_bytes()).unwrap_or_default().as_slice())
                .err();
        assert_eq!(e.map(|e| (e.line, e.field)), Some((2, Some("name".to_owned()))));
    }

    #[test]
    fn an_unknown_field_or_column_is_refused_naming_it() {
        let csv = "a,b\n1,2\n";
        let field =
            ColumnMap::parse("nope=a").unwrap_or_default().apply("x.csv", &PEOPLE_COLUMNS, csv.as_bytes()).err();
        assert_eq!(field.map(|e| e.field), Some(Some("nope".to_owned())));
        let column =
            ColumnMap::parse("name=Zed").unwrap_or_default().apply("x.csv", &PEOPLE_COLUMNS, csv.as_bytes()).err();
        assert!(column.is_some_and(|e| e.message.contains("\"Zed\"")));
        assert!(ColumnMap::parse("name").is_err());
        assert!(ColumnMap::parse("name=a,name=b").is_err());
    }
}
