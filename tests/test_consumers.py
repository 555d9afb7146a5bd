"""The consumer matrix (issue 14): the tools researchers use load every tabular export
of a corpus with their default settings, with no loss and one type per column.

The corpus is made to trip readers that infer types from what they see first: 2,050
generated articles (no normalisation among them), five long padding articles, so that
the values that first appear late come after 2,000 lines and 12 MB of corpus.jsonl,
then those late values: a seed with CRLF, trailing spaces and a tab (the first
normalisations), an article in Cyrillic with emoji, one of over 150,000 characters,
and an annotated document (the first speakers, persons, dateline, language
confidence and source metadata). Quotations running over paragraphs put line breaks inside CSV cells.

Every reader is compared with the rows the tables module makes from the documents (for
CSV, the dense tables of ``exporters.csv_tables``: no CSV cell is ever empty, so that
datasets' CSV loader, which types each column from its first 10,000 rows, types every
column wherever its first value appears).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gc
import math
import os
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from corpus_tools.config import Config, load_config
from corpus_tools.exporters.csv import CSV_TABLES
from corpus_tools.exporters.csv import FILES as CSV_FILES
from corpus_tools.exporters.jsonl import FILES as JSONL_FILES
from corpus_tools.exporters.jsonl import document_line
from corpus_tools.exporters.tables import TABLES, Table, mentions_cell
from corpus_tools.exports import export_documents
from corpus_tools.model import Document, Source
from corpus_tools.seeds import convert_seed

from .annotated import annotated_document
from .conftest import assert_dense_csv, benchmark_generator

# Hugging Face never goes online here, and keeps its caches in a temporary folder
# (set before datasets is first imported: it reads them then).
_HF_HOME = tempfile.mkdtemp(prefix="corpus-tools-hf-")
os.environ.update(HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", HF_HOME=_HF_HOME)

GENERATED = 2050
LATE = 9000  # sequence numbers of the late documents


def _seed(body: str, date: str = "2025-06-01") -> bytes:
    return f" date {date} {body}\n".encode()


def _long_paragraphs(word: str, count: int, chars: int) -> str:
    per = chars // (len(word) + 1)
    return "\n\n".join(" ".join([word] * per) + f" {n}." for n in range(count))


PADDING = [
    # Five articles of about 600 KB each (12 paragraphs of 45,000 characters): padding
    # that puts the late values past 12 MB of corpus.jsonl.
    _seed(_long_paragraphs("падзея", 12, 45_000), f"2024-0{n + 1}-01")
    for n in range(5)
]
LATE_SEEDS = [
    # The first normalisations: CRLF, trailing spaces, a tab, a wrapped line.
    b" date 2025-07-01 A late report with CRLF line ends.  \r\n\r\nIt has\ta tab and a\r\n"
    b"wrapped line.\r\n",
    # Cyrillic and emoji, and a quotation over two paragraphs (a line break in its cell).
    _seed(
        "«Мы готовы», — заявил министр 🎉. Вечер 👍🏽 прошёл спокойно.\n\n"
        "«Первая часть цитаты.\n\n«И её окончание», — добавил он 🇧🇾."
    ),
    # Over 150,000 characters (each paragraph under the 50,000 limit).
    _seed(_long_paragraphs("слово", 4, 40_000)),
]


# The first (and only) source metadata: every source_* column is empty until it.
LATE_SOURCE = Source(
    publication="Минская газета",
    url="https://example.org/news/2025/12/01/clean-air?id=7",
    author="Kowalska, Anna",
    headline="«Чистый воздух 2030»: план представлен 🎉",
    licence="CC BY 4.0",
)


@dataclasses.dataclass
class Corpus:
    """The exports of the test corpus and the documents they hold."""

    out: Path
    docs: list[Document]
    config: Config

    def expected(self, table: Table) -> list[tuple[Any, ...]]:
        return [row for doc in self.docs for row in table.rows(doc)]


def _documents(root: Path, config: Config) -> Iterator[Document]:
    for path in sorted((root / "seeds").glob("*.txt")):
        rel = f"seeds/{path.name}"
        doc = convert_seed(path.read_bytes(), rel, config).document
        assert doc is not None, rel
        if doc.seq < LATE:
            # The optional values must first appear late (past the readers' inference
            # windows): the early documents carry none of them.
            doc = dataclasses.replace(
                doc,
                quotations=tuple(dataclasses.replace(q, speaker=None) for q in doc.quotations),
                persons=(),
                dateline=None,
                lang_confidence=None,
                title_source=doc.title_source.replace("after-dateline", "first-sentence"),
            )
        yield doc


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("consumers")
    benchmark_generator().generate(GENERATED, root, 5)
    gen = benchmark_generator()
    seeds = root / "seeds"
    for n, data in enumerate(PADDING):
        (seeds / gen.seed_name(GENERATED + n, GENERATED + 10, data)).write_bytes(data)
    for n, data in enumerate(LATE_SEEDS):
        (seeds / gen.seed_name(LATE + n, LATE + 10, data)).write_bytes(data)
    config = load_config(root)
    docs = list(_documents(root, config))
    annotated = annotated_document(config)
    doc_id = f"{LATE + 9}_{annotated.hash}"
    docs.append(
        dataclasses.replace(
            annotated,
            id=doc_id,
            seq=LATE + 9,
            provenance=dataclasses.replace(annotated.provenance, seed_path=f"seeds/{doc_id}.txt"),
            title=LATE_SOURCE.headline,
            title_source="headline",
            source=LATE_SOURCE,
        )
    )
    out = root / "exports"
    export_documents(docs, ["csv", "jsonl", "parquet"], out, config)
    return Corpus(out, docs, config)


def test_the_corpus_trips_inference(corpus: Corpus) -> None:
    docs = corpus.docs
    first_late = next(i for i, d in enumerate(docs) if d.seq >= LATE)
    assert first_late > 2000
    assert not any(d.provenance.normalisations for d in docs[:first_late])
    assert docs[first_late].provenance.normalisations
    lines = (corpus.out / "corpus.jsonl").read_bytes().split(b"\n")
    assert sum(len(line) + 1 for line in lines[:first_late]) > 12_000_000
    assert not any(q.speaker for d in docs[:first_late] for q in d.quotations)
    assert not any(d.persons or d.dateline or d.lang_confidence for d in docs[:first_late])
    assert docs[-1].persons
    assert docs[-1].dateline
    assert docs[-1].lang_confidence
    assert not any(d.source for d in docs[:-1])
    assert docs[-1].source == LATE_SOURCE
    assert max(len(d.full_text) for d in docs) > 150_000
    assert any("🎉" in d.full_text for d in docs)
    # No cell holds a line break any more: paragraphs have none, and a quotation continued
    # over paragraphs is now one linked part per paragraph (the annotation engine).
    assert not any("\n" in q.text for d in docs for q in d.quotations)


# --- turning what each reader gives into plain values -----------------------------------


def _plain(value: Any) -> Any:
    """A reader's value as a plain Python value (numpy and Arrow values unwrapped)."""
    if hasattr(value, "as_py"):
        value = value.as_py()
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()  # numpy scalars and arrays
    if type(value).__name__ == "NAType" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    return value


