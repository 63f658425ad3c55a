// End-to-end: the Approvals view in the real window. Opens a release's
// checklist from the matrix, records a rejection, changes the release's
// scope on the Release plan's graph and sees the decision go stale with the
// reason, then opens the path to yes for that approver; previews the
// release's sign-off packet and saves it through the real save dialog
// (answered with the keyboard via xdotool), then reads the PDF back.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { APP, assert, byTestId, dragMouse, launch, newWorkspace, press, planGraphPoints, requireApp, run, screenshot, startDriver, stopDriver } from "./harness.mjs";

requireApp();

const home = mkdtempSync(join(tmpdir(), "greychart-approvals-e2e-"));
// GTK's file chooser keeps its settings in memory: no dconf (D-Bus) under Xvfb.
const driver = await startDriver({ GREYCHART_HOME: home, GSETTINGS_BACKEND: "memory" });
let browser;

/** Clicks an element after scrolling it to the middle of the view. */
const failed = await run([
  ["the matrix shows every release's sign-offs and opens a checklist", async () => {
    browser = await launch();
    await byTestId(browser, "nav-approvals").click();
    await byTestId(browser, "approval-matrix").waitForExist({ timeout: 5000 });
    const cells = await browser.$$('[data-testid="approval-matrix"] [data-status]');
    assert(cells.length > 20, `${cells.length} status cells`);
    const link = await browser.$("//table[@data-testid='approval-matrix']//a[normalize-space()='Payments Hub 2.0']");
    await press(link);
    await byTestId(browser, "approval-checklist").waitForExist({ timeout: 5000 });
    const rules = await byTestId(browser, "checklist-table").getText();
    assert(rules.includes("the planned window needs an exception to the freeze") || rules.includes("freeze exception"), "the CAB requirement does not say why");
    await screenshot(browser, "approvals-checklist");
  }],
  ["a rejection is recorded and shows in the checklist and the history", async () => {
    const kind = byTestId(browser, "decide-kind-a201");
    await kind.scrollIntoView({ block: "center" });
    await kind.selectByAttribute("value", "rejected");
    await byTestId(browser, "decide-comment-a201").setValue("e2e: not before the freeze is over");
    await press(byTestId(browser, "decide-save-a201"));
    await browser.waitUntil(async () => (await byTestId(browser, "status-a201").getText()) === "rejected", { timeout: 10000, timeoutMsg: "the rejection did not show" });
    const history = await byTestId(browser, "decision-history").getText();
    assert(history.includes("rejected") && history.includes("e2e: not before the freeze is over"), "the rejection is not in the history");
  }],
  ["changing the release's scope marks the decision stale with the reason", async () => {
    await byTestId(browser, "nav-release-plan").click();
    await byTestId(browser, "plan-draw").waitForExist({ timeout: 5000 });
    await press(byTestId(browser, "plan-draw"));
    await browser.waitUntil(async () => (await byTestId(browser, "plan-graph").getAttribute("data-draw-mode")) === "true" && Number(await byTestId(browser, "plan-graph").getAttribute("data-nodes")) > 0, { timeout: 10000, timeoutMsg: "the graph is not ready to draw" });
    const [from, to] = await planGraphPoints(browser, ["c201", "c205"]);
    await dragMouse(browser, from, to);
    await browser.waitUntil(async () => (await byTestId(browser, "status").getText()).includes("c205 waits for c201"), { timeout: 10000, timeoutMsg: "the dependency was not recorded" });
    await byTestId(browser, "nav-approvals").click();
    await byTestId(browser, "stale-a201").waitForExist({ timeout: 10000 });
    const reason = await byTestId(browser, "stale-a201").getText();
    assert(reason.includes("dependency c201 \u2192 c205 added"), `stale reads "${reason}"`);
    await screenshot(browser, "approvals-stale");
  }],
  ["the matrix can show only the stale sign-offs", async () => {
    await press(byTestId(browser, "approval-filter-stale"));
    await browser.waitUntil(async () => {
      const states = await browser.execute(() => [...document.querySelectorAll('[data-testid="approval-matrix"] [data-status]')].map((e) => e.dataset.status));
      return states.length > 0 && states.every((s) => s === "stale");
    }, { timeout: 5000, timeoutMsg: "the stale filter shows other sign-offs" });
    await press(byTestId(browser, "approval-filter-all"));
  }],
  ["scheduling with approvals missing is refused naming them, and an override goes through", async () => {
    await press(byTestId(browser, "schedule-release"));
    await byTestId(browser, "schedule-answer").waitForExist({ timeout: 10000 });
    const refused = await byTestId(browser, "schedule-answer").getText();
    assert(refused.includes("r2 cannot be scheduled: approvals missing from") && refused.includes("p25 (change manager, rejected, stale)"), `refusal reads "${refused}"`);
    await byTestId(browser, "schedule-override").setValue("e2e: the regulator's deadline, agreed with the CAB chair");
    await press(byTestId(browser, "schedule-release"));
    await browser.waitUntil(async () => (await byTestId(browser, "schedule-answer").getText()).includes("is scheduled (override logged)"), { timeout: 10000, timeoutMsg: "the override did not schedule the release" });
  }],
  ["the path to yes shows the approver's influencers, your path and warnings", async () => {
    await press(byTestId(browser, "show-path-to-yes"));
    await byTestId(browser, "path-to-yes-p25").waitForExist({ timeout: 10000 });
    const text = await byTestId(browser, "path-to-yes-p25").getText();
    assert(text.includes("Swayed most by:") && text.includes("Your strongest path:"), `path to yes reads "${text}"`);
    await browser.execute(() => document.querySelector('[data-testid="paths-to-yes"]')?.scrollIntoView());
    await browser.pause(300); // let WebKit paint the scrolled view
    await screenshot(browser, "approvals-path-to-yes");
  }],
  ["the packet previews its pages and the sign-off PDF is saved through the dialog", async () => {
    await byTestId(browser, "nav-packets").click();
    await press(byTestId(browser, "packet-open-r2"));
    await byTestId(browser, "packet-pages").waitForExist({ timeout: 30000, timeoutMsg: "the packet was not typeset" });
    const pages = Number(await byTestId(browser, "packet-pages").getAttribute("data-pages"));
    assert(pages >= 3, `${pages} preview pages`);
    const drawn = await browser.execute(() => [...document.querySelectorAll(".packet-page")].every((img) => img.complete && img.naturalWidth > 0));
    assert(drawn, "a preview page did not draw");
    await browser.execute(() => document.querySelectorAll(".packet-page")[1]?.scrollIntoView());
    await screenshot(browser, "packet-preview");
    await press(byTestId(browser, "packet-save"));
    // The native GTK save dialog, proposed beside the workspace: press Enter.
    execFileSync("xdotool", ["search", "--sync", "--name", "Save the sign-off packet", "windowfocus", "--sync", "key", "--clearmodifiers", "Return"], { timeout: 20000 });
    await browser.waitUntil(async () => (await byTestId(browser, "status").getText()).startsWith("Saved the sign-off packet to "), { timeout: 20000, timeoutMsg: "the packet was not saved" });
    const path = (await byTestId(browser, "status").getText()).replace("Saved the sign-off packet to ", "").trim();
    assert(path.endsWith("r2-signoff-packet.pdf") && existsSync(path), `no packet at "${path}"`);
    const text = execFileSync("pdftotext", ["-layout", path, "-"]).toString();
    // The approver who rejected, by name, with a signature line.
    assert(text.includes("Hannah Schmidt") && text.includes("Signature"), "the saved packet does not name the approver");
    assert(text.includes("rejected (stale)") && !text.includes("CONFIDENTIAL"), "the saved packet does not show the stale rejection");
  }],
  ["another workspace opened after all that shows nothing of what was asked in the first", async () => {
    // The first's path to yes, scheduling answer, checklist and packet preview
    // were all on screen. The second is another copy of the demo (the same
    // releases by id), written by the command line and opened through the dialog.
    const second = join(home, "second.greychart");
    execFileSync(join(dirname(APP), "greychart"), ["demo", second]);
    const toolbar = async () => String((await byTestId(browser, "workspace-name").getProperty("textContent")) ?? "");
    await press(byTestId(browser, "cmd-open"));
    // GTK's file chooser: Ctrl+L opens its location field for a typed path;
    // a completion offered for it may take the first Enter. The dialog is
    // given a moment to settle first, or keys are lost.
    const dialog = execFileSync("xdotool", ["search", "--sync", "--name", "Open workspace"], { timeout: 20000 }).toString().trim().split("\n")[0] ?? "";
    await browser.pause(1000);
    execFileSync("xdotool", ["windowfocus", "--sync", dialog, "key", "--clearmodifiers", "ctrl+l"]);
    await browser.pause(300);
    execFileSync("xdotool", ["type", "--delay", "30", second]);
    await browser.pause(300);
    for (let i = 0; i < 3 && (await toolbar()) !== second; i++) {
      execFileSync("xdotool", ["key", "--clearmodifiers", "Return"]);
      await browser.pause(1000);
    }
    await browser
      .waitUntil(async () => (await toolbar()) === second, { timeout: 20000 })
      .catch(async () => {
        throw new Error(`the second workspace did not open: the toolbar says "${await toolbar()}", the status "${await byTestId(browser, "status").getText()}"`);
      });
    for (const view of ["packets", "approvals", "release-plan", "grey-chart"]) {
      await byTestId(browser, `nav-${view}`).click();
      await byTestId(browser, `view-${view}`).waitForExist({ timeout: 5000 });
      const shown = await browser.execute(() => document.body.innerText);
      for (const old of ["cannot be scheduled", "is scheduled (override logged)", "Swayed most by"]) {
        assert(!shown.includes(old), `the ${view} view of the other workspace still shows "${old}"`);
      }
      const leftovers = await browser.execute(() => ["paths-to-yes", "schedule-answer", "packet-pages"].filter((id) => document.querySelector(`[data-testid="${id}"]`)));
      assert(leftovers.length === 0, `the ${view} view still holds ${leftovers.join(", ")}`);
    }
    await byTestId(browser, "nav-approvals").click();
    const open = await byTestId(browser, "approval-checklist").getAttribute("data-release");
    assert(open === "r1", `the checklist open is ${open}, the first workspace's choice, not the first release with a sign-off missing`);
    await screenshot(browser, "another-workspace-approvals");
  }],
  ["a new workspace made through New… is empty in every view, says what would fill it, and takes a first person", async () => {
    const fresh = join(home, "fresh.greychart");
    await newWorkspace(browser, fresh);
    const empty = { "grey-chart": "This workspace is empty", approvals: "No releases yet", packets: "No releases yet", "release-plan": "No plan yet" };
    for (const [view, says] of Object.entries(empty)) {
      await byTestId(browser, `nav-${view}`).click();
      const body = byTestId(browser, `view-${view}`);
      await body.waitForExist({ timeout: 5000 });
      const shown = await body.getText();
      assert(shown.includes(says), `the empty ${view} view does not say "${says}": ${shown.slice(0, 200)}`);
      for (const old of ["Payments Hub", "Margaret Okafor", "Hannah Schmidt"]) assert(!shown.includes(old), `the empty ${view} view shows "${old}" of the demo`);
    }
    await byTestId(browser, "nav-grey-chart").click();
    await press(byTestId(browser, "add-person"));
    await byTestId(browser, "person-form").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "person-name").setValue("Rosa First");
    await byTestId(browser, "person-title").setValue("Release Manager");
    await byTestId(browser, "person-save").click();
    await byTestId(browser, "people-table").waitForExist({ timeout: 10000 });
    const table = await byTestId(browser, "people-table").getText();
    assert(table.includes("Rosa First") && table.includes("Release Manager"), `the first person is not listed: ${table}`);
    assert((await byTestId(browser, "status").getText()).includes("saved to fresh.greychart"), "the status does not say where the person was saved");
    await screenshot(browser, "new-workspace-first-person");
  }],
]);

await browser?.deleteSession().catch(() => undefined);
stopDriver(driver);
process.exit(failed === 0 ? 0 : 1);
