"""Faults: kills, a full disk, a read-only folder, concurrent runs, seeds changing mid-run.

The promise under test (corpus_tools/io.py, corpus_tools/journal.py): an export stages
every file beside its target and switches them into place only when all are complete,
through a commit journal kept beside the folder; a failure leaves the previous exports
as they were, byte for byte, a kill leaves a switch that the next command finishes
before it reads the folder, and the next successful run leaves no ``.corpus-tmp-*``
file behind. The two-state corpora (``big``, ``small``) are described in _corpora.py.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from random import Random
from typing import Any

import pytest

from corpus_tools.commands import ExportArgs, Streams, run_export
from corpus_tools.exporters.csv import read_csv_export
from corpus_tools.exporters.jsonl import read_jsonl
from corpus_tools.exporters.tei import read_tei
from corpus_tools.io import TMP_PREFIX
from corpus_tools.journal import pending, recover
from corpus_tools.seeds import read_seed

from ._corpora import (
    HANG_TIMEOUT,
    KILL_IN_SWITCH,
    Corpus,
    children,
    export_files,
    kill_group,
    popen,
)
from ._support import (
    REAL_SEED,
    copy_tree,
    corpus_env,
    make_corpus,
    run_corpus,
    sha256,
    temporaries,
)

KILLS = int(os.environ.get("CORPUS_FAULT_KILLS", "20"))


# --- SIGKILL at random points -------------------------------------------------------------


def test_sigkill_at_random_points_loses_nothing(big: Corpus) -> None:
    big.reset("A")
    state = "A"
    rng = Random(20251127)
    outcomes: Counter[str] = Counter()
    for _ in range(KILLS):
        target = "B" if state != "B" else "A"
        big.set_state(target)
        proc = popen("-m", "corpus_tools", "export", "--root", big.root)
        delay = rng.uniform(0.0, big.duration * 1.2)
        try:
            _, stderr = proc.communicate(timeout=delay)  # reads the pipes while waiting
            finished = True
        except subprocess.TimeoutExpired:
            kill_group(proc)
            finished = False
        if finished:
            held = big.holding()
            assert proc.returncode == 0, stderr.decode(errors="replace")
            assert held == target
            assert temporaries(big.exports) == []
            outcomes["finished"] += 1
        else:
            # What the next command of any kind does first: a kill mid-switch is
            # finished (or undone), never left a mix.
            repaired = recover(big.exports)
            held = big.holding()  # every file whole: the old one or the new one
            assert held in ("A", "B")
            kept = {state: "killed, old kept", target: "killed after commit"}
            outcomes["killed mid-switch, finished" if repaired else kept[held]] += 1
        state = held
    # The next successful run repairs whatever a kill left, and leaves no temporary.
    final = "A" if state != "A" else "B"
    big.set_state(final)
    done = run_corpus("export", "--root", big.root)
    assert done.returncode == 0, done.stderr
    assert export_files(big.exports) == big.good[final]
    assert temporaries(big.exports) == []
    done = run_corpus("export", "--check", "--root", big.root)
    assert done.returncode == 0, done.stdout
    print(f"{KILLS} kills: {dict(outcomes)}")


def test_ctrl_c_at_random_points_ends_and_loses_nothing(big: Corpus) -> None:
    # Ctrl-C in a terminal sends SIGINT to the whole process group, workers included.
    big.reset("A")
    rng = Random(7)
    for _ in range(4):
        big.set_state("B" if big.holding() != "B" else "A")
        proc = popen("-m", "corpus_tools", "export", "--jobs", "2", "--root", big.root)
        time.sleep(rng.uniform(0.2, big.duration))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)
        try:
            _, stderr = proc.communicate(timeout=HANG_TIMEOUT)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            pytest.fail("corpus export did not end after Ctrl-C")
        assert proc.returncode in (0, 130), stderr.decode(errors="replace")[-2000:]
        # A switch under way is finished before Ctrl-C takes effect: never a mix, no
        # journal, and the staged files of an interrupted run are gone.
        assert big.holding() in ("A", "B")
        assert not pending(big.exports)
        assert temporaries(big.exports) == []
    done = run_corpus("export", "--root", big.root)
    assert done.returncode == 0, done.stderr
    assert temporaries(big.exports) == []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")
def test_workers_leave_ctrl_c_to_the_main_process(big: Corpus) -> None:
    big.reset("A")
    big.set_state("B")
    proc = popen("-m", "corpus_tools", "export", "--no-cache", "--jobs", "2", "--root", big.root)
    try:
        workers: list[int] = []
        for _ in range(1000):
            workers = children(proc.pid)
            if len(workers) >= 2 or proc.poll() is not None:
                break
            time.sleep(0.01)
        assert workers, "no worker process started"
        time.sleep(0.1)  # let them take their first chunk of seeds
        for pid in workers:
            os.kill(pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=HANG_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail("corpus export hangs after its workers got SIGINT")
    finally:
        kill_group(proc)
    assert proc.returncode == 0, stderr.decode(errors="replace")[-2000:]
    assert big.holding() == "B"


# A fresh interpreter that SIGKILLs itself at the K-th rename of the commit.
_KILL_AT_RENAME = """
import os, signal, sys
import corpus_tools.io as cio
K = int(sys.argv[1])
real_replace = os.replace
count = 0
def replace(src, dst):
    global count
    count += 1
    if count == K:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(src, dst)
