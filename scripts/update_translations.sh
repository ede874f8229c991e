#!/usr/bin/env bash
# Extract the interface strings into the translation source and compile it for the program.
#   1. pyside6-lupdate scans every .py file under ar_desktop/ui, services, domain and storage (for the
#      translate("Messages", ...) templates of domain/text.py) and merges the
#      strings into resources/i18n/ar_desktop_zh_CN.ts; existing translations are kept, new
#      strings arrive as type="unfinished", strings gone from the code are marked vanished.
#   2. pyside6-lrelease compiles the .ts into the .qm the program loads at run time.
# Translate the unfinished messages (Qt Linguist, or any editor) and run this again; commit both
# files. tests/ui/test_translation.py fails while a message is untranslated or the .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${VENV:-.venv}/bin"
TS=resources/i18n/ar_desktop_zh_CN.ts
QM=resources/i18n/ar_desktop_zh_CN.qm
mkdir -p resources/i18n

"$BIN/pyside6-lupdate" -extensions py -recursive -locations none -no-obsolete \
    -source-language en -target-language zh_CN ar_desktop/ui ar_desktop/services ar_desktop/domain ar_desktop/storage -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"

unfinished=$(grep -c 'type="unfinished"' "$TS" || true)
if [ "$unfinished" -gt 0 ]; then
    echo "$unfinished message(s) still to translate in $TS" >&2
fi
