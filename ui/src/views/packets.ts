// Packets: what each release's sign-off packet will hold, and whether it is
// ready to circulate. Only formal data appears here: no grey chart.

import { h, section, table } from "../dom";
import { span, words } from "../format";
import { approvalStatus, names } from "../state";
import type { View } from "./types";

export const packetsView: View = (model) => {
  const label = names(model.data);
  const status = approvalStatus(model.data);
  const rows = model.data.releases.map((r) => {
    const reqs = model.data.requirements.filter((q) => q.active && q.release === r.id);
    const signed = reqs.filter((q) => status.get(q.id)?.status === "approved" && !status.get(q.id)?.stale);
    const open = reqs.filter((q) => !signed.includes(q)).map((q) => label.get(q.approver) ?? q.approver);
    return [
      r.name,
      words(r.stage),
      span(r.window_start, r.window_end),
      String(model.data.changes.filter((c) => c.release === r.id).length),
      `${signed.length} / ${reqs.length}`,
      open.length === 0 ? h("span", { class: "tag approved" }, "ready") : open.join(", "),
    ];
  });
  return h(
    "div",
    { class: "view-body", "data-testid": "view-packets" },
    section(
      "Sign-off packets",
      "One packet per release: scope, schedule, impact and a signature line per approver. Packets never contain grey-chart data.",
      table("packets-table", [{ label: "Release" }, { label: "Stage" }, { label: "Window" }, { label: "Changes", numeric: true }, { label: "Signed" }, { label: "Still to sign" }], rows),
    ),
  );
};
