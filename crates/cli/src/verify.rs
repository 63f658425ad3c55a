//! `greychart team verify FILE ID`: the electronic sign-offs a packet
//! prints, checked against the team database. ID is the packet's document
//! id (a sign-off packet of FILE as of today) or one decision fingerprint.

use std::path::Path;

use greychart_core::model::{Audience, Release};
use greychart_team::Connection;

use crate::team::{failure, linked};
use crate::Failure;

/// Whether `id` looks like a decision fingerprint (`3f9a-01c2-7be4`).
fn is_fingerprint(id: &str) -> bool {
    id.len() == 14 && id.char_indices().all(|(i, c)| if i == 4 || i == 9 { c == '-' } else { c.is_ascii_hexdigit() })
}

pub(crate) fn verify(file: &Path, id: &str) -> Result<(), Failure> {
    let ws = crate::open(file)?;
    let url = linked(&ws, file)?;
    let id = id.trim().to_ascii_lowercase();
    let fingerprints: Vec<String> = if is_fingerprint(&id) {
        vec![id.clone()]
    } else {
        let today = chrono::Local::now().date_naive();
        let mut found = None;
        for release in ws.read().list::<Release>()? {
            let data = ws.packet_data(&release.id, Audience::Signoff, today)?;
            if data["document_id"].as_str().is_some_and(|d| d.eq_ignore_ascii_case(&id)) {
                found = Some(data);
                break;
            }
        }
        let data = found.ok_or_else(|| {
            Failure::Input(format!(
                "no sign-off packet of {} has the document id {id} as of today (the plan or the decisions changed \
                 since, or it was printed another day): check its decision fingerprints one by one",
                file.display()
            ))
        })?;
        let printed: Vec<String> = data["approvals"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["electronic"]["fingerprint"].as_str().map(str::to_owned))
            .collect();
        if printed.is_empty() {
            say!("{id}: no electronic sign-off in that packet (every signature line is blank)");
            return Ok(());
        }
        printed
    };
    let verified = Connection::open(&url).and_then(|c| c.verify(&fingerprints)).map_err(failure)?;
    let mut bad = 0;
    for fp in &fingerprints {
        match verified.iter().find(|v| &v.fingerprint == fp) {
            Some(v) if v.current => say!(
                "{fp}: valid — {} {} {} as {}, recorded by the team {} (decision {})",
                v.approver,
                v.decision,
                v.release,
                v.login,
                v.decided_at,
                v.team_id
            ),
            Some(v) => {
                bad += 1;
                say!(
                    "{fp}: the team holds it ({} {} {} as {}, {}), but {} changed since: it no longer stands",
                    v.approver,
                    v.decision,
                    v.release,
                    v.login,
                    v.decided_at,
                    v.release
                );
            }
            None => {
                bad += 1;
                say!("{fp}: NOT a decision of the team: the packet was altered, or the sign-off never recorded");
            }
        }
    }
    if bad == 0 {
        Ok(())
    } else {
        Err(Failure::Conflicts(format!("{bad} of {} electronic sign-offs do not verify", fingerprints.len())))
    }
}
