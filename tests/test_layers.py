"""The package's parts import each other in one direction only: no cycles, and each
layer uses the layers below it (sub-packages count as one part)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "corpus_tools"

# Lower layers first; a part may import parts of its own layer or below, never above.
LAYERS: list[set[str]] = [
    {"_version", "errors", "paths", "progress", "procs", "langmodel", "registry"},
    {"schema", "diagnostics", "model", "locking"},
    {"config", "journal"},
    {
        "io",
        "annotate",
        "rules",
        "changes",
        "inputs",
        "cache",
        "snapshots",
        "policy",
        "metadata",
    },
    {"seeds", "exporters", "reporters"},
    {"checks", "exports"},
    {"pipeline"},
    {"api"},
    {"package"},
    {"commands"},
    {"cli", "__main__"},
]
# Parts that feed on the pipeline's output must not know about it.
FORBIDDEN = {
    "exporters": {"pipeline", "checks", "cache", "rules", "seeds", "api", "commands", "cli"},
    "reporters": {"pipeline", "checks", "cache", "seeds", "exporters", "api", "commands", "cli"},
    "seeds": {"exporters", "reporters", "pipeline", "checks", "cache", "api", "commands", "cli"},
}


def _part(module: str) -> str:
    return module.split(".")[0]


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        if rel == "__init__":
            continue  # the public surface re-exports lazily from every layer
        part = _part(rel)
        found = graph.setdefault(part, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "corpus_tools":
                    names = [alias.name for alias in node.names]
                elif node.module.startswith("corpus_tools."):
                    names = [node.module.removeprefix("corpus_tools.")]
            elif isinstance(node, ast.ImportFrom) and node.level > 0:
                base = rel.split(".")[: -node.level] if "." in rel else []
                if not base:  # a relative import inside a top-level module's package
                    names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [
                    a.name.removeprefix("corpus_tools.")
                    for a in node.names
                    if a.name.startswith("corpus_tools.")
                ]
            found.update(_part(n) for n in names if n and _part(n) != part)
    return graph


def _layer(part: str) -> int:
    for i, layer in enumerate(LAYERS):
        if part in layer:
            return i
    raise AssertionError(f"corpus_tools/{part} is in no layer of tests/test_layers.py")


def test_every_part_has_a_layer() -> None:
    for part in _graph():
        _layer(part)


def test_no_import_cycles() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_layers_point_down() -> None:
    upward = [
        f"{part} (layer {_layer(part)}) imports {dep} (layer {_layer(dep)})"
        for part, deps in sorted(_graph().items())
        for dep in sorted(deps)
        if _layer(dep) > _layer(part)
    ]
    assert upward == []


def test_consumers_do_not_know_the_pipeline() -> None:
    graph = _graph()
    wrong = [
        f"{part} imports {dep}"
        for part, banned in sorted(FORBIDDEN.items())
        for dep in sorted(graph.get(part, set()) & banned)
    ]
    assert wrong == []


def test_only_the_cli_imports_click() -> None:
    users = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if any(
            (isinstance(n, ast.Import) and any(a.name == "click" for a in n.names))
            or (isinstance(n, ast.ImportFrom) and n.module == "click")
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert users == ["cli.py"]
