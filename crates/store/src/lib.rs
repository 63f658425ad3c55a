//! Greychart's store: one workspace is one SQLite file.
//!
//! ```text
//!   Workspace::open/create ─ migrate (user_version guard, one transaction)
//!        │
//!        ├─ read()  → Read   borrows the connection; consistent snapshots
//!        └─ write() → Write  owns a transaction; every change is validated,
//!                            reference-checked, cycle-checked and audited,
//!                            and lands only on commit()
//! ```
//!
//! Every connection has foreign keys on, WAL, synchronous=FULL and a busy
//! timeout, so a killed process leaves a valid file with every committed edit.

mod approvals;
mod checks;
mod edits;
mod encryption;
mod error;
mod grey_chart;
mod history;
mod import;
mod links;
mod packet;
mod planning;
mod positions;
mod read;
mod record;
mod schema;
mod shared;
mod team_decisions;
mod workspace;
mod write;

pub use encryption::{looks_encrypted, Passphrase};
pub use error::{Result, StoreError};
pub use grey_chart::MOVERS_DAYS_MAX;
pub use import::{ImportReport, ImportWatch};
pub use links::SPLIT_CLAIMS_READ_FROM;
pub use read::Read;
pub use record::{Record, Reference};
pub use schema::{APPLICATION_ID, KEPT_BACKUPS, SCHEMA_VERSION};
pub use shared::{Base, BaseRow, Conflict, Pulled, SharedRecord, SHARED_KINDS};
pub use team_decisions::{SignedInApp, TeamDecision};
pub use workspace::Workspace;
pub use write::Write;
