// A small harness for end-to-end tests of the real window: starts
// tauri-driver (which starts WebKitWebDriver, which starts the app), opens
// WebDriver sessions, runs named steps and prints "N passed, N failed".

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
  // tauri-driver listens on 4444 at once and passes sessions on to the
  // WebKitWebDriver it starts on 4445; a session asked for before that one
  // listens fails ("client error (Connect)", seen once in CI).
  for (let i = 0; i < 100; i++) {
    if ((await portOpen(4444)) && (await portOpen(4445))) return driver;
    await new Promise((r) => setTimeout(r, 100));
  }
  stopDriver(driver);
  throw new Error("tauri-driver (4444) and WebKitWebDriver (4445) did not both listen within 10 s");
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

/** Scrolls `element` to the middle of the view, then clicks it: a click on
 * an element below the fold is refused first and retried by WebdriverIO,
 * which logs an error for it. */
export async function press(element) {
  await element.scrollIntoView({ block: "center" });
  await element.click();
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

/** Exits with a hint unless GREYCHART_APP names the app to test. */
export function requireApp() {
  if (!APP) {
    console.error("set GREYCHART_APP to the app binary built with `tauri build --debug --no-bundle`");
    process.exit(2);
  }
}

/** Drags with the mouse from one viewport point to another, in steps. */
export async function dragMouse(browser, from, to, steps = 8) {
  let gesture = browser.action("pointer").move({ x: from.x, y: from.y, origin: "viewport" }).down();
  for (let i = 1; i <= steps; i++) {
    const x = Math.round(from.x + ((to.x - from.x) * i) / steps);
    const y = Math.round(from.y + ((to.y - from.y) * i) / steps);
    gesture = gesture.move({ x, y, origin: "viewport", duration: 40 });
  }
  await gesture.pause(400).up().perform();
}

/** Where changes are on the Release plan's dependency graph, in viewport pixels. */
export async function planGraphPoints(browser, ids) {
  await byTestId(browser, "plan-graph").scrollIntoView({ block: "center" });
  return browser.execute((ids) => {
    const cy = window.greychartPlanGraph;
    const box = document.querySelector('[data-testid="plan-graph"]').getBoundingClientRect();
    return ids.map((id) => {
      const r = cy.getElementById(`c:${id}`).renderedPosition();
      return { x: Math.round(box.left + r.x), y: Math.round(box.top + r.y) };
    });
  }, ids);
}

/** Fills the open person form (name, title, team and manager ids) and saves it. */
export async function savePersonForm(browser, { name, title, team, manager }) {
  await byTestId(browser, "person-form").waitForDisplayed({ timeout: 5000 });
  await byTestId(browser, "person-name").setValue(name);
  await byTestId(browser, "person-title").setValue(title);
  await byTestId(browser, "person-team").selectByAttribute("value", team);
  await byTestId(browser, "person-manager").selectByAttribute("value", manager);
  await byTestId(browser, "person-save").click();
}

/** Fills the open claim form (ids, numbers as text, source, optional note) and saves it. */
export async function saveClaimForm(browser, { from, to, strength, confidence, source, note }) {
  await byTestId(browser, "claim-form").waitForDisplayed({ timeout: 5000 });
  await byTestId(browser, "claim-from").selectByAttribute("value", from);
  await byTestId(browser, "claim-to").selectByAttribute("value", to);
  await byTestId(browser, "claim-strength").setValue(strength);
  await byTestId(browser, "claim-confidence").setValue(confidence);
  await byTestId(browser, "claim-source").setValue(source);
  if (note !== undefined) await byTestId(browser, "claim-note").setValue(note);
  await byTestId(browser, "claim-save").click();
}

/** Everything the app has logged under its folder `home` (logs/*.log). */
export function appLog(home) {
  const folder = join(home, "logs");
  const files = readdirSync(folder).filter((f) => f.endsWith(".log"));
  return files.map((f) => readFileSync(join(folder, f), "utf8")).join("");
}

/** Creates a new workspace at `path` through New… and the native GTK save
 *  dialog (its name field takes a whole path), and waits until it is open. */
export async function newWorkspace(browser, path) {
  const toolbar = async () => String((await byTestId(browser, "workspace-name").getProperty("textContent")) ?? "");
  await byTestId(browser, "cmd-new").click();
  const dialog = execFileSync("xdotool", ["search", "--sync", "--name", "New workspace"], { timeout: 20000 }).toString().trim().split("\n")[0] ?? "";
  await browser.pause(1000);
  execFileSync("xdotool", ["windowfocus", "--sync", dialog, "key", "--clearmodifiers", "ctrl+a"]);
  execFileSync("xdotool", ["type", "--delay", "30", path]);
  await browser.pause(300);
  for (let i = 0; i < 3 && (await toolbar()) !== path; i++) {
    execFileSync("xdotool", ["key", "--clearmodifiers", "Return"]);
    await browser.pause(1000);
  }
  await browser.waitUntil(async () => (await toolbar()) === path, { timeout: 20000 }).catch(async () => {
    await screenshot(browser, "new-workspace-not-opened");
    throw new Error(`the new workspace did not open: the toolbar says "${await toolbar()}", the status "${await byTestId(browser, "status").getText()}"`);
  });
}

/** Picks the file `path` in the native GTK open dialog titled `title`,
 *  opened by clicking `button` (typing a path opens its location field). */
export async function pickFile(browser, button, title, path) {
  await byTestId(browser, button).click();
  await browser.pause(1000);
  // A dialog shown before may linger unmapped under the same title: the newest that takes the focus is it.
  const dialogs = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", title], { timeout: 20000 }).toString().trim().split("\n").reverse();
  const focused = dialogs.find((id) => {
    try {
      execFileSync("xdotool", ["windowfocus", "--sync", id], { stdio: "ignore", timeout: 5000 });
      return true;
    } catch {
      return false;
    }
  });
  if (!focused) throw new Error(`no "${title}" dialog took the focus`);
  execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+l"]);
  await browser.pause(300);
  execFileSync("xdotool", ["type", "--delay", "30", path]);
  await browser.pause(300);
  execFileSync("xdotool", ["key", "--clearmodifiers", "Return"]);
}

/** Fills the fields of the open form `form` ({name: value}; a select by its
 *  option value, several for a multiple select) and saves it; waits until
 *  the form closes. Values are set as the browser sets them when a user
 *  types or picks (input and change events), in one round trip per form:
 *  typing key by key through WebDriver takes seconds a field, and typing
 *  itself is exercised by the other tests. */
export async function fillForm(browser, form, fields) {
  await byTestId(browser, `${form}-form`).waitForDisplayed({ timeout: 5000 });
  const missing = await browser.execute((form, fields) => {
    const missing = [];
    for (const [name, value] of Object.entries(fields)) {
      const el = document.querySelector(`[data-testid="${form}-${name}"]`);
      if (!el) {
        missing.push(name);
        continue;
      }
      if (el.tagName === "SELECT" && el.multiple) {
        for (const option of el.options) option.selected = value.includes(option.value);
      } else {
        el.value = value;
      }
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return missing;
  }, form, fields);
  if (missing.length) throw new Error(`the ${form} form has no field ${missing.join(", ")}`);
  await byTestId(browser, `${form}-save`).click();
  // Polled by script: WebDriver's lookup of a missing element waits its own while.
  await browser.waitUntil(() => browser.execute((id) => document.querySelector(`[data-testid="${id}"]`) === null, `${form}-form`), {
    timeout: 10000,
    interval: 100,
    timeoutMsg: `the ${form} form was not saved: ${await byTestId(browser, `${form}-error`).getText().catch(() => "")} ${await byTestId(browser, "status").getText()}`,
  });
}
