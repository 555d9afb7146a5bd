"""JSONL export: ``corpus.jsonl``, one line per document in id order, and the JSON
Schema of its lines, ``corpus.jsonl.schema.json``, beside it.

A line is the document's row of the ``documents`` table (``exporters.tables``) with its
paragraphs as a list of ``{"n", "line", "text"}``: every key is on every line, with a
value of one type (no null, no empty list), so that readers that infer types from the
first lines or megabytes (Polars, Hugging Face ``datasets``, DuckDB, pyarrow) infer the
same types wherever a value first appears. It is therefore not the canonical document,
whose optional keys and empty lists (``quotations``, ``provenance.normalisations``) no
reader can type from a line where they are missing or empty: the normalisations are
boolean keys, and the quotations are found again in the paragraph texts on reading
(``quotation_count`` says how many), as the CSV export does. ``corpus convert`` still
writes canonical documents as JSONL, and ``read_jsonl`` reads either kind of line.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_tools.config import Config
from corpus_tools.errors import ReadError
from corpus_tools.exporters.datapackage import Written, file_resource, table_resource
from corpus_tools.exporters.tables import (
    DOCUMENTS,
    PARAGRAPH_COLUMNS,
    TableError,
    document_from_rows,
    document_row,
)
from corpus_tools.io import StagedFile, Staging
from corpus_tools.model import Document, Paragraph, dumps_canonical, parse_json
from corpus_tools.schema import (
    SchemaError,
    check_document,
    check_with,
    compile_fast,
    make_reference_validator,
)

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

    from corpus_tools.diagnostics import Diagnostic
    from corpus_tools.exporters import CheckSettings

FILE_NAME = "corpus.jsonl"
SCHEMA_NAME = "corpus.jsonl.schema.json"
# A key on every export line and on no canonical document (whose provenance holds it).
EXPORT_LINE_KEY = "seed_sha256"


def line_of(doc: Document) -> dict[str, Any]:
    """The JSONL line of ``doc`` as data: its documents row and its paragraphs."""
    data: dict[str, Any] = dict(zip(DOCUMENTS.names, document_row(doc), strict=True))
    data["paragraphs"] = [p.to_dict() for p in doc.paragraphs]
    return data


def render_line(doc: Document) -> bytes:
    """The document's line (pure, for worker processes)."""
    return (dumps_canonical(line_of(doc)) + "\n").encode("utf-8")


