import { describe, expect, it } from "vitest";
import { search, searchIndex } from "../src/components/search";
import { emptyData } from "../src/state";

describe("Ctrl+K search", () => {
  const data = emptyData();
  data.people = [
    { id: "p1", name: "Ann Lee", title: "CIO", team: null, manager: null },
    { id: "p2", name: "Leena Ko", title: "QA", team: null, manager: null },
  ];
  data.releases = [{ id: "r1", name: "Ledger 1.0", stage: "plan", window_start: null, window_end: null, risk: "low", cost: null }];
  data.changes = [{ id: "c1", title: "Schema for the ledger", release: "r1", components: [], duration_days: 1, not_before: null, risk: null }];

  it("finds every kind by name or id, exact and leading matches first", () => {
    expect(search(searchIndex(data), "le", 10).map((f) => f.id)).toEqual(["r1", "p2", "p1", "c1"]);
    expect(search(searchIndex(data), "C1", 10).map((f) => `${f.kind}:${f.id}`)).toEqual(["change:c1"]);
    expect(search(searchIndex(data), "  ", 10)).toEqual([]);
    expect(search(searchIndex(data), "zzz", 10)).toEqual([]);
    expect(search(searchIndex(data), "e", 2)).toHaveLength(2);
  });
});
