#!/usr/bin/env bash
# Sets everything up, builds a sample company file dated around today and opens it.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
SAMPLE="${AR_SAMPLE:-$HOME/AR Desktop/Sample Company.ardb}"
mkdir -p "$(dirname "$SAMPLE")"
# The sample's dates are relative to the day it is built: build it afresh on a new day.
if [ -f "$SAMPLE" ] && [ "$(date -r "$SAMPLE" +%F)" != "$(date +%F)" ]; then
  rm -f "$SAMPLE" "$SAMPLE-wal" "$SAMPLE-shm"
fi
[ -f "$SAMPLE" ] || .venv/bin/ar-desktop --db "$SAMPLE" demo
exec .venv/bin/ar-desktop --open "$SAMPLE"
