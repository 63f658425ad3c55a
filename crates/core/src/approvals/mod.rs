//! Who must approve a release, derived by rules, each requirement carrying
//! the rule that created it in plain words:
//!
//! - the owner of every component the release touches (its named owner, or
//!   else the head of the owning team: the member whose manager is outside
//!   the team);
//! - the business owner of every service in its blast radius;
//! - the change manager, always;
//! - the CAB (its chair) when the risk is high or the planned window needs an
//!   exception to a freeze;
//! - finance when the estimated cost is above the threshold;
//! - the workspace's own rules.
//!
//! The change manager, CAB chair, finance approver and threshold are
//! workspace settings; unset, the head of the first change team chairs the
//! CAB and manages change, and the head of the first finance team approves
//! spending above 100,000.

mod fingerprint;
mod heads;
mod path_to_yes;
mod waiting;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{
    ApprovalRole, ApprovalRule, Component, DecisionKind, Person, Release, RiskLevel, RuleCondition, Service, Team,
    TeamKind,
};
use crate::planning::{Applying, Dependants, PlanInputs};

pub use fingerprint::Signed;
pub use heads::team_heads;
pub use path_to_yes::{path_to_yes, Influencer, PathToYes, STRONG_SWAY};
pub use waiting::waiting_for;

/// Default cost above which finance must approve.
pub const DEFAULT_FINANCE_THRESHOLD: f64 = 100_000.0;

/// Who fills the standing approval roles (workspace settings).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ApprovalSettings {
    /// The change manager, by person id.
    pub change_manager: Option<String>,
    /// Who chairs the CAB.
    pub cab_chair: Option<String>,
    /// Who approves spending.
    pub finance_approver: Option<String>,
    /// Cost above which finance approves; `None` for the default.
    pub finance_threshold: Option<f64>,
}

/// What the rules read.
#[derive(Debug, Clone, Copy)]
pub struct ApprovalInputs<'a> {
    /// The plan: releases, changes, components, services, periods, people.
    pub plan: PlanInputs<'a>,
    /// Teams, for component owners and default role holders.
    pub teams: &'a [Team],
    /// The workspace's own rules.
    pub rules: &'a [ApprovalRule],
    /// Who fills the standing roles.
    pub settings: &'a ApprovalSettings,
}

/// One sign-off a release needs, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Needed {
    /// In what capacity.
    pub role: ApprovalRole,
    /// Who.
    pub approver: String,
    /// The rule that asks for it, in plain words.
    pub rule: String,
}

/// The id of the requirement a rule creates: the same release, role and
/// approver always get the same id, so decisions keep pointing at it.
pub fn requirement_id(release: &str, role: ApprovalRole, approver: &str) -> String {
    format!("q-{release}-{}-{approver}", role.as_str())
}

/// The rules with what they read prepared once, to ask for many releases.
pub struct RuleBook<'a> {
    inputs: ApprovalInputs<'a>,
    people: FxHashSet<&'a str>,
    dependants: Dependants<'a>,
    heads: FxHashMap<&'a str, &'a str>,
    team_name: FxHashMap<&'a str, &'a str>,
    components: FxHashMap<&'a str, &'a Component>,
    services: FxHashMap<&'a str, &'a Service>,
    /// Release id → the components its changes touch, sorted, once each.
    touched: FxHashMap<&'a str, Vec<&'a str>>,
}

impl<'a> RuleBook<'a> {
    /// Prepares the rules over `inputs`.
    pub fn new(inputs: &ApprovalInputs<'a>) -> RuleBook<'a> {
        let plan = &inputs.plan;
        let mut touched: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for c in plan.changes {
            if let Some(r) = c.release.as_deref() {
                touched.entry(r).or_default().extend(c.components.iter().map(String::as_str));
            }
        }
        for list in touched.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        RuleBook {
            inputs: *inputs,
            people: plan.people.iter().map(|p| p.id.as_str()).collect(),
            dependants: Dependants::of(plan.services),
            heads: team_heads(plan.people, inputs.teams),
            team_name: inputs.teams.iter().map(|t| (t.id.as_str(), t.name.as_str())).collect(),
            components: plan.components.iter().map(|c| (c.id.as_str(), c)).collect(),
            services: plan.services.iter().map(|s| (s.id.as_str(), s)).collect(),
            touched,
        }
    }

    fn first_head(&self, kind: TeamKind) -> Option<&'a str> {
        self.inputs.teams.iter().filter(|t| t.kind == kind).find_map(|t| self.heads.get(t.id.as_str()).copied())
    }

