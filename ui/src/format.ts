// Formatting numbers and dates the way the views show them.

/** A share in [0,1] as a percentage with one decimal, e.g. "12.3%". */
export function percent(value: number): string {
  // In a chart of thousands most shares are below 0.1 %: keep two
  // significant digits there, so they still tell people apart.
  const pct = value * 100;
  return pct > 0 && pct < 0.1 ? `${pct.toPrecision(2)}%` : `${pct.toFixed(1)}%`;
}

/** A signed number of percentile points, e.g. "+42" or "−7". */
export function points(value: number): string {
  const rounded = Math.round(value);
  if (rounded === 0) return "0";
  return rounded > 0 ? `+${rounded}` : `\u2212${Math.abs(rounded)}`;
}

/** A number in [0,1] with two decimals. */
export function unit(value: number): string {
  return value.toFixed(2);
}

/** Today as YYYY-MM-DD in local time. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date span "2026-12-01 → 2026-12-03", or "unscheduled". */
export function span(start: string | null, end: string | null): string {
  if (!start || !end) return "unscheduled";
  return start === end ? start : `${start} \u2192 ${end}`;
}

/** Human words for snake_case domain values: "changes_requested" → "changes requested". */
export function words(value: string): string {
  return value.replace(/_/g, " ");
}

/** The date `days` after `date` (negative: before), both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00`);
  d.setDate(d.getDate() + days);
  return today(d);
}

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00`) - Date.parse(`${from}T12:00:00`)) / 86_400_000);
}
