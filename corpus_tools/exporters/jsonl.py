"""JSONL export: ``corpus.jsonl`` (one line per document, in id order),
``quotations.jsonl`` and ``persons.jsonl`` (one line per quotation part, per person),
each with the JSON Schema of its lines beside it (``<name>.jsonschema.json``).

A line of ``corpus.jsonl`` is the document's row of the documents table
(``exporters.tables``) with its paragraphs as a list of ``{"n", "line", "text"}``; the
other files hold the rows of their tables. Every key is on every line with a value of
one type: no null, no empty list (an absent string is ``""``), so that readers that
infer types from the first lines or megabytes (Polars, Hugging Face ``datasets``,
DuckDB, pyarrow) infer the same types wherever a value first appears. A line is
therefore not the canonical document, whose optional keys, nulls and empty lists
(``quotations``, ``persons``, ``provenance.normalisations``, ``dateline``) no reader can
type from a line where they are missing, null or empty. ``corpus convert`` still writes
canonical documents as JSONL, and ``read_jsonl`` reads either kind of file.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from corpus_tools.config import Config
from corpus_tools.errors import ReadError
from corpus_tools.exporters.datapackage import Written, file_resource, table_resource
from corpus_tools.exporters.tables import (
    DOCUMENTS,
    PARAGRAPH_COLUMNS,
    PERSONS,
    QUOTATIONS,
    Located,
    Table,
    assemble,
    document_row,
)
from corpus_tools.io import StagedFile, Staging
from corpus_tools.journal import settle, settled
from corpus_tools.model import Document, dumps_canonical, parse_json
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
# The file of each table (the documents carry their paragraphs).
FILES = {"documents": FILE_NAME, "quotations": "quotations.jsonl", "persons": "persons.jsonl"}
SCHEMAS = {name: file.removesuffix(".jsonl") + ".jsonschema.json" for name, file in FILES.items()}
_TABLES: dict[str, Table] = {"documents": DOCUMENTS, "quotations": QUOTATIONS, "persons": PERSONS}
# A key on every line of corpus.jsonl and on no canonical document (whose provenance
# holds it).
EXPORT_LINE_KEY = "seed_sha256"


def document_line(doc: Document) -> dict[str, Any]:
    """The ``corpus.jsonl`` line of ``doc`` as data: its documents row and paragraphs."""
    data: dict[str, Any] = dict(zip(DOCUMENTS.names, document_row(doc), strict=True))
    data["paragraphs"] = [p.to_dict() for p in doc.paragraphs]
    return data


# What json.dumps(..., ensure_ascii=False, separators=(",", ":")) uses, made once:
# json.dumps builds a new encoder on every call with options, and this runs per line.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _line(data: Mapping[str, Any]) -> str:
    # Keys in the table's column order (the schema fixes it): readers that match
    # columns by position, such as frictionless, find the table's header.
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
    # U+2028 and U+2029 are valid inside JSON strings, but readers that split lines
    # the Unicode way (Python's str.splitlines, JavaScript before ES2019) break a record
    # at them: written escaped, every record is one line for every reader.
    return _ENCODER.encode(values).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_lines(doc: Document) -> tuple[bytes, ...]:
    """The document's lines in every file, in ``FILES`` order (pure, for workers)."""
    out = [(_line(document_line(doc)) + "\n").encode("utf-8")]
    for name in ("quotations", "persons"):
        table = _TABLES[name]
        names = table.names
        text = "".join(_line(dict(zip(names, r, strict=True))) + "\n" for r in table.rows(doc))
        out.append(text.encode("utf-8"))
    return tuple(out)


def render_line(doc: Document) -> bytes:
    """The document's ``corpus.jsonl`` line."""
    return render_lines(doc)[0]


def line_schema(name: str = "documents") -> dict[str, Any]:
    """The JSON Schema (2020-12) of a line of table ``name``'s JSONL file."""
    table = _TABLES[name]
    properties = {c.name: c.json_schema() for c in table.columns}
    required = list(table.names)
    if name == "documents":
        properties["paragraphs"] = {
            "title": "Paragraphs",
            "description": "The paragraphs of the document in order, the lead paragraph first "
            "(the rows of the paragraphs table without document_id).",
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [c.name for c in PARAGRAPH_COLUMNS[1:]],
                "properties": {c.name: c.json_schema() for c in PARAGRAPH_COLUMNS[1:]},
            },
        }
        required.append("paragraphs")
        what = "One document: its row of the documents table and its paragraphs."
    else:
        what = f"One row of the {name} table ({table.description})"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"A line of {FILES[name]}",
        "description": f"{what} Every key is present on every line with a value of the type "
        "given here: no nulls, no empty lists; an absent string is the empty string. "
        "corpus_tools.read makes the canonical documents of schema/document.schema.json "
        "from corpus.jsonl and the files beside it.",
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