    fn setting(&self, value: &'a Option<String>) -> Option<&'a str> {
        value.as_deref().filter(|p| self.people.contains(p))
    }

    /// The sign-offs `release` needs, one per role and approver (the rules
    /// that ask for the same one are joined), in a stable order.
    pub fn required(&self, release: &Release) -> Vec<Needed> {
        let settings = self.inputs.settings;
        let change_manager = self.setting(&settings.change_manager).or_else(|| self.first_head(TeamKind::Change));
        let cab_chair = self.setting(&settings.cab_chair).or(change_manager);
        let finance = self.setting(&settings.finance_approver).or_else(|| self.first_head(TeamKind::Finance));
        let threshold = settings.finance_threshold.unwrap_or(DEFAULT_FINANCE_THRESHOLD);
        let touched: &[&str] = self.touched.get(release.id.as_str()).map_or(&[], Vec::as_slice);
        let mut affected: Vec<&str> =
            touched.iter().flat_map(|c| self.dependants.services(c).iter().copied()).collect();
        affected.sort_unstable();
        affected.dedup();

        let mut out: Vec<Needed> = Vec::new();
        let mut add = |role: ApprovalRole, approver: &str, rule: String| match out
            .iter_mut()
            .find(|n| n.role == role && n.approver == approver)
        {
            Some(n) if !n.rule.contains(&rule) => {
                n.rule.push_str("; ");
                n.rule.push_str(&rule);
            }
            Some(_) => {}
            None => out.push(Needed { role, approver: approver.to_owned(), rule }),
        };
        for c in touched.iter().filter_map(|id| self.components.get(id)) {
            if let Some(owner) = c.owner.as_deref().filter(|p| self.people.contains(p)) {
                add(ApprovalRole::ComponentOwner, owner, format!("owns “{}”, which this release changes", c.name));
                continue;
            }
            let Some(team) = c.owner_team.as_deref() else { continue };
            if let Some(head) = self.heads.get(team) {
                let team = self.team_name.get(team).copied().unwrap_or(team);
                add(
                    ApprovalRole::ComponentOwner,
                    head,
                    format!("owns “{}”, which this release changes (head of {team})", c.name),
                );
            }
        }
        for s in affected.iter().filter_map(|id| self.services.get(id)) {
            if let Some(owner) = s.business_owner.as_deref().filter(|p| self.people.contains(p)) {
                add(
                    ApprovalRole::BusinessOwner,
                    owner,
                    format!("business owner of “{}”, which depends on what this release changes", s.name),
                );
            }
        }
        if let Some(cm) = change_manager {
            add(ApprovalRole::ChangeManager, cm, "the change manager signs off every release".to_owned());
        }
        if let Some(chair) = cab_chair {
            if release.risk == RiskLevel::High {
                add(ApprovalRole::Cab, chair, "the CAB approves high-risk releases".to_owned());
            }
            if let Some(window) = release.window_start.zip(release.window_end) {
                for f in Applying::to(self.inputs.plan.periods, &self.dependants, touched.iter().copied()).freezes() {
                    if f.starts_on <= window.1 && window.0 <= f.ends_on {
                        add(
                            ApprovalRole::Cab,
                            chair,
                            format!("the planned window needs an exception to the freeze “{}”", f.name),
                        );
                    }
                }
            }
        }
        if let (Some(approver), Some(cost)) = (finance, release.cost) {
            if cost > threshold {
                add(
                    ApprovalRole::Finance,
                    approver,
                    format!("estimated cost {cost:.0} is above the finance threshold {threshold:.0}"),
                );
            }
        }
        for rule in self.inputs.rules {
            let Ok(condition) = RuleCondition::parse(&rule.condition) else { continue };
            let applies = match &condition {
                RuleCondition::Always => true,
                RuleCondition::RiskAtLeast(level) => rank(release.risk) >= rank(*level),
                RuleCondition::Touches(component) => touched.contains(&component.as_str()),
                RuleCondition::Affects(service) => affected.contains(&service.as_str()),
                RuleCondition::CostAbove(amount) => release.cost.is_some_and(|c| c > *amount),
            };
            if applies && self.people.contains(rule.approver.as_str()) {
                add(rule.role, &rule.approver, format!("rule {}: {} ({})", rule.id, rule.note, rule.condition));
            }
        }
        out
    }
}

/// The sign-offs `release` needs under the rules (see `RuleBook`).
pub fn required_approvals(inputs: &ApprovalInputs<'_>, release: &Release) -> Vec<Needed> {
    RuleBook::new(inputs).required(release)
}

domain_enum! {
    /// Where a requirement stands: its latest decision, or pending.
    ApprovalStatus {
        /// Nobody has decided yet.
        Pending = "pending",
        /// Approved.
        Approved = "approved",
        /// Rejected.
        Rejected = "rejected",
        /// Abstained.
        Abstained = "abstained",
        /// Changes were requested first.
        ChangesRequested = "changes_requested",
    }
}

impl From<DecisionKind> for ApprovalStatus {
    fn from(kind: DecisionKind) -> Self {
        match kind {
            DecisionKind::Approved => ApprovalStatus::Approved,
            DecisionKind::Rejected => ApprovalStatus::Rejected,
            DecisionKind::Abstained => ApprovalStatus::Abstained,
            DecisionKind::ChangesRequested => ApprovalStatus::ChangesRequested,
        }
    }
}

impl ApprovalStatus {
    /// Still to win over: nobody said yes, and nobody merely stood aside.
    pub fn wants_a_yes(self) -> bool {
        matches!(self, ApprovalStatus::Pending | ApprovalStatus::Rejected | ApprovalStatus::ChangesRequested)
    }
}

/// Days before its release's window opens from which an approval nobody has
/// given is overdue.
pub const OVERDUE_DAYS: u64 = 3;

/// Whether an approval with `status` is overdue on `today`: still pending
/// while its release's window opens within `OVERDUE_DAYS` days, or has
/// opened. Calendar dates only: `today` is the user's own date, so the
/// answer is the same in every time zone.
pub fn overdue(status: ApprovalStatus, window_start: Option<NaiveDate>, today: NaiveDate) -> bool {
    let due = window_start.and_then(|start| start.checked_sub_days(chrono::Days::new(OVERDUE_DAYS)));
    status == ApprovalStatus::Pending && due.is_some_and(|due| today >= due)
}

/// One requirement and where it stands: `greychart approvals --json`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApprovalRow {
    /// The requirement's id.
    pub id: String,
    /// The release.
    pub release: String,
    /// Who must approve.
    pub approver: String,
    /// In what capacity.
    pub role: ApprovalRole,
    /// The rule or reason that created it.
    pub rule: String,
    /// Created by a rule, not by hand.
    pub derived: bool,
    /// Its latest decision, or pending.
    pub status: ApprovalStatus,
    /// When the latest decision was made.
    pub decided_at: Option<String>,
    /// The latest decision's comment.
    pub comment: String,
    /// The release changed after the approval.
    pub stale: bool,
    /// What changed.
    pub stale_reason: String,
    /// Nobody has decided yet and the window opens within `OVERDUE_DAYS`
    /// days, or has opened (see [`overdue`]).
    pub overdue: bool,
    /// Signed off: approved, and the release has not changed since (see [`signed`]).
    pub signed: bool,
}

/// Whether an approval counts as signed off: approved, and not made stale
/// by a change to the release since.
pub fn signed(status: ApprovalStatus, stale: bool) -> bool {
    status == ApprovalStatus::Approved && !stale
}

fn rank(level: RiskLevel) -> u8 {
    match level {
        RiskLevel::Low => 0,
        RiskLevel::Medium => 1,
        RiskLevel::High => 2,
    }
}

/// The person with this id, for messages.
pub fn person<'a>(people: &'a [Person], id: &str) -> Option<&'a Person> {
    people.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests;
