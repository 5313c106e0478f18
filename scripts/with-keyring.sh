#!/usr/bin/env bash
# Runs a command with a throwaway Secret Service: a private D-Bus session and a fresh,
# unlocked gnome-keyring in a temporary folder, so tests use a real keychain and never
# the user's own. Elsewhere than Linux the command runs as it is (the tests then use a
# service name of their own in the OS keychain and remove what they add).
set -euo pipefail

if [ "$(uname -s)" != "Linux" ]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing. On Debian/Ubuntu: sudo apt-get install dbus-daemon gnome-keyring" >&2
    exit 1
  fi
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/leadbox-keyring.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" XDG_RUNTIME_DIR="$dir/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

dbus-run-session -- bash -c '
  eval "$(printf %s throwaway-password | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export GNOME_KEYRING_CONTROL
  export LEADBOX_TEST_KEYRING=1
  exec "$@"' with-keyring "$@"
