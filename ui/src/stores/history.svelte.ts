// Undo, redo and the History panel's entries. The history lives in the
// workspace file (every saved edit is one entry), so it survives a restart;
// the window only shows it and asks the store to step through it.

import { api } from "../api";
import type { HistoryEntry } from "../bindings";
import { Keyed, keyOf } from "./keyed.svelte";
import { session } from "./session.svelte";

class History {
  #answer = new Keyed<HistoryEntry[]>();
  #asked = 0;
  entries = $derived(this.#answer.value ?? []);
  /** The newest edit that undo would take back, if any. */
  nextUndo = $derived(this.entries.find((e) => e.state === "done"));
  /** The edit redo would bring back: the oldest undone one. */
  nextRedo = $derived([...this.entries].reverse().find((e) => e.state === "undone"));

  /** Fetches the entries again (after a load, or an edit that reloads nothing). */
  refresh(): Promise<unknown> {
    this.#asked += 1;
    return this.#answer.fetch(keyOf(session.opened, session.revision, this.#asked), () => api.history().catch(() => []));
  }
}

export const history = new History();
