#!/usr/bin/env bash
# Regenerates docs/screenshot.png: the real window on a fresh demo workspace,
# under Xvfb. Needs the app built (make app).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
mkdir -p docs
GREYCHART_APP="$CARGO_TARGET_DIR/debug/greychart-desktop" \
  xvfb-run -a -s "-screen 0 1440x900x24" node tests/e2e/screenshot.mjs docs/screenshot.png
