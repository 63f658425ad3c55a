// Encryption at rest: the passphrase asked for when an encrypted workspace
// opens, and the form to encrypt a workspace, change its passphrase or
// store it unencrypted again.

import { api } from "../api";
import type { WorkspaceInfo } from "../bindings";
import { h } from "../dom";
import { openPanel } from "../panel";
import { attempt, textField } from "./fields";

/** Asks for the passphrase of the encrypted workspace being opened. */
export function openUnlockForm(message: string, onOpened: (info: WorkspaceInfo) => void): void {
  const fields = [textField("unlock", "passphrase", "Passphrase", "", { type: "password", autocomplete: "off" })];
  const general = h("div", { class: "form-error", role: "alert", "data-testid": "unlock-error" });
  const form = h(
    "form",
    { class: "form", "data-testid": "unlock-form" },
    h("p", { class: "hint" }, message),
    ...fields.map((f) => f.row),
    general,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", "data-testid": "unlock-open" }, "Open")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    let opened: WorkspaceInfo | null = null;
    const passphrase = fields[0]?.input.value ?? "";
    attempt(fields, general, () => api.unlockWorkspace(passphrase).then((info) => (opened = info)), () => {
      if (opened) onOpened(opened);
    });
  });
  openPanel("Encrypted workspace", "unlock-panel", form);
}

/** Encrypts the open workspace, changes its passphrase, or removes it. */
export function openPassphraseForm(info: WorkspaceInfo, onDone: (message: string) => void): void {
  const fields = [
    textField("passphrase", "passphrase", info.encrypted ? "New passphrase" : "Passphrase", "", { type: "password", autocomplete: "new-password" }),
    textField("passphrase", "repeat", "The same again", "", { type: "password", autocomplete: "new-password" }),
  ];
  const general = h("div", { class: "form-error", role: "alert", "data-testid": "passphrase-error" });
  const remove = info.encrypted
    ? h("button", { type: "button", "data-testid": "passphrase-remove", onclick: () => attempt(fields, general, () => api.setPassphrase(null), () => onDone(`${info.name} is no longer encrypted`)) }, "Remove encryption")
    : null;
  const form = h(
    "form",
    { class: "form", "data-testid": "passphrase-form" },
    h(
      "p",
      { class: "hint" },
      info.encrypted
        ? `${info.name} is encrypted. A new passphrase re-encrypts it; removing the encryption stores it as a plain SQLite file.`
        : `Encrypting ${info.name} makes its file unreadable without the passphrase — names, claims and notes included. There is no way back in without it: keep it safe.`,
    ),
    ...fields.map((f) => f.row),
    general,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", "data-testid": "passphrase-save" }, info.encrypted ? "Change passphrase" : "Encrypt"), remove),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const [first, second] = fields.map((f) => f.input.value);
    if (first !== second) {
      attempt(fields, general, () => Promise.reject({ code: "invalid", message: "the two passphrases differ", field: "repeat" }), () => undefined);
      return;
    }
    attempt(fields, general, () => api.setPassphrase(first ?? ""), () => onDone(info.encrypted ? `Changed the passphrase of ${info.name}` : `${info.name} is encrypted`));
  });
  openPanel(info.encrypted ? "Passphrase" : "Encrypt this workspace", "passphrase-panel", form);
}
