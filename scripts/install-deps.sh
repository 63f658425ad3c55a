#!/usr/bin/env bash
# Installs whatever Greychart needs to build, run and test, and only what is
# missing: Debian packages (apt-get as root, sudo otherwise), tauri-driver
# from crates.io, and the npm packages of the UI and the end-to-end tests.
# Elsewhere it prints what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

# libclang-dev: rusqlite's session extension (undo history) generates its
# SQLite bindings at build time with bindgen. postgresql: the team database's
# tests start throwaway clusters with its initdb and pg_ctl. dbus-daemon and
# gnome-keyring: a system keyring for the team password in the window's test.
APT_PACKAGES=(
  build-essential pkg-config file libssl-dev libclang-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev
  xvfb x11-utils xdotool webkit2gtk-driver poppler-utils
  postgresql dbus-daemon gnome-keyring
)

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

if [ -f /etc/debian_version ] && command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
      echo "need root or sudo to install: ${missing[*]}" >&2; exit 1
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
else
  for tool in pkg-config Xvfb xdotool WebKitWebDriver pdftotext; do
    command -v "$tool" >/dev/null || echo "missing: $tool" >&2
  done
  echo "Not Debian: install your system's equivalents of: ${APT_PACKAGES[*]}" >&2
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20.19+ with npm is missing: install it, then run this again." >&2; exit 1; }

if ! command -v tauri-driver >/dev/null; then
  say "installing tauri-driver (cargo install)"
  cargo install tauri-driver --version '^2' --locked --quiet
fi

# npm packages: reinstall only when the lock file changed since the last install.
for dir in ui tests/e2e; do
  stamp="$dir/node_modules/.greychart-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
done
