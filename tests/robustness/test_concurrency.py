"""Concurrent use: exports and validations started over and over on one corpus.

Two roots write one export folder: the corpus itself (state A) and a copy in state B
(``--out`` pointing at the corpus's exports), so every export that gets the lock after
one of the other root switches every file. Validations of the corpus read the folder
meanwhile; a library reader in this process reads it too.

``CORPUS_SOAK_SECONDS`` sets how long it runs (CI: 8 s; the issue's figure, 60 s):

    CORPUS_SOAK_SECONDS=60 python3 -m pytest tests/robustness/test_concurrency.py -s
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from corpus_tools.exporters.csv import read_csv_export
from corpus_tools.exporters.jsonl import read_jsonl
from corpus_tools.journal import pending

from ._corpora import Corpus, group_processes, set_state
from ._support import corpus_env, run_corpus, temporaries

SOAK_SECONDS = float(os.environ.get("CORPUS_SOAK_SECONDS", "8"))
RUN_TIMEOUT = 120  # one run; far longer than any lock wait in this test


@dataclass
class _Log:
    """What every run ended with; shared by the threads (appends only)."""

    runs: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    pgids: list[int] = field(default_factory=list)
    waits: int = 0
    longest: float = 0.0


def _loop(name: str, argv: list[str], stop: float, log: _Log, export_names: set[str]) -> None:
    while time.monotonic() < stop:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "corpus_tools", *argv],
            env=corpus_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        log.pgids.append(proc.pid)
        try:
            out, err = proc.communicate(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            log.problems.append(f"{name}: still running after {RUN_TIMEOUT} s")
            return
        log.longest = max(log.longest, time.monotonic() - start)
        stderr = err.decode(errors="replace")
        log.waits += "waiting up to" in stderr
        if name.startswith("export"):
            if proc.returncode != 0:
                log.problems.append(f"{name}: exit {proc.returncode}: {stderr[-1000:]}")
            log.runs[f"{name}: exit 0"] += 1
            continue
        # A validation of the corpus (state A): exit 0 when the folder holds A; when it
        # holds B, exit 1 with every export file stale. Anything in between is a mix.
        try:
            report = json.loads(out)
        except ValueError:
            log.problems.append(f"{name}: exit {proc.returncode}, no report: {stderr[-1000:]}")
            continue
        stale = {d["file"] for d in report["diagnostics"] if d["code"] == "export-stale"}
        others = [d for d in report["diagnostics"] if d["code"] != "export-stale"]
        if proc.returncode == 0 and not report["diagnostics"]:
            log.runs[f"{name}: exit 0 (saw A)"] += 1
        elif proc.returncode == 1 and not others and stale == export_names:
            log.runs[f"{name}: exit 1, every file stale (saw B)"] += 1
        else:
            log.problems.append(
                f"{name}: exit {proc.returncode}, {len(stale)} of {len(export_names)} stale, "
                f"{others[:3]}: {stderr[-500:]}"
            )


def _library_reader(folder: Path, stop: float, log: _Log, paragraphs: dict[str, int]) -> None:
    """Read the folder with the library's readers: every read is one whole export."""
    while time.monotonic() < stop:
        try:
            for reader in ("csv", "jsonl"):
                docs = (
                    read_csv_export(folder)
                    if reader == "csv"
                    else read_jsonl(folder / "corpus.jsonl")
                )
                # State B has one more paragraph in every document.
                states = {0: "A", 1: "B"}
                seen = {states.get(len(d.paragraphs) - paragraphs[d.id], "?") for d in docs}
                if len(seen) != 1 or "?" in seen:
                    log.problems.append(f"library {reader} read a mix: {seen}")
                log.runs[f"library {reader}: one export"] += 1
        except Exception as exc:  # a torn read would raise; report it, do not hide it
            log.problems.append(f"library reader: {type(exc).__name__}: {exc}")


@pytest.mark.slow
def test_four_exports_and_four_validations_at_once(big: Corpus, tmp_path: Path) -> None:
    big.reset("A")
    done = run_corpus("export", "--root", big.root)  # the cache knows state A
    assert done.returncode == 0, done.stderr
    other = tmp_path / "other"
    (other / "seeds").mkdir(parents=True)
    set_state(other, "B", big.seeds)
    shutil.copytree(big.root / ".corpus-cache", other / ".corpus-cache")
    # The files that differ between states A and B (the quotation and person tables do not).
    export_names = {
        f"exports/{name}" for name in big.good["A"] if big.good["A"][name] != big.good["B"][name]
    }
    paragraphs = {d.id: len(d.paragraphs) for d in read_jsonl(big.good_dirs["A"] / "corpus.jsonl")}

    stop = time.monotonic() + SOAK_SECONDS
    log = _Log()
    a, b, out = str(big.root), str(other), str(big.exports)
    loops = {
        "export A 1": ["export", "--root", a],
        "export A 2": ["export", "--root", a],
        "export B 1": ["export", "--root", b, "--out", out],
        "export B 2": ["export", "--root", b, "--out", out],
        **{f"validate {i}": ["validate", "--format", "json", "--root", a] for i in range(1, 5)},
    }
    threads = [
        threading.Thread(target=_loop, args=(name, argv, stop, log, export_names))
        for name, argv in loops.items()
    ]
    threads.append(
        threading.Thread(target=_library_reader, args=(big.exports, stop, log, paragraphs))
    )
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=SOAK_SECONDS + 2 * RUN_TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a run never ended"
    assert log.problems == []
    assert big.holding() in ("A", "B")
    assert not pending(big.exports)
    assert temporaries(big.exports) == []
    assert [p for pgid in log.pgids for p in group_processes(pgid)] == []
    total = sum(n for k, n in log.runs.items() if not k.startswith("library"))
    kinds = {k.split(":")[0].rstrip(" 1234") for k in log.runs}
    assert {"export A", "export B", "validate"} <= kinds, log.runs
    print(
        f"{SOAK_SECONDS:g} s: {total} runs ({dict(sorted(log.runs.items()))}); "
        f"{log.waits} said they waited; longest run {log.longest:.1f} s"
    )
