#!/usr/bin/env bash
# Installs the Debian package into a throwaway root (dpkg --root, its own dpkg database, maintainer
# scripts run with DPKG_ROOT), checks the menu entry, icon and .ardb file type, starts the program
# from it (command line, then the window under Xvfb), removes and purges it and checks nothing of it
# is left while the user's company file is. Slow (it builds the bundle): not part of test.sh.
# Usage: installer/test_deb.sh [PACKAGE.deb]      (default: build it with installer/build_deb.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-}
if [ -z "$deb" ]; then
    bash installer/build_deb.sh "${REUSE_BUNDLE:+--reuse-bundle}"
    deb=$(ls -t dist/ar-desktop_*.deb | head -1)
fi
deb=$(realpath "$deb")
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# 1. What the package holds
contents=$(dpkg-deb --contents "$deb")
for f in ./opt/ar-desktop/ar-desktop ./usr/bin/ar-desktop ./usr/share/applications/ar-desktop.desktop \
         ./usr/share/mime/packages/ar-desktop.xml ./usr/share/icons/hicolor/scalable/apps/ar-desktop.svg \
         ./usr/share/icons/hicolor/48x48/apps/ar-desktop.png ./usr/share/icons/hicolor/256x256/apps/ar-desktop.png; do
    grep -q " $f" <<<"$contents" || fail "the package has no $f"
done
ok "the package holds the program, the command, the menu entry, the file type and the icons"
if ! command -v desktop-file-validate >/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends desktop-file-utils >/dev/null || true
fi
if command -v desktop-file-validate >/dev/null; then
    tmpdesk=$(mktemp -d)
    dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmpdesk" ./usr/share/applications/ar-desktop.desktop
    desktop-file-validate "$tmpdesk/usr/share/applications/ar-desktop.desktop" || fail "the menu entry is invalid"
    ok "the menu entry passes desktop-file-validate"
fi

# 2. Install into a throwaway root with its own dpkg database
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/usr/share/mime/packages" "$root/home/user"
touch "$root/var/lib/dpkg/status"
# the root stands for a desktop system: shared-mime-info's own types are there (so removing ours
# leaves a database without it, not an empty folder)
cp /usr/share/mime/packages/freedesktop.org.xml "$root/usr/share/mime/packages/" 2>/dev/null || true
dpkg_root=(dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root)
# (the empty root has none of the libraries the package depends on: dpkg says so, --force-depends goes on)
dpkg_log=$(mktemp)
"${dpkg_root[@]}" -i "$deb" >"$dpkg_log" 2>&1 || { cat "$dpkg_log" >&2; fail "dpkg -i failed"; }
"${dpkg_root[@]}" -s ar-desktop | grep -q "^Status: install ok installed" || fail "not installed"
ok "installed into $root"
grep -q "^application/x-ar-desktop-company:\*\.ardb" "$root/usr/share/mime/globs" 2>/dev/null \
    || grep -q "x-ar-desktop-company" "$root/usr/share/mime/globs2" || fail "the .ardb file type is not registered"
ok "postinst registered the .ardb file type (globs and magic in the root's MIME database)"

# 3. Start it from the root: the command line, then the window
app="$root/opt/ar-desktop/ar-desktop"
company="$root/home/user/Sample Company.ardb"
QT_QPA_PLATFORM=offscreen "$app" --db "$company" demo >/dev/null
QT_QPA_PLATFORM=offscreen "$app" --db "$company" aging --as-of "$(date +%F)" --format csv | head -1 \
    | grep -q "^customer_code," || fail "the installed program did not answer on the command line"
ok "the installed program runs: demo company built, aging report printed"
if command -v gio >/dev/null; then
    type=$(XDG_DATA_DIRS="$root/usr/share:/usr/share" gio info -a standard::content-type "$company" 2>/dev/null \
           | sed -n 's/.*standard::content-type: //p')
    cp "$company" "$root/home/user/renamed.bin"
    sniffed=$(XDG_DATA_DIRS="$root/usr/share:/usr/share" gio info -a standard::content-type \
              "$root/home/user/renamed.bin" 2>/dev/null | sed -n 's/.*standard::content-type: //p')
    [ "$type" = "application/x-ar-desktop-company" ] || fail "a .ardb file is seen as '$type'"
    [ "$sniffed" = "application/x-ar-desktop-company" ] || fail "a renamed company file is seen as '$sniffed'"
    ok "file managers see .ardb files (by name and by content) as AR Desktop company files"
fi
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
    log=$(mktemp)
    export HOME="$root/home/user"
    xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
        "$0" --open "$1" 2>"$2" & pid=$!
        for _ in $(seq 1 60); do
            if xwininfo -root -tree | grep -q "Harbour Line Trading GmbH — AR Desktop"; then
                echo WINDOW; kill $pid; wait $pid 2>/dev/null; exit 0
            fi
            sleep 0.5
        done
        kill $pid 2>/dev/null; exit 1' "$app" "$company" "$log" | grep -q WINDOW \
        || { cat "$log" >&2; fail "the window did not open"; }
    ok "the installed program opens its window on the company file (Xvfb, 1366×768)"
fi

# 4. Remove and purge: nothing of the program is left, the company file is
"${dpkg_root[@]}" -r ar-desktop >"$dpkg_log" 2>&1 || { cat "$dpkg_log" >&2; fail "dpkg -r failed"; }
"${dpkg_root[@]}" -P ar-desktop >"$dpkg_log" 2>&1 || { cat "$dpkg_log" >&2; fail "dpkg -P failed"; }
left=$(find "$root/opt" "$root/usr" -name "*ar-desktop*" 2>/dev/null || true)
[ -z "$left" ] || fail "left after removal: $left"
[ -f "$company" ] || fail "the company file was removed with the program"
grep -q "x-ar-desktop-company" "$root/usr/share/mime/globs2" 2>/dev/null && fail "the file type is still registered"
ok "removed and purged: no file of the program left, the file type unregistered, the company file kept"
echo "PASS: $deb"
