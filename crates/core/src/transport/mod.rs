//! Types that exist only to cross to the user interface. Domain types cross
//! as themselves; these add what the window needs around them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analytics::{Coverage, RankShift, SwayEdge, Swayer};
use crate::model::Claim;

/// What the window shows about the open workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkspaceInfo {
    /// Full path of the file.
    pub path: String,
    /// File name, for the title bar.
    pub name: String,
    /// Whether the file is encrypted with a passphrase.
    pub encrypted: bool,
}

/// Where one person sits on the map, in the map's own units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Position {
    /// The person.
    pub person: String,
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

impl Position {
    /// Refuses positions that are not finite numbers.
    pub fn validate(&self) -> Result<(), crate::ValidationError> {
        if self.x.is_finite() && self.y.is_finite() {
            Ok(())
        } else {
            Err(crate::ValidationError::new("x", "a position must be a finite number"))
        }
    }
}

/// What the evidence covers, and who gained or lost influence lately.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EvidenceSummary {
    /// People nobody is known to sway, and stale claims.
    pub coverage: Coverage,
    /// The start of the period the movers are measured over.
    pub movers_since: String,
    /// The largest changes in influence rank over that period, with causes.
    pub movers: Vec<RankShift>,
}

/// The evidence summary as the window shows it: the stale claims counted,
/// where the CLI lists their ids (at 100k people 7 MB of them).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EvidenceGlance {
    /// People nobody is known to sway.
    pub unswayed: Vec<String>,
    /// Active claims older than their half-life.
    pub stale_claims: u32,
    /// Active claims observed by the date.
    pub active_claims: u32,
    /// The start of the period the movers are measured over.
    pub movers_since: String,
    /// The largest changes in influence rank over that period, with causes.
    pub movers: Vec<RankShift>,
}

impl From<EvidenceSummary> for EvidenceGlance {
    fn from(summary: EvidenceSummary) -> Self {
        let EvidenceSummary { coverage, movers_since, movers } = summary;
        EvidenceGlance {
            unswayed: coverage.unswayed,
            stale_claims: coverage.stale_claims.len() as u32,
            active_claims: coverage.active_claims as u32,
            movers_since,
            movers,
        }
    }
}

/// Claims in the order they were recorded, a page at a time: the window
/// never holds them all (800,000 at 100k people).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ClaimPage {
    /// Claims in all (about the person, when one was asked for).
    pub total: u32,
    /// Where this page starts.
    pub offset: u32,
    /// The claims of this page.
    pub claims: Vec<Claim>,
}

domain_enum! {
    /// Where a claim stands on the analysis date.
    ClaimStanding {
        /// It counts, and is within its half-life.
        Active = "active",
        /// It counts, but is older than its half-life.
        Stale = "stale",
        /// It was retired: kept in the history, out of the analytics.
        Retired = "retired",
        /// It was observed after the date: it does not count yet.
        Later = "later",
    }
}

/// A claim as the claims table shows it on a date: the claim, its
/// credibility then (`None` when observed later) and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ClaimRow {
    /// The claim.
    pub claim: Claim,
    /// confidence × 2^(−age/half-life) on the date; `None` if observed later.
    pub credibility: Option<f64>,
    /// Where it stands on the date.
    pub standing: ClaimStanding,
}

impl ClaimRow {
    /// The claim as it stands on `as_of`.
    pub fn of(claim: Claim, as_of: chrono::NaiveDate) -> ClaimRow {
        let credibility = claim.credibility(as_of);
        let standing = match credibility {
            _ if claim.retired => ClaimStanding::Retired,
            None => ClaimStanding::Later,
            Some(_) if (as_of - claim.observed_on).num_days() as f64 > claim.half_life_days => ClaimStanding::Stale,
            Some(_) => ClaimStanding::Active,
        };
        ClaimRow { claim, credibility, standing }
    }
}

/// A page of claims as they stand on a date, for the claims table.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ClaimRows {
    /// Claims in all.
    pub total: u32,
    /// Where this page starts.
    pub offset: u32,
    /// The claims of this page, in the order recorded.
    pub rows: Vec<ClaimRow>,
}

impl ClaimPage {
    /// The page's claims as they stand on `as_of`.
    pub fn on(self, as_of: chrono::NaiveDate) -> ClaimRows {
        ClaimRows {
            total: self.total,
            offset: self.offset,
            rows: self.claims.into_iter().map(|c| ClaimRow::of(c, as_of)).collect(),
        }
    }
}

/// What a person's side panel shows of the grey chart: every claim from or
/// to them, and their drawn links (formal and grey, in and out).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PersonEvidence {
    /// Claims from or to the person, retired ones included.
    pub claims: Vec<Claim>,
    /// Links from or to the person as of the date asked.
    pub edges: Vec<SwayEdge>,
    /// Who sways them most, strongest first (at most five).
    pub swayed_by: Vec<Swayer>,
    /// Their claims by link, strongest link first: what the panel lists.
    pub links: Vec<LinkEvidence>,
}

/// Claims about one link differing by this much in strength disagree.
pub const DISAGREEMENT: f64 = 0.3;

