// Log a contact with a stakeholder: who, when, how, and what was said.

import { api } from "../api";
import type { EngagementEntry, WorkspaceData } from "../bindings";
import { h } from "../dom";
import { today } from "../format";
import { openPanel } from "../panel";
import { attempt, selectField, textField } from "./fields";

const CHANNELS: [string, string][] = ["meeting", "email", "call", "chat", "workshop"].map((c): [string, string] => [c, c]);

export function openEngagementForm(data: WorkspaceData, person: string | null, onSaved: (message: string) => void): void {
  const people: [string, string][] = data.people.map((p): [string, string] => [p.id, p.name]);
  const fields = [
    selectField("engagement", "person", "With", person ?? data.profiles[0]?.person ?? data.people[0]?.id ?? "", people),
    textField("engagement", "date", "Date", today(), { type: "date" }),
    selectField("engagement", "channel", "Channel", "meeting", CHANNELS),
    textField("engagement", "summary", "What was said or agreed", "", { autocomplete: "off" }),
  ];
  const general = h("div", { class: "form-error", role: "alert", "data-testid": "engagement-error" });
  const value = (name: string) => fields.find((f) => f.name === name)?.input.value.trim() ?? "";
  const form = h(
    "form",
    { class: "form", "data-testid": "engagement-form" },
    ...fields.map((f) => f.row),
    general,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", "data-testid": "engagement-save" }, "Log contact")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const entry: EngagementEntry = { id: "", person: value("person"), date: value("date"), channel: value("channel"), summary: value("summary") };
    attempt(fields, general, () => api.addEngagement(entry), () => onSaved("Logged the contact"));
  });
  openPanel("Log a contact", "engagement-panel", form);
}
