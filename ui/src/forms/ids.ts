// Ids the forms propose for new records.

import type { WorkspaceData } from "../bindings";

/** The next free id of the form p<number>. */
export function nextPersonId(data: WorkspaceData): string {
  let max = 0;
  for (const p of data.people) {
    const m = /^p(\d+)$/.exec(p.id);
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return `p${String(max + 1).padStart(2, "0")}`;
}
