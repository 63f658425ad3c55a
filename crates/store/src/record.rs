//! How each domain type maps to its table. A `Record` names its table and
//! columns (key columns first), turns itself into SQL values and back, and
//! lists the records it refers to so that writes can name a dangling id.

use chrono::NaiveDate;
use greychart_core::model::*;
use greychart_core::ValidationError;
use rusqlite::types::{Type, Value};
use rusqlite::Row;
use serde::Serialize;

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

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}
fn optional(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::Text(s.clone()))
}
fn date(d: NaiveDate) -> Value {
    Value::Text(d.format("%Y-%m-%d").to_string())
}
fn optional_date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, date)
}
fn list(items: &[String]) -> Value {
    Value::Text(serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned()))
}
fn reference(field: &'static str, tables: &'static [&'static str], id: &str) -> Reference {
    Reference { field, tables, id: id.to_owned() }
}

fn conversion(i: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, Type::Text, message.into())
}
fn get_enum<E>(row: &Row<'_>, i: usize, parse: fn(&str) -> Option<E>) -> rusqlite::Result<E> {
    let s: String = row.get(i)?;
    parse(&s).ok_or_else(|| conversion(i, format!("unknown value {s:?}")))
}
fn get_list(row: &Row<'_>, i: usize) -> rusqlite::Result<Vec<String>> {
    let s: String = row.get(i)?;
    serde_json::from_str(&s).map_err(|e| conversion(i, e.to_string()))
}

impl Record for Team {
    const ENTITY: &'static str = "team";
    const TABLE: &'static str = "teams";
    const COLUMNS: &'static [&'static str] = &["id", "name", "kind"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.name), text(self.kind.as_str())]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Team { id: r.get(0)?, name: r.get(1)?, kind: get_enum(r, 2, TeamKind::parse)? })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Team::validate(self)
    }
}

impl Record for Person {
    const ENTITY: &'static str = "person";
    const TABLE: &'static str = "people";
    const COLUMNS: &'static [&'static str] = &["id", "name", "title", "team", "manager"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.name), text(&self.title), optional(&self.team), optional(&self.manager)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Person { id: r.get(0)?, name: r.get(1)?, title: r.get(2)?, team: r.get(3)?, manager: r.get(4)? })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Person::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        let mut refs = Vec::new();
        if let Some(t) = &self.team {
            refs.push(reference("team", &["teams"], t));
        }
        if let Some(m) = &self.manager {
            refs.push(reference("manager", &["people"], m));
        }
        refs
    }
}

impl Record for Claim {
    const ENTITY: &'static str = "claim";
    const TABLE: &'static str = "claims";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "from_person",
        "to_person",
        "strength",
        "confidence",
        "observed_on",
        "half_life_days",
        "source",
        "note",
        "recorded_by",
        "retired",
    ];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.from),
            text(&self.to),
            Value::Real(self.strength),
            Value::Real(self.confidence),
            date(self.observed_on),
            Value::Real(self.half_life_days),
            text(&self.source),
            text(&self.note),
            text(&self.recorded_by),
            Value::Integer(i64::from(self.retired)),
        ]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Claim {
            id: r.get(0)?,
            from: r.get(1)?,
            to: r.get(2)?,
            strength: r.get(3)?,
            confidence: r.get(4)?,
            observed_on: r.get(5)?,
            half_life_days: r.get(6)?,
            source: r.get(7)?,
            note: r.get(8)?,
            recorded_by: r.get(9)?,
            retired: r.get::<_, i64>(10)? != 0,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Claim::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        vec![reference("from", &["people"], &self.from), reference("to", &["people"], &self.to)]
    }
}

