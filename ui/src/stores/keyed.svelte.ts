// Answers fetched from Rust for a key: the workspace open, its revision,
// the as-of date and whatever the question names (a person, a release…).
// Only the answer for the key last asked for lands; an answer for an older
// key (another workspace, an earlier date, a person since closed) is
// dropped, whatever order the answers come back in.

import { untrack } from "svelte";
import type { ApiError } from "../bindings";
import { asApiError } from "../ipc";

export class Keyed<V> {
  /** The answer for `key`, or null while none has landed. */
  value = $state.raw<V | null>(null);
  /** Why the last question failed, if it did. */
  error = $state.raw<ApiError | null>(null);
  /** The key the value (or error) answers. */
  key = $state.raw<string | null>(null);
  /** The key last asked for (not reactive: only answers compare to it). */
  #asked: string | null = null;

  /** Whether the shown answer is for `key` (not an older one, nor still being fetched). */
  answers(key: string): boolean {
    return this.key === key;
  }

  /** Asks for `key`; resolves with the answer if it is still the one wanted, else with undefined. */
  async fetch(key: string, run: () => Promise<V>): Promise<V | undefined> {
    this.#asked = key;
    try {
      const value = await run();
      if (this.#asked !== key) return undefined;
      this.value = value;
      this.error = null;
      this.key = key;
      return value;
    } catch (e) {
      if (this.#asked === key) {
        this.value = null;
        this.error = asApiError(e);
        this.key = key;
      }
      return undefined;
    }
  }

  /** Forgets the answer; anything still on its way is dropped. */
  clear(): void {
    this.#asked = null;
    this.value = null;
    this.error = null;
    this.key = null;
  }
}

/** A key made of parts (none may contain a tab). */
export function keyOf(...parts: (string | number | null)[]): string {
  return parts.map((p) => String(p)).join("\t");
}

/**
 * A Keyed answer that follows `key()`: whenever the key changes it is asked
 * for again, and null clears it. Must be made where effects may be (a
 * component, or inside `$effect.root`).
 */
export function follow<V>(key: () => string | null, run: (key: string) => Promise<V>): Keyed<V> {
  const answer = new Keyed<V>();
  $effect(() => {
    const k = key();
    if (k === null) answer.clear();
    else void answer.fetch(k, () => untrack(() => run(k)));
  });
  return answer;
}
