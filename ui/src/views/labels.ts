// Placing the names next to dots on a chart so that no name covers another
// name or another dot: each name tries the spots around its dot in turn,
// nearest first, and takes the first that is free (or, when none is, the one
// that covers least).

/** A dot to label: its centre and the width of its name. */
export interface Dot {
  x: number;
  y: number;
  width: number;
}

/** Where a name goes: the text's anchor point and which side of the dot. */
export interface Spot {
  x: number;
  y: number;
  anchor: "start" | "end";
}

export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** The dot's radius plus a little air. */
const DOT = 7;
/** The gap between a dot and its name. */
const GAP = 8;

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Spots for every dot's name, in the dots' order: earlier dots choose
 *  first. `line` is the height of a line of text (the baseline sits a third
 *  of it below the centre); a name should stay inside `bounds`. */
export function placeLabels(dots: Dot[], line: number, bounds: Box): Spot[] {
  const dotBoxes: Box[] = dots.map((d) => ({ x1: d.x - DOT, x2: d.x + DOT, y1: d.y - DOT, y2: d.y + DOT }));
  const taken: Box[] = [];
  const shifts = [0, 1, -1, 2, -2, 3, -3];
  return dots.map((d, i) => {
    const candidates = shifts.flatMap((k) =>
      (["start", "end"] as const).map((anchor) => {
        const baseline = d.y + line / 3 + k * line;
        const x1 = anchor === "start" ? d.x + GAP : d.x - GAP - d.width;
        return { spot: { x: anchor === "start" ? x1 : d.x - GAP, y: baseline, anchor }, box: { x1, x2: x1 + d.width, y1: baseline - line * 0.8, y2: baseline + line * 0.2 } };
      }),
    );
    const outside = (box: Box) => (box.x1 < bounds.x1 || box.x2 > bounds.x2 || box.y1 < bounds.y1 || box.y2 > bounds.y2 ? 1 : 0);
    const cost = (box: Box) => outside(box) + taken.filter((t) => overlaps(t, box)).length + dotBoxes.filter((b, j) => j !== i && overlaps(b, box)).length;
    let best = candidates[0];
    let bestCost = Infinity;
    for (const c of candidates) {
      const n = cost(c.box);
      if (n < bestCost) [best, bestCost] = [c, n];
      if (n === 0) break;
    }
    if (!best) return { x: d.x + GAP, y: d.y, anchor: "start" };
    taken.push(best.box);
    return best.spot;
  });
}
