"""Time the ``corpus`` commands on a synthetic corpus, as whole processes.

``python benchmarks/run.py --docs 10000 [--repeat 3] [--only ROWS] [--seed S] [--jobs N] [--code REV] [--keep]``

The corpus is generated once by ``generate.py`` and cached under
``benchmarks/out/<docs>/`` (regenerated when the seed or generate.py changes). Every
command runs as a child process; the table gives the median, minimum and maximum wall
time over ``--repeat`` runs, documents per second, the child's peak resident memory and
the ratio to ``check-jsonschema`` over the same documents as canonical JSON files. The
table is also written as JSON to ``benchmarks/out/results-<docs>.json``.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import functools
import hashlib
import importlib.util
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
STAMP = ".benchmark-corpus.json"
CACHE_DIR = ".corpus-cache"
CANONICAL = "canonical"
EXPORTS = "exports"
# corpus-tools stores no snapshot of a run while a file it stamps is this new (RACY_NS in
# corpus_tools/cache/store.py).
RACY_S = 2.0
GNU_TIME = Path("/usr/bin/time")

# Targets from the "Performance" issue: (row key, docs, seconds).
TARGETS = (
    ("validate-cold", 10_000, 1.5),
    ("validate-warm", 10_000, 0.3),
    ("validate-default-warm", 10_000, 0.15),
    ("export-cold", 10_000, 5.0),
    ("export-unchanged", 10_000, 1.0),
    ("validate-cold", 100_000, 15.0),
    ("export-cold", 100_000, 50.0),
    ("changed-one", 100_000, 1.0),
)
MEMORY_TARGET_MB = 150.0

# Every row, in the order they run (a row may need what an earlier one leaves behind:
# the exports, the cache; each makes sure of it itself), and the label it is shown with.
ROWS = {
    "read": "read all seed bytes (baseline)",
    "startup": "corpus --version (startup)",
    "validate-cold": "corpus validate --no-exports (cold)",
    "validate-warm": "corpus validate --no-exports (warm)",
    "export-cold": "corpus export --format all (cold)",
    "export-unchanged": "corpus export --format all (unchanged)",
    "export-check": "corpus export --check",
    "validate-seeds-cold": "corpus validate seeds (cold)",
    "validate-default-cold": "corpus validate, exports included (cold)",
    "validate-default-warm": "corpus validate, exports included (warm)",
    "disk": "create N files of 15 KB, renamed into place (disk baseline)",
    "changed-one": "corpus validate --changed-since HEAD, one seed added (warm)",
    "check-jsonschema": "check-jsonschema --schemafile document.schema.json",
}
# The rows of issue 10's targets: what --only issue10 selects.
ISSUE10_ROWS = (
    "validate-seeds-cold",
    "export-cold",
    "validate-default-cold",
    "validate-default-warm",
    "check-jsonschema",
)
DEFAULT_REPEAT = 3

# Reads every seed file completely: the floor for anything that looks at every byte.
READ_ALL = """\
import os, sys
total = 0
for entry in os.scandir(sys.argv[1]):
    with open(entry.path, "rb") as fh:
        total += len(fh.read())
