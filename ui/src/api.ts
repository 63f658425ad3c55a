// One typed wrapper per desktop command. Views call these, never `invoke`
// with a bare string. Failures arrive as ApiError {code, message, field}.

import { invoke } from "@tauri-apps/api/core";
import type { PacketAudience } from "./state";
import type { AnalysisProgress, ApiError, ApprovalRequirement, ApprovalRole, BrokerScores, Change, Claim, ClaimPage, Decision, DecisionKind, PathToYes, PersonEvidence, Dependency, EngagementEntry, EvidenceGlance, Faction, Focus, HistoryEntry, Impact, InfluencePath, Person, PlanReport, Position, RankColumns, Release, SwayEdge, WorkspaceData, WorkspaceInfo } from "./bindings";

/** Turns whatever a command rejected with into an ApiError. */
export function asApiError(e: unknown): ApiError {
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    const { code, message, field } = e as ApiError;
    return { code, message, field: field ?? null };
  }
  return { code: "internal", message: String(e), field: null };
}

/** What the workspace can be exported as from the window. */
export type ExportFormat = "json" | "graphml" | "gexf" | "dot";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asApiError(e);
  }
}

export const api = {
  workspaceInfo: () => call<WorkspaceInfo | null>("workspace_info"),
  workspaceData: () => call<WorkspaceData>("workspace_data"),
  /** Ranks in columns, most influential first: rows are made with `influenceRows`. */
  influence: (asOf: string | null) => call<RankColumns>("influence", { asOf }),
  brokerScores: (asOf: string | null) => call<BrokerScores | null>("broker_scores", { asOf }),
  analysisProgress: () => call<AnalysisProgress>("analysis_progress"),
  cancelAnalysis: () => call<null>("cancel_analysis"),
  /** Every link, or (with `focus`) only those among the people near one person. */
  swayEdges: (asOf: string | null, focus: Focus | null = null) => call<SwayEdge[]>("sway_edges", { asOf, focus }),
  /** Claims in the order recorded, a page at a time; `person`: only theirs. */
  claimsPage: (person: string | null, offset: number, limit: number) => call<ClaimPage>("claims_page", { person, offset, limit }),
  personEvidence: (id: string, asOf: string | null) => call<PersonEvidence>("person_evidence", { id, asOf }),
  factions: (asOf: string | null) => call<Faction[]>("factions", { asOf }),
  /** Gaps in the evidence, and who moved most over the `days` before the date. */
  evidenceSummary: (asOf: string | null, days: number) => call<EvidenceGlance>("evidence_summary", { asOf, days }),
  strongestPath: (from: string, to: string, asOf: string | null) => call<InfluencePath>("strongest_path", { from, to, asOf }),
  savePerson: (person: Person) => call<Person>("save_person", { person }),
  deletePerson: (id: string) => call<null>("delete_person", { id }),
  saveClaim: (claim: Claim) => call<Claim>("save_claim", { claim }),
  deleteClaim: (id: string) => call<null>("delete_claim", { id }),
  addEngagement: (entry: EngagementEntry) => call<EngagementEntry>("add_engagement", { entry }),
  mapPositions: () => call<Position[]>("map_positions"),
  saveMapPositions: (positions: Position[]) => call<null>("save_map_positions", { positions }),
  clearMapPositions: () => call<number>("clear_map_positions"),
  plan: (from: string | null) => call<PlanReport>("plan", { from }),
  impact: (item: string) => call<Impact>("impact", { item }),
  saveRelease: (release: Release) => call<Release>("save_release", { release }),
  saveChange: (change: Change) => call<Change>("save_change", { change }),
  saveDependency: (dependency: Dependency) => call<Dependency>("save_dependency", { dependency }),
  exportSchedule: (format: "ics" | "csv") => call<string | null>("export_schedule", { format }),
  packetPreview: (release: string, audience: PacketAudience) => call<string[]>("packet_preview", { release, audience }),
  savePacket: (release: string, audience: PacketAudience) => call<string | null>("save_packet", { release, audience }),
  printPacket: (release: string, audience: PacketAudience) => call<string>("print_packet", { release, audience }),
  pathToYes: (release: string) => call<PathToYes[]>("path_to_yes", { release }),
  recordDecision: (requirement: string, kind: DecisionKind, comment: string) => call<Decision>("record_decision", { requirement, kind, comment }),
  addRequirement: (release: string, approver: string, role: ApprovalRole, reason: string) => call<ApprovalRequirement>("add_requirement", { release, approver, role, reason }),
  removeRequirement: (id: string, reason: string) => call<null>("remove_requirement", { id, reason }),
  scheduleRelease: (release: string, overrideReason: string | null) => call<Release>("schedule_release", { release, overrideReason }),
  deleteDependency: (before: string, after: string) => call<null>("delete_dependency", { before, after }),
  history: () => call<HistoryEntry[]>("history"),
  undo: () => call<string>("undo"),
  redo: () => call<string>("redo"),
  stepTo: (id: number) => call<string[]>("step_to", { id }),
  unlockWorkspace: (passphrase: string) => call<WorkspaceInfo>("unlock_workspace", { passphrase }),
  setPassphrase: (passphrase: string | null) => call<WorkspaceInfo>("set_passphrase", { passphrase }),
  exportWorkspace: (format: ExportFormat, includePrivate: boolean) => call<string | null>("export_workspace", { format, includePrivate }),
  newWorkspace: () => call<WorkspaceInfo | null>("new_workspace"),
  openWorkspace: () => call<WorkspaceInfo | null>("open_workspace"),
  saveWorkspaceAs: () => call<WorkspaceInfo | null>("save_workspace_as"),
};
