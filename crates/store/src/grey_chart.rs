//! Grey-chart analyses over the stored workspace (reads only), shared by the
//! CLI and the desktop app; the edits are in `edits`.

use std::collections::HashSet;

use chrono::NaiveDate;
use greychart_core::analytics::{
    claim_shifts, faction_groups, influence_ranks_of_links, influence_report, rank_shifts_of_links, strongest_path,
    strongest_swayers, sway_edges, sway_edges_of_links, unswayed_of_links, ClaimLink, Coverage, Faction, InfluencePath,
    InfluenceRow, SwayEdge, SwayGraph, SwayOptions,
};
use greychart_core::model::{Claim, Person};
use greychart_core::transport::{EvidenceSummary, Focus, LinkEvidence, PersonEvidence};
use greychart_core::{CoreError, ValidationError};

use crate::error::{Result, StoreError};
use crate::Workspace;

/// How many of a person's strongest swayers their panel names.
const SWAYERS_SHOWN: usize = 5;

/// The longest look back for movers, in days (ten years).
pub const MOVERS_DAYS_MAX: i64 = 3650;

impl Workspace {
    fn sway_inputs(&self, as_of: NaiveDate) -> Result<(Vec<Person>, Vec<Claim>, SwayOptions)> {
        let read = self.read();
        let options = SwayOptions { as_of, formal_weight: read.formal_weight()?, formal_only: false };
        Ok((read.list()?, read.list()?, options))
    }

    /// People and their claims as links: the fast input of the analytics.
    fn link_inputs(&self, as_of: NaiveDate) -> Result<(Vec<Person>, Vec<ClaimLink>, SwayOptions)> {
        let read = self.read();
        let options = SwayOptions { as_of, formal_weight: read.formal_weight()?, formal_only: false };
        let people = read.list()?;
        let links = read.claim_links(&people)?;
        Ok((people, links, options))
    }

    /// Influence rank, formal rank, power gap and broker score per person.
    pub fn influence(&self, as_of: NaiveDate) -> Result<Vec<InfluenceRow>> {
        let (people, claims, options) = self.sway_inputs(as_of)?;
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        Ok(influence_report(&people, &claims, options, threads))
    }

    /// The influence report with broker scores left at 0: the fast part.
    pub fn influence_ranks(&self, as_of: NaiveDate) -> Result<Vec<InfluenceRow>> {
        let (people, links, options) = self.link_inputs(as_of)?;
        Ok(influence_ranks_of_links(&people, &links, options))
    }

    /// The sway graph as of a date, to analyse away from the workspace.
    pub fn sway_graph(&self, as_of: NaiveDate) -> Result<SwayGraph> {
        let (people, links, options) = self.link_inputs(as_of)?;
        Ok(SwayGraph::from_links(&people, &links, options))
    }

    /// Groups of people who sway each other more than outsiders, as of a date.
    pub fn factions(&self, as_of: NaiveDate) -> Result<Vec<Faction>> {
        Ok(faction_groups(&self.sway_graph(as_of)?))
    }

    /// The links of the formal and grey charts as of a date, for drawing:
    /// all of them, or only those among the people near a `focus`.
    pub fn sway_edges(&self, as_of: NaiveDate, focus: Option<&Focus>) -> Result<Vec<SwayEdge>> {
        if let Some(focus) = focus {
            return self.sway_edges_around(as_of, focus);
        }
        let (people, links, options) = self.link_inputs(as_of)?;
        Ok(sway_edges_of_links(&people, &links, options))
    }

    /// The links among the people within `focus.steps` links (a reporting
    /// line or a counted claim, either way) of `focus.person`, found by
    /// index from them outwards: a neighbourhood of a chart of 100,000
    /// people costs its own claims, not a read of all 800,000.
    fn sway_edges_around(&self, as_of: NaiveDate, focus: &Focus) -> Result<Vec<SwayEdge>> {
        let read = self.read();
        let Some(first) = read.get::<Person>(&[&focus.person])? else {
            return Err(StoreError::NotFound { entity: "person", id: focus.person.clone() });
        };
        let mut near: Vec<Person> = vec![first];
        let mut seen: HashSet<String> = HashSet::from([focus.person.clone()]);
        let mut frontier = 0..1;
        for _ in 0..focus.steps {
            let mut reached: Vec<String> = Vec::new();
            for p in &near[frontier.clone()] {
                let claims = read.active_claims_of(&p.id, as_of, true)?;
                let others = claims.iter().flat_map(|c| [&c.from, &c.to]).chain(p.manager.as_ref());
                reached.extend(others.filter(|&o| seen.insert(o.clone())).cloned());
                reached.extend(read.reports(&p.id)?.into_iter().map(|r| r.id).filter(|r| seen.insert(r.clone())));
            }
            let start = near.len();
            for id in reached {
                near.extend(read.get::<Person>(&[&id])?);
            }
            frontier = start..near.len();
        }
        let mut claims = Vec::new();
        for p in &near {
            claims.extend(read.active_claims_of(&p.id, as_of, false)?.into_iter().filter(|c| seen.contains(&c.to)));
        }
        let options = SwayOptions { as_of, formal_weight: read.formal_weight()?, formal_only: false };
        Ok(sway_edges(&near, &claims, options))
    }

