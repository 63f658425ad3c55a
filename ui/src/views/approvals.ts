// Approvals: who must sign off each release, and what they decided — a
// matrix of releases × approvers at a glance, then for one release its
// checklist (each requirement with the rule that created it, a form to
// record a decision, the path to yes), and the history of its decisions.

import type { ApprovalRequirement, ApprovalRole, DecisionKind, PathToYes, Release, WorkspaceData } from "../bindings";
import { h, section, table } from "../dom";
import { words } from "../format";
import { approvalsById, names, type ApprovalFilter, type Model } from "../state";
import type { Actions, View } from "./types";

const KINDS: DecisionKind[] = ["approved", "rejected", "changes_requested", "abstained"];

function matrix(model: Model, actions: Actions): HTMLElement {
  const data = model.data;
  const label = names(data);
  const status = approvalsById(model);
  const active = data.requirements.filter((q) => q.active);
  const approvers = [...new Set(active.map((q) => q.approver))].sort((a, b) => (label.get(a) ?? a).localeCompare(label.get(b) ?? b));
  const releases = data.releases.filter((r) => active.some((q) => q.release === r.id));
  const shown = (q: ApprovalRequirement) => {
    const s = status.get(q.id);
    const state = s?.status ?? "pending";
    switch (model.approvalFilter) {
      case "missing":
        return state !== "approved" || (s?.stale ?? false);
      case "stale":
        return s?.stale ?? false;
      case "overdue":
        return status.get(q.id)?.overdue ?? false;
      default:
        return true;
    }
  };
  const cell = (release: string, approver: string) => {
    const qs = active.filter((q) => q.release === release && q.approver === approver && shown(q));
    if (qs.length === 0) return h("td", { class: "none" }, "");
    return h(
      "td",
      {},
      ...qs.map((q) => {
        const s = status.get(q.id);
        const state = s?.status ?? "pending";
        const late = s?.overdue ?? false;
        const tip = `${words(q.role)}: ${q.rule}${s?.stale ? ` — stale: ${s.stale_reason}` : ""}${late ? " — overdue: the window opens soon" : ""}`;
        return h("span", { class: `tag ${s?.stale ? "stale" : state}${late ? " overdue" : ""}`, title: tip, "data-status": s?.stale ? "stale" : state, "data-requirement": q.id }, s?.stale ? "stale" : words(state));
      }),
    );
  };
  const filters: [ApprovalFilter, string][] = [["all", "All"], ["missing", "Missing"], ["stale", "Stale"], ["overdue", "Overdue"]];
  const filter = h(
    "p",
    { class: "filters", role: "group", "aria-label": "Show" },
    "Show: ",
    ...filters.map(([value, text]) =>
      h("label", { class: "inline" }, h("input", { type: "radio", name: "approval-filter", value, "data-testid": `approval-filter-${value}`, checked: model.approvalFilter === value, onchange: () => actions.setApprovalFilter(value) }), ` ${text} `),
    ),
  );
  return h("div", {}, filter, h(
    "table",
    { class: "grid matrix", "data-testid": "approval-matrix" },
    h("thead", {}, h("tr", {}, h("th", {}, "Release"), ...approvers.map((a) => h("th", { title: a }, label.get(a) ?? a)))),
    h(
      "tbody",
      {},
      ...releases.map((r) =>
        h("tr", { class: r.id === (model.approvalsRelease ?? "") ? "chosen" : undefined }, h("th", {}, h("a", { href: "#", onclick: (e: Event) => { e.preventDefault(); actions.selectApprovalRelease(r.id); } }, r.name)), ...approvers.map((a) => cell(r.id, a))),
      ),
    ),
  ));
}