def render_schema(name: str = "documents") -> bytes:
    """The JSON Schema file of table ``name``'s lines, as written."""
    return (dumps_canonical(line_schema(name), indent=2) + "\n").encode("utf-8")


@functools.cache
def _validators(name: str) -> tuple[Any, Validator]:
    schema = line_schema(name)
    return compile_fast(schema), make_reference_validator(schema)


def check_line(data: Any, name: str = "documents") -> SchemaError | None:
    """The most relevant violation of table ``name``'s line schema, or None."""
    fast, reference = _validators(name)
    return check_with(data, fast, reference)


def is_export_line(data: Any) -> bool:
    """True for a JSON value that is (meant as) a line of ``corpus.jsonl`` rather than
    a canonical document: it has a key only those lines have."""
    return isinstance(data, dict) and EXPORT_LINE_KEY in data


class JsonlSink:
    """Streams lines into the JSONL files; writes the schemas of their lines.

    A file of document parts (quotations, persons) is written only when it has a line:
    an empty JSONL file has no header to type its columns from, and frictionless and
    others refuse it. Such a file left by an earlier export is removed."""

    def __init__(self, out_dir: Path, staging: Staging) -> None:
        self._out_dir = out_dir
        self._staging = staging
        names = list(FILES.values())
        self._targets = [out_dir / name for name in names]
        self._files: list[StagedFile | None] = [staging.open(self._targets[0])]
        self._files += [None] * (len(names) - 1)

    def add(self, doc_id: str, fragment: tuple[bytes, ...]) -> None:
        """Write the document's lines (``render_lines``)."""
        for i, data in enumerate(fragment):
            if not data:
                continue
            staged = self._files[i]
            if staged is None:
                staged = self._files[i] = self._staging.open(self._targets[i])
            staged.write(data)

    def close(self) -> None:
        """Write the JSON Schema of each file's lines beside it; remove a parts file
        that would be empty."""
        for target, staged in zip(self._targets, self._files, strict=True):
            if staged is None and target.is_file():
                self._staging.delete(target)
        written = {t.name for t, f in zip(self._targets, self._files, strict=True) if f}
        for name, schema in SCHEMAS.items():
            if FILES[name] in written:
                self._staging.put_bytes(self._out_dir / schema, render_schema(name))
            elif (self._out_dir / schema).is_file():
                self._staging.delete(self._out_dir / schema)


class JsonlExporter:
    """``corpus.jsonl``, ``quotations.jsonl``, ``persons.jsonl`` and their schemas."""

    name = "jsonl"
    description = (
        "corpus.jsonl (a document per line: its row and paragraphs), quotations.jsonl and "
        "persons.jsonl, each with the JSON Schema of its lines"
    )

    def open(self, out_dir: Path, config: Config, staging: Staging) -> JsonlSink:
        """Start the files."""
        return JsonlSink(out_dir, staging)

    def render(self, doc: Document, config: Config) -> tuple[bytes, ...]:
        """The document's lines (see ``render_lines``)."""
        return render_lines(doc)

    def owns(self, rel_path: str) -> bool:
        """The JSONL files and their schemas."""
        return rel_path in FILES.values() or rel_path in SCHEMAS.values()

    subfolders: tuple[str, ...] = ()

    def describe(self, written: Written) -> list[dict[str, Any]]:
        """Each file as a tabular resource (a line a row) pointing at its JSON Schema
        (``jsonSchema``), and the schema files."""
        out: list[dict[str, Any]] = []
        for name, file in FILES.items():
            if file not in written.files:
                continue
            table = _TABLES[name]
            resource = table_resource(
                f"{name}-jsonl",
                file,
                written,
                table,
                mediatype="application/jsonl",
                jsonSchema=SCHEMAS[name],
            )
            if name == "documents":
                resource["title"] = "Documents as JSON Lines"
                resource["description"] = (
                    "One document per line: its row of the documents table and its "
                    f"paragraphs (an array of n, line, text); every line satisfies {SCHEMAS[name]}."
                )
                resource["schema"]["fields"].append(
                    {
                        "name": "paragraphs",
                        "type": "array",
                        "title": "Paragraphs",
                        "description": "The paragraphs in order: objects with n, line and text.",
                        "constraints": {"required": True, "minLength": 1},
                    }
                )
            else:
                resource["description"] += f" Every line satisfies {SCHEMAS[name]}."
            out.append(resource)
        for name, schema in SCHEMAS.items():
            if schema in written.files:
                out.append(
                    file_resource(
                        f"{name}-jsonl-schema",
                        schema,
                        written,
                        title=f"JSON Schema of a line of {FILES[name]}",
                        description=f"JSON Schema (2020-12) that every line of {FILES[name]} "
                        "satisfies.",
                        mediatype="application/schema+json",
                    )
                )
        return out

    def read(self, path: Path) -> Iterator[Document]:
        """The documents of ``corpus.jsonl`` and the files beside it (``path`` is the
        folder or any file of the format)."""
        if path.is_dir() or path.name in set(FILES.values()) - {FILE_NAME}:
            path = (path if path.is_dir() else path.parent) / FILE_NAME
        elif path.name in SCHEMAS.values():
            path = path.parent / FILE_NAME
        return read_jsonl(path)

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
    """A JSONL file cannot be read back; names the file and line."""


