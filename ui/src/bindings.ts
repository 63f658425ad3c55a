// Generated from the Rust types by crates/core/tests/bindings.rs. Do not edit:
// run `make bindings` instead.

/**
 * The codes the user interface and scripts switch on. Never rename one.
 */
export type ErrorCode = "invalid" | "cycle" | "not_found" | "conflict" | "import" | "too_new" | "no_workspace" | "locked" | "io" | "database" | "internal" | "forbidden";

/**
 * What the page acts on in an error, beyond its code and message, so that
 * it never has to read the message apart.
 */
export type ErrorDetail = { "kind": "cycle", 
/**
 * What kind of link closed it ("reporting line", "dependency").
 */
what: string, 
/**
 * The cycle's ids in order, the first repeated last.
 */
members: Array<string>, } | { "kind": "record", 
/**
 * Its kind, as messages name it ("person", "decision").
 */
entity: string, 
/**
 * Its id.
 */
id: string, };

/**
 * An error as the user interface receives it.
 */
export type ApiError = { 
/**
 * What kind of error: the UI switches on this, never on the message.
 */
code: ErrorCode, 
/**
 * What happened and what to do, in plain words.
 */
message: string, 
/**
 * The form field at fault, when there is one.
 */
field: string | null, 
/**
 * What the page acts on, for the errors that carry more than a field.
 */
detail?: ErrorDetail, };

/**
 * What the window shows about the open workspace.
 */
export type WorkspaceInfo = { 
/**
 * Full path of the file.
 */
path: string, 
/**
 * File name, for the title bar.
 */
name: string, 
/**
 * Whether the file is encrypted with a passphrase.
 */
encrypted: boolean, };

/**
 * Where a workspace stands with its team, for the badge.
 */
export type TeamLinkState = "local" | "online" | "offline" | "signed-out";

/**
 * The team link of the open workspace.
 */
export type TeamState = { 
/**
 * Where it stands.
 */
state: TeamLinkState, 
/**
 * The team database, without a password ("" when local).
 */
server: string, 
/**
 * The login.
 */
login: string, 
/**
 * The person the login is (an id), as the team said.
 */
person: string, 
/**
 * manager, approver or admin ("" when not a member).
 */
role: string, 
/**
 * Edits and decisions made here and not yet in the team.
 */
queued: number, 
/**
 * Records whose value here and the team's differ, waiting for a choice.
 */
conflicts: number, 
/**
 * When the last sync ended, RFC 3339.
 */
last_sync: string | null, 
/**
 * Why it is offline, or what the last sync refused.
 */
problem: string | null, 
/**
 * Counts the syncs that wrote others' changes here: the window
 * reloads when it moves.
 */
revision: number, 
/**
 * What others did lately, oldest first (the last 50).
 */
notes: Array<TeamNote>, 
/**
 * The desktop notifications sent this session, oldest first.
 */
notified: Array<string>, 
/**
 * Whether the team separates duties (nobody signs off a release they
 * requested or last rescoped), as last heard; None before a sync.
 */
separates_duties: boolean | null, };

/**
 * One thing another user did, as the window says it.
 */
export type TeamNote = { 
/**
 * Counts the notes of this session: the window shows the new ones.
 */
seq: number, 
/**
 * When they did it, RFC 3339.
 */
at: string, 
/**
 * Who, as a name where the team maps the login to a person.
 */
who: string, 
/**
 * What, in words ("approved Payments Hub 2.0").
 */
what: string, };

/**
 * One field of a conflict: this workspace's value and the team's.
 */
export type TeamConflictRow = { 
/**
 * The kind of record (release, change, person, …).
 */
kind: string, 
/**
 * Its id.
 */
id: string, 
/**
 * Its name, where it has one.
 */
name: string, 
/**
 * The field (`(record)` when one side deleted it).
 */
field: string, 
/**
 * This workspace's value, as JSON text.
 */
mine: string, 
/**
 * The team's, as JSON text.
 */
theirs: string, 
/**
 * The login that made the team's.
 */
theirs_by: string, 
/**
 * When, RFC 3339.
 */
theirs_at: string, };

/**
 * A sign-off waiting for the signed-in person's decision (or for someone's
 * who delegated to them today).
 */
