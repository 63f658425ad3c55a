//! Broker score: Brandes' betweenness centrality on the sway graph, edge
//! length −ln W, directed, normalised by 1/((n−1)(n−2)) as networkx does.
//!
//! Each source runs Dijkstra counting shortest paths (σ), then accumulates
//! dependencies (δ) in reverse order of distance. With real-valued lengths
//! most people are reached by one shortest path, so the forward pass keeps
//! one predecessor per person and marks the few reached by equal paths; the
//! backward pass pushes δ along that one predecessor and re-derives the
//! predecessors of marked people from the reverse rows: an edge v→w lies on
//! a shortest path exactly when dist(v) + len(v,w) == dist(w), the same
//! floating-point sum the forward pass compared. Sources are split across
//! threads; each keeps its own totals.
//!
//! The forward pass waits on memory more than it computes, so it is laid
//! out for the cache: distances in their own array, each row's links packed
//! (target and length side by side), the links that could improve or tie
//! found first without branches so their loads overlap, and the row of the
//! next person the heap will hand out read while this one is relaxed.

use super::heap::NodeHeap;
use super::Progress;
use super::SwayGraph;

/// One sway edge as the forward pass reads it: its target and its length
/// −ln W, packed in 12 bytes so a typical row spans two cache lines.
#[derive(Clone, Copy)]
struct Link {
    target: u32,
    /// The bits of the length, low half first.
    length: [u32; 2],
}

impl Link {
    #[inline]
    fn length(self) -> f64 {
        f64::from_bits(u64::from(self.length[0]) | u64::from(self.length[1]) << 32)
    }
}

/// The sway graph's edges as links, in the graph's own order.
struct Links<'g> {
    graph: &'g SwayGraph,
    links: Vec<Link>,
}

