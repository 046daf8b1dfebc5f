#!/bin/sh
# Show that the built Linux app keeps its data key in the desktop's keyring, as a normal
# install does: a private D-Bus session runs GNOME Keyring's Secret Service with a new,
# empty keyring, the app creates a database, and its key must be in that keyring.
#
#   packaging/linux/test-keyring.sh [dist/ee-desktop/ee-desktop]
#
# Needs Debian's gnome-keyring, dbus-user-session and libsecret-tools packages.
set -eu
app=$(realpath "${1:-dist/ee-desktop/ee-desktop}")
example=$(realpath "$(dirname "$0")/../../src/ee_desktop/resources/example-profile.json")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The keyring's files and the app's data both live in the scratch folder.
XDG_DATA_HOME="$scratch/share" dbus-run-session -- sh -eu -c '
    printf "%s" "throwaway keyring password" |
        gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$1" --data-dir "$2" import "$3"
    "$1" --data-dir "$2" score >/dev/null  # reopens the database with the key from the keyring
    report=$("$1" --self-test)
    printf "%s\n" "$report" | grep "keyring:"
    if ! printf "%s\n" "$report" | grep -q "^  ok   keyring: .*SecretService"; then
        echo "FAILED: the self-test did not find the Secret Service in use" >&2
        exit 1
    fi
    if ! secret-tool search --all service ee-desktop 2>&1 |
        grep -q "^attribute.service = ee-desktop"; then
        echo "FAILED: the data key is not in the keyring" >&2
        exit 1
    fi
' sh "$app" "$scratch/data" "$example"
echo "Passed: the data key is in the Secret Service keyring."
