"""Keys of whole runs from file stamps alone, as git's index does: a run whose inputs
all have the stamps of an earlier run gives that run's report, read from the cache.

A stamp is a file's size, modification time, inode change time and inode. A key is
None when a file is too fresh for its stamp to be trusted (modified within the last
two seconds, see ``RACY_NS``) or is not a plain file: such a run is neither answered
from nor stored as a snapshot. Nothing here reads a file's bytes.
"""

from __future__ import annotations

import array
import functools
import hashlib
import importlib.util
import itertools
import json
import operator
import os
import stat
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corpus_tools import procs
from corpus_tools._version import __version__
from corpus_tools.cache.store import RACY_NS
from corpus_tools.langmodel import model_path
from corpus_tools.paths import CONFIG_NAME
from corpus_tools.schema import schema_dir

# The installed libraries whose behaviour the reports depend on: schema validation
# (jsonschema, jsonschema-rs, referencing), TEI and XML (lxml), Parquet (pyarrow), language
# identification (fasttext-predict).
_DEPENDENCIES = ("jsonschema", "jsonschema_rs", "referencing", "lxml", "pyarrow", "fasttext")

# Files stamped at a time. A batch holds each entry with its stat result, about 1 KB:
# 512 of them stay in the processor's caches and add little to the peak memory (4096
# took 6 MB more at 10,000 seeds, and longer).
_BATCH = 512
# What the child process stamping a folder answers when that folder gives no key.
_NO_KEY = b"-"

# What a batch's columns are read with, in C rather than by a line of Python per file.
_NAME = operator.attrgetter("name")
_MODE = operator.attrgetter("st_mode")
_SIZE = operator.attrgetter("st_size")
_MTIME = operator.attrgetter("st_mtime_ns")
_CTIME = operator.attrgetter("st_ctime_ns")
_INODE = operator.attrgetter("st_ino")


def snapshot_key(
    context: str,
    settings: object,
    *,
    trees: Sequence[Path] = (),
    files: Iterable[tuple[str | None, Sequence[str]]] = (),
    single: Sequence[Path] = (),
) -> str | None:
    """The key of a run: its ``context`` and ``settings`` (anything JSON can write), the
    stamps of every file below each of ``trees``, of the ``files`` (names by folder; a
    folder None: each name is a path as given) and of each of ``single`` (followed when
    a link; one that is not there counts as such)."""
    now = time.time_ns()
    blob = json.dumps(["snapshot", context, settings], sort_keys=True, ensure_ascii=True)
    digest = hashlib.sha256(blob.encode())
    # Each tree's stamps have a digest of their own, taken in the key in the trees' order.
    for stamps in _tree_digests([os.fspath(tree) for tree in trees], now):
        if stamps is None:
            return None
        digest.update(stamps)
    for folder, names in files:
        if not _name_stamps(folder, names, digest, now):
            return None
    for path in single:
        if not _file_stamp(path, digest, now):
            return None
    return digest.hexdigest()


def tool_key(root: Path) -> str | None:
    """What every result depends on besides the run's inputs and settings, by stamps:
    the tool's code and data, its schemas, the language model and ``corpus.toml``.

    The cache's context hashes their bytes instead (a cache restored into a fresh
    install is still used); a snapshot is of one checkout, and reading 2 MB of them
    cost more than the rest of a run answered from it.
    """
    now = time.time_ns()
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    package = os.fspath(Path(__file__).parent)
    if not _tree_stamps(package, digest, now, skip=frozenset({"__pycache__"})):
        return None
    if not _tree_stamps(os.fspath(schema_dir()), digest, now):
        return None
    try:
        model: Path | None = model_path()
    except OSError:
        model = None
    digest.update(b"model\0" if model is not None else b"(no model)\0")
    files = [model] if model is not None else []
    if not all(_file_stamp(p, digest, now) for p in [*files, root / CONFIG_NAME]):
        return None
    # The libraries a result depends on, by the stamp of their package's first file
    # (found without importing them): an upgrade or a reinstall rewrites it, so a run
    # after one is done in full, never answered with the old library's report.
    for name in _DEPENDENCIES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        digest.update(f"{name}\0".encode())
        if spec is None or not spec.origin:
            digest.update(b"(not found)\0")
        elif not _file_stamp(Path(spec.origin), digest, now):
            return None  # being installed right now: no snapshot either way
    return digest.hexdigest()


def _tree_digest(folder: str, now: int) -> bytes | None:
    """The digest of the stamps of every file below ``folder``; None: no key."""
    digest = hashlib.sha256()
    return digest.digest() if _tree_stamps(folder, digest, now) else None


