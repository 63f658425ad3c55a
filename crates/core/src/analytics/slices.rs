//! The pull rows of the weighted PageRank laid out for the processor.
//!
//! Rows are short (nine links on average at 100k people), and a loop over
//! one short row ends on a branch the processor cannot guess, which throws
//! away the rank reads in flight: at 100k people a step took ~1.7 ms row by
//! row on two threads and ~1.2 ms in slices. So people are renumbered by
//! the length of their row, longest first, and every `LANES` consecutive
//! rows are interleaved link by link into one slice, padded to the slice's
//! longest row with shares of 0. A slice's rows are summed side by side,
//! each in its own order, so every row's sum is the same as summed alone
//! ("SELL-C-σ" in the sparse-matrix literature).
//!
//! The forest's links are left out of the rows (`forest.rs`: the step adds
//! them separately). Each of its groups is numbered on its own, its slices
//! one thread's part, from its last person back in windows of `WINDOW`
//! people, each window sorted by row length: so the step's pass along the
//! forest, last person first, reads the new ranks nearly in order, and the
//! fill, first person first, writes a few slices at a time.

use std::ops::Range;

use super::forest::{Forest, ROOT};
use super::parts::in_parallel;
use super::SwayGraph;

/// Rows summed side by side in one slice.
const LANES: usize = 8;
/// People are sorted by row length within windows of this many (a
/// multiple of `LANES`, so that no slice spans two windows).
const WINDOW: usize = 256;
const _: () = assert!(WINDOW % LANES == 0);

/// The pull rows in slices: people at new positions, each slice's rows
/// (`LANES`, fewer at the end of a group) interleaved link by link.
pub(super) struct Slices {
    /// The person at each position.
    pub(super) people: Vec<u32>,
    /// Slice k's rows are `starts[k]..starts[k + 1]`.
    starts: Vec<u32>,
    /// Slice k's entries are `offsets[k]..offsets[k + 1]`, `LANES` a step.
    offsets: Vec<usize>,
    /// The listener's position.
    targets: Vec<u32>,
    /// W(A,B)/listens(B); 0 in padding.
    shares: Vec<f32>,
    /// Positions of the people who listen to nobody.
    pub(super) dangling: Vec<u32>,
    /// The slices of each group, in the groups' order.
    pub(super) parts: Vec<Range<usize>>,
    /// Each group's solved links of the forest, by swayed person in the
    /// graph's order: backwards, each person's link comes after the links
    /// into them.
    pub(super) uplinks: Vec<Vec<Uplink>>,
    /// Each group's people without a solved link to a swayer.
    pub(super) roots: Vec<Vec<u32>>,
}

/// A solved link of the forest by position: the swayed person, their
/// strongest swayer, and the share W(A,B)/listens(B).
pub(super) struct Uplink {
    pub(super) swayed: u32,
    pub(super) swayer: u32,
    pub(super) share: f32,
}

/// What a link to a person needs to know of them.
struct End {
    position: u32,
    left_out: u32,
    listens: f64,
}

