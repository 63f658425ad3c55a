#!/usr/bin/env bash
# Runs a command with a system keyring, as a desktop session has one: a
# D-Bus session bus and GNOME Keyring's Secret Service on it, its login
# keyring unlocked and kept in a throwaway folder. Used by the team
# end-to-end test (the team password kept in the keyring across a restart).
# Run it under dbus-run-session: scripts/with-keyring.sh CMD ARGS...
set -euo pipefail
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
# The password only unlocks this throwaway keyring.
printf 'e2e keyring' | XDG_DATA_HOME="$data" gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
GREYCHART_E2E_KEYRING=1 "$@"
