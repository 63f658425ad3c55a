// End-to-end: hostile text in the real window. A person named like an HTML
// image with an error handler, and a claim whose source and note hold a
// script, are entered through the forms; every view and the packet preview
// are visited. The text must show literally, and nothing may run: the
// page's title stays, and the page gains no image or inline script.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, byTestId, launch, press, requireApp, run, saveClaimForm, savePersonForm, screenshot, startDriver, stopDriver } from "./harness.mjs";

requireApp();

const home = mkdtempSync(join(tmpdir(), "greychart-hostile-e2e-"));
const driver = await startDriver({ GREYCHART_HOME: home });
let browser;
let title;

const NAME = `<img src=x onerror="document.title='pwned'">`;
const SOURCE = `<script>document.title='pwned'</script>`;
const NOTE = `</textarea><script>window.pwned = 1</script> & <b>bold</b>`;

/** Fails if anything the hostile text asked for happened. */
async function nothingRan(where) {
  const state = await browser.execute(() => ({
    title: document.title,
    pwned: "pwned" in window,
    images: document.querySelectorAll('img[src="x"]').length,
    inline: document.querySelectorAll("script:not([src])").length,
    bold: [...document.querySelectorAll("b")].filter((b) => b.textContent === "bold").length,
  }));
  assert(state.title === title && !state.pwned, `${where}: the page's title became "${state.title}" (pwned: ${state.pwned})`);
  assert(state.images === 0 && state.inline === 0 && state.bold === 0, `${where}: markup from the data became elements ${JSON.stringify(state)}`);
}

async function view(id) {
  await byTestId(browser, `nav-${id}`).click();
  await byTestId(browser, `view-${id}`).waitForExist({ timeout: 10000 });
  return byTestId(browser, `view-${id}`);
}

const failed = await run([
  ["a person with a hostile name and a claim with a script are saved through the forms", async () => {
    browser = await launch();
    title = await browser.getTitle();
    await view("grey-chart");
    await byTestId(browser, "add-person").click();
    await savePersonForm(browser, { name: NAME, title: "Change Analyst", team: "change", manager: "p25" });
    await byTestId(browser, "person-p41").waitForExist({ timeout: 5000 });
    await byTestId(browser, "add-claim").click();
    await saveClaimForm(browser, { from: "p41", to: "p25", strength: "0.7", confidence: "0.9", source: SOURCE, note: NOTE });
    await browser.waitUntil(async () => (await byTestId(browser, "claims-table").getText()).includes(SOURCE), { timeout: 10000, timeoutMsg: "the claim did not appear" });
    await nothingRan("after saving");
  }],
  ["the grey chart shows the name and the claim literally", async () => {
    const shown = await (await view("grey-chart")).getText();
    for (const text of [NAME, SOURCE, NOTE]) assert(shown.includes(text), `the grey chart does not show ${text} literally`);
    // The person's panel: the claim's source in their evidence.
    await press(byTestId(browser, "person-p41"));
    await byTestId(browser, "pair-p41>p25").waitForExist({ timeout: 10000 });
    assert((await byTestId(browser, "pair-p41>p25").getText()).includes(SOURCE), "the panel does not show the source literally");
    await nothingRan("grey chart and the person's panel");
    await screenshot(browser, "hostile-grey-chart");
  }],
  ["every other view shows it literally and runs nothing", async () => {
    for (const id of ["stakeholders", "release-plan", "approvals", "packets"]) {
      await view(id);
      await browser.pause(300);
      await nothingRan(id);
    }
  }],
  ["as an approver, the name is typeset literally in the packet preview", async () => {
    await view("approvals");
    const link = await browser.$("//table[@data-testid='approval-matrix']//a[normalize-space()='Mobile Banking 4.2']");
    await press(link);
    await byTestId(browser, "approval-checklist").waitForExist({ timeout: 5000 });
    const approver = byTestId(browser, "add-approver");
    await approver.scrollIntoView({ block: "center" });
    await approver.selectByAttribute("value", "p41");
    await byTestId(browser, "add-reason").setValue("e2e: hostile names print literally");
    await press(byTestId(browser, "add-save"));
    await browser.waitUntil(async () => (await byTestId(browser, "checklist-table").getText()).includes(NAME), { timeout: 10000, timeoutMsg: "the approver was not added" });
    await nothingRan("the checklist");
    await view("packets");
    await press(byTestId(browser, "packet-open-r1"));
    await byTestId(browser, "packet-pages").waitForExist({ timeout: 30000, timeoutMsg: "the packet was not typeset" });
    // Pages are images of the typeset packet: hostile text is glyphs in a
    // picture, and the table of what is still to sign shows it as text.
    const shown = await byTestId(browser, "view-packets").getText();
    assert(shown.includes(NAME), "the packets table does not show the name literally");
    await nothingRan("the packet preview");
    await screenshot(browser, "hostile-packet-preview");
  }],
]);

await browser?.deleteSession().catch(() => undefined);
stopDriver(driver);
process.exit(failed === 0 ? 0 : 1);
