//! The demo workspace: a mid-sized bank's IT organisation with its business
//! counterparts, a believable grey chart and six releases in flight. Dates
//! are relative to `today`, so the demo always looks current, and the same
//! `today` always gives the same workspace.

use chrono::{Duration, NaiveDate};

use crate::model::*;

/// (id, name, title, team, manager)
const PEOPLE: &[(&str, &str, &str, &str, &str)] = &[
    ("p01", "Margaret Okafor", "Chief Information Officer", "exec", ""),
    ("p02", "Daniel Brandt", "Head of Application Development", "appdev", "p01"),
    ("p03", "Priya Raman", "Head of Infrastructure & Operations", "infra", "p01"),
    ("p04", "Sofia Lindqvist", "Head of Change & Release", "change", "p01"),
    ("p05", "Hiroshi Tanaka", "IT Finance Business Partner", "finance", "p01"),
    ("p06", "Elena Petrova", "Head of Business Relationship", "brm", "p01"),
    ("p07", "Tomás Herrera", "QA Manager", "qa", "p02"),
    ("p08", "Aisha Bello", "Development Lead, Payments", "appdev", "p02"),
    ("p09", "Lukas Novak", "Development Lead, Mobile & Web", "mobile", "p02"),
    ("p10", "Chen Wei", "Senior Developer", "appdev", "p08"),
    ("p11", "Olivia Murphy", "Developer", "appdev", "p08"),
    ("p12", "Rahul Mehta", "Developer", "appdev", "p08"),
    ("p13", "Yuki Sato", "Mobile Developer", "mobile", "p09"),
    ("p14", "Fatima Zahra", "Web Developer", "mobile", "p09"),
    ("p15", "Grace Kim", "Test Lead", "qa", "p07"),
    ("p16", "Mateo Rossi", "Test Analyst", "qa", "p15"),
    ("p17", "Nadia Haddad", "Test Automation Engineer", "qa", "p15"),
    ("p18", "Oleksandr Kovalenko", "Platform Lead", "infra", "p03"),
    ("p19", "Sara Johansson", "Network Engineer", "infra", "p18"),
    ("p20", "Kwame Mensah", "Cloud Engineer", "infra", "p18"),
    ("p21", "Ingrid Halvorsen", "Database Administrator", "infra", "p18"),
    ("p22", "Marco Bianchi", "Operations Manager", "ops", "p03"),
    ("p23", "Zoe Clarke", "Service Desk Lead", "ops", "p22"),
    ("p24", "Дмитрий Волков", "Site Reliability Engineer", "ops", "p22"),
    ("p25", "Hannah Schmidt", "Change Manager", "change", "p04"),
    ("p26", "Samuel Adeyemi", "Release Manager", "change", "p04"),
    ("p27", "Lucy Tran", "CAB Coordinator", "change", "p25"),
    ("p28", "George Papadopoulos", "IT Controller", "finance", "p05"),
    ("p29", "Amara Nwosu", "Procurement Analyst", "finance", "p05"),
    ("p30", "Isabel Fernández", "Business Relationship Manager, Retail", "brm", "p06"),
    ("p31", "Jonas Weber", "Business Relationship Manager, Corporate", "brm", "p06"),
    ("p32", "Catherine Dubois", "Director, Retail Banking", "retail", ""),
    ("p33", "Ahmed Karimi", "Product Owner, Mobile Banking", "retail", "p32"),
    ("p34", "Julia Nowak", "Product Owner, Payments", "retail", "p32"),
    ("p35", "Ben Carter", "Head of Customer Service", "retail", "p32"),
    ("p36", "Ελένη Γεωργίου", "Compliance Officer", "retail", "p32"),
    ("p37", "Viktor Sørensen", "Security Architect", "infra", "p03"),
    ("p38", "Maya Cohen", "Enterprise Architect", "exec", "p01"),
    ("p39", "Leila Farouk", "Scrum Master", "appdev", "p02"),
    ("p40", "Ravi Iyer", "Data Engineer", "appdev", "p08"),
];

