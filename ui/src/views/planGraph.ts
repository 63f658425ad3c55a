// The dependency graph of the plan: changes inside their releases, laid out
// in layers by dagre, prerequisites to the left. The critical path is drawn
// heavy, items in a conflict are flagged, the clicked item's blast radius is
// shaded, and a refused cycle is outlined in red. With "Draw dependencies"
// on, dragging from one item to another records a dependency. What is drawn
// is mirrored in data attributes for tests.

import type { PlanReport, WorkspaceData } from "../bindings";
import cytoscape, { DRAWING_STYLE, drawLinks } from "./cytoscape";

/** The closest zoom a fitted graph starts at. */
const FITTED_ZOOM = 1.25;

/** Changes above which the graph is not drawn (the timeline still is). */
export const PLAN_GRAPH_LIMIT = 1500;

export interface PlanGraphOptions {
  plan: PlanReport;
  /** The items downstream of the clicked one, and the clicked one. */
  blast: string[];
  selected: string | null;
  refused: string[];
  drawMode: boolean;
  onSelect: (id: string) => void;
  onDrawn: (before: string, after: string) => void;
}

/** Node ids: releases and changes live in different tables, so prefix them. */
const releaseNode = (id: string) => `r:${id}`;
const changeNode = (id: string) => `c:${id}`;

function elements(data: WorkspaceData, o: PlanGraphOptions): cytoscape.ElementDefinition[] {
  const open = new Set(o.plan.schedule.filter((s) => s.kind === "release").map((s) => s.id));
  const planned = new Set(o.plan.order);
  const critical = new Set(o.plan.critical_path);
  const conflicted = new Set(o.plan.conflicts.flatMap((c) => c.items));
  const blast = new Set(o.blast);
  const refused = new Set(o.refused);
  const marks = (id: string) =>
    [critical.has(id) ? "critical" : "", conflicted.has(id) ? "conflict" : "", blast.has(id) ? "blast" : "", refused.has(id) ? "refused" : "", o.selected === id ? "chosen" : ""].join(" ");
  const nodeOf = new Map<string, string>();
  const out: cytoscape.ElementDefinition[] = [];
  for (const r of data.releases.filter((r) => open.has(r.id))) {
    nodeOf.set(r.id, releaseNode(r.id));
    out.push({ data: { id: releaseNode(r.id), item: r.id, label: r.name }, classes: `release ${marks(r.id)}` });
  }
  for (const c of data.changes.filter((c) => planned.has(c.id))) {
    nodeOf.set(c.id, changeNode(c.id));
    const parent = c.release && open.has(c.release) ? releaseNode(c.release) : undefined;
    out.push({ data: { id: changeNode(c.id), item: c.id, label: `${c.id} · ${c.duration_days} d`, title: c.title, parent }, classes: `change ${marks(c.id)}` });
  }
  const path = o.plan.critical_path;
  const onPath = new Set(path.slice(1).map((to, i) => `${path[i]}>${to}`));
  for (const d of data.dependencies) {
    const [source, target] = [nodeOf.get(d.before), nodeOf.get(d.after)];
    if (!source || !target) continue;
    const refusedLink = refused.has(d.before) && refused.has(d.after);
    out.push({
      data: { id: `${source}>${target}`, source, target, label: d.lag_days > 0 ? `+${d.lag_days} d` : "" },
      classes: `${onPath.has(`${d.before}>${d.after}`) ? "critical" : ""} ${refusedLink ? "refused" : ""}`,
    });
  }
  return out;
}

