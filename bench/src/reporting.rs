//! The reporting forest's cycle check as an import runs it: every reporting
//! line of `n` people (in teams of up to eight under a manager met before),
//! first as they are (no cycle), then with the top person made to report to
//! the last one (a cycle as deep as the forest).

use greychart_core::graph::find_cycle;

use crate::{median, report};

pub(crate) fn reporting(n: usize) {
    let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let mut lines: Vec<(&str, &str)> = (1..n).map(|i| (ids[(i - 1) / 8].as_str(), ids[i].as_str())).collect();
    report(&format!("{n}: reporting forest, no cycle"), 11, median(11, || find_cycle(lines.iter().copied())));
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        lines.push((last.as_str(), first.as_str()));
    }
    report(&format!("{n}: reporting forest, one cycle named"), 11, median(11, || find_cycle(lines.iter().copied())));
}
