"""The per-file levels: one input file -> its findings, its summaries, its document.

``seed`` (the file reads as a seed) and ``schema`` (the canonical document satisfies the
JSON Schema) run here, one file at a time; the ``corpus`` level (rules across documents)
only ever sees the small ``Summary`` each file yields, so a large corpus is never held
in memory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import posixpath
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic
from corpus_tools.errors import ReadError
from corpus_tools.exporters import SCHEMATRON
from corpus_tools.inputs import SEEDS_DIR
from corpus_tools.paths import display_path
from corpus_tools.rules import Summary
from corpus_tools.schema import VERSION_MISMATCH, SchemaError, check_document

# The model and the metadata table are imported where they are used: ``Options`` and
# the result codec are all a run answered from the cache needs of this module.
if TYPE_CHECKING:
    from corpus_tools.metadata import Metadata
    from corpus_tools.model import Document, Source
    from corpus_tools.seeds import SeedResult

_SKETCH = 4
# Summary fields in their declared order: the cache stores a summary as this row.
_SUMMARY_FIELDS = tuple(f.name for f in dataclasses.fields(Summary))


@dataclass(frozen=True, slots=True)
class FileResult:
    """Findings and summaries of one input file (a JSONL file gives several summaries)."""

    path: str
    diagnostics: list[Diagnostic]
    summaries: list[Summary] = field(default_factory=list)
    document: Document | None = None

    @property
    def sha256(self) -> str | None:
        """The SHA-256 of the file's bytes, for a file that is one seed."""
        return self.summaries[0].sha256 if len(self.summaries) == 1 else None


@dataclass(frozen=True, slots=True)
class Options:
    """How to run the checks."""

    today: dt.date | None = None
    lang_override: str | None = None
    # The source metadata table, whose rows are merged into the documents (None: none).
    metadata: Metadata | None = field(default=None, compare=False)
    # Schemas chosen instead of the project's, by name ("tei", "tei-schematron"), for
    # the TEI files given as paths.
    schemas: tuple[tuple[str, str], ...] = ()

    def source_of(self, path: Path) -> Source | None:
        """The row of the source metadata table for the seed at ``path``, if any."""
        if self.metadata is None:
            return None
        return self.metadata.sources.get(path.name.removesuffix(".txt"))

    def source_key(self, path: Path) -> str | None:
        """What of the source metadata the result of the seed at ``path`` depends on
        (None: nothing): a digest of its row."""
        if self.metadata is None:
            return None
        return self.metadata.digest(path.name.removesuffix(".txt"))


def sketch(doc: Document) -> tuple[int, ...]:
    """Bottom-k sketch of normalised paragraph hashes, for near-duplicate search.

    Case and white space are ignored; two documents sharing at least half of their
    sketch share about half of their paragraphs.
    """
    hashes = {
        zlib.crc32(" ".join(p.text.casefold().split()).encode("utf-8")) for p in doc.paragraphs
    }
    return tuple(sorted(hashes)[:_SKETCH])


def text_hash(doc: Document) -> str:
    """Hash of the canonical text, to find exact duplicate texts."""
    return hashlib.blake2b(doc.full_text.encode("utf-8"), digest_size=16).hexdigest()


def summarise(res: SeedResult) -> Summary:
    """The corpus-rule summary of a seed result."""
    doc = res.document
    return Summary(
        path=res.path,
        id=res.id,
        seq=res.seq,
        hash=res.hash,
        sha256=res.sha256,
        text_hash=text_hash(doc) if doc else None,
        sketch=sketch(doc) if doc else (),
        date=res.date,
        date_line=res.date_line,
        date_column=res.date_column,
    )


def _doc_summary(doc: Document, path: str, line: int | None) -> Summary:
    return Summary(
        path=path,
        id=doc.id,
        seq=doc.seq,
        hash=doc.hash,
        sha256=None,
        text_hash=text_hash(doc),
        sketch=sketch(doc),
        date=doc.date,
        date_line=line,
        date_column=None,
    )


