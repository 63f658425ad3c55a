// Generated from the #[tauri::command] functions in src-tauri/src/commands/ by
// src-tauri/build.rs. Do not edit: run `make bindings` instead.
//
// The page calls Rust only through `api`. A failed call rejects with an ApiError.

import { call } from "./ipc";
import type { Absence, AnalysisProgress, ApprovalRequirement, ApprovalRole, ApprovalRow, ApprovalRule, ApprovalSettings, Audience, BrokerScores, Change, Claim, ClaimRows, Component, Decision, DecisionKind, DelegationRow, Dependency, EngagementEntry, EvidenceGlance, ExportDocument, Faction, Focus, HistoryEntry, Impact, ImportDone, ImportPreview, ImportProgress, ImportRequest, InfluencePath, PathToYes, Period, Person, PersonEvidence, PlanReport, Position, RankColumns, Release, ScheduleFormat, Service, StakeholderProfile, Stance, SwayEdge, Team, TeamConflictRow, TeamState, VerifiedSignOff, WaitingRequest, WorkspaceData, WorkspaceInfo } from "./bindings";

/** Every command of the desktop app, one typed wrapper each. */
export const api = {
  /** Every active requirement with where it stands and whether it is overdue today (the user's own calendar date): what the Approvals and Packets views show. */
  approvalRows: (): Promise<ApprovalRow[]> => call("approval_rows"),
  /** The path to yes for the approvers of a release, as of today. */
  pathToYes: (release: string): Promise<PathToYes[]> => call("path_to_yes", { release }),
  /** Records a decision now, by the requirement's approver; the history keeps every earlier one. In a team workspace it goes through the team: as the signed-in user's own, under a delegation, or on the approver's behalf with `source` (where a decision given on paper or by mail is written). */
  recordDecision: (requirement: string, kind: DecisionKind, comment: string, source: string | null): Promise<Decision> => call("record_decision", { requirement, kind, comment, source }),
  /** Adds an approval requirement by hand, with the reason. */
  addRequirement: (release: string, approver: string, role: ApprovalRole, reason: string): Promise<ApprovalRequirement> => call("add_requirement", { release, approver, role, reason }),
  /** Removes an approval requirement, with the reason (a derived one stays waived). */
  removeRequirement: (id: string, reason: string): Promise<null> => call("remove_requirement", { id, reason }),
  /** Moves a release to "scheduled": refused while approvals are missing, unless an override reason is given (it is logged). */
  scheduleRelease: (release: string, overrideReason: string | null): Promise<Release> => call("schedule_release", { release, overrideReason }),
  /** Saves the open workspace as `format` (JSON, GraphML, GEXF or DOT), grey-chart data included only with `include_private`; the path saved, or `None` when the dialog was cancelled. */
  exportWorkspace: (format: ExportDocument, includePrivate: boolean): Promise<string | null> => call("export_workspace", { format, includePrivate }),
  /** Up to `limit` claims from `offset` in the order recorded, each with its credibility and standing as of the date; with `person`, only those from or to them. */
  claimsPage: (person: string | null, offset: number, limit: number, asOf: string | null): Promise<ClaimRows> => call("claims_page", { person, offset, limit, asOf }),
  /** A person's claims and links, for their side panel. */
  personEvidence: (id: string, asOf: string | null): Promise<PersonEvidence> => call("person_evidence", { id, asOf }),
  /** Ranks and power gaps in columns, most influential first (ties in people order), as the window lists them; broker scores come from `broker_scores`. */
  influence: (asOf: string | null): Promise<RankColumns> => call("influence", { asOf }),
  /** Broker scores, computed on a worker thread after the session lock is released; `None` when cancelled or overtaken by a newer run. */
  brokerScores: (asOf: string | null): Promise<BrokerScores | null> => call("broker_scores", { asOf }),
  analysisProgress: (): Promise<AnalysisProgress> => call("analysis_progress"),
  cancelAnalysis: (): Promise<null> => call("cancel_analysis"),
  swayEdges: (asOf: string | null, focus: Focus | null): Promise<SwayEdge[]> => call("sway_edges", { asOf, focus }),
  factions: (asOf: string | null): Promise<Faction[]> => call("factions", { asOf }),
  /** The gaps in the evidence as of a date, and who moved most over the `days` before it (90 unless given). */
  evidenceSummary: (asOf: string | null, days: number | null): Promise<EvidenceGlance> => call("evidence_summary", { asOf, days }),
  strongestPath: (from: string, to: string, asOf: string | null): Promise<InfluencePath> => call("strongest_path", { from, to, asOf }),
  savePerson: (person: Person): Promise<Person> => call("save_person", { person }),
  deletePerson: (id: string): Promise<null> => call("delete_person", { id }),
  saveClaim: (claim: Claim): Promise<Claim> => call("save_claim", { claim }),
  addEngagement: (entry: EngagementEntry): Promise<EngagementEntry> => call("add_engagement", { entry }),
  mapPositions: (): Promise<Position[]> => call("map_positions"),
  saveMapPositions: (positions: Position[]): Promise<null> => call("save_map_positions", { positions }),
  clearMapPositions: (): Promise<number> => call("clear_map_positions"),
  deleteClaim: (id: string): Promise<null> => call("delete_claim", { id }),
  /** Sets who "me" is in the workspace (or nobody): the strongest paths start from them. */
  setMe: (person: string | null): Promise<null> => call("set_me", { person }),
  /** The recent edits, newest first, undone ones included. */
  history: (): Promise<HistoryEntry[]> => call("history"),
  /** Undoes the newest edit; answers what it was. */
  undo: (): Promise<string> => call("undo"),
  /** Redoes the edit undone last; answers what it was. */
  redo: (): Promise<string> => call("redo"),
  /** Steps back to just before a done edit, or forward to just after an undone one; answers what was undone or redone. */
  stepTo: (id: number): Promise<string[]> => call("step_to", { id }),
  /** The file dialog for a spreadsheet or a CSV file; `None` when cancelled. */
  pickImportFile: (): Promise<string | null> => call("pick_import_file"),
  /** The file as the request reads it: sheets, columns, mapping, first rows and their problems; nothing is written. */
  importPreview: (request: ImportRequest): Promise<ImportPreview> => call("import_preview", { request }),
  /** Imports the file of `request`, all or nothing, on a worker thread. */
  importFile: (request: ImportRequest): Promise<ImportDone> => call("import_file", { request }),
  importProgress: (): Promise<ImportProgress> => call("import_progress"),
  /** Stops the running import; nothing of it is written. */
  cancelImport: (): Promise<null> => call("cancel_import"),
  /** The pages of `release`'s packet for `audience` as SVG images, typeset exactly as the PDF is. */
  packetPreview: (release: string, audience: Audience): Promise<string[]> => call("packet_preview", { release, audience }),
  /** Saves the packet as a PDF where the user picks (proposed: beside the workspace); `None` when the dialog was cancelled. */
  savePacket: (release: string, audience: Audience): Promise<string | null> => call("save_packet", { release, audience }),
  /** Writes the packet into Greychart's own cache folder (private to the user) and opens it in the system's PDF viewer to print; the path written. */
  printPacket: (release: string, audience: Audience): Promise<string> => call("print_packet", { release, audience }),
  /** Logs an unexpected error of the page, with where it happened. */
  reportPageError: (message: string, place: string | null): Promise<null> => call("report_page_error", { message, place }),
  /** Order, critical path, schedule from `from` (default today) and conflicts. */
  plan: (from: string | null): Promise<PlanReport> => call("plan", { from }),
  /** What is hit if `item` goes wrong. */
  impact: (item: string): Promise<Impact> => call("impact", { item }),
  /** Saves a release (for example its window, moved on the timeline). */
  saveRelease: (release: Release): Promise<Release> => call("save_release", { release }),
  /** Saves a change (for example held back to a day on the timeline). */
  saveChange: (change: Change): Promise<Change> => call("save_change", { change }),
  /** Records a dependency; one that would close a cycle is refused naming it. */
  saveDependency: (dependency: Dependency): Promise<Dependency> => call("save_dependency", { dependency }),
  /** Removes the dependency `before` → `after`. */
  deleteDependency: (before: string, after: string): Promise<null> => call("delete_dependency", { before, after }),
  /** Saves the schedule from today as iCalendar (for calendar apps) or CSV, where the user picks; `None` when the dialog was cancelled. */
  exportSchedule: (format: ScheduleFormat): Promise<string | null> => call("export_schedule", { format }),
  /** Saves a team (new or edited). */
  saveTeam: (team: Team): Promise<Team> => call("save_team", { team }),
  /** Deletes a team nobody and nothing belongs to. */
  deleteTeam: (id: string): Promise<null> => call("delete_team", { id }),
  /** Saves a component (new or edited). */
  saveComponent: (component: Component): Promise<Component> => call("save_component", { component }),
  /** Deletes a component no change or service uses. */
  deleteComponent: (id: string): Promise<null> => call("delete_component", { id }),
  /** Deletes a release no change ships in. */
  deleteRelease: (id: string): Promise<null> => call("delete_release", { id }),
  /** Deletes a change nothing waits for. */
  deleteChange: (id: string): Promise<null> => call("delete_change", { id }),
  /** Saves a deployment window or a freeze (new or edited). */
  savePeriod: (period: Period): Promise<Period> => call("save_period", { period }),
  /** Deletes a deployment window or a freeze. */
  deletePeriod: (id: string): Promise<null> => call("delete_period", { id }),
  /** Saves a business service (new or edited): its business owner, the components it uses and the services it depends on. */
  saveService: (service: Service): Promise<Service> => call("save_service", { service }),
  /** Deletes a service no other service depends on. */
  deleteService: (id: string): Promise<null> => call("delete_service", { id }),
  /** Saves an absence (new or edited). */
  saveAbsence: (absence: Absence): Promise<Absence> => call("save_absence", { absence }),
  /** Deletes an absence. */
  deleteAbsence: (id: string): Promise<null> => call("delete_absence", { id }),
  /** Saves an approval rule (new or edited); every release's requirements follow. */
  saveApprovalRule: (rule: ApprovalRule): Promise<ApprovalRule> => call("save_approval_rule", { rule }),
  /** Deletes an approval rule; the requirements it made go with it. */
  deleteApprovalRule: (id: string): Promise<null> => call("delete_approval_rule", { id }),
  /** Sets the change manager, the CAB chair, the finance approver and the finance threshold in one edit. */
  saveApprovalSettings: (settings: ApprovalSettings): Promise<null> => call("save_approval_settings", { settings }),
  /** Saves a person's stance on a release, with a note (private: grey chart). */
  saveStance: (stance: Stance): Promise<Stance> => call("save_stance", { stance }),
  /** Forgets a person's stance on a release. */
  deleteStance: (person: string, release: string): Promise<null> => call("delete_stance", { person, release }),
  /** Saves a stakeholder profile: how much the releases matter to them and how involved they want to be (private: grey chart). */
  saveProfile: (profile: StakeholderProfile): Promise<StakeholderProfile> => call("save_profile", { profile }),
  /** Where the open workspace stands with its team, and what others did lately. */
  teamState: (): Promise<TeamState> => call("team_state"),
  /** Publishes the open workspace to an empty team database (`publish`), or joins one; the password is kept for this session only. Answers what was done. */
  teamConnect: (publish: boolean, url: string, login: string, password: string): Promise<string> => call("team_connect", { publish, url, login, password }),
  /** Gives the password of the open team workspace's login for this session. */
  teamSignIn: (password: string): Promise<TeamState> => call("team_sign_in", { password }),
  /** Pushes what is queued and pulls the others' changes now. */
  teamSyncNow: (): Promise<TeamState> => call("team_sync_now"),
  /** The conflicts waiting for a choice, field by field, with who made the team's value and when. */
  teamConflicts: (): Promise<TeamConflictRow[]> => call("team_conflicts"),
  /** Keeps one side of a conflict (`keep_mine`: this workspace's value, pushed at once; else the team's), then syncs. */
  teamResolve: (kind: string, id: string, keepMine: boolean): Promise<TeamState> => call("team_resolve", { kind, id, keepMine }),
  /** What waits for the signed-in person's decision (and for those who delegated to them today), overdue first, then by window. */
  waitingForMe: (): Promise<WaitingRequest[]> => call("waiting_for_me"),
  /** Records a decision in a team workspace as the signed-in user: for themselves, for `approver` under a delegation, or — a manager — on `approver`'s behalf with `source` (given on paper or by mail). Written in the file at once and pushed now; offline it waits in the queue. */
  teamDecide: (release: string, approver: string | null, kind: DecisionKind, comment: string, source: string | null): Promise<TeamState> => call("team_decide", { release, approver, kind, comment, source }),
  /** The delegations not yet over, as the team had them at the last sync. */
  teamDelegations: (): Promise<DelegationRow[]> => call("team_delegations"),
  /** Lets `to` decide for the signed-in approver from `from` to `until` (`YYYY-MM-DD`, both days included): made online, at once. */
  teamDelegate: (to: string, from: string, until: string): Promise<DelegationRow[]> => call("team_delegate", { to, from, until }),
  /** Checks the electronic sign-offs a packet prints against the team database: `id` is the packet's document id (as of today) or one decision fingerprint. */
  teamVerify: (id: string): Promise<VerifiedSignOff[]> => call("team_verify", { id }),
  /** Turns the team's separation of duties on or off: an admin's to set. */
  teamSeparateDuties: (on: boolean): Promise<TeamState> => call("team_separate_duties", { on }),
  workspaceInfo: (): Promise<WorkspaceInfo | null> => call("workspace_info"),
  /** Whether this is the app's first start: the window then welcomes the user with the demo, an empty workspace or an import. */
  firstStart: (): Promise<boolean> => call("first_start"),
  /** Everything but the claims, which the window pages (`claims_page`) or fetches a person at a time (`person_evidence`): a large chart has hundreds of thousands. */
  workspaceData: (): Promise<WorkspaceData> => call("workspace_data"),
  newWorkspace: (): Promise<WorkspaceInfo | null> => call("new_workspace"),
  openWorkspace: (): Promise<WorkspaceInfo | null> => call("open_workspace"),
  /** Opens the encrypted workspace waiting for its passphrase. */
  unlockWorkspace: (passphrase: string): Promise<WorkspaceInfo> => call("unlock_workspace", { passphrase }),
  /** Encrypts the open workspace with a passphrase, changes it, or (null) stores the workspace unencrypted again. */
  setPassphrase: (passphrase: string | null): Promise<WorkspaceInfo> => call("set_passphrase", { passphrase }),
  saveWorkspaceAs: (): Promise<WorkspaceInfo | null> => call("save_workspace_as"),
};
