"""The lock of an export folder: one writer or many readers, never silent when busy.

The lock file lives in ``.corpus-state/`` beside the folder (``exports`` ->
``.corpus-state/exports.lock``), not inside it and not in ``.corpus-cache/``: a cache
restored by CI or skipped with ``--no-cache`` must never change who may write.

It is a POSIX record lock (``fcntl.lockf``), not ``flock``: record locks belong to the
process, so worker processes forked while it is held do not hold it (an inherited
``flock`` kept every later export waiting forever once the main process was killed),
and the kernel drops it the moment its holder dies, so a dead holder's lock is simply
taken over. The exclusive holder writes who it is into the file (PID, command, since
when), so that a run that has to wait says at once what it is waiting for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import shlex
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus_tools.errors import OutputError

STATE_DIR = ".corpus-state"
# Long enough for any export of a large corpus to finish, short enough that a CI job
# stuck behind a forgotten process fails with a message instead of timing out mute.
DEFAULT_TIMEOUT = 600.0

Notify = Callable[[str], None]


class LockTimeout(OutputError):
    """The folder stayed locked by another run for longer than the time allowed."""


def state_path(folder: Path | str, kind: str) -> Path:
    """Where ``folder``'s ``kind`` (``lock``, ``journal``) lives: ``.corpus-state/`` beside it.

    Resolved, so that two runs naming one folder by different paths share one lock.
    """
    real = Path(os.path.realpath(folder))
    return real.parent / STATE_DIR / f"{real.name or 'root'}.{kind}"


@dataclass
class _Held:
    fd: int
    shared: bool
    count: int


# Locks this process holds, by lock file. POSIX record locks belong to the process, and
# closing *any* descriptor of the file drops them all: a nested acquisition must reuse
# the descriptor it already has, never open and close a second one.
_HELD: dict[str, _Held] = {}
_GUARD = threading.Lock()


def _forget_in_child() -> None:
    # A forked child (a worker) does not hold its parent's record locks; it must not keep
    # their descriptors either, nor believe it holds them.
    for held in _HELD.values():
        with contextlib.suppress(OSError):
            os.close(held.fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def _open(path: Path, shared: bool) -> int | None:
    """A descriptor of the lock file; None when a reader cannot create it (a read-only
    checkout: nobody can be writing there through this tool either)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
    for _ in range(10):
        try:
            path.parent.mkdir(exist_ok=True)
            ignore = path.parent / ".gitignore"
            if not ignore.exists():
                # Like .corpus-cache/: never shows up as untracked in a corpus repository.
                ignore.write_text("*\n", encoding="utf-8")
            return os.open(path, flags, 0o666)
        except FileNotFoundError:
            continue  # the last holder removed the folder just now: make it again
        except OSError as exc:
            if not shared or exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise OutputError(
                    path, f"cannot open the lock file: {exc.strerror or exc}"
                ) from exc
            break
    try:
        # Someone else's lock file: a shared lock needs only read access.
        return os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None


def _current(fd: int, path: Path) -> bool:
    """True when ``fd`` is still the file at ``path``: the last holder removes the lock
    file, and a lock on a removed file locks nothing."""
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def _tidy(fd: int, path: Path) -> None:
    """On release: when no one else holds or waits on the lock file, remove it (and the
    state folder, if nothing else is left in it), so clean runs leave nothing behind."""
    try:
        # Succeeds only when this process is the only holder (a shared lock converts).
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.unlink(path)
    with contextlib.suppress(OSError):
        if set(os.listdir(path.parent)) <= {".gitignore"}:
            os.unlink(path.parent / ".gitignore")
            os.rmdir(path.parent)


def _proc_command(pid: int) -> str | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return _short_command([a.decode(errors="replace") for a in raw.split(b"\0") if a])


def _short_command(argv: list[str]) -> str:
    if not argv:
        return "?"
    head = argv[0]
    ours = os.path.join("corpus_tools", "__main__.py")
    if head.endswith(ours) or (len(argv) > 2 and argv[1:3] == ["-m", "corpus_tools"]):
        rest = argv[1:] if head.endswith(ours) else argv[3:]
        argv = ["corpus", *rest]
    else:
        argv = [os.path.basename(head), *argv[1:]]
    text = shlex.join(argv)
    return text if len(text) <= 200 else text[:199] + "…"


