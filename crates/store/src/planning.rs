//! Plan analyses over the stored workspace, shared by the CLI and the app.

use chrono::NaiveDate;
use greychart_core::model::ApprovalRequirement;
use greychart_core::planning::{impact, plan, schedule_csv, schedule_ics, Impact, PlanGraph, PlanRecords, PlanReport};

use crate::error::{Result, StoreError};
use crate::Workspace;

impl Workspace {
    fn plan_records(&self) -> Result<PlanRecords> {
        let read = self.read();
        Ok(PlanRecords {
            releases: read.list()?,
            changes: read.list()?,
            dependencies: read.list()?,
            components: read.list()?,
            services: read.list()?,
            periods: read.list()?,
            absences: read.list()?,
            requirements: read.list::<ApprovalRequirement>()?.into_iter().filter(|q| q.active).collect(),
            people: read.list()?,
        })
    }

    /// Deploy order, critical path, conflicts and the earliest feasible
    /// schedule with work starting on `first_day`.
    pub fn plan(&self, first_day: NaiveDate) -> Result<PlanReport> {
        let records = self.plan_records()?;
        Ok(plan(&records.inputs(), first_day)?)
    }

    /// The earliest feasible schedule from `first_day` as an iCalendar file:
    /// releases on their deployment days, windows and freezes.
    pub fn schedule_ics(&self, first_day: NaiveDate) -> Result<String> {
        let records = self.plan_records()?;
        let report = plan(&records.inputs(), first_day)?;
        Ok(schedule_ics(&report, &records.releases, &records.changes, &records.periods))
    }

    /// The earliest feasible schedule from `first_day` as CSV.
    pub fn schedule_csv(&self, first_day: NaiveDate) -> Result<String> {
        Ok(schedule_csv(&self.plan(first_day)?))
    }

    /// The blast radius of a change, release, component or service.
    pub fn impact(&self, item: &str) -> Result<Impact> {
        let records = self.plan_records()?;
        let graph = PlanGraph::build(&records.releases, &records.changes, &records.dependencies)?;
        impact(&records.inputs(), &graph, item).ok_or_else(|| StoreError::NotFound {
            entity: "change, release, component or service",
            id: item.to_owned(),
        })
    }
}
