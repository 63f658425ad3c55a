// Lookups over the loaded workspace the views share: names by id, people
// by id, the influence rows, the best few by a score. Loaded data is
// replaced as a whole, never changed in place, so each lookup is worked
// out once per answer.

import type { ClaimRows, InfluenceRow, Person, RankColumns, WorkspaceData } from "./bindings";

/** No claims listed yet. */
export function noClaims(): ClaimRows {
  return { total: 0, offset: 0, rows: [] };
}

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

/** The people with hidden power, largest gap first (at most `k`): only
 *  those whose influence percentile is at least a point above their formal
 *  one; nobody when the evidence shows nobody above their position. */
export function hiddenPower(influence: InfluenceRow[], k = 5): InfluenceRow[] {
  return topBy(influence.filter((r) => Math.round(r.power_gap) >= 1), (r) => r.power_gap, k);
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
