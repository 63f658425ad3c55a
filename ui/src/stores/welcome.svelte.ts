// The first start's welcome: shown over the demo until the user explores
// it, or opens a workspace of their own.

import { api } from "../api";

class Welcome {
  shown = $state(false);

  /** Asks Rust whether this is the app's first start. */
  async check(): Promise<void> {
    this.shown = await api.firstStart().catch(() => false);
  }

  dismiss(): void {
    this.shown = false;
  }
}

export const welcome = new Welcome();