cio.os.replace = replace
from corpus_tools.cli import main
sys.argv = ["corpus", *sys.argv[2:]]
main()
"""


@pytest.fixture(scope="module")
def killed_mid_commit(big: Corpus) -> Corpus:
    """An export from A to B killed at the 100th of its 305 renames."""
    big.reset("A")
    big.set_state("B")
    proc = popen("-c", _KILL_AT_RENAME, "100", "export", "--jobs", "1", "--root", big.root)
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    return big


def test_sigkill_mid_commit_leaves_whole_files_and_the_next_run_repairs(
    killed_mid_commit: Corpus,
) -> None:
    big = killed_mid_commit
    big.holding()  # every file is whole, old or new
    assert temporaries(big.exports) != []  # the staged files not yet renamed
    done = run_corpus("export", "--root", big.root)
    assert done.returncode == 0, done.stderr
    assert export_files(big.exports) == big.good["B"]
    assert temporaries(big.exports) == []


def _read_with_the_library(folder: Path) -> None:
    read_jsonl_docs = [d.to_dict() for d in read_jsonl(folder / "corpus.jsonl")]
    assert [d.to_dict() for d in read_csv_export(folder)] == read_jsonl_docs
    for name in (
        "corpus.tei.xml",
        *(f"tei/{p.name}" for p in sorted((folder / "tei").iterdir())[:3]),
    ):
        list(read_tei(folder / name))


def _next_command(kind: str, corpus: Corpus) -> str:
    """Run the next command of ``kind`` on ``corpus`` after a fault; its stderr."""
    if kind == "library":
        _read_with_the_library(corpus.exports)
        return ""
    args = {"export": ["export"], "export --check": ["export", "--check"], "validate": ["validate"]}
    done = run_corpus(*args[kind], "--root", corpus.root)
    # The corpus is in state B: a command finding the old exports says they are stale.
    assert done.returncode in (0, 1), done.stderr
    return done.stderr


READERS = ["export", "export --check", "validate", "library"]


@pytest.mark.parametrize("kind", READERS)
def test_sigkill_mid_commit_keeps_old_or_new_never_a_mix(big: Corpus, kind: str) -> None:
    # Killed at the 100th rename of 306 (the journal's own, then one per file): the
    # folder is a mix for a moment; the next command of any kind finishes the switch
    # before it reads the folder, and it and everyone after see only the new exports.
    big.reset("A")
    big.set_state("B")
    proc = popen("-c", _KILL_AT_RENAME, "100", "export", "--jobs", "1", "--root", big.root)
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert big.holding() == "mixed"  # what the journal is for
    assert pending(big.exports)
    stderr = _next_command(kind, big)
    assert big.holding() == "B"
    assert not pending(big.exports)
    if kind != "library":
        assert "finished the switch to the new files" in stderr, stderr
    done = run_corpus("export", "--check", "--root", big.root)
    assert done.returncode == 0, done.stdout


SWITCH_KILLS = int(os.environ.get("CORPUS_SWITCH_KILLS", "24"))


def _switch_points(total: int, wanted: int) -> list[int]:
    """Kill points among the ``total`` operations (and one past them): the first five
    (the journal is written and made durable), the last five and a seeded sample of the
    rest; ``wanted`` 0 means every one."""
    every = list(range(1, total + 2))
    if wanted == 0 or wanted >= len(every):
        return every
    edges = set(every[:5] + every[-5:])
    middle = [k for k in every if k not in edges]
    return sorted(edges | set(Random(1127).sample(middle, max(0, wanted - len(edges)))))


def test_sigkill_at_every_step_of_the_switch(small: Corpus) -> None:
    small.reset("A")
    small.set_state("B")
    proc = popen("-c", KILL_IN_SWITCH, "0", "export", "--jobs", "1", "--root", small.root)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode(errors="replace")
    total = int(re.findall(r"switch operations: (\d+)", err.decode())[-1])
    points = _switch_points(total, SWITCH_KILLS)
    outcomes: Counter[str] = Counter()
    for i, k in enumerate(points):
        small.reset("A")
        small.set_state("B")
        proc = popen("-c", KILL_IN_SWITCH, str(k), "export", "--jobs", "1", "--root", small.root)
        proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, k
        kind = READERS[i % len(READERS)]
        _next_command(kind, small)
        held = small.holding()
        assert held in ("A", "B"), f"a mix after a kill at step {k} of {total} and {kind}"
        assert not pending(small.exports)
        outcomes[f"{held} after {kind}"] += 1
    # Whatever the kills left (staged files of a switch whose journal never became
    # durable), the next export removes.
    done = run_corpus("export", "--root", small.root)
    assert done.returncode == 0, done.stderr
    assert temporaries(small.exports) == []
    print(f"{len(points)} kills at steps {points} of {total}: {dict(outcomes)}")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")
def test_export_ends_when_a_worker_process_dies(big: Corpus) -> None:
    # The export is fast enough to finish before the kill lands on a loaded machine: such
    # an attempt proves nothing (its exports are checked and it is tried again).
    for _ in range(5):
        big.reset("A")
        big.set_state("B")
        proc = popen(
            "-m", "corpus_tools", "export", "--no-cache", "--jobs", "2", "--root", big.root
        )
        try:
            workers: list[int] = []
            for _ in range(1000):
                workers = children(proc.pid)
                if len(workers) >= 2 or proc.poll() is not None:
                    break
                time.sleep(0.005)
            assert workers or proc.poll() is not None, "no worker process started"
            time.sleep(0.02)  # let them take their first chunk of seeds
            for pid in workers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            proc.wait(timeout=HANG_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail("corpus export hangs after its worker processes died")
        finally:
            kill_group(proc)
        if proc.returncode == 0:
            assert big.holding() == "B"  # finished before the kill: a complete export
            continue
        assert proc.returncode == 2
        assert big.holding() == "A"
        return
    pytest.fail("the export finished before its workers could be killed, five times")


# --- a full disk and a read-only folder (injected) ----------------------------------------


class _FailingFile:
    """A binary file whose writes fail with ``err`` once ``budget`` bytes are spent."""

    def __init__(self, inner: Any, budget: list[int], err: int, at: str) -> None:
        self._inner, self._budget, self._err, self._at = inner, budget, err, at

    def write(self, data: bytes) -> int:
        self._budget[0] -= len(data)
        if self._budget[0] < 0 and self._at == "write":
            raise OSError(self._err, os.strerror(self._err))
        return int(self._inner.write(data))

    def flush(self) -> None:
        if self._budget[0] < 0 and self._at == "flush":
            raise OSError(self._err, os.strerror(self._err))
        self._inner.flush()

    def close(self) -> None:
        self._inner.close()

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


# The temporary name of a small file staged whole (mkstemp's have a dot after the PID).
_SMALL_TMP = re.compile(re.escape(TMP_PREFIX) + r"[0-9]+-[0-9]+")


def _export_in_process(root: Path) -> tuple[int, str]:
    err = io.StringIO()
    code = run_export(
        ExportArgs(root=root, formats=["all"], cache=False, jobs=1),
        Streams(out=io.StringIO(), err=err),
    )
    return code, err.getvalue()


def _assert_refused_cleanly(corpus: Corpus, code: int, stderr: str, cause: str) -> None:
    assert code == 2, stderr
    first = stderr.splitlines()[0]
    path, _, message = first.partition(": error: ")
    assert Path(path).is_relative_to(corpus.exports), first  # names a file or the folder
    assert cause in message, first
    assert "intact" in message
    assert export_files(corpus.exports) == corpus.good["A"]
    assert temporaries(corpus.exports) == []


@pytest.mark.parametrize("at", ["write", "flush"])
@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.7, 0.99])
def test_disk_full_while_writing(
    small: Corpus, monkeypatch: pytest.MonkeyPatch, fraction: float, at: str
) -> None:
    small.reset("A")
    small.set_state("B")
    # The bytes the export writes: files that are the same in both states are kept.
    written = [v for k, v in small.good["B"].items() if small.good["A"][k] != v]
    budget = [int(sum(map(len, written)) * fraction)]
    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real_fdopen(fd, mode, *args, **kwargs)
        return _FailingFile(fh, budget, errno.ENOSPC, at) if "w" in mode else fh

    real_write = os.write

    def write(fd: int, data: Any) -> int:
        # The small per-article files go straight through os.write: same budget.
        budget[0] -= len(data)
        if budget[0] < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr("corpus_tools.io.os.fdopen", fdopen)
    monkeypatch.setattr("corpus_tools.io.os.write", write)
    code, stderr = _export_in_process(small.root)
    _assert_refused_cleanly(small, code, stderr, "no space left on the device")


_CREATION_ERRORS = pytest.mark.parametrize(
    ("err", "cause"),
    [
        (errno.ENOSPC, "no space left on the device"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "permission denied"),
    ],
    ids=["ENOSPC", "EROFS", "EACCES"],
)


def _fail_nth_creation(
    monkeypatch: pytest.MonkeyPatch, nth: int, err: int, *, staged_too: bool
) -> list[int]:
    """Make the n-th file creation fail: the small per-article files (os.open with
    O_EXCL) and, with ``staged_too``, the streamed staged files (mkstemp), counted
    together. Returns the counter."""
    import tempfile

    calls = [0]

    def failing() -> bool:
        calls[0] += 1
        return calls[0] == nth

    real_open = os.open

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        small_file = _SMALL_TMP.fullmatch(os.path.basename(os.fspath(path)))
        if flags & os.O_EXCL and small_file and failing():
            raise OSError(err, os.strerror(err))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr("corpus_tools.io.os.open", open_)
    if staged_too:
        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            if failing():
                raise OSError(err, os.strerror(err))
            return real_mkstemp(*args, **kwargs)

        monkeypatch.setattr("corpus_tools.io.tempfile.mkstemp", mkstemp)
    return calls


@_CREATION_ERRORS
@pytest.mark.parametrize("nth", [1, 5, 14])
def test_cannot_create_a_file(
    small: Corpus, monkeypatch: pytest.MonkeyPatch, err: int, cause: str, nth: int
) -> None:
    # Creating the n-th staged file fails (no inode left, a read-only or locked folder).
    small.reset("A")
    small.set_state("B")
    calls = _fail_nth_creation(monkeypatch, nth, err, staged_too=True)
    code, stderr = _export_in_process(small.root)
    assert calls[0] >= nth  # the fault was injected
    _assert_refused_cleanly(small, code, stderr, cause)


@_CREATION_ERRORS
@pytest.mark.parametrize("nth", [1, 3])
def test_cannot_create_a_small_file(
    small: Corpus, monkeypatch: pytest.MonkeyPatch, err: int, cause: str, nth: int
) -> None:
    # The per-article files are created with os.open(O_EXCL), not mkstemp: the n-th fails.
    small.reset("A")
    small.set_state("B")
    calls = _fail_nth_creation(monkeypatch, nth, err, staged_too=False)
    code, stderr = _export_in_process(small.root)
    assert calls[0] >= nth  # the fault was injected
    _assert_refused_cleanly(small, code, stderr, cause)


@pytest.mark.parametrize("nth", [1, 4])
def test_disk_full_writing_a_small_file(
    small: Corpus, monkeypatch: pytest.MonkeyPatch, nth: int
) -> None:
    small.reset("A")
    small.set_state("B")
    real_write = os.write
    calls = [0]

    def write(fd: int, data: Any) -> int:
        calls[0] += 1
        if calls[0] == nth:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr("corpus_tools.io.os.write", write)
    code, stderr = _export_in_process(small.root)
    assert calls[0] >= nth
    _assert_refused_cleanly(small, code, stderr, "no space left on the device")


def _failing_rename(monkeypatch: pytest.MonkeyPatch, nth: int) -> None:
    real_replace = os.replace
    calls = [0]

    def replace(src: Any, dst: Any) -> None:
        calls[0] += 1
        if calls[0] == nth:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        real_replace(src, dst)

    monkeypatch.setattr("corpus_tools.io.os.replace", replace)


def test_rename_failure_is_a_clear_error(small: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    small.reset("A")
    small.set_state("B")
    _failing_rename(monkeypatch, 5)
    code, stderr = _export_in_process(small.root)
    assert code == 2
    first = stderr.splitlines()[0]
    path, _, message = first.partition(": error: ")
    assert Path(path).is_relative_to(small.exports), first
    assert "permission denied" in message.lower(), first
    held = small.holding()  # every file still whole
    # The message may only claim the previous files are intact when they are.
    assert "intact" not in message or held == "A", first


def test_rename_failure_keeps_the_previous_exports(
    small: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    small.reset("A")
    small.set_state("B")
    _failing_rename(monkeypatch, 5)
    _export_in_process(small.root)
    assert small.holding() == "A"


def test_rename_failure_leaves_no_temporaries(
    small: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    small.reset("A")
    small.set_state("B")
    _failing_rename(monkeypatch, 5)
    _export_in_process(small.root)
    assert temporaries(small.exports) == []


def _fail_in_switch(
    monkeypatch: pytest.MonkeyPatch, nth: int, *, undo_fails: bool = False
) -> list[int]:
    """Make the ``nth`` link or rename of the switch fail with EACCES (0: none; count
    them); with ``undo_fails``, every rename after it fails too, so the undo fails."""
    import corpus_tools.journal as journal

    calls = [0]
    active = [False]
    failed = [False]
    for name in ("link", "replace", "rename"):
        real = getattr(os, name)

        def step(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            if active[0]:
                calls[0] += 1
                if calls[0] == nth or (undo_fails and failed[0] and _name == "replace"):
                    failed[0] = True
                    raise OSError(errno.EACCES, os.strerror(errno.EACCES))
            return _real(*args, **kwargs)

        monkeypatch.setattr(os, name, step)
    real_switch = journal.switch

    def switch(*args: Any, **kwargs: Any) -> None:
        active[0] = True
        try:
            real_switch(*args, **kwargs)
        finally:
            active[0] = False

    monkeypatch.setattr(journal, "switch", switch)
    return calls


def test_failure_at_every_step_of_the_switch_keeps_the_previous_exports(
    small: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every link and rename of the switch (the journal's own rename first) fails in turn.
    small.reset("A")
    small.set_state("B")
    calls = _fail_in_switch(monkeypatch, 0)
    code, stderr = _export_in_process(small.root)
    assert code == 0, stderr
    total = calls[0]
    monkeypatch.undo()
    assert total > 20
    for nth in range(1, total + 1):
        small.reset("A")
        small.set_state("B")
        _fail_in_switch(monkeypatch, nth)
        code, stderr = _export_in_process(small.root)
        monkeypatch.undo()
        assert code == 2, (nth, stderr)
        first = stderr.splitlines()[0]
        path, _, message = first.partition(": error: ")
        assert Path(path).is_relative_to(small.root), first  # an export file or the journal
        assert "previous files are intact" in message, first
        assert export_files(small.exports) == small.good["A"], f"failure at step {nth}"
        assert temporaries(small.exports) == []
        assert not pending(small.exports)
    print(f"a failure at each of the {total} links and renames of the switch")


@pytest.mark.parametrize("kind", READERS)
def test_failed_undo_is_finished_by_the_next_command(
    small: Corpus, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    # A rename fails half-way, and so does every rename of the undo (the disk went
    # read-only): the folder is left mixed, with the journal; the next command of any
    # kind puts the previous exports back before it reads the folder.
    small.reset("A")
    small.set_state("B")
    _fail_in_switch(monkeypatch, 12, undo_fails=True)
    code, stderr = _export_in_process(small.root)
    monkeypatch.undo()
    assert code == 2, stderr
    assert "undoing the switch failed too" in stderr, stderr
    assert "the next corpus command on this folder puts the previous files back" in stderr
    assert small.holding() == "mixed"
    stderr = _next_command(kind, small)
    assert not pending(small.exports)
    if kind != "library":
        assert "undid the switch" in stderr, stderr
    # export goes on to write the new exports; every other command only reads.
    assert small.holding() == ("B" if kind == "export" else "A")


def test_interrupt_while_writing_keeps_the_previous_exports(
    small: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C (KeyboardInterrupt) in the middle of staging: everything staged is dropped.
    small.reset("A")
    small.set_state("B")
    from corpus_tools.io import StagedFile

    real_write = StagedFile.write
    calls = [0]

    def write(self: StagedFile, data: bytes) -> None:
        calls[0] += 1
        if calls[0] == 7:
            raise KeyboardInterrupt
        real_write(self, data)

    monkeypatch.setattr(StagedFile, "write", write)
    with pytest.raises(KeyboardInterrupt):
        _export_in_process(small.root)
    assert export_files(small.exports) == small.good["A"]
    assert temporaries(small.exports) == []


# --- a real full disk and a real read-only folder (tmpfs in a mount namespace) ------------

_NAMESPACE_SCRIPT = r"""
set -eu
mount -t tmpfs -o "size=$SIZE" tmpfs "$EXPORTS"
cp -a "$GOOD/." "$EXPORTS/"
if [ "$MODE" = ro ]; then mount -o remount,ro "$EXPORTS"; fi
set +e
"$PYTHON" -m corpus_tools export --no-cache --root "$ROOT" >"$OUT/stdout" 2>"$OUT/stderr"
echo $? >"$OUT/rc"
set -e
mkdir "$OUT/after"
cp -a "$EXPORTS/." "$OUT/after/"
"""


def _unshare() -> list[str] | None:
    """The command that runs a script in a private mount namespace, where that works."""
    if not shutil.which("unshare"):
        return None
    base = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    probe = subprocess.run(
        [
            *base,
            "sh",
            "-c",
            'mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || mount -t tmpfs -o size=64k tmpfs "$0"',
            "/tmp",
        ],
        capture_output=True,
        check=False,
        timeout=30,
    )
    return base if probe.returncode == 0 else None


@pytest.fixture(scope="module")
def unshare() -> list[str]:
    command = _unshare()
    if command is None:
        pytest.skip("no private mount namespace here (unshare -m); the injected faults cover this")
    return command


def _in_namespace(
    unshare: list[str], corpus: Corpus, tmp_path: Path, mode: str, size: int
) -> tuple[int, str]:
    corpus.reset("A")
    shutil.rmtree(corpus.exports)
    corpus.exports.mkdir()  # the mount point; the good files are copied onto the tmpfs
    corpus.set_state("B")
    out = tmp_path / "out"
    out.mkdir()
    env = {
        **corpus_env(),
        "SIZE": str(size),
        "EXPORTS": str(corpus.exports),
        "GOOD": str(corpus.good_dirs["A"]),
        "MODE": mode,
        "PYTHON": sys.executable,
        "ROOT": str(corpus.root),
        "OUT": str(out),
    }
    subprocess.run([*unshare, "sh", "-c", _NAMESPACE_SCRIPT], env=env, check=True, timeout=120)
    copy_tree(out / "after", corpus.exports)
    return int((out / "rc").read_text()), (out / "stderr").read_text()


def _pages(files: dict[str, bytes]) -> int:
    return sum(-(-len(data) // 4096) for data in files.values())


def test_real_full_disk(unshare: list[str], small: Corpus, tmp_path: Path) -> None:
    # Room for the old exports and half of the new ones.
    pages = _pages(small.good["A"])
    code, stderr = _in_namespace(unshare, small, tmp_path, "rw", (pages + pages // 2) * 4096)
    _assert_refused_cleanly(small, code, stderr, "no space left on the device")


def test_real_read_only_folder(unshare: list[str], small: Corpus, tmp_path: Path) -> None:
    code, stderr = _in_namespace(unshare, small, tmp_path, "ro", 4 * 1024 * 1024)
    _assert_refused_cleanly(small, code, stderr, "read-only file system")


# --- two exports at once -----------------------------------------------------------------


@pytest.mark.parametrize("stagger", [0.0, 0.15, 0.5])
def test_concurrent_exports_never_mix(big: Corpus, tmp_path: Path, stagger: float) -> None:
    # Two roots (states A and B) export into one folder at the same time.
    big.reset("A")
    other = tmp_path / "other"
    other.mkdir()
    big.set_state("B", other)
    first = popen("-m", "corpus_tools", "export", "--root", big.root)
    time.sleep(stagger)
    second = popen("-m", "corpus_tools", "export", "--root", other, "--out", big.exports)
    try:
        results = [p.communicate(timeout=120) for p in (first, second)]
    finally:
        for p in (first, second):
            if p.poll() is None:
                kill_group(p)
    assert (first.returncode, second.returncode) == (0, 0), [r[1] for r in results]
    assert big.holding() in ("A", "B")
    assert temporaries(big.exports) == []


# --- a seed that changes while a run reads it --------------------------------------------


@pytest.fixture
def changing(tmp_path: Path) -> tuple[Path, Path, bytes, bytes]:
    """A corpus whose real seed is rewritten (old -> new) just before it is converted."""
    old = REAL_SEED.read_bytes()
    new = old.replace(b"Bishkek", b"Astana", 1)
    assert new != old
    root = make_corpus(tmp_path / "root")
    return root, root / "seeds" / REAL_SEED.name, old, new


def _rewrite_before_read(monkeypatch: pytest.MonkeyPatch, seed: Path, new: bytes) -> None:
    import corpus_tools.checks as validation

    real = validation.read_seed

    def read_seed_after_a_save(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path == seed and seed.read_bytes() != new:
            seed.write_bytes(new)  # an editor saves between hashing and converting
        return real(path, *args, **kwargs)

    monkeypatch.setattr(validation, "read_seed", read_seed_after_a_save)


def test_recorded_sha256_is_of_the_bytes_converted(
    changing: tuple[Path, Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, seed, _old, new = changing
    _rewrite_before_read(monkeypatch, seed, new)
    code, stderr = _export_in_process(root)
    assert code == 0, stderr
    (doc,) = read_jsonl(root / "exports" / "corpus.jsonl")
    assert "Astana" in doc.full_text
    assert doc.provenance.seed_sha256 == sha256(new)
    assert doc.provenance.seed_bytes == len(new)


class _Torn(io.BytesIO):
    """What a read of a file that changes during the read returns; closes the real file."""

    def __init__(self, data: bytes, real: Any) -> None:
        super().__init__(data)
        self._real = real

    def fileno(self) -> int:
        return int(self._real.fileno())

    def close(self) -> None:
        self._real.close()
        super().close()


def test_torn_read_records_the_torn_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The file changes during the read itself: the hash is of exactly what was read.
    # io.open is where Path.open and os.fdopen both end, whichever the reader uses.
    root = make_corpus(tmp_path)
    seed = root / "seeds" / REAL_SEED.name
    old = seed.read_bytes()
    torn = old[: len(old) // 2] + old[len(old) // 2 :].replace(b"the", b"THE")
    assert torn != old
    ident = (seed.stat().st_dev, seed.stat().st_ino)
    real_open = io.open
    served: list[int] = []

    def torn_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real_open(file, mode, *args, **kwargs)
        if "r" in mode and "b" in mode:
            st = os.fstat(fh.fileno())
            if (st.st_dev, st.st_ino) == ident:
                served.append(1)
                return _Torn(torn, fh)
        return fh

    monkeypatch.setattr(io, "open", torn_open)
    res = read_seed(seed, root)
    monkeypatch.undo()
    assert served, "the reader did not open the seed through io.open"
    assert res.document is not None, res.diagnostics
    assert res.sha256 == sha256(torn)
    assert res.document.provenance.seed_sha256 == sha256(torn)
    assert res.document.provenance.seed_bytes == len(torn)
    assert "THE" in res.document.full_text


def test_exports_of_a_seed_changed_mid_run_are_not_called_up_to_date(
    changing: tuple[Path, Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, seed, old, new = changing
    # With the cache on, as by default.
    err = io.StringIO()
    _rewrite_before_read(monkeypatch, seed, new)
    code = run_export(
        ExportArgs(root=root, formats=["all"], jobs=1), Streams(out=io.StringIO(), err=err)
    )
    assert code == 0, err.getvalue()
    monkeypatch.undo()
    seed.write_bytes(old)
    os.utime(seed, ns=(time.time_ns(), time.time_ns() + 10**9))
    done = run_corpus("export", "--check", "--root", root)
    assert done.returncode == 1, done.stdout


# --- links the exporter must not follow either --------------------------------------------


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_export_does_not_follow_a_seed_link_to_dev_zero(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "seeds" / "001_0123456789abcdef.txt").symlink_to("/dev/zero")
    done = subprocess.run(
        [sys.executable, "-m", "corpus_tools", "export", "--no-cache", "--root", str(root)],
        env=corpus_env(),
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "seed-symlink-outside" in done.stderr


def test_ctrl_c_while_the_pool_starts_leaves_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C inside the first submit, after the workers are forked and before the
    # executor's manager thread starts: shutdown cannot join that thread.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import process as futures_process

    from corpus_tools.pipeline import _shut_down

    def interrupted(self: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(futures_process._ExecutorManagerThread, "start", interrupted)
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
    with pytest.raises(KeyboardInterrupt):
        pool.submit(os.getpid)
    assert pool._processes  # the workers were forked
    _shut_down(pool)  # no RuntimeError: the interrupt is what the caller sees
    assert not [p for p in pool._processes.values() if p.is_alive()]
