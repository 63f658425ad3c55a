// The power/interest grid: power is the influence-rank percentile, interest
// comes from the stakeholder profile; dots are coloured by stance on the
// chosen release. The quadrants say what to do with each stakeholder.

import type { StanceKind, WorkspaceData } from "../bindings";
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

export const GRID = { W, H, PAD, RIGHT };

/** A stakeholder's dot and where its name goes. */
export interface GridDot {
  person: string;
  label: string;
  stance: StanceKind;
  cx: number;
  cy: number;
  spot: { x: number; y: number; anchor: "start" | "end" };
}

/** The grid's x for a power percentile and y for an interest. */
export const gridX = (pct: number) => PAD + (pct / 100) * (W - PAD - RIGHT);
export const gridY = (interest: number) => H - PAD - interest * (H - 2 * PAD);

/** The dots of the grid for the stances on `release`: names go beside their
 *  dot where they cover no other name or dot; the most interested choose first. */
export function gridDots(data: WorkspaceData, power: Map<string, number>, release: string): GridDot[] {
  const name = new Map(data.people.map((p) => [p.id, p.name]));
  const stance = new Map(data.stances.filter((s) => s.release === release).map((s) => [s.person, s.stance]));
  const ordered = [...data.profiles].sort((a, b) => b.interest - a.interest || (power.get(a.person) ?? 0) - (power.get(b.person) ?? 0));
  const shown = ordered.map((p) => ({ person: p.person, label: name.get(p.person) ?? p.person, cx: gridX(power.get(p.person) ?? 0), cy: gridY(p.interest) }));
  const spots = placeLabels(
    shown.map((d) => ({ x: d.cx, y: d.cy, width: d.label.length * CHAR })),
    LINE,
    { x1: 0, x2: W, y1: 0, y2: H },
  );
  return shown.map((d, i) => ({ ...d, stance: stance.get(d.person) ?? "unknown", spot: spots[i] ?? { x: d.cx + 8, y: d.cy, anchor: "start" } }));
}
