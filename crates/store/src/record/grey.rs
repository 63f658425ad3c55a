//! Table mappings of the formal and grey charts: teams, people, claims,
//! stances, stakeholder profiles and the engagement log.

use greychart_core::model::*;
use greychart_core::ValidationError;
use rusqlite::types::Value;
use rusqlite::Row;

use super::{date, get_enum, named, optional, reference, text, Consequences, CycleCheck, Record, Reference, Rules};

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
    fn words(&self, _: &dyn Fn(&str) -> String) -> String {
        named(&self.name, &self.id)
    }
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        // What it is feeds who must approve what, in every release.
        let rules = if before == after { Rules::Unaffected } else { Rules::All };
        Consequences { rules, ..Consequences::default() }
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
    fn words(&self, _: &dyn Fn(&str) -> String) -> String {
        named(&self.name, &self.id)
    }
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        // The rules read who heads each team: the team and the manager, not
        // the name or title.
        let placed = |p: Option<&Person>| p.map(|p| (p.team.clone(), p.manager.clone()));
        let rules = if placed(before) == placed(after) { Rules::Unaffected } else { Rules::All };
        Consequences { rules, ..Consequences::default() }
    }
    fn cycle_check(before: Option<&Self>, after: &Self) -> Option<CycleCheck> {
        let moved = before.is_none_or(|b| b.manager != after.manager);
        (moved && after.manager.is_some()).then(|| CycleCheck::Reporting { person: after.id.clone() })
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
    fn words(&self, person: &dyn Fn(&str) -> String) -> String {
        format!("{}: {} sways {}", self.id, person(&self.from), person(&self.to))
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
    fn words(&self, person: &dyn Fn(&str) -> String) -> String {
        format!("{} of {}", self.label(), person(&self.person))
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
    fn words(&self, person: &dyn Fn(&str) -> String) -> String {
        format!("{} of {}", self.label(), person(&self.person))
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
    fn words(&self, person: &dyn Fn(&str) -> String) -> String {
        format!("{} of {}", self.label(), person(&self.person))
    }
}
