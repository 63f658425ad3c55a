//! Who must approve what, kept in step with the releases.
//!
//! The requirements the rules derive are stored (so decisions can point at
//! them) and re-derived before every commit that wrote something the rules
//! read: new ones are added, ones no longer needed stay but inactive (their
//! decisions keep their history), and one waived by hand stays waived.
//! Changing a release's scope (its changes or their dependencies), schedule
//! (window) or risk marks its approvals stale with the reason. Decisions are
//! never edited or deleted. A release moves to "scheduled" only when every
//! active requirement is approved and current, or with an override whose
//! reason is logged.

use std::collections::HashMap;

use greychart_core::approvals::{
    overdue, path_to_yes, requirement_id, signed, ApprovalInputs, ApprovalRow, ApprovalSettings, ApprovalStatus,
    PathToYes, RuleBook,
};
use greychart_core::model::*;
use greychart_core::planning::PlanRecords;
use rusqlite::OptionalExtension;

use crate::error::{Result, StoreError};
use crate::read::{get_on, Read};
use crate::record::Rules;
use crate::write::json;
use crate::{Workspace, Write};

/// Settings the approval rules read.
pub(crate) const SETTINGS: &[&str] = &["change_manager", "cab_chair", "finance_approver", "finance_threshold"];

impl Read<'_> {
    /// Who fills the standing approval roles.
    pub fn approval_settings(&self) -> Result<ApprovalSettings> {
        Ok(ApprovalSettings {
            change_manager: self.setting("change_manager")?,
            cab_chair: self.setting("cab_chair")?,
            finance_approver: self.setting("finance_approver")?,
            finance_threshold: self.setting("finance_threshold")?.and_then(|v| v.parse().ok()),
        })
    }

    /// Every active requirement (of one release, or all) with its status,
    /// and whether it is overdue on `today` (the user's own date).
    pub fn approvals(&self, release: Option<&str>, today: chrono::NaiveDate) -> Result<Vec<ApprovalRow>> {
        let requirements: Vec<ApprovalRequirement> = self.list()?;
        let releases: Vec<Release> = self.list()?;
        let opens: HashMap<&str, Option<chrono::NaiveDate>> =
            releases.iter().map(|r| (r.id.as_str(), r.window_start)).collect();
        let mut decisions: Vec<Decision> = self.list()?;
        decisions.sort_by(|a, b| a.decided_at.cmp(&b.decided_at));
        let mut latest: HashMap<&str, &Decision> = HashMap::new();
        for d in &decisions {
            latest.insert(d.requirement.as_str(), d);
        }
        Ok(requirements
            .iter()
            .filter(|q| q.active && release.is_none_or(|r| q.release == r))
            .map(|q| {
                let d = latest.get(q.id.as_str());
                let status = d.map_or(ApprovalStatus::Pending, |d| d.kind.into());
                let stale = d.is_some_and(|d| d.stale);
                ApprovalRow {
                    id: q.id.clone(),
                    release: q.release.clone(),
                    approver: q.approver.clone(),
                    role: q.role,
                    rule: q.rule.clone(),
                    derived: q.derived,
                    status,
                    decided_at: d.map(|d| d.decided_at.clone()),
                    comment: d.map(|d| d.comment.clone()).unwrap_or_default(),
                    stale,
                    stale_reason: d.map(|d| d.stale_reason.clone()).unwrap_or_default(),
                    overdue: overdue(status, opens.get(q.release.as_str()).copied().flatten(), today),
                    signed: signed(status, stale),
                }
            })
            .collect())
    }
}

impl Workspace {
    /// Sets who fills the standing approval roles and the finance threshold,
    /// in one undoable edit; every release's requirements follow. A person
    /// who does not exist, or a threshold that is not a positive amount, is
    /// refused naming the field, and nothing changes.
    pub fn set_approval_settings(&mut self, settings: &ApprovalSettings) -> Result<()> {
        if let Some(t) = settings.finance_threshold {
            if !(t.is_finite() && t >= 0.0) {
                return Err(StoreError::invalid("finance_threshold", "must be an amount of 0 or more"));
            }
        }
        let mut w = self.write()?;
        let people = [
            ("change_manager", &settings.change_manager),
            ("cab_chair", &settings.cab_chair),
            ("finance_approver", &settings.finance_approver),
        ];
        for (key, person) in people {
            match person {
                Some(id) => {
                    if get_on::<Person>(&w.tx, &[id])?.is_none() {
                        return Err(StoreError::invalid(key, format!("no person has id {id}")));
                    }
                    w.set_setting(key, id)?;
                }
                None => w.clear_setting(key)?,
            }
        }
        match settings.finance_threshold {
            Some(t) => w.set_setting("finance_threshold", &t.to_string())?,
            None => w.clear_setting("finance_threshold")?,
        }
        w.commit()
    }
}

