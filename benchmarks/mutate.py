"""Mutation testing of the modules where a wrong answer lets bad data through.

    python benchmarks/mutate.py                      # every module, its fast tests
    python benchmarks/mutate.py --module changes --jobs 2 --budget 900
    python benchmarks/mutate.py --list               # the mutants, not run

Each mutant is one small change to one module's syntax tree: a comparison flipped at
its boundary (< <=, > >=) or negated (== !=, in / not in, is / is not), ``and`` / ``or``
swapped, ``not`` dropped, True / False swapped, an integer constant moved by one, a
statement that records a finding (``.append``, ``.add``, ``.extend``, ``.warn_once``)
deleted, or a function made to return None at once. For each mutant a forked child
loads the mutated module in place of the original (nothing on disk changes) and runs the
module's fast, in-process test selection with ``pytest -x``: a failing or timed-out run
kills the mutant; a passing one lets it survive. The score per module and every
survivor are printed; benchmarks/mutation-survivors.md lists the survivors judged
equivalent (no test can tell them apart), with the reason.

mutmut 3 was tried first: it rewrites the package's source with all its mutants inline,
which the meta-tests that read the source (codes in the catalogue, layers, the cache's
code fingerprint) reject, and its statistics run alone took minutes on two cores.
Not run in CI: a full run takes tens of minutes.
"""

from __future__ import annotations

import argparse
import ast
import importlib.abc
import importlib.machinery
import os
import re
import select
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import CodeType, ModuleType

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "corpus_tools"
SURVIVORS = REPO / "benchmarks" / "mutation-survivors.md"
# A survivor judged equivalent, as listed there: - `FILE:LINE: WHAT` why
_LISTED = re.compile(r"^- `(?P<file>[^:`]+):(?P<line>[0-9]+): (?P<what>[^`]+)`", re.M)

# Module group -> (files, the fast in-process tests that guard them). Tests that run
# the CLI in a subprocess cannot see a mutant loaded in memory; they are left out.
SEED_TESTS = [
    "tests/test_boundaries.py",
    "tests/test_cases.py",
    "tests/test_seed_stages.py",
    "tests/test_seeds.py",
    "tests/test_mutation_kills.py",
]
GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "seeds": (
        sorted(p.relative_to(REPO).as_posix() for p in (PACKAGE / "seeds").glob("*.py")),
        SEED_TESTS,
    ),
    "rules": (
        ["corpus_tools/rules.py"],
        [
            "tests/test_boundaries.py",
            "tests/test_rules_index.py",
            "tests/test_cases.py",
            "tests/test_mutation_kills.py",
        ],
    ),
    "changes": (
        ["corpus_tools/changes.py"],
        ["tests/test_changes.py", "tests/test_soundness.py", "tests/test_mutation_kills.py"],
    ),
    "diagnostics": (
        ["corpus_tools/diagnostics.py"],
        [
            "tests/test_diagnostics.py",
            "tests/test_cases.py",
            "tests/test_soundness.py",
            "tests/test_cli.py",
            "tests/test_mutation_kills.py",
        ],
    ),
}
_FLIP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_SYMBOL = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}
_RECORDS = frozenset({"append", "add", "extend", "warn_once"})


@dataclass(frozen=True)
class Mutant:
    """One mutation of one module: where, and what it does."""

    file: str
    index: int
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what}"


