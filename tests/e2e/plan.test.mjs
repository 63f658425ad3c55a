// End-to-end: the Release plan view in the real window. Draws a dependency
// on the graph and sees the critical path and the timeline change, tries to
// close a cycle and sees it refused with the cycle named and outlined, drags
// a release's planned window into the year-end freeze on the timeline and
// sees the conflict appear, and clicks a change for its blast radius.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, byTestId, dragMouse, launch, planGraphPoints, requireApp, run, screenshot, startDriver, stopDriver } from "./harness.mjs";

requireApp();

const home = mkdtempSync(join(tmpdir(), "greychart-plan-e2e-"));
const driver = await startDriver({ GREYCHART_HOME: home });
let browser;

const attr = async (id, name) => String((await byTestId(browser, id).getAttribute(name)) ?? "");

const drag = (from, to, steps) => dragMouse(browser, from, to, steps);
const graphPoints = (from, to) => planGraphPoints(browser, [from, to]);

/** Waits until the graph has been redrawn after a reload. */
async function graphDrawn() {
  await browser.waitUntil(async () => Number(await attr("plan-graph", "data-nodes")) > 0, { timeout: 10000, timeoutMsg: "the dependency graph was not drawn" });
}

let criticalDays = 0;

const failed = await run([
  ["the release plan shows the graph, the timeline and the demo's conflicts", async () => {
    browser = await launch();
    await byTestId(browser, "nav-release-plan").click();
    await byTestId(browser, "view-release-plan").waitForExist({ timeout: 5000 });
    await graphDrawn();
    criticalDays = Number(await attr("plan-summary", "data-critical-days"));
    assert(criticalDays === 33, `the demo's critical path is ${criticalDays} days, not 33`);
    assert((await attr("plan-graph", "data-critical")) === "c301,c302,c303,c305,c601,c602,c606", `critical path drawn as ${await attr("plan-graph", "data-critical")}`);
    const kinds = await browser.execute(() => [...document.querySelectorAll('[data-testid="plan-conflicts"] li')].map((li) => li.dataset.kind));
    for (const kind of ["freeze", "late", "order", "approver_absent"]) assert(kinds.includes(kind), `no ${kind} conflict listed (${kinds})`);
    assert(Number(await attr("plan-timeline", "data-items")) > 30, "the timeline holds too few items");
    assert((await browser.$$(".plan-timeline .vis-item.vis-background.freeze")).length > 0, "no freeze shaded on the timeline");
    await screenshot(browser, "release-plan");
  }],
  ["a dependency drawn on the graph lengthens the critical path and moves the timeline", async () => {
    const before = await attr("plan-timeline", "data-critical");
    await byTestId(browser, "plan-draw").click();
    await browser.waitUntil(async () => (await attr("plan-graph", "data-draw-mode")) === "true", { timeout: 5000, timeoutMsg: "draw mode did not turn on" });
    await graphDrawn();
    const [from, to] = await graphPoints("c606", "c403");
    await drag(from, to);
    await browser.waitUntil(async () => Number(await attr("plan-summary", "data-critical-days")) > criticalDays, { timeout: 10000, timeoutMsg: "the critical path did not grow after drawing c606 → c403" });
    const days = Number(await attr("plan-summary", "data-critical-days"));
    const path = await attr("plan-graph", "data-critical");
    assert(path.includes("c606") && path.includes("c403"), `the new critical path ${path} does not run through the drawn link`);
    const after = await attr("plan-timeline", "data-critical");
    assert(after !== before && after.includes("c403"), `the timeline's critical work did not change (${before} → ${after})`);
    const deps = await byTestId(browser, "dependencies-table").getText();
    assert(deps.includes("c606 \u2192 c403"), "the drawn dependency is not listed");
    criticalDays = days;
    await screenshot(browser, "plan-dependency-drawn");
  }],
  ["closing a cycle is refused, named in order and outlined on the graph", async () => {
    await graphDrawn();
    const [from, to] = await graphPoints("c404", "c403");
    await drag(from, to);
    await byTestId(browser, "plan-refused").waitForExist({ timeout: 10000 });
    const message = await byTestId(browser, "plan-refused").getText();
    assert(message.includes("cycle") && message.includes("c403 \u2192 c401 \u2192 c404"), `refusal reads "${message}"`);
    await graphDrawn();
    const outlined = await attr("plan-graph", "data-refused");
    assert(outlined === "c401,c403,c404", `outlined ${outlined}`);
    const deps = await byTestId(browser, "dependencies-table").getText();
    assert(!deps.includes("c404 \u2192 c403"), "the refused dependency was saved");
    await screenshot(browser, "plan-cycle-refused");
    await byTestId(browser, "plan-draw").click();
  }],
  ["dragging a release's window into the freeze shows the conflict at once", async () => {
    const freezesBefore = (await browser.$$('[data-testid="plan-conflicts"] li[data-kind="freeze"]')).length;
    await byTestId(browser, "plan-timeline").scrollIntoView({ block: "center" });
    await browser.waitUntil(async () => (await attr("plan-timeline", "data-ready")) === "true", { timeout: 5000, timeoutMsg: "the timeline did not finish drawing" });
    // Let the scroll settle before measuring where to grab.
    await browser.pause(300);
    const box = await browser.execute(() => {
      const el = document.querySelector('[data-item="window:r4"]').closest(".vis-item");
      const r = el.getBoundingClientRect();
      const w = window.greychartTimeline.getWindow();
      const center = document.querySelector(".plan-timeline .vis-center").getBoundingClientRect();
      const perDay = center.width / ((w.end.getTime() - w.start.getTime()) / 86400000);
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), perDay };
    });
    // Customer Portal 3.1 (r4) is planned five days out; the freeze starts on day 21.
    const days = 20;
    await drag({ x: box.x, y: box.y }, { x: Math.round(box.x + days * box.perDay), y: box.y }, 10);
    await browser.waitUntil(async () => (await browser.$$('[data-testid="plan-conflicts"] li[data-kind="freeze"]')).length > freezesBefore, {
      timeout: 10000,
      timeoutMsg: "no new freeze conflict after dragging r4 into the freeze",
    });
    const conflicts = await byTestId(browser, "plan-conflicts").getText();
    assert(conflicts.includes("Customer Portal 3.1 (r4) is planned for"), "the freeze conflict does not name Customer Portal 3.1");
    await screenshot(browser, "plan-release-in-freeze");
  }],
  ["dragging a change later holds its release back and the lateness updates at once", async () => {
    const r4Late = () => browser.execute(() => [...document.querySelectorAll('[data-testid="plan-conflicts"] li[data-kind="late"]')].map((li) => li.textContent).find((t) => t.includes("(r4)")) ?? "");
    const deployDay = (text) => /cannot deploy before (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? "";
    const before = deployDay(await r4Late());
    assert(before !== "", "Customer Portal 3.1 is not late before the change is held back");
    await byTestId(browser, "plan-timeline").scrollIntoView({ block: "center" });
    await browser.waitUntil(async () => (await attr("plan-timeline", "data-ready")) === "true", { timeout: 5000, timeoutMsg: "the timeline did not finish drawing" });
    // Where c402 is drawn, once it has stopped moving (the previous step's
    // edit redraws the timeline in place; a drag aimed at a moving item misses).
    const measure = () => browser.execute(() => {
      const el = document.querySelector('[data-item="change:c402"]').closest(".vis-item");
      const r = el.getBoundingClientRect();
      const w = window.greychartTimeline.getWindow();
      const center = document.querySelector(".plan-timeline .vis-center").getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), perDay: center.width / ((w.end.getTime() - w.start.getTime()) / 86400000) };
    });
    let box = await measure();
    await browser.waitUntil(async () => {
      await browser.pause(300);
      const again = await measure();
      const still = again.x === box.x && again.y === box.y && again.perDay === box.perDay;
      box = again;
      return still;
    }, { timeout: 5000, timeoutMsg: "c402 did not stop moving on the timeline" });
    // Mark the drawings: an edit must update them in place, not draw new ones.
    const kept = await browser.execute(() => {
      window.greychartPlanGraph.scratch("e2e", "kept");
      window.greychartTimeline.e2eKept = true;
      const at = window.greychartPlanGraph.getElementById("c:c301").position();
      return { x: at.x, y: at.y, span: window.greychartTimeline.getWindow().end - window.greychartTimeline.getWindow().start };
    });
    await drag({ x: box.x, y: box.y }, { x: Math.round(box.x + 60 * box.perDay), y: box.y }, 10);
    await browser.waitUntil(async () => (await byTestId(browser, "status").getText()).includes("c402 starts no earlier than"), { timeout: 10000, timeoutMsg: "holding c402 back was not saved" });
    await browser.waitUntil(async () => deployDay(await r4Late()) > before, { timeout: 10000, timeoutMsg: `Customer Portal 3.1 still deploys on ${before} after holding c402 back` });
    const after = await browser.execute(() => {
      const at = window.greychartPlanGraph.getElementById("c:c301").position();
      return { graph: window.greychartPlanGraph.scratch("e2e"), timeline: window.greychartTimeline.e2eKept === true, x: at.x, y: at.y, span: window.greychartTimeline.getWindow().end - window.greychartTimeline.getWindow().start };
    });
    assert(after.graph === "kept" && after.timeline, `the edit drew a new ${after.graph === "kept" ? "timeline" : "dependency graph"} instead of updating it in place`);
    assert(after.x === kept.x && after.y === kept.y && after.span === kept.span, "the graph moved its items or the timeline its range after the edit");
    await screenshot(browser, "plan-change-held-back");
  }],
  ["clicking a change shows its blast radius on the graph and lists who it hits", async () => {
    await graphDrawn();
    const [at] = await graphPoints("c403", "c403");
    await browser.action("pointer").move({ x: at.x, y: at.y, origin: "viewport" }).down().up().perform();
    await byTestId(browser, "blast-radius").waitForExist({ timeout: 10000 });
    const services = await byTestId(browser, "blast-services").getText();
    assert(services.includes("Online Banking") && services.includes("Mobile Banking"), `services hit: ${services}`);
    const downstream = await byTestId(browser, "blast-downstream").getText();
    assert(downstream.includes("c401") && downstream.includes("c404"), `waiting on c403: ${downstream}`);
    await graphDrawn();
    const shaded = await attr("plan-graph", "data-blast");
    assert(shaded.includes("c401") && shaded.includes("c404") && shaded.includes("c403"), `graph shades ${shaded}`);
    await screenshot(browser, "plan-blast-radius");
  }],
]);

await browser?.deleteSession().catch(() => undefined);
stopDriver(driver);
process.exit(failed === 0 ? 0 : 1);
