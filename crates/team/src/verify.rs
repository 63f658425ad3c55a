//! Checks the electronic sign-offs of a packet against the team database:
//! each decision fingerprint printed must be that of a decision the team
//! holds, and the decision must still stand (the release's scope the same).

use greychart_core::approvals::Signed;

use crate::connect::Connection;
use crate::error::Result;

/// A decision of the team whose fingerprint matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The fingerprint checked.
    pub fingerprint: String,
    /// The team's id for the decision.
    pub team_id: i64,
    /// The release.
    pub release: String,
    /// The approver.
    pub approver: String,
    /// approved, rejected or abstained.
    pub decision: String,
    /// The login that gave it.
    pub login: String,
    /// When the team recorded it, RFC 3339.
    pub decided_at: String,
    /// Whether the release is still as it was when decided.
    pub current: bool,
}

impl Connection {
    /// The team's decisions (given in the app) whose fingerprint is one of
    /// `fingerprints`; a fingerprint none matches is not among them.
    pub fn verify(&self, fingerprints: &[String]) -> Result<Vec<Verified>> {
        let rows = self.run(async {
            let client = self.pool.get().await?;
            Ok(client
                .query(
                    "SELECT id, release, approver, decision, comment, scope, login,
                            to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
                            scope = greychart.release_scope(release)
                     FROM greychart.decisions WHERE NOT on_behalf",
                    &[],
                )
                .await?)
        })?;
        let mut found = Vec::new();
        for row in rows {
            let (release, approver, decision, comment, scope, login): (String, String, String, String, String, String) =
                (row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(6));
            let team_id: i64 = row.get(0);
            let fingerprint = Signed {
                team_id,
                release: &release,
                approver: &approver,
                decision: &decision,
                comment: &comment,
                scope: &scope,
                login: &login,
            }
            .fingerprint();
            if fingerprints.contains(&fingerprint) {
                found.push(Verified {
                    fingerprint,
                    team_id,
                    release,
                    approver,
                    decision,
                    login,
                    decided_at: row.get(7),
                    current: row.get(8),
                });
            }
        }
        Ok(found)
    }
}
