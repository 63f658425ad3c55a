// Import…: a file, what it holds, which column holds which field, a preview
// of the first rows with each row's problem, then the import itself on a
// worker in Rust with progress and Cancel. Every answer comes from Rust:
// the proposal, the rows as read, the problems and the checks.

import { api } from "../api";
import type { FieldColumn, ImportDone, ImportKind, ImportPreview, ImportProgress, ImportRequest, Preset } from "../bindings";
import { asApiError } from "../ipc";

/** What the file holds, as the dialog offers it: a kind, or a known export. */
export type Holds = ImportKind | `preset:${Preset}`;

export const HOLDS: [Holds, string][] = [
  ["people", "People and reporting lines"],
  ["teams", "Teams"],
  ["components", "Components"],
  ["services", "Services"],
  ["releases", "Releases"],
  ["changes", "Changes"],
  ["dependencies", "Dependencies"],
  ["periods", "Deployment windows and freezes"],
  ["absences", "Absences"],
  ["approval_rules", "Approval rules"],
  ["claims", "Grey-chart claims (private)"],
  ["stances", "Stances on releases (private)"],
  ["profiles", "Stakeholder profiles (private)"],
  ["contacts", "Contacts, the engagement log (private)"],
  ["preset:jira", "Jira issues (as changes)"],
  ["preset:servicenow", "ServiceNow change requests (as changes)"],
];

/** The kind a file's name suggests ("people.xlsx", "Releases 2027.csv"). */
export function holdsByName(path: string): Holds | null {
  const name = (path.split(/[\\/]/).pop() ?? "").toLowerCase();
  for (const [holds] of HOLDS) {
    if (holds.startsWith("preset:")) continue;
    if (name.includes(holds) || name.includes(holds.replace("_", " "))) return holds;
  }
  if (name.includes("staff") || name.includes("employee")) return "people";
  if (name.includes("freeze") || name.includes("window")) return "periods";
  return null;
}

class Importer {
  open = $state(false);
  path = $state("");
  sheet = $state<string | null>(null);
  holds = $state<Holds>("people");
  mapping = $state.raw<FieldColumn[] | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  error = $state("");
  busy = $state(false);
  running = $state(false);
  progress = $state.raw<ImportProgress | null>(null);
  /** Counts previews asked for: only the last one asked lands. */
  private asked = 0;

  start(): void {
    this.open = true;
    this.path = "";
    this.sheet = null;
    this.holds = "people";
    this.mapping = null;
    this.preview = null;
    this.error = "";
    this.running = false;
    this.progress = null;
  }

  close(): void {
    if (!this.running) this.open = false;
  }

  request(): ImportRequest {
    const preset = this.holds.startsWith("preset:") ? (this.holds.slice(7) as Preset) : null;
    return {
      path: this.path,
      sheet: this.sheet,
      kind: preset ? "changes" : (this.holds as ImportKind),
      preset,
      mapping: preset ? null : this.mapping,
    };
  }

  /** Shows the file dialog; a file chosen is previewed as what its name or its columns say. */
  async choose(): Promise<void> {
    const path = await api.pickImportFile().catch((e: unknown) => {
      this.error = asApiError(e).message;
      return null;
    });
    if (path === null) return;
    this.path = path;
    this.sheet = null;
    this.mapping = null;
    this.holds = holdsByName(path) ?? this.holds;
    await this.refresh();
    const detected = this.preview?.detected;
    if (detected && !this.holds.startsWith("preset:")) {
      this.holds = `preset:${detected}`;
      await this.refresh();
    }
  }

  async setHolds(holds: Holds): Promise<void> {
    this.holds = holds;
    this.mapping = null;
    await this.refresh();
  }

  async setSheet(sheet: string): Promise<void> {
    this.sheet = sheet;
    this.mapping = null;
    await this.refresh();
  }

  async setColumn(field: string, column: string | null): Promise<void> {
    const base = this.mapping ?? this.preview?.mapping ?? [];
    this.mapping = base.map((m) => (m.field === field ? { field, column } : m));
    await this.refresh();
  }

  /** Reads the file again as now chosen. */
  async refresh(): Promise<void> {
    if (!this.path) return;
    const asked = ++this.asked;
    this.busy = true;
    try {
      const preview = await api.importPreview(this.request());
      if (asked !== this.asked) return;
      this.preview = preview;
      this.mapping = preview.mapping.length ? preview.mapping : null;
      if (this.sheet === null && preview.sheets.length) this.sheet = preview.sheets[0] ?? null;
      this.error = "";
    } catch (e) {
      if (asked !== this.asked) return;
      this.preview = null;
      this.error = asApiError(e).message;
    } finally {
      if (asked === this.asked) this.busy = false;
    }
  }

  /** Whether the file can be imported as it is mapped. */
  get ready(): boolean {
    return !!this.preview && this.preview.problem === null && this.preview.total > 0 && !this.busy && !this.running;
  }

  /** Imports the file; polls the progress until it is done. */
  async run(): Promise<ImportDone | null> {
    this.running = true;
    this.error = "";
    const poll = setInterval(() => {
      void api.importProgress().then((p) => {
        if (this.running) this.progress = p;
      });
    }, 150);
    try {
      const done = await api.importFile(this.request());
      this.open = false;
      return done;
    } catch (e) {
      this.error = asApiError(e).message;
      return null;
    } finally {
      clearInterval(poll);
      this.running = false;
      this.progress = null;
    }
  }

  cancel(): void {
    void api.cancelImport();
  }
}

export const importer = new Importer();
