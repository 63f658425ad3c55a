// What the Grey chart's map and person panel do: open a person's panel and
// fill it as their evidence and the path from "me" arrive, save or forget
// where people sit, focus the map (fetching a large chart's links around the
// person found), and page through the claims.

import { api } from "./api";
import { asApiError } from "./ipc";
import type { Person, SwayEdge } from "./bindings";
import { panelShows } from "./panel";
import { peopleById, type Model } from "./state";
import { findPerson } from "./views/greyChart";
import { MAP_LIMIT } from "./views/influenceMap";
import { openPersonPanel, type PersonAnswers } from "./views/personPanel";
import type { Actions } from "./views/types";

/** What the actions need from the window. */
export interface GreyChartHost {
  model: Model;
  /** All the window's actions, for the person panel's buttons. */
  actions(): Actions;
  render(): void;
  status(message: string, kind?: "info" | "error"): void;
  /** The workspace's history changed (places saved or forgotten). */
  historyChanged(): void;
}

/** Counts person panels opened, so answers for an earlier one are dropped. */
let panelsOpened = 0;

/** The map's links: all of them up to MAP_LIMIT people; above it only those
 *  around the focused person, and none without one (the map asks for one). */
export function mapEdges(model: Model, people: Person[]): Promise<SwayEdge[]> {
  if (people.length <= MAP_LIMIT) return api.swayEdges(model.asOf, null);
  const person = findPerson(people, model.focusQuery);
  return person && model.focusSteps > 0 ? api.swayEdges(model.asOf, { person, steps: model.focusSteps }) : Promise.resolve([]);
}

type GreyChartActions = Pick<Actions, "moreClaims" | "showPerson" | "savePositions" | "arrangeMap" | "setFocus" | "setDrawMode" | "setColourBy" | "setMoversDays" | "setLayers">;

export function greyChartActions(host: GreyChartHost): GreyChartActions {
  return {
    moreClaims: (offset, limit) => api.claimsPage(null, offset, limit, host.model.asOf).then((page) => page.rows),
    showPerson: (id) => {
      // The panel opens at once and fills in as its evidence and the path
      // from "me" arrive; an answer for a panel since closed or replaced is dropped.
      const answers: PersonAnswers = { path: null, evidence: null };
      const me = host.model.data.me;
      const opened = ++panelsOpened;
      const show = () => {
        if (opened === panelsOpened && panelShows("person-details")) openPersonPanel(host.model, id, host.actions(), answers);
      };
      openPersonPanel(host.model, id, host.actions(), answers);
      api
        .personEvidence(id, host.model.asOf)
        .then(
          (found) => (answers.evidence = found),
          (e: unknown) => (answers.evidence = asApiError(e)),
        )
        .then(show);
      if (!me || me === id) return;
      api
        .strongestPath(me, id, host.model.asOf)
        .then(
          (found) => {
            host.model.path = found.path;
            host.render();
            answers.path = found;
          },
          (e: unknown) => (answers.path = asApiError(e)),
        )
        .then(show);
    },
    savePositions: (positions) => {
      host.model.positions = positions;
      api
        .saveMapPositions(positions)
        .then(() => {
          host.status(`Saved the map layout to ${host.model.info?.name ?? "the workspace"}`);
          host.historyChanged();
        })
        .catch((e) => host.status(asApiError(e).message, "error"));
    },
    arrangeMap: () => {
      api
        .clearMapPositions()
        .then((forgotten) => {
          host.model.positions = [];
          host.render();
          host.status(`Arranged the map automatically (${forgotten} saved places forgotten)`);
          host.historyChanged();
        })
        .catch((e) => host.status(asApiError(e).message, "error"));
    },
    setFocus: (query, steps) => {
      host.model.focusQuery = query;
      host.model.focusSteps = steps;
      if (host.model.data.people.length <= MAP_LIMIT) {
        host.render();
        return;
      }
      // A large chart's links are fetched around the person found.
      const person = findPerson(host.model.data.people, query);
      const around = person && steps > 0 ? `within ${steps} link${steps === 1 ? "" : "s"} of ${peopleById(host.model.data).get(person)?.name ?? person}` : null;
      if (around) host.status(`Finding the people ${around}\u2026`);
      else if (query.trim() && steps > 0) host.status(`Nobody's name contains \u201c${query.trim()}\u201d.`, "error");
      const asked = { query, steps };
      mapEdges(host.model, host.model.data.people)
        .then((edges) => {
          if (host.model.focusQuery !== asked.query || host.model.focusSteps !== asked.steps) return;
          host.model.edges = edges;
          host.render();
          if (around) host.status(`Showing the people ${around}`);
        })
        .catch((e) => host.status(asApiError(e).message, "error"));
    },
    setDrawMode: (on) => {
      host.model.drawMode = on;
      host.render();
    },
    setMoversDays: (days) => {
      host.model.moversDays = days;
      const asked = { days, asOf: host.model.asOf };
      api
        .evidenceSummary(asked.asOf, days)
        .then((evidence) => {
          if (host.model.moversDays !== asked.days || host.model.asOf !== asked.asOf) return;
          host.model.evidence = evidence;
          host.render();
        })
        .catch((e) => host.status(asApiError(e).message, "error"));
    },
    setColourBy: (by) => {
      host.model.colourBy = by;
      host.render();
    },
    setLayers: (showFormal, showGrey) => {
      host.model.showFormal = showFormal;
      host.model.showGrey = showGrey;
      host.render();
    },
  };
}
