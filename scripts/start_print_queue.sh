#!/usr/bin/env bash
# Starts the CUPS scheduler with a PDF printer named "PDF" (cups-pdf), so printing can be tested
# through a real print queue. Needs root; prints a warning and does nothing otherwise.
set -uo pipefail
if [ "$(id -u)" != 0 ]; then
  echo "warning: not root, the test print queue is not started (printing tests will be skipped)" >&2
  exit 0
fi
command -v cupsd >/dev/null || { echo "warning: cups is not installed" >&2; exit 0; }
mkdir -p /run/cups
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  /usr/sbin/cupsd
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
fi
if ! lpstat -p PDF >/dev/null 2>&1; then
  lpadmin -p PDF -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
fi
cupsenable PDF 2>/dev/null || true
cupsaccept PDF 2>/dev/null || true
