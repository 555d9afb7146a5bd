"""Switching a folder's files as a whole, through a commit journal kept beside it.

``Staging.commit`` moves many staged files over their targets, one rename each; a kill
between two renames, or a rename that fails, would leave a mix of old and new files.
So before the first rename the whole plan is written durably to
``.corpus-state/<folder>.journal`` (beside the folder, never inside it or in
``.corpus-cache/``): every staged file with its target and the inode it will have there,
and every deletion. Each old target is kept as a hard link (``.corpus-tmp-old-*``) until
the switch is done, so it can be undone.

The next run that takes the folder's lock (``corpus export``, ``export --check``,
``validate``, the library readers, another commit) calls ``recover`` first: it finishes
the switch when every new file is still there (a kill), or undoes it (a failed rename,
or an undo that was itself cut short), and only then reads the folder. Either way the
folder holds the complete old or the complete new files.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus_tools.errors import OutputError
from corpus_tools.locking import (
    DEFAULT_TIMEOUT,
    Notify,
    folder_lock,
    state_path,
)
from corpus_tools.paths import TMP_PREFIX
from corpus_tools.procs import deferred_interrupts

# Format 2: a header line, then a line per move and per deletion (format 1, of earlier
# versions, was one JSON object; it is still read).
_FORMAT = "corpus-tools commit journal 2"
_FORMAT_1 = "corpus-tools commit journal 1"
_CHUNK = 1 << 16  # bytes of the journal written at a time


class SwitchError(OutputError):
    """A switch could not be made; the message says whether the old files are back."""


class JournalError(OutputError):
    """A commit journal that cannot be read or carried out: it needs a person."""


@dataclass(frozen=True, slots=True)
class _Move:
    tmp: str
    target: str
    ino: int  # the staged file's inode: the target has it once the move is done
    backup: str | None  # where the old target is kept meanwhile (None: there was none)


class _Plan:
    """The moves and deletions of one switch, read from its journal file each time they
    are gone through (at 100,000 files, a list of them was a large part of an export's
    memory), or held, for a journal in the first format."""

    def __init__(
        self,
        who: str,
        source: Path | None = None,
        base: str = "",
        moves: list[_Move] | None = None,
        deletions: list[tuple[str, str]] | None = None,
    ) -> None:
        self.who = who
        self._source = source
        self._base = base
        self._moves = moves
        self._deletions = deletions

    def _lines(self) -> Iterator[list[Any]]:
        assert self._source is not None
        base = self._base
        with open(self._source, "rb") as fh:
            fh.readline()  # the header
            for line in fh:
                entry = json.loads(line)
                if entry[0] == "m":
                    _, tmp, target, ino, backup = entry
                    yield [
                        "m",
                        os.path.join(base, tmp),
                        os.path.join(base, target),
                        int(ino),
                        None if backup is None else os.path.join(base, backup),
                    ]
                elif entry[0] == "d":
                    yield ["d", os.path.join(base, entry[1]), os.path.join(base, entry[2])]
                else:
                    raise ValueError(f"unknown entry {entry[0]!r}")

    def moves(self) -> Iterator[_Move]:
        """Every move, in order."""
        if self._moves is not None:
            yield from self._moves
            return
        for entry in self._lines():
            if entry[0] == "m":
                yield _Move(entry[1], entry[2], entry[3], entry[4])

    def deletions(self) -> Iterator[tuple[str, str]]:
        """Every deletion ``(target, where it is kept until the end)``, in order."""
        if self._deletions is not None:
            yield from self._deletions
            return
        for entry in self._lines():
            if entry[0] == "d":
                yield entry[1], entry[2]

    def check(self) -> None:
        """Read the whole plan once: a journal that cannot be read fails here, before
        any step is taken."""
        for _ in self._lines() if self._source is not None else ():
            pass


class _StepFailed(Exception):
    def __init__(self, path: str, cause: OSError) -> None:
        super().__init__(path)
        self.path = path
        self.cause = cause


def _abs(folder: Path) -> str:
    return os.path.abspath(folder)


def _rel(base: str, path: str) -> str:
    full = os.path.abspath(path)
    rel = os.path.relpath(full, base)
    return full if rel.startswith("..") else rel


def _lexists(path: str) -> bool:
    return os.path.lexists(path)


def _ino(path: str) -> int | None:
    try:
        return os.lstat(path).st_ino
    except OSError:
        return None


def _who() -> str:
    command = " ".join([os.path.basename(sys.argv[0]), *sys.argv[1:]])[:200] if sys.argv else ""
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    return f"PID {os.getpid()} ({command}, {started})"


def _plan_lines(
    folder: Path, moves: Iterable[tuple[str, str]], deletions: Sequence[str], who: str
) -> Iterator[bytes]:
    """The journal, a line at a time: a header, then each move (with the inode the
    staged file has and where the old target is kept) and each deletion."""
    base = _abs(folder)
    token = f"{os.getpid()}-{secrets.token_hex(3)}"
    header = {"format": _FORMAT, "folder": base, "who": who}
    yield _line(header)
    for i, (tmp, target) in enumerate(moves):
        ino = os.stat(tmp).st_ino
        backup = None
        if _lexists(target):
            backup = os.path.join(os.path.dirname(target), f"{TMP_PREFIX}old-{token}-{i}")
        yield _line(["m", _rel(base, tmp), _rel(base, target), ino, backup and _rel(base, backup)])
    for i, target in enumerate(deletions):
        if _lexists(target):
            backup = os.path.join(os.path.dirname(target), f"{TMP_PREFIX}old-{token}-d{i}")
            yield _line(["d", _rel(base, target), _rel(base, backup)])


def _line(entry: object) -> bytes:
    return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _decode(folder: Path, where: Path) -> _Plan:
    base = _abs(folder)

    def full(rel: str) -> str:
        return os.path.join(base, rel)

    try:
        with open(where, "rb") as fh:
            first = fh.readline()
        data = json.loads(first)
        if data.get("format") == _FORMAT_1:
            # A journal left by an earlier version: the whole plan in one object.
            with open(where, "rb") as fh:
                data = json.loads(fh.read())
            moves = [
                _Move(full(tmp), full(target), int(ino), None if backup is None else full(backup))
                for tmp, target, ino, backup in data["moves"]
            ]
            deletions = [(full(t), full(b)) for t, b in data["deletions"]]
            return _Plan(str(data.get("who", "an earlier run")), moves=moves, deletions=deletions)
        if data.get("format") != _FORMAT:
            raise ValueError(f"unknown format {data.get('format')!r}")
        plan = _Plan(str(data.get("who", "an earlier run")), where, base)
        plan.check()
        return plan
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        raise JournalError(
            where,
            f"not a commit journal corpus-tools can read ({exc}); check {folder} by hand, "
            "then delete this file",
        ) from None


def _fsync_dir(folder: str) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot sync a folder
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_journal(path: Path, lines: Iterable[bytes]) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        try:
            chunk = bytearray()
            for line in lines:
                chunk += line
                if len(chunk) >= _CHUNK:
                    _write_all(fd, chunk)
                    chunk.clear()
            _write_all(fd, chunk)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(os.fspath(path.parent))


def _write_all(fd: int, data: bytearray) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _drop_journal(path: Path) -> None:
    # A journal that cannot be removed is harmless: the next run finds every file of it
    # in place and only removes it.
    with contextlib.suppress(OSError):
        os.unlink(path)
    _fsync_dir(os.fspath(path.parent))


def _keep(target: str, backup: str) -> None:
    """Keep the old ``target`` at ``backup``: a hard link, or a copy where links fail."""
    try:
        os.link(target, backup, follow_symlinks=False)
    except FileNotFoundError:
        pass  # the old file vanished meanwhile: there is nothing to keep
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS):
            raise
        part = backup + ".part"
        shutil.copy2(target, part, follow_symlinks=False)
        os.replace(part, backup)


def _forward(plan: _Plan, *, fresh: bool) -> None:
    """Do every move and deletion not yet done (``fresh``: none is)."""
    for m in plan.moves():
        try:
            if not fresh and not _lexists(m.tmp):
                continue  # moved already
            if m.backup is not None and (fresh or not _lexists(m.backup)):
                _keep(m.target, m.backup)
            os.replace(m.tmp, m.target)
        except OSError as exc:
            raise _StepFailed(m.target, exc) from exc
    for target, backup in plan.deletions():
        try:
            if fresh or _lexists(target):
                os.rename(target, backup)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise _StepFailed(target, exc) from exc


def _can_go_forward(plan: _Plan) -> bool:
    # An undo begun earlier has overwritten new files with old ones: there is no way
    # forward any more, only back.
    return all(_lexists(m.tmp) or _ino(m.target) == m.ino for m in plan.moves())


def _backward(plan: _Plan) -> None:
    """Put every old file back and remove every new one; safe to repeat. (Each step has
    a target of its own, so the steps are taken in the order planned.)"""
    for target, backup in plan.deletions():
        if _lexists(backup):
            os.replace(backup, target)
    for m in plan.moves():
        if m.backup is not None and _lexists(m.backup):
            os.replace(m.backup, m.target)
            # rename() of a link over another link of the same file does nothing.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(m.backup)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(m.tmp)
        elif _lexists(m.tmp):
            os.unlink(m.tmp)  # never moved: the target is the old file, or absent
        elif _ino(m.target) == m.ino:
            os.unlink(m.target)  # moved, and there was no old file
    _sync(plan)


def _sync(plan: _Plan) -> None:
    folders = {os.path.dirname(m.target) for m in plan.moves()}
    folders.update(os.path.dirname(t) for t, _ in plan.deletions())
    for folder in sorted(folders):
        _fsync_dir(folder or ".")


def _finish(plan: _Plan) -> None:
    """After a complete forward switch: drop the kept old files."""
    _sync(plan)  # the renames are on disk before the journal goes
    # The switch is done whatever happens here: a kept file that cannot be removed is a
    # temporary like any other, which the next export removes.
    for m in plan.moves():
        if m.backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(m.backup)
    for _, backup in plan.deletions():
        with contextlib.suppress(OSError):
            os.unlink(backup)


def _cause(exc: OSError) -> str:
    return exc.strerror or str(exc)


def switch(
    folder: Path,
    moves: Sequence[tuple[str, str]] | Callable[[], Iterable[tuple[str, str]]],
    deletions: Sequence[str] = (),
    *,
    timeout: float = DEFAULT_TIMEOUT,
    notify: Notify | None = None,
) -> None:
    """Move each staged ``(temporary, target)`` into place and delete ``deletions``:
    after a failure or a kill, ``folder`` holds all the old files or all the new ones.
    ``moves`` may be a function that lists them (as often as asked): a long list is
    then never held, only written to the journal and read back from it.

    Takes ``folder``'s lock (a no-op when this process holds it already) and finishes an
    earlier interrupted switch first. Raises ``SwitchError`` when a step fails; the
    switch is then undone, or left for the next run to undo (the message says which).
    """
    folder = Path(folder)
    with folder_lock(folder, timeout=timeout, notify=notify):
        recover(folder, notify=notify)
        listed = moves if callable(moves) else lambda: moves
        first = list(itertools.islice(listed(), 2))
        if not first and not deletions:
            return
        if len(first) + len(deletions) == 1:
            _single(first, deletions)  # one rename is atomic by itself
            return
        journal = state_path(folder, "journal")
        for stale in journal.parent.glob(journal.name + ".*.tmp"):  # a kill mid-write
            with contextlib.suppress(OSError):
                stale.unlink()
        with deferred_interrupts():
            try:
                _write_journal(journal, _plan_lines(folder, listed(), deletions, _who()))
            except OSError as exc:
                raise SwitchError(
                    journal,
                    f"cannot write the commit journal: {_cause(exc)}; previous files are intact",
                ) from exc
            plan = _Plan(_who(), journal, _abs(folder))
            try:
                _forward(plan, fresh=True)
            except _StepFailed as failed:
                raise _undo(plan, journal, failed) from failed.cause
            _finish(plan)
            _drop_journal(journal)


def _single(moves: Sequence[tuple[str, str]], deletions: Sequence[str]) -> None:
    if moves:
        tmp, target = moves[0]
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise SwitchError(
                target,
                f"{_cause(exc)} while moving the new file into place; previous files are intact",
            ) from exc
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(deletions[0])


def _undo(plan: _Plan, journal: Path, failed: _StepFailed) -> SwitchError:
    what = f"{_cause(failed.cause)} while moving the new files into place"
    try:
        _backward(plan)
    except OSError as exc:
        return SwitchError(
            failed.path,
            f"{what}, and undoing the switch failed too ({_cause(exc)}); the next corpus "
            f"command on this folder puts the previous files back (journal: {journal})",
        )
    _drop_journal(journal)
    return SwitchError(failed.path, f"{what}; the switch was undone: previous files are intact")


def recover(
    folder: Path | str,
    *,
    notify: Notify | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    limit: float | None = None,
) -> str | None:
    """Finish or undo a switch of ``folder`` that a killed or failed run left half-done.

    Returns what was done, in words (None: nothing was pending). Takes the folder's
    lock for writing (a no-op when this process holds it). Raises ``JournalError``
    when the journal cannot be carried out either way.
    """
    folder = Path(folder)
    journal = state_path(folder, "journal")
    if not journal.exists():
        return None
    with folder_lock(folder, timeout=timeout, notify=notify, limit=limit):
        if not journal.exists():
            return None  # finished by the run we waited for
        plan = _decode(folder, journal)
        done = _carry_out(folder, plan, journal)
        _drop_journal(journal)
    if notify is not None:
        notify(done)
    return done


def _carry_out(folder: Path, plan: _Plan, journal: Path) -> str:
    with deferred_interrupts():
        if _can_go_forward(plan):
            left = total = 0
            for m in plan.moves():
                total += 1
                left += _lexists(m.tmp)
            try:
                _forward(plan, fresh=False)
            except _StepFailed as failed:
                reason = f"{failed.path}: {_cause(failed.cause)}"
            else:
                _finish(plan)
                return (
                    f"{folder}: finished the switch to the new files that {plan.who} left "
                    f"half-done ({left} of {total} still to move)"
                )
        else:
            reason = "it was being undone"
        try:
            _backward(plan)
        except OSError as exc:
            raise JournalError(
                journal,
                f"cannot finish or undo the switch of {folder} left by {plan.who}: "
                f"{_cause(exc)}; fix the cause and run again",
            ) from exc
        return f"{folder}: undid the switch that {plan.who} left half-done ({reason}); the previous files are back"


def pending(folder: Path | str) -> bool:
    """True when a switch of ``folder`` is under way or was left half-done."""
    return state_path(folder, "journal").exists()


@contextlib.contextmanager
def writing(
    folder: Path | str, *, timeout: float = DEFAULT_TIMEOUT, notify: Notify | None = None
) -> Iterator[None]:
    """Hold ``folder``'s lock for writing, any half-done switch finished or undone first."""
    with folder_lock(folder, timeout=timeout, notify=notify):
        recover(folder, notify=notify)
        yield


