"""SeedResult: what reading one seed gave."""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus_tools.diagnostics import Diagnostic
from corpus_tools.model import Document
from corpus_tools.seeds.names import seed_id


@dataclass(frozen=True, slots=True)
class SeedResult:
    """What reading one seed gave: the document (None on errors) and the findings."""

    path: str
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sha256: str | None = None
    size: int | None = None
    seq: int | None = None
    hash: str | None = None
    date: str | None = None
    date_line: int | None = None
    date_column: int | None = None

    @property
    def id(self) -> str | None:
        """The document id from the file name, when the name is valid."""
        return seed_id(self.path)
