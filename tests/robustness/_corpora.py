"""The two-state corpora of the fault, lifetime and concurrency tests, and process helpers.

Two states of one corpus give exports that differ in every file: state A is the
corpus as made, state B has another ``idno`` in corpus.toml (it is in every TEI header
and in datapackage.json) and one more paragraph at the end of every seed (it changes
every document). Known-good copies of the exports of both are made once, so "intact" is
exact: after a fault, every export file must be byte for byte the old one or the new one.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from corpus_tools.exporters.csv import read_csv_export
from corpus_tools.exporters.jsonl import read_jsonl
from corpus_tools.locking import STATE_DIR

from ..conftest import REPO
from ._support import (
    check_tei_file,
    copy_tree,
    corpus_env,
    corpus_toml,
    make_corpus,
    run_corpus,
    tree_bytes,
)

# An export of 300 seeds takes about two seconds on an idle machine; a hang lasts
# forever. The bound only ends a hung test, so it is generous: on a machine loaded
# several times over (two cores, eight busy processes) a healthy export took over 12 s.
HANG_TIMEOUT = 90
GENERATED_SEEDS = 300
STATES = {"A": "corpus-tools-demo", "B": "robustness-b"}


STATE_B_PARAGRAPH = b"\n\nThis paragraph is only in state B of the corpus.\n"


def set_state(root: Path, state: str, seeds: dict[str, bytes]) -> None:
    """Write corpus.toml and the seeds of state A or B (``seeds`` are those of A)."""
    text = corpus_toml()
    assert 'idno = "corpus-tools-demo"' in text
    text = text.replace('idno = "corpus-tools-demo"', f'idno = "{STATES[state]}"')
    (root / "corpus.toml").write_text(text, encoding="utf-8")
    folder = root / "seeds"
    folder.mkdir(exist_ok=True)
    for name, data in seeds.items():
        if state == "B":
            data = data.rstrip(b"\n") + STATE_B_PARAGRAPH
        path = folder / name
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_generate", REPO / "benchmarks" / "generate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def export_files(folder: Path) -> dict[str, bytes]:
    """The export files under ``folder``: no lock, no temporaries."""
    return {
        k: v
        for k, v in tree_bytes(folder).items()
        if not k.rsplit("/", 1)[-1].startswith(".corpus-tmp-")
    }


@dataclass
class Corpus:
    """A corpus root, its known-good exports per state, and how long an export takes."""

    root: Path
    seeds: dict[str, bytes]
    good: dict[str, dict[str, bytes]]
    good_dirs: dict[str, Path]
    duration: float

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    def set_state(self, state: str, root: Path | None = None) -> None:
        """Put the corpus (or a copy at ``root``) into ``state``."""
        set_state(root or self.root, state, self.seeds)

    def reset(self, state: str) -> None:
        """Set the corpus to ``state`` with its good exports in place, no cache."""
        self.set_state(state)
        copy_tree(self.good_dirs[state], self.exports)
        shutil.rmtree(self.root / ".corpus-cache", ignore_errors=True)
        # No lock note or journal of an earlier test's killed run.
        shutil.rmtree(self.root / STATE_DIR, ignore_errors=True)

    def holding(self) -> str:
        """Which state the export folder holds: A, B or mixed; every file must be whole."""
        files = export_files(self.exports)
        assert sorted(files) == sorted(self.good["A"]), "an export file is missing or extra"
        states = set()
        for name, data in files.items():
            matches = {s for s in ("A", "B") if self.good[s][name] == data}
            assert matches, f"{name} is neither the old nor the new file: torn or corrupt"
            if len(matches) == 1:
                states |= matches
        return states.pop() if len(states) == 1 else "mixed"


def _good_exports(
    root: Path, state: str, seeds: dict[str, bytes], out: Path
) -> tuple[dict[str, bytes], float]:
    set_state(root, state, seeds)
    start = time.monotonic()
    done = run_corpus("export", "--no-cache", "--root", root, "--out", out)
    elapsed = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    check_tei_file(out / "corpus.tei.xml")
    for tei in sorted((out / "tei").iterdir())[:5]:
        check_tei_file(tei)
    docs = list(read_jsonl(out / "corpus.jsonl"))
    assert [d.to_dict() for d in read_csv_export(out)] == [d.to_dict() for d in docs]
    return export_files(out), elapsed


def make_state_corpus(base: Path, seeds: dict[str, bytes] | None) -> Corpus:
    root = base / "corpus"
    if seeds is None:
        _generator().generate(GENERATED_SEEDS, root, seed=11)
    else:
        make_corpus(root, seeds)
    seeds = {p.name: p.read_bytes() for p in sorted((root / "seeds").iterdir())}
    good, dirs, durations = {}, {}, []
    for state in ("A", "B"):
        dirs[state] = base / f"good-{state}"
        good[state], elapsed = _good_exports(root, state, seeds, dirs[state])
        durations.append(elapsed)
    assert sorted(good["A"]) == sorted(good["B"])
    differ = [n for n in good["A"] if good["A"][n] != good["B"][n]]
    # State B's paragraph quotes nothing and has no dateline or source: the quotation,
    # person and CSV facts tables are the same (in every format), and so are the JSON
    # Schemas of the JSONL lines and the TEI schema.
    same = ("quotations.", "persons.", "quotation_facts.", "document_facts.")
    witnesses = [
        n
        for n in good["A"]
        if not n.startswith(same) and not n.endswith((".jsonschema.json", "corpus-tei.rng"))
    ]
    assert sorted(differ) == sorted(witnesses), (
        f"states A and B must differ in every file: {sorted(set(witnesses) ^ set(differ))}"
    )
    return Corpus(root, seeds, good, dirs, max(durations))


def popen(*args: str | os.PathLike[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    # A session of its own: the kill reaches the worker processes too, as a power cut
    # or the OOM killer of a container would.
    return subprocess.Popen(
        [sys.executable, *map(str, args)],
        env=corpus_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **kwargs,
    )


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def group_processes(pgid: int) -> list[int]:
    """Live (not zombie) processes of process group ``pgid``: a run's main process and
    its workers, which inherit the group."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            found.append(int(entry))
    return sorted(found)


