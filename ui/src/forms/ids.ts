// Ids the forms propose for new records.

import type { WorkspaceData } from "../bindings";

/** The next free id `prefix<number>` among `ids` (numbers after the prefix). */
export function nextId(prefix: string, ids: string[], width = 2): string {
  let max = 0;
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  for (const id of ids) {
    const m = pattern.exec(id);
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${String(max + 1).padStart(width, "0")}`;
}

/** The next free id of the form p<number>. */
export function nextPersonId(data: WorkspaceData): string {
  return nextId("p", data.people.map((p) => p.id));
}
