// Undo, redo and the History panel. The history lives in the workspace file
// (every saved edit is one entry), so it survives a restart; the page only
// shows it and asks the store to step through it.

import { api } from "./api";
import { asApiError } from "./ipc";
import type { HistoryEntry } from "./bindings";
import { h } from "./dom";
import { openPanel, panelIsOpen } from "./panel";

/** What the window does around a step: reload, say what happened. */
export interface HistoryHost {
  reloaded: (message: string, kind?: "info" | "error") => Promise<void>;
}

let entries: HistoryEntry[] = [];

/** The newest edit that undo would take back, if any. */
function nextUndo(): HistoryEntry | undefined {
  return entries.find((e) => e.state === "done");
}

/** The edit redo would bring back: the oldest undone one. */
function nextRedo(): HistoryEntry | undefined {
  return [...entries].reverse().find((e) => e.state === "undone");
}

function button(id: string): HTMLButtonElement | null {
  return document.getElementById(id) as HTMLButtonElement | null;
}

/** Fetches the history and brings the toolbar (and the panel, if open) in step. */
export async function refreshHistory(host: HistoryHost): Promise<void> {
  try {
    entries = await api.history();
  } catch {
    entries = [];
  }
  const undo = nextUndo();
  const redo = nextRedo();
  const undoButton = button("cmd-undo");
  const redoButton = button("cmd-redo");
  if (undoButton) {
    undoButton.disabled = !undo?.undoable;
    undoButton.title = undo ? (undo.undoable ? `Undo: ${undo.summary} (Ctrl+Z)` : `“${undo.summary}” cannot be undone`) : "Nothing to undo";
  }
  if (redoButton) {
    redoButton.disabled = !redo;
    redoButton.title = redo ? `Redo: ${redo.summary} (Ctrl+Shift+Z)` : "Nothing to redo";
  }
  if (historyPanelShown()) showHistoryPanel(host);
}

async function step(host: HistoryHost, run: () => Promise<string[]>, verb: "Undid" | "Redid"): Promise<void> {
  try {
    const done = await run();
    const what = done.length === 1 ? (done[0] ?? "") : `${done.length} edits`;
    await host.reloaded(`${verb}: ${what}`);
  } catch (e) {
    await host.reloaded(asApiError(e).message, "error");
  }
}

export function undo(host: HistoryHost): Promise<void> {
  return step(host, () => api.undo().then((s) => [s]), "Undid");
}

export function redo(host: HistoryHost): Promise<void> {
  return step(host, () => api.redo().then((s) => [s]), "Redid");
}

/** When an edit was made, in the reader's local time. */
function when(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The History panel: recent edits in plain words, newest first; each can
 *  be stepped back to (undoing it and everything after) or, when undone,
 *  forward to. */
export function showHistoryPanel(host: HistoryHost): void {
  const rows = entries.map((e) => {
    const undone = e.state === "undone";
    const action = undone
      ? h("button", { type: "button", "data-testid": "history-redo-to", title: "Redo this edit and every undone edit before it", onclick: () => void step(host, () => api.stepTo(e.id), "Redid") }, "Redo to here")
      : e.undoable
        ? h("button", { type: "button", "data-testid": "history-undo-to", title: "Undo this edit and every edit after it", onclick: () => void step(host, () => api.stepTo(e.id), "Undid") }, "Undo back to here")
        : h("span", { class: "hint", title: "Imports and new workspaces are not kept as changes" }, "cannot be undone");
    return h(
      "li",
      { class: undone ? "history-entry undone" : "history-entry", "data-testid": "history-entry", "data-state": e.state },
      h("div", { class: "history-summary" }, e.summary),
      h("div", { class: "hint" }, `${when(e.at)} · ${e.actor}${undone ? " · undone" : ""}`),
      action,
    );
  });
  openPanel(
    "History",
    "history-panel",
    h("p", { class: "hint" }, "Every saved edit, newest first. Undo with Ctrl+Z, redo with Ctrl+Shift+Z; the history is kept in the workspace file."),
    entries.length === 0 ? h("p", {}, "No edits yet.") : h("ol", { class: "edit-history" }, ...rows),
  );
}

/** Whether a key press belongs to a text field (which keeps its own undo). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) outside text fields. */
export function historyKeys(host: HistoryHost, e: KeyboardEvent): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return false;
  const key = e.key.toLowerCase();
  if (key === "z" && !e.shiftKey) {
    e.preventDefault();
    void undo(host);
    return true;
  }
  if ((key === "z" && e.shiftKey) || key === "y") {
    e.preventDefault();
    void redo(host);
    return true;
  }
  return false;
}

/** Whether the side panel shows the history (not a form). */
function historyPanelShown(): boolean {
  return panelIsOpen() && document.querySelector('#panel [data-testid="history-panel"]') !== null;
}