const TEAMS: &[(&str, &str, TeamKind)] = &[
    ("exec", "Executive Office", TeamKind::Other),
    ("appdev", "Application Development", TeamKind::Development),
    ("mobile", "Mobile & Web", TeamKind::Development),
    ("qa", "Quality Assurance", TeamKind::Qa),
    ("infra", "Infrastructure", TeamKind::Infrastructure),
    ("ops", "IT Operations", TeamKind::Operations),
    ("brm", "Business Relationship", TeamKind::BusinessRelationship),
    ("change", "Change & Release", TeamKind::Change),
    ("finance", "IT Finance", TeamKind::Finance),
    ("retail", "Retail Banking", TeamKind::Business),
];

/// (from, to, strength, confidence, days ago, half-life, source, note)
type ClaimSpec = (&'static str, &'static str, f64, f64, i64, u32, &'static str, &'static str);

const CLAIMS: &[ClaimSpec] = &[
    ("p05", "p01", 0.85, 0.9, 20, 180, "own observation", "CIO checks every budget line with Hiroshi first"),
    ("p05", "p01", 0.6, 0.6, 200, 180, "told by Sofia", "weekly 1:1 outside the formal agenda"),
    ("p38", "p01", 0.7, 0.8, 45, 365, "observed in steering committee", "architecture calls are his to make"),
    ("p33", "p01", 0.55, 0.5, 60, 180, "lunch conversation", "old colleagues from the mobile programme"),
    ("p01", "p32", 0.4, 0.7, 90, 365, "observed in steering committee", ""),
    ("p32", "p01", 0.65, 0.7, 30, 365, "observed in steering committee", "business priorities win ties"),
    ("p27", "p25", 0.8, 0.85, 15, 90, "own observation", "Lucy drafts every CAB recommendation"),
    ("p27", "p04", 0.5, 0.6, 40, 90, "told by Hannah", ""),
    ("p25", "p04", 0.6, 0.9, 10, 180, "own observation", ""),
    ("p22", "p03", 0.75, 0.8, 25, 180, "observed in ops review", "Priya defers to Marco on go/no-go"),
    ("p22", "p03", 0.3, 0.5, 300, 180, "told by a former employee", "used to be the other way round"),
    ("p24", "p22", 0.7, 0.7, 12, 90, "own observation", "incident history carries weight"),
    ("p18", "p03", 0.45, 0.6, 70, 180, "email thread", ""),
    ("p37", "p03", 0.65, 0.75, 35, 365, "observed in CAB", "security veto in practice"),
    ("p37", "p25", 0.55, 0.7, 35, 365, "observed in CAB", ""),
    ("p37", "p01", 0.0, 0.8, 50, 365, "told by Maya", "known: CIO does not take security advice from Viktor directly"),
    ("p15", "p07", 0.7, 0.8, 20, 180, "own observation", "Grace runs QA in practice"),
    ("p07", "p02", 0.2, 0.6, 80, 180, "observed in planning", ""),
    ("p07", "p02", 0.5, 0.4, 15, 90, "lunch conversation", "disagrees with the planning observation"),
    ("p08", "p02", 0.75, 0.8, 30, 180, "own observation", "Aisha is Daniel's deputy in all but name"),
    ("p09", "p02", 0.4, 0.7, 30, 180, "own observation", ""),
    ("p10", "p08", 0.6, 0.7, 50, 180, "code review threads", ""),
    ("p40", "p08", 0.35, 0.5, 100, 180, "told by Chen", ""),
    ("p13", "p09", 0.5, 0.6, 40, 180, "standup", ""),
    ("p33", "p09", 0.7, 0.8, 20, 90, "observed in sprint review", "product owner sets the mobile agenda"),
    ("p34", "p08", 0.65, 0.75, 25, 90, "observed in sprint review", ""),
    ("p30", "p32", 0.55, 0.7, 45, 180, "told by Elena", ""),
    ("p30", "p06", 0.5, 0.6, 60, 180, "own observation", ""),
    ("p31", "p06", 0.3, 0.6, 60, 180, "own observation", ""),
    ("p06", "p32", 0.45, 0.6, 90, 365, "observed in QBR", ""),
    ("p36", "p32", 0.7, 0.9, 30, 365, "observed in risk committee", "compliance can stop any retail release"),
    ("p36", "p25", 0.4, 0.5, 120, 365, "email thread", ""),
    ("p35", "p32", 0.5, 0.6, 70, 180, "told by Isabel", ""),
    ("p35", "p22", 0.45, 0.6, 40, 180, "observed in major incident review", ""),
    ("p28", "p05", 0.6, 0.8, 30, 180, "own observation", ""),
    ("p29", "p28", 0.3, 0.5, 90, 180, "told by George", ""),
    ("p26", "p25", 0.45, 0.7, 10, 90, "own observation", "me: Hannah listens when the plan is clear"),
    ("p26", "p27", 0.6, 0.8, 10, 90, "own observation", "me: Lucy and I prepare CAB together"),
    ("p26", "p15", 0.5, 0.7, 20, 90, "own observation", ""),
    ("p26", "p22", 0.35, 0.6, 30, 90, "own observation", ""),
    ("p26", "p33", 0.3, 0.5, 45, 90, "own observation", ""),
    ("p26", "p05", 0.0, 0.7, 60, 180, "own observation", "known: Hiroshi does not take my calls"),
    ("p04", "p26", 0.6, 0.9, 10, 180, "own observation", ""),
    ("p02", "p26", 0.3, 0.6, 40, 180, "own observation", ""),
    ("p20", "p18", 0.55, 0.7, 30, 180, "standup", ""),
    ("p21", "p18", 0.4, 0.6, 500, 180, "told by a former employee", "old; may no longer hold"),
    ("p19", "p37", 0.35, 0.5, 60, 180, "email thread", ""),
    ("p23", "p35", 0.6, 0.7, 20, 90, "observed in major incident review", ""),
    ("p23", "p22", 0.4, 0.6, 20, 90, "own observation", ""),
    ("p39", "p02", 0.35, 0.6, 25, 90, "own observation", ""),
    ("p39", "p09", 0.25, 0.5, 25, 90, "standup", ""),
    ("p11", "p10", 0.3, 0.5, 50, 90, "code review threads", ""),
    ("p12", "p40", 0.25, 0.4, 70, 90, "lunch conversation", ""),
    ("p14", "p13", 0.3, 0.5, 40, 90, "standup", ""),
    ("p16", "p15", 0.4, 0.6, 30, 90, "own observation", ""),
    ("p17", "p15", 0.5, 0.7, 30, 90, "own observation", ""),
    ("p17", "p07", 0.0, 0.6, 30, 90, "own observation", "known: Tomás ignores automation advice"),
    ("p34", "p05", 0.4, 0.6, 40, 180, "observed in budget review", ""),
    ("p38", "p37", 0.5, 0.7, 50, 365, "email thread", ""),
    ("p38", "p02", 0.45, 0.6, 50, 365, "observed in architecture board", ""),
    ("p31", "p34", 0.2, 0.4, 400, 180, "told by a former employee", "stale: from the last reorganisation"),
];