function draw(container: HTMLElement, data: WorkspaceData, o: PlanGraphOptions, onSelect: (id: string) => void, onDrawn: (before: string, after: string) => void): cytoscape.Core {
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const ink = dark ? "#e4e7eb" : "#1f2933";
  const cy = cytoscape({
    container,
    elements: elements(data, o),
    minZoom: 0.05,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, color: ink, "text-valign": "center", "text-halign": "center", shape: "round-rectangle", width: 86, height: 24, "background-color": dark ? "#27303b" : "#ffffff", "border-width": 1, "border-color": "#9aa5b1" } },
      { selector: "node.release", style: { "text-valign": "top", "text-halign": "center", "font-weight": "bold", "background-color": dark ? "#1b2027" : "#f1f4f8", "border-color": "#7b8794", padding: "10px" } },
      { selector: "edge", style: { width: 1.5, "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 9, color: ink } },
      { selector: "node.critical", style: { "border-color": "#2563eb", "border-width": 3 } },
      { selector: "edge.critical", style: { "line-color": "#2563eb", "target-arrow-color": "#2563eb", width: 3 } },
      { selector: "node.change.conflict", style: { "background-color": dark ? "#4a2a12" : "#fdebd3" } },
      { selector: "node.release.conflict", style: { "border-color": "#b45309", "border-width": 2 } },
      { selector: "node.blast", style: { "background-color": dark ? "#3b2f55" : "#ece3fb", "border-color": "#7c3aed", "border-width": 2 } },
      { selector: "node.chosen", style: { "border-color": "#7c3aed", "border-width": 4 } },
      { selector: "node.refused", style: { "border-color": "#dc2626", "border-width": 4, "border-style": "dashed" } },
      { selector: "edge.refused", style: { "line-color": "#dc2626", "target-arrow-color": "#dc2626", "line-style": "dashed", width: 3 } },
      ...DRAWING_STYLE,
    ],
  });
  // A small plan would be fitted at the largest zoom: no closer than a comfortable reading size.
  const layout = cy.layout({ name: "dagre", rankDir: "LR", nodeSep: 14, rankSep: 46, padding: 12 } as cytoscape.LayoutOptions);
  layout.one("layoutstop", () => {
    if (cy.zoom() > FITTED_ZOOM) {
      cy.zoom(FITTED_ZOOM);
      cy.center();
    }
  });
  layout.run();
  cy.on("tap", "node", (e) => onSelect(String(e.target.data("item"))));
  // The dependency is drawn once saved.
  drawLinks(cy, o.drawMode, (source, target) => onDrawn(String(source.data("item")), String(target.data("item"))));
  return cy;
}

/** Mirrors what is drawn, for tests and diagnostics. */
function describe(container: HTMLElement, cy: cytoscape.Core): void {
  const items = (selector: string) => cy.nodes(selector).map((n) => String(n.data("item"))).sort().join(",");
  container.dataset["nodes"] = String(cy.nodes(".change").length);
  container.dataset["edges"] = String(cy.edges().length);
  container.dataset["critical"] = cy.nodes(".change.critical").map((n) => String(n.data("item"))).join(",");
  container.dataset["blast"] = items(".blast");
  container.dataset["refused"] = items(".refused");
  container.dataset["conflicts"] = items(".conflict");
}

/** A drawn graph: kept while its items stay the same, updated in place. */
export interface DrawnGraph {
  cy: cytoscape.Core;
  /** The ids of the nodes drawn, and whether drawing links was on. */
  nodes: string;
  drawMode: boolean;
  /** The callbacks of the latest options (the drawing calls them). */
  live: PlanGraphOptions;
}

/**
 * Draws the graph into `container`, or updates `drawn` in place when the
 * same items are shown as before: marks, links and labels change, nobody
 * moves and the zoom stays. Returns what is drawn now.
 */
export function showPlanGraph(container: HTMLElement, drawn: DrawnGraph | null, data: WorkspaceData, o: PlanGraphOptions): DrawnGraph {
  const wanted = elements(data, o);
  const nodes = wanted.filter((e) => !e.data.source).map((e) => `${e.data.id}<${e.data.parent ?? ""}`).join(",");
  if (drawn && drawn.nodes === nodes && drawn.drawMode === o.drawMode) {
    drawn.live = o;
    const { cy } = drawn;
    const ids = new Set(wanted.map((e) => e.data.id));
    cy.batch(() => {
      cy.edges().filter((e) => !ids.has(e.id())).remove();
      for (const def of wanted) {
        const el = cy.getElementById(def.data.id ?? "");
        if (el.empty()) cy.add(def);
        else {
          el.data(def.data);
          el.classes(def.classes ?? "");
        }
      }
    });
    describe(container, cy);
    return drawn;
  }
  drawn?.cy.destroy();
  const next: DrawnGraph = { cy: draw(container, data, o, (id) => next.live.onSelect(id), (before, after) => next.live.onDrawn(before, after)), nodes, drawMode: o.drawMode, live: o };
  describe(container, next.cy);
  // Read-only handle for the end-to-end tests.
  (window as unknown as { greychartPlanGraph?: cytoscape.Core }).greychartPlanGraph = next.cy;
  return next;
}
