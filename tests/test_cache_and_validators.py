"""The compiled validator agrees with jsonschema; the cache never serves a stale result."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import pipeline
from corpus_tools.checks import Options
from corpus_tools.config import Config, load_config
from corpus_tools.pipeline import validate_files
from corpus_tools.schema import explain, fast_validator
from corpus_tools.seeds import read_seed

from .conftest import CASES, REPO

BASE = read_seed(REPO / "seeds" / "000_8817f6bb585a9fd5.txt", REPO, Config()).document
assert BASE is not None
VALID = BASE.to_dict()
POSITIVES = [
    d.to_dict()
    for p in sorted((CASES / "positive").glob("*.txt"))
    if (d := read_seed(p, p.parent, Config()).document) is not None
]

_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=3),
    st.text(max_size=5),
    st.sampled_from(["2025-02-30", "2025-11-27", "q0", "q1", "und", "en_US", "0" * 64, "x" * 300]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            found.extend(_paths(v, (*prefix, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found.extend(_paths(v, (*prefix, i)))
    return found


PATHS = _paths(VALID)[1:]


def _mutate(doc: dict[str, Any], path: tuple[Any, ...], value: Any, delete: bool) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    node = out
    for key in path[:-1]:
        node = node[key]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


@pytest.mark.skipif(fast_validator() is None, reason="jsonschema-rs is not installed here")
def test_fast_and_reference_validators_agree_on_positive_documents() -> None:
    fast = fast_validator()
    assert fast is not None
    for doc in [VALID, *POSITIVES]:
        assert fast.is_valid(doc)
        assert explain(doc) is None


@pytest.mark.skipif(fast_validator() is None, reason="jsonschema-rs is not installed here")
@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.sampled_from(PATHS), _values, st.booleans())
def test_fast_and_reference_validators_agree_on_mutations(
    path: tuple[Any, ...], value: Any, delete: bool
) -> None:
    fast = fast_validator()
    assert fast is not None
    doc = _mutate(VALID, path, value, delete)
    assert fast.is_valid(doc) == (explain(doc) is None)


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


STRING_PATHS = [p for p in PATHS if isinstance(_get(VALID, p), str)]


@pytest.mark.skipif(fast_validator() is None, reason="jsonschema-rs is not installed here")
@pytest.mark.parametrize("path", STRING_PATHS, ids=["/".join(map(str, p)) for p in STRING_PATHS])
def test_validators_agree_on_a_final_line_feed(path: tuple[Any, ...]) -> None:
    # Python's "$" matches before a final line feed, ECMA 262's does not: the reference
    # validator must judge patterns as the schema means them.
    fast = fast_validator()
    assert fast is not None
    doc = _mutate(VALID, path, _get(VALID, path) + "\n", False)
    assert fast.is_valid(doc) == (explain(doc) is None)


def test_fallback_without_the_compiled_validator(monkeypatch: pytest.MonkeyPatch) -> None:
    from corpus_tools import schema

    monkeypatch.setattr(schema, "fast_validator", lambda name=schema.DOCUMENT_SCHEMA: None)
    assert schema.check_document(VALID) is None
    bad = dict(VALID, date="2025-02-30")
    problem = schema.check_document(bad)
    assert problem is not None
    assert problem.pointer == "/date"
    problem = schema.check_document(dict(VALID, id=VALID["id"] + "\n"))
    assert problem is not None
    assert problem.pointer == "/id"
    assert "does not match" in problem.message


# --- the cache --------------------------------------------------------------------

GOOD = " date 2025-11-27 The minister said that the plan works well for everyone.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copy(REPO / "corpus.toml", tmp_path / "corpus.toml")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001_0123456789abcdef.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "seeds" / "002_1111111111111111.txt").write_text(
        " date 2025-11-28 Another article says that the roads in the north are being repaired.\n",
        encoding="utf-8",
    )
    return tmp_path


def _codes(root: Path, config: Config | None = None) -> list[str]:
    report = validate_files(
        [], root, config or load_config(root), Options(today=dt.date(2026, 1, 1)), use_cache=True
    )
    return [d.code for d in report.sorted()]


def _hits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    original = pipeline.Cache.close

    def close(self: pipeline.Cache) -> None:
        seen.append(self.hits)
        original(self)

    monkeypatch.setattr(pipeline.Cache, "close", close)
    return seen


def test_warm_run_uses_the_cache(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hits = _hits(monkeypatch)
    assert _codes(corpus) == []
    assert _codes(corpus) == []
    assert hits == [0, 2]
    assert (corpus / ".corpus-cache" / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_a_changed_seed_is_re_checked(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hits = _hits(monkeypatch)
    assert _codes(corpus) == []
    seed = corpus / "seeds" / "001_0123456789abcdef.txt"
    stat = seed.stat()
    # Same size and the same time stamp: only the content tells the change.
    seed.write_text(GOOD.replace("2025-11-27", "2025-11-31"), encoding="utf-8")
    import os

    os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _codes(corpus) == ["seed-invalid-date"]
    assert hits[-1] == 1  # only the unchanged seed came from the cache


def test_a_changed_schema_config_or_tool_version_re_checks_everything(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hits = _hits(monkeypatch)
    assert _codes(corpus) == []
    assert _codes(corpus, dataclass_replace(load_config(corpus), max_paragraph_chars=10)) == [
        "seed-paragraph-too-long",
        "seed-paragraph-too-long",
    ]
    monkeypatch.setattr(pipeline, "schema_fingerprint", lambda: "another schema")
    assert _codes(corpus) == []
    monkeypatch.setattr(pipeline, "__version__", "9.9.9")
    assert _codes(corpus) == []
    monkeypatch.setattr(pipeline, "code_fingerprint", lambda: "edited code")
    assert _codes(corpus) == []
    assert hits == [0, 0, 0, 0, 0]


def test_a_damaged_cache_is_ignored(corpus: Path) -> None:
    assert _codes(corpus) == []
    (corpus / ".corpus-cache" / "v3.sqlite3").write_bytes(b"not a database")
    assert _codes(corpus) == []


def dataclass_replace(config: Config, **changes: Any) -> Config:
    import dataclasses

    return dataclasses.replace(config, **changes)


def test_an_export_fills_the_cache_for_validate(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from corpus_tools.commands import ExportArgs, Streams, run_export

    hits = _hits(monkeypatch)
    args = ExportArgs(root=corpus, formats=["all"], cache=True, jobs=1)
    assert run_export(args, Streams(out=io.StringIO(), err=io.StringIO())) == 0
    assert _codes(corpus) == []
    assert hits[-1] == 2  # both seeds' results were stored by the export


def _old(path: Path, data: bytes) -> os.stat_result:
    path.write_bytes(data)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return path.stat()


def test_export_digests_follow_every_change(corpus: Path) -> None:
    from corpus_tools.cache import Cache

    target = corpus / "out.txt"
    name = str(target)
    _old(target, b"aaaa")
    cache = Cache(corpus, "ctx")
    assert cache.output_sha256(name) == hashlib.sha256(b"aaaa").hexdigest()
    cache.close()
    # An edit of the same size with the old time stamp restored changes the inode
    # change time (as git's index sees it): read again, never the stored digest.
    _old(target, b"zzzz")
    cache = Cache(corpus, "ctx")
    assert cache.output_sha256(name) == hashlib.sha256(b"zzzz").hexdigest()
    cache.close()
    # Any change of size or time stamp is read again.
    _old(target, b"bbbbb")
    cache = Cache(corpus, "ctx")
    assert cache.output_sha256(name) == hashlib.sha256(b"bbbbb").hexdigest()
    cache.close()
    target.write_bytes(b"ccccc")
    cache = Cache(corpus, "ctx")
    assert cache.output_sha256(name) == hashlib.sha256(b"ccccc").hexdigest()
    assert cache.output_sha256(str(corpus / "missing")) is None
    assert cache.output_sha256(str(corpus)) is None  # a folder is not an export file
    cache.close()


def test_a_fresh_export_file_is_never_trusted_by_its_stamp(corpus: Path) -> None:
    from corpus_tools.cache import Cache

    target = corpus / "out.txt"
    target.write_bytes(b"aaaa")  # modified just now: its stamp may not yet tell a change
    before = target.stat()
    cache = Cache(corpus, "ctx")
    assert cache.output_sha256(str(target)) == hashlib.sha256(b"aaaa").hexdigest()
    cache.close()
    target.write_bytes(b"bbbb")  # same size, same inode, same time stamp
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (target.stat().st_mtime_ns, target.stat().st_ino) == (before.st_mtime_ns, before.st_ino)
    cache = Cache(corpus, "ctx")
    assert cache.output_sha256(str(target)) == hashlib.sha256(b"bbbb").hexdigest()
    cache.close()


def test_the_code_fingerprint_covers_the_data_tables(tmp_path: Path) -> None:
    """An edited annotation table must not reuse results cached with the old one."""
    package = tmp_path / "pkg"
    (package / "annotate" / "data").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "mod.py").write_text("x = 1\n")
    table = package / "annotate" / "data" / "de.json"
    table.write_text('{"roles": ["minister*"]}\n')
    before = pipeline.tree_digest(package)
    (package / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"compiled")
    assert pipeline.tree_digest(package) == before
    table.write_text('{"roles": ["minister*", "senator*"]}\n')
    assert pipeline.tree_digest(package) != before


def test_the_code_fingerprint_is_the_same_for_two_copies_of_one_install(tmp_path: Path) -> None:
    """A CI job restores the cache into a fresh install: where and when the files were
    written must not matter, only what they hold."""
    package = Path(pipeline.__file__).parent
    copy = tmp_path / "elsewhere" / "corpus_tools"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    os.utime(copy / "pipeline.py", (0, 0))
    assert pipeline.tree_digest(copy) == pipeline.tree_digest(package)
