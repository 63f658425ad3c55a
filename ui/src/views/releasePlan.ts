// Release plan: releases, their changes, dependencies, windows and freezes.

import { h, section, table } from "../dom";
import { span, words } from "../format";
import { names } from "../state";
import type { View } from "./types";

export const releasePlanView: View = (model) => {
  const label = names(model.data);
  const data = model.data;
  const changesOf = (release: string) => data.changes.filter((c) => c.release === release);
  const freezes = data.periods.filter((p) => p.kind === "freeze");
  const inFreeze = (start: string | null, end: string | null) =>
    start !== null && end !== null && freezes.some((f) => f.scope === "global" && start <= f.ends_on && end >= f.starts_on);
  const releases = [...data.releases]
    .sort((a, b) => (a.window_start ?? "9999").localeCompare(b.window_start ?? "9999"))
    .map((r) => {
      const changes = changesOf(r.id);
      const flag = inFreeze(r.window_start, r.window_end) ? h("span", { class: "tag conflict", title: "The planned window overlaps a global freeze." }, "in freeze") : null;
      return [h("span", {}, r.name, " ", flag), words(r.stage), span(r.window_start, r.window_end), h("span", { class: `tag risk-${r.risk}` }, r.risk), String(changes.length), String(changes.reduce((s, c) => s + c.duration_days, 0))];
    });
  const changes = data.changes.map((c) => [c.id, c.title, label.get(c.release ?? "") ?? "", c.components.map((x) => label.get(x) ?? x).join(", "), String(c.duration_days)]);
  const deps = data.dependencies.map((d) => [`${d.before} \u2192 ${d.after}`, label.get(d.before) ?? data.changes.find((c) => c.id === d.before)?.title ?? d.before, label.get(d.after) ?? data.changes.find((c) => c.id === d.after)?.title ?? d.after, String(d.lag_days)]);
  const periods = [...data.periods]
    .sort((a, b) => a.starts_on.localeCompare(b.starts_on))
    .map((p) => [p.name, h("span", { class: `tag ${p.kind}` }, p.kind), span(p.starts_on, p.ends_on), p.scope === "global" ? "everything" : `${words(p.scope)} ${label.get(p.scope_id ?? "") ?? p.scope_id ?? ""}`]);
  return h(
    "div",
    { class: "view-body", "data-testid": "view-release-plan" },
    section(
      "Releases",
      `${data.releases.length} releases in window order. A release whose window overlaps a freeze is flagged.`,
      table("releases-table", [{ label: "Release" }, { label: "Stage" }, { label: "Window" }, { label: "Risk" }, { label: "Changes", numeric: true }, { label: "Work (days)", tip: "Sum of the changes' durations.", numeric: true }], releases),
    ),
    section("Windows and freezes", "When deployments are allowed, and when they are not.", table("periods-table", [{ label: "Name" }, { label: "Kind" }, { label: "Dates" }, { label: "Applies to" }], periods)),
    section("Changes", `${data.changes.length} changes and the components they touch.`, table("changes-table", [{ label: "Id" }, { label: "Title" }, { label: "Release" }, { label: "Components" }, { label: "Days", numeric: true }], changes)),
    section("Dependencies", "Finish-to-start: the second waits for the first, plus the lag.", table("dependencies-table", [{ label: "Link" }, { label: "First" }, { label: "Then" }, { label: "Lag (days)", numeric: true }], deps)),
  );
};
