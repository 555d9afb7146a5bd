"""Atomic, deterministic writes: stage every output, then move them all into place.

An export writes each file to a temporary sibling, and only when every file of the run
is complete are they moved over the old ones, as one switch (``journal.switch``): a
failure, a kill or an interrupt at any point leaves the previous files or the new ones,
never a mix. A file whose new bytes equal the old ones is not replaced, so its
modification time stays as it was.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import tempfile
import weakref
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from corpus_tools.cache.digests import Digests, digests_of
from corpus_tools.cache.ledger import Ledger
from corpus_tools.errors import OutputError
from corpus_tools.paths import TMP_PREFIX

__all__ = ["TMP_PREFIX", "OutputError", "StagedFile", "Staging"]


def _file_mode() -> int:
    # mkstemp creates 0600 files; exports are ordinary files, so honour the umask.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def describe_os_error(exc: OSError) -> str:
    """What an operating-system error means for the files being written, and what to do."""
    if exc.errno == errno.ENOSPC:
        return "no space left on the device; free space and run again (previous files are intact)"
    if exc.errno == errno.EROFS:
        return "read-only file system; make the folder writable and run again (previous files are intact)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (
            "permission denied; make the folder writable and run again (previous files are intact)"
        )
    return f"{exc.strerror or exc}; previous files are intact"


class StagedFile:
    """A file being written next to its target; moved into place by ``Staging.commit``."""

    __slots__ = ("_digest", "_fh", "_hash", "size", "target", "tmp")

    def __init__(self, target: Path, *, make_parent: bool = True) -> None:
        self.target = target
        if make_parent:
            target.parent.mkdir(parents=True, exist_ok=True)
        # The PID in the name lets abort_pending find a temporary that an interrupt left
        # before it was recorded anywhere.
        fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{os.getpid()}.", dir=target.parent)
        self.tmp = Path(tmp)
        os.chmod(fd, _FILE_MODE)
        self._fh: IO[bytes] | None = os.fdopen(fd, "wb")
        self._hash: Any = hashlib.sha256()
        self._digest = ""
        self.size = 0

    def write(self, data: bytes) -> None:
        """Append bytes."""
        if self._fh is None:
            raise OutputError(self.target, "written after it was closed (a bug in corpus-tools)")
        try:
            self._fh.write(data)
        except OSError as exc:
            raise OutputError(self.target, describe_os_error(exc)) from exc
        self._hash.update(data)
        self.size += len(data)

    def write_text(self, text: str) -> None:
        """Append text as UTF-8."""
        self.write(text.encode("utf-8"))

    @property
    def handle(self) -> IO[bytes]:
        """The open binary handle (bytes written here are not counted by ``sha256``)."""
        if self._fh is None:
            raise OutputError(self.target, "used after it was closed (a bug in corpus-tools)")
        return self._fh

    @property
    def sha256(self) -> str:
        """SHA-256 of what was written through ``write``."""
        return self._digest or self._hash.hexdigest()

    def close(self) -> None:
        """Finish the file; its handle and hasher are released to keep memory flat."""
        if self._fh is None:
            return
        fh, self._fh = self._fh, None
        self._digest = self._hash.hexdigest()
        self._hash = None
        try:
            fh.flush()
        except OSError as exc:
            raise OutputError(self.target, describe_os_error(exc)) from exc
        finally:
            with contextlib.suppress(OSError):
                fh.close()

    def discard(self) -> None:
        """Forget the staged bytes."""
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
            self._fh = None
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()


def same_content(a: Path, b: Path) -> bool:
    """True when both files exist and hold the same bytes."""
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with a.open("rb") as fa, b.open("rb") as fb:
            while True:
                ca, cb = fa.read(1 << 20), fb.read(1 << 20)
                if ca != cb:
                    return False
                if not ca:
                    return True
    except OSError:
        return False


# Stagings neither committed nor aborted yet, and the folders this process staged files
# in: what an interrupted command leaves to clean up (abort_pending).
_LIVE: weakref.WeakSet[Staging] = weakref.WeakSet()
_STAGED_IN: set[str] = set()


def abort_pending() -> None:
    """Throw away the staged files of every staging not yet committed (Ctrl-C, a crash).

    Also the temporaries of this process that no staging recorded: Ctrl-C can land
    between the creation of a file and the line that records it.
    """
    for staging in list(_LIVE):
        staging.abort()
    mine = (f"{TMP_PREFIX}{os.getpid()}-", f"{TMP_PREFIX}{os.getpid()}.")
    for folder in sorted(_STAGED_IN):
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(mine):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)


class Chains:
    """The files given whole into each folder, in the order given, with the size and
    SHA-256 of their concatenation: what a Data Package resource made of several files
    declares (``path`` as a list, ``bytes`` and ``hash`` of the whole). The names are
    kept in the run's ledger, only the running totals here."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._chains: dict[str, tuple[Any, list[int]]] = {}

    def add(self, name: str, data: bytes) -> None:
        """Append file ``name`` (an absolute or run-relative path) holding ``data``."""
        folder = os.path.dirname(name)
        chain = self._chains.get(folder)
        if chain is None:
            chain = self._chains[folder] = (hashlib.sha256(), [0])
        chain[0].update(data)
        chain[1][0] += len(data)
        self._ledger.link(folder, name)

    def of(self, folder: Path) -> tuple[Callable[[], Iterator[str]], int, str] | None:
        """The files given whole into ``folder`` (a function listing them in order, as
        often as asked), their total size and the SHA-256 of their concatenation; None
        when none were."""
        name = os.fspath(folder)
        chain = self._chains.get(name)
        if chain is None:
            return None
        return functools.partial(self._ledger.chained, name), chain[1][0], chain[0].hexdigest()


