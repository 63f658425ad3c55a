# Greychart: `make run` opens the app on the demo workspace, `make test` runs
# every test. Both install whatever is missing first.
export CARGO_TARGET_DIR ?= $(CURDIR)/target
APP := $(CARGO_TARGET_DIR)/debug/greychart-desktop

.PHONY: run test deps ui app screenshot bindings bench

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

bindings:
	UPDATE_BINDINGS=1 cargo test -p greychart-core --test bindings

bench:
	cargo run --release --locked -p greychart-bench
