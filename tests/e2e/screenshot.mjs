// Takes the README's screenshot of the real window on a fresh demo workspace.

import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, screenshot, startDriver, stopDriver } from "./harness.mjs";

const target = process.argv[2] ?? "docs/screenshot.png";
const driver = await startDriver({ GREYCHART_HOME: mkdtempSync(join(tmpdir(), "greychart-shot-")) });
try {
  const browser = await launch();
  const path = await screenshot(browser, "readme");
  copyFileSync(path, target);
  await browser.deleteSession();
  console.log(`wrote ${target}`);
} finally {
  stopDriver(driver);
}
