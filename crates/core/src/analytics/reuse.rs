//! Which person's shortest paths each person's are taken from, for the
//! exact broker scores (see `shortest::Tree::derive`).
//!
//! Each person picks one of their links, to the neighbour whose paths will
//! most likely be theirs: the shortest link plus the neighbour's estimated
//! mean distance to everyone. On the generated organisations the person
//! picked heads ~53 % of the shortest-path tree (the best one, ~55 %), so
//! about half of each search is saved. The picks form a forest once one
//! person on each loop searches on their own; it is cut into pieces that
//! threads share, and so that no piece is deeper than `DEPTH` (each level
//! keeps one tree in memory).

use super::heap::NodeHeap;
use super::shortest::{Links, FAR};

/// The deepest a piece goes below its root.
const DEPTH: usize = 32;
/// How many people's distances from everyone estimate the mean distances.
const PROBES: usize = 16;

/// (person, depth) in preorder: the tree of a person at depth d > 0
/// derives from the last one listed at depth d − 1; at depth 0 it is
/// searched on its own.
pub(crate) type Piece = Vec<(u32, u32)>;

/// Everyone, in pieces.
pub(crate) struct Pieces {
    pieces: Vec<Piece>,
}

impl Pieces {
    /// Pieces for `parts` threads.
    pub(crate) fn new(links: &Links, parts: usize) -> Pieces {
        let n = links.len();
        let mut via = picks(links);
        // One root per loop of picks: walk each chain until it meets itself.
        let mut walked = vec![u32::MAX; n];
        for start in 0..n {
            let mut v = start;
            while walked[v] == u32::MAX {
                walked[v] = start as u32;
                match via[v] {
                    Some(p) => v = p as usize,
                    None => break,
                }
            }
            if walked[v] == start as u32 && via[v].is_some() {
                // The chain from `start` closed a loop at `v`.
                via[v] = None;
            }
        }
        let children = Children::new(&via);
        let roots: Vec<u32> = (0..n as u32).filter(|&v| via[v as usize].is_none()).collect();
        let order = children.breadth_first(&roots);
        // Cut bottom up where the people below reach a share of the work.
        let limit = (n / (parts.max(1) * 8)).max(1);
        let mut below = vec![1usize; n];
        for &v in order.iter().rev() {
            let v = v as usize;
            if let Some(p) = via[v] {
                if below[v] >= limit {
                    via[v] = None;
                } else {
                    below[p as usize] += below[v];
                }
            }
        }
        // Cut top down where a piece gets too deep.
        let mut depth = vec![0usize; n];
        for &v in &order {
            let v = v as usize;
            if let Some(p) = via[v] {
                depth[v] = depth[p as usize] + 1;
                if depth[v] > DEPTH {
                    via[v] = None;
                    depth[v] = 0;
                }
            }
        }
        let pieces = (0..n as u32)
            .filter(|&v| via[v as usize].is_none())
            .map(|root| children.preorder(root, |c| via[c as usize].is_some()))
            .collect();
        Pieces { pieces }
    }

    /// The pieces dealt to `parts` threads, largest first to the one with
    /// the least so far.
    pub(crate) fn dealt(mut self, parts: usize) -> Vec<Vec<Piece>> {
        self.pieces.sort_by_key(|piece| std::cmp::Reverse(piece.len()));
        let mut dealt: Vec<(usize, Vec<Piece>)> = (0..parts.max(1)).map(|_| (0, Vec::new())).collect();
        for piece in self.pieces {
            if let Some(lightest) = dealt.iter_mut().min_by_key(|(work, _)| *work) {
                lightest.0 += piece.len();
                lightest.1.push(piece);
            }
        }
        dealt.into_iter().map(|(_, pieces)| pieces).collect()
    }
}

/// Each person's pick: the link minimising its length plus the target's
/// estimated mean distance to everyone; `None` for people with no links.
fn picks(links: &Links) -> Vec<Option<u32>> {
    let n = links.len();
    let mut mean = vec![0.0f64; n];
    let mut heap = NodeHeap::new(n);
    let mut dist = vec![FAR; n];
    for probe in 0..PROBES.min(n) {
        distances_to(links, probe * n / PROBES.min(n), &mut dist, &mut heap);
        let reached = dist.iter().filter(|&&d| d != FAR).fold(0u64, |a, &d| a.max(d));
        // The unreached count as twice the farthest reached.
        for (m, &d) in mean.iter_mut().zip(&dist) {
            *m += if d == FAR { 2.0 * reached as f64 } else { d as f64 };
        }
    }
    (0..n)
        .map(|s| {
            links
                .out_links(s)
                .filter(|&(u, _)| u != s)
                .map(|(u, length)| (u, length as f64 * PROBES as f64 + mean[u]))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(u, _)| u as u32)
        })
        .collect()
}

