#!/usr/bin/env bash
# Builds dist/ar-desktop_VERSION_ARCH.deb from the PyInstaller bundle (installer/build.sh):
#   /opt/ar-desktop/            the bundle (Python, Qt and the program's resources inside)
#   /usr/bin/ar-desktop         the command (window, or the command line with a subcommand)
#   /usr/share/applications/    the menu entry (Office), which opens .ardb files
#   /usr/share/mime/packages/   the .ardb file type (by name, and by content: SQLite + application id)
#   /usr/share/icons/hicolor/   the icon, SVG and PNG sizes
# Removing the package removes all of these; company files and backups are never touched.
# Usage: installer/build_deb.sh [--reuse-bundle]   (--reuse-bundle: package dist/ar-desktop as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--reuse-bundle" ] || [ ! -x dist/ar-desktop/ar-desktop ]; then
    bash installer/build.sh
fi
version=$(.venv/bin/python -c "import ar_desktop; print(ar_desktop.__version__)")
arch=$(dpkg --print-architecture)
name="ar-desktop_${version}_${arch}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/$name"
share="$root/usr/share"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$share/applications" "$share/mime/packages" \
         "$share/icons/hicolor/scalable/apps" "$share/doc/ar-desktop"
cp -a dist/ar-desktop "$root/opt/ar-desktop"
ln -s /opt/ar-desktop/ar-desktop "$root/usr/bin/ar-desktop"
install -m 644 installer/debian/ar-desktop.desktop "$share/applications/ar-desktop.desktop"
install -m 644 installer/debian/ar-desktop-mime.xml "$share/mime/packages/ar-desktop.xml"
install -m 644 resources/icons/ar-desktop.svg "$share/icons/hicolor/scalable/apps/ar-desktop.svg"
for png in resources/icons/png/ar-desktop-*.png; do
    size=$(basename "$png" .png); size=${size##*-}
    install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/ar-desktop.png"
done
cat > "$share/doc/ar-desktop/copyright" <<COPYRIGHT
AR Desktop ${version}: receivables and collections for bookkeepers.
Bundled: Python, Qt for Python (PySide6, LGPL-3.0), SQLAlchemy and Alembic (MIT), ReportLab (BSD),
openpyxl (MIT), pypdfium2 and PDFium (Apache-2.0 / BSD), WenQuanYi Micro Hei (Apache-2.0 / GPL-3.0).
COPYRIGHT
gzip -9n -c > "$share/doc/ar-desktop/changelog.gz" <<CHANGES
ar-desktop (${version}) stable; urgency=medium

  * Built from $(git rev-parse --short HEAD 2>/dev/null || echo "a source tree") on $(date -u +%F).
CHANGES
install -m 755 installer/debian/postinst installer/debian/postrm "$root/DEBIAN/"
# The bundle carries Qt and Python; the system gives the display, OpenGL, fonts and D-Bus libraries.
cat > "$root/DEBIAN/control" <<CONTROL
Package: ar-desktop
Version: ${version}
Architecture: ${arch}
Maintainer: AR Desktop <ar-desktop@example.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6 (>= 2.31), libegl1, libgl1, libdrm2, libglib2.0-0, libfontconfig1, libfreetype6, libdbus-1-3,
 libxkbcommon0, libxkbcommon-x11-0, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0,
 libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1
Recommends: cups-client, shared-mime-info, desktop-file-utils, libgtk-3-0, libwayland-client0, libwayland-cursor0,
 libwayland-egl1
Section: office
Priority: optional
Description: receivables and collections for bookkeepers, offline
 AR Desktop keeps customers, invoices and payments of each client company in a local file,
 shows who is overdue, tells the next step of the collection ladder for each account, and
 prints demand letters (English and Chinese) ready for registered mail, with the proof of
 posting logged.
CONTROL
mkdir -p dist
dpkg-deb --build --root-owner-group "$root" "dist/${name}.deb" >/dev/null
echo "package ready: dist/${name}.deb ($(du -h "dist/${name}.deb" | cut -f1))"
