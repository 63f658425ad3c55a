//! Table mappings of the plan and its approvals: components, services,
//! releases, changes, dependencies, periods, absences, requirements, decisions.

use greychart_core::model::*;
use greychart_core::ValidationError;
use rusqlite::types::Value;
use rusqlite::Row;

use super::{
    date, default_history_line, get_enum, get_list, list, named, optional, optional_date, reference, text, Action,
    Consequences, CycleCheck, Record, Reference, Rules, Stale,
};

impl Record for Component {
    const ENTITY: &'static str = "component";
    const TABLE: &'static str = "components";
    const COLUMNS: &'static [&'static str] = &["id", "name", "owner_team", "owner"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.name), optional(&self.owner_team), optional(&self.owner)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Component { id: r.get(0)?, name: r.get(1)?, owner_team: r.get(2)?, owner: r.get(3)? })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Component::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        let mut refs: Vec<Reference> = self.owner_team.iter().map(|t| reference("owner_team", &["teams"], t)).collect();
        refs.extend(self.owner.iter().map(|p| reference("owner", &["people"], p)));
        refs
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
    fn words(&self, _: &dyn Fn(&str) -> String) -> String {
        named(&self.name, &self.id)
    }
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        // What it is feeds who must approve what, in every release.
        let rules = if before == after { Rules::Unaffected } else { Rules::All };
        Consequences { rules, ..Consequences::default() }
    }
}

impl Record for Release {
    const ENTITY: &'static str = "release";
    const TABLE: &'static str = "releases";
    const COLUMNS: &'static [&'static str] = &["id", "name", "stage", "window_start", "window_end", "risk", "cost"];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.name),
            text(self.stage.as_str()),
            optional_date(self.window_start),
            optional_date(self.window_end),
            text(self.risk.as_str()),
            self.cost.map_or(Value::Null, Value::Real),
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
            cost: r.get(6)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        Release::validate(self)
    }
    fn words(&self, _: &dyn Fn(&str) -> String) -> String {
        named(&self.name, &self.id)
    }
    const DEPENDED_ON: bool = true;
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        let Some(id) = after.or(before).map(|r| r.id.clone()) else { return Consequences::default() };
        let mut stale = Vec::new();
        if let (Some(b), Some(a)) = (before, after) {
            let window = |r: &Release| {
                let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                format!("{} – {}", day(r.window_start), day(r.window_end))
            };
            if window(b) != window(a) {
                stale.push(format!("window moved from {} to {}", window(b), window(a)));
            }
            if b.risk != a.risk {
                stale.push(format!("risk changed from {} to {}", b.risk, a.risk));
            }
            if b.cost != a.cost {
                stale.push("estimated cost changed".to_owned());
            }
        }
        let scheduled = |r: Option<&Release>| r.is_some_and(|r| r.stage == Stage::Scheduled);
        Consequences {
            stale: stale.into_iter().map(|reason| Stale::Release { release: id.clone(), reason }).collect(),
            rules: if before == after { Rules::Unaffected } else { Rules::Releases(vec![id.clone()]) },
            scheduling: (scheduled(after) && !scheduled(before)).then_some(id),
        }
    }
}

impl Record for Change {
    const ENTITY: &'static str = "change";
    const TABLE: &'static str = "changes";
    const COLUMNS: &'static [&'static str] =
        &["id", "title", "release", "components", "duration_days", "not_before", "risk"];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.title),
            optional(&self.release),
            list(&self.components),
            Value::Integer(i64::from(self.duration_days)),
            optional_date(self.not_before),
            self.risk.map_or(Value::Null, |r| text(r.as_str())),
        ]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Change {
            id: r.get(0)?,
            title: r.get(1)?,
            release: r.get(2)?,
            components: get_list(r, 3)?,
            duration_days: r.get(4)?,
            not_before: r.get(5)?,
            risk: match r.get::<_, Option<String>>(6)? {
                Some(_) => Some(get_enum(r, 6, RiskLevel::parse)?),
                None => None,
            },
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
    fn words(&self, _: &dyn Fn(&str) -> String) -> String {
        named(&self.title, &self.id)
    }
    const DEPENDED_ON: bool = true;
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        let Some(id) = after.or(before).map(|c| c.id.clone()) else { return Consequences::default() };
        if before == after {
            return Consequences::default();
        }
        let (was, is) = (before.and_then(|c| c.release.clone()), after.and_then(|c| c.release.clone()));
        let mut stale = Vec::new();
        match (&was, &is) {
            (Some(a), Some(b)) if a == b => stale.push((a.clone(), format!("change {id} was edited"))),
            _ => {
                if let Some(a) = &was {
                    stale.push((a.clone(), format!("change {id} left the release")));
                }
                if let Some(b) = &is {
                    stale.push((b.clone(), format!("change {id} joined the release")));
                }
            }
        }
        // The rules read everything of a change but its title.
        let retitled =
            matches!((before, after), (Some(b), Some(a)) if Change { title: a.title.clone(), ..b.clone() } == *a);
        let releases: Vec<String> = was.into_iter().chain(is).collect();
        Consequences {
            stale: stale.into_iter().map(|(release, reason)| Stale::Release { release, reason }).collect(),
            rules: if retitled { Rules::Unaffected } else { Rules::Releases(releases) },
            scheduling: None,
        }
    }
    fn cycle_check(before: Option<&Self>, after: &Self) -> Option<CycleCheck> {
        // Only joining a release can close a cycle through it.
        let joined = before.is_none_or(|b| b.release != after.release) && after.release.is_some();
        joined.then(|| CycleCheck::Plan { anchor: Some(after.id.clone()) })
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
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        let Some(link) = after.or(before) else { return Consequences::default() };
        if before == after {
            return Consequences::default();
        }
        let what = match (before, after) {
            (None, _) => "added",
            (_, None) => "removed",
            _ => "changed",
        };
        let reason = format!("dependency {} → {} {what}", link.before, link.after);
        Consequences {
            stale: [&link.before, &link.after]
                .into_iter()
                .map(|item| Stale::Around { item: item.clone(), reason: reason.clone() })
                .collect(),
            ..Consequences::default()
        }
    }
    fn cycle_check(_: Option<&Self>, after: &Self) -> Option<CycleCheck> {
        Some(CycleCheck::Plan { anchor: Some(after.before.clone()) })
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
    fn words(&self, _: &dyn Fn(&str) -> String) -> String {
        named(&self.name, &self.id)
    }
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        // What it is feeds who must approve what, in every release.
        let rules = if before == after { Rules::Unaffected } else { Rules::All };
        Consequences { rules, ..Consequences::default() }
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
    fn words(&self, person: &dyn Fn(&str) -> String) -> String {
        format!("{} of {}", self.label(), person(&self.person))
    }
}

