//! Types that exist only to cross to the user interface. Domain types cross
//! as themselves; these add what the window needs around them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the window shows about the open workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkspaceInfo {
    /// Full path of the file.
    pub path: String,
    /// File name, for the title bar.
    pub name: String,
}