impl Write<'_> {
    /// Re-derives the requirements of the open releases `scope` names (see
    /// the module).
    pub(crate) fn sync_requirements(&mut self, scope: &Rules) -> Result<()> {
        let in_scope = |id: &str| match scope {
            Rules::Unaffected => false,
            Rules::Releases(ids) => ids.iter().any(|r| r == id),
            Rules::All => true,
        };
        let read = Read::new(&self.tx);
        let (components, services, periods): (Vec<Component>, Vec<Service>, Vec<Period>) =
            (read.list()?, read.list()?, read.list()?);
        let (teams, rules): (Vec<Team>, Vec<ApprovalRule>) = (read.list()?, read.list()?);
        let settings = read.approval_settings()?;
        // A few releases: their own changes and requirements, and only the
        // people the rules could name for them; else everything.
        let (releases, changes, existing, people) = match scope {
            Rules::Releases(ids) => {
                let mut releases: Vec<Release> = Vec::new();
                let (mut changes, mut existing): (Vec<Change>, Vec<ApprovalRequirement>) = (Vec::new(), Vec::new());
                for id in ids {
                    releases.extend(read.get::<Release>(&[id])?);
                    changes.extend(read.list_where::<Change>("release", id)?);
                    existing.extend(read.list_where::<ApprovalRequirement>("release", id)?);
                }
                let people = people_for_rules(&read, &changes, &components, &services, &teams, &rules, &settings)?;
                (releases, changes, existing, people)
            }
            _ => (read.list()?, read.list()?, read.list()?, read.list()?),
        };
        let waived: Vec<String> = {
            let mut stmt = self.tx.prepare_cached("SELECT id FROM requirements WHERE origin = 'waived'")?;
            let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            ids
        };
        let records =
            PlanRecords { releases, changes, components, services, periods, people, ..PlanRecords::default() };
        let releases = &records.releases;
        let inputs = ApprovalInputs { plan: records.inputs(), teams: &teams, rules: &rules, settings: &settings };
        let book = RuleBook::new(&inputs);
        let by_id: HashMap<&str, &ApprovalRequirement> = existing.iter().map(|q| (q.id.as_str(), q)).collect();
        let mut changed: Vec<String> = Vec::new();
        for release in releases.iter().filter(|r| !r.stage.is_settled() && in_scope(&r.id)) {
            let needed = book.required(release);
            let mut wanted: Vec<String> = Vec::new();
            for n in &needed {
                // A requirement added by hand for the same person and role stands for it.
                let by_hand = existing.iter().any(|q| {
                    !q.derived && q.active && q.release == release.id && q.approver == n.approver && q.role == n.role
                });
                if by_hand {
                    continue;
                }
                let id = requirement_id(&release.id, n.role, &n.approver);
                wanted.push(id.clone());
                if waived.contains(&id) {
                    continue;
                }
                let fresh = ApprovalRequirement {
                    id: id.clone(),
                    release: release.id.clone(),
                    approver: n.approver.clone(),
                    role: n.role,
                    rule: n.rule.clone(),
                    derived: true,
                    active: true,
                };
                if by_id.get(id.as_str()).is_none_or(|q| **q != fresh) {
                    self.put(&fresh)?;
                    changed.push(format!("{id} needed: {}", n.rule));
                }
            }
            for q in existing.iter().filter(|q| q.derived && q.active && q.release == release.id) {
                if !wanted.contains(&q.id) && !waived.contains(&q.id) {
                    self.put(&ApprovalRequirement { active: false, ..q.clone() })?;
                    changed.push(format!("{} no longer needed", q.id));
                }
            }
        }
        if !changed.is_empty() {
            self.audit("sync", "approval requirement", "", None, Some(&changed.join("\n")))?;
        }
        Ok(())
    }

    /// The release an item is or belongs to.
    pub(crate) fn release_of(&self, item: &str) -> Result<Option<String>> {
        let release: Option<Option<String>> =
            self.tx.query_row("SELECT release FROM changes WHERE id = ?1", [item], |r| r.get(0)).optional()?;
        Ok(match release {
            Some(r) => r,
            None => self.tx.query_row("SELECT id FROM releases WHERE id = ?1", [item], |r| r.get(0)).optional()?,
        })
    }

    /// Marks the current decisions of a release stale, saying why: each was
    /// made on what the release was then.
    pub(crate) fn mark_stale(&mut self, release: &str, reason: &str) -> Result<()> {
        let marked = self.tx.execute(
            "UPDATE decisions SET stale = 1, stale_reason = ?2 \
             WHERE stale = 0 AND requirement IN (SELECT id FROM requirements WHERE release = ?1)",
            [release, reason],
        )?;
        if marked > 0 {
            self.audit("stale", "decision", release, None, Some(&format!("{marked} decisions: {reason}")))?;
        }
        Ok(())
    }

    /// Refuses scheduling a release whose active requirements are not all
    /// approved and current, naming what is missing; an override reason
    /// set on this handle lets it through and is logged.
    pub(crate) fn check_ready_to_schedule(&mut self, release: &str) -> Result<()> {
        // Whether one is overdue does not matter here: today is any day.
        let rows = Read::new(&self.tx).approvals(Some(release), chrono::NaiveDate::MIN)?;
        let missing: Vec<String> = rows
            .iter()
            .filter(|r| r.status != ApprovalStatus::Approved || r.stale)
            .map(|r| {
                format!(
                    "{} ({}, {}{})",
                    r.approver,
                    r.role.title(),
                    r.status.words(),
                    if r.stale { ", stale" } else { "" }
                )
            })
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        match self.override_reason.clone() {
            Some(reason) => self.audit("override", "release", release, None, Some(&format!("scheduled with approvals missing ({}): {reason}", missing.join(", ")))),
            None => Err(StoreError::Conflict(format!(
                "{release} cannot be scheduled: approvals missing from {}; record them, or schedule with an override and a reason",
                missing.join(", ")
            ))),
        }
    }
}

