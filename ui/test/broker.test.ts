import { afterEach, describe, expect, it, vi } from "vitest";
import { Broker } from "../src/stores/broker.svelte";

// The store asks the app through Tauri's invoke; here a run is answered by
// hand, as the app would answer it.
const answers: ((value: unknown) => void)[] = [];
vi.mock("../src/ipc", () => ({
  call: () => new Promise((resolve) => answers.push(resolve)),
  asApiError: (e: unknown) => ({ code: "internal", message: String(e), field: null }),
}));
vi.stubGlobal("window", { setInterval: () => 0, clearInterval: () => undefined });

afterEach(() => {
  answers.length = 0;
});

describe("broker scores arriving after the ranks", () => {
  it("show an ellipsis while running, then the scores, and a dash when cancelled", async () => {
    const broker = new Broker();
    expect(broker.text("a")).toBe("–");
    const run = broker.run("2026-11-27");
    expect(broker.text("a")).toBe("…");
    answers.shift()?.({ scores: [{ id: "a", broker: 0.25 }, { id: "b", broker: 0 }], exact: true, sources: 2 });
    await run;
    expect(broker.state).toEqual({ kind: "done", exact: true, sources: 2 });
    expect(broker.text("a")).toBe("0.25");
    expect(broker.text("nobody")).toBe("–");
    broker.reset();
    expect(broker.text("a")).toBe("–");
  });

  it("drop the answer of a run overtaken by a newer one", async () => {
    const broker = new Broker();
    const first = broker.run("2026-01-01");
    const second = broker.run("2026-11-27");
    const [old, latest] = answers.splice(0);
    latest?.({ scores: [{ id: "a", broker: 0.5 }], exact: true, sources: 1 });
    await second;
    old?.({ scores: [{ id: "a", broker: 0.1 }], exact: false, sources: 1 });
    await first;
    expect(broker.text("a")).toBe("0.50");
  });
});
