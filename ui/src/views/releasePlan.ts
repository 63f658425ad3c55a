// Release plan: what order to deploy in, the soonest the plan can finish,
// what collides, and what breaks for whom — the dependency graph, the
// timeline, the conflicts, the clicked item's blast radius, and the tables.

import type { Conflict, ConflictKind, Impact, WorkspaceData } from "../bindings";
import { h, longTable, section, table } from "../dom";
import { span, words } from "../format";
import { names, type Model } from "../state";
import { planGraph } from "./planGraph";
import { planTimeline } from "./planTimeline";
import type { Actions, View } from "./types";

/** What each kind of conflict means, for the tag's tooltip. */
const KINDS: Record<ConflictKind, string> = {
  freeze: "The planned window overlaps a freeze that applies to the release.",
  late: "The earliest feasible deployment falls after the planned window.",
  no_window: "No deployment window is left once the work is ready.",
  order: "A prerequisite is planned to ship after what depends on it.",
  component_clash: "Two releases change the same component in overlapping windows.",
  approver_absent: "An approver is away during the release window.",
  interleaved: "Releases wait for each other, so none can deploy first.",
  cancelled_prerequisite: "Something waits for work in a cancelled release.",
};

function conflictList(conflicts: Conflict[], actions: Actions): HTMLElement {
  if (conflicts.length === 0) return h("p", { class: "empty", "data-testid": "plan-conflicts", "data-count": 0 }, "No conflicts: every release fits its window, no freeze is crossed, nobody needed is away.");
  return h(
    "ul",
    { class: "conflicts", "data-testid": "plan-conflicts", "data-count": conflicts.length },
    ...conflicts.map((c) =>
      h(
        "li",
        { "data-kind": c.kind },
        h("span", { class: "tag conflict", title: KINDS[c.kind] }, words(c.kind)),
        " ",
        h("a", { href: "#", onclick: (e: Event) => { e.preventDefault(); actions.selectPlanItem(c.items[0] ?? null); } }, c.message),
      ),
    ),
  );
}

function blastRadius(data: WorkspaceData, impact: Impact, actions: Actions): HTMLElement {
  const label = names(data);
  const held = data.changes.find((c) => c.id === impact.item && c.not_before);
  const list = (ids: string[], none: string) => (ids.length === 0 ? none : ids.map((id) => label.get(id) ?? id).join(", "));
  return h(
    "div",
    { class: "blast", "data-testid": "blast-radius", "data-item": impact.item },
    h("h3", {}, `If ${label.get(impact.item) ?? impact.item} goes wrong`),
    h(
      "dl",
      {},
      h("dt", { title: "Changes and releases that depend on it, directly or through others." }, "Waiting on it"),
      h("dd", { "data-testid": "blast-downstream" }, list(impact.downstream, "nothing")),
      h("dt", { title: "Services that depend, directly or through other services, on the components it touches." }, "Services hit"),
      h("dd", { "data-testid": "blast-services" }, list(impact.services, "none")),
      h("dt", { title: "Teams owning those components, or whose people own those services." }, "Teams involved"),
      h("dd", { "data-testid": "blast-teams" }, list(impact.teams, "none")),
      h("dt", { title: "The business owners of the services hit." }, "Business owners"),
      h("dd", { "data-testid": "blast-people" }, list(impact.people, "none")),
    ),
    held ? h("p", {}, `Held back: starts no earlier than ${held.not_before}. `, h("button", { type: "button", "data-testid": "plan-unhold", onclick: () => actions.moveChange({ ...held, not_before: null }, "", held.duration_days) }, "Let it start as soon as it can")) : null,
    h("button", { type: "button", onclick: () => actions.selectPlanItem(null) }, "Clear"),
  );
}

