//! The organisation as a Graphviz DOT graph: people as boxes grouped by
//! team, reporting lines solid. With private data, the grey chart's sway
//! weights as of a day are added as dashed edges as wide as their weight,
//! and the graph's comment and label say it is private.

use chrono::NaiveDate;

use crate::analytics::{SwayGraph, SwayOptions};
use crate::model::WorkspaceData;

/// A DOT string literal: quotes, backslashes and line breaks escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The formal chart of `data` in DOT; with `private`, the grey chart's sway
/// weights as of `as_of` too.
pub fn graph_dot(data: &WorkspaceData, as_of: NaiveDate, private: bool) -> String {
    let mut out = String::new();
    if private {
        out.push_str("// PRIVATE: includes grey-chart data (who sways whom). Do not circulate.\n");
    }
    out.push_str("digraph greychart {\n  graph [rankdir=TB");
    if private {
        out.push_str(", label=\"PRIVATE: includes the grey chart\", labelloc=t");
    }
    out.push_str("];\n  node [shape=box, style=rounded, fontname=\"Inter\"];\n");
    for team in &data.teams {
        out.push_str(&format!(
            "  subgraph {} {{\n    label={};\n",
            quoted(&format!("cluster_{}", team.id)),
            quoted(&team.name)
        ));
        for p in data.people.iter().filter(|p| p.team.as_deref() == Some(team.id.as_str())) {
            out.push_str(&format!("    {} [label={}];\n", quoted(&p.id), quoted(&format!("{}\n{}", p.name, p.title))));
        }
        out.push_str("  }\n");
    }
    for p in data.people.iter().filter(|p| p.team.as_ref().is_none_or(|t| data.teams.iter().all(|x| &x.id != t))) {
        out.push_str(&format!("  {} [label={}];\n", quoted(&p.id), quoted(&format!("{}\n{}", p.name, p.title))));
    }
    for p in &data.people {
        if let Some(manager) = &p.manager {
            out.push_str(&format!("  {} -> {} [kind=\"reports\"];\n", quoted(manager), quoted(&p.id)));
        }
    }
    if private {
        let graph = SwayGraph::build(
            &data.people,
            &data.claims,
            SwayOptions { as_of, formal_weight: data.formal_weight, formal_only: false },
        );
        let formal = SwayGraph::build(
            &data.people,
            &[],
            SwayOptions { as_of, formal_weight: data.formal_weight, formal_only: true },
        );
        for a in 0..graph.len() {
            let range = graph.edge_range(a);
            for (&b, &w) in graph.targets()[range.clone()].iter().zip(&graph.weights()[range]) {
                // Only links the grey chart makes or strengthens.
                let formal_w =
                    formal.edge_range(a).find(|&e| formal.targets()[e] == b).map_or(0.0, |e| formal.weights()[e]);
                if w > formal_w {
                    out.push_str(&format!(
                        "  {} -> {} [kind=\"sway\", weight={w:.4}, style=dashed, penwidth={:.2}, constraint=false];\n",
                        quoted(graph.id(a)),
                        quoted(graph.id(b as usize)),
                        0.5 + 3.0 * w
                    ));
                }
            }
        }
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
    }

    #[test]
    fn the_formal_chart_has_every_person_and_reporting_line_and_no_sway() {
        let data = demo_workspace(day());
        let dot = graph_dot(&data, day(), false);
        assert!(dot.starts_with("digraph greychart {") && dot.ends_with("}\n"));
        let lines = data.people.iter().filter(|p| p.manager.is_some()).count();
        assert_eq!(dot.matches("[kind=\"reports\"]").count(), lines);
        assert!(data.people.iter().all(|p| dot.contains(&format!("\"{}\" [label=", p.id))));
        assert!(!dot.contains("sway") && !dot.contains("PRIVATE"));
        assert_eq!(dot.matches('{').count(), dot.matches('}').count());
    }

    #[test]
    fn the_private_graph_says_so_and_adds_the_grey_chart() {
        let data = demo_workspace(day());
        let dot = graph_dot(&data, day(), true);
        assert!(dot.starts_with("// PRIVATE") && dot.contains("label=\"PRIVATE"));
        assert!(dot.matches("kind=\"sway\"").count() > 20, "{dot}");
    }

    #[test]
    fn names_are_quoted_so_they_cannot_break_the_graph() {
        let mut data = demo_workspace(day());
        if let Some(p) = data.people.first_mut() {
            p.name = "Bob \"the\" \\ Builder\n}; digraph x {".into();
        }
        let dot = graph_dot(&data, day(), false);
        assert!(dot.contains("Bob \\\"the\\\" \\\\ Builder\\n}; digraph x {"));
        assert_eq!(dot.matches("digraph").count(), 2, "the name's text stays inside its label");
    }
}
