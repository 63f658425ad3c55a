// A person's side panel: ranks, who sways them most, every claim about
// their links side by side, and the strongest path from "me" to them. Their
// claims and links are fetched for the panel (`PersonEvidence`), as the
// window does not hold a large chart's evidence.

import { brokerCell } from "../broker";
import type { ApiError, Claim, InfluencePath, PersonEvidence } from "../bindings";
import { h, table } from "../dom";
import { percent, points, unit } from "../format";
import { openPanel } from "../panel";
import { influenceById, names, type Model } from "../state";
import type { Actions } from "./types";

/** The panel's answers as they arrive: null while still being fetched. */
export interface PersonAnswers {
  path: InfluencePath | ApiError | null;
  evidence: PersonEvidence | ApiError | null;
}

export function openPersonPanel(model: Model, id: string, actions: Actions, { path, evidence: found }: PersonAnswers): void {
  const person = model.data.people.find((p) => p.id === id);
  if (!person) return;
  const label = names(model.data);
  const row = influenceById(model.influence).get(id);
  const evidence: PersonEvidence = found && !("code" in found) ? found : { claims: [], edges: [], swayed_by: [] };
  const influencers = evidence.swayed_by.map((s) => h("li", {}, label.get(s.person) ?? s.person, h("span", { class: "muted" }, ` ${unit(s.weight)}${s.formal ? " (manager)" : ""}`)));
  // Claims grouped by ordered pair, strongest link first, so that
  // disagreeing evidence about the same link sits side by side.
  const pairs = new Map<string, Claim[]>();
  for (const c of evidence.claims) {
    const key = `${c.from}>${c.to}`;
    pairs.set(key, [...(pairs.get(key) ?? []), c]);
  }
  const weight = new Map(evidence.edges.map((e) => [`${e.from}>${e.to}`, e.weight]));
  const pairBlocks = [...pairs.entries()]
    .sort((a, b) => (weight.get(b[0]) ?? 0) - (weight.get(a[0]) ?? 0))
    .map(([key, list]) => {
      const [from, to] = key.split(">");
      const strengths = list.filter((c) => !c.retired).map((c) => c.strength);
      const disagree = strengths.length > 1 && Math.max(...strengths) - Math.min(...strengths) >= 0.3;
      // Newest first; under each claim's numbers a row with its source,
      // recorder and note, so the panel stays narrow.
      const claims = [...list].sort((a, b) => b.observed_on.localeCompare(a.observed_on));
      const pairTable = table(
        `pair-table-${key}`,
        [
          { label: "Strength", numeric: true },
          { label: "Conf.", numeric: true },
          { label: "Seen" },
          { label: "Half-life", numeric: true, tip: "Days after which the claim counts half as much." },
        ],
        claims.map((c) => [c.strength === 0 ? h("span", { class: "none-known" }, "none (known)") : unit(c.strength), unit(c.confidence), c.observed_on, `${c.half_life_days} d`]),
      );
      [...(pairTable.tBodies[0]?.rows ?? [])].forEach((tr, i) => {
        const c = claims[i];
        tr.classList.add("claim");
        if (!c) return;
        const edit = h("button", { type: "button", class: "link edit", "data-testid": `panel-claim-${c.id}`, title: "Edit or retire this claim", onclick: () => actions.editClaim(c) }, "Edit");
        tr.after(h("tr", { class: "detail" }, h("td", { colspan: 4 }, edit, evidenceOf(c, label))));
      });
      return h(
        "div",
        { class: "pair", "data-testid": `pair-${key}` },
        h(
          "h4",
          {},
          `${label.get(from ?? "") ?? from} \u2192 ${label.get(to ?? "") ?? to}`,
          h("span", { class: "muted", title: "Combined sway weight of this link today." }, ` W ${unit(weight.get(key) ?? 0)}`),
          disagree ? h("span", { class: "tag changes_requested", title: "The claims about this link differ by 0.3 or more in strength." }, "claims disagree") : null,
        ),
        pairTable,
      );
    });
  const me = model.data.me;
  let pathBlock: HTMLElement;
  if (!me) {
    pathBlock = h("p", { class: "hint" }, "Set who you are in the workspace to see your strongest path of influence.");
  } else if (me === id) {
    pathBlock = h("p", { class: "hint" }, "This is you.");
  } else if (path === null) {
    pathBlock = h("p", { class: "hint" }, "Working out the strongest path\u2026");
  } else if ("code" in path) {
    pathBlock = h("p", { class: "form-error" }, path.message);
  } else if (path.path.length === 0) {
    pathBlock = h("p", { "data-testid": "path-from-me" }, `No known path of influence from you to ${person.name}.`);
  } else {
    pathBlock = h(
      "p",
      { "data-testid": "path-from-me", title: "The chain of people that multiplies to the highest sway weight." },
      path.path.map((p) => label.get(p) ?? p).join(" \u2192 "),
      h("span", { class: "muted" }, ` (strength ${path.strength.toPrecision(3)})`),
    );
  }
  openPanel(
    person.name,
    "person-details",
    h("p", { class: "muted" }, [person.title, label.get(person.team ?? "")].filter(Boolean).join(", ")),
    row
      ? h(
          "dl",
          { class: "facts" },
          h("dt", { title: "Share of all influence, counting the grey chart." }, "Influence"),
          h("dd", { "data-testid": "panel-rank" }, percent(row.rank)),
          h("dt", { title: "Share of influence from the org chart alone." }, "Formal"),
          h("dd", {}, percent(row.formal_rank)),
          h("dt", { title: "Influence percentile minus formal percentile." }, "Power gap"),
          h("dd", {}, `${points(row.power_gap)} pts`),
          h("dt", { title: "How often they lie on the strongest paths between others." }, "Broker"),
          h("dd", {}, brokerCell(model, row.id)),
        )
      : null,
    h("h3", {}, "Strongest path from you"),
    pathBlock,
    h("h3", {}, "Who sways them most"),
    found === null
      ? h("p", { class: "hint", "data-testid": "panel-fetching" }, "Fetching their evidence\u2026")
      : "code" in found
        ? h("p", { class: "form-error" }, found.message)
        : influencers.length
          ? h("ol", { class: "ranked" }, ...influencers)
          : h("p", { class: "hint" }, "Nobody is known to sway them: a gap in your evidence."),
    h("h3", {}, "Evidence about their links"),
    pairBlocks.length
      ? h("div", { "data-testid": "panel-claims" }, ...pairBlocks)
      : found === null
        ? null
        : h("p", { class: "hint" }, "No claims yet. Unknown is not the same as \u201cknown: no influence\u201d."),
    h("div", { class: "actions" }, h("button", { type: "button", "data-testid": "panel-edit-person", onclick: () => actions.editPerson(person) }, "Edit person")),
  );
}

/** Where a claim came from, who recorded it (by name when they are in the
 *  chart) and its note, in one cell; a retired claim says so and keeps its
 *  source. */
function evidenceOf(c: Claim, label: Map<string, string>): HTMLElement {
  const recorder = label.get(c.recorded_by) ?? c.recorded_by;
  return h(
    "span",
    { class: "evidence" },
    c.retired ? h("span", { class: "tag retired", title: "Kept in the history, left out of the analytics." }, "retired") : null,
    c.source,
    c.recorded_by ? h("span", { class: "muted" }, ` \u00b7 recorded by ${recorder}`) : null,
    c.note ? h("span", { class: "note" }, c.note) : null,
  );
}
