//! An indexed 4-ary min-heap of nodes keyed by distance, with decrease-key:
//! Dijkstra then holds each node at most once, instead of one entry per
//! relaxation as with `BinaryHeap`. Keys are stored beside the nodes so that
//! sifting compares neighbouring memory.

/// Marks a node that is not in the heap.
const ABSENT: u32 = u32::MAX;

/// The heap of (distance, node) entries.
pub(crate) struct NodeHeap {
    heap: Vec<(f64, u32)>,
    position: Vec<u32>,
}

impl NodeHeap {
    /// An empty heap for nodes `0..n`.
    pub(crate) fn new(n: usize) -> NodeHeap {
        NodeHeap { heap: Vec::with_capacity(n), position: vec![ABSENT; n] }
    }

    /// Empties the heap.
    pub(crate) fn clear(&mut self) {
        for &(_, v) in &self.heap {
            self.position[v as usize] = ABSENT;
        }
        self.heap.clear();
    }

    /// Inserts `v` at distance `d`, or lowers its distance to `d`.
    pub(crate) fn push_or_decrease(&mut self, v: usize, d: f64) {
        let at = match self.position[v] {
            ABSENT => {
                self.heap.push((d, v as u32));
                self.heap.len() - 1
            }
            p => p as usize,
        };
        self.sift_up(at, (d, v as u32));
    }

    /// Removes and returns the entry with the smallest distance.
    pub(crate) fn pop(&mut self) -> Option<(f64, usize)> {
        let (d, top) = *self.heap.first()?;
        self.position[top as usize] = ABSENT;
        if let Some(last) = self.heap.pop() {
            if !self.heap.is_empty() {
                self.sift_down(0, last);
            }
        }
        Some((d, top as usize))
    }

    fn sift_up(&mut self, mut at: usize, entry: (f64, u32)) {
        while at > 0 {
            let parent = (at - 1) / 4;
            let p = self.heap[parent];
            if p.0 <= entry.0 {
                break;
            }
            self.place(at, p);
            at = parent;
        }
        self.place(at, entry);
    }

    fn place(&mut self, at: usize, entry: (f64, u32)) {
        self.heap[at] = entry;
        self.position[entry.1 as usize] = at as u32;
    }

    fn sift_down(&mut self, mut at: usize, entry: (f64, u32)) {
        let len = self.heap.len();
        loop {
            let first = 4 * at + 1;
            if first >= len {
                break;
            }
            let mut best = first;
            for c in first + 1..(first + 4).min(len) {
                if self.heap[c].0 < self.heap[best].0 {
                    best = c;
                }
            }
            let child = self.heap[best];
            if child.0 >= entry.0 {
                break;
            }
            self.place(at, child);
            at = best;
        }
        self.place(at, entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_in_key_order_with_decreases() {
        let keys = [5.0, 3.0, 8.0, 1.0, 9.0, 2.0, 7.0];
        let mut h = NodeHeap::new(keys.len());
        for (v, &k) in keys.iter().enumerate() {
            h.push_or_decrease(v, k);
        }
        h.push_or_decrease(4, 0.5);
        let mut order = Vec::new();
        while let Some((_, v)) = h.pop() {
            order.push(v);
        }
        assert_eq!(order, [4, 3, 5, 1, 0, 6, 2]);
        h.push_or_decrease(2, 1.0);
        h.clear();
        assert_eq!(h.pop(), None);
    }
}
