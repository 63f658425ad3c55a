//! Checks the electronic sign-offs of a packet against the team database:
//! each decision fingerprint printed must be that of a decision the team
//! holds, and the decision must still stand (the release's scope the same).

use chrono::NaiveDate;
use greychart_core::approvals::Signed;
use greychart_core::model::{Audience, Release};
use greychart_store::Workspace;

use crate::connect::Connection;
use crate::error::{Result, TeamError};
use crate::sync::store;

/// Whether `id` looks like a decision fingerprint (`3f9a-01c2-7be4`).
fn is_fingerprint(id: &str) -> bool {
    id.len() == 14 && id.char_indices().all(|(i, c)| if i == 4 || i == 9 { c == '-' } else { c.is_ascii_hexdigit() })
}

/// The decision fingerprints `id` names: itself when it is one, else those
/// the sign-off packet of that document id prints (a packet of `ws` as of
/// `day`; none when every signature line is blank).
pub fn printed_fingerprints(ws: &Workspace, id: &str, day: NaiveDate) -> Result<Vec<String>> {
    let id = id.trim().to_ascii_lowercase();
    if is_fingerprint(&id) {
        return Ok(vec![id]);
    }
    for release in ws.read().list::<Release>().map_err(store)? {
        let data = ws.packet_data(&release.id, Audience::Signoff, day).map_err(store)?;
        if data["document_id"].as_str().is_some_and(|d| d.eq_ignore_ascii_case(&id)) {
            return Ok(data["approvals"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a["electronic"]["fingerprint"].as_str().map(str::to_owned))
                .collect());
        }
    }
    Err(TeamError::Invalid(format!(
        "no sign-off packet here has the document id {id} as of {day} (the plan or the decisions changed since, or \
         it was printed another day): check its decision fingerprints one by one"
    )))
}

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

/// What the team says of one printed fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The fingerprint checked.
    pub fingerprint: String,
    /// The team's decision it matched, if any.
    pub found: Option<Verified>,
}

impl Verdict {
    /// Each of `fingerprints` with the decision of `verified` it matched.
    pub fn of_each(fingerprints: &[String], verified: &[Verified]) -> Vec<Verdict> {
        fingerprints
            .iter()
            .map(|fp| Verdict {
                fingerprint: fp.clone(),
                found: verified.iter().find(|v| &v.fingerprint == fp).cloned(),
            })
            .collect()
    }

    /// Whether the sign-off stands: the team holds it, on the release as it is.
    pub fn stands(&self) -> bool {
        self.found.as_ref().is_some_and(|v| v.current)
    }

    /// The verdict in words.
    pub fn words(&self) -> String {
        let fp = &self.fingerprint;
        match &self.found {
            Some(v) if v.current => format!(
                "{fp}: valid — {} {} {} as {}, recorded by the team {} (decision {})",
                v.approver, v.decision, v.release, v.login, v.decided_at, v.team_id
            ),
            Some(v) => format!(
                "{fp}: the team holds it ({} {} {} as {}, {}), but {} changed since: it no longer stands",
                v.approver, v.decision, v.release, v.login, v.decided_at, v.release
            ),
            None => format!("{fp}: NOT a decision of the team: the packet was altered, or the sign-off never recorded"),
        }
    }
}