class Records(Mapping[str, tuple[int, str]]):
    """Size and SHA-256 of the files a staging holds, by path relative to ``out_dir``,
    as they were when the view was taken; read from the ledger as asked (the files
    given whole), and from the few files opened, which count once closed."""

    def __init__(self, ledger: Ledger, files: list[Any], out_dir: Path) -> None:
        self._ledger = ledger
        self._upto = ledger.count
        self._base = os.fspath(out_dir).rstrip("/") + "/"
        self._out_dir = out_dir
        # Files opened (few: one per table): later ones win, as the records did.
        self._opened: dict[str, tuple[int, str]] = {}
        for f in files:
            self._opened[f.target.relative_to(out_dir).as_posix()] = (f.size, f.sha256)

    def _rel(self, name: str) -> str:
        # A prefix cut, not Path.relative_to: this runs once per file of the corpus.
        if name.startswith(self._base):
            return name[len(self._base) :]
        return Path(name).relative_to(self._out_dir).as_posix()

    def __getitem__(self, rel: str) -> tuple[int, str]:
        found = self._opened.get(rel)
        if found is None:
            found = self._ledger.get(self._base + rel, self._upto)
        if found is None:
            raise KeyError(rel)
        return found

    def __contains__(self, rel: object) -> bool:
        return isinstance(rel, str) and (
            rel in self._opened or self._ledger.get(self._base + rel, self._upto) is not None
        )

    def __iter__(self) -> Iterator[str]:
        for rel, _ in self.rows():
            yield rel

    def rows(self) -> Iterator[tuple[str, tuple[int, str]]]:
        """Every ``(path, (size, SHA-256))``: the files given whole in the order given,
        then the files opened."""
        for name, size, sha in self._ledger.records(self._upto):
            rel = self._rel(name)
            if rel not in self._opened:
                yield rel, (size, sha)
        yield from self._opened.items()

    def items(self) -> Any:
        """The rows, read as they are used."""
        return _Rows(self)

    def __len__(self) -> int:
        return sum(1 for _ in self.rows())


