//! The TypeScript types of the user interface are generated from these Rust
//! types and committed as `ui/src/bindings.ts`. This test fails when the file
//! is stale; run it with `UPDATE_BINDINGS=1` to rewrite the file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use greychart_core::analytics::{
    BrokerScore, BrokerScores, ClaimShift, Faction, InfluencePath, InfluenceRow, RankColumns, RankShift, SwayEdge,
    Swayer,
};
use greychart_core::approvals::{ApprovalRow, ApprovalSettings, ApprovalStatus, Influencer, PathToYes};
use greychart_core::export::ExportDocument;
use greychart_core::import::{
    FieldColumn, ImportDone, ImportField, ImportKind, ImportPreview, ImportProgress, ImportRequest, Preset, PreviewRow,
};
use greychart_core::model::*;
use greychart_core::planning::{Conflict, ConflictKind, Impact, PlanReport, ScheduleFormat, Slot, SlotKind};
use greychart_core::transport::{
    AnalysisProgress, ClaimPage, ClaimRow, ClaimRows, ClaimStanding, DelegationRow, EvidenceGlance, Focus,
    HistoryEntry, LinkEvidence, PersonEvidence, Position, TeamConflictRow, TeamLinkState, TeamNote, TeamState,
    VerifiedSignOff, WaitingRequest, WorkspaceInfo,
};
use greychart_core::{ApiError, ErrorCode, ErrorDetail};
use ts_rs::{Config, TS};

fn declaration<T: TS>(cfg: &Config) -> String {
    let docs = T::docs().map(|d| format!("{}\n", d.trim_end())).unwrap_or_default();
    format!("{docs}export {}\n", T::decl(cfg))
}

fn generated() -> String {
    let cfg = Config::default();
    let parts = [
        declaration::<ErrorCode>(&cfg),
        declaration::<ErrorDetail>(&cfg),
        declaration::<ApiError>(&cfg),
        declaration::<WorkspaceInfo>(&cfg),
        declaration::<TeamLinkState>(&cfg),
        declaration::<TeamState>(&cfg),
        declaration::<TeamNote>(&cfg),
        declaration::<TeamConflictRow>(&cfg),
        declaration::<WaitingRequest>(&cfg),
        declaration::<DelegationRow>(&cfg),
        declaration::<VerifiedSignOff>(&cfg),
        declaration::<Position>(&cfg),
        declaration::<TeamKind>(&cfg),
        declaration::<Team>(&cfg),
        declaration::<Person>(&cfg),
        declaration::<Claim>(&cfg),
        declaration::<StanceKind>(&cfg),
        declaration::<Stance>(&cfg),
        declaration::<Involvement>(&cfg),
        declaration::<StakeholderProfile>(&cfg),
        declaration::<EngagementEntry>(&cfg),
        declaration::<Component>(&cfg),
        declaration::<Service>(&cfg),
        declaration::<Stage>(&cfg),
        declaration::<RiskLevel>(&cfg),
        declaration::<Release>(&cfg),
        declaration::<Change>(&cfg),
        declaration::<Dependency>(&cfg),
        declaration::<PeriodKind>(&cfg),
        declaration::<Scope>(&cfg),
        declaration::<Period>(&cfg),
        declaration::<Absence>(&cfg),
        declaration::<ApprovalRole>(&cfg),
        declaration::<ApprovalRequirement>(&cfg),
        declaration::<DecisionKind>(&cfg),
        declaration::<Decision>(&cfg),
        declaration::<Audience>(&cfg),
        declaration::<ApprovalRule>(&cfg),
        declaration::<WorkspaceData>(&cfg),
        declaration::<InfluenceRow>(&cfg),
        declaration::<RankColumns>(&cfg),
        declaration::<InfluencePath>(&cfg),
        declaration::<SwayEdge>(&cfg),
        declaration::<ClaimShift>(&cfg),
        declaration::<RankShift>(&cfg),
        declaration::<EvidenceGlance>(&cfg),
        declaration::<ClaimPage>(&cfg),
        declaration::<ClaimStanding>(&cfg),
        declaration::<ClaimRow>(&cfg),
        declaration::<ClaimRows>(&cfg),
        declaration::<Swayer>(&cfg),
        declaration::<PersonEvidence>(&cfg),
        declaration::<LinkEvidence>(&cfg),
        declaration::<Focus>(&cfg),
        declaration::<BrokerScore>(&cfg),
        declaration::<BrokerScores>(&cfg),
        declaration::<ConflictKind>(&cfg),
        declaration::<Conflict>(&cfg),
        declaration::<SlotKind>(&cfg),
        declaration::<Slot>(&cfg),
        declaration::<PlanReport>(&cfg),
        declaration::<Impact>(&cfg),
        declaration::<ScheduleFormat>(&cfg),
        declaration::<ExportDocument>(&cfg),
        declaration::<ApprovalStatus>(&cfg),
        declaration::<ApprovalRow>(&cfg),
        declaration::<ApprovalSettings>(&cfg),
        declaration::<Influencer>(&cfg),
        declaration::<PathToYes>(&cfg),
        declaration::<AnalysisProgress>(&cfg),
        declaration::<Faction>(&cfg),
        declaration::<HistoryEntry>(&cfg),
        declaration::<ImportKind>(&cfg),
        declaration::<ImportField>(&cfg),
        declaration::<Preset>(&cfg),
        declaration::<FieldColumn>(&cfg),
        declaration::<ImportRequest>(&cfg),
        declaration::<PreviewRow>(&cfg),
        declaration::<ImportPreview>(&cfg),
        declaration::<ImportDone>(&cfg),
        declaration::<ImportProgress>(&cfg),
    ];
    format!(
        "// Generated from the Rust types by crates/core/tests/bindings.rs. Do not edit:\n\
         // run `make bindings` instead.\n\n{}",
        parts.join("\n")
    )
}

#[test]
fn typescript_bindings_are_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings.ts");
    let want = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "ui/src/bindings.ts is stale: run `make bindings`");
}
