//! The shortest-path searches of the broker scores: one person's shortest
//! paths to everyone, with how many there are, on exact integer lengths.
//!
//! Lengths −ln W are kept in fixed point, in units of 2^-k chosen so that
//! no path can overflow. Integer sums do not depend on the order of the
//! additions, so a person's distances can be taken from a neighbour's,
//! shifted by the link between them, and still equal the sums a search of
//! their own would make (see `derive`). Two routes tie when their lengths
//! agree to ~1e-13; in `f64`, whether they tie depends on rounding.
//!
//! The search waits on memory more than it computes, so it is laid out for
//! the cache: distances in their own array, each row's links packed
//! (target and length side by side), the links that could improve or tie
//! found first without branches so their loads overlap, and the row of the
//! next person the heap will hand out read while this one is relaxed.

use super::heap::NodeHeap;
use super::SwayGraph;

/// The distance of a person not reached.
pub(crate) const FAR: u64 = u64::MAX;
/// Marks a person reached by more than one shortest path, and a source.
pub(crate) const TIED: u32 = u32::MAX;

/// One sway edge as the search reads it: its target and its length, packed
/// in 12 bytes so a typical row spans two cache lines.
#[derive(Clone, Copy)]
struct Link {
    target: u32,
    /// The length, low half first.
    length: [u32; 2],
}

impl Link {
    #[inline]
    fn length(self) -> u64 {
        u64::from(self.length[0]) | u64::from(self.length[1]) << 32
    }
}

/// The sway graph's edges with their fixed-point lengths, both ways.
pub(crate) struct Links<'g> {
    graph: &'g SwayGraph,
    links: Vec<Link>,
    /// The length of each incoming edge, in the order of `in_sources()`.
    in_lengths: Vec<u64>,
}

impl<'g> Links<'g> {
    pub(crate) fn new(graph: &'g SwayGraph) -> Links<'g> {
        let unit = unit(graph);
        let fixed = |w: f64| ((-w.ln()).max(0.0) * unit).round() as u64;
        let links = graph
            .targets()
            .iter()
            .zip(graph.weights())
            .map(|(&target, &w)| {
                let length = fixed(w);
                Link { target, length: [length as u32, (length >> 32) as u32] }
            })
            .collect();
        let in_lengths = graph.in_weights().iter().map(|&w| fixed(w)).collect();
        Links { graph, links, in_lengths }
    }

    pub(crate) fn len(&self) -> usize {
        self.graph.len()
    }

    /// `v`'s links.
    #[inline]
    fn row(&self, v: usize) -> &[Link] {
        &self.links[self.graph.edge_range(v)]
    }

    /// `v`'s targets with their lengths.
    pub(crate) fn out_links(&self, v: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.row(v).iter().map(|link| (link.target as usize, link.length()))
    }

    /// Who links to `w`, with the lengths.
    pub(crate) fn in_links(&self, w: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
        let range = self.graph.in_range(w);
        self.graph.in_sources()[range.clone()].iter().map(|&v| v as usize).zip(self.in_lengths[range].iter().copied())
    }

    /// Reads the first and last link of `v`'s row, which brings the row
    /// into the cache; the value means nothing.
    #[inline]
    fn touch(&self, v: usize) -> u32 {
        let row = self.row(v);
        match (row.first(), row.last()) {
            (Some(first), Some(last)) => first.target ^ last.length[0],
            _ => 0,
        }
    }
}

/// Units per unit of length: the largest power of two under which a path
/// through everyone along the longest link stays below 2^62.
fn unit(graph: &SwayGraph) -> f64 {
    let longest = graph.weights().iter().map(|w| -w.ln()).fold(0.0f64, f64::max);
    let bound = (longest * graph.len() as f64).max(1.0);
    let bits = (62.0 - bound.log2().ceil()).clamp(0.0, 52.0);
    2f64.powi(bits as i32)
}

/// What a tree knows of one person besides the distance.
#[derive(Clone, Copy)]
pub(crate) struct Visit {
    /// How many shortest paths reach them.
    pub(crate) sigma: f64,
    /// The one predecessor on a shortest path, or `TIED` when there are more.
    pub(crate) parent: u32,
}

const UNSEEN: Visit = Visit { sigma: 0.0, parent: TIED };

/// A person not found by the current search.
const KEPT: u8 = 0;
/// Found, not yet settled.
const FOUND: u8 = 1;
const SETTLED: u8 = 2;

/// A search's work space, reused from one search to the next: the heap,
/// and where each person stands in the current search (a byte each, so
/// the whole fits the first-level cache).
pub(crate) struct Work {
    heap: NodeHeap,
    state: Vec<u8>,
}

impl Work {
    pub(crate) fn new(n: usize) -> Work {
        Work { heap: NodeHeap::new(n), state: vec![KEPT; n] }
    }
}

/// One person's shortest paths to everyone: distances, path counts and
/// predecessors, and the people reached in an order where each comes after
/// all their predecessors (the source first).
pub(crate) struct Tree {
    pub(crate) dist: Vec<u64>,
    pub(crate) visit: Vec<Visit>,
    pub(crate) order: Vec<u32>,
    /// Whether a link of length 0 tied two paths: such a tie counts only
    /// if the search settled the link's end after its start, which depends
    /// on the order the heap hands out equal distances (as in networkx),
    /// so a tree derived from this one, or this one if derived, could count
    /// otherwise than a search of its own.
    ordered: bool,
}

impl Tree {
    pub(crate) fn new(n: usize) -> Tree {
        Tree { dist: vec![FAR; n], visit: vec![UNSEEN; n], order: Vec::with_capacity(n), ordered: false }
    }

