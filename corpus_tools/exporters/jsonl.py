"""JSONL export: one canonical document per line, in id order."""

from __future__ import annotations

from pathlib import Path

from corpus_tools.config import Config
from corpus_tools.io import StagedFile, Staging
from corpus_tools.model import Document, dumps_canonical

FILE_NAME = "corpus.jsonl"


class JsonlSink:
    """Streams documents into ``corpus.jsonl``."""

    def __init__(self, staged: StagedFile) -> None:
        self._out = staged

    def add(self, doc: Document) -> None:
        """Write one document as one line."""
        self._out.write_text(dumps_canonical(doc.to_dict()) + "\n")

    def close(self) -> None:
        """Nothing to finish: every line is complete."""


class JsonlExporter:
    """``exports/corpus.jsonl``."""

    name = "jsonl"
    description = "corpus.jsonl: one canonical JSON document per line"

    def open(self, out_dir: Path, config: Config, staging: Staging) -> JsonlSink:
        """Start ``corpus.jsonl``."""
        return JsonlSink(staging.open(out_dir / FILE_NAME))

    def owns(self, rel_path: str) -> bool:
        """Only ``corpus.jsonl``."""
        return rel_path == FILE_NAME


EXPORTER = JsonlExporter()
