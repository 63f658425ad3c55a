//! The formal chart: teams, people and who reports to whom.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_id, check_text};
use crate::ValidationError;

domain_enum! {
    /// What a team does; drives default approval roles and the team colours.
    TeamKind {
        /// Builds the software.
        Development = "development",
        /// Tests it.
        Qa = "qa",
        /// Runs the platforms it lands on.
        Infrastructure = "infrastructure",
        /// Keeps services running.
        Operations = "operations",
        /// Speaks for the business to IT.
        BusinessRelationship = "business_relationship",
        /// Runs change management and the CAB.
        Change = "change",
        /// Holds the budget.
        Finance = "finance",
        /// A business unit that uses the services.
        Business = "business",
        /// Anything else.
        Other = "other",
    }
}

impl TeamKind {
    /// A best guess from a team's name, for teams an import creates.
    pub fn guess(team_name: &str) -> TeamKind {
        let n = team_name.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
        if has(&["qa", "quality", "test"]) {
            TeamKind::Qa
        } else if has(&["infra", "platform", "network", "cloud"]) {
            TeamKind::Infrastructure
        } else if has(&["operation", "ops", "support", "service desk"]) {
            TeamKind::Operations
        } else if has(&["relationship", "brm"]) {
            TeamKind::BusinessRelationship
        } else if has(&["change", "release", "cab"]) {
            TeamKind::Change
        } else if has(&["finance", "budget", "procurement"]) {
            TeamKind::Finance
        } else if has(&["dev", "engineering", "data", "software", "channel", "app"]) {
            TeamKind::Development
        } else if has(&["sales", "marketing", "retail", "customer", "business", "hr"]) {
            TeamKind::Business
        } else {
            TeamKind::Other
        }
    }
}

/// A team; every person belongs to at most one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Team {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the team does.
    pub kind: TeamKind,
}

impl Team {
    /// A validated team.
    pub fn new(id: &str, name: &str, kind: TeamKind) -> Result<Self, ValidationError> {
        let team = Team { id: id.to_owned(), name: name.to_owned(), kind };
        team.validate()?;
        Ok(team)
    }

    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_text("name", &self.name)
    }
}

/// A person in the organisation. `manager` is their reporting line: the
/// reporting lines form a forest, which the store checks on every write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Person {
    /// Stable id.
    pub id: String,
    /// Full name, in any script.
    pub name: String,
    /// Job title.
    pub title: String,
    /// Their team's id.
    pub team: Option<String>,
    /// Who they report to.
    pub manager: Option<String>,
}

impl Person {
    /// A validated person.
    pub fn new(
        id: &str,
        name: &str,
        title: &str,
        team: Option<&str>,
        manager: Option<&str>,
    ) -> Result<Self, ValidationError> {
        let person = Person {
            id: id.to_owned(),
            name: name.to_owned(),
            title: title.to_owned(),
            team: team.map(str::to_owned),
            manager: manager.map(str::to_owned),
        };
        person.validate()?;
        Ok(person)
    }

    /// Checks every field. A person cannot report to themself.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_text("name", &self.name)?;
        if self.title.chars().count() > 200 {
            return Err(ValidationError::new("title", "must be at most 200 characters"));
        }
        if let Some(manager) = &self.manager {
            check_id("manager", manager)?;
            if manager == &self.id {
                return Err(ValidationError::new("manager", "a person cannot report to themself"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_cannot_manage_themself() {
        let e = Person::new("p1", "Ann", "CIO", None, Some("p1")).err();
        assert_eq!(e.map(|e| e.field), Some("manager".to_owned()));
    }

    #[test]
    fn team_kinds_round_trip_and_guess() {
        for &k in TeamKind::ALL {
            assert_eq!(TeamKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(TeamKind::guess("QA Automation"), TeamKind::Qa);
        assert_eq!(TeamKind::guess("Finance"), TeamKind::Finance);
        assert_eq!(TeamKind::guess("Executive"), TeamKind::Other);
    }
}
