//! `greychart decide` and `greychart reschedule`: a sign-off recorded, and a
//! release's planned window moved, from a script (a CI job records QA's
//! sign-off).

use std::path::Path;

use chrono::NaiveDate;
use greychart_core::model::{DecisionKind, Release};

use crate::Failure;

/// Who decides and on what word.
pub(crate) struct Decide<'a> {
    pub release: &'a str,
    pub decision: DecisionKind,
    pub comment: &'a str,
    /// On someone else's behalf, and where their word is (a mail, minutes).
    pub on_behalf: Option<(&'a str, &'a str)>,
}

pub(crate) fn decide(path: &Path, d: Decide<'_>) -> Result<(), Failure> {
    let mut ws = crate::open(path)?;
    if ws.team_setting("team_url")?.is_some() {
        return Err(Failure::Input(format!(
            "{} is a team workspace: decisions through the team database are not here yet (issue 22); record it in a local workspace",
            path.display()
        )));
    }
    if ws.read().get::<Release>(&[d.release])?.is_none() {
        return Err(Failure::Input(format!("no release with id {}", d.release)));
    }
    let approver = match d.on_behalf {
        Some((person, _)) => person.to_owned(),
        None => ws.read().setting("me")?.ok_or_else(|| {
            Failure::Input("who is deciding? Set \"me\" in the window, or give --for PERSON --source TEXT".to_owned())
        })?,
    };
    let today = crate::today();
    let asked: Vec<String> = ws
        .approvals(Some(d.release), today)?
        .into_iter()
        .filter(|row| row.approver == approver)
        .map(|row| row.id)
        .collect();
    if asked.is_empty() {
        return Err(Failure::Input(format!("{approver} is not asked to sign off {}", d.release)));
    }
    let comment = match d.on_behalf {
        Some((_, source)) if d.comment.is_empty() => format!("recorded from: {source}"),
        Some((_, source)) => format!("{} (recorded from: {source})", d.comment),
        None => d.comment.to_owned(),
    };
    for requirement in &asked {
        ws.record_decision(requirement, d.decision, &approver, &comment)?;
    }
    say!("{approver} {} {} ({} sign-offs)", d.decision.words(), d.release, asked.len());
    Ok(())
}

pub(crate) fn reschedule(path: &Path, release: &str, start: NaiveDate, end: NaiveDate) -> Result<(), Failure> {
    let mut ws = crate::open(path)?;
    let mut r: Release =
        ws.read().get(&[release])?.ok_or_else(|| Failure::Input(format!("no release with id {release}")))?;
    r.window_start = Some(start);
    r.window_end = Some(end);
    ws.save(&r)?;
    say!("{} ({release}) is planned for {start} – {end}", r.name);
    Ok(())
}
