// The open workspace as the window knows it: what Rust answered for the
// current key (which workspace, how many edits in, as of which date). Every
// view reads from here and redraws itself when an answer lands; nothing
// calls a render. Data is replaced as a whole ($state.raw), never changed
// in place, so a chart of 100,000 people is not wrapped in proxies.

import { api } from "../api";
import type { ApiError, ApprovalRow, ClaimRows, EvidenceGlance, Faction, InfluenceRow, PlanReport, Position, SwayEdge, WorkspaceData, WorkspaceInfo } from "../bindings";
import { today } from "../format";
import { asApiError } from "../ipc";
import { emptyData, influenceRows, noClaims } from "../state";
import { Keyed, keyOf } from "./keyed.svelte";

/** Claims the claims table lists at first. */
const CLAIMS_PAGE = 200;

/** How long the last load took, in ms, for the scale tests' figures. */
export interface Timings {
  fetch: number;
  load: number;
  summaries: number | null;
}

class Session {
  /** Which workspace: counts the workspaces opened, created or unlocked. */
  opened = $state(0);
  /** Counts the edits saved (and undone or redone) in it. */
  revision = $state(0);
  asOf = $state(today());
  /** The key every answer about the workspace is fetched for. */
  key = $derived(keyOf(this.opened, this.revision, this.asOf));
  /** Whether the first load has answered (until then the window says it is opening). */
  ready = $state(false);
  /** The key whose first round (below) is on screen; null before any. */
  loaded = $state.raw<string | null>(null);

  info = $state.raw<WorkspaceInfo | null>(null);
  /** Everything but the claims: a large chart has hundreds of thousands,
   *  fetched a page (`claims`) or a person at a time. */
  data = $state.raw<WorkspaceData>(emptyData());
  /** Every active requirement with where it stands, worked out in Rust. */
  approvals = $state.raw<ApprovalRow[]>([]);
  /** Ranks, most influential first. */
  influence = $state.raw<InfluenceRow[]>([]);
  /** Saved places of people on the map (empty: laid out automatically). */
  positions = $state.raw<Position[]>([]);
  /** The claims listed so far, in the order recorded, and how many in all. */
  claims = $state.raw<ClaimRows>(noClaims());
  plan = $state.raw<PlanReport | null>(null);
  /** Why the plan could not be analysed, if it could not. */
  planError = $state.raw<string | null>(null);
  /** The map's links (for a chart small enough to draw whole). */
  edges = $state.raw<SwayEdge[]>([]);
  /** Why nothing could be loaded (no workspace, locked, or a failure). */
  failure = $state.raw<ApiError | null>(null);
  timings = $state.raw<Timings | null>(null);

  /** The second round: gaps in the evidence and movers, and factions. */
  evidence = new Keyed<EvidenceGlance>();
  factions = new Keyed<Faction[]>();
  /** How many days back the movers are measured from. */
  moversDays = $state(90);

  /** Called after the first round of each load lands (the broker scores start then). */
  onLoaded: (key: string) => void = () => undefined;

  /**
   * Loads the workspace in two rounds: first what the views draw (people,
   * ranks, links, the first claims, the plan), then the slower summaries,
   * which fill in when they arrive. Only the answers for the key still
   * current land. Resolves when the first round is on screen (or dropped).
   */
  async load(drawEdges: (people: number) => boolean): Promise<void> {
    const key = this.key;
    const asOf = this.asOf;
    const started = performance.now();
    try {
      const [info, data, approvals, influence, positions, claims, plan] = await Promise.all([
        api.workspaceInfo(),
        api.workspaceData(),
        api.approvalRows(),
        api.influence(asOf),
        api.mapPositions(),
        api.claimsPage(null, 0, Math.max(CLAIMS_PAGE, this.claims.rows.length), asOf),
        api.plan(null).then(
          (plan) => ({ plan, error: null }),
          (e: unknown) => ({ plan: null, error: asApiError(e).message }),
        ),
      ]);
      const edges = drawEdges(data.people.length) ? await api.swayEdges(asOf, null) : [];
      if (key !== this.key) return;
      const fetched = performance.now() - started;
      this.info = info;
      this.data = data;
      this.approvals = approvals;
      this.influence = influenceRows(influence, data);
      this.positions = positions;
      this.claims = claims;
      this.plan = plan.plan;
      this.planError = plan.error;
      this.edges = edges;
      this.failure = null;
      this.loaded = key;
      this.timings = { fetch: Math.round(fetched), load: Math.round(performance.now() - started), summaries: null };
    } catch (e) {
      if (key !== this.key) return;
      this.forget(asApiError(e));
      return;
    }
    this.onLoaded(key);
    void this.summaries(key, started);
  }

  async summaries(key: string, started: number): Promise<void> {
    await Promise.all([this.fetchEvidence(), this.factions.fetch(key, () => api.factions(this.asOf))]);
    if (key === this.key && this.timings) this.timings = { ...this.timings, summaries: Math.round(performance.now() - started) };
  }

  /** The gaps and movers for the current key and span of days. */
  fetchEvidence(): Promise<unknown> {
    const asOf = this.asOf;
    const days = this.moversDays;
    return this.evidence.fetch(keyOf(this.key, days), () => api.evidenceSummary(asOf, days));
  }

  /** Nothing open (or it could not be read): nothing of the last one stays. */
  forget(why: ApiError): void {
    this.info = null;
    this.data = emptyData();
    this.approvals = [];
    this.influence = [];
    this.positions = [];
    this.claims = noClaims();
    this.plan = null;
    this.planError = null;
    this.edges = [];
    this.evidence.clear();
    this.factions.clear();
    this.failure = why;
    this.loaded = null;
  }

  /** Another workspace is open (new, opened, unlocked, or a copy saved). */
  switched(): void {
    this.opened += 1;
    this.claims = noClaims();
    this.evidence.clear();
    this.factions.clear();
  }

  /** An edit was saved, undone or redone. */
  edited(): void {
    this.revision += 1;
  }
}

export const session = new Session();