def wait_group_gone(pgid: int, timeout: float) -> tuple[list[int], float]:
    """Wait up to ``timeout`` s for every process of group ``pgid`` to end: what is
    left, and how long it took."""
    start = time.monotonic()
    left = group_processes(pgid)
    while left and time.monotonic() - start < timeout:
        time.sleep(0.02)
        left = group_processes(pgid)
    return left, time.monotonic() - start


def reap_group(pgid: int) -> None:
    """SIGKILL whatever is left of group ``pgid`` (after a failed assertion)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


# A fresh interpreter that SIGKILLs itself just before the K-th file operation of the
# switch (journal.switch: renames, links, unlinks, writes and syncs, counted from the
# start of the switch), or right after the switch returns when K is one past the last.
# With K = 0 it kills nothing and prints how many operations the switch made.
KILL_IN_SWITCH = """
import os, signal, sys
import corpus_tools.journal as journal
K = int(sys.argv[1])
count = 0
active = False
def counted(name):
    real = getattr(os, name)
    def step(*args, **kwargs):
        global count
        if active:
            count += 1
            if count == K:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    setattr(os, name, step)
for name in ("replace", "rename", "link", "unlink", "write", "fsync"):
    counted(name)
real_switch = journal.switch
def switch(*args, **kwargs):
    global active
    active = True
    try:
        return real_switch(*args, **kwargs)
    finally:
        active = False
        if K == count + 1:
            os.kill(os.getpid(), signal.SIGKILL)
        if K == 0:
            print(f"switch operations: {count}", file=sys.stderr)
journal.switch = switch
from corpus_tools.cli import main
sys.argv = ["corpus", *sys.argv[2:]]
main()
"""
