// Grey chart: who really decides. People ranked by influence with the formal
// rank beside it, and every claim as dated, sourced evidence.

import { brokerCell } from "../broker";
import type { ClaimRow, ClaimStanding, InfluenceRow } from "../bindings";
import { h, longTable, pagedTable, section, svg } from "../dom";
import { addDays, daysBetween, percent, points, today, unit } from "../format";
import { influenceById, names, peopleById, topBy } from "../state";
import { factionColour, influenceMap, LARGE_MAP } from "./influenceMap";
import { mapLegend } from "./mapLegend";
import type { View } from "./types";

/** How the claims table names where a claim stands (worked out in Rust). */
const STANDING: Record<ClaimStanding, string> = { active: "active", stale: "stale", retired: "retired", later: "after as-of" };

const TIPS = {
  rank: "Influence rank: this person's share of all influence, counting the grey chart (PageRank over who listens to whom; all shares add up to 100%).",
  formal: "Formal rank: the same share from the org chart alone.",
  gap: "Power gap: influence percentile minus formal percentile. Large and positive means more power than the org chart shows.",
  broker: "Broker score: how often this person lies on the strongest paths of influence between two others (0–1).",
  credibility: "Credibility today: confidence halved for every half-life since the claim was observed.",
};

/** The person a search text names: an exact name first, else a partial one. */
export function findPerson(people: { id: string; name: string }[], query: string): string | null {
  const text = query.trim().toLowerCase();
  if (!text) return null;
  const hit = people.find((p) => p.name.toLowerCase() === text) ?? people.find((p) => p.name.toLowerCase().includes(text));
  return hit?.id ?? null;
}

/** Find a person by name and show only the people within N links of them. */
function focusControls(model: Parameters<View>[0], actions: Parameters<View>[1]): HTMLElement {
  const search = h("input", {
    type: "search",
    placeholder: "Find a person",
    "aria-label": "Find a person on the map",
    "data-testid": "map-search",
    value: model.focusQuery,
  });
  const steps = h(
    "select",
    { "data-testid": "map-focus-steps", "aria-label": "Show people within this many links" },
    ...[0, 1, 2, 3].map((n) => h("option", { value: n, selected: n === model.focusSteps }, n === 0 ? "everyone" : `within ${n}`)),
  );
  const apply = () => actions.setFocus(search.value, Number(steps.value));
  search.addEventListener("change", apply);
  steps.addEventListener("change", apply);
  return h("span", { class: "focus" }, search, " ", steps);
}

/** What a workspace with nobody in it shows: what to add first. */
function emptyState(actions: Parameters<View>[1]): HTMLElement {
  return h(
    "div",
    { class: "view-body", "data-testid": "view-grey-chart" },
    section(
      "Start with the people",
      "This workspace is empty. Add the people who matter to your releases, with their teams and managers; then record who sways whom.",
      h(
        "div",
        { class: "view-actions" },
        h("button", { type: "button", class: "primary", "data-testid": "add-person", onclick: () => actions.editPerson(null) }, "Add person"),
      ),
      h(
        "p",
        { class: "hint" },
        "To bring in a whole organisation, import CSV files from the command line: ",
        h("code", {}, "greychart import WORKSPACE people.csv --kind people"),
        " (columns id,name,title,team,manager), then ",
        h("code", {}, "--kind claims"),
        " (from,to,strength,confidence,observed_on,half_life_days,source,note).",
      ),
    ),
  );
}

/** The largest factions: who is in them, who leads them, which teams they span. */
function factionsSection(model: Parameters<View>[0]): HTMLElement {
  const label = names(model.data);
  const row = influenceById(model.influence);
  const person = peopleById(model.data);
  const groups = model.factions.filter((f) => f.members.length > 1).slice(0, 6);
  const item = (f: (typeof groups)[number]) => {
    const lead = topBy(f.members, (m) => row.get(m)?.rank ?? 0, 1)[0] ?? "";
    const teams = new Map<string, number>();
    for (const m of f.members) {
      const t = label.get(person.get(m)?.team ?? "") ?? "no team";
      teams.set(t, (teams.get(t) ?? 0) + 1);
    }
    const spread = [...teams].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, n]) => `${t} ${n}`).join(", ");
    return h(
      "li",
      { "data-faction": f.number },
      svg("svg", { width: 10, height: 10, class: "swatch" }, svg("circle", { cx: 5, cy: 5, r: 5, fill: factionColour(f.number) })),
      " ",
      h("strong", {}, `${f.members.length} people`),
      ` led by ${label.get(lead) ?? lead}`,
      h("div", { class: "muted" }, `Teams: ${spread}${teams.size > 3 ? ", \u2026" : ""}`),
    );
  };
  return section(
    "Factions",
    "People who sway each other more than they sway others (label propagation on the evidence). Colour the map by faction to see them.",
    groups.length ? h("ol", { class: "ranked", "data-testid": "factions" }, ...groups.map(item)) : h("p", { class: "hint" }, "No groups yet: record who sways whom."),
  );
}

