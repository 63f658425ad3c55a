//! Release planning: what changes, what it touches, when it may ship.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_id, check_span, check_text};
use crate::ValidationError;

/// A deployable part, owned by a team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Component {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The owning team's id.
    pub owner_team: Option<String>,
    /// The person who answers for it (signs off releases touching it);
    /// `None`: the head of the owning team.
    #[serde(default)]
    pub owner: Option<String>,
}

impl Component {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_text("name", &self.name)
    }
}

/// A business service; it depends on components and other services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Service {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The person who answers for it to the business.
    pub business_owner: Option<String>,
    /// Ids of the components and services it depends on.
    pub depends_on: Vec<String>,
}

impl Service {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_text("name", &self.name)?;
        for d in &self.depends_on {
            check_id("depends_on", d)?;
            if d == &self.id {
                return Err(ValidationError::new("depends_on", "a service cannot depend on itself"));
            }
        }
        Ok(())
    }
}

domain_enum! {
    /// Where a release is in its life.
    Stage {
        /// Being planned.
        Plan = "plan",
        /// Being built.
        Build = "build",
        /// Being tested.
        Test = "test",
        /// Has a deployment slot.
        Scheduled = "scheduled",
        /// Live.
        Deployed = "deployed",
        /// Reviewed after deployment.
        Reviewed = "reviewed",
        /// Will not ship.
        Cancelled = "cancelled",
    }
}

impl Stage {
    /// Deployed, reviewed or cancelled: no work or deployment is left to plan.
    pub fn is_settled(self) -> bool {
        matches!(self, Stage::Deployed | Stage::Reviewed | Stage::Cancelled)
    }
}

domain_enum! {
    /// How much could go wrong.
    RiskLevel {
        /// Routine.
        Low = "low",
        /// Needs care.
        Medium = "medium",
        /// Needs the CAB.
        High = "high",
    }
}

/// A named set of changes deployed together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Release {
    /// Stable id.
    pub id: String,
    /// Display name, with its version.
    pub name: String,
    /// Lifecycle stage.
    pub stage: Stage,
    /// Planned window start.
    #[ts(type = "string | null")]
    pub window_start: Option<NaiveDate>,
    /// Planned window end.
    #[ts(type = "string | null")]
    pub window_end: Option<NaiveDate>,
    /// Risk level.
    pub risk: RiskLevel,
    /// Estimated cost, for the finance sign-off threshold; `None` if unknown.
    #[serde(default)]
    pub cost: Option<f64>,
}

impl Release {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_text("name", &self.name)?;
        if self.cost.is_some_and(|c| !c.is_finite() || c < 0.0) {
            return Err(ValidationError::new("cost", "must be a number of at least 0"));
        }
        match (self.window_start, self.window_end) {
            (Some(s), Some(e)) => check_span("window_end", s, e),
            (None, None) => Ok(()),
            _ => Err(ValidationError::new("window_end", "a window needs both a start and an end")),
        }
    }
}

/// A unit of work in a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Change {
    /// Stable id.
    pub id: String,
    /// What it does.
    pub title: String,
    /// The release it ships in.
    pub release: Option<String>,
    /// The components it touches.
    pub components: Vec<String>,
    /// How many days it takes.
    pub duration_days: u32,
    /// Work may not start before this day (set by dragging it on the
    /// timeline); `None` when only its prerequisites hold it back.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub not_before: Option<NaiveDate>,
    /// The change's own risk, as the change request rates it (a ServiceNow
    /// change request's Risk); `None` when only its release is rated.
    #[serde(default)]
    pub risk: Option<RiskLevel>,
}

impl Change {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_text("title", &self.title)?;
        for c in &self.components {
            check_id("component", c)?;
        }
        if self.duration_days > 3650 {
            return Err(ValidationError::new("duration_days", "must be at most 3650 days"));
        }
        Ok(())
    }
}

/// Finish-to-start: `after` may start `lag_days` after `before` finishes.
/// Ids name changes or releases; the dependency graph must stay acyclic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dependency {
    /// What must finish first.
    pub before: String,
    /// What waits for it.
    pub after: String,
    /// Days to wait after `before` finishes.
    pub lag_days: u32,
}

impl Dependency {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("before", &self.before)?;
        check_id("after", &self.after)?;
        if self.before == self.after {
            return Err(ValidationError::new("after", "an item cannot depend on itself"));
        }
        if self.lag_days > 3650 {
            return Err(ValidationError::new("lag_days", "must be at most 3650 days"));
        }
        Ok(())
    }
}

domain_enum! {
    /// Whether a period allows or forbids deployments.
    PeriodKind {
        /// Deployments are allowed.
        Window = "window",
        /// Deployments are forbidden.
        Freeze = "freeze",
    }
}

domain_enum! {
    /// What a period applies to.
    Scope {
        /// Everything.
        Global = "global",
        /// One component.
        Component = "component",
        /// One service.
        Service = "service",
    }
}

/// A deployment window or a freeze, global or for one component or service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Period {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Window or freeze.
    pub kind: PeriodKind,
    /// First day.
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    /// Last day.
    #[ts(type = "string")]
    pub ends_on: NaiveDate,
    /// What it applies to.
    pub scope: Scope,
    /// The component or service, unless global.
    pub scope_id: Option<String>,
}

impl Period {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_text("name", &self.name)?;
        check_span("ends_on", self.starts_on, self.ends_on)?;
        match (self.scope, &self.scope_id) {
            (Scope::Global, None) => Ok(()),
            (Scope::Global, Some(_)) => Err(ValidationError::new("scope_id", "a global period names no item")),
            (_, Some(id)) => check_id("scope_id", id),
            (_, None) => Err(ValidationError::new("scope_id", "name the component or service")),
        }
    }
}

/// A person away: they cannot approve or deploy then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Absence {
    /// Stable id.
    pub id: String,
    /// Who.
    pub person: String,
    /// First day away.
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    /// Last day away.
    #[ts(type = "string")]
    pub ends_on: NaiveDate,
    /// Free note.
    pub note: String,
}

impl Absence {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_id("person", &self.person)?;
        check_span("ends_on", self.starts_on, self.ends_on)
    }
}
