// The open workspace's team link as the window shows it: the badge, the
// notes of what others did, and a reload when their changes land. Rust's
// live thread pulls; the window asks where things stand every second.

import { api } from "../api";
import type { TeamNote, TeamState } from "../bindings";
import { session } from "./session.svelte";
import { status } from "./status.svelte";

/** How often the window asks where the team link stands. */
const POLL_MS = 1000;

class Team {
  state = $state.raw<TeamState | null>(null);
  /** The newest note already said. */
  private said = 0;
  private revision: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Called when others' changes landed in the workspace: the window reloads in place. */
  onChanged: () => void = () => session.edited();

  /** Starts asking (once). */
  start(): void {
    if (this.timer !== null) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), POLL_MS);
  }

  /** Asks now; reloads the views when others' changes landed. */
  async refresh(): Promise<void> {
    let next: TeamState;
    try {
      next = await api.teamState();
    } catch {
      return;
    }
    this.take(next);
  }

  /** Takes an answer about the link (from a poll or a team command). */
  take(next: TeamState): void {
    const moved = this.revision !== null && next.revision !== this.revision;
    this.revision = next.revision;
    this.state = next;
    const fresh = next.notes.filter((n) => n.seq > this.said);
    if (fresh.length > 0) {
      this.said = Math.max(...fresh.map((n) => n.seq));
      const last = fresh[fresh.length - 1] as TeamNote;
      const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more: see Team…)` : "";
      status.say(`${last.who} ${last.what} — ${clock(last.at)}${more}`);
    }
    if (moved) this.onChanged();
  }

  /** Whether the user may change the shared plan here: always in a local
   * workspace; in a team's, a manager only (an approver reads it, and
   * PostgreSQL would refuse their edits anyway). */
  get editsPlan(): boolean {
    const s = this.state;
    return s === null || s.state === "local" || s.role === "manager";
  }

  /** What the badge says. */
  get badge(): string {
    const s = this.state;
    if (!s) return "";
    switch (s.state) {
      case "local":
        return "Local only";
      case "signed-out":
        return "Team: sign in";
      case "online":
        return s.conflicts > 0 ? `${plural(s.conflicts, "conflict")}` : s.queued > 0 ? `Online, ${plural(s.queued, "edit")} going` : "Online";
      case "offline":
        return s.conflicts > 0 ? `Offline, ${plural(s.conflicts, "conflict")}` : `Offline, ${plural(s.queued, "edit")} queued`;
    }
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The time of day of an RFC 3339 moment, as the user's clock shows it. */
export function clock(at: string): string {
  const t = new Date(at);
  return Number.isNaN(t.getTime()) ? at : t.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export const team = new Team();
