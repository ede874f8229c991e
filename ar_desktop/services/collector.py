"""Python's cyclic garbage collector held off while a use case builds many objects that all live until it returns.

The worklist (~100,000 inputs, statuses and rows on a million-invoice file) and a payments import's quick-lane batch
make no cycles, but each full pass of the collector would walk them all again (a quarter of the worklist's CPU).
Memory is still freed by reference counting; the collector resumes (if it ran before) when the block ends or fails.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
