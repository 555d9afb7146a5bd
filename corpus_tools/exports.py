"""The export folder: staging a run's files, the digests an export would write, and
which files in a folder are missing, stale or extra. Knows no format by name."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_tools.cache import Digests
from corpus_tools.exporters import EXPORTERS, Rendered, render_all
from corpus_tools.io import Staging

if TYPE_CHECKING:
    from corpus_tools.config import Config
    from corpus_tools.model import Document


class _DigestFile:
    """A staged file that is only hashed: what ``StagedFile`` would write, never written."""

    __slots__ = ("_hash", "size", "target")

    def __init__(self, target: Path) -> None:
        self.target = target
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        """Count and hash the bytes."""
        self._hash.update(data)
        self.size += len(data)

    def write_text(self, text: str) -> None:
        """Count and hash the text as UTF-8."""
        self.write(text.encode("utf-8"))

    @property
    def sha256(self) -> str:
        """SHA-256 of the bytes so far."""
        return self._hash.hexdigest()

    def close(self) -> None:
        """Nothing to flush."""


class DigestStaging(Staging):
    """A staging that only hashes: the files an export would write, by SHA-256, with
    nothing created on disk (checking exports costs no writes). Its records are kept
    as a writing staging's are, in the run's ledger."""

    def put_bytes(self, target: Path, data: bytes) -> None:
        """Hash a file given whole."""
        name = os.fspath(target)
        self.chains.add(name, data)
        self._ledger.add(name, None, hashlib.sha256(data).hexdigest(), len(data))

    def open(self, target: Path) -> Any:
        """A file that is hashed as it is written."""
        staged = _DigestFile(target)
        self.files.append(staged)  # type: ignore[arg-type]
        return staged

    def delete(self, target: Path) -> None:
        """Nothing is on disk to delete."""

    def flush(self) -> None:
        """Nothing to flush."""

    def commit(self, *, timeout: float | None = None) -> None:
        """A digest staging never lands."""
        raise RuntimeError("a DigestStaging cannot be committed")

    def abort(self) -> None:
        """Nothing to throw away but the records."""
        self.files.clear()
        self._ledger.close()


def stage_export(
    documents: Iterable[Document] | Iterable[Rendered],
    formats: Iterable[str],
    out_dir: Path,
    config: Config,
    staging: Staging | None = None,
) -> Staging:
    """Write ``documents`` in every format to staged files, not yet committed.

    Items may come pre-rendered as ``(document id, render_all(...))``.
    """
    formats = list(formats)
    staging = Staging(out_dir) if staging is None else staging
    try:
        sinks = [(name, EXPORTERS[name].open(out_dir, config, staging)) for name in formats]
        for item in documents:
            if isinstance(item, tuple):
                doc_id, fragments = item
            else:
                doc_id, fragments = item.id, render_all(item, formats, config)
            for name, sink in sinks:
                sink.add(doc_id, fragments[name])
        # A sink that closes last (the one describing every file: the Data Package)
        # closes after the others closed and were flushed: the sizes and hashes it reads
        # in ``staging.records`` are final.
        last = [sink for _, sink in sinks if getattr(sink, "closes_last", False)]
        if len(last) > 1:
            raise RuntimeError("two sinks close last; each would miss the other's files")
        for _, sink in sinks:
            if sink not in last:
                sink.close()
        staging.flush()
        for sink in last:
            sink.close()
        staging.flush()
    except BaseException:
        staging.abort()
        raise
    return staging


def export_documents(
    documents: Iterable[Document] | Iterable[Rendered],
    formats: Iterable[str],
    out_dir: Path,
    config: Config,
) -> Staging:
    """Write ``documents`` in every format of ``formats``; all files or none land."""
    staging = stage_export(documents, formats, out_dir, config)
    try:
        staging.commit()
    except BaseException:
        staging.abort()
        raise
    return staging


def expected_files(
    documents: Iterable[Document] | Iterable[Rendered], formats: Iterable[str], config: Config
) -> Digests:
    """The files an export of ``documents`` writes, by SHA-256, in path order (nothing
    is written)."""
    # An empty scratch folder: sinks that look at what is already there find nothing.
    with tempfile.TemporaryDirectory(prefix="corpus-check-") as tmp:
        fresh = Path(tmp)
        staging = stage_export(documents, formats, fresh, config, DigestStaging())
        try:
            return staging.digests(fresh)
        finally:
            staging.abort()  # its records are copied: the ledger can go


def _listed(out_dir: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every entry below ``out_dir`` but folders, by relative path. Dot-files and
    dot-folders are passed over: the writers' temporaries (``.corpus-tmp-*``), a
    ``.gitkeep`` and the like are not deliverables."""
    # os.scandir rather than Path.rglob: this lists every export file on every run; and
    # read as it comes, never listed whole (a folder of one file per document).
    pending = [("", os.fspath(out_dir))]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((rel + "/", entry.path))
                else:
                    yield rel, entry