impl Record for Stance {
    const ENTITY: &'static str = "stance";
    const TABLE: &'static str = "stances";
    const COLUMNS: &'static [&'static str] = &["person", "release", "stance", "noted_on", "note"];
    const KEY_COLUMNS: usize = 2;
    fn values(&self) -> Vec<Value> {
        vec![text(&self.person), text(&self.release), text(self.stance.as_str()), date(self.noted_on), text(&self.note)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Stance {
            person: r.get(0)?,
            release: r.get(1)?,
            stance: get_enum(r, 2, StanceKind::parse)?,
            noted_on: r.get(3)?,
            note: r.get(4)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Stance::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        vec![reference("person", &["people"], &self.person), reference("release", &["releases"], &self.release)]
    }
}

impl Record for StakeholderProfile {
    const ENTITY: &'static str = "stakeholder profile";
    const TABLE: &'static str = "profiles";
    const COLUMNS: &'static [&'static str] = &["person", "interest", "involvement"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.person), Value::Real(self.interest), text(self.involvement.as_str())]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(StakeholderProfile {
            person: r.get(0)?,
            interest: r.get(1)?,
            involvement: get_enum(r, 2, Involvement::parse)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        StakeholderProfile::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        vec![reference("person", &["people"], &self.person)]
    }
}

impl Record for EngagementEntry {
    const ENTITY: &'static str = "engagement entry";
    const TABLE: &'static str = "engagements";
    const COLUMNS: &'static [&'static str] = &["id", "person", "date", "channel", "summary"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.person), date(self.date), text(&self.channel), text(&self.summary)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(EngagementEntry {
            id: r.get(0)?,
            person: r.get(1)?,
            date: r.get(2)?,
            channel: r.get(3)?,
            summary: r.get(4)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        EngagementEntry::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        vec![reference("person", &["people"], &self.person)]
    }
}

impl Record for Component {
    const ENTITY: &'static str = "component";
    const TABLE: &'static str = "components";
    const COLUMNS: &'static [&'static str] = &["id", "name", "owner_team"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.name), optional(&self.owner_team)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Component { id: r.get(0)?, name: r.get(1)?, owner_team: r.get(2)? })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Component::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        self.owner_team.iter().map(|t| reference("owner_team", &["teams"], t)).collect()
    }
}

impl Record for Service {
    const ENTITY: &'static str = "service";
    const TABLE: &'static str = "services";
    const COLUMNS: &'static [&'static str] = &["id", "name", "business_owner", "depends_on"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.name), optional(&self.business_owner), list(&self.depends_on)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Service { id: r.get(0)?, name: r.get(1)?, business_owner: r.get(2)?, depends_on: get_list(r, 3)? })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Service::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        let mut refs: Vec<Reference> =
            self.business_owner.iter().map(|p| reference("business_owner", &["people"], p)).collect();
        refs.extend(self.depends_on.iter().map(|d| reference("depends_on", &["components", "services"], d)));
        refs
    }
}

impl Record for Release {
    const ENTITY: &'static str = "release";
    const TABLE: &'static str = "releases";
    const COLUMNS: &'static [&'static str] = &["id", "name", "stage", "window_start", "window_end", "risk"];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.name),
            text(self.stage.as_str()),
            optional_date(self.window_start),
            optional_date(self.window_end),
            text(self.risk.as_str()),
        ]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Release {
            id: r.get(0)?,
            name: r.get(1)?,
            stage: get_enum(r, 2, Stage::parse)?,
            window_start: r.get(3)?,
            window_end: r.get(4)?,
            risk: get_enum(r, 5, RiskLevel::parse)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Release::validate(self)
    }
}

impl Record for Change {
    const ENTITY: &'static str = "change";
    const TABLE: &'static str = "changes";
    const COLUMNS: &'static [&'static str] = &["id", "title", "release", "components", "duration_days"];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.title),
            optional(&self.release),
            list(&self.components),
            Value::Integer(i64::from(self.duration_days)),
        ]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Change {
            id: r.get(0)?,
            title: r.get(1)?,
            release: r.get(2)?,
            components: get_list(r, 3)?,
            duration_days: r.get(4)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Change::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        let mut refs: Vec<Reference> = self.release.iter().map(|r| reference("release", &["releases"], r)).collect();
        refs.extend(self.components.iter().map(|c| reference("component", &["components"], c)));
        refs
    }
}

