// End-to-end: undo and redo in the real window, across a restart. Two edits
// through the forms; Ctrl+Z takes the newest back and Ctrl+Shift+Z brings it
// again; after the app is closed and started again, the toolbar still
// offers the undo, and the History panel steps back past both edits at once.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, byTestId, launch, requireApp, run, saveClaimForm, savePersonForm, screenshot, startDriver, stopDriver } from "./harness.mjs";

requireApp();

const home = mkdtempSync(join(tmpdir(), "greychart-history-e2e-"));
const driver = await startDriver({ GREYCHART_HOME: home });
let browser;

const NAME = "Ulla Undo";
const SOURCE = "e2e: said in the corridor";

const claimsText = () => byTestId(browser, "claims-table").getText();
const statusText = () => byTestId(browser, "status").getText();

/** Presses keys with nothing focused, as a user would outside any field. */
async function shortcut(keys) {
  await browser.execute(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await browser.keys(keys);
}

async function until(what, check) {
  await browser.waitUntil(check, { timeout: 10000, timeoutMsg: what });
}

const failed = await run([
  ["a person and a claim are saved through the forms", async () => {
    browser = await launch();
    await byTestId(browser, "add-person").click();
    await savePersonForm(browser, { name: NAME, title: "Release Analyst", team: "change", manager: "p25" });
    await byTestId(browser, "person-p41").waitForExist({ timeout: 5000 });
    await byTestId(browser, "add-claim").click();
    await saveClaimForm(browser, { from: "p41", to: "p25", strength: "0.6", confidence: "0.8", source: SOURCE });
    await until("the claim did not appear", async () => (await claimsText()).includes(SOURCE));
    const tip = await byTestId(browser, "cmd-undo").getAttribute("title");
    assert(tip.startsWith("Undo: Added claim cl") && tip.includes(`${NAME} sways Hannah Schmidt`), `the Undo button says "${tip}"`);
  }],
  ["Ctrl+Z undoes the claim and Ctrl+Shift+Z redoes it", async () => {
    await shortcut(["Control", "z"]);
    await until("Ctrl+Z did not take the claim back", async () => !(await claimsText()).includes(SOURCE));
    assert((await statusText()).startsWith("Undid: Added claim"), `status: ${await statusText()}`);
    assert(await byTestId(browser, "person-p41").isExisting(), "undo went further than one edit");
    await shortcut(["Control", "Shift", "z"]);
    await until("Ctrl+Shift+Z did not bring the claim back", async () => (await claimsText()).includes(SOURCE));
    assert((await statusText()).startsWith("Redid: Added claim"), `status: ${await statusText()}`);
  }],
  ["after a restart the History panel steps back past both edits at once", async () => {
    await browser.deleteSession();
    browser = await launch();
    const tip = await byTestId(browser, "cmd-undo").getAttribute("title");
    assert(tip.startsWith("Undo: Added claim"), `after the restart the Undo button says "${tip}"`);
    await byTestId(browser, "cmd-history").click();
    await byTestId(browser, "history-panel").waitForDisplayed({ timeout: 5000 });
    const entries = await browser.$$('[data-testid="history-entry"]');
    assert(entries.length >= 3, `the History panel lists ${entries.length} edits`);
    const texts = [];
    for (let i = 0; i < entries.length; i++) texts.push(await entries[i].getText());
    assert(texts[0].includes("Added claim") && texts[1].includes(`Added person ${NAME} (p41)`), `the newest edits read ${JSON.stringify(texts.slice(0, 2))}`);
    assert(texts[texts.length - 1].includes("Imported") && texts[texts.length - 1].includes("cannot be undone"), `the oldest entry reads "${texts[texts.length - 1]}"`);
    await screenshot(browser, "history-panel");
    await entries[1].$('[data-testid="history-undo-to"]').click();
    await until("the person was not undone", async () => !(await byTestId(browser, "person-p41").isExisting()));
    assert(!(await claimsText()).includes(SOURCE), "the claim is still there");
    assert((await statusText()).startsWith("Undid: 2 edits"), `status: ${await statusText()}`);
    await until("the panel did not mark both edits undone", async () => (await browser.$$('[data-testid="history-entry"][data-state="undone"]')).length === 2);
    await screenshot(browser, "history-undone");
  }],
  ["the Redo button brings the oldest undone edit back first", async () => {
    await byTestId(browser, "cmd-redo").click();
    await byTestId(browser, "person-p41").waitForExist({ timeout: 10000, timeoutMsg: "redo did not bring the person back" });
    assert(!(await claimsText()).includes(SOURCE), "redo brought the claim back before its person");
    const tip = await byTestId(browser, "cmd-redo").getAttribute("title");
    assert(tip.startsWith("Redo: Added claim"), `the Redo button says "${tip}"`);
  }],
]);

await browser?.deleteSession().catch(() => undefined);
stopDriver(driver);
process.exit(failed === 0 ? 0 : 1);
