// The status line at the foot of the window: what just happened, or went wrong.

class Status {
  message = $state("");
  kind = $state<"info" | "error">("info");

  say(message: string, kind: "info" | "error" = "info"): void {
    this.message = message;
    this.kind = kind;
  }
}

export const status = new Status();
