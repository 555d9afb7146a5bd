"""Atomic, deterministic writes: stage every output, then move them all into place.

An export writes each file to a temporary sibling, and only when every file of the run
is complete are they renamed over the old ones; a failure or an interrupt before that
leaves the previous files untouched. A file whose new bytes equal the old ones is not
replaced, so its modification time stays as it was.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

TMP_PREFIX = ".corpus-tmp-"


def _file_mode() -> int:
    # mkstemp creates 0600 files; exports are ordinary files, so honour the umask.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


class OutputError(Exception):
    """An output cannot be written: the run cannot proceed."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


def _describe(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device; free space and run again (previous files are intact)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied or read-only; make the folder writable and run again (previous files are intact)"
    return f"{exc.strerror or exc}; previous files are intact"


class StagedFile:
    """A file being written next to its target; moved into place by ``Staging.commit``."""

    __slots__ = ("_digest", "_fh", "_hash", "size", "target", "tmp")

    def __init__(self, target: Path, *, make_parent: bool = True) -> None:
        self.target = target
        if make_parent:
            target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=target.parent)
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
            raise OutputError(self.target, _describe(exc)) from exc
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
            raise OutputError(self.target, _describe(exc)) from exc
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


class Chains:
    """The files given whole into each folder, in the order given, with the size and
    SHA-256 of their concatenation: what a Data Package resource made of several files
    declares (``path`` as a list, ``bytes`` and ``hash`` of the whole)."""

    def __init__(self) -> None:
        self._chains: dict[str, tuple[Any, list[str], list[int]]] = {}

    def add(self, name: str, data: bytes) -> None:
        """Append file ``name`` (an absolute or run-relative path) holding ``data``."""
        folder = os.path.dirname(name)
        chain = self._chains.get(folder)
        if chain is None:
            chain = self._chains[folder] = (hashlib.sha256(), [], [0])
        chain[0].update(data)
        chain[1].append(name)
        chain[2][0] += len(data)

    def of(self, folder: Path) -> tuple[list[str], int, str] | None:
        """The files given whole into ``folder`` (in order), their total size and the
        SHA-256 of their concatenation; None when none were."""
        chain = self._chains.get(os.fspath(folder))
        if chain is None:
            return None
        return list(chain[1]), chain[2][0], chain[0].hexdigest()


class Staging:
    """The set of files one run writes, committed together or not at all."""

    def __init__(self) -> None:
        self.files: list[StagedFile] = []
        self.deletions: list[Path] = []
        self.written: list[str] = []
        self.unchanged: list[str] = []
        # Small files given whole, as (temporary, target, SHA-256, size): at 100,000
        # files a StagedFile with two Paths each would be most of an export's memory.
        self._whole: list[tuple[str, str, str, int]] = []
        self._kept: dict[str, tuple[str, int]] = {}
        self._folders: set[str] = set()  # parents known to exist
        self._serial = 0
        self.chains = Chains()

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
            self.unchanged.append(name)
            self._kept[name] = (hashlib.sha256(data).hexdigest(), len(data))
            return
        parent = os.path.dirname(name)
        if parent not in self._folders:
            try:
                os.makedirs(parent or ".", exist_ok=True)
            except OSError as exc:
                raise OutputError(target, _describe(exc)) from exc
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
            raise OutputError(target, _describe(exc)) from exc
        self._whole.append((tmp, name, hashlib.sha256(data).hexdigest(), len(data)))

    def digests(self, out_dir: Path) -> dict[str, str]:
        """SHA-256 of every file this run produces, by path relative to ``out_dir``."""
        return {rel: sha for rel, (_, sha) in self.records(out_dir).items()}

    def records(self, out_dir: Path) -> dict[str, tuple[int, str]]:
        """Size and SHA-256 of every file this run produces (files opened with ``open``
        count once they are closed), by path relative to ``out_dir``."""
        rel = _relative_to(out_dir)
        found = {rel(name): (size, sha) for name, (sha, size) in self._kept.items()}
        for _, name, sha, size in self._whole:
            found[rel(name)] = (size, sha)
        for f in self.files:
            found[f.target.relative_to(out_dir).as_posix()] = (f.size, f.sha256)
        return found

    def open(self, target: Path) -> StagedFile:
        """Start a staged file for ``target``."""
        try:
            staged = StagedFile(target)
        except OSError as exc:
            raise OutputError(target, _describe(exc)) from exc
        self.files.append(staged)
        return staged

    def delete(self, target: Path) -> None:
        """Remove ``target`` at commit time."""
        self.deletions.append(target)

    def flush(self) -> None:
        """Write every staged file completely to disk (before hashing or committing)."""
        for f in self.files:
            f.close()

    def commit(self) -> None:
        """Move every staged file into place; unchanged targets are left alone."""
        self.flush()
        # One sync for the whole run instead of an fsync per file: every new file is on
        # disk before any rename makes it visible, so a crash cannot leave a torn file.
        if self.files or self._whole:
            os.sync()
        total = len(self.files) + len(self._whole)
        for f in self.files:
            if same_content(f.tmp, f.target):
                f.discard()
                self.unchanged.append(os.fspath(f.target))
                continue
            self._replace(f.tmp, f.target, total)
        for tmp, target, _, _ in self._whole:
            # Compared with the target when staged: it differs.
            self._replace(tmp, target, total)
        for gone in self.deletions:
            with contextlib.suppress(FileNotFoundError):
                gone.unlink()
        self.files.clear()
        self._whole.clear()

    def _replace(self, tmp: Path | str, target: Path | str, total: int) -> None:
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(
                target,
                f"{exc.strerror or exc} while moving the new files into place; "
                f"{len(self.written)} of {total} were already replaced (each file is whole): "
                "run the export again to finish",
            ) from exc
        self.written.append(os.fspath(target))

    def abort(self) -> None:
        """Throw away every staged file."""
        for f in self.files:
            f.discard()
        self.files.clear()
        for tmp, _, _, _ in self._whole:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._whole.clear()


def _relative_to(out_dir: Path) -> Callable[[str], str]:
    """A function giving a path below ``out_dir`` relative to it, in POSIX form."""
    base = os.fspath(out_dir).rstrip("/") + "/"

    def rel(name: str) -> str:
        if name.startswith(base):
            return name[len(base) :]
        return Path(name).relative_to(out_dir).as_posix()

    return rel


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


@contextlib.contextmanager
def exclusive_lock(folder: Path, *, wait: bool = True) -> Iterator[None]:
    """Hold a lock on ``folder`` so that two exports never interleave."""
    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / ".corpus-lock"
    with lock_path.open("a") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise OutputError(
                folder, "another corpus export is writing here; wait for it to finish"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
