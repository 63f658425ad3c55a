//! A sheet read with named, required columns and line-aware errors.

use std::collections::HashMap;

use super::sheet::{Sheet, SheetRow};
use super::ImportError;
use crate::ValidationError;

/// The rows of one sheet, checked against the columns it must have.
pub(crate) struct Table<'s> {
    sheet: &'s Sheet,
    columns: HashMap<&'s str, usize>,
}

/// One row, with the means to read its fields by column name.
pub(crate) struct Row<'t> {
    table: &'t Table<'t>,
    /// 1-based line number where the row starts.
    pub line: u64,
    record: &'t csv::StringRecord,
}

impl<'s> Table<'s> {
    /// The sheet's rows; its header must name every one of `required`.
    pub(crate) fn new(sheet: &'s Sheet, required: &[&str]) -> Result<Table<'s>, ImportError> {
        let mut columns = HashMap::new();
        for (i, h) in sheet.headers.iter().enumerate() {
            columns.entry(h.as_str()).or_insert(i);
        }
        for column in required {
            if !columns.contains_key(*column) {
                return Err(ImportError::new(
                    &sheet.file,
                    1,
                    Some(column),
                    format!("missing column; the header must be {}", required.join(",")),
                ));
            }
        }
        Ok(Table { sheet, columns })
    }

    /// The rows, in file order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.sheet.rows.iter().map(|SheetRow { line, cells }| Row { table: self, line: *line, record: cells })
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
        ImportError::new(&self.table.sheet.file, self.line, Some(column), message)
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
