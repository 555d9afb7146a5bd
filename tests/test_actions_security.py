"""The workflow and the composite action: pinned, linted by zizmor, and caching safely.

zizmor (the GitHub Actions security linter) runs ``--offline``: no audit that needs the
GitHub API, nothing fetched. Where it is not installed (``pip install -e '.[test]'``
installs it) these tests skip, except in CI, where the check must run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .test_integration_files import ACTION, NO_NETWORK, WORKFLOW, Runner, load
from .test_pr_gate import S4, VALID, make_repo

# owner/repo[/path]@<full commit SHA> # <the tag it was taken from>
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _zizmor() -> str:
    """The zizmor executable of this Python's environment, or the one on PATH."""
    beside = Path(sys.executable).parent / "zizmor"
    found = str(beside) if beside.is_file() else shutil.which("zizmor")
    if found is None:
        reason = "zizmor is not installed (pip install -e '.[test]' installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; in CI this check must run")
        pytest.skip(reason)
    return found


def zizmor(*paths: Path) -> list[dict[str, Any]]:
    """zizmor's findings on ``paths``, offline, at its default persona."""
    proc = subprocess.run(
        [_zizmor(), "--offline", "--no-progress", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        env={**os.environ, **NO_NETWORK},
        check=False,
    )
    # 0: no findings; 10 to 14: findings of that highest severity; anything else failed.
    assert proc.returncode in (0, 10, 11, 12, 13, 14), proc.stderr
    findings: list[dict[str, Any]] = json.loads(proc.stdout)
    return findings


def test_zizmor_finds_nothing_in_the_workflow_and_the_action() -> None:
    findings = zizmor(WORKFLOW, ACTION)
    assert [(f["ident"], f["determinations"]["severity"]) for f in findings] == []


def test_zizmor_catches_a_tag_pin(tmp_path: Path) -> None:
    """The check has teeth: the tag pins of before are ``unpinned-uses`` findings."""
    text = WORKFLOW.read_text(encoding="utf-8")
    unpinned = re.sub(r"(actions/checkout)@[0-9a-f]{40} # v[\d.]+", r"\1@v5", text)
    assert unpinned != text
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "corpus.yml").write_text(unpinned, encoding="utf-8")
    findings = zizmor(workflows / "corpus.yml")
    assert [f["ident"] for f in findings] == ["unpinned-uses"]


def _uses(data: dict[str, Any]) -> list[str]:
    steps = data["runs"]["steps"] if "runs" in data else []
    for job in data.get("jobs", {}).values():
        steps = steps + job["steps"]
    return [step["uses"] for step in steps if "uses" in step]


@pytest.mark.parametrize("path", [WORKFLOW, ACTION], ids=["workflow", "action"])
def test_every_action_is_pinned_to_a_commit_with_its_tag_in_a_comment(path: Path) -> None:
    uses = _uses(load(path))
    assert uses
    lines = path.read_text(encoding="utf-8").splitlines()
    for ref in uses:
        (line,) = [ln for ln in lines if re.search(rf"uses: {re.escape(ref)}(?: |$)", ln)]
        assert PINNED.match(line.split("uses: ", 1)[1]), line


def _steps(path: Path) -> list[dict[str, Any]]:
    data = load(path)
    if "runs" in data:
        steps: list[dict[str, Any]] = data["runs"]["steps"]
        return steps
    (job,) = data["jobs"].values()
    job_steps: list[dict[str, Any]] = job["steps"]
    return job_steps


@pytest.mark.parametrize(
    ("path", "validate"),
    [(WORKFLOW, "Validate the seeds and the exports"), (ACTION, "Validate the corpus")],
    ids=["workflow", "action"],
)
def test_the_result_cache_is_restored_before_and_saved_after_the_one_validate(
    path: Path, validate: str
) -> None:
    steps = _steps(path)
    names = [s.get("name", s.get("uses", "")) for s in steps]
    restore = next(i for i, s in enumerate(steps) if "actions/cache/restore@" in s.get("uses", ""))
    save = next(i for i, s in enumerate(steps) if "actions/cache/save@" in s.get("uses", ""))
    checked = names.index(validate)
    assert restore < checked < save
    # Only one step runs corpus-tools on the corpus: seeds and exports in one pass.
    runs = [s["run"] for s in steps if "run" in s and "corpus validate" in s["run"]]
    assert len(runs) == 1
    assert not any("corpus export" in s.get("run", "") for s in steps)
    cache_dir = steps[restore]["with"]["path"]
    assert cache_dir.endswith(".corpus-cache")
    assert steps[save]["with"]["path"] == cache_dir
    # Saved after findings too, never after a cancel or without a restore.
    condition = steps[save]["if"]
    assert "!cancelled()" in condition
    assert "steps.cache.outcome == 'success'" in condition


def test_workflow_cache_key_names_the_tool_version_and_the_configuration() -> None:
    steps = _steps(WORKFLOW)
    restore = next(s for s in steps if "actions/cache/restore@" in s.get("uses", ""))
    key, restore_keys = restore["with"]["key"], restore["with"]["restore-keys"].strip()
    config = "hashFiles('corpus.toml', 'schema/**', 'pyproject.toml')"
    assert restore_keys == (
        f"corpus-cache-${{{{ runner.os }}}}-${{{{ steps.install.outputs.version }}}}"
        f"-${{{{ {config} }}}}-"
    )
    assert key == restore_keys + "${{ hashFiles('seeds/**') }}"
    save = next(s for s in steps if "actions/cache/save@" in s.get("uses", ""))
    assert save["with"]["key"] == "${{ steps.cache.outputs.cache-primary-key }}"


def _outputs(runner: Runner) -> dict[str, str]:
    lines = runner.output.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


def test_action_cache_key_follows_version_configuration_and_seeds(tmp_path: Path) -> None:
    """The key step writes prefix and key; the seeds change only the key's tail."""
    from corpus_tools._version import __version__

    repo = make_repo(tmp_path)
    (step,) = [s for s in _steps(ACTION) if s.get("id") == "cache-key"]

    def key_of(name: str) -> dict[str, str]:
        runner = Runner(tmp_path / name, repo)
        proc = runner.run(step, {"root": "."})
        assert proc.returncode == 0, proc.stderr
        return _outputs(runner)

    first = key_of("first")
    assert re.fullmatch(
        rf"corpus-cache-Linux-{re.escape(__version__)}-[0-9a-f]{{16}}-[0-9a-f]{{16}}-",
        first["prefix"],
    ), first
    assert re.fullmatch(re.escape(first["prefix"]) + "[0-9a-f]{16}", first["key"])
    assert key_of("again") == first  # deterministic

    repo.write(S4, VALID[S4])
    seeds = key_of("seeds")
    assert seeds["prefix"] == first["prefix"]
    assert seeds["key"] != first["key"]

    config = (repo.path / "corpus.toml").read_text(encoding="utf-8")
    repo.write("corpus.toml", config.replace('"1991-01-01"', '"1992-01-01"'))
    assert key_of("config")["prefix"] != first["prefix"]
