//! How influence moved between two dates, and the evidence that moved it.
//!
//! A person's rank changes because claims about them (or about those they
//! sway) appeared, aged or were retired. For each person this reports the
//! rank on both dates and, as the likely causes, the claims touching them
//! whose credibility changed most between the dates.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{claim_links, influence_rank, ClaimLink, SwayGraph, SwayOptions};
use crate::model::{Claim, Person};

/// A claim whose weight changed between the two dates.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ClaimShift {
    /// The claim.
    pub claim: String,
    /// Where its evidence came from.
    pub source: String,
    /// Credibility on the first date (0 if not yet observed).
    pub before: f64,
    /// Credibility on the second date.
    pub after: f64,
}

/// One person's change in influence.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RankShift {
    /// Person id.
    pub id: String,
    /// Influence rank on the first date.
    pub before: f64,
    /// Influence rank on the second date.
    pub after: f64,
    /// The claims about or by this person that changed most, largest first.
    pub causes: Vec<ClaimShift>,
}

/// The `limit` largest changes in influence from `from` to `to`, largest
/// first, with up to `max_causes` claims each. One pass over the claims
/// finds the causes of the people listed, so it stays linear in the
/// evidence.
pub fn rank_shifts(
    people: &[Person],
    claims: &[Claim],
    formal_weight: f64,
    dates: (NaiveDate, NaiveDate),
    limit: usize,
    max_causes: usize,
) -> Vec<RankShift> {
    let mut shifts = rank_shifts_of_links(people, &claim_links(people, claims), formal_weight, dates, limit);
    let listed: HashMap<&str, usize> = shifts.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut theirs: Vec<Vec<&Claim>> = vec![Vec::new(); shifts.len()];
    for c in claims {
        let ends = [listed.get(c.from.as_str()), listed.get(c.to.as_str()).filter(|_| c.to != c.from)];
        for &i in ends.into_iter().flatten() {
            theirs[i].push(c);
        }
    }
    for (shift, claims) in shifts.iter_mut().zip(theirs) {
        shift.causes = claim_shifts(claims, dates, max_causes);
    }
    shifts
}

/// The `limit` largest changes in influence from `from` to `to`, largest
/// first (ties by id), from claims already reduced to links; their causes
/// are left empty, for `claim_shifts` to fill from each person's claims.
pub fn rank_shifts_of_links(
    people: &[Person],
    links: &[ClaimLink],
    formal_weight: f64,
    (from, to): (NaiveDate, NaiveDate),
    limit: usize,
) -> Vec<RankShift> {
    let rank_at = |as_of| {
        influence_rank(&SwayGraph::from_links(people, links, SwayOptions { as_of, formal_weight, formal_only: false }))
    };
    let (before, after) = (rank_at(from), rank_at(to));
    let mut shifts: Vec<RankShift> = people
        .iter()
        .enumerate()
        .map(|(i, p)| RankShift { id: p.id.clone(), before: before[i], after: after[i], causes: Vec::new() })
        .collect();
    shifts.sort_by(|x, y| {
        (y.after - y.before).abs().total_cmp(&(x.after - x.before).abs()).then_with(|| x.id.cmp(&y.id))
    });
    shifts.truncate(limit);
    shifts
}

/// Of one person's claims (in the order recorded), the `max_causes` whose
/// credibility changed most from `from` to `to`, largest change first.
pub fn claim_shifts<'c>(
    claims: impl IntoIterator<Item = &'c Claim>,
    (from, to): (NaiveDate, NaiveDate),
    max_causes: usize,
) -> Vec<ClaimShift> {
    let credibility = |c: &Claim, d| if c.retired { 0.0 } else { c.credibility(d).unwrap_or(0.0) };
    let mut found: Vec<ClaimShift> = claims
        .into_iter()
        .filter_map(|c| {
            let (before, after) = (credibility(c, from), credibility(c, to));
            (before != after).then(|| ClaimShift { claim: c.id.clone(), source: c.source.clone(), before, after })
        })
        .collect();
    found.sort_by(|x, y| (y.after - y.before).abs().total_cmp(&(x.after - x.before).abs()));
    found.truncate(max_causes);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_claim_raises_its_swayer_and_is_named_as_the_cause() {
        let d1 = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let d2 = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
        let people: Vec<Person> = ["a", "b", "c"]
            .iter()
            .map(|id| Person::new(id, id, "", None, None).unwrap_or_else(|e| panic!("{e}")))
            .collect();
        let mut claim = Claim::new("", "c", "a", 0.9, 1.0, d1 + chrono::Duration::days(30), 365.0, "")
            .unwrap_or_else(|e| panic!("{e}"));
        claim.id = "k1".into();
        let shifts = rank_shifts(&people, &[claim], 0.5, (d1, d2), 10, 3);
        let c = shifts.iter().find(|s| s.id == "c").unwrap_or_else(|| panic!("no shift for c"));
        assert!(c.after > c.before);
        assert_eq!(c.causes.first().map(|s| (s.claim.as_str(), s.before)), Some(("k1", 0.0)));
    }
}