export type WaitingRequest = { 
/**
 * The requirement.
 */
requirement: string, 
/**
 * The release.
 */
release: string, 
/**
 * Its name.
 */
release_name: string, 
/**
 * The day its window opens (`YYYY-MM-DD`), if planned.
 */
window_start: string | null, 
/**
 * Who is asked (a person id).
 */
approver: string, 
/**
 * Their name.
 */
approver_name: string, 
/**
 * Asked of someone who delegated to the signed-in person.
 */
delegated: boolean, 
/**
 * In what capacity.
 */
role: ApprovalRole, 
/**
 * Why: the rule that asks it.
 */
rule: string, 
/**
 * Nobody has decided and the window opens within days, or has opened.
 */
overdue: boolean, 
/**
 * Decided before, and the release changed since.
 */
stale: boolean, 
/**
 * What changed since the last decision (when stale).
 */
changed: string, 
/**
 * The last decision, if any (approved, rejected, …).
 */
last_decision: string | null, };

/**
 * Someone deciding for an approver over a date range, as the window lists it.
 */
export type DelegationRow = { 
/**
 * The approver away (a person id).
 */
delegator: string, 
/**
 * Their name.
 */
delegator_name: string, 
/**
 * Who decides meanwhile (a person id).
 */
delegate: string, 
/**
 * Their name.
 */
delegate_name: string, 
/**
 * The first day, `YYYY-MM-DD`.
 */
from: string, 
/**
 * The last day, `YYYY-MM-DD`.
 */
until: string, };

/**
 * One electronic sign-off of a packet checked against the team database.
 */
export type VerifiedSignOff = { 
/**
 * The decision fingerprint printed (`3f9a-01c2-7be4`).
 */
fingerprint: string, 
/**
 * Whether it stands: a decision of the team, on the release as it is.
 */
stands: boolean, 
/**
 * What the team says of it, in words.
 */
said: string, };

/**
 * Where one person sits on the map, in the map's own units.
 */
export type Position = { 
/**
 * The person.
 */
person: string, 
/**
 * Horizontal position.
 */
x: number, 
/**
 * Vertical position.
 */
y: number, };

/**
 * What a team does; drives default approval roles and the team colours.
 */
export type TeamKind = "development" | "qa" | "infrastructure" | "operations" | "business_relationship" | "change" | "finance" | "business" | "other";

/**
 * A team; every person belongs to at most one.
 */
export type Team = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Display name.
 */
name: string, 
/**
 * What the team does.
 */
kind: TeamKind, };

/**
 * A person in the organisation. `manager` is their reporting line: the
 * reporting lines form a forest, which the store checks on every write.
 */
export type Person = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Full name, in any script.
 */
name: string, 
/**
 * Job title.
 */
title: string, 
/**
 * Their team's id.
 */
team: string | null, 
/**
 * Who they report to.
 */
manager: string | null, };

/**
 * One piece of evidence that `from` sways `to`. Several claims about the same
 * pair may disagree; all are kept. Strength 0 means "known: no influence",
 * which differs from having no claim at all ("unknown").
 */
export type Claim = { 
/**
 * Stable id, given by the store.
 */
id: string, 
/**
 * Who sways.
 */
from: string, 
/**
 * Who is swayed.
 */
to: string, 
/**
 * How strongly, 0..1.
 */
strength: number, 
/**
 * How sure we are, 0..1.
 */
confidence: number, 
/**
 * When it was seen or heard.
 */
observed_on: string, 
/**
 * Days after which the claim counts half as much.
 */
half_life_days: number, 
/**
 * Who told us, or what we saw.
 */
source: string, 
/**
 * Free note.
 */
note: string, 
/**
 * Who recorded it in this workspace.
 */
recorded_by: string, 
/**
 * Retired claims stay in the history but leave the analytics.
 */
retired: boolean, };

/**
 * A person's attitude to a release.
 */
export type StanceKind = "champion" | "supporter" | "neutral" | "sceptic" | "blocker" | "unknown";

/**
 * What one person thinks of one release, as of a date.
 */
export type Stance = { 
/**
 * Whose stance.
 */
person: string, 
/**
 * On which release.
 */
release: string, 
/**
 * The attitude.
 */
stance: StanceKind, 
/**
 * When it was last seen.
 */
noted_on: string, 
/**
 * Free note.
 */
note: string, };

