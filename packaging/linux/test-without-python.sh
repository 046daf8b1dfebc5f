#!/bin/sh
# Show that the Linux build runs on a computer with no Python.
#
#   packaging/linux/test-without-python.sh dist/ee-desktop-VERSION-linux-x86_64.tar.gz
#
# A minimal Debian 12 system is made with debootstrap (kept in build/rootfs-bookworm, so a
# second run takes seconds) and given only what any Linux desktop has: the OpenGL/EGL
# drivers' libraries and a font. A user there unpacks the archive, runs install.sh, and
# starts the installed app, from its menu entry's command, with --self-test. Needs root
# (debootstrap, chroot, mounts) and Debian's package archive.
set -eu

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 dist/ee-desktop-VERSION-linux-ARCH.tar.gz" >&2
    exit 2
fi
archive=$(realpath "$1")
root=$(realpath -m "${ROOTFS:-build/rootfs-bookworm}")
desktop_libraries="libgl1 libegl1 libfontconfig1 fonts-dejavu-core"

if [ "$(id -u)" -ne 0 ]; then
    echo "$0: needs root (debootstrap, chroot and mounts)." >&2
    exit 1
fi

if [ ! -x "$root/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null 2>&1 || {
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
    }
    # The archive this machine's own apt uses, when it names one.
    mirror=$(sed -n 's/^URIs: *\([^ ]*debian\)$/\1/p; s/^deb \([^ ]*debian\) .*/\1/p' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
    if mountpoint -q "$root/proc" || mountpoint -q "$root/dev"; then
        echo "$0: $root still has mounts from an earlier run; unmount them first." >&2
        exit 1
    fi
    rm -rf --one-file-system "$root"
    # shellcheck disable=SC2086 # an empty mirror means debootstrap's default
    debootstrap --variant=minbase bookworm "$root" $mirror
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    chroot "$root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $desktop_libraries && apt-get clean"
    chroot "$root" useradd --create-home applicant
fi

echo "== No Python on the test system:"
if chroot "$root" sh -c 'command -v python3 || command -v python || ls -d /usr/lib/python3*' \
    2>/dev/null; then
    echo "FAILED: the test system has Python" >&2
    exit 1
fi
echo "   none found"

home="$root/home/applicant"
rm -rf "$home/ee-desktop-"* "$home/.local"
cp "$archive" "$home/ee-desktop.tar.gz"
# What the user does, step by step.
cat > "$home/check.sh" <<'USER'
set -eu
cd "$HOME"
tar -xzf ee-desktop.tar.gz
echo "== Installing as a user with install.sh:"
ee-desktop-*/install.sh
entry="$HOME/.local/share/applications/org.eedesktop.EeDesktop.desktop"
command=$(sed -n 's/^Exec=//p' "$entry")
echo "== Running the menu entry's command ($command) with --self-test:"
eval "$command --self-test"  # the value is quoted as in a desktop entry
echo "== Removing it with install.sh --uninstall:"
ee-desktop-*/install.sh --uninstall
test ! -e "$entry" && test ! -e "$HOME/.local/lib/ee-desktop"
USER
chroot "$root" chown -R applicant:applicant /home/applicant

# /proc and /dev for the launcher and the random-number source, in a mount namespace of
# their own so that nothing stays mounted whatever happens.
unshare --mount --propagation private sh -eu -c '
    mount -t proc proc "$1/proc"
    mount --rbind /dev "$1/dev"
    exec chroot --userspec=applicant:applicant "$1" /usr/bin/env -i \
        HOME=/home/applicant PATH=/usr/bin:/bin LANG=C.UTF-8 /bin/sh /home/applicant/check.sh
' sh "$root"
echo "Passed: the Linux build installs and passes its self-test without Python."
