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
    sway_edges_of_links(people, &claim_links(people, claims), options, None)
}

/// The people within `steps` links of one person, links taken either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Around {
    /// The person's position in the people list.
    pub person: usize,
    /// How many links out.
    pub steps: usize,
}

/// Every link as of `options.as_of` from claims already reduced to links, in
/// people order of `from`, then `to`; with `around`, only the links between
/// the people within that many links (formal or grey, either way) of that
/// person. Only the links returned get their ids copied, so a neighbourhood
/// of a large chart costs the evidence's sums, not a drawing of everyone.
pub fn sway_edges_of_links(
    people: &[Person],
    links: &[ClaimLink],
    options: SwayOptions,
    around: Option<Around>,
) -> Vec<SwayEdge> {
    let index: FxHashMap<&str, usize> = people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let manager: Vec<Option<usize>> =
        people.iter().map(|p| p.manager.as_deref().and_then(|m| index.get(m)).copied()).collect();
    let mut pairs: Vec<((usize, usize), PairEvidence)> = pair_evidence_sorted(links, options.as_of);
    pairs.extend(manager.iter().enumerate().filter_map(|(b, m)| m.map(|a| ((a, b), PairEvidence::default()))));
    // Formal pairs come after; a stable sort keeps a pair's evidence first.
    pairs.sort_by_key(|(pair, _)| *pair);
    pairs.dedup_by_key(|(pair, _)| *pair);
    if let Some(around) = around {
        let near = neighbourhood(people.len(), &pairs, around);
        pairs.retain(|((a, b), _)| near[*a] && near[*b]);
    }
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

/// Who is within `around.steps` links of `around.person` along `pairs`,
/// taken in either direction.
fn neighbourhood(n: usize, pairs: &[((usize, usize), PairEvidence)], around: Around) -> Vec<bool> {
    let mut near = vec![false; n];
    let Some(start) = near.get_mut(around.person) else { return near };
    *start = true;
    // Both directions of every pair, counted into rows.
    let mut start_of = vec![0u32; n + 1];
    for ((a, b), _) in pairs {
        start_of[a + 1] += 1;
        start_of[b + 1] += 1;
    }
    for i in 0..n {
        start_of[i + 1] += start_of[i];
    }
    let mut next = start_of.clone();
    let mut other = vec![0u32; start_of[n] as usize];
    for ((a, b), _) in pairs {
        other[next[*a] as usize] = *b as u32;
        next[*a] += 1;
        other[next[*b] as usize] = *a as u32;
        next[*b] += 1;
    }
    let mut frontier = vec![around.person];
    for _ in 0..around.steps {
        let mut reached = Vec::new();
        for p in frontier {
            for &q in &other[start_of[p] as usize..start_of[p + 1] as usize] {
                if !near[q as usize] {
                    near[q as usize] = true;
                    reached.push(q as usize);
                }
            }
        }
        frontier = reached;
    }
    near
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

    #[test]
    fn around_a_person_keeps_the_links_among_the_people_near_them() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
        let person =
            |id: &str, manager: Option<&str>| Person::new(id, id, "", None, manager).unwrap_or_else(|e| panic!("{e}"));
        // a manages b; c sways b; d sways c; e sways d; f stands apart.
        let people = vec![
            person("a", None),
            person("b", Some("a")),
            person("c", None),
            person("d", None),
            person("e", None),
            person("f", None),
        ];
        let claim =
            |from: &str, to: &str| Claim::new("", from, to, 0.6, 1.0, day, 365.0, "").unwrap_or_else(|e| panic!("{e}"));
        let claims = vec![claim("c", "b"), claim("d", "c"), claim("e", "d")];
        let options = SwayOptions { as_of: day, formal_weight: 0.5, formal_only: false };
        let links = claim_links(&people, &claims);
        let pairs = |around| {
            sway_edges_of_links(&people, &links, options, around)
                .into_iter()
                .map(|e| format!("{}{}", e.from, e.to))
                .collect::<Vec<_>>()
        };
        assert_eq!(pairs(None), ["ab", "cb", "dc", "ed"]);
        assert_eq!(pairs(Some(Around { person: 1, steps: 0 })), Vec::<String>::new());
        assert_eq!(pairs(Some(Around { person: 1, steps: 1 })), ["ab", "cb"]);
        assert_eq!(pairs(Some(Around { person: 1, steps: 2 })), ["ab", "cb", "dc"]);
        assert_eq!(pairs(Some(Around { person: 5, steps: 3 })), Vec::<String>::new());
        // The links kept are the links of the whole chart, weights and marks alike.
        let all = sway_edges_of_links(&people, &links, options, None);
        let near = sway_edges_of_links(&people, &links, options, Some(Around { person: 2, steps: 1 }));
        assert!(near.iter().all(|e| all.contains(e)) && near.len() == 2);
    }
}
