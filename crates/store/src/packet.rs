//! What a release's sign-off packet holds, as the JSON the packet template
//! reads. The sign-off audience gets formal data only: no claim, stance,
//! note or engagement entry reaches it. The brief adds the path to yes.

use chrono::NaiveDate;
use greychart_core::approvals::Signed;
use greychart_core::model::{Audience, Change, Component, Dependency, Period, Person, Release, Service, Team};
use greychart_core::planning::{release_diagram, PlanReport, SlotKind};
use serde_json::{json, Value};

use crate::error::{Result, StoreError};
use crate::Workspace;

/// FNV-1a over the bytes: a stable, machine-independent fingerprint.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Workspace {
    /// The packet of `release` for `audience` as of `date`, with a document
    /// id derived from its content.
    pub fn packet_data(&self, release: &str, audience: Audience, date: NaiveDate) -> Result<Value> {
        self.packet_with(release, audience, date, self.plan(date).ok().as_ref())
    }

    /// The packet, given the plan from `date` (`None` when it cannot be made).
    fn packet_with(
        &self,
        release: &str,
        audience: Audience,
        date: NaiveDate,
        plan: Option<&PlanReport>,
    ) -> Result<Value> {
        let read = self.read();
        let r: Release =
            read.get(&[release])?.ok_or_else(|| StoreError::NotFound { entity: "release", id: release.to_owned() })?;
        let (changes, components, services): (Vec<Change>, Vec<Component>, Vec<Service>) =
            (read.list()?, read.list()?, read.list()?);
        let (people, teams, periods): (Vec<Person>, Vec<Team>, Vec<Period>) =
            (read.list()?, read.list()?, read.list()?);
        let name = |id: &str| {
            people
                .iter()
                .map(|p| (&p.id, &p.name))
                .chain(teams.iter().map(|t| (&t.id, &t.name)))
                .chain(services.iter().map(|s| (&s.id, &s.name)))
                .chain(components.iter().map(|c| (&c.id, &c.name)))
                .find(|(k, _)| *k == id)
                .map_or(id.to_owned(), |(_, v)| v.clone())
        };
        let mine: Vec<&Change> = changes.iter().filter(|c| c.release.as_deref() == Some(release)).collect();
        let window = r.window_start.zip(r.window_end).map_or("not planned".to_owned(), |(a, b)| format!("{a} – {b}"));
        let mut schedule = Vec::new();
        if let Some(slot) =
            plan.and_then(|p| p.schedule.iter().find(|s| s.kind == SlotKind::Release && s.id == release))
        {
            schedule.push(json!({ "what": "Work", "when": format!("{} – {}", slot.starts_on, slot.ready_on) }));
            let deploy = slot.deploys_on.map_or("no deployment window left".to_owned(), |d| d.to_string());
            schedule.push(json!({ "what": "Earliest feasible deployment", "when": deploy }));
        }
        schedule.push(json!({ "what": "Planned window", "when": window }));
        let conflicts: Vec<Value> = plan
            .map(|p| {
                p.conflicts
                    .iter()
                    .filter(|c| c.items.iter().any(|i| i == release || mine.iter().any(|m| &m.id == i)))
                    .map(|c| json!({ "kind": c.kind.words(), "message": c.message }))
                    .collect()
            })
            .unwrap_or_default();
        let dependencies: Vec<Dependency> = read.list()?;
        let critical = plan.map(|p| p.critical_path.as_slice()).unwrap_or_default();
        let mut diagram = release_diagram(release, &changes, &dependencies, critical);
        let releases: Vec<Release> = read.list()?;
        for node in &mut diagram.nodes {
            if let Some(whole) = releases.iter().find(|x| x.id == node.id) {
                node.label = format!("all of {}", whole.name);
            }
        }
        let touched: Vec<&str> = mine.iter().flat_map(|c| c.components.iter().map(String::as_str)).collect();
        let impact = self.impact(release).ok();
        // Global periods, and those naming a touched component or a service it reaches.
        let reaches =
            |id: &str| touched.contains(&id) || impact.as_ref().is_some_and(|i| i.services.iter().any(|s| s == id));
        let applying: Vec<Value> = periods
            .iter()
            .filter(|p| p.scope_id.as_deref().is_none_or(reaches))
            .map(|p| json!({ "kind": p.kind.as_str(), "name": p.name, "dates": format!("{} – {}", p.starts_on, p.ends_on) }))
            .collect();
        let mut impacted: Vec<Value> = Vec::new();
        if let Some(i) = &impact {
            impacted.extend(i.services.iter().map(|s| json!({ "kind": "service", "name": name(s) })));
            impacted.extend(i.teams.iter().map(|t| json!({ "kind": "team", "name": name(t) })));
            impacted.extend(i.people.iter().map(|p| json!({ "kind": "business owner", "name": name(p) })));
        }
        let rows = read.approvals(Some(release), date)?;
        let signed = self.signed_in_app(release)?;
        let approvals: Vec<Value> = rows
            .iter()
            .map(|a| {
                // Given in the app and standing: printed in place of the blank line.
                let electronic = signed
                    .get(&a.id)
                    .filter(|s| !a.stale && a.decided_at.as_deref() == Some(s.decided_at.as_str()))
                    .map(|s| {
                        let fingerprint = Signed {
                            team_id: s.team_id,
                            release,
                            approver: &s.approver,
                            decision: &s.decision,
                            comment: &s.comment,
                            scope: &s.scope,
                            login: &s.login,
                        }
                        .fingerprint();
                        let at = s.decided_at.get(..16).unwrap_or(&s.decided_at).replace('T', " ");
                        json!({ "login": s.login, "when": format!("{at} UTC"), "fingerprint": fingerprint, "decision": a.status.words() })
                    });
                let mut row = json!({
                    "role": a.role.title(),
                    "approver": name(&a.approver),
                    "rule": a.rule,
                    "status": if a.stale { format!("{} (stale)", a.status.words()) } else { a.status.words() },
                    "decided": a.decided_at.as_deref().map(|d| d.get(..10).unwrap_or(d)).unwrap_or(""),
                    "comment": a.comment,
                });
                // Only where there is one: a packet without keeps its document id.
                if let Some(e) = electronic {
                    row["electronic"] = e;
                }
                row
            })
            .collect();
        let path_to_yes: Vec<Value> = if audience == Audience::Brief {
            self.path_to_yes(release, date)?
                .iter()
                .map(|p| {
                    json!({
                        "approver": name(&p.approval.approver),
                        "role": p.approval.role.title(),
                        "status": p.approval.status.words(),
                        "stance": p.stance.map_or("unknown", |s| s.as_str()),
                        "influencers": p.influencers.iter().map(|i| format!("{} ({:.2}, {})", name(&i.person), i.weight, i.stance.map_or("stance unknown", |s| s.as_str()))).collect::<Vec<_>>().join("; "),
                        "path": if p.path.path.is_empty() { "none known".to_owned() } else { p.path.path.iter().map(|x| name(x)).collect::<Vec<_>>().join(" → ") },
                        "warnings": p.warnings,
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut data = json!({
            "audience": audience.as_str(),
            "packet_date": date.to_string(),
            "release": {
                "id": r.id, "name": r.name, "stage": r.stage.as_str(), "window": window, "risk": r.risk.as_str(),
                "cost": r.cost.map_or("not estimated".to_owned(), |c| format!("{c:.0}")),
            },
            "summary": format!("{} changes, {} days of work, touching {}.", mine.len(), mine.iter().map(|c| c.duration_days).sum::<u32>(), {
                let mut names: Vec<String> = touched.iter().map(|c| name(c)).collect();
                names.sort();
                names.dedup();
                if names.is_empty() { "no component".to_owned() } else { names.join(", ") }
            }),
            "changes": mine.iter().map(|c| json!({
                "id": c.id, "title": c.title, "components": c.components.iter().map(|x| name(x)).collect::<Vec<_>>().join(", "), "days": c.duration_days.to_string(),
            })).collect::<Vec<_>>(),
            "diagram": diagram,
            "schedule": schedule,
            "periods": applying,
            "impacted": impacted,
            "conflicts": conflicts,
            "approvals": approvals,
            "path_to_yes": path_to_yes,
        });
        data["document_id"] = Value::String(document_id(&data));
        Ok(data)
    }

    /// One document holding the packet of every release whose planned
    /// window meets `from..=to`, by window then id, after a contents page.
    pub fn packet_batch(&self, from: NaiveDate, to: NaiveDate, audience: Audience, date: NaiveDate) -> Result<Value> {
        if to < from {
            return Err(StoreError::invalid("to", format!("{to} is before {from}")));
        }
        let mut releases: Vec<Release> = self.read().list()?;
        releases.retain(|r| r.window_start.zip(r.window_end).is_some_and(|(s, e)| s <= to && e >= from));
        releases.sort_by(|a, b| (a.window_start, &a.id).cmp(&(b.window_start, &b.id)));
        let plan = self.plan(date).ok();
        let packets = releases
            .iter()
            .map(|r| self.packet_with(&r.id, audience, date, plan.as_ref()))
            .collect::<Result<Vec<_>>>()?;
        let mut data = json!({
            "batch": true,
            "audience": audience.as_str(),
            "packet_date": date.to_string(),
            "from": from.to_string(),
            "to": to.to_string(),
            "packets": packets,
        });
        data["document_id"] = Value::String(document_id(&data));
        Ok(data)
    }
}

/// A document id from the content: `GC-` and 12 hex digits.
fn document_id(data: &Value) -> String {
    format!("GC-{:012X}", fingerprint(data.to_string().as_bytes()) & 0xFFFF_FFFF_FFFF)
}
