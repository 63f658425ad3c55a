//! An indexed 4-ary min-heap of nodes keyed by distance, with decrease-key:
//! Dijkstra then holds each node at most once, instead of one entry per
//! relaxation as with `BinaryHeap`. Keys live in their own array, padded
//! with +∞ past the end, so the smallest of four children is found with
//! branch-free selects over 32 contiguous bytes — the pop is the hot spot of
//! the broker scores.

/// Marks a node that is not in the heap.
const ABSENT: u32 = u32::MAX;

/// The heap of (distance, node) entries.
pub(crate) struct NodeHeap {
    /// Keys of the entries, then at least four +∞ pads.
    keys: Vec<f64>,
    nodes: Vec<u32>,
    len: usize,
    position: Vec<u32>,
}

impl NodeHeap {
    /// An empty heap for nodes `0..n`.
    pub(crate) fn new(n: usize) -> NodeHeap {
        NodeHeap { keys: vec![f64::INFINITY; n + 4], nodes: vec![0; n + 1], len: 0, position: vec![ABSENT; n] }
    }

    /// Empties the heap.
    pub(crate) fn clear(&mut self) {
        for at in 0..self.len {
            self.position[self.nodes[at] as usize] = ABSENT;
            self.keys[at] = f64::INFINITY;
        }
        self.len = 0;
    }

    /// Inserts `v` at distance `d`, or lowers its distance to `d`.
    #[inline]
    pub(crate) fn push_or_decrease(&mut self, v: usize, d: f64) {
        let at = match self.position[v] {
            ABSENT => {
                self.len += 1;
                self.len - 1
            }
            p => p as usize,
        };
        self.sift_up(at, d, v as u32);
    }

    /// The smallest distance in the heap; +∞ when empty.
    pub(crate) fn peek_key(&self) -> f64 {
        if self.len == 0 {
            f64::INFINITY
        } else {
            self.keys[0]
        }
    }

    /// Removes and returns the entry with the smallest distance.
    #[inline]
    pub(crate) fn pop(&mut self) -> Option<(f64, usize)> {
        if self.len == 0 {
            return None;
        }
        let (d, top) = (self.keys[0], self.nodes[0]);
        self.position[top as usize] = ABSENT;
        self.len -= 1;
        let last = self.len;
        let (key, node) = (self.keys[last], self.nodes[last]);
        self.keys[last] = f64::INFINITY;
        if last > 0 {
            self.sift_down(key, node);
        }
        Some((d, top as usize))
    }

    #[inline]
    fn sift_up(&mut self, mut at: usize, key: f64, node: u32) {
        while at > 0 {
            let parent = (at - 1) / 4;
            if self.keys[parent] <= key {
                break;
            }
            self.place(at, self.keys[parent], self.nodes[parent]);
            at = parent;
        }
        self.place(at, key, node);
    }

    #[inline]
    fn place(&mut self, at: usize, key: f64, node: u32) {
        self.keys[at] = key;
        self.nodes[at] = node;
        self.position[node as usize] = at as u32;
    }

    /// Moves `key` down from the root; pads make every node have four
    /// children, so no bounds decide the comparisons.
    fn sift_down(&mut self, key: f64, node: u32) {
        let mut at = 0;
        loop {
            let first = 4 * at + 1;
            if first >= self.len {
                break;
            }
            let k = &self.keys[first..first + 4];
            let (a, ka) = if k[1] < k[0] { (1, k[1]) } else { (0, k[0]) };
            let (b, kb) = if k[3] < k[2] { (3, k[3]) } else { (2, k[2]) };
            let (best, kbest) = if kb < ka { (b, kb) } else { (a, ka) };
            if kbest >= key {
                break;
            }
            let child = first + best;
            self.place(at, kbest, self.nodes[child]);
            at = child;
        }
        self.place(at, key, node);
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
