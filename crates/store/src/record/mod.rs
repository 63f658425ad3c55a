//! How each domain type maps to its table. A `Record` names its table and
//! columns (key columns first), turns itself into SQL values and back, and
//! lists the records it refers to so that writes can name a dangling id.

use chrono::NaiveDate;
use greychart_core::ValidationError;
use rusqlite::types::{Type, Value};
use rusqlite::Row;
use serde::Serialize;

mod grey;
mod plan;

/// A reference from one record to another, checked before every write.
pub struct Reference {
    /// The field holding the id.
    pub field: &'static str,
    /// Tables where the id may live (a dependency may name a change or a release).
    pub tables: &'static [&'static str],
    /// The id.
    pub id: String,
}

/// A domain type stored as one row.
pub trait Record: Serialize + Sized {
    /// Its name in messages and the audit log.
    const ENTITY: &'static str;
    /// Its table.
    const TABLE: &'static str;
    /// Its columns; the first `KEY_COLUMNS` form the primary key.
    const COLUMNS: &'static [&'static str];
    /// How many leading columns form the key.
    const KEY_COLUMNS: usize = 1;
    /// Its values, in column order.
    fn values(&self) -> Vec<Value>;
    /// Reads it back from a row selected with `COLUMNS`.
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
    /// Checks its fields.
    fn validate(&self) -> Result<(), ValidationError>;
    /// The records it names.
    fn references(&self) -> Vec<Reference> {
        Vec::new()
    }
    /// Its key, for messages and the audit log.
    fn label(&self) -> String {
        self.values()[..Self::KEY_COLUMNS]
            .iter()
            .map(|v| match v {
                Value::Text(s) => s.clone(),
                other => format!("{other:?}"),
            })
            .collect::<Vec<_>>()
            .join("→")
    }
}

pub(super) fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}
pub(super) fn optional(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::Text(s.clone()))
}
pub(super) fn date(d: NaiveDate) -> Value {
    Value::Text(d.format("%Y-%m-%d").to_string())
}
pub(super) fn optional_date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, date)
}
pub(super) fn list(items: &[String]) -> Value {
    Value::Text(serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned()))
}
pub(super) fn reference(field: &'static str, tables: &'static [&'static str], id: &str) -> Reference {
    Reference { field, tables, id: id.to_owned() }
}

pub(super) fn conversion(i: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, Type::Text, message.into())
}
fn get_enum<E>(row: &Row<'_>, i: usize, parse: fn(&str) -> Option<E>) -> rusqlite::Result<E> {
    let s: String = row.get(i)?;
    parse(&s).ok_or_else(|| conversion(i, format!("unknown value {s:?}")))
}
pub(super) fn get_list(row: &Row<'_>, i: usize) -> rusqlite::Result<Vec<String>> {
    let s: String = row.get(i)?;
    serde_json::from_str(&s).map_err(|e| conversion(i, e.to_string()))
}
