// A small harness for end-to-end tests of the real window: starts
// tauri-driver (which starts WebKitWebDriver, which starts the app), opens
// WebDriver sessions, runs named steps and prints "N passed, N failed".

import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { remote } from "webdriverio";

export const APP = process.env.GREYCHART_APP;
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "test-artifacts/e2e";

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts tauri-driver in its own process group, with `env` for the app. */
export async function startDriver(env) {
  if (await portOpen(4444)) throw new Error("port 4444 is taken: is another tauri-driver running? (one e2e run at a time)");
  const driver = spawn("tauri-driver", [], { env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 100; i++) {
    if (await portOpen(4444)) return driver;
    await new Promise((r) => setTimeout(r, 100));
  }
  stopDriver(driver);
  throw new Error("tauri-driver did not start listening on 4444 within 10 s");
}

/** Stops tauri-driver and everything it started. */
export function stopDriver(driver) {
  try {
    process.kill(-driver.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Launches the app and returns a WebDriver session on its window. */
export async function launch() {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: 4444,
    logLevel: "error",
    connectionRetryCount: 0,
    capabilities: { browserName: "wry", "tauri:options": { application: APP }, "wdio:enforceWebDriverClassic": true },
  });
  // Polled with a script rather than waitForExist: WebKitWebDriver's first
  // element search can stall for half a minute while a large page settles.
  await browser.waitUntil(() => browser.execute(() => document.querySelector('[data-testid="view-grey-chart"]') !== null), {
    timeout: 60000,
    interval: 250,
    timeoutMsg: "the Grey chart view did not appear within 60 s",
  });
  return browser;
}

/** The element with a data-testid. */
export function byTestId(browser, id) {
  return browser.$(`[data-testid="${id}"]`);
}

/** Saves a screenshot of the window into the artefacts folder. */
export async function screenshot(browser, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const png = await browser.takeScreenshot();
  const path = join(ARTIFACTS, `${name}.png`);
  writeFileSync(path, Buffer.from(png, "base64"));
  return path;
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs steps in order; a failed step fails the rest that depend on it. */
export async function run(steps) {
  let passed = 0;
  let failed = 0;
  for (const [name, step] of steps) {
    const started = Date.now();
    try {
      await step();
      passed++;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e instanceof Error ? e.message : e}`);
    }
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed;
}