/** The spans the movers can be measured over, in days. */
const MOVERS_DAYS = [30, 90, 180, 365];

export const greyChartView: View = (model, actions) => {
  if (model.data.people.length === 0) return emptyState(actions);
  const label = names(model.data);
  const byRank = model.influence;
  const hidden = topBy(model.influence, (r) => r.power_gap, 5);
  const person = peopleById(model.data);
  const evidence = model.evidence;
  const gaps = evidence
    ? section(
        "Gaps in the evidence",
        "What you do not know yet, and what is getting old.",
        h(
          "p",
          { "data-testid": "evidence-gaps" },
          h("strong", {}, `${evidence.unswayed.length} people`),
          " nobody is known to sway",
          evidence.unswayed.length ? `: ${evidence.unswayed.slice(0, 6).map((id) => label.get(id) ?? id).join(", ")}${evidence.unswayed.length > 6 ? ", \u2026" : ""}` : "",
        ),
        h(
          "p",
          { title: "A claim past its half-life counts for less than half of what it did." },
          h("strong", {}, `${evidence.stale_claims} of ${evidence.active_claims}`),
          " claims are past their half-life.",
        ),
      )
    : null;
  const movers = evidence
    ? section(
        "Movers",
        `Largest changes in influence since ${evidence.movers_since}, and the evidence behind them.`,
        h(
          "p",
          {},
          h(
            "label",
            {},
            "Over the last ",
            h(
              "select",
              { "data-testid": "movers-days", onchange: (e: Event) => actions.setMoversDays(Number((e.target as HTMLSelectElement).value)) },
              ...MOVERS_DAYS.map((d) => h("option", { value: d, selected: d === model.moversDays }, `${d} days`)),
            ),
          ),
        ),
        h(
          "ol",
          { class: "ranked", "data-testid": "movers" },
          ...evidence.movers.map((m) =>
            h(
              "li",
              {},
              h("strong", {}, label.get(m.id) ?? m.id),
              ` ${m.after >= m.before ? "+" : "\u2212"}${(Math.abs(m.after - m.before) * 100).toFixed(1)} pts of share`,
              m.causes.length ? h("div", { class: "muted" }, `because of: ${m.causes.map((c) => c.source || "no source").join("; ")}`) : null,
            ),
          ),
        ),
      )
    : null;
  const glance = h(
    "div",
    { class: "glance" },
    section(
      "Who really decides",
      "The five most influential people, counting the grey chart.",
      h("ol", { class: "ranked", "data-testid": "top-influencers" }, ...byRank.slice(0, 5).map((r) => h("li", {}, r.name, h("span", { class: "muted", title: TIPS.rank }, ` ${percent(r.rank)}`)))),
    ),
    section(
      "Hidden power",
      "More influence than the org chart shows: largest power gaps.",
      h("ol", { class: "ranked", "data-testid": "hidden-power" }, ...hidden.map((r) => h("li", {}, r.name, h("span", { class: "muted", title: TIPS.gap }, ` ${points(r.power_gap)} pts`)))),
    ),
    gaps,
    movers,
    factionsSection(model),
  );
  const personCells = (r: InfluenceRow) => {
    const p = person.get(r.id);
    const link = h("button", { type: "button", class: "link", "data-testid": `person-${r.id}`, onclick: () => actions.showPerson(r.id) }, r.name);
    return [link, p?.title ?? "", label.get(p?.team ?? "") ?? "", label.get(p?.manager ?? "") ?? "", percent(r.rank), percent(r.formal_rank), points(r.power_gap), brokerCell(model, r.id)];
  };
  const claimCells = ({ claim: c, credibility: k, standing }: ClaimRow) => {
    const status = STANDING[standing];
    const strength = c.strength === 0 ? h("span", { class: "none-known", title: "Known: no influence (differs from no claim at all)" }, "none (known)") : unit(c.strength);
    return [
      h("button", { type: "button", class: "link", "data-testid": `claim-${c.id}`, onclick: () => actions.editClaim(c) }, label.get(c.from) ?? c.from),
      label.get(c.to) ?? c.to,
      strength,
      unit(c.confidence),
      c.observed_on,
      String(c.half_life_days),
      k === null ? "–" : unit(k),
      h("span", { class: `tag ${status.replace(/ /g, "-")}` }, status),
      c.source,
      label.get(c.recorded_by) ?? c.recorded_by,
      c.note,
    ];
  };
  const map = influenceMap(model.data, model.influence, model.edges, {
    showFormal: model.showFormal,
    showGrey: model.showGrey,
    path: model.path,
    positions: model.positions,
    onSelect: (id) => actions.showPerson(id),
    onMoved: (positions) => actions.savePositions(positions),
    drawMode: model.drawMode,
    onDrawn: (from, to) => actions.drawnClaim(from, to),
    factionOf: model.colourBy === "faction" ? new Map(model.factions.flatMap((f) => f.members.map((m) => [m, f.number] as [string, number]))) : null,
    focus: (() => {
      const person = findPerson(model.data.people, model.focusQuery);
      return person && model.focusSteps > 0 ? { person, steps: model.focusSteps } : null;
    })(),
  });
  const layer = (name: string, testid: string, checked: boolean, set: (on: boolean) => void) =>
    h("label", { class: "layer" }, h("input", { type: "checkbox", "data-testid": testid, checked, onchange: (e: Event) => set((e.target as HTMLInputElement).checked) }), ` ${name}`);
  const mapSection = section(
    "Map",
    model.data.people.length > LARGE_MAP
      ? `Who sways whom. Maps of over ${LARGE_MAP} people draw for speed. Click a person for details and your strongest path to them.`
      : "Who sways whom. Click a person for details and your strongest path to them.",
    h(
      "div",
      { class: "map-controls" },
      layer("Formal chart", "layer-formal", model.showFormal, (on) => actions.setLayers(on, model.showGrey)),
      layer("Grey chart", "layer-grey", model.showGrey, (on) => actions.setLayers(model.showFormal, on)),
      layer("Draw claims", "draw-claims", model.drawMode, (on) => actions.setDrawMode(on)),
      h(
        "label",
        { title: "Team: the org chart's groups. Faction: people who sway each other more than they sway others, found in the evidence." },
        "Colour by ",
        h(
          "select",
          { "data-testid": "map-colour-by", onchange: (e: Event) => actions.setColourBy((e.target as HTMLSelectElement).value === "faction" ? "faction" : "team") },
          h("option", { value: "team", selected: model.colourBy === "team" }, "team"),
          h("option", { value: "faction", selected: model.colourBy === "faction" }, "faction"),
        ),
      ),
      focusControls(model, actions),
      h(
        "label",
        { class: "slider", title: "Recompute everything as the evidence stood on an earlier day: later claims vanish, older ones regain weight." },
        "As of ",
        h("input", {
          type: "range",
          min: -730,
          max: 0,
          step: 1,
          value: Math.min(0, Math.max(-730, daysBetween(today(), model.asOf))),
          "data-testid": "as-of-slider",
          onchange: (e: Event) => actions.setAsOf(addDays(today(), Number((e.target as HTMLInputElement).value))),
        }),
        h("span", { "data-testid": "as-of-label" }, ` ${model.asOf}`),
      ),
      model.positions.length
        ? h(
            "button",
            {
              type: "button",
              "data-testid": "map-arrange",
              title: "Forget where people were dragged and lay the map out again (Undo brings the places back)",
              onclick: () => actions.arrangeMap(),
            },
            "Arrange automatically",
          )
        : null,
    ),
    map,
    mapLegend(model.data.people.length > LARGE_MAP, model.path.length > 0),
  );
  return h(
    "div",
    { class: "view-body", "data-testid": "view-grey-chart" },
    h(
      "div",
      { class: "view-actions" },
      h("button", { type: "button", class: "primary", "data-testid": "add-person", onclick: () => actions.editPerson(null) }, "Add person"),
      h("button", { type: "button", "data-testid": "add-claim", onclick: () => actions.editClaim(null) }, "Record claim"),
    ),
    mapSection,
    glance,
    section(
      "People",
      `${model.data.people.length} people, ranked by influence as of ${model.asOf}. Click a name for details.`,
      longTable(
        "people-table",
        [
          { label: "Name" },
          { label: "Title" },
          { label: "Team" },
          { label: "Reports to" },
          { label: "Influence", tip: TIPS.rank, numeric: true },
          { label: "Formal", tip: TIPS.formal, numeric: true },
          { label: "Gap", tip: TIPS.gap, numeric: true },
          { label: "Broker", tip: TIPS.broker, numeric: true },
        ],
        byRank,
        personCells,
      ),
    ),
    section(
      "Grey-chart claims",
      `${model.claims.total} pieces of evidence, in the order recorded. Private: never printed in a sign-off packet.`,
      pagedTable(
        "claims-table",
        [
          { label: "Who sways" },
          { label: "Whom" },
          { label: "Strength", numeric: true },
          { label: "Confidence", numeric: true },
          { label: "Observed" },
          { label: "Half-life (days)", numeric: true },
          { label: "Credibility", tip: TIPS.credibility, numeric: true },
          { label: "Status" },
          { label: "Source" },
          { label: "Recorded by" },
          { label: "Note" },
        ],
        model.claims.rows,
        model.claims.total,
        (offset, limit) => actions.moreClaims(offset, limit),
        claimCells,
      ),
    ),
  );
};
