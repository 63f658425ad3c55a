//! What an imported table holds, the fields of each kind, and the parsing of
//! a sheet of that kind into rows the store imports.

use serde::Serialize;
use ts_rs::TS;

use super::people::{read_claims, read_people, ClaimRow, PersonRow};
use super::plan::{read_changes, read_dependencies, ChangeRow, DependencyRow};
use super::records::{read_records, read_services, RecordRow};
use super::sheet::Sheet;
use super::ImportError;
use crate::model::{
    Absence, ApprovalRule, Component, EngagementEntry, Period, Release, Service, StakeholderProfile, Stance, Team,
};

domain_enum! {
    /// What a file holds, as the user says when importing it.
    ImportKind {
        /// People and reporting lines.
        People = "people",
        /// Grey-chart claims (private).
        Claims = "claims",
        /// Teams.
        Teams = "teams",
        /// Components.
        Components = "components",
        /// Services.
        Services = "services",
        /// Releases.
        Releases = "releases",
        /// Changes.
        Changes = "changes",
        /// Dependencies between changes and releases.
        Dependencies = "dependencies",
        /// Deployment windows and freezes.
        Periods = "periods",
        /// Absences.
        Absences = "absences",
        /// Approval rules.
        ApprovalRules = "approval_rules",
        /// Stances on releases (private).
        Stances = "stances",
        /// Stakeholder profiles (private).
        Profiles = "profiles",
        /// The engagement log (private).
        Contacts = "contacts",
    }
}

/// One field of a kind of record, as the mapping offers it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportField {
    /// The field's name (the column of the import format).
    pub name: String,
    /// What goes in it, in words.
    pub hint: String,
    /// Whether a file must have a column for it.
    pub required: bool,
    /// Whether several columns of the same header are joined into it
    /// (the ids of a list, as Jira repeats Component/s).
    pub list: bool,
}

/// (field, hint, required, list).
type Spec = (&'static str, &'static str, bool, bool);

impl ImportKind {
    /// The kind's fields, in the order of the import format.
    fn spec(self) -> &'static [Spec] {
        match self {
            ImportKind::People => &[
                ("id", "a unique id, e.g. an employee number", true, false),
                ("name", "full name", true, false),
                ("title", "job title", false, false),
                ("team", "team name (created when new)", false, false),
                ("manager", "the manager's id", false, false),
            ],
            ImportKind::Claims => &[
                ("from", "id of the person who sways", true, false),
                ("to", "id of the person swayed", true, false),
                ("strength", "0 to 1", true, false),
                ("confidence", "0 to 1 (default 1)", false, false),
                ("observed_on", "date seen, YYYY-MM-DD", true, false),
                ("half_life_days", "days (default 365)", false, false),
                ("source", "where it was seen", false, false),
                ("note", "note", false, false),
            ],
            ImportKind::Teams => &[
                ("id", "a unique id", true, false),
                ("name", "team name", true, false),
                ("kind", "development, qa, operations, change, finance…", false, false),
            ],
            ImportKind::Components => &[
                ("id", "a unique id", true, false),
                ("name", "component name", true, false),
                ("owner_team", "the owning team's id", false, false),
                ("owner", "the owner's person id", false, false),
            ],
            ImportKind::Services => &[
                ("id", "a unique id", true, false),
                ("name", "service name", true, false),
                ("business_owner", "the business owner's person id", false, false),
                ("depends_on", "ids of services it depends on, joined by ;", false, true),
            ],
            ImportKind::Releases => &[
                ("id", "a unique id", true, false),
                ("name", "release name", true, false),
                ("stage", "plan, build, test, scheduled, deployed…", false, false),
                ("window_start", "planned start, YYYY-MM-DD", false, false),
                ("window_end", "planned end, YYYY-MM-DD", false, false),
                ("risk", "low, medium or high", false, false),
                ("cost", "estimated cost", false, false),
            ],
            ImportKind::Changes => &[
                ("id", "a unique id, e.g. an issue key", true, false),
                ("title", "what it does", true, false),
                ("release", "the release's id (created when new)", false, false),
                ("component", "component ids, joined by ; (created when new)", false, true),
                ("duration_days", "whole days (default 1)", false, false),
                ("not_before", "earliest start, YYYY-MM-DD", false, false),
                ("risk", "low, medium or high", false, false),
            ],
            ImportKind::Dependencies => &[
                ("before", "id of the change or release that goes first", true, false),
                ("after", "id of the one that waits for it", true, false),
                ("lag_days", "days between (default 0)", false, false),
            ],
            ImportKind::Periods => &[
                ("id", "a unique id", true, false),
                ("name", "name", true, false),
                ("kind", "window or freeze", true, false),
                ("starts_on", "YYYY-MM-DD", true, false),
                ("ends_on", "YYYY-MM-DD", true, false),
                ("scope", "global, component or service (default global)", false, false),
                ("scope_id", "the component's or service's id", false, false),
            ],
            ImportKind::Absences => &[
                ("id", "a unique id", true, false),
                ("person", "the person's id", true, false),
                ("starts_on", "YYYY-MM-DD", true, false),
                ("ends_on", "YYYY-MM-DD", true, false),
                ("note", "note", false, false),
            ],
            ImportKind::ApprovalRules => &[
                ("id", "a unique id", true, false),
                ("condition", "e.g. risk >= high, component = ledger", true, false),
                ("role", "the approval role", true, false),
                ("approver", "the approver's person id", true, false),
                ("note", "note", false, false),
            ],
            ImportKind::Stances => &[
                ("person", "the person's id", true, false),
                ("release", "the release's id", true, false),
                ("stance", "champion, supporter, neutral, sceptic, blocker", true, false),
                ("noted_on", "YYYY-MM-DD", true, false),
                ("note", "note", false, false),
            ],
            ImportKind::Profiles => &[
                ("person", "the person's id", true, false),
                ("interest", "0 to 1", true, false),
                ("involvement", "hands_off, informed, consulted, hands_on", true, false),
            ],
            ImportKind::Contacts => &[
                ("id", "a unique id", true, false),
                ("person", "the person's id", true, false),
                ("date", "YYYY-MM-DD", true, false),
                ("channel", "meeting, call, mail…", true, false),
                ("summary", "what was said", true, false),
            ],
        }
    }

    /// The kind's fields, for the mapping.
    pub fn fields(self) -> Vec<ImportField> {
        self.spec()
            .iter()
            .map(|&(name, hint, required, list)| ImportField {
                name: name.to_owned(),
                hint: hint.to_owned(),
                required,
                list,
            })
            .collect()
    }

    /// The value a field takes when the file has no column for it.
    pub(crate) fn default_of(self, field: &str) -> &'static str {
        match (self, field) {
            (ImportKind::Changes, "duration_days") => "1",
            (ImportKind::Releases, "stage") => "plan",
            (ImportKind::Releases, "risk") => "low",
            (ImportKind::Teams, "kind") => "other",
            (ImportKind::Periods, "scope") => "global",
            _ => "",
        }
    }

    /// Whether this kind is grey-chart data, kept private.
    pub fn is_private(self) -> bool {
        matches!(self, ImportKind::Claims | ImportKind::Stances | ImportKind::Profiles | ImportKind::Contacts)
    }
}

