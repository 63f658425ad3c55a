// The window: a toolbar, five views, a side panel for forms, a status line.
// Everything shown comes from the open workspace through the typed api.

import { api } from "./api";
import { asApiError, logUnexpectedErrors } from "./ipc";
import { brokerRunner } from "./broker";
import { flushMounted, h, replace } from "./dom";
import { greyChartActions, mapEdges } from "./greyActions";
import { openClaimForm } from "./forms/claimForm";
import { openEngagementForm } from "./forms/engagementForm";
import { openExportForm } from "./forms/exportForm";
import { openPassphraseForm, openUnlockForm } from "./forms/passphraseForm";
import { openPersonForm } from "./forms/personForm";
import { today } from "./format";
import { historyKeys, redo, refreshHistory, showHistoryPanel, undo, type HistoryHost } from "./history";
import { closePanel, panelIsOpen } from "./panel";
import { emptyData, influenceRows, noClaims, type Model } from "./state";
import { approvalsView } from "./views/approvals";
import { greyChartView } from "./views/greyChart";
import { packetsView } from "./views/packets";
import { releasePlanView } from "./views/releasePlan";
import { stakeholdersView } from "./views/stakeholders";
import type { Actions, View } from "./views/types";

const VIEWS: { id: string; label: string; view: View }[] = [
  { id: "grey-chart", label: "Grey chart", view: greyChartView },
  { id: "stakeholders", label: "Stakeholders", view: stakeholdersView },
  { id: "release-plan", label: "Release plan", view: releasePlanView },
  { id: "approvals", label: "Approvals", view: approvalsView },
  { id: "packets", label: "Packets", view: packetsView },
];

const model: Model = { info: null, data: emptyData(), claims: noClaims(), influence: [], broker: { kind: "cancelled" }, edges: [], evidence: null, moversDays: 90, factions: [], colourBy: "team", positions: [], asOf: today(), showFormal: true, showGrey: true, path: [], focusQuery: "", focusSteps: 0, drawMode: false, stanceRelease: null, plan: null, planError: null, planItem: null, impact: null, planDraw: false, planRefused: null, approvals: [], approvalsRelease: null, pathToYes: null, approvalFilter: "all", scheduleMessage: null, packet: null };
let current = VIEWS[0]?.id ?? "grey-chart";

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

function status(message: string, kind: "info" | "error" = "info"): void {
  const el = byId("status");
  el.textContent = message;
  el.className = `status ${kind}`;
}