    /// Forgets the tree, in time proportional to the people it reached
    /// when they are few (a sparse chart reaches few from most people).
    fn clear(&mut self) {
        if self.order.len() > self.dist.len() / 8 {
            self.dist.fill(FAR);
            self.visit.fill(UNSEEN);
        } else {
            for &v in &self.order {
                self.dist[v as usize] = FAR;
                self.visit[v as usize] = UNSEEN;
            }
        }
        self.order.clear();
        self.ordered = false;
    }

    /// The shortest paths from `source`, by a search of its own.
    pub(crate) fn search(&mut self, links: &Links, source: usize, work: &mut Work) {
        self.clear();
        let settled = self.grow(links, source, None, work);
        debug_assert!(settled, "a search of its own has nothing to tie with");
        self.order.iter().for_each(|&v| work.state[v as usize] = KEPT);
    }

    /// The shortest paths from `source` taken from `from`, the tree of
    /// `via`, one of the source's links: everyone keeps their distance
    /// from `via` plus that link's length, and their path counts and
    /// predecessors, unless a search from `source` finds them closer.
    ///
    /// `false` when it cannot, and the caller then searches on its own:
    /// when either tree has a tie by a link of length 0 (see `ordered`),
    /// or in the case below. The people the search does not find closer
    /// (the kept) are reached only on shortest paths that start with the
    /// link to `via`, unless a found person links to a kept one on a path
    /// of equal length: that tie is refused. So the kept keep `via`'s path
    /// counts, and their predecessors are kept too. They come after the
    /// found in `order`, as no found person is on a shortest path to a
    /// kept one (that would be the tie) and no kept person on one to a
    /// found one (they would be found).
    pub(crate) fn derive(&mut self, links: &Links, source: usize, via: usize, from: &Tree, work: &mut Work) -> bool {
        let step = links.out_links(source).find(|&(w, _)| w == via).map_or(0, |(_, length)| length);
        if step == 0 || from.ordered {
            return false;
        }
        if from.order.len() > self.dist.len() / 8 {
            // Most people reached: copy everyone as one block.
            for (to, from) in self.dist.iter_mut().zip(&from.dist) {
                *to = from.saturating_add(step);
            }
            self.visit.copy_from_slice(&from.visit);
            self.order.clear();
            self.ordered = false;
        } else {
            self.clear();
            for &x in &from.order {
                self.dist[x as usize] = from.dist[x as usize] + step;
                self.visit[x as usize] = from.visit[x as usize];
            }
        }
        self.visit[via].parent = source as u32;
        if !self.grow(links, source, Some(via), work) || self.ordered {
            // Some of what was set is not in `order`: forget all of it.
            work.heap.clear();
            work.state.fill(KEPT);
            self.dist.fill(FAR);
            self.visit.fill(UNSEEN);
            self.order.clear();
            return false;
        }
        let found = self.order.len();
        let state = &work.state;
        self.order.extend(from.order.iter().filter(|&&x| state[x as usize] == KEPT));
        self.order[..found].iter().for_each(|&v| work.state[v as usize] = KEPT);
        true
    }

    /// Dijkstra from `source` over the distances already set, counting
    /// shortest paths; `false` on a path that ties with a kept distance
    /// other than the link `source`→`via` itself.
    fn grow(&mut self, links: &Links, source: usize, via: Option<usize>, work: &mut Work) -> bool {
        let Tree { dist, visit, order, ordered } = self;
        let Work { heap, state } = work;
        dist[source] = 0;
        visit[source] = Visit { sigma: 1.0, parent: TIED };
        state[source] = FOUND;
        heap.push_or_decrease_key(source, 0);
        let mut warm = 0u32;
        while let Some((d, v)) = heap.pop_key() {
            // Touch the row of the next person likely to come up, so its
            // cache lines load while this row is relaxed.
            if let Some(next) = heap.peek_node() {
                warm ^= links.touch(next);
            }
            state[v] = SETTLED;
            order.push(v as u32);
            let sigma_v = visit[v].sigma;
            for row in links.row(v).chunks(64) {
                // First, without branches, which links could improve or tie:
                // the loads overlap instead of waiting on a guess per link.
                let mut candidates = 0u64;
                for (i, link) in row.iter().enumerate() {
                    candidates |= u64::from(d + link.length() <= dist[link.target as usize]) << i;
                }
                while candidates != 0 {
                    let i = candidates.trailing_zeros() as usize;
                    candidates &= candidates - 1;
                    let (w, alt) = (row[i].target as usize, d + row[i].length());
                    if alt < dist[w] {
                        dist[w] = alt;
                        visit[w] = Visit { sigma: sigma_v, parent: v as u32 };
                        state[w] = FOUND;
                        heap.push_or_decrease_key(w, alt);
                    } else if state[w] == KEPT {
                        if !(v == source && Some(w) == via) {
                            std::hint::black_box(warm);
                            return false;
                        }
                    } else {
                        *ordered |= row[i].length() == 0;
                        if state[w] == FOUND {
                            visit[w].sigma += sigma_v;
                            visit[w].parent = TIED;
                        }
                    }
                }
            }
        }
        std::hint::black_box(warm);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A graph of `n` with six links each, lengths from a few values, so
    /// routes tie.
    fn tangled(n: usize) -> SwayGraph {
        let weights = [0.5, 0.25, 0.9, 0.5, 0.8, 0.125];
        let edges = (0..n)
            .flat_map(|i| (1..7).map(move |k| (i, (i * k * 7 + k * k + 1) % n, weights[(i + k) % weights.len()])))
            .filter(|&(a, b, _)| a != b)
            .collect();
        SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges)
    }