class _Mutator(ast.NodeTransformer):
    """Walks a module in a fixed order; counts every possible mutation and applies the
    one numbered ``target`` (-1: none, only count)."""

    def __init__(self, target: int, tree: ast.Module) -> None:
        self.target = target
        self.count = 0
        self.found: list[tuple[int, str]] = []
        self.skip = _unmutable(tree)

    def _site(self, node: ast.AST, what: str) -> bool:
        """Record a possible mutation; True when it is the one to apply."""
        if id(node) in self.skip:
            return False
        hit = self.count == self.target
        self.found.append((getattr(node, "lineno", 0), what))
        self.count += 1
        return hit

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        for i, op in enumerate(node.ops):
            flipped = _FLIP.get(type(op))
            if flipped is not None:
                what = f"{_SYMBOL[type(op)]} -> {_SYMBOL[flipped]}"
                if self._site(node, what):
                    node.ops[i] = flipped()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        new: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        what = "and -> or" if isinstance(node.op, ast.And) else "or -> and"
        if self._site(node, what):
            node.op = new
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._site(node, "not x -> x"):
            return node.operand
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, bool):
            if self._site(node, f"{value} -> {not value}"):
                return ast.copy_location(ast.Constant(not value), node)
        elif isinstance(value, int):
            for delta in (1, -1):
                if self._site(node, f"{value} -> {value + delta}"):
                    return ast.copy_location(ast.Constant(value + delta), node)
        return node

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        self.generic_visit(node)
        call = node.value
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in _RECORDS
            and self._site(node, f"delete .{call.func.attr}(...)")
        ):
            return ast.copy_location(ast.Pass(), node)
        return node

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        self.generic_visit(node)
        body = node.body
        start = 1 if body and _is_docstring(body[0]) else 0
        if len(body) > start and self._site(node, f"{node.name}() returns None at once"):
            early = ast.copy_location(ast.Return(ast.Constant(None)), body[start])
            node.body = [*body[:start], early, *body[start:]]
        return node

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _unmutable(tree: ast.Module) -> set[int]:
    """The nodes no mutation touches: annotations (an integer in ``tuple[int, ...]`` is
    no behaviour) and ``if TYPE_CHECKING:`` blocks."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        for name in ("annotation", "returns"):
            value = getattr(node, name, None)
            if isinstance(value, ast.AST):
                roots.append(value)
        if (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ):
            roots.append(node)
    return {id(n) for root in roots for n in ast.walk(root)}


def mutants(file: str) -> list[Mutant]:
    """Every mutant of ``file`` (relative to the repository root)."""
    tree = _tree(file)
    counter = _Mutator(-1, tree)
    counter.visit(tree)
    return [Mutant(file, i, line, what) for i, (line, what) in enumerate(counter.found)]


def _tree(file: str) -> ast.Module:
    return ast.parse((REPO / file).read_text(encoding="utf-8"), filename=file)


def mutated_code(m: Mutant) -> CodeType:
    """The module's code with mutant ``m`` applied."""
    original = _tree(m.file)
    tree = _Mutator(m.index, original).visit(original)
    ast.fix_missing_locations(tree)
    return compile(tree, str(REPO / m.file), "exec")


def equivalents() -> Counter[tuple[str, int, str]]:
    """The survivors benchmarks/mutation-survivors.md lists as equivalent (a multiset:
    one line may hold the same mutation twice)."""
    text = SURVIVORS.read_text(encoding="utf-8") if SURVIVORS.exists() else ""
    return Counter((m["file"], int(m["line"]), m["what"]) for m in _LISTED.finditer(text))


def _module_name(file: str) -> str:
    name = file.removesuffix(".py").replace("/", ".")
    return name.removesuffix(".__init__")


class _MutantFinder(importlib.abc.MetaPathFinder):
    """Serves the mutated module in place of the original, for this process only."""

    def __init__(self, name: str, code: CodeType) -> None:
        self.name = name
        self.code = code

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.origin is None:
            return None
        spec.loader = _MutantLoader(fullname, spec.origin, self.code)
        return spec


class _MutantLoader(importlib.machinery.SourceFileLoader):
    def __init__(self, fullname: str, path: str, code: CodeType) -> None:
        super().__init__(fullname, path)
        self._code = code

    def get_code(self, fullname: str) -> CodeType:
        return self._code


def _child(m: Mutant | None, tests: Sequence[str]) -> int:
    """In the forked child: load the mutant, run the tests; pytest's exit code."""
    import pytest

    if m is not None:
        sys.meta_path.insert(0, _MutantFinder(_module_name(m.file), mutated_code(m)))
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    args = ["-x", "-q", "-p", "no:cacheprovider", "-W", "ignore", *tests]
    return int(pytest.main(args))


def _preload() -> None:
    """Import the heavy third-party modules once, before forking (never corpus_tools:
    each child must load it with its own mutant)."""
    import click  # noqa: F401
    import hypothesis  # noqa: F401
    import jsonschema  # noqa: F401
    import lxml.etree  # noqa: F401
    import pytest  # noqa: F401
    import yaml  # noqa: F401

    assert not any(name.startswith("corpus_tools") for name in sys.modules)


@dataclass
class _Running:
    mutant: Mutant | None
    pid: int
    fd: int
    started: float


def _start(m: Mutant | None, tests: Sequence[str]) -> _Running:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        os.chdir(REPO)
        code = 3
        try:
            code = _child(m, tests)
        finally:
            os.write(write, bytes([code & 0xFF]))
            os._exit(0)
    os.close(write)
    return _Running(m, pid, read, time.monotonic())


