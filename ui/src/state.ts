// What the views render from: the workspace's data and its analytics, loaded
// together and replaced as a whole after every saved edit.

import type { BrokerState } from "./broker";
import type { ApprovalRow, Audience, ClaimRows, PathToYes, EvidenceGlance, Faction, Impact, InfluenceRow, Person, PlanReport, Position, RankColumns, SwayEdge, WorkspaceData, WorkspaceInfo } from "./bindings";

export interface Model {
  info: WorkspaceInfo | null;
  /** Everything but the claims: a large chart has hundreds of thousands, so
   *  the window fetches them a page (`claims`) or a person at a time. */
  data: WorkspaceData;
  /** The claims listed so far, in the order recorded, and how many in all. */
  claims: ClaimRows;
  /** Ranks at once, most influential first; their broker scores only once
   *  `broker` is done. */
  influence: InfluenceRow[];
  broker: BrokerState;
  /** The map's links: all of them, or above MAP_LIMIT people only those
   *  around the focused person (none without one). */
  edges: SwayEdge[];
  /** Gaps in the evidence and recent movers (null until loaded). */
  evidence: EvidenceGlance | null;
  /** How many days back the movers are measured from. */
  moversDays: number;
  /** Groups who sway each other more than outsiders, largest first. */
  factions: Faction[];
  /** What the map's colours mean. */
  colourBy: "team" | "faction";
  /** Saved places of people on the map (empty: lay out automatically). */
  positions: Position[];
  asOf: string;
  /** Layers of the map. */
  showFormal: boolean;
  showGrey: boolean;
  /** The highlighted strongest path, ids in order (empty: none). */
  path: string[];
  /** The map's search text; with `focusSteps` > 0 it shows only the
   *  people within that many links of the person found. */
  focusQuery: string;
  focusSteps: number;
  /** Dragging on the map draws claims instead of moving people. */
  drawMode: boolean;
  /** The release whose stances colour the power/interest grid. */
  stanceRelease: string | null;
  /** The plan's analysis from today (null until loaded, or when refused). */
  plan: PlanReport | null;
  /** Why the plan could not be analysed, if it could not. */
  planError: string | null;
  /** The plan item clicked, and its blast radius once computed. */
  planItem: string | null;
  impact: Impact | null;
  /** Dragging on the dependency graph draws dependencies. */
  planDraw: boolean;
  /** The last dependency refused for closing a cycle: message and members. */
  planRefused: { message: string; members: string[] } | null;
  /** Every active requirement with where it stands (from Rust). */
  approvals: ApprovalRow[];
  /** The release whose approval checklist is open. */
  approvalsRelease: string | null;
  /** Its path to yes, once asked for. */
  pathToYes: PathToYes[] | null;
  /** Which sign-offs the matrix shows. */
  approvalFilter: ApprovalFilter;
  /** The packet being previewed, if any. */
  packet: PacketPreview | null;
  /** The last answer to scheduling a release: refused (why) or done. */
  scheduleMessage: { release: string; text: string; refused: boolean } | null;
}

/** No claims listed yet. */
export function noClaims(): ClaimRows {
  return { total: 0, offset: 0, rows: [] };
}

/** A packet chosen in the Packets view: its pages once typeset (SVG). */
export interface PacketPreview {
  release: string;
  audience: Audience;
  pages: string[] | null;
  error: string | null;
}

/** Which sign-offs the approvals matrix shows. */
export type ApprovalFilter = "all" | "missing" | "stale" | "overdue";

export function emptyData(): WorkspaceData {
  return {
    me: null,
    formal_weight: 0.5,
    teams: [],
    people: [],
    claims: [],
    stances: [],
    profiles: [],
    engagements: [],
    components: [],
    services: [],
    releases: [],
    changes: [],
    dependencies: [],
    periods: [],
    absences: [],
    requirements: [],
    decisions: [],
    approval_rules: [],
    change_manager: null,
    cab_chair: null,
    finance_approver: null,
    finance_threshold: null,
  };
}

/** Lookups worked out once per loaded workspace (the views redraw on every
 *  click, and a chart may hold 100,000 people). Loaded data is replaced as
 *  a whole, never changed in place, so its identity keys the cache. */
const lookups = new WeakMap<object, Map<string, unknown>>();

function once<K extends object, V>(source: K, what: string, make: () => V): V {
  const known = lookups.get(source) ?? new Map<string, unknown>();
  lookups.set(source, known);
  if (!known.has(what)) known.set(what, make());
  return known.get(what) as V;
}

/** Lookup of names by id, for showing people, teams and releases by name. */
export function names(data: WorkspaceData): Map<string, string> {
  return once(data, "names", () => {
    const m = new Map<string, string>();
    for (const t of data.teams) m.set(t.id, t.name);
    for (const p of data.people) m.set(p.id, p.name);
    for (const r of data.releases) m.set(r.id, r.name);
    for (const c of data.components) m.set(c.id, c.name);
    for (const s of data.services) m.set(s.id, s.name);
    return m;
  });
}

/** People by id. */
export function peopleById(data: WorkspaceData): Map<string, Person> {
  return once(data, "people", () => new Map(data.people.map((p) => [p.id, p])));
}

/** The window's rows from the ranks' columns (most influential first),
 *  named from the workspace's people; broker scores are 0 until they come. */
export function influenceRows(columns: RankColumns, data: WorkspaceData): InfluenceRow[] {
  const people = peopleById(data);
  return columns.ids.map((id, i) => ({
    id,
    name: people.get(id)?.name ?? id,
    rank: columns.rank[i] ?? 0,
    formal_rank: columns.formal_rank[i] ?? 0,
    rank_percentile: columns.rank_percentile[i] ?? 0,
    power_gap: columns.power_gap[i] ?? 0,
    broker: 0,
  }));
}

/** Influence rows by person id. */
export function influenceById(influence: InfluenceRow[]): Map<string, InfluenceRow> {
  return once(influence, "rows", () => new Map(influence.map((r) => [r.id, r])));
}

/** The `k` items of highest `score`, highest first; ties keep their order
 *  (as a stable sort would), in one pass over the items. */
export function topBy<T>(items: T[], score: (item: T) => number, k: number): T[] {
  const top: { item: T; score: number }[] = [];
  for (const item of items) {
    const s = score(item);
    if (top.length === k && !(s > (top[k - 1]?.score ?? -Infinity))) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.score ?? Infinity) < s) at--;
    top.splice(at, 0, { item, score: s });
    if (top.length > k) top.pop();
  }
  return top.map((t) => t.item);
}

/** Each active requirement's row as Rust worked it out (status, stale,
 *  overdue today), by requirement id. */
export function approvalsById(model: Model): Map<string, ApprovalRow> {
  return new Map(model.approvals.map((row) => [row.id, row]));
}
