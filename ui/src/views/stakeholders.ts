// Stakeholders: how much each matters, what they want, and what they think.

import { h, section, table } from "../dom";
import { unit, words } from "../format";
import { names } from "../state";
import type { View } from "./types";

/** Percentile (0–100) of each id's value among all; ties count half. */
export function percentiles(values: Map<string, number>): Map<string, number> {
  const entries = [...values.entries()].sort((a, b) => a[1] - b[1]);
  const n = entries.length;
  const out = new Map<string, number>();
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && entries[end + 1]?.[1] === entries[start]?.[1]) end++;
    const pct = n <= 1 ? 50 : (100 * (start + 0.5 * (end - start))) / (n - 1);
    for (let i = start; i <= end; i++) {
      const id = entries[i]?.[0];
      if (id !== undefined) out.set(id, pct);
    }
    start = end + 1;
  }
  return out;
}

export const stakeholdersView: View = (model) => {
  const label = names(model.data);
  const power = percentiles(new Map(model.influence.map((r) => [r.id, r.rank])));
  const stances = new Map<string, string[]>();
  for (const s of model.data.stances) {
    const list = stances.get(s.person) ?? [];
    list.push(`${label.get(s.release) ?? s.release}: ${s.stance}`);
    stances.set(s.person, list);
  }
  const profiles = [...model.data.profiles].sort((a, b) => (power.get(b.person) ?? 0) - (power.get(a.person) ?? 0));
  const rows = profiles.map((p) => [
    label.get(p.person) ?? p.person,
    `${Math.round(power.get(p.person) ?? 0)}`,
    unit(p.interest),
    words(p.involvement),
    (stances.get(p.person) ?? []).join("; "),
  ]);
  const log = [...model.data.engagements]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((e) => [e.date, label.get(e.person) ?? e.person, e.channel, e.summary]);
  return h(
    "div",
    { class: "view-body", "data-testid": "view-stakeholders" },
    section(
      "Stakeholders",
      `${profiles.length} stakeholders, most powerful first. Power is the influence-rank percentile as of ${model.asOf}.`,
      table(
        "stakeholders-table",
        [
          { label: "Person" },
          { label: "Power", tip: "Influence-rank percentile: 100 is the most influential person in the workspace.", numeric: true },
          { label: "Interest", tip: "How much the releases matter to them, 0–1.", numeric: true },
          { label: "Wants to be" },
          { label: "Stances" },
        ],
        rows,
      ),
    ),
    section("Engagement log", "Every recorded contact, newest first. Private.", table("engagement-table", [{ label: "Date" }, { label: "With" }, { label: "Channel" }, { label: "Summary" }], log)),
  );
};
