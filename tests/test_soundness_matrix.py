"""The soundness matrix: invalid corpora that every entry point of the gate must refuse,
each paired with a valid twin (the same corpus fixed) that every entry point must pass.

Each folder of ``tests/soundness/`` (but ``_base``) is one situation, described by its
``situation.toml`` and the files beside it; ``tests/soundness/README.md`` gives the
format. A new situation is a new folder, not new code. Each situation becomes a
temporary git repository (the ``_base`` corpus with its exports committed on ``main``,
then the situation's branch commit and working-tree edits) in which the entry points run
in-process, from the repository root, exactly as a contributor, CI or the pre-commit hook
would run them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import corpus_tools
from corpus_tools.cli import cli
from corpus_tools.config import load_config
from corpus_tools.diagnostics import CODES

from .conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

MATRIX = REPO / "tests" / "soundness"
BASE = MATRIX / "_base"
SITUATIONS = sorted(p for p in MATRIX.iterdir() if p.is_dir() and not p.name.startswith("_"))
# The entry points of the gate, and the command line each runs (paths come after).
ENTRY_POINTS: dict[str, tuple[str, ...]] = {
    "validate": ("validate",),
    "paths": ("validate",),
    "changed_since": ("validate", "--changed-since", "main"),
    "committed_only": ("validate", "--changed-since", "main", "--committed-only"),
    "export_check": ("export", "--check"),
}
_HOOK = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
HOOK_FILES = re.compile(_HOOK["files"])
HOOK_ARGV = tuple(_HOOK["entry"].split()[1:])  # without the leading "corpus"
ALL_ENTRY_POINTS = (*ENTRY_POINTS, "hook")
# Not diagnostic codes but printed as such: a corpus.toml that cannot be used (exit 2).
EXTRA_CODES = frozenset({"config-invalid"})
_FINDING = re.compile(
    r"^(?P<file>[^\s:][^:]*?)(?::[0-9]+){0,2}: (?:error|warning)\[(?P<code>[a-z0-9-]+)\]", re.M
)


# --- the situations ---------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """Files laid over the corpus at one stage: a folder's files, deletions, links."""

    overlay: Path | None = None
    delete: tuple[str, ...] = ()
    symlinks: Mapping[str, str] = field(default_factory=dict)
    export: bool = False

    @property
    def empty(self) -> bool:
        return self.overlay is None and not self.delete and not self.symlinks and not self.export


@dataclass(frozen=True)
class Situation:
    """One invalid corpus, what each entry point must say about it, and its twin."""

    name: str
    about: str
    base: Stage
    branch: Stage
    worktree: Stage
    twin: Stage
    paths: tuple[str, ...] | None
    twin_paths: tuple[str, ...] | None
    expect: Mapping[str, tuple[str, ...]]
    blind: Mapping[str, str]
    skip: Mapping[str, str]
    exit: Mapping[str, int]
    xfail: str | None


def _stage(folder: Path, table: Mapping[str, Any], name: str) -> Stage:
    overlay = folder / name
    return Stage(
        overlay if overlay.is_dir() else None,
        tuple(table.get("delete", ())),
        dict(table.get("symlinks", {})),
        bool(table.get("export", False)),
    )


def load_situation(folder: Path) -> Situation:
    """The situation described in ``folder``."""
    data = tomllib.loads((folder / "situation.toml").read_text(encoding="utf-8"))
    twin = data.get("twin", {})
    return Situation(
        name=folder.name,
        about=data["about"],
        base=_stage(folder, data.get("base", {}), "base"),
        branch=_stage(folder, data.get("branch", {}), "branch"),
        worktree=_stage(folder, data.get("worktree", {}), "worktree"),
        twin=_stage(folder, twin, "twin"),
        paths=tuple(data["paths"]) if "paths" in data else None,
        twin_paths=tuple(twin["paths"]) if "paths" in twin else None,
        expect={k: tuple(v) for k, v in data.get("expect", {}).items()},
        blind=dict(data.get("blind", {})),
        skip=dict(data.get("skip", {})),
        exit=dict(data.get("exit", {})),
        xfail=data.get("xfail"),
    )


# --- git and the entry points -----------------------------------------------------------