/// The rows of a sheet of one kind, parsed and ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// People (teams still by name).
    People(Vec<PersonRow>),
    /// Claims, not yet numbered.
    Claims(Vec<ClaimRow>),
    /// Changes.
    Changes(Vec<ChangeRow>),
    /// Dependencies.
    Dependencies(Vec<DependencyRow>),
    /// Teams.
    Teams(Vec<RecordRow<Team>>),
    /// Components.
    Components(Vec<RecordRow<Component>>),
    /// Services.
    Services(Vec<RecordRow<Service>>),
    /// Releases.
    Releases(Vec<RecordRow<Release>>),
    /// Windows and freezes.
    Periods(Vec<RecordRow<Period>>),
    /// Absences.
    Absences(Vec<RecordRow<Absence>>),
    /// Approval rules.
    ApprovalRules(Vec<RecordRow<ApprovalRule>>),
    /// Stances.
    Stances(Vec<RecordRow<Stance>>),
    /// Stakeholder profiles.
    Profiles(Vec<RecordRow<StakeholderProfile>>),
    /// Contacts.
    Contacts(Vec<RecordRow<EngagementEntry>>),
}

impl Parsed {
    /// How many rows were read.
    pub fn len(&self) -> usize {
        match self {
            Parsed::People(r) => r.len(),
            Parsed::Claims(r) => r.len(),
            Parsed::Changes(r) => r.len(),
            Parsed::Dependencies(r) => r.len(),
            Parsed::Teams(r) => r.len(),
            Parsed::Components(r) => r.len(),
            Parsed::Services(r) => r.len(),
            Parsed::Releases(r) => r.len(),
            Parsed::Periods(r) => r.len(),
            Parsed::Absences(r) => r.len(),
            Parsed::ApprovalRules(r) => r.len(),
            Parsed::Stances(r) => r.len(),
            Parsed::Profiles(r) => r.len(),
            Parsed::Contacts(r) => r.len(),
        }
    }

    /// Whether no row was read.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Parses a sheet whose header names the kind's fields (the import format,
/// or a sheet mapped by [`super::ColumnMap::map`]). Stops at the first row
/// that does not read, naming its line and field.
pub fn parse(kind: ImportKind, sheet: &Sheet) -> Result<Parsed, ImportError> {
    let columns: Vec<&str> = kind.spec().iter().map(|s| s.0).collect();
    Ok(match kind {
        ImportKind::People => Parsed::People(read_people(sheet)?),
        ImportKind::Claims => Parsed::Claims(read_claims(sheet)?),
        ImportKind::Changes => Parsed::Changes(read_changes(sheet)?),
        ImportKind::Dependencies => Parsed::Dependencies(read_dependencies(sheet)?),
        ImportKind::Services => Parsed::Services(read_services(sheet)?),
        ImportKind::Teams => Parsed::Teams(read_records(sheet, &columns)?),
        ImportKind::Components => Parsed::Components(read_records(sheet, &columns)?),
        ImportKind::Releases => Parsed::Releases(read_records(sheet, &columns)?),
        ImportKind::Periods => Parsed::Periods(read_records(sheet, &columns)?),
        ImportKind::Absences => Parsed::Absences(read_records(sheet, &columns)?),
        ImportKind::ApprovalRules => Parsed::ApprovalRules(read_records(sheet, &columns)?),
        ImportKind::Stances => Parsed::Stances(read_records(sheet, &columns)?),
        ImportKind::Profiles => Parsed::Profiles(read_records(sheet, &columns)?),
        ImportKind::Contacts => Parsed::Contacts(read_records(sheet, &columns)?),
    })
}
