"""The exporter registry, and running exporters over the corpus in one streaming pass.

An exporter is a class with a ``name`` (the CLI token), a ``description``, and
``open(out_dir, config, staging)`` returning a sink that takes documents one at a time
(in id order) and finishes with ``close()``. Sinks write only through ``staging`` so
that a run commits all of its files or none. Adding a format is one module (named as the
format) and one line in ``_MODULES``.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from corpus_tools.config import Config
    from corpus_tools.io import Staging
    from corpus_tools.model import Document


class Sink(Protocol):
    """Receives the documents of one export run, rendered."""

    def add(self, doc_id: str, fragment: Any) -> None:
        """Write one document (called in id order) as its exporter's ``render`` gave it."""

    def close(self) -> None:
        """Finish writing (the staging commits afterwards)."""


class Exporter(Protocol):
    """A named export format."""

    name: str
    description: str

    def open(self, out_dir: Path, config: Config, staging: Staging) -> Sink:
        """Start an export into ``out_dir``."""
        ...

    def owns(self, rel_path: str) -> bool:
        """True when ``rel_path`` (relative to the export folder) is this format's file."""
        ...

    def render(self, doc: Document, config: Config) -> Any:
        """The bytes a sink writes for ``doc``: pure and picklable, so worker processes
        can render while the main process only writes."""
        ...


# A document as its id and its fragments by format (rendered in a worker process).
Rendered = tuple[str, dict[str, Any]]


def render_all(doc: Document, formats: Iterable[str], config: Config) -> dict[str, Any]:
    """Every format's fragment for ``doc``."""
    return {name: EXPORTERS[name].render(doc, config) for name in formats}


# One line per format: the module under corpus_tools/exporters/ that defines EXPORTER,
# named as the format.
_MODULES = ("csv", "jsonl", "tei")


class _Registry(Mapping[str, "Exporter"]):
    """The exporters by name; a format's module is imported when it is first used, so a
    command that exports nothing never loads the exporters (or lxml)."""

    def __init__(self, modules: tuple[str, ...]) -> None:
        self._modules = tuple(sorted(modules))
        self._loaded: dict[str, Exporter] = {}

    def __getitem__(self, name: str) -> Exporter:
        if name not in self._modules:
            raise KeyError(name)
        exporter = self._loaded.get(name)
        if exporter is None:
            exporter = importlib.import_module(f"corpus_tools.exporters.{name}").EXPORTER
            if exporter.name != name:
                raise RuntimeError(f"exporter module {name} defines format {exporter.name!r}")
            self._loaded[name] = exporter
        return exporter

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


EXPORTERS: Mapping[str, Exporter] = _Registry(_MODULES)


def stage_export(
    documents: Iterable[Document] | Iterable[Rendered],
    formats: Iterable[str],
    out_dir: Path,
    config: Config,
) -> Staging:
    """Write ``documents`` in every format to staged files, not yet committed.

    Items may come pre-rendered as ``(document id, render_all(...))``.
    """
    from corpus_tools.io import Staging

    formats = list(formats)
    staging = Staging(out_dir)
    try:
        sinks = [(name, EXPORTERS[name].open(out_dir, config, staging)) for name in formats]
        for item in documents:
            if isinstance(item, tuple):
                doc_id, fragments = item
            else:
                doc_id, fragments = item.id, render_all(item, formats, config)
            for name, sink in sinks:
                sink.add(doc_id, fragments[name])
        for _, sink in sinks:
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


def owned_files(out_dir: Path, formats: Iterable[str]) -> set[str]:
    """The files under ``out_dir`` that belong to one of ``formats`` (relative paths)."""
    chosen = [EXPORTERS[name] for name in formats]
    found: set[str] = set()
    # os.scandir rather than Path.rglob: this lists every export file on every run.
    pending = [("", os.fspath(out_dir))]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((rel + "/", entry.path))
            elif entry.is_file() and any(e.owns(rel) for e in chosen):
                found.add(rel)
    return found


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


def expected_files(
    documents: Iterable[Document] | Iterable[Rendered], formats: Iterable[str], config: Config
) -> dict[str, str]:
    """Export into a scratch folder: the files an export writes, by SHA-256."""
    with tempfile.TemporaryDirectory(prefix="corpus-check-") as tmp:
        fresh = Path(tmp)
        staging = stage_export(documents, formats, fresh, config)
        digests = staging.digests(fresh)
        staging.abort()
        return dict(sorted(digests.items()))


def compare_exports(
    expected: dict[str, str],
    out_dir: Path,
    formats: Iterable[str],
    digest: Callable[[str], str | None] = file_sha256,
) -> list[tuple[str, str, str]]:
    """``(code, relative path, message)`` for each missing, stale or extra export file.

    ``digest`` gives a file's SHA-256 (None: not a regular file); a cache can answer
    from file stamps.
    """
    problems: list[tuple[str, str, str]] = []
    base = os.path.abspath(out_dir)
    for rel, sha in sorted(expected.items()):
        found = digest(os.path.join(base, rel))
        if found is None:
            problems.append(("export-missing", rel, "the export file is missing"))
        elif found != sha:
            problems.append(("export-stale", rel, "the export file is out of date with the seeds"))
    for rel in sorted(owned_files(out_dir, formats) - set(expected)):
        problems.append(("export-extra", rel, "the export file belongs to no current document"))
    return problems


def check_export(
    documents: Iterable[Document],
    formats: Iterable[str],
    out_dir: Path,
    config: Config,
) -> list[tuple[str, str, str]]:
    """Compare what an export would write with ``out_dir``; nothing is written there."""
    formats = list(formats)
    return compare_exports(expected_files(documents, formats, config), out_dir, formats)