impl Record for ApprovalRequirement {
    const ENTITY: &'static str = "approval requirement";
    const TABLE: &'static str = "requirements";
    const COLUMNS: &'static [&'static str] = &["id", "release", "approver", "role", "rule", "origin", "active"];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.release),
            text(&self.approver),
            text(self.role.as_str()),
            text(&self.rule),
            text(if self.derived { "rule" } else { "manual" }),
            Value::Integer(i64::from(self.active)),
        ]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ApprovalRequirement {
            id: r.get(0)?,
            release: r.get(1)?,
            approver: r.get(2)?,
            role: get_enum(r, 3, ApprovalRole::parse)?,
            rule: r.get(4)?,
            derived: r.get::<_, String>(5)? == "rule",
            active: r.get::<_, i64>(6)? != 0,
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
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "requirement",
        "kind",
        "decided_by",
        "decided_at",
        "comment",
        "stale",
        "stale_reason",
        "recorded_by",
        "source",
        "login",
    ];
    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.id),
            text(&self.requirement),
            text(self.kind.as_str()),
            text(&self.decided_by),
            text(&self.decided_at),
            text(&self.comment),
            Value::Integer(i64::from(self.stale)),
            text(&self.stale_reason),
            text(&self.recorded_by),
            text(&self.source),
            text(&self.login),
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
            stale_reason: r.get(7)?,
            recorded_by: r.get(8)?,
            source: r.get(9)?,
            login: r.get(10)?,
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
    const IMMUTABLE: bool = true;
    fn history_line(&self, action: Action, person: &dyn Fn(&str) -> String) -> String {
        match action {
            Action::Create if !self.source.is_empty() => format!(
                "Recorded {} by {} on {}, given outside the app ({}), recorded by {}",
                self.kind.words(),
                self.decided_by,
                self.requirement,
                self.source,
                self.recorded_by
            ),
            Action::Create if !self.recorded_by.is_empty() && self.recorded_by != self.decided_by => format!(
                "Recorded {} by {} on {}, decided by their delegate {}",
                self.kind.words(),
                self.decided_by,
                self.requirement,
                self.recorded_by
            ),
            Action::Create => format!("Recorded {} by {} on {}", self.kind.words(), self.decided_by, self.requirement),
            _ => default_history_line(self, action, person),
        }
    }
}

impl Record for ApprovalRule {
    const ENTITY: &'static str = "approval rule";
    const TABLE: &'static str = "approval_rules";
    const COLUMNS: &'static [&'static str] = &["id", "condition", "role", "approver", "note"];
    fn values(&self) -> Vec<Value> {
        vec![text(&self.id), text(&self.condition), text(self.role.as_str()), text(&self.approver), text(&self.note)]
    }
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ApprovalRule {
            id: r.get(0)?,
            condition: r.get(1)?,
            role: get_enum(r, 2, ApprovalRole::parse)?,
            approver: r.get(3)?,
            note: r.get(4)?,
        })
    }
    fn validate(&self) -> Result<(), ValidationError> {
        ApprovalRule::validate(self)
    }
    fn references(&self) -> Vec<Reference> {
        vec![reference("approver", &["people"], &self.approver)]
    }
    fn consequences(before: Option<&Self>, after: Option<&Self>) -> Consequences {
        // What it is feeds who must approve what, in every release.
        let rules = if before == after { Rules::Unaffected } else { Rules::All };
        Consequences { rules, ..Consequences::default() }
    }
}
