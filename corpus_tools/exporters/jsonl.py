"""JSONL export: one canonical document per line, in id order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_tools.config import Config
from corpus_tools.errors import ReadError
from corpus_tools.io import StagedFile, Staging
from corpus_tools.journal import settle
from corpus_tools.model import Document, dumps_canonical, parse_json
from corpus_tools.schema import check_document

if TYPE_CHECKING:
    from corpus_tools.diagnostics import Diagnostic
    from corpus_tools.exporters import CheckSettings

FILE_NAME = "corpus.jsonl"


def render_line(doc: Document) -> bytes:
    """The document's line (pure, for worker processes)."""
    return (dumps_canonical(doc.to_dict()) + "\n").encode("utf-8")


class JsonlSink:
    """Streams documents into ``corpus.jsonl``."""

    def __init__(self, staged: StagedFile) -> None:
        self._out = staged

    def add(self, doc_id: str, fragment: bytes) -> None:
        """Write one document as one line (``render_line``)."""
        self._out.write(fragment)

    def close(self) -> None:
        """Nothing to finish: every line is complete."""


class JsonlExporter:
    """``exports/corpus.jsonl``."""

    name = "jsonl"
    description = "corpus.jsonl: one canonical JSON document per line"

    def open(self, out_dir: Path, config: Config, staging: Staging) -> JsonlSink:
        """Start ``corpus.jsonl``."""
        return JsonlSink(staging.open(out_dir / FILE_NAME))

    def render(self, doc: Document, config: Config) -> bytes:
        """The document's line (see ``render_line``)."""
        return render_line(doc)

    def owns(self, rel_path: str) -> bool:
        """Only ``corpus.jsonl``."""
        return rel_path == FILE_NAME

    subfolders: tuple[str, ...] = ()

    def read(self, path: Path) -> Iterator[Document]:
        """The documents of ``corpus.jsonl`` (``path`` is the file or its folder)."""
        return read_jsonl(path / FILE_NAME if path.is_dir() else path)

    def document_of(self, rel_path: str) -> str | None:
        """Every file of this format holds the whole corpus."""
        return None

    def judge(self, doc_id: str, fragment: Any, settings: CheckSettings) -> dict[str, str]:
        """Nothing to judge per document."""
        return {}

    def check(
        self, out_dir: Path, files: Mapping[str, str], settings: CheckSettings
    ) -> list[Diagnostic]:
        """Nothing beyond freshness: each line is exactly the canonical document."""
        return []


EXPORTER = JsonlExporter()


class JsonlReadError(ReadError):
    """A JSONL export cannot be read back; names the file and line."""


def read_jsonl(path: Path) -> Iterator[Document]:
    """Read ``corpus.jsonl`` back into documents, one line at a time."""
    name = str(path)
    settle(path)  # a switch of the folder that a killed run left half-done
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise JsonlReadError(name, None, f"cannot read: {exc.strerror or exc}") from None
    with fh:
        lineno = 0
        try:
            for lineno, line in enumerate(fh, start=1):
                data, broken = parse_json(line)
                if broken is not None:
                    raise JsonlReadError(name, lineno, f"not JSON: {broken[0]}")
                problem = check_document(data)
                if problem is not None:
                    raise JsonlReadError(name, lineno, f"{problem.pointer}: {problem.message}")
                yield Document.from_dict(data)
        except UnicodeDecodeError as exc:
            raise JsonlReadError(name, lineno + 1, f"not UTF-8: {exc.reason}") from None
