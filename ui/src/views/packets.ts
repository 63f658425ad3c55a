// Packets: what each release's sign-off packet will hold, and whether it is
// ready to circulate. Only formal data appears here: no grey chart.

import { h, section, table } from "../dom";
import type { Audience } from "../bindings";
import type { PacketPreview } from "../state";
import { span, words } from "../format";
import { approvalsById, names } from "../state";
import type { Actions, View } from "./types";

export const packetsView: View = (model, actions) => {
  const label = names(model.data);
  const status = approvalsById(model);
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
      h("button", { type: "button", "data-testid": `packet-open-${r.id}`, "aria-pressed": model.packet?.release === r.id ? "true" : "false", onclick: () => actions.previewPacket(r.id, model.packet?.audience ?? "signoff") }, "Preview"),
    ];
  });
  return h(
    "div",
    { class: "view-body", "data-testid": "view-packets" },
    section(
      "Sign-off packets",
      "One packet per release: scope, schedule, impact and a signature line per approver. Packets never contain grey-chart data.",
      rows.length === 0
        ? h("p", { class: "empty", "data-testid": "packets-table" }, "No releases yet: each release planned gets its packet here, to preview, save as PDF or print.")
        : table("packets-table", [{ label: "Release" }, { label: "Stage" }, { label: "Window" }, { label: "Changes", numeric: true }, { label: "Signed" }, { label: "Still to sign" }, { label: "" }], rows),
    ),
    model.packet ? packetPanel(model.packet, model.data.releases.find((r) => r.id === model.packet?.release)?.name ?? model.packet.release, actions) : null,
  );
};

/** The chosen packet: audience, Save PDF, Print and its pages as typeset. */
function packetPanel(packet: PacketPreview, name: string, actions: Actions): HTMLElement {
  const audience = (value: Audience, label: string, tip: string) =>
    h("label", { class: "inline", title: tip }, h("input", { type: "radio", name: "packet-audience", value, "data-testid": `packet-audience-${value}`, checked: packet.audience === value, onchange: () => actions.previewPacket(packet.release, value) }), ` ${label}`);
  const pages = packet.error
    ? h("p", { class: "error", role: "alert", "data-testid": "packet-error" }, packet.error)
    : packet.pages === null
      ? h("p", { class: "muted", "data-testid": "packet-typesetting" }, "Typesetting…")
      : h(
          "div",
          { class: "packet-pages", "data-testid": "packet-pages", "data-pages": packet.pages.length },
          ...packet.pages.map((svg, i) =>
            h("img", { class: "packet-page", alt: `Page ${i + 1} of ${packet.pages?.length ?? 0}`, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
          ),
        );
  return section(
    `Packet: ${name}`,
    packet.audience === "brief"
      ? "The private brief adds the path to yes for each approver and is marked confidential on every page: keep it to yourself."
      : "The sign-off packet holds formal data only, safe to circulate: the pages below are exactly what prints.",
    h(
      "div",
      { class: "packet-actions" },
      audience("signoff", "Sign-off (to circulate)", "Formal data only: no claim, stance, note or engagement."),
      audience("brief", "Private brief (confidential)", "Adds the path to yes: grey-chart data. Never circulate."),
      h("button", { type: "button", "data-testid": "packet-save", disabled: packet.pages === null, onclick: () => actions.savePacket() }, "Save PDF…"),
      h("button", { type: "button", "data-testid": "packet-print", disabled: packet.pages === null, title: "Opens the PDF in your PDF viewer to print.", onclick: () => actions.printPacket() }, "Print…"),
    ),
    pages,
  );
}