/// (id, name, stage, start offset, length, risk)
const RELEASES: &[(&str, &str, Stage, i64, i64, RiskLevel)] = &[
    ("r1", "Mobile Banking 4.2", Stage::Test, 10, 2, RiskLevel::High),
    ("r2", "Payments Hub 2.0", Stage::Build, 28, 2, RiskLevel::High),
    ("r3", "Core Network Refresh", Stage::Plan, 45, 3, RiskLevel::Medium),
    ("r4", "Customer Portal 3.1", Stage::Scheduled, 5, 1, RiskLevel::Low),
    ("r5", "Data Warehouse Q4", Stage::Deployed, -20, 1, RiskLevel::Medium),
    ("r6", "Service Desk Upgrade", Stage::Plan, 60, 1, RiskLevel::Low),
];

const COMPONENTS: &[(&str, &str, &str)] = &[
    ("mobile-app", "Mobile banking app", "mobile"),
    ("web-portal", "Customer web portal", "mobile"),
    ("payments-api", "Payments API", "appdev"),
    ("core-ledger", "Core ledger", "appdev"),
    ("identity", "Identity & login", "infra"),
    ("network-core", "Core network", "infra"),
    ("data-warehouse", "Data warehouse", "appdev"),
    ("service-desk", "Service desk tool", "ops"),
];

