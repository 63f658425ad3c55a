//! The schedule as iCalendar (RFC 5545) for calendar apps: one all-day event
//! per release on the day it deploys in the earliest feasible schedule, and
//! one per deployment window and freeze. Written with the `icalendar` crate
//! (escaping, line folding); stamped with the plan's first day, so the same
//! plan gives the same file. Carries no grey-chart data.

use chrono::{Days, NaiveDate};
use icalendar::{Calendar, Component, Event, EventLike, Property};

use super::{PlanReport, SlotKind};
use crate::model::{Change, Period, PeriodKind, Release, Scope};

domain_enum! {
    /// The files the schedule is exported as.
    ScheduleFormat {
        /// iCalendar, for calendar apps.
        Ics = "ics",
        /// One row per release and change, for spreadsheets.
        Csv = "csv",
    }
}

impl ScheduleFormat {
    /// What a file dialog calls files of this kind.
    pub fn kind(self) -> &'static str {
        match self {
            ScheduleFormat::Ics => "iCalendar",
            ScheduleFormat::Csv => "CSV",
        }
    }
}

/// The plan's releases, windows and freezes as an iCalendar file.
pub fn schedule_ics(report: &PlanReport, releases: &[Release], changes: &[Change], periods: &[Period]) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Greychart//Release plan//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        calendar.properties.push(Property::new(key, value));
    }
    calendar.name("Release plan");
    let stamp = report.starts_on.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let next = |d: NaiveDate| d.checked_add_days(Days::new(1)).unwrap_or(d);
    for slot in report.schedule.iter().filter(|s| s.kind == SlotKind::Release) {
        let Some(day) = slot.deploys_on else { continue };
        let release = releases.iter().find(|r| r.id == slot.id);
        let name = release.map_or(slot.id.as_str(), |r| r.name.as_str());
        let mut lines: Vec<String> = vec![format!("Work from {} to {}.", slot.starts_on, slot.ready_on)];
        if let Some((from, to)) = release.and_then(|r| r.window_start.zip(r.window_end)) {
            lines.push(format!("Planned window: {from} to {to}."));
        }
        lines.push("Changes:".to_owned());
        lines.extend(
            changes
                .iter()
                .filter(|c| c.release.as_deref() == Some(&slot.id))
                .map(|c| format!("- {} {}", c.id, c.title)),
        );
        calendar.push(
            Event::new()
                .uid(&format!("release-{}@greychart", slot.id))
                .timestamp(stamp)
                .summary(&format!("Deploy {name}"))
                .description(&lines.join("\n"))
                .starts(day)
                .ends(next(day))
                .add_property("CATEGORIES", "Deployment")
                .done(),
        );
    }
    for p in periods {
        let (what, transparent) = match p.kind {
            PeriodKind::Freeze => ("Freeze", "OPAQUE"),
            PeriodKind::Window => ("Deployment window", "TRANSPARENT"),
        };
        let applies = match (p.scope, &p.scope_id) {
            (Scope::Global, _) | (_, None) => "everything".to_owned(),
            (scope, Some(id)) => format!("{scope} {id}"),
        };
        calendar.push(
            Event::new()
                .uid(&format!("period-{}@greychart", p.id))
                .timestamp(stamp)
                .summary(&format!("{what}: {}", p.name))
                .description(&format!("Applies to {applies}."))
                .starts(p.starts_on)
                .ends(next(p.ends_on))
                .add_property("TRANSP", transparent)
                .add_property("CATEGORIES", what)
                .done(),
        );
    }
    calendar.done().to_string()
}

/// The schedule as CSV: one row per change and release, with a header.
pub fn schedule_csv(report: &PlanReport) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<[String; 7]> =
        vec![["id", "kind", "release", "starts_on", "ready_on", "deploys_on", "critical"].map(str::to_owned)];
    for s in &report.schedule {
        let kind = match s.kind {
            SlotKind::Change => "change",
            SlotKind::Release => "release",
        };
        rows.push([
            s.id.clone(),
            kind.to_owned(),
            s.release.clone().unwrap_or_default(),
            s.starts_on.to_string(),
            s.ready_on.to_string(),
            s.deploys_on.map(|d| d.to_string()).unwrap_or_default(),
            if s.critical { "yes" } else { "no" }.to_owned(),
        ]);
    }
    // Writing to memory cannot fail; a row it could not write is left out.
    for row in rows {
        let _ = out.write_record(&row);
    }
    out.into_inner().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::graph::tests::{change, release};
    use crate::planning::{plan, PlanInputs};

    #[test]
    fn a_real_parser_reads_every_event_back() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let releases = [Release { name: "Payments; phase 2, \"final\"".into(), ..release("r1") }];
        let changes = [change("a", Some("r1"), 5)];
        let periods = [Period {
            id: "f1".into(),
            name: "Year-end freeze".into(),
            kind: PeriodKind::Freeze,
            starts_on: d("2026-12-18"),
            ends_on: d("2027-01-04"),
            scope: Scope::Global,
            scope_id: None,
        }];
        let inputs = PlanInputs {
            releases: &releases,
            changes: &changes,
            dependencies: &[],
            components: &[],
            services: &[],
            periods: &periods,
            absences: &[],
            requirements: &[],
            people: &[],
        };
        let report = plan(&inputs, d("2026-12-14")).ok();
        let text = report.map(|r| schedule_ics(&r, &releases, &changes, &periods)).unwrap_or_default();
        assert!(text.contains("\r\n") && text.lines().all(|l| l.len() <= 75), "{text}");
        let mut parser = ical::IcalParser::new(text.as_bytes());
        let calendar = parser.next().and_then(Result::ok);
        let events = calendar.map(|c| c.events).unwrap_or_default();
        let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
            e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
        };
        let read: Vec<(String, String, String)> =
            events.iter().map(|e| (prop(e, "SUMMARY"), prop(e, "DTSTART"), prop(e, "DTEND"))).collect();
        // Ready on the 19th, in the freeze: the deployment waits to 5 January.
        assert_eq!(
            read,
            [
                ("Deploy Payments\\; phase 2\\, \"final\"".to_owned(), "20270105".to_owned(), "20270106".to_owned()),
                ("Freeze: Year-end freeze".to_owned(), "20261218".to_owned(), "20270105".to_owned()),
            ]
        );
    }
}
