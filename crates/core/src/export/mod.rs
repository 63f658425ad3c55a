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
use chrono::NaiveDate;
pub use dot::graph_dot;
pub use gexf::graph_gexf;
pub use graphml::graph_graphml;

use crate::model::WorkspaceData;
use crate::CoreError;

pub use json::{parse_workspace_json, workspace_json, WORKSPACE_FORMAT, WORKSPACE_JSON_VERSION};

/// The exports that are one document of the whole workspace, as the
/// command line and the window offer them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportDocument {
    /// The whole workspace, versioned, to import again.
    Json,
    /// The influence graph for yEd, Gephi, Cytoscape, networkx.
    Graphml,
    /// The influence graph for Gephi.
    Gexf,
    /// The organisation for Graphviz.
    Dot,
}

impl ExportDocument {
    /// The document called `name` (`json`, `graphml`, `gexf`, `dot`).
    pub fn named(name: &str) -> Option<ExportDocument> {
        [ExportDocument::Json, ExportDocument::Graphml, ExportDocument::Gexf, ExportDocument::Dot]
            .into_iter()
            .find(|d| d.extension() == name)
    }

    /// Its file extension, which is also its name.
    pub fn extension(self) -> &'static str {
        match self {
            ExportDocument::Json => "json",
            ExportDocument::Graphml => "graphml",
            ExportDocument::Gexf => "gexf",
            ExportDocument::Dot => "dot",
        }
    }

    /// What a file dialog calls files of this kind.
    pub fn kind(self) -> &'static str {
        match self {
            ExportDocument::Json => "Greychart workspace document",
            ExportDocument::Graphml => "GraphML",
            ExportDocument::Gexf => "GEXF",
            ExportDocument::Dot => "Graphviz",
        }
    }

    /// The document of `data`; grey-chart data (as of `as_of` for the
    /// graphs) only with `private`.
    pub fn render(self, data: &WorkspaceData, as_of: NaiveDate, private: bool) -> Result<String, CoreError> {
        Ok(match self {
            ExportDocument::Json => workspace_json(data, private)?,
            ExportDocument::Graphml => graph_graphml(data, as_of, private),
            ExportDocument::Gexf => graph_gexf(data, as_of, private),
            ExportDocument::Dot => graph_dot(data, as_of, private),
        })
    }
}

/// One exported file: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// File name, e.g. `people.csv` or `claims.PRIVATE.csv`.
    pub name: String,
    /// Its content.
    pub text: String,
}

/// The demo workspace as of a fixed day, for the exports' tests.
#[cfg(test)]
pub(crate) fn demo() -> crate::model::WorkspaceData {
    crate::demo::demo_workspace(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_document_is_found_by_its_name_and_only_those() {
        for d in [ExportDocument::Json, ExportDocument::Graphml, ExportDocument::Gexf, ExportDocument::Dot] {
            assert_eq!(ExportDocument::named(d.extension()), Some(d));
        }
        assert_eq!(ExportDocument::named("csv"), None);
        let data = demo();
        let shared = ExportDocument::Graphml.render(&data, chrono::NaiveDate::MIN, false).unwrap_or_default();
        assert!(shared.starts_with("<?xml") && !shared.contains("PRIVATE"));
    }
}