/// The evidence about one ordered link, so that claims that disagree about
/// it are read side by side.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LinkEvidence {
    /// Who sways.
    pub from: String,
    /// Whom.
    pub to: String,
    /// The link's combined sway weight as of the date asked (0 when the
    /// claims no longer count).
    pub weight: f64,
    /// Claims still counted differ in strength by [`DISAGREEMENT`] or more.
    pub disagree: bool,
    /// The claims about it, newest observation first.
    pub claims: Vec<Claim>,
}

impl LinkEvidence {
    /// `claims` grouped by ordered link, strongest link (by `edges`) first;
    /// links of equal weight in the order their first claim was recorded.
    pub fn of(claims: &[Claim], edges: &[SwayEdge]) -> Vec<LinkEvidence> {
        let mut links: Vec<LinkEvidence> = Vec::new();
        for c in claims {
            match links.iter_mut().find(|l| l.from == c.from && l.to == c.to) {
                Some(link) => link.claims.push(c.clone()),
                None => {
                    let weight = edges.iter().find(|e| e.from == c.from && e.to == c.to).map_or(0.0, |e| e.weight);
                    links.push(LinkEvidence {
                        from: c.from.clone(),
                        to: c.to.clone(),
                        weight,
                        disagree: false,
                        claims: vec![c.clone()],
                    });
                }
            }
        }
        for link in &mut links {
            let counted = link.claims.iter().filter(|c| !c.retired).map(|c| c.strength);
            let (low, high) = counted.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| (lo.min(s), hi.max(s)));
            link.disagree = high - low >= DISAGREEMENT;
            link.claims.sort_by_key(|c| std::cmp::Reverse(c.observed_on));
        }
        links.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        links
    }
}

/// The people whose links the map wants: those within `steps` links of
/// `person`, either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Focus {
    /// The person in the middle.
    pub person: String,
    /// How many links out (0–3 in the window).
    pub steps: u32,
}

/// How far the background analysis (broker scores) has got.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct AnalysisProgress {
    /// Steps done (source people searched from).
    pub done: u32,
    /// Steps in all; 0 before the first run.
    pub total: u32,
    /// Whether it is still running.
    pub running: bool,
}

/// One committed edit in the workspace's history, for the History panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    /// Order of the edit (larger is later).
    #[ts(type = "number")]
    pub id: i64,
    /// When it was committed (UTC, RFC 3339).
    pub at: String,
    /// Who made it.
    pub actor: String,
    /// What it did, in plain words.
    pub summary: String,
    /// `done`, or `undone` (it can be redone).
    pub state: String,
    /// Whether it can be undone: bulk imports cannot.
    pub undoable: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_stands_by_its_age_against_its_half_life_on_the_date() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let claim =
            Claim::new("k1", "a", "b", 0.5, 0.8, day("2026-01-01"), 10.0, "seen").unwrap_or_else(|_| unreachable!());
        let on = |d: &str| ClaimRow::of(claim.clone(), day(d));
        assert_eq!(on("2025-12-31").standing, ClaimStanding::Later);
        assert_eq!(on("2025-12-31").credibility, None);
        assert_eq!(on("2026-01-11").standing, ClaimStanding::Active, "at its half-life, not past it");
        assert!((on("2026-01-11").credibility.unwrap_or_default() - 0.4).abs() < 1e-12);
        assert_eq!(on("2026-01-12").standing, ClaimStanding::Stale);
        let retired = ClaimRow::of(Claim { retired: true, ..claim.clone() }, day("2026-01-05"));
        assert_eq!(retired.standing, ClaimStanding::Retired);
    }

    #[test]
    fn claims_are_grouped_by_link_strongest_first_newest_first_and_disagreement_ignores_retired_ones() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let claim = |id: &str, from: &str, to: &str, strength: f64, on: &str| {
            Claim::new(id, from, to, strength, 0.8, day(on), 90.0, "seen").unwrap_or_else(|_| unreachable!())
        };
        let edge = |from: &str, to: &str, weight: f64| SwayEdge {
            from: from.into(),
            to: to.into(),
            weight,
            grey: weight,
            formal: false,
            claims: 1,
            stale: false,
            known_none: false,
        };
        let claims = [
            claim("k1", "a", "b", 0.2, "2026-01-01"),
            claim("k2", "c", "b", 0.9, "2026-01-02"),
            claim("k3", "a", "b", 0.6, "2026-03-01"),
            Claim { retired: true, ..claim("k4", "c", "b", 0.1, "2026-01-03") },
        ];
        let links = LinkEvidence::of(&claims, &[edge("a", "b", 0.3), edge("c", "b", 0.7)]);
        let ids = |l: &LinkEvidence| l.claims.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        assert_eq!((links[0].from.as_str(), links[0].weight), ("c", 0.7));
        assert_eq!(ids(&links[0]), ["k4", "k2"]);
        assert!(!links[0].disagree, "a retired claim does not disagree");
        assert_eq!(ids(&links[1]), ["k3", "k1"]);
        assert!(links[1].disagree, "0.2 and 0.6 differ by 0.4");
    }
}

mod team;
pub use team::{DelegationRow, TeamConflictRow, TeamLinkState, TeamNote, TeamState, VerifiedSignOff, WaitingRequest};