/// (id, name, business owner, depends on)
const SERVICES: &[(&str, &str, &str, &[&str])] = &[
    ("svc-mobile", "Mobile Banking", "p33", &["mobile-app", "identity", "svc-payments"]),
    ("svc-payments", "Payments", "p34", &["payments-api", "core-ledger"]),
    ("svc-online", "Online Banking", "p32", &["web-portal", "identity", "svc-payments"]),
    ("svc-reporting", "Management Reporting", "p05", &["data-warehouse"]),
    ("svc-support", "IT Support", "p35", &["service-desk", "network-core"]),
];

/// (id, title, release, components, days)
const CHANGES: &[(&str, &str, &str, &[&str], u32)] = &[
    ("c101", "Biometric login", "r1", &["mobile-app", "identity"], 5),
    ("c102", "Instant transfer screen", "r1", &["mobile-app"], 4),
    ("c103", "Push notification service", "r1", &["mobile-app"], 3),
    ("c104", "Accessibility fixes", "r1", &["mobile-app"], 2),
    ("c105", "Session timeout policy", "r1", &["identity"], 1),
    ("c201", "ISO 20022 message model", "r2", &["payments-api"], 8),
    ("c202", "Ledger posting rules", "r2", &["core-ledger"], 6),
    ("c203", "Payment status API", "r2", &["payments-api"], 4),
    ("c204", "Reconciliation batch", "r2", &["core-ledger"], 5),
    ("c205", "Fraud scoring hook", "r2", &["payments-api"], 3),
    ("c206", "Cut-over runbook", "r2", &["payments-api", "core-ledger"], 2),
    ("c301", "Replace core switches", "r3", &["network-core"], 4),
    ("c302", "Firewall rule migration", "r3", &["network-core"], 3),
    ("c303", "Load balancer upgrade", "r3", &["network-core", "identity"], 2),
    ("c304", "Monitoring dashboards", "r3", &["network-core"], 2),
    ("c305", "DR failover test", "r3", &["network-core"], 1),
    ("c401", "New statements page", "r4", &["web-portal"], 3),
    ("c402", "Cookie consent update", "r4", &["web-portal"], 1),
    ("c403", "Login rate limiting", "r4", &["web-portal", "identity"], 2),
    ("c404", "Search improvements", "r4", &["web-portal"], 3),
    ("c501", "Quarter-end data model", "r5", &["data-warehouse"], 6),
    ("c502", "Finance dashboards", "r5", &["data-warehouse"], 3),
    ("c503", "Nightly load tuning", "r5", &["data-warehouse"], 2),
    ("c504", "Retention purge job", "r5", &["data-warehouse"], 1),
    ("c601", "Service desk version upgrade", "r6", &["service-desk"], 3),
    ("c602", "Knowledge base migration", "r6", &["service-desk"], 4),
    ("c603", "SSO for agents", "r6", &["service-desk", "identity"], 2),
    ("c604", "Email channel rework", "r6", &["service-desk"], 2),
    ("c605", "Agent training sandbox", "r6", &["service-desk"], 1),
    ("c606", "Decommission old desk", "r6", &["service-desk"], 1),
];

const DEPENDENCIES: &[(&str, &str, u32)] = &[
    ("c105", "c101", 0),
    ("c101", "c102", 1),
    ("c103", "c102", 0),
    ("c102", "c104", 0),
    ("c201", "c203", 0),
    ("c202", "c204", 2),
    ("c203", "c205", 0),
    ("c204", "c206", 1),
    ("c205", "c206", 1),
    ("c301", "c302", 1),
    ("c302", "c303", 0),
    ("c303", "c305", 2),
    ("c304", "c305", 0),
    ("c403", "c401", 0),
    ("c401", "c404", 0),
    ("c501", "c502", 0),
    ("c501", "c503", 0),
    ("c601", "c602", 2),
    ("c603", "c604", 0),
    ("c602", "c606", 5),
    ("c605", "c606", 0),
    ("c105", "c403", 0),
    ("c203", "c102", 0),
    ("r4", "r1", 2),
    ("r3", "r6", 5),
];

