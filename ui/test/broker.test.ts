import { describe, expect, it } from "vitest";
import { applyBrokerScores, brokerText } from "../src/broker";
import { emptyData, noClaims, type Model } from "../src/state";

function model(): Model {
  return {
    info: null,
    data: emptyData(),
    approvals: [],
    claims: noClaims(),
    influence: [
      { id: "a", name: "A", rank: 0.6, formal_rank: 0.5, rank_percentile: 100, power_gap: 0, broker: 0 },
      { id: "b", name: "B", rank: 0.4, formal_rank: 0.5, rank_percentile: 0, power_gap: 0, broker: 0 },
    ],
    broker: { kind: "running", done: 0, total: 2 },
    edges: [],
    evidence: null,
    moversDays: 90,
    factions: [],
    colourBy: "team",
    positions: [],
    asOf: "2026-11-27",
    showFormal: true,
    showGrey: true,
    path: [],
    focusQuery: "",
    focusSteps: 0,
    drawMode: false,
    stanceRelease: null, plan: null, planError: null, planItem: null, impact: null, planDraw: false, planRefused: null, approvalsRelease: null, pathToYes: null, approvalFilter: "all", scheduleMessage: null, packet: null,
  };
}

describe("broker scores arriving after the ranks", () => {
  it("show an ellipsis while running, then the scores, and a dash when cancelled", () => {
    const m = model();
    expect(brokerText(m, "a")).toBe("…");
    applyBrokerScores(m, { scores: [{ id: "a", broker: 0.25 }, { id: "b", broker: 0 }], exact: true, sources: 2 });
    expect(m.broker).toEqual({ kind: "done", exact: true, sources: 2 });
    expect(brokerText(m, "a")).toBe("0.25");
    expect(m.influence.find((r) => r.id === "a")?.broker).toBe(0.25);
    expect(brokerText(m, "nobody")).toBe("–");
    m.broker = { kind: "cancelled" };
    expect(brokerText(m, "a")).toBe("–");
  });
});