def run(
    todo: Sequence[tuple[Mutant, Sequence[str]]], jobs: int, timeout: float, budget: float
) -> Iterator[tuple[Mutant, str]]:
    """Run the mutants, ``jobs`` at a time; yield each with killed / survived / timeout.
    Stops starting new ones when ``budget`` seconds have passed."""
    started = time.monotonic()
    queue = list(todo)
    running: list[_Running] = []
    while queue or running:
        while queue and len(running) < jobs and time.monotonic() - started < budget:
            m, tests = queue.pop(0)
            running.append(_start(m, tests))
        if not running:
            break
        ready, _, _ = select.select([r.fd for r in running], [], [], 0.5)
        now = time.monotonic()
        for r in list(running):
            verdict = None
            if r.fd in ready:
                data = os.read(r.fd, 1)
                # pytest: 0 passed, 1 a test failed; anything else is no verdict.
                verdict = {b"\x00": "survived", b"\x01": "killed"}.get(data, "error")
            elif now - r.started > timeout:
                os.kill(r.pid, signal.SIGKILL)
                verdict = "timeout"
            if verdict is not None:
                os.close(r.fd)
                os.waitpid(r.pid, 0)
                running.remove(r)
                assert r.mutant is not None
                yield r.mutant, verdict


def _baseline(tests: Sequence[str], timeout: float) -> float:
    """Run the unmutated selection: it must pass. Its time."""
    r = _start(None, tests)
    select.select([r.fd], [], [], timeout)
    data = os.read(r.fd, 1)
    os.close(r.fd)
    os.waitpid(r.pid, 0)
    if data != b"\x00":
        sys.exit(f"the tests fail without any mutant: python -m pytest {' '.join(tests)}")
    return time.monotonic() - r.started


def main(argv: Sequence[str] | None = None) -> int:
    """Run the mutation tests; print the score per module and the survivors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=sorted(GROUPS), default=[])
    parser.add_argument("--file", action="append", default=[], help="only this file")
    parser.add_argument("--line", type=int, action="append", default=[], help="only here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--budget", type=float, default=3600, help="seconds in all")
    parser.add_argument("--list", action="store_true", help="list the mutants only")
    args = parser.parse_args(argv)
    groups = args.module or sorted(GROUPS)
    todo: list[tuple[Mutant, Sequence[str]]] = []
    for group in groups:
        files, tests = GROUPS[group]
        for file in files:
            if args.file and file not in args.file:
                continue
            for m in mutants(file):
                if not args.line or m.line in args.line:
                    todo.append((m, tests))
    if args.list:
        for m, _ in todo:
            print(m)
        print(f"{len(todo)} mutants")
        return 0
    _preload()
    timeout = 0.0
    for group in groups:
        spent = _baseline(GROUPS[group][1], 600)
        timeout = max(timeout, 30.0, 5 * spent)
        print(f"{group}: baseline {spent:.1f} s", flush=True)
    results: dict[str, dict[str, int]] = {}
    survivors: list[Mutant] = []
    t0 = time.monotonic()
    for m, verdict in run(todo, args.jobs, timeout, args.budget):
        tally = results.setdefault(m.file, {"killed": 0, "survived": 0, "timeout": 0, "error": 0})
        tally[verdict] += 1
        if verdict == "survived":
            survivors.append(m)
            print(f"SURVIVED {m}", flush=True)
        elif verdict == "error":
            print(f"ERROR (the tests could not run) {m}", flush=True)
    print(f"\n{len(todo)} mutants in {time.monotonic() - t0:.0f} s")
    listed = equivalents()
    unexplained: list[Mutant] = []
    equivalent: Counter[str] = Counter()
    for m in sorted(survivors, key=lambda m: (m.file, m.line, m.index)):
        key = (m.file, m.line, m.what)
        if listed[key] > 0:
            listed[key] -= 1
            equivalent[m.file] += 1
        else:
            unexplained.append(m)
    for group in groups:
        files = [f for f in GROUPS[group][0] if f in results]
        killed = sum(results[f]["killed"] + results[f]["timeout"] for f in files)
        total = sum(sum(results[f].values()) for f in files)
        same = sum(equivalent[f] for f in files)
        if total:
            print(
                f"{group:12} {killed}/{total} killed ({100 * killed / total:.1f}%); "
                f"{same} equivalent; score {100 * killed / (total - same):.1f}% of the others"
            )
        for f in files:
            r = results[f]
            errors = f", {r['error']} errors" if r["error"] else ""
            print(f"  {f:40} {r['killed'] + r['timeout']}/{sum(r.values())}{errors}")
    print(f"\nsurvivors not listed as equivalent in {SURVIVORS.relative_to(REPO)}:")
    for m in unexplained:
        print(f"  {m}")
    ran = {m.file for m, _ in todo}
    stale = sorted(k for k, n in listed.items() if n > 0 and k[0] in ran)
    finished = sum(sum(r.values()) for r in results.values()) == len(todo)
    if stale and finished and not args.line:
        print("\nlisted as equivalent but killed (remove from the list):")
        for file, line, what in stale:
            print(f"  {file}:{line}: {what}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
