// Approvals: who must sign off each release, and what they decided.

import { h, section, table } from "../dom";
import { words } from "../format";
import { approvalStatus, names } from "../state";
import type { View } from "./types";

export const approvalsView: View = (model) => {
  const label = names(model.data);
  const status = approvalStatus(model.data);
  const summaries = model.data.releases.map((r) => {
    const reqs = model.data.requirements.filter((q) => q.active && q.release === r.id);
    const approved = reqs.filter((q) => status.get(q.id)?.status === "approved" && !status.get(q.id)?.stale).length;
    const missing = reqs.length - approved;
    return h(
      "li",
      { class: missing === 0 && reqs.length > 0 ? "ok" : "open" },
      h("strong", {}, r.name),
      reqs.length === 0 ? " — no approvals required yet" : ` — ${approved} of ${reqs.length} approved${missing ? `, ${missing} missing` : ""}`,
    );
  });
  const active = model.data.requirements.filter((q) => q.active);
  const rows = active.map((q) => {
    const s = status.get(q.id);
    const state = s?.status ?? "pending";
    return [
      label.get(q.release) ?? q.release,
      label.get(q.approver) ?? q.approver,
      words(q.role),
      q.rule,
      h("span", { class: `tag ${state}` }, words(state)),
      s?.stale ? h("span", { class: "tag stale", title: `The release changed after this decision: ${s.staleReason || "ask again"}.` }, "stale") : "",
      s?.decidedAt?.slice(0, 10) ?? "",
      s?.comment ?? "",
    ];
  });
  return h(
    "div",
    { class: "view-body", "data-testid": "view-approvals" },
    section("What is missing", "Approved and current, out of required, per release.", h("ul", { class: "summary", "data-testid": "approval-summary" }, ...summaries)),
    section(
      "Requirements",
      `${active.length} sign-offs required, each with the rule that asked for it.`,
      table("approvals-table", [{ label: "Release" }, { label: "Approver" }, { label: "Role" }, { label: "Rule" }, { label: "Status" }, { label: "" }, { label: "Decided" }, { label: "Comment" }], rows),
    ),
  );
};