impl Workspace {
    /// What it takes to get each approver of `release` who has not (or no
    /// longer) said yes to yes, from the grey chart as of `as_of`.
    pub fn path_to_yes(&self, release: &str, as_of: chrono::NaiveDate) -> Result<Vec<PathToYes>> {
        let read = self.read();
        let found: Release =
            read.get(&[release])?.ok_or_else(|| StoreError::NotFound { entity: "release", id: release.to_owned() })?;
        let rows = read.approvals(Some(release), as_of)?;
        let graph = self.sway_graph(as_of)?;
        let (stances, absences, people): (Vec<Stance>, Vec<Absence>, Vec<Person>) =
            (read.list()?, read.list()?, read.list()?);
        let me = read.setting("me")?;
        Ok(path_to_yes(&rows, &found, &graph, &stances, &absences, &people, me.as_deref()))
    }

    /// Every active requirement with its status (one release, or all),
    /// overdue or not on `today`.
    pub fn approvals(&self, release: Option<&str>, today: chrono::NaiveDate) -> Result<Vec<ApprovalRow>> {
        self.read().approvals(release, today)
    }

    /// Records a decision on a requirement, now, numbered; the history keeps
    /// every earlier one.
    pub fn record_decision(
        &mut self,
        requirement: &str,
        kind: DecisionKind,
        decided_by: &str,
        comment: &str,
    ) -> Result<Decision> {
        let mut w = self.write()?;
        let decision = Decision {
            id: w.next_id("decisions", "d")?,
            requirement: requirement.to_owned(),
            kind,
            decided_by: decided_by.to_owned(),
            decided_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            comment: comment.to_owned(),
            stale: false,
            stale_reason: String::new(),
            recorded_by: String::new(),
            source: String::new(),
            login: String::new(),
        };
        w.save(&decision)?;
        w.commit()?;
        Ok(decision)
    }

