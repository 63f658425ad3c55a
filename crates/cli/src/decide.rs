//! `greychart decide` and `greychart reschedule`: a sign-off recorded, and a
//! release's planned window moved, from a script (a CI job records QA's
//! sign-off).

use std::path::Path;

use chrono::NaiveDate;
use greychart_core::model::{Decision, DecisionKind, Release};

use crate::Failure;

/// Who decides and on what word.
pub(crate) struct Decide<'a> {
    pub release: &'a str,
    pub decision: DecisionKind,
    pub comment: &'a str,
    /// For someone else: on their behalf with a source, or as their delegate.
    pub approver: Option<&'a str>,
    /// Where their word is (a mail, minutes), when given outside the app.
    pub source: Option<&'a str>,
}

pub(crate) fn decide(path: &Path, d: Decide<'_>) -> Result<(), Failure> {
    let mut ws = crate::open(path)?;
    if ws.team_setting("team_url")?.is_some() {
        return decide_in_team(&mut ws, &d);
    }
    if ws.read().get::<Release>(&[d.release])?.is_none() {
        return Err(Failure::Input(format!("no release with id {}", d.release)));
    }
    let on_behalf = match (d.approver, d.source) {
        (Some(person), Some(source)) => Some((person, source)),
        (Some(_), None) => {
            return Err(Failure::Input(
                "--for needs --source in a local workspace: where is their word (a mail, minutes)?".to_owned(),
            ))
        }
        _ => None,
    };
    let approver = match on_behalf {
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
    let comment = match on_behalf {
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

/// In a team workspace: written here at once, then pushed; with the server
/// out of reach it waits for the next sync.
fn decide_in_team(ws: &mut greychart_store::Workspace, d: &Decide<'_>) -> Result<(), Failure> {
    let fail = |e: greychart_team::TeamError| Failure::Input(e.to_string());
    let decide = greychart_team::Decide {
        release: d.release,
        approver: d.approver,
        kind: d.decision,
        comment: d.comment,
        source: d.source,
    };
    let written = greychart_team::decide(ws, &decide).map_err(fail)?;
    let approver = written.first().map(|w| w.decided_by.clone()).unwrap_or_default();
    let url = ws.team_setting("team_url")?.unwrap_or_default();
    match greychart_team::Connection::open(&url) {
        Ok(c) => {
            c.sync(ws).map_err(fail)?;
            if let Some(first) = written.first() {
                let now: Option<Decision> = ws.read().get(&[&first.id])?;
                if let Some(refused) = now.filter(|n| n.stale) {
                    return Err(Failure::Input(refused.stale_reason));
                }
            }
            say!("{approver} {} {} ({} sign-offs), recorded by the team", d.decision.words(), d.release, written.len());
        }
        Err(e) => say!(
            "{approver} {} {} ({} sign-offs): queued, pushed at the next `greychart team sync` ({e})",
            d.decision.words(),
            d.release,
            written.len()
        ),
    }
    Ok(())
}

pub(crate) fn reschedule(path: &Path, release: &str, start: NaiveDate, end: NaiveDate) -> Result<(), Failure> {
    let mut ws = crate::open(path)?;
    if let Some(why) = ws.plan_refusal()? {
        return Err(Failure::Input(format!("{} is a team workspace: {why}", path.display())));
    }
    let mut r: Release =
        ws.read().get(&[release])?.ok_or_else(|| Failure::Input(format!("no release with id {release}")))?;
    r.window_start = Some(start);
    r.window_end = Some(end);
    ws.save(&r)?;
    say!("{} ({release}) is planned for {start} – {end}", r.name);
    Ok(())
}
