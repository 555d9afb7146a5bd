"""Fuzzing the readers of exports and ``corpus validate`` on JSON and JSONL files.

Each reader gets arbitrary bytes and mutations of real exports (byte-level damage and
structured edits: attribute values, cells, JSON values, dropped or repeated rows and
tags). Invariant: the only exception that escapes is the reader's documented error
type (``TeiReadError``, ``CsvReadError``, ``JsonlReadError``); ``corpus validate``
never raises, exits with 0 or 1, and reports only catalogued codes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_tools.commands import Streams, ValidateArgs, run_validate
from corpus_tools.diagnostics import CODES
from corpus_tools.exporters.csv import (
    DOCUMENTS,
    FILES,
    CsvReadError,
    read_csv_export,
)
from corpus_tools.exporters.jsonl import JsonlReadError, read_jsonl
from corpus_tools.exporters.tei import TeiReadError, check_tei_references, read_tei
from corpus_tools.exports import export_documents
from corpus_tools.schema import check_document
from corpus_tools.seeds import convert_seed

from ..annotated import annotated_document
from ._support import CONFIG, FORMATS, fuzz_settings, make_corpus, sample_seeds, scratch_dir

pytestmark = pytest.mark.fuzz


@cache
def exported() -> dict[str, bytes]:
    """Every export file of the sample seeds, by path relative to the export folder."""
    docs = []
    for rel, data in sample_seeds():
        doc = convert_seed(data, rel, CONFIG).document
        assert doc is not None
        docs.append(doc)
    # Quotation types, speakers and persons, as the annotation engine will give them.
    docs.append(annotated_document(CONFIG))
    with scratch_dir() as out:
        export_documents(docs, list(FORMATS), out, CONFIG)
        return {
            p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
        }


# --- byte-level damage (shared by every format) -----------------------------------------


def _pos(draw: st.DrawFn, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with one to three byte-level edits."""
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "delete", "insert", "flip", "repeat"]))
        i = _pos(draw, data)
        j = draw(st.integers(i, min(len(data), i + 400)))
        if kind == "truncate":
            data = data[:i]
        elif kind == "delete":
            data = data[:i] + data[j:]
        elif kind == "insert":
            data = data[:i] + draw(st.binary(min_size=1, max_size=16)) + data[i:]
        elif kind == "flip" and data[i:j]:
            data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]
        else:
            data = data[:j] + data[i:j] + data[j:]
    return data


def _replace_match(draw: st.DrawFn, data: bytes, pattern: bytes, new: bytes) -> bytes:
    """Replace group 1 of one match of ``pattern`` in ``data`` with ``new``."""
    found = list(re.finditer(pattern, data, re.DOTALL))
    if not found:
        return data
    m = draw(st.sampled_from(found))
    return data[: m.start(1)] + new + data[m.end(1) :]


# --- TEI -------------------------------------------------------------------------------

_ODD_VALUES = [
    "",
    "0",
    "-1",
    "1.5",
    "99999999999999999999999999",
    "٣",
    "#",
    "#q1",
    "#doc-000_8817f6bb585a9fd5-q1",
    "#doc-000_8817f6bb585a9fd5-q999",
    "doc-000_8817f6bb585a9fd5-q1-2",
    "#doc-000_8817f6bb585a9fd5-marks1",
    "#doc-004_00000000000000bb-dash",
    "#doc-004_00000000000000bb-person1",
    "#doc-004_00000000000000bb-person9",
    "doc-004_00000000000000bb-person1",
    "mention",
    "speech",
    "dash",
    "und",
    "2025-02-30",
]
_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_XML_SNIPPETS = [
    b'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    b"<?pi data?>",
    b"<!-- comment -->",
    b"<![CDATA[ <p>not markup</p> ]]>",
    b"&amp;",
    b"&bogus;",
    b"&#0;",
    b"&#xD800;",
    b"&#x1F600;",
    b'<said xmlns="http://www.tei-c.org/ns/1.0">',
    b"</said>",
    b"<p>",
    b'<said xml:id="doc-000_8817f6bb585a9fd5-q1" rendition="#doc-000_8817f6bb585a9fd5-dash">x</said>',
    b'<title xml:id="doc-004_00000000000000bb-q1" rendition="#doc-004_00000000000000bb-marks1">',
    b"</soCalled>",
    b'<person xml:id="doc-004_00000000000000bb-person3"><persName>X</persName></person>',
    b'<persName type="mention">',
    b"<mentioned>x</mentioned>",
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
    b"<" * 3,
]


def _xml_escape(text: str) -> bytes:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .encode("utf-8", "surrogatepass")
    )


