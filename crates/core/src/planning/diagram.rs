//! A release's dependency diagram laid out in columns, for print: its
//! changes, the items outside it they are linked to, and the links, each
//! item in the column after its last prerequisite (longest path), rows
//! ordered by where their prerequisites sit so links cross little.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{Change, Dependency};

/// One item of the diagram.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiagramNode {
    /// The change's or release's id.
    pub id: String,
    /// Its title, or the id of an item outside the workspace's changes.
    pub label: String,
    /// Column, 0 first: after every prerequisite's column.
    pub column: usize,
    /// Row within the column, 0 at the top.
    pub row: usize,
    /// Whether it belongs to the release (otherwise it is linked to it).
    pub inside: bool,
    /// Whether it is on the plan's critical path.
    pub critical: bool,
}

/// A link of the diagram, `from` before `to`, as node positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DiagramLink {
    /// Index of the prerequisite in `nodes`.
    pub from: usize,
    /// Index of the dependant in `nodes`.
    pub to: usize,
}

/// A laid-out dependency diagram.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diagram {
    /// The items, by column then row.
    pub nodes: Vec<DiagramNode>,
    /// The links.
    pub links: Vec<DiagramLink>,
    /// How many columns.
    pub columns: usize,
    /// The most rows of any column.
    pub rows: usize,
}

/// The diagram of `release`: its changes and every item linked to one of
/// them (or to the release itself) by a dependency, with `critical` marked.
pub fn release_diagram(release: &str, changes: &[Change], dependencies: &[Dependency], critical: &[String]) -> Diagram {
    let titles: FxHashMap<&str, &Change> = changes.iter().map(|c| (c.id.as_str(), c)).collect();
    let inside = |id: &str| id == release || titles.get(id).is_some_and(|c| c.release.as_deref() == Some(release));
    let mut ids: Vec<&str> =
        changes.iter().filter(|c| c.release.as_deref() == Some(release)).map(|c| c.id.as_str()).collect();
    let links: Vec<(&str, &str)> = dependencies
        .iter()
        .filter(|d| inside(&d.before) || inside(&d.after))
        .map(|d| (d.before.as_str(), d.after.as_str()))
        .collect();
    for &(a, b) in &links {
        ids.extend([a, b]);
    }
    ids.sort_unstable();
    ids.dedup();
    let index: FxHashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let edges: Vec<(usize, usize)> = links.iter().filter_map(|(a, b)| Some((*index.get(a)?, *index.get(b)?))).collect();
    let column = columns(ids.len(), &edges);
    let rows = rows(&column, &edges);
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| (column[i], rows[i]));
    let mut position = vec![0; ids.len()];
    for (at, &i) in order.iter().enumerate() {
        position[i] = at;
    }
    let nodes: Vec<DiagramNode> = order
        .iter()
        .map(|&i| DiagramNode {
            id: ids[i].to_owned(),
            label: titles.get(ids[i]).map_or_else(|| ids[i].to_owned(), |c| c.title.clone()),
            column: column[i],
            row: rows[i],
            inside: inside(ids[i]),
            critical: critical.iter().any(|c| c == ids[i]),
        })
        .collect();
    let mut links: Vec<DiagramLink> =
        edges.iter().map(|&(a, b)| DiagramLink { from: position[a], to: position[b] }).collect();
    links.sort_by_key(|l| (l.from, l.to));
    links.dedup();
    Diagram {
        columns: column.iter().max().map_or(0, |m| m + 1),
        rows: rows.iter().max().map_or(0, |m| m + 1),
        nodes,
        links,
    }
}

/// Longest-path columns by Kahn's order; items left on a cycle (the store
/// refuses cycles, so only in hand-made data) go after the rest.
fn columns(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut indegree = vec![0usize; n];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        indegree[b] += 1;
        out[a].push(b);
    }
    let mut column = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    let mut seen = 0;
    while let Some(i) = ready.pop() {
        seen += 1;
        for &j in &out[i] {
            column[j] = column[j].max(column[i] + 1);
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.push(j);
            }
        }
    }
    if seen < n {
        let last = column.iter().max().map_or(0, |m| m + 1);
        for (i, c) in column.iter_mut().enumerate() {
            if indegree[i] > 0 {
                *c = last;
            }
        }
    }
    column
}

/// Rows within each column: the first column in id order, each later one
/// by the mean row of its prerequisites (barycentre), then id order.
fn rows(column: &[usize], edges: &[(usize, usize)]) -> Vec<usize> {
    let n = column.len();
    let mut row = vec![0usize; n];
    let columns = column.iter().max().map_or(0, |m| m + 1);
    for c in 0..columns {
        let mut members: Vec<(f64, usize)> = (0..n)
            .filter(|&i| column[i] == c)
            .map(|i| {
                let before: Vec<usize> =
                    edges.iter().filter(|e| e.1 == i && column[e.0] < c).map(|e| row[e.0]).collect();
                let centre = if before.is_empty() {
                    f64::MAX
                } else {
                    before.iter().sum::<usize>() as f64 / before.len() as f64
                };
                (centre, i)
            })
            .collect();
        members.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (r, &(_, i)) in members.iter().enumerate() {
            row[i] = r;
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(id: &str, release: &str) -> Change {
        Change {
            id: id.into(),
            title: format!("{id} title"),
            release: Some(release.into()),
            components: vec![],
            duration_days: 1,
            not_before: None,
            risk: None,
        }
    }

    fn dep(before: &str, after: &str) -> Dependency {
        Dependency { before: before.into(), after: after.into(), lag_days: 0 }
    }

    #[test]
    fn items_sit_after_their_prerequisites_and_outsiders_are_marked() {
        let changes = [change("a", "r1"), change("b", "r1"), change("c", "r1"), change("x", "r2"), change("y", "r3")];
        let deps = [dep("x", "a"), dep("a", "b"), dep("x", "c"), dep("c", "b"), dep("y", "x")];
        let d = release_diagram("r1", &changes, &deps, &["a".into(), "b".into()]);
        let at = |id: &str| d.nodes.iter().position(|n| n.id == id).unwrap_or(usize::MAX);
        // y → x is not linked to r1: y stays out.
        assert_eq!(at("y"), usize::MAX);
        let col = |id: &str| d.nodes[at(id)].column;
        assert_eq!((col("x"), col("a"), col("c"), col("b")), (0, 1, 1, 2));
        assert!(!d.nodes[at("x")].inside && d.nodes[at("a")].inside);
        assert!(d.nodes[at("b")].critical && !d.nodes[at("c")].critical);
        assert_eq!((d.columns, d.rows), (3, 2));
        assert_eq!(d.links.len(), 4);
        for l in &d.links {
            assert!(d.nodes[l.from].column < d.nodes[l.to].column);
        }
    }

    #[test]
    fn a_release_level_link_and_a_cycle_are_still_drawn() {
        let changes = [change("a", "r1"), change("b", "r1")];
        let d = release_diagram("r1", &changes, &[dep("r0", "r1"), dep("a", "b"), dep("b", "a")], &[]);
        assert_eq!(d.nodes.len(), 4, "{d:?}");
        assert!(d.nodes.iter().any(|n| n.id == "r0" && !n.inside && n.label == "r0"));
        assert_eq!(d.links.len(), 3);
    }

    #[test]
    fn an_empty_release_has_an_empty_diagram() {
        assert_eq!(release_diagram("r9", &[], &[], &[]), Diagram::default());
    }
}
