//! Who sways a person most: their links in with a weight above zero,
//! strongest first (ties by id). One answer for the person panel, the path
//! to yes and the private brief.

use serde::Serialize;
use ts_rs::TS;

/// Someone who sways a person, and how strongly.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Swayer {
    /// Who sways.
    pub person: String,
    /// Their combined sway weight W on the person, 0..1.
    pub weight: f64,
    /// They are the person's manager.
    pub formal: bool,
}

/// The `top` strongest of `links` into a person (`(from, weight, formal)`),
/// strongest first, ties by id; links of weight 0 ("known: no influence")
/// are no sway.
pub fn strongest_swayers<'a>(links: impl IntoIterator<Item = (&'a str, f64, bool)>, top: usize) -> Vec<Swayer> {
    let mut found: Vec<Swayer> = links
        .into_iter()
        .filter(|&(_, w, _)| w > 0.0)
        .map(|(person, weight, formal)| Swayer { person: person.to_owned(), weight, formal })
        .collect();
    found.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.person.cmp(&b.person)));
    found.truncate(top);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strongest_come_first_ties_by_id_and_no_influence_is_no_sway() {
        let links = [("c", 0.2, false), ("b", 0.5, true), ("a", 0.5, false), ("z", 0.0, false), ("d", 0.1, false)];
        let top = strongest_swayers(links, 3);
        let ids: Vec<&str> = top.iter().map(|s| s.person.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert!(top[1].formal);
        assert!(strongest_swayers([("z", 0.0, false)], 5).is_empty());
    }
}
