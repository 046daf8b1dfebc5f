#!/bin/sh
# Install ee-desktop from this folder, for you alone (no administrator rights needed) or,
# run as root with --system, for every user of the computer.
#
#   ./install.sh              install for you: ~/.local/lib/ee-desktop, ~/.local/bin/ee-desktop
#   sudo ./install.sh --system   install for everyone: /opt/ee-desktop, /usr/local/bin/ee-desktop
#   ./install.sh --uninstall  remove the app (add --system for a system install)
#
# Installing a newer version over an older one replaces the app. Your personal files are
# never in the app's folder: they stay where ee-desktop keeps them
# (~/.local/share/ee-desktop) through updates and removal.
set -eu

APP_ID=org.eedesktop.EeDesktop
here=$(cd "$(dirname "$0")" && pwd)

scope=user
action=install
for argument in "$@"; do
    case "$argument" in
        --system) scope=system ;;
        --uninstall) action=uninstall ;;
        -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$argument' (try --help)" >&2; exit 2 ;;
    esac
done

if [ "$scope" = system ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install.sh: --system needs administrator rights: run it with sudo." >&2
        exit 1
    fi
    app_dir=/opt/ee-desktop
    bin_dir=/usr/local/bin
    share=/usr/local/share
else
    app_dir="$HOME/.local/lib/ee-desktop"
    bin_dir="$HOME/.local/bin"
    share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
desktop_file="$share/applications/$APP_ID.desktop"
metainfo_file="$share/metainfo/$APP_ID.metainfo.xml"
icon_file="$share/icons/hicolor/256x256/apps/$APP_ID.png"

refresh_desktop() {
    # Menus and icon themes notice the change at once. An icon cache is refreshed only where
    # one exists: a new one would hide the icons other programs add later.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if [ -f "$share/icons/hicolor/icon-theme.cache" ] &&
        command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
    else
        touch "$share/icons/hicolor" 2>/dev/null || true
    fi
}

# The command in $bin_dir is ours only when it points into $app_dir: a copy of ee-desktop
# installed another way (pipx, pip) keeps its own.
launcher="$bin_dir/ee-desktop"
launcher_is_ours() {
    [ -L "$launcher" ] && [ "$(readlink "$launcher")" = "$app_dir/ee-desktop" ]
}

if [ "$action" = uninstall ]; then
    rm -rf "$app_dir"
    if launcher_is_ours; then rm -f "$launcher"; fi
    rm -f "$desktop_file" "$metainfo_file" "$icon_file"
    refresh_desktop
    echo "ee-desktop was removed. Your personal files are still in"
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/ee-desktop; delete that folder too if you no longer need them."
    exit 0
fi

if [ ! -x "$here/ee-desktop/ee-desktop" ]; then
    echo "install.sh: run it from the unpacked ee-desktop folder (ee-desktop/ee-desktop is missing)." >&2
    exit 1
fi

# Copy beside the old version, then swap, so a failed copy leaves the old one working.
mkdir -p "$(dirname "$app_dir")" "$bin_dir" "$(dirname "$desktop_file")" \
    "$(dirname "$metainfo_file")" "$(dirname "$icon_file")"
rm -rf "$app_dir.new"
cp -R "$here/ee-desktop" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
if [ ! -e "$launcher" ] && [ ! -L "$launcher" ] || launcher_is_ours; then
    ln -sfn "$app_dir/ee-desktop" "$launcher"
else
    echo "($launcher is another program and was left alone.)"
fi

# The menu entry runs the installed program by its full path, quoted as desktop entries
# require: " ` $ and \ take a backslash inside the quotes, then every backslash is doubled
# (the rule for all string values). For sed, \ & and | are escaped once more.
program="$app_dir/ee-desktop"
quoted=$(printf '%s' "$program" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/^/"/' -e 's/$/"/')
quoted_for_sed=$(printf '%s' "$quoted" | sed -e 's/[\\&|]/\\&/g')
tryexec_for_sed=$(printf '%s' "$program" | sed -e 's/\\/\\\\/g' -e 's/[\\&|]/\\&/g')
sed -e "s|^Exec=ee-desktop|Exec=$quoted_for_sed|" \
    -e "s|^TryExec=ee-desktop|TryExec=$tryexec_for_sed|" \
    "$here/share/applications/$APP_ID.desktop" > "$desktop_file"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$metainfo_file"
cp "$here/share/icons/hicolor/256x256/apps/$APP_ID.png" "$icon_file"
refresh_desktop

echo "ee-desktop is installed: open it from your applications menu, or run $launcher."
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "($bin_dir is not on your PATH: the menu entry works all the same.)" ;;
esac