def _schema_diagnostic(err: SchemaError, file: str, data: Any, line: int | None) -> Diagnostic:
    """A schema violation, pointing at the seed line of the paragraph where possible; a
    document of another schema version is ``schema-version``."""
    if err.validator == VERSION_MISMATCH:
        return Diagnostic("schema-version", file, err.message, line, None, pointer=err.pointer)
    seed_line = line
    parts = err.pointer.split("/")
    if isinstance(data, dict) and len(parts) > 2 and parts[1] == "paragraphs":
        try:
            para = data["paragraphs"][int(parts[2])]
            if isinstance(para, dict) and isinstance(para.get("line"), int) and line is None:
                seed_line = para["line"]
        except (ValueError, IndexError, KeyError, TypeError):
            pass
    where = err.pointer or "(document)"
    return Diagnostic(
        "schema-violation", file, f"{where}: {err.message}", seed_line, None, pointer=err.pointer
    )


def read_seed(
    path: Path,
    root: Path,
    config: Config,
    *,
    lang_override: str | None = None,
    source: Source | None = None,
) -> SeedResult:
    """``seeds.read_seed``, imported on first use: a run answered from the cache never
    loads the converter (its regular expressions and classes cost start-up time)."""
    from corpus_tools.seeds import read_seed as read

    return read(path, root, config, lang_override=lang_override, source=source)


def check_seed(path: Path, root: Path, config: Config, options: Options) -> FileResult:
    """Seed and schema levels for one seed file, its source metadata merged."""
    res = read_seed(
        path, root, config, lang_override=options.lang_override, source=options.source_of(path)
    )
    diags = list(res.diagnostics)
    doc = res.document
    if doc is not None:
        data = doc.to_dict()
        err = check_document(data, invariants=False)
        if err is not None:
            diags.append(_schema_diagnostic(err, res.path, data, None))
            doc = None
    return FileResult(res.path, diags, [summarise(res)], doc)


def _check_json_value(
    data: Any, file: str, line: int | None
) -> tuple[list[Diagnostic], Document | None]:
    from corpus_tools.model import Document

    kind = _export_line_kind(data)
    if kind is not None:
        return _check_export_line(data, kind, file, line)
    err = check_document(data)
    if err is not None:
        return [_schema_diagnostic(err, file, data, line)], None
    return [], Document.from_dict(data)


# Keys that only a line of a JSONL export has, by the table whose line it is.
_EXPORT_LINE_KEYS = (
    ("seed_sha256", "documents"),
    ("start_paragraph", "quotations"),
    ("mentions", "persons"),
)


def _export_line_kind(data: Any) -> str | None:
    """The table whose JSONL export line ``data`` is (``corpus.jsonl``,
    ``quotations.jsonl``, ``persons.jsonl``), or None for a canonical document."""
    if not isinstance(data, dict):
        return None
    return next((kind for key, kind in _EXPORT_LINE_KEYS if key in data), None)


def _check_export_line(
    data: dict[str, Any], kind: str, file: str, line: int | None
) -> tuple[list[Diagnostic], Document | None]:
    """A line of a JSONL export, validated against the JSON Schema of its file's lines;
    a document line gives the document the corpus rules need (its quotations are in
    quotations.jsonl, not checked here)."""
    from corpus_tools.exporters import jsonl
    from corpus_tools.exporters.tables import source_from_row
    from corpus_tools.model import Document, Paragraph, Provenance, Stats

    err = jsonl.check_line(data, kind)
    if err is not None:
        where = err.pointer or "(line)"
        message = f"{where}: {err.message} (the JSON Schema of {jsonl.FILES[kind]}'s lines)"
        return [
            Diagnostic("schema-violation", file, message, line, None, pointer=err.pointer)
        ], None
    if kind != "documents":
        return [], None
    paragraphs = tuple(Paragraph(p["n"], p["line"], p["text"]) for p in data["paragraphs"])
    doc = Document(
        id=data["id"],
        seq=data["seq"],
        hash=data["hash"],
        date=data["date"],
        lang=data["lang"],
        lang_source=data["lang_source"],
        title=data["title"],
        title_source=data["title_source"],
        paragraphs=paragraphs,
        quotations=(),
        stats=Stats(data["paragraph_count"], data["word_count"], data["character_count"], 0),
        provenance=Provenance(
            data["seed_path"], data["seed_sha256"], data["seed_bytes"], data["converter"]
        ),
        schema_version=data["schema_version"],
        dateline=data["dateline"] or None,
        lang_confidence=data["lang_confidence"] if data["lang_identified"] else None,
        source=source_from_row(data),
    )
    # The canonical schema's own constraints (patterns, lengths, the characters a text
    # may hold) apply to what the line says; its quotations are in quotations.jsonl.
    err = check_document(doc.to_dict(), invariants=False)
    if err is not None:
        return [_schema_diagnostic(err, file, None, line)], None
    return [], doc