impl<'g> Links<'g> {
    fn new(graph: &'g SwayGraph) -> Links<'g> {
        let links = graph
            .targets()
            .iter()
            .zip(graph.weights())
            .map(|(&target, w)| {
                let bits = (-w.ln()).to_bits();
                Link { target, length: [bits as u32, (bits >> 32) as u32] }
            })
            .collect();
        Links { graph, links }
    }

    /// `v`'s links.
    #[inline]
    fn row(&self, v: usize) -> &[Link] {
        &self.links[self.graph.edge_range(v)]
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

/// Marks a person reached by more than one shortest path.
const TIED: u32 = u32::MAX;

/// What the forward pass knows of one person besides its distance.
#[derive(Clone, Copy)]
struct Visit {
    sigma: f64,
    /// The one predecessor on a shortest path, or `TIED` when there are more.
    parent: u32,
    settled: bool,
}

const UNSEEN: Visit = Visit { sigma: 0.0, parent: TIED, settled: false };

/// Work space for one source, reused across sources; only the nodes a pass
/// touched are reset for the next.
struct Scratch {
    /// Distances on their own: the relaxations read nothing else, so more
    /// of them stay in cache.
    dist: Vec<f64>,
    visit: Vec<Visit>,
    delta: Vec<f64>,
    order: Vec<u32>,
    touched: Vec<u32>,
    heap: NodeHeap,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            dist: vec![f64::INFINITY; n],
            visit: vec![UNSEEN; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
            touched: Vec::with_capacity(n),
            heap: NodeHeap::new(n),
        }
    }

    fn reset(&mut self) {
        if self.touched.len() > self.dist.len() / 8 {
            // Most of the graph was reached: one sweep beats scattered writes.
            self.dist.fill(f64::INFINITY);
            self.visit.fill(UNSEEN);
            self.delta.fill(0.0);
        } else {
            for &v in &self.touched {
                self.dist[v as usize] = f64::INFINITY;
                self.visit[v as usize] = UNSEEN;
                self.delta[v as usize] = 0.0;
            }
        }
        self.touched.clear();
        self.order.clear();
        self.heap.clear();
    }
}

/// The exact broker score of every node, using up to `threads` threads.
pub fn broker_scores(graph: &SwayGraph, threads: usize) -> Vec<f64> {
    broker_scores_with(graph, threads, &Progress::new()).unwrap_or_else(|| vec![0.0; graph.len()])
}

/// The exact broker scores, counting one step per source person in
/// `progress`; `None` when cancelled through it.
pub fn broker_scores_with(graph: &SwayGraph, threads: usize, progress: &Progress) -> Option<Vec<f64>> {
    let sources: Vec<u32> = (0..graph.len() as u32).collect();
    brandes(graph, threads, &sources, 1.0, progress)
}

/// An estimate of the broker scores from `samples` source people drawn
/// without replacement (fixed `seed`), scaled up by n / samples: unbiased,
/// with an error that shrinks as 1/√samples (figures in bench/README.md).
/// With `samples` ≥ n it is the exact computation.
pub fn broker_scores_sampled(graph: &SwayGraph, threads: usize, samples: usize, seed: u64) -> Vec<f64> {
    broker_scores_sampled_with(graph, threads, samples, seed, &Progress::new())
        .unwrap_or_else(|| vec![0.0; graph.len()])
}

/// The sampled estimate, counting one step per sampled source in
/// `progress`; `None` when cancelled through it.
pub fn broker_scores_sampled_with(
    graph: &SwayGraph,
    threads: usize,
    samples: usize,
    seed: u64,
    progress: &Progress,
) -> Option<Vec<f64>> {
    let n = graph.len();
    if samples >= n {
        return broker_scores_with(graph, threads, progress);
    }
    // Partial Fisher–Yates with SplitMix64: the same seed, the same sources.
    let mut sources: Vec<u32> = (0..n as u32).collect();
    let mut state = seed;
    for i in 0..samples {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let j = i + (z % (n - i) as u64) as usize;
        sources.swap(i, j);
    }
    sources.truncate(samples.max(1));
    brandes(graph, threads, &sources, n as f64 / sources.len() as f64, progress)
}

/// Brandes from the given sources; totals are multiplied by `scale` and
/// then normalised. `None` when cancelled.
fn brandes(graph: &SwayGraph, threads: usize, sources: &[u32], scale: f64, progress: &Progress) -> Option<Vec<f64>> {
    progress.begin(sources.len());
    let n = graph.len();
    let links = Links::new(graph);
    let threads = threads.clamp(1, sources.len().max(1));
    let mut total = vec![0.0f64; n];
    std::thread::scope(|scope| {
        let links = &links;
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut partial = vec![0.0f64; n];
                    let mut scratch = Scratch::new(n);
                    for &source in sources.iter().skip(t).step_by(threads) {
                        if progress.is_cancelled() {
                            break;
                        }
                        accumulate(links, source as usize, &mut scratch, &mut partial);
                        progress.step();
                    }
                    partial
                })
            })
            .collect();
        for handle in handles {
            // A worker only panics on a bug; its share is then lost, not the app.
            if let Ok(partial) = handle.join() {
                for (t, p) in total.iter_mut().zip(partial) {
                    *t += p;
                }
            }
        }
    });
    if progress.is_cancelled() {
        return None;
    }
    let normalise = if n > 2 { 1.0 / ((n - 1) * (n - 2)) as f64 } else { 1.0 };
    total.iter_mut().for_each(|b| *b *= scale * normalise);
    Some(total)
}

