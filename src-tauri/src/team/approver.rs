//! The approver's side of the link: what waits for their decision (and for
//! those who delegated to them today), their delegations, and a desktop
//! notification for each new request.

use std::collections::HashSet;

use greychart_core::approvals::{waiting_for, ApprovalStatus};
use greychart_core::model::{ApprovalRequirement, Decision, DecisionKind, Person, Release};
use greychart_core::transport::{DelegationRow, WaitingRequest};
use greychart_core::{ApiError, ErrorCode};
use greychart_store::Workspace;
use greychart_team::TeamError;

use super::notes::person_name;
use super::{team_error, Notify, TeamLink, WithWorkspace};

impl TeamLink {
    /// What waits for the signed-in person's decision in `ws` today, and
    /// for those who delegated to them for today, overdue first.
    pub fn waiting(&self, ws: &Workspace) -> Result<Vec<WaitingRequest>, ApiError> {
        let today = chrono::Local::now().date_naive();
        let me = match ws.team_setting("team_person")? {
            Some(me) if !me.is_empty() => me,
            _ => ws.read().setting("me")?.unwrap_or_default(),
        };
        if me.is_empty() {
            return Ok(Vec::new());
        }
        let delegators: Vec<String> = self
            .link()
            .delegations
            .iter()
            .filter(|d| d.delegate == me && d.from <= today && today <= d.until)
            .map(|d| d.delegator.clone())
            .collect();
        let mut people = vec![me.as_str()];
        people.extend(delegators.iter().map(String::as_str));
        let rows = ws.approvals(None, today)?;
        let releases: Vec<Release> = ws.read().list()?;
        let person = |id: &str| person_name(ws, id);
        Ok(waiting_for(&rows, &releases, &people)
            .into_iter()
            .map(|row| {
                let release = releases.iter().find(|r| r.id == row.release);
                WaitingRequest {
                    requirement: row.id.clone(),
                    release: row.release.clone(),
                    release_name: release.map_or_else(|| row.release.clone(), |r| r.name.clone()),
                    window_start: release.and_then(|r| r.window_start).map(|d| d.to_string()),
                    approver: row.approver.clone(),
                    approver_name: person(&row.approver),
                    delegated: row.approver != me,
                    role: row.role,
                    rule: row.rule.clone(),
                    overdue: row.overdue,
                    stale: row.stale,
                    changed: row.stale_reason.clone(),
                    last_decision: (row.status != ApprovalStatus::Pending)
                        .then(|| row.status.as_str().replace('_', " ")),
                }
            })
            .collect())
    }

    /// The delegations the team had at the last sync, with names.
    pub fn delegations(&self, ws: &Workspace) -> Vec<DelegationRow> {
        let person = |id: &str| person_name(ws, id);
        self.link()
            .delegations
            .iter()
            .map(|d| DelegationRow {
                delegator: d.delegator.clone(),
                delegator_name: person(&d.delegator),
                delegate: d.delegate.clone(),
                delegate_name: person(&d.delegate),
                from: d.from.to_string(),
                until: d.until.to_string(),
            })
            .collect()
    }

    /// Lets `to` decide for the signed-in approver from `from` to `until`
    /// (both `YYYY-MM-DD`, both days included); answers the delegations now.
    pub fn delegate(&self, ws: &Workspace, to: &str, from: &str, until: &str) -> Result<Vec<DelegationRow>, ApiError> {
        let day = |text: &str, field: &str| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                ApiError::on_field(ErrorCode::Invalid, field, format!("{text:?} is not a date like 2026-12-31"))
            })
        };
        let (first, last) = (day(from, "from")?, day(until, "until")?);
        if ws.read().get::<Person>(&[to])?.is_none() {
            return Err(ApiError::on_field(ErrorCode::NotFound, "to", format!("no person with id {to:?}")));
        }
        let connection = self.online(ws, "a delegation is made online")?;
        connection.delegate(None, to, first, last).map_err(|e| match e {
            TeamError::Invalid(m) => ApiError::on_field(ErrorCode::Invalid, "until", m),
            other => team_error(other),
        })?;
        if let Ok(all) = connection.delegations() {
            self.link().delegations = all;
        }
        Ok(self.delegations(ws))
    }

    /// Notifies each request that waits for the user now and did not at
    /// the last look (none at the first look: they were there already).
    pub(super) fn notify_new(&self, with: WithWorkspace<'_>, notify: Notify<'_>) {
        let mut waiting = None;
        with(&mut |ws| waiting = self.waiting(ws).ok());
        let Some(waiting) = waiting else { return };
        let now: HashSet<String> = waiting.iter().map(|w| w.requirement.clone()).collect();
        let mut link = self.link();
        let fresh: Vec<&WaitingRequest> = match &link.waiting {
            Some(before) => waiting.iter().filter(|w| !before.contains(&w.requirement)).collect(),
            None => Vec::new(),
        };
        for w in fresh {
            let body = if w.delegated {
                format!("{} waits for a decision for {} (delegated to you)", w.release_name, w.approver_name)
            } else {
                format!("{} waits for your sign-off", w.release_name)
            };
            notify("Greychart: waiting for you", &body);
            link.notified.push(body);
        }
        link.waiting = Some(now);
    }

    /// Records a decision on `requirement` in a team workspace from the
    /// Approvals checklist: as the signed-in user when it is theirs, under
    /// a delegation of today, else — a manager — on the approver's behalf
    /// with `source` (asked for when missing). Pushed at once.
    pub fn record_on(
        &self,
        ws: &mut Workspace,
        requirement: &ApprovalRequirement,
        kind: DecisionKind,
        comment: &str,
        source: Option<&str>,
    ) -> Result<Decision, ApiError> {
        let me = ws.team_setting("team_person")?.unwrap_or_default();
        let today = chrono::Local::now().date_naive();
        let source = source.map(str::trim).filter(|s| !s.is_empty());
        let delegated =
            self.link().delegations.iter().any(|d| {
                d.delegator == requirement.approver && d.delegate == me && d.from <= today && today <= d.until
            });
        if requirement.approver != me && !delegated && source.is_none() {
            return Err(ApiError::on_field(
                ErrorCode::Invalid,
                "source",
                "a decision given outside Greychart needs its source (a mail, the CAB minutes); or the approver decides in Greychart themselves",
            ));
        }
        let decide = greychart_team::Decide {
            release: &requirement.release,
            approver: (requirement.approver != me).then_some(requirement.approver.as_str()),
            kind,
            comment,
            source: if requirement.approver == me || (delegated && source.is_none()) { None } else { source },
        };
        let written = greychart_team::decide(ws, &decide).map_err(|e| match e {
            TeamError::Invalid(m) if m.contains("--source") || m.contains("only a manager") => {
                ApiError::on_field(ErrorCode::Invalid, "source", m)
            }
            other => team_error(other),
        })?;
        self.sync(ws)?;
        written
            .into_iter()
            .find(|d| d.requirement == requirement.id)
            .ok_or_else(|| ApiError::new(ErrorCode::Invalid, format!("{} is not asked any more", requirement.approver)))
    }
}
