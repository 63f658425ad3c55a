// Building DOM nodes. Text is always set as text, never parsed as HTML, so
// names and notes containing markup show literally and never run.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") {
      el.addEventListener(key.replace(/^on/, "").toLowerCase(), value as EventListener);
    } else if (value === true) {
      el.setAttribute(key, "");
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

type Headers = { label: string; tip?: string; numeric?: boolean }[];

function row(headers: Headers, cells: Child[]): HTMLTableRowElement {
  return h("tr", {}, ...cells.map((cell, i) => h("td", { class: headers[i]?.numeric ? "num" : undefined }, cell)));
}

/** A table with a header row; `rows` are lists of cells. */
export function table(testid: string, headers: Headers, rows: Child[][]): HTMLTableElement {
  return h(
    "table",
    { class: "grid", "data-testid": testid },
    h("thead", {}, h("tr", {}, ...headers.map((c) => h("th", { title: c.tip, class: c.numeric ? "num" : undefined }, c.label)))),
    h(
      "tbody",
      {},
      ...rows.map((cells) => row(headers, cells)),
    ),
  );
}

const shownRows = new Map<string, number>();

/** A table of `items` that builds and shows the first `page` rows, with a
 *  button that appends more: organisations of thousands stay quick. How
 *  many are shown survives a redraw. */
export function longTable<T>(testid: string, headers: Headers, items: T[], cells: (item: T) => Child[], page = 200): HTMLElement {
  let limit = Math.max(page, shownRows.get(testid) ?? page);
  const t = table(testid, headers, items.slice(0, limit).map(cells));
  if (items.length <= limit) return t;
  const body = t.tBodies[0];
  const more: HTMLButtonElement = h("button", { type: "button", class: "more", "data-testid": `${testid}-more` });
  const label = () => {
    more.textContent = `Show ${Math.min(page * 5, items.length - limit)} more (${limit} of ${items.length} shown)`;
  };
  more.addEventListener("click", () => {
    const next = Math.min(items.length, limit + page * 5);
    for (const item of items.slice(limit, next)) {
      body?.appendChild(row(headers, cells(item)));
    }
    limit = next;
    shownRows.set(testid, limit);
    if (limit >= items.length) more.remove();
    else label();
  });
  label();
  return h("div", {}, t, more);
}

/** A table of `total` rows of which `items` are at hand, the first ones in
 *  order; a button fetches the next `page` with `fetch(offset)`, for lists
 *  too long to hold (the claims of a large chart). Fetched rows are added to
 *  `items`, so a redraw shows them again. */
export function pagedTable<T>(testid: string, headers: Headers, items: T[], total: number, fetch: (offset: number, limit: number) => Promise<T[]>, cells: (item: T) => Child[], page = 1000): HTMLElement {
  const t = table(testid, headers, items.map(cells));
  if (items.length >= total) return t;
  const body = t.tBodies[0];
  const more: HTMLButtonElement = h("button", { type: "button", class: "more", "data-testid": `${testid}-more` });
  const label = () => {
    more.textContent = `Show ${Math.min(page, total - items.length)} more (${items.length} of ${total} shown)`;
  };
  more.addEventListener("click", () => {
    more.disabled = true;
    more.textContent = "Fetching\u2026";
    fetch(items.length, page).then(
      (next) => {
        for (const item of next) {
          items.push(item);
          body?.appendChild(row(headers, cells(item)));
        }
        more.disabled = false;
        if (next.length === 0 || items.length >= total) more.remove();
        else label();
      },
      (e: unknown) => {
        more.disabled = false;
        more.textContent = `Could not fetch more (${e instanceof Object && "message" in e ? String(e.message) : String(e)}): try again`;
      },
    );
  });
  label();
  return h("div", {}, t, more);
}

/** A section with a heading and a one-line explanation. */
export function section(title: string, explanation: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), h("p", { class: "hint" }, explanation), ...children);
}

const mountQueue: (() => void)[] = [];

/** Runs `fn` once the element being built is in the page (for drawings
 *  that need their container's size). */
export function whenMounted(fn: () => void): void {
  mountQueue.push(fn);
}

/** Called by the frame after it inserted a view. */
export function flushMounted(): void {
  for (const fn of mountQueue.splice(0)) fn();
}

/** An SVG element; attributes as strings, text set as text. */
export function svg(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  for (const child of children) el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  return el;
}
