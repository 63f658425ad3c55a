//! The demo workspace: a mid-sized bank's IT organisation with its business
//! counterparts, a believable grey chart and six releases in flight. Dates
//! are relative to `today`, so the demo always looks current, and the same
//! `today` always gives the same workspace.

use chrono::{Duration, NaiveDate};

use crate::model::*;

mod data;
use data::*;

/// The demo workspace as of `today`.
pub fn demo_workspace(today: NaiveDate) -> WorkspaceData {
    let day = |offset: i64| today + Duration::days(offset);
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let teams = TEAMS.iter().map(|&(id, name, kind)| Team { id: id.into(), name: name.into(), kind }).collect();
    let people = PEOPLE
        .iter()
        .map(|&(id, name, title, team, manager)| Person {
            id: id.into(),
            name: name.into(),
            title: title.into(),
            team: opt(team),
            manager: opt(manager),
        })
        .collect();
    let claims = CLAIMS
        .iter()
        .enumerate()
        .map(|(i, &(from, to, strength, confidence, ago, half_life, source, note))| Claim {
            id: format!("cl{:04}", i + 1),
            from: from.into(),
            to: to.into(),
            strength,
            confidence,
            observed_on: day(-ago),
            half_life_days: f64::from(half_life),
            source: source.into(),
            note: note.into(),
            recorded_by: "p26".into(),
            retired: false,
        })
        .collect();
    let releases = RELEASES
        .iter()
        .map(|&(id, name, stage, start, length, risk)| Release {
            id: id.into(),
            name: name.into(),
            stage,
            window_start: Some(day(start)),
            window_end: Some(day(start + length - 1)),
            risk,
            cost: COSTS.iter().find(|(r, _)| *r == id).map(|&(_, c)| c),
        })
        .collect();
    let mut requirements = Vec::new();
    let mut decisions = Vec::new();
    for &(id, release, approver, role, rule, decision, comment) in REQUIREMENTS {
        requirements.push(ApprovalRequirement {
            id: id.into(),
            release: release.into(),
            approver: approver.into(),
            role,
            rule: rule.into(),
            derived: false,
            active: true,
        });
        if let Some(kind) = decision {
            decisions.push(Decision {
                id: format!("d{}", &id[1..]),
                requirement: id.into(),
                kind,
                decided_by: approver.into(),
                decided_at: format!("{}T10:00:00Z", day(-3 - decisions.len() as i64)),
                comment: comment.into(),
                stale: comment.starts_with("Stale"),
                stale_reason: if comment.starts_with("Stale") {
                    "the scope changed after this approval".into()
                } else {
                    String::new()
                },
                recorded_by: String::new(),
                source: String::new(),
                login: String::new(),
            });
        }
    }
    WorkspaceData {
        me: Some("p26".into()),
        formal_weight: DEFAULT_FORMAL_WEIGHT,
        teams,
        people,
        claims,
        stances: STANCES
            .iter()
            .map(|&(person, release, stance, note)| Stance {
                person: person.into(),
                release: release.into(),
                stance,
                noted_on: day(-7),
                note: note.into(),
            })
            .collect(),
        profiles: PROFILES
            .iter()
            .map(|&(person, interest, involvement)| StakeholderProfile { person: person.into(), interest, involvement })
            .collect(),
        engagements: ENGAGEMENTS
            .iter()
            .enumerate()
            .map(|(i, &(person, ago, channel, summary))| EngagementEntry {
                id: format!("e{:03}", i + 1),
                person: person.into(),
                date: day(-ago),
                channel: channel.into(),
                summary: summary.into(),
            })
            .collect(),
        components: COMPONENTS
            .iter()
            .map(|&(id, name, team, owner)| Component {
                id: id.into(),
                name: name.into(),
                owner_team: opt(team),
                owner: opt(owner),
            })
            .collect(),
        services: SERVICES
            .iter()
            .map(|&(id, name, owner, deps)| Service {
                id: id.into(),
                name: name.into(),
                business_owner: opt(owner),
                depends_on: deps.iter().map(|d| (*d).to_owned()).collect(),
            })
            .collect(),
        releases,
        changes: CHANGES
            .iter()
            .map(|&(id, title, release, components, days)| Change {
                not_before: None,
                risk: None,
                id: id.into(),
                title: title.into(),
                release: opt(release),
                components: components.iter().map(|c| (*c).to_owned()).collect(),
                duration_days: days,
            })
            .collect(),
        dependencies: DEPENDENCIES
            .iter()
            .map(|&(before, after, lag)| Dependency { before: before.into(), after: after.into(), lag_days: lag })
            .collect(),
        periods: vec![
            period("w1", "Weekly deployment window", PeriodKind::Window, day(0), day(90), Scope::Global, None),
            period("f1", "Year-end freeze", PeriodKind::Freeze, day(21), day(38), Scope::Global, None),
            period(
                "f2",
                "Payments quarter-end freeze",
                PeriodKind::Freeze,
                day(85),
                day(92),
                Scope::Service,
                Some("svc-payments"),
            ),
        ],
        absences: vec![
            Absence {
                id: "ab1".into(),
                person: "p25".into(),
                starts_on: day(9),
                ends_on: day(13),
                note: "Annual leave".into(),
            },
            Absence {
                id: "ab2".into(),
                person: "p34".into(),
                starts_on: day(40),
                ends_on: day(44),
                note: "Conference".into(),
            },
        ],
        requirements,
        decisions,
        approval_rules: vec![ApprovalRule {
            id: "customer-facing".into(),
            condition: "touches:web-portal".into(),
            role: ApprovalRole::Qa,
            approver: "p15".into(),
            note: "QA signs off every change customers see".into(),
        }],
        change_manager: Some("p25".into()),
        cab_chair: Some("p27".into()),
        finance_approver: Some("p05".into()),
        finance_threshold: Some(100_000.0),
    }
}

fn period(
    id: &str,
    name: &str,
    kind: PeriodKind,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    scope: Scope,
    scope_id: Option<&str>,
) -> Period {
    Period { id: id.into(), name: name.into(), kind, starts_on, ends_on, scope, scope_id: scope_id.map(str::to_owned) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::find_cycle;

    #[test]
    fn the_demo_is_valid_and_acyclic() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        let data = demo_workspace(today);
        assert_eq!(data.people.len(), 40);
        assert!(data.claims.len() >= 60);
        assert_eq!(data.releases.len(), 6);
        assert_eq!(data.changes.len(), 30);
        for p in &data.people {
            assert_eq!(p.validate(), Ok(()), "{}", p.id);
        }
        for c in &data.claims {
            assert_eq!(c.validate(), Ok(()), "{}", c.id);
        }
        for d in &data.decisions {
            assert_eq!(d.validate(), Ok(()), "{}", d.id);
        }
        let managers = data.people.iter().filter_map(|p| p.manager.as_deref().map(|m| (m, p.id.as_str())));
        assert_eq!(find_cycle(managers), None);
        let deps = data.dependencies.iter().map(|d| (d.before.as_str(), d.after.as_str()));
        assert_eq!(find_cycle(deps), None);
        let kinds: std::collections::HashSet<_> = data.decisions.iter().map(|d| d.kind).collect();
        assert_eq!(kinds.len(), DecisionKind::ALL.len(), "every decision kind appears");
    }
}
