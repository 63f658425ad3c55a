//! The grey chart: dated, sourced evidence of who sways whom, and what people
//! think of a release. All of it is private to the workspace's owner.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_id, check_text, check_unit};
use crate::ValidationError;

/// One piece of evidence that `from` sways `to`. Several claims about the same
/// pair may disagree; all are kept. Strength 0 means "known: no influence",
/// which differs from having no claim at all ("unknown").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Claim {
    /// Stable id, given by the store.
    pub id: String,
    /// Who sways.
    pub from: String,
    /// Who is swayed.
    pub to: String,
    /// How strongly, 0..1.
    pub strength: f64,
    /// How sure we are, 0..1.
    pub confidence: f64,
    /// When it was seen or heard.
    #[ts(type = "string")]
    pub observed_on: NaiveDate,
    /// Days after which the claim counts half as much.
    pub half_life_days: f64,
    /// Who told us, or what we saw.
    pub source: String,
    /// Free note.
    pub note: String,
    /// Who recorded it in this workspace.
    pub recorded_by: String,
    /// Retired claims stay in the history but leave the analytics.
    pub retired: bool,
}

impl Claim {
    /// A validated, active claim. `id` may be empty for a claim the store has
    /// not numbered yet.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: &str,
        from: &str,
        to: &str,
        strength: f64,
        confidence: f64,
        observed_on: NaiveDate,
        half_life_days: f64,
        source: &str,
    ) -> Result<Self, ValidationError> {
        let claim = Claim {
            id: id.to_owned(),
            from: from.to_owned(),
            to: to.to_owned(),
            strength,
            confidence,
            observed_on,
            half_life_days,
            source: source.to_owned(),
            note: String::new(),
            recorded_by: String::new(),
            retired: false,
        };
        claim.validate()?;
        Ok(claim)
    }

    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if !self.id.is_empty() {
            check_id("id", &self.id)?;
        }
        check_id("from", &self.from)?;
        check_id("to", &self.to)?;
        if self.from == self.to {
            return Err(ValidationError::new("to", "a person cannot sway themself"));
        }
        check_unit("strength", self.strength)?;
        check_unit("confidence", self.confidence)?;
        if !(self.half_life_days.is_finite() && self.half_life_days > 0.0) {
            return Err(ValidationError::new(
                "half_life_days",
                format!("must be more than 0 days (got {})", self.half_life_days),
            ));
        }
        if self.source.chars().count() > 500 {
            return Err(ValidationError::new("source", "must be at most 500 characters"));
        }
        if self.note.chars().count() > 10_000 {
            return Err(ValidationError::new("note", "must be at most 10,000 characters"));
        }
        Ok(())
    }

    /// Credibility as of `as_of`: confidence × 2^(−age/half-life), or `None`
    /// for a claim observed after `as_of` (it did not exist yet).
    pub fn credibility(&self, as_of: NaiveDate) -> Option<f64> {
        credibility(self.confidence, self.observed_on, self.half_life_days, as_of)
    }
}

/// Credibility of evidence as of `as_of`: confidence × 2^(−age/half-life),
/// or `None` when it was observed after `as_of`.
pub fn credibility(confidence: f64, observed_on: NaiveDate, half_life_days: f64, as_of: NaiveDate) -> Option<f64> {
    let age = (as_of - observed_on).num_days();
    if age < 0 {
        return None;
    }
    Some(confidence * (-(age as f64) / half_life_days).exp2())
}

domain_enum! {
    /// A person's attitude to a release.
    StanceKind {
        /// Pushes for it.
        Champion = "champion",
        /// In favour.
        Supporter = "supporter",
        /// Neither.
        Neutral = "neutral",
        /// Doubts it.
        Sceptic = "sceptic",
        /// Works against it.
        Blocker = "blocker",
        /// Not known.
        Unknown = "unknown",
    }
}

/// What one person thinks of one release, as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Stance {
    /// Whose stance.
    pub person: String,
    /// On which release.
    pub release: String,
    /// The attitude.
    pub stance: StanceKind,
    /// When it was last seen.
    #[ts(type = "string")]
    pub noted_on: NaiveDate,
    /// Free note.
    pub note: String,
}

impl Stance {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("person", &self.person)?;
        check_id("release", &self.release)
    }
}

domain_enum! {
    /// How involved a stakeholder wants to be.
    Involvement {
        /// Leave them be.
        HandsOff = "hands_off",
        /// Tell them.
        Informed = "informed",
        /// Ask them.
        Consulted = "consulted",
        /// Work with them.
        HandsOn = "hands_on",
    }
}

/// A person seen as a stakeholder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StakeholderProfile {
    /// Whose profile.
    pub person: String,
    /// How much the releases matter to them, 0..1.
    pub interest: f64,
    /// How involved they want to be.
    pub involvement: Involvement,
}

impl StakeholderProfile {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("person", &self.person)?;
        check_unit("interest", self.interest)
    }
}

/// One contact with a stakeholder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EngagementEntry {
    /// Stable id.
    pub id: String,
    /// With whom.
    pub person: String,
    /// When.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// How: meeting, email, chat, call.
    pub channel: String,
    /// What was said or agreed.
    pub summary: String,
}

impl EngagementEntry {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_id("id", &self.id)?;
        check_id("person", &self.person)?;
        check_text("channel", &self.channel)?;
        check_text("summary", &self.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn credibility_halves_each_half_life_and_ignores_the_future() {
        let c = Claim::new("", "a", "b", 0.5, 0.8, day("2026-01-01"), 10.0, "x");
        let c = c.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.credibility(day("2026-01-01")), Some(0.8));
        assert_eq!(c.credibility(day("2026-01-11")), Some(0.4));
        assert_eq!(c.credibility(day("2025-12-31")), None);
    }

    #[test]
    fn claims_refuse_out_of_range_values_naming_the_field() {
        let d = day("2026-01-01");
        let field = |r: Result<Claim, ValidationError>| r.err().map(|e| e.field);
        assert_eq!(field(Claim::new("", "a", "b", 1.5, 1.0, d, 1.0, "")), Some("strength".into()));
        assert_eq!(field(Claim::new("", "a", "b", 0.5, -0.1, d, 1.0, "")), Some("confidence".into()));
        assert_eq!(field(Claim::new("", "a", "b", 0.5, 1.0, d, 0.0, "")), Some("half_life_days".into()));
        assert_eq!(field(Claim::new("", "a", "a", 0.5, 1.0, d, 1.0, "")), Some("to".into()));
    }
}
