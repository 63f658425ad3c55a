//! `greychart influence` and `greychart path`.

use std::path::Path;

use chrono::NaiveDate;
use greychart_store::Workspace;

use crate::{print_json, Failure};

pub(crate) fn influence(path: &Path, as_of: NaiveDate, json: bool) -> Result<(), Failure> {
    let mut rows = Workspace::open(path)?.influence(as_of)?;
    rows.sort_by(|a, b| b.rank.total_cmp(&a.rank).then_with(|| a.id.cmp(&b.id)));
    if json {
        return print_json(&rows);
    }
    println!("Influence as of {as_of} ({} people; rank sums to 1)", rows.len());
    println!("{:<10} {:<28} {:>9} {:>9} {:>8} {:>8}", "id", "name", "rank", "formal", "gap", "broker");
    for r in &rows {
        let name: String = r.name.chars().take(28).collect();
        println!(
            "{:<10} {:<28} {:>9.5} {:>9.5} {:>+8.1} {:>8.4}",
            r.id, name, r.rank, r.formal_rank, r.power_gap, r.broker
        );
    }
    Ok(())
}

pub(crate) fn path(path: &Path, from: &str, to: &str, as_of: NaiveDate, json: bool) -> Result<(), Failure> {
    let found = Workspace::open(path)?.strongest_path(from, to, as_of)?;
    if json {
        return print_json(&found);
    }
    if found.path.is_empty() {
        println!("no path of influence from {from} to {to} as of {as_of}");
    } else {
        println!("{} (strength {:.6})", found.path.join(" → "), found.strength);
    }
    Ok(())
}
