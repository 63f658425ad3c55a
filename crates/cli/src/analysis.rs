//! `greychart influence`, `path`, `factions` and `evidence`.

use std::path::Path;

use chrono::NaiveDate;

use crate::{print_json, Failure};

pub(crate) fn influence(path: &Path, as_of: NaiveDate, json: bool) -> Result<(), Failure> {
    let mut rows = crate::open(path)?.influence(as_of)?;
    rows.sort_by(|a, b| b.rank.total_cmp(&a.rank).then_with(|| a.id.cmp(&b.id)));
    if json {
        return print_json(&rows);
    }
    say!("Influence as of {as_of} ({} people; rank sums to 1)", rows.len());
    say!("{:<10} {:<28} {:>9} {:>9} {:>8} {:>8}", "id", "name", "rank", "formal", "gap", "broker");
    for r in &rows {
        let name: String = r.name.chars().take(28).collect();
        say!(
            "{:<10} {:<28} {:>9.5} {:>9.5} {:>+8.1} {:>8.4}",
            r.id,
            name,
            r.rank,
            r.formal_rank,
            r.power_gap,
            r.broker
        );
    }
    Ok(())
}

pub(crate) fn path(path: &Path, from: &str, to: &str, as_of: NaiveDate, json: bool) -> Result<(), Failure> {
    let found = crate::open(path)?.strongest_path(from, to, as_of)?;
    if json {
        return print_json(&found);
    }
    if found.path.is_empty() {
        say!("no path of influence from {from} to {to} as of {as_of}");
    } else {
        say!("{} (strength {:.6})", found.path.join(" → "), found.strength);
    }
    Ok(())
}

pub(crate) fn factions(path: &Path, as_of: NaiveDate, json: bool) -> Result<(), Failure> {
    let groups = crate::open(path)?.factions(as_of)?;
    if json {
        return print_json(&groups);
    }
    let alone = groups.iter().filter(|f| f.members.len() == 1).count();
    say!("Factions as of {as_of}: {} groups, {alone} people in none", groups.len() - alone);
    for f in groups.iter().filter(|f| f.members.len() > 1) {
        say!("{:>3}. {} people: {}", f.number + 1, f.members.len(), f.members.join(", "));
    }
    Ok(())
}

pub(crate) fn evidence(path: &Path, as_of: NaiveDate, days: i64, json: bool) -> Result<(), Failure> {
    let summary = crate::open(path)?.evidence_summary(as_of, days)?;
    if json {
        return print_json(&summary);
    }
    let c = &summary.coverage;
    say!("Evidence as of {as_of}: {} active claims, {} past their half-life", c.active_claims, c.stale_claims.len());
    say!("{} people nobody is known to sway: {}", c.unswayed.len(), c.unswayed.join(", "));
    say!("Largest changes in influence since {}:", summary.movers_since);
    for m in &summary.movers {
        let causes: Vec<&str> = m.causes.iter().map(|c| c.claim.as_str()).collect();
        say!("  {:<10} {:>+8.2} pts  because of {}", m.id, (m.after - m.before) * 100.0, causes.join(", "));
    }
    Ok(())
}
