//! `greychart team verify FILE ID`: the electronic sign-offs a packet
//! prints, checked against the team database. ID is the packet's document
//! id (a sign-off packet of FILE as of today) or one decision fingerprint.

use std::path::Path;

use greychart_team::Connection;

use crate::team::{failure, linked};
use crate::Failure;

pub(crate) fn verify(file: &Path, id: &str) -> Result<(), Failure> {
    let ws = crate::open(file)?;
    let url = linked(&ws, file)?;
    let today = chrono::Local::now().date_naive();
    let fingerprints = greychart_team::printed_fingerprints(&ws, id, today).map_err(failure)?;
    if fingerprints.is_empty() {
        say!("{id}: no electronic sign-off in that packet (every signature line is blank)");
        return Ok(());
    }
    let verified = Connection::open(&url).and_then(|c| c.verify(&fingerprints)).map_err(failure)?;
    let verdicts = greychart_team::Verdict::of_each(&fingerprints, &verified);
    for v in &verdicts {
        say!("{}", v.words());
    }
    let bad = verdicts.iter().filter(|v| !v.stands()).count();
    if bad == 0 {
        Ok(())
    } else {
        Err(Failure::Conflicts(format!("{bad} of {} electronic sign-offs do not verify", fingerprints.len())))
    }
}