/**
 * How involved a stakeholder wants to be.
 */
export type Involvement = "hands_off" | "informed" | "consulted" | "hands_on";

/**
 * A person seen as a stakeholder.
 */
export type StakeholderProfile = { 
/**
 * Whose profile.
 */
person: string, 
/**
 * How much the releases matter to them, 0..1.
 */
interest: number, 
/**
 * How involved they want to be.
 */
involvement: Involvement, };

/**
 * One contact with a stakeholder.
 */
export type EngagementEntry = { 
/**
 * Stable id.
 */
id: string, 
/**
 * With whom.
 */
person: string, 
/**
 * When.
 */
date: string, 
/**
 * How: meeting, email, chat, call.
 */
channel: string, 
/**
 * What was said or agreed.
 */
summary: string, };

/**
 * A deployable part, owned by a team.
 */
export type Component = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Display name.
 */
name: string, 
/**
 * The owning team's id.
 */
owner_team: string | null, 
/**
 * The person who answers for it (signs off releases touching it);
 * `None`: the head of the owning team.
 */
owner: string | null, };

/**
 * A business service; it depends on components and other services.
 */
export type Service = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Display name.
 */
name: string, 
/**
 * The person who answers for it to the business.
 */
business_owner: string | null, 
/**
 * Ids of the components and services it depends on.
 */
depends_on: Array<string>, };

/**
 * Where a release is in its life.
 */
export type Stage = "plan" | "build" | "test" | "scheduled" | "deployed" | "reviewed" | "cancelled";

/**
 * How much could go wrong.
 */
export type RiskLevel = "low" | "medium" | "high";

/**
 * A named set of changes deployed together.
 */
export type Release = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Display name, with its version.
 */
name: string, 
/**
 * Lifecycle stage.
 */
stage: Stage, 
/**
 * Planned window start.
 */
window_start: string | null, 
/**
 * Planned window end.
 */
window_end: string | null, 
/**
 * Risk level.
 */
risk: RiskLevel, 
/**
 * Estimated cost, for the finance sign-off threshold; `None` if unknown.
 */
cost: number | null, };

/**
 * A unit of work in a release.
 */
export type Change = { 
/**
 * Stable id.
 */
id: string, 
/**
 * What it does.
 */
title: string, 
/**
 * The release it ships in.
 */
release: string | null, 
/**
 * The components it touches.
 */
components: Array<string>, 
/**
 * How many days it takes.
 */
duration_days: number, 
/**
 * Work may not start before this day (set by dragging it on the
 * timeline); `None` when only its prerequisites hold it back.
 */
not_before: string | null, 
/**
 * The change's own risk, as the change request rates it (a ServiceNow
 * change request's Risk); `None` when only its release is rated.
 */
risk: RiskLevel | null, };

/**
 * Finish-to-start: `after` may start `lag_days` after `before` finishes.
 * Ids name changes or releases; the dependency graph must stay acyclic.
 */
export type Dependency = { 
/**
 * What must finish first.
 */
before: string, 
/**
 * What waits for it.
 */
after: string, 
/**
 * Days to wait after `before` finishes.
 */
lag_days: number, };

/**
 * Whether a period allows or forbids deployments.
 */
export type PeriodKind = "window" | "freeze";

/**
 * What a period applies to.
 */
export type Scope = "global" | "component" | "service";

/**
 * A deployment window or a freeze, global or for one component or service.
 */
export type Period = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Display name.
 */
name: string, 
/**
 * Window or freeze.
 */
kind: PeriodKind, 
/**
 * First day.
 */
starts_on: string, 
/**
 * Last day.
 */
ends_on: string, 
/**
 * What it applies to.
 */
scope: Scope, 
/**
 * The component or service, unless global.
 */
scope_id: string | null, };

/**
 * A person away: they cannot approve or deploy then.
 */
export type Absence = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Who.
 */
person: string, 
/**
 * First day away.
 */
starts_on: string, 
/**
 * Last day away.
 */
ends_on: string, 
/**
 * Free note.
 */
note: string, };

/**
 * The capacity in which someone approves.
 */