def _open(path: Path) -> IO[str]:
    try:
        return path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise JsonlReadError(path, None, f"cannot read: {exc.strerror or exc}") from None


def _values(path: Path, fh: IO[str]) -> Iterator[tuple[int, Any]]:
    """Each line of ``fh`` parsed, with its number."""
    lineno = 0
    try:
        for lineno, line in enumerate(fh, start=1):
            data, broken = parse_json(line)
            if broken is not None:
                raise JsonlReadError(path, lineno, f"not JSON: {broken[0]}")
            yield lineno, data
    except UnicodeDecodeError as exc:
        raise JsonlReadError(path, lineno + 1, f"not UTF-8: {exc.reason}") from None


def _rows(path: Path, fh: IO[str], name: str) -> Iterator[Located]:
    """The lines of table ``name``'s file, each checked against its line schema."""
    for lineno, data in _values(path, fh):
        problem = check_line(data, name)
        if problem is not None:
            raise JsonlReadError(path, lineno, f"{problem.pointer}: {problem.message}")
        yield lineno, data


def read_jsonl(path: Path) -> Iterator[Document]:
    """Read a JSONL file back into documents, one line at a time: ``corpus.jsonl`` of
    an export (with ``quotations.jsonl`` and ``persons.jsonl`` beside it) or a file of
    canonical documents (``corpus convert``), told apart by the first line."""
    settle(path)  # a switch of the folder that a killed run left half-done
    with _open(path) as fh:
        try:
            first = fh.readline()
        except UnicodeDecodeError:
            first = ""  # the line-by-line reading says where
    data, _ = parse_json(first)
    if is_export_line(data):
        yield from _read_export(path)
    else:
        yield from _read_canonical(path)


def _read_canonical(path: Path) -> Iterator[Document]:
    with _open(path) as fh:
        for lineno, data in _values(path, fh):
            problem = check_document(data)
            if problem is not None:
                raise JsonlReadError(path, lineno, f"{problem.pointer}: {problem.message}")
            yield Document.from_dict(data)


def _read_export(path: Path) -> Iterator[Document]:
    folder = path.parent
    files = {name: (path if name == "documents" else folder / f) for name, f in FILES.items()}
    with settled(folder):  # every file opened from one export, never a mix
        # A parts file is absent when no document has such parts.
        handles = {
            name: _open(p) if name == "documents" or p.exists() else io.StringIO()
            for name, p in files.items()
        }
    try:

        def fail(table: str, line: int | None, message: str) -> JsonlReadError:
            return JsonlReadError(files.get(table, path), line, message)

        parts = {
            name: _rows(files[name], handles[name], name) for name in ("quotations", "persons")
        }
        names = {**{k: Path(v).name for k, v in files.items()}, "paragraphs": path.name}
        yield from assemble(_rows(path, handles["documents"], "documents"), parts, names, fail)
    finally:
        for fh in handles.values():
            fh.close()