def _kind(value: Any) -> str:
    return "missing" if value is None else type(value).__name__


def _check_rows(
    table: Table,
    columns: list[str],
    rows: list[tuple[Any, ...]],
    expected: list[tuple[Any, ...]],
    *,
    text_cells: bool,
) -> None:
    """``rows`` (as a reader gave them) hold ``expected`` exactly, one type a column.

    ``text_cells``: the file is CSV, whose arrays are JSON text, and whose empty cells
    readers may give as missing (optional strings only)."""
    assert columns[: len(table.names)] == list(table.names)
    assert len(rows) == len(expected)
    for i, column in enumerate(table.columns):
        got = [_plain(r[i]) for r in rows]
        want = [e[i] for e in expected]
        if column.type == "array" and text_cells:
            want = [mentions_cell(v) for v in want]
        if column.optional:
            got = ["" if v is None else v for v in got]
        if column.type == "number":
            got = [float(v) for v in got]
        kinds = {_kind(v) for v in got}
        assert len(kinds) == 1, f"{table.name}.{column.name}: mixed types {kinds}"
        assert got == want, f"{table.name}.{column.name}: values differ"


def _csv_path(corpus: Corpus, table: Table) -> Path:
    return corpus.out / CSV_FILES[table.name]


def test_no_csv_cell_is_empty(corpus: Corpus) -> None:
    assert assert_dense_csv(corpus.out) == len(CSV_TABLES)
    # The optional values that appear late are rows of the facts tables, late too.
    facts = corpus.expected(next(t for t in CSV_TABLES if t.name == "quotation_facts"))
    first_speaker = next(i for i, r in enumerate(facts) if r[2] == "speaker_name")
    assert first_speaker > 10_000


