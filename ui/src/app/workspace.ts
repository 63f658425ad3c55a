// What the window does with the workspace as a whole: load it for the
// current key, reload after a saved edit and say so, open another one
// (forgetting what was chosen in the first), ask for a passphrase.

import { api } from "../api";
import { asApiError } from "../ipc";
import { broker } from "../stores/broker.svelte";
import { choices } from "../stores/choices.svelte";
import { history } from "../stores/history.svelte";
import { panel } from "../stores/panel.svelte";
import { session } from "../stores/session.svelte";
import { status } from "../stores/status.svelte";
import { welcome } from "../stores/welcome.svelte";
import { MAP_LIMIT } from "../views/influenceMap";

session.onLoaded = () => {
  // The broker scores last: on a large chart they take both cores for a
  // while, and the summaries would wait for them.
  void broker.run(session.asOf);
};

/** Loads the workspace for the current key; says what went wrong if it failed. */
export async function reload(): Promise<void> {
  // Scores of another key are not shown as if they were this one's.
  if (session.loaded !== session.key) broker.awaitRun();
  // The history comes with the first round: Undo names its edit as soon as the views show.
  await Promise.all([session.load((people) => people <= MAP_LIMIT), history.refresh()]);
  session.ready = true;
  const failure = session.failure;
  if (failure && session.loaded === null) {
    broker.reset();
    if (failure.code === "no_workspace") status.say("Create a workspace with New, or open one with Open.");
    else status.say(failure.message, failure.code === "locked" ? "info" : "error");
    if (failure.code === "locked") panel.open({ kind: "unlock-form", message: failure.message });
  }
}

/** The workspace's name, for messages. */
export function workspaceName(): string {
  return session.info?.name ?? "the workspace";
}

/** After an edit was saved: load again, then say what was saved where. */
export async function saved(message: string): Promise<void> {
  session.edited();
  await reload();
  status.say(`${message} — saved to ${workspaceName()}`);
}

/** Reports a failed command on the status line. */
export function failed(e: unknown): void {
  status.say(asApiError(e).message, "error");
}

/** Another workspace is open: forget the choices of the last, load this one. */
export async function switched(done: string): Promise<void> {
  panel.close();
  welcome.dismiss();
  choices.forgetWorkspace();
  session.switched();
  await reload();
  if (session.info) status.say(`${done} ${session.info.name}`);
}

/** New, Open or Save As: a dialog, then the chosen workspace (null: cancelled). */
export async function fileCommand(run: () => Promise<unknown>, done: string): Promise<void> {
  try {
    const info = await run();
    if (info === null) return;
    await switched(done);
  } catch (e) {
    const err = asApiError(e);
    status.say(err.message, err.code === "locked" ? "info" : "error");
    if (err.code === "locked") panel.open({ kind: "unlock-form", message: err.message });
  }
}

/** A new as-of date: every answer is fetched again for it. */
export function setAsOf(date: string): void {
  if (date === session.asOf) return;
  session.asOf = date;
  void reload();
}

/** Undo, redo or a step to an entry in the History panel. */
export async function step(run: () => Promise<string[]>, verb: "Undid" | "Redid"): Promise<void> {
  try {
    const done = await run();
    const what = done.length === 1 ? (done[0] ?? "") : `${done.length} edits`;
    session.edited();
    await reload();
    status.say(`${verb}: ${what}`);
  } catch (e) {
    await history.refresh();
    failed(e);
  }
}

export const undo = () => step(() => api.undo().then((s) => [s]), "Undid");
export const redo = () => step(() => api.redo().then((s) => [s]), "Redid");