export type ApprovalRole = "cab" | "change_manager" | "business_owner" | "component_owner" | "qa" | "infrastructure" | "finance" | "custom";

/**
 * One person's sign-off needed for one release, and the rule that asked for it.
 */
export type ApprovalRequirement = { 
/**
 * Stable id.
 */
id: string, 
/**
 * The release.
 */
release: string, 
/**
 * Who must approve.
 */
approver: string, 
/**
 * In what capacity.
 */
role: ApprovalRole, 
/**
 * The rule or reason that created it.
 */
rule: string, 
/**
 * Created by a rule (kept in step with the release), not by hand.
 */
derived: boolean, 
/**
 * Still needed; a requirement the release no longer needs stays, not
 * active, so the decisions on it keep their history.
 */
active: boolean, };

/**
 * What an approver decided.
 */
export type DecisionKind = "approved" | "rejected" | "abstained" | "changes_requested";

/**
 * A decision on a requirement. Decisions are never edited: a new decision
 * supersedes the old one and both stay in the history.
 */
export type Decision = { 
/**
 * Stable id.
 */
id: string, 
/**
 * The requirement decided.
 */
requirement: string, 
/**
 * What was decided.
 */
kind: DecisionKind, 
/**
 * Who decided (normally the approver).
 */
decided_by: string, 
/**
 * When, as an RFC 3339 timestamp.
 */
decided_at: string, 
/**
 * Their comment.
 */
comment: string, 
/**
 * Set when the release changed after this decision.
 */
stale: boolean, 
/**
 * What changed, when stale.
 */
stale_reason: string, 
/**
 * Who recorded it, when not the approver: their delegate, or a
 * manager recording a decision given on paper or by mail.
 */
recorded_by: string, 
/**
 * Where a decision given outside the app is written (a mail, minutes);
 * empty when given in the app.
 */
source: string, 
/**
 * The team login it was given under (empty in a local workspace).
 */
login: string, };

/**
 * Who a sign-off packet is for.
 */
export type Audience = "signoff" | "brief";

/**
 * A rule of the workspace's own: when a release meets the condition, the
 * approver must sign off in the given role.
 */
export type ApprovalRule = { 
/**
 * Stable id.
 */
id: string, 
/**
 * When it applies (see `RuleCondition::parse`).
 */
condition: string, 
/**
 * In what capacity.
 */
role: ApprovalRole, 
/**
 * Who must approve.
 */
approver: string, 
/**
 * Why the rule exists, shown with every requirement it creates.
 */
note: string, };

/**
 * A whole workspace in memory.
 */
export type WorkspaceData = { 
/**
 * The person using Greychart ("me"), if set.
 */
me: string | null, 
/**
 * How strongly a manager sways a direct report, 0..1.
 */
formal_weight: number, 
/**
 * Teams.
 */
teams: Array<Team>, 
/**
 * People, with their reporting lines.
 */
people: Array<Person>, 
/**
 * Grey-chart evidence (private).
 */
claims: Array<Claim>, 
/**
 * Attitudes to releases (private).
 */
stances: Array<Stance>, 
/**
 * Stakeholder profiles (private).
 */
profiles: Array<StakeholderProfile>, 
/**
 * Engagement log (private).
 */
engagements: Array<EngagementEntry>, 
/**
 * Components.
 */
components: Array<Component>, 
/**
 * Services.
 */
services: Array<Service>, 
/**
 * Releases.
 */
releases: Array<Release>, 
/**
 * Changes.
 */
changes: Array<Change>, 
/**
 * Dependencies between changes and releases.
 */
dependencies: Array<Dependency>, 
/**
 * Deployment windows and freezes.
 */
periods: Array<Period>, 
/**
 * Absences.
 */
absences: Array<Absence>, 
/**
 * Approval requirements.
 */
requirements: Array<ApprovalRequirement>, 
/**
 * Decisions, oldest first.
 */
decisions: Array<Decision>, 
/**
 * The workspace's own approval rules.
 */
approval_rules: Array<ApprovalRule>, 
/**
 * Who manages change (person id); unset: the head of the change team.
 */
change_manager: string | null, 
/**
 * Who chairs the CAB; unset: the change manager.
 */
cab_chair: string | null, 
/**
 * Who approves spending; unset: the head of the finance team.
 */
finance_approver: string | null, 
/**
 * Estimated cost above which finance approves; unset: 100,000.
 */
finance_threshold: number | null, };

