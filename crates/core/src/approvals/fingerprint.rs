//! The fingerprint of a decision signed in the app, as a sign-off packet
//! prints it and `greychart team verify` checks it against the team
//! database: SHA-256 over what the team and every client hold alike (the
//! team's id for the decision, the release, the approver, the decision, the
//! comment, the scope of the release it was given on and the login), the
//! first 12 hex digits in three groups.

use sha2::{Digest, Sha256};

/// A decision signed in the app, as the team holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signed<'a> {
    /// The team's id for the decision.
    pub team_id: i64,
    /// The release.
    pub release: &'a str,
    /// The approver whose decision it is.
    pub approver: &'a str,
    /// approved, rejected or abstained.
    pub decision: &'a str,
    /// The comment.
    pub comment: &'a str,
    /// The scope of the release it was given on.
    pub scope: &'a str,
    /// The login that gave it.
    pub login: &'a str,
}

impl Signed<'_> {
    /// Its fingerprint, like `3f9a-01c2-7be4`.
    pub fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        hash.update(b"greychart decision");
        let id = self.team_id.to_string();
        for part in [id.as_str(), self.release, self.approver, self.decision, self.comment, self.scope, self.login] {
            hash.update([0]);
            hash.update(part.as_bytes());
        }
        let hex: String = hash.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
        format!("{}-{}-{}", &hex[..4], &hex[4..8], &hex[8..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_changes_with_anything_the_team_holds() {
        let d = Signed {
            team_id: 7,
            release: "r1",
            approver: "p33",
            decision: "approved",
            comment: "fine",
            scope: "ab",
            login: "bo",
        };
        let f = d.fingerprint();
        assert_eq!(f.len(), 14);
        assert_eq!(f, d.fingerprint(), "stable");
        for other in [
            Signed { team_id: 8, ..d },
            Signed { comment: "fine!", ..d },
            Signed { scope: "ac", ..d },
            Signed { login: "cy", ..d },
            Signed { decision: "rejected", ..d },
        ] {
            assert_ne!(other.fingerprint(), f, "{other:?}");
        }
        // Parts never run into each other.
        assert_ne!(Signed { release: "r1p", approver: "33", ..d }.fingerprint(), f);
    }
}
