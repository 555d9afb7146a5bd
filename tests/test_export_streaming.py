"""What keeps an export's memory flat, as behaviour: the Parquet tables are written a
row group at a time as documents arrive, the staging's per-file records and the commit
journal are on disk, and datapackage.json is written as its listings are made, with the
bytes json.dumps would give."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_tools import journal
from corpus_tools.exporters import EXPORTERS
from corpus_tools.exporters.datapackage import Listing, write_json
from corpus_tools.io import Staging
from corpus_tools.locking import state_path

from .conftest import REPO

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        | st.lists(inner, max_size=4).map(lambda xs: ("listing", xs))
    ),
    max_leaves=25,
)


def _split(value: Any) -> tuple[Any, Any]:
    """(the value with each marked list as a Listing, the value with plain lists)."""
    if isinstance(value, tuple):
        items = [_split(v) for v in value[1]]
        lazy, plain = [i[0] for i in items], [i[1] for i in items]
        return Listing(lambda: iter(lazy)), plain
    if isinstance(value, dict):
        pairs = {k: _split(v) for k, v in value.items()}
        return {k: p[0] for k, p in pairs.items()}, {k: p[1] for k, p in pairs.items()}
    if isinstance(value, list):
        items = [_split(v) for v in value]
        return [i[0] for i in items], [i[1] for i in items]
    return value, value


@given(_JSON)
def test_write_json_writes_the_bytes_of_json_dumps(value: Any) -> None:
    lazy, plain = _split(value)
    pieces: list[bytes] = []
    write_json(lazy, pieces.append)
    expected = json.dumps(plain, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert b"".join(pieces) == expected.encode("utf-8")


def test_a_listing_is_made_while_it_is_written() -> None:
    made: list[int] = []
    pieces: list[bytes] = []

    def entries() -> Any:
        for i in range(3):
            made.append(i)
            # What comes before this entry is written already: nothing waits for the end.
            written = b"".join(pieces)
            assert b'"a": 1' in written
            assert (b'"n": %d' % (i - 1) in written) == (i > 0)
            yield {"n": i}

    write_json({"a": 1, "b": Listing(entries)}, pieces.append)
    assert made == [0, 1, 2]
    assert json.loads(b"".join(pieces)) == {"a": 1, "b": [{"n": 0}, {"n": 1}, {"n": 2}]}


def test_parquet_is_written_a_row_group_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus_tools.config import load_config
    from corpus_tools.exporters import parquet
    from corpus_tools.seeds import read_seed

    config = load_config(REPO)
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    doc = read_seed(seed, REPO, config).document
    assert doc is not None
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 2)
    staging = Staging(tmp_path)
    sink = EXPORTERS["parquet"].open(tmp_path, config, staging)
    staged = {f.target.name: f for f in staging.files}
    documents = staged["documents.parquet"]
    sizes = []
    for _ in range(5):
        sink.add(doc.id, EXPORTERS["parquet"].render(doc, config))
        sizes.append(documents.size)
    # A row group of two documents is written at the second, the fourth: not at close.
    assert sizes[1] > sizes[0]
    assert sizes[2] == sizes[1]
    assert sizes[3] > sizes[2]
    assert sizes[4] == sizes[3]
    sink.close()
    staging.commit()
    import pyarrow.parquet as pq

    assert pq.ParquetFile(tmp_path / "documents.parquet").num_row_groups == 3


def test_staged_records_are_a_view_taken_when_asked(tmp_path: Path) -> None:
    staging = Staging(tmp_path)
    staging.put_bytes(tmp_path / "tei" / "a.xml", b"a")
    view = staging.records(tmp_path)
    staging.put_bytes(tmp_path / "tei" / "b.xml", b"bb")
    later = staging.records(tmp_path)
    assert dict(view.items()) == {"tei/a.xml": (1, view["tei/a.xml"][1])}
    assert "tei/b.xml" not in view
    assert later["tei/b.xml"][0] == 2
    assert sorted(later) == ["tei/a.xml", "tei/b.xml"]
    assert len(later) == 2
    listed = staging.chains.of(tmp_path / "tei")
    assert listed is not None
    assert list(listed[0]()) == [os.fspath(tmp_path / "tei" / n) for n in ("a.xml", "b.xml")]
    assert staging.written == []  # nothing is written before the commit
    staging.commit()
    assert sorted(staging.written) == [os.fspath(tmp_path / "tei" / n) for n in ("a.xml", "b.xml")]
    assert (tmp_path / "tei" / "b.xml").read_bytes() == b"bb"


def test_a_journal_of_the_first_format_is_still_carried_out(tmp_path: Path) -> None:
    # A switch an earlier version left half-done: one move done, one still to do.
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a").write_bytes(b"new a")
    (folder / ".corpus-tmp-1-2").write_bytes(b"new b")
    ino_a = (folder / "a").stat().st_ino
    ino_b = (folder / ".corpus-tmp-1-2").stat().st_ino
    plan = {
        "format": "corpus-tools commit journal 1",
        "folder": os.fspath(folder),
        "who": "PID 1 (corpus export, earlier)",
        "moves": [[".corpus-tmp-1-1", "a", ino_a, None], [".corpus-tmp-1-2", "b", ino_b, None]],
        "deletions": [],
    }
    path = state_path(folder, "journal")
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(plan) + "\n", encoding="utf-8")
    done = journal.recover(folder)
    assert done is not None
    assert "finished the switch" in done
    assert "1 of 2" in done
    assert (folder / "b").read_bytes() == b"new b"
    assert not path.exists()


def test_verdicts_go_to_their_store_as_they_come() -> None:
    from corpus_tools.exporters import Verdicts

    class Store:
        def __init__(self) -> None:
            self.kept: dict[str, str] = {}

        def verdicts(self, keys: list[str]) -> dict[str, str]:
            return {k: self.kept[k] for k in keys if k in self.kept}

        def put_verdicts(self, items: dict[str, str]) -> None:
            self.kept.update(items)

    store = Store()
    judged = Verdicts(store)
    for i in range(4500):
        judged.add({f"k{i}": "[]"})
    assert len(store.kept) == 4000  # two batches stored before the run ends
    assert judged.verdicts(["k0", "k4499", "nope"]) == {"k0": "[]", "k4499": "[]"}
    judged.flush()
    assert len(store.kept) == 4500
    alone = Verdicts(None)
    for i in range(4500):
        alone.add({f"k{i}": "[]"})
    assert len(alone.verdicts([f"k{i}" for i in range(4500)])) == 4500


def test_packed_parquet_columns_write_the_bytes_of_pyarrows_own_conversion(
    tmp_path: Path,
) -> None:
    """Columns are packed into Arrow buffers a page at a time (no Python object per
    value is held for a row group): the file is byte for byte what pyarrow writes from
    the same values converted by ``pa.array``, over more than one page and row group,
    with non-ASCII text, empty strings and lists, dates before 1970 and floats."""
    pa = pytest.importorskip("pyarrow")
    from corpus_tools.exporters import parquet
    from corpus_tools.exporters.tables import Column, Table

    columns = (
        Column("s", "string", "s", "s"),
        Column("i", "integer", "i", "i"),
        Column("f", "number", "f", "f"),
        Column("b", "boolean", "b", "b"),
        Column("d", "date", "d", "d"),
        Column("a", "array", "a", "a"),
    )
    table = Table("documents", "t", "t", columns, ("s",), lambda doc: [])
    n = parquet.ROW_GROUP_ROWS + parquet.PAGE_ROWS + 7
    rows = [
        (
            "" if k % 11 == 0 else f"текст “{k}” {'x' * (k % 37)}",
            k * 7 - 3,
            k / 3,
            k % 3 == 0,
            f"{1950 + k % 80:04d}-{1 + k % 12:02d}-{1 + k % 28:02d}",
            tuple(f"é{j}" for j in range(k % 4)),
        )
        for k in range(n)
    ]

    def written(convert: bool) -> bytes:
        staging = Staging(tmp_path / ("old" if convert else "new"))
        writer = parquet._TableWriter(table, staging, tmp_path / ("old" if convert else "new"))
        schema = parquet.arrow_schema(table)
        buffered: list[tuple[Any, ...]] = []

        def write_group() -> None:  # the conversion this replaced: pa.array of Python values
            group = list(zip(*buffered, strict=True))
            values = [
                [dt.date.fromisoformat(v) for v in col] if c.type == "date" else list(col)
                for col, c in zip(group, columns, strict=True)
            ]
            arrays = [pa.array(v, type=f.type) for v, f in zip(values, schema, strict=True)]
            writer._writer.is_open = True
            writer._writer.write_table(
                pa.table(arrays, schema=schema), row_group_size=parquet.ROW_GROUP_ROWS
            )
            writer._writer.is_open = False
            buffered.clear()

        for start in range(0, n, 1000):  # as documents come: a few rows at a time
            if not convert:
                writer.add(rows[start : start + 1000])
                continue
            buffered.extend(rows[start : start + 1000])
            if len(buffered) >= parquet.ROW_GROUP_ROWS:
                write_group()
        if buffered:
            write_group()
        writer.close()
        staging.commit()
        return (staging.folder / "documents.parquet").read_bytes()  # type: ignore[operator]

    new = written(False)
    old = written(True)
    assert new == old
    import pyarrow.parquet as pq

    read = pq.read_table(tmp_path / "new" / "documents.parquet").to_pylist()
    assert [tuple(r.values()) for r in read][-1] == (
        *rows[-1][:4],
        dt.date.fromisoformat(str(rows[-1][4])),
        list(rows[-1][5]),  # type: ignore[arg-type]
    )


def test_the_parquet_export_does_not_import_pandas(tmp_path: Path) -> None:
    """pa.array() on a Python list imports pandas (to ask whether it is a Series): a
    third of a second and tens of MB in every export and validation, for nothing. The
    Parquet tables, boolean columns included, are written from packed buffers."""
    pytest.importorskip("pyarrow")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from corpus_tools.config import load_config\n"
        "from corpus_tools.exporters import EXPORTERS\n"
        "from corpus_tools.io import Staging\n"
        "from corpus_tools.seeds import read_seed\n"
        f"repo, out = Path({str(REPO)!r}), Path({str(tmp_path)!r})\n"
        "config = load_config(repo)\n"
        "seed = sorted((repo / 'seeds').glob('*.txt'))[0]\n"
        "doc = read_seed(seed, repo, config).document\n"
        "staging = Staging(out)\n"
        "sink = EXPORTERS['parquet'].open(out, config, staging)\n"
        "sink.add(doc.id, EXPORTERS['parquet'].render(doc, config))\n"
        "sink.close()\n"
        "staging.commit()\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.strip() == "False"
    assert (tmp_path / "documents.parquet").stat().st_size > 0
