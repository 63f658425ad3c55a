// End-to-end: the real Greychart window, driven through WebDriver.
// Opens the demo on first start, visits all five views, adds a person and a
// claim through the forms, sees a validation message next to its field,
// draws a claim on the map and retires it, restarts the app and finds the
// new person and claim still there.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { APP, appLog, assert, byTestId, dragMouse, launch, press, requireApp, run, saveClaimForm, savePersonForm, screenshot, startDriver, stopDriver } from "./harness.mjs";

requireApp();

const home = mkdtempSync(join(tmpdir(), "greychart-e2e-"));
const driver = await startDriver({ GREYCHART_HOME: home });
let browser;

const text = async (id) => String((await byTestId(browser, id).getProperty("textContent")) ?? "");

async function visit(view, mustShow) {
  await byTestId(browser, `nav-${view}`).click();
  const body = byTestId(browser, `view-${view}`);
  await body.waitForExist({ timeout: 5000 });
  const shown = await body.getText();
  for (const expected of mustShow) assert(shown.includes(expected), `${view} view does not show "${expected}"`);
  await screenshot(browser, `view-${view}`);
}

let dropped = { x: NaN, y: NaN };
const NEW_PERSON = "Quinn O'Hara-Ng";
const CLAIM_SOURCE = "e2e: corridor chat after CAB";
const DRAWN_SOURCE = "e2e: drawn on the map";
let rankBeforeDrawn = "";

/** The text of the claims table's row whose claim has this source, and
 *  the test id of its edit link; one round trip, not one per row. */
function claimRow(source) {
  return browser.execute((wanted) => {
    for (const row of document.querySelectorAll('[data-testid="claims-table"] tbody tr')) {
      if (row.textContent.includes(wanted)) return { text: row.textContent, link: row.querySelector('[data-testid^="claim-"]')?.dataset.testid ?? "" };
    }
    return { text: "", link: "" };
  }, source);
}

/** The edit link of the claim with this source. */
async function claimLink(source) {
  const { link } = await claimRow(source);
  if (!link) throw new Error(`no claim with source "${source}" in the claims table`);
  return byTestId(browser, link);
}

