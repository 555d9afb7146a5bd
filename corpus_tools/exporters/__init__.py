"""The exporter registry, and running exporters over the corpus in one streaming pass.

An exporter is a class with a ``name`` (the CLI token), a ``description``, and
``open(out_dir, config, staging)`` returning a sink that takes documents one at a time
(in id order) and finishes with ``close()``. Sinks write only through ``staging`` so
that a run commits all of its files or none. Adding a format is one module and one line
in ``EXPORTERS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from corpus_tools.config import Config
from corpus_tools.io import Staging
from corpus_tools.model import Document


class Sink(Protocol):
    """Receives the documents of one export run."""

    def add(self, doc: Document) -> None:
        """Write one document (called in id order)."""

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


# One line per format: the module under corpus_tools/exporters/ that defines EXPORTER.
_MODULES = (
    "jsonl",
)


def _registry() -> dict[str, Exporter]:
    exporters: list[Exporter] = [
        importlib.import_module(f"corpus_tools.exporters.{name}").EXPORTER for name in _MODULES
    ]
    return {e.name: e for e in sorted(exporters, key=lambda e: e.name)}


EXPORTERS: dict[str, Exporter] = _registry()


def export_documents(
    documents: Iterable[Document],
    formats: Iterable[str],
    out_dir: Path,
    config: Config,
) -> Staging:
    """Write ``documents`` in every format of ``formats``; all files or none land."""
    staging = Staging()
    try:
        sinks = [EXPORTERS[name].open(out_dir, config, staging) for name in formats]
        for doc in documents:
            for sink in sinks:
                sink.add(doc)
        for sink in sinks:
            sink.close()
        staging.commit()
    except BaseException:
        staging.abort()
        raise
    return staging
