// What the user chose or asked for in the window: the view on screen, the
// map's layers and focus, the plan item and release looked at, the packet
// previewed. Choices that belong to a workspace are forgotten when another
// one opens, so nothing of the first stays on screen.

import type { Audience } from "../bindings";

export type ViewId = "grey-chart" | "stakeholders" | "release-plan" | "approvals" | "packets" | "waiting";

/** Which sign-offs the approvals matrix shows. */
export type ApprovalFilter = "all" | "missing" | "stale" | "overdue";

/** The last answer to scheduling a release: refused (why) or done. */
export interface ScheduleMessage {
  release: string;
  text: string;
  refused: boolean;
}

class Choices {
  view = $state<ViewId>("grey-chart");
  /** Layers of the map. */
  showFormal = $state(true);
  showGrey = $state(true);
  /** What the map's colours mean. */
  colourBy = $state<"team" | "faction">("team");
  /** Dragging on the map draws claims instead of moving people. */
  drawMode = $state(false);
  /** The map's search text; with `focusSteps` > 0 only the people within
   *  that many links of the person found are shown. */
  focusQuery = $state("");
  focusSteps = $state(0);
  /** The highlighted strongest path from "me", ids in order (empty: none). */
  path = $state.raw<string[]>([]);
  /** The release whose stances colour the power/interest grid. */
  stanceRelease = $state<string | null>(null);
  /** The plan item clicked (its blast radius is shown). */
  planItem = $state<string | null>(null);
  /** Dragging on the dependency graph draws dependencies. */
  planDraw = $state(false);
  /** The last dependency refused for closing a cycle: message and members. */
  planRefused = $state.raw<{ message: string; members: string[] } | null>(null);
  /** The release whose approval checklist is open. */
  approvalsRelease = $state<string | null>(null);
  /** The release whose path to yes was asked for. */
  pathToYes = $state<string | null>(null);
  approvalFilter = $state<ApprovalFilter>("all");
  scheduleMessage = $state.raw<ScheduleMessage | null>(null);
  /** The packet previewed, if any. */
  packet = $state.raw<{ release: string; audience: Audience } | null>(null);

  /** Forgets what was chosen or asked in the workspace that was open. */
  forgetWorkspace(): void {
    this.path = [];
    this.focusQuery = "";
    this.focusSteps = 0;
    this.stanceRelease = null;
    this.planItem = null;
    this.planRefused = null;
    this.approvalsRelease = null;
    this.pathToYes = null;
    this.scheduleMessage = null;
    this.packet = null;
  }
}

export const choices = new Choices();