/**
 * One person's standing.
 */
export type InfluenceRow = { 
/**
 * Person id.
 */
id: string, 
/**
 * Person name.
 */
name: string, 
/**
 * Share of influence with the grey chart (PageRank; all sum to 1).
 */
rank: number, 
/**
 * Share of influence from the formal chart alone.
 */
formal_rank: number, 
/**
 * Percentile of the influence rank among everyone, 0..100 (the "power"
 * of the stakeholder grid).
 */
rank_percentile: number, 
/**
 * Percentile of rank minus percentile of formal rank, in points:
 * large and positive means hidden power.
 */
power_gap: number, 
/**
 * How often this person lies on the strongest paths between others, 0..1.
 */
broker: number, };

/**
 * Everyone's ranks and power gaps in columns, most influential first (ties
 * in people order): what the window lists. A chart of 100,000 people
 * crosses to the page in half the bytes of its rows, without each row's
 * keys, name and unset broker score; the window has the names already and
 * asks for broker scores apart.
 */
export type RankColumns = { 
/**
 * Person ids, most influential first.
 */
ids: Array<string>, 
/**
 * Their `InfluenceRow::rank`, in the same order.
 */
rank: Array<number>, 
/**
 * Their `InfluenceRow::formal_rank`.
 */
formal_rank: Array<number>, 
/**
 * Their `InfluenceRow::rank_percentile`.
 */
rank_percentile: Array<number>, 
/**
 * Their `InfluenceRow::power_gap`.
 */
power_gap: Array<number>, };

/**
 * A path of influence and its strength (the product of its sway weights).
 */
export type InfluencePath = { 
/**
 * From whom.
 */
from: string, 
/**
 * To whom.
 */
to: string, 
/**
 * The people along the way, both ends included; empty when unreachable.
 */
path: Array<string>, 
/**
 * Product of the sway weights along the path; 0 when unreachable.
 */
strength: number, };

/**
 * One drawn link from `from` to `to`.
 */
export type SwayEdge = { 
/**
 * Who sways.
 */
from: string, 
/**
 * Who is swayed.
 */
to: string, 
/**
 * Combined sway weight W, 0..1 (0 for "known: no influence").
 */
weight: number, 
/**
 * The grey part alone.
 */
grey: number, 
/**
 * `from` is `to`'s manager.
 */
formal: boolean, 
/**
 * Active claims about the pair.
 */
claims: number, 
/**
 * Every active claim is older than its half-life.
 */
stale: boolean, 
/**
 * Claims exist and all say strength 0: known, no influence.
 */
known_none: boolean, };

/**
 * A claim whose weight changed between the two dates.
 */
export type ClaimShift = { 
/**
 * The claim.
 */
claim: string, 
/**
 * Where its evidence came from.
 */
source: string, 
/**
 * Credibility on the first date (0 if not yet observed).
 */
before: number, 
/**
 * Credibility on the second date.
 */
after: number, };

/**
 * One person's change in influence.
 */
export type RankShift = { 
/**
 * Person id.
 */
id: string, 
/**
 * Influence rank on the first date.
 */
before: number, 
/**
 * Influence rank on the second date.
 */
after: number, 
/**
 * The claims about or by this person that changed most, largest first.
 */
causes: Array<ClaimShift>, };

/**
 * The evidence summary as the window shows it: the stale claims counted,
 * where the CLI lists their ids (at 100k people 7 MB of them).
 */
export type EvidenceGlance = { 
/**
 * People nobody is known to sway.
 */
unswayed: Array<string>, 
/**
 * Active claims older than their half-life.
 */
stale_claims: number, 
/**
 * Active claims observed by the date.
 */
active_claims: number, 
/**
 * The start of the period the movers are measured over.
 */
movers_since: string, 
/**
 * The largest changes in influence rank over that period, with causes.
 */
movers: Array<RankShift>, };

/**
 * Claims in the order they were recorded, a page at a time: the window
 * never holds them all (800,000 at 100k people).
 */
