//! What the evidence covers and how old it is: people nobody is known to
//! sway, claims past their half-life, and who sways a person most.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::ClaimLink;
use crate::model::{Claim, Person};

/// Gaps and age of the grey chart as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Coverage {
    /// People no active claim (observed by the date) says anyone sways,
    /// "known: no influence" claims included: we know nothing about who
    /// moves them.
    pub unswayed: Vec<String>,
    /// Active claims older than their half-life: they count less than half.
    pub stale_claims: Vec<String>,
    /// Active claims observed by the date.
    pub active_claims: usize,
}

/// Coverage and staleness of the evidence as of `as_of`, from whole claims:
/// the definition. The store works it out from links and one query
/// (`unswayed_of_links`), and its tests compare the two.
pub fn coverage(people: &[Person], claims: &[Claim], as_of: NaiveDate) -> Coverage {
    let active: Vec<&Claim> = claims.iter().filter(|c| !c.retired && c.observed_on <= as_of).collect();
    let swayed: std::collections::HashSet<&str> = active.iter().map(|c| c.to.as_str()).collect();
    Coverage {
        unswayed: people.iter().filter(|p| !swayed.contains(p.id.as_str())).map(|p| p.id.clone()).collect(),
        stale_claims: active
            .iter()
            .filter(|c| (as_of - c.observed_on).num_days() as f64 > c.half_life_days)
            .map(|c| c.id.clone())
            .collect(),
        active_claims: active.len(),
    }
}

/// From claims already reduced to links: the people no active link says
/// anyone sways, and how many links are active, as of `as_of` (what
/// `coverage` counts, without the claims' texts).
pub fn unswayed_of_links(people: &[Person], links: &[ClaimLink], as_of: NaiveDate) -> (Vec<String>, usize) {
    let mut swayed = vec![false; people.len()];
    let mut active = 0;
    for l in links.iter().filter(|l| !l.retired && l.observed_on <= as_of) {
        active += 1;
        if let Some(s) = swayed.get_mut(l.to as usize) {
            *s = true;
        }
    }
    let unswayed = people.iter().zip(swayed).filter(|(_, s)| !s).map(|(p, _)| p.id.clone()).collect();
    (unswayed, active)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, d).unwrap_or_default()
    }

    fn claim(id: &str, from: &str, to: &str, strength: f64, on: NaiveDate, half_life: f64) -> Claim {
        let mut c = Claim::new(id, from, to, strength, 1.0, on, half_life, "").unwrap_or_else(|e| panic!("{e}"));
        c.id = id.to_owned();
        c
    }

    fn people() -> Vec<Person> {
        ["a", "b", "c", "d"]
            .iter()
            .map(|id| Person::new(id, id, "", None, None).unwrap_or_else(|e| panic!("{e}")))
            .collect()
    }

    #[test]
    fn coverage_finds_the_unswayed_and_the_stale() {
        let claims = vec![
            claim("k1", "a", "b", 0.5, day(1), 5.0),
            claim("k2", "a", "c", 0.0, day(20), 365.0),
            claim("k3", "b", "d", 0.5, day(25), 365.0),
        ];
        let c = coverage(&people(), &claims, day(20));
        assert_eq!(c.unswayed, ["a", "d"], "k3 is not observed yet; strength 0 still counts as knowledge");
        assert_eq!(c.stale_claims, ["k1"]);
        assert_eq!(c.active_claims, 2);
    }
}
