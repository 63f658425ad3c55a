// End-to-end: exports from the window through the real save dialog
// (answered with the keyboard via xdotool). The influence graph as GraphML
// holds the formal chart only, until "Include private grey-chart data" is
// ticked: then the proposed file name and the file say PRIVATE and the
// grey links are in it.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, byTestId, launch, requireApp, run, screenshot, startDriver, stopDriver } from "./harness.mjs";

requireApp();

const home = mkdtempSync(join(tmpdir(), "greychart-exports-e2e-"));
// GTK's file chooser keeps its settings in memory: no dconf (D-Bus) under Xvfb.
const driver = await startDriver({ GREYCHART_HOME: home, GSETTINGS_BACKEND: "memory" });
let browser;

/** Exports GraphML through the form and the save dialog; the path saved. */
async function exportGraphml(includePrivate) {
  const before = await byTestId(browser, "status").getText();
  await byTestId(browser, "cmd-export").click();
  await byTestId(browser, "export-form").waitForDisplayed({ timeout: 5000 });
  await byTestId(browser, "export-format").selectByAttribute("value", "graphml");
  if (includePrivate) await byTestId(browser, "export-private").click();
  if (includePrivate) {
    await browser.pause(300);
    await screenshot(browser, "export-form-private");
  }
  await byTestId(browser, "export-save").click();
  execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", "Export the workspace", "windowfocus", "--sync", "key", "--clearmodifiers", "Return"], { timeout: 20000 });
  await browser.waitUntil(async () => {
    const now = await byTestId(browser, "status").getText();
    return now !== before && now.startsWith("Exported ");
  }, { timeout: 20000, timeoutMsg: "nothing was exported" });
  return (await byTestId(browser, "status").getText()).replace(/^Exported (with PRIVATE grey-chart data )?to /, "").trim();
}

const failed = await run([
  ["GraphML without private data holds the formal chart only", async () => {
    browser = await launch();
    const path = await exportGraphml(false);
    assert(path === join(home, "demo.graphml") && existsSync(path), `exported to "${path}"`);
    const text = readFileSync(path, "utf8");
    assert(text.includes("<graphml") && text.includes("Margaret Okafor"), "the people are not in the file");
    assert(!text.includes("PRIVATE") && !text.includes(">grey<") && !text.includes("CIO checks every budget line"), "grey-chart data in a shared export");
  }],
  ["ticking private data names the file PRIVATE and adds the grey chart", async () => {
    const path = await exportGraphml(true);
    assert(path === join(home, "demo.PRIVATE.graphml") && existsSync(path), `exported to "${path}"`);
    const text = readFileSync(path, "utf8");
    assert(text.includes("<!-- PRIVATE") && text.includes(">grey<"), "the private export lacks its mark or the grey chart");
  }],
]);

await browser?.deleteSession().catch(() => undefined);
stopDriver(driver);
process.exit(failed === 0 ? 0 : 1);