/** Adding an approver by hand, with the reason. */
function addForm(data: WorkspaceData, release: Release, actions: Actions): HTMLElement {
  const person = h("select", { "data-testid": "add-approver", "aria-label": "Approver" }, ...[...data.people].sort((a, b) => a.name.localeCompare(b.name)).map((p) => h("option", { value: p.id }, p.name)));
  const roles: ApprovalRole[] = ["cab", "change_manager", "business_owner", "component_owner", "qa", "infrastructure", "finance", "custom"];
  const role = h("select", { "data-testid": "add-role", "aria-label": "Role" }, ...roles.map((r) => h("option", { value: r }, words(r))));
  const reason = h("input", { type: "text", "data-testid": "add-reason", placeholder: "Why (required)", "aria-label": "Reason" });
  return h(
    "form",
    { class: "inline-form", onsubmit: (e: Event) => { e.preventDefault(); actions.addRequirement(release.id, person.value, role.value as ApprovalRole, reason.value); } },
    "Add an approver: ",
    person,
    role,
    reason,
    h("button", { type: "submit", "data-testid": "add-save" }, "Add"),
  );
}

/** Removing a requirement, with the reason. */
function removeForm(q: ApprovalRequirement, actions: Actions): HTMLElement {
  const reason = h("input", { type: "text", "data-testid": `remove-reason-${q.id}`, placeholder: "Why not needed", "aria-label": "Reason to remove" });
  return h(
    "form",
    { class: "inline-form", onsubmit: (e: Event) => { e.preventDefault(); actions.removeRequirement(q.id, reason.value); } },
    reason,
    h("button", { type: "submit", "data-testid": `remove-${q.id}`, title: q.derived ? "A rule asked for it: it stays waived." : "Added by hand." }, "Remove"),
  );
}

/** Scheduling the release: refused while sign-offs are missing, unless overridden with a reason. */
function scheduleForm(model: Model, release: Release, actions: Actions): HTMLElement {
  const reason = h("input", { type: "text", "data-testid": "schedule-override", placeholder: "Override reason (only if approvals are missing)", "aria-label": "Override reason" });
  const answer = model.scheduleMessage?.release === release.id ? h("p", { class: model.scheduleMessage.refused ? "error" : "ok", "data-testid": "schedule-answer", role: "status" }, model.scheduleMessage.text) : null;
  return h(
    "div",
    {},
    h(
      "form",
      { class: "inline-form", onsubmit: (e: Event) => { e.preventDefault(); actions.scheduleRelease(release.id, reason.value.trim() === "" ? null : reason.value); } },
      `Stage: ${words(release.stage)}. `,
      h("button", { type: "submit", "data-testid": "schedule-release", disabled: release.stage === "scheduled" }, "Schedule this release"),
      reason,
    ),
    answer,
  );
}

function decisionForm(q: ApprovalRequirement, actions: Actions): HTMLElement {
  const kind = h("select", { "data-testid": `decide-kind-${q.id}`, "aria-label": "Decision" }, ...KINDS.map((k) => h("option", { value: k }, words(k))));
  const comment = h("input", { type: "text", "data-testid": `decide-comment-${q.id}`, placeholder: "Comment", "aria-label": "Comment" });
  return h(
    "form",
    { class: "inline-form", onsubmit: (e: Event) => { e.preventDefault(); actions.decide(q.id, kind.value as DecisionKind, comment.value); } },
    kind,
    " ",
    comment,
    " ",
    h("button", { type: "submit", "data-testid": `decide-save-${q.id}` }, "Record"),
  );
}

function pathPanel(data: WorkspaceData, p: PathToYes): HTMLElement {
  const label = names(data);
  const who = (id: string) => label.get(id) ?? id;
  return h(
    "div",
    { class: "path-to-yes", "data-testid": `path-to-yes-${p.approval.approver}` },
    h("h4", {}, `${who(p.approval.approver)} — ${words(p.approval.role)}, ${words(p.approval.status)}${p.approval.stale ? " (stale)" : ""}`),
    h("p", {}, `Stance: ${p.stance ? words(p.stance) : "unknown"}.`),
    h("p", {}, "Swayed most by: ", p.influencers.length === 0 ? "nobody known" : p.influencers.map((i) => `${who(i.person)} (${i.weight.toFixed(2)}, ${i.stance ? words(i.stance) : "stance unknown"})`).join("; ")),
    h("p", {}, "Your strongest path: ", p.path.path.length === 0 ? "none known" : `${p.path.path.map(who).join(" \u2192 ")} (strength ${p.path.strength.toFixed(3)})`),
    ...p.warnings.map((w) => h("p", { class: "warn", role: "note" }, w)),
  );
}

