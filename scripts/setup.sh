#!/usr/bin/env bash
# Sets up everything AR Desktop needs on a Debian machine: system packages (when run as root
# or with sudo), a virtual environment in .venv and the program with its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # Qt's xcb platform and fonts for a real window; Xvfb for screenshots
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 xvfb
  # the Chinese font the interface and letters use, PDF read-back, a real print queue
  fonts-wqy-microhei poppler-utils cups printer-driver-cups-pdf
  # decoding the payment QR code printed on letters, in the tests
  zbar-tools
)

PY=${PYTHON:-python3}
# Debian's own Python needs python3-venv (ensurepip) to create a virtual environment.
if ! "$PY" -c "import ensurepip, venv" >/dev/null 2>&1; then
  SYSTEM_PACKAGES+=(python3-venv)
fi

missing=()
for p in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "warning: cannot install system packages (${missing[*]}): run as root or install sudo" >&2
  else
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