const actions: Actions = {
  ...greyChartActions({
    model,
    actions: () => actions,
    render: () => render(),
    status,
    historyChanged: () => void refreshHistory(historyHost),
  }),
  editPerson: (person) => openPersonForm(model.data, person, afterSave),
  editClaim: (claim) => openClaimForm(model.data, claim, afterSave),
  drawnClaim: (from, to) =>
    openClaimForm(model.data, null, (message) => {
      void load().then(() => {
        status(`${message} — saved to ${model.info?.name ?? "the workspace"}`);
        actions.showPerson(to);
      });
    }, { from, to }),
  setAsOf: (date) => {
    model.asOf = date;
    byId<HTMLInputElement>("as-of").value = date;
    void load();
  },
  logContact: (person) => openEngagementForm(model.data, person, afterSave),
  setStanceRelease: (release) => {
    model.stanceRelease = release;
    render();
  },
  selectPlanItem: (id) => {
    model.planItem = id;
    model.impact = null;
    if (!id) {
      render();
      return;
    }
    api
      .impact(id)
      .then((impact) => {
        if (model.planItem !== id) return;
        model.impact = impact;
        render();
      })
      .catch((e) => status(asApiError(e).message, "error"));
  },
  setPlanDraw: (on) => {
    model.planDraw = on;
    model.planRefused = null;
    render();
  },
  drawnDependency: (before, after) => {
    api
      .saveDependency({ before, after, lag_days: 0 })
      .then(() => {
        model.planRefused = null;
        afterSave(`Recorded: ${after} waits for ${before}`);
      })
      .catch((e) => {
        const err = asApiError(e);
        // A refused cycle names its members: outline them.
        const members = err.detail?.kind === "cycle" ? err.detail.members : [];
        model.planRefused = { message: err.code === "cycle" ? `Refused: ${err.message}` : err.message, members };
        render();
        status(err.message, "error");
      });
  },
  moveRelease: (release, start, end) => {
    api
      .saveRelease({ ...release, window_start: start, window_end: end })
      .then(() => afterSave(`Moved ${release.name} to ${start} – ${end}`))
      .catch((e) => {
        status(asApiError(e).message, "error");
        render();
      });
  },
  moveChange: (change, start, days) => {
    // An empty start lets the change start as soon as its prerequisites allow.
    const held = { ...change, not_before: start === "" ? null : start, duration_days: days };
    const what = start === "" ? `${change.id} starts as soon as it can` : days !== change.duration_days ? `${change.id} now takes ${days} days from ${start}` : `${change.id} starts no earlier than ${start}`;
    api
      .saveChange(held)
      .then(() => afterSave(what))
      .catch((e) => {
        status(asApiError(e).message, "error");
        render();
      });
  },
  exportSchedule: (format) => {
    api
      .exportSchedule(format)
      .then((path) => {
        if (path) status(`Saved the schedule to ${path}`);
      })
      .catch((e) => status(asApiError(e).message, "error"));
  },
  previewPacket: (release, audience) => {
    model.packet = { release, audience, pages: null, error: null };
    previewPacket();
  },
  savePacket: () => {
    const chosen = model.packet;
    if (!chosen) return;
    api
      .savePacket(chosen.release, chosen.audience)
      .then((path) => {
        if (path) status(`Saved the ${chosen.audience === "brief" ? "private brief" : "sign-off packet"} to ${path}`);
      })
      .catch((e) => status(asApiError(e).message, "error"));
  },
  printPacket: () => {
    const chosen = model.packet;
    if (!chosen) return;
    api
      .printPacket(chosen.release, chosen.audience)
      .then((path) => status(`Opened ${path} in your PDF viewer: print from there`))
      .catch((e) => status(asApiError(e).message, "error"));
  },
  selectApprovalRelease: (id) => {
    model.approvalsRelease = id;
    model.pathToYes = null;
    render();
  },
  decide: (requirement, kind, comment) => {
    api
      .recordDecision(requirement, kind, comment)
      .then((d) => {
        model.pathToYes = null;
        afterSave(`Recorded: ${kind.replace("_", " ")} by ${d.decided_by}`);
      })
      .catch((e) => status(asApiError(e).message, "error"));
  },
  showPathToYes: (release) => {
    api
      .pathToYes(release)
      .then((paths) => {
        model.pathToYes = paths;
        render();
      })
      .catch((e) => status(asApiError(e).message, "error"));
  },
  addRequirement: (release, approver, role, reason) => {
    api
      .addRequirement(release, approver, role, reason)
      .then((q) => afterSave(`Added ${q.approver} as ${role.replace("_", " ")} for ${release}`))
      .catch((e) => status(asApiError(e).message, "error"));
  },
  removeRequirement: (id, reason) => {
    api
      .removeRequirement(id, reason)
      .then(() => afterSave(`Removed requirement ${id}`))
      .catch((e) => status(asApiError(e).message, "error"));
  },
  scheduleRelease: (release, overrideReason) => {
    api
      .scheduleRelease(release, overrideReason)
      .then((r) => {
        model.scheduleMessage = { release, text: `${r.name} is scheduled${overrideReason ? " (override logged)" : ""}.`, refused: false };
        afterSave(`Scheduled ${r.name}`);
      })
      .catch((e) => {
        const err = asApiError(e);
        model.scheduleMessage = { release, text: err.message, refused: true };
        render();
        status(err.message, "error");
      });
  },
  setApprovalFilter: (filter) => {
    model.approvalFilter = filter;
    render();
  },
};

/** Typesets the chosen packet's pages again (after a choice or an edit);
 *  an answer for an earlier choice is dropped. */
function previewPacket(): void {
  const chosen = model.packet;
  if (!chosen) return;
  model.packet = { ...chosen, pages: null, error: null };
  if (current === "packets") render();
  api
    .packetPreview(chosen.release, chosen.audience)
    .then(
      (pages) => ({ pages, error: null }),
      (e: unknown) => ({ pages: null, error: asApiError(e).message }),
    )
    .then((answer) => {
      if (model.packet?.release !== chosen.release || model.packet.audience !== chosen.audience) return;
      model.packet = { ...chosen, ...answer };
      if (current === "packets") render();
    });
}