@contextlib.contextmanager
def reading(
    folder: Path | str, *, timeout: float = DEFAULT_TIMEOUT, notify: Notify | None = None
) -> Iterator[None]:
    """Hold ``folder``'s lock for reading: inside, no switch is half-done or under way."""
    deadline = time.monotonic() + timeout
    while True:
        if pending(folder):
            # Repairing needs the lock for writing; readers only share theirs.
            left = max(0.0, deadline - time.monotonic())
            recover(folder, notify=notify, timeout=left, limit=timeout)
        left = max(0.0, deadline - time.monotonic())
        with folder_lock(folder, shared=True, timeout=left, notify=notify, limit=timeout):
            if pending(folder):
                continue  # a writer died between the two steps
            yield
            return


def settle(
    path: Path | str, *, timeout: float = DEFAULT_TIMEOUT, notify: Notify | None = None
) -> None:
    """Before reading ``path`` (an export file or folder): finish or undo a half-done
    switch of its folder, or wait for one under way. Cheap when there is none."""
    path = Path(path)
    candidates = [path] if path.is_dir() else [path.parent, path.parent.parent]
    for folder in candidates:
        if pending(folder):
            with reading(folder, timeout=timeout, notify=notify):
                return


@contextlib.contextmanager
def settled(folder: Path | str) -> Iterator[None]:
    """For a reader of several files of an export ``folder``: while inside, no switch is
    under way or half-done, so the files opened inside are all of one export."""
    with reading(folder):
        yield
