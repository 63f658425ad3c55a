# Greychart: `make run` opens the app on the demo workspace, `make test` runs
# every test. Both install whatever is missing first.
export CARGO_TARGET_DIR ?= $(CURDIR)/target
APP := $(CARGO_TARGET_DIR)/debug/greychart-desktop

.PHONY: run test deps ui app screenshot packet-image bindings bench fuzz

run: app
	$(APP)

test: deps
	scripts/test.sh

deps:
	scripts/install-deps.sh

ui: deps
	npm --prefix ui run --silent build

app: ui
	ui/node_modules/.bin/tauri build --debug --no-bundle

screenshot: app
	scripts/screenshot.sh

# Page 1 of the demo's sign-off packet for Customer Portal 3.1, for the README.
packet-image: deps
	rm -f $(CARGO_TARGET_DIR)/packet-demo.greychart
	cargo run -q --locked -p greychart-cli -- demo $(CARGO_TARGET_DIR)/packet-demo.greychart
	cargo run -q --locked -p greychart-cli -- packet $(CARGO_TARGET_DIR)/packet-demo.greychart r4 --date 2026-11-27 -o $(CARGO_TARGET_DIR)/packet-demo.pdf
	pdftoppm -r 80 -f 1 -l 1 -png -singlefile $(CARGO_TARGET_DIR)/packet-demo.pdf docs/packet-page

# The TypeScript types (ui/src/bindings.ts) and the page's command wrappers
# (ui/src/api.ts, from the #[tauri::command] functions in src-tauri/src/commands/).
bindings:
	UPDATE_BINDINGS=1 cargo test -p greychart-core --test bindings
	UPDATE_BINDINGS=1 cargo test -p greychart-desktop --features tauri/custom-protocol the_pages_command_wrappers_are_fresh

bench:
	cargo run --release --locked -p greychart-bench

# Every importer under libFuzzer, FUZZ_SECONDS each (default 600).
fuzz:
	scripts/fuzz.sh
