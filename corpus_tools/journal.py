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
import json
import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus_tools.errors import OutputError
from corpus_tools.locking import (
    DEFAULT_TIMEOUT,
    Notify,
    folder_lock,
    state_path,
)
from corpus_tools.paths import TMP_PREFIX
from corpus_tools.procs import deferred_interrupts

_FORMAT = "corpus-tools commit journal 1"


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


@dataclass(frozen=True, slots=True)
class _Plan:
    moves: list[_Move]
    deletions: list[tuple[str, str]]  # (target, where it is kept until the end)
    who: str


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


def _plan(folder: Path, moves: Sequence[tuple[str, str]], deletions: Sequence[str]) -> _Plan:
    token = f"{os.getpid()}-{secrets.token_hex(3)}"
    planned: list[_Move] = []
    for i, (tmp, target) in enumerate(moves):
        ino = os.stat(tmp).st_ino
        backup = None
        if _lexists(target):
            backup = os.path.join(os.path.dirname(target), f"{TMP_PREFIX}old-{token}-{i}")
        planned.append(_Move(tmp, target, ino, backup))
    gone = [
        (target, os.path.join(os.path.dirname(target), f"{TMP_PREFIX}old-{token}-d{i}"))
        for i, target in enumerate(deletions)
        if _lexists(target)
    ]
    return _Plan(planned, gone, _who())


def _encode(folder: Path, plan: _Plan) -> bytes:
    base = _abs(folder)
    data = {
        "format": _FORMAT,
        "folder": base,
        "who": plan.who,
        "moves": [
            [_rel(base, m.tmp), _rel(base, m.target), m.ino, m.backup and _rel(base, m.backup)]
            for m in plan.moves
        ],
        "deletions": [[_rel(base, t), _rel(base, b)] for t, b in plan.deletions],
    }
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _decode(folder: Path, raw: bytes, where: Path) -> _Plan:
    base = _abs(folder)

    def full(rel: str) -> str:
        return os.path.join(base, rel)

    try:
        data = json.loads(raw)
        if data.get("format") != _FORMAT:
            raise ValueError(f"unknown format {data.get('format')!r}")
        moves = [
            _Move(full(tmp), full(target), int(ino), None if backup is None else full(backup))
            for tmp, target, ino, backup in data["moves"]
        ]
        deletions = [(full(t), full(b)) for t, b in data["deletions"]]
        return _Plan(moves, deletions, str(data.get("who", "an earlier run")))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
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


def _write_journal(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(os.fspath(path.parent))


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
    for m in plan.moves:
        try:
            if not fresh and not _lexists(m.tmp):
                continue  # moved already
            if m.backup is not None and (fresh or not _lexists(m.backup)):
                _keep(m.target, m.backup)
            os.replace(m.tmp, m.target)
        except OSError as exc:
            raise _StepFailed(m.target, exc) from exc
    for target, backup in plan.deletions:
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
    return all(_lexists(m.tmp) or _ino(m.target) == m.ino for m in plan.moves)


def _backward(plan: _Plan) -> None:
    """Put every old file back and remove every new one; safe to repeat."""
    for target, backup in reversed(plan.deletions):
        if _lexists(backup):
            os.replace(backup, target)
    for m in reversed(plan.moves):
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
    folders = {os.path.dirname(m.target) for m in plan.moves}
    folders.update(os.path.dirname(t) for t, _ in plan.deletions)
    for folder in sorted(folders):
        _fsync_dir(folder or ".")


def _finish(plan: _Plan) -> None:
    """After a complete forward switch: drop the kept old files."""
    _sync(plan)  # the renames are on disk before the journal goes
    # The switch is done whatever happens here: a kept file that cannot be removed is a
    # temporary like any other, which the next export removes.
    for m in plan.moves:
        if m.backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(m.backup)
    for _, backup in plan.deletions:
        with contextlib.suppress(OSError):
            os.unlink(backup)


def _cause(exc: OSError) -> str:
    return exc.strerror or str(exc)


def switch(
    folder: Path,
    moves: Sequence[tuple[str, str]],
    deletions: Sequence[str] = (),
    *,
    timeout: float = DEFAULT_TIMEOUT,
    notify: Notify | None = None,
) -> None:
    """Move each staged ``(temporary, target)`` into place and delete ``deletions``:
    after a failure or a kill, ``folder`` holds all the old files or all the new ones.

    Takes ``folder``'s lock (a no-op when this process holds it already) and finishes an
    earlier interrupted switch first. Raises ``SwitchError`` when a step fails; the
    switch is then undone, or left for the next run to undo (the message says which).
    """
    folder = Path(folder)
    with folder_lock(folder, timeout=timeout, notify=notify):
        recover(folder, notify=notify)
        if not moves and not deletions:
            return
        if len(moves) + len(deletions) == 1:
            _single(moves, deletions)  # one rename is atomic by itself
            return
        plan = _plan(folder, moves, deletions)
        journal = state_path(folder, "journal")
        for stale in journal.parent.glob(journal.name + ".*.tmp"):  # a kill mid-write
            with contextlib.suppress(OSError):
                stale.unlink()
        with deferred_interrupts():
            try:
                _write_journal(journal, _encode(folder, plan))
            except OSError as exc:
                raise SwitchError(
                    journal,
                    f"cannot write the commit journal: {_cause(exc)}; previous files are intact",
                ) from exc
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
        try:
            raw = journal.read_bytes()
        except FileNotFoundError:
            return None  # finished by the run we waited for
        plan = _decode(folder, raw, journal)
        done = _carry_out(folder, plan, journal)
        _drop_journal(journal)
    if notify is not None:
        notify(done)
    return done


def _carry_out(folder: Path, plan: _Plan, journal: Path) -> str:
    with deferred_interrupts():
        if _can_go_forward(plan):
            left = sum(1 for m in plan.moves if _lexists(m.tmp))
            try:
                _forward(plan, fresh=False)
            except _StepFailed as failed:
                reason = f"{failed.path}: {_cause(failed.cause)}"
            else:
                _finish(plan)
                return (
                    f"{folder}: finished the switch to the new files that {plan.who} left "
                    f"half-done ({left} of {len(plan.moves)} still to move)"
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