impl Slices {
    /// The rows of `graph` but the forest's links, with each link's share
    /// W(A,B)/listens(B), a part for each of the forest's `groups`.
    pub(super) fn new(graph: &SwayGraph, forest: &Forest, groups: usize) -> Slices {
        let (n, listens) = (graph.len(), &forest.listens);
        let mut length: Vec<u32> = (0..n).map(|a| graph.edge_range(a).len() as u32).collect();
        for (_, a) in forest.solved_last_first() {
            length[a] -= 1;
        }
        let (people, position, sizes) = by_group_and_row_length(&forest.group, groups, &length);
        let (mut starts, mut parts) = (vec![0u32], Vec::with_capacity(groups));
        for size in sizes {
            let (first, from) = (starts.len() - 1, starts[starts.len() - 1]);
            starts.extend((from..from + size).step_by(LANES).skip(1).chain([from + size]));
            parts.push(first..starts.len() - 1);
        }
        let slices = starts.len() - 1;
        let mut offsets = vec![0usize; slices + 1];
        for k in 0..slices {
            // Sorted longest first, so a slice's first row is its longest.
            let longest = if starts[k] < starts[k + 1] { length[people[starts[k] as usize] as usize] } else { 0 };
            offsets[k + 1] = offsets[k] + longest as usize * LANES;
        }
        let (mut targets, mut shares) = (vec![0u32; offsets[slices]], vec![0.0f32; offsets[slices]]);
        // For each person, what a link to them needs: their position, whose
        // link to them is left out, and the total sway they receive. One
        // read of memory per link instead of three.
        let ends: Vec<End> = (0..n)
            .map(|b| End { position: position[b], left_out: forest.solved_swayer(b), listens: listens[b] })
            .collect();
        // Each thread fills its own group's slices. Rows are read in the
        // graph's order, so its memory streams; the writes stay in the
        // window of the person at hand.
        let fill = |g: usize, part: &Range<usize>, targets: &mut [u32], shares: &mut [f32]| {
            let (at, from) = (offsets[part.start], starts[part.start] as usize);
            let (mut uplinks, mut roots) = (Vec::new(), Vec::new());
            for a in (0..n).filter(|&a| forest.group[a] as usize == g) {
                let swayer = forest.solved_swayer(a);
                if swayer == ROOT {
                    roots.push(position[a]);
                } else {
                    let share = (forest.weight[a] / listens[a]) as f32;
                    uplinks.push(Uplink { swayed: position[a], swayer: position[swayer as usize], share });
                }
                // A group's slices hold `LANES` rows each but the last.
                let i = position[a] as usize;
                let k = part.start + (i - from) / LANES;
                let first = offsets[k] - at + i - starts[k] as usize;
                let range = graph.edge_range(a);
                let links = graph.targets()[range.clone()].iter().zip(&graph.weights()[range]);
                let kept = links.map(|(&b, &w)| (&ends[b as usize], w)).filter(|(end, _)| end.left_out != a as u32);
                for (j, (end, w)) in kept.enumerate() {
                    targets[first + j * LANES] = end.position;
                    shares[first + j * LANES] = (w / end.listens) as f32;
                }
            }
            (uplinks, roots)
        };
        // Each group's own run of the slices.
        let mut mine = Vec::with_capacity(parts.len());
        let (mut targets_left, mut shares_left) = (targets.as_mut_slice(), shares.as_mut_slice());
        for (g, part) in parts.iter().enumerate() {
            let size = offsets[part.end] - offsets[part.start];
            let (targets, rest) = std::mem::take(&mut targets_left).split_at_mut(size);
            let (shares, rest_shares) = std::mem::take(&mut shares_left).split_at_mut(size);
            (targets_left, shares_left) = (rest, rest_shares);
            mine.push((g, part, targets, shares));
        }
        let (uplinks, roots) =
            in_parallel(mine, |(g, part, targets, shares)| fill(g, part, targets, shares)).into_iter().unzip();
        let dangling = (0..n).filter(|&b| listens[b] <= 0.0).map(|b| position[b]).collect();
        Slices { people, starts, offsets, targets, shares, dangling, parts, uplinks, roots }
    }

    /// The sums of slice `k`'s rows: each link's share times `value` of
    /// its listener, in the row's own order (lanes past the slice's rows
    /// sum padding).
    #[inline]
    pub(super) fn pulled(&self, k: usize, value: impl Fn(usize) -> f64) -> [f64; LANES] {
        let entries = self.offsets[k]..self.offsets[k + 1];
        let mut pulled = [0.0f64; LANES];
        for (targets, shares) in
            self.targets[entries.clone()].chunks_exact(LANES).zip(self.shares[entries].chunks_exact(LANES))
        {
            for lane in 0..LANES {
                pulled[lane] += value(targets[lane] as usize) * f64::from(shares[lane]);
            }
        }
        pulled
    }

    /// The positions of slice `k`'s rows.
    pub(super) fn rows(&self, k: usize) -> Range<usize> {
        self.starts[k] as usize..self.starts[k + 1] as usize
    }
}

