#!/usr/bin/env bash
# Fuzzes every importer with cargo-fuzz (libFuzzer + AddressSanitizer):
# FUZZ_SECONDS each (default 600), FUZZ_JOBS targets at a time (default 2).
# Needs cargo-fuzz (installed here if missing); the stable toolchain builds
# the sanitizer with RUSTC_BOOTSTRAP=1. Seeds are in fuzz/seeds/; the
# growing corpus stays outside the repository; a crashing input is left in
# fuzz/artifacts/<target>/ and the run fails — add it as a regression test.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-/var/tmp/greychart-fuzz}"
seconds="${FUZZ_SECONDS:-600}"
jobs="${FUZZ_JOBS:-2}"
targets=(people_csv claims_csv changes_csv dependencies_csv workspace_json)
cargo fuzz build -O
corpus="$CARGO_TARGET_DIR/corpus"
run_one() {
  local target=$1
  mkdir -p "$corpus/$target"
  cargo fuzz run -O "$target" "$corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    > "$CARGO_TARGET_DIR/$target.log" 2>&1 && echo "$target: no crash in ${seconds} s ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$CARGO_TARGET_DIR/$target.log" | grep -o '[0-9]*$') runs)" \
    || { echo "$target: FAILED, see $CARGO_TARGET_DIR/$target.log and fuzz/artifacts/$target/"; return 1; }
}
failed=0
for ((i = 0; i < ${#targets[@]}; i += jobs)); do
  pids=()
  for target in "${targets[@]:i:jobs}"; do
    run_one "$target" & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
done
exit $failed
