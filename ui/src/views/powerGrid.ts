// The power/interest grid: power is the influence-rank percentile, interest
// comes from the stakeholder profile; dots are coloured by stance on the
// chosen release. The quadrants say what to do with each stakeholder.

import type { StanceKind, WorkspaceData } from "../bindings";
import { svg } from "../dom";
import { placeLabels } from "./labels";

export const STANCE_COLOURS: Record<StanceKind, string> = {
  champion: "#009E73",
  supporter: "#56B4E9",
  neutral: "#999999",
  sceptic: "#E69F00",
  blocker: "#D55E00",
  unknown: "#c8ced6",
};

const W = 760;
const H = 380;
const PAD = 36;
/** Room on the right for the labels of the most powerful. */
const RIGHT = 130;
/** The width of a character of a name, and the height of a line (10 px text). */
const CHAR = 6;
const LINE = 11;

export function powerGrid(data: WorkspaceData, power: Map<string, number>, release: string): SVGElement {
  const name = new Map(data.people.map((p) => [p.id, p.name]));
  const stance = new Map(data.stances.filter((s) => s.release === release).map((s) => [s.person, s.stance]));
  const x = (pct: number) => PAD + (pct / 100) * (W - PAD - RIGHT);
  const y = (interest: number) => H - PAD - interest * (H - 2 * PAD);
  const quadrant = (label: string, qx: number, qy: number, anchor: string) =>
    svg("text", { x: qx, y: qy, "text-anchor": anchor, class: "quadrant" }, label);
  // Names go beside their dot where they cover no other name or dot; the
  // most interested choose first.
  const ordered = [...data.profiles].sort((a, b) => b.interest - a.interest || (power.get(a.person) ?? 0) - (power.get(b.person) ?? 0));
  const shown = ordered.map((p) => ({ p, label: name.get(p.person) ?? p.person, cx: x(power.get(p.person) ?? 0), cy: y(p.interest) }));
  const spots = placeLabels(
    shown.map((d) => ({ x: d.cx, y: d.cy, width: d.label.length * CHAR })),
    LINE,
    { x1: 0, x2: W, y1: 0, y2: H },
  );
  const dots = shown.map(({ p, label, cx, cy }, i) => {
    const kind: StanceKind = stance.get(p.person) ?? "unknown";
    const spot = spots[i] ?? { x: cx + 8, y: cy, anchor: "start" };
    return svg(
      "g",
      { class: "stakeholder", "data-person": p.person, "data-stance": kind },
      svg("circle", { cx, cy, r: 6, fill: STANCE_COLOURS[kind] }, svg("title", {}, `${label}: ${kind}`)),
      svg("text", { x: spot.x, y: spot.y, "text-anchor": spot.anchor, class: "dot-label" }, label),
    );
  });
  return svg(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, class: "power-grid", role: "img", "aria-label": "Power and interest of each stakeholder", "data-testid": "power-grid" },
    svg("rect", { x: PAD, y: PAD, width: W - PAD - RIGHT, height: H - 2 * PAD, class: "frame" }),
    svg("line", { x1: x(50), y1: PAD, x2: x(50), y2: H - PAD, class: "divider" }),
    svg("line", { x1: PAD, y1: y(0.5), x2: x(100), y2: y(0.5), class: "divider" }),
    quadrant("Keep satisfied", x(100) - 6, H - PAD - 8, "end"),
    quadrant("Manage closely", x(100) - 6, PAD + 16, "end"),
    quadrant("Keep informed", PAD + 6, PAD + 16, "start"),
    quadrant("Monitor", PAD + 6, H - PAD - 8, "start"),
    svg("text", { x: x(50), y: H - 8, "text-anchor": "middle", class: "axis" }, "Power (influence-rank percentile) \u2192"),
    svg("text", { x: 12, y: H / 2, "text-anchor": "middle", class: "axis", transform: `rotate(-90 12 ${H / 2})` }, "Interest \u2192"),
    ...dots,
  );
}
