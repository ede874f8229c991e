"""What the before/after benchmarks share: the big file they time, a table of timings, and the two
sides, each a child process with its own code first on ``sys.path`` ("before" is a git revision
checked out in a temporary worktree, "after" this checkout)."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ms(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children: on a loaded machine the steadier figure."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def big_file(path: Path | None, invoices: int) -> Path:
    """The company file to time (default /tmp/ar-bench/big-N.ardb), built first when it does not exist."""
    from build_big_file import build, default_path

    path = (path or default_path(invoices)).resolve()
    if not path.exists():
        print(f"{path} does not exist; building it with {invoices:,} invoices", file=sys.stderr, flush=True)
        build(path, invoices)
    return path


class Timings:
    """label -> (first run, median, note, median CPU) in seconds; each figure is also printed to stderr
    as it is measured."""

    def __init__(self, repeat: int):
        self.repeat = repeat
        self.rows: dict[str, tuple] = {}

    def measure(self, label: str, fn, *, repeat: int | None = None, note=None):
        """Run ``fn`` ``repeat`` times; record the first and median seconds; return the last result."""
        times, cpus, result = [], [], None
        for _ in range(repeat or self.repeat):
            t, c = time.perf_counter(), cpu_seconds()
            result = fn()
            times.append(time.perf_counter() - t)
            cpus.append(cpu_seconds() - c)
        self.rows[label] = (times[0], statistics.median(times), note(result) if callable(note) else (note or ""),
                            statistics.median(cpus))
        self.show(label)
        return result

    def show(self, label: str) -> None:
        first, median, _note, cpu = self.rows[label]
        print(f"  {label:<62} {ms(first):>10} {ms(median):>10} cpu {ms(cpu):>10}", file=sys.stderr, flush=True)


def use_checkout(src: Path) -> None:
    """In a side's child process: import ``ar_desktop`` from ``src`` and nowhere else."""
    sys.path.insert(0, str(src))
    import ar_desktop

    if Path(ar_desktop.__file__).resolve().parent.parent != src.resolve():
        raise SystemExit(f"ar_desktop came from {ar_desktop.__file__}, not {src}")


def revision(rev: str) -> str:
    """The short commit id of a git revision of this repository."""
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], capture_output=True, text=True,
                          check=True).stdout.strip()


def before_tree(rev: str) -> Path:
    """The code of ``rev`` in a temporary git worktree (made once per revision)."""
    sha = revision(rev)
    dest = Path(tempfile.gettempdir()) / f"ar-bench-before-{sha}"
    if not (dest / "ar_desktop").is_dir():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(dest), sha], check=True,
                       capture_output=True)
    return dest


def run_side(script: str, name: str, src: Path, path: Path, repeat: int, *extra: str) -> dict:
    """Run ``script --child SRC --file PATH --repeat N EXTRA...`` and return the rows it prints as JSON."""
    print(f"{name}: {src} on {path}", file=sys.stderr, flush=True)
    r = subprocess.run([sys.executable, script, "--child", str(src), "--file", str(path), "--repeat", str(repeat),
                        *extra], stdout=subprocess.PIPE, text=True, timeout=4 * 3600)
    if r.returncode:
        raise SystemExit(f"the {name} side failed")
    return json.loads(r.stdout.strip().splitlines()[-1])


def run_command(src: Path, args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of ``ar-desktop ARGS`` run as its own
    process from the code in ``src`` (Python start included). On a loaded machine the wall time grows
    with the load; the CPU time much less so."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    t = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "ar_desktop", *args], cwd=src, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - t
    err = child.stderr.read()
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"ar-desktop {' '.join(args)} failed in {src}: {err.strip()[:2000]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024
