#!/usr/bin/env bash
# Builds a one-folder bundle in dist/ar-desktop/ (run the program as dist/ar-desktop/ar-desktop),
# then checks that the bundle starts and answers on the command line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.10,<7"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build installer/ar_desktop.spec
check_db="$(mktemp -d)/check.ardb"
QT_QPA_PLATFORM=offscreen dist/ar-desktop/ar-desktop --db "$check_db" demo
QT_QPA_PLATFORM=offscreen dist/ar-desktop/ar-desktop --db "$check_db" aging --as-of "$(date +%F)" --format csv | tail -1
echo "bundle ready: dist/ar-desktop/"
