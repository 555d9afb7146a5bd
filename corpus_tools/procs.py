"""Process lifetime: workers end with the run that started them, and Ctrl-C waits for the
few steps that must not be cut in half.

A worker process blocked on a pipe nobody reads does not notice that the main process
was killed (the OOM killer, ``kill -9``, a CI runner stopping only the main process);
measured before this module, two of every three such kills left both workers alive.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import Any

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_WATCH_INTERVAL = 0.25


def _set_pdeathsig(sig: int) -> bool:
    import ctypes  # only workers need it

    try:
        # The interpreter itself is linked against libc: no library search (find_library
        # would run ldconfig in every worker).
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, sig, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_INTERVAL)
    os._exit(1)


def die_with_parent() -> None:
    """In a worker process: end as soon as the process that started it ends.

    Linux: the kernel sends SIGKILL (``PR_SET_PDEATHSIG``); elsewhere a daemon thread
    watches the parent PID. Either way the parent may already be gone by the time this
    runs, so the parent PID is checked once after arming.
    """
    import multiprocessing  # here: a run answered from the cache starts no worker

    parent = multiprocessing.parent_process()
    expected = parent.pid if parent is not None else os.getppid()
    armed = sys.platform.startswith("linux") and _set_pdeathsig(signal.SIGKILL)
    if not armed:
        threading.Thread(target=_watch, args=(expected,), daemon=True).start()
    if os.getppid() != expected:
        os._exit(1)


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back until the block is done, then deliver it.

    For steps that must finish once begun, such as switching an export folder; a
    KeyboardInterrupt in the middle would leave the undo to the next run.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    caught: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        caught.append(signum)

    previous: Any = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        if callable(previous):
            previous(signal.SIGINT, None)
        elif previous == signal.SIG_DFL:
            os.kill(os.getpid(), signal.SIGINT)