def json_layout(path: Path, limit: int) -> str | None:
    """How a .json or .jsonl file holds its JSON, told by its content: ``lines`` when
    its first non-blank line is a whole JSON value and another line follows, ``whole``
    when the first line is not a whole value (a pretty-printed document), ``None`` when
    the file has one line (either reading gives the same) or cannot be read."""
    from corpus_tools.model import parse_json

    try:
        with path.open("rb") as fh:
            first = b""
            while not first.strip():
                first = fh.readline(limit + 1)
                if not first:
                    return None
            if len(first) > limit:
                return None
            text = first.decode("utf-8", "replace")
            if _too_many_containers(text):
                return None  # refused by counting, never parsed: the extension decides
            _, problem = parse_json(text)
            if problem is not None:
                return "whole"
            while True:
                more = fh.readline(limit + 1)
                if not more:
                    return None
                if more.strip():
                    return "lines"
    except OSError:
        return None


# The most JSON objects and arrays one canonical document may hold. A document from the
# largest seed has tens of thousands (paragraphs, quotations and their positions); 16 MiB
# of '{},' would make json build 5.6 million dicts (about 500 MiB), so the bytes are
# counted first and such a file is refused before anything is built.
MAX_JSON_CONTAINERS = 400_000


def _too_many_containers(text: str) -> str | None:
    """Why ``text`` would build too much in memory, or None. Braces inside strings count
    too: the bound only needs to be an upper one."""
    found = text.count("{") + text.count("[")
    if found > MAX_JSON_CONTAINERS:
        return (
            f"{found} JSON objects and arrays (at most {MAX_JSON_CONTAINERS} are read from one "
            "canonical document, so that memory stays bounded)"
        )
    return None


def _json_limit(config: Config) -> int:
    # A canonical document repeats quoted text: allow a few times the largest seed.
    return 16 * config.max_seed_bytes


def check_json(path: Path, root: Path, config: Config | None = None) -> FileResult:
    """Schema level for a canonical JSON file."""
    from corpus_tools.model import parse_json

    rel = display_path(path, root)
    limit = _json_limit(config or Config())
    try:
        with path.open("rb") as fh:
            raw = fh.read(limit + 1)
        if len(raw) > limit:
            return FileResult(
                rel,
                [
                    Diagnostic(
                        "seed-too-large",
                        rel,
                        f"the file is larger than {limit} bytes, the limit for one canonical document",
                    )
                ],
            )
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return FileResult(rel, [Diagnostic("seed-unreadable", rel, f"cannot read: {exc}")])
    too_many = _too_many_containers(text)
    data, problem = (None, (too_many, None, None)) if too_many else parse_json(text)
    if problem is not None:
        message, line, column = problem
        return FileResult(rel, [Diagnostic("json-invalid", rel, message, line, column)])
    diags, doc = _check_json_value(data, rel, None)
    if doc is None:
        return FileResult(rel, diags)
    return FileResult(rel, diags, [_doc_summary(doc, rel, None)], doc)


