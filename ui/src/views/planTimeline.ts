// The plan on a timeline (vis-timeline): one row per release with its planned
// window (drag it to reschedule), the work of its changes in the earliest
// feasible schedule (critical path in blue) and its deployment day; windows
// and freezes shade the background. Zoom with the wheel or the Days, Weeks,
// Months and Quarters buttons. Text goes in as DOM text, never as HTML.

import { Timeline } from "vis-timeline/standalone";
import "../../node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css";
import type { Change, PlanReport, Release, WorkspaceData } from "../bindings";

export interface TimelineOptions {
  plan: PlanReport;
  /** Counts refused moves: a new count draws the items again from the data. */
  redraws: number;
  onSelect: (id: string) => void;
  /** A release's window was dragged to new dates (inclusive, YYYY-MM-DD). */
  onMoveRelease: (release: Release, start: string, end: string) => void;
  /** A change's work was dragged to start on a day, or stretched to `days`. */
  onMoveChange: (change: Change, start: string, days: number) => void;
  /** An empty stretch was double-clicked: a new release from that day. */
  onNewRelease: (start: string) => void;
  /** An item was double-clicked: its record (`window:`, `deploy:`, `change:` or `period:` and an id). */
  onOpen: (item: string) => void;
  /** Whether the user may change the plan (not an approver of a team): else nothing drags. */
  editable: boolean;
}

const DAY = 86_400_000;

/** Changes above which the timeline shows releases only. */
export const TIMELINE_CHANGE_LIMIT = 2000;

/** Scales the zoom buttons offer: how many days the view spans. */
export const SCALES: { label: string; days: number }[] = [
  { label: "Days", days: 14 },
  { label: "Weeks", days: 70 },
  { label: "Months", days: 180 },
  { label: "Quarters", days: 540 },
];

