// The Grey chart map's legend: one small drawing and a word or two per mark,
// read at a glance instead of a paragraph. The strokes match influenceMap's.

import { h, svg } from "../dom";

type Line = { colour: string; width: number; dash?: string; opacity?: number; tee?: boolean };

function line({ colour, width, dash, opacity, tee }: Line): SVGElement {
  const attrs: Record<string, string | number> = { x1: 2, y1: 7, x2: tee ? 24 : 26, y2: 7, stroke: colour, "stroke-width": width };
  if (dash) attrs["stroke-dasharray"] = dash;
  if (opacity !== undefined) attrs["stroke-opacity"] = opacity;
  const marks: SVGElement[] = [svg("line", attrs)];
  if (tee) marks.push(svg("line", { x1: 26, y1: 2, x2: 26, y2: 12, stroke: colour, "stroke-width": 2 }));
  return svg("svg", { width: 28, height: 14, class: "swatch", "aria-hidden": "true" }, ...marks);
}

function circles(): SVGElement {
  return svg(
    "svg",
    { width: 28, height: 14, class: "swatch", "aria-hidden": "true" },
    svg("circle", { cx: 5, cy: 9, r: 3, fill: "#9aa5b1" }),
    svg("circle", { cx: 18, cy: 7, r: 6, fill: "#9aa5b1" }),
  );
}

function item(mark: SVGElement, label: string, tip: string): HTMLElement {
  return h("span", { class: "legend-item", title: tip }, mark, ` ${label}`);
}

/** The legend under the map; `large` adds how big maps draw stale and "no influence" links. */
export function mapLegend(large: boolean, showPath: boolean): HTMLElement {
  return h(
    "div",
    { class: "legend map-legend", "data-testid": "map-legend" },
    item(circles(), "influence rank", "A larger circle: more influence. Colour: the team, or the faction when chosen."),
    item(line({ colour: "#9aa5b1", width: 1.5 }), "reports to", "The formal chart: a manager and a direct report."),
    item(line({ colour: "#b45309", width: 3 }), "sways", "Grey chart: the first sways the second; the wider, the stronger the sway weight."),
    item(line({ colour: "#b45309", width: 2, dash: "4 3", opacity: 0.5 }), large ? "stale (faint)" : "stale", "Every claim about this link is past its half-life."),
    item(line({ colour: large ? "#7c3aed" : "#7b8794", width: 1.5, dash: "1 3", tee: true }), "known: no influence", "A claim of strength 0: someone checked, and there is no sway."),
    showPath ? item(line({ colour: "#2563eb", width: 3 }), "your strongest path", "The path from you that carries the most sway to the person chosen.") : null,
  );
}
