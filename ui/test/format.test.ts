import { describe, expect, it } from "vitest";
import { percent, points, span, today, words } from "../src/format";

describe("format", () => {
  it("shows shares as percentages and gaps as signed points", () => {
    expect(percent(0.1234)).toBe("12.3%");
    expect(percent(0.00008333)).toBe("0.0083%");
    expect(percent(0.00099)).toBe("0.099%");
    expect(percent(0.001)).toBe("0.1%");
    expect(percent(0)).toBe("0.0%");
    expect(points(41.6)).toBe("+42");
    expect(points(-7.2)).toBe("\u22127");
    expect(points(0.2)).toBe("0");
  });

  it("formats dates, spans and words", () => {
    expect(today(new Date(2026, 0, 5))).toBe("2026-01-05");
    expect(span(null, null)).toBe("unscheduled");
    expect(span("2026-01-01", "2026-01-01")).toBe("2026-01-01");
    expect(words("changes_requested")).toBe("changes requested");
  });
});

describe("date arithmetic", () => {
  it("adds and counts days across months and leap years", async () => {
    const { addDays, daysBetween } = await import("../src/format");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2025-11-27", "2026-11-27")).toBe(365);
    expect(addDays("2026-11-27", -365)).toBe("2025-11-27");
  });
});
