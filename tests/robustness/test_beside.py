"""procs.beside: work done by a forked child beside this process (the warm validate's
stamps). The child answers or is killed, never returns into the caller's code, never
outlives the caller, and leaves the caller's signal mask as it was."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="a child is forked beside the process on Linux only"
)


# Every script first checks that a child may be forked there: a fresh interpreter runs
# one thread (this one may run a library's native threads by now, and then forks none).
_PREAMBLE = "from corpus_tools import procs\nassert procs.fork_safe()\n"


def _run(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh interpreter of its own session (a group of its own)."""
    return subprocess.run(
        [sys.executable, "-c", _PREAMBLE + textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        start_new_session=True,
        check=False,
    )


# A child that says who it is and then takes its time: the caller is interrupted or
# killed while it runs.
_SLOW_CHILD = """
import os, signal, time
from corpus_tools import procs

def work():
    # Written aside and renamed: the caller, which waits for the name, never reads a
    # file the child has opened but not yet written (and is then killed in between).
    with open("child.pid.part", "w") as fh:
        fh.write(str(os.getpid()))
    os.rename("child.pid.part", "child.pid")
    time.sleep(300)
    return b"late"
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(")")[-1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_the_work_runs_in_another_process_and_the_mask_stays_as_it_was(
    tmp_path: Path,
) -> None:
    done = _run(
        """
        import os, signal
        from corpus_tools import procs

        before = signal.pthread_sigmask(signal.SIG_BLOCK, ())
        with procs.beside(lambda: str(os.getpid()).encode()) as answer:
            # While the block runs this process takes signals as before: Ctrl-C works.
            print("mask in the block", signal.pthread_sigmask(signal.SIG_BLOCK, ()) == before)
            got = answer()
        print("another process", got is not None and int(got) != os.getpid())
        print("mask after", signal.pthread_sigmask(signal.SIG_BLOCK, ()) == before)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "mask in the block True",
        "another process True",
        "mask after True",
    ]


def test_a_child_that_fails_answers_nothing_and_never_runs_the_callers_code(
    tmp_path: Path,
) -> None:
    done = _run(
        """
        import os
        from corpus_tools import procs

        def work():
            raise RuntimeError("the child fails")

        try:
            with procs.beside(work) as answer:
                print("answer", answer())
        finally:
            # The caller's own code: the child must never come back through it.
            with open("after.txt", "a") as fh:
                fh.write(f"{os.getpid()}\\n")
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("answer None\n", "")
    # One process went on after the block: the caller, not the child as well.
    assert len((tmp_path / "after.txt").read_text(encoding="ascii").split()) == 1


def test_the_child_writes_nothing_to_the_callers_output(tmp_path: Path) -> None:
    done = _run(
        """
        import sys
        from corpus_tools import procs

        def work():
            print("from the child")
            print("from the child", file=sys.stderr)
            return b"ok"

        with procs.beside(work) as answer:
            print(answer().decode())
        """,
        tmp_path,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "ok\n", "")


def test_ctrl_c_to_the_group_interrupts_the_caller_alone_and_leaves_no_process(
    tmp_path: Path,
) -> None:
    done = _run(
        _SLOW_CHILD
        + textwrap.dedent(
            """
        try:
            with procs.beside(work) as answer:
                while not os.path.exists("child.pid"):
                    time.sleep(0.01)
                os.killpg(0, signal.SIGINT)  # Ctrl-C: the whole process group
                time.sleep(60)
        except KeyboardInterrupt:
            print("interrupted")
        try:
            print("children", os.waitpid(-1, os.WNOHANG))
        except ChildProcessError:
            print("children none")  # reaped: nothing left
        print("mask", sorted(signal.pthread_sigmask(signal.SIG_BLOCK, ())))
        """
        ),
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["interrupted", "children none", "mask []"]
    assert _gone(int((tmp_path / "child.pid").read_text(encoding="ascii")))


def test_the_child_dies_with_its_caller(tmp_path: Path) -> None:
    done = _run(
        _SLOW_CHILD
        + textwrap.dedent(
            """
        with procs.beside(work) as answer:
            while not os.path.exists("child.pid"):
                time.sleep(0.01)
            os.kill(os.getpid(), signal.SIGKILL)  # the caller killed, as by kill -9
        """
        ),
        tmp_path,
    )
    assert done.returncode == -signal.SIGKILL
    child = int((tmp_path / "child.pid").read_text(encoding="ascii"))
    # The kernel ends it (PR_SET_PDEATHSIG); polled, not timed: up to a minute.
    for _ in range(600):
        if _gone(child):
            break
        time.sleep(0.1)
    assert _gone(child)
