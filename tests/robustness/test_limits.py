"""Limits: the seed size limit, the paragraph limit, and bounded memory on huge inputs."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from corpus_tools.commands import Streams, ValidateArgs, run_validate
from corpus_tools.config import Config
from corpus_tools.seeds import read_seed

from ..conftest import benchmark_generator
from ._support import REAL_SEED, corpus_env, make_corpus, peak_rss, run_corpus

NAME = "001_0123456789abcdef.txt"
HEADER = b" date 2024-05-17 "
MIB = 1024 * 1024
HUGE = 50_000_000  # bytes of the "50 MB input"
RSS_LIMIT_MIB = 200


def _seed_of_size(size: int, unit: bytes = b"word ") -> bytes:
    body = (unit * (size // len(unit) + 1))[: size - len(HEADER) - 1].rstrip()
    data = HEADER + body + b"\n"
    return data + b"x" * (size - len(data))


def _json_report(root: Path, *paths: str) -> tuple[int, dict[str, Any]]:
    done = run_corpus("validate", "--no-cache", "--format", "json", "--", *paths, cwd=root)
    return done.returncode, json.loads(done.stdout)


# --- max_seed_bytes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "ok"), [(999, True), (1000, True), (1001, False), (HUGE // 10, False)]
)
def test_seed_size_limit(tmp_path: Path, size: int, ok: bool) -> None:
    root = make_corpus(tmp_path, {NAME: _seed_of_size(size)}, max_seed_bytes=1000)
    assert (root / "seeds" / NAME).stat().st_size == size
    code, report = _json_report(root, f"seeds/{NAME}")
    codes = [d["code"] for d in report["diagnostics"]]
    if ok:
        assert "seed-too-large" not in codes
    else:
        assert code == 1
        assert codes == ["seed-too-large"]
        assert (
            f"the file has {size} bytes; the limit is 1000" in report["diagnostics"][0]["message"]
        )
    export = run_corpus("export", "--no-cache", "--root", root)
    assert export.returncode == (0 if ok else 1), export.stderr


def test_reader_stops_at_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # read_seed reads at most limit + 1 bytes, whatever the size of the file. io.open is
    # where Path.open and os.fdopen both end, whichever the reader uses.
    path = tmp_path / "seeds" / NAME
    path.parent.mkdir()
    path.write_bytes(_seed_of_size(5 * MIB))
    ident = (path.stat().st_dev, path.stat().st_ino)
    requested: list[int] = []
    real_open = io.open

    class Counting:
        def __init__(self, inner: Any) -> None:
            self._inner = inner

        def read(self, size: int | None = -1, /) -> bytes:
            data: bytes = self._inner.read(size)
            requested.append(len(data))
            return data

        def __enter__(self) -> Counting:
            return self

        def __exit__(self, *exc: object) -> None:
            self._inner.close()

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real_open(file, mode, *args, **kwargs)
        if "b" in mode and "r" in mode:
            st = os.fstat(fh.fileno())
            if (st.st_dev, st.st_ino) == ident:
                return Counting(fh)
        return fh

    monkeypatch.setattr(io, "open", counting_open)
    res = read_seed(path, tmp_path, Config(max_seed_bytes=1000))
    monkeypatch.undo()
    assert [d.code for d in res.diagnostics] == ["seed-too-large"]
    assert res.size == 5 * MIB
    assert requested, "the reader did not read the seed through io.open"
    assert sum(requested) <= 1001


# --- max_paragraph_chars ------------------------------------------------------------------


@pytest.mark.parametrize(("chars", "ok"), [(100, True), (101, False)])
def test_paragraph_limit_counts_characters(tmp_path: Path, chars: int, ok: bool) -> None:
    # Two-byte letters: the limit is in characters, not bytes.
    para = ("ўў " * chars)[:chars].strip()
    para += "ў" * (chars - len(para))
    data = HEADER + b"Lead paragraph of the article.\n\n" + para.encode() + b"\n"
    root = make_corpus(tmp_path, {NAME: data}, max_paragraph_chars=100)
    code, report = _json_report(root, f"seeds/{NAME}")
    too_long = [d for d in report["diagnostics"] if d["code"] == "seed-paragraph-too-long"]
    if ok:
        assert too_long == []
    else:
        assert code == 1
        assert len(too_long) == 1
        assert (too_long[0]["line"], too_long[0]["column"]) == (3, 1)
        assert f"paragraph has {chars} characters; the limit is 100" in too_long[0]["message"]


def test_huge_paragraph_under_the_default_limit(tmp_path: Path) -> None:
    # A 900 KB single paragraph: over 50,000 characters, so refused, with the line.
    data = HEADER + b"Lead.\n\n" + _seed_of_size(900_000)[len(HEADER) :]
    root = make_corpus(tmp_path, {NAME: data})
    code, report = _json_report(root, f"seeds/{NAME}")
    assert code == 1
    errors = [(d["code"], d["line"]) for d in report["diagnostics"] if d["severity"] == "error"]
    assert errors == [("seed-paragraph-too-long", 3)]


# --- memory on a 50 MB input ----------------------------------------------------------------


def _peak(root: Path, *args: str) -> dict[str, Any]:
    return peak_rss(sys.executable, "-m", "corpus_tools", *args, cwd=root)


@pytest.fixture(scope="module")
def huge_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus whose one seed is 50 MB (one paragraph of words), and 50 MB JSON files."""
    root = make_corpus(tmp_path_factory.mktemp("huge"), {NAME: _seed_of_size(HUGE)})
    array = b"[" + b"0," * (HUGE // 2 - 1) + b"0]"
    (root / "array.json").write_bytes(array)
    (root / "array.jsonl").write_bytes(array + b"\n")
    return root


@pytest.mark.parametrize("command", ["validate", "export"])
def test_50mb_seed_memory_is_bounded(huge_corpus: Path, command: str) -> None:
    args = (
        ["validate", "--no-cache", "--", f"seeds/{NAME}"]
        if command == "validate"
        else ["export", "--no-cache"]
    )
    result = _peak(huge_corpus, *args)
    assert result["rc"] == 1, result["stderr"]
    assert "seed-too-large" in result["stderr"] or result["stdout_bytes"] > 0
    assert result["maxrss_kib"] < RSS_LIMIT_MIB * 1024, result


@pytest.mark.parametrize("name", ["array.json", "array.jsonl"])
def test_50mb_json_memory_is_bounded(huge_corpus: Path, name: str) -> None:
    result = _peak(huge_corpus, "validate", "--no-cache", "--", name)
    assert result["rc"] == 1, result["stderr"]
    assert result["maxrss_kib"] < RSS_LIMIT_MIB * 1024, result


def test_schema_violation_messages_stay_short(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    res = read_seed(root / "seeds" / REAL_SEED.name, root)
    assert res.document is not None
    doc = res.document.to_dict()
    doc["title"] = "x" * MIB  # longer than maxLength 200
    (root / "doc.json").write_text(json.dumps(doc), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    args = ValidateArgs(
        paths=[root / "doc.json"], root=root, check_exports=False, jobs=1, cache=False
    )
    assert run_validate(args, Streams(out=out, err=err)) == 1
    assert "schema-violation" in out.getvalue()
    assert len(out.getvalue()) < 10_000


@pytest.mark.parametrize("name", ["dicts.json", "dicts.jsonl"])
def test_json_just_under_the_size_limit_memory_is_bounded(tmp_path: Path, name: str) -> None:
    # 5.6 million empty dicts in 16 MiB: refused by counting, before json builds them.
    limit = 16 * Config().max_seed_bytes
    root = make_corpus(tmp_path)
    count = (limit - 5) // 3
    (root / name).write_bytes(b"[" + b"{}," * count + b"{}]\n")
    assert (root / name).stat().st_size <= limit
    result = _peak(root, "validate", "--no-cache", "--", name)
    assert result["rc"] == 1, result["stderr"]
    assert "json-invalid" in result["stdout"], result
    assert result["maxrss_kib"] < RSS_LIMIT_MIB * 1024, result


def test_json_container_bound_on_both_sides() -> None:
    from corpus_tools.checks import MAX_JSON_CONTAINERS, _too_many_containers

    assert _too_many_containers("[" + "{}," * (MAX_JSON_CONTAINERS - 2) + "{}]") is None
    assert _too_many_containers("[" + "{}," * (MAX_JSON_CONTAINERS - 1) + "{}]") is not None


def _few_descriptors() -> None:
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))


@pytest.mark.parametrize("command", ["convert", "export"])
def test_many_documents_with_few_file_descriptors(tmp_path: Path, command: str) -> None:
    # 150 documents under a limit of 64 open files: no command may hold one open file per
    # document (convert once did, and failed at 20,000 seeds on a 20,000 limit).
    import subprocess

    root = tmp_path / "corpus"
    benchmark_generator().generate(150, root, 3)
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "corpus_tools", command, "--root", str(root), "--out", str(out)]
    if command == "export":
        argv += ["--jobs", "2"]
    proc = subprocess.run(
        argv,
        env=corpus_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        preexec_fn=_few_descriptors,
    )
    assert proc.returncode == 0, proc.stderr
    written = list(out.glob("*.json")) if command == "convert" else list(out.glob("tei/*.xml"))
    assert len(written) == 150
