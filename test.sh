#!/usr/bin/env bash
# Sets everything up and runs the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
bash scripts/start_print_queue.sh
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="qt.qpa.*=false"
.venv/bin/lint-imports
exec .venv/bin/python -m pytest "$@"