    /// Every claim from or to a person, and their links as of a date: what
    /// their side panel shows, read by index without the rest of the chart.
    pub fn person_evidence(&self, id: &str, as_of: NaiveDate) -> Result<PersonEvidence> {
        let read = self.read();
        let Some(person) = read.get::<Person>(&[id])? else {
            return Err(StoreError::NotFound { entity: "person", id: id.to_owned() });
        };
        let claims = read.claims_page(Some(id), 0, u32::MAX)?.claims;
        // Everyone a link of theirs can name: whom their claims name, their
        // manager and their reports.
        let reports = read.reports(id)?;
        let mut named: Vec<&str> = claims.iter().flat_map(|c| [c.from.as_str(), c.to.as_str()]).collect();
        named.extend(person.manager.as_deref());
        named.sort_unstable();
        named.dedup();
        named.retain(|&other| other != id && !reports.iter().any(|r| r.id == other));
        let mut people = vec![person.clone()];
        for other in named {
            people.extend(read.get::<Person>(&[other])?);
        }
        people.extend(reports);
        let options = SwayOptions { as_of, formal_weight: read.formal_weight()?, formal_only: false };
        let edges: Vec<SwayEdge> =
            sway_edges(&people, &claims, options).into_iter().filter(|e| e.from == id || e.to == id).collect();
        let into = edges.iter().filter(|e| e.to == id).map(|e| (e.from.as_str(), e.weight, e.formal));
        let swayed_by = strongest_swayers(into, SWAYERS_SHOWN);
        let links = LinkEvidence::of(&claims, &edges);
        Ok(PersonEvidence { claims, edges, swayed_by, links })
    }

    /// Gaps and age of the evidence as of a date, and the five largest
    /// changes in influence over the `days` before it (1 to
    /// [`MOVERS_DAYS_MAX`]; others are refused, naming the field). Worked
    /// out from the claims as links; only the movers' own claims (their
    /// causes) and the stale claims' ids are read in full, by index and by
    /// one query.
    pub fn evidence_summary(&self, as_of: NaiveDate, days: i64) -> Result<EvidenceSummary> {
        let since = u64::try_from(days)
            .ok()
            .filter(|_| (1..=MOVERS_DAYS_MAX).contains(&days))
            .and_then(|d| as_of.checked_sub_days(chrono::Days::new(d)))
            .ok_or_else(|| ValidationError::new("days", format!("must be from 1 to {MOVERS_DAYS_MAX} (got {days})")))
            .map_err(CoreError::from)?;
        let (people, links, options) = self.link_inputs(as_of)?;
        let mut movers = rank_shifts_of_links(&people, &links, options.formal_weight, (since, as_of), 5);
        let read = self.read();
        for m in &mut movers {
            let theirs = read.claims_page(Some(&m.id), 0, u32::MAX)?.claims;
            m.causes = claim_shifts(&theirs, (since, as_of), 3);
        }
        let (unswayed, active_claims) = unswayed_of_links(&people, &links, as_of);
        let coverage = Coverage { unswayed, stale_claims: read.stale_claims(as_of)?, active_claims };
        Ok(EvidenceSummary { coverage, movers_since: since.to_string(), movers })
    }

    /// The strongest path of influence between two people.
    pub fn strongest_path(&self, from: &str, to: &str, as_of: NaiveDate) -> Result<InfluencePath> {
        let graph = self.sway_graph(as_of)?;
        strongest_path(&graph, from, to).ok_or_else(|| {
            let unknown = if graph.node(from).is_none() { from } else { to };
            StoreError::NotFound { entity: "person", id: unknown.to_owned() }
        })
    }
}
