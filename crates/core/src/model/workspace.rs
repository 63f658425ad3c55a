//! Everything one workspace holds, as plain data: what the demo builds, what
//! the views read, and (later) what JSON export writes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    Absence, ApprovalRequirement, ApprovalRule, Change, Claim, Component, Decision, Dependency, EngagementEntry,
    Period, Person, Release, Service, StakeholderProfile, Stance, Team,
};

/// How strongly a manager sways each direct report, unless the workspace says
/// otherwise.
pub const DEFAULT_FORMAL_WEIGHT: f64 = 0.5;

/// A whole workspace in memory.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct WorkspaceData {
    /// The person using Greychart ("me"), if set.
    pub me: Option<String>,
    /// How strongly a manager sways a direct report, 0..1.
    pub formal_weight: f64,
    /// Teams.
    pub teams: Vec<Team>,
    /// People, with their reporting lines.
    pub people: Vec<Person>,
    /// Grey-chart evidence (private).
    pub claims: Vec<Claim>,
    /// Attitudes to releases (private).
    pub stances: Vec<Stance>,
    /// Stakeholder profiles (private).
    pub profiles: Vec<StakeholderProfile>,
    /// Engagement log (private).
    pub engagements: Vec<EngagementEntry>,
    /// Components.
    pub components: Vec<Component>,
    /// Services.
    pub services: Vec<Service>,
    /// Releases.
    pub releases: Vec<Release>,
    /// Changes.
    pub changes: Vec<Change>,
    /// Dependencies between changes and releases.
    pub dependencies: Vec<Dependency>,
    /// Deployment windows and freezes.
    pub periods: Vec<Period>,
    /// Absences.
    pub absences: Vec<Absence>,
    /// Approval requirements.
    pub requirements: Vec<ApprovalRequirement>,
    /// Decisions, oldest first.
    pub decisions: Vec<Decision>,
    /// The workspace's own approval rules.
    #[serde(default)]
    pub approval_rules: Vec<ApprovalRule>,
    /// Who manages change (person id); unset: the head of the change team.
    #[serde(default)]
    pub change_manager: Option<String>,
    /// Who chairs the CAB; unset: the change manager.
    #[serde(default)]
    pub cab_chair: Option<String>,
    /// Who approves spending; unset: the head of the finance team.
    #[serde(default)]
    pub finance_approver: Option<String>,
    /// Estimated cost above which finance approves; unset: 100,000.
    #[serde(default)]
    pub finance_threshold: Option<f64>,
}