@pytest.fixture
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user or system git configuration, no outer repository, a fixed author."""
    for name in list(os.environ):
        if name.startswith(("GIT_", "CORPUS_")):
            monkeypatch.delenv(name)
    for name, value in {
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CEILING_DIRECTORIES": str(tmp_path),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }.items():
        monkeypatch.setenv(name, value)


def git(root: Path, *args: str) -> str:
    """Run git in ``root``; its standard output."""
    done = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, check=False, encoding="utf-8"
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def _names(output: str) -> list[str]:
    return sorted(n for n in output.split("\0") if n)


@contextlib.contextmanager
def _cwd(folder: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


@dataclass
class Outcome:
    """What one entry point said: its exit code, the findings (code, file), its output."""

    exit: int
    findings: set[tuple[str, str]]
    output: str

    def has(self, expected: str) -> bool:
        """Whether a finding is ``code`` or ``code file`` as the situation writes it."""
        code, _, file = expected.partition(" ")
        return any(c == code and (not file or f == file) for c, f in self.findings)


def corpus(root: Path, *argv: str) -> Outcome:
    """``corpus ARGV`` run in-process from ``root``, as a contributor would type it."""
    with _cwd(root):
        result = CliRunner().invoke(cli, list(argv), catch_exceptions=False)
    text = result.stdout + result.stderr
    found = {(m["code"], m["file"]) for m in _FINDING.finditer(text)}
    return Outcome(result.exit_code, found, f"$ corpus {' '.join(argv)}\n{text}")


def _hook(root: Path, changed: list[str]) -> Outcome | None:
    """The pre-commit hook on the files being committed: those its ``files`` pattern
    selects (pre-commit does not run a hook that gets no file)."""
    files = [p for p in changed if HOOK_FILES.search(p)]
    return corpus(root, *HOOK_ARGV, *files) if files else None


def _apply(root: Path, stage: Stage) -> None:
    for rel in stage.delete:
        target = root / rel
        assert target.exists() or target.is_symlink(), f"cannot delete {rel}: not there"
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink()
    if stage.overlay is not None:
        shutil.copytree(stage.overlay, root, dirs_exist_ok=True, symlinks=True)
    for rel, to in stage.symlinks.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(to, root / rel)
    if stage.export and load_config(root).exports_tracked:
        # What a contributor does before committing; refused (nothing written) when the
        # corpus has errors, as then.
        corpus_tools.export(root, jobs=1, cache=False)


def _commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "--no-verify", "-m", message)


def _committed_files(root: Path) -> list[str]:
    """Files the last commit adds or modifies (what the hook got when it was made)."""
    return _names(
        git(root, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", "HEAD~1", "HEAD")
    )


def _worktree_files(root: Path, against: str = "HEAD") -> list[str]:
    """Files the working tree adds or modifies against ``against``, untracked included."""
    tracked = git(root, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", against)
    untracked = git(root, "ls-files", "-z", "--others", "--exclude-standard")
    return sorted(set(_names(tracked)) | set(_names(untracked)))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``_base`` corpus with its exports, committed on ``main`` (copied per test)."""
    root = tmp_path_factory.mktemp("matrix") / "base"
    shutil.copytree(BASE, root)
    (root / ".gitignore").write_text(".corpus-cache/\n", encoding="utf-8")
    corpus_tools.export(root, jobs=1, cache=False)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "CORPUS_"))},
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base"],
    ):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
    return root


@dataclass
class Run:
    """A situation's repository and what each entry point said in it."""

    root: Path
    outcomes: dict[str, Outcome | None]


def _combine(outcomes: list[Outcome]) -> Outcome | None:
    """The hook over several commits: the first failure, with every finding."""
    if not outcomes:
        return None
    failed = [o for o in outcomes if o.exit != 0]
    return Outcome(
        failed[0].exit if failed else 0,
        set().union(*(o.findings for o in outcomes)),
        "\n".join(o.output for o in outcomes),
    )