@st.composite
def mutated_tei(draw: st.DrawFn) -> bytes:
    """A real TEI file (one document or the corpus) with structural and byte edits."""
    files = exported()
    names = sorted(n for n in files if n.endswith(".xml"))
    data = files[draw(st.sampled_from(names))]
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(["attr", "text", "drop-tag", "xeno", "snippet", "nest", "bytes"])
        )
        if kind == "attr":
            value = draw(st.sampled_from(_ODD_VALUES) | st.text(max_size=12))
            data = _replace_match(draw, data, rb'="([^"]*)"', _xml_escape(value))
        elif kind == "text":
            value = draw(st.sampled_from(_ODD_VALUES) | st.text(max_size=30))
            data = _replace_match(draw, data, rb">([^<]+)<", _xml_escape(value))
        elif kind == "drop-tag":
            data = _replace_match(draw, data, rb"(<[^>]+>)", b"")
        elif kind == "xeno":
            value = json.dumps(draw(_JSON_VALUES), ensure_ascii=draw(st.booleans()))
            data = _replace_match(
                draw, data, rb"<xenoData[^>]*>(.*?)</xenoData>", _xml_escape(value)
            )
        elif kind == "snippet":
            at = _pos(draw, data)
            data = data[:at] + draw(st.sampled_from(_XML_SNIPPETS)) + data[at:]
        elif kind == "nest":
            at = data.find(b"</p>")
            depth = draw(st.integers(1, 400))
            if at >= 0:
                said = b'<name xml:id="doc-000_8817f6bb585a9fd5-q1" rendition="#r">'
                data = data[:at] + said * depth + b"x" + b"</name>" * depth + data[at:]
        else:
            data = draw(damaged(data))
    return data


def _read_all_tei(data: bytes) -> list[dict[str, Any]]:
    try:
        return [d.to_dict() for d in read_tei(data)]
    except TeiReadError as exc:
        error = exc
    assert error.path == "<bytes>"
    assert error.message
    return []


@fuzz_settings(400)
@given(mutated_tei())
def test_read_tei_mutated(data: bytes) -> None:
    _read_all_tei(data)
    # The reference check reports problems as data: it never raises.
    problems = check_tei_references([data])
    assert all(p.message for p in problems)


@fuzz_settings(200)
@given(st.binary(max_size=2048))
def test_read_tei_arbitrary_bytes(data: bytes) -> None:
    _read_all_tei(data)
    check_tei_references([data])


@fuzz_settings(100)
@given(mutated_tei())
def test_read_tei_mutated_file(data: bytes) -> None:
    # The path form names the file in every error.
    with scratch_dir() as tmp:
        path = tmp / "corpus.tei.xml"
        path.write_bytes(data)
        try:
            list(read_tei(path))
        except TeiReadError as exc:
            error: TeiReadError | None = exc
        else:
            error = None
        if error is not None:
            assert error.path == str(path)
            assert str(error).startswith(str(path))


# --- CSV -------------------------------------------------------------------------------


def read_csv_export_of(files: dict[str, bytes], folder: Path) -> list[Any]:
    """The documents of the exported tables, written unchanged into ``folder``."""
    folder.mkdir()
    for name in _TABLES:
        (folder / name).write_bytes(files[name])
    return list(read_csv_export(folder))


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _unrows(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


_CELL_VALUES = st.sampled_from(
    ["", "0", "-1", "1e3", "99999999999999999999999", "٣", " 1", "a;b", "\n\n", '"']
) | st.text(max_size=20)


@st.composite
def mutated_table(draw: st.DrawFn, data: bytes) -> bytes:
    """A CSV table with row- and cell-level edits, then perhaps byte-level damage."""
    rows = _rows(data)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["cell", "drop", "repeat", "swap", "widen", "narrow"]))
        r = draw(st.integers(0, len(rows) - 1))
        if kind == "cell" and rows[r]:
            c = draw(st.integers(0, len(rows[r]) - 1))
            rows[r][c] = draw(_CELL_VALUES)
        elif kind == "drop":
            del rows[r]
        elif kind == "repeat":
            rows.insert(r, list(rows[r]))
        elif kind == "swap":
            s = draw(st.integers(0, len(rows) - 1))
            rows[r], rows[s] = rows[s], rows[r]
        elif kind == "widen":
            rows[r].append(draw(_CELL_VALUES))
        elif kind == "narrow" and rows[r]:
            rows[r].pop()
        if not rows:
            break
    out = _unrows(rows)
    return draw(damaged(out)) if draw(st.booleans()) else out


