// The window's capability must allow exactly the commands the UI calls:
// nothing more (least privilege), nothing less (a call would be refused).

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url);

describe("capabilities", () => {
  it("allow exactly the commands api.ts invokes", () => {
    const api = readFileSync(new URL("src/api.ts", root), "utf8");
    const called = [...api.matchAll(/call\("([a-z_]+)"/g)].map((m) => m[1]?.replace(/_/g, "-")).sort();
    const capability = JSON.parse(readFileSync(new URL("../src-tauri/capabilities/main.json", root), "utf8")) as { permissions: string[] };
    const allowed = capability.permissions.map((p) => p.replace(/^allow-/, "")).sort();
    expect(called.length).toBeGreaterThan(5);
    expect(allowed).toEqual(called);
  });

  it("leave invoke to ipc.ts alone, so every call goes through the generated wrappers", () => {
    const files = readdirSync(new URL("src/", root), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") || f.endsWith(".svelte"));
    const invoking = files.filter((f) => /from "@tauri-apps\/api\/core"|\binvoke\s*[<(]/.test(readFileSync(new URL(`src/${f}`, root), "utf8")));
    expect(files.length).toBeGreaterThan(10);
    expect(invoking).toEqual(["ipc.ts"]);
  });

  it("keep the content security policy free of remote origins and inline script", () => {
    const conf = JSON.parse(readFileSync(new URL("../src-tauri/tauri.conf.json", root), "utf8")) as {
      app: { security: { csp: Record<string, string> } };
    };
    const csp = conf.app.security.csp;
    expect(csp["default-src"]).toBe("'self'");
    expect(csp["script-src"]).toBe("'self'");
    for (const value of Object.values(csp)) {
      expect(value).not.toMatch(/https?:\/\/(?!ipc\.localhost)|unsafe-inline|unsafe-eval|\*/);
    }
  });
});
