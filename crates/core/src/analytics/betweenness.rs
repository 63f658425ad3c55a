//! Broker score: Brandes' betweenness centrality on the sway graph, edge
//! length −ln W, directed, normalised by 1/((n−1)(n−2)) as networkx does.
//!
//! Each source's shortest paths are found with their counts (σ)
//! (`shortest.rs`), then dependencies (δ) are accumulated in reverse order.
//! With real-valued lengths most people are reached by one shortest path,
//! so a tree keeps one predecessor per person and marks the few reached by
//! equal paths; the backward pass pushes δ along that one predecessor and
//! re-derives the predecessors of marked people from the incoming links:
//! an edge v→w lies on a shortest path exactly when dist(v) + len(v,w) ==
//! dist(w). For the exact scores most people's trees are derived from a
//! neighbour's (`reuse.rs`), which saves about half of each search. Sources
//! are split across threads; each keeps its own totals.

use super::reuse::{Piece, Pieces};
use super::shortest::{Links, Tree, Work, TIED};
use super::Progress;
use super::SwayGraph;

/// The exact broker score of every node, using up to `threads` threads.
pub fn broker_scores(graph: &SwayGraph, threads: usize) -> Vec<f64> {
    broker_scores_with(graph, threads, &Progress::new()).unwrap_or_else(|| vec![0.0; graph.len()])
}

/// The exact broker scores, counting one step per source person in
/// `progress`; `None` when cancelled through it.
pub fn broker_scores_with(graph: &SwayGraph, threads: usize, progress: &Progress) -> Option<Vec<f64>> {
    let links = Links::new(graph);
    let threads = threads.clamp(1, graph.len().max(1));
    let parts = Pieces::new(&links, threads).dealt(threads);
    brandes(&links, &parts, 1.0, progress)
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
    let scale = n as f64 / sources.len() as f64;
    let parts = alone(&sources, threads);
    brandes(&Links::new(graph), &parts, scale, progress)
}

/// `sources` dealt to `threads` parts, each searching on its own.
fn alone(sources: &[u32], threads: usize) -> Vec<Vec<Piece>> {
    let threads = threads.clamp(1, sources.len().max(1));
    (0..threads).map(|t| vec![sources.iter().skip(t).step_by(threads).map(|&s| (s, 0)).collect()]).collect()
}

/// Brandes from the sources of each part's pieces (see `reuse::Pieces`),
/// one thread per part; totals are multiplied by `scale` and then
/// normalised. `None` when cancelled.
fn brandes(links: &Links, parts: &[Vec<Piece>], scale: f64, progress: &Progress) -> Option<Vec<f64>> {
    let n = links.len();
    progress.begin(parts.iter().flatten().map(Vec::len).sum());
    let mut total = vec![0.0f64; n];
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts.iter().map(|pieces| scope.spawn(move || part(links, pieces, progress))).collect();
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

/// One thread's pieces: each person's tree, searched or derived from the
/// tree one level up, then their dependencies accumulated.
fn part(links: &Links, pieces: &[Piece], progress: &Progress) -> Vec<f64> {
    let n = links.len();
    let (mut partial, mut delta) = (vec![0.0f64; n], vec![0.0f64; n]);
    let mut work = Work::new(n);
    // One tree per level, and who it belongs to.
    let mut trees: Vec<Tree> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    for &(source, depth) in pieces.iter().flatten() {
        if progress.is_cancelled() {
            break;
        }
        let (source, depth) = (source as usize, depth as usize);
        if trees.len() <= depth {
            trees.push(Tree::new(n));
            owners.push(usize::MAX);
        }
        let (above, here) = trees.split_at_mut(depth);
        let tree = &mut here[0];
        let derived = depth > 0 && tree.derive(links, source, owners[depth - 1], &above[depth - 1], &mut work);
        if !derived {
            tree.search(links, source, &mut work);
        }
        owners[depth] = source;
        accumulate(links, tree, &mut delta, &mut partial);
        progress.step();
    }
    partial
}

/// Adds the dependencies of a tree's source on everyone to `total`.
fn accumulate(links: &Links, tree: &Tree, delta: &mut [f64], total: &mut [f64]) {
    let Tree { dist, visit, order, .. } = tree;
    for &w in order {
        delta[w as usize] = 0.0;
    }
    // Latest first: w's dependency is complete when w comes up, and goes to
    // its predecessors in proportion to their path counts.
    for &w in order.iter().skip(1).rev() {
        let w = w as usize;
        let share = (1.0 + delta[w]) / visit[w].sigma;
        total[w] += delta[w];
        match visit[w].parent {
            TIED => {
                for (v, length) in links.in_links(w) {
                    if dist[v].saturating_add(length) == dist[w] {
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
    fn a_link_of_weight_one_is_a_link_of_length_zero() {
        let g = SwayGraph::from_edges(
            vec!["a".into(), "b".into(), "c".into(), "d".into()],
            vec![(0, 1, 1.0), (1, 2, 0.5), (2, 3, 1.0)],
        );
        // b is on a→c and a→d, c on a→d and b→d: 2 and 2 of 6 pairs.
        let b = broker_scores(&g, 2);
        assert_eq!(b, vec![0.0, 2.0 / 6.0, 2.0 / 6.0, 0.0]);
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

    /// Textbook Brandes with predecessor lists and a binary heap, on the
    /// same fixed-point lengths.
    fn reference(g: &SwayGraph) -> Vec<f64> {
        use std::cmp::Reverse;
        let links = Links::new(g);
        let n = g.len();
        let mut total = vec![0.0; n];
        for s in 0..n {
            let (mut dist, mut sigma) = (vec![u64::MAX; n], vec![0.0; n]);
            let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
            let (mut order, mut done) = (Vec::new(), vec![false; n]);
            let mut heap = std::collections::BinaryHeap::new();
            dist[s] = 0;
            sigma[s] = 1.0;
            heap.push(Reverse((0u64, s)));
            while let Some(Reverse((_, v))) = heap.pop() {
                if std::mem::replace(&mut done[v], true) {
                    continue;
                }
                order.push(v);
                for (w, length) in links.out_links(v) {
                    let alt = dist[v] + length;
                    if alt < dist[w] {
                        dist[w] = alt;
                        sigma[w] = sigma[v];
                        preds[w] = vec![v];
                        heap.push(Reverse((alt, w)));
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
    fn derived_trees_give_the_scores_of_a_search_from_everyone() {
        // Some links of weight 1: length 0, so some paths tie at equal distances.
        let n = 1_500;
        let edges = (0..n * 6)
            .map(|i| {
                (
                    i / 6,
                    (i * 104_729 + i / 7) % n,
                    if i % 13 == 0 { 1.0 } else { 0.02 + ((i * 31) % 97) as f64 / 104.0 },
                )
            })
            .filter(|&(a, b, _)| a != b)
            .collect();
        let g = SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges);
        let everyone: Vec<u32> = (0..n as u32).collect();
        let searched = brandes(&Links::new(&g), &alone(&everyone, 2), 1.0, &Progress::new()).unwrap_or_default();
        assert!(searched.iter().filter(|&&b| b > 0.0).count() > n / 2);
        for threads in [1, 2] {
            for (a, b) in broker_scores(&g, threads).iter().zip(&searched) {
                assert!((a - b).abs() <= 1e-12 * b.abs().max(1e-6), "{a} vs {b}");
            }
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