def run_situation(s: Situation, template: Path, dest: Path, *, twin: bool) -> Run:
    """Build the situation (or its twin) as a git repository and run every entry point."""
    root = dest / ("twin" if twin else "repo")
    shutil.copytree(template, root, symlinks=True)
    if not s.base.empty:
        _apply(root, s.base)
        _commit(root, "base of the situation")
    git(root, "switch", "-q", "-c", "pr")
    hooks: list[Outcome] = []
    _apply(root, s.branch)
    if twin:
        # The twin: every edit made and fixed, the exports written, all committed.
        _apply(root, s.worktree)
        _apply(root, s.twin)
        _apply(root, Stage(export=True))
        _commit(root, "the situation, fixed")
        hook = _hook(root, _committed_files(root))
        hooks += [hook] if hook else []
        paths = s.twin_paths
    else:
        _commit(root, "the situation")
        hook = _hook(root, _committed_files(root))
        hooks += [hook] if hook else []
        if not s.worktree.empty:
            _apply(root, s.worktree)
            hook = _hook(root, _worktree_files(root))
            hooks += [hook] if hook else []
        paths = s.paths
    if paths is None:
        paths = tuple(p for p in _worktree_files(root, "main") if HOOK_FILES.search(p))
    outcomes: dict[str, Outcome | None] = {
        name: corpus(root, *argv) for name, argv in ENTRY_POINTS.items() if name != "paths"
    }
    outcomes["paths"] = corpus(root, "validate", *paths) if paths else None
    outcomes["hook"] = _combine(hooks)
    return Run(root, outcomes)


# --- the tests ----------------------------------------------------------------------------


def _param(folder: Path, *, twin: bool) -> Any:
    s = load_situation(folder)
    marks = []
    if s.xfail and not twin:
        marks.append(pytest.mark.xfail(strict=True, reason=s.xfail))
    return pytest.param(s, id=s.name, marks=marks)


@pytest.mark.usefixtures("git_env")
@pytest.mark.parametrize("situation", [_param(p, twin=False) for p in SITUATIONS])
def test_every_entry_point_refuses_the_invalid_corpus(
    situation: Situation, template: Path, tmp_path: Path
) -> None:
    run = run_situation(situation, template, tmp_path, twin=False)
    problems: list[str] = []
    for name, expected in situation.expect.items():
        outcome = run.outcomes[name]
        if outcome is None:
            problems.append(f"{name}: did not run (no path or no file for the hook)")
            continue
        want = situation.exit.get(name, 1)
        missing = [e for e in expected if not outcome.has(e)]
        if outcome.exit != want or missing:
            problems.append(
                f"{name}: exit {outcome.exit} (want {want}), missing {missing}\n{outcome.output}"
            )
    for name, why in situation.blind.items():
        # Blind by design: it must not fail either, so that the matrix notices the day
        # an entry point starts to see the problem (or starts to fail for another reason).
        outcome = run.outcomes[name]
        if outcome is not None and outcome.exit != 0:
            problems.append(f"{name} (blind: {why}): exit {outcome.exit}\n{outcome.output}")
    assert not problems, f"{situation.name}: {situation.about}\n" + "\n".join(problems)


@pytest.mark.usefixtures("git_env")
@pytest.mark.parametrize("situation", [_param(p, twin=True) for p in SITUATIONS])
def test_every_entry_point_passes_the_valid_twin(
    situation: Situation, template: Path, tmp_path: Path
) -> None:
    run = run_situation(situation, template, tmp_path, twin=True)
    failed = [
        f"{name}: exit {o.exit}\n{o.output}"
        for name, o in run.outcomes.items()
        if o is not None and o.exit != 0 and name not in situation.skip
    ]
    assert not failed, f"{situation.name} (twin)\n" + "\n".join(failed)
    # Each entry point the situation expects to catch it really ran on the twin too.
    assert all(run.outcomes[name] is not None for name in situation.expect), situation.name


def test_the_matrix_has_thirty_situations_at_least() -> None:
    assert len(SITUATIONS) >= 30


@pytest.mark.parametrize("folder", SITUATIONS, ids=[p.name for p in SITUATIONS])
def test_each_situation_says_what_every_entry_point_does(folder: Path) -> None:
    s = load_situation(folder)
    assert s.about.strip()
    named = [*s.expect, *s.blind, *s.skip]
    assert sorted(named) == sorted(ALL_ENTRY_POINTS), "name every entry point exactly once"
    assert s.expect, "at least one entry point must catch an invalid corpus"
    assert all(why.strip() for why in [*s.blind.values(), *s.skip.values()]), "say why"
    assert set(s.exit) <= set(s.expect)
    for codes in s.expect.values():
        assert codes, "name the code(s) expected"
        for item in codes:
            code = item.partition(" ")[0]
            assert code in CODES or code in EXTRA_CODES, f"unknown code {code}"
    known = {"situation.toml", "base", "branch", "worktree", "twin"}
    assert {p.name for p in folder.iterdir()} >= {"situation.toml"}
    assert {p.name for p in folder.iterdir()} <= known
