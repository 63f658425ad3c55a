//! An indexed 8-ary min-heap of nodes keyed by distance, with decrease-key:
//! Dijkstra then holds each node at most once, instead of one entry per
//! relaxation as with `BinaryHeap`. Keys live in their own array, padded
//! past the end, so the smallest of eight children is found with branch-free
//! selects over one 64-byte line — the pop is the hot spot of the broker
//! scores. Distances are never negative, and the bits of a non-negative
//! `f64` order like the number, so keys are kept and compared as integers.

/// Marks a node that is not in the heap.
const ABSENT: u32 = u32::MAX;
/// Children per entry.
const ARITY: usize = 8;
/// The key of no entry, above every distance.
const PAD: u64 = u64::MAX;

/// The key of distance `d` ≥ 0.
#[inline]
fn key_of(d: f64) -> u64 {
    // +0.0 for −0.0, whose sign bit would order it above everything.
    (d + 0.0).to_bits()
}

/// The heap of (distance, node) entries.
pub(crate) struct NodeHeap {
    /// Keys of the entries (distance bits), then at least eight pads.
    keys: Vec<u64>,
    nodes: Vec<u32>,
    len: usize,
    position: Vec<u32>,
}

impl NodeHeap {
    /// An empty heap for nodes `0..n`.
    pub(crate) fn new(n: usize) -> NodeHeap {
        NodeHeap { keys: vec![PAD; n + ARITY], nodes: vec![0; n + 1], len: 0, position: vec![ABSENT; n] }
    }

    /// Empties the heap.
    pub(crate) fn clear(&mut self) {
        for at in 0..self.len {
            self.position[self.nodes[at] as usize] = ABSENT;
            self.keys[at] = PAD;
        }
        self.len = 0;
    }

    /// Inserts `v` at distance `d` ≥ 0, or lowers its distance to `d`.
    #[inline]
    pub(crate) fn push_or_decrease(&mut self, v: usize, d: f64) {
        debug_assert!(d >= 0.0, "a negative distance {d} would order above every other");
        self.push_or_decrease_key(v, key_of(d));
    }

    /// Inserts `v` with the integer key `key`, or lowers its key to `key`.
    /// A heap is used with `f64` distances or with integer keys, not both.
    #[inline]
    pub(crate) fn push_or_decrease_key(&mut self, v: usize, key: u64) {
        let at = match self.position[v] {
            ABSENT => {
                self.len += 1;
                self.len - 1
            }
            p => p as usize,
        };
        self.sift_up(at, key, v as u32);
    }

    /// The smallest distance in the heap; +∞ when empty.
    pub(crate) fn peek_key(&self) -> f64 {
        if self.len == 0 {
            f64::INFINITY
        } else {
            f64::from_bits(self.keys[0])
        }
    }

    /// The node with the smallest distance, if any.
    #[inline]
    pub(crate) fn peek_node(&self) -> Option<usize> {
        (self.len > 0).then(|| self.nodes[0] as usize)
    }

    /// Removes and returns the entry with the smallest distance.
    #[inline]
    pub(crate) fn pop(&mut self) -> Option<(f64, usize)> {
        self.pop_key().map(|(key, v)| (f64::from_bits(key), v))
    }

    /// Removes and returns the entry with the smallest integer key.
    #[inline]
    pub(crate) fn pop_key(&mut self) -> Option<(u64, usize)> {
        if self.len == 0 {
            return None;
        }
        let (d, top) = (self.keys[0], self.nodes[0]);
        self.position[top as usize] = ABSENT;
        self.len -= 1;
        let last = self.len;
        let (key, node) = (self.keys[last], self.nodes[last]);
        self.keys[last] = PAD;
        if last > 0 {
            self.sift_down(key, node);
        }
        Some((d, top as usize))
    }

    #[inline]
    fn sift_up(&mut self, mut at: usize, key: u64, node: u32) {
        while at > 0 {
            let parent = (at - 1) / ARITY;
            if self.keys[parent] <= key {
                break;
            }
            self.place(at, self.keys[parent], self.nodes[parent]);
            at = parent;
        }
        self.place(at, key, node);
    }

    #[inline]
    fn place(&mut self, at: usize, key: u64, node: u32) {
        self.keys[at] = key;
        self.nodes[at] = node;
        self.position[node as usize] = at as u32;
    }

    /// Moves `key` down from the root; pads make every node have eight
    /// children, so no bounds decide the comparisons.
    fn sift_down(&mut self, key: u64, node: u32) {
        let mut at = 0;
        loop {
            let first = ARITY * at + 1;
            if first >= self.len {
                break;
            }
            let k = &self.keys[first..first + ARITY];
            let pick = |(i, ki): (usize, u64), (j, kj): (usize, u64)| if kj < ki { (j, kj) } else { (i, ki) };
            let (best, kbest) = pick(
                pick(pick((0, k[0]), (1, k[1])), pick((2, k[2]), (3, k[3]))),
                pick(pick((4, k[4]), (5, k[5])), pick((6, k[6]), (7, k[7]))),
            );
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

    #[test]
    fn many_levels_pop_sorted_and_negative_zero_comes_first() {
        let n = 5_000;
        let mut h = NodeHeap::new(n);
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut key = vec![f64::INFINITY; n];
        for round in 0..3 * n {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let (v, k) = ((state % n as u64) as usize, (state >> 11) as f64 / (1u64 << 53) as f64 * 30.0);
            // Insert, or lower an entry's key as Dijkstra does.
            if k < key[v] || round == 0 {
                key[v] = k;
                h.push_or_decrease(v, k);
            }
        }
        key[7] = -0.0;
        h.push_or_decrease(7, -0.0);
        assert_eq!(h.pop().map(|(_, v)| v), Some(7));
        let mut last = 0.0;
        let mut popped = 1;
        while let Some((d, v)) = h.pop() {
            assert!(d >= last && d == key[v]);
            last = d;
            popped += 1;
        }
        assert_eq!(popped, key.iter().filter(|k| k.is_finite()).count());
    }
}