    /// Adds a requirement by hand; the reason is kept as its rule.
    pub fn add_requirement(
        &mut self,
        release: &str,
        approver: &str,
        role: ApprovalRole,
        reason: &str,
    ) -> Result<ApprovalRequirement> {
        if reason.trim().is_empty() {
            return Err(StoreError::invalid("reason", "say why this approval is needed"));
        }
        let mut w = self.write()?;
        let requirement = ApprovalRequirement {
            id: w.next_id("requirements", "a")?,
            release: release.to_owned(),
            approver: approver.to_owned(),
            role,
            rule: format!("added by hand: {}", reason.trim()),
            derived: false,
            active: true,
        };
        w.save(&requirement)?;
        w.commit()?;
        Ok(requirement)
    }

    /// Removes a requirement with a reason: a derived one stays waived (the
    /// rules do not bring it back), one added by hand becomes inactive.
    pub fn remove_requirement(&mut self, id: &str, reason: &str) -> Result<()> {
        if reason.trim().is_empty() {
            return Err(StoreError::invalid("reason", "say why this approval is not needed"));
        }
        let mut w = self.write()?;
        let before: ApprovalRequirement = get_on(&w.tx, &[id])?
            .ok_or_else(|| StoreError::NotFound { entity: "approval requirement", id: id.to_owned() })?;
        let origin = if before.derived { "waived" } else { "manual" };
        w.tx.execute("UPDATE requirements SET active = 0, origin = ?2 WHERE id = ?1", [id, origin])?;
        w.audit("waive", "approval requirement", id, Some(&json(&before)), Some(reason.trim()))?;
        w.commit()
    }

    /// Moves a release to "scheduled"; with approvals missing only with an
    /// override, whose reason is logged.
    pub fn schedule_release(&mut self, id: &str, override_reason: Option<&str>) -> Result<Release> {
        let mut w = self.write()?;
        let release: Release =
            get_on(&w.tx, &[id])?.ok_or_else(|| StoreError::NotFound { entity: "release", id: id.to_owned() })?;
        w.override_reason = override_reason.map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
        let scheduled = Release { stage: Stage::Scheduled, ..release };
        w.save(&scheduled)?;
        w.commit()?;
        Ok(scheduled)
    }
}

/// The people the rules could name for releases made of `changes`: the
/// members of the teams owning what they change and of the change and
/// finance teams, with everyone above them (a team's head is the member
/// nearest the top), and the people the components, services, settings and
/// rules name. Read by index, so one release's rules cost what it touches,
/// not the size of the organisation.
fn people_for_rules(
    read: &Read<'_>,
    changes: &[Change],
    components: &[Component],
    services: &[Service],
    teams: &[Team],
    rules: &[ApprovalRule],
    settings: &ApprovalSettings,
) -> Result<Vec<Person>> {
    let touched: std::collections::HashSet<&str> =
        changes.iter().flat_map(|c| c.components.iter().map(String::as_str)).collect();
    let touched_components: Vec<&Component> = components.iter().filter(|c| touched.contains(c.id.as_str())).collect();
    let mut wanted_teams: Vec<&str> = touched_components.iter().filter_map(|c| c.owner_team.as_deref()).collect();
    wanted_teams
        .extend(teams.iter().filter(|t| matches!(t.kind, TeamKind::Change | TeamKind::Finance)).map(|t| t.id.as_str()));
    wanted_teams.sort_unstable();
    wanted_teams.dedup();
    let mut people: HashMap<String, Person> = HashMap::new();
    for team in wanted_teams {
        for p in read.list_where::<Person>("team", team)? {
            people.insert(p.id.clone(), p);
        }
    }
    let mut named: Vec<&str> = touched_components.iter().filter_map(|c| c.owner.as_deref()).collect();
    named.extend(services.iter().filter_map(|s| s.business_owner.as_deref()));
    named.extend(rules.iter().map(|r| r.approver.as_str()));
    named.extend(
        [&settings.change_manager, &settings.cab_chair, &settings.finance_approver]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    for id in named {
        if !people.contains_key(id) {
            if let Some(p) = read.get::<Person>(&[id])? {
                people.insert(p.id.clone(), p);
            }
        }
    }
    // Everyone above them, for how near the top each member is.
    let mut pending: Vec<String> = people.values().filter_map(|p| p.manager.clone()).collect();
    while let Some(id) = pending.pop() {
        if people.contains_key(&id) {
            continue;
        }
        if let Some(p) = read.get::<Person>(&[id.as_str()])? {
            pending.extend(p.manager.clone());
            people.insert(p.id.clone(), p);
        }
    }
    let mut people: Vec<Person> = people.into_values().collect();
    people.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(people)
}
