// Broker scores arrive after the rest: they run on a worker thread in the
// app while the window stays live. This module keeps their state, shows the
// progress bar with Cancel in the toolbar, runs the scores, and fills the
// broker cells in place when they land.

import { api } from "./api";
import { asApiError } from "./ipc";
import type { BrokerScores } from "./bindings";
import { h, replace } from "./dom";
import { unit } from "./format";
import { influenceById, type Model } from "./state";

export type BrokerState =
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; exact: boolean; sources: number }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

/** A person's broker score as shown: the value once known, "…" while it runs. */
export function brokerText(model: Model, id: string): string {
  if (model.broker.kind !== "done") return model.broker.kind === "running" ? "…" : "–";
  const row = influenceById(model.influence).get(id);
  return row ? unit(row.broker) : "–";
}

/** A cell that `refreshBrokerCells` can fill later. */
export function brokerCell(model: Model, id: string): HTMLElement {
  return h("span", { "data-broker": id }, brokerText(model, id));
}

export function refreshBrokerCells(model: Model): void {
  for (const el of document.querySelectorAll<HTMLElement>("[data-broker]")) {
    el.textContent = brokerText(model, el.dataset["broker"] ?? "");
  }
}

/** Puts the scores into the influence rows. */
export function applyBrokerScores(model: Model, result: BrokerScores): void {
  const by = new Map(result.scores.map((s) => [s.id, s.broker]));
  for (const row of model.influence) row.broker = by.get(row.id) ?? 0;
  model.broker = { kind: "done", exact: result.exact, sources: result.sources };
}

/** The toolbar's progress area for the current state. */
export function renderBrokerProgress(el: HTMLElement, state: BrokerState, onCancel: () => void, onRun: () => void): void {
  const wasRunning = el.dataset["state"] === "running";
  el.dataset["state"] = state.kind;
  switch (state.kind) {
    case "running": {
      const pct = state.total > 0 ? Math.floor((100 * state.done) / state.total) : 0;
      // While running, only the bar and the figure change: the Cancel button
      // stays the same element, so a click on it is never lost to a redraw.
      const bar = el.querySelector("progress");
      const figure = el.querySelector(".muted");
      if (wasRunning && bar && figure) {
        bar.value = pct;
        bar.title = `${state.done} of ${state.total} people searched from`;
        figure.textContent = ` ${pct}% `;
        break;
      }
      replace(
        el,
        h("span", {}, "Broker scores "),
        h("progress", { max: 100, value: pct, "data-testid": "analysis-bar", title: `${state.done} of ${state.total} people searched from` }),
        h("span", { class: "muted" }, ` ${pct}% `),
        h("button", { type: "button", "data-testid": "analysis-cancel", onclick: onCancel }, "Cancel"),
      );
      break;
    }
    case "done":
      replace(el, h("span", { class: "muted", title: state.exact ? "Exact: searched from every person." : `Estimated from ${state.sources} sampled people.` }, state.exact ? "" : "Broker scores estimated"));
      break;
    case "cancelled":
      replace(el, h("span", { class: "muted" }, "Broker scores not computed "), h("button", { type: "button", "data-testid": "analysis-run", onclick: onRun }, "Compute"));
      break;
    case "failed":
      replace(el, h("span", { class: "error" }, state.message));
      break;
  }
}

/** Polls the app for progress every `ms` while `running()` holds. */
export function pollProgress(ms: number, running: () => boolean, update: (done: number, total: number) => void): () => void {
  const timer = window.setInterval(() => {
    if (!running()) return;
    api
      .analysisProgress()
      .then((p) => {
        if (running() && p.running) update(p.done, p.total);
      })
      .catch(() => undefined);
  }, ms);
  return () => window.clearInterval(timer);
}

/** What a broker run needs of the window. */
export interface BrokerHost {
  model: Model;
  /** Where the progress bar goes. */
  progressArea: () => HTMLElement;
  /** Whether the view on screen lists the brokers by score. */
  listing: () => boolean;
  /** Redraws the view on screen. */
  render: () => void;
}

/** A function that computes the broker scores in the background; a newer
 *  run (after an edit or a new as-of date) supersedes the one before. */
export function brokerRunner(host: BrokerHost): () => Promise<void> {
  const { model } = host;
  let latestRun = 0;
  /** The run the user cancelled: its answer, should it still come, is
   *  shown as cancelled (a click can reach the app before the run does). */
  let cancelledRun = 0;
  const show = () =>
    renderBrokerProgress(
      host.progressArea(),
      model.broker,
      () => {
        cancelledRun = latestRun;
        void api.cancelAnalysis();
      },
      () => {
        void run();
        // The brokers list says the scores are being computed again.
        if (host.listing()) host.render();
      },
    );
  async function run(): Promise<void> {
    const mine = ++latestRun;
    const isLatest = () => mine === latestRun;
    model.broker = { kind: "running", done: 0, total: 0 };
    show();
    const stop = pollProgress(150, isLatest, (done, total) => {
      model.broker = { kind: "running", done, total };
      show();
    });
    try {
      const result = await api.brokerScores(model.asOf);
      if (!isLatest()) return;
      if (result && cancelledRun !== mine) applyBrokerScores(model, result);
      else model.broker = { kind: "cancelled" };
    } catch (e) {
      if (isLatest()) model.broker = { kind: "failed", message: asApiError(e).message };
    } finally {
      stop();
    }
    if (!isLatest()) return;
    show();
    // The brokers list is ordered by score: redraw it; elsewhere fill cells.
    if (host.listing()) host.render();
    else refreshBrokerCells(model);
  }
  return run;
}