print(total)
"""

# Creates one file per seed (the size of a TEI article) through a temporary name and a
# rename, as an export does: what the disk alone costs for the per-article files.
WRITE_ALL = """\
import os, sys
folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(folder)
data = b"x" * 15000
for i in range(count):
    tmp = os.path.join(folder, f".tmp-{i}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    os.write(fd, data)
    os.close(fd)
    os.replace(tmp, os.path.join(folder, f"{i}.xml"))
os.sync()
"""
DISK_PROBE = "disk-probe"

# Without GNU time: a fresh interpreter runs the command and reports its wall time and
# the peak RSS of its only child (RUSAGE_CHILDREN is a maximum over all children, so
# it must be read in a process that has no other children).
LAUNCHER = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.run(sys.argv[2:]).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as fh:
    json.dump({"wall": wall, "rss_kb": usage.ru_maxrss, "rc": rc,
               "cpu": usage.ru_utime + usage.ru_stime}, fh)
"""


@dataclass
class Code:
    """Which corpus-tools is measured, and how to start it."""

    corpus: list[str]  # argv prefix of the ``corpus`` command
    env: dict[str, str]
    source: Path  # folder holding corpus_tools/ and schema/
    revision: str | None  # the git revision of a snapshot, None for the working tree


@dataclass
class Row:
    """One timed command and its samples."""

    key: str
    label: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    # User + system CPU seconds of the command and the worker processes it waited for:
    # on a machine shared with other work this moves far less than wall time does.
    cpu: list[float] = field(default_factory=list)
    tree_kb: list[int] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    skipped: str | None = None

    @property
    def failed(self) -> bool:
        """True when any run exited with a non-zero status."""
        return any(self.exit_codes)

    @property
    def ok(self) -> bool:
        """True when the row has samples from successful runs only."""
        return bool(self.times) and not self.failed

    @property
    def median(self) -> float:
        """Median wall seconds."""
        return statistics.median(self.times)

    @property
    def peak_mb(self) -> float:
        """Largest peak RSS over the runs, in MiB."""
        return max(self.rss_kb) / 1024

    @property
    def tree_mb(self) -> float | None:
        """Largest summed PSS of the process tree over the runs, in MiB (sampled)."""
        return max(self.tree_kb) / 1024 if self.tree_kb else None

    @property
    def memory_mb(self) -> float:
        """The memory that counts for the target: the larger of the two measures."""
        return max(self.peak_mb, self.tree_mb or 0.0)

    def to_dict(self, docs: int, baseline: Row | None) -> dict[str, Any]:
        """The JSON form of the row (the argument list shortened)."""
        measured = bool(self.times)
        return {
            "key": self.key,
            "label": self.label,
            "command": " ".join(self.argv[:12]) + (" …" if len(self.argv) > 12 else ""),
            "skipped": self.skipped,
            "failed": self.failed,
            "median_s": round(self.median, 4) if measured else None,
            "min_s": round(min(self.times), 4) if measured else None,
            "max_s": round(max(self.times), 4) if measured else None,
            "docs_per_s": round(docs / self.median, 1) if measured else None,
            "peak_rss_mb": round(self.peak_mb, 1) if measured else None,
            "tree_pss_mb": round(self.tree_mb, 1) if self.tree_mb is not None else None,
            "ratio_to_check_jsonschema": (
                round(self.median / baseline.median, 3) if measured and baseline else None
            ),
            "times_s": [round(t, 4) for t in self.times],
            "rss_kb": self.rss_kb,
            "cpu_s": [round(c, 3) for c in self.cpu],
            "median_cpu_s": round(statistics.median(self.cpu), 4) if self.cpu else None,
            "tree_pss_kb": self.tree_kb,
            "exit_codes": self.exit_codes,
        }


@functools.cache
def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", HERE / "generate.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {HERE / 'generate.py'}")
    module = importlib.util.module_from_spec(spec)
    # Registered before running it: dataclasses look their module up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _tool(name: str) -> list[str] | None:
    """The console script beside this interpreter (not a slow pyenv shim), else on PATH."""
    local = Path(sys.executable).parent / name
    if local.is_file() and os.access(local, os.X_OK):
        return [str(local)]
    found = shutil.which(name)
    return [found] if found else None


def _run(
    argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=env, check=False)


def _output(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    try:
        proc = _run(argv, cwd, env)
    except OSError as exc:
        return f"unavailable ({exc})"
    return (proc.stdout or proc.stderr).strip()


def code_fingerprint(source: Path) -> str:
    """A hash of corpus_tools/ and schema/, to notice the code changing during a run."""
    digest = hashlib.sha256()
    for folder in ("corpus_tools", "schema"):
        for path in sorted((source / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(source).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def snapshot(revision: str) -> Code:
    """corpus_tools/ and schema/ as committed at ``revision``, in a temporary folder.

    Other people edit the working tree while a benchmark runs; a snapshot measures
    one fixed version. It runs as ``python -m corpus_tools`` with the snapshot first on
    PYTHONPATH, ahead of the editable install, its bytecode compiled beforehand.
    """
    commit = _run(["git", "rev-parse", "--verify", f"{revision}^{{commit}}"], REPO)
    if commit.returncode != 0:
        raise SystemExit(f"run: unknown git revision {revision!r}: {commit.stderr.strip()}")
    sha = commit.stdout.strip()
    archive = subprocess.run(
        ["git", "archive", "--format=tar", sha, "corpus_tools", "schema"],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    target = Path(tempfile.mkdtemp(prefix="corpus-bench-code-"))
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    # Compiled as an install compiles it: where PYTHONDONTWRITEBYTECODE is set (some
    # sandboxes and CI images set it), no run would write the bytecode, and every timed
    # run would compile every module it imports first (a warm validate: 0.26-0.30 s
    # instead of 0.18-0.22 s).
    compileall.compile_dir(target / "corpus_tools", quiet=1)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), env.get("PYTHONPATH")]))
    return Code([sys.executable, "-m", "corpus_tools"], env, target, sha[:12])


def working_tree() -> Code:
    """The installed ``corpus`` command (the editable install of this checkout)."""
    corpus = _tool("corpus") or [sys.executable, "-m", "corpus_tools"]
    return Code(corpus, dict(os.environ), REPO, None)


def machine(code: Code) -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = mem = ""
    try:
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
        kib = next(
            (
                int(line.split()[1])
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            ),
            0,
        )
        mem = f"{kib / 1024**2:.1f} GiB"
    except OSError:
        pass
    affinity = getattr(os, "sched_getaffinity", None)
    cjs = _tool("check-jsonschema")
    dirty = _output(["git", "status", "--porcelain", "--", "corpus_tools", "schema"], REPO)
    return {
        "nproc": len(affinity(0)) if affinity else os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
        "python": platform.python_version(),
        "corpus_tools": _output([*code.corpus, "--version"], env=code.env),
        "code": (
            f"git snapshot {code.revision}"
            if code.revision
            else "working tree"
            + (" (with uncommitted changes)" if dirty else "")
            + f" at {_output(['git', 'rev-parse', '--short', 'HEAD'], REPO)}"
        ),
        "code_fingerprint": code_fingerprint(code.source),
        "check_jsonschema": _output([*cjs, "--version"]) if cjs else "not installed",
        "peak_rss_via": "/usr/bin/time -f %M" if GNU_TIME.exists() else "python launcher",
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def ensure_corpus(docs: int, seed: int) -> tuple[Path, float | None]:
    """The cached corpus root for (docs, seed); generated when missing or stale.

    Returns the root and the generation time (None when the cache was used).
    """
    root = OUT / str(docs)
    key = {
        "docs": docs,
        "seed": seed,
        "generator": hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest(),
    }
    stamp = root / STAMP
    if stamp.is_file():
        try:
            if json.loads(stamp.read_text()) == key:
                return root, None
        except ValueError:
            pass
    if root.exists():
        shutil.rmtree(root)
    tmp = OUT / f".{docs}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    started = time.perf_counter()
    _load_generator().generate(docs, tmp, seed)
    elapsed = time.perf_counter() - started
    (tmp / STAMP).write_text(json.dumps(key) + "\n")
    tmp.rename(root)
    return root, elapsed


def _remove_caches(root: Path) -> None:
    """Delete every ``.corpus-cache`` folder under the root (seeds/ and canonical/ aside)."""
    for dirpath, dirnames, _files in os.walk(root):
        if CACHE_DIR in dirnames:
            shutil.rmtree(Path(dirpath) / CACHE_DIR)
        dirnames[:] = [d for d in dirnames if d not in (CACHE_DIR, "seeds", CANONICAL, ".git")]


def _remove_exports(root: Path) -> None:
    if (root / EXPORTS).exists():
        shutil.rmtree(root / EXPORTS)


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc (empty where there is no /proc)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    stack.extend(int(child) for child in fh.read().split())
        except (OSError, ValueError):
            continue
    return found


def _pss_kb(pid: int) -> int:
    """Proportional set size of one process: shared pages split among their users."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler:
    """Samples the summed PSS of a process's descendants while it runs.

    Peak RSS from wait4 is that of the largest single process; a command that checks
    seeds in worker processes uses the sum of all of them, which this approximates
    (every SAMPLE_S seconds; peaks shorter than that can be missed).
    """

    SAMPLE_S = 0.05

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.available = Path(f"/proc/{pid}/smaps_rollup").exists()
        if self.available:
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            # The wrapper (GNU time or the launcher) itself is not counted.
            total = sum(_pss_kb(p) for p in _tree(self.pid)[1:])
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.SAMPLE_S)

    def stop(self) -> int | None:
        """Stop sampling; the peak in KiB (None where /proc is missing)."""
        if not self.available:
            return None
        self._stop.set()
        self._thread.join()
        return self.peak_kb


@dataclass
class Sample:
    """One run of a command."""

    wall: float
    rss_kb: int
    tree_kb: int | None
    rc: int
    tail: str
    cpu: float


def run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run ``argv`` once, measuring wall time, peak RSS and the process tree's peak PSS."""
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        report = Path(tmp) / "report"
        log = Path(tmp) / "log"
        with log.open("wb") as fh:
            if GNU_TIME.exists():
                cmd = [str(GNU_TIME), "-f", "%U %S %M", "-o", str(report), *argv]
            else:
                cmd = [sys.executable, "-c", LAUNCHER, str(report), *argv]
            started = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=fh, stderr=fh)
            sampler = TreeSampler(proc.pid)
            rc = proc.wait()
            wall = time.perf_counter() - started
            tree = sampler.stop()
        if GNU_TIME.exists():
            # GNU time writes "Command exited with non-zero status N" before its line.
            user, system, rss_text = report.read_text().split()[-3:]
            rss, cpu = int(rss_text), float(user) + float(system)
        else:
            data = json.loads(report.read_text())
            wall, rss, rc, cpu = data["wall"], data["rss_kb"], data["rc"], data["cpu"]
        tail = log.read_bytes()[-3000:].decode("utf-8", "replace")
    return Sample(wall, rss, tree, rc, tail, cpu)


def _indent(text: str, lines: int = 12) -> str:
    return "\n".join("      " + line for line in text.strip().splitlines()[-lines:])


def measure(
    row: Row,
    runs: int,
    cwd: Path,
    env: dict[str, str],
    prepare: Callable[[], None] | None = None,
    warmup: bool = False,
) -> Row:
    """Time ``row.argv`` ``runs`` times, calling ``prepare`` (untimed) before each run."""
    print(f"  {row.label}: ", end="", flush=True)
    if warmup:
        run_once(row.argv, cwd, env)
    tail = ""
    for _ in range(runs):
        if prepare is not None:
            prepare()
        sample = run_once(row.argv, cwd, env)
        row.times.append(sample.wall)
        row.rss_kb.append(sample.rss_kb)
        row.cpu.append(sample.cpu)
        if sample.tree_kb:  # 0: the process ended before the first sample
            row.tree_kb.append(sample.tree_kb)
        row.exit_codes.append(sample.rc)
        tail = sample.tail
        exit_note = f"(exit {sample.rc})" if sample.rc else ""
        print(f"{sample.wall:.2f}s{exit_note} ", end="", flush=True)
    print(flush=True)
    if row.failed:
        print(f"    FAILED: exit codes {row.exit_codes}; last output:\n{_indent(tail)}", flush=True)
    return row


def changed_one(
    root: Path,
    docs: int,
    seed: int,
    corpus: list[str],
    env: dict[str, str],
    runs: int,
    extra: list[str],
) -> Row:
    """``validate --changed-since HEAD`` when a pull request adds one seed, warm cache.

    The corpus becomes a git repository once (kept with the corpus); the added seed is an
    untracked seed: the article the generator would make next, removed afterwards.
    """
    row = Row(
        "changed-one",
        "corpus validate --changed-since HEAD, one seed added (warm)",
        [
            *corpus,
            "validate",
            "--root",
            str(root),
            "--no-exports",
            "--changed-since",
            "HEAD",
            *extra,
        ],
    )
    if shutil.which("git") is None:
        row.skipped = "git is not installed"
        return row
    if not (root / ".git").exists():
        started = time.perf_counter()
        for argv in (
            ["git", "init", "-q"],
            ["git", "add", "seeds", "corpus.toml"],
            [
                "git",
                "-c",
                "user.name=bench",
                "-c",
                "user.email=bench@localhost",
                "commit",
                "-qm",
                "corpus",
            ],
        ):
            proc = _run(argv, cwd=root)
            if proc.returncode != 0:
                row.skipped = f"{' '.join(argv[:2])} failed: {proc.stderr.strip()[:200]}"
                return row
        # In a real corpus the exports are committed; here they are not: keep them out of
        # git status, which would otherwise list every file of them.
        exclude = root / ".git" / "info" / "exclude"
        exclude.parent.mkdir(parents=True, exist_ok=True)
        exclude.write_text(f"/{EXPORTS}/\n/{CANONICAL}/\n/{DISK_PROBE}/\n", encoding="utf-8")
        print(f"  (made the corpus a git repository in {time.perf_counter() - started:.1f} s)")
    # The article the generator would make next: valid, and no duplicate of any other.
    gen = _load_generator()
    data = gen.article(docs, seed)[1].encode("utf-8")
    added = root / "seeds" / gen.seed_name(docs, docs, data)
    added.write_bytes(data)
    try:
        return measure(row, runs, root, env, warmup=True)
    finally:
        added.unlink()


def _arg_bytes(argv: list[str]) -> int:
    env = sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    return sum(len(a.encode()) + 1 + 8 for a in argv) + env


def render(rows: list[Row], docs: int) -> str:
    """The Markdown table."""
    baseline = next((r for r in rows if r.key == "check-jsonschema" and r.ok), None)
    lines = [
        "| command | median s | min s | max s | docs/s | peak RSS MB | ratio to check-jsonschema "
        "| tree PSS MB | median CPU s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if not r.times:
            lines.append(f"| {r.label} | skipped: {r.skipped} | | | | | | | |")
        else:
            # A failing command is still timed, but flagged: its time means little.
            label = f"{r.label} **FAILED: exit {r.exit_codes}**" if r.failed else r.label
            ratio = f"{r.median / baseline.median:.2f}" if baseline else "n/a"
            lines.append(
                f"| {label} | {r.median:.3f} | {min(r.times):.3f} | {max(r.times):.3f} "
                f"| {docs / r.median:,.0f} | {r.peak_mb:.1f} | {ratio} "
                f"| {f'{r.tree_mb:.1f}' if r.tree_mb is not None else 'n/a'} "
                f"| {statistics.median(r.cpu):.2f} |"
            )
    return "\n".join(lines)


def check_targets(rows: list[Row], docs: int) -> list[dict[str, Any]]:
    """The issue's targets that apply to this corpus size, met or not."""
    by_key = {r.key: r for r in rows}
    out: list[dict[str, Any]] = []
    for key, n, seconds in TARGETS:
        if n == docs and key in by_key:
            r = by_key[key]
            out.append(
                {
                    "row": r.label,
                    "target_s": seconds,
                    "median_s": round(r.median, 3) if r.ok else None,
                    "met": r.ok and r.median <= seconds,
                }
            )
    for r in rows:
        if r.key.startswith(("validate", "export")):
            out.append(
                {
                    "row": f"{r.label} (memory)",
                    "target_mb": MEMORY_TARGET_MB,
                    "peak_mb": round(r.memory_mb, 1) if r.ok else None,
                    "met": r.ok and r.memory_mb < MEMORY_TARGET_MB,
                }
            )
    # Ratios between rows of the same run (issue 10): the default validate against the
    # seeds alone, and against check-jsonschema on the same canonical documents.
    ratios = (
        ("validate-default-cold", "validate-seeds-cold", 1.3, "at most"),
        ("check-jsonschema", "validate-default-cold", 5.0, "at least"),
    )
    for top, bottom, bound, how in ratios:
        a, b = by_key.get(top), by_key.get(bottom)
        if a is None or b is None or not (a.ok and b.ok):
            continue
        ratio = a.median / b.median
        met = ratio <= bound if how == "at most" else ratio >= bound
        out.append(
            {
                "row": f"{a.label} / {b.label}",
                "ratio": round(ratio, 2),
                # The same ratio in CPU seconds, for a machine busy with other work.
                "cpu_ratio": round(statistics.median(a.cpu) / statistics.median(b.cpu), 2),
                "bound": f"{how} {bound}",
                "met": met,
            }
        )
    return out


def _print_targets(targets: list[dict[str, Any]]) -> None:
    print("\n## Targets")
    for t in targets:
        if "ratio" in t:
            mark = "met" if t["met"] else "MISSED"
            print(
                f"- {t['row']}: {t['ratio']}x (target: {t['bound']}x): {mark} "
                f"(in CPU time: {t['cpu_ratio']}x)"
            )
            continue
        seconds = "target_s" in t
        value = t["median_s"] if seconds else t["peak_mb"]
        if value is None:
            print(f"- {t['row']}: not measured (the command failed)")
        elif seconds:
            mark = "met" if t["met"] else "MISSED"
            print(f"- {t['row']}: {value} s (target ≤ {t['target_s']} s): {mark}")
        else:
            mark = "met" if t["met"] else "MISSED"
            print(f"- {t['row']}: {value} MB (target < {t['target_mb']} MB): {mark}")


def main(argv: list[str] | None = None) -> int:
    """Generate (or reuse) the corpus, time every command, print and save the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument(
        "--repeat",
        "--runs",
        dest="repeat",
        type=int,
        default=DEFAULT_REPEAT,
        help=f"timed runs per command; the table shows their median (default {DEFAULT_REPEAT})",
    )
    parser.add_argument(
        "--only",
        metavar="ROWS",
        default=None,
        help="comma-separated row keys to time (default: every row); 'issue10' stands for "
        f"{','.join(ISSUE10_ROWS)}. Keys: {', '.join(ROWS)}",
    )
    parser.add_argument("--seed", type=int, default=None, help="generator seed (default 1)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="pass --jobs N to the corpus commands that accept it (default: their own default)",
    )
    parser.add_argument(
        "--code",
        metavar="REV",
        default=None,
        help="measure corpus_tools/ and schema/ as committed at git revision REV (e.g. HEAD) "
        "instead of the working tree, which others may be editing during the run",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep exports/, canonical/ and caches in the corpus root afterwards "
        "(the generated seeds are always kept as the cache)",
    )
    args = parser.parse_args(argv)
    if args.docs < 1 or args.repeat < 1:
        parser.error("--docs and --repeat must be at least 1")
    selected = set(ROWS)
    if args.only:
        asked = {k.strip() for k in args.only.split(",") if k.strip()}
        if "issue10" in asked:
            asked = (asked - {"issue10"}) | set(ISSUE10_ROWS)
        unknown = sorted(asked - set(ROWS))
        if unknown:
            parser.error(f"--only: unknown row {', '.join(unknown)}; rows: {', '.join(ROWS)}")
        selected = asked

    def want(key: str) -> bool:
        return key in selected

    code = snapshot(args.code) if args.code else working_tree()
    env = code.env
    info = machine(code)
    print("## Machine")
    for k, v in info.items():
        print(f"- {k}: {v}")
    print(flush=True)

    # Refuse to time a command that cannot even start (a half-finished edit, say).
    helps: dict[str, str] = {}
    for command in ("validate", "export", "convert"):
        proc = _run([*code.corpus, command, "--help"], env=env)
        if proc.returncode != 0:
            print(f"run: `corpus {command} --help` fails; nothing timed:\n{_indent(proc.stderr)}")
            return 2
        helps[command] = proc.stdout

    def extra(command: str) -> list[str]:
        if args.jobs is not None and "--jobs" in helps[command]:
            return ["--jobs", str(args.jobs)]
        return []

    seed = args.seed if args.seed is not None else _load_generator().DEFAULT_SEED
    root, generated_in = ensure_corpus(args.docs, seed)
    seeds = sorted((root / "seeds").iterdir())
    docs = len(seeds)
    total_bytes = sum(p.stat().st_size for p in seeds)
    how = f"generated in {generated_in:.1f} s" if generated_in is not None else "cached"
    print(
        f"## Corpus\n{root}: {docs} seeds, {total_bytes / 1e6:.1f} MB "
        f"(mean {total_bytes / docs / 1000:.2f} KB), seed {seed}, {how}\n",
        flush=True,
    )
    _remove_caches(root)
    _remove_exports(root)

    r = str(root)
    no_exports = ["--no-exports"] if "--no-exports" in helps["validate"] else []
    validate = [*code.corpus, "validate", "--root", r, *no_exports, *extra("validate")]
    export = [*code.corpus, "export", "--format", "all", "--root", r, *extra("export")]
    check = [*code.corpus, "export", "--check", "--root", r, *extra("export")]

    def fresh() -> None:
        _remove_caches(root)

    def fresh_export() -> None:
        _remove_caches(root)
        _remove_exports(root)

    print(f"## Timing ({args.repeat} runs each; wall seconds per run)", flush=True)
    rows: list[Row] = []
    n = args.repeat

    def row(key: str, argv: list[str]) -> Row:
        return Row(key, ROWS[key], argv)

    # Exports made by the code measured, in this run: the rows that check them must
    # find them fresh (a folder another revision wrote would time the stale path).
    exported = False

    def ensure_exports() -> None:
        """The exports in place (untimed) for the rows that check or reuse them, written
        by the code measured."""
        nonlocal exported
        if not exported or not (root / EXPORTS).is_dir():
            _remove_exports(root)
            exported = True
            print("  (exporting first, untimed)", flush=True)
            done = _run(export, env=env)
            if done.returncode != 0:
                # The rows after it would time a validate that fails on missing exports;
                # a half-written folder would be taken for the exports by the next run.
                _remove_exports(root)
                sys.exit(f"the untimed export failed ({done.returncode}): {done.stderr.strip()}")

    read_all = [sys.executable, "-c", READ_ALL, str(root / "seeds")]
    # The warm-up run also brings every seed into the page cache for the rows below; it
    # runs (untimed) even when the row is not selected.
    if want("read"):
        rows.append(measure(row("read", read_all), n, root, env, warmup=True))
    else:
        run_once(read_all, root, env)
    if want("startup"):
        rows.append(measure(row("startup", [*code.corpus, "--version"]), n, root, env))
    if want("validate-cold"):
        rows.append(measure(row("validate-cold", validate), n, root, env, prepare=fresh))
    if want("validate-warm"):
        rows.append(measure(row("validate-warm", validate), n, root, env, warmup=True))
    if want("export-cold"):
        rows.append(measure(row("export-cold", export), n, root, env, prepare=fresh_export))
        exported = rows[-1].ok
    if want("export-unchanged"):
        ensure_exports()
        rows.append(measure(row("export-unchanged", export), n, root, env))
    if want("export-check"):
        ensure_exports()
        rows.append(measure(row("export-check", check), n, root, env))
    # The command users and CI run: seeds, corpus rules and the exports, in one pass.
    default = [*code.corpus, "validate", "--root", r, *extra("validate")]
    seeds_only = [*code.corpus, "validate", "--root", r, str(root / "seeds"), *extra("validate")]
    if want("validate-seeds-cold"):
        rows.append(measure(row("validate-seeds-cold", seeds_only), n, root, env, prepare=fresh))
    if want("validate-default-cold"):
        ensure_exports()
        rows.append(measure(row("validate-default-cold", default), n, root, env, prepare=fresh))
    if want("validate-default-warm"):
        ensure_exports()
        # Exports written just now (by ensure_exports or export-cold) are too new for a
        # snapshot: the untimed run would store none, and the first timed run, not warm,
        # would do the whole validation (about 1 s instead of 0.2 s at 10,000 seeds).
        time.sleep(RACY_S + 0.1)
        rows.append(measure(row("validate-default-warm", default), n, root, env, warmup=True))

    def fresh_probe() -> None:
        shutil.rmtree(root / DISK_PROBE, ignore_errors=True)

    if want("disk"):
        probe = [sys.executable, "-c", WRITE_ALL, str(root / DISK_PROBE), str(docs)]
        disk = Row("disk", ROWS["disk"].replace("N files", f"{docs} files"), probe)
        rows.append(measure(disk, n, root, env, prepare=fresh_probe))
        fresh_probe()

    if want("changed-one"):
        rows.append(changed_one(root, docs, seed, code.corpus, env, n, extra("validate")))

    # The comparison point: the schema level alone, by check-jsonschema, over canonical JSON.
    canonical = root / CANONICAL
    convert_s = None
    if want("check-jsonschema"):
        if canonical.exists():
            shutil.rmtree(canonical)
        started = time.perf_counter()
        conv = _run([*code.corpus, "convert", "--root", r, "--out", str(canonical)], env=env)
        convert_s = time.perf_counter() - started
        files = sorted(p.relative_to(root).as_posix() for p in canonical.glob("*.json"))
        print(f"  (corpus convert wrote {len(files)} canonical JSON files in {convert_s:.1f} s)")
        cjs = _tool("check-jsonschema")
        schema = code.source / "schema" / "document.schema.json"
        cjs_row = row("check-jsonschema", [])
        if cjs is None:
            cjs_row.skipped = "check-jsonschema is not installed"
        elif conv.returncode != 0 or len(files) != docs:
            cjs_row.skipped = f"corpus convert failed (exit {conv.returncode}, {len(files)} files)"
            print(_indent(conv.stderr))
        else:
            cjs_row.argv = [*cjs, "--schemafile", str(schema), *files]
            limit = os.sysconf("SC_ARG_MAX") if hasattr(os, "sysconf") else 2**21
            if _arg_bytes(cjs_row.argv) > limit * 0.9:
                # Splitting the list over several processes would change what is timed.
                cjs_row.skipped = (
                    f"{len(files)} file arguments exceed the argument-list limit ({limit} bytes)"
                )
            else:
                measure(cjs_row, n, root, env)
        if cjs_row.skipped:
            print(f"  check-jsonschema: skipped: {cjs_row.skipped}")
        rows.append(cjs_row)

    changed = code_fingerprint(code.source) != info["code_fingerprint"]
    if changed:
        print(
            "\nWARNING: corpus_tools/ or schema/ changed during the run, so the rows may "
            "not measure the same code; run again, or use --code HEAD."
        )
    table = render(rows, docs)
    print(f"\n## Results: {docs} documents, median of {args.repeat} runs\n")
    print(table)
    targets = check_targets(rows, docs)
    _print_targets(targets)

    baseline = next((r for r in rows if r.key == "check-jsonschema" and r.ok), None)
    result = {
        "machine": info,
        "corpus": {
            "root": r,
            "docs": docs,
            "seed": seed,
            "bytes": total_bytes,
            "generated_in_s": generated_in,
        },
        "runs": args.repeat,
        "jobs": args.jobs,
        "convert_s": round(convert_s, 3) if convert_s is not None else None,
        "code_changed_during_run": changed,
        "rows": [row.to_dict(docs, baseline) for row in rows],
        "targets": targets,
        "table_markdown": table,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    out_file = OUT / f"results-{args.docs}.json"
    out_file.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out_file}")

    if not args.keep:
        _remove_caches(root)
        _remove_exports(root)
        if canonical.exists():
            shutil.rmtree(canonical)
    if code.revision:
        shutil.rmtree(code.source, ignore_errors=True)
    return 1 if any(row.failed for row in rows) or changed else 0


if __name__ == "__main__":
    sys.exit(main())