# Every CSV table: the four of the shared tables and the facts tables.
_TABLES = tuple(FILES.values())


@st.composite
def mutated_csv_tables(draw: st.DrawFn) -> dict[str, bytes | None]:
    """The tables, one or two of them mutated, or one missing."""
    files = exported()
    tables: dict[str, bytes | None] = {name: files[name] for name in _TABLES}
    for name in draw(st.lists(st.sampled_from(_TABLES), min_size=1, max_size=2, unique=True)):
        data = tables[name]
        assert data is not None
        tables[name] = draw(mutated_table(data))
    if draw(_rarely()):
        tables[draw(st.sampled_from(_TABLES))] = None
    return tables


def _rarely() -> st.SearchStrategy[bool]:
    return st.integers(0, 9).map(lambda n: n == 0)


def _read_csv_tables(tables: dict[str, bytes | None]) -> list[dict[str, Any]]:
    with scratch_dir() as folder:
        for name, data in tables.items():
            if data is not None:
                (folder / name).write_bytes(data)
        try:
            return [d.to_dict() for d in read_csv_export(folder)]
        except CsvReadError as exc:
            error = exc
        assert str(folder) in str(error)
        return []


@fuzz_settings(400)
@given(mutated_csv_tables())
def test_read_csv_export_mutated(tables: dict[str, bytes | None]) -> None:
    _read_csv_tables(tables)


@fuzz_settings(200)
@given(st.sampled_from(_TABLES), st.binary(max_size=1024), st.binary(max_size=1024))
def test_read_csv_export_arbitrary_bytes(name: str, documents: bytes, other: bytes) -> None:
    files = exported()
    tables: dict[str, bytes | None] = {n: files[n] for n in _TABLES}
    tables[DOCUMENTS] = documents
    if name != DOCUMENTS:
        tables[name] = other
    _read_csv_tables(tables)


# --- JSONL and JSON ----------------------------------------------------------------------

# Parser limits: json.loads raises ValueError past 4,300 digits and RecursionError past
# the recursion limit, and a lone surrogate once broke the compiled schema validator.
_JSON_SNIPPETS = [
    b"[" * 5000 + b"]" * 5000,
    b"[" * 500 + b"]" * 500,
    b"1" * 5000,
    b"1" * 4000,
    b'"\\ud800"',
    b'{"id":"\\udc00"}',
    b"1e999999",
    b"NaN",
    b"-Infinity",
    b"\xef\xbb\xbf",
    b"\n\n",
    b"{}",
    b"null",
    b'{"a":1,"a":2}',
]


def _set_path(value: Any, draw: st.DrawFn, new: Any) -> Any:
    """Replace one value somewhere inside a JSON value."""
    if isinstance(value, dict) and value and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(value)))
        value[key] = _set_path(value[key], draw, new)
        return value
    if isinstance(value, list) and value and draw(st.booleans()):
        i = draw(st.integers(0, len(value) - 1))
        value[i] = _set_path(value[i], draw, new)
        return value
    return new


