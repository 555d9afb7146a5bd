"""The exporter registry: each export format by name, and what an exporter provides.

An exporter owns its format: ``render`` turns a document into the bytes its sink writes
(pure and picklable, so worker processes render while the main process only writes),
``open`` returns the sink that writes a run's files through a staging (all land or
none), ``owns`` tells its files apart, ``read`` reads them back, and ``check`` judges the
validity of what it wrote beyond freshness (the TEI schema, for example). An exporter
may also ``describe`` its files as Data Package resources (``exporters.datapackage``;
files of an exporter that does not are described from their names). Exporters use the
model only: the pipeline feeds them, they never import it. Adding a format is its
module (named as the format), one line in ``_MODULES`` and its tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from corpus_tools.registry import LazyRegistry

if TYPE_CHECKING:
    from corpus_tools.config import Config
    from corpus_tools.diagnostics import Diagnostic
    from corpus_tools.io import Staging
    from corpus_tools.model import Document


class Sink(Protocol):
    """Receives the documents of one export run, rendered.

    A sink whose class sets ``closes_last = True`` is closed after every other sink
    closed and the staging flushed, so that the sizes and hashes in ``Staging.records``
    are final when it reads them (the Data Package does); at most one sink may.
    """

    def add(self, doc_id: str, fragment: Any) -> None:
        """Write one document (called in id order) as its exporter's ``render`` gave it."""

    def close(self) -> None:
        """Finish writing (the staging commits afterwards)."""


class VerdictStore(Protocol):
    """Where checks keep verdicts by content key (the cache), so unchanged files are
    not judged again."""

    def verdicts(self, keys: list[str]) -> dict[str, str]:
        """The stored verdicts among ``keys``."""
        ...

    def put_verdicts(self, items: dict[str, str]) -> None:
        """Store verdicts by key."""
        ...


# The name in CheckSettings.schemas of a schema whose embedded Schematron rules check the
# TEI files (corpus validate --tei-schematron).
SCHEMATRON = "tei-schematron"


@dataclass(frozen=True)
class CheckSettings:
    """What an exporter's ``check`` is given besides the files: how reports name the
    export folder, schemas chosen instead of the project's, and a verdict store."""

    rel: str
    schemas: Mapping[str, Path] = field(default_factory=dict)
    verdicts: VerdictStore | None = None

    def schema_for(self, name: str) -> Path | None:
        """The schema chosen for format ``name``, if any."""
        return self.schemas.get(name)


class Exporter(Protocol):
    """A named export format."""

    name: str
    description: str
    # Folders the exporter writes into below the export folder.
    subfolders: tuple[str, ...]

    def open(self, out_dir: Path, config: Config, staging: Staging) -> Sink:
        """Start an export into ``out_dir``."""
        ...

    def owns(self, rel_path: str) -> bool:
        """True when ``rel_path`` (relative to the export folder) is this format's file."""
        ...

    def document_of(self, rel_path: str) -> str | None:
        """The id of the one document that this format's file ``rel_path`` holds, or
        None for a file of the whole corpus."""
        ...

    def render(self, doc: Document, config: Config) -> Any:
        """The bytes a sink writes for ``doc``: pure and picklable."""
        ...

    def read(self, path: Path) -> Iterator[Document]:
        """The documents of an export folder, or of one of this format's files in it."""
        ...

    def judge(self, doc_id: str, fragment: Any, settings: CheckSettings) -> dict[str, str]:
        """Verdicts on the files one rendered document becomes, keyed as ``check`` looks
        them up in ``settings.verdicts``: worker processes judge as they render, so the
        check of a fresh export costs the main process nothing."""
        ...

    def check(
        self, out_dir: Path, files: Mapping[str, str], settings: CheckSettings
    ) -> list[Diagnostic]:
        """Findings on the validity of ``files`` (relative path -> SHA-256, each already
        known to be fresh) beyond their being up to date."""
        ...


# A document as its id and its fragments by format (rendered in a worker process).
Rendered = tuple[str, dict[str, Any]]


def render_all(doc: Document, formats: Iterable[str], config: Config) -> dict[str, Any]:
    """Every format's fragment for ``doc``."""
    return {name: EXPORTERS[name].render(doc, config) for name in formats}


def judge_all(rendered: Rendered, settings: CheckSettings) -> dict[str, str]:
    """Every format's verdicts on the files of one rendered document."""
    doc_id, fragments = rendered
    verdicts: dict[str, str] = {}
    for name, fragment in fragments.items():
        verdicts.update(EXPORTERS[name].judge(doc_id, fragment, settings))
    return verdicts


_VERDICT_BATCH = 2000


class Verdicts:
    """Verdicts judged during this run, in front of a store that keeps them (or none)."""

    def __init__(
        self, backing: VerdictStore | None, schemas: Mapping[str, Path] | None = None
    ) -> None:
        self._known: dict[str, str] = {}
        self._backing = backing
        self.schemas: Mapping[str, Path] = dict(schemas or {})

    def add(self, items: dict[str, str]) -> None:
        """Remember verdicts judged during this run: in the store, a batch at a time,
        where there is one (a verdict per document is too many to hold to the end)."""
        self._known.update(items)
        if self._backing is not None and len(self._known) >= _VERDICT_BATCH:
            self.flush()
            self._known = {}

    def verdicts(self, keys: list[str]) -> dict[str, str]:
        """The verdicts known for ``keys``, from this run first."""
        found = {k: self._known[k] for k in keys if k in self._known}
        rest = [k for k in keys if k not in found]
        if rest and self._backing is not None:
            found.update(self._backing.verdicts(rest))
        return found

    def put_verdicts(self, items: dict[str, str]) -> None:
        """Keep verdicts for later runs."""
        if self._backing is not None:
            self._backing.put_verdicts(items)

    def flush(self) -> None:
        """Keep this run's verdicts for later runs."""
        if self._known:
            self.put_verdicts(self._known)


# One line per format: the module under corpus_tools/exporters/ that defines EXPORTER,
# named as the format.
_MODULES = ("csv", "jsonl", "parquet", "tei")


# The exporters by name; a format's module is imported when it is first used, so a
# command that exports nothing never loads the exporters (or lxml).
EXPORTERS: Mapping[str, Exporter] = LazyRegistry(__name__, _MODULES, "EXPORTER")


def owner_of(rel_path: str) -> Exporter | None:
    """The exporter whose file ``rel_path`` (relative to an export folder) is."""
    for name in EXPORTERS:
        exporter = EXPORTERS[name]
        if exporter.owns(rel_path):
            return exporter
    return None