/// (id, requirement id, release, approver, role, rule, decision, comment)
type RequirementSpec =
    (&'static str, &'static str, &'static str, ApprovalRole, &'static str, Option<DecisionKind>, &'static str);

const REQUIREMENTS: &[RequirementSpec] = &[
    (
        "a101",
        "r1",
        "p25",
        ApprovalRole::ChangeManager,
        "change manager always",
        Some(DecisionKind::Approved),
        "Test evidence looks complete.",
    ),
    (
        "a102",
        "r1",
        "p09",
        ApprovalRole::ComponentOwner,
        "owner of touched component mobile-app",
        Some(DecisionKind::Approved),
        "",
    ),
    (
        "a103",
        "r1",
        "p18",
        ApprovalRole::ComponentOwner,
        "owner of touched component identity",
        Some(DecisionKind::ChangesRequested),
        "Need a rollback plan for the biometric change.",
    ),
    ("a104", "r1", "p33", ApprovalRole::BusinessOwner, "business owner of impacted service svc-mobile", None, ""),
    ("a105", "r1", "p27", ApprovalRole::Cab, "CAB: risk is high", None, ""),
    ("a201", "r2", "p25", ApprovalRole::ChangeManager, "change manager always", None, ""),
    (
        "a202",
        "r2",
        "p08",
        ApprovalRole::ComponentOwner,
        "owner of touched component payments-api",
        Some(DecisionKind::Approved),
        "",
    ),
    (
        "a203",
        "r2",
        "p34",
        ApprovalRole::BusinessOwner,
        "business owner of impacted service svc-payments",
        Some(DecisionKind::Rejected),
        "Not during the year-end freeze.",
    ),
    (
        "a204",
        "r2",
        "p05",
        ApprovalRole::Finance,
        "finance: cost above threshold",
        Some(DecisionKind::Abstained),
        "No budget impact this quarter.",
    ),
    ("a205", "r2", "p27", ApprovalRole::Cab, "CAB: risk is high and a freeze exception is needed", None, ""),
    ("a401", "r4", "p25", ApprovalRole::ChangeManager, "change manager always", Some(DecisionKind::Approved), ""),
    (
        "a402",
        "r4",
        "p09",
        ApprovalRole::ComponentOwner,
        "owner of touched component web-portal",
        Some(DecisionKind::Approved),
        "Stale: scope grew after this approval.",
    ),
    (
        "a403",
        "r4",
        "p32",
        ApprovalRole::BusinessOwner,
        "business owner of impacted service svc-online",
        Some(DecisionKind::Approved),
        "",
    ),
    (
        "a404",
        "r4",
        "p15",
        ApprovalRole::Qa,
        "QA sign-off (custom rule: customer-facing)",
        Some(DecisionKind::Approved),
        "",
    ),
    ("a501", "r5", "p25", ApprovalRole::ChangeManager, "change manager always", Some(DecisionKind::Approved), ""),
    (
        "a502",
        "r5",
        "p05",
        ApprovalRole::BusinessOwner,
        "business owner of impacted service svc-reporting",
        Some(DecisionKind::Approved),
        "",
    ),
    ("a301", "r3", "p25", ApprovalRole::ChangeManager, "change manager always", None, ""),
    ("a302", "r3", "p03", ApprovalRole::Infrastructure, "owner of touched component network-core", None, ""),
    ("a601", "r6", "p25", ApprovalRole::ChangeManager, "change manager always", None, ""),
    ("a602", "r6", "p35", ApprovalRole::BusinessOwner, "business owner of impacted service svc-support", None, ""),
];

const STANCES: &[(&str, &str, StanceKind, &str)] = &[
    ("p33", "r1", StanceKind::Champion, "Needs biometric login for the marketing campaign."),
    ("p18", "r1", StanceKind::Sceptic, "Worried about identity changes this close to year end."),
    ("p37", "r1", StanceKind::Sceptic, "Wants a pen test first."),
    ("p25", "r1", StanceKind::Supporter, ""),
    ("p27", "r1", StanceKind::Neutral, ""),
    ("p34", "r2", StanceKind::Blocker, "Will not accept a payments change in December."),
    ("p05", "r2", StanceKind::Neutral, ""),
    ("p08", "r2", StanceKind::Champion, "Team is ready; delay costs a quarter."),
    ("p36", "r2", StanceKind::Sceptic, "Regulatory reporting must be proven first."),
    ("p22", "r3", StanceKind::Supporter, "Old switches are an outage risk."),
    ("p35", "r6", StanceKind::Supporter, ""),
];

const PROFILES: &[(&str, f64, Involvement)] = &[
    ("p01", 0.6, Involvement::Informed),
    ("p05", 0.7, Involvement::Consulted),
    ("p25", 0.9, Involvement::HandsOn),
    ("p27", 0.8, Involvement::HandsOn),
    ("p32", 0.8, Involvement::Consulted),
    ("p33", 0.95, Involvement::HandsOn),
    ("p34", 0.9, Involvement::HandsOn),
    ("p35", 0.6, Involvement::Informed),
    ("p36", 0.7, Involvement::Consulted),
    ("p37", 0.5, Involvement::Consulted),
    ("p18", 0.6, Involvement::Consulted),
    ("p22", 0.7, Involvement::Consulted),
    ("p38", 0.4, Involvement::Informed),
    ("p03", 0.5, Involvement::Informed),
    ("p09", 0.8, Involvement::HandsOn),
];

const ENGAGEMENTS: &[(&str, i64, &str, &str)] = &[
    ("p34", 14, "meeting", "Walked through the Payments Hub cut-over; she wants it after the freeze."),
    ("p34", 3, "email", "Sent the revised schedule with a January slot."),
    ("p33", 7, "call", "Confirmed marketing launch depends on biometric login."),
    ("p18", 5, "meeting", "Agreed to review the rollback plan on Thursday."),
    ("p05", 21, "email", "Asked for the cost breakdown of Payments Hub; no reply yet."),
    ("p27", 2, "chat", "Lucy will put Mobile Banking on next week's CAB agenda."),
    ("p37", 9, "meeting", "Pen test slot booked for next Monday."),
    ("p22", 12, "meeting", "Ops review: network refresh is their top risk."),
];

/// The demo workspace as of `today`.
pub fn demo_workspace(today: NaiveDate) -> WorkspaceData {
    let day = |offset: i64| today + Duration::days(offset);
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let teams = TEAMS.iter().map(|&(id, name, kind)| Team { id: id.into(), name: name.into(), kind }).collect();
    let people = PEOPLE
        .iter()
        .map(|&(id, name, title, team, manager)| Person {
            id: id.into(),
            name: name.into(),
            title: title.into(),
            team: opt(team),
            manager: opt(manager),
        })
        .collect();
    let claims = CLAIMS
        .iter()
        .enumerate()
        .map(|(i, &(from, to, strength, confidence, ago, half_life, source, note))| Claim {
            id: format!("cl{:04}", i + 1),
            from: from.into(),
            to: to.into(),
            strength,
            confidence,
            observed_on: day(-ago),
            half_life_days: f64::from(half_life),
            source: source.into(),
            note: note.into(),
            recorded_by: "p26".into(),
            retired: false,
        })
        .collect();
    let releases = RELEASES
        .iter()
        .map(|&(id, name, stage, start, length, risk)| Release {
            id: id.into(),
            name: name.into(),
            stage,
            window_start: Some(day(start)),
            window_end: Some(day(start + length - 1)),
            risk,
        })
        .collect();
    let mut requirements = Vec::new();
    let mut decisions = Vec::new();
    for &(id, release, approver, role, rule, decision, comment) in REQUIREMENTS {
        requirements.push(ApprovalRequirement {
            id: id.into(),
            release: release.into(),
            approver: approver.into(),
            role,
            rule: rule.into(),
        });
        if let Some(kind) = decision {
            decisions.push(Decision {
                id: format!("d{}", &id[1..]),
                requirement: id.into(),
                kind,
                decided_by: approver.into(),
                decided_at: format!("{}T10:00:00Z", day(-3 - decisions.len() as i64)),
                comment: comment.into(),
                stale: comment.starts_with("Stale"),
            });
        }
    }
    WorkspaceData {
        me: Some("p26".into()),
        formal_weight: DEFAULT_FORMAL_WEIGHT,
        teams,
        people,
        claims,
        stances: STANCES
            .iter()
            .map(|&(person, release, stance, note)| Stance {
                person: person.into(),
                release: release.into(),
                stance,
                noted_on: day(-7),
                note: note.into(),
            })
            .collect(),
        profiles: PROFILES
            .iter()
            .map(|&(person, interest, involvement)| StakeholderProfile { person: person.into(), interest, involvement })
            .collect(),
        engagements: ENGAGEMENTS
            .iter()
            .enumerate()
            .map(|(i, &(person, ago, channel, summary))| EngagementEntry {
                id: format!("e{:03}", i + 1),
                person: person.into(),
                date: day(-ago),
                channel: channel.into(),
                summary: summary.into(),
            })
            .collect(),
        components: COMPONENTS
            .iter()
            .map(|&(id, name, team)| Component { id: id.into(), name: name.into(), owner_team: opt(team) })
            .collect(),
        services: SERVICES
            .iter()
            .map(|&(id, name, owner, deps)| Service {
                id: id.into(),
                name: name.into(),
                business_owner: opt(owner),
                depends_on: deps.iter().map(|d| (*d).to_owned()).collect(),
            })
            .collect(),
        releases,
        changes: CHANGES
            .iter()
            .map(|&(id, title, release, components, days)| Change {
                id: id.into(),
                title: title.into(),
                release: opt(release),
                components: components.iter().map(|c| (*c).to_owned()).collect(),
                duration_days: days,
            })
            .collect(),
        dependencies: DEPENDENCIES
            .iter()
            .map(|&(before, after, lag)| Dependency { before: before.into(), after: after.into(), lag_days: lag })
            .collect(),
        periods: vec![
            period("w1", "Weekly deployment window", PeriodKind::Window, day(0), day(90), Scope::Global, None),
            period("f1", "Year-end freeze", PeriodKind::Freeze, day(21), day(38), Scope::Global, None),
            period(
                "f2",
                "Payments quarter-end freeze",
                PeriodKind::Freeze,
                day(85),
                day(92),
                Scope::Service,
                Some("svc-payments"),
            ),
        ],
        absences: vec![
            Absence {
                id: "ab1".into(),
                person: "p25".into(),
                starts_on: day(9),
                ends_on: day(13),
                note: "Annual leave".into(),
            },
            Absence {
                id: "ab2".into(),
                person: "p34".into(),
                starts_on: day(40),
                ends_on: day(44),
                note: "Conference".into(),
            },
        ],
        requirements,
        decisions,
    }
}

fn period(
    id: &str,
    name: &str,
    kind: PeriodKind,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    scope: Scope,
    scope_id: Option<&str>,
) -> Period {
    Period { id: id.into(), name: name.into(), kind, starts_on, ends_on, scope, scope_id: scope_id.map(str::to_owned) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::find_cycle;

    #[test]
    fn the_demo_is_valid_and_acyclic() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        let data = demo_workspace(today);
        assert_eq!(data.people.len(), 40);
        assert!(data.claims.len() >= 60);
        assert_eq!(data.releases.len(), 6);
        assert_eq!(data.changes.len(), 30);
        for p in &data.people {
            assert_eq!(p.validate(), Ok(()), "{}", p.id);
        }
        for c in &data.claims {
            assert_eq!(c.validate(), Ok(()), "{}", c.id);
        }
        for d in &data.decisions {
            assert_eq!(d.validate(), Ok(()), "{}", d.id);
        }
        let managers = data.people.iter().filter_map(|p| p.manager.as_deref().map(|m| (m, p.id.as_str())));
        assert_eq!(find_cycle(managers), None);
        let deps = data.dependencies.iter().map(|d| (d.before.as_str(), d.after.as_str()));
        assert_eq!(find_cycle(deps), None);
        let kinds: std::collections::HashSet<_> = data.decisions.iter().map(|d| d.kind).collect();
        assert_eq!(kinds.len(), DecisionKind::ALL.len(), "every decision kind appears");
    }
}