function checklist(model: Model, actions: Actions, release: Release): HTMLElement {
  const data = model.data;
  const label = names(data);
  const status = approvalsById(model);
  const reqs = data.requirements.filter((q) => q.active && q.release === release.id);
  const rows = reqs.map((q) => {
    const s = status.get(q.id);
    const state = s?.status ?? "pending";
    return [
      h("span", {}, label.get(q.approver) ?? q.approver, removeForm(q, actions)),
      words(q.role),
      h("span", { title: q.derived ? "Created by a rule; it follows the release." : "Added by hand." }, q.rule),
      h("span", { class: `tag ${state}`, "data-testid": `status-${q.id}` }, words(state)),
      s?.stale ? h("span", { class: "tag stale", "data-testid": `stale-${q.id}`, title: s.stale_reason }, `stale: ${s.stale_reason}`) : "",
      decisionForm(q, actions),
    ];
  });
  const history = data.decisions
    .filter((d) => reqs.some((q) => q.id === d.requirement))
    .sort((a, b) => b.decided_at.localeCompare(a.decided_at))
    .map((d) => h("li", {}, `${d.decided_at.slice(0, 16).replace("T", " ")} — ${label.get(d.decided_by) ?? d.decided_by}: ${words(d.kind)}${d.comment ? ` (“${d.comment}”)` : ""}${d.stale ? ` — stale: ${d.stale_reason}` : ""}`));
  return h(
    "div",
    { "data-testid": "approval-checklist", "data-release": release.id },
    scheduleForm(model, release, actions),
    h("p", {}, h("button", { type: "button", "data-testid": "show-path-to-yes", onclick: () => actions.showPathToYes(release.id) }, "Show the path to yes"), " for everyone who has not said yes (private: from the grey chart)."),
    table("checklist-table", [{ label: "Approver" }, { label: "Role" }, { label: "Rule" }, { label: "Status" }, { label: "" }, { label: "Decide" }], rows),
    model.pathToYes
      ? h(
          "div",
          { class: "paths-to-yes", "data-testid": "paths-to-yes" },
          ...(model.pathToYes.length === 0 ? [h("p", { class: "empty" }, "Everyone has said yes.")] : model.pathToYes.map((p) => pathPanel(data, p))),
        )
      : null,
    addForm(data, release, actions),
    h("h3", {}, "History"),
    history.length === 0 ? h("p", { class: "empty" }, "No decisions yet.") : h("ol", { class: "history", "data-testid": "decision-history" }, ...history),
  );
}

export const approvalsView: View = (model, actions) => {
  const label = names(model.data);
  const status = approvalsById(model);
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
  // Until one is picked, the first release with a sign-off missing is open.
  const missingFirst = model.data.releases.find((r) => {
    const reqs = model.data.requirements.filter((q) => q.active && q.release === r.id);
    return reqs.some((q) => status.get(q.id)?.status !== "approved" || status.get(q.id)?.stale);
  });
  const chosen = model.data.releases.find((r) => r.id === model.approvalsRelease) ?? missingFirst;
  return h(
    "div",
    { class: "view-body", "data-testid": "view-approvals" },
    summaries.length === 0
      ? section("What is missing", "Approved and current, out of required, per release.", h("p", { class: "empty", "data-testid": "approval-summary" }, "No releases yet. Once a release is planned, the rules name who must sign it off (component owners, business owners, the change manager, the CAB) and each sign-off is tracked here."))
      : section("What is missing", "Approved and current, out of required, per release.", h("ul", { class: "summary", "data-testid": "approval-summary" }, ...summaries)),
    summaries.length === 0 ? null : section("Releases × approvers", "Every sign-off at a glance: hover a cell for the rule; stale means the release changed after the decision; overdue means the window opens within three days. Click a release for its checklist.", matrix(model, actions)),
    chosen ? section(`${chosen.name}: checklist`, `Who must sign off ${label.get(chosen.id) ?? chosen.id}, why, and where each stands.`, checklist(model, actions, chosen)) : null,
  );
};