export type ClaimPage = { 
/**
 * Claims in all (about the person, when one was asked for).
 */
total: number, 
/**
 * Where this page starts.
 */
offset: number, 
/**
 * The claims of this page.
 */
claims: Array<Claim>, };

/**
 * Where a claim stands on the analysis date.
 */
export type ClaimStanding = "active" | "stale" | "retired" | "later";

/**
 * A claim as the claims table shows it on a date: the claim, its
 * credibility then (`None` when observed later) and where it stands.
 */
export type ClaimRow = { 
/**
 * The claim.
 */
claim: Claim, 
/**
 * confidence × 2^(−age/half-life) on the date; `None` if observed later.
 */
credibility: number | null, 
/**
 * Where it stands on the date.
 */
standing: ClaimStanding, };

/**
 * A page of claims as they stand on a date, for the claims table.
 */
export type ClaimRows = { 
/**
 * Claims in all.
 */
total: number, 
/**
 * Where this page starts.
 */
offset: number, 
/**
 * The claims of this page, in the order recorded.
 */
rows: Array<ClaimRow>, };

/**
 * Someone who sways a person, and how strongly.
 */
export type Swayer = { 
/**
 * Who sways.
 */
person: string, 
/**
 * Their combined sway weight W on the person, 0..1.
 */
weight: number, 
/**
 * They are the person's manager.
 */
formal: boolean, };

/**
 * What a person's side panel shows of the grey chart: every claim from or
 * to them, and their drawn links (formal and grey, in and out).
 */
export type PersonEvidence = { 
/**
 * Claims from or to the person, retired ones included.
 */
claims: Array<Claim>, 
/**
 * Links from or to the person as of the date asked.
 */
edges: Array<SwayEdge>, 
/**
 * Who sways them most, strongest first (at most five).
 */
swayed_by: Array<Swayer>, 
/**
 * Their claims by link, strongest link first: what the panel lists.
 */
links: Array<LinkEvidence>, };

/**
 * The evidence about one ordered link, so that claims that disagree about
 * it are read side by side.
 */
export type LinkEvidence = { 
/**
 * Who sways.
 */
from: string, 
/**
 * Whom.
 */
to: string, 
/**
 * The link's combined sway weight as of the date asked (0 when the
 * claims no longer count).
 */
weight: number, 
/**
 * Claims still counted differ in strength by [`DISAGREEMENT`] or more.
 */
disagree: boolean, 
/**
 * The claims about it, newest observation first.
 */
claims: Array<Claim>, };

/**
 * The people whose links the map wants: those within `steps` links of
 * `person`, either way.
 */
export type Focus = { 
/**
 * The person in the middle.
 */
person: string, 
/**
 * How many links out (0–3 in the window).
 */
steps: number, };

/**
 * One person's broker score.
 */
export type BrokerScore = { 
/**
 * Person id.
 */
id: string, 
/**
 * The score, 0..1.
 */
broker: number, };

/**
 * Broker scores of everyone, and how they were computed.
 */
export type BrokerScores = { 
/**
 * Per person, in the order of the workspace's people.
 */
scores: Array<BrokerScore>, 
/**
 * False when estimated from sampled sources.
 */
exact: boolean, 
/**
 * Source people the scores were computed from.
 */
sources: number, };

/**
 * What kind of problem a conflict is.
 */
export type ConflictKind = "freeze" | "late" | "no_window" | "order" | "component_clash" | "approver_absent" | "interleaved" | "cancelled_prerequisite";

/**
 * One problem in the plan.
 */
export type Conflict = { 
/**
 * What kind of problem.
 */
kind: ConflictKind, 
/**
 * The ids involved: releases, changes, components, people, periods.
 */
items: Array<string>, 
/**
 * What is wrong, in plain words.
 */
message: string, };

/**
 * What a slot of the schedule holds.
 */
export type SlotKind = "change" | "release";

/**
 * When one change or release happens in the earliest feasible schedule.
 */
export type Slot = { 
/**
 * The change's or release's id.
 */
id: string, 
/**
 * A change or a release.
 */
kind: SlotKind, 
/**
 * The release a change belongs to.
 */
release: string | null, 
/**
 * First day of work (a release: its first change's).
 */
starts_on: string, 
/**
 * The day the work is done (a release: its last change's).
 */
ready_on: string, 
/**
 * The day it deploys; `None` when no window is left for it.
 */
deploys_on: string | null, 
/**
 * On the critical path.
 */
critical: boolean, };

