//! A table as an import reads it: a header and rows of text, each row with
//! the line (CSV) or row (spreadsheet) number the user sees. CSV files are
//! read with the `csv` crate; .xlsx, .xlsm, .xls and .ods workbooks with
//! calamine, cells turned into the text a CSV file would hold (dates as
//! `YYYY-MM-DD`, whole numbers without a decimal point).

use std::io::Cursor;

use calamine::{Data, DataType, Reader};

use super::ImportError;

/// The longest cell an import accepts: names, titles, sources and notes are
/// short; a longer cell is a wrong file or a hostile one.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// The spreadsheet formats read, by file name ending.
const WORKBOOK_ENDINGS: [&str; 4] = [".xlsx", ".xlsm", ".xls", ".ods"];

/// A table read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The file as the user named it (with the sheet, for a workbook).
    pub file: String,
    /// The header's cells, trimmed.
    pub headers: Vec<String>,
    /// The rows that hold something, in file order.
    pub rows: Vec<SheetRow>,
}

/// One row of a [`Sheet`].
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// 1-based line (CSV) or row (spreadsheet) number; 1 is the header.
    pub line: u64,
    /// The cells, trimmed, as many as the header has.
    pub cells: csv::StringRecord,
}

impl Sheet {
    /// Whether a file of this name is read as a spreadsheet.
    pub fn is_workbook(file: &str) -> bool {
        let lower = file.to_lowercase();
        WORKBOOK_ENDINGS.iter().any(|e| lower.ends_with(e))
    }

