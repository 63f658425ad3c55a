// The one place the page talks to Rust. The generated `api.ts` wraps each
// command in a typed function over `call`; nothing else calls `invoke`.
// Failures arrive as ApiError {code, message, field, detail?}.

import { invoke } from "@tauri-apps/api/core";
import type { ApiError } from "./bindings";

/** Turns whatever a command rejected with into an ApiError. */
export function asApiError(e: unknown): ApiError {
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    const { code, message, field, detail } = e as ApiError;
    return detail ? { code, message, field: field ?? null, detail } : { code, message, field: field ?? null };
  }
  return { code: "internal", message: String(e), field: null };
}

/** Invokes `command` with its arguments; a rejection becomes an ApiError. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const error = asApiError(e);
    // A bug on the Rust side: the page keeps a note of it in the log too.
    if (error.code === "internal") reportUnexpected(`${command}: ${error.message}`, "command");
    throw error;
  }
}

/** Sends an unexpected error of the page to the app's log; a report that
 *  cannot be sent is dropped, never reported again. */
export function reportUnexpected(message: string, place: string | null): void {
  invoke("report_page_error", { message, place }).catch(() => undefined);
}

/** Reports every error the page did not handle (exceptions and rejected
 *  promises) to the app's log. */
export function logUnexpectedErrors(): void {
  window.addEventListener("error", (e) => {
    const stack = e.error instanceof Error ? (e.error.stack ?? "") : "";
    reportUnexpected(e.message || String(e.error), e.filename ? `${e.filename}:${e.lineno}:${e.colno}` : stack || "the page");
  });
  window.addEventListener("unhandledrejection", (e) => {
    const reason: unknown = e.reason;
    const text = reason instanceof Error ? `${reason.message}\n${reason.stack ?? ""}` : typeof reason === "object" && reason !== null && "message" in reason ? String((reason as { message: unknown }).message) : String(reason);
    reportUnexpected(text, "unhandled promise rejection");
  });
}