def owned_files(out_dir: Path, formats: Iterable[str]) -> Iterator[str]:
    """The files under ``out_dir`` that belong to one of ``formats`` (relative paths),
    in no particular order."""
    chosen = [EXPORTERS[name] for name in formats]
    for rel, entry in _listed(out_dir):
        if entry.is_file() and any(e.owns(rel) for e in chosen):
            yield rel


def stray_files(out_dir: Path, formats: Iterable[str]) -> list[str]:
    """The entries under ``out_dir`` (files, links, anything but a folder or a
    dot-file) that none of ``formats`` writes, sorted: ``corpus export`` neither writes
    nor removes them, so nothing else would ever mention them."""
    chosen = [EXPORTERS[name] for name in formats]
    return sorted(rel for rel, _ in _listed(out_dir) if not any(e.owns(rel) for e in chosen))


def file_sha256(path: str) -> str | None:
    """SHA-256 of a file, read in chunks; None when it is not a readable regular file."""
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def compare_exports(
    expected: Mapping[str, str],
    out_dir: Path,
    formats: Iterable[str],
    digest: Callable[[str], str | None] = file_sha256,
    judged: Callable[[str], bool] | None = None,
) -> list[tuple[str, str, str]]:
    """``(code, relative path, message)`` for each missing, stale or extra export file.

    ``digest`` gives a file's SHA-256 (None: not a regular file); a cache can answer
    from file stamps. With ``judged``, a file found in the folder is called extra only
    where ``judged`` says it can be told (the files of documents that could not be
    converted, for one, cannot).
    """
    problems: list[tuple[str, str, str]] = []
    base = os.path.abspath(out_dir)
    # ``expected`` is read as it comes (a ``Digests`` is in path order), and each file
    # found is looked up in it: no copy of either side is held.
    for rel, sha in expected.items():
        found = digest(os.path.join(base, rel))
        if found is None:
            problems.append(("export-missing", rel, "the export file is missing"))
        elif found != sha:
            problems.append(("export-stale", rel, "the export file is out of date with the seeds"))
    extra = [rel for rel in owned_files(out_dir, formats) if rel not in expected]
    for rel in sorted(extra):
        if judged is not None and not judged(rel):
            continue
        problems.append(("export-extra", rel, "the export file belongs to no current document"))
    return problems


class Subset(Mapping[str, str]):
    """The entries of ``files`` whose path ``keep`` accepts, read from it as used (a
    filtered copy of 100,000 digests would cost what ``Digests`` saves)."""

    def __init__(self, files: Mapping[str, str], keep: Callable[[str], bool]) -> None:
        self._files = files
        self._keep = keep

    def __getitem__(self, rel: str) -> str:
        if not self._keep(rel):
            raise KeyError(rel)
        return self._files[rel]

    def __iter__(self) -> Iterator[str]:
        return (rel for rel in self._files if self._keep(rel))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def linked_folder(out_dir: Path, formats: Iterable[str]) -> Path | None:
    """The export folder, or a sub-folder an exporter writes into, where it is a link."""
    subfolders = sorted({s for name in formats for s in EXPORTERS[name].subfolders})
    for folder in (out_dir, *(out_dir / name for name in subfolders)):
        if folder.is_symlink():
            return folder
    return None
