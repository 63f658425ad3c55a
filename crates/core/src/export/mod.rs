//! Exports for the tools people already use. Grey-chart data — claims,
//! stances, stakeholder profiles, the engagement log and the sway weights
//! drawn from them — is left out unless the private audience is asked for,
//! and a private export says so in its name and header.
//!
//! ```text
//!   csv   every table, one file each; the import formats where there is one
//!   dot   the formal chart, and with private data the grey chart, for Graphviz
//!   json     the whole workspace, versioned, to import again
//!   graphml  the influence graph for yEd, Gephi, Cytoscape, networkx
//!   gexf     the influence graph for Gephi
//! ```

mod csv;
mod dot;
mod gexf;
mod graphml;
mod json;
mod xml;

pub use self::csv::tables_csv;
pub use dot::graph_dot;
pub use gexf::graph_gexf;
pub use graphml::graph_graphml;
pub use json::{parse_workspace_json, workspace_json, WORKSPACE_FORMAT, WORKSPACE_JSON_VERSION};

/// One exported file: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// File name, e.g. `people.csv` or `claims.PRIVATE.csv`.
    pub name: String,
    /// Its content.
    pub text: String,
}
