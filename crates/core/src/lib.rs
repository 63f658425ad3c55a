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

/// Declares a closed set of domain values stored and exchanged as snake_case
/// strings, with `ALL`, `as_str` and `parse`.
macro_rules! domain_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and exchanged name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The name in words, as messages and the packet print it.
            pub fn words(self) -> String {
                self.as_str().replace('_', " ")
            }

            /// Parses a stored or exchanged name.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

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

pub use error::{ApiError, CoreError, ErrorCode, ErrorDetail, ValidationError};
