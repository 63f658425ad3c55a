//! The influence graph as GEXF 1.3 (Gephi): the same nodes, edges and
//! attributes as the GraphML export, edge weights in GEXF's own `weight`.

use chrono::NaiveDate;

use super::xml::{escaped, evidence, influence_links, layer, team_name, EVIDENCE};
use crate::model::WorkspaceData;

/// The influence graph of `data` as GEXF; the grey chart as of `as_of`
/// only with `private`.
pub fn graph_gexf(data: &WorkspaceData, as_of: NaiveDate, private: bool) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if private {
        out.push_str(
            "<!-- PRIVATE: includes grey-chart data (who sways whom, and the evidence). Do not circulate. -->\n",
        );
    }
    out.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    );
    let description = if private {
        format!("Influence graph as of {as_of}. PRIVATE: includes the grey chart.")
    } else {
        format!("Formal chart as of {as_of}.")
    };
    out.push_str(&format!(
        "  <meta lastmodifieddate=\"{as_of}\">\n    <creator>Greychart</creator>\n    <description>{}</description>\n  </meta>\n",
        escaped(&description)
    ));
    out.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    out.push_str("    <attributes class=\"node\">\n");
    for id in ["title", "team"] {
        out.push_str(&format!("      <attribute id=\"{id}\" title=\"{id}\" type=\"string\"/>\n"));
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    out.push_str("      <attribute id=\"layer\" title=\"layer\" type=\"string\"/>\n");
    if private {
        for (id, _, kind) in EVIDENCE {
            out.push_str(&format!("      <attribute id=\"{id}\" title=\"{id}\" type=\"{kind}\"/>\n"));
        }
    }
    out.push_str("    </attributes>\n    <nodes>\n");
    for p in &data.people {
        out.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"title\" value=\"{}\"/><attvalue for=\"team\" value=\"{}\"/></attvalues></node>\n",
            escaped(&p.id),
            escaped(&p.name),
            escaped(&p.title),
            escaped(team_name(data, p.team.as_deref()))
        ));
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in influence_links(data, as_of, private).iter().enumerate() {
        out.push_str(&format!(
            "      <edge id=\"e{}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"layer\" value=\"{}\"/>",
            i + 1,
            escaped(&e.from),
            escaped(&e.to),
            e.weight,
            layer(e)
        ));
        if private {
            for ((id, ..), value) in EVIDENCE.iter().zip(evidence(e)) {
                out.push_str(&format!("<attvalue for=\"{id}\" value=\"{value}\"/>"));
            }
        }
        out.push_str("</attvalues></edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}
