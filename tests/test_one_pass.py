"""One pass: each command reads and converts every seed at most once, and the library
API gives the same results as the command line."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import corpus_tools
from corpus_tools.commands import ExportArgs, Streams, ValidateArgs, run_export, run_validate
from corpus_tools.errors import ReadError, UsageError
from tests.conftest import CASES, REPO, git

N = 8  # the positive cases' seeds


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus of valid seeds (the positive cases) with the repository's settings."""
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    seeds = sorted((CASES / "positive").glob("*.txt"))[:N]
    assert len(seeds) == N
    for seed in seeds:
        shutil.copy(seed, root / "seeds" / seed.name)
    shutil.copy(REPO / "corpus.toml", root / "corpus.toml")
    return root


def test_validate_converts_each_seed_once_exports_included(
    corpus: Path, conversions: list[str]
) -> None:
    corpus_tools.export(corpus, jobs=1, cache=False)
    conversions.clear()
    report = corpus_tools.validate(corpus, jobs=1, cache=False)
    assert report.errors == 0
    assert sorted(conversions) == sorted(p.name for p in (corpus / "seeds").iterdir())
    assert len(conversions) == N


def test_validate_cold_then_warm(corpus: Path, conversions: list[str]) -> None:
    corpus_tools.export(corpus, jobs=1, cache=False)
    conversions.clear()
    corpus_tools.validate(corpus, jobs=1)
    assert len(conversions) == N
    conversions.clear()
    corpus_tools.validate(corpus, jobs=1)
    assert conversions == []


def test_validate_changed_since_converts_each_seed_once(
    corpus: Path, conversions: list[str]
) -> None:
    corpus_tools.export(corpus, jobs=1, cache=False)
    git(corpus, "init", "-q", "-b", "main")
    git(corpus, "add", "-A")
    git(corpus, "commit", "-qm", "corpus")
    seed = next((corpus / "seeds").iterdir())
    seed.write_bytes(seed.read_bytes().replace(b" ", b"  ", 1) + b"\nMore text here.\n")
    conversions.clear()
    corpus_tools.validate(corpus, changed_since="HEAD", jobs=1, cache=False)
    assert len(conversions) == N
    assert len(set(conversions)) == N


def test_export_and_export_check_convert_each_seed_once(
    corpus: Path, conversions: list[str]
) -> None:
    result = corpus_tools.export(corpus, jobs=1, cache=False)
    assert not result.refused
    assert len(conversions) == N
    conversions.clear()
    checked = corpus_tools.export(corpus, check=True, jobs=1, cache=False)
    assert checked.report.diagnostics == []
    assert len(conversions) == N


def test_unchanged_reexport_converts_nothing(corpus: Path, conversions: list[str]) -> None:
    corpus_tools.export(corpus, jobs=1)
    conversions.clear()
    again = corpus_tools.export(corpus, jobs=1)
    assert again.up_to_date
    assert conversions == []


def test_library_and_cli_give_the_same_report(corpus: Path) -> None:
    corpus_tools.export(corpus, jobs=1)
    (corpus / "seeds" / "099_0123456789abcdef.txt").write_text(
        " date 2025-02-30 A bad date.\n", encoding="utf-8"
    )
    report = corpus_tools.validate(corpus, jobs=1, cache=False)
    out = io.StringIO()
    code = run_validate(
        ValidateArgs(paths=[], root=corpus, formats=["json"], cache=False),
        Streams(out, io.StringIO()),
    )
    assert code == report.exit_code() == 1
    assert json.loads(out.getvalue()) == report.to_dict()


def test_library_and_cli_export_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    by_cli, by_api = tmp_path / "cli", tmp_path / "api"
    code = run_export(
        ExportArgs(root=corpus, formats=["all"], out=by_cli, cache=False),
        Streams(io.StringIO(), io.StringIO()),
    )
    assert code == 0
    corpus_tools.export(corpus, out=by_api, cache=False)

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file()
        }

    assert files(by_cli) == files(by_api)


def test_read_gives_the_documents_back_from_every_format(corpus: Path) -> None:
    corpus_tools.export(corpus, jobs=1, cache=False)
    exports = corpus / "exports"
    by_jsonl = list(corpus_tools.read(exports / "corpus.jsonl"))
    assert len(by_jsonl) == N
    for path in (exports / "corpus.tei.xml", exports / "documents.csv"):
        assert [d.to_dict() for d in corpus_tools.read(path)] == [d.to_dict() for d in by_jsonl]
    one = next((exports / "tei").iterdir())
    assert [d.id for d in corpus_tools.read(one)] == [one.stem.removeprefix("doc-")]
    assert len(list(corpus_tools.read(exports, format="csv"))) == N


