// What every view receives.

import type { ApprovalFilter } from "../state";
import type { ApprovalRole, Audience, Change, Claim, ClaimRow, DecisionKind, Person, Position, Release, ScheduleFormat } from "../bindings";
import type { Model } from "../state";

export interface Actions {
  editPerson(person: Person | null): void;
  editClaim(claim: Claim | null): void;
  /** The next claims of the claims table, in the order recorded. */
  moreClaims(offset: number, limit: number): Promise<ClaimRow[]>;
  showPerson(id: string): void;
  setLayers(showFormal: boolean, showGrey: boolean): void;
  setStanceRelease(release: string): void;
  logContact(person: string | null): void;
  setAsOf(date: string): void;
  savePositions(positions: Position[]): void;
  /** Forgets the saved places: the map is laid out automatically again. */
  arrangeMap(): void;
  setDrawMode(on: boolean): void;
  drawnClaim(from: string, to: string): void;
  setFocus(query: string, steps: number): void;
  setColourBy(by: "team" | "faction"): void;
  /** Measures the movers over this many days before the as-of date. */
  setMoversDays(days: number): void;
  selectPlanItem(id: string | null): void;
  setPlanDraw(on: boolean): void;
  drawnDependency(before: string, after: string): void;
  moveRelease(release: Release, start: string, end: string): void;
  moveChange(change: Change, start: string, days: number): void;
  exportSchedule(format: ScheduleFormat): void;
  selectApprovalRelease(id: string): void;
  decide(requirement: string, kind: DecisionKind, comment: string): void;
  showPathToYes(release: string): void;
  addRequirement(release: string, approver: string, role: ApprovalRole, reason: string): void;
  removeRequirement(id: string, reason: string): void;
  scheduleRelease(release: string, overrideReason: string | null): void;
  setApprovalFilter(filter: ApprovalFilter): void;
  previewPacket(release: string, audience: Audience): void;
  savePacket(): void;
  printPacket(): void;
}

export type View = (model: Model, actions: Actions) => HTMLElement;
