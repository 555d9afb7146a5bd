"""Shared helpers of the robustness suite: fuzz settings, sample corpora, round trips."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from lxml import etree

from corpus_tools.config import Config
from corpus_tools.exporters.csv import read_csv_export
from corpus_tools.exporters.jsonl import read_jsonl
from corpus_tools.exporters.tei import corpus_tei_schema, read_tei, safe_parser
from corpus_tools.exports import export_documents
from corpus_tools.model import Document

from ..conftest import CASES, REPO

# `CORPUS_FUZZ_EXAMPLES=20000 pytest tests/robustness -m fuzz` runs every fuzz property
# with that many examples instead of the CI default given at each property.
FUZZ_ENV = "CORPUS_FUZZ_EXAMPLES"
REAL_SEED = REPO / "seeds" / "000_8817f6bb585a9fd5.txt"
SEED_NAME = "seeds/001_0123456789abcdef.txt"
FORMATS = ("csv", "jsonl", "tei")
# A small paragraph limit keeps the "huge paragraph" mutations cheap; the limits tests
# use the default limit (50,000 characters) on real files.
PARAGRAPH_LIMIT = 4000
CONFIG = Config(
    title="robustness corpus",
    publisher="corpus-tools tests",
    licence="CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    idno="robustness",
    default_lang="en",
    max_paragraph_chars=PARAGRAPH_LIMIT,
)


def examples(default: int) -> int:
    """The number of examples per property: ``CORPUS_FUZZ_EXAMPLES`` or ``default``."""
    value = os.environ.get(FUZZ_ENV, "").strip()
    return int(value) if value else default


def fuzz_settings(default: int, *, shrink: bool = True) -> settings:
    """Deterministic, bounded Hypothesis settings (no example database, no deadline).

    ``shrink=False`` is for properties marked xfail on a known bug: they stop at the
    first failing example instead of spending CI time on minimising it (the bug has a
    minimal reproducer of its own).
    """
    phases = tuple(Phase) if shrink else (Phase.explicit, Phase.generate)
    return settings(
        max_examples=examples(default),
        derandomize=True,
        database=None,
        deadline=None,
        phases=phases,
        print_blob=False,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


@cache
def sample_seeds() -> tuple[tuple[str, bytes], ...]:
    """The real seed and the positive test cases, as ``(rel path, bytes)``."""
    paths = [REAL_SEED, *sorted((CASES / "positive").glob("*.txt"))]
    return tuple((f"seeds/{p.name}", p.read_bytes()) for p in paths)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def check_tei_file(path: Path) -> None:
    """``path`` is well-formed XML valid against schema/tei/corpus-tei.rng."""
    tree = etree.parse(str(path), safe_parser())
    schema = corpus_tei_schema()
    assert schema.validate(tree), f"{path.name}: {schema.error_log.last_error}"


def export_and_read_back(doc: Document, out_dir: Path, config: Config = CONFIG) -> None:
    """Export ``doc`` in every format; TEI is valid and every format reads back equal."""
    export_documents([doc], list(FORMATS), out_dir, config)
    expected = doc.to_dict()
    tei_file = out_dir / "tei" / f"doc-{doc.id}.xml"
    corpus_file = out_dir / "corpus.tei.xml"
    for path in (tei_file, corpus_file):
        check_tei_file(path)
        assert [d.to_dict() for d in read_tei(path)] == [expected], path.name
    assert [d.to_dict() for d in read_csv_export(out_dir)] == [expected], "csv"
    assert [d.to_dict() for d in read_jsonl(out_dir / "corpus.jsonl")] == [expected], "jsonl"


@contextmanager
def scratch_dir(prefix: str = "corpus-robust-") -> Iterator[Path]:
    """A temporary folder for one Hypothesis example (function fixtures do not reset)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        yield Path(tmp)


def corpus_toml(**validation: int | str) -> str:
    """A corpus.toml with the repository's metadata and the given [validation] values."""
    text = (REPO / "corpus.toml").read_text(encoding="utf-8")
    head = text.split("[validation]", 1)[0]
    settings_ = {"earliest_date": "1991-01-01", **validation}
    lines = [f"{k} = {v!r}" if isinstance(v, str) else f"{k} = {v}" for k, v in settings_.items()]
    return head + "[validation]\n" + "\n".join(lines).replace("'", '"') + "\n"


def make_corpus(root: Path, seeds: dict[str, bytes] | None = None, **validation: int | str) -> Path:
    """A corpus root with corpus.toml and the given seeds (default: the real seed)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "corpus.toml").write_text(corpus_toml(**validation), encoding="utf-8")
    folder = root / "seeds"
    folder.mkdir(exist_ok=True)
    if seeds is None:
        seeds = {REAL_SEED.name: REAL_SEED.read_bytes()}
    for name, data in seeds.items():
        (folder / name).write_bytes(data)
    return root


def corpus_env() -> dict[str, str]:
    """The environment for a ``corpus`` subprocess: no debug tracebacks, no colours."""
    env = {k: v for k, v in os.environ.items() if k != "CORPUS_DEBUG"}
    env.update(NO_COLOR="1", CI="1", PYTHONDONTWRITEBYTECODE="1")
    return env


def run_corpus(
    *args: str | os.PathLike[str], cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m corpus_tools ARGS`` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "corpus_tools", *map(str, args)],
        cwd=cwd,
        env=corpus_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# A fresh interpreter runs the command and reports the peak RSS of that child alone
# (Linux keeps a process's high-water mark across exec, so the child must not be forked
# from a big process such as pytest itself).
_PEAK_WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "maxrss_kib": usage.ru_maxrss,
                  "stdout": done.stdout.decode(errors="replace")[-2000:],
                  "stdout_bytes": len(done.stdout),
                  "stderr": done.stderr.decode(errors="replace")[-2000:]}))
"""


def peak_rss(*argv: str | os.PathLike[str], cwd: Path | None = None) -> dict[str, Any]:
    """Run ``argv`` under a fresh wrapper interpreter: exit code, output, peak RSS (KiB)."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_WRAPPER, *map(str, argv)],
        cwd=cwd,
        env=corpus_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links not followed) by relative path, lock excluded."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != ".corpus-lock":
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


def temporaries(folder: Path) -> list[str]:
    """Staged temporary files (``.corpus-tmp-*``) left anywhere under ``folder``."""
    return sorted(
        os.path.relpath(os.path.join(d, f), folder)
        for d, _, files in os.walk(folder, followlinks=True)
        for f in files
        if f.startswith(".corpus-tmp-")
    )


def copy_tree(src: Path, dst: Path) -> None:
    """Copy a folder (replacing ``dst``)."""
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, symlinks=True)
