"""Running the real `ar-desktop` program in a subprocess, as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ENTRY = Path(sys.executable).parent / "ar-desktop"


def run(*args, module: bool = False) -> subprocess.CompletedProcess:
    """``ar-desktop ARGS`` (or ``python -m ar_desktop ARGS`` with ``module``) with no display."""
    cmd = [sys.executable, "-m", "ar_desktop", *args] if module or not ENTRY.exists() else [str(ENTRY), *args]
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    # A worktree sharing another checkout's editable install names its own sources this way.
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)


def ok(*args, **kw) -> str:
    r = run(*args, **kw)
    assert r.returncode == 0, r.stderr
    return r.stdout


def one_line_error(r: subprocess.CompletedProcess) -> str:
    """The contract: a non-zero exit and one line on stderr saying what is wrong."""
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def error(*args) -> str:
    return one_line_error(run(*args))
