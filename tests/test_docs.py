"""Meta-tests: the README documents every diagnostic code and every command."""

from __future__ import annotations

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


def test_readme_starts_with_the_two_setup_commands() -> None:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert block == [
        "python3 -m pip install . && corpus export --format all && corpus validate",
        "python3 -m pip install -e '.[test]' && python3 -m pytest",
    ]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pip install -e '.[test]' && python3 -m pytest" in ci.splitlines()


def test_every_option_has_help() -> None:
    for command in cli.commands.values():
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), f"{command.name} {param.name} has no help"
