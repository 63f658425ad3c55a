//! The links a drawing of the grey chart shows: one per ordered pair with a
//! reporting line or active claims, with what the drawing needs to style it.

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::pairs::{claim_links, pair_evidence_sorted, ClaimLink, PairEvidence};
use super::SwayOptions;
use crate::model::{Claim, Person};

/// One drawn link from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SwayEdge {
    /// Who sways.
    pub from: String,
    /// Who is swayed.
    pub to: String,
    /// Combined sway weight W, 0..1 (0 for "known: no influence").
    pub weight: f64,
    /// The grey part alone.
    pub grey: f64,
    /// `from` is `to`'s manager.
    pub formal: bool,
    /// Active claims about the pair.
    pub claims: u32,
    /// Every active claim is older than its half-life.
    pub stale: bool,
    /// Claims exist and all say strength 0: known, no influence.
    pub known_none: bool,
}

/// Every link as of `options.as_of`, in people order of `from`, then `to`.
pub fn sway_edges(people: &[Person], claims: &[Claim], options: SwayOptions) -> Vec<SwayEdge> {
    sway_edges_of_links(people, &claim_links(people, claims), options)
}

/// Every link as of `options.as_of` from claims already reduced to links, in
/// people order of `from`, then `to`.
pub fn sway_edges_of_links(people: &[Person], links: &[ClaimLink], options: SwayOptions) -> Vec<SwayEdge> {
    let index: FxHashMap<&str, usize> = people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let manager: Vec<Option<usize>> =
        people.iter().map(|p| p.manager.as_deref().and_then(|m| index.get(m)).copied()).collect();
    let mut pairs: Vec<((usize, usize), PairEvidence)> = pair_evidence_sorted(links, options.as_of);
    pairs.extend(manager.iter().enumerate().filter_map(|(b, m)| m.map(|a| ((a, b), PairEvidence::default()))));
    // Formal pairs come after; a stable sort keeps a pair's evidence first.
    pairs.sort_by_key(|(pair, _)| *pair);
    pairs.dedup_by_key(|(pair, _)| *pair);
    pairs
        .into_iter()
        .map(|((a, b), e)| {
            let formal = manager[b] == Some(a);
            let grey = e.weight();
            let formal_part = if formal { options.formal_weight } else { 0.0 };
            SwayEdge {
                from: people[a].id.clone(),
                to: people[b].id.clone(),
                weight: 1.0 - (1.0 - grey) * (1.0 - formal_part),
                grey,
                formal,
                claims: e.claims,
                stale: e.claims > 0 && e.stale == e.claims,
                known_none: e.claims > 0 && e.positive == 0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn edges_carry_formal_stale_and_known_none_marks() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        let person =
            |id: &str, manager: Option<&str>| Person::new(id, id, "", None, manager).unwrap_or_else(|e| panic!("{e}"));
        let people = vec![person("a", None), person("b", Some("a")), person("c", None)];
        let claim = |from: &str, to: &str, s: f64, on| {
            Claim::new("", from, to, s, 1.0, on, 30.0, "").unwrap_or_else(|e| panic!("{e}"))
        };
        let claims = vec![claim("c", "a", 0.0, day(6, 1)), claim("b", "c", 0.8, day(1, 1))];
        let options = SwayOptions { as_of: day(6, 1), formal_weight: 0.5, formal_only: false };
        let edges = sway_edges(&people, &claims, options);
        let find = |f: &str, t: &str| edges.iter().find(|e| e.from == f && e.to == t).cloned();
        let ab = find("a", "b").unwrap_or_else(|| panic!("no formal edge"));
        assert!(ab.formal && ab.weight == 0.5 && ab.claims == 0);
        let ca = find("c", "a").unwrap_or_else(|| panic!("no known-none edge"));
        assert!(ca.known_none && ca.weight == 0.0 && !ca.stale);
        let bc = find("b", "c").unwrap_or_else(|| panic!("no grey edge"));
        assert!(bc.stale && !bc.known_none && bc.weight > 0.0);
    }
}
