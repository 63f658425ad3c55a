#!/usr/bin/env bash
# Every test Greychart has, in the order a failure is cheapest to see:
# formatting, the UI's types and unit tests, clippy, all Rust tests (with the
# TypeScript bindings' freshness), the desktop build, and the end-to-end test
# of the real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
APP="$CARGO_TARGET_DIR/debug/greychart-desktop"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check

step "UI: type check, unit tests, build"
npm --prefix ui run --silent check
npm --prefix ui test --silent
npm --prefix ui run --silent build

step "the core depends on neither Tauri nor SQLite"
if cargo tree -p greychart-core -e normal --prefix none --locked | grep -E '^(tauri|rusqlite|libsqlite3-sys)( |$)'; then
  echo "crates/core must not depend on tauri or rusqlite" >&2; exit 1
fi

step "clippy (warnings are errors)"
cargo clippy --workspace --all-targets --features tauri/custom-protocol --locked -- -D warnings

step "Rust tests (core, store, CLI with the reference fixtures, bindings freshness, desktop session)"
cargo test --workspace --features tauri/custom-protocol --locked

step "desktop app (embedded assets)"
ui/node_modules/.bin/tauri build --debug --no-bundle

# The real window under Xvfb, one run at a time (tauri-driver holds its ports).
e2e() {
  step "end-to-end: $2"
  GREYCHART_APP="$APP" E2E_ARTIFACTS="${E2E_ARTIFACTS:-test-artifacts/e2e}" \
    ${WRAP:-} xvfb-run -a -s "-screen 0 1440x900x24" node "tests/e2e/$1.test.mjs"
}
e2e app "the real window under Xvfb"
e2e plan "the release plan (graph, cycle refused, timeline drag, blast radius)"
e2e approvals "approvals (checklist, a rejection, stale after a scope change, path to yes)"
e2e authoring "a plan built in the window from an empty workspace (forms, timeline, graph)"
e2e history "undo and redo: shortcuts, the History panel, across a restart"
e2e encryption "encryption at rest: the Passphrase form, asked on open, a wrong passphrase refused"
e2e exports "exports through the save dialog: GraphML shared, then with private data"
WRAP="dbus-run-session -- scripts/with-keyring.sh" e2e team "the window as a team client against a real PostgreSQL (join, live decision, offline queue, conflict)"
e2e hostile "hostile text in every view and the packet preview shows literally, nothing runs"
e2e scale "at scale: 2,000 and 12,000 people (figures printed, not asserted)"

step "all tests passed"
