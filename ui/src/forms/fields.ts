// Form fields with an error slot each; backend validation messages are shown
// next to the field they name.

import { asApiError } from "../ipc";
import type { ApiError } from "../bindings";
import { h } from "../dom";
import { closePanel } from "../panel";

export interface Field {
  name: string;
  row: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  error: HTMLElement;
}

export function textField(form: string, name: string, label: string, value: string, attrs: Record<string, string> = {}): Field {
  const input = h("input", { name, value, id: `${form}-${name}`, "data-testid": `${form}-${name}`, ...attrs });
  return wrap(form, name, label, input);
}

export function areaField(form: string, name: string, label: string, value: string): Field {
  const input = h("textarea", { name, id: `${form}-${name}`, "data-testid": `${form}-${name}`, rows: 3 });
  input.value = value;
  return wrap(form, name, label, input);
}

export function selectField(form: string, name: string, label: string, value: string, options: [string, string][]): Field {
  const input = h(
    "select",
    { name, id: `${form}-${name}`, "data-testid": `${form}-${name}` },
    ...options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
  );
  return wrap(form, name, label, input);
}

function wrap(form: string, name: string, label: string, input: Field["input"]): Field {
  const error = h("div", { class: "field-error", "data-testid": `${form}-${name}-error`, role: "alert" });
  const row = h("div", { class: "field" }, h("label", { for: input.id }, label), input, error);
  return { name, row, input, error };
}

/** Clears every field's message. */
export function clearErrors(fields: Field[]): void {
  for (const f of fields) {
    f.error.textContent = "";
    f.row.classList.remove("invalid");
  }
}

/** Shows an error next to its field, or in the form's general slot. */
export function showError(fields: Field[], general: HTMLElement, error: ApiError): void {
  const field = fields.find((f) => f.name === error.field);
  if (field) {
    field.error.textContent = error.message;
    field.row.classList.add("invalid");
    field.input.focus();
  } else {
    general.textContent = error.message;
  }
}

/** Reads a number, or reports the field as not a number. */
export function numberValue(field: Field): number | ApiError {
  const text = field.input.value.trim();
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) {
    return { code: "invalid", message: `must be a number (got "${text}")`, field: field.name };
  }
  return value;
}

export function isApiError(v: unknown): v is ApiError {
  return typeof v === "object" && v !== null && "code" in v && "message" in v;
}

/** A delete button that asks for a second click instead of a modal dialog. */
export function confirmingButton(testid: string, label: string, confirmLabel: string, action: () => void): HTMLButtonElement {
  let armed = false;
  const button = h("button", { type: "button", class: "danger", "data-testid": testid }, label);
  button.addEventListener("click", () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      button.classList.add("armed");
      return;
    }
    action();
  });
  button.addEventListener("blur", () => {
    armed = false;
    button.textContent = label;
    button.classList.remove("armed");
  });
  return button;
}

/** Runs a save or a delete: on success closes the panel and reports, on
 *  failure shows the backend's message next to the field it names. */
export function attempt(fields: Field[], general: HTMLElement, run: () => Promise<unknown>, onDone: () => void): void {
  clearErrors(fields);
  general.textContent = "";
  run()
    .then(() => {
      closePanel();
      onDone();
    })
    .catch((e) => showError(fields, general, asApiError(e)));
}
