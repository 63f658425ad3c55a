//! What the XML exports (GraphML, GEXF) share: text made safe for XML 1.0,
//! and the influence graph's links with their evidence.

use chrono::NaiveDate;

use crate::analytics::{sway_edges, SwayEdge, SwayOptions};
use crate::model::WorkspaceData;

/// Text for an XML attribute or element: markup characters escaped, and
/// characters XML 1.0 cannot hold at all (most control characters) shown
/// as U+FFFD, so any name or note gives a well-formed document.
pub(super) fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The links of the influence graph: reporting lines, and with `private`
/// the grey chart's pairs as of `as_of` with their evidence.
pub(super) fn influence_links(data: &WorkspaceData, as_of: NaiveDate, private: bool) -> Vec<SwayEdge> {
    let options = SwayOptions { as_of, formal_weight: data.formal_weight, formal_only: !private };
    let claims = if private { data.claims.as_slice() } else { &[] };
    sway_edges(&data.people, claims, options)
}

/// A grey link's evidence, as attributes: (name, GraphML type, GEXF type).
pub(super) const EVIDENCE: [(&str, &str, &str); 4] = [
    ("grey_weight", "double", "double"),
    ("claims", "int", "integer"),
    ("stale", "boolean", "boolean"),
    ("known_no_influence", "boolean", "boolean"),
];

/// The values of [`EVIDENCE`] for one link, in the same order.
pub(super) fn evidence(edge: &SwayEdge) -> [String; 4] {
    [edge.grey.to_string(), edge.claims.to_string(), edge.stale.to_string(), edge.known_none.to_string()]
}

/// Which chart a link belongs to.
pub(super) fn layer(edge: &SwayEdge) -> &'static str {
    match (edge.formal, edge.claims > 0) {
        (true, true) => "formal+grey",
        (true, false) => "formal",
        _ => "grey",
    }
}

/// The team's name of a person, or "".
pub(super) fn team_name<'a>(data: &'a WorkspaceData, team: Option<&str>) -> &'a str {
    team.and_then(|t| data.teams.iter().find(|x| x.id == t)).map_or("", |t| t.name.as_str())
}