def line_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a line of ``corpus.jsonl``."""
    paragraph = {
        "type": "object",
        "additionalProperties": False,
        "required": [c.name for c in PARAGRAPH_COLUMNS[1:]],
        "properties": {c.name: c.json_schema() for c in PARAGRAPH_COLUMNS[1:]},
    }
    properties = {c.name: c.json_schema() for c in DOCUMENTS.columns}
    properties["paragraphs"] = {
        "title": "Paragraphs",
        "description": "The paragraphs of the document in order, the lead paragraph first "
        "(the rows of paragraphs.csv without document_id).",
        "type": "array",
        "minItems": 1,
        "items": paragraph,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "A line of corpus.jsonl",
        "description": "One document: its row of the documents table (documents.csv) and its "
        "paragraphs. Every key is present on every line with a value of the type given here: "
        "no nulls, no empty lists. Quotations are not stored: find_quotations finds them "
        "again in the paragraph texts (quotation_count says how many). The canonical "
        "document of schema/document.schema.json is made from a line by corpus-tools "
        "(corpus_tools.read).",
        "type": "object",
        "additionalProperties": False,
        "required": [*DOCUMENTS.names, "paragraphs"],
        "properties": properties,
    }


def render_schema() -> bytes:
    """``corpus.jsonl.schema.json`` as written."""
    return (dumps_canonical(line_schema(), indent=2) + "\n").encode("utf-8")


@functools.cache
def _validators() -> tuple[Any, Validator]:
    schema = line_schema()
    return compile_fast(schema), make_reference_validator(schema)


def check_line(data: Any) -> SchemaError | None:
    """The most relevant violation of the line schema by ``data``, or None."""
    fast, reference = _validators()
    return check_with(data, fast, reference)


def is_export_line(data: Any) -> bool:
    """True for a JSON value that is (meant as) a line of the JSONL export rather than a
    canonical document: it has a key that only export lines have."""
    return isinstance(data, dict) and EXPORT_LINE_KEY in data


def document_of_line(data: dict[str, Any]) -> Document:
    """The document of a valid export line (quotations found again); raises
    ``TableError`` when its counts disagree with its paragraphs."""
    paragraphs = [Paragraph(p["n"], p["line"], p["text"]) for p in data["paragraphs"]]
    for i, p in enumerate(paragraphs, start=1):
        if p.n != i:
            raise TableError("paragraphs", f"paragraph {p.n} where paragraph {i} was expected")
    return document_from_rows(data, paragraphs)


class JsonlSink:
    """Streams documents into ``corpus.jsonl``; writes the schema of its lines."""

    def __init__(self, staged: StagedFile, schema: Path, staging: Staging) -> None:
        self._out = staged
        self._schema = schema
        self._staging = staging

    def add(self, doc_id: str, fragment: bytes) -> None:
        """Write one document as one line (``render_line``)."""
        self._out.write(fragment)

    def close(self) -> None:
        """Write ``corpus.jsonl.schema.json`` beside the lines."""
        self._staging.put_bytes(self._schema, render_schema())


class JsonlExporter:
    """``exports/corpus.jsonl`` and ``exports/corpus.jsonl.schema.json``."""

    name = "jsonl"
    description = "corpus.jsonl: one document per line (its row and paragraphs), with the JSON Schema of its lines"

    def open(self, out_dir: Path, config: Config, staging: Staging) -> JsonlSink:
        """Start ``corpus.jsonl``."""
        return JsonlSink(staging.open(out_dir / FILE_NAME), out_dir / SCHEMA_NAME, staging)

    def render(self, doc: Document, config: Config) -> bytes:
        """The document's line (see ``render_line``)."""
        return render_line(doc)

    def owns(self, rel_path: str) -> bool:
        """``corpus.jsonl`` and the schema of its lines."""
        return rel_path in (FILE_NAME, SCHEMA_NAME)

    subfolders: tuple[str, ...] = ()

    def describe(self, written: Written) -> list[dict[str, Any]]:
        """The lines as a tabular resource (each line a row; ``paragraphs`` an array),
        pointing at its JSON Schema, and the schema file."""
        out: list[dict[str, Any]] = []
        if FILE_NAME in written.files:
            resource = table_resource(
                "corpus-jsonl",
                FILE_NAME,
                written,
                DOCUMENTS,
                mediatype="application/jsonl",
                jsonSchema=SCHEMA_NAME,
            )
            resource["title"] = "Documents as JSON Lines"
            resource["description"] = (
                "One document per line: its row of the documents table and its paragraphs "
                f"(an array of n, line, text); each line satisfies {SCHEMA_NAME}."
            )
            schema = resource["schema"]
            schema["fields"].append(
                {
                    "name": "paragraphs",
                    "type": "array",
                    "title": "Paragraphs",
                    "description": "The paragraphs in order: objects with n, line and text.",
                    "constraints": {"required": True, "minLength": 1},
                }
            )
            schema.pop("missingValues", None)
            out.append(resource)
        if SCHEMA_NAME in written.files:
            out.append(
                file_resource(
                    "corpus-jsonl-schema",
                    SCHEMA_NAME,
                    written,
                    title="JSON Schema of a line of corpus.jsonl",
                    description="JSON Schema (2020-12) that every line of corpus.jsonl satisfies.",
                    mediatype="application/schema+json",
                )
            )
        return out

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
        """Nothing beyond freshness: each line is exactly what the renderer writes."""
        return []


EXPORTER = JsonlExporter()


class JsonlReadError(ReadError):
    """A JSONL export cannot be read back; names the file and line."""


def read_jsonl(path: Path) -> Iterator[Document]:
    """Read a JSONL file back into documents, one line at a time: lines of the export
    (``corpus.jsonl``) and canonical documents (``corpus convert``) alike."""
    name = str(path)
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
                yield _document(data, name, lineno)
        except UnicodeDecodeError as exc:
            raise JsonlReadError(name, lineno + 1, f"not UTF-8: {exc.reason}") from None


def _document(data: Any, name: str, lineno: int) -> Document:
    if is_export_line(data):
        problem = check_line(data)
        if problem is None:
            try:
                doc = document_of_line(data)
            except TableError as exc:
                raise JsonlReadError(name, lineno, exc.message) from None
            problem = check_document(doc.to_dict())
            if problem is None:
                return doc
            raise JsonlReadError(
                name, lineno, f"not a valid document: {problem.pointer}: {problem.message}"
            )
        raise JsonlReadError(name, lineno, f"{problem.pointer}: {problem.message}")
    problem = check_document(data)
    if problem is not None:
        raise JsonlReadError(name, lineno, f"{problem.pointer}: {problem.message}")
    return Document.from_dict(data)