def _csv_cases() -> Iterator[Any]:
    for table in CSV_TABLES:
        for reader in ("stdlib", "pandas", "polars", "duckdb", "pyarrow", "datasets"):
            yield pytest.param(reader, table, id=f"{reader}-{CSV_FILES[table.name]}")


def _read_csv(reader: str, path: Path, tmp_path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    if reader == "stdlib":
        # Default settings, the default field size limit (131,072) included.
        saved = csv.field_size_limit(131_072)
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                header, *records = list(csv.reader(fh))
        finally:
            csv.field_size_limit(saved)
        return header, [tuple(r) for r in records]
    if reader == "pandas":
        pd = pytest.importorskip("pandas")
        frame = pd.read_csv(path)
        return list(frame.columns), list(frame.itertuples(index=False, name=None))
    if reader == "polars":
        pl = pytest.importorskip("polars")
        frame = pl.read_csv(path)
        return frame.columns, frame.rows()
    if reader == "duckdb":
        duckdb = pytest.importorskip("duckdb")
        rel = duckdb.read_csv(str(path))
        return rel.columns, rel.fetchall()
    if reader == "pyarrow":
        pacsv = pytest.importorskip("pyarrow.csv")
        table = pacsv.read_csv(path)
        return table.column_names, [tuple(r.values()) for r in table.to_pylist()]
    return _datasets("csv", path, tmp_path)


def _datasets(kind: str, path: Path, tmp_path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    datasets = pytest.importorskip("datasets")
    failure = None
    with warnings.catch_warnings():
        # A failed load leaves its file open: close it here, not in a later test.
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ds = datasets.load_dataset(
                kind, data_files=str(path), split="train", cache_dir=str(tmp_path / "hf")
            )
        except Exception as exc:
            failure = f"{type(exc).__name__}: {exc}"
        gc.collect()
    if failure is not None:
        raise AssertionError(failure)
    return list(ds.column_names), [tuple(r.values()) for r in ds]


def _stdlib_typed(table: Table, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Python's csv gives text: the Table Schema's types say how to read it."""
    convert: dict[str, Callable[[str], Any]] = {
        "integer": int,
        "number": float,
        "boolean": lambda v: v == "true",
    }
    return [
        tuple(convert.get(c.type, str)(v) for c, v in zip(table.columns, r, strict=True))
        for r in rows
    ]


@pytest.mark.parametrize(("reader", "table"), list(_csv_cases()))
def test_csv(corpus: Corpus, reader: str, table: Table, tmp_path: Path) -> None:
    header, rows = _read_csv(reader, _csv_path(corpus, table), tmp_path)
    if reader == "stdlib":
        rows = _stdlib_typed(table, rows)
    _check_rows(table, list(header), rows, corpus.expected(table), text_cells=True)


# --- JSONL ------------------------------------------------------------------------------

_JSONL_TABLES = [t for t in TABLES if t.name in JSONL_FILES]


def _read_jsonl(reader: str, path: Path, tmp_path: Path) -> tuple[list[str], list[Any]]:
    if reader == "pandas":
        pd = pytest.importorskip("pandas")
        frame = pd.read_json(path, lines=True)
        return list(frame.columns), list(frame.itertuples(index=False, name=None))
    if reader == "polars":
        pl = pytest.importorskip("polars")
        frame = pl.read_ndjson(path)
        return frame.columns, frame.rows()
    if reader == "duckdb":
        duckdb = pytest.importorskip("duckdb")
        rel = duckdb.read_json(str(path))
        return rel.columns, rel.fetchall()
    if reader == "pyarrow":
        pajson = pytest.importorskip("pyarrow.json")
        table = pajson.read_json(path)
        return table.column_names, [tuple(r.values()) for r in table.to_pylist()]
    return _datasets("json", path, tmp_path)


def _paragraphs(value: Any) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in dict(p).items()} for p in _plain(value) or []]


@pytest.mark.parametrize("table", _JSONL_TABLES, ids=lambda t: JSONL_FILES[t.name])
@pytest.mark.parametrize("reader", ["pandas", "polars", "duckdb", "pyarrow", "datasets"])
def test_jsonl(corpus: Corpus, reader: str, table: Table, tmp_path: Path) -> None:
    path = corpus.out / JSONL_FILES[table.name]
    expected = corpus.expected(table)
    if not expected:
        assert not path.exists()  # no line, no file (nothing to type an empty file from)
        return
    columns, rows = _read_jsonl(reader, path, tmp_path)
    # The members of a JSON object have no order (RFC 8259), and Polars does not keep
    # theirs in a line of more than 32 keys (as corpus.jsonl's lines are): columns are
    # compared by name, in the table's order.
    names = [*table.names, *(["paragraphs"] if table.name == "documents" else [])]
    assert sorted(columns) == sorted(names)
    where = [list(columns).index(name) for name in names]
    columns, rows = names, [tuple(r[i] for i in where) for r in rows]
    if table.name == "documents":
        assert columns[-1] == "paragraphs"
        got = [_paragraphs(r[-1]) for r in rows]
        assert got == [document_line(d)["paragraphs"] for d in corpus.docs]
        rows = [r[:-1] for r in rows]
        columns = columns[:-1]
    _check_rows(table, list(columns), rows, expected, text_cells=False)


# --- Parquet ----------------------------------------------------------------------------


def _read_parquet(reader: str, path: Path, tmp_path: Path) -> tuple[list[str], list[Any]]:
    if reader == "pandas":
        pd = pytest.importorskip("pandas")
        frame = pd.read_parquet(path)
        return list(frame.columns), list(frame.itertuples(index=False, name=None))
    if reader == "polars":
        pl = pytest.importorskip("polars")
        frame = pl.read_parquet(path)
        return frame.columns, frame.rows()
    if reader == "duckdb":
        duckdb = pytest.importorskip("duckdb")
        rel = duckdb.read_parquet(str(path))
        return rel.columns, rel.fetchall()
    if reader == "pyarrow":
        pq = pytest.importorskip("pyarrow.parquet")
        table = pq.read_table(path)
        return table.column_names, [tuple(r.values()) for r in table.to_pylist()]
    return _datasets("parquet", path, tmp_path)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: f"{t.name}.parquet")
@pytest.mark.parametrize("reader", ["pandas", "polars", "duckdb", "pyarrow", "datasets"])
def test_parquet(corpus: Corpus, reader: str, table: Table, tmp_path: Path) -> None:
    columns, rows = _read_parquet(reader, corpus.out / f"{table.name}.parquet", tmp_path)
    _check_rows(table, list(columns), rows, corpus.expected(table), text_cells=False)


# --- declared types: the dataset card, the Data Package ----------------------------------


@pytest.mark.parametrize("config", ["documents", "paragraphs", "quotations", "persons"])
def test_datasets_loads_each_config_of_the_card(
    corpus: Corpus, config: str, tmp_path: Path
) -> None:
    table = next(t for t in TABLES if t.name == config)
    _check_card_config(corpus, table, tmp_path, text_cells=False)


def _check_card_config(corpus: Corpus, table: Table, tmp_path: Path, *, text_cells: bool) -> None:
    """``datasets`` loads the card's config of ``table`` from the export folder, as it
    is, and gets every row back with one type per column."""
    datasets = pytest.importorskip("datasets")
    ds = datasets.load_dataset(
        str(corpus.out), table.name, split="train", cache_dir=str(tmp_path / "hf")
    )
    _check_rows(
        table,
        list(ds.column_names),
        [tuple(r.values()) for r in ds],
        corpus.expected(table),
        text_cells=text_cells,
    )


@pytest.fixture(scope="session")
def csv_only(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """A CSV export (no Parquet) of the late documents: the card's configs are then the
    CSV files."""
    docs = [d for d in corpus.docs if d.seq >= LATE]
    out = tmp_path_factory.mktemp("csv-only")
    export_documents(docs, ["csv"], out, corpus.config)
    return Corpus(out, docs, corpus.config)


@pytest.mark.parametrize("table", CSV_TABLES, ids=lambda t: t.name)
def test_datasets_loads_each_csv_config_of_the_card(
    csv_only: Corpus, table: Table, tmp_path: Path
) -> None:
    card = (csv_only.out / "README.md").read_text(encoding="utf-8")
    assert f"- config_name: {table.name}\n" in card
    assert f'    path: "{CSV_FILES[table.name]}"\n' in card
    _check_card_config(csv_only, table, tmp_path, text_cells=True)


def test_frictionless_validates_the_data_package(corpus: Corpus) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(corpus.out / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