/**
 * The plan at a glance: `greychart plan --json` and the Release plan view.
 */
export type PlanReport = { 
/**
 * Every change, each after its prerequisites.
 */
order: Array<string>, 
/**
 * The changes that set the plan's length, first to last.
 */
critical_path: Array<string>, 
/**
 * The plan's minimum duration in days.
 */
critical_path_days: number, 
/**
 * What collides.
 */
conflicts: Array<Conflict>, 
/**
 * The first day of the schedule.
 */
starts_on: string, 
/**
 * Each change and release in the earliest feasible schedule.
 */
schedule: Array<Slot>, };

/**
 * What is hit if an item goes wrong.
 */
export type Impact = { 
/**
 * The change, release, component or service asked about.
 */
item: string, 
/**
 * Changes and releases that depend on it, transitively, in plan order.
 */
downstream: Array<string>, 
/**
 * Services that depend on the components it touches, sorted.
 */
services: Array<string>, 
/**
 * Teams that own those components, or whose people own those services.
 */
teams: Array<string>, 
/**
 * The business owners of those services.
 */
people: Array<string>, };

/**
 * The files the schedule is exported as.
 */
export type ScheduleFormat = "ics" | "csv";

/**
 * The exports that are one document of the whole workspace, as the
 * command line and the window offer them.
 */
export type ExportDocument = "json" | "graphml" | "gexf" | "dot";

/**
 * Where a requirement stands: its latest decision, or pending.
 */
export type ApprovalStatus = "pending" | "approved" | "rejected" | "abstained" | "changes_requested";

/**
 * One requirement and where it stands: `greychart approvals --json`.
 */
export type ApprovalRow = { 
/**
 * The requirement's id.
 */
id: string, 
/**
 * The release.
 */
release: string, 
/**
 * Who must approve.
 */
approver: string, 
/**
 * In what capacity.
 */
role: ApprovalRole, 
/**
 * The rule or reason that created it.
 */
rule: string, 
/**
 * Created by a rule, not by hand.
 */
derived: boolean, 
/**
 * Its latest decision, or pending.
 */
status: ApprovalStatus, 
/**
 * When the latest decision was made.
 */
decided_at: string | null, 
/**
 * The latest decision's comment.
 */
comment: string, 
/**
 * The release changed after the approval.
 */
stale: boolean, 
/**
 * What changed.
 */
stale_reason: string, 
/**
 * Nobody has decided yet and the window opens within `OVERDUE_DAYS`
 * days, or has opened (see [`overdue`]).
 */
overdue: boolean, 
/**
 * Signed off: approved, and the release has not changed since (see [`signed`]).
 */
signed: boolean, };

/**
 * Who fills the standing approval roles (workspace settings).
 */
export type ApprovalSettings = { 
/**
 * The change manager, by person id.
 */
change_manager: string | null, 
/**
 * Who chairs the CAB.
 */
cab_chair: string | null, 
/**
 * Who approves spending.
 */
finance_approver: string | null, 
/**
 * Cost above which finance approves; `None` for the default.
 */
finance_threshold: number | null, };

/**
 * Someone who sways an approver.
 */
export type Influencer = { 
/**
 * Who.
 */
person: string, 
/**
 * Their sway weight on the approver, 0..1.
 */
weight: number, 
/**
 * Their stance on the release, if known.
 */
stance: StanceKind | null, };

/**
 * What it takes to get one approver to yes.
 */
export type PathToYes = { 
/**
 * The requirement, with its status.
 */
approval: ApprovalRow, 
/**
 * The approver's stance on the release, if known.
 */
stance: StanceKind | null, 
/**
 * Who sways them most, strongest first.
 */
influencers: Array<Influencer>, 
/**
 * The strongest path of influence from "me" (empty when no path or no "me").
 */
path: InfluencePath, 
/**
 * What stands in the way, in plain words.
 */
warnings: Array<string>, };

/**
 * How far the background analysis (broker scores) has got.
 */