/// Everyone's distance to `target` (Dijkstra on the links reversed).
fn distances_to(links: &Links, target: usize, dist: &mut [u64], heap: &mut NodeHeap) {
    dist.fill(FAR);
    dist[target] = 0;
    heap.push_or_decrease_key(target, 0);
    while let Some((d, w)) = heap.pop_key() {
        for (v, length) in links.in_links(w) {
            if d + length < dist[v] {
                dist[v] = d + length;
                heap.push_or_decrease_key(v, d + length);
            }
        }
    }
}

/// Who picked each person, as rows.
struct Children {
    offsets: Vec<usize>,
    children: Vec<u32>,
}

impl Children {
    fn new(via: &[Option<u32>]) -> Children {
        let mut offsets = vec![0usize; via.len() + 1];
        for p in via.iter().flatten() {
            offsets[*p as usize + 1] += 1;
        }
        for i in 0..via.len() {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut children = vec![0u32; offsets[via.len()]];
        for (v, p) in via.iter().enumerate() {
            if let Some(p) = p {
                children[fill[*p as usize]] = v as u32;
                fill[*p as usize] += 1;
            }
        }
        Children { offsets, children }
    }

    fn of(&self, v: u32) -> &[u32] {
        &self.children[self.offsets[v as usize]..self.offsets[v as usize + 1]]
    }

    /// Everyone below `roots`, parents before children.
    fn breadth_first(&self, roots: &[u32]) -> Vec<u32> {
        let mut order = roots.to_vec();
        let mut at = 0;
        while at < order.len() {
            let v = order[at];
            order.extend_from_slice(self.of(v));
            at += 1;
        }
        order
    }

    /// `root` and the people below it through children that `keep`, in
    /// preorder with their depths.
    fn preorder(&self, root: u32, keep: impl Fn(u32) -> bool) -> Piece {
        let mut piece = Vec::new();
        let mut stack = vec![(root, 0u32)];
        while let Some((v, depth)) = stack.pop() {
            piece.push((v, depth));
            stack.extend(self.of(v).iter().rev().filter(|&&c| keep(c)).map(|&c| (c, depth + 1)));
        }
        piece
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::SwayGraph;

    #[test]
    fn every_person_is_listed_once_and_follows_their_pick() {
        let n = 300;
        let edges: Vec<(usize, usize, f64)> = (0..n)
            .flat_map(|i| [(i, (i * 7 + 3) % n, 0.3 + (i % 5) as f64 / 10.0), (i, (i + 1) % n, 0.5)])
            .chain([(5, 9, 0.9)])
            .collect();
        let g = SwayGraph::from_edges((0..n + 2).map(|i| format!("p{i}")).collect(), edges);
        let links = Links::new(&g);
        let dealt = Pieces::new(&links, 2).dealt(2);
        assert_eq!(dealt.len(), 2);
        let mut seen = vec![0; n + 2];
        let mut roots = 0;
        for piece in dealt.iter().flatten() {
            let mut last = [u32::MAX; DEPTH + 1];
            for &(v, depth) in piece {
                seen[v as usize] += 1;
                assert!(depth as usize <= DEPTH);
                last[depth as usize] = v;
                if depth == 0 {
                    roots += 1;
                } else {
                    // The one derived from is one of v's links.
                    let from = last[depth as usize - 1];
                    assert!(links.out_links(v as usize).any(|(u, _)| u as u32 == from));
                }
            }
        }
        assert!(seen.iter().all(|&c| c == 1), "{seen:?}");
        // The two people with no links, a loop's root and a few cuts.
        assert!((3..40).contains(&roots), "{roots}");
        let work: Vec<usize> = dealt.iter().map(|pieces| pieces.iter().map(Vec::len).sum()).collect();
        assert!(work[0].abs_diff(work[1]) <= n / 8, "{work:?}");
    }
}