class _Rows:
    """``Records.items()``: iterable as often as asked, never held."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def __iter__(self) -> Iterator[tuple[str, tuple[int, str]]]:
        return self._records.rows()


class Staging:
    """The set of files one run writes, committed together or not at all.

    ``folder`` is the folder the run writes (its lock and commit journal live beside
    it); by default the deepest folder holding every target.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        # Files opened (one per table or corpus-wide file: few).
        self.files: list[StagedFile] = []
        self.deletions: list[Path] = []
        self._moved: list[str] = []  # opened files moved into place by commit
        self._same: list[str] = []  # opened files whose targets held their bytes
        self._committed = False
        # Small files given whole (one per document) are recorded in a temporary
        # database, not in memory: at 100,000 files, Python objects for them were most of
        # an export's memory.
        self._ledger = Ledger()
        weakref.finalize(self, self._ledger.close)
        self._folders: set[str] = set()  # parents known to exist
        self._serial = 0
        self.chains = Chains(self._ledger)
        _LIVE.add(self)

    @property
    def written(self) -> list[str]:
        """The targets the commit replaced."""
        if not self._committed:
            return []
        return [*self._moved, *(target for _, target in self._ledger.staged())]

    @property
    def unchanged(self) -> list[str]:
        """The targets that already held the bytes staged for them."""
        return [*self._ledger.kept(), *self._same]

    def put_bytes(self, target: Path, data: bytes) -> None:
        """Stage a small file given whole; when ``target`` already holds these bytes,
        nothing is written at all (creating files is the slow part of a re-export)."""
        name = os.fspath(target)
        self.chains.add(name, data)
        try:
            with open(name, "rb") as fh:
                same = fh.read(len(data) + 1) == data
        except OSError:
            same = False
        if same:
            self._ledger.add(name, None, hashlib.sha256(data).hexdigest(), len(data))
            return
        parent = os.path.dirname(name)
        _STAGED_IN.add(parent or ".")
        if parent not in self._folders:
            try:
                os.makedirs(parent or ".", exist_ok=True)
            except OSError as exc:
                raise OutputError(target, describe_os_error(exc)) from exc
            self._folders.add(parent)
        self._serial += 1
        tmp = os.path.join(parent, f"{TMP_PREFIX}{os.getpid()}-{self._serial}")
        try:
            _write_new(tmp, data)
        except FileExistsError:  # left by an earlier process with this pid: rare
            staged = self.open(target)
            staged.write(data)
            staged.close()
            return
        except OSError as exc:
            raise OutputError(target, describe_os_error(exc)) from exc
        try:
            self._ledger.add(name, tmp, hashlib.sha256(data).hexdigest(), len(data))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def holds(self, target: Path) -> bool:
        """True when a file for ``target`` is staged (given whole or opened)."""
        name = os.fspath(target)
        return self._ledger.get(name) is not None or any(
            os.fspath(f.target) == name for f in self.files
        )

    def digests(self, out_dir: Path) -> Digests:
        """SHA-256 of every file this run produces, by path relative to ``out_dir``
        (held on disk, as the records are)."""
        return digests_of((rel, sha) for rel, (_, sha) in self.records(out_dir).items())

    def records(self, out_dir: Path) -> Records:
        """Size and SHA-256 of every file this run produces so far (files opened with
        ``open`` count once they are closed), by path relative to ``out_dir``."""
        return Records(self._ledger, self.files, out_dir)

    def open(self, target: Path) -> StagedFile:
        """Start a staged file for ``target``."""
        _STAGED_IN.add(os.path.dirname(os.fspath(target)) or ".")
        try:
            staged = StagedFile(target)
        except OSError as exc:
            raise OutputError(target, describe_os_error(exc)) from exc
        self.files.append(staged)
        return staged

    def delete(self, target: Path) -> None:
        """Remove ``target`` at commit time."""
        self.deletions.append(target)

    def flush(self) -> None:
        """Write every staged file completely to disk (before hashing or committing)."""
        for f in self.files:
            f.close()

    def commit(self, *, timeout: float | None = None) -> None:
        """Move every staged file into place as one switch; unchanged targets are left
        alone. Raises ``OutputError``; the folder then holds the previous files, unless
        the message says the next run puts them back."""
        # Imported here: journal builds on this module (OutputError, TMP_PREFIX).
        from corpus_tools import journal
        from corpus_tools.locking import DEFAULT_TIMEOUT

        self.flush()
        opened: list[tuple[str, str]] = []
        for f in self.files:
            if same_content(f.tmp, f.target):
                f.discard()
                self._same.append(os.fspath(f.target))
                continue
            opened.append((os.fspath(f.tmp), os.fspath(f.target)))

        def moves() -> Iterator[tuple[str, str]]:
            # Small files were compared with their targets when staged: they differ.
            yield from opened
            yield from self._ledger.staged()

        # One sync for the whole run instead of an fsync per file: every new file is on
        # disk before the journal makes the switch happen.
        if opened or next(self._ledger.staged(), None) is not None:
            os.sync()
        deletions = [os.fspath(p) for p in self.deletions]
        journal.switch(
            self._folder(moves(), deletions),
            moves,
            deletions,
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        )
        self._moved = [target for _, target in opened]
        self._committed = True
        self.files.clear()
        _LIVE.discard(self)

    def _folder(self, moves: Iterator[tuple[str, str]], deletions: list[str]) -> Path:
        if self.folder is not None:
            return self.folder
        names = {os.path.dirname(os.path.abspath(t)) for _, t in moves}
        names.update(os.path.dirname(os.path.abspath(t)) for t in deletions)
        return Path(os.path.commonpath(sorted(names))) if names else Path(".")

    def abort(self) -> None:
        """Throw away every staged file."""
        _LIVE.discard(self)
        for f in self.files:
            f.discard()
        self.files.clear()
        if self._committed:
            return
        with contextlib.suppress(ValueError):  # a ledger already closed: nothing staged
            for tmp, _ in self._ledger.staged():
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
        self._ledger.close()


def _write_new(tmp: str, data: bytes) -> None:
    """Create ``tmp`` (which must not exist) holding ``data``: one ``open`` with the
    final mode (the umask applies), one write, no buffered file object."""
    fd = os.open(tmp, _NEW_FLAGS, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files an interrupted run left behind."""
    if not folder.is_dir():
        return
    for tmp in folder.rglob(TMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            tmp.unlink()
