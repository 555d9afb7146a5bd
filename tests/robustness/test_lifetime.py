"""Process lifetime: workers never outlive their run, and Ctrl-C ends any run cleanly.

Real kills are often aimed at the main process alone (the OOM killer, ``kill -9 PID``, a
CI runner or container runtime stopping only the main process). Before procs.py, the
worker processes of a run killed that way stayed alive, blocked on a pipe nobody read,
and held the export lock, so every later export waited forever, silently.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from random import Random

import pytest

from corpus_tools.journal import pending
from corpus_tools.locking import state_path

from ._corpora import (
    HANG_TIMEOUT,
    Corpus,
    group_processes,
    popen,
    reap_group,
    wait_group_gone,
)
from ._support import run_corpus, temporaries

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

KILLS = int(os.environ.get("CORPUS_LIFETIME_KILLS", "12"))
# The bound: no worker may remain this long after the main process died.
GONE_WITHIN = 3.0


def _argv(kind: str, corpus: Corpus) -> list[str]:
    # Workers run in both: more than 256 seeds and --jobs 2 (validate does not reuse the
    # cache, and its export check takes the lock for reading).
    if kind == "export":
        return ["-m", "corpus_tools", "export", "--jobs", "2", "--root", str(corpus.root)]
    return [
        "-m",
        "corpus_tools",
        "validate",
        "--no-cache",
        "--jobs",
        "2",
        "--root",
        str(corpus.root),
    ]


def _timing(kind: str, corpus: Corpus, state: str) -> tuple[float, float]:
    """How long an undisturbed run of ``kind`` takes (an export from the other state),
    and for how long of it its workers run."""
    corpus.reset("B" if state == "A" else "A")
    corpus.set_state(state)
    start = time.monotonic()
    proc = popen(*_argv(kind, corpus))
    first = last = None
    while proc.poll() is None:
        if len(group_processes(proc.pid)) > 1:
            now = time.monotonic()
            first = first or now
            last = now
        time.sleep(0.005)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 1), err.decode(errors="replace")
    assert first is not None, "no worker ran"
    assert last is not None
    return time.monotonic() - start, last - first


def _wait_for_workers(proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + HANG_TIMEOUT
    while len(group_processes(proc.pid)) < 3 and proc.poll() is None:
        assert time.monotonic() < deadline, "no worker started"
        time.sleep(0.005)


def test_sigkill_of_the_main_process_alone_leaves_no_worker(big: Corpus) -> None:
    # A quarter of the points anywhere in the run (start-up, the commit), the rest
    # while the workers run, where a kill used to leave them behind.
    timing = {kind: _timing(kind, big, "A") for kind in ("export", "validate")}
    big.reset("A")
    state = "A"
    rng = Random(20251201)
    figures: Counter[str] = Counter()
    slowest_gone = slowest_next = 0.0
    for i in range(KILLS):
        kind = ("export", "validate")[i % 2]
        if kind == "export":
            state = "B" if state == "A" else "A"
            big.set_state(state)
        total, working = timing[kind]
        anywhere = rng.random() < 0.25
        delay = rng.uniform(0.0, 1.1 * total if anywhere else 0.8 * working)
        proc = popen(*_argv(kind, big))
        try:
            if not anywhere:
                _wait_for_workers(proc)
            try:
                proc.communicate(timeout=delay)
                figures[f"{kind}: finished before the kill"] += 1
                continue
            except subprocess.TimeoutExpired:
                pass
            workers = [p for p in group_processes(proc.pid) if p != proc.pid]
            os.kill(proc.pid, signal.SIGKILL)  # the main process alone
            proc.wait(timeout=HANG_TIMEOUT)  # its pipes stay open while a worker lives
            left, took = wait_group_gone(proc.pid, GONE_WITHIN)
            assert left == [], f"{kind} killed after {delay:.2f} s: {left} alive after 3 s"
        finally:
            reap_group(proc.pid)
            proc.communicate()
        slowest_gone = max(slowest_gone, took)
        figures[f"{kind}: killed with {len(workers)} workers"] += 1
        # The next run gets the lock at once (--lock-timeout 0 would fail otherwise).
        start = time.monotonic()
        done = run_corpus("export", "--lock-timeout", "0", "--root", big.root)
        slowest_next = max(slowest_next, time.monotonic() - start)
        assert done.returncode == 0, done.stderr
        assert "waiting" not in done.stderr
        assert big.holding() == state
        assert temporaries(big.exports) == []
    with_workers = sum(n for k, n in figures.items() if "killed with" in k and "with 0" not in k)
    assert with_workers >= KILLS // 4, figures  # the kills did land while workers ran
    print(
        f"{KILLS} kills of the main process: {dict(sorted(figures.items()))}; "
        f"workers gone within {slowest_gone:.2f} s; next export took at most {slowest_next:.2f} s"
    )


def _lock_descriptors(pid: int, lock: Path) -> list[str]:
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd) == str(lock):
                found.append(fd.name)
        except OSError:
            continue
    return found


def test_workers_hold_no_descriptor_of_the_lock(big: Corpus) -> None:
    big.reset("A")
    big.set_state("B")
    lock = Path(os.path.realpath(state_path(big.exports, "lock")))
    proc = popen("-m", "corpus_tools", "export", "--no-cache", "--jobs", "2", "--root", big.root)
    try:
        seen = False
        deadline = time.monotonic() + HANG_TIMEOUT
        while not seen and proc.poll() is None and time.monotonic() < deadline:
            workers = [p for p in group_processes(proc.pid) if p != proc.pid]
            try:
                if len(workers) == 2 and _lock_descriptors(proc.pid, lock):
                    held = [_lock_descriptors(p, lock) for p in workers]
                    if held != [[], []]:
                        # A child caught between fork() and its at-fork hook still has
                        # the descriptor for an instant: what counts is that it lets go.
                        time.sleep(0.2)
                        held = [_lock_descriptors(p, lock) for p in workers]
                    assert held == [[], []]
                    seen = True
            except FileNotFoundError:  # a process ended while we looked
                continue
        assert seen, "never saw the main process holding the lock while two workers ran"
        _, err = proc.communicate(timeout=HANG_TIMEOUT)
    finally:
        reap_group(proc.pid)
    assert proc.returncode == 0, err.decode(errors="replace")


CTRL_C_POINTS = 3


@pytest.mark.parametrize("kind", ["validate", "export"])
def test_ctrl_c_to_the_main_process_exits_130_and_leaves_nothing(big: Corpus, kind: str) -> None:
    # SIGINT to the main process alone, while its workers run, at seeded points.
    big.reset("A")
    state = "A"
    rng = Random(130)
    outcomes: Counter[str] = Counter()
    for _ in range(CTRL_C_POINTS):
        if kind == "export":
            state = "B" if state == "A" else "A"
            big.set_state(state)
        proc = popen(*_argv(kind, big))
        try:
            _wait_for_workers(proc)
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(proc.pid, signal.SIGINT)
            try:
                _, err = proc.communicate(timeout=HANG_TIMEOUT)
            except subprocess.TimeoutExpired:
                pytest.fail(f"corpus {kind} did not end after Ctrl-C")
            # The workers were joined before the main process exited.
            assert group_processes(proc.pid) == []
        finally:
            reap_group(proc.pid)
        stderr = err.decode(errors="replace")
        if proc.returncode in (0, 1):
            outcomes["finished first"] += 1
        else:
            assert proc.returncode == 130, stderr[-2000:]
            assert stderr.rstrip().endswith("corpus: interrupted"), stderr[-2000:]
            outcomes["interrupted"] += 1
        # Nothing half-written: the exports are the old or the new ones, as they are
        # (no next command needed), with no journal and no temporary left.
        assert big.holding() in ("A", "B")
        assert not pending(big.exports)
        assert temporaries(big.exports) == []
    assert outcomes["interrupted"] >= 1, outcomes
    print(f"Ctrl-C during {kind}: {dict(outcomes)}")


def test_ctrl_c_while_the_command_line_loads_exits_130_without_a_traceback(
    tmp_path: Path,
) -> None:
    # The console script's module imports the command line under a guard: a Ctrl-C
    # that lands while its modules load (seen at random: a third of early interrupts
    # before the guard) is made here to land exactly then.
    script = (
        "import builtins\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kwargs):\n"
        "    if name == 'corpus_tools.cli':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupted\n"
        "from corpus_tools.__main__ import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "corpus: interrupted\n")
