//! Exports for the tools people already use. Grey-chart data — claims,
//! stances, stakeholder profiles, the engagement log and the sway weights
//! drawn from them — is left out unless the private audience is asked for,
//! and a private export says so in its name and header.
//!
//! ```text
//!   csv   every table, one file each; the import formats where there is one
//!   dot   the formal chart, and with private data the grey chart, for Graphviz
//! ```

mod csv;
mod dot;

pub use self::csv::tables_csv;
pub use dot::graph_dot;

/// One exported file: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// File name, e.g. `people.csv` or `claims.PRIVATE.csv`.
    pub name: String,
    /// Its content.
    pub text: String,
}
