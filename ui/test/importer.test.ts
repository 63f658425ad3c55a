import { describe, expect, it } from "vitest";
import { holdsByName } from "../src/stores/importer.svelte";

describe("what a file's name says it holds", () => {
  it("takes a kind named in the file name, with or without an underscore", () => {
    expect(holdsByName("/home/rosa/Downloads/people.xlsx")).toBe("people");
    expect(holdsByName("C:\\exports\\Approval Rules 2027.csv")).toBe("approval_rules");
    expect(holdsByName("/tmp/servicenow-changes.csv")).toBe("changes");
    expect(holdsByName("/tmp/Staff list.ods")).toBe("people");
    expect(holdsByName("/tmp/year-end freezes.csv")).toBe("periods");
  });

  it("says nothing of a name that names no kind", () => {
    expect(holdsByName("/tmp/export (3).csv")).toBeNull();
  });
});
