// Broker scores arrive after the rest: they run on a worker thread in the
// app while the window stays live, with progress polled for the toolbar's
// bar and a Cancel. A newer run (after an edit or a new as-of date)
// supersedes the one before; a cancelled run's late answer shows as cancelled.

import { api } from "../api";
import { asApiError } from "../ipc";
import type { BrokerScores } from "../bindings";
import { unit } from "../format";

export type BrokerState =
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; exact: boolean; sources: number }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

/** Scores by person id from the app's answer. */
export function scoresOf(result: BrokerScores): Map<string, number> {
  return new Map(result.scores.map((s) => [s.id, s.broker]));
}

export class Broker {
  state = $state.raw<BrokerState>({ kind: "cancelled" });
  /** Scores by person, once a run is done. */
  scores = $state.raw<Map<string, number>>(new Map());
  #latest = 0;
  #cancelled = 0;

  /** A person's score as shown: the value once known, "…" while it runs. */
  text(id: string): string {
    if (this.state.kind !== "done") return this.state.kind === "running" ? "…" : "–";
    const score = this.scores.get(id);
    return score === undefined ? "–" : unit(score);
  }

  /** Computes the scores as of `asOf`; a later run supersedes this one. */
  async run(asOf: string): Promise<void> {
    const mine = ++this.#latest;
    const isLatest = () => mine === this.#latest;
    this.state = { kind: "running", done: 0, total: 0 };
    const timer = window.setInterval(() => {
      if (!isLatest()) return;
      api
        .analysisProgress()
        .then((p) => {
          if (isLatest() && p.running && this.state.kind === "running") this.state = { kind: "running", done: p.done, total: p.total };
        })
        .catch(() => undefined);
    }, 150);
    try {
      const result = await api.brokerScores(asOf);
      if (!isLatest()) return;
      if (result && this.#cancelled !== mine) {
        this.scores = scoresOf(result);
        this.state = { kind: "done", exact: result.exact, sources: result.sources };
      } else {
        this.state = { kind: "cancelled" };
      }
    } catch (e) {
      if (isLatest()) this.state = { kind: "failed", message: asApiError(e).message };
    } finally {
      window.clearInterval(timer);
    }
  }

  /** A run is coming (the workspace or date changed): the old scores are not shown meanwhile. */
  awaitRun(): void {
    this.state = { kind: "running", done: 0, total: 0 };
  }

  cancel(): void {
    this.#cancelled = this.#latest;
    void api.cancelAnalysis();
  }

  /** Nothing to score (no workspace): forget the last scores. */
  reset(): void {
    this.#latest += 1;
    this.state = { kind: "cancelled" };
    this.scores = new Map();
  }
}

export const broker = new Broker();
