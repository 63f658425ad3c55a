//! A packet's electronic sign-offs checked against the team database from
//! the window, as `greychart team verify` checks them.

use greychart_core::transport::VerifiedSignOff;
use greychart_core::{ApiError, ErrorCode};
use greychart_store::Workspace;
use greychart_team::Verdict;

use super::{team_error, TeamLink};

impl TeamLink {
    /// The sign-offs `id` names (a packet's document id as of today, or one
    /// decision fingerprint), each as the team says of it; none when the
    /// packet has only blank signature lines.
    pub fn verify(&self, ws: &Workspace, id: &str) -> Result<Vec<VerifiedSignOff>, ApiError> {
        let today = chrono::Local::now().date_naive();
        let fingerprints = greychart_team::printed_fingerprints(ws, id, today)
            .map_err(|e| ApiError::on_field(ErrorCode::NotFound, "id", e.to_string()))?;
        if fingerprints.is_empty() {
            return Ok(Vec::new());
        }
        let connection = self.online(ws, "a sign-off is verified online")?;
        let verified = connection.verify(&fingerprints).map_err(team_error)?;
        Ok(Verdict::of_each(&fingerprints, &verified)
            .into_iter()
            .map(|v| VerifiedSignOff { stands: v.stands(), said: v.words(), fingerprint: v.fingerprint })
            .collect())
    }
}