/// The people at each position, the position of each person and the size
/// of each group: group by group, each in windows of `WINDOW` people from
/// the last person back, and each window by row length, longest first
/// (counting sorts, so equal rows keep their order).
fn by_group_and_row_length(group: &[u32], groups: usize, length: &[u32]) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let n = group.len();
    let mut sizes = vec![0u32; groups.max(1)];
    group.iter().for_each(|&g| sizes[g as usize] += 1);
    let mut next: Vec<usize> =
        sizes.iter().scan(0, |start, &size| Some(std::mem::replace(start, *start + size as usize))).collect();
    let mut people = vec![0u32; n];
    for a in (0..n as u32).rev() {
        let at = &mut next[group[a as usize] as usize];
        people[*at] = a;
        *at += 1;
    }
    let longest = length.iter().copied().max().unwrap_or(0) as usize;
    let mut count = vec![0usize; longest + 1];
    let mut start = 0;
    for &size in &sizes {
        for window in people[start..start + size as usize].chunks_mut(WINDOW) {
            count.fill(0);
            window.iter().for_each(|&a| count[longest - length[a as usize] as usize] += 1);
            let mut at = 0;
            for slot in &mut count {
                (*slot, at) = (at, at + *slot);
            }
            let mut sorted = [0u32; WINDOW];
            for &a in window.iter() {
                let slot = &mut count[longest - length[a as usize] as usize];
                sorted[*slot] = a;
                *slot += 1;
            }
            window.copy_from_slice(&sorted[..window.len()]);
        }
        start += size as usize;
    }
    let mut position = vec![0u32; n];
    for (i, &a) in people.iter().enumerate() {
        position[a as usize] = i as u32;
    }
    (people, position, sizes)
}

#[cfg(test)]
mod tests {
    use super::super::forest::Incoming;
    use super::*;

    #[test]
    fn every_row_sums_as_it_would_alone_and_the_parts_cover_every_slice() {
        // 45 people, rows of 0 to 10 links (some given twice, merged).
        let n = 45;
        let mut edges: Vec<(usize, usize, f64)> = (0..n)
            .flat_map(|a| (0..(a * 5) % 11).map(move |k| (a, (a * 3 + k * 7 + 1) % n, 0.05 + k as f64 / 20.0)))
            .collect();
        edges.extend((0..n).step_by(4).map(|a| (a, (a * 3 + 1) % n, 0.01)));
        let g = SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges);
        let value = |a: usize| 1.0 / (a as f64 + 3.0);
        for groups in [1, 2, 3] {
            let forest = Forest::new(&g, Incoming::new(&g, groups), groups);
            let listens = &forest.listens;
            // One group solves every link of the forest (more cut below big trees).
            assert!(groups > 1 || forest.solved_last_first().count() > n / 3);
            let slices = Slices::new(&g, &forest, groups);
            assert_eq!(slices.parts.len(), groups);
            let covered: Vec<usize> = slices.parts.iter().flat_map(Clone::clone).collect();
            assert_eq!(covered, (0..slices.starts.len() - 1).collect::<Vec<_>>(), "{groups} groups");
            let mut seen = vec![0; n];
            for (g_index, part) in slices.parts.iter().enumerate() {
                for k in part.clone() {
                    let pulled = slices.pulled(k, |i| value(slices.people[i] as usize));
                    assert!(slices.rows(k).len() <= LANES);
                    for (i, sum) in slices.rows(k).zip(pulled) {
                        let a = slices.people[i] as usize;
                        seen[a] += 1;
                        assert_eq!(forest.group[a] as usize, g_index, "p{a} in another group's part");
                        let alone: f64 = g
                            .out_edges(a)
                            .filter(|&(b, _)| !forest.holds(a, b))
                            .map(|(b, w)| value(b) * f64::from((w / listens[b]) as f32))
                            .sum();
                        // Equal as numbers is equal in every bit here, but for the sign of an empty row's 0.
                        assert_eq!(sum, alone, "row of p{a}");
                    }
                }
            }
            assert!(seen.iter().all(|&s| s == 1), "every person in one row");
            // Each row of a part is a root of the part's forest or swayed along one of its links.
            for (part, (uplinks, roots)) in slices.parts.iter().zip(slices.uplinks.iter().zip(&slices.roots)) {
                let mut rows: Vec<u32> = uplinks.iter().map(|l| l.swayed).chain(roots.iter().copied()).collect();
                rows.sort_unstable();
                let all = slices.starts[part.start]..slices.starts[part.end];
                assert_eq!(rows, all.collect::<Vec<_>>());
                let person = |i: u32| slices.people[i as usize] as usize;
                for link in uplinks {
                    let (b, a) = (person(link.swayed), person(link.swayer));
                    assert!(forest.holds(a, b) && a < b, "p{a} → p{b}");
                    assert_eq!(link.share, (forest.weight[b] / listens[b]) as f32);
                }
                // In the graph's order, so that backwards each link comes after the links into its swayed.
                assert!(uplinks.windows(2).all(|w| person(w[0].swayed) < person(w[1].swayed)));
            }
        }
    }
}
