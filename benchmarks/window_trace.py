"""Where the window's CPU goes from the file open to the whole Overview on screen (not a test): one fresh window
process per run, opened as ``overview_speed.py --parts window`` does, with each background job's own thread CPU,
the GUI thread's CPU in each part's showing and in the paints, a timeline and the modules imported meanwhile.

    .venv/bin/python benchmarks/window_trace.py --file PATH [--runs 2] [--profile DIR]

``--profile DIR`` writes a cProfile of each background job and of the GUI thread (``pstats`` files) to DIR.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def trace(path: Path, profile: Path | None) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from overview_speed import gui_figures

    import ar_desktop.ui.tasks as tasks
    from ar_desktop.ui.main_window import MainWindow
    from ar_desktop.ui.overview_tab import OverviewTab
    from PySide6.QtCore import QEvent

    jobs: list[dict] = []
    gui: dict[str, float] = {}
    marks: dict[str, tuple] = {}
    paints: list[tuple] = []
    arrivals: list[tuple] = []
    modules_at_open: set[str] = set()
    run = tasks._Job.run
    collections: list[tuple] = []
    started: dict[int, tuple] = {}

    def collected(phase, info):   # every garbage collection: its generation, thread and CPU
        if phase == "start":
            started[threading.get_ident()] = (time.perf_counter(), time.thread_time())
        elif threading.get_ident() in started:
            w, c = started.pop(threading.get_ident())
            collections.append((info["generation"], threading.current_thread() is threading.main_thread(), w,
                                time.perf_counter(), time.thread_time() - c))
    gc.callbacks.append(collected)

    def timed_run(self):
        fn = self.fn
        name = getattr(fn, "__qualname__", repr(fn))
        try:   # the Overview's jobs are lambdas in OverviewTab._start: name them by the part
            name = next(p for p in ("figures", "trend", "forecast", "actions") if p in fn.__code__.co_names
                        or f"_{p}" in fn.__code__.co_names) if "_start" in name else name
        except StopIteration:
            pass
        w0, c0 = time.perf_counter(), time.thread_time()
        prof = cProfile.Profile(time.thread_time) if profile else None
        if prof:
            prof.enable()
        try:
            run(self)
        finally:
            if prof:
                prof.disable()
                prof.dump_stats(str(profile / f"job-{name}-{threading.get_ident()}.pstats"))
            jobs.append({"job": name, "start": w0, "end": time.perf_counter(), "cpu": time.thread_time() - c0})

    tasks._Job.run = timed_run

    for part in ("figures", "trend", "forecast", "actions"):
        original = getattr(OverviewTab, f"_show_{part}")

        def shown(self, result, original=original, part=part):
            w, c = time.perf_counter(), time.thread_time()
            original(self, result)
            gui[f"show {part}"] = time.thread_time() - c
            arrivals.append((part, w, time.perf_counter()))
        setattr(OverviewTab, f"_show_{part}", shown)

    open_file = MainWindow.open_file

    gui_prof = cProfile.Profile(time.thread_time) if profile else None

    def timed_open(self, p):
        ok = open_file(self, p)
        if gui_prof:   # the GUI thread from the file open to the window's closing
            gui_prof.enable()
        marks["open"] = (time.perf_counter(), time.thread_time())
        modules_at_open.update(sys.modules)
        return ok
    MainWindow.open_file = timed_open

    def event(self, e):
        if e.type() != QEvent.Type.UpdateRequest:
            return super(MainWindow, self).event(e)
        w, c = time.perf_counter(), time.thread_time()
        handled = super(MainWindow, self).event(e)
        # (end, the GUI thread's CPU then, the paint's CPU, modules loaded, start)
        paints.append((time.perf_counter(), time.thread_time(), time.thread_time() - c, len(sys.modules), w))
        return handled
    MainWindow.event = event

    close = MainWindow.closeEvent

    def closing(self, e):
        if gui_prof:
            gui_prof.disable()
            gui_prof.dump_stats(str(profile / "gui.pstats"))
        close(self, e)
    MainWindow.closeEvent = closing
    figures = gui_figures(path)
    t1, g1 = marks["open"]
    whole = figures.get("window: whole Overview on screen, after the file is open")
    last = next(p for p in paints if p[0] - t1 >= whole[0] - 1e-6) if whole else paints[-1]
    return {
        "figures": figures,
        "jobs": [{**j, "start": j["start"] - t1, "end": j["end"] - t1} for j in sorted(jobs, key=lambda j: j["start"])
                 if j["start"] < last[0]],
        "gui": {**gui, "paints": sum(p[2] for p in paints if t1 <= p[0] <= last[0]),
                "paint count": sum(1 for p in paints if t1 <= p[0] <= last[0]), "thread": last[1] - g1},
        "modules": sorted(set(sys.modules) - modules_at_open)[:400],
        "module count": [len(modules_at_open), last[3]],
        "timeline": sorted([(f"arrived {p}", a - t1, b - t1) for p, a, b in arrivals]
                           + [("paint", p[4] - t1, p[0] - t1) for p in paints if t1 <= p[0] <= last[0]]
                           + [(f"job {j['job']}", j["start"] - t1, j["end"] - t1) for j in jobs]
                           + [(f"gc gen {g} {'GUI' if m else 'worker'} {c * 1000:.0f} ms CPU", a - t1, b - t1)
                              for g, m, a, b, c in collections if t1 <= a <= last[0]], key=lambda x: x[2]),
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--file", type=Path, required=True)
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--profile", type=Path)
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--timeline", action="store_true", help="every job, part shown and paint, by end time")
    p.add_argument("--modules", action="store_true", help="list the modules imported after the file opened")
    args = p.parse_args()
    if args.child:
        if args.profile:
            args.profile.mkdir(parents=True, exist_ok=True)
        print(json.dumps(trace(args.file, args.profile)))
        return 0
    for _ in range(args.runs):
        r = subprocess.run([sys.executable, __file__, "--child", "--file", str(args.file),
                            *(["--profile", str(args.profile)] if args.profile else [])],
                           stdout=subprocess.PIPE, text=True, check=True)
        t = json.loads(r.stdout.strip().splitlines()[-1])
        print(f"load {os.getloadavg()[0]:.1f}")
        for k, (wall, cpu) in t["figures"].items():
            if "peak RSS" in k:
                print(f"  {k:<72} {wall:8.0f} MB")
            else:
                print(f"  {k:<72} {wall * 1000:8.0f} ms wall {cpu * 1000:8.0f} ms CPU")
        for j in t["jobs"]:
            print(f"  job {j['job']:<30} {j['start'] * 1000:7.0f} -> {j['end'] * 1000:7.0f} ms wall, "
                  f"{j['cpu'] * 1000:6.0f} ms thread CPU")
        for k, v in t["gui"].items():
            print(f"  GUI {k:<30} {v * 1000 if k != 'paint count' else v:7.0f}")
        if args.timeline:
            for what, a, b in t["timeline"]:
                print(f"    {what:<40} {a * 1000:7.0f} -> {b * 1000:7.0f} ms")
        print(f"  modules: {t['module count'][0]} at open, {t['module count'][1]} at the whole Overview")
        if args.modules:
            print("   ", " ".join(t["modules"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