const failed = await run([
  ["first start opens a copy of the demo workspace", async () => {
    browser = await launch();
    const name = await text("workspace-name");
    assert(name.endsWith("demo.greychart"), `workspace name is "${name}"`);
    assert(name.startsWith(home), "the demo copy lives in the app folder");
    // The native window title, as the X server knows it.
    const windows = execFileSync("xwininfo", ["-root", "-tree"], { encoding: "utf8" });
    assert(windows.includes('"demo.greychart \u2014 Greychart"'), "the window title does not name the workspace");
    await browser.waitUntil(() => browser.execute(() => document.documentElement.dataset.firstMapMs !== undefined), { timeout: 30000, interval: 100, timeoutMsg: "the map was never drawn" });
    console.log(`  figure: the demo's map drawn ${await browser.execute(() => document.documentElement.dataset.firstMapMs)} ms after the page started`);
  }],
  ["the grey chart view shows the demo's people, ranks and claims", () =>
    visit("grey-chart", ["Margaret Okafor", "Hiroshi Tanaka", "Chief Information Officer", "none (known)", "CIO checks every budget line"])],
  ["the grey chart names the gaps in the evidence and the recent movers", async () => {
    const gaps = await byTestId(browser, "evidence-gaps").getText();
    assert(/^\d+ people nobody is known to sway/.test(gaps), `gaps read "${gaps}"`);
    const movers = await browser.$$('[data-testid="movers"] li');
    assert(movers.length === 5, `${movers.length} movers listed, not 5`);
    assert((await movers[0].getText()).includes("because of:"), "the top mover has no cause");
  }],
  ["the movers can be measured over a year instead of 90 days", async () => {
    const asOf = await byTestId(browser, "as-of").getValue();
    const yearBack = new Date(`${asOf}T00:00:00Z`);
    yearBack.setUTCDate(yearBack.getUTCDate() - 365);
    const since = yearBack.toISOString().slice(0, 10);
    const before = await byTestId(browser, "movers").getText();
    await byTestId(browser, "movers-days").selectByAttribute("value", "365");
    const section = () => browser.execute(() => document.querySelector('[data-testid="movers"]').parentElement.textContent);
    await browser.waitUntil(async () => (await section()).includes(`since ${since}`), {
      timeout: 10000,
      timeoutMsg: `the movers are not measured since ${since}`,
    });
    const after = await byTestId(browser, "movers").getText();
    assert(after !== before, "the movers over a year are the same as over 90 days");
    await byTestId(browser, "movers").scrollIntoView({ block: "center" });
    await screenshot(browser, "movers-over-a-year");
    await byTestId(browser, "movers-days").selectByAttribute("value", "90");
    await browser.waitUntil(async () => (await byTestId(browser, "movers").getText()) === before, { timeout: 10000, timeoutMsg: "the movers over 90 days did not come back" });
  }],
  ["the map draws everyone, with stale links dashed and known-no-influence dotted", async () => {
    const map = byTestId(browser, "influence-map");
    await browser.waitUntil(async () => (await map.getAttribute("data-nodes")) === "40", { timeout: 10000, timeoutMsg: "the map did not draw 40 people" });
    const stale = Number(await map.getAttribute("data-stale-edges"));
    const none = Number(await map.getAttribute("data-known-none-edges"));
    assert(stale > 0, "no stale (dashed) link drawn");
    assert(none === 3, `expected the demo's 3 known-no-influence links, drew ${none}`);
    assert((await map.$("canvas").isExisting()), "the map has no canvas");
    await map.scrollIntoView({ block: "center" });
    await screenshot(browser, "influence-map");
  }],
  ["hiding the grey layer leaves only the 38 reporting lines", async () => {
    const map = byTestId(browser, "influence-map");
    const all = Number(await map.getAttribute("data-edges"));
    await byTestId(browser, "layer-grey").click();
    await browser.waitUntil(async () => (await byTestId(browser, "influence-map").getAttribute("data-edges")) === "38", { timeout: 5000, timeoutMsg: "grey links still drawn" });
    await byTestId(browser, "layer-grey").click();
    await browser.waitUntil(async () => Number(await byTestId(browser, "influence-map").getAttribute("data-edges")) === all, { timeout: 5000, timeoutMsg: "grey links not restored" });
  }],
  ["the factions are listed and can colour the map", async () => {
    const groups = await browser.$$('[data-testid="factions"] li');
    assert(groups.length >= 2, `${groups.length} factions listed`);
    assert((await groups[0].getText()).includes("led by"), "the largest faction names no leader");
    const colours = () => browser.execute(() => window.greychartMap.nodes().map((n) => n.data("colour")).join(","));
    const byTeam = await colours();
    await byTestId(browser, "map-colour-by").selectByAttribute("value", "faction");
    await browser.waitUntil(async () => (await colours()) !== byTeam, { timeout: 5000, timeoutMsg: "colouring by faction changed nothing" });
    const first = await browser.$('[data-testid="factions"] li').getAttribute("data-faction");
    assert(first === "0", "the largest faction is not listed first");
    await screenshot(browser, "map-by-faction");
    await byTestId(browser, "map-colour-by").selectByAttribute("value", "team");
    await browser.waitUntil(async () => (await colours()) === byTeam, { timeout: 5000, timeoutMsg: "team colours did not come back" });
  }],
  ["finding a person and focusing one link around them shows only their neighbours", async () => {
    await browser.execute(() => {
      const input = document.querySelector('[data-testid="map-search"]');
      input.value = "Hannah Schmidt";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await byTestId(browser, "map-focus-steps").selectByAttribute("value", "1");
    const map = byTestId(browser, "influence-map");
    await browser.waitUntil(async () => Number(await map.getAttribute("data-nodes")) < 40, { timeout: 5000, timeoutMsg: "the map did not narrow" });
    const shown = await browser.execute(() => ["p25", "p27", "p13"].map((id) => window.greychartMap.getElementById(id).length));
    assert(shown[0] === 1 && shown[1] === 1, "Hannah Schmidt or Lucy Tran (who sways her) is missing");
    assert(shown[2] === 0, "Yuki Sato, several links away, is still shown");
    await screenshot(browser, "focus-one-link");
    await byTestId(browser, "map-focus-steps").selectByAttribute("value", "0");
    await browser.waitUntil(async () => (await byTestId(browser, "influence-map").getAttribute("data-nodes")) === "40", {
      timeout: 5000,
      timeoutMsg: "everyone did not come back",
    });
  }],
  ["clicking a person shows their ranks and the strongest path from me, highlighted on the map", async () => {
    await press(byTestId(browser, "person-p25"));
    const path = byTestId(browser, "path-from-me");
    await path.waitForExist({ timeout: 5000 });
    const text = await path.getText();
    assert(text.startsWith("Samuel Adeyemi \u2192") && text.includes("Hannah Schmidt"), `path reads "${text}"`);
    assert((await byTestId(browser, "panel-rank").getText()).endsWith("%"), "no influence rank in the panel");
    const drawn = await byTestId(browser, "influence-map").getAttribute("data-path");
    assert(drawn.startsWith("p26>") && drawn.endsWith(">p25"), `map highlights "${drawn}"`);
    await byTestId(browser, "influence-map").scrollIntoView({ block: "center" });
    await screenshot(browser, "path-from-me");
    await browser.keys("Escape");
  }],
  ["moving the as-of slider back a year recomputes the ranks", async () => {
    const before = await byTestId(browser, "people-table").getText();
    // A range input is set as a user's drag ends: value, then "change".
    const setSlider = (days) =>
      browser.execute((v) => {
        const el = document.querySelector('[data-testid="as-of-slider"]');
        el.value = String(v);
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }, days);
    const yearAgo = new Date();
    yearAgo.setDate(yearAgo.getDate() - 365);
    const pad = (n) => String(n).padStart(2, "0");
    const expected = `${yearAgo.getFullYear()}-${pad(yearAgo.getMonth() + 1)}-${pad(yearAgo.getDate())}`;
    await setSlider(-365);
    await browser.waitUntil(async () => (await byTestId(browser, "as-of-label").getText()).includes(expected), {
      timeout: 10000,
      timeoutMsg: `the map is not as of ${expected}`,
    });
    const after = await byTestId(browser, "people-table").getText();
    assert(after !== before, "the ranks did not change a year back");
    assert((await byTestId(browser, "claims-table").getText()).includes("after as-of"), "recent claims are not marked as after the as-of date");
    await screenshot(browser, "as-of-a-year-ago");
    await setSlider(0);
    await browser.waitUntil(async () => (await byTestId(browser, "people-table").getText()) === before, {
      timeout: 10000,
      timeoutMsg: "the ranks did not come back at today",
    });
  }],
  ["the stakeholders view shows profiles, stances and the engagement log", () =>
    visit("stakeholders", ["Ahmed Karimi", "hands on", "Mobile Banking 4.2: champion", "Walked through the Payments Hub cut-over"])],
  ["the power/interest grid places every stakeholder, coloured by stance on the chosen release", async () => {
    const dots = await browser.$$('[data-testid="power-grid"] g.stakeholder');
    assert(dots.length === 15, `the grid shows ${dots.length} stakeholders, not the demo's 15`);
    await byTestId(browser, "stance-release").selectByAttribute("value", "r2");
    await browser.$('[data-testid="power-grid"] g[data-person="p34"][data-stance="blocker"]').waitForExist({ timeout: 5000 });
    assert((await browser.$$('[data-testid="hidden-power-list"] li')).length === 5, "hidden power list is not 5 long");
    assert((await browser.$$('[data-testid="brokers-list"] li')).length === 5, "brokers list is not 5 long");
    await screenshot(browser, "power-interest-grid");
  }],
  ["a contact logged through the form appears in the engagement log", async () => {
    await press(byTestId(browser, "log-contact"));
    await byTestId(browser, "engagement-form").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "engagement-person").selectByAttribute("value", "p34");
    await byTestId(browser, "engagement-summary").setValue("e2e: agreed a January slot");
    await byTestId(browser, "engagement-save").click();
    await browser.waitUntil(async () => (await byTestId(browser, "engagement-table").getText()).includes("e2e: agreed a January slot"), {
      timeout: 5000,
      timeoutMsg: "the logged contact did not appear",
    });
  }],
  ["the release plan view shows releases, the freeze conflict, changes and dependencies", () =>
    visit("release-plan", ["Payments Hub 2.0", "inside the freeze", "Year-end freeze", "Biometric login", "c105 \u2192 c101"])],
  ["the approvals view shows requirements in every state", async () => {
    await visit("approvals", ["change manager always", "rejected", "changes requested", "abstained", "stale"]);
    const link = await browser.$("//table[@data-testid='approval-matrix']//a[normalize-space()='Payments Hub 2.0']");
    await press(link);
    await browser.waitUntil(async () => (await byTestId(browser, "approval-checklist").getAttribute("data-release")) === "r2", { timeout: 5000, timeoutMsg: "the Payments Hub checklist did not open" });
    const history = await byTestId(browser, "decision-history").getText();
    assert(history.includes("Not during the year-end freeze."), "the rejection's comment is not in the history");
  }],
  ["the packets view shows each release's sign-off state", () =>
    visit("packets", ["Mobile Banking 4.2", "Customer Portal 3.1", "Hannah Schmidt"])],
  ["a person added through the form appears ranked in the table", async () => {
    await byTestId(browser, "nav-grey-chart").click();
    await byTestId(browser, "add-person").click();
    await byTestId(browser, "person-form").waitForDisplayed({ timeout: 5000 });
    assert((await byTestId(browser, "person-id").getValue()) === "p41", "the form proposes the next free id");
    await savePersonForm(browser, { name: NEW_PERSON, title: "Deployment Coordinator", team: "change", manager: "p26" });
    await byTestId(browser, "person-p41").waitForExist({ timeout: 5000 });
    const status = await text("status");
    assert(status.includes("saved to demo.greychart"), `status says "${status}"`);
  }],
  ["a claim recorded through the form appears with its source", async () => {
    await byTestId(browser, "add-claim").click();
    await saveClaimForm(browser, { from: "p41", to: "p25", strength: "0.6", confidence: "0.8", source: CLAIM_SOURCE });
    await browser.waitUntil(async () => (await byTestId(browser, "claims-table").getText()).includes(CLAIM_SOURCE), {
      timeout: 5000,
      timeoutMsg: "the new claim did not appear in the claims table",
    });
    await screenshot(browser, "after-adding-person-and-claim");
  }],
  ["an invalid claim shows the backend's message next to the field and saves nothing", async () => {
    const before = (await byTestId(browser, "claims-table").$$("tbody tr")).length;
    await byTestId(browser, "add-claim").click();
    await byTestId(browser, "claim-form").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "claim-strength").setValue("1.5");
    await byTestId(browser, "claim-save").click();
    const error = byTestId(browser, "claim-strength-error");
    await browser.waitUntil(async () => (await error.getText()).length > 0, { timeout: 5000, timeoutMsg: "no message next to strength" });
    const message = await error.getText();
    assert(message === "must be between 0 and 1 (got 1.5)", `message is "${message}"`);
    await screenshot(browser, "invalid-claim");
    await browser.keys("Escape");
    await byTestId(browser, "claim-form").waitForExist({ timeout: 5000, reverse: true });
    const after = (await byTestId(browser, "claims-table").$$("tbody tr")).length;
    assert(after === before, `claims went from ${before} to ${after}`);
  }],
  ["a person dragged on the map is saved where they were dropped", async () => {
    await byTestId(browser, "nav-grey-chart").click();
    await byTestId(browser, "influence-map").scrollIntoView({ block: "center" });
    const where = () =>
      browser.execute(() => {
        const cy = window.greychartMap;
        const box = document.querySelector('[data-testid="influence-map"]').getBoundingClientRect();
        const node = cy.getElementById("p26");
        const r = node.renderedPosition();
        return { x: Math.round(box.left + r.x), y: Math.round(box.top + r.y), model: node.position() };
      });
    const start = await where();
    await browser
      .action("pointer")
      .move({ x: start.x, y: start.y, origin: "viewport" })
      .down()
      .move({ x: start.x + 40, y: start.y + 20, origin: "viewport", duration: 100 })
      .move({ x: start.x + 90, y: start.y + 45, origin: "viewport", duration: 100 })
      .up()
      .perform();
    await browser.waitUntil(async () => (await text("status")).includes("Saved the map layout"), {
      timeout: 5000,
      timeoutMsg: "dropping a person did not save the layout",
    });
    const end = await where();
    assert(Math.abs(end.model.x - start.model.x) > 10, `p26 did not move (${start.model.x} → ${end.model.x})`);
    dropped = end.model;
    await screenshot(browser, "after-drag");
  }],
  ["a claim drawn on the map from one person to another changes the target's rank in the panel", async () => {
    await press(byTestId(browser, "person-p03"));
    const before = await byTestId(browser, "panel-rank").getText();
    rankBeforeDrawn = before;
    const pair = await byTestId(browser, "pair-p22>p03").getText();
    assert(pair.includes("claims disagree"), "Marco Bianchi's two claims about Priya Raman are not flagged as disagreeing");
    await browser.keys("Escape");
    await byTestId(browser, "draw-claims").click();
    await browser.waitUntil(async () => (await byTestId(browser, "influence-map").getAttribute("data-draw-mode")) === "true", {
      timeout: 5000,
      timeoutMsg: "draw mode did not turn on",
    });
    await byTestId(browser, "influence-map").scrollIntoView({ block: "center" });
    const [from, to] = await browser.execute(() => {
      const cy = window.greychartMap;
      const box = document.querySelector('[data-testid="influence-map"]').getBoundingClientRect();
      return ["p26", "p03"].map((id) => {
        const r = cy.getElementById(id).renderedPosition();
        return { x: Math.round(box.left + r.x), y: Math.round(box.top + r.y) };
      });
    });
    await dragMouse(browser, from, to);
    await byTestId(browser, "claim-form").waitForDisplayed({ timeout: 5000 });
    assert((await byTestId(browser, "claim-from").getValue()) === "p26", "the drawn claim does not start at p26");
    assert((await byTestId(browser, "claim-to").getValue()) === "p03", "the drawn claim does not end at p03");
    await byTestId(browser, "claim-strength").setValue("0.9");
    await byTestId(browser, "claim-confidence").setValue("1");
    await byTestId(browser, "claim-source").setValue(DRAWN_SOURCE);
    await byTestId(browser, "claim-save").click();
    await byTestId(browser, "person-details").waitForExist({ timeout: 5000 });
    const after = await byTestId(browser, "panel-rank").getText();
    assert(after !== before, `Priya Raman's rank stayed ${before}`);
    await screenshot(browser, "claim-drawn-on-map");
    await browser.keys("Escape");
    await byTestId(browser, "draw-claims").click();
  }],
  ["retiring the drawn claim from the panel keeps it there, marked retired, and gives the target back their rank", async () => {
    await press(byTestId(browser, "person-p03"));
    await byTestId(browser, "pair-p26>p03").waitForExist({ timeout: 5000 });
    const { link } = await claimRow(DRAWN_SOURCE);
    await press(byTestId(browser, link.replace("claim-", "panel-claim-")));
    await byTestId(browser, "claim-form").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "claim-retired").click();
    await byTestId(browser, "claim-save").click();
    await byTestId(browser, "claim-form").waitForExist({ timeout: 5000, reverse: true });
    await browser.waitUntil(async () => (await claimRow(DRAWN_SOURCE)).text.includes("retired"), {
      timeout: 5000,
      timeoutMsg: "the claims table does not show the drawn claim as retired",
    });
    await press(byTestId(browser, "person-p03"));
    const pair = byTestId(browser, "pair-p26>p03");
    await pair.waitForExist({ timeout: 5000 });
    const evidence = await pair.getText();
    assert(evidence.includes("retired") && evidence.includes(DRAWN_SOURCE) && evidence.includes("recorded by Samuel Adeyemi"), `the panel shows the retired claim as "${evidence}"`);
    const rank = await byTestId(browser, "panel-rank").getText();
    assert(rank === rankBeforeDrawn, `Priya Raman's rank is ${rank} with the claim retired, ${rankBeforeDrawn} before it was drawn`);
    // The panel is drawn again when the path from me arrives: scroll after.
    await byTestId(browser, "path-from-me").waitForExist({ timeout: 5000 });
    await browser.execute(() => document.querySelector('[data-testid="pair-p26>p03"]').scrollIntoView({ block: "center" }));
    await screenshot(browser, "claim-retired");
    await browser.keys("Escape");
  }],
  ["after a restart the new person and claim are still there", async () => {
    await browser.deleteSession();
    browser = await launch();
    const name = await text("workspace-name");
    assert(name.endsWith("demo.greychart"), `reopened "${name}"`);
    const people = await byTestId(browser, "people-table").getText();
    assert(people.includes(NEW_PERSON), "the new person is gone after restart");
    const claims = await byTestId(browser, "claims-table").getText();
    assert(claims.includes(CLAIM_SOURCE), "the new claim is gone after restart");
    const map = byTestId(browser, "influence-map");
    await browser.waitUntil(async () => (await map.getAttribute("data-layout")) === "saved", { timeout: 10000, timeoutMsg: "the saved layout was not used" });
    const p26 = await browser.execute(() => window.greychartMap.getElementById("p26").position());
    assert(Math.abs(p26.x - dropped.x) < 0.5 && Math.abs(p26.y - dropped.y) < 0.5, `p26 is at ${JSON.stringify(p26)}, was dropped at ${JSON.stringify(dropped)}`);
    await screenshot(browser, "after-restart");
  }],
  ["Arrange automatically forgets the dragged places, and Undo brings them back", async () => {
    const map = byTestId(browser, "influence-map");
    const p26 = () => browser.execute(() => window.greychartMap.getElementById("p26").position());
    await press(byTestId(browser, "map-arrange"));
    await browser.waitUntil(async () => (await text("status")).includes("Arranged the map automatically"), {
      timeout: 10000,
      timeoutMsg: "Arrange automatically did not report",
    });
    await browser.waitUntil(async () => (await map.getAttribute("data-layout")) === "automatic", { timeout: 10000, timeoutMsg: "the map kept the saved layout" });
    const arranged = await p26();
    assert(Math.abs(arranged.x - dropped.x) > 0.5 || Math.abs(arranged.y - dropped.y) > 0.5, `p26 stayed where it was dropped (${JSON.stringify(arranged)})`);
    assert(!(await byTestId(browser, "map-arrange").isExisting()), "Arrange automatically is still offered with no saved places");
    await screenshot(browser, "map-arranged");
    await press(byTestId(browser, "cmd-undo"));
    await browser.waitUntil(async () => (await map.getAttribute("data-layout")) === "saved", { timeout: 10000, timeoutMsg: "undo did not bring the saved layout back" });
    const back = await p26();
    assert(Math.abs(back.x - dropped.x) < 0.5 && Math.abs(back.y - dropped.y) < 0.5, `after undo p26 is at ${JSON.stringify(back)}, was dropped at ${JSON.stringify(dropped)}`);
  }],
  ["a person and a claim can be edited and deleted through the forms", async () => {
    await press(byTestId(browser, "person-p41"));
    await byTestId(browser, "panel-edit-person").click();
    await byTestId(browser, "person-form").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "person-title").setValue("Release Coordinator");
    await byTestId(browser, "person-save").click();
    await browser.waitUntil(async () => (await byTestId(browser, "people-table").getText()).includes("Release Coordinator"), {
      timeout: 5000,
      timeoutMsg: "the edited title did not appear",
    });
    await press(await claimLink(CLAIM_SOURCE));
    await byTestId(browser, "claim-form").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "claim-delete").click();
    await byTestId(browser, "claim-delete").click();
    await browser.waitUntil(async () => !(await byTestId(browser, "claims-table").getText()).includes(CLAIM_SOURCE), {
      timeout: 5000,
      timeoutMsg: "the deleted claim is still listed",
    });
    await press(byTestId(browser, "person-p41"));
    await byTestId(browser, "panel-edit-person").click();
    await byTestId(browser, "person-delete").click();
    await byTestId(browser, "person-delete").click();
    await byTestId(browser, "person-p41").waitForExist({ timeout: 5000, reverse: true });
  }],
  ["the app's log holds each command with its timing and each write, the page's own errors, and no claim source or note", async () => {
    // An error nobody handles in the page reaches the app's log.
    await browser.execute(() => {
      setTimeout(() => {
        throw new Error("e2e: a deliberate page error");
      }, 0);
    });
    await browser.waitUntil(async () => appLog(home).includes("e2e: a deliberate page error"), { timeout: 5000, timeoutMsg: "the page's error did not reach the log" });
    const log = appLog(home);
    assert(/ERROR .*greychart_page: .*e2e: a deliberate page error/.test(log), "the page's error is logged as an error");
    assert(/influence.*close time\.busy=/.test(log), "the influence command's span closes in the log with its duration");
    assert(/save_claim.*close time\.busy=/.test(log), "saving a claim is logged");
    assert(log.includes("write committed: claim"), "the claim's write is logged");
    // The workspace's own claim sources and notes, read back through a private export.
    const out = mkdtempSync(join(tmpdir(), "greychart-e2e-claims-"));
    const workspace = readFileSync(join(home, "last-workspace"), "utf8");
    execFileSync(join(dirname(APP), "greychart"), ["export", workspace, "--format", "csv", "--include-private", "-o", out]);
    const rows = readFileSync(join(out, "claims.PRIVATE.csv"), "utf8").split("\n").slice(1);
    const texts = new Set([CLAIM_SOURCE, DRAWN_SOURCE]);
    for (const row of rows) for (const cell of row.split(",").slice(6)) if (cell.replace(/"/g, "").length >= 8) texts.add(cell.replace(/"/g, ""));
    assert(texts.size > 20, `the demo's sources and notes were found to look for (${texts.size})`);
    const leaked = [...texts].filter((t) => log.includes(t));
    assert(leaked.length === 0, `grey-chart text in the log: ${leaked.join(" | ")}`);
  }],
]);

try {
  await browser?.deleteSession();
} catch {
  // the session may already be gone after a failure
}
stopDriver(driver);
const last = readFileSync(join(home, "last-workspace"), "utf8");
console.log(`workspace used: ${last}`);
process.exit(failed === 0 ? 0 : 1);