function afterSave(message: string): void {
  void load().then(() => status(`${message} — saved to ${model.info?.name ?? "the workspace"}`));
}

/** Undo and redo reload everything, as any saved edit does. */
const historyHost: HistoryHost = {
  reloaded: async (message, kind = "info") => {
    if (kind === "info") await load();
    else await refreshHistory(historyHost);
    status(message, kind);
  },
};

/** Claims the claims table lists at first. */
const CLAIMS_PAGE = 200;

/** Counts loads, so that answers of a load overtaken by a newer one are dropped. */
let loads = 0;

/**
 * Loads the workspace in two rounds. First what the views draw (people,
 * ranks, the map's links, the first claims, the plan), then the slower
 * summaries (gaps in the evidence, movers, factions), which fill in when
 * they arrive: a chart of 100,000 people shows in seconds, not after every
 * analysis. Claims are fetched a page or a person at a time, never all.
 */
async function load(): Promise<void> {
  const started = performance.now();
  const load = ++loads;
  try {
    const [info, data, approvals, influence, positions, claims, plan] = await Promise.all([
      api.workspaceInfo(),
      api.workspaceData(),
      api.approvalRows(),
      api.influence(model.asOf),
      api.mapPositions(),
      api.claimsPage(null, 0, Math.max(CLAIMS_PAGE, model.claims.rows.length), model.asOf),
      api.plan(null).then(
        (plan) => ({ plan, error: null }),
        (e: unknown) => ({ plan: null, error: asApiError(e).message }),
      ),
    ]);
    const edges = await mapEdges(model, data.people);
    if (load !== loads) return;
    model.plan = plan.plan;
    model.planError = plan.error;
    if (model.planItem) {
      const item = model.planItem;
      void api.impact(item).then((impact) => {
        if (model.planItem !== item) return;
        model.impact = impact;
        if (current === "release-plan") render();
      }, () => undefined);
    }
    byId("view").dataset["fetchMs"] = String(Math.round(performance.now() - started));
    model.positions = positions;
    model.info = info;
    model.data = data;
    model.approvals = approvals;
    model.claims = claims;
    model.influence = influenceRows(influence, data);
    model.broker = { kind: "running", done: 0, total: 0 };
    model.edges = edges;
    model.path = [];
    byId("workspace-name").textContent = info ? info.path : "No workspace open";
    byId("workspace-encrypted").hidden = !info?.encrypted;
    void refreshHistory(historyHost);
    // The previewed packet is typeset again now if it is on screen, else
    // when the Packets view is next shown.
    if (model.packet) {
      model.packet = { ...model.packet, pages: null, error: null };
      if (current === "packets") previewPacket();
    }
  } catch (e) {
    if (load !== loads) return;
    const err = asApiError(e);
    model.info = null;
    model.data = emptyData();
    model.approvals = [];
    model.claims = noClaims();
    model.influence = [];
    model.edges = [];
    model.evidence = null;
    model.factions = [];
    model.path = [];
    model.plan = null;
    model.planItem = null;
    model.impact = null;
    model.packet = null;
    byId("workspace-name").textContent = "No workspace open";
    byId("workspace-encrypted").hidden = true;
    void refreshHistory(historyHost);
    status(err.code === "no_workspace" ? "Create a workspace with New, or open one with Open." : err.message, err.code === "no_workspace" || err.code === "locked" ? "info" : "error");
    if (err.code === "locked") askPassphrase(err.message);
    render();
    return;
  }
  const drawing = performance.now();
  render();
  // How long the load took until the views were drawn (fetch, then drawing
  // included), and the drawing alone: the scale tests print them.
  byId("view").dataset["loadMs"] = String(Math.round(performance.now() - started));
  byId("view").dataset["renderMs"] = String(Math.round(performance.now() - drawing));
  await loadSummaries(load, started);
  // The broker scores last: on a large chart they take both cores for a
  // while, and the summaries would wait for them.
  if (load === loads) void runBroker();
}

