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
    throw asApiError(e);
  }
}
