import { describe, expect, it } from "vitest";
import { asApiError } from "../src/ipc";
import { nextPersonId } from "../src/forms/ids";
import { emptyData, influenceRows, names, topBy } from "../src/state";

describe("influence rows", () => {
  it("are made from the columns in their order, named from the people", () => {
    const data = emptyData();
    data.people = [
      { id: "p1", name: "Ada", title: "", team: null, manager: null },
      { id: "p2", name: "Bo", title: "", team: null, manager: null },
    ];
    const rows = influenceRows({ ids: ["p2", "p1", "gone"], rank: [0.5, 0.3, 0.2], formal_rank: [0.1, 0.6, 0.3], rank_percentile: [100, 50, 0], power_gap: [50, -50, 0] }, data);
    expect(rows).toEqual([
      { id: "p2", name: "Bo", rank: 0.5, formal_rank: 0.1, rank_percentile: 100, power_gap: 50, broker: 0 },
      { id: "p1", name: "Ada", rank: 0.3, formal_rank: 0.6, rank_percentile: 50, power_gap: -50, broker: 0 },
      { id: "gone", name: "gone", rank: 0.2, formal_rank: 0.3, rank_percentile: 0, power_gap: 0, broker: 0 },
    ]);
  });
});

describe("helpers", () => {
  it("numbers new people after the highest id", () => {
    const data = emptyData();
    data.people = [
      { id: "p09", name: "A", title: "", team: null, manager: null },
      { id: "p40", name: "B", title: "", team: null, manager: null },
      { id: "x7", name: "C", title: "", team: null, manager: null },
    ];
    expect(nextPersonId(data)).toBe("p41");
  });


  it("turns any rejection into an ApiError", () => {
    expect(asApiError({ code: "invalid", message: "bad", field: "strength" })).toEqual({ code: "invalid", message: "bad", field: "strength" });
    expect(asApiError("boom")).toEqual({ code: "internal", message: "boom", field: null });
  });
});

describe("map focus", () => {
  it("takes links in both directions, step by step", async () => {
    const { neighbourhood } = await import("../src/views/influenceMap");
    const edge = (from: string, to: string) => ({ from, to, weight: 0.5, grey: 0.5, formal: false, claims: 1, stale: false, known_none: false });
    const edges = [edge("a", "b"), edge("c", "b"), edge("c", "d"), edge("e", "f")];
    expect([...neighbourhood(edges, "b", 1)].sort()).toEqual(["a", "b", "c"]);
    expect([...neighbourhood(edges, "b", 2)].sort()).toEqual(["a", "b", "c", "d"]);
    expect([...neighbourhood(edges, "e", 5)].sort()).toEqual(["e", "f"]);
  });
});

describe("large map layout", () => {
  it("puts 2k + 1 people on ring k, the most influential in the centre", async () => {
    const { ringOf } = await import("../src/views/influenceMap");
    const count = 2000;
    const sizes = new Map<number, number>();
    for (let place = 0; place < count; place++) {
      const ring = ringOf(place, count);
      sizes.set(ring, (sizes.get(ring) ?? 0) + 1);
    }
    expect(ringOf(0, count)).toBeGreaterThan(ringOf(1, count));
    expect(ringOf(1, count)).toBeGreaterThan(ringOf(count - 1, count));
    const inner = Math.floor(Math.sqrt(count));
    for (let k = 0; k < 44; k++) expect(sizes.get(inner - k)).toBe(2 * k + 1);
    // The outermost ring takes the rest, never more than its share.
    expect(sizes.get(inner - 44)).toBeLessThanOrEqual(2 * 44 + 1);
  });
});

describe("finding a person", () => {
  it("prefers an exact name, then a partial one, case-insensitively", async () => {
    const { findPerson } = await import("../src/views/focus");
    const people = [{ id: "a", name: "Ann Lee" }, { id: "b", name: "Ann" }];
    expect(findPerson(people, "ann")).toBe("b");
    expect(findPerson(people, "lee")).toBe("a");
    expect(findPerson(people, "  ")).toBeNull();
    expect(findPerson(people, "zed")).toBeNull();
  });
});

describe("top items", () => {
  it("equal a stable sort's first k, ties in their order", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const items = Array.from({ length: 500 }, (_, i) => ({ i, score: next() % 40 }));
    for (const k of [0, 1, 5, 40, 600]) {
      const sorted = [...items].sort((a, b) => b.score - a.score).slice(0, k);
      expect(topBy(items, (t) => t.score, k)).toEqual(sorted);
    }
  });

  it("are worked out once per loaded workspace", () => {
    const data = { ...emptyData(), people: [{ id: "a", name: "Ann", title: "", team: null, manager: null }] };
    expect(names(data).get("a")).toBe("Ann");
    expect(names(data)).toBe(names(data));
    expect(names({ ...data, people: [] }).get("a")).toBeUndefined();
  });
});
