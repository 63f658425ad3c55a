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

/// What an edit of a record means for the rest of the workspace, worked out
/// from the typed record before and after it (never from its JSON).
#[derive(Debug, Default)]
pub struct Consequences {
    /// Releases whose decisions were made on something that changed, and why.
    pub stale: Vec<Stale>,
    /// Which releases' requirements the approval rules must derive again.
    pub rules: Rules,
    /// A release moves to "scheduled": its approvals must all be in.
    pub scheduling: Option<String>,
}

/// Decisions made stale by an edit.
#[derive(Debug)]
pub enum Stale {
    /// The decisions of this release.
    Release {
        /// The release.
        release: String,
        /// What changed, in plain words.
        reason: String,
    },
    /// The decisions of the release this change or release is or belongs to.
    Around {
        /// A change or release id.
        item: String,
        /// What changed, in plain words.
        reason: String,
    },
}

/// Which requirements the rules must derive again after an edit.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub enum Rules {
    /// None: the edit touched nothing the rules read.
    #[default]
    Unaffected,
    /// Those of these releases only.
    Releases(Vec<String>),
    /// Every open release's.
    All,
}

impl Rules {
    /// Both needs at once.
    pub fn and(self, other: Rules) -> Rules {
        match (self, other) {
            (Rules::All, _) | (_, Rules::All) => Rules::All,
            (Rules::Unaffected, x) | (x, Rules::Unaffected) => x,
            (Rules::Releases(mut a), Rules::Releases(b)) => {
                for id in b {
                    if !a.contains(&id) {
                        a.push(id);
                    }
                }
                // Past a few dozen releases, deriving them all is as quick.
                if a.len() > 64 {
                    Rules::All
                } else {
                    Rules::Releases(a)
                }
            }
        }
    }
}

/// A graph an edit may have closed a cycle in.
#[derive(Debug)]
pub enum CycleCheck {
    /// The reporting lines, from this person up through their managers.
    Reporting {
        /// The person whose manager changed.
        person: String,
    },
    /// Every reporting line (after a bulk write); the cycle is named from
    /// `anchor` when it passes through it.
    AllReporting {
        /// Where to start naming the cycle.
        anchor: Option<String>,
    },
    /// The plan: dependencies and releases' links to their changes; the
    /// cycle is named from `anchor` when it passes through it.
    Plan {
        /// Where to start naming the cycle.
        anchor: Option<String>,
    },
}

/// What an edit did to a record, for the History panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// It was added.
    Create,
    /// It was changed.
    Update,
    /// It was removed.
    Delete,
}

impl Action {
    /// As the audit log stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
}

/// "Added person Ada (p1)", "Edited …", "Deleted …".
pub fn default_history_line<R: Record>(record: &R, action: Action, person: &dyn Fn(&str) -> String) -> String {
    let verb = match action {
        Action::Create => "Added",
        Action::Update => "Edited",
        Action::Delete => "Deleted",
    };
    format!("{verb} {} {}", R::ENTITY, record.words(person))
}

/// A name and id for the History panel: "Name (id)", or the id alone.
pub(super) fn named(name: &str, id: &str) -> String {
    if name.is_empty() || name == id {
        id.to_owned()
    } else {
        format!("{name} ({id})")
    }
}

/// A domain type stored as one row.
pub trait Record: Serialize + PartialEq + Sized {
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
    /// Never edited nor deleted once written (decisions): the history of
    /// what was decided stays whole.
    const IMMUTABLE: bool = false;
    /// Dependencies naming it go when it goes (changes and releases).
    const DEPENDED_ON: bool = false;
    /// The records it names.
    fn references(&self) -> Vec<Reference> {
        Vec::new()
    }
    /// What changing it from `before` to `after` (`None`: created, or
    /// deleted) means beyond its row; nothing unless it says so.
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        let _ = (before, after);
        Consequences::default()
    }
    /// The graph to check for a cycle after saving it over `before`, when
    /// the edit could have closed one.
    fn cycle_check(before: Option<&Self>, after: &Self) -> Option<CycleCheck> {
        let _ = (before, after);
        None
    }
    /// How the History panel names it; `person` gives a person's name.
    fn words(&self, person: &dyn Fn(&str) -> String) -> String {
        let _ = person;
        self.label()
    }
    /// The History panel's line for `action` on it.
    fn history_line(&self, action: Action, person: &dyn Fn(&str) -> String) -> String {
        default_history_line(self, action, person)
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