    /// Reads a CSV file, or the sheet `sheet` (default: the first) of a
    /// spreadsheet, by the file name's ending.
    pub fn read(file: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, ImportError> {
        if Sheet::is_workbook(file) {
            // A damaged or hostile workbook is refused, never a crash: should
            // the reader panic on it, that is caught here and said.
            std::panic::catch_unwind(|| Sheet::from_workbook(file, bytes, sheet)).unwrap_or_else(|_| {
                Err(ImportError::new(file, 0, None, "is damaged: the spreadsheet reader could not make sense of it"))
            })
        } else if let Some(sheet) = sheet {
            Err(ImportError::new(file, 0, None, format!("--sheet {sheet}: a CSV file has no sheets")))
        } else {
            Sheet::from_csv(file, bytes)
        }
    }

    /// The sheets of a spreadsheet, in order; none for a CSV file.
    pub fn sheet_names(file: &str, bytes: &[u8]) -> Result<Vec<String>, ImportError> {
        if !Sheet::is_workbook(file) {
            return Ok(Vec::new());
        }
        let book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
            .map_err(|e| ImportError::new(file, 0, None, format!("is not a spreadsheet Greychart can read: {e}")))?;
        Ok(book.sheet_names())
    }

    /// Reads a CSV file: every row must have as many cells as the header.
    pub fn from_csv(file: &str, input: impl std::io::Read) -> Result<Sheet, ImportError> {
        let mut reader =
            csv::ReaderBuilder::new().has_headers(true).flexible(false).trim(csv::Trim::All).from_reader(input);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(file, &e))?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
            .collect();
        let mut sheet = Sheet { file: file.to_owned(), headers, rows: Vec::new() };
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(csv_error(file, &e)),
            }
            let line = record.position().map_or(0, |p| p.line());
            sheet.push(line, std::mem::take(&mut record))?;
        }
        Ok(sheet)
    }

    /// Reads one sheet of a workbook; its first non-empty row is the header.
    fn from_workbook(file: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, ImportError> {
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
            .map_err(|e| ImportError::new(file, 0, None, format!("is not a spreadsheet Greychart can read: {e}")))?;
        let names = book.sheet_names();
        let name = match sheet {
            Some(wanted) => names.iter().find(|n| *n == wanted).cloned().ok_or_else(|| {
                ImportError::new(
                    file,
                    0,
                    None,
                    format!("has no sheet \"{wanted}\"; its sheets are {}", names.join(", ")),
                )
            })?,
            None => names.first().cloned().ok_or_else(|| ImportError::new(file, 0, None, "has no sheets"))?,
        };
        let label = if names.len() > 1 { format!("{file} [{name}]") } else { file.to_owned() };
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ImportError::new(&label, 0, None, format!("cannot be read: {e}")))?;
        let first_row = u64::from(range.start().map_or(0, |(row, _)| row)) + 1;
        let first_col = range.start().map_or(0, |(_, col)| col) as usize;
        let mut rows = range.rows().enumerate().map(|(i, cells)| (first_row + i as u64, cells));
        let mut sheet = Sheet { file: label, headers: Vec::new(), rows: Vec::new() };
        for (_, cells) in rows.by_ref() {
            if cells.iter().any(|c| !c.is_empty()) {
                // Columns left of the used range are empty in every row.
                sheet.headers = std::iter::repeat_n(String::new(), first_col)
                    .chain(cells.iter().map(|c| text(c).trim().to_owned()))
                    .collect();
                break;
            }
        }
        while sheet.headers.last().is_some_and(String::is_empty) {
            sheet.headers.pop();
        }
        let width = sheet.headers.len();
        for (line, cells) in rows {
            let mut record = csv::StringRecord::new();
            for _ in 0..first_col {
                record.push_field("");
            }
            for cell in cells.iter().take(width.saturating_sub(first_col)) {
                record.push_field(text(cell).trim());
            }
            while record.len() < width {
                record.push_field("");
            }
            sheet.push(line, record)?;
        }
        Ok(sheet)
    }

    /// Keeps a row that holds something; refuses one with an oversized cell.
    fn push(&mut self, line: u64, cells: csv::StringRecord) -> Result<(), ImportError> {
        if let Some(at) = cells.iter().position(|cell| cell.len() > MAX_CELL_BYTES) {
            let column = self.headers.get(at).map_or("?", String::as_str);
            let size = cells.get(at).map_or(0, str::len);
            return Err(ImportError::new(
                &self.file,
                line,
                Some(column),
                format!("a cell of {size} bytes; a cell may hold at most {MAX_CELL_BYTES} bytes"),
            ));
        }
        if cells.iter().any(|f| !f.is_empty()) {
            self.rows.push(SheetRow { line, cells });
        }
        Ok(())
    }

    /// The positions of every column with this header (Jira repeats a
    /// header once per value).
    pub fn columns(&self, header: &str) -> Vec<usize> {
        self.headers.iter().enumerate().filter(|(_, h)| h.as_str() == header).map(|(i, _)| i).collect()
    }

    /// The same header with only the rows `range` (a preview's rows).
    pub fn slice(&self, range: std::ops::Range<usize>) -> Sheet {
        let end = range.end.min(self.rows.len());
        let start = range.start.min(end);
        Sheet { file: self.file.clone(), headers: self.headers.clone(), rows: self.rows[start..end].to_vec() }
    }
}

/// A cell as a CSV file would hold it.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_lines_and_skip_empty_ones() {
        let sheet = Sheet::read("p.csv", "\u{feff}id , name\n a,Ann \n,\nb,Bo\n".as_bytes(), None);
        let sheet = sheet.unwrap_or_else(|_| Sheet { file: String::new(), headers: Vec::new(), rows: Vec::new() });
        assert_eq!(sheet.headers, ["id", "name"]);
        assert_eq!(sheet.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(sheet.rows.first().and_then(|r| r.cells.get(1)), Some("Ann"));
    }

    #[test]
    fn a_short_row_or_a_sheet_of_a_csv_file_is_refused() {
        let e = Sheet::read("p.csv", "id,name\na\n".as_bytes(), None).err();
        assert_eq!(e.map(|e| e.line), Some(2));
        assert!(Sheet::read("p.csv", b"id\n", Some("People")).is_err());
        let e = Sheet::read("p.xlsx", b"not a zip", None).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("not a spreadsheet")));
    }
}