impl Record for Dependency {
    const ENTITY: &'static str = "dependency";
    const TABLE: &'static str = "dependencies";
    const COLUMNS: &'static [&'static str] = &["before_item", "after_item", "lag_days"];
    const KEY_COLUMNS: usize = 2;
    fn values(&self) -> Vec<Value> {
        vec![text(&self.before), text(&self.after), Value::Integer(i64::from(self.lag_days))]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Dependency { before: r.get(0)?, after: r.get(1)?, lag_days: r.get(2)? })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Dependency::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        let items: &'static [&'static str] = &["changes", "releases"];
        vec![reference("before", items, &self.before), reference("after", items, &self.after)]
    }
}

impl Record for Period {
    const ENTITY: &'static str = "period";
    const TABLE: &'static str = "periods";
    const COLUMNS: &'static [&'static str] = &["id", "name", "kind", "starts_on", "ends_on", "scope", "scope_id"];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.name),
            text(self.kind.as_str()),
            date(self.starts_on),
            date(self.ends_on),
            text(self.scope.as_str()),
            optional(&self.scope_id),
        ]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Period {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: get_enum(r, 2, PeriodKind::parse)?,
            starts_on: r.get(3)?,
            ends_on: r.get(4)?,
            scope: get_enum(r, 5, Scope::parse)?,
            scope_id: r.get(6)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Period::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        match (self.scope, &self.scope_id) {
            (Scope::Component, Some(id)) => vec![reference("scope_id", &["components"], id)],
            (Scope::Service, Some(id)) => vec![reference("scope_id", &["services"], id)],
            _ => Vec::new(),
        }
    }
}

impl Record for Absence {
    const ENTITY: &'static str = "absence";
    const TABLE: &'static str = "absences";
    const COLUMNS: &'static [&'static str] = &["id", "person", "starts_on", "ends_on", "note"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.person), date(self.starts_on), date(self.ends_on), text(&self.note)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Absence { id: r.get(0)?, person: r.get(1)?, starts_on: r.get(2)?, ends_on: r.get(3)?, note: r.get(4)? })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Absence::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        vec![reference("person", &["people"], &self.person)]
    }
}

impl Record for ApprovalRequirement {
    const ENTITY: &'static str = "approval requirement";
    const TABLE: &'static str = "requirements";
    const COLUMNS: &'static [&'static str] = &["id", "release", "approver", "role", "rule"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.release), text(&self.approver), text(self.role.as_str()), text(&self.rule)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ApprovalRequirement {
            id: r.get(0)?,
            release: r.get(1)?,
            approver: r.get(2)?,
            role: get_enum(r, 3, ApprovalRole::parse)?,
            rule: r.get(4)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        ApprovalRequirement::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        vec![reference("release", &["releases"], &self.release), reference("approver", &["people"], &self.approver)]
    }
}

impl Record for Decision {
    const ENTITY: &'static str = "decision";
    const TABLE: &'static str = "decisions";
    const COLUMNS: &'static [&'static str] =
        &["id", "requirement", "kind", "decided_by", "decided_at", "comment", "stale"];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.requirement),
            text(self.kind.as_str()),
            text(&self.decided_by),
            text(&self.decided_at),
            text(&self.comment),
            Value::Integer(i64::from(self.stale)),
        ]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Decision {
            id: r.get(0)?,
            requirement: r.get(1)?,
            kind: get_enum(r, 2, DecisionKind::parse)?,
            decided_by: r.get(3)?,
            decided_at: r.get(4)?,
            comment: r.get(5)?,
            stale: r.get::<_, i64>(6)? != 0,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Decision::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        vec![
            reference("requirement", &["requirements"], &self.requirement),
            reference("decided_by", &["people"], &self.decided_by),
        ]
    }
}