/// One Brandes pass from `source`.
fn accumulate(g: &Links, source: usize, s: &mut Scratch, total: &mut [f64]) {
    s.reset();
    let Scratch { dist, visit, delta, order, touched, heap } = s;
    dist[source] = 0.0;
    visit[source] = Visit { sigma: 1.0, parent: TIED, settled: false };
    touched.push(source as u32);
    heap.push_or_decrease(source, 0.0);
    let mut warm = 0u32;
    while let Some((d, v)) = heap.pop() {
        // Touch the row of the next person likely to come up, so its
        // cache lines load while this row is relaxed.
        if let Some(next) = heap.peek_node() {
            warm ^= g.touch(next);
        }
        visit[v].settled = true;
        order.push(v as u32);
        let sigma_v = visit[v].sigma;
        for row in g.row(v).chunks(64) {
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
                    if dist[w].is_infinite() {
                        touched.push(w as u32);
                    }
                    dist[w] = alt;
                    visit[w] = Visit { sigma: sigma_v, parent: v as u32, settled: false };
                    heap.push_or_decrease(w, alt);
                } else if alt == dist[w] && !visit[w].settled {
                    visit[w].sigma += sigma_v;
                    visit[w].parent = TIED;
                }
            }
        }
    }
    std::hint::black_box(warm);
    // Backward, latest first: w's dependency is complete when w comes up,
    // and goes to its predecessors in proportion to their path counts.
    for i in (1..order.len()).rev() {
        let w = order[i] as usize;
        let share = (1.0 + delta[w]) / visit[w].sigma;
        total[w] += delta[w];
        match visit[w].parent {
            TIED => {
                let dist_w = dist[w];
                for (v, weight) in g.graph.in_edges(w) {
                    if dist[v] + -weight.ln() == dist_w {
                        delta[v] += visit[v].sigma * share;
                    }
                }
            }
            v => delta[v as usize] += visit[v as usize].sigma * share,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_middle_of_a_chain_brokers_everything() {
        let g = SwayGraph::from_edges(vec!["a".into(), "b".into(), "c".into()], vec![(0, 1, 0.5), (1, 2, 0.5)]);
        // One pair (a,c) of (n-1)(n-2) = 2 ordered pairs passes through b.
        assert_eq!(broker_scores(&g, 2), vec![0.0, 0.5, 0.0]);
    }

    #[test]
    fn equal_paths_split_the_credit() {
        let g = SwayGraph::from_edges(
            (0..4).map(|i| format!("p{i}")).collect(),
            vec![(0, 1, 0.5), (0, 2, 0.5), (1, 3, 0.5), (2, 3, 0.5)],
        );
        let b = broker_scores(&g, 1);
        assert!((b[1] - 0.5 / 6.0).abs() < 1e-15 && (b[2] - 0.5 / 6.0).abs() < 1e-15);
    }

    /// A ring of `n` with chords of varied weight: many competing routes.
    fn ring_with_chords(n: usize) -> SwayGraph {
        let edges: Vec<(usize, usize, f64)> =
            (0..n).flat_map(|i| [(i, (i * 7 + 3) % n, 0.3 + (i % 5) as f64 / 10.0), (i, (i + 1) % n, 0.5)]).collect();
        SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges)
    }

    #[test]
    fn sampling_every_source_is_exact_and_sampling_some_estimates() {
        let g = ring_with_chords(200);
        let exact = broker_scores(&g, 2);
        assert_eq!(broker_scores_sampled(&g, 2, 500, 1), exact);
        let estimate = broker_scores_sampled(&g, 2, 100, 1);
        let (sum_exact, sum_estimate): (f64, f64) = (exact.iter().sum(), estimate.iter().sum());
        assert!((sum_estimate / sum_exact - 1.0).abs() < 0.1, "{sum_estimate} vs {sum_exact}");
    }

    #[test]
    fn progress_counts_sources_and_cancel_stops_the_run() {
        let g = SwayGraph::from_edges(
            (0..30).map(|i| format!("p{i}")).collect(),
            (0..29).map(|i| (i, i + 1, 0.5)).collect(),
        );
        let progress = Progress::new();
        assert!(broker_scores_with(&g, 2, &progress).is_some());
        assert_eq!(progress.counts(), (30, 30));
        let cancelled = Progress::new();
        cancelled.cancel();
        assert_eq!(broker_scores_with(&g, 2, &cancelled), None);
        assert_eq!(cancelled.counts(), (0, 30));
    }

    /// Textbook Brandes with predecessor lists and a binary heap.
    fn reference(g: &SwayGraph) -> Vec<f64> {
        use std::cmp::Reverse;
        let n = g.len();
        let mut total = vec![0.0; n];
        for s in 0..n {
            let (mut dist, mut sigma) = (vec![f64::INFINITY; n], vec![0.0; n]);
            let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
            let (mut order, mut done) = (Vec::new(), vec![false; n]);
            let mut heap = std::collections::BinaryHeap::new();
            dist[s] = 0.0;
            sigma[s] = 1.0;
            heap.push(Reverse((0u64, s)));
            while let Some(Reverse((_, v))) = heap.pop() {
                if std::mem::replace(&mut done[v], true) {
                    continue;
                }
                order.push(v);
                for (w, weight) in g.out_edges(v) {
                    let alt = dist[v] + -weight.ln();
                    if alt < dist[w] {
                        dist[w] = alt;
                        sigma[w] = sigma[v];
                        preds[w] = vec![v];
                        heap.push(Reverse((alt.to_bits(), w)));
                    } else if alt == dist[w] && !done[w] {
                        sigma[w] += sigma[v];
                        preds[w].push(v);
                    }
                }
            }
            let mut delta = vec![0.0; n];
            for &w in order.iter().rev() {
                for &v in &preds[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
                if w != s {
                    total[w] += delta[w];
                }
            }
        }
        total.iter().map(|b| b / ((n - 1) * (n - 2)) as f64).collect()
    }

    #[test]
    fn matches_textbook_brandes_with_many_equal_paths() {
        // A 9×9 grid with equal weights has many tied shortest paths; a few
        // heavier links break some ties.
        let side = 9;
        let mut edges = Vec::new();
        for r in 0..side {
            for c in 0..side {
                let v = r * side + c;
                let w = if (r * 7 + c * 3) % 11 == 0 { 0.7 } else { 0.5 };
                if c + 1 < side {
                    edges.extend([(v, v + 1, w), (v + 1, v, 0.5)]);
                }
                if r + 1 < side {
                    edges.extend([(v, v + side, 0.5), (v + side, v, w)]);
                }
            }
        }
        for g in
            [SwayGraph::from_edges((0..side * side).map(|i| format!("p{i}")).collect(), edges), ring_with_chords(150)]
        {
            let (ours, theirs) = (broker_scores(&g, 2), reference(&g));
            assert!(ours.iter().any(|&b| b > 0.0));
            for (a, b) in ours.iter().zip(&theirs) {
                assert!((a - b).abs() <= 1e-12 * b.abs().max(1e-3), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn rows_longer_than_one_mask_match_the_textbook() {
        // Hubs with 150 links each: three masks of 64 links.
        let n = 400;
        let mut edges: Vec<(usize, usize, f64)> = Vec::new();
        for hub in [0, 1, 2] {
            edges.extend((0..150).map(|k| (hub, 3 + (hub * 131 + k * 7) % (n - 3), 0.2 + (k % 9) as f64 / 12.0)));
        }
        edges.extend(
            (3..n).map(|i| (i, (i * 13 + 5) % n, if i % 10 == 0 { 0.95 } else { 0.4 + (i % 6) as f64 / 10.0 })),
        );
        edges.extend((3..n).map(|i| (i, i % 3, 0.3)));
        let g = SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges);
        let (ours, theirs) = (broker_scores(&g, 2), reference(&g));
        assert!(ours.iter().filter(|&&b| b > 0.0).count() > 100);
        for (a, b) in ours.iter().zip(&theirs) {
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1e-3), "{a} vs {b}");
        }
    }

    #[test]
    fn thread_count_does_not_change_the_answer() {
        let g = ring_with_chords(60);
        let one = broker_scores(&g, 1);
        let two = broker_scores(&g, 2);
        for (a, b) in one.iter().zip(&two) {
            assert!((a - b).abs() < 1e-12);
        }
    }
}