/** Local midnight of a `YYYY-MM-DD` date. */
export function dayStart(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The `YYYY-MM-DD` of a moment, in local time. */
export function dayOf(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The day after `date`: timeline ranges end where the next day begins. */
export function nextDay(date: string): Date {
  const d = dayStart(date);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
}

interface Item {
  id: string;
  group?: string;
  content: HTMLElement | string;
  start: Date;
  end?: Date;
  type?: string;
  className?: string;
  editable?: boolean | { updateTime: boolean; updateGroup: boolean; remove: boolean };
}

/** An item's or a group's text, set as text (never parsed as HTML). */
function label(text: string, tip: string, item?: string): HTMLElement {
  const span = document.createElement("span");
  span.title = tip;
  if (item) span.dataset["item"] = item;
  span.textContent = text;
  return span;
}

function items(data: WorkspaceData, plan: PlanReport, editable: boolean): { groups: { id: string; content: HTMLElement }[]; items: Item[] } {
  const conflicts = new Map<string, string[]>();
  for (const c of plan.conflicts) for (const id of c.items) conflicts.set(id, [...(conflicts.get(id) ?? []), c.message]);
  const releases = new Map(data.releases.map((r) => [r.id, r]));
  const titles = new Map(data.changes.map((c) => [c.id, c.title]));
  const groups: { id: string; content: HTMLElement }[] = [];
  const out: Item[] = [];
  const drags = editable ? { updateTime: true, updateGroup: false, remove: false } : false;
  for (const slot of plan.schedule.filter((s) => s.kind === "release")) {
    const r = releases.get(slot.id);
    const flagged = conflicts.get(slot.id);
    groups.push({ id: slot.id, content: label(r?.name ?? slot.id, flagged ? flagged.join("\n") : `${slot.id}`) });
    if (r?.window_start && r.window_end) {
      out.push({
        id: `window:${r.id}`,
        group: r.id,
        content: label(`Planned ${r.window_start} – ${r.window_end}`, flagged ? flagged.join("\n") : editable ? "The planned window. Drag it to reschedule." : "The planned window.", `window:${r.id}`),
        start: dayStart(r.window_start),
        end: nextDay(r.window_end),
        className: flagged ? "planned conflict" : "planned",
        editable: drags,
      });
    }
    if (slot.deploys_on) {
      out.push({ id: `deploy:${slot.id}`, group: slot.id, content: label("deploy", `Earliest feasible deployment: ${slot.deploys_on}`), start: dayStart(slot.deploys_on), type: "point", className: "deploy", editable: false });
    }
  }
  const loose = plan.schedule.some((s) => s.kind === "change" && !s.release);
  if (loose) groups.push({ id: "", content: label("Not in a release", "Changes that deploy on their own.") });
  const changeSlots = plan.schedule.filter((s) => s.kind === "change");
  for (const slot of changeSlots.length > TIMELINE_CHANGE_LIMIT ? [] : changeSlots) {
    const end = slot.ready_on > slot.starts_on ? dayStart(slot.ready_on) : nextDay(slot.starts_on);
    out.push({
      id: `change:${slot.id}`,
      group: slot.release ?? "",
      content: label(slot.id, `${slot.id} ${titles.get(slot.id) ?? ""}: work ${slot.starts_on} to ${slot.ready_on}${slot.critical ? " (critical path)" : ""}. ${editable ? "Drag to hold it back to a later day; stretch to change its length." : ""}`, `change:${slot.id}`),
      start: dayStart(slot.starts_on),
      end,
      className: slot.critical ? "work critical" : "work",
      editable: drags,
    });
  }
  for (const p of data.periods) {
    out.push({ id: `period:${p.id}`, content: label(p.name, `${p.kind}: ${p.starts_on} to ${p.ends_on}`), start: dayStart(p.starts_on), end: nextDay(p.ends_on), type: "background", className: p.kind });
  }
  return { groups, items: out };
}

/** The range shown last, so the view keeps its zoom when drawn again. */
let shown: { start: number; end: number } | null = null;

/** A drawn timeline: updated in place with new items, keeping its range. */
export interface DrawnTimeline {
  timeline: Timeline;
  /** The latest data and options (the drawing's callbacks use them). */
  live: { data: WorkspaceData; o: TimelineOptions };
}

/** Mirrors what is drawn, for tests and diagnostics. */
function describe(frame: HTMLElement, list: Item[]): void {
  frame.dataset["items"] = String(list.filter((i) => i.type !== "background").length);
  frame.dataset["critical"] = list.filter((i) => i.className?.includes("critical")).map((i) => i.id.replace("change:", "")).join(",");
  frame.dataset["conflicts"] = list.filter((i) => i.className?.includes("conflict")).map((i) => i.id.replace("window:", "")).join(",");
}

/** Shows the plan in `frame`: a new timeline, or the drawn one with its items replaced. */
export function showTimeline(frame: HTMLElement, drawn: DrawnTimeline | null, data: WorkspaceData, o: TimelineOptions): DrawnTimeline {
  const { groups, items: list } = items(data, o.plan, o.editable);
  describe(frame, list);
  if (drawn) {
    drawn.live = { data, o };
    drawn.timeline.setGroups(groups as never[]);
    drawn.timeline.setItems(list as never[]);
    return drawn;
  }
  const first = o.plan.starts_on;
  let timeline: Timeline | null = null;
  const live = { data, o };
  timeline = new Timeline(frame, list as never[], groups as never[], {
    stack: true,
    orientation: "top",
    zoomMin: 7 * DAY,
    zoomMax: 800 * DAY,
    // No start or end here: with them, vis-timeline keeps its loading
    // screen over the items until the range changes. The window is set
    // once the first drawing is done instead.
    onInitialDrawComplete: () => {
      const start = shown ? new Date(shown.start) : new Date(dayStart(first).getTime() - 3 * DAY);
      const end = shown ? new Date(shown.end) : new Date(dayStart(first).getTime() + 67 * DAY);
      timeline?.setWindow(start, end, { animation: false });
      frame.dataset["ready"] = "true";
    },
    editable: { updateTime: true, updateGroup: false, add: false, remove: false },
    itemsAlwaysDraggable: { item: true, range: true },
    showTooltips: false,
    // The rest of the window is in English; dates follow it.
    locale: "en",
    snap: (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + (date.getHours() >= 12 ? 1 : 0)),
    onMove: (item, callback) => {
      const { data, o } = next.live;
      const id = String(item.id);
      const change = data.changes.find((c) => c.id === id.replace(/^change:/, ""));
      if (id.startsWith("change:") && change && item.end) {
        const start = dayOf(new Date(item.start));
        const days = Math.max(0, Math.round((new Date(item.end).getTime() - new Date(item.start).getTime()) / DAY));
        callback(item);
        o.onMoveChange(change, start, change.duration_days === 0 ? 0 : Math.max(1, days));
        return;
      }
      const release = data.releases.find((r) => r.id === id.replace(/^window:/, ""));
      if (!id.startsWith("window:") || !release || !item.end) {
        callback(null);
        return;
      }
      const start = dayOf(new Date(item.start));
      const end = dayOf(new Date(new Date(item.end).getTime() - DAY / 2));
      callback(item);
      o.onMoveRelease(release, start, end);
    },
  });
  const next: DrawnTimeline = { timeline, live };
  timeline.on("select", (e: { items: (string | number)[] }) => {
    const id = String(e.items[0] ?? "");
    const item = id.replace(/^(window|deploy|change):/, "");
    if (item && !id.startsWith("period:")) next.live.o.onSelect(item);
  });
  timeline.on("doubleClick", (e: { item: string | number | null; time: Date; what: string | null }) => {
    if (e.item !== null) next.live.o.onOpen(String(e.item));
    else if (e.what !== "axis" && next.live.o.editable) next.live.o.onNewRelease(dayOf(e.time));
  });
  timeline.on("rangechanged", (e: { start: Date; end: Date }) => {
    shown = { start: e.start.getTime(), end: e.end.getTime() };
    frame.dataset["span"] = String(Math.round((e.end.getTime() - e.start.getTime()) / DAY));
  });
  const range = timeline.getWindow();
  frame.dataset["span"] = String(Math.round((range.end.getTime() - range.start.getTime()) / DAY));
  // Read-only handle for the end-to-end tests.
  (window as unknown as { greychartTimeline?: Timeline }).greychartTimeline = timeline;
  return next;
}

/** The day in the middle of what the drawn timeline shows (null: not drawn). */
export function middleDay(drawn: DrawnTimeline | null): string | null {
  if (!drawn) return null;
  const range = drawn.timeline.getWindow();
  return dayOf(new Date((range.start.getTime() + range.end.getTime()) / 2));
}

/** Moves the drawn timeline's range to `days` around its middle. */
export function zoomTimeline(drawn: DrawnTimeline | null, days: number): void {
  if (!drawn) return;
  const range = drawn.timeline.getWindow();
  const middle = (range.start.getTime() + range.end.getTime()) / 2;
  drawn.timeline.setWindow(new Date(middle - (days * DAY) / 2), new Date(middle + (days * DAY) / 2), { animation: false });
}
