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
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, NoReturn

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


def fork_safe() -> bool:
    """Whether a child process may be forked to do a piece of work beside this one: on
    Linux (fork without exec is unsafe or missing elsewhere), from a process running one
    thread as the system counts them (a library's native threads too: a child forked
    from several can wait forever for a lock another thread held), whose children are
    not reaped behind its back (SIGCHLD ignored would free a child's PID for reuse
    before this process is done with it)."""
    if sys.platform != "linux" or signal.getsignal(signal.SIGCHLD) == signal.SIG_IGN:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Every signal held back while the block runs (a cleanup that must not be cut
    short), delivered when it is done; a Ctrl-C that came as the block began too."""
    interrupted = False
    while True:
        try:
            # The mask as it is (nothing changed); Python delivers a signal that came
            # before after this call, so it is asked again.
            old = signal.pthread_sigmask(signal.SIG_BLOCK, ())
            break
        except KeyboardInterrupt:
            interrupted = True
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    except KeyboardInterrupt:
        interrupted = True  # raised after the mask changed: every signal is held now
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)  # one held back arrives here
        if interrupted:
            raise KeyboardInterrupt


@contextlib.contextmanager
def beside(work: Callable[[], bytes]) -> Iterator[Callable[[], bytes | None]]:
    """Run ``work`` in a forked child process while the block runs in this one.

    The block gets a function that waits for the bytes ``work`` returned (which must
    not be empty) and gives None when no child could be forked (see :func:`fork_safe`)
    or the child failed: the caller then does the work itself. The child holds every
    signal, so a Ctrl-C is this process's alone; it is killed by the kernel if this
    process dies, writes nothing to the caller's output, never returns into the caller's
    code, and is killed (when it has not answered) and reaped whatever way the block
    ends.
    """
    if not fork_safe():
        yield lambda: None
        return
    read, write = os.pipe()
    pid = -1
    answer: list[bytes | None] = []
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, ())
        try:
            signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
            try:
                pid = os.fork()
            except OSError:
                pid = -1
            if pid == 0:
                _child(work, read, write)
        finally:
            if pid != 0:
                os.close(write)
                write = -1
                signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a held Ctrl-C arrives

        def result() -> bytes | None:
            if pid < 0:
                return None
            if not answer:
                chunks = []
                while chunk := os.read(read, 1 << 16):
                    chunks.append(chunk)
                answer.append(b"".join(chunks) or None)  # nothing: the child failed
            return answer[0]

        yield result
    finally:
        with signals_held():
            if write >= 0:
                os.close(write)
            os.close(read)
            if pid > 0:
                if not answer:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)


def _child(work: Callable[[], bytes], read: int, write: int) -> NoReturn:
    """The child of :func:`beside`: its work's bytes into ``write``, then the end;
    no answer when it could outlive its parent (or already has)."""
    status = 1
    try:
        parent = os.getppid()
        os.close(read)
        if _set_pdeathsig(signal.SIGKILL) and os.getppid() == parent:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            data = memoryview(work())
            while data:
                data = data[os.write(write, data) :]
            status = 0
    except BaseException:
        status = 1  # whatever happens, the child ends here: never in the caller's code
    finally:
        os._exit(status)
