//! A CSV table read with named, required columns and line-aware errors.

use std::collections::HashMap;
use std::io::Read;

use super::ImportError;
use crate::ValidationError;

/// The longest cell an import accepts: names, titles, sources and notes are
/// short; a longer cell is a wrong file or a hostile one.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// The rows of one CSV file, checked against the columns it must have.
pub(crate) struct Table {
    file: String,
    columns: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

/// One row, with the means to read its fields by column name.
pub(crate) struct Row<'t> {
    table: &'t Table,
    /// 1-based line number where the row starts.
    pub line: u64,
    record: &'t csv::StringRecord,
}

impl Table {
    /// Reads all rows; the header must name every one of `required`.
    pub(crate) fn read(file: &str, input: impl Read, required: &[&str]) -> Result<Table, ImportError> {
        let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(input);
        let headers = reader
            .headers()
            .map_err(|e| csv_error(file, &e))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
            .collect::<Vec<_>>();
        let columns: HashMap<String, usize> = headers.iter().enumerate().map(|(i, h)| (h.clone(), i)).collect();
        for column in required {
            if !columns.contains_key(*column) {
                return Err(ImportError::new(
                    file,
                    1,
                    Some(column),
                    format!("missing column; the header must be {}", required.join(",")),
                ));
            }
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let line = record.position().map_or(0, |p| p.line());
            if let Some(at) = record.iter().position(|cell| cell.len() > MAX_CELL_BYTES) {
                let column = headers.get(at).map_or("?", String::as_str);
                let size = record.get(at).map_or(0, str::len);
                return Err(ImportError::new(
                    file,
                    line,
                    Some(column),
                    format!("a cell of {size} bytes; a cell may hold at most {MAX_CELL_BYTES} bytes"),
                ));
            }
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            rows.push((line, record));
        }
        Ok(Table { file: file.to_owned(), columns, rows })
    }

    /// The rows, in file order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, record)| Row { table: self, line: *line, record })
    }
}

impl Row<'_> {
    /// The trimmed text of a column (empty when absent).
    pub(crate) fn text(&self, column: &str) -> &str {
        self.table.columns.get(column).and_then(|&i| self.record.get(i)).map_or("", str::trim)
    }

    /// The text, or `None` when empty.
    pub(crate) fn optional(&self, column: &str) -> Option<String> {
        Some(self.text(column)).filter(|s| !s.is_empty()).map(str::to_owned)
    }

    /// An error at this row.
    pub(crate) fn error(&self, column: &str, message: impl Into<String>) -> ImportError {
        ImportError::new(&self.table.file, self.line, Some(column), message)
    }

    /// A validation error, placed at this row.
    pub(crate) fn invalid(&self, e: ValidationError) -> ImportError {
        self.error(&e.field, e.message)
    }

    /// A number, or `default` when the cell is empty.
    pub(crate) fn number(&self, column: &str, default: Option<f64>) -> Result<f64, ImportError> {
        let text = self.text(column);
        match (text.is_empty(), default) {
            (true, Some(d)) => Ok(d),
            (true, None) => Err(self.error(column, "is required")),
            _ => text
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| self.error(column, format!("{text:?} is not a number"))),
        }
    }

    /// A whole number of days from 0 to 3650, or `default` when empty.
    pub(crate) fn days(&self, column: &str, default: Option<u32>) -> Result<u32, ImportError> {
        let text = self.text(column);
        match (text.is_empty(), default) {
            (true, Some(d)) => Ok(d),
            (true, None) => Err(self.error(column, "is required")),
            _ => text
                .parse::<u32>()
                .ok()
                .filter(|&v| v <= 3650)
                .ok_or_else(|| self.error(column, format!("{text:?} is not a whole number of days from 0 to 3650"))),
        }
    }

    /// A date `YYYY-MM-DD`.
    pub(crate) fn date(&self, column: &str) -> Result<chrono::NaiveDate, ImportError> {
        let text = self.text(column);
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| self.error(column, format!("{text:?} is not a date like 2026-03-31")))
    }
}

fn csv_error(file: &str, e: &csv::Error) -> ImportError {
    let line = e.position().map_or(0, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text".to_owned(),
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("has {len} fields where the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    ImportError::new(file, line, None, message)
}