def _tree_digests(folders: list[str], now: int) -> list[bytes | None]:
    """The digest of each folder's stamps, in order (None: no key for it).

    A child process stamps the first folder while this one stamps the others, where one
    may be forked (:func:`corpus_tools.procs.beside`): the stat calls of a warm run
    (20,000 at 10,000 seeds, most of its time after the imports) then run on two cores.
    Threads cannot do that: each stat hands the interpreter lock over, and two threads
    stamping took longer than one. Without a child's answer the folder is stamped here.
    """
    if len(folders) < 2:
        return [_tree_digest(folder, now) for folder in folders]
    with procs.beside(lambda: _tree_digest(folders[0], now) or _NO_KEY) as answer:
        others = [_tree_digest(folder, now) for folder in folders[1:]]
        first = answer()
    if first == _NO_KEY:
        return [None, *others]
    if first is None or len(first) != hashlib.sha256().digest_size:
        first = _tree_digest(folders[0], now)  # no child, or it failed
    return [first, *others]


def _file_stamp(path: Path, digest: Any, now: int) -> bool:
    """Hash the stamp of one file (of its target when it is a link); False when it is
    too fresh or not a plain file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        digest.update(b"(none)\0")
        return True
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or now - st.st_mtime_ns < RACY_NS:
        return False
    digest.update(f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}\0".encode())
    return True


def _name_stamps(folder: str | None, names: Sequence[str], digest: Any, now: int) -> bool:
    """Hash the names and stamps of files in ``folder`` (None: names are paths as given);
    False when one is too fresh to trust or is not a plain file.

    Each file is looked up relative to its open folder, not by its whole path again.
    """
    fd = None
    if folder is not None:
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return False
        digest.update(f"{len(folder)} {folder}\0".encode("utf-8", "surrogateescape"))
    lstat = functools.partial(os.lstat, dir_fd=fd)
    todo = iter(names)
    try:
        while batch := list(itertools.islice(todo, _BATCH)):
            try:
                stats = list(map(lstat, batch))
            except OSError:
                return False
            if not all(map(stat.S_ISREG, map(_MODE, stats))):
                return False
            if not _hash_batch(digest, batch, stats, now):
                return False
    finally:
        if fd is not None:
            os.close(fd)
    return True


def _hash_batch(digest: Any, names: list[str], stats: list[os.stat_result], now: int) -> bool:
    """Hash a batch of plain files' names and stamps; False when one was modified too
    recently to trust (see ``RACY_NS``).

    The batch's size goes first, then the names as one string (a name holds no NUL),
    then each number of every file as one packed column (sizes and times, signed;
    inodes, unsigned). Checked and packed a column at a time: a line, or even a few
    calls, per file cost as much as its stat.
    """
    mtimes = array.array("q", map(_MTIME, stats))
    if mtimes and max(mtimes) > now - RACY_NS:
        return False
    digest.update(f"{len(names)}\0".encode())
    digest.update("\0".join(names).encode("utf-8", "surrogateescape") + b"\0\0")
    digest.update(array.array("q", map(_SIZE, stats)))
    digest.update(mtimes)
    digest.update(array.array("q", map(_CTIME, stats)))
    digest.update(array.array("Q", map(_INODE, stats)))
    return True


def _tree_stamps(folder: str, digest: Any, now: int, skip: frozenset[str] = frozenset()) -> bool:
    """Hash the stamps of every file below ``folder`` (but in sub-folders named in
    ``skip``); False when one is too fresh to trust or is not a plain file or folder,
    or ``folder`` is a file.

    The files of a folder are hashed in the order the system lists them, a batch at a
    time: sorting them first held an entry and its stat result for each of a folder's
    100,000 files, most of a warm run's memory, and a digest per file cost as much as
    its stat. An unchanged folder lists its files in the same order; were it ever listed
    in another, the key would only differ (a run answered in full, never a wrong
    answer). Sub-folders, few, go in name order, each after the files.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except NotADirectoryError:
        return False  # a file where a folder belongs: its bytes are in no stamp
    except OSError:
        digest.update(b"(no folder)")
        return True
    try:
        # Listed by descriptor: each entry's stat is then looked up relative to it.
        entries = os.scandir(fd)
    except OSError:
        os.close(fd)
        digest.update(b"(no folder)")
        return True
    folders: list[str] = []
    count = 0
    try:
        with entries:
            while batch := list(itertools.islice(entries, _BATCH)):
                try:
                    stats = [entry.stat(follow_symlinks=False) for entry in batch]
                except OSError:
                    return False
                if not all(map(stat.S_ISREG, map(_MODE, stats))):
                    # A sub-folder (a tree has a few) waits for the files to be done;
                    # anything but a plain file or a folder gives no key.
                    files = []
                    for entry, st in zip(batch, stats, strict=True):
                        if stat.S_ISDIR(st.st_mode):
                            if entry.name not in skip:
                                folders.append(entry.name)
                        elif stat.S_ISREG(st.st_mode):
                            files.append((entry, st))
                        else:
                            return False
                    batch = [entry for entry, _ in files]
                    stats = [st for _, st in files]
                if not _hash_batch(digest, list(map(_NAME, batch)), stats, now):
                    return False
                count += len(stats)
    finally:
        os.close(fd)
    digest.update(f"{count} files\n".encode())
    for name in sorted(folders):
        digest.update(f"{len(name)} {name}/\n".encode("utf-8", "surrogateescape"))
        if not _tree_stamps(os.path.join(folder, name), digest, now, skip):
            return False
    digest.update(b"..\n")
    return True
