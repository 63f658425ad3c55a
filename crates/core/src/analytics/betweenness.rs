//! Broker score: Brandes' betweenness centrality on the sway graph, edge
//! length −ln W, directed, normalised by 1/((n−1)(n−2)) as networkx does.
//! Sources are split across threads; each thread keeps its own totals.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::SwayGraph;

/// An f64 distance ordered totally, for the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Distance(f64);
impl Eq for Distance {}
impl PartialOrd for Distance {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Distance {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Work space for one source, reused across sources; only the nodes a pass
/// touched are reset for the next.
struct Scratch {
    dist: Vec<f64>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    done: Vec<bool>,
    preds: Vec<Vec<usize>>,
    order: Vec<usize>,
    touched: Vec<usize>,
    heap: BinaryHeap<Reverse<(Distance, usize, usize)>>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            dist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            done: vec![false; n],
            preds: vec![Vec::new(); n],
            order: Vec::with_capacity(n),
            touched: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
        }
    }

    fn reset(&mut self) {
        for &v in &self.touched {
            self.dist[v] = f64::INFINITY;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
            self.done[v] = false;
            self.preds[v].clear();
        }
        self.touched.clear();
        self.order.clear();
        self.heap.clear();
    }
}

/// The broker score of every node, using up to `threads` threads.
pub fn broker_scores(graph: &SwayGraph, threads: usize) -> Vec<f64> {
    let n = graph.len();
    let lengths: Vec<Vec<(usize, f64)>> =
        (0..n).map(|a| graph.out_edges(a).map(|(b, w)| (b, -w.ln())).collect()).collect();
    let threads = threads.clamp(1, n.max(1));
    let mut total = vec![0.0f64; n];
    std::thread::scope(|scope| {
        let lengths = &lengths;
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut partial = vec![0.0f64; n];
                    let mut scratch = Scratch::new(n);
                    for source in (t..n).step_by(threads) {
                        accumulate(lengths, source, &mut scratch, &mut partial);
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
    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        total.iter_mut().for_each(|b| *b *= scale);
    }
    total
}

/// One Brandes pass from `source`: Dijkstra counting shortest paths, then the
/// dependency accumulation in reverse order of distance.
fn accumulate(lengths: &[Vec<(usize, f64)>], source: usize, s: &mut Scratch, total: &mut [f64]) {
    s.reset();
    s.dist[source] = 0.0;
    s.sigma[source] = 1.0;
    s.touched.push(source);
    let mut counter = 0usize;
    s.heap.push(Reverse((Distance(0.0), counter, source)));
    while let Some(Reverse((Distance(d), _, v))) = s.heap.pop() {
        if s.done[v] {
            continue;
        }
        s.done[v] = true;
        s.order.push(v);
        for &(w, len) in &lengths[v] {
            let alt = d + len;
            if alt < s.dist[w] {
                if s.dist[w].is_infinite() {
                    s.touched.push(w);
                }
                s.dist[w] = alt;
                s.sigma[w] = s.sigma[v];
                s.preds[w].clear();
                s.preds[w].push(v);
                counter += 1;
                s.heap.push(Reverse((Distance(alt), counter, w)));
            } else if alt == s.dist[w] && !s.done[w] {
                s.sigma[w] += s.sigma[v];
                s.preds[w].push(v);
            }
        }
    }
    for &w in s.order.iter().rev() {
        let coefficient = (1.0 + s.delta[w]) / s.sigma[w];
        for &v in &s.preds[w] {
            s.delta[v] += s.sigma[v] * coefficient;
        }
        if w != source {
            total[w] += s.delta[w];
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
}
