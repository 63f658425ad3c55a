// Add or edit a person: id, name, title, team and manager.

import { api } from "../api";
import type { Person, WorkspaceData } from "../bindings";
import { h } from "../dom";
import { openPanel } from "../panel";
import { attempt, confirmingButton, selectField, textField } from "./fields";

export function openPersonForm(data: WorkspaceData, person: Person | null, onSaved: (message: string) => void): void {
  const editing = person !== null;
  const p: Person = person ?? { id: nextPersonId(data), name: "", title: "", team: null, manager: null };
  const teams: [string, string][] = [["", "(no team)"], ...data.teams.map((t): [string, string] => [t.id, t.name])];
  const managers: [string, string][] = [
    ["", "(reports to nobody)"],
    ...data.people.filter((x) => x.id !== p.id).map((x): [string, string] => [x.id, `${x.name} (${x.id})`]),
  ];
  const fields = [
    textField("person", "id", "Id", p.id, editing ? { readonly: "" } : {}),
    textField("person", "name", "Name", p.name, { autocomplete: "off" }),
    textField("person", "title", "Title", p.title),
    selectField("person", "team", "Team", p.team ?? "", teams),
    selectField("person", "manager", "Reports to", p.manager ?? "", managers),
  ];
  const general = h("div", { class: "form-error", role: "alert", "data-testid": "person-error" });
  const value = (name: string) => fields.find((f) => f.name === name)?.input.value.trim() ?? "";
  const form = h(
    "form",
    { class: "form", "data-testid": "person-form" },
    ...fields.map((f) => f.row),
    general,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary", "data-testid": "person-save" }, editing ? "Save" : "Add person"),
      editing
        ? confirmingButton("person-delete", "Delete", `Click again to delete ${p.name} and their claims`, () =>
            attempt(fields, general, () => api.deletePerson(p.id), () => onSaved(`Deleted ${p.name}`)),
          )
        : null,
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const saved: Person = {
      id: value("id"),
      name: value("name"),
      title: value("title"),
      team: value("team") || null,
      manager: value("manager") || null,
    };
    attempt(fields, general, () => api.savePerson(saved), () => onSaved(`Saved ${saved.name}`));
  });
  openPanel(editing ? `Edit ${p.name}` : "Add a person", "person-panel", form);
}

/** The next free id of the form p<number>. */
export function nextPersonId(data: WorkspaceData): string {
  let max = 0;
  for (const p of data.people) {
    const m = /^p(\d+)$/.exec(p.id);
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return `p${String(max + 1).padStart(2, "0")}`;
}
