// Export the workspace for other tools: the whole workspace as JSON, or the
// influence graph for yEd, Gephi or Graphviz. Grey-chart data goes only
// with the box ticked; the proposed file name then says PRIVATE.

import { api } from "../api";
import type { ExportDocument } from "../bindings";
import { h } from "../dom";
import { openPanel } from "../panel";
import { attempt, selectField } from "./fields";

const FORMATS: [ExportDocument, string][] = [
  ["graphml", "GraphML — yEd, Gephi, Cytoscape"],
  ["gexf", "GEXF — Gephi"],
  ["dot", "DOT — Graphviz"],
  ["json", "Workspace (JSON) — to import into Greychart"],
];

export function openExportForm(onSaved: (message: string) => void): void {
  const fields = [selectField("export", "format", "Format", "graphml", FORMATS)];
  const privateBox = h("input", { type: "checkbox", id: "export-private", "data-testid": "export-private" });
  const general = h("div", { class: "form-error", role: "alert", "data-testid": "export-error" });
  const form = h(
    "form",
    { class: "form", "data-testid": "export-form" },
    ...fields.map((f) => f.row),
    h(
      "div",
      { class: "field" },
      h("label", { for: "export-private", class: "checkbox" }, privateBox, " Include private grey-chart data"),
      h("p", { class: "hint" }, "Claims, stances, notes, the engagement log and who sways whom. Without it the file holds people, teams, reporting lines and (in JSON) the plan. With it, the file is named and headed PRIVATE: keep it to yourself."),
    ),
    general,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", "data-testid": "export-save" }, "Save…")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const format = (fields[0]?.input.value ?? "graphml") as ExportDocument;
    const includePrivate = privateBox.checked;
    let saved: string | null = null;
    attempt(fields, general, () => api.exportWorkspace(format, includePrivate).then((path) => (saved = path)), () => {
      if (saved) onSaved(`Exported ${includePrivate ? "with PRIVATE grey-chart data " : ""}to ${saved}`);
    });
  });
  openPanel("Export", "export-panel", form);
}
