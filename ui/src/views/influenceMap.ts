// The drawing of the formal and grey charts: people sized by influence rank
// and coloured by team; links as wide as their sway weight, dashed when the
// evidence is stale, dotted for "known: no influence". The map's state is
// mirrored in data attributes so tests can read what is drawn.

import type { InfluenceRow, Position, SwayEdge, WorkspaceData } from "../bindings";
import cytoscape, { DRAWING_STYLE, drawLinks } from "./cytoscape";

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
const TEAM_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"];

/** People above which the map trades finish for speed. */
export const LARGE_MAP = 400;

/** The closest zoom a fitted map starts at. */
const FITTED_ZOOM = 1.25;

/** People above which the map is drawn only around a focused person. */
export const MAP_LIMIT = 3000;

/**
 * Large maps may be drawn with Cytoscape's WebGL renderer, which draws every
 * line solid and every arrow as a triangle: there stale links are also
 * faint, and "known: no influence" also violet (the map's legend says so).
 * Placed before the path's and the drawing's own styles, which win.
 */
export const LARGE_MAP_STYLE: cytoscape.StylesheetJson = [
  { selector: "edge.stale", style: { opacity: 0.25 } },
  { selector: "edge.known-none", style: { "line-color": "#7c3aed", "target-arrow-color": "#7c3aed", opacity: 0.9 } },
];

/** Whether the WebView can draw with WebGL 2 (asked once), which Cytoscape's WebGL renderer needs. */
let webglThere: boolean | undefined;
function canDrawWithWebgl(): boolean {
  if (webglThere === undefined) {
    try {
      const gl = document.createElement("canvas").getContext("webgl2");
      webglThere = gl !== null;
      // Free the test's context at once: a WebView keeps only a few alive.
      gl?.getExtension("WEBGL_lose_context")?.loseContext();
    } catch {
      webglThere = false;
    }
  }
  return webglThere;
}

export interface MapOptions {
  showFormal: boolean;
  showGrey: boolean;
  path: string[];
  /** Saved places; when there are any, the map uses them instead of a layout. */
  positions: Position[];
  onSelect: (personId: string) => void;
  /** Called after the user drags people, with everyone's place. */
  onMoved: (positions: Position[]) => void;
  /** Dragging from one person to another draws a claim instead of moving. */
  drawMode: boolean;
  /** Called when the user drew a link from one person to another. */
  onDrawn: (from: string, to: string) => void;
  /** Colour people by faction number instead of team (null: by team). */
  factionOf: Map<string, number> | null;
  /** Show only the people within `steps` links of `person` (null: everyone). */
  focus: { person: string; steps: number } | null;
}