export type AnalysisProgress = { 
/**
 * Steps done (source people searched from).
 */
done: number, 
/**
 * Steps in all; 0 before the first run.
 */
total: number, 
/**
 * Whether it is still running.
 */
running: boolean, };

/**
 * One faction and who is in it.
 */
export type Faction = { 
/**
 * 0 is the largest faction.
 */
number: number, 
/**
 * Person ids, in workspace order.
 */
members: Array<string>, };

/**
 * One committed edit in the workspace's history, for the History panel.
 */
export type HistoryEntry = { 
/**
 * Order of the edit (larger is later).
 */
id: number, 
/**
 * When it was committed (UTC, RFC 3339).
 */
at: string, 
/**
 * Who made it.
 */
actor: string, 
/**
 * What it did, in plain words.
 */
summary: string, 
/**
 * `done`, or `undone` (it can be redone).
 */
state: string, 
/**
 * Whether it can be undone: bulk imports cannot.
 */
undoable: boolean, };

/**
 * What a file holds, as the user says when importing it.
 */
export type ImportKind = "people" | "claims" | "teams" | "components" | "services" | "releases" | "changes" | "dependencies" | "periods" | "absences" | "approval_rules" | "stances" | "profiles" | "contacts";

/**
 * One field of a kind of record, as the mapping offers it.
 */
export type ImportField = { 
/**
 * The field's name (the column of the import format).
 */
name: string, 
/**
 * What goes in it, in words.
 */
hint: string, 
/**
 * Whether a file must have a column for it.
 */
required: boolean, 
/**
 * Whether several columns of the same header are joined into it
 * (the ids of a list, as Jira repeats Component/s).
 */
list: boolean, };

/**
 * A known export read as changes.
 */
export type Preset = "jira" | "servicenow";

/**
 * Which column holds a field; `None`: not in the file.
 */
export type FieldColumn = { 
/**
 * The field.
 */
field: string, 
/**
 * The file's column, or `None`.
 */
column: string | null, };

/**
 * What the user chose in the Import dialog.
 */
export type ImportRequest = { 
/**
 * The file.
 */
path: string, 
/**
 * The sheet of a spreadsheet (`None`: the first).
 */
sheet: string | null, 
/**
 * What the file holds.
 */
kind: ImportKind, 
/**
 * A known export (the kind is then changes).
 */
preset: Preset | null, 
/**
 * The mapping as set; `None`: propose one.
 */
mapping: Array<FieldColumn> | null, };

/**
 * One row of a preview: its cells by field, and what is wrong with it.
 */
export type PreviewRow = { 
/**
 * Line (or row) in the file.
 */
line: number, 
/**
 * The row's value for each field, in the fields' order.
 */
cells: Array<string>, 
/**
 * What is wrong with this row on its own, if anything.
 */
problem: string | null, };

/**
 * The dialog's view of a file: what it has, the mapping, the first rows.
 */
export type ImportPreview = { 
/**
 * The file's sheets (none for CSV).
 */
sheets: Array<string>, 
/**
 * The file's column headers.
 */
headers: Array<string>, 
/**
 * The export the headers look like, if any.
 */
detected: Preset | null, 
/**
 * The kind's fields.
 */
fields: Array<ImportField>, 
/**
 * Which column holds each field.
 */
mapping: Array<FieldColumn>, 
/**
 * How many rows the file holds.
 */
total: number, 
/**
 * The first rows, as the fields read them.
 */
rows: Array<PreviewRow>, 
/**
 * The first problem in the whole file, or in the workspace's checks;
 * `None` when every row imports.
 */
problem: string | null, 
/**
 * What the import will also do or leave out, in words.
 */
notes: Array<string>, };

/**
 * What an import did, for the window.
 */
export type ImportDone = { 
/**
 * Rows imported.
 */
rows: number, 
/**
 * What the import created besides, in words ("team Payments").
 */
created: Array<string>, 
/**
 * What the file held but the import left out, in words.
 */
left_out: Array<string>, };

/**
 * How far an import in the window has got.
 */
export type ImportProgress = { 
/**
 * What it is doing: reading, checking, writing, or done.
 */
phase: string, 
/**
 * Rows written so far.
 */
done: number, 
/**
 * Rows to write.
 */
total: number, 
/**
 * Whether it is still running.
 */
running: boolean, };
