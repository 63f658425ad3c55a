//! Greychart's team database on PostgreSQL: the shared plan and approvals of
//! a release organisation, while each manager's grey chart stays in their
//! own workspace file. PostgreSQL itself enforces who may do what (one
//! login role per user, group roles, row-level security forced on every
//! table, insert-only decisions and audit trail). Tauri-free; the core
//! stays free of both databases.

mod connect;
mod decisions;
mod error;
mod live;
mod news;
mod publish;
mod push;
mod schema;
mod sync;
mod users;
mod verify;

pub use connect::{shown, with_login, without_password, Connection};
pub use decisions::{decide, identity, scope, Decide, BEFORE_THE_TEAM};
pub use error::{Result, TeamError};
pub use live::{Heard, Listener};
pub use news::{TheirEdit, TheirSignOff};
pub use publish::Published;
pub use schema::{Init, GROUPS, SCHEMA_VERSION};
pub use sync::{field_conflicts, queued, Edit, FieldConflict, SyncReport};
pub use users::{Delegation, Role};
pub use verify::{printed_fingerprints, Verdict, Verified};
