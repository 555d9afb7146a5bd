"""Meta-tests: the README documents every diagnostic code and every command."""

from __future__ import annotations

import subprocess

from corpus_tools.cli import cli
from corpus_tools.diagnostics import CODES

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_code_is_in_the_readme_table() -> None:
    for info in CODES.values():
        row = f"| `{info.code}` | {info.severity.value} | {info.level.value} | {info.title} | {info.hint} |"
        assert row in README, f"README lacks the row for {info.code}"


def test_every_command_is_in_the_readme() -> None:
    assert isinstance(cli.commands, dict)
    for name in cli.commands:
        assert f"`corpus {name}" in README, name


SETUP = [
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/corpus export --format all"
    " && .venv/bin/corpus validate",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest",
]


def test_readme_starts_with_the_two_setup_commands() -> None:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert block == SETUP
    # Both work where the system Python is externally managed (PEP 668).
    assert all(line.startswith("python3 -m venv .venv && .venv/bin/pip install") for line in block)
    assert "`python3-venv` package" in README


def test_ci_runs_the_readme_setup_commands() -> None:
    """.ci/run reads the two lines from the README's first sh block and runs them, the
    test command last; the same extraction here yields the README's two lines."""
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    awk = "awk '/^```sh$/ { inside = 1; next } inside && /^```$/ { exit } inside' README.md"
    assert f"mapfile -t setup < <({awk})" in ci
    proc = subprocess.run(
        ["bash", "-c", f"{awk}"], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert proc.stdout.splitlines() == SETUP
    runs = [line.strip() for line in ci.splitlines() if line.startswith("run_readme_line ")]
    assert runs == ['run_readme_line "${setup[0]}"', 'run_readme_line "${setup[1]}"']
    assert ci.rstrip().endswith('run_readme_line "${setup[1]}"')


def test_every_option_has_help() -> None:
    for command in cli.commands.values():
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), f"{command.name} {param.name} has no help"