def test_read_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder: name the format"):
        corpus_tools.read(tmp_path)
    with pytest.raises(UsageError, match="no such file or folder"):
        corpus_tools.read(tmp_path / "missing.jsonl")
    stray = tmp_path / "notes.txt"
    stray.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="not a file of any export format"):
        corpus_tools.read(stray)
    broken = tmp_path / "corpus.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        list(corpus_tools.read(broken))
    assert info.value.line == 1


def test_library_errors_are_typed(tmp_path: Path, corpus: Path) -> None:
    (tmp_path / "corpus.toml").write_text("[corpus\n", encoding="utf-8")
    with pytest.raises(corpus_tools.ConfigError) as info:
        corpus_tools.validate(tmp_path)
    assert isinstance(info.value, corpus_tools.CorpusError)
    with pytest.raises(UsageError, match="unknown export format"):
        corpus_tools.export(corpus, formats=["pdf"])
    with pytest.raises(UsageError, match=r"holds no corpus\.toml"):
        corpus_tools.validate(corpus / "seeds")
    with pytest.raises(UsageError, match="is not a BCP 47 language tag"):
        corpus_tools.validate(corpus, lang="english")


def _backdate(root: Path, seconds: int = 60) -> None:
    """Make every file look older than the racy window, as minutes after a commit."""
    import os
    import time

    when = time.time() - seconds
    for path in root.rglob("*"):
        if path.is_file() and ".corpus-cache" not in path.parts:
            os.utime(path, (when, when))


def test_warm_validate_is_answered_from_stamps_and_notices_any_export_change(
    corpus: Path, conversions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus_tools import api

    corpus_tools.export(corpus, jobs=1)
    _backdate(corpus)
    assert corpus_tools.validate(corpus, jobs=1).diagnostics == []
    compared: list[int] = []
    real = api._export_findings

    def counting(*args: Any, **kwargs: Any) -> Any:
        compared.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "_export_findings", counting)
    conversions.clear()
    assert corpus_tools.validate(corpus, jobs=1).diagnostics == []
    assert (conversions, compared) == ([], [])  # nothing read again, nothing compared

    tei = next((corpus / "exports" / "tei").iterdir())
    tei.write_bytes(tei.read_bytes().replace(b"<p ", b"<p  ", 1))
    extra = corpus / "exports" / "tei" / "doc-999_0123456789abcdef.xml"
    extra.write_bytes(tei.read_bytes())
    _backdate(corpus, 30)
    codes = sorted((d.code, d.file) for d in corpus_tools.validate(corpus, jobs=1))
    assert codes == [
        ("export-extra", "exports/tei/doc-999_0123456789abcdef.xml"),
        ("export-stale", f"exports/tei/{tei.name}"),
    ]
    assert compared == [1]


def test_the_export_check_judges_what_the_pass_rendered(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Per-article TEI files are judged from the bytes rendered in the pass (in the
    workers), not read and parsed again; only corpus.tei.xml is read back, streamed
    (judge_corpus_file: valid, so never held as one tree)."""
    from corpus_tools.exporters.tei import check as tei_check

    corpus_tools.export(corpus, jobs=1, cache=False)
    sources: list[str] = []
    real, real_corpus = tei_check.judge, tei_check.judge_corpus_file

    def spying(source: Path | bytes, rng: Any) -> Any:
        sources.append(source.name if isinstance(source, Path) else "rendered")
        return real(source, rng)

    def spying_corpus(source: Path, rng: Any) -> Any:
        sources.append(f"streamed {source.name}")
        return real_corpus(source, rng)

    monkeypatch.setattr(tei_check, "judge", spying)
    monkeypatch.setattr(tei_check, "judge_corpus_file", spying_corpus)
    assert corpus_tools.validate(corpus, jobs=1, cache=False).diagnostics == []
    assert sorted(sources) == [*["rendered"] * N, "streamed corpus.tei.xml"]


def test_a_renderer_fault_is_found_in_the_rendered_bytes(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh file (the exact bytes the renderer gives) that breaks the schema is
    reported, with its line, although nothing was read back from disk."""
    from corpus_tools.exporters import tei

    corpus_tools.export(corpus, jobs=1, cache=False)
    real = tei.render_fragments

    def broken(doc: Any, config: Any) -> tuple[bytes, bytes]:
        standalone, embedded = real(doc, config)
        return standalone.replace(b"<body>", b"<body><bogus/>", 1), embedded

    monkeypatch.setattr(tei, "render_fragments", broken)
    corpus_tools.export(corpus, jobs=1, cache=False)
    found = {
        (d.code, d.file.split("/")[1]) for d in corpus_tools.validate(corpus, jobs=1, cache=False)
    }
    assert found == {("export-invalid", "tei")}
