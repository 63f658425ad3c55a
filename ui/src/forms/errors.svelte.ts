// A form's messages: the backend's (or the form's own) message shown next to
// the field it names, else in the form's general slot.

import { asApiError } from "../ipc";
import { panel } from "../stores/panel.svelte";

export class FormErrors {
  /** Messages by field name. */
  fields = $state<Record<string, string>>({});
  general = $state("");

  readonly form: string;

  constructor(form: string) {
    this.form = form;
  }

  clear(): void {
    this.fields = {};
    this.general = "";
  }

  /** Shows an error next to its field (and focuses it), or in the general slot. */
  show(error: { message: string; field?: string | null }, known: string[]): void {
    if (error.field && known.includes(error.field)) {
      this.fields = { ...this.fields, [error.field]: error.message };
      document.getElementById(`${this.form}-${error.field}`)?.focus();
    } else {
      this.general = error.message;
    }
  }

  /** Runs a save or a delete: on success closes the panel and calls
   *  `done`, on failure shows the message next to the field it names. */
  attempt<T>(known: string[], run: () => Promise<T>, done: (value: T) => void): void {
    this.clear();
    run()
      .then((value) => {
        panel.close();
        done(value);
      })
      .catch((e: unknown) => this.show(asApiError(e), known));
  }
}

/** Reads a number, or says what is wrong with it. */
export function numberOf(text: string, field: string): number | { message: string; field: string } {
  const value = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(value)) return { message: `must be a number (got "${text.trim()}")`, field };
  return value;
}