/** The people within `steps` links of `start`, links taken in either direction. */
export function neighbourhood(edges: SwayEdge[], start: string, steps: number): Set<string> {
  const links = new Map<string, string[]>();
  for (const e of edges) {
    links.set(e.from, [...(links.get(e.from) ?? []), e.to]);
    links.set(e.to, [...(links.get(e.to) ?? []), e.from]);
  }
  const seen = new Set([start]);
  let frontier = [start];
  for (let step = 0; step < steps; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of links.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** The layout: saved places (newcomers next to their manager), or automatic. */
function layoutFor(data: WorkspaceData, saved: Position[]): cytoscape.LayoutOptions {
  if (saved.length > 0) {
    const at = new Map(saved.map((p) => [p.person, { x: p.x, y: p.y }]));
    const manager = new Map(data.people.map((p) => [p.id, p.manager]));
    let spare = 0;
    return {
      name: "preset",
      fit: true,
      padding: 20,
      positions: (node: cytoscape.NodeSingular) => {
        const own = at.get(node.id());
        if (own) return own;
        const boss = at.get(manager.get(node.id()) ?? "");
        spare += 1;
        return boss ? { x: boss.x + 40 * spare, y: boss.y + 60 } : { x: 60 * spare, y: -80 };
      },
    } as cytoscape.LayoutOptions;
  }
  return data.people.length > LARGE_MAP
    ? { name: "concentric", concentric: (n: cytoscape.NodeSingular) => Number(n.data("ring")), levelWidth: () => 1, minNodeSpacing: 6 } as cytoscape.LayoutOptions
    : { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 110, padding: 20 } as cytoscape.LayoutOptions;
}

export function teamColour(data: WorkspaceData, teamId: string | null): string {
  const i = data.teams.findIndex((t) => t.id === teamId);
  return i < 0 ? "#7b8794" : (TEAM_COLOURS[i % TEAM_COLOURS.length] ?? "#7b8794");
}

/** The colour of a faction: the eight largest get the palette, the rest grey. */
export function factionColour(number: number | undefined): string {
  return number !== undefined && number < TEAM_COLOURS.length - 1 ? (TEAM_COLOURS[number] ?? "#7b8794") : "#c4cbd3";
}

/**
 * The ring of the large map's layout for the person at `place` in rank order
 * (0: most influential), as the layout's "concentric" value: higher is
 * nearer the centre. Ring k holds 2k + 1 people, so the disc fills evenly;
 * grouping by size instead put most people on one ring of tens of thousands
 * of units, which no zoom could fit and whose long links took seconds a
 * frame to draw once zoomed in.
 */
export function ringOf(place: number, count: number): number {
  return Math.floor(Math.sqrt(count)) - Math.floor(Math.sqrt(place));
}

/** The style class of a link: how it is drawn and why. */
export function edgeClass(e: SwayEdge): "formal" | "known-none" | "stale" | "grey" {
  if (e.claims === 0) return "formal";
  if (e.known_none) return "known-none";
  if (e.stale) return "stale";
  return "grey";
}

/** What the map shows for these options: people, links, and their drawing. */
export function mapContent(data: WorkspaceData, influence: InfluenceRow[], edges: SwayEdge[], options: MapOptions) {
  // With the grey layer hidden a pair that is also a reporting line is drawn
  // as a plain reporting line; with the formal layer hidden, only evidence.
  const layered = edges
    .filter((e) => (options.showGrey && e.claims > 0) || (options.showFormal && e.formal))
    .map((e) => (options.showGrey ? e : { ...e, claims: 0, weight: data.formal_weight, grey: 0 }));
  const near = options.focus ? neighbourhood(layered, options.focus.person, options.focus.steps) : null;
  const people = near ? data.people.filter((p) => near.has(p.id)) : data.people;
  const shown = near ? layered.filter((e) => near.has(e.from) && near.has(e.to)) : layered;
  // Too many to draw: the map says so, and nothing more is worked out.
  if (people.length > MAP_LIMIT) return { people, shown, elements: [] };
  const rank = new Map(influence.map((r) => [r.id, r.rank]));
  const maxRank = influence.reduce((max, r) => Math.max(max, r.rank), 1e-9);
  const pathPairs = new Set(options.path.slice(1).map((to, i) => `${options.path[i]}>${to}`));
  const place = new Map([...people].sort((a, b) => (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0)).map((p, i) => [p.id, i]));
  const elements: cytoscape.ElementDefinition[] = [
    ...people.map((p) => ({
      data: {
        id: p.id,
        ring: ringOf(place.get(p.id) ?? 0, people.length),
        label: p.name,
        size: 18 + 52 * Math.sqrt((rank.get(p.id) ?? 0) / maxRank),
        colour: options.factionOf ? factionColour(options.factionOf.get(p.id)) : teamColour(data, p.team),
      },
      classes: options.path.includes(p.id) ? "on-path" : "",
    })),
    ...shown.map((e) => ({
      data: { id: `${e.from}>${e.to}`, source: e.from, target: e.to, width: 1 + 7 * e.weight },
      classes: `${edgeClass(e)}${pathPairs.has(`${e.from}>${e.to}`) ? " on-path" : ""}`,
    })),
  ];
  return { people, shown, elements };
}

/** Mirrors what is drawn in data attributes, for tests and diagnostics. */
function describe(container: HTMLElement, people: unknown[], shown: SwayEdge[], options: MapOptions): void {
  const counts = (cls: string) => shown.filter((e) => edgeClass(e) === cls).length;
  container.dataset["drawMode"] = String(options.drawMode);
  container.dataset["nodes"] = String(people.length);
  container.dataset["edges"] = String(shown.length);
  container.dataset["staleEdges"] = String(counts("stale"));
  container.dataset["knownNoneEdges"] = String(counts("known-none"));
  container.dataset["path"] = options.path.join(">");
}

function drawInfluenceMap(container: HTMLElement, { people, shown, elements }: MapContent, data: WorkspaceData, options: MapOptions): cytoscape.Core {
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  // Above a few hundred people, draw for speed: straight links, a snapshot
  // while panning and zooming, names only once they are legible, and with
  // WebGL where the WebView has it (a frame of 2,000 people ~0.2 s instead
  // of ~1.2 s, even in software; bench/README.md).
  const large = people.length > LARGE_MAP;
  const webgl = large && canDrawWithWebgl();
  // WebGL blends arrows against the container's own background colour,
  // white unless set there: the map's, light or dark.
  if (webgl) container.style.backgroundColor = getComputedStyle(container).backgroundColor;
  // Before Cytoscape watches the container's attributes (it resizes on any change).
  container.dataset["renderer"] = webgl ? "webgl" : "canvas";
  const cy = cytoscape({
    container,
    elements,
    minZoom: 0.02,
    maxZoom: 4,
    hideEdgesOnViewport: large,
    textureOnViewport: large,
    pixelRatio: large ? 1 : "auto",
    webgl,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: "node",
        style: {
          width: "data(size)",
          height: "data(size)",
          "background-color": "data(colour)",
          label: "data(label)",
          "font-size": 16,
          color: dark ? "#e4e7eb" : "#1f2933",
          "text-outline-width": 2,
          "text-outline-color": dark ? "#14181e" : "#f7f8fa",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "border-width": 1,
          "border-color": dark ? "#14181e" : "#ffffff",
          "min-zoomed-font-size": large ? 9 : 0,
        },
      },
      { selector: "edge", style: { width: "data(width)", "curve-style": large ? "straight" : "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.7, opacity: 0.75 } },
      { selector: "edge.formal", style: { "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1", opacity: 0.5 } },
      { selector: "edge.grey", style: { "line-color": "#b45309", "target-arrow-color": "#b45309" } },
      { selector: "edge.stale", style: { "line-color": "#b45309", "target-arrow-color": "#b45309", "line-style": "dashed", opacity: 0.5 } },
      { selector: "edge.known-none", style: { "line-color": "#7b8794", "target-arrow-shape": "tee", "line-style": "dotted", width: 1.5 } },
      ...(large ? LARGE_MAP_STYLE : []),
      { selector: ".on-path", style: { "line-color": "#2563eb", "target-arrow-color": "#2563eb", "border-color": "#2563eb", "border-width": 3, opacity: 1, "z-index": 10 } },
      { selector: "node:selected", style: { "border-color": "#b45309", "border-width": 3 } },
      ...DRAWING_STYLE,
    ],
  });
  // A handful of people would be fitted at the largest zoom, one person
  // filling the map: no closer than a comfortable reading size.
  const layout = cy.layout(layoutFor(data, options.positions));
  layout.one("layoutstop", () => {
    if (cy.zoom() > FITTED_ZOOM) {
      cy.zoom(FITTED_ZOOM);
      cy.center();
    }
  });
  layout.run();
  cy.on("tap", "node", (e) => live.onSelect(e.target.id()));
  // The claim form records the evidence.
  drawLinks(cy, options.drawMode, (source, target) => live.onDrawn(source.id(), target.id()));
  cy.on("dragfree", "node", () => {
    const positions = cy.nodes().map((n) => ({ person: n.id(), x: n.position("x"), y: n.position("y") }));
    live.onMoved(positions);
    container.dataset["layout"] = "saved";
  });
  container.dataset["layout"] = options.positions.length > 0 ? "saved" : "automatic";
  // Read-only handle for the end-to-end tests, which check what is drawn.
  (window as unknown as { greychartMap?: cytoscape.Core }).greychartMap = cy;
  describe(container, people, shown, options);
  if (options.focus) cy.getElementById(options.focus.person).select();
  // When the first map was drawn, in ms since the page started: the start-up figure.
  document.documentElement.dataset["firstMapMs"] ??= String(Math.round(performance.now()));
  return cy;
}

/** The callbacks of the latest view, so a kept drawing calls the current ones. */
let live: MapOptions;

/** The drawing kept while the window is open, also while another view is shown. */
let kept: { container: HTMLElement; cy: cytoscape.Core; people: string; drawMode: boolean } | null = null;

/** What the map shows for some options (`mapContent`), worked out once per change. */
export type MapContent = ReturnType<typeof mapContent>;

/**
 * Draws the map into `host`. When the same people are shown as last time,
 * the existing drawing is kept and only sizes, links and marks are updated
 * in place — no new layout, no new canvas — so an edit or a new as-of date
 * is quick even with thousands of people, and nobody moves.
 */
export function showMap(host: HTMLElement, content: MapContent, data: WorkspaceData, options: MapOptions): void {
  live = options;
  if (content.people.length > MAP_LIMIT) {
    kept?.cy.destroy();
    kept?.container.remove();
    kept = null;
    return;
  }
  const people = content.people.map((p) => p.id).join(",");
  // A drawing is kept only in the layout wanted: saved places (its own,
  // once anyone was dragged) or automatic (after Arrange automatically).
  const layout = options.positions.length > 0 ? "saved" : "automatic";
  if (kept && kept.people === people && kept.drawMode === options.drawMode && kept.container.dataset["layout"] === layout) {
    const { cy, container } = kept;
    const wanted = new Set(content.elements.map((e) => e.data.id));
    cy.batch(() => {
      cy.edges().filter((e) => !wanted.has(e.id())).remove();
      for (const def of content.elements) {
        const el = cy.getElementById(def.data.id ?? "");
        if (el.empty()) {
          cy.add(def);
        } else {
          el.data(def.data);
          el.classes(def.classes ?? "");
        }
      }
      cy.nodes(":selected").unselect();
      if (options.focus) cy.getElementById(options.focus.person).select();
    });
    describe(container, content.people, content.shown, options);
    if (container.parentElement !== host) {
      host.replaceChildren(container);
      // Back in the page: a fresh renderer on the same container, so pointer
      // handling knows where the container now is (resize alone is not enough).
      cy.unmount();
      cy.mount(container);
    }
    return;
  }
  kept?.cy.destroy();
  kept?.container.remove();
  const container = document.createElement("div");
  container.className = "map";
  container.dataset["testid"] = "influence-map";
  host.replaceChildren(container);
  const cy = drawInfluenceMap(container, content, data, options);
  kept = { container, cy, people, drawMode: options.drawMode };
}
