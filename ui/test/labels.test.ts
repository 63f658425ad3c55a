import { describe, expect, it } from "vitest";
import { placeLabels, type Box, type Dot, type Spot } from "../src/views/labels";

const LINE = 11;
const BOUNDS: Box = { x1: 0, x2: 760, y1: 0, y2: 380 };

/** The box a placed name covers, as the placer reckons it. */
function boxOf(dot: Dot, spot: Spot): Box {
  const x1 = spot.anchor === "start" ? spot.x : spot.x - dot.width;
  return { x1, x2: x1 + dot.width, y1: spot.y - LINE * 0.8, y2: spot.y + LINE * 0.2 };
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Every pair of a name and another name or another dot that overlap. */
function clashes(dots: Dot[], spots: Spot[]): string[] {
  const boxes = dots.map((d, i) => boxOf(d, spots[i] as Spot));
  const found: string[] = [];
  boxes.forEach((b, i) => {
    boxes.forEach((c, j) => {
      if (j > i && overlaps(b, c)) found.push(`name ${i} covers name ${j}`);
    });
    dots.forEach((d, j) => {
      if (j !== i && overlaps(b, { x1: d.x - 6, x2: d.x + 6, y1: d.y - 6, y2: d.y + 6 })) found.push(`name ${i} covers dot ${j}`);
    });
  });
  return found;
}

describe("placing names beside dots", () => {
  it("puts a lone name right of its dot, on its line", () => {
    expect(placeLabels([{ x: 100, y: 100, width: 50 }], LINE, BOUNDS)).toEqual([{ x: 108, y: 100 + LINE / 3, anchor: "start" }]);
  });

  it("puts a name left of its dot at the right edge", () => {
    const [spot] = placeLabels([{ x: 740, y: 100, width: 60 }], LINE, BOUNDS);
    expect(spot).toEqual({ x: 732, y: 100 + LINE / 3, anchor: "end" });
  });

  it("keeps every name off the other names and dots of a crowded corner", () => {
    // The demo's upper middle, where names covered dots and each other.
    const dots: Dot[] = [
      { x: 380, y: 30, width: 72 },
      { x: 318, y: 44, width: 84 },
      { x: 386, y: 44, width: 66 },
      { x: 304, y: 72, width: 66 },
      { x: 494, y: 100, width: 78 },
      { x: 508, y: 100, width: 84 },
      { x: 553, y: 100, width: 84 },
      { x: 567, y: 128, width: 90 },
      { x: 430, y: 128, width: 138 },
    ];
    const spots = placeLabels(dots, LINE, BOUNDS);
    expect(clashes(dots, spots)).toEqual([]);
    // Without the dots counted, the first placement clashes: the check bites.
    const naive: Spot[] = dots.map((d) => ({ x: d.x + 8, y: d.y + LINE / 3, anchor: "start" }));
    expect(clashes(dots, naive).length).toBeGreaterThan(0);
  });
});