def _kernel_holder(fd: int, shared: bool) -> tuple[int, bool] | None:
    """PID of a process holding a conflicting lock, and whether that lock is shared (Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    want = fcntl.F_RDLCK if shared else fcntl.F_WRLCK
    # struct flock on Linux: short l_type, short l_whence, off_t l_start, off_t l_len,
    # pid_t l_pid (native alignment; off_t is 64-bit in CPython builds).
    layout = "hhqqi"
    try:
        raw = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(layout, want, os.SEEK_SET, 0, 0, 0))
    except OSError:
        return None
    kind, _, _, _, pid = struct.unpack(layout, raw[: struct.calcsize(layout)])
    if kind == fcntl.F_UNLCK or pid <= 0:
        return None
    return pid, kind == fcntl.F_RDLCK


def _read_info(fd: int) -> dict[str, object]:
    try:
        first = os.pread(fd, 4096, 0).split(b"\n", 1)[0]
        info = json.loads(first) if first else {}
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _describe(info: dict[str, object], pid: int | None = None, reading: bool = False) -> str:
    """``PID 12 (corpus export --root .), since 2025-11-27 09:00:03 UTC``."""
    if pid is None:
        noted = info.get("pid")
        pid = noted if isinstance(noted, int) else None
    if pid is None:
        return "another process"
    mine = info.get("pid") == pid
    command = info.get("command") if mine else _proc_command(pid)
    text = f"PID {pid}"
    if command:
        text += f" ({command})"
    since = info.get("since") if mine and not reading else None
    if isinstance(since, str):
        text += f", since {since}"
    return text


def holder(fd: int, shared: bool) -> str:
    """Who holds the lock ``fd`` could not get, in words."""
    info = _read_info(fd)
    found = _kernel_holder(fd, shared)
    if found is None:
        return f"locked by {_describe(info)}"
    pid, reading = found
    if reading:
        return f"being read by {_describe(info, pid, reading=True)}"
    return f"locked by {_describe(info, pid)}"


def _acquire(
    path: Path,
    folder: Path,
    shared: bool,
    timeout: float,
    notify: Notify | None,
    limit: float,
) -> int | None:
    """Open and lock the lock file, waiting up to ``timeout``; its descriptor."""
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    deadline = time.monotonic() + timeout
    told = False
    pause = 0.005
    fd = _open(path, shared)
    while fd is not None:
        try:
            fcntl.lockf(fd, mode | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                os.close(fd)
                raise OutputError(folder, f"cannot lock: {exc.strerror or exc}") from exc
        else:
            if _current(fd, path):
                return fd
            os.close(fd)  # locked a file the last holder removed: take the new one
            fd = _open(path, shared)
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            who = holder(fd, shared)
            os.close(fd)
            raise LockTimeout(
                folder,
                f"{who}; gave up after {limit:g} s (--lock-timeout); run again when it has finished",
            )
        if not told and notify is not None:
            notify(f"{folder} is {holder(fd, shared)}; waiting up to {limit:g} s (--lock-timeout)")
            told = True
        # Polled, not a blocking F_SETLKW: the wait must end at the deadline, and a
        # blocking call cannot be given one.
        time.sleep(min(pause, left))
        pause = min(pause * 2, 0.1)
    return None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _claim(fd: int, folder: Path, notify: Notify | None) -> None:
    """Write who holds the lock now; say so when a dead holder's note is found there."""
    left = _read_info(fd)
    if left and left.get("pid") != os.getpid() and notify is not None:
        notify(
            f"the lock on {folder} was left by {_describe(left)}, which ended without "
            "releasing it (killed or crashed); taken over"
        )
    note = {"pid": os.getpid(), "command": _short_command(sys.argv), "since": _now()}
    line = (json.dumps(note, ensure_ascii=False) + "\n").encode("utf-8")
    # Written over the old note and then cut, never emptied first: a waiting run that
    # reads the first line in between finds a whole note.
    os.pwrite(fd, line, 0)
    os.ftruncate(fd, len(line))


@contextlib.contextmanager
def folder_lock(
    folder: Path | str,
    *,
    shared: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    notify: Notify | None = None,
    limit: float | None = None,
) -> Iterator[None]:
    """Hold ``folder``'s lock: exclusive (one writer) or ``shared`` (readers).

    A run that has to wait calls ``notify`` once, at once, with who holds the lock;
    after ``timeout`` seconds (0: do not wait) it raises ``LockTimeout``. ``limit`` is
    the time limit the messages name, when the caller waits in several steps. Nested use in
    one process is allowed (a shared lock inside an exclusive one is a no-op); threads
    of one process share its locks.
    """
    folder = Path(folder)
    path = state_path(folder, "lock")
    key = os.fspath(path)
    with _GUARD:
        held = _HELD.get(key)
        if held is not None:
            if held.shared and not shared:
                raise RuntimeError(f"{folder}: lock upgrade from shared to exclusive (a bug)")
            held.count += 1
    if held is not None:
        try:
            yield
        finally:
            with _GUARD:
                held.count -= 1
        return
    fd = _acquire(path, folder, shared, timeout, notify, timeout if limit is None else limit)
    if fd is None:
        yield
        return
    try:
        if not shared:
            _claim(fd, folder, notify)
        with _GUARD:
            _HELD[key] = _Held(fd, shared, 1)
        yield
    finally:
        with _GUARD:
            _HELD.pop(key, None)
        if not shared:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)  # a released lock names no holder
        _tidy(fd, path)
        with contextlib.suppress(OSError):
            fcntl.lockf(fd, fcntl.LOCK_UN)
        os.close(fd)


def held_here(folder: Path | str) -> bool:
    """True when this process holds ``folder``'s lock exclusively."""
    held = _HELD.get(os.fspath(state_path(folder, "lock")))
    return held is not None and not held.shared