def check_jsonl(path: Path, root: Path, config: Config | None = None) -> FileResult:
    """Schema level for each line of a JSONL file of canonical documents (streamed)."""
    from corpus_tools.model import parse_json

    rel = display_path(path, root)
    limit = _json_limit(config or Config())
    diags: list[Diagnostic] = []
    summaries: list[Summary] = []
    try:
        fh = path.open("rb")
    except OSError as exc:
        return FileResult(rel, [Diagnostic("seed-unreadable", rel, f"cannot read: {exc}")])
    with fh:
        lineno = 0
        while raw := fh.readline(limit + 1):
            lineno += 1
            if len(raw) > limit:
                diags.append(
                    Diagnostic(
                        "seed-too-large",
                        rel,
                        f"line longer than {limit} bytes, the limit for one canonical document",
                        lineno,
                    )
                )
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = fh.readline(limit + 1)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                diags.append(
                    Diagnostic(
                        "seed-unreadable", rel, f"not UTF-8: {exc.reason}", lineno, exc.start + 1
                    )
                )
                continue
            if not line.strip():
                continue
            too_many = _too_many_containers(line)
            data, problem = (None, (too_many, lineno, None)) if too_many else parse_json(line)
            if problem is not None:
                diags.append(Diagnostic("json-invalid", rel, problem[0], lineno, problem[2]))
                continue
            found, doc = _check_json_value(data, rel, lineno)
            diags.extend(found)
            if doc is not None:
                summaries.append(_doc_summary(doc, rel, lineno))
    return FileResult(rel, diags, summaries)


def check_file(path: Path, root: Path, config: Config, options: Options) -> FileResult:
    """Run the per-file levels that fit the file's kind; every file in the seeds folder
    is a seed, and one in a sub-folder of it is misplaced."""
    rel = display_path(path, root)
    folder, _, _ = posixpath.normpath(rel).rpartition("/")
    if folder == SEEDS_DIR:
        return check_seed(path, root, config, options)
    if folder.startswith(SEEDS_DIR + "/"):
        message = (
            f"{rel} is in a sub-folder of {SEEDS_DIR}/, which is not read: the article is "
            "not part of the corpus"
        )
        return FileResult(rel, [Diagnostic("seed-misplaced", rel, message)])
    name = path.name
    unsupported = _unsupported(name)
    if unsupported is not None:
        message = (
            f"{rel} is {unsupported}, which corpus validate does not check on its own: it was"
            " not read"
        )
        return FileResult(rel, [Diagnostic("file-kind-unsupported", rel, message)])
    kind = extension_kind(name)
    found = content_kind(path)
    if kind is not None and found is not None and found != kind:
        return _kind_mismatch(rel, kind, found)
    if kind == "xml":
        return check_tei_file(path, root, options)
    if kind == "json":
        # By extension and content: JSON Lines named .json are read line by line, a
        # pretty-printed document named .jsonl whole; each value is then a canonical
        # document or a line of a JSONL export, as its keys say.
        layout = json_layout(path, _json_limit(config))
        if layout == "lines" or (layout is None and name.endswith(".jsonl")):
            return check_jsonl(path, root, config)
        return check_json(path, root, config)
    return check_seed(path, root, config, options)


# Files of the export folder and of a package that are checked as part of the folder,
# never alone, by extension or name: read as a seed, they would get a seed's advice.
_UNSUPPORTED_EXTENSIONS = {
    ".csv": "a CSV table",
    ".tsv": "a TSV table",
    ".parquet": "a Parquet table",
    ".md": "a Markdown file",
    ".rng": "a RELAX NG schema",
    ".toml": "a TOML file",
    ".cff": "a citation file",
    ".yaml": "a YAML file",
    ".yml": "a YAML file",
}
_UNSUPPORTED_NAMES = {
    "datapackage.json": "a Data Package descriptor",
    "ro-crate-metadata.json": "RO-Crate metadata",
    "croissant.json": "Croissant metadata",
}


def _unsupported(name: str) -> str | None:
    """What a file that corpus validate does not check alone is, by its name (None for
    the kinds it checks, and for names that say nothing: those are read as seeds)."""
    if name in _UNSUPPORTED_NAMES:
        return _UNSUPPORTED_NAMES[name]
    if name.endswith(".jsonschema.json") or name.endswith(".schema.json"):
        return "a JSON Schema"
    _, dot, ext = name.rpartition(".")
    return _UNSUPPORTED_EXTENSIONS.get(f".{ext.lower()}") if dot else None


