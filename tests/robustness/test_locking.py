"""The export lock: never a silent wait, a dead holder's lock taken over, a time limit.

The lock and the commit journal live in ``.corpus-state/`` beside the export folder:
not inside it (the exports are committed to git) and not in ``.corpus-cache/`` (which CI
may restore from an old run, and which ``--no-cache`` skips).
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from corpus_tools.journal import pending
from corpus_tools.locking import STATE_DIR, folder_lock, state_path

from ._corpora import HANG_TIMEOUT, KILL_IN_SWITCH, Corpus, popen, reap_group
from ._support import corpus_env, run_corpus

# A bound that tells a run that waits or gives up from one that hangs, not a speed
# claim: interpreter start and imports on a loaded CI machine can take seconds.
TOLD_WITHIN = 30.0


def _first_line(proc: subprocess.Popen[bytes], timeout: float) -> tuple[str, float]:
    """The first line the run writes on standard error, and how long it took."""
    assert proc.stderr is not None
    start = time.monotonic()
    ready, _, _ = select.select([proc.stderr], [], [], timeout)
    assert ready, f"nothing said within {timeout} s"
    line = proc.stderr.readline().decode()
    return line, time.monotonic() - start


def test_a_waiting_export_names_the_holder_at_once(small: Corpus) -> None:
    small.reset("A")
    small.set_state("B")
    with folder_lock(small.exports):
        proc = popen("-m", "corpus_tools", "export", "--lock-timeout", "60", "--root", small.root)
        try:
            line, took = _first_line(proc, TOLD_WITHIN)
            assert took < TOLD_WITHIN
            assert proc.poll() is None  # still waiting
        except BaseException:
            reap_group(proc.pid)
            raise
    # Released: the export goes on and succeeds.
    _, err = proc.communicate(timeout=HANG_TIMEOUT)
    assert proc.returncode == 0, err.decode(errors="replace")
    assert re.fullmatch(
        rf"corpus: \S*exports is locked by PID {os.getpid()} \(.+\), since "
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; waiting up to 60 s \(--lock-timeout\)\n",
        line,
    ), line
    assert small.holding() == "B"


def test_a_waiting_reader_names_the_writer(small: Corpus) -> None:
    # validate and export --check read the folder under the lock too (for reading):
    # they wait for a writer, and say so.
    small.reset("A")
    with folder_lock(small.exports):
        for argv in (["validate"], ["export", "--check"]):
            start = time.monotonic()
            done = run_corpus(*argv, "--lock-timeout", "0.5", "--root", small.root)
            assert time.monotonic() - start < 0.5 + TOLD_WITHIN
            assert done.returncode == 2, done.stderr
            lines = done.stderr.splitlines()
            assert f"is locked by PID {os.getpid()}" in lines[0], lines
            assert "waiting up to 0.5 s" in lines[0], lines
            assert lines[-1].endswith(
                "; gave up after 0.5 s (--lock-timeout); run again when it has finished"
            ), lines


def test_lock_timeout_zero_fails_at_once_with_one_line(small: Corpus) -> None:
    small.reset("A")
    with folder_lock(small.exports):
        for argv in (["export"], ["export", "--check"], ["validate"]):
            done = run_corpus(*argv, "--lock-timeout", "0", "--root", small.root)
            assert done.returncode == 2, done.stderr
            (line,) = done.stderr.splitlines()
            assert re.fullmatch(
                rf"\S*exports: error: locked by PID {os.getpid()} \(.+\), since .+ UTC; "
                r"gave up after 0 s \(--lock-timeout\); run again when it has finished",
                line,
            ), line


def test_readers_share_the_lock(small: Corpus) -> None:
    small.reset("A")
    with folder_lock(small.exports, shared=True):
        done = run_corpus("export", "--check", "--lock-timeout", "0", "--root", small.root)
        assert done.returncode == 0, done.stderr
        done = run_corpus("export", "--lock-timeout", "0", "--root", small.root)
        assert done.returncode == 2
        assert f"being read by PID {os.getpid()}" in done.stderr, done.stderr


_HOLD_AND_DIE = """
import os, signal, sys
from corpus_tools.locking import folder_lock
with folder_lock(sys.argv[1]):
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_dead_holders_lock_is_taken_over(small: Corpus) -> None:
    small.reset("A")
    small.set_state("B")
    holder = subprocess.run(
        [sys.executable, "-c", _HOLD_AND_DIE, str(small.exports)],
        env=corpus_env(),
        check=False,
        timeout=60,
    )
    assert holder.returncode == -signal.SIGKILL
    # Its note is still in the lock file; the kernel dropped the lock itself.
    assert '"pid"' in state_path(small.exports, "lock").read_text()
    start = time.monotonic()
    done = run_corpus("export", "--lock-timeout", "0", "--root", small.root)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - start < HANG_TIMEOUT
    assert "which ended without releasing it (killed or crashed); taken over" in done.stderr
    assert small.holding() == "B"
    assert not state_path(small.exports, "lock").exists()  # released and removed


def test_lock_and_journal_live_beside_the_export_folder(small: Corpus, tmp_path: Path) -> None:
    small.reset("A")
    assert state_path(small.exports, "lock") == small.root.resolve() / STATE_DIR / "exports.lock"
    assert state_path(small.exports, "journal").parent == small.root.resolve() / STATE_DIR
    with folder_lock(small.exports):
        assert state_path(small.exports, "lock").exists()
        assert (small.root / STATE_DIR / ".gitignore").read_text() == "*\n"
        # --no-cache does not turn the lock off.
        done = run_corpus("export", "--no-cache", "--lock-timeout", "0", "--root", small.root)
        assert done.returncode == 2
    # The last holder removes the lock file, and the folder when nothing else is left.
    assert not (small.root / STATE_DIR).exists()
    done = run_corpus("export", "--no-cache", "--root", small.root)
    assert done.returncode == 0, done.stderr
    assert not (small.root / STATE_DIR).exists()
    # Nothing of the lock or the journal inside the exports or the cache.
    for folder in (small.exports, small.root / ".corpus-cache"):
        inside = [p.name for p in folder.rglob("*") if "lock" in p.name or "journal" in p.name]
        assert inside == [], folder
    # An export folder elsewhere (--out) has its state beside it.
    out = tmp_path / "elsewhere" / "out"
    assert state_path(out, "lock") == tmp_path.resolve() / "elsewhere" / STATE_DIR / "out.lock"
    done = run_corpus("export", "--root", small.root, "--out", out)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]


def test_a_restored_cache_brings_back_no_journal(small: Corpus, tmp_path: Path) -> None:
    # CI restores .corpus-cache/ from an earlier run; the journal of a switch cut short
    # in this run is elsewhere, so neither a stale journal comes back nor does the
    # pending one get lost, with or without the cache.
    small.reset("A")
    done = run_corpus("export", "--root", small.root)
    assert done.returncode == 0, done.stderr
    saved = tmp_path / "cache"
    shutil.copytree(small.root / ".corpus-cache", saved)
    small.set_state("B")
    proc = popen("-c", KILL_IN_SWITCH, "20", "export", "--jobs", "1", "--root", small.root)
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert pending(small.exports)
    assert small.holding() == "mixed"
    shutil.rmtree(small.root / ".corpus-cache")
    shutil.copytree(saved, small.root / ".corpus-cache")  # the CI cache restore
    done = run_corpus("export", "--check", "--no-cache", "--root", small.root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "finished the switch" in done.stderr
    assert small.holding() == "B"
    assert not pending(small.exports)
