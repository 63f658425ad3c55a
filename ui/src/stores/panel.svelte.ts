// The side panel: which form or details it shows (closed: none). Escape closes it.

import type { Absence, ApprovalRule, Change, Claim, Component, Dependency, Period, PeriodKind, Person, Release, Service, Team } from "../bindings";

export type PanelContent =
  | { kind: "person"; id: string }
  | { kind: "person-form"; person: Person | null }
  | { kind: "claim-form"; claim: Claim | null; pair: { from: string; to: string } | null }
  | { kind: "engagement-form"; person: string | null }
  | { kind: "export-form" }
  | { kind: "passphrase-form" }
  | { kind: "unlock-form"; message: string }
  | { kind: "history" }
  | { kind: "team" }
  | { kind: "team-form"; team: Team | null }
  | { kind: "component-form"; component: Component | null }
  | { kind: "release-form"; release: Release | null; start: string | null }
  | { kind: "change-form"; change: Change | null }
  | { kind: "period-form"; period: Period | null; periodKind: PeriodKind; start: string | null }
  | { kind: "service-form"; service: Service | null }
  | { kind: "absence-form"; absence: Absence | null }
  | { kind: "dependency-form"; dependency: Dependency | null }
  | { kind: "rule-form"; rule: ApprovalRule | null }
  | { kind: "settings-form" }
  | { kind: "stance-form"; person: string; release: string | null }
  | { kind: "profile-form"; person: string | null };

class Panel {
  content = $state.raw<PanelContent | null>(null);
  /** Counts what was opened, so a panel opened again anew starts afresh. */
  opened = $state(0);

  open(content: PanelContent): void {
    this.content = content;
    this.opened += 1;
  }

  close(): void {
    this.content = null;
  }

  shows(kind: PanelContent["kind"]): boolean {
    return this.content?.kind === kind;
  }
}

export const panel = new Panel();
