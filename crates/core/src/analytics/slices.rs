//! The pull rows of the weighted PageRank laid out for the processor.
//!
//! Rows are short (nine links on average at 100k people), and a loop over
//! one short row ends on a branch the processor cannot guess, which throws
//! away the rank reads in flight: at 100k people a step took ~1.7 ms row by
//! row on two threads and takes ~1.2 ms in slices. So people are
//! renumbered by the length of their row, longest first, and every `LANES`
//! consecutive rows are interleaved link by link into one slice, padded to
//! the slice's longest row with shares of 0. A slice's rows are summed side
//! by side, each in its own order, so every row's sum is the same as summed
//! alone ("SELL-C-σ" in the sparse-matrix literature, with σ = everyone).

use std::ops::Range;

use super::SwayGraph;

/// Rows summed side by side in one slice.
const LANES: usize = 8;

/// The pull rows in slices: people at new positions (longest row first),
/// each slice's `LANES` rows interleaved link by link.
pub(super) struct Slices {
    /// The person at each position.
    pub(super) people: Vec<u32>,
    /// Slice k's entries are `offsets[k]..offsets[k + 1]`, `LANES` a step.
    offsets: Vec<usize>,
    /// The listener's position.
    targets: Vec<u32>,
    /// W(A,B)/listens(B); 0 in padding.
    shares: Vec<f32>,
    /// Positions of the people who listen to nobody.
    pub(super) dangling: Vec<u32>,
    /// The slices of each thread: runs of about equal work.
    pub(super) parts: Vec<Range<usize>>,
}

impl Slices {
    /// The rows of `graph` with each link's share W(A,B)/listens(B), split
    /// into parts for `threads` threads.
    pub(super) fn new(graph: &SwayGraph, listens: &[f64], threads: usize) -> Slices {
        let n = graph.len();
        let length = |a: usize| graph.edge_range(a).len();
        let (people, position) = by_row_length(graph);
        let slices = n.div_ceil(LANES);
        let mut offsets = vec![0usize; slices + 1];
        for k in 0..slices {
            // Sorted longest first, so a slice's first row is its longest.
            offsets[k + 1] = offsets[k] + length(people[k * LANES] as usize) * LANES;
        }
        let parts = split(&offsets, threads);
        let (mut targets, mut shares) = (vec![0u32; offsets[slices]], vec![0.0f32; offsets[slices]]);
        // Each thread fills its own slices. Rows are read in the graph's
        // order, so its memory streams; the writes go to a few slices at a
        // time, one per row length.
        let fill = |part: &Range<usize>, targets: &mut [u32], shares: &mut [f32]| {
            let (rows, at) = (part.start * LANES..part.end * LANES, offsets[part.start]);
            for (a, &i) in position.iter().enumerate().filter(|&(_, &i)| rows.contains(&(i as usize))) {
                let first = offsets[i as usize / LANES] - at + i as usize % LANES;
                let range = graph.edge_range(a);
                for (j, (&b, &w)) in graph.targets()[range.clone()].iter().zip(&graph.weights()[range]).enumerate() {
                    targets[first + j * LANES] = position[b as usize];
                    shares[first + j * LANES] = (w / listens[b as usize]) as f32;
                }
            }
        };
        std::thread::scope(|scope| {
            let (mut targets, mut shares) = (targets.as_mut_slice(), shares.as_mut_slice());
            for (t, part) in parts.iter().enumerate() {
                let size = offsets[part.end] - offsets[part.start];
                let (mine, rest) = std::mem::take(&mut targets).split_at_mut(size);
                let (mine_shares, rest_shares) = std::mem::take(&mut shares).split_at_mut(size);
                (targets, shares) = (rest, rest_shares);
                if t + 1 == parts.len() {
                    fill(part, mine, mine_shares);
                } else {
                    let fill = &fill;
                    scope.spawn(move || fill(part, mine, mine_shares));
                }
            }
        });
        let dangling = (0..n).filter(|&b| listens[b] <= 0.0).map(|b| position[b]).collect();
        Slices { people, offsets, targets, shares, dangling, parts }
    }

    /// The sums of slice `k`'s rows: each link's share times `value` of
    /// its listener, in the row's own order.
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
        k * LANES..(k * LANES + LANES).min(self.people.len())
    }
}

/// The people at each position and the position of each person, longest
/// row first; a counting sort, so equal rows keep the graph's order.
fn by_row_length(graph: &SwayGraph) -> (Vec<u32>, Vec<u32>) {
    let n = graph.len();
    let length = |a: usize| graph.edge_range(a).len();
    let longest = (0..n).map(length).max().unwrap_or(0);
    let mut next = vec![0usize; longest + 1];
    (0..n).for_each(|a| next[longest - length(a)] += 1);
    let mut start = 0;
    for slot in &mut next {
        (*slot, start) = (start, start + *slot);
    }
    let (mut people, mut position) = (vec![0u32; n], vec![0u32; n]);
    for a in 0..n {
        let at = &mut next[longest - length(a)];
        (people[*at], position[a]) = (a as u32, *at as u32);
        *at += 1;
    }
    (people, position)
}

/// Slices with entries at `offsets` split into `parts` runs of about equal
/// work (a slice costs its entries and its rows).
fn split(offsets: &[usize], parts: usize) -> Vec<Range<usize>> {
    let slices = offsets.len() - 1;
    let work = |k: usize| offsets[k] + k * LANES;
    let total = work(slices);
    let mut cuts = vec![0];
    cuts.extend((1..parts).map(|p| (0..slices).find(|&k| work(k) * parts >= total * p).unwrap_or(slices)));
    cuts.push(slices);
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_sums_as_it_would_alone_and_the_parts_cover_every_slice() {
        // 45 people (the last slice is not full), rows of 0 to 10 links.
        let n = 45;
        let edges: Vec<(usize, usize, f64)> = (0..n)
            .flat_map(|a| (0..(a * 5) % 11).map(move |k| (a, (a * 3 + k * 7 + 1) % n, 0.05 + k as f64 / 20.0)))
            .collect();
        let g = SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges);
        let listens: Vec<f64> = (0..n).map(|b| g.in_edges(b).map(|(_, w)| w).sum::<f64>().max(1.0)).collect();
        let value = |a: usize| 1.0 / (a as f64 + 3.0);
        for threads in [1, 2, 3] {
            let slices = Slices::new(&g, &listens, threads);
            let mut position = vec![0; n];
            for (i, &a) in slices.people.iter().enumerate() {
                position[a as usize] = i;
            }
            let slice_count = n.div_ceil(LANES);
            let covered: Vec<usize> = slices.parts.iter().flat_map(Clone::clone).collect();
            assert_eq!(covered, (0..slice_count).collect::<Vec<_>>(), "{threads} threads");
            for k in 0..slice_count {
                let pulled = slices.pulled(k, |i| value(slices.people[i] as usize));
                for (i, sum) in slices.rows(k).zip(pulled) {
                    let a = slices.people[i] as usize;
                    let alone: f64 = g.out_edges(a).map(|(b, w)| value(b) * f64::from((w / listens[b]) as f32)).sum();
                    // Equal as numbers is equal in every bit here, but for the sign of an empty row's 0.
                    assert_eq!(sum, alone, "row of p{a}");
                }
            }
            assert_eq!(position.iter().filter(|&&i| i < n).count(), n);
        }
    }
}