@st.composite
def mutated_jsonl(draw: st.DrawFn) -> bytes:
    """corpus.jsonl with JSON-level edits of one line, snippets, or byte-level damage."""
    lines = exported()["corpus.jsonl"].split(b"\n")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["value", "delete-key", "snippet", "bytes"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind in ("value", "delete-key") and lines[i].strip():
            try:
                doc = json.loads(lines[i])
            except (ValueError, RecursionError):  # a line damaged by an earlier edit
                continue
            if kind == "value":
                doc = _set_path(doc, draw, draw(_JSON_VALUES))
            elif isinstance(doc, dict) and doc:
                del doc[draw(st.sampled_from(sorted(doc)))]
            lines[i] = json.dumps(doc, ensure_ascii=draw(st.booleans())).encode(
                "utf-8", "surrogatepass"
            )
        elif kind == "snippet":
            lines[i] = draw(st.sampled_from(_JSON_SNIPPETS))
        else:
            lines[i] = draw(damaged(lines[i]))
    return b"\n".join(lines)


def _read_jsonl(data: bytes) -> None:
    with scratch_dir() as tmp:
        path = tmp / "corpus.jsonl"
        path.write_bytes(data)
        try:
            for doc in read_jsonl(path):
                assert check_document(doc.to_dict()) is None
        except JsonlReadError as exc:
            error: JsonlReadError | None = exc
        else:
            error = None
        assert error is None or error.path == str(path)


@fuzz_settings(400)
@given(mutated_jsonl())
def test_read_jsonl_mutated(data: bytes) -> None:
    _read_jsonl(data)


@fuzz_settings(200)
@given(st.binary(max_size=2048))
def test_read_jsonl_arbitrary_bytes(data: bytes) -> None:
    _read_jsonl(data)


def _validate(root: Path, path: Path) -> int:
    out, err = io.StringIO(), io.StringIO()
    args = ValidateArgs(
        paths=[path], root=root, formats=["json"], check_exports=False, jobs=1, cache=False
    )
    code = run_validate(args, Streams(out=out, err=err))
    assert code in (0, 1), err.getvalue()
    text = out.getvalue()
    text.encode("utf-8")  # a real terminal or pipe must be able to take the report
    report = json.loads(text)
    codes = {d["code"] for d in report["diagnostics"]}
    assert codes <= set(CODES)
    return code


@st.composite
def mutated_json(draw: st.DrawFn) -> bytes:
    """One canonical document as a .json file: edited, damaged, or arbitrary bytes."""
    doc = json.loads(exported()["corpus.jsonl"].split(b"\n")[0])
    kind = draw(st.sampled_from(["value", "bytes", "arbitrary"]))
    if kind == "value":
        doc = _set_path(doc, draw, draw(_JSON_VALUES))
        data = json.dumps(doc, indent=2, ensure_ascii=draw(st.booleans())).encode()
    elif kind == "bytes":
        data = draw(damaged(json.dumps(doc, indent=2).encode()))
    else:
        data = draw(st.binary(max_size=512))
    return data


@fuzz_settings(300)
@given(mutated_json() | mutated_jsonl(), st.sampled_from(["doc.json", "docs.jsonl"]))
def test_validate_json_and_jsonl_files(data: bytes, name: str) -> None:
    with scratch_dir() as root:
        make_corpus(root)
        path = root / name
        path.write_bytes(data)
        _validate(root, path)


# --- parser limits: minimal cases -------------------------------------------------------


def _surrogate_document() -> bytes:
    """A whole canonical document whose lang is a lone surrogate (a JSON escape)."""
    line = exported()["corpus.jsonl"].split(b"\n")[0]
    assert b'"lang":"en"' in line
    return line.replace(b'"lang":"en"', b'"lang":"\\udc00"')


_REPRODUCERS: dict[str, Callable[[], bytes]] = {
    "int-5000-digits": lambda: b"1" * 5000,
    "nested-100000": lambda: b"[" * 100_000 + b"]" * 100_000,
    "lone-surrogate": lambda: b'"\\ud800"',
    "lone-surrogate-in-document": _surrogate_document,
}
_PARSER_LIMITS = pytest.mark.parametrize("case", sorted(_REPRODUCERS))


@pytest.mark.parametrize("name", ["doc.json", "docs.jsonl"])
@_PARSER_LIMITS
def test_validate_reports_json_problems_as_findings(tmp_path: Path, case: str, name: str) -> None:
    # A finding (json-invalid or schema-violation, exit 1), not an internal error that
    # stops the whole run.
    make_corpus(tmp_path)
    (tmp_path / name).write_bytes(_REPRODUCERS[case]() + b"\n")
    assert _validate(tmp_path, tmp_path / name) == 1


@_PARSER_LIMITS
def test_read_jsonl_raises_jsonl_read_error(tmp_path: Path, case: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(_REPRODUCERS[case]() + b"\n")
    with pytest.raises(JsonlReadError):
        list(read_jsonl(path))


@pytest.mark.parametrize(
    ("old", "new"),
    [(b'ident="en"', b'ident="not a tag"'), (b'when="2025-11-20"', b'when="2025-02-30"')],
    ids=["lang", "date"],
)
def test_read_tei_refuses_schema_invalid_documents(old: bytes, new: bytes) -> None:
    data = exported()["tei/doc-001_a000000000000001.xml"]
    assert old in data
    with pytest.raises(TeiReadError):
        list(read_tei(data.replace(old, new)))


@pytest.mark.parametrize(("column", "value"), [("date", "2025-02-30"), ("lang", "not a tag")])
def test_read_csv_export_refuses_schema_invalid_documents(
    tmp_path: Path, column: str, value: str
) -> None:
    files = exported()
    rows = _rows(files[DOCUMENTS])
    index = rows[0].index(column)
    rows[1][index] = value
    (tmp_path / DOCUMENTS).write_bytes(_unrows(rows))
    for name in _TABLES[1:]:
        (tmp_path / name).write_bytes(files[name])
    assert list(read_csv_export_of(files, tmp_path / "intact"))  # only the edit is refused
    with pytest.raises(CsvReadError, match="not a valid document"):
        list(read_csv_export(tmp_path))
