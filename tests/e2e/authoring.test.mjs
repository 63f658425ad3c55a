// End-to-end: a new user builds a plan of their own in the window, with no
// command line and no demo data: the first start's welcome, a new workspace
// through New…, a team and two people, a people spreadsheet imported
// through the column mapping, a component, two releases with windows (one of them from a
// double-click on the timeline), a freeze, changes touching the component
// and a dependency drawn on the graph. The plan then shows the freeze
// conflict and the critical path, Approvals the sign-offs the rules derive,
// and the release's sign-off packet previews; last, a Jira export imports
// as changes.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, byTestId, dragMouse, fillForm, launch, newWorkspace, pickFile, planGraphPoints, press, requireApp, run, screenshot, startDriver, stopDriver } from "./harness.mjs";

requireApp();

const home = mkdtempSync(join(tmpdir(), "greychart-authoring-e2e-"));
const driver = await startDriver({ GREYCHART_HOME: home, GSETTINGS_BACKEND: "memory" });
let browser;

/** The date `days` from today, YYYY-MM-DD in local time. */
function day(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function open(button) {
  await press(byTestId(browser, button));
}

const fixture = (name) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

/** Picks an option of a select of the Import dialog, as a user's pick does. */
async function pick(testid, value) {
  await browser.execute((testid, value) => {
    const select = document.querySelector(`[data-testid="${testid}"]`);
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }, testid, value);
}

/** Waits until the Import dialog's preview says `testid` (import-ok or import-problem). */
async function previewSays(testid, what) {
  await byTestId(browser, testid).waitForExist({ timeout: 15000, timeoutMsg: `the preview does not show ${what}: ${await byTestId(browser, "import-dialog").getText().catch(() => "(no dialog)")}` });
}

const failed = await run([
  ["the first start opens the demo and offers to explore it, start empty or import a spreadsheet", async () => {
    browser = await launch();
    await byTestId(browser, "welcome").waitForDisplayed({ timeout: 15000, timeoutMsg: "the first start does not welcome the user" });
    const welcome = await byTestId(browser, "welcome").getText();
    for (const offer of ["Explore the demo", "Start empty", "Import a spreadsheet"]) assert(welcome.includes(offer), `the welcome does not offer "${offer}": ${welcome}`);
    await screenshot(browser, "authoring-welcome");
  }],
  ["a new workspace starts empty and takes a team and two people", async () => {
    await newWorkspace(browser, join(home, "mine.greychart"));
    assert(!(await byTestId(browser, "welcome").isExisting()), "the welcome stays after a workspace of one's own is open");
    assert((await byTestId(browser, "view-grey-chart").getText()).includes("Import a spreadsheet"), "the empty Grey chart does not offer an import");
    await open("add-team");
    await fillForm(browser, "team", { name: "Payments", kind: "development" });
    await open("add-person");
    await fillForm(browser, "person", { name: "Rosa Release", title: "Release Manager", team: "t1" });
    await open("add-person");
    await fillForm(browser, "person", { name: "Omar Owner", title: "Tech Lead", team: "t1", manager: "p01" });
    const table = await byTestId(browser, "people-table").getText();
    assert(table.includes("Rosa Release") && table.includes("Omar Owner") && table.includes("Payments"), `people: ${table}`);
    await screenshot(browser, "authoring-people");
  }],
  ["a people spreadsheet imports through the column mapping, with a preview of each row", async () => {
    await open("cmd-import");
    await byTestId(browser, "import-dialog").waitForDisplayed({ timeout: 5000 });
    await pickFile(browser, "import-choose", "Import a spreadsheet", fixture("people.xlsx"));
    await browser.waitUntil(async () => (await byTestId(browser, "import-path").getText()).endsWith("people.xlsx"), { timeout: 20000, timeoutMsg: "the file chosen is not shown" });
    // The workbook opens on its first sheet, a note without the columns.
    await previewSays("import-problem", "that the note sheet has no id column");
    assert((await byTestId(browser, "import-problem").getText()).includes("id: no column holds it"), `problem: ${await byTestId(browser, "import-problem").getText()}`);
    assert((await byTestId(browser, "import-run").getAttribute("disabled")) !== null, "a file with a problem can be imported");
    await pick("import-sheet", "Staff");
    await previewSays("import-ok", "the Staff sheet read");
    const proposed = await browser.execute(() => Object.fromEntries([...document.querySelectorAll('[data-testid^="import-map-"]')].map((s) => [s.dataset.testid.slice(11), s.value])));
    assert(proposed.id === "Employee ID" && proposed.name === "Full name" && proposed.manager === "Reports to", `proposed mapping: ${JSON.stringify(proposed)}`);
    // Without the manager column the reporting lines would be lost: the rows say so at once.
    await pick("import-map-manager", "");
    await browser.waitUntil(async () => !(await byTestId(browser, "import-row-3").getText()).includes("e100"), { timeout: 10000, timeoutMsg: "the preview did not follow the mapping" });
    await pick("import-map-manager", "Reports to");
    await browser.waitUntil(async () => (await byTestId(browser, "import-row-3").getText()).includes("e100"), { timeout: 10000, timeoutMsg: "the preview did not follow the mapping back" });
    await previewSays("import-ok", "every row read");
    const preview = await byTestId(browser, "import-preview").getText();
    assert(preview.includes("Grace Hopper") && preview.includes("Change Management"), `preview: ${preview}`);
    await screenshot(browser, "authoring-import-mapping");
    await press(byTestId(browser, "import-run"));
    await browser.waitUntil(async () => (await byTestId(browser, "status").getText()).includes("Imported 6 rows from people.xlsx"), { timeout: 20000, timeoutMsg: `the import did not finish: ${await byTestId(browser, "status").getText()}` });
    assert(!(await byTestId(browser, "import-dialog").isExisting()), "the dialog stays open after the import");
    const table = await byTestId(browser, "people-table").getText();
    assert(table.includes("Grace Hopper") && table.includes("Sam Patel") && table.includes("Rosa Release"), `people after the import: ${table}`);
    await screenshot(browser, "authoring-imported-people");
  }],
  ["the release plan takes a component, two releases with windows and a freeze", async () => {
    await byTestId(browser, "nav-release-plan").click();
    await byTestId(browser, "view-release-plan").waitForExist({ timeout: 5000 });
    assert((await byTestId(browser, "view-release-plan").getText()).includes("No plan yet"), "the empty plan does not say so");
    await open("new-component");
    await fillForm(browser, "component", { name: "Ledger", owner_team: "t1", owner: "p02" });
    await open("new-release");
    await fillForm(browser, "release", { name: "Ledger 1.0", risk: "high", cost: "12000", window_start: day(10), window_end: day(12) });
    await open("new-freeze");
    await fillForm(browser, "period", { name: "Year-end freeze", starts_on: day(29), ends_on: day(36) });
    const periods = await byTestId(browser, "periods-table").getText();
    assert(periods.includes("Year-end freeze") && periods.includes("everything"), `periods: ${periods}`);
    await screenshot(browser, "authoring-release-and-freeze");
  }],
  ["a double-click on an empty stretch of the timeline starts a release there", async () => {
    await open("new-change");
    await fillForm(browser, "change", { title: "Ledger schema", release: "r1", components: ["k1"], duration_days: "3" });
    await byTestId(browser, "plan-timeline").scrollIntoView({ block: "center" });
    await browser.waitUntil(async () => (await byTestId(browser, "plan-timeline").getAttribute("data-ready")) === "true", { timeout: 10000, timeoutMsg: "the timeline was not drawn" });
    await browser.execute(() => {
      const area = document.querySelector(".plan-timeline .vis-center");
      const box = area.getBoundingClientRect();
      const at = { bubbles: true, clientX: Math.round(box.left + box.width * 0.9), clientY: Math.round(box.top + box.height - 4) };
      area.dispatchEvent(new MouseEvent("dblclick", at));
    });
    await byTestId(browser, "release-form").waitForDisplayed({ timeout: 5000, timeoutMsg: "the double-click opened no release form" });
    const start = await byTestId(browser, "release-window_start").getValue();
    assert(/^\d{4}-\d{2}-\d{2}$/.test(start) && start > day(0), `the new release starts on "${start}", not on the day clicked`);
    // Moved to the freeze's days, so that the plan has a conflict to show.
    await fillForm(browser, "release", { name: "Ledger 1.1", window_start: day(30), window_end: day(31) });
    // A double-click on a release's window opens that release.
    await browser.execute(() => {
      const item = document.querySelector('[data-item="window:r1"]');
      const box = item.getBoundingClientRect();
      item.dispatchEvent(new MouseEvent("dblclick", { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }));
    });
    await byTestId(browser, "release-form").waitForDisplayed({ timeout: 5000, timeoutMsg: "a double-click on Ledger 1.0's window opened nothing" });
    assert((await byTestId(browser, "release-name").getValue()) === "Ledger 1.0", "another release opened");
    await browser.keys("Escape");
  }],
  ["changes and a dependency drawn on the graph give a critical path and the freeze conflict", async () => {
    await open("new-change");
    await fillForm(browser, "change", { title: "Ledger API", release: "r1", components: ["k1"], duration_days: "2" });
    await open("new-change");
    await fillForm(browser, "change", { title: "Ledger UI", release: "r2", components: ["k1"], duration_days: "1" });
    await browser.waitUntil(async () => Number(await byTestId(browser, "plan-graph").getAttribute("data-nodes")) === 3, { timeout: 10000, timeoutMsg: "the graph does not show the three changes" });
    await press(byTestId(browser, "plan-draw"));
    await browser.waitUntil(async () => (await byTestId(browser, "plan-graph").getAttribute("data-draw-mode")) === "true", { timeout: 5000 });
    await browser.pause(500);
    const [from, to] = await planGraphPoints(browser, ["c1", "c2"]);
    await dragMouse(browser, from, to);
    await browser.waitUntil(async () => (await byTestId(browser, "status").getText()).includes("c2 waits for c1"), { timeout: 10000, timeoutMsg: `the drawn dependency was not saved: ${await byTestId(browser, "status").getText()}` });
    await press(byTestId(browser, "plan-draw"));
    const summary = await byTestId(browser, "plan-summary").getText();
    assert(summary.includes("c1 → c2"), `the critical path does not run c1 → c2: ${summary}`);
    const conflicts = await byTestId(browser, "plan-conflicts").getText();
    assert(conflicts.includes("freeze") && conflicts.includes("Ledger 1.1"), `no freeze conflict for Ledger 1.1: ${conflicts}`);
    await screenshot(browser, "authoring-plan");
  }],
  ["a dependency with a lag, a service, an absence, the standing roles, a rule, a profile and a stance are set in their forms", async () => {
    await open("new-dependency");
    await fillForm(browser, "dependency", { before: "c2", after: "c3", lag_days: "2" });
    assert((await byTestId(browser, "dependencies-table").getText()).includes("c2 → c3"), "the dependency is not listed");
    await open("new-service");
    await fillForm(browser, "service", { name: "Payments API", business_owner: "p01", depends_on: ["k1"] });
    await open("new-absence");
    await fillForm(browser, "absence", { person: "p02", starts_on: day(29), ends_on: day(33), note: "e2e: skiing" });
    await browser.waitUntil(async () => (await browser.$$('[data-testid="plan-conflicts"] li[data-kind="approver_absent"]')).length > 0, {
      timeout: 10000,
      timeoutMsg: "Omar Owner away during Ledger 1.1's window is no conflict",
    });
    await byTestId(browser, "nav-approvals").click();
    await open("edit-settings");
    await fillForm(browser, "settings", { cab_chair: "p01", finance_approver: "p02", finance_threshold: "5000" });
    assert((await byTestId(browser, "standing-roles").getText()).includes("CAB chair: Rosa Release"), "the CAB chair is not shown");
    await open("new-rule");
    await fillForm(browser, "rule", { when: "always", role: "qa", approver: "p02", note: "e2e: QA signs every release" });
    assert((await byTestId(browser, "rules-table").getText()).includes("every release"), "the rule is not listed");
    await byTestId(browser, "nav-stakeholders").click();
    await open("add-stakeholder");
    await fillForm(browser, "profile", { person: "p01", interest: "0.8", involvement: "hands_on" });
    await browser.execute(() => {
      const dot = document.querySelector('[data-testid="power-grid"] g[data-person="p01"]');
      const box = dot.querySelector("circle").getBoundingClientRect();
      const at = { bubbles: true, pointerId: 1, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      dot.dispatchEvent(new PointerEvent("pointerdown", at));
      dot.dispatchEvent(new PointerEvent("pointerup", at));
    });
    await fillForm(browser, "stance", { stance: "champion", note: "e2e: wants it before year end" });
    await browser.waitUntil(async () => (await byTestId(browser, "power-grid").$('g[data-person="p01"]').getAttribute("data-stance")) === "champion", { timeout: 10000, timeoutMsg: "the dot did not turn champion" });
    await screenshot(browser, "authoring-stakeholders");
  }],
  ["Approvals derives every sign-off from the records and the packet previews", async () => {
    await byTestId(browser, "nav-approvals").click();
    await byTestId(browser, "approval-matrix").waitForExist({ timeout: 5000 });
    const matrix = await byTestId(browser, "approval-matrix").getText();
    assert(matrix.includes("Omar Owner") && matrix.includes("Ledger 1.0"), `the matrix does not ask Omar Owner to sign Ledger 1.0: ${matrix}`);
    const rules = await byTestId(browser, "checklist-table").getText();
    for (const why of ["CAB", "finance", "QA signs every release", "Payments API"]) assert(rules.toLowerCase().includes(why.toLowerCase()), `Ledger 1.0's checklist has no sign-off for "${why}": ${rules}`);
    await screenshot(browser, "authoring-approvals");
    await byTestId(browser, "nav-packets").click();
    await press(byTestId(browser, "packet-open-r1"));
    await byTestId(browser, "packet-pages").waitForExist({ timeout: 30000, timeoutMsg: "the packet of Ledger 1.0 was not typeset" });
    await screenshot(browser, "authoring-packet");
  }],
  ["deleting a release leaves its changes unassigned, and Undo brings it back", async () => {
    await byTestId(browser, "nav-release-plan").click();
    await press(byTestId(browser, "release-r2"));
    await byTestId(browser, "release-form").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "release-delete").click();
    assert((await byTestId(browser, "release-delete").getText()).startsWith("Click again"), "the delete did not ask for a second click");
    await byTestId(browser, "release-delete").click();
    await browser.waitUntil(async () => (await byTestId(browser, "status").getText()).includes("Deleted release Ledger 1.1"), { timeout: 10000, timeoutMsg: `the release was not deleted: ${await byTestId(browser, "status").getText()}` });
    assert(!(await byTestId(browser, "plan-conflicts").getText()).includes("Ledger 1.1"), "the deleted release is still in conflict");
    const changes = await browser.execute(() => [...document.querySelectorAll('[data-testid="changes-table"] tbody tr')].map((tr) => tr.textContent));
    assert(changes.some((t) => t.startsWith("c3") && t.includes("Ledger UI")), `the change of the deleted release is gone: ${changes.join(" | ")}`);
    await press(byTestId(browser, "cmd-undo"));
    await browser.waitUntil(async () => (await byTestId(browser, "releases-table").getText()).includes("Ledger 1.1"), { timeout: 10000, timeoutMsg: "Undo did not bring the release back" });
    await screenshot(browser, "authoring-release-deleted-and-undone");
  }],
  ["Ctrl+K finds a release and a person by name and goes to them", async () => {
    await browser.keys(["Control", "k"]);
    await byTestId(browser, "search-input").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "search-input").setValue("ledger 1.1");
    await byTestId(browser, "search-result-release-r2").waitForExist({ timeout: 5000 });
    await browser.keys("Enter");
    await byTestId(browser, "blast-radius").waitForExist({ timeout: 10000, timeoutMsg: "Enter on the release did not show it on the plan" });
    assert((await byTestId(browser, "blast-radius").getAttribute("data-item")) === "r2", "another item is shown");
    await press(byTestId(browser, "cmd-find"));
    await byTestId(browser, "search-input").setValue("omar");
    await press(byTestId(browser, "search-result-person-p02"));
    await byTestId(browser, "person-details").waitForExist({ timeout: 5000, timeoutMsg: "the person found did not open" });
    assert((await byTestId(browser, "view-grey-chart").isExisting()), "finding a person did not go to the Grey chart");
    // Who "me" is, set in the window: the strongest path to Omar then starts from Rosa.
    await browser.keys("Escape");
    await press(byTestId(browser, "person-p01"));
    await press(byTestId(browser, "panel-me"));
    await browser.waitUntil(async () => (await byTestId(browser, "status").getText()).includes("You are Rosa Release"), { timeout: 10000, timeoutMsg: "This is me was not saved" });
    await press(byTestId(browser, "person-p02"));
    await browser.waitUntil(async () => (await byTestId(browser, "path-from-me").getText().catch(() => "")).includes("Rosa Release → Omar Owner"), { timeout: 10000, timeoutMsg: "no strongest path from Rosa to Omar" });
    await screenshot(browser, "authoring-search");
  }],
  ["a Jira export is recognised and imports as changes with their releases and Blocks links", async () => {
    await open("cmd-import");
    await pickFile(browser, "import-choose", "Import a spreadsheet", fixture("jira-issues.csv"));
    await browser.waitUntil(async () => (await byTestId(browser, "import-holds").getValue()) === "preset:jira", { timeout: 20000, timeoutMsg: "the Jira export was not recognised" });
    await previewSays("import-ok", "the issues read");
    const notes = await byTestId(browser, "import-summary").getText();
    assert(notes.includes("CORE-12") && notes.includes("creates release payments-hub-2.0"), `the preview does not say what it creates and leaves out: ${notes}`);
    await screenshot(browser, "authoring-import-jira");
    await press(byTestId(browser, "import-run"));
    await browser.waitUntil(async () => (await byTestId(browser, "status").getText()).includes("Imported 8 rows from jira-issues.csv"), { timeout: 20000, timeoutMsg: `the Jira import did not finish: ${await byTestId(browser, "status").getText()}` });
    await byTestId(browser, "nav-release-plan").click();
    await browser.waitUntil(async () => (await byTestId(browser, "releases-table").getText()).includes("Payments Hub 2.0"), { timeout: 10000, timeoutMsg: "the Jira release is not in the plan" });
    await screenshot(browser, "authoring-jira-plan");
  }],
  ["a large claims file shows the import's progress, and Cancel writes nothing", async () => {
    const big = join(home, "claims.csv");
    const people = ["e100", "e101", "e102", "e103", "e104", "e105"];
    const lines = ["from,to,strength,confidence,observed_on,half_life_days,source,note"];
    for (let i = 0; i < 400000; i++) lines.push(`${people[i % 6]},${people[(i + 1 + (i % 5)) % 6]},0.5,,2026-01-01,,e2e bulk,`);
    writeFileSync(big, lines.join("\n") + "\n");
    await open("cmd-import");
    await pickFile(browser, "import-choose", "Import a spreadsheet", big);
    await browser.waitUntil(async () => (await byTestId(browser, "import-holds").getValue()) === "claims", { timeout: 20000, timeoutMsg: "claims.csv was not taken for claims" });
    await previewSays("import-ok", "the 400,000 claims read");
    await press(byTestId(browser, "import-run"));
    await browser.waitUntil(async () => (await byTestId(browser, "import-dialog").getText()).includes("writing"), { timeout: 30000, interval: 50, timeoutMsg: `no progress shown: ${await byTestId(browser, "import-dialog").getText()}` });
    await browser.pause(300);
    await screenshot(browser, "authoring-import-progress");
    await press(byTestId(browser, "import-cancel"));
    await byTestId(browser, "import-error").waitForExist({ timeout: 20000, timeoutMsg: "Cancel did not stop the import" });
    assert((await byTestId(browser, "import-error").getText()).includes("cancelled: nothing was written"), `after Cancel: ${await byTestId(browser, "import-error").getText()}`);
    await browser.pause(300);
    await screenshot(browser, "authoring-import-cancelled");
    await press(byTestId(browser, "import-close"));
    await byTestId(browser, "nav-grey-chart").click();
    const claims = await byTestId(browser, "view-grey-chart").getText();
    assert(claims.includes("0 pieces of evidence"), "a cancelled import left claims behind");
  }],
]);

await browser?.deleteSession().catch(() => undefined);
stopDriver(driver);
process.exit(failed === 0 ? 0 : 1);
