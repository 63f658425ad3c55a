// Stakeholders: how much each matters, what they want, and what they think.

import { h, section, svg, table } from "../dom";
import { points, unit, words } from "../format";
import { names, topBy } from "../state";
import { powerGrid, STANCE_COLOURS } from "./powerGrid";
import type { View } from "./types";

export const stakeholdersView: View = (model, actions) => {
  const label = names(model.data);
  const power = new Map(model.influence.map((r) => [r.id, r.rank_percentile]));
  const stances = new Map<string, string[]>();
  for (const s of model.data.stances) {
    const list = stances.get(s.person) ?? [];
    list.push(`${label.get(s.release) ?? s.release}: ${s.stance}`);
    stances.set(s.person, list);
  }
  const profiles = [...model.data.profiles].sort((a, b) => (power.get(b.person) ?? 0) - (power.get(a.person) ?? 0));
  const rows = profiles.map((p) => [
    label.get(p.person) ?? p.person,
    `${Math.round(power.get(p.person) ?? 0)}`,
    unit(p.interest),
    words(p.involvement),
    (stances.get(p.person) ?? []).join("; "),
  ]);
  const log = [...model.data.engagements]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((e) => [e.date, label.get(e.person) ?? e.person, e.channel, e.summary]);
  const release = model.stanceRelease ?? model.data.releases[0]?.id ?? "";
  const chooser = h(
    "select",
    { "data-testid": "stance-release", onchange: (e: Event) => actions.setStanceRelease((e.target as HTMLSelectElement).value) },
    ...model.data.releases.map((r) => h("option", { value: r.id, selected: r.id === release }, r.name)),
  );
  const legend = h(
    "div",
    { class: "legend" },
    ...Object.entries(STANCE_COLOURS).map(([kind, colour]) =>
      h("span", {}, svg("svg", { width: 10, height: 10, class: "swatch" }, svg("circle", { cx: 5, cy: 5, r: 5, fill: colour })), ` ${kind}`),
    ),
  );
  const hidden = topBy(model.influence, (r) => r.power_gap, 5);
  const brokers = topBy(model.influence, (r) => r.broker, 5);
  const title = (id: string) => model.data.people.find((p) => p.id === id)?.title ?? "";
  return h(
    "div",
    { class: "view-body", "data-testid": "view-stakeholders" },
    section(
      "Power and interest",
      "Where each stakeholder stands: power from the influence rank, interest from their profile, colour from their stance on the chosen release.",
      h("div", { class: "map-controls" }, h("label", {}, "Stance on ", chooser), legend),
      powerGrid(model.data, power, release),
    ),
    h(
      "div",
      { class: "glance" },
      section(
        "Hidden power",
        "People the org chart undersells: their influence percentile is far above their formal one. Worth a conversation before any sign-off.",
        h(
          "ol",
          { class: "ranked", "data-testid": "hidden-power-list" },
          ...hidden.map((r) => h("li", {}, h("strong", {}, r.name), ` ${points(r.power_gap)} pts`, h("div", { class: "muted" }, `${title(r.id)} — listened to far more than their position suggests.`))),
        ),
      ),
      section(
        "Brokers",
        "People who sit on the strongest paths between others: win them and your message travels.",
        h(
          "ol",
          { class: "ranked", "data-testid": "brokers-list" },
          ...(model.broker.kind === "done"
            ? brokers.map((r) => h("li", {}, h("strong", {}, r.name), ` ${unit(r.broker)}`, h("div", { class: "muted" }, `${title(r.id)} — on ${Math.round(r.broker * 100)}% of the strongest paths between two others.`)))
            : [h("li", { class: "hint" }, model.broker.kind === "running" ? "Computing broker scores…" : "Broker scores are not computed.")]),
        ),
      ),
    ),
    section(
      "Stakeholders",
      `${profiles.length} stakeholders, most powerful first. Power is the influence-rank percentile as of ${model.asOf}.`,
      table(
        "stakeholders-table",
        [
          { label: "Person" },
          { label: "Power", tip: "Influence-rank percentile: 100 is the most influential person in the workspace.", numeric: true },
          { label: "Interest", tip: "How much the releases matter to them, 0–1.", numeric: true },
          { label: "Wants to be" },
          { label: "Stances" },
        ],
        rows,
      ),
    ),
    section(
      "Engagement log",
      "Every recorded contact, newest first. Private: never printed in a packet.",
      h("div", { class: "view-actions" }, h("button", { type: "button", "data-testid": "log-contact", onclick: () => actions.logContact(null) }, "Log a contact")),
      table("engagement-table", [{ label: "Date" }, { label: "With" }, { label: "Channel" }, { label: "Summary" }], log),
    ),
  );
};
