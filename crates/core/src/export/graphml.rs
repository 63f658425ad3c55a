//! The influence graph as GraphML (yEd, Gephi, Cytoscape, networkx):
//! people as nodes (name, title, team), reporting lines as `formal` edges
//! with the formal weight; with private data, the grey chart's pairs too,
//! each edge with its combined sway weight, its grey part and its evidence
//! (active claims, stale, "known: no influence"). A private document says
//! so in a comment and in the graph's `private` attribute.

use chrono::NaiveDate;

use super::xml::{escaped, evidence, influence_links, layer, team_name, EVIDENCE};
use crate::model::WorkspaceData;

const KEYS: &[(&str, &str, &str)] = &[
    ("name", "node", "string"),
    ("title", "node", "string"),
    ("team", "node", "string"),
    ("layer", "edge", "string"),
    ("weight", "edge", "double"),
    ("as_of", "graph", "string"),
    ("private", "graph", "boolean"),
];

/// The influence graph of `data` as GraphML; the grey chart as of `as_of`
/// only with `private`.
pub fn graph_graphml(data: &WorkspaceData, as_of: NaiveDate, private: bool) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if private {
        out.push_str(
            "<!-- PRIVATE: includes grey-chart data (who sways whom, and the evidence). Do not circulate. -->\n",
        );
    }
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let evidence_keys = EVIDENCE.iter().map(|(id, kind, _)| (*id, "edge", *kind));
    for (id, domain, kind) in KEYS.iter().copied().chain(evidence_keys) {
        out.push_str(&format!("  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>\n"));
    }
    out.push_str("  <graph id=\"influence\" edgedefault=\"directed\">\n");
    out.push_str(&format!("    <data key=\"as_of\">{as_of}</data>\n    <data key=\"private\">{private}</data>\n"));
    for p in &data.people {
        out.push_str(&format!(
            "    <node id=\"{}\"><data key=\"name\">{}</data><data key=\"title\">{}</data><data key=\"team\">{}</data></node>\n",
            escaped(&p.id),
            escaped(&p.name),
            escaped(&p.title),
            escaped(team_name(data, p.team.as_deref()))
        ));
    }
    for (i, e) in influence_links(data, as_of, private).iter().enumerate() {
        out.push_str(&format!(
            "    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"layer\">{}</data><data key=\"weight\">{}</data>",
            i + 1,
            escaped(&e.from),
            escaped(&e.to),
            layer(e),
            e.weight
        ));
        if private {
            for ((id, ..), value) in EVIDENCE.iter().zip(evidence(e)) {
                out.push_str(&format!("<data key=\"{id}\">{value}</data>"));
            }
        }
        out.push_str("</edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