function planTables(data: WorkspaceData): HTMLElement[] {
  const label = names(data);
  const changesOf = (release: string) => data.changes.filter((c) => c.release === release);
  const releases = [...data.releases]
    .sort((a, b) => (a.window_start ?? "9999").localeCompare(b.window_start ?? "9999"))
    .map((r) => {
      const changes = changesOf(r.id);
      return [r.name, words(r.stage), span(r.window_start, r.window_end), h("span", { class: `tag risk-${r.risk}` }, r.risk), String(changes.length), String(changes.reduce((s, c) => s + c.duration_days, 0))];
    });
  const titles = new Map(data.changes.map((c) => [c.id, c.title]));
  const title = (id: string) => label.get(id) ?? titles.get(id) ?? id;
  const periods = [...data.periods]
    .sort((a, b) => a.starts_on.localeCompare(b.starts_on))
    .map((p) => [p.name, h("span", { class: `tag ${p.kind}` }, p.kind), span(p.starts_on, p.ends_on), p.scope === "global" ? "everything" : `${words(p.scope)} ${label.get(p.scope_id ?? "") ?? p.scope_id ?? ""}`]);
  return [
    section("Releases", `${data.releases.length} releases in window order.`, table("releases-table", [{ label: "Release" }, { label: "Stage" }, { label: "Window" }, { label: "Risk" }, { label: "Changes", numeric: true }, { label: "Work (days)", tip: "Sum of the changes' durations.", numeric: true }], releases)),
    section("Windows and freezes", "When deployments are allowed, and when they are not.", table("periods-table", [{ label: "Name" }, { label: "Kind" }, { label: "Dates" }, { label: "Applies to" }], periods)),
    section(
      "Changes",
      `${data.changes.length} changes and the components they touch.`,
      longTable("changes-table", [{ label: "Id" }, { label: "Title" }, { label: "Release" }, { label: "Components" }, { label: "Days", numeric: true }, { label: "Held to", tip: "Work starts no earlier than this day (set by dragging the change on the timeline)." }], data.changes, (c) => [c.id, c.title, label.get(c.release ?? "") ?? "", c.components.map((x) => label.get(x) ?? x).join(", "), String(c.duration_days), c.not_before ?? ""]),
    ),
    section(
      "Dependencies",
      "Finish-to-start: the second waits for the first, plus the lag.",
      longTable("dependencies-table", [{ label: "Link" }, { label: "First" }, { label: "Then" }, { label: "Lag (days)", numeric: true }], data.dependencies, (d) => [`${d.before} \u2192 ${d.after}`, title(d.before), title(d.after), String(d.lag_days)]),
    ),
  ];
}

export const releasePlanView: View = (model: Model, actions: Actions) => {
  const data = model.data;
  const plan = model.plan;
  if (!plan) {
    return h("div", { class: "view-body", "data-testid": "view-release-plan" }, h("p", { class: model.planError ? "error" : "empty" }, model.planError ?? "No plan yet: import changes and dependencies, or create releases."), ...planTables(data));
  }
  const summary = h(
    "p",
    { class: "plan-summary", "data-testid": "plan-summary", "data-critical-days": plan.critical_path_days },
    h("strong", { title: "The longest chain of changes and lags: the soonest the open work can finish." }, `Critical path: ${plan.critical_path_days} days`),
    ` (${plan.critical_path.join(" \u2192 ") || "none"}), ${plan.order.length} changes to deploy from ${plan.starts_on}; `,
    h("strong", { class: plan.conflicts.length > 0 ? "warn" : undefined }, `${plan.conflicts.length} conflicts`),
    ". ",
    h("button", { type: "button", "data-testid": "export-ics", title: "The deployments, windows and freezes as an iCalendar file for Outlook, Google Calendar or Apple Calendar.", onclick: () => actions.exportSchedule("ics") }, "Export calendar (.ics)…"),
    " ",
    h("button", { type: "button", "data-testid": "export-csv", title: "Every change and release with its dates, for a spreadsheet.", onclick: () => actions.exportSchedule("csv") }, "Export schedule (.csv)…"),
  );
  const draw = h("label", { class: "inline" }, h("input", { type: "checkbox", "data-testid": "plan-draw", checked: model.planDraw, onchange: (e: Event) => actions.setPlanDraw((e.target as HTMLInputElement).checked) }), " Draw dependencies (drag from the prerequisite to what waits for it)");
  const refused = model.planRefused ? h("p", { class: "error", "data-testid": "plan-refused", role: "alert" }, model.planRefused.message) : null;
  const graph = planGraph(data, {
    plan,
    blast: model.impact ? [model.impact.item, ...model.impact.downstream] : [],
    selected: model.planItem,
    refused: model.planRefused?.members ?? [],
    drawMode: model.planDraw,
    onSelect: (id) => actions.selectPlanItem(id),
    onDrawn: (before, after) => actions.drawnDependency(before, after),
  });
  const timeline = planTimeline(data, { plan, onSelect: (id) => actions.selectPlanItem(id), onMoveRelease: (r, start, end) => actions.moveRelease(r, start, end), onMoveChange: (c, start, days) => actions.moveChange(c, start, days) });
  return h(
    "div",
    { class: "view-body", "data-testid": "view-release-plan" },
    summary,
    section("Conflicts", "What collides: click one to see the item on the graph and what it would hit.", conflictList(plan.conflicts, actions)),
    section("Dependency graph", "Prerequisites on the left; the critical path in blue; click an item for its blast radius.", draw, refused, graph, model.impact ? blastRadius(data, model.impact, actions) : null),
    section("Timeline", "Planned windows (drag to reschedule), the work in the earliest feasible schedule, deployments; freezes shaded red, windows green.", timeline),
    ...planTables(data),
  );
};
