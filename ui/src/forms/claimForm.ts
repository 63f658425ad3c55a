// Record or edit a grey-chart claim: who sways whom, how strongly, how sure
// we are, when it was seen, how fast it fades, and who told us.

import { api } from "../api";
import type { Claim, WorkspaceData } from "../bindings";
import { h } from "../dom";
import { today } from "../format";
import { openPanel } from "../panel";
import { areaField, attempt, clearErrors, confirmingButton, isApiError, numberValue, selectField, showError, textField } from "./fields";

export function openClaimForm(
  data: WorkspaceData,
  claim: Claim | null,
  onSaved: (message: string) => void,
  pair?: { from: string; to: string },
): void {
  const editing = claim !== null;
  const people: [string, string][] = data.people.map((p): [string, string] => [p.id, `${p.name} (${p.id})`]);
  const c: Claim = claim ?? {
    id: "",
    from: pair?.from ?? data.me ?? data.people[0]?.id ?? "",
    to: pair?.to ?? data.people[1]?.id ?? "",
    strength: 0.5,
    confidence: 0.7,
    observed_on: today(),
    half_life_days: 180,
    source: "",
    note: "",
    recorded_by: "",
    retired: false,
  };
  const fields = [
    selectField("claim", "from", "Who sways", c.from, people),
    selectField("claim", "to", "Whom", c.to, people),
    textField("claim", "strength", "Strength (0 = known: no influence, 1 = decisive)", String(c.strength), { inputmode: "decimal" }),
    textField("claim", "confidence", "Confidence (0–1)", String(c.confidence), { inputmode: "decimal" }),
    textField("claim", "observed_on", "Observed on", c.observed_on, { type: "date" }),
    textField("claim", "half_life_days", "Half-life in days", String(c.half_life_days), { inputmode: "numeric" }),
    textField("claim", "source", "Source (who told us, what we saw)", c.source),
    areaField("claim", "note", "Note", c.note),
  ];
  const general = h("div", { class: "form-error", role: "alert", "data-testid": "claim-error" });
  const field = (name: string) => fields.find((f) => f.name === name);
  const text = (name: string) => field(name)?.input.value.trim() ?? "";
  const retired = h("input", { type: "checkbox", id: "claim-retired", "data-testid": "claim-retired", checked: c.retired });
  const form = h(
    "form",
    { class: "form", "data-testid": "claim-form" },
    ...fields.map((f) => f.row),
    editing ? h("div", { class: "field inline" }, retired, h("label", { for: "claim-retired" }, "Retired (kept in history, left out of analytics)")) : null,
    general,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary", "data-testid": "claim-save" }, editing ? "Save" : "Record claim"),
      editing
        ? confirmingButton("claim-delete", "Delete", "Click again to delete this claim for good (retire keeps it in the history)", () =>
            attempt(fields, general, () => api.deleteClaim(c.id), () => onSaved("Deleted the claim")),
          )
        : null,
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearErrors(fields);
    general.textContent = "";
    const numbers: Record<string, number> = {};
    for (const name of ["strength", "confidence", "half_life_days"]) {
      const f = field(name);
      if (!f) continue;
      const v = numberValue(f);
      if (isApiError(v)) {
        showError(fields, general, v);
        return;
      }
      numbers[name] = v;
    }
    const saved: Claim = {
      ...c,
      from: text("from"),
      to: text("to"),
      strength: numbers["strength"] ?? 0,
      confidence: numbers["confidence"] ?? 0,
      observed_on: text("observed_on"),
      half_life_days: numbers["half_life_days"] ?? 0,
      source: text("source"),
      note: text("note"),
      retired: editing ? retired.checked : false,
    };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(saved.observed_on)) {
      showError(fields, general, { code: "invalid", message: "must be a date", field: "observed_on" });
      return;
    }
    attempt(fields, general, () => api.saveClaim(saved), () => onSaved("Saved the claim"));
  });
  openPanel(editing ? "Edit claim" : "Record a claim", "claim-panel", form);
}
