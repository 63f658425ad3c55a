// End-to-end: encryption at rest in the real window. The workspace is
// encrypted through the Passphrase form; after a restart the app asks for
// the passphrase, refuses a wrong one with a clear message, and opens with
// the right one. The file on disk holds no name.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appLog, assert, byTestId, launch, requireApp, run, screenshot, startDriver, stopDriver } from "./harness.mjs";

requireApp();

const home = mkdtempSync(join(tmpdir(), "greychart-encryption-e2e-"));
const driver = await startDriver({ GREYCHART_HOME: home });
const file = join(home, "demo.greychart");
const PASSPHRASE = "correct horse battery staple";
let browser;

const failed = await run([
  ["the Passphrase form encrypts the open workspace", async () => {
    browser = await launch();
    await byTestId(browser, "cmd-passphrase").click();
    await byTestId(browser, "passphrase-form").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "passphrase-passphrase").setValue(PASSPHRASE);
    await byTestId(browser, "passphrase-repeat").setValue("something else");
    await byTestId(browser, "passphrase-save").click();
    await browser.waitUntil(async () => (await byTestId(browser, "passphrase-repeat-error").getText()).includes("differ"), { timeout: 5000, timeoutMsg: "two different passphrases were not refused" });
    await byTestId(browser, "passphrase-repeat").setValue(PASSPHRASE);
    await byTestId(browser, "passphrase-save").click();
    await byTestId(browser, "workspace-encrypted").waitForDisplayed({ timeout: 20000, timeoutMsg: "the toolbar does not say encrypted" });
    const bytes = readFileSync(file);
    assert(!bytes.includes("Margaret Okafor") && !bytes.includes("SQLite format 3"), "the file on disk is readable");
  }],
  ["after a restart the app asks for the passphrase and refuses a wrong one", async () => {
    await browser.deleteSession();
    browser = await launch();
    await byTestId(browser, "unlock-form").waitForDisplayed({ timeout: 10000 });
    await byTestId(browser, "unlock-passphrase").setValue("Tr0ub4dor&3");
    await byTestId(browser, "unlock-open").click();
    await browser.waitUntil(async () => (await byTestId(browser, "unlock-error").getText()) !== "", { timeout: 10000, timeoutMsg: "a wrong passphrase gave no message" });
    const said = await byTestId(browser, "unlock-error").getText();
    assert(said.includes("passphrase does not open"), `a wrong passphrase said "${said}"`);
    await screenshot(browser, "encryption-wrong-passphrase");
    await byTestId(browser, "unlock-passphrase").setValue(PASSPHRASE);
    await byTestId(browser, "unlock-open").click();
    await byTestId(browser, "person-p01").waitForExist({ timeout: 15000, timeoutMsg: "the right passphrase did not open the workspace" });
    assert(await byTestId(browser, "workspace-encrypted").isDisplayed(), "the toolbar does not say encrypted");
    await screenshot(browser, "encryption-opened");
  }],
  ["the app's log names the unlock commands and holds no passphrase", async () => {
    const log = appLog(home);
    assert(/unlock_workspace.*close time\.busy=/.test(log) && /set_passphrase.*close time\.busy=/.test(log), "the passphrase commands are logged");
    assert(/unlock_workspace.*WARN|WARN.*unlock_workspace/.test(log), "the refused passphrase is logged as a warning");
    for (const secret of [PASSPHRASE, "Tr0ub4dor&3"]) assert(!log.includes(secret), `a passphrase is in the log`);
  }],
]);

await browser?.deleteSession().catch(() => undefined);
stopDriver(driver);
process.exit(failed === 0 ? 0 : 1);