# What each kind of file is called in findings, and the extension it should have.
_KINDS = {
    "seed": ("a seed", ".txt"),
    "json": ("JSON", ".json or .jsonl"),
    "xml": ("XML", ".xml"),
}


def extension_kind(name: str) -> str | None:
    """What a file's extension says it holds: ``json``, ``xml``, ``seed`` (``.txt``), or
    None for any other name (read as a seed, whose checks name the bad file name)."""
    if name.endswith((".json", ".jsonl")):
        return "json"
    if name.endswith(".xml"):
        return "xml"
    if name.endswith(".txt"):
        return "seed"
    return None


def content_kind(path: Path) -> str | None:
    """What a file holds, told by its first bytes: ``xml`` (it starts with ``<``),
    ``json`` (``{`` or ``[``), ``seed`` (``date``), or None when they do not tell
    (empty, unreadable, or anything else: the checks of its extension say what is
    wrong). A byte order mark and leading white space are skipped."""
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError:
        return None
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head[:1] == b"<":
        return "xml"
    if head[:1] in (b"{", b"["):
        return "json"
    if head[:4].lower() == b"date":
        return "seed"
    return None


def _kind_mismatch(rel: str, kind: str, found: str) -> FileResult:
    said, _ = _KINDS[kind]
    held, extension = _KINDS[found]
    message = (
        f"the file name says {said} but the file holds {held}; it was not checked as "
        f"either: rename it to end in {extension}"
    )
    if found == "seed":
        message += " (a seed must also be in seeds/ and named NNN_<16 hex>.txt)"
    return FileResult(rel, [Diagnostic("file-kind-mismatch", rel, message, 1)])


def check_tei_file(path: Path, root: Path, options: Options) -> FileResult:
    """A TEI file (an export's ``tei/doc-<id>.xml`` or ``corpus.tei.xml``), validated as
    the export check validates it (RELAX NG, pointers and ids, and the Schematron rules
    of ``--tei-schematron``), then read back into documents for the schema and corpus
    levels. XML of another root element is a finding: only TEI is read."""
    from corpus_tools.exporters.tei import check as tei_check

    rel = display_path(path, root)
    schemas = dict(options.schemas)
    diags, documents, tei = tei_check.check_tei_path(
        path, rel, Path(schemas["tei"]) if "tei" in schemas else None
    )
    rules = schemas.get(SCHEMATRON)
    if rules is not None and tei:
        diags.extend(
            tei_check.schematron_diagnostics(tei_check.schematron_verdict(path, Path(rules)), rel)
        )
    summaries: list[Summary] = []
    first: Document | None = None
    count = 0
    try:
        for doc in documents or ():
            count += 1
            err = check_document(doc.to_dict())
            if err is not None:
                diags.append(_schema_diagnostic(err, rel, None, None))
                continue
            summaries.append(_doc_summary(doc, rel, None))
            first = doc if count == 1 else None
    except ReadError as exc:
        diags.append(Diagnostic("export-invalid", rel, exc.message, exc.line))
    # The document goes on (to the corpus rules) only when the file holds just one:
    # documents of a corpus file are never held together.
    return FileResult(rel, diags, summaries, first if count == 1 else None)


def encode(result: FileResult) -> str:
    """A file result as compact JSON (the cache payload); documents are not kept."""
    return json.dumps(
        [
            result.path,
            [d.to_dict() for d in result.diagnostics],
            [[getattr(x, name) for name in _SUMMARY_FIELDS] for x in result.summaries],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(payload: str) -> FileResult:
    """The file result ``encode`` stored."""
    path, diags, summaries = json.loads(payload)
    return FileResult(
        path,
        [Diagnostic.from_dict(d) for d in diags],
        [_summary_from_row(row) for row in summaries],
    )


def _summary_from_row(row: list[Any]) -> Summary:
    values = dict(zip(_SUMMARY_FIELDS, row, strict=True))
    values["sketch"] = tuple(values["sketch"])
    return Summary(**values)
