// What Ctrl+K finds: people, teams, releases, changes, components and
// services whose name or id contains the text typed; exact and leading
// matches first.

import type { WorkspaceData } from "../bindings";

export type FoundKind = "person" | "team" | "release" | "change" | "component" | "service";

export interface Found {
  kind: FoundKind;
  id: string;
  name: string;
  /** A word more: a person's title, a change's release. */
  detail: string;
}

/** Everything search can find in a workspace, made once per loaded workspace, not per key pressed. */
export function searchIndex(data: WorkspaceData): Found[] {
  return [
    ...data.people.map((p): Found => ({ kind: "person", id: p.id, name: p.name, detail: p.title })),
    ...data.teams.map((t): Found => ({ kind: "team", id: t.id, name: t.name, detail: "" })),
    ...data.releases.map((r): Found => ({ kind: "release", id: r.id, name: r.name, detail: r.window_start ?? "" })),
    ...data.changes.map((c): Found => ({ kind: "change", id: c.id, name: c.title, detail: c.release ?? "" })),
    ...data.components.map((k): Found => ({ kind: "component", id: k.id, name: k.name, detail: "" })),
    ...data.services.map((s): Found => ({ kind: "service", id: s.id, name: s.name, detail: "" })),
  ];
}

/** Up to `limit` entries of `index` matching `query`, best first. */
export function search(index: Found[], query: string, limit: number): Found[] {
  const text = query.trim().toLowerCase();
  if (!text) return [];
  const score = (f: Found): number => {
    const name = f.name.toLowerCase();
    const id = f.id.toLowerCase();
    if (name === text || id === text) return 0;
    if (name.startsWith(text) || id.startsWith(text)) return 1;
    if (name.split(/\s+/).some((w) => w.startsWith(text))) return 2;
    return name.includes(text) || id.includes(text) ? 3 : -1;
  };
  const hits: { f: Found; s: number }[] = [];
  for (const f of index) {
    const s = score(f);
    if (s >= 0) hits.push({ f, s });
  }
  hits.sort((a, b) => a.s - b.s || a.f.name.localeCompare(b.f.name));
  return hits.slice(0, limit).map((h) => h.f);
}
