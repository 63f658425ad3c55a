//! Greychart's core: the domain of release management and its grey chart.
//!
//! ```text
//!   model      people, teams, claims, releases, changes, approvals (validated)
//!   graph      cycle detection on id graphs (iterative, names the members)
//!   analytics  influence rank, formal rank, broker score, strongest path
//!   planning   deploy order, critical path, schedule, conflicts, blast radius
//!   import     CSV parsing with file/line/field errors
//!   demo       a believable company for first start and for tests
//!   transport  what crosses to the UI besides domain types (TS generated)
//! ```
//!
//! Nothing here does IO or knows about SQLite or Tauri: the store, the CLI,
//! the desktop shell, the tests and the benchmarks all share this crate.

pub mod analytics;
pub mod approvals;
pub mod demo;
pub mod error;
pub mod export;
pub mod graph;
pub mod import;
pub mod model;
pub mod planning;
pub mod transport;

pub use error::{ApiError, CoreError, ErrorCode, ValidationError};
