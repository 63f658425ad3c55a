import { describe, expect, it } from "vitest";
import { Keyed, keyOf } from "../src/stores/keyed.svelte";

/** A question whose answer comes when `answer` is called. */
function later<V>(): { promise: Promise<V>; answer: (v: V) => void; fail: (e: unknown) => void } {
  let answer: (v: V) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const promise = new Promise<V>((res, rej) => {
    answer = res;
    fail = rej;
  });
  return { promise, answer, fail };
}

describe("keyed answers", () => {
  it("land only for the key last asked for, whatever order they come back in", async () => {
    const answer = new Keyed<string>();
    const first = later<string>();
    const second = later<string>();
    const a = answer.fetch(keyOf(1, "2026-01-01"), () => first.promise);
    const b = answer.fetch(keyOf(2, "2026-01-01"), () => second.promise);
    second.answer("workspace 2");
    expect(await b).toBe("workspace 2");
    first.answer("workspace 1");
    expect(await a).toBeUndefined();
    expect(answer.value).toBe("workspace 2");
    expect(answer.answers(keyOf(2, "2026-01-01"))).toBe(true);
  });

  it("keep a failure as an ApiError, and forget everything when cleared", async () => {
    const answer = new Keyed<string>();
    const q = later<string>();
    const asked = answer.fetch("k", () => q.promise);
    q.fail({ code: "invalid", message: "no such person", field: null });
    await asked;
    expect(answer.error?.message).toBe("no such person");
    expect(answer.value).toBeNull();
    const late = later<string>();
    const pending = answer.fetch("k2", () => late.promise);
    answer.clear();
    late.answer("too late");
    await pending;
    expect(answer.value).toBeNull();
    expect(answer.key).toBeNull();
  });
});