    /// Every person comes after their predecessors on shortest paths (but
    /// for ties by a link of length 0, which count only in that order).
    fn assert_in_order(links: &Links, tree: &Tree) {
        let mut at = vec![usize::MAX; tree.dist.len()];
        for (i, &v) in tree.order.iter().enumerate() {
            at[v as usize] = i;
        }
        for &w in &tree.order[1..] {
            let w = w as usize;
            if tree.visit[w].parent != TIED {
                assert!(at[tree.visit[w].parent as usize] < at[w]);
                continue;
            }
            for (v, length) in links.in_links(w) {
                if length > 0 && tree.dist[v].saturating_add(length) == tree.dist[w] {
                    assert!(at[v] < at[w], "{v} on a shortest path to {w} comes after it");
                }
            }
        }
    }

    #[test]
    fn derived_trees_equal_searched_ones_or_are_refused() {
        // Five links each; one in `free` of weight 1 (length 0).
        let random = |free: Option<usize>| {
            let n = 300;
            let weight = |i: usize| {
                if free.is_some_and(|free| i % free == 0) {
                    1.0
                } else {
                    0.05 + ((i * 31) % 97) as f64 / 104.0
                }
            };
            let edges =
                (0..n * 5).map(|i| (i / 5, (i * 104_729 + i / 7) % n, weight(i))).filter(|&(a, b, _)| a != b).collect();
            SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges)
        };
        // The tangled graph ties often, the random one hardly ever; with
        // links of length 0 some paths tie at equal distances.
        // A reporting tree with a few grey links: most people reach few.
        let sparse = {
            let n = 400;
            let mut edges: Vec<(usize, usize, f64)> = (1..n).map(|b| ((b * 7 + 3) % b, b, 0.5)).collect();
            edges.extend((0..40).map(|k| ((k * 37 + 200) % n, (k * 11) % n, 0.3 + (k % 5) as f64 / 10.0)));
            edges.retain(|&(a, b, _)| a != b);
            SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges)
        };
        for (g, ties) in [(tangled(200), true), (random(None), false), (random(Some(40)), true), (sparse, false)] {
            let links = Links::new(&g);
            let mut work = Work::new(g.len());
            let (mut via_tree, mut derived, mut searched) =
                (Tree::new(g.len()), Tree::new(g.len()), Tree::new(g.len()));
            let (mut equal, mut refused) = (0, 0);
            for s in 0..g.len() {
                searched.search(&links, s, &mut work);
                assert_in_order(&links, &searched);
                for (via, _) in links.out_links(s) {
                    via_tree.search(&links, via, &mut work);
                    if !derived.derive(&links, s, via, &via_tree, &mut work) {
                        refused += 1;
                        continue;
                    }
                    equal += 1;
                    assert!(!searched.ordered, "from {s} via {via}: a tie by a link of length 0 was not refused");
                    assert_eq!(derived.dist, searched.dist, "from {s} via {via}");
                    let counts = |t: &Tree| t.visit.iter().map(|v| (v.sigma, v.parent)).collect::<Vec<_>>();
                    assert_eq!(counts(&derived), counts(&searched), "from {s} via {via}");
                    let mut sets = [derived.order.clone(), searched.order.clone()];
                    sets.iter_mut().for_each(|o| o.sort_unstable());
                    assert_eq!(sets[0], sets[1]);
                    assert_in_order(&links, &derived);
                }
            }
            assert!(equal >= 300 && (refused > 0) == ties, "{equal} derived, {refused} refused");
        }
    }

    #[test]
    fn lengths_are_fixed_point_with_room_for_any_path() {
        let g = SwayGraph::from_edges(vec!["a".into(), "b".into(), "c".into()], vec![(0, 1, 1.0), (1, 2, 1e-300)]);
        let links = Links::new(&g);
        let lengths: Vec<u64> = (0..3).flat_map(|v| links.out_links(v).map(|(_, l)| l)).collect();
        assert_eq!(lengths[0], 0);
        assert!(lengths[1] as f64 * 3.0 < 2f64.powi(62) && lengths[1] > 1 << 40, "{}", lengths[1]);
    }
}