/** The second round of a load: evidence gaps, movers and factions. */
async function loadSummaries(load: number, started: number): Promise<void> {
  try {
    const days = model.moversDays;
    const [evidence, factions] = await Promise.all([api.evidenceSummary(model.asOf, days), api.factions(model.asOf)]);
    if (load !== loads) return;
    // Movers over another span, picked meanwhile, come with their own answer.
    if (model.moversDays === days) model.evidence = evidence;
    model.factions = factions;
    render();
    byId("view").dataset["summariesMs"] = String(Math.round(performance.now() - started));
  } catch (e) {
    if (load === loads) status(asApiError(e).message, "error");
  }
}

/** Computes the broker scores in the background (`broker.ts`). */
const runBroker = brokerRunner({
  model,
  progressArea: () => byId("analysis"),
  listing: () => current === "stakeholders",
  render: () => render(),
});

function render(): void {
  const nav = byId("nav");
  replace(
    nav,
    ...VIEWS.map((v, i) =>
      h(
        "button",
        {
          type: "button",
          class: v.id === current ? "tab active" : "tab",
          "data-testid": `nav-${v.id}`,
          "aria-current": v.id === current ? "page" : undefined,
          title: `${v.label} (Ctrl+${i + 1})`,
          onclick: () => show(v.id),
        },
        v.label,
      ),
    ),
  );
  const view = VIEWS.find((v) => v.id === current) ?? VIEWS[0];
  if (!view) return;
  const main = byId("view");
  const scroll = main.scrollTop;
  replace(main, view.view(model, actions));
  flushMounted();
  main.scrollTop = scroll;
}

function show(id: string): void {
  current = id;
  if (id === "packets" && model.packet && model.packet.pages === null && model.packet.error === null) previewPacket();
  render();
  byId("view").scrollTop = 0;
}

/** Forgets what was chosen or asked in the workspace that was open, so
 *  nothing of it stays on screen in another (the data itself is loaded anew). */
function forgetWorkspace(): void {
  closePanel();
  Object.assign(model, {
    path: [],
    focusQuery: "",
    focusSteps: 0,
    stanceRelease: null,
    planItem: null,
    impact: null,
    planRefused: null,
    approvalsRelease: null,
    pathToYes: null,
    scheduleMessage: null,
    packet: null,
  } satisfies Partial<Model>);
}

async function fileCommand(run: () => Promise<unknown>, done: string): Promise<void> {
  try {
    const info = await run();
    if (info === null) return;
    forgetWorkspace();
    await load();
    status(`${done} ${model.info?.name ?? ""}`);
  } catch (e) {
    const err = asApiError(e);
    status(err.message, err.code === "locked" ? "info" : "error");
    if (err.code === "locked") askPassphrase(err.message);
  }
}

/** Asks for the passphrase of an encrypted workspace being opened. */
function askPassphrase(message: string): void {
  openUnlockForm(message, (info) => {
    forgetWorkspace();
    void load().then(() => status(`Opened ${info.name}`));
  });
}

function start(): void {
  byId<HTMLInputElement>("as-of").value = model.asOf;
  byId<HTMLInputElement>("as-of").addEventListener("change", (e) => {
    const value = (e.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) actions.setAsOf(value);
  });
  byId("cmd-new").addEventListener("click", () => void fileCommand(api.newWorkspace, "Created"));
  byId("cmd-open").addEventListener("click", () => void fileCommand(api.openWorkspace, "Opened"));
  byId("cmd-save-as").addEventListener("click", () => void fileCommand(api.saveWorkspaceAs, "Saved a copy as"));
  byId("cmd-export").addEventListener("click", () => {
    if (model.info) openExportForm((message) => status(message));
    else status("Open a workspace first.", "error");
  });
  byId("cmd-passphrase").addEventListener("click", () => {
    if (model.info) openPassphraseForm(model.info, (message) => void load().then(() => status(message)));
    else status("Open a workspace first.", "error");
  });
  byId("cmd-undo").addEventListener("click", () => void undo(historyHost));
  byId("cmd-redo").addEventListener("click", () => void redo(historyHost));
  byId("cmd-history").addEventListener("click", () => void refreshHistory(historyHost).then(() => showHistoryPanel(historyHost)));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && panelIsOpen()) {
      closePanel();
      return;
    }
    if (historyKeys(historyHost, e)) return;
    if ((e.ctrlKey || e.metaKey) && /^[1-5]$/.test(e.key)) {
      const v = VIEWS[Number(e.key) - 1];
      if (v) {
        e.preventDefault();
        show(v.id);
      }
    }
  });
  void load();
}

logUnexpectedErrors();
start();
