// The side panel that holds forms and details; Escape closes it.

import { h, replace } from "./dom";

function panelElement(): HTMLElement {
  const el = document.getElementById("panel");
  if (!el) throw new Error("the page has no #panel");
  return el;
}

export function openPanel(title: string, testid: string, ...content: (Node | null)[]): void {
  const panel = panelElement();
  replace(
    panel,
    h(
      "div",
      { class: "panel-head" },
      h("h2", {}, title),
      h("button", { type: "button", class: "icon", title: "Close (Esc)", "aria-label": "Close", onclick: closePanel }, "\u00d7"),
    ),
    h("div", { class: "panel-body", "data-testid": testid }, ...content.filter((c): c is Node => c !== null)),
  );
  panel.hidden = false;
  const first = panel.querySelector<HTMLElement>("input, select, textarea");
  first?.focus();
}

export function closePanel(): void {
  const panel = panelElement();
  panel.hidden = true;
  panel.replaceChildren();
}

/** Whether the panel is open on the content with this test id. */
export function panelShows(testid: string): boolean {
  return panelIsOpen() && panelElement().querySelector(`[data-testid="${testid}"]`) !== null;
}

export function panelIsOpen(): boolean {
  return !panelElement().hidden;
}
