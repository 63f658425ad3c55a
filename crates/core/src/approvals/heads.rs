//! The head of each team: the member whose manager is outside the team (or
//! who has none), nearest the top of the reporting lines; ties go to the
//! smallest id. Components are owned by teams; their head signs off.

use rustc_hash::FxHashMap;

use crate::model::{Person, Team};

/// Team id → the person who heads it, for teams with members.
pub fn team_heads<'a>(people: &'a [Person], teams: &'a [Team]) -> FxHashMap<&'a str, &'a str> {
    let by_id: FxHashMap<&str, &Person> = people.iter().map(|p| (p.id.as_str(), p)).collect();
    // Levels below the top of the reporting lines (a forest: the store
    // refuses cycles; the bound only guards against a damaged file).
    let depth = |p: &Person| {
        let mut d = 0usize;
        let mut at = p.manager.as_deref();
        while let Some(m) = at.and_then(|m| by_id.get(m)) {
            d += 1;
            if d > people.len() {
                break;
            }
            at = m.manager.as_deref();
        }
        d
    };
    let mut best: FxHashMap<&str, (usize, &str)> = FxHashMap::default();
    for p in people {
        let Some(team) = p.team.as_deref() else { continue };
        let manager_team = p.manager.as_deref().and_then(|m| by_id.get(m)).and_then(|m| m.team.as_deref());
        if manager_team == Some(team) {
            continue;
        }
        let candidate = (depth(p), p.id.as_str());
        let slot = best.entry(team).or_insert(candidate);
        if candidate < *slot {
            *slot = candidate;
        }
    }
    teams.iter().filter_map(|t| best.get(t.id.as_str()).map(|&(_, head)| (t.id.as_str(), head))).collect()
}
